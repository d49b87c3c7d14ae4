"""Peki → archive → restore, compared with the simulator's own truth, under live changes."""

from __future__ import annotations

import math
import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archiver.crawl.engine import run_archive
from archiver.simulators.peki import PekiSimulator
from tests.archive_truth import check_archive_against_truth
from tests.conftest import BOTS, examples, open_ctx, write_config


def every_kind_of_change(sim: PekiSimulator, rng: random.Random, bot: str) -> None:
    """One change of each kind the platform makes, on old records where it matters."""
    truth = sim.truth(bot)
    old_users = sorted(truth["users"])
    sim.add_user(bot)
    sim.add_session(bot, rng.choice(old_users))
    sessions = sorted(truth["sessions"])
    for sid in rng.sample(sessions, min(3, len(sessions))):
        sim.add_message(bot, sid, text=f"follow-up {rng.randint(0, 9999)}")
    closed = sorted(s for s, r in truth["sessions"].items() if r["status"] == "Closed")
    if closed:
        sim.update_session(
            bot,
            rng.choice(closed),
            summary=f"late summary {rng.random()}",
            score=round(rng.uniform(1, 10), 1),
            sentiment="Neutral",
        )
    sim.update_user(bot, rng.choice(old_users), dataDictionary={"city": "Izmir"})
    msgs = sorted(truth["messages"])
    sim.delete_message(bot, rng.choice(msgs))


def test_incremental_runs_under_live_changes_and_drift(peki: PekiSimulator, tmp_path: Path) -> None:
    cfg = write_config(tmp_path, peki, crawl={"page_size": 7}, archive={"part_rows": 40})
    ctx = open_ctx(cfg)
    rng = random.Random(5)
    assert run_archive(ctx).exit_code == 0
    for rnd in range(4):
        for bot in BOTS:
            every_kind_of_change(peki, rng, bot)
        peki.random_changes(rng, 12)
        # Drift while the run pages through the lists: records appear at the top, and vanish.
        peki.drift_inserts = 1 + rnd % 2
        peki.drift_deletes = rnd % 2
        report = run_archive(ctx)
        assert report.exit_code == 0, report
        peki.drift_inserts = peki.drift_deletes = 0
    final = run_archive(ctx)
    assert final.exit_code == 0
    check_archive_against_truth(cfg, peki, tmp_path)


def test_equal_timestamps_and_clock_skew(peki: PekiSimulator, tmp_path: Path) -> None:
    peki.clock_skew_seconds = -420  # platform 7 minutes behind us: beyond the signing window
    cfg = write_config(tmp_path, peki, crawl={"page_size": 5})
    ctx = open_ctx(cfg)
    assert run_archive(ctx).exit_code == 0
    peki.equal_timestamps = True
    rng = random.Random(9)
    for bot in BOTS:
        every_kind_of_change(peki, rng, bot)
        for _ in range(6):
            peki.add_message(bot, rng.choice(sorted(peki.truth(bot)["sessions"])))
    assert run_archive(ctx).exit_code == 0
    for bot in BOTS:
        for _ in range(4):
            peki.add_message(bot, rng.choice(sorted(peki.truth(bot)["sessions"])))
    assert run_archive(ctx).exit_code == 0
    check_archive_against_truth(cfg, peki, tmp_path)


def test_faults_are_retried_and_lose_nothing(peki: PekiSimulator, tmp_path: Path) -> None:
    # (Injected 429s carry the real window's reset, up to a minute: covered by the quota test.)
    peki.fault_rates = {"5xx": 0.1, "malformed": 0.06, "timeout": 0.02}
    peki.timeout_seconds = 1.2
    cfg = write_config(
        tmp_path, peki, crawl={"page_size": 10, "timeout_seconds": 0.8, "max_retries": 10}
    )
    ctx = open_ctx(cfg)
    assert run_archive(ctx).exit_code == 0
    peki.random_changes(random.Random(2), 20)
    assert run_archive(ctx).exit_code == 0
    peki.fault_rates = {}
    check_archive_against_truth(cfg, peki, tmp_path)


def test_quota_exhausted_commits_partial_then_catches_up(
    peki: PekiSimulator, tmp_path: Path
) -> None:
    cfg = write_config(
        tmp_path, peki, crawl={"page_size": 5, "max_wait_seconds": 0.5, "max_retries": 1}
    )
    ctx = open_ctx(cfg)
    peki.rate_limit_per_minute = 9
    report = run_archive(ctx)
    assert report.exit_code == 3
    assert {s.status for s in report.streams} <= {"partial", "failed"}
    peki.rate_limit_per_minute = 1_000_000
    assert run_archive(ctx).exit_code == 0
    check_archive_against_truth(cfg, peki, tmp_path)


@pytest.mark.parametrize("concurrency", [1, 4])
def test_incremental_requests_are_near_the_api_minimum(
    peki: PekiSimulator, tmp_path: Path, concurrency: int
) -> None:
    ps = 10
    cfg = write_config(tmp_path, peki, crawl={"page_size": ps, "concurrency": concurrency}, lag=0)
    ctx = open_ctx(cfg)

    def pages(n: int) -> int:
        return max(1, math.ceil(n / ps))

    def read(n: int) -> int:
        """A list read in full: its pages, and with pages in parallel one probe (page 1 read
        again) where the pages after the first take fewer round trips that way."""
        rest = pages(n) - 1
        return pages(n) + (concurrency > 1 and math.ceil(rest / concurrency) + 1 < rest)

    def list_minimum() -> int:
        return sum(
            pages(len(peki.truth(b)["users"])) + pages(len(peki.truth(b)["sessions"])) for b in BOTS
        )

    peki.reset_counters()
    run_archive(ctx)
    full = peki.counters()["total"]
    msgs = sum(len(peki.truth(b)["messages"]) for b in BOTS)
    tables = ("users", "sessions", "messages")
    assert full == sum(read(len(peki.truth(b)[t])) for b in BOTS for t in tables)
    if concurrency == 1:
        assert full == list_minimum() + sum(pages(len(peki.truth(b)["messages"])) for b in BOTS)

    peki.reset_counters()
    run_archive(ctx)
    assert peki.counters()["total"] == list_minimum() + len(BOTS)  # one message page each

    rng = random.Random(1)
    new = 25
    for _ in range(new):
        bot = rng.choice(BOTS)
        peki.add_message(bot, rng.choice(sorted(peki.truth(bot)["sessions"])))
    peki.reset_counters()
    report = run_archive(ctx)
    assert sum(s.records.get("messages", 0) for s in report.streams) == new
    # The message list is read down to the watermark: at most one page beyond the new ones.
    assert peki.counters()["total"] <= list_minimum() + sum(pages(new) + 1 for _ in BOTS)
    assert msgs > 0


ops = st.lists(
    st.one_of(
        st.tuples(st.just("changes"), st.integers(1, 15), st.integers(0, 2**16)),
        st.tuples(st.just("run"), st.integers(0, 2), st.integers(0, 1)),
        st.tuples(st.just("ties"), st.booleans(), st.just(0)),
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=examples(12), deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Drift is kept below half a page: a list that grows at the top as fast as it is read cannot be
# read to the end by any offset client (the scan then gives up with a clear error instead).
@given(plan=ops, page_size=st.integers(5, 9), concurrency=st.sampled_from([1, 4]))
def test_any_interleaving_of_changes_and_runs(
    plan: list[tuple[str, int, int]], page_size: int, concurrency: int
) -> None:
    sim = PekiSimulator(
        seed=page_size,
        chatbot_ids=BOTS,
        users_per_bot=4,
        sessions_per_user=(1, 2),
        messages_per_session=(1, 4),
        rate_limit_per_minute=1_000_000,
    )
    sim.start()
    try:
        with tempfile.TemporaryDirectory() as d:
            tmp = Path(d)
            # One page at a time (the step-back rule) and pages in parallel (the probe, and
            # reading on from the bottom when records leave under it).
            cfg = write_config(
                tmp,
                sim,
                crawl={"page_size": page_size, "concurrency": concurrency},
                archive={"part_rows": 7},
            )
            ctx = open_ctx(cfg)
            for op, a, b in plan:
                if op == "changes":
                    sim.random_changes(random.Random(b), a)
                elif op == "ties":
                    sim.equal_timestamps = bool(a)
                else:
                    sim.drift_inserts, sim.drift_deletes = a, b
                    assert run_archive(ctx).exit_code == 0
                    sim.drift_inserts = sim.drift_deletes = 0
            assert run_archive(ctx).exit_code == 0
            check_archive_against_truth(cfg, sim, tmp)
    finally:
        sim.stop()


def test_parallel_pages_end_when_a_record_is_deleted_with_every_request() -> None:
    """The case hypothesis found: with pages in parallel, a list that loses a record above the
    read position with every request once kept the page-by-page reading between pages 1
    and 2 until the request budget ended the stream as partial."""
    sim = PekiSimulator(
        seed=6,
        chatbot_ids=BOTS,
        users_per_bot=4,
        sessions_per_user=(1, 2),
        messages_per_session=(1, 4),
        rate_limit_per_minute=1_000_000,
    )
    sim.start()
    try:
        with tempfile.TemporaryDirectory() as d:
            cfg = write_config(Path(d), sim, crawl={"page_size": 6}, archive={"part_rows": 7})
            ctx = open_ctx(cfg)
            sim.random_changes(random.Random(33078), 1)
            sim.random_changes(random.Random(938), 7)
            for _ in range(3):
                sim.drift_inserts, sim.drift_deletes = 2, 0
                assert run_archive(ctx).exit_code == 0
            sim.drift_inserts, sim.drift_deletes = 0, 1
            report = run_archive(ctx)
            assert report.exit_code == 0, report
            assert {s.status for s in report.streams} == {"complete"}
            sim.drift_inserts = sim.drift_deletes = 0
            assert run_archive(ctx).exit_code == 0
            check_archive_against_truth(cfg, sim, Path(d))
    finally:
        sim.stop()


@pytest.mark.parametrize("bad", ["chatbot", "secret"])
def test_a_failing_stream_does_not_block_the_others(
    peki: PekiSimulator, tmp_path: Path, bad: str
) -> None:
    cfg = write_config(tmp_path, peki)
    if bad == "chatbot":
        cfg.write_text(cfg.read_text().replace("- bot2", "- no-such-bot"))
    else:
        cfg.write_text(cfg.read_text().replace(peki.api_secret, "sk_wrong"))
    report = run_archive(open_ctx(cfg))
    by_tenant = {s.tenant: s for s in report.streams}
    if bad == "chatbot":
        assert by_tenant["bot1"].status == "complete"
        assert by_tenant["no-such-bot"].status == "failed"
        assert report.exit_code == 3
    else:
        assert {s.status for s in report.streams} == {"failed"}
        assert report.exit_code == 1
    for s in report.streams:
        assert peki.api_secret not in (s.error or "") and "sk_wrong" not in (s.error or "")


def test_full_reconciliation_commits_only_what_is_missing(
    peki: PekiSimulator, tmp_path: Path
) -> None:
    cfg = write_config(tmp_path, peki)
    ctx = open_ctx(cfg)
    first = run_archive(ctx)
    total_first = sum(sum(s.records.values()) for s in first.streams)
    assert total_first > 0
    full = run_archive(ctx, full=True)
    assert full.exit_code == 0
    assert sum(sum(s.records.values()) for s in full.streams) == 0
    assert sum(s.seen_again for s in full.streams) >= total_first
    peki.random_changes(random.Random(8), 10)
    after = run_archive(ctx, full=True)
    assert sum(sum(s.records.values()) for s in after.streams) > 0
    assert run_archive(ctx).exit_code == 0
    check_archive_against_truth(cfg, peki, tmp_path)
