"""``archiver erase``: the right to erasure (GDPR Art. 17), as evidence.

The person is looked up first: an id the archive does not know is refused (exit 7) unless
``allow_unknown`` (then only the suppression is recorded, so they are never archived). Order
matters, so that every crash point leaves a consistent archive:

1. refuse (exit 6, the case named, with the release command as it must be typed) while a legal
   hold covers the person or one of their sessions: nothing is written. With ``except_held``
   the held sessions are kept and the rest goes; a hold on the person still refuses;
2. record the suppression (``suppressed/<subject_id>``, signed) first, so runs from now on no
   longer archive the person;
3. per stream, rewrite each committed object that holds the person's rows (masked and sealed)
   without them, and commit a manifest naming the new objects and ``supersedes`` the old
   ones (readers treat those as gone from then on); a crash before this commit leaves only
   orphans for gc;
4. delete the superseded objects; where Object Lock refuses, they stay "superseded, retained
   until DATE" and gc removes them once the retention has passed;
5. write the signed, pseudonymous ledger entry the manifests' ``erasure`` block names.

``dry_run`` stops after planning: what would go (conversations, messages, profiles, objects)
and the holds in the way, counted as ``export`` counts them.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field
from typing import Any

from archiver.archive.catalog import Manifest, ObjectEntry, RunGuard, commit_next, index_entry
from archiver.archive.catalog.records import (
    ErasureReceipt,
    Hold,
    SuppressionRecord,
    ledger_key,
    record_stamp,
    suppression_key,
)
from archiver.archive.reader import ArchiveReader
from archiver.archive.writer import write_replacement
from archiver.context import Context
from archiver.errors import ConfigError, HeldError
from archiver.ops.conversations import Conversations
from archiver.ops.lookup import Person, ask_platforms, person, session_key, unknown_person
from archiver.ops.operator import operator_name
from archiver.ops.prune import Removal, maintenance_run, remove_superseded
from archiver.timeutil import format_ts, utcnow


@dataclass
class _StreamPlan:
    head: Manifest
    subjects: frozenset[str]  # the person's pseudonyms on this stream's platform type
    affected: list[ObjectEntry]  # live objects holding the person's rows
    sessions: dict[str, str] = field(default_factory=dict)  # keyed session id → platform id
    messages: set[str] = field(default_factory=set)
    profiles: set[str] = field(default_factory=set)
    #: Record hashes of the person's rows (the same in both copies): what the rewrite drops.
    gone: set[str] = field(default_factory=set)
    #: Record hashes of rows kept because a hold covers their session (``except_held``).
    kept: set[str] = field(default_factory=set)

    @property
    def stream(self) -> str:
        return self.head.stream.name


@dataclass
class EraseReport:
    subject_ids: list[str]
    ledger: str | None
    dry_run: bool = False
    manifests: list[str] = field(default_factory=list)
    superseded: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    rows_removed: int = 0  # rows of both copies (masked and sealed)
    conversations: int = 0
    messages: int = 0
    profiles: int = 0
    streams: list[str] = field(default_factory=list)
    removal: Removal = field(default_factory=Removal)
    suppressed_now: list[str] = field(default_factory=list)
    #: Holds that cover the person's data: (case, hold id, what) — they refuse a real erase.
    holds_in_the_way: list[tuple[str, str, str]] = field(default_factory=list)
    #: With except_held: conversations kept, per case.
    kept_held: dict[str, int] = field(default_factory=dict)
    already_erased: bool = False
    unknown: bool = False  # erased with allow_unknown: nothing archived, suppression only

    def to_json(self) -> dict[str, Any]:
        return {
            "dry_run": self.dry_run,
            "subject_ids": self.subject_ids,
            "ledger": self.ledger,
            "conversations": self.conversations,
            "messages": self.messages,
            "profiles": self.profiles,
            "streams": self.streams,
            "manifests": self.manifests,
            "superseded": self.superseded,
            "written": self.written,
            "rows_removed": self.rows_removed,
            "deleted": self.removal.deleted,
            "retained": self.removal.retained,
            "suppressed_now": self.suppressed_now,
            "holds_in_the_way": [
                {"case": c, "hold_id": h, "covers": w} for c, h, w in self.holds_in_the_way
            ],
            "kept_held": self.kept_held,
            "already_erased": self.already_erased,
            "unknown": self.unknown,
        }


def _plan(
    ctx: Context, reader: ArchiveReader, who: Person, source: str | None
) -> list[_StreamPlan]:
    """Per stream, the person's rows: those that name them and every other row of their
    conversations (found through the session index), read from the sealed copies."""
    plans = []
    columns = {
        "sessions": ["subject_id", "session_id", "record_hash"],
        "messages": ["subject_id", "session_id", "message_id", "record_hash"],
        "users": ["subject_id", "record_hash"],
    }
    for chain in reader.catalog.chains_of_source(source):
        subjects = who.of_type(chain.source_type)
        if not subjects:
            continue
        talks = Conversations(ctx.pseudo, subjects)
        live = list(chain.live_entries())
        read: dict[str, list[dict[str, Any]]] = {}
        for entry in live:  # their conversations, from the rows that name them
            if entry.sealed and talks.named_in(entry):
                rows = reader.read_table(entry, columns=columns[entry.table]).to_pylist()
                read[entry.key] = rows
                for row in rows:
                    talks.learn(row)
        plan = _StreamPlan(head=chain.head, subjects=subjects, affected=[])
        candidates = [entry for entry in live if talks.may_hold(entry)]
        for entry in candidates:
            if not entry.sealed:
                continue
            rows = read.get(entry.key)
            if rows is None:
                rows = reader.read_table(entry, columns=columns[entry.table]).to_pylist()
            mine = [row for row in rows if talks.owns(row)]
            if mine:
                plan.affected.append(entry)
            for row in mine:
                plan.gone.add(row["record_hash"])
                if entry.table == "users":
                    plan.profiles.add(row["subject_id"])
                elif entry.table == "messages":
                    plan.messages.add(row["message_id"])
        for entry in candidates:  # the masked copies: the same rows, by record hash
            if entry.sealed:
                continue
            hashes = reader.read_table(entry, columns=["record_hash"]).column(0).to_pylist()
            if plan.gone.intersection(hashes):
                plan.affected.append(entry)
        plan.sessions = dict(talks.sessions)
        if plan.gone:
            plans.append(plan)
    return plans


def _holds_in_the_way(
    holds: list[Hold], subjects: frozenset[str], sessions: set[str]
) -> list[tuple[Hold, str]]:
    out = []
    for h in holds:
        if h.kind == "user" and subjects & set(h.subjects):
            out.append((h, "the person"))
        elif h.held_sessions() & sessions:
            out.append((h, "one of the person's sessions"))
    return out


def _refuse(ctx: Context, hold: Hold, what: str) -> HeldError:
    release = " ".join(
        [
            "archiver hold release --config",
            shlex.quote(str(ctx.config.path)),
            "--case",
            shlex.quote(hold.case),
            "--hold-id",
            hold.hold_id,
        ]
    )
    return HeldError(
        f"erase refused: legal hold of case {hold.case!r} (placed {hold.placed_at}) covers "
        f"{what}; nothing was changed",
        hint=f"when the case allows it, release the hold with: {release}"
        + ("; or erase everything else with --except-held" if what != "the person" else ""),
    )


def _held_rows(
    ctx: Context, reader: ArchiveReader, plan: _StreamPlan, held: dict[str, str]
) -> dict[str, int]:
    """Mark the rows of held sessions as kept (by record hash, the same in both copies);
    return how many of the person's conversations each case keeps."""
    kept_by_case: dict[str, set[str]] = {}
    for entry in plan.affected:
        if not entry.sealed or entry.table == "users":
            continue
        tbl = reader.read_table(entry, columns=["subject_id", "session_id", "record_hash"])
        for row in tbl.to_pylist():
            if not row["session_id"] or row["record_hash"] not in plan.gone:
                continue
            case = held.get(session_key(ctx, row["session_id"]))
            if case is not None:
                plan.kept.add(row["record_hash"])
                kept_by_case.setdefault(case, set()).add(row["session_id"])
    for sessions in kept_by_case.values():
        for sid in sessions:
            plan.sessions.pop(session_key(ctx, sid), None)
    return {case: len(s) for case, s in kept_by_case.items()}


def _rewrite(
    ctx: Context, reader: ArchiveReader, plan: _StreamPlan, run_id: str, report: EraseReport
) -> tuple[list[ObjectEntry], list[ObjectEntry]]:
    """New objects holding the affected objects' rows minus the person's; and the affected
    objects that changed (objects holding only kept rows stay as they are)."""
    gone = {index_entry(s) for s in plan.sessions}
    out: list[ObjectEntry] = []
    changed: list[ObjectEntry] = []
    for part, entry in enumerate(plan.affected, start=1):
        rows = reader.read_table(entry).to_pylist()
        keep = [
            r for r in rows if r["record_hash"] not in plan.gone or r["record_hash"] in plan.kept
        ]
        if len(keep) == len(rows):
            continue
        changed.append(entry)
        report.rows_removed += len(rows) - len(keep)
        if not keep:
            continue
        out.append(
            write_replacement(
                ctx.store,
                ctx.sealed if entry.sealed else ctx.masked,
                entry,
                run_id=run_id,
                part=part,
                rows=keep,
                sessions=None if entry.sessions is None else entry.sessions - gone,
            )
        )
    return out, changed


def erase(
    ctx: Context,
    user_id: str | None = None,
    *,
    reason: str,
    source: str | None = None,
    operator: str | None = None,
    email: str | None = None,
    phone: str | None = None,
    dry_run: bool = False,
    except_held: bool = False,
    allow_unknown: bool = False,
) -> EraseReport:
    if not reason.strip() and not dry_run:
        raise ConfigError("--reason: say why (it goes into the erasure ledger)")
    if not ctx.sealed.can_decrypt:
        raise ConfigError(
            "erase reads and rewrites the sealed originals: give the private key with "
            "--sealed-key (or ARCHIVER_SEALED_KEY)"
        )
    who_acts = None if dry_run else operator_name(operator, ctx.config)
    started = utcnow()
    reader = ArchiveReader(ctx.store, verifier=ctx.verifier, masked=ctx.masked, sealed=ctx.sealed)
    who = person(ctx, user_id=user_id, email=email, phone=phone)
    everywhere = who.all_subjects
    holds = ctx.catalog.holds()
    on_person = _holds_in_the_way(holds, everywhere, set())
    if on_person and not dry_run:  # cheap: before reading any object
        raise _refuse(ctx, *on_person[0])
    plans = _plan(ctx, reader, who, source)
    sessions = {s for p in plans for s in p.sessions}
    in_the_way = _holds_in_the_way(holds, everywhere, sessions)

    erased = {s for p in plans for s in p.subjects}
    if source is None:
        erased |= everywhere
    elif source in {s.name for s in ctx.config.sources}:
        erased |= who.of_type(ctx.config.source(source).type)
    report = EraseReport(subject_ids=sorted(erased), ledger=None, dry_run=dry_run)
    report.holds_in_the_way = [(h.case, h.hold_id, what) for h, what in in_the_way]

    if not plans:
        suppressed = ctx.catalog.suppressed()
        if erased and erased <= suppressed:
            report.already_erased = True  # run again after a finished erase: nothing to do
            return report
        if not allow_unknown or not erased:
            raise unknown_person(
                who,
                allow="--allow-unknown to record only the suppression",
                where=f" in source {source!r}" if source else "",
                platforms=ask_platforms(ctx.config, user_id=who.user_id, source=source),
            )
        report.unknown = True

    if except_held:
        held = {s: h.case for h, _ in in_the_way if h.kind != "user" for s in h.held_sessions()}
        for plan in plans:
            for case, n in _held_rows(ctx, reader, plan, held).items():
                report.kept_held[case] = report.kept_held.get(case, 0) + n
        in_the_way = [(h, what) for h, what in in_the_way if h.kind == "user"]
    if in_the_way and not dry_run:
        raise _refuse(ctx, *in_the_way[0])

    report.conversations = sum(len(p.sessions) for p in plans)
    report.messages = sum(len(p.messages) for p in plans)
    report.profiles = sum(len(p.profiles) for p in plans)
    report.streams = [p.stream for p in plans]
    if dry_run:
        report.superseded = sorted(o.key for p in plans for o in p.affected)
        return report

    stamp = record_stamp()
    run_id = "erase-" + stamp
    report.ledger = ledger_key("erase", stamp)
    assert who_acts is not None
    for subject in sorted(erased):
        key = suppression_key(subject)
        if ctx.store.head(key) is None:
            doc: SuppressionRecord = {
                "kind_of_record": "suppression",
                "subject_id": subject,
                "at": format_ts(started),
                "operator": who_acts,
                "ledger": report.ledger,
            }
            ctx.write_record(key, doc)
            report.suppressed_now.append(subject)

    guard = RunGuard.load(ctx.store, ctx.verifier, ctx.locks)
    sequences: dict[str, int] = {}
    for plan in plans:
        objects, changed = _rewrite(ctx, reader, plan, run_id, report)
        if not changed:
            continue
        guard.protect(objects)
        m = commit_next(
            ctx.store,
            ctx.provenance,
            previous=plan.head,
            run=maintenance_run(run_id, started),
            objects=objects,
            supersedes=[o.key for o in changed],
            erasure_ledger=report.ledger,
        )
        report.manifests.append(m.key)
        sequences[plan.stream] = m.sequence
        report.superseded.extend(o.key for o in changed)
        report.written.extend(o.key for o in objects)
    report.removal = remove_superseded(ctx, report.superseded)
    receipt: ErasureReceipt = {
        "kind_of_record": "erasure",
        "at": format_ts(utcnow()),
        "reason": reason,
        "operator": who_acts,
        "found_by": who.by,
        "subject_ids": report.subject_ids,
        "source": source,
        "streams": report.streams,
        "conversations": report.conversations,
        "messages": report.messages,
        "profiles": report.profiles,
        "kept_held": report.kept_held,
        "unknown": report.unknown,
        "manifests": report.manifests,
        "sequences": sequences,
        "superseded": sorted(report.superseded),
        "written": sorted(report.written),
        "deleted": report.removal.deleted,
        "retained": report.removal.retained,
        "rows_removed": report.rows_removed,
    }
    ctx.write_record(report.ledger, receipt)
    return report
