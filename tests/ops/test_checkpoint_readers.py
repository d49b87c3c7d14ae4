"""Readers start from the newest checkpoint: the same answers as from the whole chain, only the
manifests after the checkpoint read; a damaged or forged checkpoint is passed over (and
``verify --deep`` names it); a crash between a commit and its checkpoint loses nothing."""

from __future__ import annotations

import dataclasses
import json
import logging
import random
import shutil
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pyarrow.dataset as ds
import pytest
import yaml
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from archiver.archive import layout, signed
from archiver.archive.catalog import checkpoint
from archiver.archive.store import ObjectInfo, Store
from archiver.context import Context
from archiver.crawl.engine import run_archive
from archiver.errors import IntegrityError, StoreError
from archiver.keys import Signer
from archiver.ops.erase import erase
from archiver.ops.export import export
from archiver.ops.gc import gc
from archiver.ops.restore import restore
from archiver.ops.retrieve import retrieve
from archiver.ops.verify import verify
from archiver.simulators.peki import PekiSimulator
from tests.conftest import open_ctx, sealed_ctx, write_config
from tests.helpers import small_simulator
from tests.s3 import MotoServer

pytestmark = pytest.mark.usefixtures("parsed_once_in_module")


EVERY = 3


class CountingStore:
    """A store that counts the objects read, by top-level folder."""

    def __init__(self, inner: Store) -> None:
        self.inner = inner
        self.description = inner.description
        self.gets: Counter[str] = Counter()
        self.keys: list[str] = []

    def put_if_absent(self, key: str, data: bytes, *, sha256_hex: str | None = None) -> bool:
        return self.inner.put_if_absent(key, data, sha256_hex=sha256_hex)

    def get(self, key: str) -> bytes:
        self.gets[key.split("/")[0]] += 1
        self.keys.append(key)
        return self.inner.get(key)

    def head(self, key: str) -> ObjectInfo | None:
        return self.inner.head(key)

    def list(self, prefix: str) -> Iterator[ObjectInfo]:
        return self.inner.list(prefix)

    def delete(self, key: str) -> None:
        self.inner.delete(key)


class NoCheckpoints(CountingStore):
    """Refuses to write checkpoints: the state a crash right after a commit leaves."""

    def put_if_absent(self, key: str, data: bytes, *, sha256_hex: str | None = None) -> bool:
        if key.startswith(layout.CHECKPOINTS + "/"):
            raise StoreError("the process died here")
        return super().put_if_absent(key, data, sha256_hex=sha256_hex)


def with_store(ctx: Context, store: Store) -> Context:
    return dataclasses.replace(ctx, store=store)


def copy_archive(cfg: Path, to: Path) -> Path:
    """A copy of the archive folder and its config, the config pointing at the copy."""
    shutil.copytree(cfg.parent, to, dirs_exist_ok=True)
    doc = yaml.safe_load((to / cfg.name).read_text())
    doc["archive"]["url"] = str(to / "archive")
    (to / cfg.name).write_text(yaml.safe_dump(doc, sort_keys=False))
    return to / cfg.name


def build(directory: Path, sim: PekiSimulator, archive: dict[str, Any] | None = None) -> Path:
    """Seven manifests per stream: runs, an erasure (manifest 5 of bot1), more runs;
    checkpoints every ``EVERY`` manifests."""
    cfg = write_config(
        directory, sim, archive={"part_rows": 40, "checkpoint_every": EVERY} | (archive or {})
    )
    ctx = open_ctx(cfg)
    for i in range(4):
        assert run_archive(ctx).exit_code == 0
        sim.random_changes(random.Random(i), 8)
    victim = sorted(sim.truth("bot1")["users"])[0]
    erase(sealed_ctx(cfg), victim, reason="test", source="peki-main")
    for i in range(2):
        sim.random_changes(random.Random(10 + i), 8)
        assert run_archive(ctx).exit_code == 0
    return cfg


@pytest.fixture(scope="module")
def sim() -> Iterator[PekiSimulator]:
    with small_simulator(21, users=4) as s:
        yield s


@pytest.fixture(scope="module")
def pair(sim: PekiSimulator, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The same archive with its checkpoints, and a copy without any."""
    a = tmp_path_factory.mktemp("with")
    cfg = build(a, sim)
    b = copy_archive(cfg, tmp_path_factory.mktemp("without"))
    shutil.rmtree(b.parent / "archive" / layout.CHECKPOINTS)
    assert (a / "archive" / layout.CHECKPOINTS).is_dir()
    return cfg, b


def ids(sim: PekiSimulator) -> tuple[str, str]:
    """A person still archived and one of their sessions."""
    truth = sim.truth("bot2")
    uid = sorted(truth["users"])[1]
    sid = sorted(s for s, r in truth["sessions"].items() if r["chatUserId"] == uid)[0]
    return uid, sid


def restored(directory: Path) -> dict[str, list[dict[str, Any]]]:
    out = {}
    for table in ("messages", "sessions", "users"):
        rows = ds.dataset(directory / table, partitioning="hive").to_table().to_pylist()
        out[table] = sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str))
    return out


def test_checkpoints_are_written_every_n_manifests(pair: tuple[Path, Path]) -> None:
    cfg, _ = pair
    store = open_ctx(cfg).store
    for tenant in ("bot1", "bot2"):
        # Run 3 reached 3 manifests; run 6 (manifest 6 after the erasure's 5) three more.
        assert [s for s, _ in checkpoint.listed(store, "peki-main", tenant)] == [3, 6]


def test_readers_answer_the_same_with_and_without_checkpoints(
    pair: tuple[Path, Path], sim: PekiSimulator, tmp_path: Path
) -> None:
    with_cp, without = pair
    uid, sid = ids(sim)
    answers = []
    for cfg, name in ((with_cp, "a"), (without, "b")):
        ctx = sealed_ctx(cfg)
        export(ctx, uid, tmp_path / f"{name}-export")
        data = json.loads((tmp_path / f"{name}-export" / "data.json").read_text())
        t = retrieve(ctx, sid, tmp_path / f"{name}.json", fmt="json")
        restore(ctx, tmp_path / f"{name}-restore", latest=True)
        restore(ctx, tmp_path / f"{name}-all")
        v = verify(ctx, witness=tmp_path / f"{name}-witness.json")
        assert v.ok, v.problems
        answers.append(
            {
                "export": data["streams"],
                "messages": t.messages,
                "versions": t.versions,
                "objects": t.custody["objects"],
                "latest": t.custody["chain"]["latest"],
                "restore": restored(tmp_path / f"{name}-restore"),
                "all": restored(tmp_path / f"{name}-all"),
                "verified": (v.objects, [(s.objects, s.rows) for s in v.streams]),
                "checkpoint": t.custody["chain"].get("checkpoint"),
            }
        )
    a, b = answers
    assert a["checkpoint"] is not None and a["checkpoint"]["sequence"] == 6
    assert b["checkpoint"] is None
    for what in ("export", "messages", "versions", "objects", "latest", "restore", "all"):
        assert a[what] == b[what], what
    assert a["verified"] == b["verified"]
    assert a["export"] and a["messages"] and a["restore"]["messages"]


def test_readers_read_only_the_manifests_after_the_checkpoint(
    pair: tuple[Path, Path], tmp_path: Path
) -> None:
    with_cp, without = pair
    counts = {}
    for cfg, name in ((with_cp, "a"), (without, "b")):
        ctx = open_ctx(cfg, write=False)
        store = CountingStore(ctx.store)
        restore(with_store(ctx, store), tmp_path / name, latest=True)
        counts[name] = store
    a, b = counts["a"], counts["b"]
    # Manifest 6 (checked against the checkpoint) and, of bot1 (erased from: one manifest
    # more), 7; one checkpoint per stream.
    assert a.gets[layout.MANIFESTS] == 2 + 1
    assert a.gets[layout.CHECKPOINTS] == 2
    assert {k.rsplit("/", 1)[1] for k in a.keys if k.startswith("manifests/")} == {
        "0000000006.json",
        "0000000007.json",
    }
    assert b.gets[layout.MANIFESTS] == 7 + 6
    assert b.gets[layout.CHECKPOINTS] == 0
    # The objects read are the same.
    assert a.gets[layout.DATA] == b.gets[layout.DATA] > 0


def test_plain_verify_reads_from_the_checkpoint_deep_reads_all(
    pair: tuple[Path, Path], tmp_path: Path
) -> None:
    cfg, _ = pair
    ctx = open_ctx(cfg, write=False)
    plain, deep = CountingStore(ctx.store), CountingStore(ctx.store)
    p = verify(with_store(ctx, plain), witness=tmp_path / "w1.json")
    d = verify(with_store(ctx, deep), deep=True, witness=tmp_path / "w2.json")
    assert p.ok and d.ok, (p.problems, d.problems)
    assert plain.gets[layout.MANIFESTS] == 2 + 1
    assert deep.gets[layout.MANIFESTS] == 7 + 6
    assert deep.gets[layout.CHECKPOINTS] == 2 * 2
    assert any("taken from checkpoint" in n for n in p.notes)
    assert p.objects == d.objects


def _copy(pair: tuple[Path, Path], tmp_path: Path) -> Path:
    return copy_archive(pair[0], tmp_path / "c")


def _newest(cfg: Path, tenant: str = "bot1") -> Path:
    return cfg.parent / "archive" / layout.checkpoint_key("peki-main", tenant, 6)


def _resign(path: Path, signer: Signer, change: Any) -> None:
    doc = json.loads(path.read_bytes())
    body = signed.body(doc)
    change(body)
    path.write_bytes(signed.sign(body, signer))


def _drop_first_object(body: dict[str, Any]) -> None:
    group = body["live"][0]
    group["objects"] = group["objects"][1:]
    if not group["objects"]:
        body["live"] = body["live"][1:]


@pytest.mark.parametrize("damage", ["altered", "forged", "garbage"])
def test_a_damaged_checkpoint_is_passed_over_and_named_by_verify(
    pair: tuple[Path, Path],
    tmp_path: Path,
    damage: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    cfg = _copy(pair, tmp_path)
    path = _newest(cfg)
    if damage == "altered":  # content changed, signature kept
        doc = json.loads(path.read_bytes())
        _drop_first_object(doc)
        path.write_bytes(signed.canonical(doc) + b"\n")
    elif damage == "forged":  # signed by a key the archive does not trust
        _resign(path, Signer(Ed25519PrivateKey.generate()), _drop_first_object)
    else:
        path.write_bytes(b'{"truncated": ')
    ctx = open_ctx(cfg, write=False)
    with caplog.at_level(logging.WARNING):
        chain = ctx.catalog.chain("peki-main", "bot1", from_checkpoint=True)
    assert chain.base is None  # the whole chain was read instead
    assert any("reading every manifest" in r.getMessage() for r in caplog.records)
    full = ctx.catalog.chain("peki-main", "bot1")
    assert [p.entry.key for p in chain.live()] == [p.entry.key for p in full.live()]
    restore(ctx, tmp_path / "r", latest=True)
    restore(open_ctx(pair[0], write=False), tmp_path / "good", latest=True)
    assert restored(tmp_path / "r") == restored(tmp_path / "good")
    kinds = {
        "altered": "checkpoint-altered",
        "forged": "checkpoint-foreign-signature",
        "garbage": "checkpoint-altered",
    }
    for deep in (False, True):
        report = verify(ctx, deep=deep, witness=tmp_path / f"w{deep}.json")
        found = {(p.kind, p.key) for p in report.problems}
        assert (kinds[damage], str(path.relative_to(cfg.parent / "archive"))) in found, found
    # The other stream's checkpoint is still used.
    assert ctx.catalog.chain("peki-main", "bot2", from_checkpoint=True).covered == 6


def test_deep_verify_names_a_signed_checkpoint_that_is_not_the_replay(
    pair: tuple[Path, Path], tmp_path: Path
) -> None:
    """Signed by the archive's own key but wrong (a bug, or a stolen key): readers trust the
    signature, ``verify --deep`` replays the chain and names it."""
    cfg = _copy(pair, tmp_path)
    ctx = open_ctx(cfg)
    _resign(_newest(cfg), ctx.signer, _drop_first_object)
    plain = verify(ctx, witness=tmp_path / "w1.json")
    deep = verify(ctx, deep=True, witness=tmp_path / "w2.json")
    assert plain.ok  # the signature holds: plain verify cannot tell
    kinds = {p.kind for p in deep.problems}
    assert "checkpoint-replay" in kinds
    # The next checkpoint links to the bytes stored: the chain of checkpoints itself still holds.
    assert "checkpoint-link" not in kinds


def test_deep_verify_checks_the_checkpoint_chain(pair: tuple[Path, Path], tmp_path: Path) -> None:
    cfg = _copy(pair, tmp_path)
    first = cfg.parent / "archive" / layout.checkpoint_key("peki-main", "bot2", 3)
    first.unlink()
    report = verify(open_ctx(cfg, write=False), deep=True, witness=tmp_path / "w.json")
    assert [(p.kind, p.key) for p in report.problems] == [
        ("checkpoint-link", layout.checkpoint_key("peki-main", "bot2", 6))
    ]


def test_a_checkpoint_beyond_the_chain_shows_truncation(
    pair: tuple[Path, Path], tmp_path: Path
) -> None:
    """Manifests cut from a chain's end, its checkpoint left: readers fall back to what is
    there (with a warning); verify names the truncation even without a witness."""
    cfg = _copy(pair, tmp_path)
    root = cfg.parent / "archive"
    for seq in (6, 7):
        (root / layout.manifest_key("peki-main", "bot1", seq)).unlink()
    ctx = open_ctx(cfg, write=False)
    warnings: list[str] = []
    keys = ctx.catalog.streams()[("peki-main", "bot1")]
    chain = checkpoint.read_chain_from_checkpoint(
        ctx.store, keys, ctx.verifier, warn=warnings.append
    )
    assert chain.head.sequence == 5 and chain.base is None
    assert any("chain ends at 5" in w for w in warnings)
    for deep in (False, True):
        report = verify(ctx, deep=deep, witness=tmp_path / f"w{deep}.json")
        assert "chain-truncated" in {p.kind for p in report.problems}
    # gc must not take the cut manifests' objects for orphans.
    with pytest.raises(IntegrityError, match="covers manifest 6"):
        gc(ctx, grace=timedelta(0))


def test_a_crash_between_commit_and_checkpoint_loses_nothing(
    sim: PekiSimulator, tmp_path: Path
) -> None:
    cfg = write_config(tmp_path, sim, archive={"part_rows": 40, "checkpoint_every": 2})
    ctx = open_ctx(cfg)
    assert run_archive(ctx).exit_code == 0
    failing = NoCheckpoints(ctx.store)
    report = run_archive(with_store(ctx, failing))
    assert report.exit_code == 0
    assert all(s.sequence == 2 and s.checkpoint_age == 2 for s in report.streams)
    assert checkpoint.listed(ctx.store, "peki-main", "bot1") == []
    restore(ctx, tmp_path / "before", latest=True)
    sim.random_changes(random.Random(5), 6)
    report = run_archive(ctx)
    assert all(s.sequence == 3 and s.checkpoint_age == 0 for s in report.streams)
    assert [s for s, _ in checkpoint.listed(ctx.store, "peki-main", "bot1")] == [3]
    v = verify(ctx, deep=True, witness=tmp_path / "w.json")
    assert v.ok, v.problems
    # Nothing lost: what was restorable before is still there.
    restore(ctx, tmp_path / "after", latest=True)
    before, after = restored(tmp_path / "before"), restored(tmp_path / "after")
    ids_before = {r["message_id"] for r in before["messages"]}
    assert ids_before <= {r["message_id"] for r in after["messages"]}


def test_checkpoints_on_s3(moto_server: MotoServer, sim: PekiSimulator, tmp_path: Path) -> None:
    """The same over HTTP: written by runs, read by restore from the newest checkpoint."""
    bucket = moto_server.new_bucket()
    cfg = write_config(
        tmp_path,
        sim,
        archive=moto_server.archive_config(bucket) | {"part_rows": 40, "checkpoint_every": 2},
    )
    ctx = open_ctx(cfg)
    for i in range(3):
        assert run_archive(ctx).exit_code == 0
        sim.random_changes(random.Random(30 + i), 4)
    assert [s for s, _ in checkpoint.listed(ctx.store, "peki-main", "bot1")] == [2]
    counting = CountingStore(ctx.store)
    restore(with_store(ctx, counting), tmp_path / "r", latest=True)
    assert counting.gets[layout.MANIFESTS] == 2 * 2  # manifests 2 and 3 of each stream
    full = CountingStore(ctx.store)
    for src, tenant in ctx.catalog.streams():
        fast = ctx.catalog.chain(src, tenant, from_checkpoint=True)
        whole = dataclasses.replace(ctx, store=full).catalog.chain(src, tenant)
        assert [p.entry for p in fast.live()] == [p.entry for p in whole.live()]
    v = verify(ctx, deep=True, witness=tmp_path / "w.json")
    assert v.ok, v.problems
