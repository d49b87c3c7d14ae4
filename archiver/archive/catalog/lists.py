"""Lists a compaction manifest keeps in its lineage document (``supersedes_section``).

A compaction of thousands of small parts supersedes thousands of keys. Carried in the
manifest, they were parsed by every reader until the next checkpoint, though a reader from the
checkpoint never needs them (its live objects leave them out already); so the compaction puts
the list in its lineage document, as one more section, and the manifest pins it (offset,
length, SHA-256, count). The manifest's signature covers the pin: whoever needs the list
(a replay of the whole chain, the manifests after a checkpoint, ``verify`` telling a kept
superseded object from an orphan) reads those bytes alone and checks them.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json

from archiver.archive.catalog.model import ListPin, Manifest
from archiver.archive.store import ObjectNotFound, Store
from archiver.errors import IntegrityError


def read_range(store: Store, key: str, offset: int, length: int) -> bytes:
    """``length`` bytes of object ``key`` from ``offset``: one ranged read where the store
    offers it (``get_range``), else the object read whole and cut."""
    ranged = getattr(store, "get_range", None)
    if callable(ranged):
        data = ranged(key, offset, length)
        assert isinstance(data, bytes)
        return data
    return store.get(key)[offset : offset + length]


class ListMissing(IntegrityError):
    """The lineage document holding a pinned list is not in the store."""


def list_keys(raw: bytes, pin: ListPin) -> frozenset[str]:
    """The keys of a ``supersedes`` section whose bytes are ``raw`` (checked against ``pin``:
    length, SHA-256, and then a sorted list of ``count`` distinct keys). ``ValueError``
    naming what is wrong."""
    if len(raw) != pin.length or hashlib.sha256(raw).hexdigest() != pin.sha256:
        raise ValueError("its supersedes section does not have the SHA-256 the manifest pins")
    d = json.loads(raw)
    keys = d.get("supersedes") if isinstance(d, dict) else None
    if (
        not isinstance(keys, list)
        or len(d) != 1
        or not all(isinstance(k, str) for k in keys)
        or keys != sorted(set(keys))
        or len(keys) != pin.count
    ):
        raise ValueError("its supersedes section is not a sorted list of the pinned count")
    return frozenset(keys)


def read_supersedes(store: Store, m: Manifest) -> Manifest:
    """``m`` with its ``supersedes`` read from its lineage document when the manifest pins
    the list there (a ranged read of that section alone, checked against the pin the
    manifest's signature covers); ``m`` itself otherwise. ``IntegrityError`` when the
    document is missing or the section does not check."""
    at, pin = m.supersedes_pin, m.lineage
    if m.supersedes_read or at is None:
        return m
    if pin is None:  # the schema requires lineage beside supersedes_section
        raise IntegrityError(f"manifest {m.key} pins a supersedes list but no lineage document")
    try:
        raw = read_range(store, pin.key, at.offset, at.length)
    except ObjectNotFound:
        raise ListMissing(
            f"lineage document {pin.key}, pinned by manifest {pin.sequence} of stream "
            f"{m.stream.name}, is missing: the objects that manifest superseded cannot be named"
        ) from None
    try:
        keys = list_keys(raw, at)
    except ValueError as exc:
        raise IntegrityError(
            f"lineage document {pin.key} pinned by manifest {pin.sequence} of stream "
            f"{m.stream.name} is not the lineage of that manifest ({exc}): it was altered or "
            "replaced"
        ) from None
    return dataclasses.replace(m, supersedes=keys, supersedes_read=True)
