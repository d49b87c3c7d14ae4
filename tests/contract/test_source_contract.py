"""The source contract, one suite for every platform (as the store conformance suite is for
every backend): no loss and no duplicates under live changes, page drift, clock skew, equal
timestamps, faults and SIGKILL-interrupted runs; incremental runs that ask only for what changed.

Each platform plugs in through an adapter in ``tests/contract/platforms.py``.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from archiver.archive import catalog as mf
from archiver.context import Context
from archiver.crawl import engine
from archiver.crawl.engine import run_archive
from tests.archive_truth import check_archive
from tests.conftest import open_ctx
from tests.contract.platforms import PLATFORMS, Platform, write_config
from tests.faults.helpers import kill_when
from tests.helpers import archive_files


@pytest.fixture(params=sorted(PLATFORMS))
def platform(request: pytest.FixtureRequest) -> Iterator[Platform]:
    with PLATFORMS[request.param]() as p:
        yield p


def test_incremental_runs_under_live_changes_and_drift(platform: Platform, tmp_path: Path) -> None:
    cfg = write_config(tmp_path, platform, crawl={"page_size": 7})
    ctx = open_ctx(cfg)
    rng = random.Random(5)
    assert run_archive(ctx).exit_code == 0
    for rnd in range(2):
        platform.every_kind_of_change(rng)
        platform.random_changes(rng, 12)
        platform.drift(1 + rnd % 2)
        report = run_archive(ctx)
        assert report.exit_code == 0, [s.error for s in report.streams]
        platform.drift(0)
    assert run_archive(ctx).exit_code == 0
    check_archive(cfg, platform, tmp_path)


def test_clock_skew_and_equal_timestamps(platform: Platform, tmp_path: Path) -> None:
    platform.sim.clock_skew_seconds = -420  # the platform 7 minutes behind us
    cfg = write_config(tmp_path, platform, crawl={"page_size": 5})
    ctx = open_ctx(cfg)
    assert run_archive(ctx).exit_code == 0
    platform.sim.equal_timestamps = True
    rng = random.Random(9)
    platform.every_kind_of_change(rng)
    platform.add_messages(rng, 8)
    assert run_archive(ctx).exit_code == 0
    platform.add_messages(rng, 6)
    platform.change_sessions(rng, 4)
    assert run_archive(ctx).exit_code == 0
    check_archive(cfg, platform, tmp_path)


def test_faults_are_retried_and_lose_nothing(platform: Platform, tmp_path: Path) -> None:
    rates = {"5xx": 0.1, "malformed": 0.06, "timeout": 0.015}
    if platform.name != "peki":  # Peki's 429s carry its real window reset (up to a minute)
        rates["429"] = 0.05
    platform.sim.fault_rates = rates
    platform.sim.timeout_seconds = 1.2
    cfg = write_config(
        tmp_path, platform, crawl={"page_size": 10, "timeout_seconds": 0.8, "max_retries": 10}
    )
    ctx = open_ctx(cfg)
    assert run_archive(ctx).exit_code == 0
    platform.random_changes(random.Random(2), 12)
    assert run_archive(ctx).exit_code == 0
    platform.sim.fault_rates = {}
    faults = {k: v for k, v in platform.counters().items() if k.startswith("status.")}
    assert sum(faults.values()) > faults.get("status.200", 0), "no fault was injected"
    check_archive(cfg, platform, tmp_path)


def test_runs_killed_at_any_point_lose_and_duplicate_nothing(
    platform: Platform, tmp_path: Path
) -> None:
    platform.sim.latency_seconds = 0.01
    cfg = write_config(
        tmp_path,
        platform,
        crawl={"page_size": 4, "streams_in_parallel": 2},
        archive={"part_rows": 25},
    )
    rng = random.Random(4)
    base = {"n": 0}

    def objects() -> int:
        return len(archive_files(tmp_path, "data")) + len(archive_files(tmp_path, "sealed"))

    def ready(point: str) -> Callable[[], bool]:
        kind, n = point.split(":")
        if kind == "requests":
            return lambda: platform.counters()["total"] - base["n"] >= int(n)
        start = objects() if kind == "objects" else len(archive_files(tmp_path, "manifests"))
        if kind == "objects":
            return lambda: objects() - start >= int(n)
        return lambda: len(archive_files(tmp_path, "manifests")) - start >= int(n)

    killed = 0
    for point in ("requests:3", "objects:1", "manifests:1"):
        base["n"] = platform.counters()["total"]
        killed += kill_when(cfg, ready(point))
        platform.random_changes(rng, 6)
    assert killed >= 2, "too few runs were interrupted to test anything"
    platform.sim.latency_seconds = 0
    assert run_archive(open_ctx(cfg)).exit_code == 0
    check_archive(cfg, platform, tmp_path)


def test_incremental_runs_ask_only_for_what_changed(
    platform: Platform, tmp_path: Path, record_property: Callable[[str, object], None]
) -> None:
    page_size = 10
    cfg = write_config(tmp_path, platform, crawl={"page_size": page_size}, lag=0)
    ctx = open_ctx(cfg)
    assert run_archive(ctx).exit_code == 0
    rng = random.Random(1)
    scenarios: list[tuple[str, Callable[[], None]]] = [
        ("no change", platform.no_change),
        ("5 new messages", lambda: platform.add_messages(rng, 5)),
        ("4 changed sessions", lambda: platform.change_sessions(rng, 4)),
        ("no change again", platform.no_change),
    ]
    for name, scenario in scenarios:
        scenario()
        # The run comes a little later, so what changed is outside the overlap (lag plus the
        # Date header's second) that the run after it reads again.
        platform.advance(5)
        platform.reset_counters()
        report = run_archive(ctx)
        assert report.exit_code == 0
        used = platform.counters()["total"]
        least = platform.minimum(page_size)
        record_property(f"{platform.name}: {name}", f"{used} requests, API minimum {least}")
        assert least <= used <= least + platform.allowed_overhead, (name, used, least)
        if name.startswith("no change"):
            assert not any(s.records for s in report.streams), "nothing changed, nothing new"
    check_archive(cfg, platform, tmp_path)


def test_runs_stopped_on_request_lose_and_duplicate_nothing(
    platform: Platform, tmp_path: Path
) -> None:
    """SIGTERM's path: the stop flag is raised after k records, with the source read ahead; the
    stream commits what it archived and the source's saved state (Kore.ai's resume point and
    open sessions) must describe exactly that."""
    cfg = write_config(tmp_path, platform, crawl={"page_size": 5}, archive={"part_rows": 20})
    ctx = open_ctx(cfg)
    rng = random.Random(11)
    # Counted where the engine takes each record it will archive (its canonical form; rows are
    # built later, when the record's conversation leaves the masking hold).
    original = engine.canonical_json

    def stopping_after(k: int, stop: threading.Event) -> Callable[..., object]:
        seen = {"n": 0}

        def counting(data: object) -> object:
            seen["n"] += 1
            if seen["n"] >= k:
                stop.set()
            return original(data)

        return counting

    stopped = 0
    for k in (3, 40, 11, 90, 25):
        stop = threading.Event()
        engine.canonical_json = stopping_after(k, stop)  # type: ignore[assignment]
        try:
            report = run_archive(ctx, stop=stop)
        finally:
            engine.canonical_json = original
        assert report.exit_code in (0, 3), [s.error for s in report.streams]
        stopped += report.exit_code == 3
        platform.random_changes(rng, 8)
    assert stopped >= 3, "too few runs were stopped to test anything"
    assert run_archive(ctx).exit_code == 0
    assert run_archive(ctx).exit_code == 0
    check_archive(cfg, platform, tmp_path)


@pytest.mark.parametrize("name", sorted(PLATFORMS))
def test_a_conversation_open_for_weeks_gets_its_new_messages_incrementally(
    name: str, tmp_path: Path
) -> None:
    """An agent hand-off open for weeks, quiet for days, gets two messages: the next
    incremental run archives them and the conversation's new state, with no ``--full``."""
    platform = PLATFORMS[name](seed=5, users=12, long_open_fraction=0.5)
    platform.start()
    try:
        cfg = write_config(tmp_path, platform, crawl={"page_size": 10})
        ctx = open_ctx(cfg)
        assert run_archive(ctx).exit_code == 0
        platform.advance(3 * 3600)  # hours later, nothing else going on
        assert run_archive(ctx).exit_code == 0
        platform.advance(3 * 3600)
        weeks_old = platform.long_open_sessions(days=14)
        assert weeks_old, "the simulator kept no conversation open for weeks"
        for tenant, sid in weeks_old:
            platform.add_message_to(tenant, sid)
            platform.add_message_to(tenant, sid)
        platform.advance(5)
        report = run_archive(ctx)
        assert report.exit_code == 0, [s.error for s in report.streams]
        assert not any(m["run"]["full"] for m in _manifests(ctx))
        check_archive(cfg, platform, tmp_path)
    finally:
        platform.stop()


def _manifests(ctx: Context) -> list[dict[str, Any]]:
    return [
        m.doc
        for keys in mf.list_streams(ctx.store).values()
        for m in mf.read_chain(ctx.store, keys, ctx.verifier).manifests
    ]
