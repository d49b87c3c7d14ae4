"""One run: every stream crawled from its committed state, written, and committed by manifest.

Streams run in parallel and independently: a failing stream is reported and the others go on.
A stream's objects become visible only through its manifest, written last with put-if-absent;
a run that dies before that leaves orphans, and the next run starts again from the same state.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import secrets
import threading
import time
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Literal, Protocol

import httpx
import pyarrow as pa
import pyarrow.parquet as pq

from archiver import logs
from archiver.archive import layout
from archiver.archive.catalog import (
    CommitConflict,
    CrawlFacts,
    Manifest,
    RunGuard,
    RunInfo,
    RunStatus,
    StreamId,
    checkpoint,
    commit_next,
    index_entry,
    latest,
)
from archiver.archive.lease import held
from archiver.archive.reader import ArchiveReader
from archiver.archive.tables import ID_COLUMN, schema_for
from archiver.archive.writer import RowBatch, StreamWriter
from archiver.context import Context
from archiver.crawl.readahead import ReadAhead
from archiver.crawl.state import (
    CommittedKeys,
    Seen,
    SeenMap,
    StreamState,
    add_version,
    merge_seen,
)
from archiver.crawl.workers import (
    Batch,
    LazyPool,
    Prepared,
    RowColumns,
    TableRows,
    ToLayOut,
    WorkerPool,
    WorkerSpec,
    arrow_pool,
    default_workers,
    fewer_collections,
    pack,
)
from archiver.errors import (
    ArchiverError,
    ConflictError,
    FatalError,
    RetriableError,
    SkippableError,
    Stopped,
)
from archiver.sources.base import Record, Source, StatefulSource, StateMark
from archiver.sources.http import Waits
from archiver.sources.registry import build_source
from archiver.timeutil import format_ts, utcnow
from archiver.transform.contacts import ContactIndex
from archiver.transform.mask import Ready, SubjectValues
from archiver.transform.pseudonym import Pseudonymizer, canonical_json

log = logging.getLogger(__name__)

#: What the hold keeps with a record: its canonical JSON (in-process) or the token its worker
#: keeps it under, and its version hash.
_Payload = tuple[str | int, str]

# A stream's outcome: a manifest committed ("complete", or "partial" after an early end), or
# none ("failed"; "conflict": another run committed the sequence; "stopped": asked to stop
# before anything was read).
StreamStatus = Literal["complete", "partial", "failed", "conflict", "stopped"]


@dataclass
class StreamResult:
    source: str
    tenant: str
    status: StreamStatus
    sequence: int | None = None
    records: dict[str, int] = field(default_factory=dict)
    seen_again: int = 0
    pages: int = 0
    objects: int = 0
    bytes: int = 0
    error: str | None = None
    duration_seconds: float = 0.0
    finished_at: datetime | None = None
    last_full: datetime | None = None  # the last complete --full run, as committed
    #: Manifests committed since the stream's newest checkpoint, after this run (None: unknown).
    checkpoint_age: int | None = None
    #: Small parts in partitions of more than one part, after the run (``ops.compact``).
    small_parts: int | None = None


@dataclass
class RunReport:
    run_id: str
    streams: list[StreamResult]
    requests: dict[str, int]
    http: dict[str, dict[str, int]] = field(default_factory=dict)  # source -> client counters
    stopped: bool = False
    duration_seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        from archiver.errors import EXIT_CONFLICT, EXIT_FAILURE, EXIT_OK, EXIT_PARTIAL

        statuses = {s.status for s in self.streams}
        if not statuses or statuses == {"complete"}:
            return EXIT_OK
        if "conflict" in statuses and statuses <= {"complete", "conflict"}:
            # Every stream is committed, some by another run that got there first.
            return EXIT_CONFLICT
        if statuses <= {"failed", "conflict"}:
            return EXIT_FAILURE
        return EXIT_PARTIAL


def new_run_id() -> str:
    return utcnow().strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(4)


class RunObserver(Protocol):
    """A live view of a run (progress display); called from the stream threads."""

    def run_started(self, run_id: str, streams: int) -> None: ...

    def stream_started(self, source: str, tenant: str) -> None: ...

    def stream_progress(
        self, source: str, tenant: str, records: Mapping[str, int], unchanged: int
    ) -> None: ...

    def stream_finished(self, result: StreamResult) -> None: ...

    def source_waiting(self, source: str, seconds: float, reason: str) -> None:
        """A request of ``source`` waits ``seconds`` (for its rate limit, or before a retry)."""
        ...


def shard_of(source: str, tenant: str, shards: int) -> int:
    """The shard (0 … shards-1) of a stream: a hash of its names, the same on every machine and
    Python version, so the pods of an indexed Job split the streams without talking."""
    digest = hashlib.sha256(f"{source}\x00{tenant}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % shards


def run_archive(
    ctx: Context,
    *,
    full: bool = False,
    sources: Sequence[str] = (),
    transport: httpx.BaseTransport | None = None,
    on_stream: Callable[[StreamResult], None] | None = None,
    run_id: str | None = None,
    shard: tuple[int, int] | None = None,
    stop: threading.Event | None = None,
    observer: RunObserver | None = None,
) -> RunReport:
    """Run every selected stream (only those of ``shard`` = (index, count) when given).

    Once ``stop`` is set, streams stop fetching, commit what they have as partial, and streams
    not yet started are skipped.
    """
    cfg = ctx.config
    selected = [cfg.source(n) for n in sources] if sources else list(cfg.sources)
    run_id = run_id or new_run_id()
    began = time.monotonic()
    built: list[tuple[Source, str]] = []
    opened: list[Source] = []
    # Erased subjects and holds, read once for the whole run.
    guard = RunGuard.load(ctx.store, ctx.verifier, ctx.locks)
    pool = LazyPool(
        lambda: WorkerSpec(ctx.masker.policy, ctx.pseudo, ctx.masker),
        # One per core unless configured: two workers beat one process in wall time in every
        # round measured on 2 cores, busy or quiet (bench/README.md, "Local pipeline").
        cfg.crawl.workers or default_workers(),
        cfg.crawl.workers_from_records,
    )
    collections = contextlib.ExitStack()
    try:
        collections.enter_context(fewer_collections())  # the forked workers' too
        arrow_pool()  # the forked workers' too
        pool.start_forked()  # before any thread of the run: else started when needed
        for sc in selected:
            waits = Waits(
                stop=stop,
                announce=functools.partial(observer.source_waiting, sc.name) if observer else None,
            )
            src = build_source(cfg, sc, transport=transport, waits=waits)
            opened.append(src)
            built.extend(
                (src, tenant)
                for tenant in src.tenants()
                if shard is None or shard_of(src.name, tenant, shard[1]) == shard[0]
            )
        results: list[StreamResult] = []
        lock = threading.Lock()
        where = f" (shard {shard[0]}/{shard[1]})" if shard else ""
        with logs.scope(run_id=run_id):
            logs.event(
                log,
                logging.INFO,
                "run.started",
                "run %s: %d stream(s)%s",
                run_id,
                len(built),
                where,
                streams=len(built),
                shard=f"{shard[0]}/{shard[1]}" if shard else None,
            )
        if observer:
            observer.run_started(run_id, len(built))

        def one(item: tuple[Source, str]) -> StreamResult:
            src, tenant = item
            started = time.monotonic()
            with logs.scope(run_id=run_id, stream=f"{src.name}/{tenant}"):
                if stop is not None and stop.is_set():
                    res = StreamResult(src.name, tenant, "stopped", error="not started: stopping")
                else:
                    if observer:
                        observer.stream_started(src.name, tenant)
                    with contextlib.ExitStack() as leases:
                        res = _run_stream(
                            ctx,
                            src,
                            tenant,
                            run_id=run_id,
                            full=full,
                            stop=stop,
                            observer=observer,
                            guard=guard,
                            leases=leases,
                            pool=pool,
                        )
            res.duration_seconds = time.monotonic() - started
            res.finished_at = utcnow()
            with lock:
                results.append(res)
            if observer:
                observer.stream_finished(res)
            if on_stream:
                on_stream(res)
            return res

        workers = max(1, min(cfg.crawl.streams_in_parallel, len(built) or 1))
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="stream") as threads:
            list(threads.map(one, built))
        results.sort(key=lambda r: (r.source, r.tenant))
        report = RunReport(
            run_id,
            results,
            {s.name: s.request_count() for s in opened},
            http={s.name: s.http_stats() for s in opened},
            stopped=stop is not None and stop.is_set(),
            duration_seconds=time.monotonic() - began,
        )
        with logs.scope(run_id=run_id):
            logs.event(
                log,
                logging.INFO,
                "run.finished",
                "run %s finished with exit code %d",
                run_id,
                report.exit_code,
                exit_code=report.exit_code,
                streams=dict(Counter(s.status for s in results)),
                requests=report.requests,
            )
        return report
    finally:
        pool.close()
        for s in opened:
            s.close()
        collections.close()


def _archived_versions(ctx: Context, source: str, tenant: str) -> set[tuple[str, str, str]]:
    """Every (table, id, version hash) committed for a stream: what --full reconciles against."""
    out: set[tuple[str, str, str]] = set()
    reader = ArchiveReader(ctx.store, verifier=ctx.verifier, masked=ctx.masked, sealed=None)
    for entry in reader.catalog.chain(source, tenant, from_checkpoint=True).live_entries():
        if entry.sealed:
            continue
        tbl = pq.read_table(
            reader.open_object(entry), columns=[ID_COLUMN[entry.table], "record_hash"]
        )
        for rid, h in zip(tbl.column(0).to_pylist(), tbl.column(1).to_pylist(), strict=True):
            out.add((entry.table, rid, h))
    return out


def _natural_id(ctx: Context, source_type: str, rec: Record) -> str:
    if rec.table == "users":
        return ctx.pseudo.subject_id(source_type, rec.id)
    return rec.id


def _subject_of(ctx: Context, src: Source, rec: Record) -> str | None:
    uid = rec.user_id or (rec.id if rec.table == "users" else None)
    return ctx.pseudo.subject_id(src.type, uid) if uid else None


def _failed(src: Source, tenant: str, what: str, exc: ArchiverError) -> None:
    logs.event(
        log,
        logging.ERROR,
        "stream.failed",
        "stream %s/%s %s: %s",
        src.name,
        tenant,
        what,
        exc,
        error_type=type(exc).__name__,
    )


@dataclass
class _Crawl:
    """One stream's crawl in progress: where it started, what it read, wrote and learnt."""

    ctx: Context
    src: Source
    tenant: str
    res: StreamResult
    prev: Manifest | None
    state: StreamState
    since: datetime | None  # None: read everything (a reconciliation)
    archived: set[tuple[str, str, str]]  # --full: versions already committed
    lag: timedelta
    writer: StreamWriter
    observed: SeenMap = field(default_factory=lambda: defaultdict(dict))
    source_state: dict[str, Any] = field(default_factory=dict)  # the last mark consumed
    committed_now: CommittedKeys = field(default_factory=CommittedKeys)
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    new_wm: datetime | None = None
    contacts: dict[str, list[str]] | None = None  # keyed contact -> subject ids learnt
    pool: LazyPool | None = None  # worker processes, when the run has them
    feed: _Feed | None = None  # set once this stream hands its records to the workers
    local: _Local = field(init=False)  # rows laid out here (before the workers, or without)
    # Values known per person and conversation; records wait here until masked with them.
    known: SubjectValues[_Payload] = field(init=False)

    def __post_init__(self) -> None:
        self.local = _Local(self)
        # With workers, learning takes the names a worker found in a record's text
        # (``_consider``); any other text is scanned here, as without workers.
        self.known = self.ctx.masker.subject_values()

    @property
    def name(self) -> str:
        return f"{self.src.name}/{self.tenant}"


def _run_stream(
    ctx: Context,
    src: Source,
    tenant: str,
    *,
    run_id: str,
    full: bool,
    stop: threading.Event | None = None,
    observer: RunObserver | None = None,
    guard: RunGuard | None = None,
    leases: contextlib.ExitStack | None = None,
    pool: LazyPool | None = None,
) -> StreamResult:
    """Extract (read the source from the committed state), transform (dedup, mask, write
    objects), commit (the next manifest): each step below is one of these."""
    res = StreamResult(source=src.name, tenant=tenant, status="failed")
    started = utcnow()
    try:
        prev = _claim(ctx, src, tenant, run_id, leases)
    except ConflictError as exc:
        res.status, res.error = "conflict", str(exc)
        logs.event(log, logging.WARNING, "stream.conflict", "%s", res.error)
        return res
    except ArchiverError as exc:
        res.error = str(exc)
        _failed(src, tenant, "cannot read its latest manifest or take its lease", exc)
        return res
    crawl = _start(ctx, src, tenant, run_id, full, prev, res, pool)
    try:
        return _crawl_and_commit(crawl, run_id, full, started, stop, observer, guard)
    finally:
        if crawl.feed is not None:
            crawl.feed.close()
        crawl.writer.close()  # a failed run leaves no part being written behind it


def _crawl_and_commit(
    crawl: _Crawl,
    run_id: str,
    full: bool,
    started: datetime,
    stop: threading.Event | None,
    observer: RunObserver | None,
    guard: RunGuard | None,
) -> StreamResult:
    res, src, tenant = crawl.res, crawl.src, crawl.tenant
    try:
        error = _extract(crawl, stop, observer, guard)
    except FatalError as exc:
        res.error = str(exc)
        _failed(src, tenant, "failed", exc)
        return res
    _read_stats(crawl)
    if error is not None and crawl.new_wm is None and not crawl.counts:
        return _nothing_read(crawl, error)
    try:
        _emit(crawl, crawl.known.drain())  # every record read is written before the commit
        crawl.local.finish()
        if crawl.feed is not None:
            crawl.feed.finish()
        crawl.writer.flush()
        if guard is not None:
            guard.protect(crawl.writer.objects)
    except ArchiverError as exc:
        res.error = str(exc)
        _failed(src, tenant, "writing failed", exc)
        return res
    return _commit(crawl, run_id, full, started, error)


def _claim(
    ctx: Context, src: Source, tenant: str, run_id: str, leases: contextlib.ExitStack | None
) -> Manifest | None:
    """The stream's head, and its commit lease for the next sequence: before crawling, so a
    second run stops here, in seconds, not after a whole crawl."""
    prev = latest(ctx.store, src.name, tenant, ctx.verifier)
    if leases is not None:
        seq = (prev.sequence + 1) if prev else 1
        leases.enter_context(
            held(
                ctx.store,
                src.name,
                tenant,
                seq,
                run_id=run_id,
                seconds=ctx.config.crawl.lease_seconds,
            )
        )
        if ctx.store.head(layout.manifest_key(src.name, tenant, seq)) is not None:
            raise ConflictError(
                f"stream {src.name}/{tenant}: manifest {seq} was committed by another run "
                "meanwhile; this run stops without crawling it"
            )
    return prev


def _start(
    ctx: Context,
    src: Source,
    tenant: str,
    run_id: str,
    full: bool,
    prev: Manifest | None,
    res: StreamResult,
    pool: LazyPool | None = None,
) -> _Crawl:
    """The crawl's starting point: the committed state, and a writer for its objects."""
    state = StreamState.from_manifest(prev.state if prev else None)
    if isinstance(src, StatefulSource):
        src.load_state(tenant, state.source)
    writer = StreamWriter(
        store=ctx.store,
        masked=ctx.masked,
        sealed=ctx.sealed,
        source=src.name,
        tenant=tenant,
        run_id=run_id,
        part_size_bytes=ctx.config.archive.part_size_bytes,
        part_rows=ctx.config.archive.part_rows,
        session_index=functools.partial(session_index, ctx.pseudo),
    )
    return _Crawl(
        ctx=ctx,
        src=src,
        tenant=tenant,
        res=res,
        prev=prev,
        state=state,
        since=None if full else state.watermark,
        archived=_archived_versions(ctx, src.name, tenant) if full and prev else set(),
        lag=timedelta(seconds=ctx.config.crawl.lag_seconds),
        writer=writer,
        source_state=dict(state.source),  # as loaded until a mark comes
        pool=pool,
    )


def _extract(
    crawl: _Crawl,
    stop: threading.Event | None,
    observer: RunObserver | None,
    guard: RunGuard | None,
) -> ArchiverError | None:
    """Read the source's changes since the watermark and hand each record to the transform;
    a skippable or retriable error ends the read early and is returned (what was read is
    still committed, as partial)."""
    ctx, src, tenant = crawl.ctx, crawl.src, crawl.tenant
    contacts = ContactIndex(ctx.masker.policy, ctx.pseudo)  # find people by e-mail / phone
    # Every source is read ahead: a stateful one's state comes with the records it describes.
    ahead = ReadAhead(src.changes(tenant, crawl.since), name=f"read-ahead {crawl.name}")
    pool = crawl.pool if crawl.pool is not None and crawl.pool.enabled else None
    read = 0
    try:
        try:
            for rec in ahead:
                if isinstance(rec, StateMark):
                    crawl.source_state = rec.state
                    continue
                if observer:
                    observer.stream_progress(src.name, tenant, crawl.counts, crawl.res.seen_again)
                if stop is not None and stop.is_set():
                    # What was read ahead is still archived, and the state committed is the
                    # last mark among it.
                    ahead.stop()
                if crawl.new_wm is None:
                    t0 = src.crawl_started_at(tenant)
                    crawl.new_wm = (t0 or utcnow()) - crawl.lag
                if crawl.feed is None and pool is not None and read >= pool.from_records:
                    ready = pool.poll()  # in-process until the workers are up
                    if ready is not None:
                        crawl.local.finish()  # what it released so far goes first
                        crawl.feed = _Feed(crawl, ready, contacts, guard)
                read += 1
                if crawl.feed is not None:
                    crawl.feed.add(rec)  # through the workers, in this order
                else:
                    _consider(crawl, rec, None, contacts, guard)
            if crawl.feed is not None:
                crawl.feed.settle()
            if ahead.stopped:
                raise Stopped(f"stream {crawl.name}: stopped on request")
        except (SkippableError, RetriableError) as exc:
            if crawl.feed is not None:
                crawl.feed.settle()  # what was read before the error is archived, as in-process
            return exc  # reported with the stream's outcome
    finally:
        ahead.close()  # the source is left alone from here on
        crawl.contacts = contacts.manifest_field().get("contacts")
    return None


def _consider(
    crawl: _Crawl,
    rec: Record,
    prep: Prepared | None,
    contacts: ContactIndex,
    guard: RunGuard | None,
    token: int = -1,
) -> bool:
    """One record read: learn from it, then transform it unless it is older than the
    watermark or its person was erased. ``prep``: what a worker already computed for it,
    which keeps the record as ``token``. False: the record is not archived."""
    ctx, src, known = crawl.ctx, crawl.src, crawl.known
    known.learn(src.type, rec, prep[2] if prep is not None else None)  # a worker's names
    if crawl.since is not None and rec.changed_at < crawl.since and not rec.unread:
        return False
    if guard is not None and guard.suppressed and guard.skips(_subject_of(ctx, src, rec)):
        return False  # erased (Art. 17): never archived again
    return _transform(crawl, rec, known, contacts, prep, token)


def _transform(
    crawl: _Crawl,
    rec: Record,
    known: SubjectValues[_Payload],
    contacts: ContactIndex,
    prep: Prepared | None = None,
    token: int = -1,
) -> bool:
    """One record: skip a version already committed, else hold it until its conversation
    has told what it will (``known.hold``), then mask it and write both copies. False: a
    version already committed."""
    ctx, src = crawl.ctx, crawl.src
    payload: _Payload
    if prep is None:
        hid = ctx.pseudo.record_key(rec.table, rec.id)
        canon = canonical_json(rec.data)
        full_hash = ctx.pseudo.record_hash_of(canon)
        payload = (canon, full_hash)
    else:
        hid, full_hash, _ = prep
        payload = (token, full_hash)
    h, when = full_hash[:32], rec.changed_at
    assert crawl.new_wm is not None
    if when >= crawl.new_wm:
        add_version(crawl.observed, rec.table, hid, Seen(h, when))
    if crawl.state.is_seen(rec.table, hid, h):
        crawl.res.seen_again += 1
        return False
    if crawl.archived and (rec.table, _natural_id(ctx, src.type, rec), full_hash) in crawl.archived:
        crawl.res.seen_again += 1
        return False
    ready = known.hold(rec, payload)
    if ready:  # most records wait in the hold: nothing to hand on
        _emit(crawl, ready)
    if contacts.wants(src.type, rec.table):  # else no subject id to compute
        contacts.learn(src.type, rec, _subject_of(ctx, src, rec))
    crawl.committed_now.add(rec.table, hid, h, when)
    crawl.counts[rec.table] += 1
    return True


def _emit(crawl: _Crawl, ready: Ready[_Payload]) -> None:
    """Rows of records whose conversation has told what it will, masked and sealed."""
    if crawl.feed is not None:
        crawl.feed.release(ready)
        return
    crawl.local.release(ready)


class _Local:
    """The rows of a stream without workers: released records are laid out in chunks, by
    the code a worker's ``lay_out`` runs, and handed to the writer as Arrow batches, runs of
    one table in release order (the writer cuts parts at the rows it would cut one by one)."""

    CHUNK = 512

    def __init__(self, crawl: _Crawl) -> None:
        self.crawl = crawl
        self.items: Ready[_Payload] = []

    def release(self, ready: Ready[_Payload]) -> None:
        self.items.extend(ready)
        if len(self.items) >= self.CHUNK:
            self.finish()

    def finish(self) -> None:
        """Everything released so far handed to the writer."""
        items, self.items = self.items, []
        if not items:
            return
        crawl = self.crawl
        ctx, src = crawl.ctx, crawl.src
        names = (src.name, src.type, crawl.tenant)
        tables: dict[str, RowColumns] = {}
        for r, (canonical, version), k in items:
            assert isinstance(canonical, str)  # in-process: the record's canonical JSON
            cols = tables.get(r.table)
            if cols is None:
                cols = tables[r.table] = RowColumns(r.table)
            cols.add(ctx.pseudo, ctx.masker, names, r, canonical, version, k)
        batches = {t: c.batch() for t, c in tables.items()}
        crawl.writer.add_released([r.table for r, _, _ in items], batches)


def session_index(pseudo: Pseudonymizer, session_id: str) -> str:
    """A session's entry in an object's session index."""
    return index_entry(pseudo.record_key("sessions", session_id))


def _route(rec: Record) -> str:
    """The lane key: a conversation's records go to one worker (its text scans are cached there)."""
    return rec.session_id or rec.user_id or rec.id


class _Feed:
    """A stream's records through the worker processes, in the order they were read.

    Records go out in chunks to ``prepare`` (each to its conversation's worker, which keeps
    it); their results come back in order and go through learning, dedup and the hold here,
    exactly as without workers; what the hold releases goes out in chunks to ``lay_out`` as
    tokens with their known values, and the rows come back as Arrow batches, put back in
    release order for the writer. Records not archived are dropped from their worker. At most
    ``2 × lanes`` chunks are in flight at each stage: memory stays bounded.
    """

    CHUNK = 512

    def __init__(
        self, crawl: _Crawl, pool: WorkerPool, contacts: ContactIndex, guard: RunGuard | None
    ) -> None:
        self.crawl, self.pool, self.contacts, self.guard = crawl, pool, contacts, guard
        self.limit = 2 * len(pool.lanes)
        self.stream = pool.stream()
        self.tokens = 0
        self.read: list[Record] = []
        self.prepared: deque[tuple[list[Record], list[int], Batch]] = deque()
        self.released: Ready[_Payload] = []
        self.laid_out: deque[tuple[Ready[_Payload], list[int], dict[int, Future[Any]]]] = deque()
        self.drop: dict[int, list[int]] = defaultdict(list)  # lane -> tokens not archived

    def add(self, rec: Record) -> None:
        self.read.append(rec)
        if len(self.read) >= self.CHUNK:
            self._prepare()

    def _prepare(self) -> None:
        recs, self.read = self.read, []
        lanes = self.pool.lanes
        n, lane_of = len(lanes), self.pool.lane
        # A token is a record's number in the stream times the lanes, plus its lane: unique,
        # and the lane it was sent to is ``token % n`` (no second hash of its route).
        first = self.tokens * n
        self.tokens += len(recs)
        tokens = [first + i * n + lane_of(_route(r)) for i, r in enumerate(recs)]
        parts: dict[int, tuple[list[int], list[Record], list[int]]] = {}
        for i, token in enumerate(tokens):
            mine = parts.get(token % n)
            if mine is None:
                mine = parts[token % n] = ([], [], [])
            mine[0].append(token)
            mine[1].append(recs[i])
            mine[2].append(i)
        batch = Batch(
            len(recs),
            [
                (lanes[lane].submit("prepare", self.stream, t, pack(r)), positions)
                for lane, (t, r, positions) in sorted(parts.items())
            ],
        )
        self.prepared.append((recs, tokens, batch))
        while len(self.prepared) > self.limit:
            self._consider_oldest()

    def _consider_oldest(self) -> None:
        recs, tokens, batch = self.prepared.popleft()
        n = len(self.pool.lanes)
        for rec, token, prep in zip(recs, tokens, batch.result(), strict=True):
            if not _consider(self.crawl, rec, prep, self.contacts, self.guard, token):
                lane = token % n
                self.drop[lane].append(token)
                if len(self.drop[lane]) >= self.CHUNK:  # the worker lets them go now
                    self.pool.lanes[lane].submit("drop", self.stream, self.drop.pop(lane))

    def settle(self) -> None:
        """Every record read so far learnt, deduplicated and held (or released)."""
        if self.read:
            self._prepare()
        while self.prepared:
            self._consider_oldest()

    def release(self, ready: Ready[_Payload]) -> None:
        self.released.extend(ready)
        while len(self.released) >= self.CHUNK:
            self._lay_out(self.CHUNK)

    def _lay_out(self, n: int) -> None:
        items, self.released = self.released[:n], self.released[n:]
        src = self.crawl.src
        names = (src.name, src.type, self.crawl.tenant)
        k, lane_of = len(self.pool.lanes), self.pool.lane
        # A token names its lane; a record held before the workers started goes along with
        # its canonical JSON, to its conversation's lane.
        lanes = [
            kept % k if isinstance(kept, int) else lane_of(_route(r)) for r, (kept, _), _ in items
        ]
        parts: dict[int, list[ToLayOut]] = defaultdict(list)
        for (rec, (kept, version), known), lane in zip(items, lanes, strict=True):
            parts[lane].append((kept if isinstance(kept, int) else (rec, kept), version, known))
        futures = {
            lane: self.pool.lanes[lane].submit(
                "lay_out", self.stream, names, mine, self.drop.pop(lane, [])
            )
            for lane, mine in sorted(parts.items())
        }
        self.laid_out.append((items, lanes, futures))
        while len(self.laid_out) > self.limit:
            self._write_oldest()

    def _write_oldest(self) -> None:
        items, lanes, futures = self.laid_out.popleft()
        got: dict[int, dict[str, TableRows]] = {}
        for lane, future in futures.items():
            got[lane] = future.result()
        tables = [r.table for r, _, _ in items]
        ordered = {t: _in_release_order(t, tables, lanes, got) for t in set(tables)}
        self.crawl.writer.add_released(tables, ordered)

    def finish(self) -> None:
        """Everything read, released and laid out, handed to the writer in order."""
        self.settle()
        if self.released:
            self._lay_out(len(self.released))
        while self.laid_out:
            self._write_oldest()

    def close(self) -> None:
        """What the workers still keep of this stream let go (after a failure too)."""
        self.pool.forget(self.stream)


#: Rows per run of one lane's consecutive rows from which a chunk is put in release order by
#: zero-copy slices rather than Arrow's ``take``: ``take`` copies every value (0.9 µs a
#: message of the run's CPU on the pipeline bench), while the writer's buffer copies the
#: slices once anyway when it seals a batch; below this, slicing costs more than it saves.
_RUN_ROWS = 8


def _runs(order: list[int]) -> list[tuple[int, int]]:
    """``order`` as runs of consecutive indexes: (first, length) of each."""
    runs: list[tuple[int, int]] = []
    start = prev = order[0]
    for i in order[1:]:
        if i != prev + 1:
            runs.append((start, prev + 1 - start))
            start = i
        prev = i
    runs.append((start, prev + 1 - start))
    return runs


def _in_runs(data: pa.Table, runs: list[tuple[int, int]]) -> pa.Table:
    """The rows of ``runs`` in that order, as slices of ``data`` (no copy)."""
    return pa.Table.from_batches(
        [b for lo, k in runs for b in data.slice(lo, k).to_batches()], schema=data.schema
    )


def _in_release_order(
    table: str, tables: list[str], lanes: list[int], got: dict[int, dict[str, TableRows]]
) -> RowBatch:
    """One table's rows of a chunk, from the lanes that laid them out, in release order."""
    parts = [(lane, got[lane][table]) for lane in sorted(got) if table in got[lane]]
    offsets: dict[int, int] = {}
    n = 0
    for lane, rows in parts:
        offsets[lane] = n
        n += len(rows[2])

    def read(sealed: bool) -> pa.Table:
        schema = schema_for(table, sealed)
        batches = [pa.ipc.read_record_batch(pa.py_buffer(r[int(sealed)]), schema) for _, r in parts]
        return pa.Table.from_batches(batches, schema=schema)

    masked, sealed = read(False), read(True)
    sessions = [s for _, rows in parts for s in rows[2]]
    masked_sizes = [s for _, rows in parts for s in rows[3]]
    sealed_sizes = [s for _, rows in parts for s in rows[4]]
    if len(parts) > 1:
        seen = dict.fromkeys(offsets, 0)
        order: list[int] = []
        for t, lane in zip(tables, lanes, strict=True):
            if t == table:
                order.append(offsets[lane] + seen[lane])
                seen[lane] += 1
        if order != list(range(n)):
            runs = _runs(order)
            if len(runs) * _RUN_ROWS <= n:  # a conversation's rows mostly follow each other
                masked, sealed = _in_runs(masked, runs), _in_runs(sealed, runs)
            else:
                take = pa.array(order, pa.int32())
                masked, sealed = masked.take(take), sealed.take(take)
            sessions = [sessions[i] for i in order]
            masked_sizes = [masked_sizes[i] for i in order]
            sealed_sizes = [sealed_sizes[i] for i in order]
    return RowBatch(masked, sealed, sessions, masked_sizes, sealed_sizes)


def _read_stats(crawl: _Crawl) -> None:
    t_start = crawl.src.crawl_started_at(crawl.tenant)
    if crawl.new_wm is None and t_start is not None:
        crawl.new_wm = t_start - crawl.lag
    crawl.res.records = dict(crawl.counts)
    crawl.res.pages = sum(s.requests for s in crawl.src.scan_stats(crawl.tenant).values())


def _nothing_read(crawl: _Crawl, error: ArchiverError) -> StreamResult:
    res = crawl.res
    res.error = str(error)
    res.status = "stopped" if isinstance(error, Stopped) else "failed"
    logs.event(
        log,
        logging.INFO if isinstance(error, Stopped) else logging.ERROR,
        f"stream.{res.status}",
        "stream %s/%s %s before reading anything, nothing to commit: %s",
        crawl.src.name,
        crawl.tenant,
        res.status,
        error,
        error_type=type(error).__name__,
    )
    return res


def _next_state(crawl: _Crawl, started: datetime, error: ArchiverError | None) -> StreamState:
    """The state the manifest commits: a complete run moves the watermark; one that stopped
    early keeps it and remembers every version it committed, for the next run to skip."""
    state = crawl.state
    if error is None and crawl.new_wm is not None:
        # What this run observed, and what earlier runs committed that is still in the
        # overlap even if this run's source did not list it again.
        seen = state.carried_over(crawl.new_wm)
        merge_seen(seen, crawl.observed)
        new_state = StreamState(
            watermark=crawl.new_wm,
            seen=seen,
            # A crawl from no watermark read everything: it is a reconciliation.
            last_full=(
                started.replace(microsecond=started.microsecond // 1000 * 1000)
                if crawl.since is None
                else state.last_full
            ),
        )
    else:
        merged = {t: dict(v) for t, v in state.seen.items()}
        crawl.committed_now.merge_into(merged)
        new_state = StreamState(watermark=state.watermark, seen=merged, last_full=state.last_full)
    crawl.committed_now.close()
    # The source's state as of the last record consumed, also after a crawl that stopped early.
    new_state.source = crawl.source_state if isinstance(crawl.src, StatefulSource) else state.source
    return new_state


def _checkpoint(ctx: Context, head: Manifest, res: StreamResult) -> None:
    """After a commit, still under the stream's lease: a checkpoint once
    ``archive.checkpoint_every`` manifests were committed since the newest. It is a cache, so
    failing here fails nothing: the next run writes it."""
    every = ctx.config.archive.checkpoint_every
    try:
        newest = checkpoint.newest_sequence(ctx.store, head.source, head.tenant)
        res.checkpoint_age = max(0, head.sequence - newest)
        if every > 0 and head.sequence - newest >= every:
            checkpoint.write_checkpoint(
                ctx.store, head.stream, ctx.provenance.signer, verifier=ctx.verifier
            )
            newest = checkpoint.newest_sequence(ctx.store, head.source, head.tenant)
            res.checkpoint_age = max(0, head.sequence - newest)
    except ArchiverError as exc:
        logs.event(
            log,
            logging.WARNING,
            "checkpoint.failed",
            "stream %s/%s: no checkpoint written (%s); the next run writes it",
            head.source,
            head.tenant,
            exc,
            error_type=type(exc).__name__,
        )


def _commit(
    crawl: _Crawl, run_id: str, full: bool, started: datetime, error: ArchiverError | None
) -> StreamResult:
    """Commit the next manifest: the objects written, the new state; then report."""
    res, src, tenant = crawl.res, crawl.src, crawl.tenant
    new_state = _next_state(crawl, started, error)
    status: RunStatus = "complete" if error is None else "partial"
    run = RunInfo(
        id=run_id,
        started_at=format_ts(started),
        finished_at=format_ts(utcnow()),
        status=status,
        full=full,
        crawl=CrawlFacts(
            platform_started_at=format_ts(crawl.new_wm + crawl.lag) if crawl.new_wm else None,
            requests=res.pages,
            error=type(error).__name__ if error else None,
        ),
    )
    try:
        committed = commit_next(
            crawl.ctx.store,
            crawl.ctx.provenance,
            previous=crawl.prev,
            stream=StreamId(src.name, src.type, tenant),
            run=run,
            objects=crawl.writer.objects,
            state=new_state.to_manifest(),
            counts=dict(crawl.counts),
            contacts=crawl.contacts,
        )
    except CommitConflict as exc:
        res.status = "conflict"
        res.error = f"{exc}; this run's objects are orphans for gc"
        logs.event(log, logging.WARNING, "stream.conflict", "%s", res.error, sequence=exc.sequence)
        return res
    res.status = status
    res.error = str(error) if error else None
    res.sequence = committed.sequence
    _checkpoint(crawl.ctx, committed, res)
    res.last_full = new_state.last_full
    res.objects = len(crawl.writer.objects)
    res.bytes = crawl.writer.bytes_written
    logs.event(
        log,
        logging.WARNING if error and not isinstance(error, Stopped) else logging.INFO,
        "stream.committed",
        "stream %s/%s committed manifest %d (%s): %s%s",
        src.name,
        tenant,
        committed.sequence,
        res.status,
        dict(crawl.counts),
        f"; stopped early: {error}" if error else "",
        status=res.status,
        error_type=type(error).__name__ if error else None,
        sequence=committed.sequence,
        manifest_sha256=committed.sha256,
        records=dict(crawl.counts),
        unchanged=res.seen_again,
        requests=res.pages,
        objects=res.objects,
        bytes=res.bytes,
    )
    return res
