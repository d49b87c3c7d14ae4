"""``archiver hold``: legal holds kept in the store, as signed append-only records.

A hold is never edited: placing and releasing are separate records under ``holds/<hold id>/``,
written with put-if-absent, and the current state is the latest record
(``archiver.archive.catalog.records``). Records name people only by pseudonym (``subject_id``
per platform type) and sessions only by keyed id, so the store never holds a raw user id
outside the encrypted objects. With S3 Object Lock, the objects a hold covers also get an S3
legal hold, so not even a privileged delete removes them.
"""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass

from archiver.archive import signed
from archiver.archive.catalog import Hold
from archiver.archive.catalog.records import (
    HoldAction,
    HoldKind,
    HoldRecord,
    MatchedConversation,
    hold_key,
    hold_prefix,
)
from archiver.archive.reader import ArchiveReader
from archiver.context import Context
from archiver.errors import ConfigError, UnknownTargetError
from archiver.ops.discovery import Query, search
from archiver.ops.lookup import (
    Person,
    archived,
    ask_platforms,
    person,
    session_archived,
    session_key,
    unknown_person,
    unknown_session,
)
from archiver.ops.operator import operator_name
from archiver.timeutil import format_ts, utcnow

__all__ = [
    "Hold",
    "HoldReport",
    "QueryHoldReport",
    "holds_on",
    "place_or_release",
    "place_query",
]


# --- holds ------------------------------------------------------------------------------


def _hold_id(case: str, kind: str, target: str) -> str:
    return hashlib.sha256(f"{case}\x00{kind}\x00{target}".encode()).hexdigest()[:32]


@dataclass
class HoldReport:
    action: str
    hold: Hold
    changed: bool  # False: it was already in that state
    legal_holds: int = 0  # S3 legal holds placed or lifted
    kept_locked: int = 0  # on release: still covered by another hold


def _unknown_case(case: str, history: dict[str, HoldRecord]) -> UnknownTargetError:
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
    action: HoldAction,
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
    history = ctx.catalog.hold_history()
    target: Person | None = None
    if hold_id is not None:
        hid = hold_id
        if hid not in history or history[hid]["case"] != case:
            raise _unknown_case(case, history)
        prior = history[hid]
        kind: HoldKind = prior["kind"]
        subjects, skey = list(prior.get("subjects", [])), prior.get("session")
    elif session_id is not None:
        kind, subjects, skey = "session", [], session_key(ctx, session_id)
        hid = _hold_id(case, kind, skey)
    else:
        target = person(ctx, user_id=user_id, email=email, phone=phone)
        kind, subjects, skey = "user", sorted(target.all_subjects), None
        hid = _hold_id(case, kind, target.target)
    if action == "release" and hid not in history:
        raise _unknown_case(case, history)
    active = {hid_: Hold.from_record(d) for hid_, d in history.items() if d["action"] == "place"}
    preservation = False
    on_platform: tuple[str, ...] = ()
    if action == "place" and hid not in active:
        if target is not None:
            known = archived(ctx, target)
        else:
            known = session_archived(ctx, session_id or "")
        if not known:
            platforms = ask_platforms(
                ctx.config,
                user_id=target.user_id if target is not None else None,
                session_id=session_id if target is None else None,
            )
            on_platform = platforms.has if platforms is not None else ()
            if target is not None and target.user_id is None:
                raise unknown_person(
                    target,
                    allow="--user-id with --allow-unknown for a hold placed before the data "
                    "arrives",
                    platforms=platforms,
                )
            if not allow_unknown and not on_platform:
                allow = "--allow-unknown for a hold placed before the data arrives"
                if target is not None:
                    raise unknown_person(target, allow=allow, platforms=platforms)
                raise unknown_session(allow=allow, platforms=platforms)
            preservation = True
    now = format_ts(utcnow())
    hold = active.get(hid) or Hold(
        hid,
        case,
        kind,
        tuple(subjects),
        skey,
        now,
        who,
        reason,
        custodian,
        preservation,
        on_platform,
    )
    was_active = hid in active
    report = HoldReport(action, hold, changed=was_active != (action == "place"))
    if report.changed:
        doc: HoldRecord = {
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
            if on_platform:
                doc["on_platform"] = list(on_platform)
                doc["note"] += "; the platform of the sources named in on_platform has it"
        if hold.query is not None:
            doc["query"] = dict(hold.query)
        _record(ctx, hid, action, doc)
    _apply_legal_holds(ctx, report, [h for h in active.values() if h.hold_id != hid])
    return report


def _record(ctx: Context, hid: str, action: HoldAction, doc: HoldRecord) -> None:
    # Numbered per hold: two concurrent changes cannot both be recorded as the latest.
    n = sum(1 for _ in ctx.store.list(hold_prefix(hid))) + 1
    ctx.write_record(hold_key(hid, n, action), doc)


def _apply_legal_holds(ctx: Context, report: HoldReport, others: list[Hold]) -> None:
    """With S3 Object Lock: set (place) or lift (release) the legal holds of the objects the
    hold covers, keeping those another hold in force covers."""
    locks = ctx.locks
    if locks is None:
        return
    hold, action = report.hold, report.action
    for entry in ctx.catalog.live_entries():
        if not hold.covers(entry):
            continue
        if action == "release" and any(h.covers(entry) for h in others):
            report.kept_locked += 1
            continue
        locks.set_legal_hold(entry.key, action == "place")
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
    fingerprint = hashlib.sha256(
        signed.canonical({"query": query_doc, "matched": matched})
    ).hexdigest()
    hid = _hold_id(case, "query", fingerprint)
    history = ctx.catalog.hold_history()
    active = {h_: Hold.from_record(d) for h_, d in history.items() if d["action"] == "place"}
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
        conversations: list[MatchedConversation] = [
            {"source": s, "tenant": t, "session": k} for s, t, k in matched
        ]
        doc: HoldRecord = {
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
            "matched": conversations,
            "conversations": len(matched),
        }
        if reason:
            doc["reason"] = reason
        if custodian:
            doc["custodian"] = custodian
        _record(ctx, hid, "place", doc)
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
    holds = ctx.catalog.holds()
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
    for entry in ctx.catalog.live_entries():
        if entry.sealed or entry.table != "sessions" or not entry.may_hold_session(index):
            continue
        tbl = reader.read_table(entry, columns=["session_id", "subject_id"])
        for sid, subject in zip(tbl.column(0).to_pylist(), tbl.column(1).to_pylist(), strict=True):
            if sid in forms and subject:
                owners.add(subject)
    return owners
