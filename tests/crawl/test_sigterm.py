"""SIGTERM to a real ``archiver run``: it stops fetching, commits what is consistent as partial
(keeping the old watermark), exits 3 within the grace period, and the next run loses and
duplicates nothing."""

from __future__ import annotations

import random
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from archiver.archive import catalog as mf
from archiver.crawl.engine import run_archive
from archiver.demo import source_entry
from archiver.simulators.kore import KoreSimulator
from archiver.simulators.peki import PekiSimulator
from tests.archive_truth import check_archive_against_truth
from tests.conftest import BOTS, open_ctx, write_config
from tests.faults.helpers import Forked, archiver_process
from tests.obs.helpers import archiver_env, json_lines, update_config


@pytest.fixture
def peki() -> Iterator[PekiSimulator]:
    """Fewer people and days than the shared fixture: the archive check stays quick."""
    with PekiSimulator(
        seed=5, chatbot_ids=BOTS, users_per_bot=6, history_days=4, rate_limit_per_minute=10**6
    ) as sim:
        yield sim


def latest_manifests(cfg: Path) -> dict[str, mf.Manifest]:
    ctx = open_ctx(cfg, write=False)
    out = {}
    for bot in BOTS:
        m = mf.latest(ctx.store, "peki-main", bot, ctx.verifier)
        assert m is not None
        out[bot] = m
    return out


def start(cfg: Path) -> Forked:
    """``archiver run`` in a real process of its own (forked from the tests' fork server)."""
    return archiver_process("run", "--config", str(cfg), env=archiver_env())


def signal_after(proc: Forked, sim: PekiSimulator, requests: int, limit: float = 60) -> float:
    """SIGTERM once the simulator has served ``requests`` more requests; returns when."""
    base = sim.counters()["total"]
    deadline = time.monotonic() + limit
    while sim.counters()["total"] - base < requests:
        assert proc.poll() is None, "the run finished before it could be signalled"
        assert time.monotonic() < deadline, "the run made no progress"
        time.sleep(0.005)
    proc.send_signal(signal.SIGTERM)
    return time.monotonic()


def test_sigterm_commits_partial_keeps_the_watermark_and_the_next_run_catches_up(
    peki: PekiSimulator, tmp_path: Path
) -> None:
    grace = 10
    # One request at a time per stream: the run is still fetching when it is signalled (with
    # lists read side by side it could finish between the 8th request and the signal).
    cfg = write_config(
        tmp_path,
        peki,
        crawl={"page_size": 3, "streams_in_parallel": 2, "concurrency": 1},
        archive={"part_rows": 15},
    )
    update_config(cfg, shutdown={"grace_seconds": grace})
    assert run_archive(open_ctx(cfg)).exit_code == 0
    before = latest_manifests(cfg)
    rng = random.Random(3)
    peki.random_changes(rng, 25)
    for bot in BOTS:
        for _ in range(8):
            peki.add_message(bot, rng.choice(sorted(peki.truth(bot)["sessions"])))

    peki.latency_seconds = 0.06
    proc = start(cfg)
    sent = signal_after(proc, peki, 8)
    out, err = proc.communicate(timeout=grace + 20)
    elapsed = time.monotonic() - sent
    assert proc.returncode == 3, err[-3000:]
    assert elapsed < grace, f"took {elapsed:.1f}s after SIGTERM"

    events = json_lines(err)
    kinds = [e["event"] for e in events]
    assert "run.stopping" in kinds and "run.grace_expired" not in kinds
    committed = [e for e in events if e["event"] == "stream.committed"]
    assert committed and all(e["status"] == "partial" for e in committed)
    assert {e["run_id"] for e in events if "run_id" in e} == {events[0]["run_id"]}
    assert "partial" in out

    after = latest_manifests(cfg)
    partial = [m for m in after.values() if m.doc["run"]["status"] == "partial"]
    assert partial, "no partial manifest was committed"
    for bot, m in after.items():
        if m.doc["run"]["status"] == "partial":
            assert m.sequence == before[bot].sequence + 1
            assert m.doc["run"]["error"] == "Stopped"
            # The watermark stays where the last complete run left it: what the stopped run
            # did not reach is read again next time.
            assert m.state["watermark"] == before[bot].state["watermark"]

    peki.latency_seconds = 0
    peki.random_changes(rng, 10)
    assert run_archive(open_ctx(cfg)).exit_code == 0
    check_archive_against_truth(cfg, peki, tmp_path)


def test_a_request_hanging_past_the_grace_period_still_exits_3_in_time(
    peki: PekiSimulator, tmp_path: Path
) -> None:
    grace = 1.5
    cfg = write_config(tmp_path, peki, crawl={"page_size": 5, "timeout_seconds": 30})
    update_config(cfg, shutdown={"grace_seconds": grace})
    peki.latency_seconds = 0.02
    proc = start(cfg)
    base = peki.counters()["total"]
    while peki.counters()["total"] - base < 6:
        assert proc.poll() is None
        time.sleep(0.005)
    peki.latency_seconds = 60  # every request in flight now hangs
    time.sleep(0.2)
    proc.send_signal(signal.SIGTERM)
    sent = time.monotonic()
    _, err = proc.communicate(timeout=30)
    elapsed = time.monotonic() - sent
    assert proc.returncode == 3
    assert grace <= elapsed < grace + 3, f"exited {elapsed:.1f}s after SIGTERM"
    assert "run.grace_expired" in [e["event"] for e in json_lines(err)]

    peki.latency_seconds = 0
    assert run_archive(open_ctx(cfg)).exit_code == 0
    check_archive_against_truth(cfg, peki, tmp_path)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_a_stop_during_a_rate_limit_wait_commits_what_was_read_and_prints_the_summary(
    tmp_path: Path, sig: signal.Signals
) -> None:
    """Kore.ai at 6 requests a minute: the run soon waits most of a minute for its budget. A
    stop then ends the wait at once; what was read is committed and the summary printed."""
    grace = 20
    with KoreSimulator(
        seed=3, bot_ids=("st-bot1",), users_per_bot=8, rate_limits=((6, 60.0),)
    ) as kore:
        entry = source_entry("kore-main", kore) | {"rate_limit_per_minute": 6}
        cfg = write_config(tmp_path, entry, crawl={"max_wait_seconds": 120})
        update_config(cfg, shutdown={"grace_seconds": grace})
        proc = start(cfg)
        base = kore.counters()["total"]
        deadline = time.monotonic() + 60
        while kore.counters()["total"] - base < 6:
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.01)
        time.sleep(1.5)  # the seventh request now waits for the budget (about a minute)
        assert proc.poll() is None
        proc.send_signal(sig)
        sent = time.monotonic()
        out, err = proc.communicate(timeout=grace + 20)
        elapsed = time.monotonic() - sent
        served = kore.counters()["total"] - base

    assert proc.returncode == 3, err[-3000:]
    assert elapsed < 5, f"took {elapsed:.1f}s after the signal: the wait was not interrupted"
    assert served == 6, "no request went out after the stop"
    events = json_lines(err)
    kinds = [e["event"] for e in events]
    assert "run.grace_expired" not in kinds
    assert "source.waiting" in kinds, "the wait was not announced"
    committed = [e for e in events if e["event"] == "stream.committed"]
    assert len(committed) == 1 and committed[0]["status"] == "partial", kinds
    records = sum(committed[0]["records"].values())
    assert records > 0
    # The summary table, with the committed counts.
    assert "kore-main/st-bot1" in out and "partial" in out
    ctx = open_ctx(cfg, write=False)
    m = mf.latest(ctx.store, "kore-main", "st-bot1", ctx.verifier)
    assert m is not None and m.doc["run"]["error"] == "Stopped"
    assert sum(m.doc["counts"].values()) == records
