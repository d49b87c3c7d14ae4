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


def schema_for(table: str, sealed: bool) -> pa.Schema:
    return (SEALED if sealed else MASKED)[table]


def row_size(row: dict[str, Any]) -> int:
    """What a row counts toward a part's ``part_size_bytes``: its text and raw JSON, plus a
    fixed share."""
    return 96 + len(row.get("raw") or "") + len(row.get("text") or "")


def row_values(row: dict[str, Any], table: str, sealed: bool) -> tuple[Any, ...]:
    """A row's values in its table's column order (a missing column is null)."""
    return tuple(row.get(name) for name in schema_for(table, sealed).names)
