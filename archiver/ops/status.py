"""``archiver status``: how fresh each stream's archive is, for teams without Prometheus.

Per stream it reads manifests from the head of the chain backwards (each checked against the
trusted key) until it has found the last complete crawl and the last complete ``--full``
reconciliation; manifests written by erase and prune are not crawls and are skipped. A stream
the config names but the archive has never committed counts as never archived. With bounds
(``status.max_age_hours``, ``status.max_full_age_days`` or the command's options), a stream
past either is stale, and the command exits with its own code so cron or a monitoring
probe can act on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from archiver.archive.catalog import Manifest, RunStatus, packs, parse
from archiver.archive.catalog.chain import get_raw
from archiver.context import Context
from archiver.crawl.state import StreamState
from archiver.errors import EXIT_OK, EXIT_STALE, ArchiverError
from archiver.sources.registry import build_source
from archiver.timeutil import format_ts, parse_ts, utcnow

Stream = tuple[str, str]


@dataclass
class StreamStatus:
    source: str
    tenant: str
    head: int | None = None
    last_status: RunStatus | None = None  # of the newest crawl
    last_complete: datetime | None = None
    last_full: datetime | None = None
    problems: list[str] = field(default_factory=list)  # why it is stale or unreadable

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class StatusReport:
    now: datetime
    max_age: timedelta | None
    max_full_age: timedelta | None
    streams: list[StreamStatus] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(s.ok for s in self.streams)

    @property
    def exit_code(self) -> int:
        return EXIT_OK if self.ok else EXIT_STALE

    def to_json(self) -> dict[str, Any]:
        def ts(value: datetime | None) -> str | None:
            return format_ts(value) if value else None

        def age(value: datetime | None) -> float | None:
            return round((self.now - value).total_seconds(), 1) if value else None

        return {
            "ok": self.ok,
            "checked_at": format_ts(self.now),
            "max_age_seconds": self.max_age.total_seconds() if self.max_age else None,
            "max_full_age_seconds": (
                self.max_full_age.total_seconds() if self.max_full_age else None
            ),
            "streams": [
                {
                    "source": s.source,
                    "tenant": s.tenant,
                    "head_sequence": s.head,
                    "last_run_status": s.last_status,
                    "last_complete_run": ts(s.last_complete),
                    "last_complete_run_age_seconds": age(s.last_complete),
                    "last_full_run": ts(s.last_full),
                    "last_full_run_age_seconds": age(s.last_full),
                    "ok": s.ok,
                    "problems": list(s.problems),
                }
                for s in self.streams
            ],
        }


def _finished(m: Manifest) -> datetime:
    return parse_ts(m.run.finished_at)


def _configured_streams(ctx: Context) -> list[Stream]:
    out: list[Stream] = []
    for sc in ctx.config.sources:
        src = build_source(ctx.config, sc)
        try:
            out.extend((src.name, t) for t in src.tenants())
        finally:
            src.close()
    return out


def _stream_status(ctx: Context, stream: Stream, keys: list[str]) -> StreamStatus:
    st = StreamStatus(*stream)
    if not keys:
        st.problems.append("never archived")
        return st
    shelf = packs.Shelf(ctx.store, *stream)  # older manifests may be in a pack
    for i, key in enumerate(reversed(keys)):
        try:
            m = parse(key, get_raw(ctx.store, key, shelf), ctx.verifier)
        except ArchiverError as exc:
            st.problems.append(f"manifest unreadable: {exc}")
            return st
        if i == 0:
            st.head = m.sequence
            # The state carries the last crawl that read everything (run --full or the first
            # run); archives written before it did are searched below.
            st.last_full = StreamState.from_manifest(m.state).last_full
        if not m.run.is_crawl:  # erase and prune commit manifests too, without crawling
            continue
        complete = m.run.status == "complete"
        if st.last_status is None:
            st.last_status = m.run.status
        if complete and st.last_complete is None:
            st.last_complete = _finished(m)
        if complete and m.run.full and st.last_full is None:
            st.last_full = _finished(m)
        if st.last_complete is not None and st.last_full is not None:
            break
    return st


def status(
    ctx: Context,
    *,
    max_age: timedelta | None = None,
    max_full_age: timedelta | None = None,
    now: datetime | None = None,
) -> StatusReport:
    """Each stream's last complete run and last full reconciliation, judged against the
    bounds given (none: nothing is stale but a stream that was never archived)."""
    report = StatusReport(now=now or utcnow(), max_age=max_age, max_full_age=max_full_age)
    archived = ctx.catalog.streams()
    streams = sorted(set(archived) | set(_configured_streams(ctx)))
    for stream in streams:
        st = _stream_status(ctx, stream, archived.get(stream, []))
        if st.head is not None and max_age is not None:
            if st.last_complete is None:
                st.problems.append("no complete run yet")
            elif report.now - st.last_complete > max_age:
                st.problems.append(f"last complete run older than {human_duration(max_age)}")
        if st.head is not None and max_full_age is not None:
            if st.last_full is None:
                st.problems.append("no full reconciliation yet")
            elif report.now - st.last_full > max_full_age:
                limit = human_duration(max_full_age)
                st.problems.append(f"last full reconciliation older than {limit}")
        report.streams.append(st)
    return report


def human_duration(delta: timedelta) -> str:
    seconds = int(delta.total_seconds())
    if seconds >= 86400 and seconds % 86400 == 0:
        return f"{seconds // 86400} d"
    if seconds >= 3600:
        return f"{seconds / 3600:g} h"
    if seconds >= 60:
        return f"{seconds // 60} min"
    return f"{seconds} s"


def age_text(now: datetime, then: datetime | None) -> str:
    """``3d 4h``, ``5h 12m``, ``42m``: an age a person reads at a glance."""
    if then is None:
        return "-"
    seconds = max(0, int((now - then).total_seconds()))
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days:
        return f"{days}d {hours}h"
    if hours:
        return f"{hours}h {minutes}m"
    return f"{minutes}m"
