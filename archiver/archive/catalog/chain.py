"""Reading manifests: one checked, a stream's head, a stream's whole chain.

Every read goes through ``archiver.archive.integrity`` and raises on the first problem; a
manifest signed by another key than the trusted one is named as a configuration mistake when
no manifest at all carries the trusted key (``KeyMismatchError``), as damage otherwise.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from archiver.archive import integrity, layout
from archiver.archive.catalog import packs
from archiver.archive.catalog.lists import read_supersedes
from archiver.archive.catalog.model import Ancestor, Link, Manifest, ObjectEntry, StreamId
from archiver.archive.store import ObjectNotFound, Store
from archiver.errors import IntegrityError, KeyMismatchError
from archiver.keys import Verifier

Stream = tuple[str, str]


def list_streams(store: Store) -> dict[Stream, list[str]]:
    """Every stream's manifest keys, in sequence order, whether each is in its own object or
    in a pack (``packs``)."""
    out: dict[Stream, set[int]] = {}
    for info in store.list(layout.MANIFESTS + "/"):
        parsed = layout.parse_stream(info.key)
        if parsed is None:
            continue
        src, tenant, seq = parsed
        out.setdefault((src, tenant), set()).add(seq)
    for stream, seqs in packs.packed_sequences(packs.listed(store)).items():
        out.setdefault(stream, set()).update(seqs)
    # ``layout.manifest_key`` each, the sequences kept (``layout.StreamKeys``).
    return {(src, t): layout.StreamKeys(src, t, sorted(v)) for (src, t), v in sorted(out.items())}


def get_raw(store: Store, key: str, shelf: packs.Shelf | None = None) -> bytes:
    """A manifest's stored bytes from its own object, else from the pack holding it."""
    if shelf is None:
        try:
            return store.get(key)
        except ObjectNotFound:
            parsed = layout.parse_stream(key)
            if parsed is None:
                raise
            shelf = packs.Shelf(store, parsed[0], parsed[1])
    return shelf.get(key)


def parse(key: str, raw: bytes, verifier: Verifier | None) -> Manifest:
    """One manifest on its own, checked (JSON, canonical form, schema, signature)."""
    m, problem = integrity.check_manifest(key, raw, verifier)
    integrity.raise_problem(problem)
    assert m is not None
    return m


def signers(store: Store) -> Counter[str]:
    """How many manifests each key id signed (unreadable manifests are left out)."""
    out: Counter[str] = Counter()
    for info in store.list(layout.MANIFESTS + "/"):
        if layout.parse_stream(info.key) is None:
            continue
        try:
            doc = json.loads(store.get(info.key))
            out[str(doc["signature"]["key_id"])] += 1
        except (ObjectNotFound, ValueError, TypeError, KeyError):
            continue
    return out


def mismatch_error(trusted: str, found: Counter[str], what: str = "manifests") -> KeyMismatchError:
    ids = ", ".join(f"{k} ({n})" for k, n in found.most_common())
    return KeyMismatchError(
        f"the configured verify key (keys.verify) has key id {trusted}, but none of the "
        f"archive's {sum(found.values())} {what} is signed by it; they are signed by {ids}. "
        "This is a configuration problem, not evidence of tampering",
        hint="set keys.verify to the public half of the signing key that wrote this archive",
    )


def key_mismatch(store: Store, verifier: Verifier) -> KeyMismatchError | None:
    """A configuration error when no manifest is signed by the trusted key but some are by
    another; None when the trusted key signed at least one (then a foreign one is damage)."""
    found = signers(store)
    if not found or verifier.key_ids & found.keys():
        return None
    return mismatch_error(verifier.key_id, found)


def read(store: Store, key: str, verifier: Verifier | None) -> Manifest:
    """One manifest from the store, checked; a wrong verify key is named as such."""
    try:
        return parse(key, get_raw(store, key), verifier)
    except integrity.ForeignSignature:
        if verifier is not None and (mismatch := key_mismatch(store, verifier)) is not None:
            raise mismatch from None
        raise


def latest(store: Store, source: str, tenant: str, verifier: Verifier | None) -> Manifest | None:
    """The head of a stream's chain (checked on its own), or None before its first commit."""
    seqs = [
        (parsed[2], i.key)
        for i in store.list(layout.stream_prefix(source, tenant))
        if (parsed := layout.parse_stream(i.key)) is not None
    ]
    return read(store, max(seqs)[1], verifier) if seqs else None


@dataclass(frozen=True, slots=True)
class Placed:
    """An object entry with the manifest that names it and its position in that manifest's
    ``objects`` (commit order within the stream: by ``manifest.sequence``, then position).

    ``manifest`` is the manifest itself when it was read, or only its ``Link`` (sequence, key,
    SHA-256 of its stored bytes) when a checkpoint named it in its place."""

    entry: ObjectEntry
    manifest: Manifest | Link
    position: int

    @property
    def sequence(self) -> int:
        return self.manifest.sequence

    @property
    def link(self) -> Link:
        """The naming manifest's sequence, key and SHA-256, however it is known."""
        m = self.manifest
        return m.link if isinstance(m, Manifest) else m


@dataclass(frozen=True)
class Index:
    """What manifests 1..``sequence`` of a stream leave to readers: the replay of that chain,
    and what a checkpoint stores in its place."""

    stream: StreamId
    #: The manifest it covers up to (the head when it was made).
    head: Link
    #: Live objects in commit order.
    live: tuple[Placed, ...]
    #: Every key a manifest up to ``head`` superseded.
    superseded: frozenset[str]
    #: The contact indexes of those manifests merged; None when none carried one.
    contacts: Mapping[str, frozenset[str]] | None
    #: The crawl state ``head`` committed.
    state: Mapping[str, Any]
    #: Every object a live object replaces, directly or through earlier compactions (custody
    #: of a compacted object without the manifests that wrote its ancestors), by (sequence,
    #: key); None: not known (a checkpoint written before checkpoints carried it). Only the
    #: lineage entries carry themselves (compactions before lineage documents): since then
    #: the lineage documents hold it, and ``lineage`` pins them.
    ancestors: tuple[Ancestor, ...] | None = ()
    #: The lineage documents of the manifests naming live compacted objects, by manifest
    #: sequence (``Link.sequence`` is the manifest's, ``key`` and ``sha256`` the document's);
    #: None: not known (a checkpoint written before lineage documents).
    lineage: tuple[Link, ...] | None = ()

    @property
    def sequence(self) -> int:
        return self.head.sequence


def _merge_contacts(
    into: dict[str, set[str]] | None, manifests: Iterable[Manifest]
) -> dict[str, set[str]] | None:
    for m in manifests:
        if m.contacts is None:
            continue
        into = {} if into is None else into
        for contact, subjects in m.contacts.items():
            into.setdefault(contact, set()).update(subjects)
    return into


@dataclass(frozen=True)
class Chain:
    """A stream's manifests 1..N, each checked and linked to its predecessor.

    From a checkpoint (``base``), ``manifests`` are only base.sequence..N (the first is the
    manifest the checkpoint covers up to, checked against it); the objects of manifests up to
    base.sequence come from ``base``, and objects they superseded are not named at all.
    ``checkpoint`` is the checkpoint's own link (key and SHA-256 of its stored bytes)."""

    manifests: tuple[Manifest, ...]
    base: Index | None = None
    checkpoint: Link | None = None

    @property
    def head(self) -> Manifest:
        return self.manifests[-1]

    @property
    def source(self) -> str:
        return self.head.source

    @property
    def tenant(self) -> str:
        return self.head.tenant

    @property
    def source_type(self) -> str:
        return self.head.stream.source_type

    @property
    def covered(self) -> int:
        """The sequence up to which ``base`` stands in for the manifests (0: none)."""
        return self.base.sequence if self.base is not None else 0

    @property
    def after_base(self) -> tuple[Manifest, ...]:
        """The manifests whose objects are read from themselves (all without a base)."""
        return tuple(m for m in self.manifests if m.sequence > self.covered)

    @property
    def superseded(self) -> frozenset[str]:
        """Keys a manifest of the chain superseded (erasure, prune, compaction): gone for
        readers. From a checkpoint, manifest S's own are read from S (a checkpoint need not
        carry them), or not at all when S pins them in its lineage document: the
        checkpoint's live objects leave them out already."""
        later = frozenset(k for m in self.manifests for k in m.supersedes)
        return later | self.base.superseded if self.base is not None else later

    def placed(self) -> Iterator[Placed]:
        """Every object the chain names, live or not, in commit order (from a checkpoint:
        those it kept, then every object of the manifests after it)."""
        if self.base is not None:
            yield from self.base.live
        for m in self.after_base:
            for position, entry in enumerate(m.objects):
                yield Placed(entry, m, position)

    def live(self) -> Iterator[Placed]:
        """The objects readers see: named by a manifest and superseded by none, in commit
        order."""
        gone = self.superseded
        return (p for p in self.placed() if p.entry.key not in gone)

    def live_entries(self) -> Iterator[ObjectEntry]:
        return (p.entry for p in self.live())

    def contacts(self) -> Mapping[str, frozenset[str]] | None:
        """Every manifest's contact index merged (keyed contact → subject ids); None when no
        manifest of the chain carried one."""
        base = self.base.contacts if self.base is not None else None
        start = None if base is None else {k: set(v) for k, v in base.items()}
        merged = _merge_contacts(start, self.after_base)
        return None if merged is None else {k: frozenset(v) for k, v in merged.items()}

    def pins(self) -> dict[int, Link]:
        """The lineage documents the chain pins, by manifest sequence: the base's, then those
        of the manifests read."""
        base = self.base.lineage if self.base is not None else None
        out = {p.sequence: p for p in base or ()}
        out.update((m.sequence, m.lineage) for m in self.manifests if m.lineage is not None)
        return out

    def index(self) -> Index:
        """The replay of the whole chain as of its head (what a checkpoint of it stores)."""
        live = tuple(self.live())
        pins = self.pins()
        lineage_of_live = None
        if self.base is None or self.base.lineage is not None:
            needed = {p.sequence for p in live if p.entry.compacted and not p.entry.replaces}
            lineage_of_live = tuple(pins[s] for s in sorted(needed) if s in pins)
        return Index(
            stream=self.head.stream,
            head=self.head.link,
            live=live,
            superseded=self.superseded,
            contacts=self.contacts(),
            state=self.head.state,
            ancestors=lineage(self, live),
            lineage=lineage_of_live,
        )


def read_chain(store: Store, keys: list[str], verifier: Verifier | None) -> Chain:
    """A stream's manifests, given their keys in sequence order: each checked, in place,
    without gaps, and linked to its predecessor, before any is returned."""
    try:
        return Chain(tuple(_read_chain(store, keys, verifier)))
    except integrity.ForeignSignature:
        if verifier is not None and (mismatch := key_mismatch(store, verifier)) is not None:
            raise mismatch from None
        raise


def _read_chain(store: Store, keys: list[str], verifier: Verifier | None) -> Iterator[Manifest]:
    placed = layout.parse_streams(keys)
    if placed:
        src, tenant, _ = placed[0][1]
        integrity.raise_problem(integrity.check_gaps(src, tenant, [n[2] for _, n in placed]))
    prev: Manifest | None = None
    shelf = packs.Shelf(store, placed[0][1][0], placed[0][1][1]) if placed else None
    for key, (src, tenant, seq) in placed:
        try:
            raw = get_raw(store, key, shelf)
        except ObjectNotFound:
            raise IntegrityError(f"manifest {key} disappeared while reading") from None
        # A compaction's superseded keys may be pinned in its lineage document: a replay
        # needs them.
        m = read_supersedes(store, parse(key, raw, verifier))
        integrity.raise_first(
            p
            for p in (integrity.check_placement(m, src, tenant, seq), integrity.check_link(m, prev))
            if p is not None
        )
        prev = m
        yield m


def written(chain: Chain) -> dict[str, Ancestor]:
    """Every object the chain names, live or not, and every ancestor its base carries, by key,
    as the manifest that wrote it recorded it."""
    out: dict[str, Ancestor] = {}
    if chain.base is not None:
        out.update((a.key, a) for a in chain.base.ancestors or ())
    for p in chain.placed():
        out.setdefault(p.entry.key, Ancestor.of(p.entry, p.link))
    return out


def lineage(chain: Chain, live: Iterable[Placed]) -> tuple[Ancestor, ...] | None:
    """Every ancestor of these objects the chain can name (``Index.ancestors``), by (sequence,
    key); None when the chain starts from a checkpoint that does not carry them. One the chain
    cannot name is left out: ``verify --deep`` reports broken lineage on its own."""
    if chain.base is not None and chain.base.ancestors is None:
        return None
    return closure([Ancestor.of(p.entry, p.link) for p in live if p.entry.replaces], written(chain))


def closure(roots: Iterable[Ancestor], known: Mapping[str, Ancestor]) -> tuple[Ancestor, ...]:
    """Every object ``roots`` replace, directly or through earlier compactions, as ``known``
    (key → the record of the manifest that wrote it) names it, by (sequence, key); one not
    known is left out."""
    out: dict[str, Ancestor] = {}
    todo = list(roots)
    while todo:
        child = todo.pop()
        for old in child.replaces:
            parent = known.get(old.key)
            if parent is not None and old.key not in out:
                out[old.key] = parent
                todo.append(parent)
    return tuple(sorted(out.values(), key=lambda a: (a.sequence, a.key)))


def ancestry(
    chain: Chain, placed: Placed, known: Mapping[str, Ancestor] | None = None
) -> list[tuple[Ancestor, Ancestor]]:
    """A compacted object's lineage back to the objects crawls wrote: every object it replaced,
    directly or through earlier compactions, as (ancestor, the object that replaced it), each
    as the manifest that wrote it recorded it. Empty for an object no compaction wrote, and
    for one whose lineage is in a lineage document (``catalog.lineage.ancestry``).
    ``known``: ``written(chain)``, when several objects are asked about."""
    if not placed.entry.replaces:
        return []
    if known is None:
        known = written(chain)
    return ancestry_from(Ancestor.of(placed.entry, placed.link), known)


def ancestry_from(root: Ancestor, known: Mapping[str, Ancestor]) -> list[tuple[Ancestor, Ancestor]]:
    """``ancestry`` of ``root`` (its ``replaces`` filled in), each ancestor looked up in
    ``known`` and checked to have the hash the lineage names."""
    out: list[tuple[Ancestor, Ancestor]] = []
    todo = [root]
    while todo:
        child = todo.pop(0)
        for old in child.replaces:
            parent = known.get(old.key)
            if parent is None or parent.ciphertext_sha256 != old.sha256:
                raise IntegrityError(
                    f"object {child.key}: its lineage names {old.key} with a hash no "
                    "earlier manifest of the stream recorded"
                )
            out.append((parent, child))
            todo.append(parent)
    return out
