"""``archiver hold``: legal holds kept in the store, as signed append-only records.

A hold is never edited: placing and releasing are separate records under ``holds/<hold id>/``,
written with put-if-absent, and the current state is the latest record. Records name people
only by pseudonym (``subject_id`` per platform type) and sessions only by keyed id, so the
store never holds a raw user id outside the encrypted objects. With S3 Object Lock, the
objects a hold covers also get an S3 legal hold, so not even a privileged delete removes them.

This module also owns the other signed records (suppressions, ledger) and the ``RunGuard``
the engine consults: what not to archive again, and which new objects to put on legal hold.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import json
import os
import secrets
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from archiver.archive import layout
from archiver.archive import manifest as mf
from archiver.archive.reader import ArchiveReader
from archiver.archive.store import Store
from archiver.archive.store_s3 import LegalHolds
from archiver.config import Config
from archiver.context import Context
from archiver.errors import ConfigError, ConflictError, IntegrityError, UnknownTargetError
from archiver.keys import Signer, Verifier
from archiver.ops.discovery import Query, search
from archiver.ops.lookup import (
    Person,
    archived,
    live_objects,
    person,
    session_archived,
    session_key,
    unknown_person,
)
from archiver.timeutil import format_ts, utcnow

HOLDS = "holds"
SUPPRESSED = "suppressed"
LEDGER = "ledger"
RECORD_FORMAT = "conversation-archiver/record"


# --- signed records ---------------------------------------------------------------------


def record_stamp() -> str:
    """A sortable, unique name part: UTC time to the microsecond plus randomness."""
    return utcnow().strftime("%Y%m%dT%H%M%S%fZ") + "-" + secrets.token_hex(4)


def put_record(store: Store, key: str, doc: dict[str, Any], signer: Signer) -> None:
    """Write one signed record; records are never replaced."""
    raw = mf.sign({"format": RECORD_FORMAT} | doc, signer)
    if not store.put_if_absent(key, raw):
        raise ConflictError(
            f"record {key} was written by another command meanwhile; run the command again"
        )


def read_record(store: Store, key: str, verifier: Verifier) -> dict[str, Any]:
    """A signed record, checked: canonical JSON and a valid signature by the trusted key."""
    raw = store.get(key)
    try:
        doc = json.loads(raw)
    except ValueError:
        raise IntegrityError(f"record {key} is not valid JSON (altered or truncated)") from None
    if not isinstance(doc, dict) or raw != mf.canonical(doc) + b"\n":
        raise IntegrityError(f"record {key} is not in its canonical form (altered)")
    sig = doc.get("signature") or {}
    body = {k: v for k, v in doc.items() if k != "signature"}
    if sig.get("key_id") != verifier.key_id:
        mismatch = mf.key_mismatch(store, verifier) or _records_mismatch(store, verifier)
        if mismatch is not None:
            raise mismatch
    if sig.get("key_id") != verifier.key_id or not verifier.verify(
        mf.canonical(body), str(sig.get("value", ""))
    ):
        raise IntegrityError(f"record {key} is not signed by the trusted key (altered or forged)")
    return body


def _records_mismatch(store: Store, verifier: Verifier) -> ConfigError | None:
    """With no manifest yet: a configuration error when no signed record carries the key."""
    if any(True for _ in store.list(layout.MANIFESTS + "/")):
        return None
    found: Counter[str] = Counter()
    for prefix in (HOLDS, SUPPRESSED, LEDGER):
        for info in store.list(prefix + "/"):
            try:
                kid = str(json.loads(store.get(info.key))["signature"]["key_id"])
            except (ValueError, TypeError, KeyError):
                continue
            if kid == verifier.key_id:
                return None
            found[kid] += 1
    return mf.mismatch_error(verifier.key_id, found, "signed records") if found else None


#: Where the operator's name comes from, in this order (after ``--operator``).
OPERATOR_ENV = "ARCHIVER_OPERATOR"


def operator_name(explicit: str | None, config: Config | None = None) -> str:
    """Who does this: ``--operator``, else ``$ARCHIVER_OPERATOR``, else the config's
    ``operator``, else the login name (``$USER``, ``$LOGNAME``). Commands that record or open
    personal data refuse to go on without one; ``--operator unknown`` says so on purpose."""
    for name in (
        explicit,
        os.environ.get(OPERATOR_ENV),
        config.operator if config is not None else None,
        os.environ.get("USER"),
        os.environ.get("LOGNAME"),
    ):
        if name and name.strip():
            return name.strip()
    raise ConfigError(
        "who is doing this is unknown: the record needs an operator name",
        hint=f"pass --operator NAME, set {OPERATOR_ENV}, or set operator in the config",
    )


# --- holds ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hold:
    hold_id: str
    case: str
    kind: str  # user | session
    subjects: tuple[str, ...]  # full subject ids (user holds)
    session: str | None  # keyed session id (session holds)
    placed_at: str
    placed_by: str
    reason: str | None = None
    custodian: str | None = None
    #: Placed before any data of the target was archived (``--allow-unknown``).
    preservation: bool = False
    #: Query holds: the query as recorded, and the conversations it matched when placed
    #: as (source, tenant, keyed session id).
    query: dict[str, Any] | None = None
    matched: tuple[tuple[str, str, str], ...] = ()

    @functools.cached_property
    def _matched_by_stream(self) -> dict[tuple[str, str], frozenset[str]]:
        out: dict[tuple[str, str], set[str]] = {}
        for src, tenant, key in self.matched:
            out.setdefault((src, tenant), set()).add(key[:16])
        return {k: frozenset(v) for k, v in out.items()}

    def held_sessions(self) -> frozenset[str]:
        """The keyed ids of the sessions this hold names one by one (session and query
        holds; a user hold holds a person, not a list of sessions)."""
        if self.kind == "session":
            return frozenset({self.session or ""})
        return frozenset(key for *_, key in self.matched)

    def covers(self, obj: dict[str, Any]) -> bool:
        """Whether the object may hold covered rows. Objects written before the session index
        existed cannot be ruled out for a session or query hold, so they count as covered."""
        if self.kind == "user":
            return any(s[:16] in obj["subjects"] for s in self.subjects)
        if obj["table"] == "users":
            return False
        if self.kind == "query":
            part = obj["partition"]
            prefixes = self._matched_by_stream.get((part["source"], part["tenant"]))
            if not prefixes:
                return False
            return "sessions" not in obj or not prefixes.isdisjoint(obj["sessions"])
        if "sessions" not in obj:
            return True
        return (self.session or "")[:16] in obj["sessions"]

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
        } | (
            {"query": self.query, "conversations": len(self.matched)}
            if self.kind == "query"
            else {}
        )


def _hold_id(case: str, kind: str, target: str) -> str:
    return hashlib.sha256(f"{case}\x00{kind}\x00{target}".encode()).hexdigest()[:32]


def hold_history(store: Store, verifier: Verifier) -> dict[str, dict[str, Any]]:
    """Every hold ever recorded → its latest record (each record checked)."""
    latest: dict[str, tuple[str, dict[str, Any]]] = {}
    for info in store.list(HOLDS + "/"):
        parts = info.key.split("/")
        if len(parts) != 3:
            continue
        doc = read_record(store, info.key, verifier)
        if doc.get("hold_id") != parts[1]:
            raise IntegrityError(f"hold record {info.key} names another hold (moved)")
        cur = latest.get(parts[1])
        if cur is None or parts[2] > cur[0]:
            latest[parts[1]] = (parts[2], doc)
    return {hid: doc for hid, (_, doc) in sorted(latest.items())}


def _hold(hid: str, doc: dict[str, Any]) -> Hold:
    return Hold(
        hold_id=hid,
        case=doc["case"],
        kind=doc["kind"],
        subjects=tuple(doc.get("subjects", [])),
        session=doc.get("session"),
        placed_at=doc["at"],
        placed_by=doc["operator"],
        reason=doc.get("reason"),
        custodian=doc.get("custodian"),
        preservation=bool(doc.get("preservation")),
        query=doc.get("query"),
        matched=tuple(
            (str(x["source"]), str(x["tenant"]), str(x["session"])) for x in doc.get("matched", [])
        ),
    )


def active_holds(store: Store, verifier: Verifier) -> list[Hold]:
    """The holds in force: those whose latest record places them."""
    return [
        _hold(hid, doc)
        for hid, doc in hold_history(store, verifier).items()
        if doc["action"] == "place"
    ]


@dataclass
class HoldReport:
    action: str
    hold: Hold
    changed: bool  # False: it was already in that state
    legal_holds: int = 0  # S3 legal holds placed or lifted
    kept_locked: int = 0  # on release: still covered by another hold


def _legal_hold_store(ctx: Context) -> LegalHolds | None:
    store = ctx.store
    if ctx.config.archive.object_lock is None or not isinstance(store, LegalHolds):
        return None
    return store


def _unknown_case(case: str, history: dict[str, dict[str, Any]]) -> UnknownTargetError:
    cases = sorted({d["case"] for d in history.values() if d["action"] == "place"})
    near = [c for c in cases if c.casefold() == case.casefold()] or difflib.get_close_matches(
        case, cases, n=3
    )
    hint = "case names are compared exactly"
    if near:
        hint += "; holds in force with a similar case: " + ", ".join(repr(c) for c in near)
    return UnknownTargetError(
        f"no hold of case {case!r} on this target was ever placed; nothing was released",
        hint=hint + " ('archiver hold list' shows them)",
    )


def place_or_release(
    ctx: Context,
    action: str,
    case: str,
    *,
    user_id: str | None = None,
    session_id: str | None = None,
    email: str | None = None,
    phone: str | None = None,
    hold_id: str | None = None,
    operator: str | None = None,
    reason: str | None = None,
    custodian: str | None = None,
    allow_unknown: bool = False,
) -> HoldReport:
    """Append a place or release record, then set or lift the S3 legal holds it implies.

    Placing looks the target up in the archive first: an id no live object names is refused
    (``UnknownTargetError``) unless ``allow_unknown``, which records the hold as a
    preservation hold placed before the data arrived. Releasing a hold never placed (for
    that exact case and target) is refused too."""
    if action not in ("place", "release"):
        raise ConfigError(f"hold action must be place or release, not {action!r}")
    if not case.strip():
        raise ConfigError("--case: give the case reference")
    named = [v for v in (user_id, session_id, email, phone, hold_id) if v is not None]
    if len(named) != 1:
        raise ConfigError(
            "name the target with exactly one of --user-id, --session-id, --email, --phone"
            + (" and --hold-id" if action == "release" else "")
        )
    if hold_id is not None and action != "release":
        raise ConfigError("--hold-id names a hold to release; place one by its target")
    who = operator_name(operator, ctx.config)
    history = hold_history(ctx.store, ctx.verifier)
    target: Person | None = None
    if hold_id is not None:
        hid = hold_id
        if hid not in history or history[hid]["case"] != case:
            raise _unknown_case(case, history)
        prior = history[hid]
        kind, subjects, skey = prior["kind"], list(prior.get("subjects", [])), prior.get("session")
    elif session_id is not None:
        kind, subjects, skey = "session", [], session_key(ctx, session_id)
        hid = _hold_id(case, kind, skey)
    else:
        target = person(ctx, user_id=user_id, email=email, phone=phone)
        kind, subjects, skey = "user", sorted(target.all_subjects), None
        hid = _hold_id(case, kind, target.target)
    if action == "release" and hid not in history:
        raise _unknown_case(case, history)
    active = {hid_: _hold(hid_, d) for hid_, d in history.items() if d["action"] == "place"}
    preservation = False
    if action == "place" and hid not in active:
        if target is not None:
            known = archived(ctx, target)
        else:
            known = session_archived(ctx, session_id or "")
        if not known:
            if target is not None and (not allow_unknown or target.user_id is None):
                raise unknown_person(
                    target,
                    allow="--allow-unknown for a hold placed before the data arrives"
                    if target.user_id is not None
                    else "--user-id with --allow-unknown for a hold placed before the data arrives",
                )
            if not allow_unknown:
                raise UnknownTargetError(
                    "no session with this id is in the archive; nothing was recorded",
                    hint="ids are compared exactly: check the value, or pass --allow-unknown "
                    "for a hold placed before the data arrives",
                )
            preservation = True
    now = format_ts(utcnow())
    hold = active.get(hid) or Hold(
        hid, case, kind, tuple(subjects), skey, now, who, reason, custodian, preservation
    )
    was_active = hid in active
    report = HoldReport(action, hold, changed=was_active != (action == "place"))
    if report.changed:
        doc: dict[str, Any] = {
            "kind_of_record": "hold",
            "action": action,
            "hold_id": hid,
            "case": case,
            "kind": kind,
            "subjects": subjects,
            "session": skey,
            "at": now,
            "operator": who,
        }
        if reason:
            doc["reason"] = reason
        if custodian:
            doc["custodian"] = custodian
        if preservation:
            doc["preservation"] = True
            doc["note"] = "placed before any data of the target was archived"
        if hold.query is not None:
            doc["query"] = hold.query
        # Numbered per hold: two concurrent changes cannot both be recorded as the latest.
        n = sum(1 for _ in ctx.store.list(f"{HOLDS}/{hid}/")) + 1
        put_record(ctx.store, f"{HOLDS}/{hid}/{n:08d}-{action}.json", doc, ctx.signer)
    _apply_legal_holds(ctx, report, [h for h in active.values() if h.hold_id != hid])
    return report


def _apply_legal_holds(ctx: Context, report: HoldReport, others: list[Hold]) -> None:
    """With S3 Object Lock: set (place) or lift (release) the legal holds of the objects the
    hold covers, keeping those another hold in force covers."""
    locks = _legal_hold_store(ctx)
    if locks is None:
        return
    hold, action = report.hold, report.action
    for obj in live_objects(ctx):
        if not hold.covers(obj):
            continue
        if action == "release" and any(h.covers(obj) for h in others):
            report.kept_locked += 1
            continue
        locks.set_legal_hold(obj["key"], action == "place")
        report.legal_holds += 1


@dataclass
class QueryHoldReport(HoldReport):
    #: Search figures: objects read of those the streams hold, access records written.
    objects_read: int = 0
    objects_total: int = 0
    access_records: tuple[str, ...] = ()


def place_query(
    ctx: Context,
    case: str,
    q: Query,
    *,
    originals: bool = False,
    operator: str | None = None,
    reason: str | None = None,
    custodian: str | None = None,
) -> QueryHoldReport:
    """Hold every conversation ``q`` matches now: the record keeps the query and those
    conversations (keyed ids), and the hold covers exactly them from then on. Conversations
    that match later are not added: place the query again to add them (a new hold, since
    the conversations differ; the same query matching the same conversations is already
    placed)."""
    if not case.strip():
        raise ConfigError("--case: give the case reference")
    if q.empty:
        raise ConfigError(
            "a hold by query needs at least one filter (a person, --from/--to, --source, "
            "--text, --regex or --sender)"
        )
    who = operator_name(operator, ctx.config)
    found = search(
        ctx, q, originals=originals, operator=who, reason=reason, command="hold", totals=False
    )
    if not found.conversations:
        raise UnknownTargetError(
            "no conversation matches the query; nothing was recorded",
            hint="check the filters with 'archiver search' first",
        )
    if any(not c.session_key for c in found.conversations):
        raise ConfigError(
            "the masking policy drops session ids from masked rows: search the originals "
            "(--sealed-key) to hold by query"
        )
    query_doc = q.record(found.person, originals=originals)
    matched = sorted({(c.source, c.tenant, c.session_key) for c in found.conversations})
    fingerprint = hashlib.sha256(mf.canonical({"query": query_doc, "matched": matched})).hexdigest()
    hid = _hold_id(case, "query", fingerprint)
    history = hold_history(ctx.store, ctx.verifier)
    active = {h_: _hold(h_, d) for h_, d in history.items() if d["action"] == "place"}
    now = format_ts(utcnow())
    hold = active.get(hid) or Hold(
        hid,
        case,
        "query",
        (),
        None,
        now,
        who,
        reason,
        custodian,
        query=query_doc,
        matched=tuple(matched),
    )
    report = QueryHoldReport(
        "place",
        hold,
        changed=hid not in active,
        objects_read=found.objects_read,
        objects_total=found.objects_total,
        access_records=tuple(found.access_records),
    )
    if report.changed:
        doc: dict[str, Any] = {
            "kind_of_record": "hold",
            "action": "place",
            "hold_id": hid,
            "case": case,
            "kind": "query",
            "subjects": [],
            "session": None,
            "at": now,
            "operator": who,
            "query": query_doc,
            "matched": [{"source": s, "tenant": t, "session": k} for s, t, k in matched],
            "conversations": len(matched),
        }
        if reason:
            doc["reason"] = reason
        if custodian:
            doc["custodian"] = custodian
        n = sum(1 for _ in ctx.store.list(f"{HOLDS}/{hid}/")) + 1
        put_record(ctx.store, f"{HOLDS}/{hid}/{n:08d}-place.json", doc, ctx.signer)
    _apply_legal_holds(ctx, report, [h for h in active.values() if h.hold_id != hid])
    return report


def holds_on(
    ctx: Context,
    *,
    user_id: str | None = None,
    session_id: str | None = None,
    email: str | None = None,
    phone: str | None = None,
) -> tuple[list[Hold], Person | None]:
    """The holds in force on a person (user holds naming one of their pseudonyms) or a
    session (session holds on it, and user holds on the people it belongs to)."""
    holds = active_holds(ctx.store, ctx.verifier)
    if session_id is not None:
        skey = session_key(ctx, session_id)
        owners = _session_owners(ctx, session_id)
        return [
            h
            for h in holds
            if skey in h.held_sessions() or (h.kind == "user" and owners & set(h.subjects))
        ], None
    who = person(ctx, user_id=user_id, email=email, phone=phone)
    return [h for h in holds if h.kind == "user" and who.all_subjects & set(h.subjects)], who


def _session_owners(ctx: Context, session_id: str) -> set[str]:
    """Subject ids of the session's rows, from the masked copies that index it."""
    index = session_key(ctx, session_id)
    reader = ArchiveReader(ctx.store, verifier=ctx.verifier, masked=ctx.masked, sealed=None)
    forms = {session_id, index}
    owners: set[str] = set()
    for obj in live_objects(ctx):
        if obj["sealed"] or obj["table"] != "sessions":
            continue
        if "sessions" in obj and index[:16] not in obj["sessions"]:
            continue
        tbl = reader.read_table(obj, columns=["session_id", "subject_id"])
        for sid, subject in zip(tbl.column(0).to_pylist(), tbl.column(1).to_pylist(), strict=True):
            if sid in forms and subject:
                owners.add(subject)
    return owners


def held_objects(holds: list[Hold], objects: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Object key → the case of a hold covering it."""
    out: dict[str, str] = {}
    for obj in objects:
        for h in holds:
            if h.covers(obj):
                out[obj["key"]] = h.case
                break
    return out


# --- suppressions and the engine's guard ------------------------------------------------


def suppressed_subjects(store: Store, verifier: Verifier) -> frozenset[str]:
    """Every subject id erased and not to be archived again (each record checked)."""
    out = set()
    for info in store.list(SUPPRESSED + "/"):
        doc = read_record(store, info.key, verifier)
        if info.key != f"{SUPPRESSED}/{doc['subject_id']}.json":
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
    def load(cls, ctx: Context) -> RunGuard:
        return cls(
            suppressed=suppressed_subjects(ctx.store, ctx.verifier),
            holds=tuple(active_holds(ctx.store, ctx.verifier)),
            locks=_legal_hold_store(ctx),
        )

    def skips(self, subject_id: str | None) -> bool:
        return subject_id is not None and subject_id in self.suppressed

    def protect(self, objects: Iterable[dict[str, Any]]) -> int:
        """Put new objects that contain held subjects or sessions on S3 legal hold."""
        if self.locks is None or not self.holds:
            return 0
        keys = held_objects(list(self.holds), objects)
        for key in keys:
            self.locks.set_legal_hold(key, True)
        return len(keys)
