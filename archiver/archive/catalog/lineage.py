"""Lineage documents: a compaction's custody record, outside its manifest and the checkpoints.

Which objects a compacted object replaced (``replaces``), and every object those replaced in
turn back to what crawls wrote, as the manifests that wrote them recorded them
(``ancestors``), run to one item per absorbed part: thousands after years of daily runs. Only
custody (``retrieve``, ``produce``) and ``verify --deep`` need them; carried in the compaction
manifest and in every checkpoint after it, every command paid for parsing and checking them.
So a compaction writes them into one document of its own, before its manifest, at
``lineage/source=…/tenant=…/<C, 10 digits>-<run id>.json`` (C: the manifest's sequence), and
the manifest pins it (``lineage: {key, sha256}``): the manifest's signature covers the hash, so
the document is as tamper-evident as if it were inline, and needs no signature of its own.
Checkpoints carry only the pins of the documents their live compacted objects need.

The document is self-contained: its ``ancestors`` hold every ancestor of its objects, with
the ``replaces`` of those that were compacted themselves (taken from their own documents, or
from their entries in compactions written before documents existed). A reader of one
compacted object's custody reads one document and no manifest before the checkpoint.

Compacted entries keep their ``ranks`` inline: every reader of rows (``restore``, ``export``,
``retrieve``) needs them for the newest-version rule, so moving them out would make every one
of those read the document; they are one small item per absorbed part (about a sixth of what
moved out).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from archiver.archive import layout, signed
from archiver.archive.catalog.chain import (
    Chain,
    Placed,
    ancestry_from,
    closure,
    get_raw,
    written,
)
from archiver.archive.catalog.model import Ancestor, Link, ObjectEntry, Replaced, StreamId
from archiver.archive.store import ObjectNotFound, Store
from archiver.errors import IntegrityError

FORMAT = "conversation-archiver/lineage"
FORMAT_VERSION = 2


def ancestors_json(ancestors: Iterable[Ancestor]) -> list[dict[str, Any]]:
    """Ancestors (by sequence, key) grouped by the manifest that wrote them."""
    groups: list[dict[str, Any]] = []
    for a in ancestors:
        if not groups or groups[-1]["manifest"] != a.manifest.to_json():
            groups.append({"manifest": a.manifest.to_json(), "objects": []})
        groups[-1]["objects"].append(a.to_json())
    return groups


def _link(d: Mapping[str, Any]) -> Link:
    return Link(int(d["sequence"]), str(d["key"]), str(d["sha256"]))


def ancestors_from_json(groups: Iterable[Mapping[str, Any]]) -> tuple[Ancestor, ...]:
    return tuple(
        Ancestor.from_json(link, obj)
        for group in groups
        for link in (_link(group["manifest"]),)
        for obj in group["objects"]
    )


def _replaced(items: Iterable[Mapping[str, Any]]) -> tuple[Replaced, ...]:
    return tuple(Replaced(str(r["key"]), str(r["sha256"])) for r in items)


@dataclass(frozen=True)
class Lineage:
    """One lineage document as pinned (``pin``: the manifest's sequence, the document's key
    and SHA-256) and as parsed."""

    pin: Link
    stream: StreamId
    #: Object key → what it replaced, for every object of the pinning manifest, in its order.
    replaces: Mapping[str, tuple[Replaced, ...]]
    ancestors: tuple[Ancestor, ...]
    _known: dict[str, Ancestor] = field(default_factory=dict, repr=False, compare=False)

    def known(self) -> Mapping[str, Ancestor]:
        """The ancestors by key."""
        if not self._known:
            self._known.update((a.key, a) for a in self.ancestors)
        return self._known

    def root(self, placed: Placed) -> Ancestor:
        """``placed`` (an object of the pinning manifest) with its ``replaces`` from here."""
        found = self.replaces.get(placed.entry.key)
        if found is None:
            raise IntegrityError(
                f"object {placed.entry.key}: lineage document {self.pin.key} does not name it, "
                f"though manifest {placed.sequence} pins it: the document was replaced"
            )
        return Ancestor(
            placed.link,
            placed.entry.key,
            placed.entry.ciphertext_sha256,
            placed.entry.plaintext_sha256,
            found,
        )


def document(
    stream: StreamId, sequence: int, objects: Sequence[ObjectEntry], ancestors: Iterable[Ancestor]
) -> dict[str, Any]:
    """The document of compaction manifest ``sequence``: ``objects`` with their ``replaces``."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "stream": stream.to_json(),
        "sequence": sequence,
        "objects": [{"key": o.key, "replaces": [r.to_json() for r in o.replaces]} for o in objects],
        "ancestors": ancestors_json(ancestors),
    }


def encode(doc: Mapping[str, Any]) -> bytes:
    """Stored bytes: canonical JSON (RFC 8785) plus one newline, like every document here."""
    return signed.canonical(doc) + b"\n"


def parse(pin: Link, raw: bytes, stream: StreamId) -> Lineage:
    """The document a manifest of ``stream`` pins, checked: the pinned SHA-256 first (which
    makes form and signature checks needless: the manifest's signature covers the hash), then
    that it is the document of that manifest. ``IntegrityError`` otherwise."""
    if hashlib.sha256(raw).hexdigest() != pin.sha256:
        raise IntegrityError(
            f"lineage document {pin.key} does not have the SHA-256 manifest {pin.sequence} of "
            f"stream {stream.name} pins: it was altered or replaced"
        )
    try:
        doc = json.loads(raw)
        if doc["format"] != FORMAT or doc["format_version"] != FORMAT_VERSION:
            raise ValueError("not a lineage document")
        s = doc["stream"]
        if (s["source"], s["source_type"], s["tenant"]) != (
            stream.source,
            stream.source_type,
            stream.tenant,
        ) or int(doc["sequence"]) != pin.sequence:
            raise ValueError("another manifest's document")
        replaces = {str(o["key"]): _replaced(o["replaces"]) for o in doc["objects"]}
        if any(not r for r in replaces.values()) or len(replaces) != len(doc["objects"]):
            raise ValueError("an object without lineage, or named twice")
        return Lineage(pin, stream, replaces, ancestors_from_json(doc["ancestors"]))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise IntegrityError(
            f"lineage document {pin.key} pinned by manifest {pin.sequence} of stream "
            f"{stream.name} is not the lineage of that manifest ({exc})"
        ) from None


def read(store: Store, pin: Link, stream: StreamId) -> Lineage:
    try:
        raw = store.get(pin.key)
    except ObjectNotFound:
        raise IntegrityError(
            f"lineage document {pin.key}, pinned by manifest {pin.sequence} of stream "
            f"{stream.name}, is missing: custody of its compacted objects cannot be shown"
        ) from None
    return parse(pin, raw, stream)


def write(store: Store, doc: Mapping[str, Any], run_id: str) -> Link:
    """Write a document (before the manifest that pins it: an orphan if that commit never
    happens) and return its pin."""
    s = doc["stream"]
    key = layout.lineage_key(s["source"], s["tenant"], int(doc["sequence"]), run_id)
    raw = encode(doc)
    sha = hashlib.sha256(raw).hexdigest()
    if not store.put_if_absent(key, raw, sha256_hex=sha) and store.get(key) != raw:
        raise IntegrityError(f"lineage document {key} exists with other content")
    return Link(int(doc["sequence"]), key, sha)


class Documents:
    """The lineage documents of one chain, each read and checked once, for the custody of its
    compacted objects (old ones carry their lineage inline and need none)."""

    def __init__(self, store: Store, chain: Chain) -> None:
        self.store = store
        self.chain = chain
        self._pins = chain.pins()
        self._read: dict[int, Lineage] = {}
        self._whole: dict[str, Ancestor] | None = None

    def pin(self, placed: Placed) -> Link:
        """The pin of ``placed``'s manifest: from the chain (checkpoint or manifests read), else
        from that manifest itself, checked against the hash the chain names it by."""
        found = self._pins.get(placed.sequence)
        if found is not None:
            return found
        link = placed.link
        try:
            raw = get_raw(self.store, link.key)
        except ObjectNotFound:
            raise IntegrityError(f"manifest {link.key} disappeared while reading") from None
        if hashlib.sha256(raw).hexdigest() != link.sha256:
            raise IntegrityError(f"manifest {link.key} differs from the one its chain names")
        pin = json.loads(raw).get("lineage")
        if not isinstance(pin, dict):
            raise IntegrityError(
                f"object {placed.entry.key}: manifest {link.key} names no lineage for it"
            )
        found = Link(link.sequence, str(pin["key"]), str(pin["sha256"]))
        self._pins[placed.sequence] = found
        return found

    def of(self, placed: Placed) -> Lineage:
        seq = placed.sequence
        if seq not in self._read:
            self._read[seq] = read(self.store, self.pin(placed), self.chain.head.stream)
        return self._read[seq]

    def ancestry(self, placed: Placed) -> list[tuple[Ancestor, Ancestor]]:
        """``chain.ancestry`` of ``placed``, whichever form its lineage has."""
        if not placed.entry.compacted:
            return []
        if placed.entry.replaces:  # written before lineage documents
            return ancestry_from(Ancestor.of(placed.entry, placed.link), self._written())
        doc = self.of(placed)
        return ancestry_from(doc.root(placed), doc.known())

    def _written(self) -> dict[str, Ancestor]:
        if self._whole is None:
            self._whole = written(self.chain)
        return self._whole


def of_compaction(
    chain: Chain, store: Store, objects: Sequence[ObjectEntry], parts: Sequence[Placed]
) -> tuple[Ancestor, ...]:
    """The ``ancestors`` of a new compaction's document: every object ``objects`` (with their
    ``replaces``) replace, directly or through earlier compactions, from the chain (which
    names ``parts``, the objects replaced) and the documents of the compacted parts."""
    docs = Documents(store, chain)
    known = dict(written(chain))
    for p in parts:
        if p.entry.compacted and not p.entry.replaces:
            doc = docs.of(p)
            known.update(doc.known())
            known[p.entry.key] = doc.root(p)
    # (Only a root's ``replaces`` is followed: the new objects have no manifest yet.)
    roots = [Ancestor.of(o, chain.head.link) for o in objects]
    return closure(roots, known)
