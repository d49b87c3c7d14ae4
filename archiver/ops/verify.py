"""``archiver verify``: prove the archive is whole, or name every piece of damage.

Checks, per stream: every manifest parses, is canonical, matches the schema and carries a valid
signature by the trusted key; sequence numbers run 1..N without gaps; each manifest links to
its predecessor's SHA-256; every object a manifest names exists with the recorded size and
ciphertext SHA-256. ``deep`` also decrypts each object (bound to its place by the encryption
context) and checks the plaintext SHA-256 and the row count.

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
import hashlib
import json
import os
import secrets
from collections import Counter, defaultdict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import pyarrow as pa
import pyarrow.parquet as pq

from archiver.archive import integrity, layout, signed
from archiver.archive.catalog import Manifest, ObjectEntry
from archiver.archive.catalog.chain import mismatch_error
from archiver.archive.catalog.records import RECORD_PREFIXES, misplaced, read_record
from archiver.archive.crypto import Keyring
from archiver.archive.integrity import Problem
from archiver.archive.lease import LOCKS
from archiver.archive.store import (
    LegalHolds,
    ObjectInfo,
    ObjectNotFound,
    Store,
    VersionedStore,
)
from archiver.archive.store_s3 import S3Store
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


def scan_manifests(store: Store, verifier: Verifier, listing: Iterable[ObjectInfo]) -> ManifestScan:
    """Check every manifest and every chain (not the objects); shared by verify and gc."""
    scan = ManifestScan()
    by_stream: dict[Stream, list[tuple[int, str]]] = defaultdict(list)
    for info in listing:
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

    for stream, items in sorted(by_stream.items()):
        valid: dict[int, Manifest] = {}
        scan.present[stream] = sorted(seq for seq, _ in items)
        for seq, key in sorted(items):
            try:
                raw = store.get(key)
            except ObjectNotFound:
                scan.problems.append(
                    Problem("manifest-missing", f"manifest {key} disappeared while verifying", key)
                )
                continue
            m, problem = _check_manifest(key, raw, stream, seq, verifier)
            if m is not None:
                scan.named.update(o.key for o in m.objects)
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
            prev = valid.get(seq - 1)
            if seq == 1 or prev is not None:
                link = integrity.check_link(m, prev)
                if link is not None:
                    scan.problems.append(link)
    if scan.signers and verifier.key_id not in scan.signers:
        # Not one manifest under the trusted key, but readable ones under another: the config
        # names the wrong key. Said once, as that, before any verdict of tampering.
        raise mismatch_error(verifier.key_id, scan.signers)
    return scan


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
            m = scan.chains.get(stream, {}).get(seq)
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


# --- S3 version history and Object Lock ---------------------------------------------------


def _check_records(store: Store, verifier: Verifier, keys: list[str]) -> list[Problem]:
    """Holds, suppressions and the erasure ledger: each signed by the trusted key, each where
    its content says it belongs. A forged release or suppression would let data go."""
    problems = []
    for key in keys:
        try:
            doc = read_record(store, key, verifier)
        except ObjectNotFound:
            problems.append(Problem("record-missing", f"record {key} disappeared", key))
            continue
        except signed.UnknownVersion as exc:
            problems.append(Problem("format-unknown", str(exc), key))
            continue
        except IntegrityError as exc:
            problems.append(Problem("record-altered", str(exc), key))
            continue
        if misplaced(key, doc):
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
        for _stream, entry, mkey in jobs:
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
                written = manifests[mkey].keyrings[kind]
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
    scan = scan_manifests(store, ctx.verifier, listing.values())
    report.problems.extend(scan.problems)
    report.manifests = sum(len(v) for v in scan.present.values())

    if witness is not None:
        report.problems.extend(check_witness(scan, witness.read()))
    if isinstance(store, VersionedStore):
        try:
            report.problems.extend(_check_versions(store))
        except ArchiverError as exc:
            report.notes.append(f"manifest versions were not audited: {exc}")

    lock_mode = ctx.config.archive.object_lock.mode if ctx.config.archive.object_lock else None
    lock_store = store if isinstance(store, LegalHolds) and lock_mode else None

    jobs: list[tuple[Stream, ObjectEntry, str]] = []
    seen: dict[str, str] = {}
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
        gone = {k for m in chain.values() for k in m.supersedes}
        report.problems.extend(integrity.check_lineage([m for _, m in sorted(chain.items())]))
        for m in chain.values():
            if lock_store is not None and lock_mode is not None:
                problem = _check_lock(lock_store, m.key, lock_mode)
                if problem:
                    report.problems.append(problem)
            for entry in m.objects:
                if entry.key in gone:
                    continue
                if entry.key in seen:
                    report.problems.append(
                        Problem(
                            "object-duplicate",
                            f"object {entry.key} is named by both {seen[entry.key]} and {m.key}",
                            entry.key,
                        )
                    )
                    continue
                seen[entry.key] = m.key
                summary.objects += 1
                summary.rows += entry.rows
                jobs.append((stream, entry, m.key))

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

    report.orphans = [
        info
        for key, info in sorted(listing.items())
        if key.startswith(DATA_PREFIXES) and key not in scan.named
    ]
    records = sorted(k for k in listing if k.startswith(RECORD_PREFIXES))
    report.records = len(records)
    report.problems.extend(_check_records(store, ctx.verifier, records))
    outside = [
        k
        for k in listing
        if not k.startswith((*DATA_PREFIXES, *RECORD_PREFIXES, layout.MANIFESTS + "/", LOCKS + "/"))
    ]
    if outside:
        report.notes.append(
            f"{len(outside)} object(s) outside manifests/, data/, sealed/, holds/, "
            "suppressed/, ledger/ and locks/ were not checked"
        )

    if witness is not None and report.ok:
        heads = {s: h for s in scan.chains if (h := scan.head(s)) is not None}
        witness.write(store.description, heads)
        report.witness_updated = True
    return report
