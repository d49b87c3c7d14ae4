"""``archiver prune``: remove what is past its retention, through a committed manifest.

Retention runs from the last activity: a conversation is kept while any of its messages is
within the retention, and a person's profile while any of their conversations is kept
(``expired_objects``; docs/COMPLIANCE.md). Per stream, the objects holding nothing kept are
listed in a new manifest's ``supersedes`` (so every reader treats them as gone from that
commit on), then deleted. Objects a legal hold covers are never pruned, and objects still under
S3 Object Lock retention are kept as they are (visible, not superseded) until a later prune
finds their retention over. Both are reported.

Deleting what a manifest superseded (``remove_superseded``) is shared with ``archiver erase``;
both commit through ``archiver.archive.catalog.commit_next``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from archiver.archive.catalog import Chain, ObjectEntry, Retention, RunInfo, commit_next
from archiver.archive.catalog.records import (
    PruneReceipt,
    held_objects,
    ledger_key,
    record_stamp,
)
from archiver.archive.store import LegalHolds, ObjectProtected
from archiver.context import Context
from archiver.errors import ConfigError
from archiver.ops.operator import operator_name
from archiver.timeutil import format_ts, utcnow

Stream = tuple[str, str]


@dataclass
class Removal:
    """What happened to superseded objects: deleted, or retained by Object Lock (key → why)."""

    deleted: list[str] = field(default_factory=list)
    retained: dict[str, str] = field(default_factory=dict)


def maintenance_run(run_id: str, started: datetime) -> RunInfo:
    """The ``run`` of a manifest erase or prune commits: complete, no crawl."""
    return RunInfo(
        id=run_id,
        started_at=format_ts(started),
        finished_at=format_ts(utcnow()),
        status="complete",
        full=False,
    )


def remove_superseded(ctx: Context, keys: list[str]) -> Removal:
    """Delete superseded objects; where Object Lock refuses, record until when it retains them."""
    out = Removal()
    locks = ctx.store if isinstance(ctx.store, LegalHolds) else None
    for key in sorted(keys):
        try:
            ctx.store.delete(key)
        except ObjectProtected as exc:
            status = locks.lock_status(key) if locks is not None else None
            until = status.retain_until if status is not None else None
            out.retained[key] = (
                f"superseded, retained until {until:%Y-%m-%d}"
                if until
                else f"superseded, {exc.why}"
            )
        else:
            out.deleted.append(key)
    return out


def lock_protection(ctx: Context, key: str, now: datetime) -> str | None:
    """Why Object Lock would refuse deleting ``key`` now, or None."""
    locks = ctx.locks
    if locks is None:
        return None
    status = locks.lock_status(key)
    return status.describe() if status is not None and status.protected_at(now) else None


@dataclass
class PruneReport:
    cutoff: date
    dry_run: bool
    manifests: list[str] = field(default_factory=list)
    pruned: list[str] = field(default_factory=list)  # superseded (deleted or retained)
    removal: Removal = field(default_factory=Removal)
    kept_held: dict[str, str] = field(default_factory=dict)  # key -> case
    kept_locked: dict[str, str] = field(default_factory=dict)  # key -> protection
    #: Dated before the cutoff but kept: they hold a conversation still active (or its
    #: owner's profile).
    kept_active: list[str] = field(default_factory=list)
    conversations: int = 0  # pruned, counted once (masked copies)
    messages: int = 0
    people: int = 0  # profiles pruned
    ledger: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "cutoff": self.cutoff.isoformat(),
            "dry_run": self.dry_run,
            "conversations": self.conversations,
            "messages": self.messages,
            "people": self.people,
            "manifests": self.manifests,
            "pruned": self.pruned,
            "deleted": self.removal.deleted,
            "retained": self.removal.retained,
            "kept_held": self.kept_held,
            "kept_locked": self.kept_locked,
            "kept_active": self.kept_active,
            "ledger": self.ledger,
        }


def _day(entry: ObjectEntry) -> date:
    return date.fromisoformat(entry.date)


def expired_objects(
    entries: list[ObjectEntry], cutoff: date
) -> tuple[list[ObjectEntry], list[ObjectEntry], set[str]]:
    """Retention by last activity, from the manifest indexes alone (no object is opened).

    A conversation's last activity is the latest creation date of its rows (every object is
    one creation date, and its session index names the conversations in it); it is kept while
    that date is not before ``cutoff``. An object goes once nothing in it is kept: no
    conversation still active, and for profiles, no owner with a kept conversation and no
    change of the profile since the cutoff. Objects written before the session index existed
    go by their own date. Returns (expired, kept only because of activity, active sessions).
    """
    last: dict[str, date] = {}
    for o in entries:
        if o.table != "users":
            for s in o.sessions or ():
                last[s] = max(last.get(s, _day(o)), _day(o))
    active = {s for s, d in last.items() if d >= cutoff}

    def conversation_kept(o: ObjectEntry) -> bool:
        return _day(o) >= cutoff or bool(active.intersection(o.sessions or ()))

    owners = {s for o in entries if o.table != "users" and conversation_kept(o) for s in o.subjects}
    changed = {
        s
        for o in entries
        if o.table == "users" and o.time_max[:10] >= cutoff.isoformat()
        for s in o.subjects
    }
    expired: list[ObjectEntry] = []
    kept_active: list[ObjectEntry] = []
    for o in entries:
        if _day(o) >= cutoff:
            continue
        if o.table == "users":
            kept = bool((owners | changed).intersection(o.subjects))
        else:
            kept = conversation_kept(o)
        (kept_active if kept else expired).append(o)
    return expired, kept_active, active


def _count(report: PruneReport, chain: Chain, chosen: list[ObjectEntry]) -> None:
    """Conversations and people gone entirely, and message rows removed; masked copies only,
    so each is counted once (as export counts them)."""
    gone = {o.key for o in chosen}
    left = [o for o in chain.live_entries() if not o.sealed and o.key not in gone]
    masked = [o for o in chosen if not o.sealed]

    def index(objs: list[ObjectEntry], users: bool) -> set[str]:
        if users:
            return {s for o in objs if o.table == "users" for s in o.subjects}
        return {s for o in objs if o.table != "users" for s in o.sessions or ()}

    report.conversations += len(index(masked, False) - index(left, False))
    report.people += len(index(masked, True) - index(left, True))
    report.messages += sum(o.rows for o in masked if o.table == "messages")


def prune(
    ctx: Context,
    *,
    older_than: timedelta | None = None,
    dry_run: bool = False,
    now: datetime | None = None,
    operator: str | None = None,
) -> PruneReport:
    """Supersede and delete every live object holding only conversations whose last activity
    is before now − older_than (and profiles with no conversation left)."""
    if older_than is None:
        if ctx.config.retention_days is None:
            raise ConfigError("give --older-than, or set retention.days in the config")
        older_than = timedelta(days=ctx.config.retention_days)
    if older_than <= timedelta(0):
        raise ConfigError("--older-than must be positive")
    who = None if dry_run else operator_name(operator, ctx.config)
    now = now or utcnow()
    started = utcnow()
    cutoff = (now - older_than).date()
    report = PruneReport(cutoff=cutoff, dry_run=dry_run)
    catalog = ctx.catalog
    holds = catalog.holds()
    run_id = "prune-" + record_stamp()
    heads: list[tuple[Chain, list[ObjectEntry]]] = []
    for chain in catalog.chains():
        expired, kept_active, _active = expired_objects(list(chain.live_entries()), cutoff)
        report.kept_active.extend(o.key for o in kept_active)
        held = held_objects(holds, expired)
        report.kept_held.update(held)
        chosen = []
        for o in expired:
            if o.key in held:
                continue
            why = lock_protection(ctx, o.key, now)
            if why is not None:
                report.kept_locked[o.key] = why
                continue
            chosen.append(o)
        _count(report, chain, chosen)
        if chosen:
            heads.append((chain, chosen))
    report.kept_active.sort()
    if dry_run or not heads:
        report.pruned = sorted(o.key for _, os_ in heads for o in os_)
        return report
    ledger = ledger_key("prune")
    assert who is not None
    for chain, chosen in heads:
        m = commit_next(
            ctx.store,
            ctx.provenance,
            previous=chain.head,
            run=maintenance_run(run_id, started),
            objects=[],
            supersedes=[o.key for o in chosen],
            retention=Retention(cutoff=cutoff.isoformat(), ledger=ledger),
        )
        report.manifests.append(m.key)
        report.pruned.extend(o.key for o in chosen)
    report.removal = remove_superseded(ctx, report.pruned)
    receipt: PruneReceipt = {
        "kind_of_record": "prune",
        "at": format_ts(utcnow()),
        "operator": who,
        "cutoff": cutoff.isoformat(),
        "rule": "last activity",
        "conversations": report.conversations,
        "messages": report.messages,
        "people": report.people,
        "manifests": report.manifests,
        "superseded": sorted(report.pruned),
        "deleted": report.removal.deleted,
        "retained": report.removal.retained,
        "kept_held": sorted(report.kept_held),
    }
    ctx.write_record(ledger, receipt)
    report.ledger = ledger
    return report


__all__ = [
    "PruneReport",
    "Removal",
    "expired_objects",
    "lock_protection",
    "maintenance_run",
    "prune",
    "remove_superseded",
]
