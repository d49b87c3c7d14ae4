"""The transform on every core: worker processes that hash, mask and lay out rows.

One Python process masks, hashes and encodes on one core whatever the machine has (the GIL).
With ``crawl.workers`` above 1, a run starts that many worker processes (spawned, so nothing
of the parent's threads or locks is inherited) once a stream has read
``crawl.workers_from_records`` records, and its streams hand them the pure work in batches:

1. ``prepare``: each record's keyed id, canonical JSON, version hash, and the names its text
   reveals (the detector scan that learning needs);
2. ``lay_out``: the masked row and the sealed row of each record released by the stream's hold,
   with its session index entry and size, column-wise.

Everything that carries state stays in the stream's own thread, in the order records were read:
what a person's and a conversation's records taught (``SubjectValues``), which records are
held back and with which known values they leave, what was seen before, and the writer that
cuts parts. Workers get each record with the known values it leaves the hold with, so a
conversation's masking never depends on which worker ran it, and the rows reach the writer in
the order one process would have written them: the same input gives the same rows, hashes,
parts and manifests with 1 or N workers.

A conversation's records (by session, else by person) always go to the same worker: the scan
``prepare`` does for learning is then in that worker's cache when ``lay_out`` masks the text.

The pseudonym key travels to the workers once, at their start, in the pickled start-up
arguments over a pipe; it is never logged (``WorkerSpec`` leaves it out of its repr). An
exception in a worker is raised again in the stream with its own class, as it would be
in-process; a worker that dies (killed, out of memory) ends the stream as a fatal error.
Workers watch their parent and exit when it is gone, so a killed run leaves no orphans.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
import types
import zlib
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, TypeVar

from archiver.archive.tables import row_size, row_values
from archiver.errors import FatalError
from archiver.sources.base import Record
from archiver.transform.detectors import KnownValues
from archiver.transform.mask import Masker
from archiver.transform.policy import Policy
from archiver.transform.pseudonym import Pseudonymizer, canonical_json
from archiver.transform.rows import build_rows

T = TypeVar("T")
R = TypeVar("R")

#: (keyed id, canonical JSON, version hash, names its text reveals or None)
Prepared = tuple[str, str, str, tuple[str, ...] | None]
#: (masked values, sealed values, keyed session id, masked size, sealed size)
LaidOut = tuple[tuple[Any, ...], tuple[Any, ...], str | None, int, int]
#: A record released by the hold: (record, (canonical JSON, version hash), known values)
Released = tuple[Record, tuple[str, str], KnownValues | None]

#: How often a worker checks that the run that started it is still alive, in seconds.
PARENT_CHECK_SECONDS = 0.5


def default_workers() -> int:
    """The cores this process may run on (its CPU affinity, as a container's cpuset sets it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class WorkerSpec:
    """What a worker needs to mask and hash as the run does: the run's policy, and the
    pseudonym key (left out of ``repr``, so no log or traceback shows it)."""

    policy: Policy
    pseudo: Pseudonymizer = field(repr=False)


@dataclass
class _Worker:
    pseudo: Pseudonymizer
    masker: Masker
    learn: bool


_W: _Worker | None = None


def _start(spec: WorkerSpec) -> None:
    """A worker's start: its own masker, and a watch on the parent. Ctrl-C is the run's to
    handle (it stops its streams and commits what is consistent): a worker that gets it with
    its terminal's process group goes on until the run closes the pool."""
    global _W
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    pseudo = spec.pseudo
    s = spec.policy.detectors
    _W = _Worker(pseudo, Masker(spec.policy, pseudo), bool(s.learn and s.names is not None))
    threading.Thread(
        target=_watch_parent, args=(os.getppid(),), name="watch-parent", daemon=True
    ).start()


def _watch_parent(parent: int) -> None:
    """Exit once the run is gone (SIGKILL leaves no chance to stop the workers)."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(0)


def _ready() -> bool:
    return _W is not None


def _worker() -> _Worker:
    if _W is None:  # pragma: no cover - only when called outside a started worker
        raise FatalError("transform worker used before its start")
    return _W


def _portable(call: Callable[[], R]) -> R:
    """``call()``; an exception that cannot travel back to the run (pickle) becomes a
    ``FatalError`` naming its class, never a broken pool."""
    try:
        return call()
    except Exception as exc:
        try:
            pickle.loads(pickle.dumps(exc))  # noqa: S301 - our own exception, round trip
        except Exception:
            raise FatalError(f"transform worker: {type(exc).__name__}: {exc}") from None
        raise


def learned_text(record: Record) -> str | None:
    """The text of a message that learning scans for names (as ``SubjectValues.learn``)."""
    if record.table != "messages":
        return None
    text = record.text if record.text is not None else record.data.get("text")
    return text if isinstance(text, str) and text else None


def prepare(records: Sequence[Record]) -> list[Prepared]:
    """Stage 1, per record: keyed id, canonical JSON, version hash, names its text reveals."""
    return _portable(lambda: [_prepare_one(_worker(), r) for r in records])


def _prepare_one(w: _Worker, rec: Record) -> Prepared:
    canon = canonical_json(rec.data)
    text = learned_text(rec) if w.learn else None
    return (
        w.pseudo.record_key(rec.table, rec.id),
        canon,
        w.pseudo.record_hash_of(canon),
        w.masker.names_in(text) if text is not None else None,
    )


def lay_out(
    source: str, source_type: str, tenant: str, index: bool, items: Sequence[Released]
) -> list[LaidOut]:
    """Stage 2, per released record: its masked and sealed rows, in column order."""
    w = _worker()
    return _portable(
        lambda: [
            lay_out_one(w.pseudo, w.masker, source, source_type, tenant, it, index) for it in items
        ]
    )


def lay_out_one(
    pseudo: Pseudonymizer,
    masker: Masker,
    source: str,
    source_type: str,
    tenant: str,
    item: Released,
    index: bool,
) -> LaidOut:
    rec, (canonical, version), known = item
    masked, sealed = build_rows(
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
    sid = sealed.get("session_id")
    return (
        row_values(masked, rec.table, False),
        row_values(sealed, rec.table, True),
        pseudo.record_key("sessions", sid) if index and sid else None,
        row_size(masked),
        row_size(sealed),
    )


class Batch:
    """One batch spread over the lanes; ``result()`` gives the results in input order."""

    def __init__(self, size: int, parts: list[tuple[Future[list[Any]], list[int]]]) -> None:
        self._size, self._parts = size, parts

    def result(self) -> list[Any]:
        out: list[Any] = [None] * self._size
        for future, positions in self._parts:
            try:
                got = future.result()
            except BrokenProcessPool:
                raise FatalError(
                    "a transform worker process died (killed, or out of memory); "
                    "nothing of this stream was committed, the next run reads it again",
                    hint="look for the kernel's OOM messages, or set crawl.workers: 1",
                ) from None
            for p, r in zip(positions, got, strict=True):
                out[p] = r
        return out


class WorkerPool:
    """``n`` worker processes, one lane each: the same key always goes to the same lane."""

    def __init__(self, spec: WorkerSpec, n: int) -> None:
        ctx = multiprocessing.get_context("spawn")
        self.lanes = [
            ProcessPoolExecutor(1, mp_context=ctx, initializer=_start, initargs=(spec,))
            for _ in range(n)
        ]
        with _without_main():
            started = [lane.submit(_ready) for lane in self.lanes]  # the processes start here
        for f in started:
            try:
                f.result()
            except BrokenProcessPool:
                self.close()
                raise FatalError("the transform's worker processes could not start") from None

    def lane(self, key: str) -> int:
        return zlib.crc32(key.encode("utf-8", "surrogatepass")) % len(self.lanes)

    def spread(
        self, fn: Callable[..., list[Any]], items: Sequence[T], keys: Sequence[str], *args: Any
    ) -> Batch:
        """``fn(*args, part)`` for each lane's part of ``items`` (by ``keys``), submitted now."""
        parts: dict[int, tuple[list[T], list[int]]] = {}
        for i, (item, key) in enumerate(zip(items, keys, strict=True)):
            mine, positions = parts.setdefault(self.lane(key), ([], []))
            mine.append(item)
            positions.append(i)
        return Batch(
            len(items),
            [
                (self.lanes[lane].submit(fn, *args, mine), positions)
                for lane, (mine, positions) in sorted(parts.items())
            ],
        )

    def close(self) -> None:
        for ex in self.lanes:
            ex.shutdown(wait=True, cancel_futures=True)


_MAIN_LOCK = threading.Lock()


@contextlib.contextmanager
def _without_main() -> Iterator[None]:
    """Start processes without the program's main module: a spawned process imports it again
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
    pays the processes' start), shared by every stream, closed with the run."""

    def __init__(self, spec: Callable[[], WorkerSpec], workers: int, from_records: int) -> None:
        self._spec, self.workers, self.from_records = spec, workers, from_records
        self._pool: WorkerPool | None = None
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.workers > 1

    def get(self) -> WorkerPool:
        with self._lock:
            if self._pool is None:
                self._pool = WorkerPool(self._spec(), self.workers)
            return self._pool

    @property
    def started(self) -> WorkerPool | None:
        return self._pool

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.close()
                self._pool = None
