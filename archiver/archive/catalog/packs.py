"""Manifest packs: a stream's old manifests, byte for byte, in one object.

A stream that runs daily for years has thousands of manifests, each a small object: every one
is a request to whoever reads the whole chain, and an object to keep. A pack holds the exact
stored bytes of manifests ``first``..``last`` of one stream, with an index, at
``packs/source=…/tenant=…/<first>-<last>.pack`` (both 10 digits): the name alone says which
manifests it holds, so listing a stream's manifests costs one listing of its packs more and
no read.

The bytes: one line of JSON, the index, then ``\\n``, then the manifests one after the other::

    {"first":1,"format":"conversation-archiver/pack","format_version":1,"last":N,
     "manifests":[{"key":…,"length":…,"offset":…,"sequence":1,"sha256":…},…],
     "stream":{"source":…,"tenant":…}}

``offset`` counts from the first byte after the newline; the manifests are contiguous, in
sequence order, one per sequence ``first``..``last``, each under the key it had; ``sha256`` is
the SHA-256 of its bytes (the same hash the next manifest's ``previous`` names). The index is
not signed: it only says where the bytes are. What is read from a pack is checked exactly as a
manifest read on its own (canonical form, schema, signature by the key in force, place in its
chain and link to its predecessor), so a changed byte or a changed index is refused like a
changed manifest.

Readers take a manifest from a pack when one covers its sequence (``Shelf``), else from its
own object. ``archiver compact`` writes packs (``write_pack``): only of manifests before the
one the stream's newest checkpoint covers (readers from the checkpoint never open the pack;
runs only append after the head), by reading and checking the chain, writing the pack with
put-if-absent, reading it back byte-identical, and only then deleting the single manifests
and any older pack it contains. A crash at any point leaves every manifest readable: from its
own object, from a pack, or from both (identical bytes).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from archiver.archive import layout
from archiver.archive.catalog.model import Manifest
from archiver.archive.store import ObjectNotFound, ObjectProtected, Store
from archiver.errors import IntegrityError

FORMAT = "conversation-archiver/pack"
FORMAT_VERSION = 1


class PackError(IntegrityError):
    """A pack whose index or bytes do not check: damage, like an altered manifest."""


@dataclass(frozen=True, slots=True)
class PackName:
    """A pack as its key names it: which stream, which manifests."""

    key: str
    source: str
    tenant: str
    first: int
    last: int

    @property
    def stream(self) -> tuple[str, str]:
        return (self.source, self.tenant)

    def covers(self, sequence: int) -> bool:
        return self.first <= sequence <= self.last

    @classmethod
    def parse(cls, key: str) -> PackName | None:
        parsed = layout.parse_pack(key)
        return None if parsed is None else cls(key, *parsed)


@dataclass(frozen=True)
class Pack:
    """A pack read and checked: manifest key → its stored bytes."""

    name: PackName
    manifests: Mapping[str, bytes]
    #: Manifest key → SHA-256 of its bytes (as the index says, and checked).
    sha256: Mapping[str, str]

    def get(self, key: str) -> bytes:
        try:
            return self.manifests[key]
        except KeyError:
            raise PackError(f"pack {self.name.key} does not hold {key}") from None


# --- the bytes ----------------------------------------------------------------------------


def build(source: str, tenant: str, manifests: Sequence[tuple[int, str, bytes]]) -> bytes:
    """The pack of (sequence, key, stored bytes), given in sequence order without gaps."""
    entries: list[dict[str, Any]] = []
    offset = 0
    for seq, key, raw in manifests:
        entries.append(
            {
                "sequence": seq,
                "key": key,
                "offset": offset,
                "length": len(raw),
                "sha256": hashlib.sha256(raw).hexdigest(),
            }
        )
        offset += len(raw)
    index = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "stream": {"source": source, "tenant": tenant},
        "first": manifests[0][0],
        "last": manifests[-1][0],
        "manifests": entries,
    }
    head = json.dumps(index, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return head.encode() + b"\n" + b"".join(raw for _, _, raw in manifests)


def parse(name: PackName, raw: bytes) -> Pack:
    """A pack's manifests, every rule of the format checked (``PackError`` otherwise)."""

    def bad(why: str) -> PackError:
        return PackError(f"pack {name.key} is damaged: {why}")

    head, sep, body = raw.partition(b"\n")
    if not sep:
        raise bad("no index line")
    try:
        index = json.loads(head)
        if index["format"] != FORMAT or index["format_version"] != FORMAT_VERSION:
            raise bad(f"not a pack of format version {FORMAT_VERSION}")
        stream, entries = index["stream"], index["manifests"]
        first, last = index["first"], index["last"]
        if (stream["source"], stream["tenant"], first, last) != (
            name.source,
            name.tenant,
            name.first,
            name.last,
        ):
            raise bad("its index names other manifests than its key")
        out: dict[str, bytes] = {}
        hashes: dict[str, str] = {}
        offset = 0
        for expected, entry in zip(range(first, last + 1), entries, strict=True):
            seq, key = entry["sequence"], entry["key"]
            start, length, sha = entry["offset"], entry["length"], entry["sha256"]
            if seq != expected or key != layout.manifest_key(name.source, name.tenant, seq):
                raise bad(f"entry {expected} names {key!r}")
            if type(start) is not int or type(length) is not int or start != offset:
                raise bad(f"manifest {seq} is not where the index says")
            data = body[start : start + length]
            if length < 0 or len(data) != length or hashlib.sha256(data).hexdigest() != sha:
                raise bad(f"manifest {seq}'s bytes do not have the SHA-256 its index names")
            out[key], hashes[key] = data, str(sha)
            offset += length
        if offset != len(body):
            raise bad("bytes after the last manifest")
    except PackError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError):
        raise bad("its index is not a pack index") from None
    return Pack(name, out, hashes)


# --- finding ------------------------------------------------------------------------------


def listed(store: Store, source: str | None = None, tenant: str | None = None) -> list[PackName]:
    """The packs in the store (of one stream, when given), by key."""
    prefix = (
        layout.pack_prefix(source, tenant)
        if source is not None and tenant is not None
        else layout.PACKS + "/"
    )
    out = []
    for info in store.list(prefix):
        name = PackName.parse(info.key)
        if name is not None and (source is None or name.stream == (source, tenant)):
            out.append(name)
    return sorted(out, key=lambda n: n.key)


def packed_sequences(names: Iterable[PackName]) -> dict[tuple[str, str], set[int]]:
    """Stream → the sequences its packs hold, by their names alone."""
    out: dict[tuple[str, str], set[int]] = {}
    for n in names:
        out.setdefault(n.stream, set()).update(range(n.first, n.last + 1))
    return out


def covering(names: Iterable[PackName], sequence: int) -> PackName | None:
    """The pack to read ``sequence`` from: of those holding it, the one reaching furthest
    (after a crash mid-repack two may hold it; their bytes are the same)."""
    found = [n for n in names if n.covers(sequence)]
    return max(found, key=lambda n: (n.last, -n.first)) if found else None


def read(store: Store, name: PackName) -> Pack:
    return parse(name, store.get(name.key))


@dataclass
class Shelf:
    """Where one stream's manifests are read from: a pack covering the sequence, else the
    manifest's own object. Packs are listed once (or given) and each read once."""

    store: Store
    source: str
    tenant: str
    names: list[PackName] | None = None
    _packs: dict[str, Pack] = field(default_factory=dict)

    def _names(self) -> list[PackName]:
        if self.names is None:
            self.names = listed(self.store, self.source, self.tenant)
        return self.names

    def pack_of(self, key: str) -> PackName | None:
        parsed = layout.parse_stream(key)
        return None if parsed is None else covering(self._names(), parsed[2])

    def _pack(self, name: PackName) -> Pack:
        pack = self._packs.get(name.key)
        if pack is None:
            pack = self._packs[name.key] = read(self.store, name)
        return pack

    def get(self, key: str) -> bytes:
        """The manifest's stored bytes; ``ObjectNotFound`` when neither a pack nor its own
        object has it (after listing the packs again: a compaction may have just packed it),
        ``PackError`` when the pack holding it is damaged."""
        for attempt in (0, 1):
            name = self.pack_of(key)
            try:
                if name is not None:
                    return self._pack(name).get(key)
                return self.store.get(key)
            except ObjectNotFound:
                if attempt:
                    raise
                self.names = None  # repacked or packed meanwhile: list again
        raise ObjectNotFound(key)  # pragma: no cover  (the loop returns or raises)


def stream_keys(store: Store, source: str, tenant: str) -> list[str]:
    """A stream's manifest keys in sequence order, whether in their own objects or in
    packs: two listings, nothing read."""
    seqs: set[int] = set()
    for info in store.list(layout.stream_prefix(source, tenant)):
        parsed = layout.parse_stream(info.key)
        if parsed is not None:
            seqs.add(parsed[2])
    for n in listed(store, source, tenant):
        seqs.update(range(n.first, n.last + 1))
    return [layout.manifest_key(source, tenant, s) for s in sorted(seqs)]


# --- writing ------------------------------------------------------------------------------


@dataclass
class Packed:
    """What ``write_pack`` did for one stream."""

    pack: str | None = None
    manifests: int = 0  # manifests the new pack holds
    deleted: list[str] = field(default_factory=list)  # single manifests and older packs
    #: Keys Object Lock kept: their bytes are in the pack; ``gc`` removes them later.
    retained: dict[str, str] = field(default_factory=dict)


def target(names: Iterable[PackName], loose: Iterable[int], upto: int) -> int:
    """The last manifest a new pack of the stream would hold (it holds 1..that), or 0 when
    nothing is to be done: one pack already holds them all and none is left on its own.
    ``upto``: the last manifest allowed in (before the newest checkpoint's); a pack that
    already reaches further is kept whole."""
    names = list(names)
    last = max([upto, *(n.last for n in names)])
    if last < 1:
        return 0
    done = len(names) == 1 and names[0].first == 1 and names[0].last == last
    if done and not any(s <= last for s in loose):
        return 0
    return last


def write_pack(
    store: Store, source: str, tenant: str, manifests: Sequence[Manifest], upto: int
) -> Packed:
    """Pack the stream's manifests 1..``upto`` (and whatever older packs hold) into one pack.

    ``manifests``: the stream's chain from manifest 1, read and checked (``read_chain``).
    Order, so that a crash anywhere leaves each manifest readable: write the pack with
    put-if-absent (or find it written by an earlier, interrupted call), read it back and check
    it holds every manifest byte for byte, then delete the single manifests it holds and the
    older packs. A pack this call wrote that does not read back right is deleted again."""
    out = Packed()
    names = listed(store, source, tenant)
    loose = {
        p[2]
        for info in store.list(layout.stream_prefix(source, tenant))
        if (p := layout.parse_stream(info.key)) is not None
    }
    last = target(names, loose, upto)
    if last == 0:
        return out
    chosen = [m for m in manifests if m.sequence <= last]
    if [m.sequence for m in chosen] != list(range(1, last + 1)):
        raise IntegrityError(
            f"stream {source}/{tenant}: manifests 1..{last} are not all in the chain given; "
            "nothing was packed"
        )
    key = layout.pack_key(source, tenant, 1, last)
    name = PackName(key, source, tenant, 1, last)
    wrote = store.put_if_absent(key, build(source, tenant, list(pack_manifests(chosen))))
    try:
        check_pack_bytes(name, store.get(key), chosen)
    except (PackError, ObjectNotFound) as exc:
        if wrote:
            store.delete(key)
        raise PackError(
            f"pack {key} does not read back as written ({exc}); the manifests stay as they "
            "were" + ("" if wrote else ": it was there before, delete it after a look")
        ) from None
    out.pack, out.manifests = key, len(chosen)
    doomed = [layout.manifest_key(source, tenant, s) for s in sorted(loose) if s <= last]
    doomed += [n.key for n in names if n.key != key]
    for k in doomed:
        try:
            store.delete(k)
        except ObjectProtected as exc:
            out.retained[k] = f"packed, {exc.why}"
        else:
            out.deleted.append(k)
    return out


def check_pack_bytes(name: PackName, raw: bytes, manifests: Sequence[Manifest]) -> None:
    """The pack as stored holds exactly these manifests' bytes (``PackError`` otherwise)."""
    pack = parse(name, raw)
    for m in manifests:
        if pack.get(m.key) != m.raw:
            raise PackError(f"pack {name.key} does not hold manifest {m.key} byte for byte")


def pack_manifests(manifests: Sequence[Manifest]) -> Iterator[tuple[int, str, bytes]]:
    for m in manifests:
        yield m.sequence, m.key, m.raw
