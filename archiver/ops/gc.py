"""``archiver gc``: remove orphans, the objects of runs that never committed.

An orphan is an object under ``data/`` or ``sealed/`` that no manifest names: a run crashed or
lost the commit race after writing it. Three rules keep gc from ever destroying archive data:

- it only runs on a sound manifest set: if any manifest is unreadable, wrongly signed or
  missing from a chain, the objects it named would look like orphans, so gc refuses (exit 4);
  given verify's witness file it also refuses when manifests were cut from a chain's end;
- it never touches an object that any readable manifest names, nor anything outside
  ``data/`` and ``sealed/`` but the single copy of a manifest that a pack holds byte for byte
  (``compact`` packs old manifests; Object Lock may keep the single copies a while);
- it only removes orphans older than the grace period, which must exceed the longest run: a
  run in progress has written objects that its manifest will name only at the end. After
  deleting, gc checks the manifests again and fails loudly if a run committed meanwhile named
  something it removed.

Objects still under Object Lock retention or a legal hold are kept and reported; a later gc
removes them once their retention has passed. Objects a committed manifest superseded (erasure,
prune) but that are still present count as orphans too.

Lineage documents (``lineage/``) are written by ``compact`` before the manifest that pins them:
one that no manifest and no checkpoint pins (a compaction killed or beaten before its commit)
is an orphan too, removed after the same grace period; a pinned one is never touched.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from archiver.archive import layout
from archiver.archive.catalog import checkpoint
from archiver.archive.lease import LOCKS, RECORDS_LEASE, parse_lease_key
from archiver.archive.store import (
    LegalHolds,
    ObjectInfo,
    ObjectNotFound,
    ObjectProtected,
    Store,
)
from archiver.context import Context
from archiver.errors import EXIT_FAILURE, EXIT_OK, ConfigError, IntegrityError, StoreError
from archiver.ops.verify import (
    DATA_PREFIXES,
    ManifestScan,
    Witness,
    as_witness,
    check_witness,
    scan_manifests,
)
from archiver.timeutil import format_ts, utcnow

__all__ = ["GcReport", "gc", "pinned_lineage", "select_orphans"]


@dataclass
class GcReport:
    grace: timedelta
    dry_run: bool
    deleted: list[ObjectInfo] = field(default_factory=list)  # or, in a dry run, would be
    young: list[ObjectInfo] = field(default_factory=list)
    retained: list[tuple[ObjectInfo, str]] = field(default_factory=list)
    failed: list[tuple[ObjectInfo, str]] = field(default_factory=list)
    leases: list[ObjectInfo] = field(default_factory=list)  # of sequences already committed

    @property
    def exit_code(self) -> int:
        return EXIT_FAILURE if self.failed else EXIT_OK

    def to_json(self) -> dict[str, Any]:
        def item(info: ObjectInfo, **extra: str) -> dict[str, Any]:
            return {
                "key": info.key,
                "size": info.size,
                "modified": format_ts(info.modified),
            } | extra

        return {
            "dry_run": self.dry_run,
            "grace_seconds": self.grace.total_seconds(),
            "deleted": [item(i) for i in self.deleted],
            "bytes_freed": sum(i.size for i in self.deleted),
            "kept_younger_than_grace": [item(i) for i in self.young],
            "kept_retained": [item(i, reason=why) for i, why in self.retained],
            "failed": [item(i, error=why) for i, why in self.failed],
            "leases_removed": [item(i) for i in self.leases],
        }


def select_orphans(
    listing: Iterable[ObjectInfo], named: set[str], *, now: datetime, grace: timedelta
) -> tuple[list[ObjectInfo], list[ObjectInfo]]:
    """(orphans old enough to delete, orphans still inside the grace period), by key."""
    old: list[ObjectInfo] = []
    young: list[ObjectInfo] = []
    for info in sorted(listing, key=lambda i: i.key):
        if not info.key.startswith(DATA_PREFIXES) or info.key in named:
            continue
        (old if info.modified <= now - grace else young).append(info)
    return old, young


def pinned_lineage(store: Store, listing: Iterable[ObjectInfo], scan: ManifestScan) -> set[str]:
    """The lineage documents a manifest (any readable one, packed ones included) or a
    checkpoint pins. A checkpoint that cannot be parsed pins nothing it could be trusted for,
    but its pins are still kept when readable: gc errs on the side of keeping."""
    pinned = {m.lineage.key for c in scan.chains.values() for m in c.values() if m.lineage}
    for info in listing:
        if info.key.startswith(layout.CHECKPOINTS + "/"):
            try:
                cp, _problem = checkpoint.check(info.key, store.get(info.key), None)
            except ObjectNotFound:
                continue
            if cp is not None and cp.index.lineage:
                pinned.update(pin.key for pin in cp.index.lineage)
    return pinned


def gc(
    ctx: Context,
    *,
    grace: timedelta,
    dry_run: bool = False,
    now: datetime | None = None,
    witness: Path | Witness | None = None,
) -> GcReport:
    """Delete old orphans. With ``witness`` (verify's file of remembered stream heads), also
    refuse when manifests were removed from the end of a chain: their objects would otherwise
    look like orphans too."""
    if grace < timedelta(0):
        raise ConfigError("--grace: the grace period cannot be negative")
    now = now or utcnow()
    store = ctx.store
    report = GcReport(grace=grace, dry_run=dry_run)
    listing = list(store.list(""))
    scan = scan_manifests(store, ctx.verifier, listing)
    remembered = as_witness(witness)
    if remembered is not None:
        scan.problems.extend(check_witness(scan, remembered.read()))
    if scan.problems:
        raise IntegrityError(
            f"gc refused: the manifests have {len(scan.problems)} problem(s), so the objects "
            f"they name cannot be told from orphans; first: {scan.problems[0].message}",
            hint="run 'archiver verify' and repair the archive first",
        )
    # Superseded objects (erasure, prune) still present were kept by Object Lock or a crash:
    # like orphans, nothing reads them, so they go once Object Lock allows.
    superseded = {
        k
        for chain in scan.chains.values()
        for k in {k for m in chain.values() for k in m.supersedes}
        & {o.key for m in chain.values() for o in m.objects}
    }
    candidates, report.young = select_orphans(
        listing, scan.named - superseded, now=now, grace=grace
    )
    # Lineage documents nothing pins: written by a compaction that never committed.
    pinned = pinned_lineage(store, listing, scan)
    for info in sorted(listing, key=lambda i: i.key):
        if info.key.startswith(layout.LINEAGE + "/") and info.key not in pinned:
            (candidates if info.modified <= now - grace else report.young).append(info)
    # Single manifests a pack holds byte for byte (checked by the scan): left by a packing
    # that Object Lock or a crash stopped before it deleted them.
    candidates += [i for i in sorted(listing, key=lambda i: i.key) if i.key in scan.packed]
    locks = store if isinstance(store, LegalHolds) else None
    for info in candidates:
        if dry_run:
            # Nothing is deleted, so ask S3 what Object Lock would refuse.
            status = locks.lock_status(info.key) if locks is not None else None
            if status is not None and status.protected_at(utcnow()):
                report.retained.append((info, status.describe()))
            else:
                report.deleted.append(info)
            continue
        try:
            store.delete(info.key)
        except ObjectProtected as exc:
            report.retained.append((info, exc.why))
        except StoreError as exc:
            report.failed.append((info, str(exc)))
        else:
            report.deleted.append(info)

    # Lease objects left where the job could not delete them: moot once their sequence is
    # committed, since nobody can commit it again.
    # The records' lease: every generation but the newest is moot, and the newest too once
    # older than the grace period (a record is written in a second).
    heads = {s: max(chain) for s, chain in scan.chains.items() if chain}
    records_lease = sorted(i.key for i in listing if i.key.startswith(RECORDS_LEASE))
    for info in listing:
        if info.key.startswith(RECORDS_LEASE):
            if info.key == records_lease[-1] and info.modified > now - grace:
                continue
        else:
            parsed = parse_lease_key(info.key) if info.key.startswith(LOCKS + "/") else None
            if parsed is None or parsed[2] > heads.get((parsed[0], parsed[1]), 0):
                continue
        if not dry_run:
            try:
                store.delete(info.key)
            except ObjectProtected:
                continue  # a bucket's default retention: it goes once that allows
            except StoreError as exc:
                report.failed.append((info, str(exc)))
                continue
        report.leases.append(info)

    if report.deleted and not dry_run:
        known = {i.key for i in listing}
        fresh = [i for i in store.list(layout.MANIFESTS + "/") if i.key not in known]
        again = scan_manifests(store, ctx.verifier, fresh)
        late = again.named | {
            m.lineage.key for c in again.chains.values() for m in c.values() if m.lineage
        }
        lost = sorted(late & {i.key for i in report.deleted})
        if lost:
            raise IntegrityError(
                f"a run committed while gc ran and named {len(lost)} object(s) gc had just "
                f"deleted (first: {lost[0]}); that run's data is damaged",
                hint="use a grace period longer than the longest run",
            )
    return report
