"""Reusable plumbing for platform simulators: a loopback HTTP server, clock, faults and counters.

Platform specifics (routes, auth, record shapes) live in the platform modules; everything here is
shared so that each simulator behaves the same way with respect to time, faults and accounting.
"""

from __future__ import annotations

import contextlib
import email.utils
import json
import logging
import random
import socket
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

log = logging.getLogger(__name__)

LOOPBACK = "127.0.0.1"
FAULT_KINDS: tuple[str, ...] = ("429", "5xx", "timeout", "malformed")


class SimClock:
    """The platform's clock: real UTC time plus an adjustable skew, to test clock drift."""

    def __init__(self, skew_seconds: float = 0.0) -> None:
        self.skew_seconds = float(skew_seconds)

    def now(self) -> datetime:
        return datetime.now(UTC) + timedelta(seconds=self.skew_seconds)

    def unix(self) -> float:
        return time.time() + self.skew_seconds

    def unix_ms(self) -> int:
        return int(self.unix() * 1000)


@dataclass(frozen=True)
class Fault:
    """One injected fault: its kind and a uniform number in [0, 1) to choose its variant with."""

    kind: str
    variant: float


class FaultInjector:
    """Seeded fault draws: the same seed and request order always give the same faults.

    Exactly two numbers are drawn per request whatever the rates are, so changing a rate mid-run
    does not shift the sequence for the requests that follow.
    """

    def __init__(self, seed: int | str) -> None:
        self._rng = random.Random(seed)
        self._lock = threading.Lock()

    def draw(self, rates: Mapping[str, float], kinds: Iterable[str] = FAULT_KINDS) -> Fault | None:
        with self._lock:
            u = self._rng.random()
            variant = self._rng.random()
        cumulative = 0.0
        for kind in kinds:
            cumulative += max(0.0, float(rates.get(kind, 0.0)))
            if u < cumulative:
                return Fault(kind, variant)
        return None


class RequestCounters:
    """Thread-safe named counters, so tests can assert how many calls a crawl made."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: dict[str, int] = {}

    def incr(self, *names: str) -> None:
        with self._lock:
            for name in names:
                self._counts[name] = self._counts.get(name, 0) + 1

    def snapshot(self) -> dict[str, int]:
        with self._lock:
            return dict(self._counts)

    def reset(self) -> None:
        with self._lock:
            self._counts.clear()


class FixedWindowLimiter:
    """Per-key request limit over fixed windows aligned to the simulated clock."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._windows: dict[str, tuple[int, int]] = {}

    def hit(
        self, key: str, limit: int, window_seconds: int, now_unix: float, *, consume: bool = True
    ) -> tuple[bool, int, int]:
        """Count one request; returns (allowed, remaining, reset_unix_seconds)."""
        start = int(now_unix // window_seconds) * window_seconds
        reset = start + window_seconds
        with self._lock:
            window, used = self._windows.get(key, (start, 0))
            if window != start:
                used = 0
            if used >= limit:
                self._windows[key] = (start, used)
                return False, 0, reset
            if consume:
                used += 1
            self._windows[key] = (start, used)
            return True, max(0, limit - used), reset

    def reset(self) -> None:
        with self._lock:
            self._windows.clear()


@dataclass
class SimRequest:
    method: str
    raw_path: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())

    def param(self, name: str) -> str | None:
        values = self.query.get(name)
        return values[0] if values else None


@dataclass
class SimResponse:
    status: int
    body: bytes = b""
    content_type: str | None = None
    headers: list[tuple[str, str]] = field(default_factory=list)
    delay_seconds: float = 0.0
    drop_after_seconds: float | None = None

    @classmethod
    def drop(cls, after_seconds: float) -> SimResponse:
        """Stall, then close the connection without answering (a timeout seen by the client)."""
        return cls(status=0, drop_after_seconds=after_seconds)


def json_bytes(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def json_response(status: int, obj: Any, headers: Iterable[tuple[str, str]] = ()) -> SimResponse:
    return SimResponse(status, json_bytes(obj), "application/json; charset=utf-8", list(headers))


def text_response(
    status: int,
    text: str,
    content_type: str = "text/plain; charset=utf-8",
    headers: Iterable[tuple[str, str]] = (),
) -> SimResponse:
    return SimResponse(status, text.encode("utf-8"), content_type, list(headers))


def html_error_page(status: int, reason: str) -> str:
    """The kind of page a reverse proxy serves when the application behind it is down."""
    return (
        f"<html>\r\n<head><title>{status} {reason}</title></head>\r\n<body>\r\n"
        f"<center><h1>{status} {reason}</h1></center>\r\n<hr><center>nginx</center>\r\n"
        "</body>\r\n</html>\r\n"
    )


App = Callable[[SimRequest], SimResponse]
#: Sees every answer before it leaves and returns the one to send (tests mangle answers with it).
ResponseHook = Callable[[SimRequest, SimResponse], SimResponse]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port: int, app: App, clock: SimClock, server_name: str) -> None:
        self.app = app
        self.clock = clock
        self.server_header = server_name
        self.stopping = threading.Event()
        self._conn_lock = threading.Lock()
        self._conns: set[socket.socket] = set()
        super().__init__((LOOPBACK, port), _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        log.debug("connection from %s failed", client_address, exc_info=True)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._conn_lock:
            self._conns.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._conn_lock:
            self._conns.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        """Cut keep-alive connections, or a pooled client could keep talking to a stopped server."""
        with self._conn_lock:
            conns = list(self._conns)
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 60
    # Headers and body go out in separate writes; with Nagle on, each response would wait
    # for the client's delayed ACK (~40 ms).
    disable_nagle_algorithm = True
    server: _Server

    def version_string(self) -> str:
        return self.server.server_header

    def date_time_string(self, timestamp: float | None = None) -> str:
        return email.utils.formatdate(self.server.clock.unix(), usegmt=True)

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s " + format, self.address_string(), *args)

    def do_GET(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def do_PUT(self) -> None:
        self._dispatch()

    def do_PATCH(self) -> None:
        self._dispatch()

    def do_DELETE(self) -> None:
        self._dispatch()

    def _dispatch(self) -> None:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            self.send_error(400, "Bad Content-Length")
            return
        body = self.rfile.read(length) if length > 0 else b""
        split = urlsplit(self.path)
        request = SimRequest(
            method=self.command,
            raw_path=self.path,
            path=split.path,
            query=parse_qs(split.query, keep_blank_values=True),
            headers={k.lower(): v for k, v in self.headers.items()},
            body=body,
        )
        try:
            response = self.server.app(request)
        except Exception:
            log.exception("simulator handler failed for %s %s", self.command, self.path)
            response = text_response(500, "internal simulator error")
        stopping = self.server.stopping
        if response.drop_after_seconds is not None:
            stopping.wait(response.drop_after_seconds)
            self.close_connection = True
            return
        if response.delay_seconds > 0 and stopping.wait(response.delay_seconds):
            self.close_connection = True
            return
        self.send_response(response.status)
        if response.content_type is not None:
            self.send_header("Content-Type", response.content_type)
        for name, value in response.headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(response.body)))
        self.end_headers()
        if response.body and self.command != "HEAD":
            self.wfile.write(response.body)


class SimServer:
    """A loopback-only threaded HTTP server running an app callable in a daemon thread."""

    def __init__(self, app: App, *, clock: SimClock, server_name: str = "SimServer") -> None:
        self._app = app
        self._clock = clock
        self._server_name = server_name
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._server is not None

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("server not started")
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        """Root URL without a trailing slash, e.g. http://127.0.0.1:PORT."""
        return f"http://{LOOPBACK}:{self.port}"

    def start(self, port: int = 0) -> str:
        if self._server is not None:
            raise RuntimeError("server already started")
        server = _Server(port, self._app, self._clock, self._server_name)
        thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"{self._server_name}-{server.server_address[1]}",
            daemon=True,
        )
        self._server = server
        self._thread = thread
        thread.start()
        return self.url

    def stop(self) -> None:
        server, thread = self._server, self._thread
        if server is None:
            return
        self._server = None
        self._thread = None
        server.stopping.set()
        server.shutdown()
        server.close_connections()
        server.server_close()
        if thread is not None:
            thread.join(timeout=5)
