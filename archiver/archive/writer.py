"""Rows → Parquet parts → encrypted objects in the store, with the manifest entry of each.

Memory stays bounded: rows are buffered per table up to ``part_rows`` / ``part_size_bytes``,
then written out as one object per date partition. Plaintext never touches disk.
"""

from __future__ import annotations

import hashlib
import io
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from archiver.archive import layout
from archiver.archive.crypto import Keyring
from archiver.archive.store import Store
from archiver.archive.tables import schema_for
from archiver.errors import StoreError
from archiver.timeutil import format_ts

PARQUET_COMPRESSION = "zstd"


def encryption_context(
    *, key: str, table: str, sealed: bool, source: str, tenant: str
) -> dict[str, str]:
    """Bound into every message and checked on decrypt: an object moved elsewhere is refused.
    Holds names and ids of streams, never personal data."""
    return {
        "archiver:format": "1",
        "archiver:object": key,
        "archiver:table": table,
        "archiver:kind": "sealed" if sealed else "masked",
        "archiver:source": source,
        "archiver:tenant": tenant,
    }


def expected_context(obj: dict[str, Any]) -> dict[str, str]:
    """The encryption context an object's manifest entry says its message must carry."""
    part = obj["partition"]
    return encryption_context(
        key=obj["key"],
        table=obj["table"],
        sealed=bool(obj["sealed"]),
        source=part["source"],
        tenant=part["tenant"],
    )


def parquet_bytes(rows: list[dict[str, Any]], schema: pa.Schema) -> bytes:
    table = pa.Table.from_pylist(rows, schema=schema)
    buf = io.BytesIO()
    pq.write_table(table, buf, compression=PARQUET_COMPRESSION, row_group_size=64 * 1024)
    return buf.getvalue()


def write_object(
    store: Store,
    keyring: Keyring,
    *,
    key: str,
    table: str,
    sealed: bool,
    source: str,
    tenant: str,
    date: str,
    rows: list[dict[str, Any]],
    sessions: list[str] | None = None,
) -> dict[str, Any]:
    """Encrypt ``rows`` as one new object at ``key``; return its manifest entry.

    ``sessions`` is the object's session index (first 16 hex of each keyed session id)."""
    plain = parquet_bytes(rows, schema_for(table, sealed))
    ctx = encryption_context(key=key, table=table, sealed=sealed, source=source, tenant=tenant)
    cipher = keyring.encrypt(plain, ctx)
    digest = hashlib.sha256(cipher).hexdigest()
    if not store.put_if_absent(key, cipher, sha256_hex=digest):
        raise StoreError(f"object {key} already exists; run ids must be unique")
    times: list[datetime] = [r["version_time"] for r in rows]
    entry: dict[str, Any] = {
        "key": key,
        "table": table,
        "sealed": sealed,
        "partition": {"source": source, "tenant": tenant, "date": date},
        "rows": len(rows),
        "plaintext_size": len(plain),
        "ciphertext_size": len(cipher),
        "plaintext_sha256": hashlib.sha256(plain).hexdigest(),
        "ciphertext_sha256": digest,
        "time_range": {"min": format_ts(min(times)), "max": format_ts(max(times))},
        "subjects": sorted({r["subject_id"][:16] for r in rows if r.get("subject_id")}),
    }
    if sessions is not None:
        entry["sessions"] = sorted(set(sessions))
    return entry


@dataclass
class _Buffer:
    rows: list[dict[str, Any]] = field(default_factory=list)
    sessions: list[str | None] = field(default_factory=list)
    size: int = 0


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
    ) -> None:
        """``session_index`` maps a platform session id to its index entry; without it the
        manifest entries carry no session index."""
        self._store = store
        self._session_index = session_index
        self._keyrings = {False: masked, True: sealed}
        self._source, self._tenant, self._run_id = source, tenant, run_id
        self._part_size, self._part_rows = part_size_bytes, part_rows
        self._buffers: dict[tuple[bool, str], _Buffer] = defaultdict(_Buffer)
        self._part = 0
        self.objects: list[dict[str, Any]] = []
        self.bytes_written = 0

    def add(self, table: str, masked_row: dict[str, Any], sealed_row: dict[str, Any]) -> None:
        sid = sealed_row.get("session_id")  # the platform's id: masked rows may carry a token
        index = self._session_index(sid) if self._session_index and sid else None
        for sealed, row in ((False, masked_row), (True, sealed_row)):
            buf = self._buffers[(sealed, table)]
            buf.rows.append(row)
            buf.sessions.append(index)
            buf.size += 96 + len(row.get("raw") or "") + len(row.get("text") or "")
            if len(buf.rows) >= self._part_rows or buf.size >= self._part_size:
                self._flush(sealed, table)

    def flush(self) -> None:
        for sealed, table in sorted(self._buffers):
            self._flush(sealed, table)

    def _flush(self, sealed: bool, table: str) -> None:
        buf = self._buffers.pop((sealed, table), None)
        if buf is None or not buf.rows:
            return
        by_date: dict[str, list[dict[str, Any]]] = defaultdict(list)
        sessions: dict[str, list[str]] = defaultdict(list)
        for row, index in zip(buf.rows, buf.sessions, strict=True):
            date = row["created_at"].date().isoformat()
            by_date[date].append(row)
            if index:
                sessions[date].append(index)
        for date in sorted(by_date):
            self._write(sealed, table, date, by_date[date], sessions[date])

    def _write(
        self, sealed: bool, table: str, date: str, rows: list[dict[str, Any]], sessions: list[str]
    ) -> None:
        self._part += 1
        key = layout.object_key(
            sealed=sealed,
            table=table,
            source=self._source,
            tenant=self._tenant,
            date=date,
            run_id=self._run_id,
            part=self._part,
        )
        entry = write_object(
            self._store,
            self._keyrings[sealed],
            key=key,
            table=table,
            sealed=sealed,
            source=self._source,
            tenant=self._tenant,
            date=date,
            rows=rows,
            sessions=sessions if self._session_index else None,
        )
        self.objects.append(entry)
        self.bytes_written += entry["ciphertext_size"]
