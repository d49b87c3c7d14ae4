"""The table contract (docs/FORMAT.md): columns of masked rows and of sealed originals.

Sealed tables carry the same columns with the original values, plus the platform's user id.
Bump SCHEMA_VERSION when a column changes; readers accept every older version.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

SCHEMA_VERSION = 2  # 2: messages.attachments

_TS = pa.timestamp("ms", tz="UTC")

_COMMON_HEAD = [("source", pa.string()), ("tenant", pa.string())]
_COMMON_TAIL = [("version_time", _TS), ("record_hash", pa.string()), ("raw", pa.string())]

MASKED: dict[str, pa.Schema] = {
    "messages": pa.schema(
        [
            *_COMMON_HEAD,
            ("message_id", pa.string()),
            ("session_id", pa.string()),
            ("subject_id", pa.string()),
            ("sender", pa.string()),
            ("text", pa.string()),
            ("attachments", pa.list_(pa.string())),
            ("created_at", _TS),
            *_COMMON_TAIL,
        ]
    ),
    "sessions": pa.schema(
        [
            *_COMMON_HEAD,
            ("session_id", pa.string()),
            ("subject_id", pa.string()),
            ("status", pa.string()),
            ("created_at", _TS),
            ("updated_at", _TS),
            *_COMMON_TAIL,
        ]
    ),
    "users": pa.schema(
        [
            *_COMMON_HEAD,
            ("subject_id", pa.string()),
            ("created_at", _TS),
            ("updated_at", _TS),
            *_COMMON_TAIL,
        ]
    ),
}

SEALED: dict[str, pa.Schema] = {
    name: schema.append(pa.field("user_id", pa.string())) for name, schema in MASKED.items()
}

# Which column identifies a record within its table (a version adds record_hash).
ID_COLUMN = {"messages": "message_id", "sessions": "session_id", "users": "subject_id"}


#: Columns whose values repeat across a part's rows, written dictionary-encoded; the others
#: (texts, ids unique per row, hashes, raw JSON) are written plain: a dictionary of values that
#: never repeat costs time and bytes before Parquet falls back from it.
DICTIONARY_COLUMNS: dict[str, tuple[str, ...]] = {
    "messages": ("source", "tenant", "session_id", "subject_id", "sender", "user_id"),
    "sessions": ("source", "tenant", "subject_id", "status", "user_id"),
    "users": ("source", "tenant"),
}


def schema_for(table: str, sealed: bool) -> pa.Schema:
    return (SEALED if sealed else MASKED)[table]


def row_size(row: dict[str, Any]) -> int:
    """What a row counts toward a part's size: the bytes its values take in Arrow buffers
    (a string's UTF-8 bytes and its 4-byte offset, a list's offset and its strings', 8 bytes
    for a timestamp or number, 4 for a null; validity bits left out). The writer cuts a part
    when its rows' sizes reach its bound: the buffers a run holds are bounded by it, whatever
    the columns beside the text and raw JSON hold. ``arrow_sizes`` gives the same for each
    row of a record batch, in C."""
    size = 0
    for v in row.values():
        if v.__class__ is str:
            size += 4 + (len(v) if v.isascii() else len(v.encode("utf-8", "surrogatepass")))
        elif v is None:
            size += 4
        elif isinstance(v, list | tuple):
            size += 4 + sum(row_size({"": x}) for x in v)
        else:
            size += 8
    return size


def row_values(row: dict[str, Any], table: str, sealed: bool) -> tuple[Any, ...]:
    """A row's values in its table's column order (a missing column is null)."""
    return tuple(row.get(name) for name in schema_for(table, sealed).names)


def arrow_sizes(batch: pa.RecordBatch) -> list[int]:
    """``row_size`` of each row of ``batch``, computed column by column in Arrow (a row's
    size in Python costs microseconds, and every row of both copies needs one)."""
    import pyarrow.compute as pc  # slow to import: only when rows are laid out

    fixed = 0  # what every row counts alike
    total: pa.Array | None = None
    listed: list[int] | None = None
    for col in batch.columns:
        kind = col.type
        if pa.types.is_string(kind):
            fixed += 4
            size = pc.binary_length(col)  # UTF-8 bytes, int32; null for a null
            if col.null_count:
                size = size.fill_null(0)
        elif pa.types.is_list(kind):
            fixed += 4
            if not len(col.flatten()):  # every list empty or null: 4 bytes each
                continue
            # Rare and short (a message's attachments): in Python.
            extra = [0 if v is None else sum(row_size({"": x}) for x in v) for v in col.to_pylist()]
            if listed is not None:
                extra = [a + b for a, b in zip(listed, extra, strict=True)]
            listed = extra
            continue
        elif col.null_count:
            size = pc.if_else(col.is_valid(), 8, 4)
        else:
            fixed += 8
            continue
        total = size if total is None else pc.add(total, size)
    sizes: list[int] = (
        [fixed] * batch.num_rows if total is None else pc.add(total, fixed).to_pylist()
    )
    if listed is not None:
        sizes = [a + b for a, b in zip(sizes, listed, strict=True)]
    return sizes
