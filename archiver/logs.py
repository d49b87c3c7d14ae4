"""Logs for machines and for people.

- stderr is not a terminal (a pod, a pipe, a file): one JSON object per line, with ``event``,
  ``run_id``, ``stream`` and counts as fields, so a log pipeline can count and alert on them.
- stderr is a terminal: short readable lines, and a live display of the running streams.

Events carry names, counts and ids of runs and streams, never values from records. As a last
line of defence every registered secret (the config's credentials) is replaced wherever it
would appear, and an exception is logged by type and code location only (plus the message of
the project's own errors, which are written to be safe): an arbitrary exception's message may
quote data.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
import shutil
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator, Mapping
from contextvars import ContextVar
from datetime import UTC, datetime, timedelta
from pathlib import PurePath
from types import MappingProxyType, TracebackType
from typing import IO, TYPE_CHECKING, Any, Protocol
from urllib.parse import urlsplit, urlunsplit

from archiver.errors import ArchiverError

if TYPE_CHECKING:
    from archiver.config import Config


class StreamResult(Protocol):
    """What the progress displays read of a finished stream (the crawl's ``StreamResult``),
    declared here so that logging does not depend on the crawl."""

    @property
    def source(self) -> str: ...
    @property
    def tenant(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def records(self) -> Mapping[str, int]: ...
    @property
    def seen_again(self) -> int: ...


# Libraries whose debug lines say nothing about a run (Faker: loaded for the first-name lists).
NOISY = (
    "httpx",
    "httpcore",
    "botocore",
    "boto3",
    "s3transfer",
    "urllib3",
    "aws_encryption_sdk",
    "faker",
)
REDACTED = "[redacted]"
FORMATS = ("auto", "json", "text")

_EVENT = "archiver_event"
_FIELDS = "archiver_fields"
_SCOPE = "archiver_scope"
_HANDLER_NAME = "archiver"
_MIN_SECRET_LEN = 4
_SECRET_SETTING = re.compile(r"key|secret|token|password|credential", re.IGNORECASE)

_EMPTY: Mapping[str, Any] = MappingProxyType({})
_scope: ContextVar[Mapping[str, Any]] = ContextVar("archiver_log_scope", default=_EMPTY)


# --- fields and events ------------------------------------------------------------------


@contextlib.contextmanager
def scope(**fields: Any) -> Iterator[None]:
    """Add ``fields`` (run id, stream) to every log line this thread writes inside the block."""
    token = _scope.set(MappingProxyType({**_scope.get(), **fields}))
    try:
        yield
    finally:
        _scope.reset(token)


def event(
    logger: logging.Logger, level: int, name: str, message: str, *args: Any, **fields: Any
) -> None:
    """Log one named event; ``fields`` become JSON fields (names and counts only)."""
    logger.log(level, message, *args, extra={_EVENT: name, _FIELDS: fields})


# --- secrets ------------------------------------------------------------------------------


class _Secrets:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._values: tuple[str, ...] = ()

    def add(self, values: list[str]) -> None:
        with self._lock:
            merged = set(self._values) | {v for v in values if len(v) >= _MIN_SECRET_LEN}
            # Longest first, so a secret that contains another is replaced whole.
            self._values = tuple(sorted(merged, key=len, reverse=True))

    def redact(self, text: str) -> str:
        for value in self._values:
            if value in text:
                text = text.replace(value, REDACTED)
        return text


_SECRETS = _Secrets()


def protect(*values: str) -> None:
    """Never let these values reach a log line (they are replaced by ``[redacted]``)."""
    _SECRETS.add(list(values))


def redact(text: str) -> str:
    return _SECRETS.redact(text)


def redact_url(url: object) -> str:
    """The URL (a string or an ``httpx.URL``) without userinfo, query or fragment: safe to log
    or put in an error."""
    parts = urlsplit(str(url))
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def protect_config(cfg: Config) -> None:
    """Register the config's credentials: source settings whose name says key/secret/token."""
    found: list[str] = []

    def walk(name: str, value: Any) -> None:
        if isinstance(value, str):
            if _SECRET_SETTING.search(name):
                found.append(value)
        elif isinstance(value, Mapping):
            for k, v in value.items():
                walk(str(k), v)
        elif isinstance(value, list | tuple):
            for v in value:
                walk(name, v)

    for source in cfg.sources:
        walk("", source.settings)
    protect(*found)


def _scrub(value: Any) -> Any:
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, Mapping):
        return {str(k): _scrub(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_scrub(v) for v in value]
    if value is None or isinstance(value, bool | int | float):
        return value
    return redact(str(value))


# --- formatting ---------------------------------------------------------------------------

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def exception_fields(exc_info: ExcInfo) -> dict[str, Any]:
    """Type, location and (for the project's own errors) message of an exception."""
    etype, exc, tb = exc_info
    out: dict[str, Any] = {"error_type": etype.__name__}
    if isinstance(exc, ArchiverError):
        out["error"] = str(exc)
    frames = traceback.extract_tb(tb)[-12:]
    out["stack"] = [f"{PurePath(f.filename).name}:{f.lineno} in {f.name}" for f in frames]
    return out


class _StampScope(logging.Filter):
    """Copies this thread's scope onto the record, in the thread that logs it."""

    def filter(self, record: logging.LogRecord) -> bool:
        setattr(record, _SCOPE, _scope.get())
        return True


def _fields(record: logging.LogRecord) -> dict[str, Any]:
    return {**getattr(record, _SCOPE, _EMPTY), **getattr(record, _FIELDS, _EMPTY)}


def _exc(record: logging.LogRecord) -> ExcInfo | None:
    info = record.exc_info
    if info and info[0] is not None and info[1] is not None:
        return (info[0], info[1], info[2])
    return None


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, event, message, then the fields."""

    def format(self, record: logging.LogRecord) -> str:
        created = datetime.fromtimestamp(record.created, UTC)
        doc: dict[str, Any] = {
            "time": created.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": getattr(record, _EVENT, None) or "log",
            "message": record.getMessage(),
        }
        for key, value in _fields(record).items():
            doc.setdefault(key, value)
        exc = _exc(record)
        if exc is not None:
            doc.update(exception_fields(exc))
        return json.dumps(_scrub(doc), ensure_ascii=False, separators=(",", ":"))


class TextFormatter(logging.Formatter):
    """``12:00:01 WARNING message`` in local time, for a person at a terminal."""

    def format(self, record: logging.LogRecord) -> str:
        when = datetime.fromtimestamp(record.created, UTC).astimezone().strftime("%H:%M:%S")
        line = f"{when} {record.levelname:<7} {record.getMessage()}"
        exc = _exc(record)
        if exc is not None:
            info = exception_fields(exc)
            where = info["stack"][-1] if info["stack"] else "?"
            line += f" ({info['error_type']} at {where})"
        return redact(line)


# --- set-up -------------------------------------------------------------------------------


def _isatty(stream: IO[str]) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


class _Handler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes above the live display when one is shown, so the two never interleave."""

    progress: Progress | None = None

    def emit(self, record: logging.LogRecord) -> None:
        progress = self.progress
        if progress is None:
            super().emit(record)
            return
        with progress.paused():
            super().emit(record)


class _State:
    format = "json"
    handler: _Handler | None = None


_STATE = _State()


def setup(verbose: int = 0, *, log_format: str = "auto", stream: IO[str] | None = None) -> str:
    """Install the process's log handler; returns the format in force, "json" or "text".

    JSON logs are for pipelines, so they include the INFO events (one per stream and run) by
    default; on a terminal the progress display shows that and only warnings are printed.
    """
    if log_format not in FORMATS:
        raise ValueError(f"log format must be one of {FORMATS}")
    out = stream if stream is not None else sys.stderr
    fmt = log_format if log_format != "auto" else ("text" if _isatty(out) else "json")
    if fmt == "json":
        level = logging.INFO if verbose == 0 else logging.DEBUG
    else:
        level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    root = logging.getLogger()
    for h in list(root.handlers):
        if h.get_name() == _HANDLER_NAME:
            root.removeHandler(h)
    handler = _Handler(out)
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(JsonFormatter() if fmt == "json" else TextFormatter())
    handler.addFilter(_StampScope())
    root.addHandler(handler)
    root.setLevel(level)
    for name in NOISY:
        logging.getLogger(name).setLevel(logging.WARNING)
    _STATE.format = fmt
    _STATE.handler = handler
    return fmt


def current_format() -> str:
    return _STATE.format


def emits_json() -> bool:
    """Whether this process's log handler is installed and writes JSON lines."""
    handler = _STATE.handler
    return handler in logging.getLogger().handlers and _STATE.format == "json"


# --- progress -----------------------------------------------------------------------------


def _stream_name(source: str, tenant: str) -> str:
    return f"{source}/{tenant}"


def _records(records: Mapping[str, int]) -> str:
    parts = [f"{t} {n:,}" for t, n in sorted(records.items()) if n]
    return " · ".join(parts) or "no new records"


def _wait_text(reason: str, until: datetime, left: float) -> str:
    what = "the rate limit" if reason == "rate limit" else f"a {reason}"
    local = until.astimezone().strftime("%H:%M:%S")
    return f"waiting for {what} until {local} ({max(0, round(left))} s)"


class Progress:
    """A live display of the run on a terminal: a summary line and one line per running stream.

    Redrawn at most every ``interval`` seconds, and every ``tick`` seconds while nothing
    happens, so the clock moves and a stream waiting for its rate limit says until when; log
    lines are written above it. It implements the crawl engine's observer interface.
    """

    def __init__(
        self,
        out: IO[str],
        *,
        interval: float = 0.1,
        tick: float = 1.0,
        max_lines: int = 8,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._out = out
        self._interval = interval
        self._tick = tick
        self._max_lines = max_lines
        self._clock = clock
        self._wall = wall
        self._waits: dict[str, tuple[float, datetime, str]] = {}  # source → (end, until, why)
        self._ticker: threading.Thread | None = None
        self._stop_ticking = threading.Event()
        self._lock = threading.RLock()
        self._run_id = ""
        self._total = 0
        self._started = clock()
        self._active: dict[str, tuple[dict[str, int], int]] = {}
        self._done: dict[str, int] = {}
        self._new = 0
        self._unchanged = 0
        self._drawn = 0
        self._last_draw = float("-inf")
        self._closed = False

    # observer interface

    def run_started(self, run_id: str, streams: int) -> None:
        with self._lock:
            self._run_id, self._total, self._started = run_id, streams, self._clock()
            self._redraw(force=True)

    def stream_started(self, source: str, tenant: str) -> None:
        with self._lock:
            self._active[_stream_name(source, tenant)] = ({}, 0)
            self._redraw(force=True)

    def stream_progress(
        self, source: str, tenant: str, records: Mapping[str, int], unchanged: int
    ) -> None:
        with self._lock:
            self._active[_stream_name(source, tenant)] = (dict(records), unchanged)
            self._redraw()

    def source_waiting(self, source: str, seconds: float, reason: str) -> None:
        with self._lock:
            end = self._clock() + seconds
            self._waits[source] = (end, self._wall() + timedelta(seconds=seconds), reason)
            self._redraw(force=True)

    def stream_finished(self, result: StreamResult) -> None:
        with self._lock:
            self._active.pop(_stream_name(result.source, result.tenant), None)
            self._done[result.status] = self._done.get(result.status, 0) + 1
            self._new += sum(result.records.values())
            self._unchanged += result.seen_again
            self._redraw(force=True)

    # drawing

    def lines(self) -> list[str]:
        """What the display shows now (for tests and for the redraw)."""
        with self._lock:
            finished = sum(self._done.values())
            running = {n: (sum(r.values()), u) for n, (r, u) in self._active.items()}
            new = self._new + sum(n for n, _ in running.values())
            unchanged = self._unchanged + sum(u for _, u in running.values())
            secs = int(self._clock() - self._started)
            statuses = ", ".join(f"{n} {s}" for s, n in sorted(self._done.items()))
            head = (
                f"run {self._run_id}  {finished}/{self._total} streams done"
                + (f" ({statuses})" if statuses else "")
                + f" · {new:,} new records · {unchanged:,} unchanged · {secs // 60}:{secs % 60:02d}"
            )
            out = [head]
            names = sorted(self._active)
            now = self._clock()
            for name in names[: self._max_lines]:
                records, unchanged_here = self._active[name]
                line = f"  ▸ {name:<28} {_records(records)} · unchanged {unchanged_here:,}"
                wait = self._waits.get(name.split("/", 1)[0])
                if wait is not None and wait[0] > now:
                    line += " · " + _wait_text(wait[2], wait[1], wait[0] - now)
                out.append(line)
            if len(names) > self._max_lines:
                out.append(f"  … and {len(names) - self._max_lines} more running")
            return out

    def _clear(self) -> None:
        if self._drawn:
            self._out.write(f"\x1b[{self._drawn}F\x1b[J")
            self._drawn = 0

    def _draw(self) -> None:
        width = max(20, shutil.get_terminal_size((100, 24)).columns - 1)
        block = [line[:width] for line in self.lines()]
        self._out.write("\n".join(block) + "\n")
        self._out.flush()
        self._drawn = len(block)

    def _redraw(self, *, force: bool = False) -> None:
        if self._closed:
            return
        now = self._clock()
        if not force and now - self._last_draw < self._interval:
            return
        self._last_draw = now
        self._clear()
        self._draw()

    @contextlib.contextmanager
    def paused(self) -> Iterator[None]:
        """Take the display off the screen while something else writes, then put it back."""
        with self._lock:
            if self._closed:
                yield
                return
            self._clear()
            self._out.flush()
            try:
                yield
            finally:
                self._draw()

    def _ticking(self) -> None:
        while not self._stop_ticking.wait(self._tick):
            with self._lock:
                self._redraw(force=True)

    def __enter__(self) -> Progress:
        if _STATE.handler is not None:
            _STATE.handler.progress = self
        self._ticker = threading.Thread(target=self._ticking, name="progress", daemon=True)
        self._ticker.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop_ticking.set()
        if self._ticker is not None:
            self._ticker.join()
        with self._lock:
            self._clear()
            self._out.flush()
            self._closed = True
        if _STATE.handler is not None and _STATE.handler.progress is self:
            _STATE.handler.progress = None


class LogProgress:
    """The engine observer for JSON logs: a ``stream.progress`` event per stream at most every
    ``interval`` seconds, so a long crawl shows it is moving."""

    def __init__(
        self,
        logger: logging.Logger,
        *,
        interval: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._log = logger
        self._interval = interval
        self._clock = clock
        self._lock = threading.Lock()
        self._last: dict[str, float] = {}

    def run_started(self, run_id: str, streams: int) -> None:
        return None

    def stream_started(self, source: str, tenant: str) -> None:
        with self._lock:
            self._last[_stream_name(source, tenant)] = self._clock()

    def stream_progress(
        self, source: str, tenant: str, records: Mapping[str, int], unchanged: int
    ) -> None:
        name = _stream_name(source, tenant)
        now = self._clock()
        with self._lock:
            if now - self._last.get(name, now) < self._interval:
                return
            self._last[name] = now
        event(
            self._log,
            logging.INFO,
            "stream.progress",
            "stream %s: %s so far",
            name,
            _records(records),
            records=dict(records),
            unchanged=unchanged,
        )

    def source_waiting(self, source: str, seconds: float, reason: str) -> None:
        """A wait long enough to notice is an event: a pod's log shows why nothing moves."""
        if seconds < 5:
            return
        until = datetime.now(UTC) + timedelta(seconds=seconds)
        event(
            self._log,
            logging.INFO,
            "source.waiting",
            "source %s waits %.0f s for %s (until %s)",
            source,
            seconds,
            "its rate limit" if reason == "rate limit" else f"a {reason}",
            until.isoformat(timespec="seconds").replace("+00:00", "Z"),
            source=source,
            wait_seconds=round(seconds, 1),
            reason=reason,
        )

    def stream_finished(self, result: StreamResult) -> None:
        with self._lock:
            self._last.pop(_stream_name(result.source, result.tenant), None)
