"""ApiClient and RateBudget against a real loopback server, with waits recorded, not slept."""

from __future__ import annotations

import json
import logging
import math
import random
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from email.utils import formatdate
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.errors import RateLimited, RetriableError, SourceError
from archiver.sources.http import (
    ApiClient,
    HttpPolicy,
    HttpStatusError,
    RateBudget,
    Window,
    encode_query,
    redact_url,
    retry_after_seconds,
)
from tests.servers import HttpServer, QuietHandler, free_port

# -- loopback server ---------------------------------------------------------------------

Headers = dict[str, str] | Callable[[int], dict[str, str]]


@dataclass
class Reply:
    status: int = 200
    body: Any = field(default_factory=lambda: {"ok": True})
    headers: Headers = field(default_factory=dict)
    content_type: str = "application/json"
    delay: float = 0.0
    drop: bool = False  # close the connection without answering


@dataclass
class Seen:
    method: str
    raw_path: str
    headers: dict[str, str]
    body: bytes


class ScriptedServer:
    """Answers each request with the next scripted reply (then 200 ``{"ok": true}``)."""

    def __init__(self) -> None:
        self.replies: deque[Reply] = deque()
        self.seen: list[Seen] = []
        self.lock = threading.Lock()
        self.in_flight = 0
        self.max_in_flight = 0
        server = self

        class Handler(QuietHandler):
            protocol_version = "HTTP/1.1"
            wbufsize = 1 << 16  # one write per reply: avoids Nagle + delayed-ACK stalls

            def do_GET(self) -> None:
                self._answer()

            def do_POST(self) -> None:
                self._answer()

            def _answer(self) -> None:
                body = self.body()
                with server.lock:
                    server.seen.append(
                        Seen(
                            self.command,
                            self.path,
                            {k.lower(): v for k, v in self.headers.items()},
                            body,
                        )
                    )
                    reply = server.replies.popleft() if server.replies else Reply()
                    server.in_flight += 1
                    server.max_in_flight = max(server.max_in_flight, server.in_flight)
                try:
                    if reply.delay:
                        time.sleep(reply.delay)
                    if reply.drop:
                        self.close_connection = True
                        return
                    self._write(reply)
                finally:
                    with server.lock:
                        server.in_flight -= 1

            def _write(self, reply: Reply) -> None:
                now = int(time.time())
                if isinstance(reply.body, bytes):
                    payload = reply.body
                elif isinstance(reply.body, str):
                    payload = reply.body.encode()
                else:
                    payload = json.dumps(reply.body).encode()
                extra = reply.headers(now) if callable(reply.headers) else reply.headers
                self.send_response_only(reply.status)
                self.send_header("Date", formatdate(now, usegmt=True))
                self.send_header("Content-Type", reply.content_type)
                self.send_header("Content-Length", str(len(payload)))
                for key, value in extra.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(payload)

        self.http = HttpServer(Handler)
        self.url = self.http.url

    def script(self, *replies: Reply) -> None:
        self.replies.extend(replies)

    @property
    def count(self) -> int:
        return len(self.seen)


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    srv = ScriptedServer()
    with srv.http:
        yield srv


class FakeTime:
    """A monotonic clock that only moves when someone sleeps; every sleep is recorded."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []
        self.lock = threading.Lock()

    def clock(self) -> float:
        with self.lock:
            return self.now

    def sleep(self, seconds: float) -> None:
        assert seconds >= 0
        with self.lock:
            self.sleeps.append(seconds)
            self.now += seconds


@pytest.fixture
def fake() -> FakeTime:
    return FakeTime()


def make_client(
    srv: ScriptedServer,
    fake: FakeTime,
    *,
    windows: tuple[Window, ...] = (),
    base_path: str = "",
    **policy: Any,
) -> ApiClient:
    budget = policy.pop("budget", None) or RateBudget(windows, clock=fake.clock, sleep=fake.sleep)
    auth = policy.pop("auth", None)
    headers = policy.pop("headers", None)
    transport = policy.pop("transport", None)
    return ApiClient(
        srv.url + base_path,
        name="testsrc",
        auth=auth,
        headers=headers,
        transport=transport,
        policy=HttpPolicy(**{"timeout_seconds": 5.0, **policy}),
        budget=budget,
        sleep=fake.sleep,
        rng=random.Random(7),
    )


class MaxRandom(random.Random):
    """Jitter that always picks the top of the range, to check the backoff caps."""

    def uniform(self, a: float, b: float) -> float:
        return b


# -- retries -----------------------------------------------------------------------------


@pytest.mark.parametrize("status", [500, 502, 503, 504, 429])
def test_retry_then_success(server: ScriptedServer, fake: FakeTime, status: int) -> None:
    server.script(Reply(status, {"err": 1}), Reply(status, {"err": 2}), Reply(200, {"n": 3}))
    with make_client(server, fake) as client:
        assert client.request_json("GET", "/x") == {"n": 3}
        stats = client.stats
    assert server.count == 3
    assert stats["requests"] == 3
    assert stats["retries"] == 2
    assert stats[f"status.{status}"] == 2
    assert stats["status.200"] == 1
    # full jitter: attempt k waits at most base * 2**k
    assert len(fake.sleeps) <= 2
    assert all(0 <= s <= 0.5 * 2**i for i, s in enumerate(fake.sleeps))


def test_backoff_is_exponential_and_capped(server: ScriptedServer, fake: FakeTime) -> None:
    server.script(*[Reply(500) for _ in range(6)])
    client = ApiClient(
        server.url,
        name="testsrc",
        policy=HttpPolicy(max_retries=6, backoff_base_seconds=0.5, backoff_max_seconds=5.0),
        budget=RateBudget(clock=fake.clock, sleep=fake.sleep),
        sleep=fake.sleep,
        rng=MaxRandom(),
    )
    with client:
        assert client.request_json("GET", "/x") == {"ok": True}
        assert client.stats["waited_ms"] == 500 + 1000 + 2000 + 4000 + 5000 + 5000
    assert fake.sleeps == [0.5, 1.0, 2.0, 4.0, 5.0, 5.0]


def test_retry_after_seconds_honoured(server: ScriptedServer, fake: FakeTime) -> None:
    server.script(Reply(429, headers={"Retry-After": "7"}))
    with make_client(server, fake) as client:
        assert client.request_json("GET", "/x") == {"ok": True}
        assert client.stats["waited_ms"] == 7000
    assert fake.sleeps == [7.0]


def test_retry_after_http_date_honoured(server: ScriptedServer, fake: FakeTime) -> None:
    server.script(Reply(503, headers=lambda now: {"Retry-After": formatdate(now + 9, usegmt=True)}))
    with make_client(server, fake) as client:
        client.request("GET", "/x")
    assert fake.sleeps == [9.0]


def test_429_waits_for_ratelimit_reset(server: ScriptedServer, fake: FakeTime) -> None:
    server.script(
        Reply(
            429,
            headers=lambda now: {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(now + 20)},
        )
    )
    with make_client(server, fake) as client:
        client.request("GET", "/x")
    assert fake.sleeps == [20.0]
    assert server.count == 2


def test_remaining_zero_makes_next_request_wait_for_reset(
    server: ScriptedServer, fake: FakeTime
) -> None:
    server.script(
        Reply(
            200,
            headers=lambda now: {
                "X-RateLimit-Limit": "60",
                "X-RateLimit-Remaining": "0",
                "X-RateLimit-Reset": str(now + 30),
            },
        )
    )
    with make_client(server, fake) as client:
        client.request("GET", "/a")
        assert fake.sleeps == []
        client.request("GET", "/b")
        assert client.budget.server_limit == 60
    assert fake.sleeps == [30.0]
    assert [s.raw_path for s in server.seen] == ["/a", "/b"]


def test_remaining_counts_down_locally_until_reset(fake: FakeTime) -> None:
    budget = RateBudget(clock=fake.clock, sleep=fake.sleep)
    budget.observe(
        httpx.Response(200, headers={"X-RateLimit-Remaining": "2", "X-RateLimit-Reset": "12"})
    )
    budget.acquire(60)
    budget.acquire(60)
    assert fake.sleeps == []
    budget.acquire(60)  # the two the server allowed are spent
    assert fake.sleeps == [12.0]
    budget.acquire(60)  # the period is over: no more waiting on stale numbers
    assert fake.sleeps == [12.0]


def test_reset_header_as_unix_time_uses_server_date(fake: FakeTime) -> None:
    server_now = 1_700_000_000  # far from our wall clock: only the difference may count
    budget = RateBudget(clock=fake.clock, sleep=fake.sleep)
    budget.observe(
        httpx.Response(
            200,
            headers={
                "Date": formatdate(server_now, usegmt=True),
                "X-RateLimit-Remaining": "0",
                "X-RateLimit-Reset": str(server_now + 45),
            },
        )
    )
    budget.acquire(60)
    assert fake.sleeps == [45.0]


def test_reset_time_takes_the_earliest_estimate_of_a_period(fake: FakeTime) -> None:
    # Date drops the fraction of its second, so a reset read against it comes out late by up to
    # a second: of two answers in one period, the one whose Date had just ticked is the closer.
    server_start = 1_700_000_000
    budget = RateBudget(clock=fake.clock, sleep=fake.sleep)

    def answer(server_now: float, remaining: int) -> httpx.Response:
        headers = {
            "Date": formatdate(server_now, usegmt=True),
            "X-RateLimit-Remaining": str(remaining),
            "X-RateLimit-Reset": str(server_start + 10),
        }
        return httpx.Response(200, headers=headers)

    budget.observe(answer(server_start + 0.9, 1))  # says 10 s to go; 9.1 in truth
    fake.now += 0.15
    budget.observe(answer(server_start + 1.05, 0))  # says 9 s; 8.95 in truth
    budget.acquire(60)
    assert fake.sleeps == [pytest.approx(9.0)]


def test_reset_time_is_placed_by_the_tightest_date_seen_in_any_period(fake: FakeTime) -> None:
    """Pages in flight together come back within a fraction of a second, so every answer of a
    period may carry a Date late by the same fraction: the server's clock learnt from an answer
    of an earlier period, whose Date had just ticked, places the reset closer, never early."""
    server_start = 1_700_000_000
    budget = RateBudget(clock=fake.clock, sleep=fake.sleep)

    def answer(server_now: float, remaining: int, reset: int) -> httpx.Response:
        headers = {
            "Date": formatdate(server_now, usegmt=True),
            "X-RateLimit-Remaining": str(remaining),
            "X-RateLimit-Reset": str(reset),
        }
        return httpx.Response(200, headers=headers)

    budget.observe(answer(server_start + 0.05, 5, server_start + 10))  # Date had just ticked
    fake.now += 20.85
    budget.observe(answer(server_start + 20.9, 0, server_start + 30))  # 9.1 s to go in truth
    budget.acquire(60)
    assert fake.sleeps == [pytest.approx(9.15)]  # 10 s read against this answer's Date alone
    assert fake.sleeps[0] >= 9.1


def test_an_answer_of_an_earlier_period_coming_back_late_is_ignored(fake: FakeTime) -> None:
    """Pages in flight together: an answer sent at the end of one rate-limit period may come
    back after answers of the next. Its "0 remaining" belongs to the period that is over; taken
    as the latest word, it would end the current period's count and let requests out unpaced."""
    server_start = 1_700_000_000
    budget = RateBudget(clock=fake.clock, sleep=fake.sleep)

    def answer(server_now: float, remaining: int, reset: int) -> httpx.Response:
        headers = {
            "Date": formatdate(server_now, usegmt=True),
            "X-RateLimit-Remaining": str(remaining),
            "X-RateLimit-Reset": str(reset),
        }
        return httpx.Response(200, headers=headers)

    budget.observe(answer(server_start + 10.0, 2, server_start + 20))  # the current period
    budget.observe(answer(server_start + 9.9, 0, server_start + 10))  # the last one's, late
    budget.acquire(60)
    budget.acquire(60)
    assert fake.sleeps == []
    budget.acquire(60)  # the current period's two are spent: wait for its end
    assert fake.sleeps == [pytest.approx(10.0)]


def test_remaining_leaves_out_the_requests_sent_after_the_one_it_answers(fake: FakeTime) -> None:
    """Four requests go out at once at a period's start; the server counted only the first when
    it answered it, so its "9 remaining" is 6 for us: three more, then wait."""
    budget = RateBudget(clock=fake.clock, sleep=fake.sleep)
    tickets = [budget.acquire_ticket(60)[1] for _ in range(4)]
    budget.observe(
        httpx.Response(200, headers={"X-RateLimit-Remaining": "9", "X-RateLimit-Reset": "30"}),
        tickets[0],
    )
    for _ in range(6):
        budget.acquire(60)
    assert fake.sleeps == []
    budget.acquire(60)
    assert fake.sleeps == [pytest.approx(30.0)]


def test_retry_after_parsing() -> None:
    date = formatdate(1_700_000_000, usegmt=True)
    later = formatdate(1_700_000_000 + 90, usegmt=True)
    assert retry_after_seconds(httpx.Response(429, headers={"Retry-After": "3"})) == 3.0
    assert (
        retry_after_seconds(httpx.Response(429, headers={"Retry-After": later, "Date": date}))
        == 90.0
    )
    assert retry_after_seconds(httpx.Response(429, headers={"Retry-After": "soon"})) is None
    assert retry_after_seconds(httpx.Response(429)) is None


def test_server_wait_beyond_max_wait_raises_rate_limited(
    server: ScriptedServer, fake: FakeTime
) -> None:
    server.script(Reply(429, headers={"Retry-After": "3600"}))
    with (
        make_client(server, fake, max_wait_seconds=300) as client,
        pytest.raises(RateLimited) as info,
    ):
        client.request("GET", "/x")
    assert server.count == 1
    assert fake.sleeps == []
    assert "testsrc" in str(info.value) and "429" in str(info.value)
    # a second client on the same key stops without earning its own 429
    with (
        make_client(server, fake, max_wait_seconds=300, budget=client.budget) as other,
        pytest.raises(RateLimited),
    ):
        other.request("GET", "/y")
    assert server.count == 1


def test_spent_quota_beyond_max_wait_raises_before_sending(
    server: ScriptedServer, fake: FakeTime
) -> None:
    server.script(
        Reply(
            200,
            headers=lambda now: {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(now + 900)},
        )
    )
    with make_client(server, fake, max_wait_seconds=300) as client:
        client.request("GET", "/x")
        with pytest.raises(RateLimited):
            client.request("GET", "/x")
    assert server.count == 1
    assert fake.sleeps == []


def test_max_retries_exhausted_raises_retriable(server: ScriptedServer, fake: FakeTime) -> None:
    server.script(*[Reply(500) for _ in range(10)])
    with make_client(server, fake, max_retries=2) as client:
        with pytest.raises(RetriableError) as info:
            client.request("GET", "/x")
        assert client.stats["retries"] == 2
    assert type(info.value) is RetriableError
    assert server.count == 3
    assert "3 attempts" in str(info.value)


def test_429_exhausted_raises_rate_limited(server: ScriptedServer, fake: FakeTime) -> None:
    server.script(*[Reply(429, headers={"Retry-After": "1"}) for _ in range(10)])
    with make_client(server, fake, max_retries=3) as client, pytest.raises(RateLimited):
        client.request("GET", "/x")
    assert server.count == 4
    assert fake.sleeps == [1.0, 1.0, 1.0]


def test_404_returned_when_allowed(server: ScriptedServer, fake: FakeTime) -> None:
    server.script(Reply(404, {"detail": "Session not found"}), Reply(404, {"detail": "nope"}))
    with make_client(server, fake) as client:
        response = client.request("GET", "/s/1", allow_status=(404,))
        assert response.status_code == 404
        assert client.request_json("GET", "/s/2", allow_status=(404,)) is None
    assert server.count == 2


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 412, 422])
def test_client_errors_are_not_retried(server: ScriptedServer, fake: FakeTime, status: int) -> None:
    server.script(Reply(status, {"error": "x"}))
    with make_client(server, fake) as client:
        with pytest.raises(SourceError) as info:
            client.request_json("POST", "/s/1", json={"a": 1})
        assert client.stats["retries"] == 0
    assert isinstance(info.value, HttpStatusError)
    assert info.value.status == status
    assert not isinstance(info.value, RetriableError)
    assert server.count == 1
    assert fake.sleeps == []


def test_timeout_is_retried(server: ScriptedServer, fake: FakeTime) -> None:
    server.script(Reply(delay=0.6), Reply(200, {"late": False}))
    with make_client(server, fake, timeout_seconds=0.15) as client:
        assert client.request_json("GET", "/slow") == {"late": False}
        stats = client.stats
    assert stats["errors.timeout"] == 1
    assert stats["retries"] == 1
    assert server.count == 2


def test_dropped_connection_is_retried(server: ScriptedServer, fake: FakeTime) -> None:
    server.script(Reply(drop=True), Reply(200, {"n": 1}))
    with make_client(server, fake) as client:
        assert client.request_json("GET", "/x") == {"n": 1}
        assert client.stats["errors.connect"] == 1


def test_refused_connection_retried_then_retriable(fake: FakeTime) -> None:
    client = ApiClient(
        f"http://127.0.0.1:{free_port()}",
        name="testsrc",
        policy=HttpPolicy(max_retries=2, timeout_seconds=2),
        budget=RateBudget(clock=fake.clock, sleep=fake.sleep),
        sleep=fake.sleep,
    )
    with client, pytest.raises(RetriableError):
        client.request("GET", "/x")
    assert client.stats["errors.connect"] == 3


@pytest.mark.parametrize(
    "bad",
    [
        Reply(200, '{"truncated": ', content_type="application/json"),
        Reply(200, "<html>proxy error</html>", content_type="text/html"),
    ],
)
def test_malformed_json_retried_then_ok(server: ScriptedServer, fake: FakeTime, bad: Reply) -> None:
    server.script(bad, Reply(200, {"fine": True}, content_type="application/json; charset=utf-8"))
    with make_client(server, fake) as client:
        assert client.request_json("GET", "/x") == {"fine": True}
        assert client.stats["errors.malformed"] == 1
        assert client.stats["retries"] == 1


def test_malformed_json_persisting_is_source_error(server: ScriptedServer, fake: FakeTime) -> None:
    server.script(*[Reply(200, "not json at all") for _ in range(5)])
    with make_client(server, fake, max_retries=2) as client:
        with pytest.raises(SourceError) as info:
            client.request_json("GET", "/x")
        assert client.stats["errors.malformed"] == 3
    assert not isinstance(info.value, RetriableError)
    assert server.count == 3


# -- rate windows and concurrency --------------------------------------------------------


def assert_windows_respected(times: list[float], windows: tuple[Window, ...]) -> None:
    times = sorted(times)
    for w in windows:
        for i in range(len(times) - w.limit):
            assert times[i + w.limit] - times[i] >= w.seconds - 1e-9, (w, times)


def test_rolling_windows_simulated_timeline(fake: FakeTime) -> None:
    # Kore's 60/60 s and 1800/3600 s, scaled down: 3 per 10 s and 5 per 60 s.
    windows = (Window(3, 10), Window(5, 60))
    budget = RateBudget(windows, clock=fake.clock, sleep=fake.sleep)
    sent = []
    for _ in range(14):
        budget.acquire(max_wait=1000)
        sent.append(fake.clock() - 1000.0)
    assert_windows_respected(sent, windows)
    # as early as both windows allow, not later
    assert sent == [0, 0, 0, 10, 10, 60, 60, 60, 70, 70, 120, 120, 120, 130]


def test_a_request_counts_in_the_windows_from_its_answer(fake: FakeTime) -> None:
    """The server counts a request somewhere between its send and its answer: one that took
    4 s to answer may have been counted 4 s after it left, so the next window starts then."""
    budget = RateBudget((Window(2, 10),), clock=fake.clock, sleep=fake.sleep)
    _, first = budget.acquire_ticket(100, until_answered=True)
    _, second = budget.acquire_ticket(100, until_answered=True)
    budget.answered(second)  # at 0
    fake.now += 4
    budget.answered(first)  # at 4
    times = []
    for _ in range(3):
        _, ticket = budget.acquire_ticket(100, until_answered=True)
        times.append(fake.clock() - 1000.0)
        budget.answered(ticket)  # answered at once
    # one place frees at 10 (the second's answer), the next at 14 (the first's), then at 20
    assert times == [10.0, 14.0, 20.0]


def test_requests_on_their_way_hold_the_window_until_answered(fake: FakeTime) -> None:
    budget = RateBudget((Window(2, 10),), clock=fake.clock, sleep=fake.sleep)
    budget.acquire_ticket(100, until_answered=True)
    budget.acquire_ticket(100, until_answered=True)
    fake.now += 60  # long after a send-time window would have let the next one out
    with pytest.raises(RateLimited):
        budget.acquire_ticket(1, until_answered=True)


def test_rolling_window_wait_beyond_max_wait(fake: FakeTime) -> None:
    budget = RateBudget((Window(2, 3600),), clock=fake.clock, sleep=fake.sleep)
    budget.acquire(10)
    budget.acquire(10)
    with pytest.raises(RateLimited):
        budget.acquire(10)
    assert fake.sleeps == []


def test_penalise_holds_everyone_back(fake: FakeTime) -> None:
    budget = RateBudget(clock=fake.clock, sleep=fake.sleep)
    budget.penalise(5)
    budget.penalise(2)  # a shorter penalty does not shorten the longer one
    assert budget.acquire(60) == 5.0
    assert budget.acquire(60) == 0.0


def _dated(server_time: float, status: int = 200) -> httpx.Response:
    """An answer made at ``server_time`` on the platform's clock (its Date has whole seconds)."""
    return httpx.Response(
        status, headers={"Date": formatdate(math.floor(server_time), usegmt=True)}
    )


def test_an_aligned_window_starts_where_the_platforms_clock_says(fake: FakeTime) -> None:
    """The platform counts per window of its clock (here 10 s); the first requests go 7.25 s
    into one. The next window's first request waits for that window to begin on the
    platform's clock (late by what the Date's whole second and the round trip leave open),
    not for a whole window after the first request as a rolling window would."""
    offset = 1_700_000_007.25 - fake.now  # platform clock minus ours
    budget = RateBudget((Window(3, 10, aligned=True),), clock=fake.clock, sleep=fake.sleep)
    tickets = [budget.acquire_ticket(100, until_answered=True)[1] for _ in range(3)]
    fake.now += 0.1
    for ticket in tickets:
        budget.answered(ticket)
        budget.observe(_dated(fake.now - 0.05 + offset), ticket)
    budget.acquire_ticket(100, until_answered=True)
    assert fake.sleeps == [pytest.approx(3.0)]  # at 1_700_000_010.35 on the platform's clock
    assert fake.now + offset >= 1_700_000_010
    assert budget.aligned


def test_an_aligned_window_is_rolling_until_the_platforms_clock_is_known(fake: FakeTime) -> None:
    budget = RateBudget((Window(2, 10, aligned=True),), clock=fake.clock, sleep=fake.sleep)
    for _ in range(2):
        _, ticket = budget.acquire_ticket(100, until_answered=True)
        budget.answered(ticket)
        budget.observe(httpx.Response(200), ticket)  # no Date header
    budget.acquire_ticket(100, until_answered=True)
    assert fake.sleeps == [pytest.approx(10.0)]


@pytest.mark.parametrize("why", ["429", "dates"])
def test_an_aligned_window_turns_rolling_when_the_platform_disagrees(
    fake: FakeTime, why: str, caplog: pytest.LogCaptureFixture
) -> None:
    """A 429 (the platform does not count by its clock's windows, or not only our requests)
    or Date headers that cannot all be right (an answer dated before its request left, or
    servers whose clocks differ): the budget paces by rolling windows from then on."""
    offset = 1_700_000_007.25 - fake.now
    budget = RateBudget((Window(3, 10, aligned=True),), clock=fake.clock, sleep=fake.sleep)
    tickets = [budget.acquire_ticket(100, until_answered=True)[1] for _ in range(3)]
    fake.now += 0.1
    for ticket in tickets[:2]:
        budget.answered(ticket)
        budget.observe(_dated(fake.now + offset), ticket)
    budget.answered(tickets[2])
    with caplog.at_level(logging.WARNING, logger="archiver.sources.http"):
        if why == "429":
            budget.observe(_dated(fake.now + offset, 429), tickets[2])
        else:  # made two seconds before its request left
            budget.observe(_dated(fake.now - 2.1 + offset), tickets[2])
    assert not budget.aligned
    assert "pacing by rolling windows from now on" in caplog.text
    budget.acquire_ticket(100, until_answered=True)
    assert fake.sleeps == [pytest.approx(10.0)]  # a window after the answers, not 3 s


@settings(max_examples=300, deadline=None)
@given(
    limit=st.integers(1, 5),
    offset=st.floats(-900.0, 900.0),
    batches=st.lists(
        st.tuples(st.floats(0.0, 25.0), st.integers(1, 4), st.floats(0.0, 3.0)),
        min_size=1,
        max_size=25,
    ),
    data=st.data(),
)
def test_aligned_windows_never_let_the_platform_count_more_than_the_limit(
    limit: int, offset: float, batches: list[tuple[float, int, float]], data: st.DataObject
) -> None:
    """Whatever the platform's clock is off ours by, however long requests take and wherever
    between its send and its answer the platform counts each (Dates of whole seconds), no
    window of the platform's clock counts more than the limit. Requests go out in batches of
    up to four in flight together, their answers come back in any order."""
    fake = FakeTime()
    window = Window(limit, 10.0, aligned=True)
    budget = RateBudget((window,), clock=fake.clock, sleep=fake.sleep)
    counted: list[float] = []  # platform clock at each count
    for gap, size, rtt in batches:
        fake.now += gap
        out = []
        for i in range(size):
            # With requests in flight a single thread cannot wait for their answers: the
            # batch ends where the budget would have the next one wait longer than a moment.
            try:
                _, ticket = budget.acquire_ticket(
                    10_000 if i == 0 else data.draw(st.floats(0.0, 1.0)), until_answered=True
                )
            except RateLimited:
                break
            out.append((ticket, fake.clock()))
            fake.now += data.draw(st.floats(0.0, 0.3))
        fake.now += rtt
        for ticket, sent in data.draw(st.permutations(out)):
            at = data.draw(st.floats(sent, fake.now)) + offset
            counted.append(at)
            budget.answered(ticket)
            budget.observe(_dated(at), ticket)
            fake.now += data.draw(st.floats(0.0, 0.5))
    per_window: dict[int, int] = {}
    for at in counted:
        index = math.floor(at / window.seconds)
        per_window[index] = per_window.get(index, 0) + 1
    assert max(per_window.values()) <= limit, per_window
    assert budget.aligned


def test_client_requests_respect_windows(server: ScriptedServer, fake: FakeTime) -> None:
    windows = (Window(3, 10), Window(5, 60))
    sent: list[float] = []

    class Stamp(httpx.Auth):
        def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response]:
            sent.append(fake.clock())
            yield request

    with make_client(server, fake, windows=windows, auth=Stamp()) as client:
        for _ in range(9):
            client.request("GET", "/x")
    assert server.count == 9
    assert_windows_respected(sent, windows)
    assert fake.clock() - 1000.0 == 70.0


def test_rolling_windows_under_thread_contention() -> None:
    last = threading.local()

    def clock() -> float:
        last.value = time.monotonic()
        return float(last.value)

    window = Window(4, 0.2)
    budget = RateBudget((window,), clock=clock)
    sent: list[float] = []
    lock = threading.Lock()

    def one() -> None:
        budget.acquire(max_wait=10)
        with lock:
            sent.append(last.value)  # the clock reading the slot was booked at

    with ThreadPoolExecutor(max_workers=8) as pool:
        for f in [pool.submit(one) for _ in range(16)]:
            f.result()
    assert len(sent) == 16
    assert_windows_respected(sent, (window,))


def test_concurrency_never_exceeded(server: ScriptedServer, fake: FakeTime) -> None:
    server.script(*[Reply(delay=0.08) for _ in range(12)])
    # a connection pool wider than the limit, so only the client's own bound can hold it
    wide = httpx.HTTPTransport(limits=httpx.Limits(max_connections=16))
    with (
        make_client(server, fake, concurrency=3, transport=wide) as client,
        ThreadPoolExecutor(8) as pool,
    ):
        results = list(pool.map(lambda i: client.request_json("GET", f"/n/{i}"), range(12)))
    assert results == [{"ok": True}] * 12
    assert server.max_in_flight == 3


# -- auth, params, privacy ---------------------------------------------------------------


class CountingAuth(httpx.Auth):
    """Stamps each attempt and remembers what it signed, like the HMAC signers do."""

    def __init__(self) -> None:
        self.calls = 0
        self.signed: list[str] = []

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response]:
        self.calls += 1
        request.headers["X-Auth-Attempt"] = str(self.calls)
        self.signed.append(request.url.raw_path.decode("ascii"))
        yield request


def test_auth_runs_again_on_every_retry(server: ScriptedServer, fake: FakeTime) -> None:
    auth = CountingAuth()
    server.script(Reply(500), Reply(429), Reply(503), Reply(200))
    with make_client(server, fake, auth=auth) as client:
        client.request("GET", "/x")
    assert [s.headers["x-auth-attempt"] for s in server.seen] == ["1", "2", "3", "4"]


def test_params_encoded_once_in_order_and_signed_as_sent(
    server: ScriptedServer, fake: FakeTime
) -> None:
    auth = CountingAuth()
    params = [("page", "2"), ("b", "1 2"), ("a", "x/y&z=w+"), ("a", "1"), ("ü", "€")]
    server.script(Reply(502))
    with make_client(server, fake, auth=auth, base_path="/api") as client:
        client.request("GET", "/Dev/bot1/sessions", params=params)
    expected = "/api/Dev/bot1/sessions?page=2&b=1%202&a=x%2Fy%26z%3Dw%2B&a=1&%C3%BC=%E2%82%AC"
    assert [s.raw_path for s in server.seen] == [expected, expected]
    assert auth.signed == [expected, expected]
    assert encode_query(params) == expected.split("?", 1)[1]


def test_json_body_sent_as_signed(server: ScriptedServer, fake: FakeTime) -> None:
    bodies: list[bytes] = []

    class BodyAuth(httpx.Auth):
        requires_request_body = True

        def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response]:
            bodies.append(request.content)
            yield request

    with make_client(server, fake, auth=BodyAuth()) as client:
        client.request("POST", "/m", json={"limit": 10, "name": "Zoë"})
    assert server.seen[0].body == bodies[0]
    assert json.loads(bodies[0]) == {"limit": 10, "name": "Zoë"}


def test_path_with_query_is_refused(server: ScriptedServer, fake: FakeTime) -> None:
    with make_client(server, fake) as client:
        with pytest.raises(ValueError):
            client.request("GET", "/x?userId=1")
        with pytest.raises(ValueError):
            client.request("GET", "https://elsewhere.example/x")
    assert server.count == 0


def test_redact_url() -> None:
    assert (
        redact_url("https://user:pw@api.example.com:8443/api/Dev/b?userId=u1&token=t#frag")
        == "https://api.example.com:8443/api/Dev/b"
    )
    assert redact_url(httpx.URL("http://127.0.0.1/x?a=1")) == "http://127.0.0.1/x"
    assert redact_url("/relative/path?q=1") == "/relative/path"


SECRETS = ("SECRET-QUERY", "SECRET-HEADER", "SECRET-REQBODY", "SECRET-RESPBODY")


def assert_no_secrets(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text


def test_errors_and_logs_carry_no_query_header_or_body(
    server: ScriptedServer, fake: FakeTime, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    # Other tests configure the CLI's logging, which quiets these loggers: open them again.
    caplog.set_level(logging.DEBUG, logger="httpx")
    caplog.set_level(logging.DEBUG, logger="archiver.sources.http")
    server.script(
        Reply(500, {"error": "SECRET-RESPBODY"}),
        Reply(403, {"error": "SECRET-RESPBODY"}),
        *[Reply(503, "SECRET-RESPBODY", content_type="text/plain") for _ in range(3)],
    )
    with make_client(server, fake, headers={"X-API-Key": "SECRET-HEADER"}, max_retries=2) as client:
        params = [("userId", "SECRET-QUERY")]
        body = {"text": "SECRET-REQBODY"}
        with pytest.raises(HttpStatusError) as forbidden:
            client.request_json("POST", "/Dev/bot1/messages", params=params, json=body)
        with pytest.raises(RetriableError) as gave_up:
            client.request_json("POST", "/Dev/bot1/messages", params=params, json=body)

    assert server.seen[0].headers["x-api-key"] == "SECRET-HEADER"  # it was really sent
    assert "SECRET-QUERY" in server.seen[0].raw_path
    for exc in (forbidden.value, gave_up.value):
        assert_no_secrets(str(exc))
        assert_no_secrets(repr(exc))
        assert "testsrc" in str(exc)
        assert "POST /Dev/bot1/messages" in str(exc)
    assert "403" in str(forbidden.value)
    assert "SECRET-RESPBODY" in forbidden.value.body_excerpt  # kept off the message only
    assert "503" in str(gave_up.value)
    assert "attempt" in str(gave_up.value)

    assert_no_secrets(caplog.text)
    assert any(r.name == "archiver.sources.http" for r in caplog.records)
    assert any("/Dev/bot1/messages" in r.getMessage() for r in caplog.records if r.name == "httpx")


def test_timeout_message_names_no_query(server: ScriptedServer, fake: FakeTime) -> None:
    server.script(Reply(delay=0.5))
    with (
        make_client(server, fake, timeout_seconds=0.1, max_retries=0) as client,
        pytest.raises(RetriableError) as info,
    ):
        client.request("GET", "/x", params=[("q", "SECRET-QUERY")])
    assert_no_secrets(str(info.value))
    assert "no answer from 127.0.0.1:" in str(info.value)


def test_stats_has_every_counter(server: ScriptedServer, fake: FakeTime) -> None:
    with make_client(server, fake) as client:
        client.request("GET", "/x")
        stats = client.stats
    for key in (
        "requests",
        "retries",
        "errors.timeout",
        "errors.connect",
        "errors.malformed",
        "waited_ms",
    ):
        assert key in stats
    assert stats["requests"] == 1 and stats["status.200"] == 1
