"""The one HTTP path every source uses: pooling, bounded concurrency, a shared rate budget,
retries with backoff, and errors and logs that never carry query strings, headers or bodies.

Platforms differ in how they announce limits (Peki sends ``X-RateLimit-*`` headers, Kore.ai
only documents rolling windows, Selise documents nothing), so the budget accepts both the
documented windows and whatever the server says, and every request of a client goes through it.
"""

from __future__ import annotations

import bisect
import functools
import json as jsonlib
import logging
import math
import random
import ssl
import threading
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from types import TracebackType
from typing import Any, Final, Self
from urllib.parse import quote, urlencode, urlsplit

import httpx

from archiver.errors import ConfigError, RateLimited, RetriableError, SourceError, Stopped
from archiver.logs import redact_url

log = logging.getLogger(__name__)

#: Statuses worth another attempt: throttling, gateway hiccups and request timeouts.
RETRY_STATUSES: Final = frozenset({408, 429, 500, 502, 503, 504})

#: ``X-RateLimit-Reset`` values below this are seconds-until-reset, not unix seconds
#: (unix time passed 1e9 in 2001, so no real reset time is this small).
_EPOCH_THRESHOLD: Final = 1_000_000_000.0

_BODY_EXCERPT_CHARS: Final = 300
#: How often a request waits to see whether one on its way has been answered, when those on
#: their way alone fill a rate window.
_ANSWER_POLL_SECONDS: Final = 0.02
_USER_AGENT: Final = "conversation-archiver/0.1"


@dataclass(frozen=True)
class Waits:
    """How a client's waits meet its run: ``stop`` ends a wait (and stops new requests) at
    once with ``Stopped``, and ``announce(seconds, reason)`` tells the run's display."""

    stop: threading.Event | None = None
    announce: Callable[[float, str], None] | None = None


@dataclass(frozen=True)
class HttpPolicy:
    """Transport limits of one client; defaults suit a nightly batch against a public API."""

    timeout_seconds: float = 30.0
    max_retries: int = 6
    backoff_base_seconds: float = 0.5
    backoff_max_seconds: float = 30.0
    max_wait_seconds: float = 300.0
    concurrency: int = 4
    verify_tls: bool = True
    waits: Waits | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.timeout_seconds <= 0:
            raise ConfigError("http timeout_seconds must be > 0")
        if self.max_retries < 0:
            raise ConfigError("http max_retries must be >= 0")
        if self.backoff_base_seconds < 0 or self.backoff_max_seconds < 0:
            raise ConfigError("http backoff seconds must be >= 0")
        if self.max_wait_seconds < 0:
            raise ConfigError("http max_wait_seconds must be >= 0")
        if self.concurrency < 1:
            raise ConfigError("http concurrency must be >= 1")


@dataclass(frozen=True)
class Window:
    """At most ``limit`` requests in any rolling interval of ``seconds``; with ``aligned``, in
    each fixed interval of ``seconds`` that starts at a multiple of it on the platform's clock
    (unix time, as its ``Date`` headers tell it): a platform that counts per clock minute."""

    limit: int
    seconds: float
    aligned: bool = False

    def __post_init__(self) -> None:
        if self.limit < 1 or self.seconds <= 0:
            raise ConfigError("rate window needs limit >= 1 and seconds > 0")


def host_port(url: str) -> str:
    """``host:port`` of a URL, the port spelt out even when it is the scheme's default: what an
    operator needs to check a firewall rule or a proxy, and never a credential or a query."""
    parts = urlsplit(url)
    host = parts.hostname or "?"
    if ":" in host:
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    return f"{host}:{port or (443 if parts.scheme == 'https' else 80)}"


def encode_query(params: Sequence[tuple[str, str]]) -> str:
    """Percent-encode ``params`` in order with RFC 3986 rules (space as ``%20``).

    Only unreserved characters stay literal, so httpx sends the string unchanged and a signer
    that reads ``request.url.raw_path`` signs exactly the bytes that go on the wire.
    """
    return urlencode(list(params), quote_via=quote, safe="")


def _http_date(text: str) -> datetime | None:
    """An HTTP-date (RFC 9110) as an aware datetime; ``None`` if it is not one."""
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed is None:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def server_date(response: httpx.Response) -> datetime | None:
    """The server's clock from its ``Date`` header (whole seconds); ``None`` without a valid one.

    The one place the header is read: request signing, reset times, a crawl's start and the
    clock check all take the platform's time from here.
    """
    value = response.headers.get("date")
    return _http_date(value) if value else None


def _server_now(response: httpx.Response) -> float:
    """The server's clock, so its absolute times survive our skew; ours without a ``Date``."""
    return (server_date(response) or datetime.now(UTC)).timestamp()


def _reset_delay(response: httpx.Response) -> float | None:
    """Seconds until ``X-RateLimit-Reset``, read as unix seconds or, if small, as a delay."""
    raw = response.headers.get("x-ratelimit-reset")
    if raw is None:
        return None
    try:
        value = float(raw.strip())
    except ValueError:
        return None
    if value != value or value < 0:  # NaN or negative
        return None
    if value < _EPOCH_THRESHOLD:
        return value
    return max(0.0, value - _server_now(response))


def _reset_time(response: httpx.Response) -> float | None:
    """``X-RateLimit-Reset`` as unix seconds, when it is given as a time rather than a delay."""
    try:
        value = float(response.headers.get("x-ratelimit-reset", "").strip())
    except ValueError:
        return None
    return value if value >= _EPOCH_THRESHOLD and value == value else None


def _reset_is_time(response: httpx.Response) -> bool:
    """Whether ``X-RateLimit-Reset`` is a unix time that ``_reset_delay`` read against ``Date``."""
    try:
        value = float(response.headers.get("x-ratelimit-reset", "").strip())
    except ValueError:
        return False
    return value >= _EPOCH_THRESHOLD and "date" in response.headers


def retry_after_seconds(response: httpx.Response) -> float | None:
    """``Retry-After`` as seconds from now; it may be a delay or an HTTP-date."""
    raw = response.headers.get("retry-after")
    if raw is None:
        return None
    text = raw.strip()
    try:
        seconds = float(text)
    except ValueError:
        when = _http_date(text)
        if when is None:
            return None
        return max(0.0, when.timestamp() - _server_now(response))
    if seconds != seconds or seconds < 0:
        return None
    return seconds


def _int_header(response: httpx.Response, name: str) -> int | None:
    raw = response.headers.get(name)
    if raw is None:
        return None
    try:
        return int(float(raw.strip()))
    except ValueError:
        return None


class RateBudget:
    """Thread-safe request budget shared by every request of one client (or one bot/key).

    Documented rolling windows are enforced locally because some platforms (Kore.ai) send no
    headers; server headers and 429 penalties are layered on top because the server's view is
    the one that counts when it is given.

    A request the client sends (``acquire_ticket(..., until_answered=True)``) counts in the
    windows from when it goes out until its answer, and from then on at its answer's time: the
    server counted it somewhere between the two, so request k + limit leaves a full window
    after request k was counted, however long either took on the way. (Counting at the send
    time instead needs a margin larger than any difference in their delays.)

    A window ``aligned`` to the platform's clock is paced by what the ``Date`` headers tell of
    that clock: a bound below and above its offset from ours (``_aligned_ready``). Until an
    answer has told it, such a window is rolling; it stays rolling for good after a 429, or
    when the headers contradict each other: the platform does not count as configured.
    """

    def __init__(
        self,
        windows: Sequence[Window] = (),
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._windows = tuple(windows)
        # Per window, the times requests counted at (sent, or answered), in order.
        self._sent: tuple[list[float], ...] = tuple([] for _ in self._windows)
        self._in_flight: set[int] = set()  # tickets of requests not answered yet
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._blocked_until = float("-inf")
        self._server_limit: int | None = None
        self._server_remaining: int | None = None
        self._server_reset_at = float("-inf")
        # A lower bound of (server clock - our clock), from the Date headers seen so far.
        self._date_offset = float("-inf")
        # An upper bound of it: an answer was made after its request left, and before the
        # second after its Date began.
        self._date_offset_hi = float("inf")
        # Windows marked aligned are paced by the platform's clock while this holds.
        self._aligned = any(w.aligned for w in self._windows)
        # With aligned windows, per ticket: when the request left and when it was answered
        # (None: on its way), while it may still count in the current window or a later one.
        self._spans: dict[int, tuple[float, float | None]] = {}
        self._issued = 0  # requests let out so far: the last one's ticket

    @property
    def windows(self) -> tuple[Window, ...]:
        return self._windows

    @property
    def on_their_way(self) -> int:
        """Requests let out that have no answer yet (``until_answered``)."""
        with self._lock:
            return len(self._in_flight)

    @property
    def aligned(self) -> bool:
        """Whether windows marked ``aligned`` are paced by the platform's clock (else rolling)."""
        return self._aligned

    @property
    def server_limit(self) -> int | None:
        """The last ``X-RateLimit-Limit`` seen, for metrics; limits are enforced from Remaining."""
        return self._server_limit

    def _delay_locked(self, now: float) -> float:
        ready = max(now, self._blocked_until)
        if self._server_remaining is not None:
            if now >= self._server_reset_at:
                self._server_remaining = None
            elif self._server_remaining <= 0:
                ready = max(ready, self._server_reset_at)
        busy = len(self._in_flight)
        by_clock = self._aligned and self._date_offset > float("-inf")
        if by_clock:
            self._forget_spans(now)
        for window, sent in zip(self._windows, self._sent, strict=True):
            del sent[: bisect.bisect_right(sent, now - window.seconds)]
            if window.aligned and by_clock:
                ready = max(ready, self._aligned_ready(window, now))
                continue
            over = busy + len(sent) - window.limit + 1  # how many must leave the window
            if over > 0:
                if over > len(sent):
                    # Requests on their way fill the window: the first answer frees a place.
                    ready = max(ready, now + _ANSWER_POLL_SECONDS)
                else:
                    ready = max(ready, sent[over - 1] + window.seconds)
        return ready - now

    def _aligned_start(self, window: Window, now: float) -> float:
        """Where the platform's window holding its clock's earliest possible reading now starts
        (on the platform's clock)."""
        return math.floor((now + self._date_offset) / window.seconds) * window.seconds

    def _aligned_ready(self, window: Window, now: float) -> float:
        """When the next request may go in a window aligned to the platform's clock.

        The platform counts a request at a time of its clock between ``sent + lo`` and
        ``answered + hi`` (lo, hi: the bounds of its offset from ours; on its way: any time
        after ``sent + lo``). A request is taken to count in every window its interval touches,
        so none holds more than the limit whenever the platform counted each. A request now
        counts from ``now + lo`` on: it may go while that window has room (if the platform
        counts it later, the next window's requests will see it), else at the next window's
        start, late by what the bounds still leave open (at most a second and a round trip).
        """
        start = self._aligned_start(window, now)
        hi = self._date_offset_hi
        used = sum(
            1 for _, answered in self._spans.values() if answered is None or answered + hi >= start
        )
        if used < window.limit:
            return now
        # A microsecond past the boundary, so the next reading falls in the next window.
        return start + window.seconds - self._date_offset + 1e-6

    def _forget_spans(self, now: float) -> None:
        """Drop requests that can count in no current or later window any more."""
        start = min(self._aligned_start(w, now) for w in self._windows if w.aligned)
        hi = self._date_offset_hi
        gone = [t for t, (_, a) in self._spans.items() if a is not None and a + hi < start]
        for ticket in gone:
            del self._spans[ticket]

    def _stop_aligning(self, why: str) -> None:
        """Pace every window as rolling from now on (the rolling counts were kept all along)."""
        if self._aligned:
            self._aligned = False
            self._spans.clear()
            log.warning(
                "rate budget: %s while pacing by windows of the platform's clock; pacing by "
                "rolling windows from now on (check the source's rate_limit_window)",
                why,
            )

    def acquire(self, max_wait: float, *, pause: Callable[[float], None] | None = None) -> float:
        """Block until one request may go out; return the seconds waited.

        Raises ``RateLimited`` instead of waiting when the total wait would exceed ``max_wait``,
        so a run whose quota is spent can stop and commit what it has. ``pause`` waits in
        place of the budget's own sleep (a run's waits end when it is asked to stop).
        """
        return self.acquire_ticket(max_wait, pause=pause)[0]

    def acquire_ticket(
        self,
        max_wait: float,
        *,
        pause: Callable[[float], None] | None = None,
        until_answered: bool = False,
    ) -> tuple[float, int]:
        """``acquire``, with the request's place in the order requests went out (its ticket),
        for ``observe`` to know which requests its answer cannot have counted yet.
        ``until_answered``: the request counts as on its way until ``answered(ticket)``."""
        waited = 0.0
        while True:
            with self._lock:
                now = self._clock()
                delay = self._delay_locked(now)
                if delay <= 0:
                    self._issued += 1
                    if until_answered and self._windows:
                        self._in_flight.add(self._issued)
                    else:
                        for sent in self._sent:
                            bisect.insort(sent, now)
                    if self._aligned:
                        self._spans[self._issued] = (now, None if until_answered else now)
                    if self._server_remaining is not None:
                        self._server_remaining -= 1
                    return waited, self._issued
            if waited + delay > max_wait:
                raise RateLimited(
                    f"rate budget exhausted: next request in {delay:.0f}s, "
                    f"longer than the {max_wait:.0f}s allowed"
                )
            (pause or self._sleep)(delay)
            waited += delay

    def answered(self, ticket: int) -> None:
        """The request of ``ticket`` has its answer (or has failed): it counts at this time.

        A request given up on (a timeout) counts from then too, though a server may still
        count it later; the retry's backoff leaves room for that.
        """
        with self._lock:
            if ticket not in self._in_flight:
                return
            self._in_flight.discard(ticket)
            now = self._clock()
            for sent in self._sent:
                bisect.insort(sent, now)
            span = self._spans.get(ticket)
            if span is not None:
                self._spans[ticket] = (span[0], now)

    def observe(self, response: httpx.Response, ticket: int | None = None) -> None:
        """Take in the server's clock (``Date``) and its ``X-RateLimit-*`` view, so a spent
        quota waits for its reset; a 429 ends pacing by the platform's clock.

        ``ticket`` (from ``acquire_ticket``): the requests that went out after this one may be
        on their way still, so its ``Remaining`` cannot count them; they are taken off it.
        """
        limit = _int_header(response, "x-ratelimit-limit")
        remaining = _int_header(response, "x-ratelimit-remaining")
        delay = _reset_delay(response)
        date = server_date(response)
        with self._lock:
            now = self._clock()
            if date is not None:
                # Date drops the fraction of its second. The server's clock is at least each
                # answer's Date when we hold it: the largest such bound over every answer so
                # far (one whose Date had just ticked) is the closest, and never too high. It
                # was below Date + 1 s when the request left: the smallest such bound likewise.
                self._date_offset = max(self._date_offset, date.timestamp() - now)
                span = self._spans.get(ticket) if ticket is not None else None
                if span is not None:
                    self._date_offset_hi = min(
                        self._date_offset_hi, date.timestamp() + 1.0 - span[0]
                    )
            if self._aligned:
                if response.status_code == 429:
                    self._stop_aligning("the platform answered 429")
                elif self._date_offset > self._date_offset_hi:
                    self._stop_aligning("the platform's Date headers contradict each other")
            if limit is not None:
                self._server_limit = limit
            if remaining is None or delay is None:
                return
            if ticket is not None:
                remaining = max(0, remaining - max(0, self._issued - ticket))
            reset_at = now + delay
            when = _reset_time(response)
            if when is not None and date is not None:
                # One answer's reading of a reset time is late by up to a second: the tightest
                # bound of the server's clock over every answer places it closest, never early.
                reset_at = min(reset_at, when - self._date_offset)
            if reset_at < self._server_reset_at - 1.5:
                # An answer of an earlier period, come back after answers of the current one
                # (pages in flight together): its count is spent, and taking it would forget
                # the current period's.
                return
            same_period = (
                self._server_remaining is not None and abs(reset_at - self._server_reset_at) < 1.5
            )
            if same_period and self._server_remaining is not None:
                # Responses arrive out of order under concurrency; within one period the
                # smaller count is the one that already includes more of our requests.
                self._server_remaining = min(self._server_remaining, remaining)
                # A reset given as a time, read against the Date header, is estimated late
                # (Date drops the fraction of its second, and the answer took time to come):
                # the earliest estimate is the closest. A delay in whole seconds may be early.
                pick = min if _reset_is_time(response) else max
                self._server_reset_at = pick(self._server_reset_at, reset_at)
            else:
                self._server_remaining = remaining
                self._server_reset_at = reset_at

    def penalise(self, seconds: float) -> None:
        """After a 429: nobody sends before now + ``seconds``."""
        if seconds <= 0:
            return
        with self._lock:
            self._blocked_until = max(self._blocked_until, self._clock() + seconds)


class HttpStatusError(SourceError):
    """The platform answered a status we do not retry.

    ``body_excerpt`` is kept for debugging by code that knows it may hold personal data; it is
    never part of the message.
    """

    def __init__(
        self,
        message: str,
        *,
        status: int,
        method: str,
        path: str,
        body_excerpt: str = "",
        hint: str = "",
    ) -> None:
        super().__init__(message, hint=hint)
        self.status = status
        self.method = method
        self.path = path
        self.body_excerpt = body_excerpt


class _Malformed(Exception):
    """A 2xx body that is not the JSON we asked for."""


def _parse_json(response: httpx.Response) -> Any:
    if response.status_code == 204 or not response.content:
        return None
    content_type = response.headers.get("content-type", "")
    media = content_type.split(";", 1)[0].strip().lower()
    if media and media != "application/json" and not media.endswith("+json"):
        raise _Malformed("content type")
    try:
        return jsonlib.loads(response.content)
    except (ValueError, UnicodeDecodeError):
        raise _Malformed("body") from None


def _is_tls_verification_error(exc: BaseException) -> bool:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, ssl.SSLCertVerificationError):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


@functools.cache
def _verified_tls_context() -> ssl.SSLContext:
    """Loading the CA bundle costs ~0.1 s, so every client shares one verifying context."""
    return httpx.create_ssl_context(verify=True)


class _RedactHttpxUrls(logging.Filter):
    """httpx logs every request's full URL at INFO; query strings carry user and session ids."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                redact_url(arg) if isinstance(arg, httpx.URL) else arg for arg in record.args
            )
        return True


def _install_httpx_log_filter() -> None:
    httpx_logger = logging.getLogger("httpx")
    if not any(isinstance(f, _RedactHttpxUrls) for f in httpx_logger.filters):
        httpx_logger.addFilter(_RedactHttpxUrls())


_install_httpx_log_filter()


class ApiClient:
    """One pooled, thread-safe HTTP client per source.

    Every attempt passes the concurrency semaphore and the rate budget, and re-runs ``auth``
    so signatures and timestamps are fresh. Errors name the client, method, path, host and
    port and status; ``refused`` maps 401 and 403 to what the operator should check (the
    source knows which of its settings are the credentials).
    """

    def __init__(
        self,
        base_url: str,
        *,
        name: str,
        auth: httpx.Auth | None = None,
        headers: Mapping[str, str] | None = None,
        policy: HttpPolicy = HttpPolicy(),
        budget: RateBudget | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
        refused: Mapping[int, str] | None = None,
    ) -> None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ConfigError(f"{name}: base_url must be an http(s) URL")
        if parts.query or parts.fragment or "@" in parts.netloc:
            raise ConfigError(f"{name}: base_url must not carry a query, fragment or userinfo")
        self.name = name
        self.host = host_port(base_url)
        self._refused = dict(refused or {})
        self.policy = policy
        self.budget = budget if budget is not None else RateBudget(sleep=sleep)
        self._sleep = sleep
        self._rng = rng if rng is not None else random.Random()
        self._slots = threading.BoundedSemaphore(policy.concurrency)
        self._stats_lock = threading.Lock()
        self._stats: dict[str, int] = dict.fromkeys(
            (
                "requests",
                "retries",
                "errors.timeout",
                "errors.connect",
                "errors.malformed",
                "waited_ms",
            ),
            0,
        )
        all_headers = {"Accept": "application/json", "User-Agent": _USER_AGENT}
        all_headers.update(headers or {})
        self._client = httpx.Client(
            base_url=base_url,
            auth=auth,
            headers=all_headers,
            timeout=httpx.Timeout(policy.timeout_seconds),
            limits=httpx.Limits(
                max_connections=policy.concurrency,
                max_keepalive_connections=policy.concurrency,
            ),
            verify=_verified_tls_context() if policy.verify_tls else False,
            follow_redirects=False,
            transport=transport,
        )

    # -- public -------------------------------------------------------------------------

    @property
    def stats(self) -> dict[str, int]:
        """A snapshot of per-attempt counters, for run metrics and request-cost benchmarks."""
        with self._stats_lock:
            return dict(self._stats)

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Sequence[tuple[str, str]] | None = None,
        json: Any = None,
        allow_status: Collection[int] = (),
    ) -> httpx.Response:
        """Send with retries; a status in ``allow_status`` is returned instead of raised."""
        response, _ = self._execute(method, path, params, json, allow_status, parse=False)
        return response

    def request_json(
        self,
        method: str,
        path: str,
        *,
        params: Sequence[tuple[str, str]] | None = None,
        json: Any = None,
        allow_status: Collection[int] = (),
    ) -> Any:
        """The 2xx body parsed as JSON; ``None`` for an empty body or an allowed error status.

        A body that is not JSON is retried like a 5xx, since proxies and overloaded backends
        produce truncated or HTML pages, and ends as ``SourceError`` if it persists.
        """
        return self.request_json_response(
            method, path, params=params, json=json, allow_status=allow_status
        )[1]

    def request_json_response(
        self,
        method: str,
        path: str,
        *,
        params: Sequence[tuple[str, str]] | None = None,
        json: Any = None,
        allow_status: Collection[int] = (),
    ) -> tuple[httpx.Response, Any]:
        """Like ``request_json``, with the response too (for its ``Date`` and paging headers)."""
        return self._execute(method, path, params, json, allow_status, parse=True)

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- internals ----------------------------------------------------------------------

    def _count(self, key: str, amount: int = 1) -> None:
        with self._stats_lock:
            self._stats[key] = self._stats.get(key, 0) + amount

    def _add_wait(self, seconds: float) -> None:
        if seconds > 0:
            self._count("waited_ms", round(seconds * 1000))

    def _pause(self, seconds: float, reason: str) -> None:
        """Wait ``seconds``; with the run's ``Waits``, announce it and end it on a stop."""
        waits = self.policy.waits
        if waits is None:
            self._sleep(seconds)
            return
        if waits.announce is not None and seconds >= 1:
            waits.announce(seconds, reason)
        if waits.stop is None:
            self._sleep(seconds)
        elif waits.stop.wait(seconds):
            raise Stopped(f"{self.name}: stopped on request during a {reason} wait")

    def _backoff(self, attempt: int) -> float:
        p = self.policy
        cap = min(p.backoff_max_seconds, p.backoff_base_seconds * (2**attempt))
        return self._rng.uniform(0.0, cap)

    @staticmethod
    def _target(path: str, params: Sequence[tuple[str, str]] | None) -> tuple[str, str]:
        parts = urlsplit(path)
        if parts.scheme or parts.netloc or parts.query or parts.fragment or "?" in path:
            raise ValueError("path must be a relative path; pass the query as params")
        if params:
            return f"{path}?{encode_query(params)}", path
        return path, path

    @staticmethod
    def _server_wait(response: httpx.Response) -> float | None:
        wait = retry_after_seconds(response)
        if wait is None and response.status_code == 429:
            wait = _reset_delay(response)
        return wait

    def _attempt(self, method: str, target: str, json: Any, where: str) -> httpx.Response | str:
        """One attempt inside a concurrency slot; a failure kind string if no response."""
        with self._slots:
            waits = self.policy.waits
            if waits is not None and waits.stop is not None and waits.stop.is_set():
                raise Stopped(f"{self.name}: stopped on request; no further requests")
            try:
                waited, ticket = self.budget.acquire_ticket(
                    self.policy.max_wait_seconds,
                    pause=functools.partial(self._pause, reason="rate limit") if waits else None,
                    until_answered=True,
                )
            except RateLimited as exc:
                raise RateLimited(f"{where}: {exc}") from None
            self._add_wait(waited)
            self._count("requests")
            try:
                request = self._client.build_request(method, target, json=json)
                try:
                    response = self._client.send(request)
                finally:
                    self.budget.answered(ticket)
            except httpx.TimeoutException:
                self._count("errors.timeout")
                return f"no answer from {self.host} within {self.policy.timeout_seconds:g} s"
            except (httpx.NetworkError, httpx.RemoteProtocolError) as exc:
                if _is_tls_verification_error(exc):
                    raise SourceError(
                        f"{where}: TLS certificate verification failed",
                        hint="if a proxy re-signs TLS, give its CA bundle with SSL_CERT_FILE",
                    ) from None
                self._count("errors.connect")
                return f"cannot connect to {self.host} ({type(exc).__name__})"
            except httpx.HTTPError as exc:
                raise SourceError(f"{where}: request failed ({type(exc).__name__})") from None
            self._count(f"status.{response.status_code}")
            self.budget.observe(response, ticket)
            return response

    def _execute(
        self,
        method: str,
        path: str,
        params: Sequence[tuple[str, str]] | None,
        json: Any,
        allow_status: Collection[int],
        *,
        parse: bool,
    ) -> tuple[httpx.Response, Any]:
        method = method.upper()
        target, clean_path = self._target(path, params)
        where = f"{self.name}: {method} {clean_path} at {self.host}"
        attempts = self.policy.max_retries + 1
        failure = ""
        last_status = 0
        for attempt in range(attempts):
            outcome = self._attempt(method, target, json, where)
            delay = self._backoff(attempt)
            pause = delay
            if isinstance(outcome, str):
                failure, last_status = outcome, 0
            else:
                response = outcome
                status = response.status_code
                if 200 <= status < 300:
                    if not parse:
                        return response, None
                    try:
                        return response, _parse_json(response)
                    except _Malformed as exc:
                        self._count("errors.malformed")
                        failure, last_status = f"malformed JSON ({exc})", status
                elif status in allow_status:
                    return response, None
                elif status in RETRY_STATUSES:
                    failure, last_status = f"HTTP {status}", status
                    hint = self._server_wait(response)
                    if hint is not None and hint > self.policy.max_wait_seconds:
                        # Everyone sharing the budget stops too, instead of each earning a 429.
                        self.budget.penalise(hint)
                        error = RateLimited if status == 429 else RetriableError
                        raise error(
                            f"{where} -> HTTP {status}: server asks to wait {hint:.0f}s, "
                            f"longer than the {self.policy.max_wait_seconds:.0f}s allowed "
                            f"(attempt {attempt + 1})"
                        )
                    if hint is not None or status == 429:
                        # Throttling is per key, not per request: hold back every request
                        # sharing this budget, then go through acquire() again.
                        pause = hint if hint is not None else delay
                        self.budget.penalise(pause)
                        delay = 0.0
                else:
                    refused = self._refused.get(status, "")
                    raise HttpStatusError(
                        f"{where} -> HTTP {status} (attempt {attempt + 1})"
                        + (": the platform refused the credentials" if refused else ""),
                        status=status,
                        method=method,
                        path=clean_path,
                        body_excerpt=response.text[:_BODY_EXCERPT_CHARS],
                        hint=refused,
                    )
            if attempt + 1 >= attempts:
                break
            self._count("retries")
            log.warning(
                "%s: %s %s failed with %s (attempt %d of %d), retrying in %.2fs",
                self.name,
                method,
                clean_path,
                failure,
                attempt + 1,
                attempts,
                pause,
            )
            if delay > 0:
                self._pause(delay, "retry")
                self._add_wait(delay)
        message = f"{where}: gave up after {attempts} attempts, last: {failure}"
        log.warning("%s", message)
        if failure.startswith("malformed"):
            raise SourceError(message)
        if last_status == 429:
            raise RateLimited(message)
        raise RetriableError(message)
