"""The Selise Blocks source against its simulator: OAuth, activity order, message tails."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from archiver.config import load_config
from archiver.crawl.engine import run_archive
from archiver.errors import ConfigError, SourceError
from archiver.simulators.selise import SeliseSimulator
from archiver.sources.http import HttpPolicy
from archiver.sources.selise import SeliseSource
from tests.archive_truth import check_archive
from tests.conftest import open_ctx
from tests.contract.platforms import SelisePlatform, write_config

pytestmark = pytest.mark.usefixtures("parsed_once_in_module")


AGENT, WIDGET = "agent_1", "widget_1"


def settings(sim: SeliseSimulator, **extra: Any) -> dict[str, Any]:
    return {
        "base_url": sim.base_url,
        "project_key": sim.project_key,
        "agents": [{"agent_id": AGENT, "widget_id": WIDGET}],
    } | extra


def oauth(sim: SeliseSimulator, **extra: Any) -> dict[str, Any]:
    return settings(sim, client_id=sim.client_id, client_secret=sim.client_secret, **extra)


@pytest.fixture
def sim() -> Iterator[SeliseSimulator]:
    s = SeliseSimulator(seed=8, agents=((AGENT, WIDGET),), users_per_agent=7)
    s.start()
    try:
        yield s
    finally:
        s.stop()


def crawl(source: SeliseSource, since: Any = None) -> list[Any]:
    return list(source.changes(AGENT, since))


def test_token_is_cached_and_refreshed_after_a_401(sim: SeliseSimulator) -> None:
    sim.require_token = True
    source = SeliseSource("selise-test", oauth(sim, page_size=5), policy=HttpPolicy())
    try:
        crawl(source)
        assert source.auth.tokens_fetched == 1
        assert sim.counters()["token"] == 1 and sim.counters()["sessions.list"] > 1
        sim.expire_tokens()
        sim.reset_counters()
        records = crawl(source, sim.now() - timedelta(days=1))
    finally:
        source.close()
    assert records and source.auth.tokens_fetched == 2
    counts = sim.counters()
    assert counts["status.401"] == 1 and counts["token"] == 1


def test_refused_credentials_say_so_without_the_secret(sim: SeliseSimulator) -> None:
    bad = oauth(sim) | {"client_secret": "not-the-secret-value"}
    source = SeliseSource("selise-test", bad, policy=HttpPolicy())
    try:
        with pytest.raises(SourceError, match="client credentials") as err:
            crawl(source)
    finally:
        source.close()
    assert "not-the-secret-value" not in str(err.value)


def test_messages_are_read_from_the_end(sim: SeliseSimulator) -> None:
    sid = sim.add_session(AGENT, None)
    for _ in range(230):
        sim.add_message(AGENT, sid)
    source = SeliseSource("selise-test", settings(sim), policy=HttpPolicy())
    try:
        crawl(source)
        sim.advance(5)
        since = sim.now() - timedelta(milliseconds=1)  # platform times are whole ms
        for _ in range(3):
            sim.add_message(AGENT, sid)
        sim.reset_counters()
        records = crawl(source, since)
    finally:
        source.close()
    assert [r.table for r in records].count("messages") >= 3
    assert sim.counters()["sessions.get"] == 1  # the last page, found from message_count
    assert sim.counters()["sessions.list"] == 1
    new = {r.id for r in records if r.table == "messages" and r.created_at >= since}
    assert len(new) == 3


def test_a_session_deleted_after_listing_is_skipped(sim: SeliseSimulator) -> None:
    # One request at a time, so the messages request follows the deletion. (Read ahead, it may
    # have been answered already: then the messages are archived as they were when read.)
    policy = HttpPolicy(concurrency=1)
    source = SeliseSource("selise-test", settings(sim, page_size=4), policy=policy)
    victim = sorted(sim.session_ids(AGENT))[0]
    crawl_it = source.changes(AGENT, None)
    try:
        first = next(crawl_it)
        assert first.table == "sessions"
        if first.id != victim:
            sim.delete_session(AGENT, first.id)  # its messages are asked for next: 404
        records = list(crawl_it)
    finally:
        source.close()
    assert sim.counters().get("status.404", 0) == 1
    assert all(r.session_id != first.id for r in records)


def test_sessions_changed_mid_scan_are_caught_in_the_same_run(
    sim: SeliseSimulator, tmp_path: Path
) -> None:
    platform = SelisePlatform(sim=sim)
    cfg = write_config(tmp_path, platform, crawl={"page_size": 3}, lag=0)
    sim.drift_touches = 2  # every page after the first: two sessions further down jump up
    ctx = open_ctx(cfg)
    assert run_archive(ctx).exit_code == 0
    sim.drift_touches = 0
    sim.advance(5)
    assert run_archive(ctx).exit_code == 0
    # A quiet run reads only messages at or after the watermark: had the first run missed a
    # session that jumped up, that session's older messages would be missing for good.
    check_archive(cfg, platform, tmp_path)


def test_created_order_platform_is_read_whole(tmp_path: Path) -> None:
    sim = SeliseSimulator(seed=3, users_per_agent=8, sessions_order="created")
    sim.start()
    try:
        platform = SelisePlatform(sim=sim)
        cfg = write_config(
            tmp_path, platform, crawl={"page_size": 4}, source={"sessions_order": "created"}
        )
        ctx = open_ctx(cfg)
        assert run_archive(ctx).exit_code == 0
        oldest = min(sim.truth(AGENT)["sessions"].values(), key=lambda s: s["created_at"])
        sim.rate_session(AGENT, oldest["session_id"])  # deep down the list, and it changed
        sim.add_message(AGENT, oldest["session_id"])
        assert run_archive(ctx).exit_code == 0
        check_archive(cfg, platform, tmp_path)
    finally:
        sim.stop()


def test_an_activity_source_notices_a_list_that_is_not_by_activity() -> None:
    sim = SeliseSimulator(seed=3, users_per_agent=8, sessions_order="created")
    sim.start()
    source = SeliseSource("selise-test", settings(sim, page_size=4), policy=HttpPolicy())
    try:
        crawl(source)
        first, second = sim.add_session(AGENT, None), sim.add_session(AGENT, None)
        sim.advance(1)
        sim.add_message(AGENT, first)  # page 1 now: second, first (older, but more recent)
        oldest = min(sim.truth(AGENT)["sessions"].values(), key=lambda s: s["created_at"])
        sim.add_message(AGENT, oldest["session_id"])
        since = sim.now() - timedelta(seconds=1)
        records = crawl(source, since)
    finally:
        source.close()
        sim.stop()
    assert oldest["session_id"] in {r.id for r in records if r.table == "sessions"}
    assert second in {r.id for r in records}


def test_users_come_from_their_newest_session(sim: SeliseSimulator) -> None:
    source = SeliseSource("selise-test", settings(sim), policy=HttpPolicy())
    try:
        records = crawl(source)
    finally:
        source.close()
    sessions = sim.truth(AGENT)["sessions"].values()
    users = {r.id: r for r in records if r.table == "users"}
    assert set(users) == {s["user_id"] for s in sessions if s["user_id"]}
    for uid, rec in users.items():
        newest = max((s for s in sessions if s["user_id"] == uid), key=lambda s: s["created_at"])
        assert rec.data["last_session_id"] == newest["session_id"]
        assert rec.data["user_info"] == newest["user_info"] and rec.data["user_info"]["email"]
    messages = [r for r in records if r.table == "messages"]
    assert {m.sender for m in messages} <= {"user", "bot", "agent"}
    anonymous = [m for m in messages if m.data["user_id"] is None]
    assert all(m.user_id is None for m in anonymous)
    with_files = [m for m in messages if m.data["metadata"].get("attachments")]
    assert all(m.attachments for m in with_files)


def test_duplicate_agents_are_refused(sim: SeliseSimulator) -> None:
    twice = settings(sim) | {"agents": [{"agent_id": AGENT, "widget_id": WIDGET}] * 2}
    with pytest.raises(Exception, match="listed twice"):
        SeliseSource("selise-test", twice, policy=HttpPolicy())


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"project_key": None}, "project_key"),
        ({"agents": [{"agent_id": "a1"}]}, "agents"),
        ({"client_id": "cl-1"}, "client_id"),
        ({"sessions_order": "random"}, "sessions_order"),
        ({"page_size": 101}, "page_size"),
    ],
)
def test_config_entries_are_checked(tmp_path: Path, change: dict[str, Any], key: str) -> None:
    entry = {
        "name": "selise-main",
        "type": "selise",
        "base_url": "https://api.seliseblocks.com",
        "project_key": "pk-secret-value",
        "agents": [{"agent_id": "a1", "widget_id": "w1"}],
    }
    entry = {k: v for k, v in (entry | change).items() if v is not None}
    with pytest.raises(ConfigError, match=r"sources\[0\]") as err:
        load_config(write_config(tmp_path, entry))
    assert key in str(err.value) and "pk-secret-value" not in str(err.value)


def test_simulate_prints_a_source_entry_that_works(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "archiver", "simulate", "--platform", "selise", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline() for _ in range(9)]
        entry = yaml.safe_load("".join(lines[1:]))["sources"][0]
        assert entry["type"] == "selise" and entry["base_url"].startswith("http://127.0.0.1:")
        source = SeliseSource("selise-sim", entry, policy=HttpPolicy())
        try:
            tenant = source.tenants()[0]
            assert any(r.table == "sessions" for r in source.changes(tenant, None))
        finally:
            source.close()
    finally:
        proc.terminate()
        proc.wait(10)


class InFlight(httpx.HTTPTransport):
    """Counts the messages requests in flight at once, as the client sends them."""

    def __init__(self) -> None:
        super().__init__()
        self.lock = threading.Lock()
        self.now = 0
        self.most = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        messages = request.url.path.startswith("/conversation/sessions/")
        if messages:
            with self.lock:
                self.now += 1
                self.most = max(self.most, self.now)
        try:
            response = super().handle_request(request)
            response.read()
            return response
        finally:
            if messages:
                with self.lock:
                    self.now -= 1


@pytest.mark.parametrize("since_hours", [None, 2])
def test_messages_of_the_next_sessions_are_read_ahead_with_the_same_requests_and_records(
    sim: SeliseSimulator, since_hours: int | None
) -> None:
    """crawl.concurrency 4: the first messages page of the next sessions is on its way while
    earlier ones are visited; the records (and their order) and the requests are those of one
    request at a time."""
    sim.latency_seconds = 0.02
    since = None if since_hours is None else sim.now() - timedelta(hours=since_hours)
    runs = {}
    for concurrency in (1, 4):
        transport = InFlight()
        source = SeliseSource(
            "selise-test",
            settings(sim, page_size=5),
            policy=HttpPolicy(concurrency=concurrency),
            transport=transport,
        )
        sim.reset_counters()
        try:
            records = crawl(source, since)
        finally:
            source.close()
        stats = source.scan_stats(AGENT)
        runs[concurrency] = (
            [(r.table, r.id, r.data) for r in records],
            sim.counters()["total"],
            stats["messages"].requests,
            transport.most,
        )
    (one, served_one, pages_one, most_one), (four, served_four, pages_four, most_four) = (
        runs[1],
        runs[4],
    )
    assert four == one and any(t == "messages" for t, _, _ in one)
    assert pages_four == pages_one > 1
    assert most_one == 1 and most_four > 1
    # The session list's parallel pages add one probe where they are used; nothing else.
    assert served_four - served_one == source.scan_stats(AGENT)["sessions"].probes
