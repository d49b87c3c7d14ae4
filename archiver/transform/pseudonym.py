"""Keyed pseudonyms: how the archive finds a person without storing who they are."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import lru_cache
from json import encoder as _json_encoder
from typing import Any

# One encoder for every canonical form: json.dumps would build a new one per call.
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _c_canonical() -> Callable[[Any], str] | None:
    """``_CANONICAL.encode`` without its per-call set-up: the C encoder ``encode`` itself
    builds on every call (a new encoder object, a dict of containers seen), built once.

    It is the same C function with the same arguments but one: no dict of containers seen,
    which only turns a container that holds itself into a ``ValueError``; a record parsed
    from JSON cannot hold itself, and such a container still fails (``RecursionError``, a
    ``ValueError`` no more). Without the C accelerator (not CPython), ``_CANONICAL.encode``."""
    make = getattr(_json_encoder, "c_make_encoder", None)
    if make is None:  # pragma: no cover - CPython has it
        return None
    enc = make(
        None,  # markers
        _CANONICAL.default,
        _json_encoder.encode_basestring,  # ensure_ascii=False
        None,  # indent
        _CANONICAL.key_separator,
        _CANONICAL.item_separator,
        _CANONICAL.sort_keys,
        _CANONICAL.skipkeys,
        _CANONICAL.allow_nan,
    )
    join = "".join

    def encode(data: Any) -> str:
        if isinstance(data, str):  # as ``encode`` does: a string alone is not a container
            return _CANONICAL.encode(data)
        return join(enc(data, 0))

    return encode


_FAST_CANONICAL = _c_canonical()

#: Sessions whose keyed id a process keeps (most recently used first).
SESSION_CACHE = 8192
#: People whose subject id a process keeps (most recently used first).
SUBJECT_CACHE = 8192

_BLOCK = 64  # SHA-256's block size: HMAC pads its key to it (RFC 2104)


class Pseudonymizer:
    def __init__(self, key: bytes) -> None:
        self._key = key
        # HMAC-SHA256 (RFC 2104) from two keyed SHA-256 states copied per value: the same
        # digest as ``hmac.new(key, msg, sha256)`` without its Python wrapper's calls.
        k = hashlib.sha256(key).digest() if len(key) > _BLOCK else key
        k = k.ljust(_BLOCK, b"\x00")
        self._inner = hashlib.sha256(bytes(b ^ 0x36 for b in k))
        self._outer = hashlib.sha256(bytes(b ^ 0x5C for b in k))
        # People and sessions recur message after message: their ids are hashed once while
        # they do. A conversation's messages are read close together, so the sessions cache
        # holds the recent ones only: about 290 bytes an entry in every process of a run
        # (the run's and each worker's), which over a million messages' 125,000 sessions
        # took 19 MiB each at 65,536 entries; a miss costs one HMAC (a microsecond or two).
        # People likewise: a person's records are read together (a million messages' 25,000
        # people took 7 MiB a process at 65,536 entries, three million's 75,000 all 65,536).
        self._subjects = lru_cache(maxsize=SUBJECT_CACHE)(self._subject_id)
        self._session_key = lru_cache(maxsize=SESSION_CACHE)(self._record_key)

    def __reduce__(self) -> tuple[type[Pseudonymizer], tuple[bytes]]:
        """Pickled as its key (to start a worker process), never as its caches."""
        return (Pseudonymizer, (self._key,))

    def __repr__(self) -> str:
        return "Pseudonymizer(key=<hidden>)"

    def _mac(self, domain: str, value: str) -> str:
        inner = self._inner.copy()
        inner.update(domain.encode() + b"\x00" + value.encode("utf-8", "surrogatepass"))
        outer = self._outer.copy()
        outer.update(inner.digest())
        return outer.hexdigest()

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
    """Sorted keys, no spaces, non-ASCII as itself: ``json.dumps(data, sort_keys=True,
    separators=(",", ":"), ensure_ascii=False)``, the form of ``raw`` and ``record_hash``."""
    if _FAST_CANONICAL is not None:
        return _FAST_CANONICAL(data)
    return _CANONICAL.encode(data)  # pragma: no cover - not CPython
