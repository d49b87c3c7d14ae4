"""``archiver verify``: prove the archive is whole, or name every piece of damage.

Checks the key rotation records (``rotations/``) from the root key, then, per stream: every
manifest parses, is canonical, matches the schema and carries a valid signature by the key in
force at its sequence, and reaches the head each rotation recorded; sequence numbers run 1..N
without gaps; each manifest links to its predecessor's SHA-256; every object a manifest names
exists with the recorded size and ciphertext SHA-256. ``deep`` also decrypts each object (bound
to its place by the encryption context) and checks the plaintext SHA-256 and the row count.

Removal of the *latest* manifests leaves a shorter chain that is valid on its own, so it is
caught by anchors outside that chain (docs/STORAGE.md, "What verify can prove"):

- the **witness**: a small record outside the store where verify remembers the head (sequence
  and SHA-256) of every stream it has verified; a later verify fails if a remembered head is
  gone or different. It lives where ``archive.witness`` says (a folder on a volume that
  outlives the job's pod, or ``s3://other-bucket/prefix``, ideally with Object Lock), else in
  a file under ``$XDG_STATE_HOME``;
- on S3 with versioning / Object Lock, the **version history** of the manifests: a deleted
  manifest leaves a delete marker over its retained version, a replaced one an older version.

Objects under ``data/`` and ``sealed/`` that no manifest names are orphans (left by crashed or
losing runs): reported, not a failure; ``archiver gc`` removes them.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import secrets
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import pyarrow as pa
import pyarrow.parquet as pq

from archiver.archive import integrity, layout, signed
from archiver.archive.catalog import (
    Ancestor,
    Chain,
    Link,
    Manifest,
    ObjectEntry,
    checkpoint,
    lineage,
    lists,
    packs,
    rotation,
)
from archiver.archive.catalog.chain import closure, get_raw, mismatch_error
from archiver.archive.catalog.checkpoint import Checkpoint
from archiver.archive.catalog.records import RECORD_PREFIXES, misplaced, read_record
from archiver.archive.catalog.rotation import ROTATIONS
from archiver.archive.integrity import Problem
from archiver.archive.lease import LOCKS
from archiver.archive.store import (
    LegalHolds,
    ObjectInfo,
    ObjectNotFound,
    Store,
    VersionedStore,
)
from archiver.archive.trust import Trust
from archiver.config import Config
from archiver.context import Context
from archiver.errors import (
    EXIT_INTEGRITY,
    EXIT_OK,
    ArchiverError,
    ConfigError,
    DecryptionError,
    IntegrityError,
    KeyMismatchError,
    KeyNotHeldError,
)
from archiver.keys import Verifier
from archiver.timeutil import format_ts, utcnow

if TYPE_CHECKING:  # the encryption SDK is imported where keyrings are built
    from archiver.archive.crypto import Keyring

__all__ = [
    "DATA_PREFIXES",
    "FileWitness",
    "ManifestScan",
    "Problem",
    "StoreWitness",
    "VerifyReport",
    "Witness",
    "as_witness",
    "check_witness",
    "configured_witness",
    "default_witness_path",
    "read_witness",
    "scan_manifests",
    "verify",
]

#: Where objects named by manifests live; anything else under them unnamed is an orphan.
DATA_PREFIXES = (layout.DATA + "/", layout.SEALED + "/")
WITNESS_FORMAT = "conversation-archiver/witness"
WITNESS_VERSION = 1


Stream = tuple[str, str]


@dataclass
class ManifestScan:
    """Every manifest in the store, checked one by one and as chains."""

    chains: dict[Stream, dict[int, Manifest]] = field(default_factory=dict)  # valid only
    present: dict[Stream, list[int]] = field(default_factory=dict)  # every sequence found
    named: set[str] = field(default_factory=set)  # keys named by any readable manifest
    problems: list[Problem] = field(default_factory=list)
    signers: Counter[str] = field(default_factory=Counter)  # key id → manifests it signed
    #: Plain verify: the checkpoint each stream's manifests up to its sequence were taken from
    #: (``chains`` then holds only the manifests from that sequence on).
    bases: dict[Stream, Checkpoint] = field(default_factory=dict)
    #: Manifest key → the pack it was read from (no other copy is needed).
    packed: dict[str, str] = field(default_factory=dict)
    #: Manifests read only to compare with the witness (not part of ``chains``).
    others: dict[Stream, dict[int, Manifest]] = field(default_factory=dict)
    #: Plain verify: manifests S taken from a checkpoint whose superseded keys are pinned in
    #: their lineage document and not read (only an object no other list names needs them).
    unread: list[Manifest] = field(default_factory=list)

    def head(self, stream: Stream) -> Manifest | None:
        seqs = self.present.get(stream)
        return self.chains.get(stream, {}).get(max(seqs)) if seqs else None


def _stream_name(stream: Stream) -> str:
    return f"{stream[0]}/{stream[1]}"


def _check_manifest(
    key: str, raw: bytes, stream: Stream, sequence: int, verifier: Verifier
) -> tuple[Manifest | None, Problem | None]:
    """One manifest; the Manifest is returned whenever it is readable, even if unsigned."""
    m, problem = integrity.check_manifest(key, raw, verifier)
    if m is None or problem is not None:
        return m, problem
    return m, integrity.check_placement(m, stream[0], stream[1], sequence)


def scan_manifests(
    store: Store,
    verifier: Verifier,
    listing: Iterable[ObjectInfo],
    *,
    from_checkpoints: bool = False,
    check_checkpoints: bool = False,
) -> ManifestScan:
    """Check every manifest and every chain (not the objects); shared by verify and gc.

    A checkpoint whose name covers a manifest the chain no longer has shows the chain was cut
    at its end (from key names alone: gc must not take those objects for orphans).
    ``from_checkpoints`` (plain verify): per stream, the manifests up to its newest checkpoint
    are not read; the checkpoint (signed, and naming manifest S by its SHA-256) stands for
    them. A checkpoint that cannot be used is a problem, and the whole chain is read.
    ``check_checkpoints`` (verify --deep): every checkpoint is checked against the chain."""
    scan = ManifestScan()
    by_stream: dict[Stream, list[tuple[int, str]]] = defaultdict(list)
    cps: dict[Stream, list[tuple[int, str]]] = defaultdict(list)
    packed: dict[Stream, list[packs.PackName]] = defaultdict(list)
    stored: set[str] = set()  # every key listed: superseded objects left out of a checkpoint
    for info in listing:
        stored.add(info.key)
        if info.key.startswith(layout.CHECKPOINTS + "/"):
            parsed_cp = layout.parse_checkpoint(info.key)
            if parsed_cp is None:
                if not (from_checkpoints or check_checkpoints):
                    continue
                scan.problems.append(
                    Problem(
                        "checkpoint-misplaced",
                        f"object {info.key} among the checkpoints is not a checkpoint name",
                        info.key,
                    )
                )
            else:
                cps[parsed_cp[:2]].append((parsed_cp[2], info.key))
            continue
        if info.key.startswith(layout.PACKS + "/"):
            name = packs.PackName.parse(info.key)
            if name is None:
                scan.problems.append(
                    Problem(
                        "pack-altered",
                        f"object {info.key} among the packs is not a pack name",
                        info.key,
                    )
                )
            else:
                packed[name.stream].append(name)
                by_stream.setdefault(name.stream, [])
            continue
        if not info.key.startswith(layout.MANIFESTS + "/"):
            continue
        parsed = layout.parse_stream(info.key)
        if parsed is None:
            scan.problems.append(
                Problem(
                    "manifest-foreign",
                    f"object {info.key} among the manifests is not a manifest name",
                    info.key,
                )
            )
            continue
        source, tenant, seq = parsed
        if layout.manifest_key(source, tenant, seq) != info.key:
            scan.problems.append(
                Problem("manifest-foreign", f"manifest name {info.key} is not canonical", info.key)
            )
            continue
        by_stream[(source, tenant)].append((seq, info.key))

    for stream in sorted(cps.keys() - by_stream.keys()):
        key = sorted(cps[stream])[-1][1]
        scan.problems.append(
            Problem(
                "chain-truncated",
                f"stream {_stream_name(stream)} has checkpoints but no manifests: the whole "
                f"chain was removed (newest checkpoint: {key})",
                key,
            )
        )
    for stream, items in sorted(by_stream.items()):
        valid: dict[int, Manifest] = {}
        loose = dict(items)
        in_packs = packs.packed_sequences(packed[stream]).get(stream, set())
        scan.present[stream] = present = sorted(loose.keys() | in_packs)
        shelf = packs.Shelf(store, stream[0], stream[1], names=list(packed[stream]))
        broken: set[str] = set()
        base = (
            _usable_checkpoint(store, verifier, stream, sorted(cps[stream]), scan)
            if from_checkpoints and cps.get(stream)
            else None
        )
        start = base.sequence if base is not None else 1
        if base is not None:
            scan.bases[stream] = base
            scan.named.update(p.entry.key for p in base.index.live)
            scan.named.update(base.index.superseded)
        for seq in present:
            if seq < start:
                continue
            key = layout.manifest_key(stream[0], stream[1], seq)
            pack = shelf.pack_of(key) if seq in in_packs else None
            try:
                raw = shelf.get(key) if pack is not None else store.get(key)
            except ObjectNotFound:
                scan.problems.append(
                    Problem("manifest-missing", f"manifest {key} disappeared while verifying", key)
                )
                continue
            except packs.PackError as exc:
                assert pack is not None
                if pack.key not in broken:
                    broken.add(pack.key)
                    scan.problems.append(Problem("pack-altered", str(exc), pack.key))
                continue
            if pack is not None:
                scan.packed[key] = pack.key
                if seq in loose:
                    scan.problems.extend(_same_as_packed(store, key, raw, pack.key))
            pinned = (
                checkpoint.pinned_head(base, key, raw, verifier)
                if base is not None and seq == start
                else None
            )
            m: Manifest | None
            if pinned is not None:  # the checkpoint's signature covers its SHA-256
                m, problem = pinned, integrity.check_placement(pinned, *stream, seq)
            else:
                m, problem = _check_manifest(key, raw, stream, seq, verifier)
            if m is not None and not m.supersedes_read:
                if base is not None and seq == start:
                    scan.unread.append(m)  # read only if an object needs it (``_orphans``)
                elif problem is None:
                    try:
                        m = lists.read_supersedes(store, m)
                    except IntegrityError as exc:
                        problem = _list_problem(exc, m)
            if m is not None:
                scan.named.update(o.key for o in m.objects)
                if base is not None and seq == start:  # the checkpoint leaves S's own out
                    scan.named.update(m.supersedes)
                scan.signers[m.signature.key_id] += 1
            if problem is not None:
                scan.problems.append(problem)
            elif m is not None:
                valid[seq] = m
        scan.chains[stream] = valid
        gap = integrity.check_gaps(stream[0], stream[1], scan.present[stream])
        if gap is not None:
            scan.problems.append(gap)
        for seq, m in sorted(valid.items()):
            if base is not None and seq == start:
                if m.link != base.index.head or m.stream != base.stream:
                    scan.problems.append(
                        Problem(
                            "checkpoint-replay",
                            f"checkpoint {base.key} names manifest {m.key} with another SHA-256: "
                            "one of the two was replaced",
                            base.key,
                        )
                    )
                continue
            prev = valid.get(seq - 1)
            if seq == 1 or prev is not None:
                link = integrity.check_link(m, prev)
                if link is not None:
                    scan.problems.append(link)
        if not from_checkpoints and cps.get(stream) and max(cps[stream])[0] > present[-1]:
            scan.problems.append(_beyond(stream, max(cps[stream]), present[-1]))
        if check_checkpoints:
            in_pack = _packed_checkpoints(store, shelf, broken, scan)
            own = {k for _, k in cps.get(stream, [])}
            found = sorted(set(cps.get(stream, [])) | {(s, k) for k, (s, _) in in_pack.items()})
            scan.problems.extend(
                _check_checkpoints(
                    store,
                    verifier,
                    stream,
                    found,
                    valid,
                    max(present),
                    stored,
                    {k: raw for k, (_, raw) in in_pack.items() if k not in own},
                )
            )
    if scan.signers and not verifier.key_ids & scan.signers.keys():
        # Not one manifest under the trusted key, but readable ones under another: the config
        # names the wrong key. Said once, as that, before any verdict of tampering.
        raise mismatch_error(verifier.key_id, scan.signers)
    return scan


def _same_as_packed(
    store: Store, key: str, packed: bytes, pack: str, *, what: str = "manifest"
) -> list[Problem]:
    """A manifest (or checkpoint) both on its own and in a pack (a packing interrupted, or
    Object Lock kept the single one): the two must be the same bytes."""
    try:
        own = store.get(key)
    except ObjectNotFound:
        return []
    if own == packed:
        return []
    return [
        Problem(
            "pack-altered",
            f"{what} {key} differs from the copy pack {pack} holds: one of the two was replaced",
            key,
        )
    ]


def _packed_checkpoints(
    store: Store, shelf: packs.Shelf, broken: set[str], scan: ManifestScan
) -> dict[str, tuple[int, bytes]]:
    """verify --deep: the old checkpoints the stream's packs hold (key → (sequence, bytes)); a
    copy also in its own object must be the same bytes; a damaged pack is a problem (once)."""
    out: dict[str, tuple[int, bytes]] = {}
    for name in shelf.listed():
        try:
            held = shelf.pack(name).checkpoints
        except packs.PackError as exc:
            if name.key not in broken:
                broken.add(name.key)
                scan.problems.append(Problem("pack-altered", str(exc), name.key))
            continue
        except ObjectNotFound:
            continue
        for key, raw in held.items():
            parsed = layout.parse_checkpoint(key)
            assert parsed is not None  # the pack's parse checked its key
            out[key] = (parsed[2], raw)
            scan.problems.extend(_same_as_packed(store, key, raw, name.key, what="checkpoint"))
    return out


def _usable_checkpoint(
    store: Store,
    verifier: Verifier,
    stream: Stream,
    found: list[tuple[int, str]],
    scan: ManifestScan,
) -> Checkpoint | None:
    """The stream's newest checkpoint when it can stand for the manifests it covers; else its
    problem is recorded and None returned (the whole chain is read)."""
    top = max(scan.present[stream])
    key = found[-1][1]
    try:
        cp, problem = checkpoint.check(key, store.get(key), verifier)
    except ObjectNotFound:
        return None
    if problem is None and cp is not None and cp.sequence > top:
        problem = _beyond(stream, (cp.sequence, cp.key), top)
    if problem is not None or cp is None:
        scan.problems.append(
            problem or Problem("checkpoint-altered", f"checkpoint {key} is unreadable", key)
        )
        return None
    return cp


def _beyond(stream: Stream, cp: tuple[int, str], top: int) -> Problem:
    """``cp``: (sequence, key) of a checkpoint covering manifests past ``top``."""
    return Problem(
        "chain-truncated",
        f"stream {_stream_name(stream)} ends at manifest {top}, but checkpoint {cp[1]} covers "
        f"manifest {cp[0]}: manifests were removed from the end of the chain",
        cp[1],
    )


def _check_checkpoints(
    store: Store,
    verifier: Verifier,
    stream: Stream,
    found: list[tuple[int, str]],
    valid: dict[int, Manifest],
    top: int,
    stored: AbstractSet[str],
    packed: Mapping[str, bytes] | None = None,
) -> list[Problem]:
    """verify --deep: every checkpoint of the stream is signed, in place, links to the one
    before it, and equals the replay of the manifests it covers (when those are intact; of
    the superseded keys, it must carry those whose objects are in ``stored``, the listing).
    ``packed``: the bytes of those only a pack holds, by key."""
    problems: list[Problem] = []
    before: Checkpoint | None = None
    readable = True  # the one before (if any) could be read: links are checked against it
    for _seq, key in found:
        try:
            raw = packed[key] if packed and key in packed else store.get(key)
            cp, problem = checkpoint.check(key, raw, verifier)
        except ObjectNotFound:
            continue
        if problem is not None:
            problems.append(problem)
        if cp is None:
            readable = False
            continue
        if readable and (link := checkpoint.check_checkpoint_link(cp, before)) is not None:
            problems.append(link)
        before, readable = cp, True
        if cp.sequence > top:
            continue  # named by scan_manifests
        covered = [valid.get(n) for n in range(1, cp.sequence + 1)]
        if problem is None and all(m is not None for m in covered):
            replayed = Chain(tuple(m for m in covered if m is not None)).index()
            must_carry = stored - covered[-1].supersedes if covered[-1] is not None else stored
            if (bad := checkpoint.check_checkpoint_replay(cp, replayed, must_carry)) is not None:
                problems.append(bad)
    return problems


def _list_place(doc: lineage.Lineage, m: Manifest) -> str | None:
    """Why the ``supersedes`` section of ``doc`` is not the one manifest ``m`` pins (offset
    and length; its SHA-256 and keys were checked when the list was read), or None."""
    at = m.supersedes_pin
    span = doc.list_span
    if at is None and span is None:
        return None
    if at is None or span is None or (at.offset, at.length) != (doc.head_length + span[0], span[1]):
        return (
            f"lineage document {doc.pin.key}: its supersedes section is not the one manifest "
            f"{m.key} pins"
        )
    if not m.supersedes_read:
        return f"lineage document {doc.pin.key}: the supersedes list of {m.key} was not read"
    return None


def _list_problem(exc: IntegrityError, m: Manifest) -> Problem:
    """A pinned ``supersedes`` list that could not be read, as a lineage problem."""
    where = m.lineage.key if m.lineage is not None else m.key
    missing = isinstance(exc, lists.ListMissing)
    return Problem("lineage-missing" if missing else "lineage-altered", str(exc), where)


def _orphans(
    store: Store, listing: Mapping[str, ObjectInfo], scan: ManifestScan, report: VerifyReport
) -> list[ObjectInfo]:
    """Data objects no manifest names. An object a compaction manifest S superseded, still
    kept (Object Lock, a crash before the deletion), is named only by the list S pins in its
    lineage document: that section is read (and checked against its pin) only when some
    object is named by nothing else, so an archive whose superseded objects are gone never
    reads it."""
    loose = [k for k in sorted(listing) if k.startswith(DATA_PREFIXES) and k not in scan.named]
    if loose and scan.unread:
        for m in scan.unread:
            try:
                scan.named.update(lists.read_supersedes(store, m).supersedes)
            except IntegrityError as exc:
                report.problems.append(_list_problem(exc, m))
        scan.unread.clear()
        loose = [k for k in loose if k not in scan.named]
    return [listing[k] for k in loose]


# --- lineage documents --------------------------------------------------------------------


def _read_pinned(store: Store, pin: Link, stream: Stream) -> tuple[bytes | None, Problem | None]:
    try:
        raw = store.get(pin.key)
    except ObjectNotFound:
        return None, Problem(
            "lineage-missing",
            f"lineage document {pin.key}, pinned by manifest {pin.sequence} of stream "
            f"{_stream_name(stream)}, is missing: custody of its compacted objects cannot be "
            "shown",
            pin.key,
        )
    if hashlib.sha256(raw).hexdigest() != pin.sha256:
        return None, Problem(
            "lineage-altered",
            f"lineage document {pin.key} does not have the SHA-256 manifest {pin.sequence} of "
            f"stream {_stream_name(stream)} pins: it was altered or replaced",
            pin.key,
        )
    return raw, None


def _check_pinned(store: Store, pin: Link, stream: Stream) -> Problem | None:
    """Plain verify: the document is there with the pinned SHA-256 (so it is the one the
    signed manifest committed to); what it says is checked by ``verify --deep``."""
    return _read_pinned(store, pin, stream)[1]


def check_lineage(
    store: Store, manifests: list[Manifest], pinned: set[str] | None = None
) -> list[Problem]:
    """verify --deep, a stream's whole chain (valid manifests, in sequence order): every
    lineage document a manifest pins is there with its SHA-256, names exactly that manifest's
    objects, and its ancestors are the replay of the manifests before it
    (``lineage.of_compaction``'s rule); then ``integrity.check_lineage`` over the entries with
    their ``replaces`` from the documents. ``pinned`` collects the documents' keys."""
    problems: list[Problem] = []
    resolved: list[Manifest] = []
    known: dict[str, Ancestor] = {}
    for m in manifests:
        objects = m.objects
        pin = m.lineage
        if pin is None and any(o.compacted and not o.replaces for o in objects):
            problems.append(
                Problem(
                    "object-lineage",
                    f"manifest {m.key} names compacted objects but no lineage for them",
                    m.key,
                )
            )
        if pin is not None:
            if pinned is not None:
                pinned.add(pin.key)
            raw, problem = _read_pinned(store, pin, (m.source, m.tenant))
            doc = None
            if raw is not None:
                try:
                    doc = lineage.parse(pin, raw, m.stream)
                except IntegrityError as exc:
                    problem = Problem("lineage-altered", str(exc), pin.key)
            if doc is not None and (
                list(doc.keys) != [o.key for o in objects] or any(o.replaces for o in objects)
            ):
                doc, problem = (
                    None,
                    Problem(
                        "lineage-altered",
                        f"lineage document {pin.key} does not name exactly the objects of manifest "
                        f"{m.key}",
                        pin.key,
                    ),
                )
            if doc is not None and (why := _list_place(doc, m)) is not None:
                doc, problem = None, Problem("lineage-altered", why, pin.key)
            if doc is not None:
                try:
                    doc.check_pins(objects)
                    sections = [doc.section(o.key) for o in objects]
                except IntegrityError as exc:
                    sections, problem = [], Problem("lineage-altered", str(exc), pin.key)
                if sections:
                    objects = tuple(
                        dataclasses.replace(o, replaces=sec.replaces)
                        for o, sec in zip(objects, sections, strict=True)
                    )
                    for o, sec in zip(objects, sections, strict=True):
                        if closure([Ancestor.of(o, m.link)], known) != sec.ancestors:
                            problem = Problem(
                                "lineage-altered",
                                f"lineage document {pin.key}: the ancestors of {o.key} differ "
                                f"from what the manifests before {m.key} recorded",
                                pin.key,
                            )
                            break
            if problem is not None:
                problems.append(problem)
        resolved.append(dataclasses.replace(m, objects=objects))
        for o in objects:
            known.setdefault(o.key, Ancestor.of(o, m.link))
    return problems + integrity.check_lineage(resolved)


# --- the witness: heads remembered outside the store -------------------------------------


def archive_id(store: Store) -> str:
    """A short stable name of an archive, so one witness location can serve several."""
    return hashlib.sha256(store.description.encode()).hexdigest()[:16]


def default_witness_path(store: Store) -> Path:
    """Per-archive file under ``$XDG_STATE_HOME/archiver`` (default ``~/.local/state``)."""
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "archiver" / f"witness-{archive_id(store)}.json"


class Witness(Protocol):
    """Where verify remembers stream heads, outside the archive's store."""

    description: str

    def read(self) -> dict[Stream, dict[str, Any]]: ...

    def write(self, archive: str, heads: dict[Stream, Manifest]) -> None: ...


class FileWitness:
    """One file, replaced atomically after each clean verify (a host's disk or a volume)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.description = str(path)

    def read(self) -> dict[Stream, dict[str, Any]]:
        return read_witness(self.path)

    def write(self, archive: str, heads: dict[Stream, Manifest]) -> None:
        _write_witness(self.path, archive, heads)


class StoreWitness:
    """Append-only records in a store of their own (``s3://other-bucket/prefix``): each clean
    verify adds one, never replacing another, and reading takes each stream's highest head
    over all of them. Whoever can only add objects there (Object Lock forbids the rest)
    cannot roll a remembered head back."""

    def __init__(self, store: Store, archive: str) -> None:
        self.store = store
        self.prefix = f"witness-{archive}/"
        self.description = f"{store.description}/{self.prefix}"

    def read(self) -> dict[Stream, dict[str, Any]]:
        best: dict[Stream, dict[str, Any]] = {}
        for info in self.store.list(self.prefix):
            try:
                doc = json.loads(self.store.get(info.key))
            except (ArchiverError, ValueError) as exc:
                raise IntegrityError(
                    f"witness record {info.key} in {self.store.description} cannot be read "
                    f"({type(exc).__name__})",
                    hint="the witness location is meant to be append-only: find out who changed it",
                ) from None
            if not isinstance(doc, dict) or doc.get("format") != WITNESS_FORMAT:
                raise IntegrityError(f"witness record {info.key} is not an archiver witness")
            for h in doc.get("streams", []):
                stream = (h["source"], h["tenant"])
                if stream not in best or int(h["sequence"]) > int(best[stream]["sequence"]):
                    best[stream] = h
        return best

    def write(self, archive: str, heads: dict[Stream, Manifest]) -> None:
        stamp = utcnow().strftime("%Y%m%dT%H%M%S%fZ")
        key = f"{self.prefix}{stamp}-{secrets.token_hex(4)}.json"
        if not self.store.put_if_absent(key, _witness_doc(archive, heads)):
            raise IntegrityError(f"witness record {key} already exists in {self.description}")


def configured_witness(cfg: Config, store: Store) -> Witness | None:
    """The witness ``archive.witness`` names for the archive in ``store``: records in an S3
    location (same endpoint and region settings as the archive), or a per-archive file in a
    folder; None if unset."""
    a = cfg.archive
    if a.witness is None:
        return None
    if a.witness.startswith("s3://"):
        from archiver.archive.store_s3 import S3Store  # boto3: only for an S3 witness

        witness_store = S3Store.from_url(
            a.witness, endpoint_url=a.endpoint_url, region=a.region, path_style=a.path_style
        )
        return StoreWitness(witness_store, archive_id(store))
    return FileWitness(Path(a.witness) / f"witness-{archive_id(store)}.json")


def as_witness(witness: Path | Witness | None) -> Witness | None:
    return FileWitness(witness) if isinstance(witness, Path) else witness


def read_witness(path: Path) -> dict[Stream, dict[str, Any]]:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise IntegrityError(
            f"witness file {path} cannot be read ({type(exc).__name__})",
            hint="restore it from a copy; deleting it makes verify trust the archive as it is now",
        ) from None
    if not isinstance(doc, dict) or doc.get("format") != WITNESS_FORMAT:
        raise IntegrityError(f"witness file {path} is not an archiver witness file")
    return {(h["source"], h["tenant"]): h for h in doc.get("streams", [])}


def _witness_doc(archive: str, heads: dict[Stream, Manifest]) -> bytes:
    doc = {
        "format": WITNESS_FORMAT,
        "version": WITNESS_VERSION,
        "archive": archive,
        "streams": [
            {
                "source": s,
                "tenant": t,
                "sequence": m.sequence,
                "key": m.key,
                "sha256": m.sha256,
                "verified_at": format_ts(utcnow()),
            }
            for (s, t), m in sorted(heads.items())
        ],
    }
    return json.dumps(doc, indent=1, sort_keys=True).encode()


def _write_witness(path: Path, archive: str, heads: dict[Stream, Manifest]) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(_witness_doc(archive, heads))
        f.flush()
        os.fsync(f.fileno())
    tmp.replace(path)


def _read_remembered(
    store: Store, verifier: Verifier, scan: ManifestScan, remembered: dict[Stream, dict[str, Any]]
) -> list[Problem]:
    """The remembered head of each stream whose manifests up to it a checkpoint stood for:
    read on its own (one manifest), so the witness still sees a rewritten chain."""
    problems: list[Problem] = []
    for stream, h in remembered.items():
        seq = int(h["sequence"])
        if seq in scan.chains.get(stream, {}) or seq not in scan.present.get(stream, []):
            continue
        key = layout.manifest_key(stream[0], stream[1], seq)
        try:
            m, problem = _check_manifest(key, get_raw(store, key), stream, seq, verifier)
        except (ObjectNotFound, packs.PackError):
            continue  # named by scan_manifests
        if m is not None and problem is None:
            scan.others.setdefault(stream, {})[seq] = m
        elif problem is not None:
            problems.append(problem)
    return problems


def check_witness(scan: ManifestScan, remembered: dict[Stream, dict[str, Any]]) -> list[Problem]:
    out = []
    for stream, h in sorted(remembered.items()):
        seq, seen_at = int(h["sequence"]), h.get("verified_at", "an earlier verify")
        key = layout.manifest_key(stream[0], stream[1], seq)
        present = scan.present.get(stream, [])
        if not present:
            out.append(
                Problem(
                    "chain-truncated",
                    f"stream {_stream_name(stream)} has no manifests any more; the verify of "
                    f"{seen_at} saw its manifest {seq} ({key}): the whole chain was removed",
                    key,
                )
            )
        elif present[-1] < seq:
            out.append(
                Problem(
                    "chain-truncated",
                    f"stream {_stream_name(stream)} ends at manifest {present[-1]}, but the verify "
                    f"of {seen_at} saw manifest {seq} ({key}): manifests were removed from the "
                    "end of the chain",
                    key,
                )
            )
        else:
            m = scan.chains.get(stream, {}).get(seq) or scan.others.get(stream, {}).get(seq)
            if m is not None and m.sha256 != h["sha256"]:
                out.append(
                    Problem(
                        "chain-rewritten",
                        f"manifest {key} differs from the one the verify of {seen_at} saw: "
                        "the chain was rewritten from there on",
                        key,
                    )
                )
    return out


def check_rotation_heads(trust: Trust, scan: ManifestScan) -> list[Problem]:
    """Each stream reaches at least the head every rotation recorded for it: a chain cut back
    to before a rotation would otherwise look whole (its manifests are valid under the old
    key). The head's content is checked with each manifest (``integrity.key_in_force``)."""
    out = []
    for r in trust.rotations:
        for stream, pin in sorted(r.streams.items()):
            present = scan.present.get(stream, [])
            if present and present[-1] >= pin.head_sequence:
                continue
            key = layout.manifest_key(stream[0], stream[1], pin.head_sequence)
            out.append(
                Problem(
                    "chain-truncated",
                    f"stream {_stream_name(stream)} "
                    + (f"ends at manifest {present[-1]}" if present else "has no manifests")
                    + f", but key rotation {r.number} ({r.key}) recorded its manifest "
                    f"{pin.head_sequence} ({key}): manifests were removed",
                    key,
                )
            )
    return out


# --- S3 version history and Object Lock ---------------------------------------------------


def _check_records(store: Store, verifier: Verifier, keys: list[str]) -> list[Problem]:
    """Holds, suppressions and the erasure ledger: each signed by the key in force for it,
    each where its content says it belongs. A forged release or suppression would let data
    go."""
    problems = []
    for key in keys:
        try:
            raw = store.get(key)
        except ObjectNotFound:
            problems.append(Problem("record-missing", f"record {key} disappeared", key))
            continue
        doc, problem = integrity.check_signed(key, raw, verifier, what="record")
        if problem is not None or doc is None:
            if problem is not None and problem.kind == "record-altered":
                # A wrong configured key is said as that (KeyMismatchError), once.
                with contextlib.suppress(IntegrityError):
                    read_record(store, key, verifier)
            problems.append(problem or Problem("record-altered", f"record {key} unreadable", key))
            continue
        if misplaced(key, signed.body(doc)):
            problems.append(
                Problem("record-misplaced", f"record {key} holds another record's content", key)
            )
    return problems


def _check_versions(store: VersionedStore) -> list[Problem]:
    by_key: dict[str, list[Any]] = defaultdict(list)
    for v in store.list_versions(layout.MANIFESTS + "/"):
        by_key[v.key].append(v)
    out = []
    for key, versions in sorted(by_key.items()):
        kept = [v for v in versions if not v.delete_marker]
        markers = len(versions) - len(kept)
        latest = next((v for v in versions if v.latest), None)
        if latest is not None and latest.delete_marker:
            out.append(
                Problem(
                    "manifest-deleted",
                    f"manifest {key} was deleted: a delete marker hides {len(kept)} retained "
                    "version(s) of it",
                    key,
                )
            )
        elif len(kept) > 1:
            out.append(
                Problem(
                    "manifest-overwritten",
                    f"manifest {key} has {len(kept)} versions"
                    + (f" and {markers} delete marker(s)" if markers else "")
                    + ": it was replaced after it was committed",
                    key,
                )
            )
    return out


def _check_lock(store: LegalHolds, key: str, mode: str) -> Problem | None:
    status = store.lock_status(key)
    if status is None or status.mode != mode or status.retain_until is None:
        return Problem(
            "lock-missing",
            f"{key} has no {mode} Object Lock retention, so it could be deleted",
            key,
        )
    return None


# --- objects ------------------------------------------------------------------------------


@dataclass
class _ObjectResult:
    problems: list[Problem] = field(default_factory=list)
    bytes: int = 0
    decrypted: bool = False
    undecryptable: bool = False  # no key for it here: a note, not damage
    size_only: bool = False  # outside the data subset: not read


def _check_size_only(
    entry: ObjectEntry, manifest_key: str, listing: dict[str, ObjectInfo]
) -> _ObjectResult:
    """An object outside the data subset: present, with the size its manifest names."""
    res = _ObjectResult(size_only=True)
    info = listing.get(entry.key)
    problem = (
        integrity.check_size(entry, info.size, manifest_key)
        if info is not None
        else integrity.check_ciphertext(entry, None, manifest_key)
    )
    res.problems.extend([problem] if problem else [])
    return res


def _check_object(
    store: Store,
    entry: ObjectEntry,
    manifest_key: str,
    listing: dict[str, ObjectInfo],
    keyrings: dict[bool, Keyring] | None,
) -> _ObjectResult:
    res = _ObjectResult()
    info = listing.get(entry.key)
    cipher: bytes | None = None
    if info is not None:
        problem = integrity.check_size(entry, info.size, manifest_key)
        if problem is not None:  # not worth reading
            res.problems.append(problem)
            return res
        with contextlib.suppress(ObjectNotFound):
            cipher = store.get(entry.key)
    problem = integrity.check_ciphertext(entry, cipher, manifest_key)
    if problem is not None or cipher is None:
        res.problems.extend([problem] if problem else [])
        return res
    res.bytes = len(cipher)
    if keyrings is None:
        return res
    keyring = keyrings[entry.sealed]
    if not keyring.can_decrypt:
        res.undecryptable = True
        return res
    plain, problem = integrity.decrypt(entry, cipher, keyring)
    if plain is None:
        res.problems.extend([problem] if problem else [])
        return res
    res.decrypted = True
    problem = integrity.check_plaintext(entry, plain, manifest_key)
    if problem is None:
        try:
            rows: int | None = pq.ParquetFile(pa.BufferReader(plain)).metadata.num_rows
        except (pa.ArrowException, OSError):
            rows = None
        problem = integrity.check_rows(entry, rows, manifest_key)
    res.problems.extend([problem] if problem else [])
    return res


def _probe_keys(
    store: Store,
    keyrings: dict[bool, Keyring],
    jobs: list[tuple[Stream, ObjectEntry, str]],
    scan: ManifestScan,
) -> None:
    """Before any object is judged: does each configured keyring open an intact object of its
    kind? If not, the config holds other keys than the archive was written for (exit 2, the
    configured and the expected keys named), rather than every object reported as damaged."""
    manifests = {m.key: m for chain in scan.chains.values() for m in chain.values()}
    for sealed, keyring in keyrings.items():
        if not keyring.can_decrypt:
            continue
        tried = 0
        for stream, entry, mkey in jobs:
            if entry.sealed != sealed or tried >= 3:
                continue
            try:
                cipher = store.get(entry.key)
            except ObjectNotFound:
                continue
            if integrity.check_ciphertext(entry, cipher, mkey) is not None:
                continue  # damaged: judged with the others
            tried += 1
            try:
                keyring.decrypt(cipher, expect_context=entry.encryption_context())
                break
            except KeyNotHeldError:
                kind = "sealed" if sealed else "masked"
                configured = ", ".join(f"{n} ({f})" for n, f in keyring.fingerprints().items())
                # A checkpoint names the manifest of an object it covers without it being read.
                named_by = manifests.get(mkey) or scan.head(stream)
                written = named_by.keyrings[kind] if named_by is not None else []
                expected = ", ".join(
                    f"{d.get('key_name')} "
                    f"({d.get('fingerprint') or d.get('key_arn') or 'no fingerprint recorded'})"
                    for d in written
                )
                raise KeyMismatchError(
                    f"the configured {kind} keys ({configured}) do not open the archive's "
                    f"{kind} objects, which were written for {expected} (per {mkey}). This is "
                    "a configuration problem, not evidence of damage",
                    hint=f"configure the {kind} key(s) the archive was written with"
                    + (" (--sealed-key)" if sealed else " (keys.masked)"),
                ) from None
            except DecryptionError:
                continue  # judged with the others


# --- the report ---------------------------------------------------------------------------


@dataclass
class StreamSummary:
    source: str
    tenant: str
    manifests: int = 0
    head_sequence: int | None = None
    head_sha256: str | None = None
    objects: int = 0
    rows: int = 0


@dataclass(frozen=True)
class DataSubset:
    """``--read-data-subset N/M``: read (and with ``deep`` decrypt) only the objects of share
    ``n`` of ``m``; the others are checked by listed size. Shares come from a hash of the
    object's key, so they are fixed for an object however the archive grows: M runs with
    N = 1..M read every object exactly once, and a schedule can spread a deep check over days.
    """

    n: int
    m: int

    @classmethod
    def parse(cls, text: str) -> DataSubset:
        try:
            n_text, m_text = text.split("/")
            n, m = int(n_text), int(m_text)
        except ValueError:
            raise ConfigError(
                f"--read-data-subset {text!r}: give N/M, e.g. 2/7 (share 2 of 7)"
            ) from None
        if not 1 <= n <= m:
            raise ConfigError(f"--read-data-subset {text!r}: N must be between 1 and M")
        return cls(n, m)

    def holds(self, key: str) -> bool:
        bucket = int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big")
        return bucket % self.m == self.n - 1

    def __str__(self) -> str:
        return f"{self.n}/{self.m}"


@dataclass
class VerifyReport:
    archive: str
    deep: bool
    streams: list[StreamSummary] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    orphans: list[ObjectInfo] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    manifests: int = 0
    records: int = 0
    objects: int = 0
    bytes: int = 0
    decrypted: int = 0
    witness: str | None = None  # where the witness is kept
    witness_updated: bool = False
    subset: DataSubset | None = None
    size_only: int = 0  # objects outside the subset: checked by listed size only

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def exit_code(self) -> int:
        return EXIT_OK if self.ok else EXIT_INTEGRITY

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "archive": self.archive,
            "deep": self.deep,
            "checked": {
                "streams": len(self.streams),
                "manifests": self.manifests,
                "records": self.records,
                "objects": self.objects,
                "bytes": self.bytes,
                "decrypted": self.decrypted,
                "size_only": self.size_only,
            },
            "read_data_subset": str(self.subset) if self.subset else None,
            "streams": [
                {
                    "source": s.source,
                    "tenant": s.tenant,
                    "manifests": s.manifests,
                    "head": (
                        {"sequence": s.head_sequence, "sha256": s.head_sha256}
                        if s.head_sequence is not None
                        else None
                    ),
                    "objects": s.objects,
                    "rows": s.rows,
                }
                for s in self.streams
            ],
            "problems": [p.to_json() for p in self.problems],
            "orphans": [
                {"key": o.key, "size": o.size, "modified": format_ts(o.modified)}
                for o in self.orphans
            ],
            "notes": list(self.notes),
            "witness": (
                {"path": str(self.witness), "updated": self.witness_updated}
                if self.witness
                else None
            ),
        }


def verify(
    ctx: Context,
    *,
    deep: bool = False,
    witness: Path | Witness | None = None,
    workers: int = 4,
    subset: DataSubset | None = None,
) -> VerifyReport:
    """Check the whole archive; never raises for damage, which goes into the report.

    With ``subset``, every manifest, link, signature and record is still checked, but only the
    subset's objects are read (the others by their listed size)."""
    store = ctx.store
    witness = as_witness(witness)
    report = VerifyReport(
        archive=store.description,
        deep=deep,
        witness=witness.description if witness else None,
        subset=subset,
    )
    listing = {i.key: i for i in store.list("")}
    rotations = rotation.scan(
        store, ctx.root, [k for k in listing if k.startswith(ROTATIONS + "/")]
    )
    trust = rotations.trust
    report.problems.extend(rotations.problems)
    scan = scan_manifests(
        store, trust, listing.values(), from_checkpoints=not deep, check_checkpoints=deep
    )
    report.problems.extend(scan.problems)
    report.problems.extend(check_rotation_heads(trust, scan))
    report.manifests = sum(len(v) for v in scan.present.values())
    for stream, cp in sorted(scan.bases.items()):
        report.notes.append(
            f"stream {_stream_name(stream)}: manifests 1-{cp.sequence} taken from checkpoint "
            f"{cp.key} (signed; verify --deep reads them all and checks the checkpoint)"
        )

    if witness is not None:
        remembered = witness.read()
        report.problems.extend(_read_remembered(store, ctx.verifier, scan, remembered))
        report.problems.extend(check_witness(scan, remembered))
    if isinstance(store, VersionedStore):
        try:
            report.problems.extend(_check_versions(store))
        except ArchiverError as exc:
            report.notes.append(f"manifest versions were not audited: {exc}")

    lock_mode = ctx.config.archive.object_lock.mode if ctx.config.archive.object_lock else None
    lock_store = store if isinstance(store, LegalHolds) and lock_mode else None

    jobs: list[tuple[Stream, ObjectEntry, str]] = []
    seen: dict[str, str] = {}
    pinned: set[str] = set()  # lineage documents a manifest or checkpoint read pins
    for stream, chain in sorted(scan.chains.items()):
        head = scan.head(stream)
        summary = StreamSummary(
            source=stream[0],
            tenant=stream[1],
            manifests=len(scan.present[stream]),
            head_sequence=head.sequence if head else None,
            head_sha256=head.sha256 if head else None,
        )
        report.streams.append(summary)
        # Superseded objects (erasure, prune) are gone for readers: deleted, or kept only while
        # Object Lock retains them; neither is damage.
        base = scan.bases.get(stream)
        covered = base.sequence if base is not None else 0
        gone = {k for m in chain.values() if m.sequence >= covered for k in m.supersedes}
        named: list[tuple[ObjectEntry, str]] = []
        if base is not None:
            gone |= base.index.superseded
            named += [(p.entry, p.link.key) for p in base.index.live]
        if covered == 0:  # lineage names objects of earlier manifests: a whole chain
            report.problems.extend(
                check_lineage(store, [m for _, m in sorted(chain.items())], pinned)
            )
        else:  # the documents the checkpoint and the manifests read pin: their hashes
            pins = {p.key: p for p in base.index.lineage or ()} if base is not None else {}
            pins |= {
                m.lineage.key: m.lineage
                for m in chain.values()
                if m.sequence >= covered and m.lineage is not None
            }
            pinned.update(pins)
            report.problems.extend(
                p for pin in pins.values() if (p := _check_pinned(store, pin, stream)) is not None
            )
        locked: set[str] = set()
        for m in chain.values():
            lock_key = scan.packed.get(m.key, m.key)
            if lock_store is not None and lock_mode is not None and lock_key not in locked:
                locked.add(lock_key)
                problem = _check_lock(lock_store, lock_key, lock_mode)
                if problem:
                    report.problems.append(problem)
            if m.sequence > covered:
                named += [(entry, m.key) for entry in m.objects]
        for entry, mkey in named:
            if entry.key in gone:
                continue
            if entry.key in seen:
                report.problems.append(
                    Problem(
                        "object-duplicate",
                        f"object {entry.key} is named by both {seen[entry.key]} and {mkey}",
                        entry.key,
                    )
                )
                continue
            seen[entry.key] = mkey
            summary.objects += 1
            summary.rows += entry.rows
            jobs.append((stream, entry, mkey))

    keyrings = {False: ctx.masked, True: ctx.sealed} if deep else None
    if keyrings is not None:
        _probe_keys(store, keyrings, jobs, scan)
    undecryptable: dict[bool, int] = defaultdict(int)

    def one(job: tuple[Stream, ObjectEntry, str]) -> _ObjectResult:
        _stream, entry, mkey = job
        if subset is not None and not subset.holds(entry.key):
            return _check_size_only(entry, mkey, listing)
        res = _check_object(store, entry, mkey, listing, keyrings)
        if deep and lock_store is not None and lock_mode is not None and not res.problems:
            problem = _check_lock(lock_store, entry.key, lock_mode)
            if problem:
                res.problems.append(problem)
        return res

    with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="verify") as pool:
        for (_s, entry, _m), res in zip(jobs, pool.map(one, jobs), strict=True):
            report.objects += 1
            report.size_only += res.size_only
            report.bytes += res.bytes
            report.decrypted += res.decrypted
            report.problems.extend(res.problems)
            if res.undecryptable:
                undecryptable[entry.sealed] += 1
    if subset is not None:
        read = report.objects - report.size_only
        report.notes.append(
            f"read-data-subset {subset}: {read} of {report.objects} object(s) read"
            + (" and decrypted" if deep else "")
            + f"; the other {report.size_only} checked by listed size only "
            f"(shares 1/{subset.m} to {subset.m}/{subset.m} together read every object)"
        )
    for sealed, n in sorted(undecryptable.items()):
        kind = "sealed" if sealed else "masked"
        report.notes.append(
            f"{n} {kind} object(s) were checked by ciphertext hash only: no key here decrypts "
            f"{kind} objects" + (" (give the private key with --sealed-key)" if sealed else "")
        )

    report.orphans = _orphans(store, listing, scan, report)
    records = sorted(k for k in listing if k.startswith(RECORD_PREFIXES))
    report.records = len(records)
    report.problems.extend(_check_records(store, trust, records))
    report.records += rotations.records
    known = (
        *DATA_PREFIXES,
        *RECORD_PREFIXES,
        layout.MANIFESTS + "/",
        layout.CHECKPOINTS + "/",
        layout.PACKS + "/",
        layout.LINEAGE + "/",
        LOCKS + "/",
        ROTATIONS + "/",
    )
    outside = [k for k in listing if not k.startswith(known)]
    if outside:
        report.notes.append(
            f"{len(outside)} object(s) outside manifests/, checkpoints/, packs/, lineage/, data/, "
            "sealed/, holds/, suppressed/, ledger/, rotations/ and locks/ were not checked"
        )
    if deep and (
        loose := [k for k in listing if k.startswith(layout.LINEAGE + "/") and k not in pinned]
    ):
        report.notes.append(
            f"{len(loose)} lineage document(s) no manifest pins (left by an interrupted "
            f"compaction, e.g. {loose[0]}): not part of the archive"
        )

    if witness is not None and report.ok:
        heads = {s: h for s in scan.chains if (h := scan.head(s)) is not None}
        witness.write(store.description, heads)
        report.witness_updated = True
    return report
