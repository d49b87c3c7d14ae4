"""The signed records beside the manifests: legal holds, suppressions and the ledger; and the
``RunGuard`` a crawl reads from them once at its start.

Records are signed documents (``archiver.archive.signed``) written once with put-if-absent and
never replaced:

- ``holds/<hold id>/<n, 8 digits>-<place|release>.json``: a hold's state is its latest record;
- ``suppressed/<subject_id>.json``: an erased person, never to be archived again;
- ``ledger/<time>-<random>-<erase|prune|access|compact>.json``: what was done with personal
  data (and, for ``compact``, which objects were rewritten into which).

Records name people only by pseudonym and sessions only by keyed id.
"""

from __future__ import annotations

import functools
import json
import secrets
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, NotRequired, TypedDict, cast

from archiver.archive import integrity, layout, signed
from archiver.archive.catalog.chain import key_mismatch, mismatch_error
from archiver.archive.catalog.model import ObjectEntry, index_entries
from archiver.archive.store import LegalHolds, Store
from archiver.errors import ConfigError, ConflictError, IntegrityError
from archiver.keys import Signer, Verifier
from archiver.timeutil import utcnow

HOLDS = "holds"
SUPPRESSED = "suppressed"
LEDGER = "ledger"
RECORD_FORMAT = "conversation-archiver/record"
#: Where signed records live; anything else there is not one.
RECORD_PREFIXES = (HOLDS + "/", SUPPRESSED + "/", LEDGER + "/")

HoldKind = Literal["user", "session", "query"]
HoldAction = Literal["place", "release"]
#: The name part of a ledger entry's key, per ``kind_of_record``.
LedgerKind = Literal["erase", "prune", "access", "compact"]
LEDGER_KINDS: dict[str, LedgerKind] = {
    "erasure": "erase",
    "prune": "prune",
    "access": "access",
    "compaction": "compact",
}


class MatchedConversation(TypedDict):
    """A conversation a hold by query matched when placed."""

    source: str
    tenant: str
    session: str  # keyed session id


class HoldRecord(TypedDict):
    kind_of_record: Literal["hold"]
    action: HoldAction
    hold_id: str
    case: str
    kind: HoldKind
    subjects: list[str]  # full subject ids (user holds)
    session: str | None  # keyed session id (session holds)
    at: str
    operator: str
    reason: NotRequired[str]
    custodian: NotRequired[str]
    preservation: NotRequired[bool]
    note: NotRequired[str]
    on_platform: NotRequired[list[str]]
    #: Holds by query: the search as recorded, the conversations it matched when placed
    #: and their number.
    query: NotRequired[dict[str, Any]]
    matched: NotRequired[list[MatchedConversation]]
    conversations: NotRequired[int]


class SuppressionRecord(TypedDict):
    kind_of_record: Literal["suppression"]
    subject_id: str
    at: str
    operator: str
    ledger: str  # the erasure's ledger entry


class ErasureReceipt(TypedDict):
    kind_of_record: Literal["erasure"]
    at: str
    reason: str
    operator: str
    found_by: NotRequired[str]
    subject_ids: list[str]
    source: str | None
    streams: NotRequired[list[str]]
    conversations: NotRequired[int]
    messages: NotRequired[int]
    profiles: NotRequired[int]
    kept_held: NotRequired[dict[str, int]]
    unknown: NotRequired[bool]
    manifests: list[str]
    sequences: dict[str, int]
    superseded: list[str]
    written: list[str]
    deleted: list[str]
    retained: dict[str, str]
    rows_removed: int


class PruneReceipt(TypedDict):
    kind_of_record: Literal["prune"]
    at: str
    operator: str
    cutoff: str
    rule: str
    conversations: NotRequired[int]
    messages: NotRequired[int]
    people: NotRequired[int]
    manifests: list[str]
    superseded: list[str]
    deleted: list[str]
    retained: dict[str, str]
    kept_held: list[str]


class AccessRecord(TypedDict):
    """An opening of sealed originals, written before the first one is decrypted."""

    kind_of_record: Literal["access"]
    command: str
    at: str
    operator: str
    reason: str | None
    subject_ids: list[str]
    session: str | None
    streams: list[str]
    objects: list[str]


class CompactionReceipt(TypedDict):
    """What ``archiver compact`` rewrote: the manifests are the record, this the receipt."""

    kind_of_record: Literal["compaction"]
    at: str
    operator: str
    manifests: list[str]
    #: The keys themselves (receipts before pinned lists) ...
    superseded: NotRequired[list[str]]
    written: NotRequired[list[str]]
    deleted: NotRequired[list[str]]
    #: ... or how many, and where each manifest's list is (since pinned lists): every
    #: superseded key not in ``retained`` was deleted.
    superseded_count: NotRequired[int]
    written_count: NotRequired[int]
    deleted_count: NotRequired[int]
    lists: NotRequired[list[dict[str, Any]]]
    retained: dict[str, str]
    #: Rows of erased (suppressed) subjects found in the parts and not carried over.
    rows_dropped: int
    held: list[str]  # new objects put on S3 legal hold


Record = (
    HoldRecord
    | SuppressionRecord
    | ErasureReceipt
    | PruneReceipt
    | AccessRecord
    | CompactionReceipt
)


def record_stamp() -> str:
    """A sortable, unique name part: UTC time to the microsecond plus randomness."""
    return utcnow().strftime("%Y%m%dT%H%M%S%fZ") + "-" + secrets.token_hex(4)


def ledger_key(kind: LedgerKind, stamp: str | None = None) -> str:
    return f"{LEDGER}/{stamp or record_stamp()}-{kind}.json"


def put_record(store: Store, key: str, doc: Record, signer: Signer) -> None:
    """Write one signed record; records are never replaced."""
    head = {"format": RECORD_FORMAT, "format_version": signed.FORMAT_VERSION}
    raw = signed.sign(head | dict(doc), signer)
    if not store.put_if_absent(key, raw):
        raise ConflictError(
            f"record {key} was written by another command meanwhile; run the command again"
        )


def read_record(store: Store, key: str, verifier: Verifier) -> dict[str, Any]:
    """A signed record's content (without its signature), checked: canonical JSON and a valid
    signature by the trusted key. A wrong verify key is named as such."""
    doc, problem = integrity.check_signed(key, store.get(key), verifier, what="record")
    if problem is not None and doc is not None:
        sig = doc.get("signature")
        if not isinstance(sig, dict) or sig.get("key_id") not in verifier.key_ids:
            mismatch = key_mismatch(store, verifier) or _records_mismatch(store, verifier)
            if mismatch is not None:
                raise mismatch
    integrity.raise_problem(problem)
    assert doc is not None
    return signed.body(doc)


def _records_mismatch(store: Store, verifier: Verifier) -> ConfigError | None:
    """With no manifest yet: a configuration error when no signed record carries the key."""
    if any(True for _ in store.list(layout.MANIFESTS + "/")):
        return None
    found: Counter[str] = Counter()
    for prefix in RECORD_PREFIXES:
        for info in store.list(prefix):
            try:
                kid = str(json.loads(store.get(info.key))["signature"]["key_id"])
            except (ValueError, TypeError, KeyError):
                continue
            if kid in verifier.key_ids:
                return None
            found[kid] += 1
    return mismatch_error(verifier.key_id, found, "signed records") if found else None


def misplaced(key: str, doc: dict[str, Any]) -> bool:
    """Whether a record sits elsewhere than its content says (a hold's id, a suppression's
    subject): a moved record could release a hold or suppress someone else."""
    parts = key.split("/")
    if parts[0] == HOLDS:
        return len(parts) != 3 or doc.get("hold_id") != parts[1]
    if parts[0] == SUPPRESSED:
        return key != f"{SUPPRESSED}/{doc.get('subject_id')}.json"
    return False


# --- holds --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hold:
    hold_id: str
    case: str
    kind: HoldKind
    subjects: tuple[str, ...]  # full subject ids (user holds)
    session: str | None  # keyed session id (session holds)
    placed_at: str
    placed_by: str
    reason: str | None = None
    custodian: str | None = None
    #: Placed before any data of the target was archived (``--allow-unknown``).
    preservation: bool = False
    #: Sources whose platform had the target when the preservation hold was placed.
    on_platform: tuple[str, ...] = ()
    #: Holds by query: the query as recorded, and the conversations it matched when placed
    #: as (source, tenant, keyed session id).
    #: (Left out of comparison and hash: a mapping has none; ``matched`` and the id suffice.)
    query: Mapping[str, Any] | None = field(default=None, compare=False)
    matched: tuple[tuple[str, str, str], ...] = ()

    @functools.cached_property
    def _matched_by_stream(self) -> dict[tuple[str, str], frozenset[str]]:
        """A query hold's matched sessions per stream, as index entries."""
        out: dict[tuple[str, str], list[str]] = {}
        for src, tenant, key in self.matched:
            out.setdefault((src, tenant), []).append(key)
        return {stream: index_entries(keys) for stream, keys in out.items()}

    def held_sessions(self) -> frozenset[str]:
        """The keyed ids of the sessions this hold names one by one (session and query
        holds; a user hold holds a person, not a list of sessions)."""
        if self.kind == "session":
            return frozenset({self.session or ""})
        return frozenset(key for *_, key in self.matched)

    def covers(self, entry: ObjectEntry) -> bool:
        """Whether the object may hold covered rows. Objects written before the session index
        existed cannot be ruled out for a session or query hold, so they count as covered."""
        if self.kind == "user":
            return entry.names_subject(self.subjects)
        if self.kind == "query":
            entries = self._matched_by_stream.get(entry.partition.stream)
            return entries is not None and entry.may_hold_any_session(entries)
        return entry.may_hold_session(self.session or "")

    @classmethod
    def from_record(cls, doc: HoldRecord) -> Hold:
        return cls(
            hold_id=doc["hold_id"],
            case=doc["case"],
            kind=doc["kind"],
            subjects=tuple(doc.get("subjects", [])),
            session=doc.get("session"),
            placed_at=doc["at"],
            placed_by=doc["operator"],
            reason=doc.get("reason"),
            custodian=doc.get("custodian"),
            preservation=bool(doc.get("preservation")),
            on_platform=tuple(doc.get("on_platform", [])),
            query=doc.get("query"),
            matched=tuple(
                (str(m["source"]), str(m["tenant"]), str(m["session"]))
                for m in doc.get("matched", [])
            ),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "hold_id": self.hold_id,
            "case": self.case,
            "kind": self.kind,
            "subjects": list(self.subjects),
            "session": self.session,
            "placed_at": self.placed_at,
            "placed_by": self.placed_by,
            "reason": self.reason,
            "custodian": self.custodian,
            "preservation": self.preservation,
            "on_platform": list(self.on_platform),
        } | (
            {"query": self.query, "conversations": len(self.matched)}
            if self.kind == "query"
            else {}
        )


def hold_prefix(hold_id: str) -> str:
    return f"{HOLDS}/{hold_id}/"


def hold_key(hold_id: str, number: int, action: HoldAction) -> str:
    """The ``number``-th record of a hold (from 1): numbered per hold, so two concurrent
    changes cannot both be recorded as the latest."""
    return f"{hold_prefix(hold_id)}{number:08d}-{action}.json"


def hold_history(store: Store, verifier: Verifier) -> dict[str, HoldRecord]:
    """Every hold ever recorded → its latest record (each record checked)."""
    latest: dict[str, tuple[str, HoldRecord]] = {}
    for info in store.list(HOLDS + "/"):
        parts = info.key.split("/")
        if len(parts) != 3:
            continue
        doc = read_record(store, info.key, verifier)
        if misplaced(info.key, doc):
            raise IntegrityError(f"hold record {info.key} names another hold (moved)")
        cur = latest.get(parts[1])
        if cur is None or parts[2] > cur[0]:
            latest[parts[1]] = (parts[2], cast(HoldRecord, doc))
    return {hid: doc for hid, (_, doc) in sorted(latest.items())}


def active_holds(store: Store, verifier: Verifier) -> list[Hold]:
    """The holds in force: those whose latest record places them."""
    return [
        Hold.from_record(doc)
        for doc in hold_history(store, verifier).values()
        if doc["action"] == "place"
    ]


def held_objects(holds: Iterable[Hold], entries: Iterable[ObjectEntry]) -> dict[str, str]:
    """Object key → the case of a hold covering it."""
    holds = list(holds)
    out: dict[str, str] = {}
    for entry in entries:
        for h in holds:
            if h.covers(entry):
                out[entry.key] = h.case
                break
    return out


# --- suppressions and the crawl's guard -------------------------------------------------


def suppression_key(subject_id: str) -> str:
    return f"{SUPPRESSED}/{subject_id}.json"


def suppressed_subjects(store: Store, verifier: Verifier) -> frozenset[str]:
    """Every subject id erased and not to be archived again (each record checked)."""
    out = set()
    for info in store.list(SUPPRESSED + "/"):
        doc = read_record(store, info.key, verifier)
        if misplaced(info.key, doc):
            raise IntegrityError(f"suppression record {info.key} names another subject (moved)")
        out.add(str(doc["subject_id"]))
    return frozenset(out)


@dataclass(frozen=True)
class RunGuard:
    """What a run reads once at its start: subjects not to archive, holds for new objects."""

    suppressed: frozenset[str] = frozenset()
    holds: tuple[Hold, ...] = ()
    locks: LegalHolds | None = None

    @classmethod
    def load(cls, store: Store, verifier: Verifier, locks: LegalHolds | None) -> RunGuard:
        """``locks``: the store's legal holds where Object Lock is configured, else None."""
        return cls(
            suppressed=suppressed_subjects(store, verifier),
            holds=tuple(active_holds(store, verifier)),
            locks=locks,
        )

    def skips(self, subject_id: str | None) -> bool:
        return subject_id is not None and subject_id in self.suppressed

    def protect(self, entries: Iterable[ObjectEntry]) -> int:
        """Put new objects that contain held subjects or sessions on S3 legal hold."""
        if self.locks is None or not self.holds:
            return 0
        keys = held_objects(self.holds, entries)
        for key in keys:
            self.locks.set_legal_hold(key, True)
        return len(keys)
