"""What the simulators share: the data every platform's records take (clock, lock, live random
draws, write order, time stamps, ids, planted values), lifecycle and knobs, injected faults,
request accounting, millisecond timestamps and the ordered indexes their lists are read from.

Each platform module adds its routes, auth, record shapes and error bodies; behaviour with
respect to time, faults and counting stays the same across simulators.
"""

from __future__ import annotations

import json
import random
import threading
import time
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Sequence
from datetime import datetime
from types import TracebackType
from typing import Any, Generic, Self, TypeVar, cast, overload

from archiver.simulators.server import (
    FAULT_KINDS,
    FaultInjector,
    RequestCounters,
    ResponseHook,
    SimClock,
    SimRequest,
    SimResponse,
    SimServer,
    html_error_page,
    text_response,
)

T = TypeVar("T")
Key = tuple[int, int, str]  # (time in epoch ms, insertion sequence, id)
Handler = Callable[[SimRequest], SimResponse]


def fmt_ms(ms: int) -> str:
    """Epoch milliseconds as ISO-8601 with milliseconds and a Z, without float rounding."""
    seconds, millis = divmod(ms, 1000)
    t = time.gmtime(seconds)
    return (
        f"{t.tm_year:04d}-{t.tm_mon:02d}-{t.tm_mday:02d}T"
        f"{t.tm_hour:02d}:{t.tm_min:02d}:{t.tm_sec:02d}.{millis:03d}Z"
    )


class OrderedIndex:
    """Ids ordered by (time, insertion order): lists read it newest first, windows by time."""

    __slots__ = ("keys",)

    def __init__(self) -> None:
        self.keys: list[Key] = []

    def __len__(self) -> int:
        return len(self.keys)

    def add(self, key: Key) -> None:
        if not self.keys or key > self.keys[-1]:
            self.keys.append(key)
        else:
            insort(self.keys, key)

    def remove(self, key: Key) -> None:
        i = bisect_left(self.keys, key)
        if i < len(self.keys) and self.keys[i] == key:
            del self.keys[i]

    def window(self, lo_ms: int, hi_ms: int) -> list[Key]:
        """Keys with lo_ms <= time <= hi_ms, oldest first."""
        lo = bisect_left(self.keys, (lo_ms, -1, ""))
        hi = bisect_right(self.keys, (hi_ms, 2**62, "\uffff"))
        return self.keys[lo:hi]

    def latest(self) -> Key | None:
        return self.keys[-1] if self.keys else None


def page(keys: list[Key], offset: int, limit: int, *, newest_first: bool = True) -> list[str]:
    """Ids of one page of ``keys`` (ascending) read newest first, or oldest first."""
    if limit <= 0:
        return []
    if not newest_first:
        return [k[2] for k in keys[offset : offset + limit]]
    stop = len(keys) - offset
    if stop <= 0:
        return []
    return [k[2] for k in reversed(keys[max(0, stop - limit) : stop])]


def conversation_times(
    rng: random.Random,
    now: int,
    horizon_ms: int,
    sessions: tuple[int, int],
    messages: tuple[int, int],
    open_fraction: float,
) -> list[tuple[int, list[int]]]:
    """One user's history: (session start, message times) per session, oldest first.

    Messages alternate user (even index) and bot, the bot answering within seconds and the user
    within minutes; sessions follow each other at least a minute apart. With probability
    ``open_fraction`` the last session is recent, as if the user were chatting now.
    """
    first = now - int(rng.uniform(0.02, 1.0) * horizon_ms)
    starts = sorted(rng.randint(first, now - 120_000) for _ in range(rng.randint(*sessions)))
    if rng.random() < open_fraction:
        starts[-1] = max(starts[-1], now - int(rng.uniform(300_000, 3_600_000)))
    out: list[tuple[int, list[int]]] = []
    cursor = first
    for start in starts:
        start = max(start, cursor + 60_000)
        if start >= now - 60_000:
            break
        times: list[int] = []
        t = start
        for i in range(rng.randint(*messages)):
            if t >= now - 1000:
                break
            times.append(t)
            t += int(rng.uniform(400, 4000)) if i % 2 == 0 else int(rng.uniform(5_000, 240_000))
        out.append((start, times))
        cursor = t
    return out


#: How long a long-open conversation has been open, in days (agent hand-offs, async channels).
LONG_OPEN_DAYS = (3.0, 28.0)


def long_open_times(
    rng: random.Random, now: int, messages: tuple[int, int], *, quiet_days: float = 1.0
) -> tuple[int, list[int]]:
    """A conversation started days to weeks ago that is still open: (start, message times).

    Platforms document that a conversation can stay active for days or weeks (an agent
    hand-off, an asynchronous channel such as msteams or email). Its messages are hours or days
    apart, and the last one is at least ``quiet_days`` old, so time since the last activity
    says nothing about whether it is closed.
    """
    day = 86_400_000
    start = now - int(rng.uniform(*LONG_OPEN_DAYS) * day)
    last_allowed = now - int(quiet_days * day)
    times: list[int] = []
    t = start
    for i in range(max(2, rng.randint(*messages))):
        if t >= last_allowed:
            break
        times.append(t)
        # The bot answers within seconds; the person (or the agent) within hours or days.
        t += int(rng.uniform(400, 4000)) if i % 2 == 0 else int(rng.uniform(3_600_000, 2 * day))
    return start, times


class PlatformData:
    """What every platform's records take from the platform when written: its clock and lock,
    the live random draws, write order and time stamps, ids, and the values planted in texts.

    A platform's data model extends it with its records (``peki_data.PekiData``) and is served
    by a ``PlatformSimulator``; the Kore.ai and Selise simulators keep their records themselves.
    """

    def __init__(self, platform: str, seed: int, clock_skew_seconds: float = 0.0) -> None:
        self.clock = SimClock(clock_skew_seconds)
        self.lock = threading.RLock()
        self.rng = random.Random(f"{platform}:{seed}:live")
        #: Writes within a second of the previous one take its time (coarse platform clocks).
        self.equal_timestamps = False
        #: Ids the next records created take, in order, instead of generated ones (hostile ids).
        self.next_ids: list[str] = []
        #: Personal values planted in each record's texts, by record id (for leak tests).
        self.planted: dict[str, list[tuple[str, str]]] = {}
        self.seq = 0
        self.last_stamp = 0

    def next_seq(self) -> int:
        self.seq += 1
        return self.seq

    def stamp(self, floor: int = 0) -> int:
        """Platform time for a write (callers hold the lock).

        Under ``equal_timestamps`` a write within a second of the previous one reuses its time;
        ``floor`` keeps a record after another one even if the clock was moved back.
        """
        now = self.clock.unix_ms()
        if self.equal_timestamps and self.last_stamp and now - self.last_stamp < 1000:
            ts = max(self.last_stamp, floor)
        else:
            ts = max(now, floor)
        self.last_stamp = max(self.last_stamp, ts)
        return ts

    def take_id(self, generated: str) -> str:
        """The next of ``next_ids`` if any is left, else ``generated`` (callers hold the lock)."""
        return self.next_ids.pop(0) if self.next_ids else generated

    def new_hex(self, bits: int = 96) -> str:
        return f"{self.rng.getrandbits(bits):0{bits // 4}x}"


class DataKnob(Generic[T]):
    """A simulator attribute that is its data model's: tests set knobs on the simulator."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, objtype: type | None = None) -> Self: ...
    @overload
    def __get__(self, obj: PlatformSimulator, objtype: type | None = None) -> T: ...
    def __get__(self, obj: PlatformSimulator | None, objtype: type | None = None) -> T | Self:
        return self if obj is None else cast(T, getattr(obj.data, self.name))

    def __set__(self, obj: PlatformSimulator, value: T) -> None:
        setattr(obj.data, self.name, value)


class PlatformSimulator:
    """Lifecycle, knobs, faults and accounting of one simulated platform served on 127.0.0.1.

    Subclasses set ``platform``, ``endpoints``, ``server_name`` and ``change_weights``, and
    implement ``_route`` (request → counter name and handler), ``_error`` (the platform's error
    body), ``_tenants`` and ``_random_change``. Their records live in ``data`` (a
    ``PlatformData``, or the platform's own model built on it).
    """

    platform = "sim"
    endpoints: tuple[str, ...] = ()
    server_name = "SimServer"
    change_weights: tuple[tuple[str, int], ...] = ()
    #: Where the API lives below the server root (``base_url`` and ``start`` include it).
    url_path = ""
    #: The ``Allow`` header of a 405.
    allowed_methods = "POST"
    #: The JSON error message of an injected 500.
    server_error_message = "Internal Server Error"
    #: A malformed answer: the JSON body cut short (this when the answer had no body) or a page.
    json_type = "application/json"
    empty_body = b"{}"
    maintenance_page = (
        "<!DOCTYPE html><html><head><title>Maintenance</title></head><body>"
        "<h1>We'll be back soon</h1></body></html>"
    )

    equal_timestamps = DataKnob[bool]()
    next_ids = DataKnob[list[str]]()
    planted = DataKnob[dict[str, list[tuple[str, str]]]]()

    def __init__(
        self, *, seed: int, clock_skew_seconds: float = 0.0, data: PlatformData | None = None
    ) -> None:
        self.seed = seed
        self.latency_seconds = 0.0
        self.fault_rates: dict[str, float] = dict.fromkeys(FAULT_KINDS, 0.0)
        self.timeout_seconds = 5.0
        self.drift_inserts = 0
        self.drift_deletes = 0
        #: Each request waits up to this long before it is served, so requests in flight
        #: together are answered in any order (as any server may), and drift lands between them.
        self.serve_jitter_seconds = 0.0
        self._jitter = random.Random(f"{self.platform}:{seed}:jitter")
        #: Replaces answers before they leave (malformed bodies, error envelopes, oversized
        #: pages), for tests of what a source does with answers no fault knob produces.
        self.response_hook: ResponseHook | None = None
        #: The platform's records (its clock skew is ``data``'s when one is given).
        self.data = (
            data if data is not None else PlatformData(self.platform, seed, clock_skew_seconds)
        )
        self._lock = self.data.lock
        self._clock = self.data.clock
        self._rng = self.data.rng
        self._faults = FaultInjector(f"{self.platform}:{seed}:faults")
        self._counters = RequestCounters()
        self._server = SimServer(self._app, clock=self._clock, server_name=self.server_name)

    # ----- lifecycle -------------------------------------------------------------------------

    def start(self, port: int = 0) -> str:
        return self._server.start(port) + self.url_path

    def stop(self) -> None:
        self._server.stop()

    @property
    def base_url(self) -> str:
        return self._server.url + self.url_path

    def __enter__(self) -> Self:
        if not self._server.running:
            self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # ----- time and accounting ---------------------------------------------------------------

    @property
    def clock_skew_seconds(self) -> float:
        return self._clock.skew_seconds

    @clock_skew_seconds.setter
    def clock_skew_seconds(self, value: float) -> None:
        self._clock.skew_seconds = float(value)

    def advance(self, seconds: float) -> None:
        """Move the platform clock forward, as if ``seconds`` had passed (rate windows too)."""
        self._clock.skew_seconds += float(seconds)

    def now(self) -> datetime:
        """The simulated platform clock."""
        return self._clock.now()

    def counters(self) -> dict[str, int]:
        counts = dict.fromkeys((*self.endpoints, "total"), 0)
        counts.update(self._counters.snapshot())
        return counts

    def reset_counters(self) -> None:
        self._counters.reset()

    def _next_seq(self) -> int:
        return self.data.next_seq()

    def _stamp(self, floor: int = 0) -> int:
        return self.data.stamp(floor)

    def _take_id(self, generated: str) -> str:
        return self.data.take_id(generated)

    # ----- live changes ----------------------------------------------------------------------

    def _tenants(self) -> dict[str, Any]:
        raise NotImplementedError

    def _random_change(self, tenant: Any, kind: str, rng: random.Random) -> str | None:
        raise NotImplementedError

    def random_changes(self, rng: random.Random, n: int) -> list[str]:
        """Apply n live-like changes of all kinds; returns "<kind> <details>" for each."""
        kinds = [k for k, _ in self.change_weights]
        weights = [w for _, w in self.change_weights]
        out: list[str] = []
        with self._lock:
            tenants = self._tenants()
            names = sorted(tenants)
            for _ in range(n):
                tenant = tenants[rng.choice(names)]
                kind = rng.choices(kinds, weights)[0]
                out.append(
                    self._random_change(tenant, kind, rng)
                    or self._random_change(tenant, "new_user", rng)
                    or "noop"
                )
        return out

    # ----- HTTP ------------------------------------------------------------------------------

    def _route(self, req: SimRequest) -> tuple[str, Handler]:
        raise NotImplementedError

    def _error(
        self, status: int, message: str, headers: Sequence[tuple[str, str]] = ()
    ) -> SimResponse:
        raise NotImplementedError

    def _app(self, req: SimRequest) -> SimResponse:
        counter, handler = self._route(req)
        self._counters.incr("total", counter)
        if self.serve_jitter_seconds > 0:
            time.sleep(self._jitter.uniform(0.0, float(self.serve_jitter_seconds)))
        response = handler(req)
        if self.response_hook is not None:
            response = self.response_hook(req, response)
        if response.drop_after_seconds is None:
            response.delay_seconds += max(0.0, float(self.latency_seconds))
            self._counters.incr(f"status.{response.status}")
        else:
            self._counters.incr("status.dropped")
        return response

    def _with_faults(
        self, produce: Callable[[], SimResponse], headers: Sequence[tuple[str, str]] = ()
    ) -> SimResponse:
        """Answer with an injected fault (carrying ``headers``), or with ``produce()``
        (possibly mangled)."""
        fault = self._faults.draw(self.fault_rates)
        if fault is not None:
            if fault.kind == "429":
                return self._rate_limited(headers)
            if fault.kind == "5xx":
                return self._server_error(fault.variant, headers)
            if fault.kind == "timeout":
                return SimResponse.drop(max(0.0, float(self.timeout_seconds)))
        response = produce()
        if fault is not None and fault.kind == "malformed":
            return self._malformed(response, fault.variant)
        return response

    def _rate_limited(self, headers: Sequence[tuple[str, str]] = ()) -> SimResponse:
        return self._error(429, "Too Many Requests", headers)

    def _server_error(self, variant: float, headers: Sequence[tuple[str, str]] = ()) -> SimResponse:
        if variant < 1 / 3:
            return self._error(500, self.server_error_message, headers)
        if variant < 2 / 3:
            return text_response(502, html_error_page(502, "Bad Gateway"), "text/html", headers)
        return text_response(
            503, html_error_page(503, "Service Temporarily Unavailable"), "text/html", headers
        )

    def _malformed(self, response: SimResponse, variant: float) -> SimResponse:
        """A 200 whose body is cut short, or a maintenance page where JSON was expected."""
        headers = list(response.headers)
        if variant < 0.5:
            body = response.body or self.empty_body
            cut = max(1, min(len(body) - 1, int(len(body) * (0.1 + variant * 1.6))))
            return SimResponse(200, body[:cut], self.json_type, headers)
        return text_response(200, self.maintenance_page, "text/html; charset=utf-8", headers)

    @staticmethod
    def _not_found(req: SimRequest) -> SimResponse:
        return SimResponse(404)

    def _method_not_allowed(self, req: SimRequest) -> SimResponse:
        return SimResponse(405, headers=[("Allow", self.allowed_methods)])


def json_body(req: SimRequest) -> Any:
    """The request body as JSON; ``{}`` when empty; raises ValueError when not JSON."""
    if not req.body.strip():
        return {}
    return json.loads(req.body)
