"""Keyed pseudonyms: how the archive finds a person without storing who they are."""

from __future__ import annotations

import hashlib
import hmac
import json
from functools import lru_cache
from typing import Any

# One encoder for every canonical form: json.dumps would build a new one per call.
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


class Pseudonymizer:
    def __init__(self, key: bytes) -> None:
        self._key = key
        # Copying a keyed HMAC skips the key schedule and digest lookup of every new one.
        self._base = hmac.new(key, digestmod=hashlib.sha256)
        # People and sessions recur on every message: their ids are hashed once per run.
        self._subjects = lru_cache(maxsize=65536)(self._subject_id)
        self._session_key = lru_cache(maxsize=65536)(self._record_key)

    def __reduce__(self) -> tuple[type[Pseudonymizer], tuple[bytes]]:
        """Pickled as its key (to start a worker process), never as its caches."""
        return (Pseudonymizer, (self._key,))

    def __repr__(self) -> str:
        return "Pseudonymizer(key=<hidden>)"

    def _mac(self, domain: str, value: str) -> str:
        h = self._base.copy()
        h.update(domain.encode() + b"\x00" + value.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def subject_id(self, source_type: str, user_id: str) -> str:
        """HMAC-SHA256 of the platform user id (docs/MASKING.md), scoped by platform type."""
        return self._subjects(source_type, user_id)

    def _subject_id(self, source_type: str, user_id: str) -> str:
        return self._mac("subject:" + source_type, user_id)

    def record_key(self, table: str, record_id: str) -> str:
        """Short keyed id for state and indexes, so manifests name records without their platform
        ids. One exception: Kore.ai's source state keeps the session ids it must send back to
        the platform (to read those sessions again by id) in clear; session ids only, never
        user ids, names or content (docs/FORMAT.md, "state")."""
        if table == "sessions":
            return self._session_key(table, record_id)
        return self._record_key(table, record_id)

    def _record_key(self, table: str, record_id: str) -> str:
        return self._mac("record:" + table, record_id)[:24]

    def record_hash(self, data: dict[str, Any]) -> str:
        """Keyed hash of a record version: equal content, equal hash; no guessing from outside."""
        return self.record_hash_of(canonical_json(data))

    def record_hash_of(self, canonical: str) -> str:
        """``record_hash`` of a record whose canonical JSON the caller already has."""
        return self._mac("version", canonical)

    def token(self, kind: str, value: str) -> str:
        return self._mac("token:" + kind, value)[:8]


def canonical_json(data: Any) -> str:
    return _CANONICAL.encode(data)
