"""Rows → Parquet parts → encrypted objects in the store, with the manifest entry of each.

Memory stays bounded: rows are buffered per table up to ``part_rows`` / ``part_size_bytes``
(and at most ``BUFFER_BYTES`` of Arrow buffers), then written out as one object per date
partition. A buffer that fills while the stream goes on is written by a thread of its own
(``BACKGROUND_BUFFERS``), so the stream feeds the transform meanwhile. Plaintext never touches
disk.
"""

from __future__ import annotations

import hashlib
import io
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.parquet as pq

from archiver.archive import layout
from archiver.archive.catalog.model import (
    INDEX_HEX,
    ObjectEntry,
    Partition,
    Table,
    as_table,
    encryption_context,
    index_set,
)
from archiver.archive.store import Store
from archiver.archive.tables import DICTIONARY_COLUMNS, row_size, schema_for
from archiver.errors import StoreError
from archiver.timeutil import format_ts

if TYPE_CHECKING:  # the encryption SDK is imported where keyrings are built
    from archiver.archive.crypto import Keyring

PARQUET_COMPRESSION = "zstd"


def parquet_bytes(data: pa.Table, table: str) -> bytes:
    """``data`` as a Parquet file; the ``table``'s repeating columns dictionary-encoded."""
    names = set(data.schema.names)
    dictionary = [c for c in DICTIONARY_COLUMNS[table] if c in names]
    buf = io.BytesIO()
    pq.write_table(
        data,
        buf,
        compression=PARQUET_COMPRESSION,
        row_group_size=64 * 1024,
        use_dictionary=dictionary,
    )
    return buf.getvalue()


def write_object(
    store: Store,
    keyring: Keyring,
    *,
    key: str,
    table: Table,
    sealed: bool,
    partition: Partition,
    rows: list[dict[str, Any]] | pa.Table,
    sessions: Iterable[str] | None = None,
) -> ObjectEntry:
    """Encrypt ``rows`` as one new object at ``key``; return its manifest entry.

    ``sessions`` is the object's session index (``index_entry`` of each keyed session id)."""
    schema = schema_for(table, sealed)
    data = rows if isinstance(rows, pa.Table) else pa.Table.from_pylist(rows, schema=schema)
    if not data.schema.equals(schema):
        data = data.cast(schema)
    plain = parquet_bytes(data, table)
    ctx = encryption_context(
        key=key, table=table, sealed=sealed, source=partition.source, tenant=partition.tenant
    )
    cipher = keyring.encrypt(plain, ctx)
    digest = hashlib.sha256(cipher).hexdigest()
    if not store.put_if_absent(key, cipher, sha256_hex=digest):
        raise StoreError(f"object {key} already exists; run ids must be unique")
    import pyarrow.compute as pc  # slow to import: only when writing

    times = pc.min_max(data["version_time"]).as_py()
    subjects = pc.unique(pc.utf8_slice_codeunits(data["subject_id"], 0, INDEX_HEX)).to_pylist()
    return ObjectEntry(
        key=key,
        table=table,
        sealed=sealed,
        partition=partition,
        rows=data.num_rows,
        plaintext_size=len(plain),
        ciphertext_size=len(cipher),
        plaintext_sha256=hashlib.sha256(plain).hexdigest(),
        ciphertext_sha256=digest,
        time_min=format_ts(times["min"]),
        time_max=format_ts(times["max"]),
        # Dense and interned: the masked and the sealed object of the same rows share one
        # string (the index is most of what a long run's memory grows by).
        subjects=index_set(s for s in subjects if s),
        sessions=None if sessions is None else index_set(sessions),
    )


def write_replacement(
    store: Store,
    keyring: Keyring,
    entry: ObjectEntry,
    *,
    run_id: str,
    part: int,
    rows: list[dict[str, Any]],
    sessions: Iterable[str] | None,
) -> ObjectEntry:
    """A new object in ``entry``'s place (same table, kind and partition) holding ``rows``:
    what ``erase`` writes instead of an object it rewrites."""
    p = entry.partition
    key = layout.object_key(
        sealed=entry.sealed,
        table=entry.table,
        source=p.source,
        tenant=p.tenant,
        date=p.date,
        run_id=run_id,
        part=part,
    )
    return write_object(
        store,
        keyring,
        key=key,
        table=entry.table,
        sealed=entry.sealed,
        partition=p,
        rows=rows,
        sessions=sessions,
    )


_BATCH_ROWS = 4096


@dataclass
class RowBatch:
    """Rows of one table as the transform's worker processes hand them over: the masked and
    sealed rows as Arrow tables of the table's schemas, each row's session index entry and
    sizes."""

    masked: pa.Table
    sealed: pa.Table
    sessions: Sequence[str | None]
    masked_sizes: Sequence[int]
    sealed_sizes: Sequence[int]

    def __len__(self) -> int:
        return len(self.sessions)

    def slice(self, lo: int, n: int) -> RowBatch:
        """Rows ``lo`` to ``lo + n`` (no copy of the Arrow data)."""
        hi = lo + n
        return RowBatch(
            self.masked.slice(lo, n),
            self.sealed.slice(lo, n),
            self.sessions[lo:hi],
            self.masked_sizes[lo:hi],
            self.sealed_sizes[lo:hi],
        )


#: Objects written at once when a crawl's buffers are flushed.
FLUSH_THREADS = 4

#: Filled buffers written by the background thread at once (queued or being written) while the
#: stream goes on; a third waits for the oldest. A table's masked and sealed copies fill at the
#: same row, hence two. Each holds its rows until written: besides the buffers being filled, a
#: run holds at most this many more. 0: written in the caller's thread.
BACKGROUND_BUFFERS = 2

#: A filled buffer's partitions the background writer writes at once (the end's flush writes
#: ``FLUSH_THREADS``): each is a copy of its rows until written. Two were no faster on a busy
#: 2-core machine (the stream and the workers hold the cores) and held about 30 MiB more.
BACKGROUND_WINDOW = 1

#: The most a part's rows hold in Arrow buffers, per table and copy (``row_size``): a part is
#: cut there even where ``part_size_bytes`` allows more. A run's memory grows with what its
#: buffers hold (both copies of each table, plus a part's copy while it is encoded), and this
#: bounds it whatever the run's size; Parquet (zstd) makes a part of it a few MiB.
BUFFER_BYTES = 32 << 20


class _Buffer:
    """One table's rows on their way to a part, held column-wise.

    Rows are moved into Arrow record batches of ``_BATCH_ROWS`` rows: a part of 200k rows
    then costs its Arrow size in memory instead of two Python dicts per record. Rows added
    one by one and rows that come as Arrow data (from the transform's workers) make the same
    batches, cut at the same rows: Parquet's pages follow the batches, so a part's bytes
    never depend on how its rows arrived.
    """

    def __init__(self, schema: pa.Schema) -> None:
        self.schema = schema
        self.names = schema.names
        self.pieces: list[pa.RecordBatch] = []  # Arrow rows of the batch being filled
        self.pending: dict[str, list[Any]] = {n: [] for n in self.names}  # then these rows
        self.tail = 0  # rows in ``pending``
        self.pending_sessions: list[str | None] = []  # of every row not yet in ``batches``
        self.batches: list[pa.RecordBatch] = []
        self.sessions: list[pa.Array] = []
        self.rows = 0
        self.size = 0

    def add(self, row: dict[str, Any], session: str | None) -> None:
        for name, column in self.pending.items():
            column.append(row.get(name))
        self.tail += 1
        self.pending_sessions.append(session)
        self.rows += 1
        self.size += row_size(row)
        if len(self.pending_sessions) >= _BATCH_ROWS:
            self.seal_batch()

    def extend(self, rows: RowBatch, sealed: bool, lo: int, hi: int) -> None:
        """Rows ``lo:hi`` of a batch, after the rows already here."""
        data = rows.sealed if sealed else rows.masked
        sizes = rows.sealed_sizes if sealed else rows.masked_sizes
        while lo < hi:
            take = min(hi - lo, _BATCH_ROWS - len(self.pending_sessions))
            self._tail_to_piece()
            self.pieces.extend(data.slice(lo, take).to_batches())
            self.pending_sessions.extend(rows.sessions[lo : lo + take])
            self.rows += take
            self.size += sum(sizes[lo : lo + take])
            lo += take
            if len(self.pending_sessions) >= _BATCH_ROWS:
                self.seal_batch()

    def _tail_to_piece(self) -> None:
        if self.tail:
            self.pieces.append(pa.RecordBatch.from_pydict(self.pending, schema=self.schema))
            self.pending = {n: [] for n in self.names}
            self.tail = 0

    def seal_batch(self) -> None:
        if not self.pending_sessions:
            return
        self._tail_to_piece()
        pieces, self.pieces = self.pieces, []
        # One copy of these rows: the workers' answers they came in are let go.
        self.batches.append(pieces[0] if len(pieces) == 1 else pa.concat_batches(pieces))
        self.sessions.append(pa.array(self.pending_sessions, pa.string()))
        self.pending_sessions = []

    def last_row_before_full(
        self, sizes: Sequence[int], lo: int, hi: int, part_rows: int, part_size: int
    ) -> int | None:
        """The first row of ``lo:hi`` after which this buffer is a full part (None: none)."""
        size = self.size
        last = min(hi, lo + max(part_rows - self.rows, 1)) - 1
        for i in range(lo, last + 1):
            size += sizes[i]
            if size >= part_size:
                return i
        return last if self.rows + (last - lo + 1) >= part_rows else None

    def by_date(self) -> Iterator[tuple[str, pa.Table, list[str]]]:
        """The rows split by their UTC creation date (the partition), oldest date first; one
        partition at a time, so a part's rows are held at most twice."""
        import pyarrow.compute as pc  # slow to import: only when writing

        self.seal_batch()
        data = pa.Table.from_batches(self.batches, schema=self.schema)
        sessions = pa.chunked_array(self.sessions, pa.string())
        self.batches, self.sessions = [], []
        dates = pc.cast(data["created_at"], pa.date32())
        days = sorted(pc.unique(dates).to_pylist())
        for day in days:
            if len(days) == 1:
                part, index = data, sessions
            else:
                mask = pc.equal(dates, day)
                part, index = data.filter(mask), sessions.filter(mask)
            yield day.isoformat(), part, [s for s in index.to_pylist() if s]


class StreamWriter:
    def __init__(
        self,
        *,
        store: Store,
        masked: Keyring,
        sealed: Keyring,
        source: str,
        tenant: str,
        run_id: str,
        part_size_bytes: int,
        part_rows: int,
        session_index: Callable[[str], str] | None = None,
        buffer_bytes: int = BUFFER_BYTES,
        background_buffers: int | None = None,
    ) -> None:
        """``session_index`` maps a platform session id to its index entry; without it the
        manifest entries carry no session index. A part is cut at ``part_rows`` rows or at
        ``part_size_bytes`` or ``buffer_bytes`` of rows (``row_size``), whichever comes
        first. ``background_buffers``: ``BACKGROUND_BUFFERS`` unless given."""
        self._store = store
        self._session_index = session_index
        self._keyrings = {False: masked, True: sealed}
        self._source, self._tenant, self._run_id = source, tenant, run_id
        self._part_size, self._part_rows = min(part_size_bytes, buffer_bytes), part_rows
        self._buffers: dict[tuple[bool, Table], _Buffer] = {}
        self._part = 0  # the background thread's while it has buffers to write
        self.objects: list[ObjectEntry] = []
        self.bytes_written = 0
        self._in_flight = BACKGROUND_BUFFERS if background_buffers is None else background_buffers
        self._background: ThreadPoolExecutor | None = None
        self._writing: deque[Future[list[ObjectEntry]]] = deque()  # filled buffers, in order
        self._failed = False  # a background write failed: the buffers queued after it are not

    def add(self, name: str, masked_row: dict[str, Any], sealed_row: dict[str, Any]) -> None:
        table = as_table(name)
        sid = sealed_row.get("session_id")  # the platform's id: masked rows may carry a token
        index = self._session_index(sid) if self._session_index and sid else None
        for sealed, row in ((False, masked_row), (True, sealed_row)):
            buf = self._buffer(sealed, table)
            buf.add(row, index)
            if buf.rows >= self._part_rows or buf.size >= self._part_size:
                self._flush(sealed, table)

    def add_batch(self, name: str, rows: RowBatch) -> None:
        """``add`` of every row of ``rows`` in order, a part cut at the same row as ``add``
        would cut it (masked copy first), with the same part numbers."""
        self._written()
        table = as_table(name)
        n, lo = len(rows), 0
        while lo < n:
            cut = n - 1
            for sealed in (False, True):
                buf = self._buffer(sealed, table)
                sizes = rows.sealed_sizes if sealed else rows.masked_sizes
                full = buf.last_row_before_full(sizes, lo, n, self._part_rows, self._part_size)
                if full is not None:
                    cut = min(cut, full)
            for sealed in (False, True):
                self._buffer(sealed, table).extend(rows, sealed, lo, cut + 1)
            for sealed in (False, True):
                buf = self._buffers[(sealed, table)]
                if buf.rows >= self._part_rows or buf.size >= self._part_size:
                    self._flush(sealed, table)
            lo = cut + 1

    def add_released(self, tables: Sequence[str], rows: Mapping[str, RowBatch]) -> None:
        """``add_batch`` of records in the order they were released: ``tables`` names the
        table of each record, ``rows`` holds each table's rows in that order; a run of one
        table goes in one call, so parts are cut (and numbered) as rows added one by one.

        Where no table's part fills up within these rows, nothing is cut, and the order of
        tables among each other changes nothing: each table's rows go in one call (a
        conversation's session and messages alternate, and each call costs Arrow slices)."""
        if not any(self._fills(as_table(t), batch) for t, batch in rows.items()):
            for table, batch in rows.items():
                self.add_batch(table, batch)
            return
        done = dict.fromkeys(rows, 0)
        start = 0
        for i in range(1, len(tables) + 1):
            if i == len(tables) or tables[i] != tables[start]:
                table, n = tables[start], i - start
                self.add_batch(table, rows[table].slice(done[table], n))
                done[table] += n
                start = i

    def _fills(self, table: Table, rows: RowBatch) -> bool:
        """Whether adding ``rows`` would fill a part of ``table`` (either copy)."""
        for sealed in (False, True):
            buf = self._buffers.get((sealed, table))
            sizes = rows.sealed_sizes if sealed else rows.masked_sizes
            have_rows, have_size = (buf.rows, buf.size) if buf is not None else (0, 0)
            if have_rows + len(rows) >= self._part_rows:
                return True
            if have_size + sum(sizes) >= self._part_size:
                return True
        return False

    def _buffer(self, sealed: bool, table: Table) -> _Buffer:
        buf = self._buffers.get((sealed, table))
        if buf is None:
            buf = self._buffers[(sealed, table)] = _Buffer(schema_for(table, sealed))
        return buf

    def flush(self) -> None:
        """Write everything still buffered.

        At the end of a crawl this is every table's rows by date, sealed and masked: dozens of
        objects. They are encoded, encrypted and stored by a few threads at once (Parquet,
        AES and the store's I/O release the GIL), in part order, so the manifest lists them
        exactly as one thread would have. Partitions are cut from the buffers as threads
        become free, and each is let go once written: the rows are held once, plus the
        partitions in flight (all of them were cut first, a second copy of every row).

        Buffers that filled earlier are written first (their parts were numbered first).
        """
        self._drain()
        parts = (
            (sealed, table, date, data, sessions)
            for sealed, table in sorted(self._buffers)
            for date, data, sessions in self._take(sealed, table)
        )
        self._record_all(self._write_parts(parts, FLUSH_THREADS, "flush"))

    def _write_parts(
        self,
        parts: Iterable[tuple[bool, Table, str, pa.Table, list[str]]],
        threads: int,
        name: str,
    ) -> list[ObjectEntry]:
        """``parts`` written by ``threads`` threads at once (1: this one), their keys taken
        and their entries returned in part order; each part is let go once written."""
        if threads <= 1:
            return [
                self._write(self._next_key(sealed, table, date), sealed, table, date, data, idx)
                for sealed, table, date, data, idx in parts
            ]
        out: list[ObjectEntry] = []
        with ThreadPoolExecutor(max_workers=threads, thread_name_prefix=name) as pool:
            writing: deque[Future[ObjectEntry]] = deque()
            try:
                for sealed, table, date, data, sessions in parts:
                    key = self._next_key(sealed, table, date)
                    writing.append(
                        pool.submit(self._write, key, sealed, table, date, data, sessions)
                    )
                    del data, sessions  # the thread's task holds them until written
                    if len(writing) >= threads:
                        out.append(writing.popleft().result())
                while writing:
                    out.append(writing.popleft().result())
            finally:
                for f in writing:
                    f.cancel()
        return out

    def close(self) -> None:
        """Let no write go on after the caller: a failing run waits for the buffer being
        written, and those queued behind it are never written (nothing is recorded)."""
        while self._writing:
            self._writing.popleft().cancel()
        if self._background is not None:
            self._background.shutdown(wait=True, cancel_futures=True)
            self._background = None

    def _flush(self, sealed: bool, table: Table) -> None:
        """A filled buffer's parts, written in the background while the stream goes on.

        One thread writes the filled buffers in the order they filled: it takes their parts'
        keys and the stream records their entries in that order, so parts are numbered and
        listed as if written here. A failed write raises here or in the next ``add_batch``
        or ``flush``, the same exception as a write in this thread."""
        buf = self._buffers.pop((sealed, table), None)
        if buf is None or not buf.rows:
            return
        if self._in_flight <= 0:
            self._record_all(self._write_buffer(sealed, table, buf, 1))
            return
        self._written()
        while len(self._writing) >= self._in_flight:
            self._record_all(self._writing.popleft().result())
        if self._background is None:
            self._background = ThreadPoolExecutor(max_workers=1, thread_name_prefix="parts")
        self._writing.append(
            self._background.submit(self._write_buffer, sealed, table, buf, BACKGROUND_WINDOW)
        )

    def _write_buffer(
        self, sealed: bool, table: Table, buf: _Buffer, threads: int
    ) -> list[ObjectEntry]:
        if self._failed:
            return []  # the run fails with the earlier buffer's error
        try:
            parts = ((sealed, table, date, data, idx) for date, data, idx in buf.by_date())
            return self._write_parts(parts, threads, "parts")
        except BaseException:
            self._failed = True
            raise

    def _written(self) -> None:
        """Record the buffers written since (in order); raise a failed write's error."""
        while self._writing and self._writing[0].done():
            self._record_all(self._writing.popleft().result())

    def _drain(self) -> None:
        """Wait for every filled buffer to be written, record them, let the thread go."""
        try:
            while self._writing:
                self._record_all(self._writing[0].result())
                self._writing.popleft()
        finally:
            self.close()

    def _record_all(self, entries: list[ObjectEntry]) -> None:
        for entry in entries:
            self._record(entry)

    def _take(self, sealed: bool, table: Table) -> Iterator[tuple[str, pa.Table, list[str]]]:
        """A buffer's partitions one at a time (the buffer is let go)."""
        buf = self._buffers.pop((sealed, table), None)
        if buf is not None and buf.rows:
            yield from buf.by_date()

    def _next_key(self, sealed: bool, table: Table, date: str) -> str:
        self._part += 1
        return layout.object_key(
            sealed=sealed,
            table=table,
            source=self._source,
            tenant=self._tenant,
            date=date,
            run_id=self._run_id,
            part=self._part,
        )

    def _record(self, entry: ObjectEntry) -> None:
        self.objects.append(entry)
        self.bytes_written += entry.ciphertext_size

    def _write(
        self, key: str, sealed: bool, table: Table, date: str, data: pa.Table, sessions: list[str]
    ) -> ObjectEntry:
        return write_object(
            self._store,
            self._keyrings[sealed],
            key=key,
            table=table,
            sealed=sealed,
            partition=Partition(self._source, self._tenant, date),
            rows=data,
            sessions=sessions if self._session_index else None,
        )
