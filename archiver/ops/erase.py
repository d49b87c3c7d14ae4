"""``archiver erase --user-id``: the right to erasure (GDPR Art. 17), as evidence.

Order matters, so that every crash point leaves a consistent archive:

1. refuse (exit 6, the case named) while a legal hold covers the person or one of their
   sessions: nothing is written;
2. record the suppression (``suppressed/<subject_id>``, signed) first, so runs from now on no
   longer archive the person;
3. per stream, rewrite each committed object that holds the person's rows (masked and sealed)
   without them, and commit a manifest naming the new objects and ``supersedes`` the old
   ones (readers treat those as gone from then on); a crash before this commit leaves only
   orphans for gc;
4. delete the superseded objects; where Object Lock refuses, they stay "superseded, retained
   until DATE" and gc removes them once the retention has passed;
5. write the signed, pseudonymous ledger entry the manifests' ``erasure`` block names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from archiver.archive import layout
from archiver.archive import manifest as mf
from archiver.archive.reader import ArchiveReader
from archiver.archive.writer import write_object
from archiver.context import Context
from archiver.errors import ConfigError, HeldError
from archiver.ops.hold import (
    LEDGER,
    SUPPRESSED,
    RunGuard,
    active_holds,
    operator_name,
    put_record,
    record_stamp,
    session_key,
    subject_ids,
)
from archiver.ops.prune import Removal, commit_successor, remove_superseded
from archiver.timeutil import format_ts, utcnow


@dataclass
class _StreamPlan:
    head: mf.Manifest
    subject: str
    affected: list[dict[str, Any]]  # live objects holding the person's rows
    sessions: set[str] = field(default_factory=set)  # keyed ids of the person's sessions


@dataclass
class EraseReport:
    subject_ids: list[str]
    ledger: str
    manifests: list[str] = field(default_factory=list)
    superseded: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    rows_removed: int = 0
    removal: Removal = field(default_factory=Removal)
    suppressed_now: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "subject_ids": self.subject_ids,
            "ledger": self.ledger,
            "manifests": self.manifests,
            "superseded": self.superseded,
            "written": self.written,
            "rows_removed": self.rows_removed,
            "deleted": self.removal.deleted,
            "retained": self.removal.retained,
            "suppressed_now": self.suppressed_now,
        }


def _plan(
    ctx: Context, reader: ArchiveReader, user_id: str, source: str | None
) -> list[_StreamPlan]:
    plans = []
    known = set()
    for (src, _tenant), keys in reader.streams().items():
        known.add(src)
        if source is not None and src != source:
            continue
        chain = list(mf.read_chain(ctx.store, keys, ctx.verifier))
        subject = ctx.pseudo.subject_id(chain[-1].doc["stream"]["source_type"], user_id)
        plan = _StreamPlan(head=chain[-1], subject=subject, affected=[])
        for m in chain:
            for obj in m.objects:
                if subject[:16] not in obj["subjects"]:
                    continue
                plan.affected.append(obj)
                if obj["sealed"] and obj["table"] in ("sessions", "messages"):
                    tbl = reader.read_table(obj, columns=["session_id", "subject_id"])
                    for sid, subj in zip(
                        tbl.column(0).to_pylist(), tbl.column(1).to_pylist(), strict=True
                    ):
                        if subj == subject and sid:
                            plan.sessions.add(session_key(ctx, sid))
        if plan.affected:
            plans.append(plan)
    if source is not None and source not in known:
        raise ConfigError(f"no archived stream of source {source!r}")
    return plans


def _check_holds(ctx: Context, subjects: set[str], sessions: set[str]) -> None:
    for h in active_holds(ctx.store, ctx.verifier):
        if (h.kind == "user" and subjects & set(h.subjects)) or (
            h.kind == "session" and h.session in sessions
        ):
            what = "the person" if h.kind == "user" else "one of the person's sessions"
            raise HeldError(
                f"erase refused: legal hold of case {h.case!r} (placed {h.placed_at}) covers "
                f"{what}; nothing was changed",
                hint=f"release it with 'archiver hold release --case {h.case}' when allowed",
            )


def _rewrite(
    ctx: Context, reader: ArchiveReader, plan: _StreamPlan, run_id: str, report: EraseReport
) -> list[dict[str, Any]]:
    """New objects holding the affected objects' rows minus the person's."""
    gone = {s[:16] for s in plan.sessions}
    out: list[dict[str, Any]] = []
    for part, obj in enumerate(plan.affected, start=1):
        rows = reader.read_table(obj).to_pylist()
        keep = [r for r in rows if r.get("subject_id") != plan.subject]
        report.rows_removed += len(rows) - len(keep)
        if not keep:
            continue
        p = obj["partition"]
        key = layout.object_key(
            sealed=bool(obj["sealed"]),
            table=obj["table"],
            source=p["source"],
            tenant=p["tenant"],
            date=p["date"],
            run_id=run_id,
            part=part,
        )
        out.append(
            write_object(
                ctx.store,
                ctx.sealed if obj["sealed"] else ctx.masked,
                key=key,
                table=obj["table"],
                sealed=bool(obj["sealed"]),
                source=p["source"],
                tenant=p["tenant"],
                date=p["date"],
                rows=keep,
                sessions=[s for s in obj["sessions"] if s not in gone]
                if "sessions" in obj
                else None,
            )
        )
    return out


def erase(
    ctx: Context,
    user_id: str,
    *,
    reason: str,
    source: str | None = None,
    operator: str | None = None,
) -> EraseReport:
    if not reason.strip():
        raise ConfigError("--reason: say why (it goes into the erasure ledger)")
    if not ctx.sealed.can_decrypt:
        raise ConfigError(
            "erase rewrites the sealed originals too: give the private key with --sealed-key "
            "(or ARCHIVER_SEALED_KEY)"
        )
    started = utcnow()
    reader = ArchiveReader(ctx.store, verifier=ctx.verifier, masked=ctx.masked, sealed=ctx.sealed)
    everywhere = set(subject_ids(ctx, user_id))
    _check_holds(ctx, everywhere, set())  # cheap: before reading any object
    plans = _plan(ctx, reader, user_id, source)
    erased = {p.subject for p in plans}
    if source is None:
        erased |= everywhere
    elif source in {s.name for s in ctx.config.sources}:
        erased.add(ctx.pseudo.subject_id(ctx.config.source(source).type, user_id))
    _check_holds(ctx, everywhere, {s for p in plans for s in p.sessions})

    stamp = record_stamp()
    run_id = "erase-" + stamp
    report = EraseReport(subject_ids=sorted(erased), ledger=f"{LEDGER}/{stamp}-erase.json")
    who = operator_name(operator)
    for subject in sorted(erased):
        key = f"{SUPPRESSED}/{subject}.json"
        if ctx.store.head(key) is None:
            doc = {
                "kind_of_record": "suppression",
                "subject_id": subject,
                "at": format_ts(started),
                "operator": who,
                "ledger": report.ledger,
            }
            put_record(ctx.store, key, doc, ctx.signer)
            report.suppressed_now.append(subject)

    guard = RunGuard.load(ctx)
    for plan in plans:
        objects = _rewrite(ctx, reader, plan, run_id, report)
        guard.protect(objects)
        m = commit_successor(
            ctx,
            plan.head,
            run_id=run_id,
            started=started,
            objects=objects,
            supersedes=[o["key"] for o in plan.affected],
            extra={"erasure": {"ledger": report.ledger}},
        )
        report.manifests.append(m.key)
        report.superseded.extend(o["key"] for o in plan.affected)
        report.written.extend(o["key"] for o in objects)
    report.removal = remove_superseded(ctx, report.superseded)
    put_record(
        ctx.store,
        report.ledger,
        {
            "kind_of_record": "erasure",
            "at": format_ts(utcnow()),
            "reason": reason,
            "operator": who,
            "subject_ids": report.subject_ids,
            "source": source,
            "manifests": report.manifests,
            "superseded": sorted(report.superseded),
            "written": sorted(report.written),
            "deleted": report.removal.deleted,
            "retained": report.removal.retained,
            "rows_removed": report.rows_removed,
        },
        ctx.signer,
    )
    return report
