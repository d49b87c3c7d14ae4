"""``archiver prune``: remove partitions past their retention, through a committed manifest.

Per stream, the objects dated before the cutoff are listed in a new manifest's ``supersedes``
(so every reader treats them as gone from that commit on), then deleted. Objects a legal hold
covers are never pruned, and objects still under S3 Object Lock retention are kept as they are
(visible, not superseded) until a later prune finds their retention over. Both are reported.

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
from archiver.archive.store_s3 import LegalHolds, ObjectProtected
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
    ledger: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "cutoff": self.cutoff.isoformat(),
            "dry_run": self.dry_run,
            "manifests": self.manifests,
            "pruned": self.pruned,
            "deleted": self.removal.deleted,
            "retained": self.removal.retained,
            "kept_held": self.kept_held,
            "kept_locked": self.kept_locked,
            "ledger": self.ledger,
        }


def prune(
    ctx: Context,
    *,
    older_than: timedelta | None = None,
    dry_run: bool = False,
    now: datetime | None = None,
    operator: str | None = None,
) -> PruneReport:
    """Supersede and delete every live object whose partition date is before now − older_than."""
    if older_than is None:
        if ctx.config.retention_days is None:
            raise ConfigError("give --older-than, or set retention.days in the config")
        older_than = timedelta(days=ctx.config.retention_days)
    if older_than <= timedelta(0):
        raise ConfigError("--older-than must be positive")
    now = now or utcnow()
    started = utcnow()
    cutoff = (now - older_than).date()
    report = PruneReport(cutoff=cutoff, dry_run=dry_run)
    holds = active_holds(ctx.store, ctx.verifier)
    run_id = "prune-" + record_stamp()
    heads: list[tuple[mf.Manifest, list[str]]] = []
    for keys in mf.list_streams(ctx.store).values():
        chain = list(mf.read_chain(ctx.store, keys, ctx.verifier))
        expired = [
            o
            for m in chain
            for o in m.objects
            if date.fromisoformat(o["partition"]["date"]) < cutoff
        ]
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
            chosen.append(obj["key"])
        if chosen:
            heads.append((chain[-1], chosen))
    if dry_run or not heads:
        report.pruned = sorted(k for _, ks in heads for k in ks)
        return report
    ledger_key = f"{LEDGER}/{record_stamp()}-prune.json"
    for head, chosen in heads:
        m = commit_successor(
            ctx,
            head,
            run_id=run_id,
            started=started,
            objects=[],
            supersedes=chosen,
            extra={"retention": {"cutoff": cutoff.isoformat(), "ledger": ledger_key}},
        )
        report.manifests.append(m.key)
        report.pruned.extend(chosen)
    report.removal = remove_superseded(ctx, report.pruned)
    put_record(
        ctx.store,
        ledger_key,
        {
            "kind_of_record": "prune",
            "at": format_ts(utcnow()),
            "operator": operator_name(operator),
            "cutoff": cutoff.isoformat(),
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
    "lock_protection",
    "prune",
    "remove_superseded",
]
