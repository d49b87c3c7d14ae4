"""Kore.ai date windows overlap: with ``crawl.concurrency`` > 1 the next window's message lists
are on their way while this window's are read, and the crawl hands over exactly what one
request at a time would (records, marks, requests).

Only channels the next window lists whatever this one reveals start early: those of
sessions whose record is out, and those of sessions its own list shows begun in it.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archiver.simulators.kore import KoreSimulator
from archiver.sources.base import StateMark
from archiver.sources.http import HttpPolicy
from archiver.sources.kore import KoreSource
from archiver.timeutil import parse_ts
from tests.conftest import UNLIMITED

BOT = "st-1"
#: How long the first message request is held waiting for a later window's; a crawl that
#: reads windows one after the other never sends one meanwhile and the test fails after it.
HOLD_SECONDS = 10.0


@pytest.fixture
def sim() -> Iterator[KoreSimulator]:
    with KoreSimulator(
        seed=9,
        bot_ids=(BOT,),
        users_per_bot=12,
        rate_limits=((UNLIMITED, 60.0),),
        long_open_fraction=0.5,
    ) as s:
        yield s


class HoldFirstMessages(httpx.HTTPTransport):
    """Holds the crawl's first message-list request (the oldest window's) until a message-list
    request of a later window arrives, or ``HOLD_SECONDS`` pass."""

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._first: str | None = None
        self._later = threading.Event()
        self.overlapped: bool | None = None  # whether the later request came while held

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        hold = False
        if request.url.path.endswith("/getMessages"):
            begins = str(json.loads(request.content)["dateFrom"])
            with self._lock:
                if self._first is None:
                    self._first, hold = begins, True
                elif begins > self._first:  # same ISO format: later in time sorts later
                    self._later.set()
        if hold:
            self.overlapped = self._later.wait(HOLD_SECONDS)
        return super().handle_request(request)


def _source(
    sim: KoreSimulator,
    concurrency: int,
    transport: httpx.BaseTransport | None = None,
    messages_page_size: int = 9,
) -> KoreSource:
    return KoreSource(
        "kore-test",
        {
            "base_url": sim.base_url,
            "client_id": sim.client_id,
            "client_secret": sim.client_secret,
            "bot_ids": [BOT],
            "backfill_days": 20,
            "page_size": 7,
            "messages_page_size": messages_page_size,
            "rate_limit_per_minute": UNLIMITED,
            "rate_limit_per_hour": UNLIMITED,
        },
        policy=HttpPolicy(concurrency=concurrency),
        transport=transport,
    )


def _crawl(
    sim: KoreSimulator,
    now: datetime,
    concurrency: int,
    transport: httpx.BaseTransport | None = None,
) -> tuple[list[tuple[str, str]], int]:
    """What the crawl hands over, in order, and the requests it made. The last window's mark
    resumes at the crawl's start (a second of the platform's clock that two crawls need not
    share): it reads as such."""
    source = _source(sim, concurrency, transport)
    try:
        stream = []
        for item in source.changes(BOT, None):
            if isinstance(item, StateMark):
                resume = dict(item.state.get("resume", {}))
                if "until" in resume and parse_ts(resume["until"]) > now - timedelta(minutes=1):
                    resume["until"] = "the crawl's start"
                stream.append(("mark", str(sorted(resume.items()))))
            else:
                stream.append((item.table, f"{item.id} {item.user_id} {item.session_id}"))
        return stream, source.request_count()
    finally:
        source.close()


def test_the_next_windows_messages_go_out_while_this_windows_are_read(
    sim: KoreSimulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The oldest window's first message list is held until a later window's is asked: with
    windows read one after the other that never happens. The backfill's start is pinned so
    both crawls walk the same windows."""
    now = sim.now()
    monkeypatch.setattr("archiver.sources.kore.utcnow", lambda: now)
    alone, asked_alone = _crawl(sim, now, 1)
    held = HoldFirstMessages()
    ahead, asked_ahead = _crawl(sim, now, 4, held)
    assert held.overlapped is True, "a later window's messages were asked while the first's were"
    assert sum(1 for kind, _ in alone if kind == "mark") > 3, "several windows"
    assert any(kind == "messages" for kind, _ in alone)
    assert ahead == alone, "the records and marks of one request at a time, in its order"
    assert asked_ahead == asked_alone, "reading ahead cost no request"


class SlowMessages(httpx.HTTPTransport):
    """Message lists answered slowly, so the lists read ahead are still running when the
    crawl stops."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/getMessages"):
            threading.Event().wait(0.1)
        return super().handle_request(request)


def test_a_crawl_stopped_mid_window_leaves_no_list_running(sim: KoreSimulator) -> None:
    """Closing the crawl while the next window's lists are on their way abandons them: no
    request goes out after ``close``, and no thread of the crawl is left."""
    source = _source(sim, 4, SlowMessages(), messages_page_size=2)
    try:
        changes = source.changes(BOT, None)
        for item in changes:
            if not isinstance(item, StateMark) and item.table == "messages":
                break  # the first window's first message
        else:
            pytest.fail("no message to stop at")
        running = {t.name for t in threading.enumerate()}
        assert f"kore-{BOT}-sessions" in running or any(
            n.startswith(f"kore-{BOT}-messages-") for n in running
        ), "the next window's lists are on their way"
        changes.close()  # type: ignore[attr-defined]
        assert not [t.name for t in threading.enumerate() if t.name.startswith(f"kore-{BOT}-")]
        asked = source.request_count()
        threading.Event().wait(0.5)
        assert source.request_count() == asked, "a list went on reading after the crawl ended"
    finally:
        source.close()


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    seed=st.integers(0, 2**16),
    inserts=st.integers(0, 2),
    deletes=st.integers(0, 1),
    page=st.integers(3, 9),
)
def test_windows_read_ahead_under_drift_lose_and_double_nothing(
    monkeypatch: pytest.MonkeyPatch, seed: int, inserts: int, deletes: int, page: int
) -> None:
    """Records created at the top and deleted above the page as every page after a list's
    first is served, while windows are read side by side: each message and session present
    before and after the crawl comes out, and none comes out twice. (A record cannot move from
    one window to another: windows go by creation or start time, which no change moves.)"""
    with KoreSimulator(
        seed=seed,
        bot_ids=(BOT,),
        users_per_bot=10,
        rate_limits=((UNLIMITED, 60.0),),
        long_open_fraction=0.3,
    ) as sim:
        now = sim.now()
        monkeypatch.setattr("archiver.sources.kore.utcnow", lambda: now)
        horizon = now - timedelta(days=20)
        before = sim.truth(BOT)
        sim.drift_inserts, sim.drift_deletes = inserts, deletes
        source = _source(sim, 4, messages_page_size=page)
        try:
            records = [r for r in source.changes(BOT, None) if not isinstance(r, StateMark)]
        finally:
            source.close()
        after = sim.truth(BOT)
    # Sessions begun within the backfill, and their messages: a first crawl lists messages of
    # a session begun before it only on a channel listed for another session, whether or not
    # it reads ahead (one request at a time misses the same ones).
    within = {
        sid for sid, rec in before["sessions"].items() if parse_ts(rec["start_time"]) >= horizon
    }
    assert within, "sessions to read"
    for table in ("messages", "sessions"):
        got = [r.id for r in records if r.table == table]
        assert len(got) == len(set(got)), f"{table}: a record came out twice"
        throughout = {
            rid
            for rid, rec in before[table].items()
            if rid in after[table] and rec["sessionId"] in within
        }
        missing = throughout - set(got)
        assert not missing, f"{table}: lost {sorted(missing)[:5]}"
