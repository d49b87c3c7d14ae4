"""``archiver compact`` packs old manifests, on the local store and on S3 (moto over HTTP):
fewer objects, and every reader sees the same chain — ``verify --deep`` green, ``restore
--latest`` row for row, ``retrieve``'s custody identical, the independent format reader
follows it — while a tampered pack (a byte of a manifest, or its index) is refused."""

from __future__ import annotations

import hashlib
import json
import random
from datetime import timedelta
from pathlib import Path
from typing import Any

import pyarrow.dataset as ds
import pytest
from click.testing import CliRunner

from archiver.archive import layout
from archiver.archive.catalog import checkpoint, packs
from archiver.archive.catalog.packs import PackName
from archiver.archive.reader import ArchiveReader
from archiver.cli import cli
from archiver.crawl.engine import run_archive
from archiver.errors import IntegrityError
from archiver.ops.compact import compact
from archiver.ops.gc import gc
from archiver.ops.restore import restore
from archiver.ops.retrieve import retrieve
from archiver.ops.status import status
from archiver.ops.verify import verify
from archiver.simulators.peki import PekiSimulator
from tests import format_reader as fr
from tests.conftest import open_ctx, sealed_ctx, sealed_key, write_config
from tests.helpers import small_simulator
from tests.s3 import MotoServer

pytestmark = pytest.mark.usefixtures("parsed_once_in_module")


STREAM = ("peki-main", "bot1")


def runs(cfg: Path, sim: PekiSimulator, n: int, seed: int) -> None:
    ctx = open_ctx(cfg)
    for i in range(n):
        sim.random_changes(random.Random(seed + i), 5)
        assert run_archive(ctx).exit_code == 0


def build(tmp: Path, sim: PekiSimulator, archive: dict[str, Any]) -> Path:
    cfg = write_config(tmp, sim, archive=archive | {"part_rows": 40, "checkpoint_every": 2})
    assert run_archive(open_ctx(cfg)).exit_code == 0
    runs(cfg, sim, 4, seed=0)
    return cfg


def restored(cfg: Path, to: Path) -> dict[str, list[str]]:
    restore(sealed_ctx(cfg), to, latest=True, sealed=True, operator="t", reason="t")
    out = {}
    for table in ("messages", "sessions", "users"):
        rows = ds.dataset(to / table, partitioning="hive").to_table().to_pylist()
        out[table] = sorted(json.dumps(r, sort_keys=True, default=str) for r in rows)
    return out


def custody(cfg: Path, to: Path, sid: str) -> dict[str, Any]:
    t = retrieve(sealed_ctx(cfg), sid, to, fmt="json", operator="t", reason="t")
    return {k: v for k, v in t.custody.items() if k != "checked_at"} | {"messages": t.messages}


def a_compacted_session(cfg: Path) -> str:
    """A session with rows in a compacted object (its custody follows lineage)."""
    ctx = sealed_ctx(cfg)
    chain = ctx.catalog.chain(*STREAM)
    entry = next(p.entry for p in chain.live() if p.entry.compacted and p.entry.table == "messages")
    reader = ArchiveReader(ctx.store, verifier=ctx.verifier, masked=ctx.masked, sealed=ctx.sealed)
    return str(reader.read_table(entry).to_pylist()[0]["session_id"])


def keys(cfg: Path, prefix: str) -> list[str]:
    return sorted(i.key for i in open_ctx(cfg, write=False).store.list(prefix))


def check_packing(cfg: Path, tmp: Path, sim: PekiSimulator, *, store_logic: bool = True) -> None:
    """Packing, and what every reader sees after it. ``store_logic`` off (the S3 variant)
    leaves out what depends on no store (retrieve's custody, status, and the second round's
    segment tiers): the local variant proves it, S3 adds its own requests for the rest."""
    # Compacted first without packing: what readers see then is the reference.
    first = compact(sealed_ctx(cfg), operator="t", pack=False)
    assert first.manifests and not first.packs
    sid = a_compacted_session(cfg)
    before_rows = restored(cfg, tmp / "before")
    before_custody = custody(cfg, tmp / "before.json", sid) if store_logic else None
    before_chain = [(m.key, m.sha256) for m in open_ctx(cfg).catalog.chain(*STREAM).manifests]
    objects_before = len(keys(cfg, ""))
    cp = checkpoint.newest_sequence(open_ctx(cfg).store, *STREAM)
    assert cp >= 3

    dry = compact(sealed_ctx(cfg), operator="t", dry_run=True)
    assert dry.would_pack[f"{STREAM[0]}/{STREAM[1]}"] == cp - 1
    assert keys(cfg, layout.PACKS + "/") == []

    report = compact(sealed_ctx(cfg), operator="t")
    assert not report.manifests  # nothing left to rewrite: only packing
    done = report.packs[f"{STREAM[0]}/{STREAM[1]}"]
    assert done.pack == layout.pack_key(*STREAM, 1, cp - 1)
    assert done.manifests == cp - 1 and not done.retained
    # Only the manifests from the checkpoint's on stay single; the rest are in the pack.
    single = [k for k in keys(cfg, layout.MANIFESTS + "/") if "bot1" in k]
    assert single == [layout.manifest_key(*STREAM, s) for s in range(cp, len(before_chain) + 1)]
    assert done.pack in keys(cfg, layout.PACKS + "/")
    assert len(keys(cfg, "")) < objects_before

    # Every reader sees the same chain, byte for byte.
    ctx = open_ctx(cfg)
    assert [(m.key, m.sha256) for m in ctx.catalog.chain(*STREAM).manifests] == before_chain
    assert ctx.catalog.streams()[STREAM] == [k for k, _ in before_chain]
    for deep in (False, True):
        v = verify(sealed_ctx(cfg), deep=deep)
        assert v.ok, v.problems
        assert not v.orphans and v.manifests == sum(len(k) for k in ctx.catalog.streams().values())
    assert restored(cfg, tmp / "after") == before_rows
    assert gc(ctx, grace=timedelta(0)).deleted == []
    # Idempotent: nothing more to pack.
    again = compact(sealed_ctx(cfg), operator="t")
    assert not again.packs and not again.manifests
    if not store_logic:
        return
    assert custody(cfg, tmp / "after.json", sid) == before_custody
    # status walks back from the head (a compaction) to the last crawl: in the pack.
    st = status(ctx)
    assert all(not s.problems and s.last_complete is not None for s in st.streams), st.streams

    # More runs and another compaction: a new segment holds only the manifests packed since
    # (cp..cp2-1), merged with the one before when that is no larger (packs.TIER).
    size = {i.key: i.size for i in open_ctx(cfg).store.list(layout.PACKS + "/")}[done.pack]
    runs(cfg, sim, 4, seed=50)
    second = compact(sealed_ctx(cfg), operator="t").packs[f"{STREAM[0]}/{STREAM[1]}"]
    cp2 = checkpoint.newest_sequence(open_ctx(cfg).store, *STREAM)
    assert cp2 > cp
    now = {i.key: i.size for i in open_ctx(cfg).store.list(layout.PACKS + "/") if "bot1" in i.key}
    new = layout.pack_key(*STREAM, cp, cp2 - 1)
    merged = layout.pack_key(*STREAM, 1, cp2 - 1)
    if merged in now:  # the first pack was no larger than the new segment
        assert list(now) == [merged] and second.pack == merged
        assert done.pack in second.deleted and new in second.deleted
    else:
        assert list(now) == [done.pack, new] and second.pack == new
        assert size > packs.TIER * now[new] and second.manifests == cp2 - cp
    v = verify(sealed_ctx(cfg), deep=True)
    assert v.ok, v.problems


def test_packing_on_the_local_store(tmp_path: Path) -> None:
    with small_simulator(seed=41, users=2) as sim:
        cfg = build(tmp_path, sim, {})
        check_packing(cfg, tmp_path, sim)
    # The independent reader finds every manifest, in packs or not, from FORMAT.md alone.
    root = tmp_path / "archive"
    public = (tmp_path / "keys" / "signing.pub.pem").read_bytes()
    streams = {(s.source, s.tenant): s for s in fr.read_streams(root, public)}
    chain = open_ctx(cfg).catalog.chain(*STREAM)
    assert [k for k, _ in streams[STREAM].manifests] == [m.key for m in chain.manifests]
    cps = fr.read_checkpoints(root, streams[STREAM], public)
    assert fr.same_index(root, streams[STREAM], cps[-1])


def test_packing_on_s3(moto_server: MotoServer, tmp_path: Path) -> None:
    bucket = moto_server.new_bucket()
    with small_simulator(seed=42, users=2) as sim:
        cfg = build(tmp_path, sim, moto_server.archive_config(bucket))
        check_packing(cfg, tmp_path, sim, store_logic=False)


def packed(tmp: Path) -> tuple[Path, PackName]:
    with small_simulator(seed=43, users=2) as sim:
        cfg = build(tmp, sim, {})
    report = compact(sealed_ctx(cfg), operator="t")
    pack = report.packs[f"{STREAM[0]}/{STREAM[1]}"].pack
    assert pack is not None
    name = PackName.parse(pack)
    assert name is not None
    return cfg, name


def refused(cfg: Path, kind: str) -> None:
    """verify (deep) names the damage; a reader of the whole chain refuses it; readers from
    the checkpoint never open the pack."""
    v = verify(sealed_ctx(cfg), deep=True)
    assert kind in {p.kind for p in v.problems}, v.problems
    with pytest.raises(IntegrityError):
        open_ctx(cfg).catalog.chain(*STREAM)
    fast = open_ctx(cfg).catalog.chain(*STREAM, from_checkpoint=True)
    assert fast.base is not None


def test_a_changed_byte_in_a_packed_manifest_is_refused(tmp_path: Path) -> None:
    cfg, name = packed(tmp_path)
    path = tmp_path / "archive" / name.key
    raw = path.read_bytes()
    at = raw.index(b'"sequence":2', raw.index(b"\n"))  # inside manifest 2's bytes
    path.write_bytes(raw[:at] + raw[at:].replace(b'"sequence":2', b'"sequence":3', 1))
    refused(cfg, "pack-altered")
    assert gc_refuses(cfg)


def test_a_changed_index_is_refused(tmp_path: Path) -> None:
    """The index made to agree with changed bytes: the manifest's own signature refuses them."""
    cfg, name = packed(tmp_path)
    path = tmp_path / "archive" / name.key
    head, _, body = path.read_bytes().partition(b"\n")
    index = json.loads(head)
    e = index["manifests"][1]
    start = e["offset"]
    old = body[start : start + e["length"]]
    new = old.replace(b'"status":"complete"', b'"status":"partial" ', 1)
    assert new != old and len(new) == len(old)
    body = body[:start] + new + body[start + len(new) :]
    e["sha256"] = hashlib.sha256(new).hexdigest()
    write_pack(path, index, body)
    packs.parse(name, path.read_bytes())  # the pack itself is consistent now...
    refused(cfg, "manifest-altered")  # ... the manifest in it is not


def test_a_swapped_index_entry_is_refused(tmp_path: Path) -> None:
    cfg, name = packed(tmp_path)
    path = tmp_path / "archive" / name.key
    head, _, body = path.read_bytes().partition(b"\n")
    index = json.loads(head)
    index["manifests"][0]["length"] += 1
    write_pack(path, index, body)
    refused(cfg, "pack-altered")


def write_pack(path: Path, index: dict[str, Any], body: bytes) -> None:
    path.write_bytes(
        json.dumps(index, sort_keys=True, separators=(",", ":")).encode() + b"\n" + body
    )


def gc_refuses(cfg: Path) -> bool:
    try:
        gc(open_ctx(cfg), grace=timedelta(0))
    except IntegrityError:
        return True
    return False


def test_a_single_copy_left_beside_the_pack_must_match_and_gc_removes_it(tmp_path: Path) -> None:
    """Where Object Lock (or a crash) left a packed manifest's own object, verify compares the
    two; gc removes the single copy once a checked pack holds it."""
    from datetime import timedelta

    cfg, name = packed(tmp_path)
    store = open_ctx(cfg).store
    key = layout.manifest_key(*STREAM, 1)
    pack = packs.read(store, name)
    assert store.put_if_absent(key, pack.get(key))
    assert verify(sealed_ctx(cfg), deep=True).ok
    report = gc(open_ctx(cfg), grace=timedelta(0))
    assert [i.key for i in report.deleted] == [key]
    assert store.head(key) is None
    # A single copy that differs from the packed one is damage.
    assert store.put_if_absent(key, pack.get(key).replace(b"}", b" }", 1))
    v = verify(sealed_ctx(cfg), deep=True)
    assert "pack-altered" in {p.kind for p in v.problems}, v.problems


def test_compact_cli_reports_packing(tmp_path: Path) -> None:
    with small_simulator(seed=44, users=2) as sim:
        cfg = build(tmp_path, sim, {})
    sealed = ["--sealed-key", str(sealed_key(tmp_path))]
    dry = CliRunner().invoke(cli, ["compact", "--config", str(cfg), "--dry-run", *sealed])
    assert dry.exit_code == 0, dry.output
    assert "would pack manifests 1-" in dry.output
    no = CliRunner().invoke(cli, ["compact", "--config", str(cfg), "--no-pack", *sealed])
    assert no.exit_code == 0, no.output
    assert keys(cfg, layout.PACKS + "/") == []
    out = CliRunner().invoke(cli, ["compact", "--config", str(cfg), "--json", *sealed])
    assert out.exit_code == 0, out.output
    doc = json.loads(out.stdout)
    assert doc["packs"]["peki-main/bot1"]["pack"] in keys(cfg, layout.PACKS + "/")


def test_packing_under_object_lock_on_s3(moto_server: MotoServer, tmp_path: Path) -> None:
    """Object Lock refuses to delete the packed manifests: they stay beside the pack, retained,
    every reader sees the same chain, gc cannot remove them while retained, and a second
    compaction's pack (reaching further) leaves the first one retained too."""
    bucket = moto_server.new_bucket(object_lock=True)
    lock = {"mode": "GOVERNANCE", "days": 1}
    with small_simulator(seed=45, users=2) as sim:
        cfg = build(tmp_path, sim, moto_server.archive_config(bucket, object_lock=lock))
        compact(sealed_ctx(cfg), operator="t", pack=False)
        before_rows = restored(cfg, tmp_path / "before")
        before_chain = [(m.key, m.sha256) for m in open_ctx(cfg).catalog.chain(*STREAM).manifests]
        report = compact(sealed_ctx(cfg), operator="t")
        done = report.packs[f"{STREAM[0]}/{STREAM[1]}"]
        assert done.pack is not None and done.manifests >= 2
        # Every single manifest the pack holds is retained, none deleted (so are the old
        # checkpoints it holds).
        kept = [k for k in done.retained if k.startswith(layout.MANIFESTS + "/")]
        assert len(kept) == done.manifests and not done.deleted
        assert all(k in keys(cfg, layout.MANIFESTS + "/") for k in kept)
        assert set(done.retained) - set(kept) <= set(keys(cfg, layout.CHECKPOINTS + "/"))
        ctx = open_ctx(cfg)
        assert [(m.key, m.sha256) for m in ctx.catalog.chain(*STREAM).manifests] == before_chain
        v = verify(sealed_ctx(cfg), deep=True)
        assert v.ok, v.problems
        assert restored(cfg, tmp_path / "after") == before_rows
        swept = gc(ctx, grace=timedelta(0))
        assert not set(done.retained) & {i.key for i in swept.deleted}
        assert all(k in keys(cfg, layout.MANIFESTS + "/") for k in kept)

        runs(cfg, sim, 2, seed=60)
        again = compact(sealed_ctx(cfg), operator="t")
        second = again.packs[f"{STREAM[0]}/{STREAM[1]}"]
        assert second.pack is not None and second.pack != done.pack
        # A new segment of what is new, or one merged with the older pack, which the lock
        # then keeps beside it (the same bytes).
        assert done.pack not in second.deleted
        assert {done.pack, second.pack} <= set(keys(cfg, layout.PACKS + "/"))
        merged = PackName.parse(second.pack)
        assert merged is not None and (merged.first == 1) == (done.pack in second.retained)
        v = verify(sealed_ctx(cfg), deep=True)
        assert v.ok, v.problems
        chain = open_ctx(cfg).catalog.chain(*STREAM)
        assert [(m.key, m.sha256) for m in chain.manifests][: len(before_chain)] == before_chain
