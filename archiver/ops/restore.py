"""``archiver restore``: decrypt the archive into plain Hive-partitioned Parquet.

Every object is checked against its manifest before its rows are written, so a damaged archive
fails loudly (naming the object) instead of restoring quietly wrong data. A restore never
mixes with what a folder already holds (an earlier restore may hold rows erased since): the
new tree is written beside the target and renamed into place only when complete, into a
target that is new or empty, or with ``replace`` swapped for the old one.

``skip_damaged`` restores what is intact and reports what was not: an object that is missing
or altered is left out; a stream whose manifest chain is damaged is left out whole, because
without its chain nobody can tell which of its objects were superseded (erased or pruned).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import secrets
import shutil
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from archiver.archive import layout
from archiver.archive.catalog import Chain, Newest, ObjectEntry, Placed, rank
from archiver.archive.reader import ArchiveReader
from archiver.archive.tables import ID_COLUMN, MASKED
from archiver.context import Context
from archiver.errors import ConfigError, IntegrityError, KeyError_
from archiver.ops.ledger import record_access
from archiver.ops.operator import operator_name


@dataclass
class RestoreReport:
    rows: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    files: int = 0
    objects_read: int = 0
    #: What could not be restored (``skip_damaged``): object or stream → why.
    damaged: dict[str, str] = field(default_factory=dict)
    replaced: bool = False
    access_record: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "rows": dict(self.rows),
            "files": self.files,
            "objects_read": self.objects_read,
            "damaged": self.damaged,
            "replaced": self.replaced,
            "access_record": self.access_record,
        }


@dataclass(frozen=True)
class Filters:
    """Which rows to restore: sources and tables (empty: all), and a creation-time window."""

    sources: frozenset[str] = frozenset()
    tables: frozenset[str] = frozenset()
    since: datetime | None = None  # created_at >= since
    until: datetime | None = None  # created_at < until

    def wants(self, entry: ObjectEntry) -> bool:
        if self.sources and entry.partition.source not in self.sources:
            return False
        if self.tables and entry.table not in self.tables:
            return False
        day = entry.date
        if self.since is not None and day < self.since.date().isoformat():
            return False
        return not (self.until is not None and day > self.until.date().isoformat())

    def rows(self, table: pa.Table) -> pa.Table:
        if self.since is None and self.until is None:
            return table
        mask = None
        created = table["created_at"]
        if self.since is not None:
            mask = pc.greater_equal(created, pa.scalar(self.since, created.type))
        if self.until is not None:
            below = pc.less(created, pa.scalar(self.until, created.type))
            mask = below if mask is None else pc.and_(mask, below)
        return table.filter(mask)


def _out_path(root: Path, entry: ObjectEntry) -> Path:
    p = entry.partition
    name = entry.key.rsplit("/", 1)[-1].removesuffix(".enc")
    return (
        root
        / entry.table
        / f"source={layout.enc(p.source)}"
        / f"tenant={layout.enc(p.tenant)}"
        / f"date={p.date}"
        / name
    )


def _write(path: Path, table: pa.Table) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path, compression="zstd")


def _check_target(to: Path, replace: bool) -> None:
    if to.exists() and not to.is_dir():
        raise ConfigError(f"--to {to} is a file; restore writes a folder")
    if to.is_dir() and any(to.iterdir()) and not replace:
        raise ConfigError(
            f"--to {to} is not empty; a restore into it would mix with what it holds "
            "(rows erased since an earlier restore, for instance)",
            hint="restore into a new folder, or pass --replace to swap in a fresh restore",
        )


_RENAME_EXCHANGE = 2  # linux/fs.h


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    libc_name = ctypes.util.find_library("c")
    if libc_name is None:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    fn = getattr(libc, "renameat2", None)
    if fn is None:
        return False
    at_fdcwd = -100
    rc = fn(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    return bool(rc == 0)


def _move_into_place(staging: Path, to: Path) -> bool:
    """Rename the finished tree to ``to``; True when an old tree was replaced."""
    if not to.exists():
        staging.rename(to)  # one rename: the folder appears complete or not at all
        return False
    if not any(to.iterdir()):
        # An empty folder the user made (perhaps their working directory): kept, filled
        # with the finished tables, one rename each.
        for child in sorted(staging.iterdir()):
            child.rename(to / child.name)
        staging.rmdir()
        return False
    if _exchange(staging, to):
        shutil.rmtree(staging)  # now holds the old tree
        return True
    old = to.with_name(f".{to.name}.old-{secrets.token_hex(4)}")
    to.rename(old)
    staging.rename(to)
    shutil.rmtree(old)
    return True


def _chains(
    reader: ArchiveReader, filters: Filters, skip_damaged: bool, report: RestoreReport
) -> list[Chain]:
    catalog = reader.catalog
    streams = catalog.streams()
    known = {src for src, _ in streams}
    unknown = sorted(filters.sources - known)
    if unknown:
        raise ConfigError(f"--source: no archived stream of source {unknown[0]!r}")
    chains: list[Chain] = []
    for src, tenant in streams:
        if filters.sources and src not in filters.sources:
            continue
        try:
            chains.append(catalog.chain(src, tenant, from_checkpoint=True))
        except IntegrityError as exc:
            if not skip_damaged:
                raise
            report.damaged[f"stream {src}/{tenant}"] = f"not restored: {exc}"
    return chains


def restore(
    ctx: Context,
    to: Path,
    *,
    latest: bool = False,
    sealed: bool = False,
    replace: bool = False,
    filters: Filters | None = None,
    skip_damaged: bool = False,
    operator: str | None = None,
    reason: str | None = None,
) -> RestoreReport:
    filters = filters or Filters()
    to = to.absolute()  # the new tree is written beside it: "." needs a name
    bad = sorted(filters.tables - set(MASKED))
    if bad:
        raise ConfigError(f"--table must be one of {', '.join(sorted(MASKED))}, not {bad[0]!r}")
    if sealed and not ctx.sealed.can_decrypt:
        # Checked before anything is read or written: the job's own config has only the
        # public half, so this is the usual mistake, not damage.
        raise KeyError_(
            "restoring sealed originals needs the private key of the sealed keyring",
            hint="pass --sealed-key FILE or set ARCHIVER_SEALED_KEY",
        )
    _check_target(to, replace)
    who = operator_name(operator, ctx.config) if sealed else None
    reader = ArchiveReader(
        ctx.store,
        verifier=ctx.verifier,
        masked=None if sealed else ctx.masked,
        sealed=ctx.sealed if sealed else None,
    )
    report = RestoreReport()
    # Check every manifest (chain and signature) before writing anything.
    objects = [
        p
        for chain in _chains(reader, filters, skip_damaged, report)
        for p in chain.live()
        if p.entry.sealed == sealed and filters.wants(p.entry)
    ]
    if sealed and who is not None:
        report.access_record = record_access(
            ctx,
            command="restore --sealed",
            operator=who,
            reason=reason,
            objects=[p.entry for p in objects],
        )
    to.parent.mkdir(parents=True, exist_ok=True)
    staging = to.with_name(f".{to.name}.restore-{secrets.token_hex(4)}")
    staging.mkdir(mode=0o700)
    try:
        _restore_into(reader, staging, objects, latest, filters, skip_damaged, report)
        report.replaced = _move_into_place(staging, to)
    finally:
        with contextlib.suppress(FileNotFoundError):
            shutil.rmtree(staging)
    return report


def _read(
    reader: ArchiveReader,
    entry: ObjectEntry,
    skip_damaged: bool,
    report: RestoreReport,
    columns: list[str] | None = None,
) -> pa.Table | None:
    try:
        return reader.read_table(entry, columns=columns)
    except IntegrityError as exc:
        if not skip_damaged:
            raise
        report.damaged[entry.key] = f"not restored: {exc}"
        return None


def _restore_into(
    reader: ArchiveReader,
    root: Path,
    objects: list[Placed],
    latest: bool,
    filters: Filters,
    skip_damaged: bool,
    report: RestoreReport,
) -> None:
    if not latest:
        for placed in objects:
            _restore_rows(reader, root, placed.entry, None, filters, skip_damaged, report)
        return
    # The newest version of each record (the catalog's one rule): which rows of which object.
    newest: Newest[tuple[str, str, str, str], tuple[int, int]] = Newest()
    for idx, placed in enumerate(objects):
        entry = placed.entry
        t = _read(reader, entry, skip_damaged, report, [ID_COLUMN[entry.table], "version_time"])
        if t is None:
            continue
        report.objects_read += 1
        ids = t.column(0).to_pylist()
        times = t.column(1).to_pylist()
        src, tenant = entry.partition.stream
        for row, (rid, vt) in enumerate(zip(ids, times, strict=True)):
            newest.offer((entry.table, src, tenant, rid), rank(vt, placed, row), (idx, row))
    keep: dict[int, list[int]] = defaultdict(list)
    for idx, row in newest.values():
        keep[idx].append(row)
    for idx, rows in sorted(keep.items()):
        _restore_rows(reader, root, objects[idx].entry, rows, filters, skip_damaged, report)


def _restore_rows(
    reader: ArchiveReader,
    root: Path,
    entry: ObjectEntry,
    rows: list[int] | None,
    filters: Filters,
    skip_damaged: bool,
    report: RestoreReport,
) -> None:
    """Write the object's rows (``rows``: only those, by position) that the filters want."""
    tbl = _read(reader, entry, skip_damaged, report)
    if tbl is None:
        return
    if rows is None:
        report.objects_read += 1
    else:
        tbl = tbl.take(pa.array(sorted(rows), pa.int64()))
    tbl = filters.rows(tbl)
    if tbl.num_rows:
        _write(_out_path(root, entry), tbl)
        report.files += 1
    report.rows[entry.table] += tbl.num_rows
