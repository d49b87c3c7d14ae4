"""Two ``archiver run`` processes started at the same moment on the same streams (S3 store over
HTTP): every sequence is committed exactly once, the loser stops cleanly with exit code 5,
the chains never fork, and the next run continues from the winner's state."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from archiver.archive import layout
from archiver.crawl.engine import run_archive
from archiver.ops.gc import gc
from archiver.ops.verify import verify
from archiver.simulators.peki import PekiSimulator
from tests.archive_truth import check_archive_against_truth
from tests.conftest import BOTS, open_ctx, write_config
from tests.helpers import small_simulator
from tests.s3 import MotoServer


def run_id_of(key: str) -> str:
    """``data/…/<run id>-00001.parquet.enc`` → run id."""
    return key.rsplit("/", 1)[-1].rsplit("-", 1)[0]


@pytest.fixture
def peki() -> Iterator[PekiSimulator]:
    with small_simulator(seed=4, users=5) as sim:
        yield sim


def test_simultaneous_runs_commit_each_sequence_once(
    peki: PekiSimulator, moto_server: MotoServer, tmp_path: Path
) -> None:
    # Slow enough that both processes have read the (empty) state before either commits.
    peki.latency_seconds = 0.08
    cfg = write_config(
        tmp_path,
        peki,
        crawl={"page_size": 4, "streams_in_parallel": 2},
        archive=moto_server.archive_config(moto_server.new_bucket(), part_rows=40),
    )
    command = [sys.executable, "-m", "archiver", "run", "--config", str(cfg)]
    procs = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=180) for p in procs]
    codes = sorted(p.returncode for p in procs)
    for _out, err in outputs:
        assert "Traceback" not in err, err

    ctx = open_ctx(cfg)
    store = ctx.store
    manifests = [i.key for i in store.list("manifests/")]
    assert manifests == sorted(layout.manifest_key("peki-main", b, 1) for b in BOTS), manifests
    docs = {key: json.loads(store.get(key)) for key in manifests}
    winners = {d["stream"]["tenant"]: d["run"]["id"] for d in docs.values()}
    objects = [i.key for i in store.list("data/")] + [i.key for i in store.list("sealed/")]
    run_ids = {run_id_of(k) for k in objects}
    assert len(run_ids) == 2, "both runs must have crawled and written before either committed"
    # A run exits 0 only if it committed every stream; losing any stream to the other is 5.
    expected = sorted(0 if set(winners.values()) == {rid} else 5 for rid in run_ids)
    assert codes == expected, (codes, outputs)
    assert 5 in codes
    loser_conflicts = [err for (_out, err), p in zip(outputs, procs, strict=True) if p.returncode]
    assert all("committed by another run" in err for err in loser_conflicts), loser_conflicts

    # The losing objects are orphans: reported, not damage; the chain is intact.
    report = verify(ctx)
    assert report.ok, report.problems
    named = {o["key"] for d in docs.values() for o in d["objects"]}
    assert {run_id_of(k) for k in named} == set(winners.values())
    assert {o.key for o in report.orphans} == set(objects) - named
    for orphan in report.orphans:
        tenant = layout.dec(orphan.key.split("tenant=")[1].split("/")[0])
        assert run_id_of(orphan.key) != winners[tenant]

    # The next run continues from the winner's state and links to it.
    peki.latency_seconds = 0
    peki.random_changes(random.Random(3), 10)
    again = run_archive(ctx)
    assert again.exit_code == 0
    assert {s.sequence for s in again.streams} == {2}
    assert verify(ctx).ok
    check_archive_against_truth(cfg, peki, tmp_path)

    # gc (with the grace period passed) removes exactly the orphans, and nothing else.
    later = max(o.modified for o in report.orphans)
    removed = gc(ctx, grace=timedelta(0), now=later)
    assert {i.key for i in removed.deleted} == {o.key for o in report.orphans}
    final = verify(ctx, deep=True)
    assert final.ok and not final.orphans
