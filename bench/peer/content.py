"""Content identity of a platform record, computed the same way on both sides of the benchmark.

Standard library only: it is imported by the benchmark (project venv) and by the dlt pipeline
(dlt's own venv), so both hash what they received with the same function.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any


def content_hash(record: dict[str, Any]) -> str:
    """SHA-256 of the record as canonical JSON: same content, same hash, whatever the key order."""
    text = json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def version_stamp(record: dict[str, Any]) -> str:
    """When this version was made: ``updatedAt`` (users, sessions) or ``createdAt`` (messages).

    Peki timestamps share one fixed-width UTC format, so they order as strings.
    """
    return str(record.get("updatedAt") or record.get("createdAt") or "")
