"""Old checkpoints go into the stream's manifest pack (format version 2), so the objects of a
stream stay bounded however many checkpoints years of runs and compactions write: only the
newest stays its own object. ``verify --deep`` still checks every checkpoint (from the pack),
the independent format reader follows them, and a forged packed checkpoint is refused."""

from __future__ import annotations

import hashlib
import itertools
import json
import random
import shutil
from pathlib import Path
from typing import Any

import pytest

from archiver.archive import layout
from archiver.archive.catalog import packs
from archiver.archive.catalog.packs import PackName
from archiver.crawl.engine import run_archive
from archiver.ops.compact import compact
from archiver.ops.verify import verify
from archiver.simulators.peki import PekiSimulator
from tests import format_reader as fr
from tests.conftest import open_ctx, sealed_ctx, write_config
from tests.helpers import small_simulator

pytestmark = pytest.mark.usefixtures("parsed_once_in_module")


STREAM = ("peki-main", "bot1")


def runs(cfg: Path, sim: PekiSimulator, n: int, seed: int) -> None:
    ctx = open_ctx(cfg)
    for i in range(n):
        sim.random_changes(random.Random(seed + i), 5)
        assert run_archive(ctx).exit_code == 0


def keys(cfg: Path, prefix: str) -> list[str]:
    return sorted(i.key for i in open_ctx(cfg, write=False).store.list(prefix) if "bot1" in i.key)


def build(tmp: Path, sim: PekiSimulator) -> Path:
    cfg = write_config(tmp, sim, archive={"part_rows": 40, "checkpoint_every": 2})
    runs(cfg, sim, 7, seed=0)
    return cfg


def all_packs(cfg: Path) -> list[PackName]:
    names = [PackName.parse(k) for k in keys(cfg, layout.PACKS + "/")]
    return [n for n in names if n is not None]


def the_pack(cfg: Path) -> PackName:
    (key,) = keys(cfg, layout.PACKS + "/")
    name = PackName.parse(key)
    assert name is not None
    return name


def test_old_checkpoints_go_into_the_pack_and_every_reader_follows_them(tmp_path: Path) -> None:
    with small_simulator(seed=51, users=2) as sim:
        cfg = build(tmp_path, sim)
        written = keys(cfg, layout.CHECKPOINTS + "/")
        assert len(written) >= 3
        raw = {k: open_ctx(cfg).store.get(k) for k in written}
        compact(sealed_ctx(cfg), operator="t")
        newest = keys(cfg, layout.CHECKPOINTS + "/")
        assert len(newest) == 1  # only the newest stays on its own
        pack = packs.read(open_ctx(cfg).store, the_pack(cfg))
        # Every older checkpoint is in the pack, byte for byte; the compaction's own is the one
        # left on its own.
        assert newest[0] not in written
        assert dict(pack.checkpoints) == raw
        head = json.loads(pack_bytes(cfg).partition(b"\n")[0])
        assert head["format_version"] == 2 and len(head["checkpoints"]) == len(written)

        # More runs and compactions: still one checkpoint of its own; the packs are segments
        # back to back from manifest 1, each old checkpoint in one of them.
        for round_ in range(2):
            runs(cfg, sim, 4, seed=100 + 10 * round_)
            compact(sealed_ctx(cfg), operator="t")
            assert len(keys(cfg, layout.CHECKPOINTS + "/")) == 1
            spans = sorted((n.first, n.last) for n in all_packs(cfg))
            assert spans[0][0] == 1
            assert all(b[0] == a[1] + 1 for a, b in itertools.pairwise(spans)), spans
        every = {
            k: v
            for n in all_packs(cfg)
            for k, v in packs.read(open_ctx(cfg).store, n).checkpoints.items()
        }
        every |= {k: open_ctx(cfg).store.get(k) for k in keys(cfg, layout.CHECKPOINTS + "/")}
        assert set(written) < set(every)
        for k, v in raw.items():
            assert every[k] == v  # carried from pack to pack unchanged

    v = verify(sealed_ctx(cfg), deep=True)
    assert v.ok, v.problems
    assert verify(sealed_ctx(cfg)).ok
    # The independent reader finds them all, each equal to the replay of its manifests.
    root = tmp_path / "archive"
    public = (tmp_path / "keys" / "signing.pub.pem").read_bytes()
    (stream,) = [s for s in fr.read_streams(root, public) if s.tenant == "bot1"]
    docs = fr.read_checkpoints(root, stream, public)
    assert [layout.checkpoint_key(*STREAM, d["sequence"]) for d in docs] == sorted(every)
    for doc in docs:
        assert fr.same_index(root, stream, doc)


def pack_bytes(cfg: Path) -> bytes:
    return open_ctx(cfg).store.get(the_pack(cfg).key)


def packed_archive(tmp: Path) -> Path:
    with small_simulator(seed=52, users=2) as sim:
        cfg = build(tmp, sim)
    compact(sealed_ctx(cfg), operator="t")
    return cfg


def rewrite_checkpoint(cfg: Path, change: Any) -> str:
    """Replace the first packed checkpoint's bytes (``change(bytes) -> bytes``), the pack's
    index made to agree: only the checkpoint's own signature or links can tell."""
    path = cfg.parent / "archive" / the_pack(cfg).key
    head, _, body = path.read_bytes().partition(b"\n")
    index = json.loads(head)
    e = index["checkpoints"][0]
    start, end = e["offset"], e["offset"] + e["length"]
    new = change(body[start:end])
    body = body[:start] + new + body[end:]
    e["length"], e["sha256"] = len(new), hashlib.sha256(new).hexdigest()
    for later in index["checkpoints"][1:]:
        later["offset"] += len(new) - (end - start)
    path.write_bytes(
        json.dumps(index, sort_keys=True, separators=(",", ":")).encode() + b"\n" + body
    )
    packs.parse(the_pack(cfg), path.read_bytes())  # the pack itself is consistent
    return str(e["key"])


def test_a_forged_packed_checkpoint_is_refused_by_verify_deep(tmp_path: Path) -> None:
    cfg = packed_archive(tmp_path)
    key = rewrite_checkpoint(cfg, lambda b: b.replace(b'"sequence":', b'"sequence": ', 1))
    v = verify(sealed_ctx(cfg), deep=True)
    assert {p.key for p in v.problems} == {key}, v.problems
    assert not v.ok
    # Plain verify and the readers start from the newest checkpoint: the old one is not read.
    assert verify(sealed_ctx(cfg)).ok


def test_a_resigned_packed_checkpoint_that_lies_is_refused(tmp_path: Path) -> None:
    """Validly signed (as if the key were stolen) but not the replay of its manifests, and no
    longer what the next checkpoint links to."""
    from archiver.archive import signed

    cfg = packed_archive(tmp_path)
    ctx = open_ctx(cfg)

    def lie(raw: bytes) -> bytes:
        doc = json.loads(raw)
        doc["state"] = doc["state"] | {"watermark": "2000-01-01T00:00:00.000Z"}
        return signed.sign(signed.body(doc), ctx.signer)

    key = rewrite_checkpoint(cfg, lie)
    v = verify(sealed_ctx(cfg), deep=True)
    kinds = {(p.kind, p.key) for p in v.problems}
    assert ("checkpoint-replay", key) in kinds, v.problems
    assert any(k == "checkpoint-link" for k, _ in kinds), v.problems


def test_a_crash_after_the_pack_leaves_checkpoints_readable_and_a_rerun_cleans_up(
    tmp_path: Path,
) -> None:
    """The pack is written before the single checkpoints are deleted: both copies, the same
    bytes, verify green; a single copy that differs is damage; the next packing removes an
    identical leftover."""
    with small_simulator(seed=53, users=2) as sim:
        cfg = build(tmp_path, sim)
        saved = tmp_path / "saved"
        shutil.copytree(tmp_path / "archive" / layout.CHECKPOINTS, saved)
        compact(sealed_ctx(cfg), operator="t")
        # As if killed before the deletions: the single checkpoints back beside the pack.
        shutil.copytree(saved, tmp_path / "archive" / layout.CHECKPOINTS, dirs_exist_ok=True)
        assert len(keys(cfg, layout.CHECKPOINTS + "/")) > 1
        v = verify(sealed_ctx(cfg), deep=True)
        assert v.ok, v.problems
        first = keys(cfg, layout.CHECKPOINTS + "/")[0]
        path = tmp_path / "archive" / first
        good = path.read_bytes()
        path.write_bytes(good.replace(b"}", b" }", 1))
        v = verify(sealed_ctx(cfg), deep=True)
        assert ("pack-altered", first) in {(p.kind, p.key) for p in v.problems}, v.problems
        path.write_bytes(good)
        runs(cfg, sim, 2, seed=300)
        compact(sealed_ctx(cfg), operator="t")
        assert len(keys(cfg, layout.CHECKPOINTS + "/")) == 1
        assert verify(sealed_ctx(cfg), deep=True).ok
