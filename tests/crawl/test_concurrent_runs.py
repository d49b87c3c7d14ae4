"""Concurrent ``archiver run`` processes on the same streams: each stream's commit lease lets
one of them crawl it and stops the other in seconds with exit code 5, before it crawls;
every sequence is committed exactly once, the chains never fork, a crashed run's lease
expires, and the next run continues from the winner's state."""

from __future__ import annotations

import json
import random
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from archiver.archive import layout
from archiver.archive.lease import Lease
from archiver.archive.store_local import LocalStore
from archiver.crawl.engine import run_archive
from archiver.errors import ConflictError
from archiver.ops.verify import verify
from archiver.simulators.peki import PekiSimulator
from tests.archive_truth import check_archive_against_truth
from tests.conftest import BOTS, open_ctx, write_config
from tests.faults.helpers import archiver_process, archiver_run
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
    # Slow enough that both processes have read the (empty) state before either commits, even
    # when a loaded machine starts the second process seconds after the first: one page at a
    # time (pages in parallel ended a crawl before a late second process began).
    peki.latency_seconds = 0.4
    cfg = write_config(
        tmp_path,
        peki,
        crawl={"page_size": 4, "streams_in_parallel": 2, "concurrency": 1},
        archive=moto_server.archive_config(moto_server.new_bucket(), part_rows=40),
    )
    procs = [archiver_process("run", "--config", str(cfg)) for _ in range(2)]
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
    # Each stream was crawled by one run only: the other stopped at its lease, before crawling.
    by_stream: dict[str, set[str]] = {}
    for key in objects:
        tenant = layout.dec(key.split("tenant=")[1].split("/")[0])
        by_stream.setdefault(tenant, set()).add(run_id_of(key))
    assert by_stream == {t: {rid} for t, rid in winners.items()}, (by_stream, winners)
    # A run exits 0 only if it committed every stream; losing any stream to the other is 5.
    run_ids = set(winners.values())
    assert codes == sorted([0 if run_ids == {w} else 5 for w in run_ids] + [5] * (2 - len(run_ids)))
    assert 5 in codes
    loser_conflicts = [err for (_out, err), p in zip(outputs, procs, strict=True) if p.returncode]
    assert all("holds its lease" in e or "took its lease" in e for e in loser_conflicts), (
        loser_conflicts
    )
    assert not list(store.list("locks/")), "every lease was released"

    # Nothing was left behind: no orphans, the chain is intact.
    report = verify(ctx)
    assert report.ok, report.problems
    assert not report.orphans
    # The next run continues from the winner's state and links to it.
    peki.latency_seconds = 0
    peki.random_changes(random.Random(3), 10)
    again = run_archive(ctx)
    assert again.exit_code == 0
    assert {s.sequence for s in again.streams} == {2}
    assert verify(ctx).ok
    check_archive_against_truth(cfg, peki, tmp_path)

    final = verify(ctx, deep=True)
    assert final.ok and not final.orphans


def wait_for(condition: Callable[[], bool], what: str, limit: float = 60) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


@pytest.mark.parametrize("store", ["local", "s3"])
def test_a_second_run_stops_in_seconds_at_the_lease_while_the_first_crawls(
    peki: PekiSimulator, moto_server: MotoServer, tmp_path: Path, store: str
) -> None:
    # The first run crawls slowly while the second runs (each answer takes 2 s: minutes for the
    # whole crawl, however slowly a loaded machine starts the second process), then fast.
    peki.latency_seconds = 2.0
    archive = moto_server.archive_config(moto_server.new_bucket()) if store == "s3" else None
    # One page at a time: pages in parallel would end the first run before the second starts.
    crawl = {"page_size": 2, "streams_in_parallel": 2, "concurrency": 1}
    cfg = write_config(tmp_path, peki, crawl=crawl, archive=archive)
    ctx = open_ctx(cfg)
    first = archiver_process("run", "--config", str(cfg))
    try:
        wait_for(lambda: len(list(ctx.store.list("locks/"))) == len(BOTS), "both leases")
        second = archiver_run("run", "--config", str(cfg), timeout=60)
        # "In seconds" as a structure, not a timing: it stopped while the first still crawled
        # (each of whose answers takes 2 s) and sent no request at all.
        assert first.poll() is None, "the first run must still be crawling"
    finally:
        peki.latency_seconds = 0.0
        out, err = first.communicate(timeout=300)
    assert second.returncode == 5, second.stdout + second.stderr
    assert second.stderr.count("holds its lease") >= len(BOTS), second.stderr
    assert "conflict" in second.stdout and "complete" not in second.stdout
    assert first.returncode == 0, out + err
    assert "requests to peki-main: 0" in second.stdout, "the second run read nothing"
    report = verify(ctx)
    assert report.ok and not report.orphans
    assert {m.key.rsplit("/", 1)[0] for m in ctx.store.list("manifests/")} == {
        layout.stream_prefix("peki-main", b).rstrip("/") for b in BOTS
    }
    assert not list(ctx.store.list("locks/"))


def test_a_crashed_runs_lease_expires(peki: PekiSimulator, tmp_path: Path) -> None:
    cfg = write_config(tmp_path, peki)
    ctx = open_ctx(cfg)
    crashed = Lease(ctx.store, "peki-main", "bot1", 1, run_id="crashed-run", seconds=1.0)
    crashed.acquire()  # and never renewed nor released: the process died
    blocked = run_archive(ctx)
    assert blocked.exit_code == 5
    by_tenant = {s.tenant: s for s in blocked.streams}
    assert by_tenant["bot1"].status == "conflict" and by_tenant["bot2"].status == "complete"
    assert "crashed-run" in (by_tenant["bot1"].error or "")
    time.sleep(1.1)
    taken_over = run_archive(ctx)
    assert taken_over.exit_code == 0, [s.error for s in taken_over.streams]
    assert {s.tenant: s.sequence for s in taken_over.streams} == {"bot1": 1, "bot2": 2}
    assert not list(ctx.store.list("locks/")), "the expired lease object was cleaned up"


def test_a_lease_left_by_a_dead_process_of_this_machine_is_taken_over_at_once(
    tmp_path: Path,
) -> None:
    """The inference and where it is wrong: a process id reused by a live process keeps the
    lease until it expires; a holder on another machine is always waited for."""
    store = LocalStore(tmp_path / "archive")
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        for pid, host, free in (
            (dead.pid, socket.gethostname(), True),
            (alive.pid, socket.gethostname(), False),  # reused pid: wait for the expiry
            (dead.pid, "another-machine", False),
        ):
            lease = Lease(store, "s", f"t-{pid}-{host}", 1, run_id="holder", seconds=300)
            lease.acquire()
            doc = json.loads(store.get(lease._mine[0]))
            store.delete(lease._mine[0])
            store.put_if_absent(
                lease._mine[0], json.dumps(doc | {"pid": pid, "host": host}).encode()
            )
            other = Lease(store, "s", f"t-{pid}-{host}", 1, run_id="next", seconds=300)
            if free:
                other.acquire()
                other.release()
            else:
                with pytest.raises(ConflictError, match=r"run holder on .* holds its lease"):
                    other.acquire()
    finally:
        alive.kill()
        alive.wait()
