"""The narrow storage interface the archive needs, and the key rules every backend shares.

The archive only ever creates objects (never overwrites them), reads, lists and deletes them;
``put_if_absent`` is the single primitive that makes manifest commits race-free, so backends
must implement it atomically (local: ``link``; S3: ``If-None-Match: *``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, runtime_checkable

from archiver.errors import StoreError

__all__ = [
    "MAX_KEY_LENGTH",
    "MAX_SEGMENT_LENGTH",
    "LegalHolds",
    "LockStatus",
    "ObjectInfo",
    "ObjectNotFound",
    "ObjectProtected",
    "Store",
    "VersionInfo",
    "VersionedStore",
    "check_sha256_hex",
    "validate_key",
    "validate_prefix",
]

#: S3's limit (bytes; keys are ASCII so characters = bytes).
MAX_KEY_LENGTH = 1024
#: Common file-name limit, so every key also fits a local filesystem.
MAX_SEGMENT_LENGTH = 255

_SEGMENT_RE = re.compile(r"[A-Za-z0-9_=%+-][A-Za-z0-9._=%+-]*")


class ObjectNotFound(StoreError):
    """The named object does not exist in the store."""

    def __init__(self, key: str) -> None:
        super().__init__(f"object {key!r} not found in the store")
        self.key = key


@dataclass(frozen=True)
class ObjectInfo:
    """Metadata of one stored object."""

    key: str
    size: int
    modified: datetime  # timezone-aware UTC


@runtime_checkable
class Store(Protocol):
    """What the archive needs from a storage backend, and nothing more."""

    description: str  # human readable, no credentials

    def put_if_absent(self, key: str, data: bytes, *, sha256_hex: str | None = None) -> bool:
        """Create ``key`` atomically; False (and nothing written) if it already exists.

        ``sha256_hex`` is checked against ``data`` (and sent to the server where it can verify
        it), so corruption between hashing and storing is caught.
        """
        ...

    def get(self, key: str) -> bytes:
        """The object's bytes; raises ``ObjectNotFound``."""
        ...

    def head(self, key: str) -> ObjectInfo | None:
        """The object's metadata, or None if it does not exist."""
        ...

    def list(self, prefix: str) -> Iterator[ObjectInfo]:
        """Every object whose key starts with ``prefix`` (a plain string prefix, as in S3),
        sorted by key. Use a trailing "/" to list one folder only."""
        ...

    def delete(self, key: str) -> None:
        """Remove the object; deleting a missing object is not an error."""
        ...


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _bad(key: str, why: str) -> StoreError:
    return StoreError(f"invalid object key {key!r}: {why}")


def validate_key(key: str) -> str:
    """Return ``key`` if it is a safe relative object key, else raise ``StoreError``.

    Keys are "/"-separated segments of ``[A-Za-z0-9._=%+-]``. Segments may not be empty or
    start with "." (which also excludes "." and ".."; dot-names are reserved for backend
    bookkeeping such as the local store's ``.tmp/``). The same rules apply to every backend,
    so an archive can move between them and no key can escape a local root.
    """
    if not isinstance(key, str):
        raise StoreError(f"object key must be str, not {type(key).__name__}")
    if not key:
        raise _bad(key, "empty")
    if len(key) > MAX_KEY_LENGTH:
        raise _bad(key[:80] + "...", f"longer than {MAX_KEY_LENGTH} characters")
    if "\x00" in key:
        raise _bad(key, "contains NUL")
    if _CONTROL.search(key):  # one C scan: listings check every key they return
        raise _bad(key, "contains control characters")
    if "\\" in key:
        raise _bad(key, "contains a backslash (use '/')")
    if key.startswith("/"):
        raise _bad(key, "absolute (keys are relative)")
    for segment in key.split("/"):
        if not segment:
            raise _bad(key, "empty path segment")
        if segment in (".", ".."):
            raise _bad(key, f"{segment!r} segment")
        if segment.startswith("."):
            raise _bad(key, f"segment {segment!r} starts with '.' (reserved)")
        if len(segment) > MAX_SEGMENT_LENGTH:
            raise _bad(key, f"segment longer than {MAX_SEGMENT_LENGTH} characters")
        if not _SEGMENT_RE.fullmatch(segment):
            raise _bad(key, "characters outside A-Z a-z 0-9 . _ = % + -")
    return key


def validate_prefix(prefix: str) -> str:
    """Return ``prefix`` if it is "" or a valid key, optionally followed by one "/"."""
    if prefix == "":
        return prefix
    validate_key(prefix[:-1] if prefix.endswith("/") else prefix)
    return prefix


def check_sha256_hex(sha256_hex: str) -> str:
    """Return the digest in lower case if it looks like a SHA-256 hex digest."""
    if not re.fullmatch(r"[0-9a-fA-F]{64}", sha256_hex):
        raise StoreError("sha256_hex must be 64 hexadecimal characters")
    return sha256_hex.lower()


# --- capabilities beyond the narrow protocol (S3 Object Lock, versioning) ----------------


class ObjectProtected(StoreError):
    """S3 Object Lock (retention or legal hold) refuses to delete the object yet."""

    def __init__(self, message: str, *, why: str) -> None:
        super().__init__(message)
        self.why = why


@dataclass(frozen=True)
class LockStatus:
    """Object Lock state of one object version as S3 reports it."""

    mode: str | None
    retain_until: datetime | None  # timezone-aware UTC
    legal_hold: bool

    def protected_at(self, now: datetime) -> bool:
        return self.legal_hold or (self.retain_until is not None and self.retain_until > now)

    def describe(self) -> str:
        if self.legal_hold:
            return "a legal hold"
        if self.retain_until is None:
            return "no retention"
        return f"{self.mode} retention until {self.retain_until:%Y-%m-%d %H:%M:%S}Z"


@dataclass(frozen=True)
class VersionInfo:
    """One version (or delete marker) of a key in a versioned bucket."""

    key: str
    version_id: str
    latest: bool
    delete_marker: bool
    size: int
    modified: datetime


@runtime_checkable
class LegalHolds(Protocol):
    """A store that can place and lift legal holds and report Object Lock state."""

    def set_legal_hold(self, key: str, on: bool) -> None: ...

    def lock_status(self, key: str) -> LockStatus | None: ...


@runtime_checkable
class VersionedStore(Protocol):
    """A store that can show every version of its keys, including hidden (deleted) ones."""

    def list_versions(self, prefix: str) -> Iterator[VersionInfo]: ...
