"""Parts dictionary-encode only the columns whose values repeat (docs/FORMAT.md): texts, ids
unique per row and hashes are written plain, and the rows read back the same either way."""

from __future__ import annotations

import io

import pyarrow as pa
import pyarrow.parquet as pq

from archiver.archive.tables import DICTIONARY_COLUMNS, schema_for
from archiver.archive.writer import parquet_bytes


def _messages(n: int) -> pa.Table:
    rows = [
        {
            "source": "peki",
            "tenant": "bot1",
            "message_id": f"m{i:06d}",
            "session_id": f"s{i // 8}",
            "subject_id": f"u{i // 40}",
            "sender": "user" if i % 2 else "bot",
            "text": f"text number {i} with words",
            "attachments": [],
            "created_at": None,
            "version_time": None,
            "record_hash": f"{i:064x}",
            "raw": "{}",
            "user_id": f"platform-user-{i // 40}",
        }
        for i in range(n)
    ]
    return pa.Table.from_pylist(rows, schema=schema_for("messages", True))


def _dictionary_columns(data: bytes) -> set[str]:
    meta = pq.ParquetFile(io.BytesIO(data)).metadata
    rg = meta.row_group(0)
    return {
        rg.column(i).path_in_schema
        for i in range(rg.num_columns)
        if any("DICTIONARY" in e for e in rg.column(i).encodings)
    }


def test_only_repeating_columns_are_dictionary_encoded() -> None:
    data = _messages(2000)
    written = parquet_bytes(data, "messages")
    assert _dictionary_columns(written) == set(DICTIONARY_COLUMNS["messages"])
    assert pq.read_table(io.BytesIO(written)).equals(data)


def test_every_column_dictionary_encoded_is_larger() -> None:
    """Against Parquet's default (every column dictionary-encoded where it keeps one)."""
    data = _messages(2000)
    buf = io.BytesIO()
    pq.write_table(data, buf, compression="zstd", row_group_size=64 * 1024)
    everything = buf.getvalue()
    assert {"text", "message_id"} <= _dictionary_columns(everything)
    assert pq.read_table(io.BytesIO(everything)).equals(data)
    assert len(parquet_bytes(data, "messages")) < len(everything)
