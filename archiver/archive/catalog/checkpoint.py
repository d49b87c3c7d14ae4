"""Checkpoints: a stream's live object index as of one manifest, signed, so readers need not
replay the whole chain.

A checkpoint covering manifest S holds what replaying manifests 1..S gives (``chain.Index``):
the live objects with the manifest naming each and their position in it, the superseded keys
whose objects were still in the store when it was written, the pins of the lineage documents
its live compacted objects need for custody (``catalog.lineage``; the ancestors themselves
only for objects compacted before those documents existed), the merged contact index and the
crawl state of manifest S; and it names manifest S
(sequence, key, SHA-256 of its stored bytes) and the stream's previous checkpoint, so
checkpoints form a chain of their own. It is a signed document like a manifest
(``archiver.archive.signed``) at ``checkpoints/source=…/tenant=…/<S, 10 digits>.json``: keys
sort by S, so the newest is the last of one short listing.

A checkpoint is a cache. Readers (``read_chain``) take the newest one they can check, read
manifest S (it must have the recorded SHA-256) and the manifests after it; a checkpoint that is
missing, unreadable, forged or does not match the chain is passed over with a warning, and
the full chain is read instead: never an error, never other data than the full chain gives.
``archiver verify --deep`` checks every checkpoint against the replay of what it covers
(``check_checkpoint_replay``).

Written after a run's commit every ``archive.checkpoint_every`` manifests (``due``), and on
demand (``write_checkpoint``, e.g. by a command that rewrote many objects). A crash between a
commit and its checkpoint leaves only an older checkpoint: the next run writes it.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

from archiver import __version__, logs
from archiver.archive import integrity, layout, signed
from archiver.archive.catalog import lineage, packs
from archiver.archive.catalog.chain import Chain, Index, Placed, Stream, parse, read_chain
from archiver.archive.catalog.lists import read_supersedes
from archiver.archive.catalog.model import Link, Manifest, ObjectEntry, StreamId
from archiver.archive.store import ObjectNotFound, Store
from archiver.errors import ArchiverError, IntegrityError
from archiver.keys import Signer, Verifier
from archiver.timeutil import format_ts, utcnow

log = logging.getLogger(__name__)

FORMAT = "conversation-archiver/checkpoint"
#: ``archive.checkpoint_every`` when the config does not set it.
DEFAULT_EVERY = 100
PROGRAM = "conversation-archiver"

#: Called with a sentence for people when a checkpoint is passed over.
Warn = Callable[[str], None]


@dataclass(frozen=True)
class Checkpoint:
    """One checkpoint as stored (``key``, ``raw``) and as parsed."""

    key: str
    raw: bytes
    sha256: str
    index: Index
    #: The stream's checkpoint before it (None: the first).
    previous: Link | None
    created_at: str
    key_id: str

    @property
    def sequence(self) -> int:
        """The manifest it covers up to."""
        return self.index.sequence

    @property
    def stream(self) -> StreamId:
        return self.index.stream

    @property
    def link(self) -> Link:
        """What the next checkpoint's ``previous`` says of this one."""
        return Link(self.sequence, self.key, self.sha256)


# --- the document -------------------------------------------------------------------------


def _link_json(link: Link | None) -> dict[str, Any] | None:
    return None if link is None else link.to_json()


def _link(d: Mapping[str, Any]) -> Link:
    return Link(int(d["sequence"]), str(d["key"]), str(d["sha256"]))


def index_json(index: Index) -> dict[str, Any]:
    """The index as the document carries it (also what the replay check compares)."""
    groups: list[dict[str, Any]] = []
    for p in index.live:
        link = p.link
        if not groups or groups[-1]["manifest"] != link.to_json():
            groups.append({"manifest": link.to_json(), "objects": []})
        groups[-1]["objects"].append({"position": p.position, "entry": p.entry.to_json()})
    out: dict[str, Any] = {
        "stream": index.stream.to_json(),
        "sequence": index.sequence,
        "head": index.head.to_json(),
        "state": dict(index.state),
        "live": groups,
        "superseded": sorted(index.superseded),
    }
    if index.contacts is not None:
        out["contacts"] = {k: sorted(v) for k, v in sorted(index.contacts.items())}
    if index.ancestors is not None:
        out["ancestors"] = lineage.ancestors_json(index.ancestors)
    if index.lineage is not None:
        out["lineage"] = [pin.to_json() for pin in index.lineage]
    return out


def document(index: Index, *, previous: Link | None, created_at: str) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": signed.FORMAT_VERSION,
        "created_at": created_at,
        "program": {"name": PROGRAM, "version": __version__},
        "previous": _link_json(previous),
    } | index_json(index)


def from_document(key: str, raw: bytes, doc: Mapping[str, Any]) -> Checkpoint:
    """The typed view of a document that passed the schema (``KeyError``, ``TypeError`` or
    ``ValueError`` otherwise)."""
    s = doc["stream"]
    live: list[Placed] = []
    for group in doc["live"]:
        link = _link(group["manifest"])
        for obj in group["objects"]:
            live.append(Placed(ObjectEntry.from_json(obj["entry"]), link, int(obj["position"])))
    contacts = doc.get("contacts")
    ancestors = doc.get("ancestors")
    pins = doc.get("lineage")
    head = _link(doc["head"])
    if head.sequence != int(doc["sequence"]):
        raise ValueError("head and sequence differ")
    index = Index(
        stream=StreamId(str(s["source"]), str(s["source_type"]), str(s["tenant"])),
        head=head,
        live=tuple(live),
        superseded=frozenset(doc["superseded"]),
        contacts=None if contacts is None else {str(k): frozenset(v) for k, v in contacts.items()},
        state=doc["state"],
        ancestors=None if ancestors is None else lineage.ancestors_from_json(ancestors),
        lineage=None if pins is None else tuple(_link(p) for p in pins),
    )
    prev = doc.get("previous")
    return Checkpoint(
        key=key,
        raw=raw,
        sha256=hashlib.sha256(raw).hexdigest(),
        index=index,
        previous=None if prev is None else _link(prev),
        created_at=str(doc["created_at"]),
        key_id=str(doc["signature"]["key_id"]),
    )


def check(
    key: str, raw: bytes, verifier: Verifier | None
) -> tuple[Checkpoint | None, integrity.Problem | None]:
    """One checkpoint on its own: JSON, canonical form, schema, signature by the trusted key,
    and its place (the key names its stream and sequence). The Checkpoint comes back whenever
    it is readable, even when its signature is wrong."""
    doc, problem = integrity.check_signed(
        key, raw, verifier, what="checkpoint", schema=integrity.checkpoint_schema_problem
    )
    if doc is None:
        return None, problem
    try:
        cp = from_document(key, raw, doc)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None, integrity.Problem(
            "checkpoint-altered", f"checkpoint {key} is not a checkpoint", key
        )
    if (
        problem is None
        and layout.checkpoint_key(cp.stream.source, cp.stream.tenant, cp.sequence) != key
    ):
        problem = integrity.Problem(
            "checkpoint-misplaced",
            f"checkpoint {key} covers manifest {cp.sequence} of stream {cp.stream.name}: "
            "it was copied or renamed",
            key,
        )
    return cp, problem


# --- finding and reading ------------------------------------------------------------------


def check_checkpoint_replay(
    checkpoint: Checkpoint, replayed: Index, present: AbstractSet[str] = frozenset()
) -> integrity.Problem | None:
    """The checkpoint holds exactly what replaying manifests 1..S of its stream gives
    (``replayed``, from ``Chain.index`` of the whole chain up to S): the same manifest S, live
    objects (entry, naming manifest, position, order), contacts, state and ancestors; and of
    the superseded keys, none other, and every one in ``present`` (the store's keys now, less
    manifest S's own supersedes: an object gone is gone for good, so one left out must not be
    in the store)."""
    cp, key = checkpoint.index, checkpoint.key

    def differs(what: str) -> integrity.Problem:
        return integrity.Problem(
            "checkpoint-replay",
            f"checkpoint {key} does not match the manifests it covers: {what}",
            key,
        )

    if cp.stream != replayed.stream or cp.head != replayed.head:
        return differs(f"it names manifest {cp.head.key} with another SHA-256 or stream")
    mine = {p.entry.key: p for p in cp.live}
    theirs = {p.entry.key: p for p in replayed.live}
    if missing := sorted(theirs.keys() - mine.keys()):
        return differs(f"live object {missing[0]} is left out ({len(missing)} in all)")
    if extra := sorted(mine.keys() - theirs.keys()):
        return differs(f"object {extra[0]} is not live there ({len(extra)} in all)")
    for k, p in theirs.items():
        q = mine[k]
        if (q.entry, q.link, q.position) != (p.entry, p.link, p.position):
            return differs(f"the entry of object {k} differs")
    if [p.entry.key for p in cp.live] != [p.entry.key for p in replayed.live]:
        return differs("live objects are not in commit order")
    if extra := sorted(cp.superseded - replayed.superseded):
        return differs(f"key {extra[0]} is not superseded there ({len(extra)} in all)")
    if left := sorted((replayed.superseded - cp.superseded) & present):
        return differs(
            f"superseded object {left[0]} is still in the store, but left out ({len(left)} in all)"
        )
    if cp.contacts != replayed.contacts:
        return differs("the contact index differs")
    if dict(cp.state) != dict(replayed.state):
        return differs("the crawl state differs")
    if cp.lineage is not None and cp.lineage != replayed.lineage:
        return differs("the lineage documents it pins differ from its compactions' pins")
    if cp.ancestors is not None and cp.ancestors != replayed.ancestors:
        theirs_a = {a.key: a for a in replayed.ancestors or ()}
        wrong = [a.key for a in cp.ancestors if theirs_a.get(a.key) != a]
        what = f"ancestor {wrong[0]} differs or is not one" if wrong else "an ancestor is left out"
        return differs(f"the lineage of its compacted objects differs: {what}")
    return None


def check_checkpoint_link(
    checkpoint: Checkpoint, before: Checkpoint | None
) -> integrity.Problem | None:
    """``checkpoint`` links to the stream's checkpoint before it (None: it is the first) by
    sequence, key and SHA-256 of its stored bytes."""
    if checkpoint.previous == (before.link if before is not None else None):
        return None
    why = (
        "it links to an earlier checkpoint, but is the first of its stream"
        if before is None
        else f"it does not link to {before.key}: one of the two was replaced or removed"
    )
    return integrity.Problem(
        "checkpoint-link", f"checkpoint chain broken at {checkpoint.key}: {why}", checkpoint.key
    )


# --- objects ------------------------------------------------------------------------------


def listed(store: Store, source: str, tenant: str) -> list[tuple[int, str]]:
    """The stream's checkpoints as (sequence covered, key), oldest first: one listing of their
    own prefix, no manifest touched."""
    out = []
    for info in store.list(layout.checkpoint_prefix(source, tenant)):
        parsed = layout.parse_checkpoint(info.key)
        if parsed is not None and parsed[:2] == (source, tenant):
            out.append((parsed[2], info.key))
    return sorted(out)


def newest_sequence(store: Store, source: str, tenant: str) -> int:
    """The sequence the stream's newest checkpoint covers, by its key alone (0: none)."""
    found = listed(store, source, tenant)
    return found[-1][0] if found else 0


def due(store: Store, source: str, tenant: str, head: int, every: int) -> bool:
    """Whether ``every`` manifests or more were committed since the newest checkpoint."""
    return every > 0 and head - newest_sequence(store, source, tenant) >= every


def _warn_log(message: str) -> None:
    logs.event(log, logging.WARNING, "checkpoint.skipped", "%s", message)


def read_chain_from_checkpoint(
    store: Store,
    keys: list[str],
    verifier: Verifier | None,
    *,
    warn: Warn | None = None,
) -> Chain:
    """``read_chain`` that starts from the stream's newest checkpoint and reads only the
    manifests from the one it covers on (given all the stream's manifest keys, in sequence
    order). When that checkpoint cannot be used, says why (``warn``, default a logged warning)
    and reads the whole chain: raises only what reading the whole chain raises."""
    built = layout.stream_sequences(keys)
    named: list[tuple[str, tuple[str, str, int]]] | None = None
    if built is not None:  # a listing's keys: their sequences known, distinct and ascending
        src, tenant, seqs = built
        whole = seqs[0] == 1 and seqs[-1] == len(seqs)  # so exactly 1..N
    else:
        named = layout.parse_streams(keys)
        if not named:
            return read_chain(store, keys, verifier)
        src, tenant, _ = named[0][1]
        seqs = tuple(n[2] for _, n in named)
        whole = integrity.check_gaps(src, tenant, seqs) is None
    if not whole:
        return read_chain(store, keys, verifier)  # raises what it finds
    try:
        found = listed(store, src, tenant)
        if not found:
            return read_chain(store, keys, verifier)
        key = found[-1][1]
        cp, problem = check(key, store.get(key), verifier)
        if problem is not None or cp is None:
            raise IntegrityError(problem.message if problem else f"checkpoint {key} is unreadable")
        top = seqs[-1]
        if cp.sequence > top:
            raise IntegrityError(
                f"checkpoint {key} covers manifest {cp.sequence}, but the chain ends at {top}: "
                "manifests were removed from its end, or the checkpoint belongs elsewhere"
            )
        if named is None:  # only the keys from manifest S on: thousands before it are skipped
            at = bisect.bisect_left(seqs, cp.sequence)
            named = [(k, (src, tenant, n)) for k, n in zip(keys[at:], seqs[at:], strict=True)]
        return Chain(tuple(tail(store, cp, named, verifier)), base=cp.index, checkpoint=cp.link)
    except ArchiverError as exc:
        (warn or _warn_log)(
            f"stream {src}/{tenant}: cannot start from its newest checkpoint ({exc}); "
            "reading every manifest instead"
        )
    return read_chain(store, keys, verifier)


def tail(
    store: Store,
    cp: Checkpoint,
    named: Iterable[tuple[str, tuple[str, str, int]]],
    verifier: Verifier | None,
) -> list[Manifest]:
    """Manifest S (the one ``cp`` covers up to, checked against it) and every one after it,
    each checked and linked to its predecessor."""
    out: list[Manifest] = []
    prev: Manifest | None = None
    shelf = packs.Shelf(store, cp.stream.source, cp.stream.tenant)
    covered = cp.sequence  # once: every one of thousands of packed manifests is skipped by it
    for key, (src, tenant, seq) in named:
        if seq < covered:
            continue
        try:
            try:
                raw = store.get(key)
            except ObjectNotFound:
                raw = shelf.get(key)  # in a pack (packs normally hold only older ones)
        except ObjectNotFound:
            raise IntegrityError(f"manifest {key} disappeared while reading") from None
        pinned = pinned_head(cp, key, raw, verifier) if prev is None else None
        m = pinned or parse(key, raw, verifier)
        if seq > covered:  # S's own superseded keys are out of the checkpoint's live
            m = read_supersedes(store, m)
        integrity.raise_problem(integrity.check_placement(m, src, tenant, seq))
        if prev is None:
            if m.link != cp.index.head or m.stream != cp.stream:
                raise IntegrityError(
                    f"manifest {key} is not the one checkpoint {cp.key} covers "
                    "(SHA-256 differs): the manifest or the checkpoint was replaced"
                )
        else:
            integrity.raise_problem(integrity.check_link(m, prev))
        prev = m
        out.append(m)
    return out


def pinned_head(cp: Checkpoint, key: str, raw: bytes, verifier: Verifier | None) -> Manifest | None:
    """Manifest S parsed without checking its form, schema and signature again, when its
    stored bytes have the SHA-256 the checkpoint names (whose signature, by the key in force
    for S, covers that hash; the writer checked S before signing, and ``verify --deep``
    checks it again); the head a key rotation pinned is still compared. None when the bytes
    differ or do not parse, or S is not under the key in force for it: then the caller checks
    S in full and names what is wrong.

    Manifest S of a compaction holds every superseded key and lineage: checking it in full
    again took as long as the checkpoint itself."""
    sha = hashlib.sha256(raw).hexdigest()
    if key != cp.index.head.key or sha != cp.index.head.sha256:
        return None
    try:
        doc = json.loads(raw)
        if verifier is not None and isinstance(
            integrity.key_in_force(verifier, key, doc, what="manifest", stored=raw),
            integrity.Problem,
        ):
            return None
        # Its live entries are in the checkpoint, parsed already: exactly as S holds them.
        mine = {p.position: p.entry for p in cp.index.live if p.link == cp.index.head}
        return Manifest.from_document(key, raw, sha, doc, mine)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def read_stream(
    store: Store,
    source: str,
    tenant: str,
    verifier: Verifier | None,
    *,
    warn: Warn | None = None,
) -> Chain:
    """A stream's chain from its newest usable checkpoint (``read_chain_from_checkpoint``)."""
    keys = packs.stream_keys(store, source, tenant)
    return read_chain_from_checkpoint(store, keys, verifier, warn=warn)


# --- writing ------------------------------------------------------------------------------


def write_checkpoint(
    store: Store,
    stream: Stream | StreamId,
    signer: Signer,
    *,
    verifier: Verifier | None = None,
    warn: Warn | None = None,
) -> Checkpoint | None:
    """Write the checkpoint of the stream's head, from its newest usable checkpoint and the
    manifests after it (each checked under ``verifier``, default the signer's own key).

    None when there is nothing to write: no manifest yet, the newest checkpoint already covers
    the head, or another writer wrote this one first. Call it after a commit, holding the
    stream's lease, so two checkpoints of the same stream are never written at once."""
    source, tenant = (stream.source, stream.tenant) if isinstance(stream, StreamId) else stream
    verifier = verifier or signer.verifier
    chain = read_stream(store, source, tenant, verifier, warn=warn)
    if chain.base is not None and (chain.base.ancestors is None or chain.base.lineage is None):
        # Its checkpoint predates carrying ancestors or lineage pins: replay the whole chain
        # once for them.
        chain = read_chain(store, packs.stream_keys(store, source, tenant), verifier)
    if not chain.manifests:
        return None
    if chain.base is not None and not chain.manifests[0].supersedes_read:
        # The keys manifest S pins in its lineage document and whose objects are still kept
        # are carried by the next checkpoint (``bounded``): read them.
        first = read_supersedes(store, chain.manifests[0])
        chain = dataclasses.replace(chain, manifests=(first, *chain.manifests[1:]))
    head = chain.head.sequence
    present = listed(store, source, tenant)
    if any(seq == head for seq, _ in present):
        return None
    below = [(seq, key) for seq, key in present if seq < head]
    previous = None
    if below:
        seq, key = below[-1]
        previous = Link(seq, key, hashlib.sha256(store.get(key)).hexdigest())
    index = chain.index()
    # Superseded keys whose objects are gone need not be carried (see ``bounded``).
    index = bounded(index, present_objects(store), chain.head.supersedes)
    doc = document(index, previous=previous, created_at=format_ts(utcnow()))
    raw = signed.sign(doc, signer)
    key = layout.checkpoint_key(source, tenant, head)
    # The readers' own check, before anyone can read it: never write what they refuse.
    cp, problem = check(key, raw, None)
    integrity.raise_problem(problem)
    assert cp is not None
    if not store.put_if_absent(key, raw):
        return None
    logs.event(
        log,
        logging.INFO,
        "checkpoint.written",
        "stream %s/%s: checkpoint of manifests 1-%d written (%d live objects)",
        source,
        tenant,
        head,
        len(cp.index.live),
        sequence=head,
        objects=len(cp.index.live),
        bytes=len(raw),
    )
    return cp


def present_objects(store: Store) -> frozenset[str]:
    """The keys of every data object (masked and sealed) in the store now."""
    return frozenset(
        info.key for prefix in (layout.DATA, layout.SEALED) for info in store.list(prefix + "/")
    )


def bounded(index: Index, present: AbstractSet[str], head_supersedes: AbstractSet[str]) -> Index:
    """``index`` with only the superseded keys whose objects are still in the store
    (``present``), less those manifest S itself supersedes (``head_supersedes``: readers read
    manifest S anyway).

    Readers need a superseded key only to hide its object or to tell it from an orphan: from a
    checkpoint the live objects are listed already, and an object that is gone can be neither.
    So what a checkpoint carries stays bounded by the superseded objects still kept (Object
    Lock retention, a crash before their deletion), instead of growing with every compaction
    for ever; the manifests keep every key."""
    return dataclasses.replace(
        index, superseded=(index.superseded & present) - frozenset(head_supersedes)
    )


def age(store: Store, source: str, tenant: str, head: int) -> int:
    """Manifests committed since the stream's newest checkpoint (by key names alone)."""
    return max(0, head - newest_sequence(store, source, tenant))
