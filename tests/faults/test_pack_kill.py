"""SIGKILL ``archiver compact`` while it packs manifests, and ``archiver run`` while it writes a
checkpoint: real processes killed by the kernel at exact points, then checked and rerun.

The process kills itself (``SIGKILL``, nothing runs after it) at a store operation chosen by
the test — before a file is published (written to the temp folder, not yet linked), right after
an object was created, after the n-th deletion of a single manifest, before an older pack is
deleted — so every point is reached on every run of the test, unlike a timer. After each kill:
``verify`` (plain and ``--deep``) is green, ``restore`` gives the same rows as before; a rerun
finishes the job (each stream's packs back to back from manifest 1, none inside another, no
single manifest left below the checkpoint, or the checkpoint written) and ``verify --deep`` is
green again.
"""

from __future__ import annotations

import itertools
import json
import random
import signal
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from archiver.archive import layout
from archiver.archive.catalog import checkpoint
from archiver.context import Context
from archiver.crawl.engine import run_archive
from archiver.ops.compact import compact
from archiver.ops.restore import restore
from archiver.ops.verify import verify
from archiver.simulators.peki import PekiSimulator
from tests.conftest import open_ctx, sealed_ctx, sealed_key, write_config
from tests.faults.helpers import archiver_run
from tests.helpers import small_simulator

#: Run the CLI in this process after making one store operation kill it. argv[1]: the point
#: (``publish``: a file written but not linked into place; ``created``: right after
#: put-if-absent made the object; ``deleted``: after the n-th deletion; ``deleting``: before
#: it), argv[2]: the key prefix it applies to, argv[3]: n (from 1), then the CLI arguments.
DRIVER = r"""
import os, signal, sys
from archiver.archive import store_local

point, prefix, nth = sys.argv[1], sys.argv[2], int(sys.argv[3])
seen = [0]

def die():
    os.kill(os.getpid(), signal.SIGKILL)

def hit(key):
    if not key.startswith(prefix):
        return False
    seen[0] += 1
    return seen[0] == nth

put, delete, link = store_local.LocalStore.put_if_absent, store_local.LocalStore.delete, os.link
folder = os.sep + prefix.rstrip("/") + os.sep

def link_(src, dst, *a, **k):
    if point == "publish" and folder in str(dst):
        die()  # the object's bytes are in the temp folder, not yet in place
    return link(src, dst, *a, **k)

def put_if_absent(self, key, data, **kw):
    made = put(self, key, data, **kw)
    if point == "created" and made and hit(key):
        die()
    return made

def delete_(self, key):
    if point == "deleting" and hit(key):
        die()
    delete(self, key)
    if point == "deleted" and hit(key):
        die()

store_local.LocalStore.put_if_absent = put_if_absent
os.link = link_
store_local.LocalStore.delete = delete_
from archiver.cli import main
sys.argv = ["archiver", *sys.argv[4:]]
main()
"""

STREAM = ("peki-main", "bot1")
PACKS, MANIFESTS = layout.PACKS + "/", layout.MANIFESTS + "/"


def killed(point: str, prefix: str, nth: int, *args: str) -> None:
    """Run the CLI with a kill point; it must die by SIGKILL (the point was reached)."""
    proc = archiver_run(prelude=DRIVER, prelude_argv=(point, prefix, str(nth), *args), timeout=300)
    assert proc.returncode == -signal.SIGKILL, (point, prefix, nth, proc.stderr[-2000:])


def rows(ctx: Context, to: Path) -> dict[str, list[str]]:
    """Every version restored: a lost or doubled row shows."""
    restore(ctx, to, latest=False, sealed=True, operator="t", reason="t")
    out = {}
    for table in ("messages", "sessions", "users"):
        got = ds.dataset(to / table, partitioning="hive").to_table().to_pylist()
        out[table] = sorted(json.dumps(r, sort_keys=True, default=str) for r in got)
    return out


def green(ctx: Context, what: str) -> None:
    for deep in (False, True):
        v = verify(ctx, deep=deep)
        assert v.ok, (what, deep, v.problems)


def build(tmp: Path, sim: PekiSimulator, runs: int) -> Path:
    cfg = write_config(tmp, sim, archive={"part_rows": 40, "checkpoint_every": 2})
    more(cfg, sim, runs, seed=70)
    return cfg


def more(cfg: Path, sim: PekiSimulator, runs: int, seed: int) -> None:
    ctx = open_ctx(cfg)
    for i in range(runs):
        assert run_archive(ctx).exit_code == 0
        sim.random_changes(random.Random(seed + i), 5)


def single_below_checkpoint(cfg: Path) -> list[str]:
    store = open_ctx(cfg, write=False).store
    out = []
    for src, tenant in [STREAM, ("peki-main", "bot2")]:
        top = checkpoint.newest_sequence(store, src, tenant)
        for info in store.list(layout.stream_prefix(src, tenant)):
            parsed = layout.parse_stream(info.key)
            if parsed is not None and parsed[2] < top:
                out.append(info.key)
    return out


@pytest.mark.parametrize(
    ("name", "point", "prefix", "nth", "repack"),
    [
        pytest.param(
            "pack written, not published", "publish", PACKS, 1, False, marks=pytest.mark.slow
        ),
        pytest.param(
            "pack published, not read back", "created", PACKS, 1, False, marks=pytest.mark.slow
        ),
        pytest.param(
            "first single manifest deleted", "deleted", MANIFESTS, 1, False, marks=pytest.mark.slow
        ),
        ("some single manifests deleted", "deleted", MANIFESTS, 3, False),
        pytest.param(
            "new pack published over an old one", "created", PACKS, 1, True, marks=pytest.mark.slow
        ),
        ("before the old pack is deleted", "deleting", PACKS, 1, True),
    ],
)
def test_sigkill_while_packing_then_rerun(
    tmp_path: Path, name: str, point: str, prefix: str, nth: int, repack: bool
) -> None:
    with small_simulator(seed=61, users=2) as sim:
        cfg = build(tmp_path, sim, runs=5)
        # One context (keys, policy, config) for every command in the test: each reads the
        # archive afresh, and loading the sealed private key is most of opening a context.
        sctx = sealed_ctx(cfg)
        if repack:  # an older pack to merge with: pack, then more runs than it holds (so the
            # new segment outweighs it, packs.TIER) and a new checkpoint
            compact(sctx, operator="t")
            more(cfg, sim, 8, seed=80)
        # The data compacted first, so the kill lands in the packing.
        compact(sctx, operator="t", pack=False)
        assert single_below_checkpoint(cfg)
    truth = rows(sctx, tmp_path / "truth")
    chain = [m.sha256 for m in open_ctx(cfg).catalog.chain(*STREAM).manifests]

    args = ("compact", "--config", str(cfg), "--sealed-key", str(sealed_key(tmp_path)))
    killed(point, prefix, nth, *args)
    green(sctx, name)
    assert rows(sctx, tmp_path / "after-kill") == truth, name
    assert [m.sha256 for m in open_ctx(cfg).catalog.chain(*STREAM).manifests] == chain

    again = compact(sctx, operator="t")
    assert not again.manifests
    green(sctx, name)
    assert rows(sctx, tmp_path / "after-rerun") == truth, name
    assert single_below_checkpoint(cfg) == []
    store = open_ctx(cfg, write=False).store
    names = [layout.parse_pack(i.key) for i in store.list(layout.PACKS + "/")]
    by_stream: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for n in names:
        assert n is not None
        by_stream.setdefault((n[0], n[1]), []).append((n[2], n[3]))
    assert len(by_stream) == 2, names  # both streams packed
    for spans in by_stream.values():  # segments back to back from 1, none inside another
        spans.sort()
        assert spans[0][0] == 1, spans
        assert all(b[0] == a[1] + 1 for a, b in itertools.pairwise(spans)), spans
        assert not repack or len(spans) == 1, spans  # the older pack was merged
    assert not compact(sctx, operator="t").packs  # nothing left to do


@pytest.mark.parametrize("point", ["publish", pytest.param("created", marks=pytest.mark.slow)])
def test_sigkill_while_writing_a_checkpoint_then_run_again(tmp_path: Path, point: str) -> None:
    """``archiver run`` killed by the kernel as it writes a checkpoint (before the file is in
    place, or right after): its commit stands, readers get the same live objects from the
    older checkpoint or the whole chain, and the next run writes the checkpoint."""
    with small_simulator(seed=62, users=2) as sim:
        cfg = write_config(tmp_path, sim, archive={"part_rows": 40, "checkpoint_every": 2})
        sctx = sealed_ctx(cfg)  # one context for every reader below (see above)
        assert run_archive(open_ctx(cfg)).exit_code == 0
        sim.random_changes(random.Random(1), 5)
        store = open_ctx(cfg, write=False).store
        assert checkpoint.listed(store, *STREAM) == []
        killed(point, layout.CHECKPOINTS + "/", 1, "run", "--config", str(cfg))
        # Killed at the first checkpoint, just after its stream's commit: that commit stands.
        heads = {s: len(k) for s, k in open_ctx(cfg).catalog.streams().items()}
        assert 2 in heads.values(), heads
        written = list(store.list(layout.CHECKPOINTS + "/"))
        # (Streams commit in parallel: another may have written its checkpoint first.)
        assert written if point == "created" else not written, written
        green(sctx, point)
        ctx = open_ctx(cfg)
        for src, tenant in ctx.catalog.streams():
            fast = ctx.catalog.chain(src, tenant, from_checkpoint=True)
            whole = ctx.catalog.chain(src, tenant)
            assert [p.entry for p in fast.live()] == [p.entry for p in whole.live()]
        before = rows(sctx, tmp_path / "before")
        # The next runs write the checkpoints the kill left out.
        for i in range(2):
            sim.random_changes(random.Random(10 + i), 3)
            assert run_archive(open_ctx(cfg)).exit_code == 0
        for (src, tenant), k in open_ctx(cfg).catalog.streams().items():
            assert len(k) - checkpoint.newest_sequence(store, src, tenant) < 2, (src, tenant)
        green(sctx, point + " then runs")
        after = rows(sctx, tmp_path / "after")
        for table in ("messages", "sessions", "users"):
            assert set(before[table]) <= set(after[table]), table  # nothing lost
