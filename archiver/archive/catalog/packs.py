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

Format version 2 also holds the stream's old checkpoints (every one but the newest, which
readers start from and which stays its own object): the index gains ``checkpoints``, entries
like those of ``manifests`` (``sequence`` is the manifest the checkpoint covers, ``key`` its
key under ``checkpoints/``), in sequence order, their bytes after the last manifest's::

    {…,"checkpoints":[{"key":…,"length":…,"offset":…,"sequence":100,"sha256":…},…],
     "format_version":2,…}

``offset`` still counts from the first byte after the newline, so the checkpoints' bytes
follow the manifests' without a gap, and the last one ends the pack. A pack without old
checkpoints is written as version 1 (no ``checkpoints``), as before. The name does not say
which checkpoints a pack holds: only ``verify --deep`` (which checks every checkpoint) reads
the index for them. A packed checkpoint is checked exactly as one read on its own.

Readers take a manifest from a pack when one covers its sequence (``Shelf``), else from its
own object. ``archiver compact`` writes packs (``write_pack``): only of manifests before the
one the stream's newest checkpoint covers (readers from the checkpoint never open the pack;
runs only append after the head), as **segments**: each packing writes a pack of only the
manifests no pack holds yet, and merges the newest two segments while the older is no larger
than the newer (``TIER``), so bytes written grow as n·log(n) over a stream's life instead of
n² (one pack rewritten whole at every packing, as before segments). Each pack is written with
put-if-absent and read back byte-identical before the single manifests and any pack a merged
one contains are deleted (old checkpoints likewise). A crash at any point leaves every
manifest and checkpoint readable: from its own object, from a pack, or from both (identical
bytes).
"""

from __future__ import annotations

import contextlib
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
#: The version of a pack that also holds old checkpoints.
FORMAT_VERSION_CHECKPOINTS = 2
#: Every version this program reads.
VERSIONS = (FORMAT_VERSION, FORMAT_VERSION_CHECKPOINTS)


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
    #: Checkpoint key → its stored bytes (format version 2; none in version 1).
    checkpoints: Mapping[str, bytes] = field(default_factory=dict)

    def get(self, key: str) -> bytes:
        try:
            return self.manifests[key]
        except KeyError:
            raise PackError(f"pack {self.name.key} does not hold {key}") from None


# --- the bytes ----------------------------------------------------------------------------


def build(
    source: str,
    tenant: str,
    manifests: Sequence[tuple[int, str, bytes]],
    checkpoints: Sequence[tuple[int, str, bytes]] = (),
) -> bytes:
    """The pack of (sequence, key, stored bytes), given in sequence order without gaps, and of
    the old checkpoints (sequence covered, key, stored bytes), in sequence order."""

    def entries(items: Sequence[tuple[int, str, bytes]], offset: int) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for seq, key, raw in items:
            out.append(
                {
                    "sequence": seq,
                    "key": key,
                    "offset": offset,
                    "length": len(raw),
                    "sha256": hashlib.sha256(raw).hexdigest(),
                }
            )
            offset += len(raw)
        return out

    index: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION_CHECKPOINTS if checkpoints else FORMAT_VERSION,
        "stream": {"source": source, "tenant": tenant},
        "first": manifests[0][0],
        "last": manifests[-1][0],
        "manifests": entries(manifests, 0),
    }
    if checkpoints:
        index["checkpoints"] = entries(checkpoints, sum(len(raw) for _, _, raw in manifests))
    head = json.dumps(index, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    body = [raw for _, _, raw in manifests] + [raw for _, _, raw in checkpoints]
    return head.encode() + b"\n" + b"".join(body)


def parse(name: PackName, raw: bytes) -> Pack:
    """A pack's manifests (and old checkpoints), every rule of the format checked
    (``PackError`` otherwise)."""

    def bad(why: str) -> PackError:
        return PackError(f"pack {name.key} is damaged: {why}")

    head, sep, body = raw.partition(b"\n")
    if not sep:
        raise bad("no index line")
    try:
        index = json.loads(head)
        version = index["format_version"]
        if index["format"] != FORMAT or type(version) is not int or version not in VERSIONS:
            raise bad(f"not a pack of format version {' or '.join(map(str, VERSIONS))}")
        stream, entries = index["stream"], index["manifests"]
        first, last = index["first"], index["last"]
        if (stream["source"], stream["tenant"], first, last) != (
            name.source,
            name.tenant,
            name.first,
            name.last,
        ):
            raise bad("its index names other manifests than its key")
        if version == FORMAT_VERSION and "checkpoints" in index:
            raise bad("a version 1 pack holds no checkpoints")
        out: dict[str, bytes] = {}
        hashes: dict[str, str] = {}
        offset = 0

        def take(what: str, seq: int, entry: Mapping[str, Any]) -> bytes:
            nonlocal offset
            start, length, sha = entry["offset"], entry["length"], entry["sha256"]
            if type(start) is not int or type(length) is not int or start != offset:
                raise bad(f"{what} {seq} is not where the index says")
            data = body[start : start + length]
            if length < 0 or len(data) != length or hashlib.sha256(data).hexdigest() != sha:
                raise bad(f"{what} {seq}'s bytes do not have the SHA-256 its index names")
            offset += length
            return data

        for expected, entry in zip(range(first, last + 1), entries, strict=True):
            seq, key = entry["sequence"], entry["key"]
            if seq != expected or key != layout.manifest_key(name.source, name.tenant, seq):
                raise bad(f"entry {expected} names {key!r}")
            out[key] = take("manifest", seq, entry)
            hashes[key] = str(entry["sha256"])
        cps: dict[str, bytes] = {}
        before = 0
        for entry in index.get("checkpoints", []):
            seq, key = entry["sequence"], entry["key"]
            if (
                type(seq) is not int
                or not before < seq <= last
                or key != layout.checkpoint_key(name.source, name.tenant, seq)
            ):
                raise bad(f"checkpoint entry {str(key)[:80]!r} is out of place or order")
            cps[key] = take("checkpoint", seq, entry)
            before = seq
        if version == FORMAT_VERSION_CHECKPOINTS and not cps:
            raise bad("a version 2 pack holds at least one checkpoint")
        if offset != len(body):
            raise bad("bytes after the last manifest or checkpoint")
    except PackError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError):
        raise bad("its index is not a pack index") from None
    return Pack(name, out, hashes, cps)


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

    def listed(self) -> list[PackName]:
        """The stream's packs (listed once)."""
        return list(self._names())

    def pack(self, name: PackName) -> Pack:
        """One of them, read and checked once (``PackError`` when damaged)."""
        return self._pack(name)

    def checkpoints(self) -> dict[str, bytes]:
        """The old checkpoints the stream's packs hold (key → stored bytes; ``PackError`` when
        a pack is damaged). Only ``verify --deep`` and packing need them."""
        out: dict[str, bytes] = {}
        for name in self._names():
            out.update(self._pack(name).checkpoints)
        return out

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
    return layout.StreamKeys(source, tenant, sorted(seqs))


# --- writing ------------------------------------------------------------------------------


@dataclass
class Packed:
    """What ``write_pack`` did for one stream."""

    pack: str | None = None
    manifests: int = 0  # manifests the new pack holds
    deleted: list[str] = field(default_factory=list)  # single manifests and older packs
    #: Keys Object Lock kept: their bytes are in the pack; ``gc`` removes them later.
    retained: dict[str, str] = field(default_factory=dict)


def loose_checkpoints(store: Store, source: str, tenant: str) -> dict[int, str]:
    """The stream's checkpoints in their own objects: sequence covered → key."""
    out: dict[int, str] = {}
    for info in store.list(layout.checkpoint_prefix(source, tenant)):
        parsed = layout.parse_checkpoint(info.key)
        if parsed is not None and parsed[:2] == (source, tenant):
            out[parsed[2]] = info.key
    return out


#: A new segment is merged with the one before it while that one is at most this many times
#: its size (bytes): segments then grow like the digits of a binary counter, so a stream keeps
#: about log2(packings) of them and each manifest is rewritten about that many times.
TIER = 1.0


def write_pack(
    store: Store, source: str, tenant: str, manifests: Sequence[Manifest], upto: int
) -> Packed:
    """Pack the stream's manifests up to ``upto`` that no pack holds yet into a new
    **segment** (manifests ``reach``+1..``upto``, ``reach`` the last one a pack holds), with the
    old checkpoints no pack holds yet (every one but the newest, which readers start from);
    then merge the newest segments while the one before is no larger than the one after
    (``TIER``). So a packing writes what is new, and merges now and then: the bytes written
    over a stream's life grow as n·log(n), not n² as when each packing rewrote one pack whole.

    ``manifests``: the stream's chain from manifest 1, read and checked (``read_chain``).
    Order, so that a crash anywhere leaves each manifest and checkpoint readable: write each
    pack with put-if-absent (or find it written by an earlier, interrupted call), read it back
    and check it holds every manifest byte for byte (and the checkpoints put in it), and only
    after the last one delete the single manifests and checkpoints those packs hold byte for
    byte, and the packs a merged one contains. A pack this call wrote that does not read back
    right is deleted again."""
    out = Packed()
    names = listed(store, source, tenant)
    loose = {
        p[2]
        for info in store.list(layout.stream_prefix(source, tenant))
        if (p := layout.parse_stream(info.key)) is not None
    }
    sizes = {i.key: i.size for i in store.list(layout.pack_prefix(source, tenant))}
    by_seq = {m.sequence: m for m in manifests}
    segments = _outermost(names)
    contained = [n for n in names if n not in segments]
    reach = max((n.last for n in segments), default=0)
    upto = min(upto, max(by_seq, default=0))
    written: dict[str, bytes] = {}  # checkpoint key → bytes, in a pack written and checked
    single_cps = loose_checkpoints(store, source, tenant)
    newest_cp = max(single_cps, default=0)

    def pack_of(first: int, last: int, older: Sequence[PackName]) -> PackName:
        chosen = [by_seq.get(s) for s in range(first, last + 1)]
        if any(m is None for m in chosen):
            raise IntegrityError(
                f"stream {source}/{tenant}: manifests {first}..{last} are not all in the chain "
                "given; nothing was packed"
            )
        ms = [m for m in chosen if m is not None]
        cps: dict[str, tuple[int, str, bytes]] = {}
        for n in older:
            for key, raw in read(store, n).checkpoints.items():
                parsed = layout.parse_checkpoint(key)
                assert parsed is not None  # parse checked the key
                cps[key] = (parsed[2], key, raw)
        for seq, key in sorted(single_cps.items()):
            # By the manifest each covers, like the manifests (one left single below an
            # older segment, as from before checkpoints were packed, goes in with a merge).
            if seq >= newest_cp or not first <= seq <= last:
                continue
            try:
                raw = store.get(key)
            except ObjectNotFound:
                continue
            if key in cps and cps[key][2] != raw:
                raise PackError(
                    f"checkpoint {key} differs from the copy an older pack holds: one of the "
                    "two was replaced; nothing was packed"
                )
            cps[key] = (seq, key, raw)
        key = layout.pack_key(source, tenant, first, last)
        name = PackName(key, source, tenant, first, last)
        raw_pack = build(source, tenant, list(pack_manifests(ms)), sorted(cps.values()))
        wrote = store.put_if_absent(key, raw_pack)
        try:
            held = check_pack_bytes(name, store.get(key), ms)
            if any(held.get(k) != raw for _, k, raw in cps.values()):
                raise PackError(f"pack {key} does not hold the checkpoints put in it")
        except (PackError, ObjectNotFound) as exc:
            if wrote:
                store.delete(key)
            raise PackError(
                f"pack {key} does not read back as written ({exc}); the manifests stay as they "
                "were" + ("" if wrote else ": it was there before, delete it after a look")
            ) from None
        sizes[key] = len(raw_pack)
        written.update((k, raw) for _, k, raw in cps.values())
        out.pack, out.manifests = key, len(ms)
        return name

    merges = 0
    if upto > reach:
        segments.append(pack_of(reach + 1, upto, ()))
    while len(segments) >= 2 and sizes.get(segments[-2].key, 0) <= TIER * sizes.get(
        segments[-1].key, 0
    ):
        a, b = segments[-2], segments[-1]
        segments[-2:] = [pack_of(a.first, b.last, (a, b))]
        contained += [a, b]
        merges += 1
    top = max((n.last for n in segments), default=0)
    shelf = Shelf(store, source, tenant, names=list(segments))
    # Single checkpoints a pack holds but that are still there (an interrupted call wrote the
    # pack and stopped before deleting them): theirs too, below.
    if any(seq < newest_cp and k not in written for seq, k in single_cps.items()):
        with contextlib.suppress(PackError, ObjectNotFound):  # a damaged pack: verify says
            held = {k: v for n in segments for k, v in shelf.pack(n).checkpoints.items()}
            written = held | written
    stray = [k for seq, k in single_cps.items() if seq < newest_cp and k in written]
    if out.pack is None and not contained and not stray and not any(s <= top for s in loose):
        return out
    doomed: list[str] = []
    for seq in sorted(loose):
        m = by_seq.get(seq)
        if seq <= top and m is not None:
            try:
                same = shelf.get(m.key) == m.raw
            except (PackError, ObjectNotFound):
                same = False
            if same:
                doomed.append(m.key)
    # A checkpoint on its own goes only when a checked pack holds its very bytes.
    for seq, k in sorted(single_cps.items()):
        if seq < newest_cp and k in written:
            try:
                if store.get(k) == written[k]:
                    doomed.append(k)
            except ObjectNotFound:
                continue
    merged = {n.key for n in contained[len(contained) - 2 * merges :]}
    for n in contained:
        if n.key in {s.key for s in segments}:
            continue
        # One an interrupted merge left goes only when the pack containing it holds its very
        # bytes (those this call merged were checked as it wrote the merged pack).
        if n.key in merged or _held_by(shelf, store, n):
            doomed.append(n.key)
    for k in doomed:
        try:
            store.delete(k)
        except ObjectProtected as exc:
            out.retained[k] = f"packed, {exc.why}"
        else:
            out.deleted.append(k)
    if out.pack is None and segments:
        out.pack, out.manifests = segments[-1].key, segments[-1].last - segments[-1].first + 1
    return out


def _outermost(names: Sequence[PackName]) -> list[PackName]:
    """The packs no other pack contains, by first manifest (an interrupted merge leaves the
    merged pack beside those it contains: the same bytes)."""

    def inside(n: PackName, o: PackName) -> bool:
        return o.first <= n.first and n.last <= o.last and (o.first, o.last) != (n.first, n.last)

    return sorted((n for n in names if not any(inside(n, o) for o in names)), key=lambda n: n.first)


def _held_by(shelf: Shelf, store: Store, name: PackName) -> bool:
    """Whether the packs ``shelf`` reads hold every manifest and checkpoint of pack ``name``
    byte for byte (False when either cannot be read)."""
    try:
        inner = read(store, name)
        outer = {k: v for n in shelf.listed() for k, v in shelf.pack(n).checkpoints.items()}
        return all(shelf.get(k) == raw for k, raw in inner.manifests.items()) and all(
            outer.get(k) == raw for k, raw in inner.checkpoints.items()
        )
    except (PackError, ObjectNotFound):
        return False


def pending(names: Iterable[PackName], upto: int) -> int:
    """How many manifests a packing would put into a new segment now (``upto``: the last one
    allowed in, before the newest checkpoint's): those after the last one a pack holds."""
    return max(0, upto - max((n.last for n in names), default=0))


def check_pack_bytes(
    name: PackName, raw: bytes, manifests: Sequence[Manifest]
) -> Mapping[str, bytes]:
    """The pack as stored holds exactly these manifests' bytes (``PackError`` otherwise); the
    checkpoints it holds (key → bytes)."""
    pack = parse(name, raw)
    for m in manifests:
        if pack.get(m.key) != m.raw:
            raise PackError(f"pack {name.key} does not hold manifest {m.key} byte for byte")
    return pack.checkpoints


def pack_manifests(manifests: Sequence[Manifest]) -> Iterator[tuple[int, str, bytes]]:
    for m in manifests:
        yield m.sequence, m.key, m.raw
