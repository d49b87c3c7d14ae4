"""One run: every stream crawled from its committed state, written, and committed by manifest.

Streams run in parallel and independently: a failing stream is reported and the others go on.
A stream's objects become visible only through its manifest, written last with put-if-absent;
a run that dies before that leaves orphans, and the next run starts again from the same state.
"""

from __future__ import annotations

import logging
import secrets
import threading
from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import httpx
import pyarrow.parquet as pq

from archiver import __version__
from archiver.archive import layout
from archiver.archive import manifest as mf
from archiver.archive.reader import ArchiveReader
from archiver.archive.tables import ID_COLUMN, SCHEMA_VERSION
from archiver.archive.writer import StreamWriter
from archiver.context import Context
from archiver.crawl.state import StreamState
from archiver.errors import (
    ArchiverError,
    ConflictError,
    FatalError,
    RetriableError,
    SkippableError,
)
from archiver.sources.base import Record, Source
from archiver.sources.registry import build_source
from archiver.timeutil import format_ts, utcnow
from archiver.transform.mask import known_values
from archiver.transform.rows import build_rows

log = logging.getLogger(__name__)


@dataclass
class StreamResult:
    source: str
    tenant: str
    status: str  # complete | partial | failed | conflict
    sequence: int | None = None
    records: dict[str, int] = field(default_factory=dict)
    seen_again: int = 0
    pages: int = 0
    objects: int = 0
    bytes: int = 0
    error: str | None = None


@dataclass
class RunReport:
    run_id: str
    streams: list[StreamResult]
    requests: dict[str, int]

    @property
    def exit_code(self) -> int:
        from archiver.errors import EXIT_CONFLICT, EXIT_FAILURE, EXIT_OK, EXIT_PARTIAL

        statuses = {s.status for s in self.streams}
        if not statuses or statuses == {"complete"}:
            return EXIT_OK
        if statuses == {"conflict"}:
            return EXIT_CONFLICT
        if statuses <= {"failed", "conflict"}:
            return EXIT_FAILURE
        return EXIT_PARTIAL


def new_run_id() -> str:
    return utcnow().strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(4)


def run_archive(
    ctx: Context,
    *,
    full: bool = False,
    sources: Sequence[str] = (),
    transport: httpx.BaseTransport | None = None,
    on_stream: Callable[[StreamResult], None] | None = None,
) -> RunReport:
    cfg = ctx.config
    selected = [cfg.source(n) for n in sources] if sources else list(cfg.sources)
    run_id = new_run_id()
    built: list[tuple[Source, str]] = []
    opened: list[Source] = []
    try:
        for sc in selected:
            src = build_source(cfg, sc, transport=transport)
            opened.append(src)
            built.extend((src, tenant) for tenant in src.tenants())
        results: list[StreamResult] = []
        lock = threading.Lock()

        def one(item: tuple[Source, str]) -> StreamResult:
            src, tenant = item
            res = _run_stream(ctx, src, tenant, run_id=run_id, full=full)
            with lock:
                results.append(res)
            if on_stream:
                on_stream(res)
            return res

        workers = max(1, min(cfg.crawl.streams_in_parallel, len(built) or 1))
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="stream") as pool:
            list(pool.map(one, built))
        results.sort(key=lambda r: (r.source, r.tenant))
        return RunReport(run_id, results, {s.name: s.request_count() for s in opened})
    finally:
        for s in opened:
            s.close()


def _archived_versions(ctx: Context, source: str, tenant: str) -> set[tuple[str, str, str]]:
    """Every (table, id, version hash) committed for a stream: what --full reconciles against."""
    out: set[tuple[str, str, str]] = set()
    reader = ArchiveReader(ctx.store, verifier=ctx.verifier, masked=ctx.masked, sealed=None)
    for m in reader.stream_manifests(source, tenant):
        for obj in m.objects:
            if obj["sealed"]:
                continue
            table = obj["table"]
            tbl = pq.read_table(reader.open_object(obj), columns=[ID_COLUMN[table], "record_hash"])
            for rid, h in zip(tbl.column(0).to_pylist(), tbl.column(1).to_pylist(), strict=True):
                out.add((table, rid, h))
    return out


def _natural_id(ctx: Context, source_type: str, rec: Record) -> str:
    if rec.table == "users":
        return ctx.pseudo.subject_id(source_type, rec.id)
    return rec.id


def _run_stream(ctx: Context, src: Source, tenant: str, *, run_id: str, full: bool) -> StreamResult:
    res = StreamResult(source=src.name, tenant=tenant, status="failed")
    started = utcnow()
    try:
        prev = mf.latest(ctx.store, src.name, tenant, ctx.verifier)
    except ArchiverError as exc:
        res.error = str(exc)
        log.error("stream %s/%s: cannot read its latest manifest: %s", src.name, tenant, exc)
        return res
    state = StreamState.from_manifest(prev.state if prev else None)
    since = None if full else state.watermark
    archived = _archived_versions(ctx, src.name, tenant) if full and prev else set()
    lag = timedelta(seconds=ctx.config.crawl.lag_seconds)
    writer = StreamWriter(
        store=ctx.store,
        masked=ctx.masked,
        sealed=ctx.sealed,
        source=src.name,
        tenant=tenant,
        run_id=run_id,
        part_size_bytes=ctx.config.archive.part_size_bytes,
        part_rows=ctx.config.archive.part_rows,
    )
    observed: dict[str, dict[str, str]] = defaultdict(dict)
    committed_now: dict[str, dict[str, str]] = defaultdict(dict)
    counts: dict[str, int] = defaultdict(int)
    known: dict[str, tuple[str, ...]] = {}
    new_wm: datetime | None = None
    error: ArchiverError | None = None
    try:
        for rec in src.changes(tenant, since):
            if new_wm is None:
                t0 = src.crawl_started_at(tenant)
                new_wm = (t0 or utcnow()) - lag
            if rec.table == "users":
                known[rec.id] = known_values(src.type, rec.data)
            if since is not None and rec.changed_at < since:
                continue
            hid = ctx.pseudo.record_key(rec.table, rec.id)
            full_hash = ctx.pseudo.record_hash(rec.data)
            h = full_hash[:32]
            if rec.changed_at >= new_wm:
                observed[rec.table][hid] = h
            if state.seen.get(rec.table, {}).get(hid) == h:
                res.seen_again += 1
                continue
            if archived and (rec.table, _natural_id(ctx, src.type, rec), full_hash) in archived:
                res.seen_again += 1
                continue
            masked, sealed = build_rows(
                source=src.name,
                source_type=src.type,
                tenant=tenant,
                record=rec,
                record_hash=full_hash,
                pseudo=ctx.pseudo,
                known=known.get(rec.user_id or "", ()),
            )
            writer.add(rec.table, masked, sealed)
            committed_now[rec.table][hid] = h
            counts[rec.table] += 1
    except (SkippableError, RetriableError) as exc:
        error = exc
        log.warning("stream %s/%s stopped early: %s", src.name, tenant, exc)
    except FatalError as exc:
        res.error = str(exc)
        log.error("stream %s/%s failed: %s", src.name, tenant, exc)
        return res
    t_start = src.crawl_started_at(tenant)
    if new_wm is None and t_start is not None:
        new_wm = t_start - lag
    res.records = dict(counts)
    stats = getattr(src, "scan_stats", {})
    res.pages = sum(s.requests for k, s in stats.items() if k.startswith(f"{tenant}/"))
    if error is not None and new_wm is None and not counts:
        res.error = str(error)
        return res
    try:
        writer.flush()
    except ArchiverError as exc:
        res.error = str(exc)
        log.error("stream %s/%s: writing failed: %s", src.name, tenant, exc)
        return res

    if error is None and new_wm is not None:
        new_state = StreamState(watermark=new_wm, seen={t: dict(v) for t, v in observed.items()})
    else:
        merged = {t: dict(v) for t, v in state.seen.items()}
        for t, v in committed_now.items():
            merged.setdefault(t, {}).update(v)
        new_state = StreamState(watermark=state.watermark, seen=merged)

    seq = (prev.sequence + 1) if prev else 1
    doc: dict[str, Any] = {
        "format": mf.FORMAT,
        "format_version": mf.FORMAT_VERSION,
        "stream": {"source": src.name, "source_type": src.type, "tenant": tenant},
        "sequence": seq,
        "previous": (
            {"sequence": prev.sequence, "key": prev.key, "sha256": prev.sha256} if prev else None
        ),
        "run": {
            "id": run_id,
            "started_at": format_ts(started),
            "finished_at": format_ts(utcnow()),
            "status": "complete" if error is None else "partial",
            "full": full,
            "platform_started_at": format_ts(new_wm + lag) if new_wm else None,
            "requests": res.pages,
            "error": type(error).__name__ if error else None,
        },
        "program": {"name": "conversation-archiver", "version": __version__},
        "schema_version": SCHEMA_VERSION,
        "policy": ctx.policy_ref,
        "keyrings": {"masked": ctx.masked.describe(), "sealed": ctx.sealed.describe()},
        "state": new_state.to_manifest(),
        "counts": dict(counts),
        "objects": writer.objects,
    }
    raw = mf.sign(doc, ctx.signer)
    key = layout.manifest_key(src.name, tenant, seq)
    if not ctx.store.put_if_absent(key, raw):
        res.status = "conflict"
        res.error = str(
            ConflictError(
                f"stream {src.name}/{tenant}: manifest {seq} was committed by another run; "
                "this run's objects are orphans for gc"
            )
        )
        log.warning("%s", res.error)
        return res
    res.status = "complete" if error is None else "partial"
    res.error = str(error) if error else None
    res.sequence = seq
    res.objects = len(writer.objects)
    res.bytes = writer.bytes_written
    log.info("stream %s/%s committed manifest %d: %s", src.name, tenant, seq, dict(counts))
    return res
