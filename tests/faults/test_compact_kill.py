"""SIGKILL ``archiver compact`` at many points, then run it again: after every kill and after the
rerun, ``verify --deep`` is green and ``restore`` (newest versions and every version) is
row-for-row what it was before compaction: nothing lost, nothing doubled.

Kill points: after k new objects were written (before the commit), as soon as a compaction
manifest landed (the other stream mid-compaction, old objects not yet deleted), after old
objects started to be deleted, and at seeded random times.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pyarrow.dataset as ds

from archiver.context import Context
from archiver.crawl.engine import run_archive
from archiver.ops.compact import compact
from archiver.ops.restore import restore
from archiver.ops.verify import verify
from tests.conftest import open_ctx, sealed_ctx, sealed_key, write_config
from tests.faults.helpers import kill_when
from tests.helpers import files_under, small_simulator

RUNS = 3


def _restored(ctx: Context, to: Path, *, newest: bool = True) -> dict[str, list[str]]:
    """Every version restored (a lost or doubled row shows), and with ``newest`` the newest
    versions too."""
    out = {}
    for latest in (True, False) if newest else (False,):
        target = to / f"latest-{latest}"
        restore(ctx, target, latest=latest, sealed=True, operator="t", reason="t")
        for table in ("messages", "sessions", "users"):
            rows = ds.dataset(target / table, partitioning="hive").to_table().to_pylist()
            out[f"{table}-{latest}"] = sorted(
                json.dumps(r, sort_keys=True, default=str) for r in rows
            )
    return out


def _files(root: Path, what: str) -> list[Path]:
    return [p for p in files_under(root) if what in p.name]


def _kill_compact(cfg: Path, ready: Callable[[], bool], limit: float = 60) -> bool:
    """Start ``archiver compact`` in a real process and SIGKILL it once ``ready()``; False if
    it finished first."""
    extra = ("--sealed-key", str(sealed_key(cfg.parent)))
    return kill_when(cfg, ready, limit=limit, command="compact", extra=extra, finish_ok=True)


def test_sigkill_compact_at_many_points_then_rerun(tmp_path: Path) -> None:
    with small_simulator(seed=31, users=2) as sim:
        cfg = write_config(tmp_path, sim, archive={"part_rows": 40})
        ctx = open_ctx(cfg)
        for i in range(RUNS):
            assert run_archive(ctx).exit_code == 0
            sim.random_changes(random.Random(i), 6)
    root = tmp_path / "archive"
    pristine = tmp_path / "pristine"
    shutil.copytree(root, pristine)
    # One context (keys, policy, config) for every command below: each reads the archive
    # afresh, and loading the sealed private key is most of opening a context.
    sctx = sealed_ctx(cfg)
    truth = _restored(sctx, tmp_path / "truth")
    manifests = len(_files(root / "manifests", ".json"))
    olds = len(_files(root, ".parquet.enc"))
    rng = random.Random(5)

    points: dict[str, Callable[[], bool]] = {
        "first new object": lambda: len(_files(root, "compact-")) >= 1,
        "first commit": lambda: len(_files(root / "manifests", ".json")) > manifests,
        "deleting": lambda: len(_files(root, ".parquet.enc")) < olds,
    }
    if os.environ.get("ARCHIVER_SLOW_TESTS") == "1":
        points["some new objects"] = lambda: len(_files(root, "compact-")) >= 5
    # Seeded random times: the long variant (each point is a process start and two restores).
    for n in range(4 if os.environ.get("ARCHIVER_SLOW_TESTS") == "1" else 0):
        wait = rng.uniform(0.3, 2.0)
        points[f"random {n}"] = lambda w=wait: _after(w)
    killed = 0
    for name, ready in points.items():
        shutil.rmtree(root)
        shutil.copytree(pristine, root)
        _reset_timer()
        killed += _kill_compact(cfg, ready)
        # Readers see a consistent archive right after the kill...
        checked = verify(sctx)
        assert checked.ok, (name, checked.problems)
        after_kill = _restored(sctx, tmp_path / f"after-kill-{name}", newest=False)
        assert after_kill == {k: v for k, v in truth.items() if k in after_kill}, name
        # ... and a rerun finishes the job.
        compact(sctx, operator="t")
        checked = verify(sctx, deep=True)
        assert checked.ok, (name, checked.problems)
        assert _restored(sctx, tmp_path / f"after-rerun-{name}") == truth, name
        assert not compact(sctx, operator="t").manifests
    assert killed >= 3, f"only {killed} kill(s) landed before compact finished"


_T0 = [time.monotonic()]


def _reset_timer() -> None:
    _T0[0] = time.monotonic()


def _after(seconds: float) -> bool:
    return time.monotonic() - _T0[0] >= seconds
