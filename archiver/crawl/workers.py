"""The transform on every core: worker processes that hash, mask and lay out rows.

One Python process masks, hashes and encodes on one core whatever the machine has (the GIL).
With ``crawl.workers`` above 1, a run starts that many worker processes once a stream has
read ``crawl.workers_from_records`` records, and its streams hand them the pure work:

1. ``prepare``: each record's keyed id, version hash, and the names its text reveals (the
   detector scan that learning needs). The worker keeps the record and its canonical JSON;
2. ``lay_out``: the masked and sealed rows of the records the stream's hold released, built
   from what the worker kept, returned as Arrow record batches with each row's session index
   entry and size. Records the stream did not archive (seen before, erased) are dropped there.

A record crosses to a worker once, and its rows come back as Arrow data: the run's process
does not build them again. Everything that carries state stays in the stream's own thread,
in the order records were read: what a person's and a conversation's records taught
(``SubjectValues``), which records are held back and with which known values they leave, what
was seen before, and the writer that cuts parts. Workers get each record's known values with
its ``lay_out``, so a conversation's masking never depends on which worker ran it, and rows
reach the writer in the order one process would have written them: the same input gives the
same rows, hashes, parts and manifests with 1 or N workers.

A conversation's records (by session, else by person) always go to the same worker: the scan
``prepare`` does for learning is then in that worker's cache when ``lay_out`` masks the text,
and the records it kept are there.

A run whose process has one thread when it starts forks its workers from itself then
(``LazyPool.start_forked``): milliseconds, and they share what the run already loaded.
Otherwise they are forked from a fork server that imported the masking once (``forkserver``
where the platform has it, else spawned): starting N workers costs one import, not N. Each talks to
the run over a pipe of its own; the pseudonym key travels once, in the start-up arguments, and
is never logged (``WorkerSpec`` leaves it out of its repr). An exception in a worker is raised
again in the stream with its own class, as it would be in-process; a worker that dies (killed,
out of memory) ends the stream as a fatal error. A worker exits as soon as its pipe to the run
closes, so a killed run leaves no process behind.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import importlib
import math
import multiprocessing
import operator
import os
import pickle
import queue
import resource
import signal
import socket
import sys
import threading
import types
import zlib
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyarrow as pa

from archiver.archive.catalog import index_entry
from archiver.archive.tables import arrow_sizes, row_values, schema_for
from archiver.archive.writer import RowBatch
from archiver.errors import FatalError
from archiver.sources.base import Record
from archiver.transform.detectors import KnownValues
from archiver.transform.mask import Masker
from archiver.transform.policy import Policy
from archiver.transform.pseudonym import Pseudonymizer, canonical_json
from archiver.transform.rows import (
    MESSAGE_MASKED_COLUMNS,
    MESSAGE_SEALED_COLUMNS,
    message_values,
    other_rows,
)

#: (keyed id, version hash, names its text reveals or None)
Prepared = tuple[str, str, tuple[str, ...] | None]
#: A released record as its worker lays it out: (the token it keeps the record under, or the
#: record and its canonical JSON when the stream read it before the workers started; version
#: hash; known values)
ToLayOut = tuple[int | tuple[Record, str], str, KnownValues | None]
#: One table's rows of a ``lay_out``: (masked batch, sealed batch, session index entries,
#: masked sizes, sealed sizes), the batches as Arrow IPC bytes.
TableRows = tuple[bytes, bytes, list[str | None], list[int], list[int]]

#: How long a worker may take to notice that the run that started it is gone, in seconds
#: (it notices at once: its pipe to the run closes; this bounds the exit of a busy one).
PARENT_CHECK_SECONDS = 0.5


def default_workers(cgroup: Path = Path("/sys/fs/cgroup")) -> int:
    """The cores this process may use: its CPU affinity (a container's cpuset), no more than
    its CPU quota allows (a container's CPU limit, cgroup v2 ``cpu.max`` or v1
    ``cpu.cfs_quota_us``), rounded up."""
    try:
        cores = max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        cores = max(1, os.cpu_count() or 1)
    quota = _cpu_quota(cgroup)
    return max(1, min(cores, math.ceil(quota))) if quota else cores


def _cpu_quota(cgroup: Path) -> float | None:
    """Cores' worth of CPU time the cgroup grants (None: no limit, or nothing readable)."""
    try:
        text = (cgroup / "cpu.max").read_text().split()
        quota, period = text[0], text[1]
    except (OSError, IndexError):
        try:
            quota = (cgroup / "cpu" / "cpu.cfs_quota_us").read_text().strip()
            period = (cgroup / "cpu" / "cpu.cfs_period_us").read_text().strip()
        except OSError:
            return None
    try:
        q, p = float(quota), float(period)
    except ValueError:  # "max": no limit
        return None
    return q / p if q > 0 and p > 0 else None


@dataclass(frozen=True)
class WorkerSpec:
    """What a worker needs to mask and hash as the run does: the run's policy, and the
    pseudonym key (left out of ``repr``, so no log or traceback shows it).

    ``masker``: the run's own, already built (a third of a second of CPU: the name finder's
    tables, the detectors' patterns). Workers forked from the run use it as the fork left it,
    shared page by page, instead of each building another. It is never sent: workers of a
    fork server or spawned ones build theirs from the policy on their first record."""

    policy: Policy
    pseudo: Pseudonymizer = field(repr=False)
    masker: Masker | None = field(default=None, repr=False, compare=False)


#: A record as it travels to a worker: its fields in order (a dataclass pickles as its class
#: and a dict of its fields, which costs the run twice the time for each record it sends).
PackedRecord = tuple[Any, ...]
_FIELDS = operator.attrgetter(*(f.name for f in dataclasses.fields(Record)))


# A message's rows come as values in the order ``rows`` writes them: that order must be the
# schema's (both layers meet here), or every message would land in the wrong columns.
_MESSAGE_SCHEMAS = (
    tuple(schema_for("messages", False).names),
    tuple(schema_for("messages", True).names),
)
if _MESSAGE_SCHEMAS != (MESSAGE_MASKED_COLUMNS, MESSAGE_SEALED_COLUMNS):  # pragma: no cover
    raise ImportError("transform.rows orders a message's columns unlike the messages schema")

_NAMES = tuple(f.name for f in dataclasses.fields(Record))
_new = object.__new__


def pack(records: Sequence[Record]) -> list[PackedRecord]:
    """``records`` as they travel to ``prepare`` (``unpack`` makes each the record again)."""
    return [_FIELDS(r) for r in records]


def unpack(fields: PackedRecord) -> Record:
    """The record ``pack`` packed: ``Record(*fields)``, equal field by field, without the
    frozen dataclass's ``__init__`` (which sets each of its twelve fields through
    ``object.__setattr__``: 1.7 µs a record against 1.1 µs, in every worker's ``prepare``).
    ``pack`` gives every field, so no default is needed."""
    rec: Record = _new(Record)
    rec.__dict__.update(zip(_NAMES, fields, strict=True))
    return rec


def learned_text(record: Record) -> str | None:
    """The text of a message that learning scans for names (as ``SubjectValues.learn``)."""
    if record.table != "messages":
        return None
    text = record.text if record.text is not None else record.data.get("text")
    return text if isinstance(text, str) and text else None


#: The cyclic garbage collector's first threshold while a run archives (CPython's default:
#: 700 new container objects). Records stay alive for a while (in the hold, in chunks on their
#: way): at 700 the collector ran about 400 times per 30,000 messages, and its passes over the
#: older generations, each over every record held, took 14 % of a one-process run's CPU.
#: Garbage in cycles waits for 10,000 new objects instead (a few MiB at most).
GC_YOUNG = 10_000

_GC_LOCK = threading.Lock()
_gc_runs = 0
_gc_before: tuple[int, int, int] = (700, 10, 10)


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """The collector's first threshold at least ``GC_YOUNG`` while inside (runs may overlap in
    one process: the first in saves the thresholds, the last out puts them back)."""
    global _gc_runs, _gc_before
    with _GC_LOCK:
        if _gc_runs == 0:
            _gc_before = gc.get_threshold()
            gc.set_threshold(max(_gc_before[0], GC_YOUNG), _gc_before[1], _gc_before[2])
        _gc_runs += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _gc_runs -= 1
            if _gc_runs == 0:
                gc.set_threshold(*_gc_before)


#: Arrow's allocator for a run's buffers. Arrow's default (mimalloc in the Linux wheels) hands
#: memory back to the system and takes it again between one part and the next: in a run of
#: 30,000 messages about a fifth of the CPU was the kernel's (0.43-0.57 s of 2.7-3.3 s, most of
#: it while Parquet parts were written), against 0.20 s with jemalloc, which keeps freed pages a
#: while. Only where memory comes from: the same bytes are written.
ARROW_POOL = "jemalloc"


def arrow_pool() -> None:
    """Arrow's jemalloc pool as this process's default, unless ``ARROW_DEFAULT_MEMORY_POOL``
    chose one (an operator's choice is kept) or this pyarrow build has no jemalloc. Buffers
    already allocated stay with the pool that allocated them; idempotent."""
    if os.environ.get("ARROW_DEFAULT_MEMORY_POOL"):
        return
    try:
        pool = pa.jemalloc_memory_pool()
    except NotImplementedError:  # a pyarrow built without jemalloc: its default stays
        return
    if pa.default_memory_pool().backend_name != pool.backend_name:
        pa.set_memory_pool(pool)


# ----- inside a worker ---------------------------------------------------------------------


class _Worker:
    """A worker's masker, and the records it prepared that its stream has not released yet
    (per stream, by token)."""

    def __init__(self, spec: WorkerSpec) -> None:
        self.pseudo = spec.pseudo
        self._spec = spec
        self._masker: Masker | None = spec.masker
        s = spec.policy.detectors
        self.learn = bool(s.learn and s.names is not None)
        self.kept: dict[int, dict[int, tuple[Record, str]]] = {}

    @property
    def masker(self) -> Masker:
        """The run's (forked workers), else built on the first record: a run whose streams
        stay below ``workers_from_records`` never sends one, and its workers cost only their
        start."""
        if self._masker is None:
            self._masker = Masker(self._spec.policy, self._spec.pseudo)
        return self._masker

    def prepare(
        self, stream: int, tokens: Sequence[int], records: Sequence[PackedRecord]
    ) -> list[Prepared]:
        kept = self.kept.setdefault(stream, {})
        out: list[Prepared] = []
        for token, fields in zip(tokens, records, strict=True):
            rec = unpack(fields)
            canon = canonical_json(rec.data)
            text = learned_text(rec) if self.learn else None
            kept[token] = (rec, canon)
            out.append(
                (
                    self.pseudo.record_key(rec.table, rec.id),
                    self.pseudo.record_hash_of(canon),
                    self.masker.names_in(text) if text is not None else None,
                )
            )
        return out

    def lay_out(
        self,
        stream: int,
        names: tuple[str, str, str],
        items: Sequence[ToLayOut],
        drop: Sequence[int],
    ) -> dict[str, TableRows]:
        self.drop(stream, drop)
        kept = self.kept.setdefault(stream, {})
        tables: dict[str, RowColumns] = {}
        for token, version, known in items:
            rec, canonical = kept.pop(token) if isinstance(token, int) else token
            cols = tables.get(rec.table)
            if cols is None:
                cols = tables[rec.table] = RowColumns(rec.table)
            cols.add(self.pseudo, self.masker, names, rec, canonical, version, known)
        return {table: cols.ipc() for table, cols in tables.items()}

    def drop(self, stream: int, tokens: Sequence[int]) -> None:
        """Let records go that the stream does not archive (seen before, erased)."""
        kept = self.kept.get(stream, {})
        for token in tokens:
            kept.pop(token, None)

    def forget(self, stream: int) -> None:
        self.kept.pop(stream, None)


class RowColumns:
    """One table's rows, column-wise, as the writer buffers them: what a worker's
    ``lay_out`` sends back (``ipc``) and what the run builds itself without workers
    (``batch``), by the same code."""

    def __init__(self, table: str) -> None:
        self.table = table
        self.masked_schema, self.sealed_schema = schema_for(table, False), schema_for(table, True)
        # Where the sealed row holds the session's id (a users row holds none).
        names = self.sealed_schema.names
        self._session = names.index("session_id") if "session_id" in names else None
        self.masked: list[tuple[Any, ...]] = []
        self.sealed: list[tuple[Any, ...]] = []
        self.sessions: list[str | None] = []

    def add(
        self,
        pseudo: Pseudonymizer,
        masker: Masker,
        names: tuple[str, str, str],
        rec: Record,
        canonical: str,
        version: str,
        known: KnownValues | None,
    ) -> None:
        source, source_type, tenant = names
        if rec.table == "messages":
            masked, sealed = message_values(
                source=source,
                source_type=source_type,
                tenant=tenant,
                record=rec,
                record_hash=version,
                raw=canonical,
                pseudo=pseudo,
                masker=masker,
                known=known,
            )
        else:
            masked_row, sealed_row = other_rows(
                source, source_type, tenant, rec, version, pseudo, masker, known, canonical
            )
            masked = row_values(masked_row, self.table, False)
            sealed = row_values(sealed_row, self.table, True)
        self.masked.append(masked)
        self.sealed.append(sealed)
        sid = sealed[self._session] if self._session is not None else None
        self.sessions.append(index_entry(pseudo.record_key("sessions", sid)) if sid else None)

    def _batches(self) -> tuple[pa.RecordBatch, pa.RecordBatch]:
        """Both copies' record batches. A column whose values are the very objects of a column
        already converted (the masked and sealed copies share most of theirs, and a record's
        creation and change time are often one object) reuses that Arrow array: the same
        objects make the same array, and timestamps cost a microsecond each to convert."""
        done: list[tuple[pa.DataType, tuple[Any, ...], pa.Array]] = []

        def array(values: tuple[Any, ...], kind: pa.DataType) -> pa.Array:
            for t, v, arr in done:
                if t == kind and all(map(operator.is_, v, values)):
                    return arr
            arr = pa.array(values, type=kind)
            done.append((kind, values, arr))
            return arr

        def batch(rows: list[tuple[Any, ...]], schema: pa.Schema) -> pa.RecordBatch:
            columns = zip(*rows, strict=True) if rows else (() for _ in schema)
            return pa.RecordBatch.from_arrays(
                [array(c, f.type) for c, f in zip(columns, schema, strict=True)], schema=schema
            )

        sealed = batch(self.sealed, self.sealed_schema)
        return batch(self.masked, self.masked_schema), sealed

    def ipc(self) -> TableRows:
        """The rows as a worker hands them back: Arrow IPC bytes and plain lists."""
        masked, sealed = self._batches()
        return (
            bytes(masked.serialize().to_pybytes()),
            bytes(sealed.serialize().to_pybytes()),
            self.sessions,
            arrow_sizes(masked),
            arrow_sizes(sealed),
        )

    def batch(self) -> RowBatch:
        """The rows as the writer takes them."""
        masked, sealed = self._batches()
        return RowBatch(
            pa.Table.from_batches([masked], schema=self.masked_schema),
            pa.Table.from_batches([sealed], schema=self.sealed_schema),
            self.sessions,
            arrow_sizes(masked),
            arrow_sizes(sealed),
        )


def _portable(exc: Exception) -> Exception:
    """``exc`` if it can travel back to the run (pickle), else a ``FatalError`` naming it."""
    try:
        pickle.loads(pickle.dumps(exc))  # noqa: S301 - our own exception, round trip
    except Exception:
        return FatalError(f"transform worker: {type(exc).__name__}: {exc}")
    return exc


def _serve(conn: Connection, spec: WorkerSpec, inherited: Sequence[Connection] = ()) -> None:
    """A worker's life: requests in order, one answer each, until the run says it is done or
    its pipe closes (the run was killed: the worker ends at its next read or answer). Ctrl-C
    is the run's to handle (it stops its streams and commits what is consistent): a worker
    that gets it with its terminal's process group goes on until the run is done with it.

    ``inherited``: the run's ends of its pipes to the workers (this one's and those forked
    before it), which a worker forked from the run holds copies of: closed at once, so that
    each worker sees its pipe close when the run ends."""
    for other in inherited:
        with contextlib.suppress(OSError):
            other.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    young, older, oldest = gc.get_threshold()  # as in the run (a fork server's are the default)
    gc.set_threshold(max(young, GC_YOUNG), older, oldest)
    arrow_pool()  # as in the run (a fork server's is pyarrow's default)
    worker = _Worker(spec)
    while True:
        try:
            request = conn.recv_bytes()
        except (EOFError, OSError):
            os._exit(0)
        op, *args = pickle.loads(request)  # noqa: S301 - from the run that started us
        reply: tuple[bool, Any]
        if op == "exit":  # the run is done with us: our CPU seconds, for its accounts
            usage = resource.getrusage(resource.RUSAGE_SELF)
            conn.send_bytes(pickle.dumps((True, usage.ru_utime + usage.ru_stime)))
            os._exit(0)
        try:
            reply = (True, getattr(worker, op)(*args))
        except Exception as exc:
            reply = (False, _portable(exc))
        try:
            conn.send_bytes(pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            os._exit(0)


# ----- in the run --------------------------------------------------------------------------


def _died() -> FatalError:
    return FatalError(
        "a transform worker process died (killed, or out of memory); "
        "nothing of this stream was committed, the next run reads it again",
        hint="look for the kernel's OOM messages, or set crawl.workers: 1",
    )


class Batch:
    """One request spread over the lanes; ``result()`` gives the answers in input order."""

    def __init__(self, size: int, parts: list[tuple[Future[list[Any]], list[int]]]) -> None:
        self._size, self._parts = size, parts

    def result(self) -> list[Any]:
        out: list[Any] = [None] * self._size
        for future, positions in self._parts:
            for p, r in zip(positions, future.result(), strict=True):
                out[p] = r
        return out


class Lane:
    """One worker process and its pipe. Requests are answered in the order they were sent.
    A thread hands the requests over and one takes the answers as they come: the stream never
    waits for a busy worker to read, and a worker never waits to hand an answer back."""

    def __init__(
        self, ctx: Any, spec: WorkerSpec, number: int, inherited: Sequence[Connection] = ()
    ) -> None:
        """Starts the process; ``start`` starts the lane's threads (after every worker of a
        pool forked from the run was started: a fork copies no thread, and none of this
        pool's may hold a lock a worker needs)."""
        mine, theirs = _pipe()
        # A forked worker holds a copy of every descriptor of the run, this pipe's run end
        # too: it closes them (else it never sees the run end). Not sent otherwise: a fork
        # server or spawn would get copies sent along.
        forked = ctx.get_start_method() == "fork"
        if not forked and spec.masker is not None:  # pickled for the worker: built there
            spec = dataclasses.replace(spec, masker=None)
        self.process = ctx.Process(
            target=_serve,
            args=(theirs, spec, [*inherited, mine] if forked else []),
            name=f"transform-{number}",
            daemon=True,
        )
        with _without_main():
            self.process.start()
        theirs.close()
        self._conn: Connection = mine
        self._waiting: deque[Future[Any]] = deque()
        self._lock = threading.Lock()
        self._dead = False
        self._outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._reader = threading.Thread(target=self._answers, name=f"transform-{number}-answers")
        self._writer = threading.Thread(target=self._requests, name=f"transform-{number}-requests")

    @property
    def conn(self) -> Connection:
        return self._conn

    def start(self) -> None:
        for t in (self._reader, self._writer):
            t.daemon = True
            t.start()

    def submit(self, *request: Any) -> Future[Any]:
        future: Future[Any] = Future()
        data = pickle.dumps(request, protocol=pickle.HIGHEST_PROTOCOL)
        with self._lock:
            if self._dead:
                future.set_exception(_died())
                return future
            self._waiting.append(future)
            self._outbox.put(data)
        return future

    def _requests(self) -> None:
        while (data := self._outbox.get()) is not None:
            try:
                self._conn.send_bytes(data)
            except OSError:  # the worker died: the reader fails what waits
                return

    def _answers(self) -> None:
        while True:
            try:
                data = self._conn.recv_bytes()
            except (EOFError, OSError):
                with self._lock:
                    self._dead = True
                    waiting, self._waiting = list(self._waiting), deque()
                for f in waiting:
                    f.set_exception(_died())
                return
            ok, value = pickle.loads(data)  # noqa: S301 - our own worker's answer
            with self._lock:
                future = self._waiting.popleft()
            if ok:
                future.set_result(value)
            else:
                future.set_exception(value)

    def close(self) -> float:
        """End the worker; its CPU seconds (0 if it could not tell)."""
        cpu = 0.0
        with contextlib.suppress(Exception):  # a dead worker has nothing to tell
            cpu = float(self.submit("exit").result(timeout=30))
        self.process.join(timeout=10)
        if self.process.is_alive():  # pragma: no cover - a worker stuck in C code
            self.process.kill()
            self.process.join(timeout=10)
        self._outbox.put(None)
        if self._writer.is_alive():
            self._writer.join(timeout=10)
        if self._reader.is_alive():
            self._reader.join(timeout=10)  # it reads the pipe's end, then stops
        with contextlib.suppress(OSError):
            self._conn.close()
        return cpu


#: Room in each direction of a worker's pipe: a chunk's records or rows go in one write and
#: are read in one (each wait for the pipe costs a thread switch in both processes). The
#: kernel may grant less (``net.core.wmem_max``).
PIPE_BYTES = 4 << 20


def _pipe() -> tuple[Connection, Connection]:
    """A duplex pipe (a socket pair) with room for whole requests and answers."""
    a, b = socket.socketpair()
    for end in (a, b):
        for option in (socket.SO_SNDBUF, socket.SO_RCVBUF):
            with contextlib.suppress(OSError):
                end.setsockopt(socket.SOL_SOCKET, option, PIPE_BYTES)
    return Connection(a.detach()), Connection(b.detach())


def can_fork() -> bool:
    """Whether workers can be forked from this process now: a platform with ``fork``, called
    from a process whose only thread is the caller (a fork copies the calling thread alone,
    and a lock another thread held would stay locked in the worker forever)."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


#: Modules that laying out rows imports on first use (``arrow_sizes``: pyarrow.compute, about
#: 0.1 s of CPU, kept out of commands that lay out no rows). A run imports them before it forks
#: its workers, and a fork server before it forks any: else each worker imports them again.
LAID_OUT_WITH = ("pyarrow.compute",)


def _context(fork: bool = False) -> Any:
    """``fork`` (see ``can_fork``): the workers are forked from the run itself, sharing what
    it already imported and loaded; no fork server to start, no import to pay. Else a fork
    server with the masking imported once where the platform has one, else spawn (nothing of
    the run's threads or locks is inherited either way)."""
    if fork:
        return multiprocessing.get_context("fork")
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload([__name__, *LAID_OUT_WITH])
        return ctx
    return multiprocessing.get_context("spawn")  # pragma: no cover - not on Linux


class WorkerPool:
    """``n`` worker processes, one lane each: the same key always goes to the same lane."""

    def __init__(self, spec: WorkerSpec, n: int, fork: bool = False) -> None:
        ctx = _context(fork)
        self.forked = fork
        self.lanes: list[Lane] = []
        self.cpu_seconds = 0.0  # of the workers, once closed
        self._streams = 0
        self._lock = threading.Lock()
        try:
            for i in range(n):
                self.lanes.append(Lane(ctx, spec, i, [lane.conn for lane in self.lanes]))
            for lane in self.lanes:
                lane.start()
            for lane in self.lanes:  # each worker is up and answering
                lane.submit("forget", -1).result()
        except Exception as exc:
            self.close()
            raise FatalError("the transform's worker processes could not start") from exc

    def lane(self, key: str) -> int:
        return zlib.crc32(key.encode("utf-8", "surrogatepass")) % len(self.lanes)

    def stream(self) -> int:
        """A number for a stream's records in the workers, unique in the run."""
        with self._lock:
            self._streams += 1
            return self._streams

    def forget(self, stream: int) -> None:
        """Drop what the workers kept of a stream that ended (also one that failed)."""
        for lane in self.lanes:
            lane.submit("forget", stream)

    def close(self) -> None:
        lanes, self.lanes = self.lanes, []
        self.cpu_seconds += sum(lane.close() for lane in lanes)


_MAIN_LOCK = threading.Lock()


@contextlib.contextmanager
def _without_main() -> Iterator[None]:
    """Start processes without the program's main module: a new process imports it again
    otherwise (the whole CLI, or a benchmark script) for nothing, costing a second of CPU and
    memory in each worker. The workers need only this module and what it imports."""
    with _MAIN_LOCK:
        main = sys.modules["__main__"]
        sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            yield
        finally:
            sys.modules["__main__"] = main


class LazyPool:
    """The run's worker pool, started by the first stream that needs it (a short run never
    pays the processes' start), shared by every stream, closed with the run.

    ``poll()`` starts the processes in the background and returns None until they are ready:
    the stream goes on in-process meanwhile (the archive is the same either way) instead of
    waiting for the fork server to import the masking.
    """

    def __init__(self, spec: Callable[[], WorkerSpec], workers: int, from_records: int) -> None:
        self._spec, self.workers, self.from_records = spec, workers, from_records
        self._pool: WorkerPool | None = None
        self._error: FatalError | None = None
        self._starting: threading.Thread | None = None
        self._closed = False
        self._lock = threading.Lock()
        self.cpu_seconds = 0.0  # of the workers, once closed
        self.forked = False  # the workers are this process's children (``start_forked``)
        self._frozen = False  # ``gc.freeze`` called before forking the workers

    @property
    def enabled(self) -> bool:
        return self.workers > 1

    def start_forked(self) -> bool:
        """Start the workers now, forked from this process, if it can (``can_fork``: the run
        calls this before its streams' threads start). A fork costs milliseconds, not the
        fork server's import of the masking, so the run starts them eagerly, and a stream that
        reaches ``from_records`` finds them ready. False: not started (no fork here, or not the only
        thread); ``poll`` starts them as before."""
        if not self.enabled or not can_fork():
            return False
        with self._lock:
            if self._pool is not None or self._starting is not None or self._closed:
                return False
        spec = self._spec()  # the masker is built (policy, gazetteer) before the fork
        for module in LAID_OUT_WITH:  # imported once here, not in every worker
            importlib.import_module(module)
        # What the run has loaded (modules, policy, gazetteer) is shared with the workers page
        # by page until someone writes to it; the cyclic garbage collector writes to every
        # object it tracks when it runs, in the workers and in the run. Frozen, those objects
        # are left out of its passes: their pages stay shared (unfrozen when the run ends).
        gc.freeze()
        self._frozen = True
        try:
            pool = WorkerPool(spec, self.workers, fork=True)
        except FatalError as exc:
            with self._lock:
                self._error = exc
            self._thaw()
            raise
        with self._lock:
            self._pool = pool
            self.forked = True
        return True

    def _thaw(self) -> None:
        if self._frozen:
            self._frozen = False
            gc.unfreeze()

    def poll(self) -> WorkerPool | None:
        """The pool if it is ready; the first call starts it. Raises if it could not start."""
        with self._lock:
            if self._error is not None:
                raise self._error
            if self._pool is None and self._starting is None and not self._closed:
                self._starting = threading.Thread(
                    target=self._start, name="transform-start", daemon=True
                )
                self._starting.start()
            return self._pool

    def get(self) -> WorkerPool:
        """The pool, started now if it was not (waits for it)."""
        self.poll()
        starting = self._starting
        if starting is not None:
            starting.join()
        pool = self.poll()
        if pool is None:
            raise FatalError("the transform's worker processes were closed with the run")
        return pool

    def _start(self) -> None:
        try:
            pool = WorkerPool(self._spec(), self.workers)
        except FatalError as exc:
            with self._lock:
                self._error = exc
            return
        with self._lock:
            if not self._closed:
                self._pool = pool
                return
        pool.close()  # the run ended while they started
        self.cpu_seconds += pool.cpu_seconds

    @property
    def started(self) -> WorkerPool | None:
        return self._pool

    def close(self) -> None:
        with self._lock:
            self._closed = True
            starting, pool, self._pool = self._starting, self._pool, None
        if starting is not None:
            starting.join()
        if pool is not None:
            pool.close()
            self.cpu_seconds += pool.cpu_seconds
        self._thaw()
