"""Keyed pseudonyms: how the archive finds a person without storing who they are."""

from __future__ import annotations

import hmac
import json
from typing import Any


class Pseudonymizer:
    def __init__(self, key: bytes) -> None:
        self._key = key

    def _mac(self, domain: str, value: str) -> str:
        msg = domain.encode() + b"\x00" + value.encode("utf-8", "surrogatepass")
        return hmac.digest(self._key, msg, "sha256").hex()

    def subject_id(self, source_type: str, user_id: str) -> str:
        """HMAC-SHA256 of the platform user id (DESIGN §4), scoped by platform type."""
        return self._mac("subject:" + source_type, user_id)

    def record_key(self, table: str, record_id: str) -> str:
        """Short keyed id for state: manifests never name a platform id in clear."""
        return self._mac("record:" + table, record_id)[:24]

    def record_hash(self, data: dict[str, Any]) -> str:
        """Keyed hash of a record version: equal content, equal hash; no guessing from outside."""
        return self._mac("version", canonical_json(data))

    def token(self, kind: str, value: str) -> str:
        return self._mac("token:" + kind, value)[:8]


def canonical_json(data: Any) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
