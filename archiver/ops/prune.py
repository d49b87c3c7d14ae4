"""``archiver prune``: remove what is past its retention, through a committed manifest.

Retention runs from the last activity: a conversation is kept while any of its messages is
within the retention, and a person's profile while any of their conversations is kept
(``expired_objects``; docs/COMPLIANCE.md). Per stream, the objects holding nothing kept are
listed in a new manifest's ``supersedes`` (so every reader treats them as gone from that
commit on), then deleted. Objects a legal hold covers are never pruned, and objects still under
S3 Object Lock retention are kept as they are (visible, not superseded) until a later prune
finds their retention over. Both are reported.

The helpers here (committing a successor manifest, deleting what it superseded) are shared
with ``archiver erase``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from archiver import __version__
from archiver.archive import layout
from archiver.archive import manifest as mf
from archiver.archive.store import LegalHolds, ObjectProtected
from archiver.archive.tables import SCHEMA_VERSION
from archiver.context import Context
from archiver.errors import ConfigError, ConflictError
from archiver.ops.hold import (
    LEDGER,
    active_holds,
    held_objects,
    operator_name,
    put_record,
    record_stamp,
)
from archiver.timeutil import format_ts, utcnow

Stream = tuple[str, str]


@dataclass
class Removal:
    """What happened to superseded objects: deleted, or retained by Object Lock (key → why)."""

    deleted: list[str] = field(default_factory=list)
    retained: dict[str, str] = field(default_factory=dict)


def commit_successor(
    ctx: Context,
    head: mf.Manifest,
    *,
    run_id: str,
    started: datetime,
    objects: list[dict[str, Any]],
    supersedes: list[str],
    extra: dict[str, Any],
) -> mf.Manifest:
    """Commit the next manifest of ``head``'s stream: the crawl state carries over unchanged,
    ``objects`` are new, ``supersedes`` are gone for readers from now on."""
    stream = head.doc["stream"]
    doc: dict[str, Any] = {
        "format": mf.FORMAT,
        "format_version": mf.FORMAT_VERSION,
        "stream": dict(stream),
        "sequence": head.sequence + 1,
        "previous": {"sequence": head.sequence, "key": head.key, "sha256": head.sha256},
        "run": {
            "id": run_id,
            "started_at": format_ts(started),
            "finished_at": format_ts(utcnow()),
            "status": "complete",
            "full": False,
        },
        "program": {"name": "conversation-archiver", "version": __version__},
        "schema_version": SCHEMA_VERSION,
        "policy": ctx.policy_ref,
        "keyrings": {"masked": ctx.masked.describe(), "sealed": ctx.sealed.describe()},
        "state": head.doc["state"],
        "counts": {},
        "objects": objects,
        "supersedes": sorted(supersedes),
    } | extra
    raw = mf.sign(doc, ctx.signer)
    key = layout.manifest_key(stream["source"], stream["tenant"], head.sequence + 1)
    if not ctx.store.put_if_absent(key, raw):
        raise ConflictError(
            f"stream {stream['source']}/{stream['tenant']}: manifest {head.sequence + 1} was "
            "committed by another run meanwhile; nothing was superseded, run the command again"
        )
    return mf.parse(key, raw, ctx.verifier)


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
    if ctx.config.archive.object_lock is None or not isinstance(ctx.store, LegalHolds):
        return None
    status = ctx.store.lock_status(key)
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


def _day(obj: dict[str, Any]) -> date:
    return date.fromisoformat(obj["partition"]["date"])


def expired_objects(
    objects: list[dict[str, Any]], cutoff: date
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], set[str]]:
    """Retention by last activity, from the manifest indexes alone (no object is opened).

    A conversation's last activity is the latest creation date of its rows (every object is
    one creation date, and its session index names the conversations in it); it is kept while
    that date is not before ``cutoff``. An object goes once nothing in it is kept: no
    conversation still active, and for profiles, no owner with a kept conversation and no
    change of the profile since the cutoff. Objects written before the session index existed
    go by their own date. Returns (expired, kept only because of activity, active sessions).
    """
    last: dict[str, date] = {}
    for obj in objects:
        if obj["table"] != "users":
            for s in obj.get("sessions", ()):
                last[s] = max(last.get(s, _day(obj)), _day(obj))
    active = {s for s, d in last.items() if d >= cutoff}

    def conversation_kept(obj: dict[str, Any]) -> bool:
        return _day(obj) >= cutoff or bool(active.intersection(obj.get("sessions", ())))

    owners = {
        s
        for obj in objects
        if obj["table"] != "users" and conversation_kept(obj)
        for s in obj["subjects"]
    }
    changed = {
        s
        for obj in objects
        if obj["table"] == "users" and obj["time_range"]["max"][:10] >= cutoff.isoformat()
        for s in obj["subjects"]
    }
    expired: list[dict[str, Any]] = []
    kept_active: list[dict[str, Any]] = []
    for obj in objects:
        if _day(obj) >= cutoff:
            continue
        if obj["table"] == "users":
            kept = bool((owners | changed).intersection(obj["subjects"]))
        else:
            kept = conversation_kept(obj)
        (kept_active if kept else expired).append(obj)
    return expired, kept_active, active


def _count(report: PruneReport, chain: list[mf.Manifest], chosen: list[dict[str, Any]]) -> None:
    """Conversations and people gone entirely, and message rows removed; masked copies only,
    so each is counted once (as export counts them)."""
    gone = {o["key"] for o in chosen}
    left = [o for m in chain for o in m.objects if not o["sealed"] and o["key"] not in gone]
    masked = [o for o in chosen if not o["sealed"]]

    def index(objs: list[dict[str, Any]], users: bool) -> set[str]:
        if users:
            return {s for o in objs if o["table"] == "users" for s in o["subjects"]}
        return {s for o in objs if o["table"] != "users" for s in o.get("sessions", ())}

    report.conversations += len(index(masked, False) - index(left, False))
    report.people += len(index(masked, True) - index(left, True))
    report.messages += sum(o["rows"] for o in masked if o["table"] == "messages")


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
    holds = active_holds(ctx.store, ctx.verifier)
    run_id = "prune-" + record_stamp()
    heads: list[tuple[mf.Manifest, list[dict[str, Any]]]] = []
    for keys in mf.list_streams(ctx.store).values():
        chain = list(mf.read_chain(ctx.store, keys, ctx.verifier))
        expired, kept_active, _active = expired_objects(
            [o for m in chain for o in m.objects], cutoff
        )
        report.kept_active.extend(o["key"] for o in kept_active)
        held = held_objects(holds, expired)
        report.kept_held.update(held)
        chosen = []
        for obj in expired:
            if obj["key"] in held:
                continue
            why = lock_protection(ctx, obj["key"], now)
            if why is not None:
                report.kept_locked[obj["key"]] = why
                continue
            chosen.append(obj)
        _count(report, chain, chosen)
        if chosen:
            heads.append((chain[-1], chosen))
    report.kept_active.sort()
    if dry_run or not heads:
        report.pruned = sorted(o["key"] for _, os_ in heads for o in os_)
        return report
    ledger_key = f"{LEDGER}/{record_stamp()}-prune.json"
    assert who is not None
    for head, chosen in heads:
        m = commit_successor(
            ctx,
            head,
            run_id=run_id,
            started=started,
            objects=[],
            supersedes=[o["key"] for o in chosen],
            extra={"retention": {"cutoff": cutoff.isoformat(), "ledger": ledger_key}},
        )
        report.manifests.append(m.key)
        report.pruned.extend(o["key"] for o in chosen)
    report.removal = remove_superseded(ctx, report.pruned)
    put_record(
        ctx.store,
        ledger_key,
        {
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
        },
        ctx.signer,
    )
    report.ledger = ledger_key
    return report


__all__ = [
    "PruneReport",
    "Removal",
    "commit_successor",
    "expired_objects",
    "lock_protection",
    "prune",
    "remove_superseded",
]
