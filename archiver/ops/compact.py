"""``archiver compact``: rewrite a stream's small parts into parts of ``archive.part_size_mb``.

A daily run writes a few small objects per table and date; after years every restore and verify
would request thousands of them. Per stream, table, kind (masked, sealed) and date partition,
the live *small* parts (Parquet size under ``archive.part_size_mb`` and fewer rows than
``archive.part_rows``) are packed, in commit order, into bins of up to that size and rows; every
bin of two or more parts becomes one new object, and one manifest per stream names the new
objects and ``supersedes`` the old ones. A partition with one part, or whose small parts do not
pack into fewer objects, is left alone, so a second compaction finds nothing to do.

What stays the same:

- rows: the new object holds the old objects' rows, unchanged, in commit order; its entry's
  ``ranks`` say where each run of rows ranked before, so the newest-version rule
  (``catalog.versions``) picks exactly what it picked before;
- lineage: the compaction's lineage document (``catalog.lineage``), which its manifest pins
  by SHA-256, names for each new object the old objects with the ciphertext SHA-256 the
  manifest that wrote each recorded, and every ancestor back to what crawls wrote
  (``verify --deep`` checks it, ``retrieve``'s custody follows it);
- erasures: rows of a suppressed (erased) subject are not carried over, unless a legal hold
  covers the object (``erase --except-held`` keeps held rows on purpose);
- legal holds: held parts are compacted like the others; a hold covers the new object through
  the same subject and session indexes, and where Object Lock is configured the new object gets
  the S3 legal hold before the manifest names it. The old object stays, under its own legal
  hold, until ``gc`` removes it after the release.

Order, so that a crash at any point leaves a consistent archive: take the stream's commit
lease (a concurrent ``run`` then stops with a conflict, or this stream is skipped with one);
write the new objects and the lineage document (orphans until the commit); commit the
manifest; delete the
old objects (where Object Lock refuses, they stay "superseded, retained until …" for ``gc``);
write the ledger receipt. Then, still under the lease, the stream's manifests before the one
its newest checkpoint covers go into packs, appended as segments (``catalog.packs``): the
chain stays the same bytes, in a handful of objects instead of two per run. Sealed parts are
rewritten only with the sealed private key (``--sealed-key``); without it only masked parts
are compacted and the report says so.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from archiver import logs
from archiver.archive import layout
from archiver.archive.catalog import (
    Chain,
    CommitConflict,
    Hold,
    Manifest,
    ObjectEntry,
    Placed,
    Ranks,
    RankSpan,
    Replaced,
    RunGuard,
    checkpoint,
    commit_next,
    latest,
    lineage,
    origin,
    packs,
)
from archiver.archive.catalog.packs import Packed
from archiver.archive.catalog.records import (
    CompactionReceipt,
    held_objects,
    ledger_key,
    record_stamp,
)
from archiver.archive.lease import held
from archiver.archive.reader import ArchiveReader
from archiver.archive.tables import schema_for
from archiver.archive.writer import write_object
from archiver.config import Config
from archiver.context import Context
from archiver.crawl.engine import StreamResult
from archiver.errors import ArchiverError, ConfigError, ConflictError
from archiver.ops.operator import OPERATOR_ENV
from archiver.ops.prune import Removal, maintenance_run, remove_superseded
from archiver.timeutil import format_ts, utcnow

log = logging.getLogger(__name__)

Stream = tuple[str, str]
#: (table, sealed, date): the unit compaction packs within.
Group = tuple[str, bool, str]


def is_small(entry: ObjectEntry, cfg: Config) -> bool:
    """A part under ``archive.part_size_mb`` of Parquet and ``archive.part_rows`` rows."""
    a = cfg.archive
    return entry.plaintext_size < a.part_size_bytes and entry.rows < a.part_rows


def _groups(live: Iterable[Placed]) -> dict[Group, list[Placed]]:
    out: dict[Group, list[Placed]] = {}
    for p in live:
        e = p.entry
        out.setdefault((e.table, e.sealed, e.date), []).append(p)
    return out


def pack(parts: list[Placed], cfg: Config) -> list[list[Placed]]:
    """The small parts of one partition, in commit order, packed greedily into bins of at most
    ``part_size_mb`` Parquet bytes and ``part_rows`` rows; only bins of two or more parts (a
    bin of one would rewrite an object into itself)."""
    a = cfg.archive
    bins: list[list[Placed]] = []
    size = rows = 0
    for p in parts:
        e = p.entry
        if bins and size + e.plaintext_size <= a.part_size_bytes and rows + e.rows <= a.part_rows:
            bins[-1].append(p)
            size += e.plaintext_size
            rows += e.rows
        else:
            bins.append([p])
            size, rows = e.plaintext_size, e.rows
    return [b for b in bins if len(b) > 1]


def small_parts(chain: Chain, cfg: Config) -> int:
    """Live small parts in partitions holding more than one part: what compaction would act on
    (the ``archiver_small_parts`` gauge and ``doctor``'s check)."""
    n = 0
    for parts in _groups(chain.live()).values():
        if len(parts) > 1:
            n += sum(1 for p in parts if is_small(p.entry, cfg))
    return n


def crowded(chain: Chain, cfg: Config, more_than: int) -> int:
    """Partitions (table, kind, date) holding more than ``more_than`` small parts."""
    return sum(
        1
        for parts in _groups(chain.live()).values()
        if sum(1 for p in parts if is_small(p.entry, cfg)) > more_than
    )


def plan(
    chain: Chain, cfg: Config, *, sealed: bool, more_than: int = 1
) -> tuple[list[list[Placed]], int]:
    """The bins to rewrite in one stream, and how many small sealed parts are left because the
    sealed key is not here. Only partitions with more than ``more_than`` small parts count."""
    bins: list[list[Placed]] = []
    left = 0
    for (_table, is_sealed, _date), parts in sorted(_groups(chain.live()).items()):
        small = [p for p in parts if is_small(p.entry, cfg)]
        if len(parts) < 2 or len(small) <= max(1, more_than):
            continue
        if is_sealed and not sealed:
            left += len(small)
            continue
        bins.extend(pack(small, cfg))
    return bins, left


@dataclass
class StreamPlan:
    stream: str
    bins: list[list[Placed]]

    def to_json(self) -> list[dict[str, Any]]:
        return [
            {
                "table": b[0].entry.table,
                "kind": b[0].entry.kind,
                "date": b[0].entry.date,
                "parts": [p.entry.key for p in b],
                "rows": sum(p.entry.rows for p in b),
            }
            for b in self.bins
        ]


@dataclass
class CompactReport:
    dry_run: bool
    plans: list[StreamPlan] = field(default_factory=list)
    manifests: list[str] = field(default_factory=list)
    superseded: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    removal: Removal = field(default_factory=Removal)
    rows_dropped: int = 0
    held: list[str] = field(default_factory=list)
    #: Small sealed parts left as they are: no sealed private key was given.
    sealed_left: int = 0
    #: Streams skipped because a run held or committed them meanwhile: stream → why.
    conflicts: dict[str, str] = field(default_factory=dict)
    ledger: str | None = None
    #: Streams whose old manifests were packed: stream → what was done.
    packs: dict[str, Packed] = field(default_factory=dict)
    #: Dry run: stream → how many manifests a pack would hold.
    would_pack: dict[str, int] = field(default_factory=dict)
    #: The manifests committed (``manifests`` by key), for the receipt.
    committed: list[Manifest] = field(default_factory=list)

    @property
    def objects_before(self) -> int:
        return sum(len(b) for p in self.plans for b in p.bins)

    @property
    def objects_after(self) -> int:
        return sum(len(p.bins) for p in self.plans)

    def to_json(self) -> dict[str, Any]:
        return {
            "dry_run": self.dry_run,
            "streams": {p.stream: p.to_json() for p in self.plans},
            "parts_rewritten": self.objects_before,
            "objects_written": self.objects_after,
            "manifests": self.manifests,
            "superseded": self.superseded,
            "written": self.written,
            "deleted": self.removal.deleted,
            "retained": self.removal.retained,
            "rows_dropped": self.rows_dropped,
            "held": self.held,
            "sealed_left": self.sealed_left,
            "conflicts": self.conflicts,
            "ledger": self.ledger,
            "packs": {
                stream: {
                    "pack": p.pack,
                    "manifests": p.manifests,
                    "deleted": p.deleted,
                    "retained": p.retained,
                }
                for stream, p in sorted(self.packs.items())
            }
            | {
                stream: {"pack": None, "manifests": n, "deleted": [], "retained": {}}
                for stream, n in sorted(self.would_pack.items())
            },
        }


def _conform(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """Rows of an object written under an older table schema, in the current one (a column
    added since is null for them)."""
    if table.schema.equals(schema):
        return table
    cols = [
        table[f.name].cast(f.type) if f.name in table.column_names else pa.nulls(len(table), f.type)
        for f in schema
    ]
    return pa.Table.from_arrays(cols, schema=schema)


def _keep_mask(
    table: pa.Table, entry: ObjectEntry, suppressed: frozenset[str], holds: list[Hold]
) -> pa.Array | None:
    """Rows to carry over: all but a suppressed subject's, unless a hold covers the object."""
    if not suppressed or any(h.covers(entry) for h in holds):
        return None
    gone = pc.is_in(table["subject_id"], value_set=pa.array(sorted(suppressed), pa.string()))
    gone = pc.fill_null(gone, False)
    return None if not pc.any(gone).as_py() else pc.invert(gone)


def _spans(ranks: list[tuple[int, int]]) -> Ranks:
    out: list[RankSpan] = []
    for seq, pos in ranks:
        if out and (out[-1].sequence, out[-1].position) == (seq, pos):
            last = out[-1]
            out[-1] = RankSpan(seq, pos, last.rows + 1)
        else:
            out.append(RankSpan(seq, pos, 1))
    return Ranks.packing(out)


def _rewrite(
    ctx: Context,
    reader: ArchiveReader,
    parts: list[Placed],
    *,
    run_id: str,
    number: int,
    guard: RunGuard,
    report: CompactReport,
) -> ObjectEntry | None:
    """One new object holding the rows of ``parts`` (minus suppressed subjects'), with its
    lineage and ranks; None when no row is left."""
    first = parts[0].entry
    schema = schema_for(first.table, first.sealed)
    tables: list[pa.Table] = []
    ranks: list[tuple[int, int]] = []
    for p in parts:
        t = _conform(reader.read_table(p.entry), schema)
        keep = _keep_mask(t, p.entry, guard.suppressed, list(guard.holds))
        rows: list[int] = list(range(t.num_rows))
        if keep is not None:
            rows = pc.indices_nonzero(keep).to_pylist()
            report.rows_dropped += t.num_rows - len(rows)
            t = t.filter(keep)
        ranks.extend(origin(p, i)[:2] for i in rows)
        tables.append(t)
    data = pa.concat_tables(tables)
    if data.num_rows == 0:
        return None
    sessions: frozenset[str] | None = frozenset()
    for p in parts:
        if p.entry.sessions is None:
            sessions = None
            break
        assert sessions is not None
        sessions |= p.entry.sessions
    pt = first.partition
    key = layout.object_key(
        sealed=first.sealed,
        table=first.table,
        source=pt.source,
        tenant=pt.tenant,
        date=pt.date,
        run_id=run_id,
        part=number,
    )
    entry = write_object(
        ctx.store,
        ctx.sealed if first.sealed else ctx.masked,
        key=key,
        table=first.table,
        sealed=first.sealed,
        partition=pt,
        rows=data,
        sessions=sessions,
    )
    replaced = tuple(Replaced(p.entry.key, p.entry.ciphertext_sha256) for p in parts)
    return dataclasses.replace(entry, replaces=replaced, ranks=_spans(ranks))


def _after_compaction(ctx: Context, manifest: Manifest) -> None:
    """A checkpoint of the stream right after each compaction (still under the stream's
    lease): readers then start past the superseded small parts. A failure is only logged:
    the checkpoint is a cache, and the next run or compaction writes one."""
    if ctx.config.archive.checkpoint_every <= 0:
        return
    try:
        checkpoint.write_checkpoint(ctx.store, manifest.stream, ctx.signer, verifier=ctx.verifier)
    except ArchiverError as exc:
        logs.event(
            log,
            logging.WARNING,
            "checkpoint.failed",
            "stream %s: no checkpoint after the compaction (%s); the next run writes it",
            manifest.stream.name,
            exc,
            error_type=type(exc).__name__,
        )


def _operator(explicit: str | None, cfg: Config) -> str:
    """Compaction is maintenance, often unattended: it names whoever is known, else itself."""
    for name in (explicit, os.environ.get(OPERATOR_ENV), cfg.operator):
        if name and name.strip():
            return name.strip()
    return "archiver compact (unattended)"


def _streams(ctx: Context, source: str | None) -> list[Stream]:
    streams = list(ctx.catalog.streams())
    if source is not None:
        if source not in {s for s, _ in streams}:
            raise ConfigError(f"no archived stream of source {source!r}")
        streams = [s for s in streams if s[0] == source]
    return streams


def compact(
    ctx: Context,
    *,
    source: str | None = None,
    streams: Iterable[Stream] | None = None,
    dry_run: bool = False,
    more_than: int = 1,
    operator: str | None = None,
    pack: bool = True,
    lineage_document: bool = True,
    rank_runs: bool = True,
    lineage_sections: bool = True,
    pinned_lists: bool = True,
    array_sections: bool = True,
) -> CompactReport:
    """Rewrite small parts per stream (all streams, those of ``source``, or ``streams``), one
    manifest per stream that had something to rewrite. ``more_than``: only partitions with more
    small parts than that (``run``'s automatic compaction passes its threshold).
    ``lineage_document=False`` writes the form before lineage documents (``replaces`` in each
    entry), which readers still read: kept so that form can be written and tested; so does
    ``rank_runs=False`` (each entry's ``ranks`` as a list of objects, not packed in one
    string), ``lineage_sections=False`` (no entry pins its section of the lineage
    document) and ``array_sections=False`` (lineage document version 2 or 3: its sections'
    items as objects, not arrays)."""
    report = CompactReport(dry_run=dry_run)
    chosen = list(streams) if streams is not None else _streams(ctx, source)
    sealed_ok = ctx.sealed.can_decrypt
    reader = ArchiveReader(
        ctx.store,
        verifier=ctx.verifier,
        masked=ctx.masked,
        sealed=ctx.sealed if sealed_ok else None,
    )
    guard = RunGuard.load(ctx.store, ctx.verifier, ctx.locks)
    started = utcnow()
    run_id = "compact-" + record_stamp()
    for src, tenant in chosen:
        name = f"{src}/{tenant}"
        if dry_run:
            bins, left = plan(
                ctx.catalog.chain(src, tenant), ctx.config, sealed=sealed_ok, more_than=more_than
            )
            report.sealed_left += left
            if bins:
                report.plans.append(StreamPlan(name, bins))
            if pack and (n := _would_pack(ctx, src, tenant)):
                report.would_pack[name] = n
            continue
        try:
            _compact_stream(
                ctx,
                reader,
                guard,
                src,
                tenant,
                run_id,
                started,
                more_than,
                report,
                pack,
                lineage_document,
                rank_runs,
                lineage_sections,
                pinned_lists,
                array_sections,
            )
        except ConflictError as exc:
            report.conflicts[name] = str(exc)
    if dry_run or not report.manifests:
        return report
    report.removal = remove_superseded(ctx, report.superseded)
    receipt: CompactionReceipt = {
        "kind_of_record": "compaction",
        "at": format_ts(utcnow()),
        "operator": _operator(operator, ctx.config),
        "manifests": report.manifests,
        "superseded": sorted(report.superseded),
        "written": sorted(report.written),
        "deleted": report.removal.deleted,
        "retained": report.removal.retained,
        "rows_dropped": report.rows_dropped,
        "held": sorted(report.held),
    }
    if pinned_lists:
        receipt = _pinned_receipt(receipt, report)
    report.ledger = ledger_key("compact")
    ctx.write_record(report.ledger, receipt)
    return report


def _pinned_receipt(receipt: CompactionReceipt, report: CompactReport) -> CompactionReceipt:
    """The receipt with its long lists pinned instead of carried (since pinned lists): a
    compaction of thousands of parts wrote each key three times in it (superseded, written,
    deleted), a megabyte that every plain ``verify`` read and checked. The keys are in the
    manifests it names (``objects``; ``supersedes``, or the section of the lineage document
    each pins, by ``lists``), and every superseded key not in ``retained`` was deleted."""
    out: CompactionReceipt = {
        "kind_of_record": "compaction",
        "at": receipt["at"],
        "operator": receipt["operator"],
        "manifests": receipt["manifests"],
        "superseded_count": len(report.superseded),
        "written_count": len(report.written),
        "deleted_count": len(report.removal.deleted),
        "lists": [_list_item(m) for m in report.committed],
        "retained": receipt["retained"],
        "rows_dropped": receipt["rows_dropped"],
        "held": receipt["held"],
    }
    return out


def _list_item(m: Manifest) -> dict[str, Any]:
    """Where the receipt's reader finds manifest ``m``'s superseded keys."""
    item: dict[str, Any] = {
        "manifest": {"key": m.key, "sha256": m.sha256},
        "superseded": len(m.supersedes) if m.supersedes_pin is None else m.supersedes_pin.count,
        "written": len(m.objects),
    }
    if m.supersedes_pin is not None and m.lineage is not None:
        item["lineage"] = {"key": m.lineage.key, "sha256": m.lineage.sha256}
        item["supersedes_section"] = m.supersedes_pin.to_json()
    return item


def _compact_stream(
    ctx: Context,
    reader: ArchiveReader,
    guard: RunGuard,
    src: str,
    tenant: str,
    run_id: str,
    started: datetime,
    more_than: int,
    report: CompactReport,
    pack: bool = True,
    lineage_document: bool = True,
    rank_runs: bool = True,
    lineage_sections: bool = True,
    pinned_lists: bool = True,
    array_sections: bool = True,
) -> None:
    """One stream under its commit lease: plan, write, commit, checkpoint, pack
    (``ConflictError`` when a run holds or took the stream; what was written is then an
    orphan for gc)."""
    head = latest(ctx.store, src, tenant, ctx.verifier)
    if head is None:
        return
    seq = head.sequence + 1
    with held(ctx.store, src, tenant, seq, run_id=run_id, seconds=ctx.config.crawl.lease_seconds):
        if ctx.store.head(layout.manifest_key(src, tenant, seq)) is not None:
            raise CommitConflict(head.stream, seq)
        chain = ctx.catalog.chain(src, tenant)
        if chain.head.sequence != head.sequence:
            raise CommitConflict(head.stream, seq)
        bins, left = plan(chain, ctx.config, sealed=ctx.sealed.can_decrypt, more_than=more_than)
        report.sealed_left += left
        if not bins:
            if pack:
                _pack_stream(ctx, src, tenant, chain.manifests, report)
            return
        report.plans.append(StreamPlan(f"{src}/{tenant}", bins))
        objects: list[ObjectEntry] = []
        for number, parts in enumerate(bins, start=1):
            entry = _rewrite(
                ctx, reader, parts, run_id=run_id, number=number, guard=guard, report=report
            )
            if entry is not None:
                objects.append(entry)
        if not rank_runs:
            objects = [dataclasses.replace(o, ranks=Ranks(o.ranks.spans)) for o in objects]
        if guard.locks is not None and guard.holds:
            report.held.extend(held_objects(guard.holds, objects))
        guard.protect(objects)
        replaced = [p.entry.key for b in bins for p in b]
        pin = list_pin = None
        if objects and lineage_document:
            parts = [p for b in bins for p in b]
            ancestors = lineage.of_compaction(chain, ctx.store, objects, parts)
            raw, sections, list_pin = lineage.encode_pinned(
                head.stream,
                seq,
                objects,
                ancestors,
                replaced if pinned_lists else None,
                arrays=array_sections,
            )
            pin = lineage.write(ctx.store, head.stream, seq, raw, run_id)
            objects = [
                dataclasses.replace(
                    o, replaces=(), section=sections[o.key] if lineage_sections else None
                )
                for o in objects
            ]
        m = commit_next(
            ctx.store,
            ctx.provenance,
            previous=chain.head,
            run=maintenance_run(run_id, started),
            objects=objects,
            supersedes=None if list_pin is not None else replaced,
            lineage=pin,
            supersedes_pin=list_pin,
        )
        report.manifests.append(m.key)
        report.committed.append(m)
        report.superseded.extend(replaced)
        report.written.extend(o.key for o in objects)
        _after_compaction(ctx, m)
        if pack:
            _pack_stream(ctx, src, tenant, (*chain.manifests, m), report)


def _pack_stream(
    ctx: Context, src: str, tenant: str, manifests: Sequence[Manifest], report: CompactReport
) -> None:
    """Pack the stream's manifests before the one its newest checkpoint covers (readers from
    the checkpoint never need them; a run only adds after the head), under the stream's lease.
    ``manifests``: its whole chain, read and checked."""
    # (By key name; one naming a manifest past the head is verify's to report, not packed.)
    covered = min(checkpoint.newest_sequence(ctx.store, src, tenant), manifests[-1].sequence)
    done = packs.write_pack(ctx.store, src, tenant, manifests, covered - 1)
    if done.pack is not None:
        report.packs[f"{src}/{tenant}"] = done
        logs.event(
            log,
            logging.INFO,
            "compact.packed",
            "stream %s/%s: %d manifest(s) in pack %s",
            src,
            tenant,
            done.manifests,
            done.pack,
            manifests=done.manifests,
            deleted=len(done.deleted),
            retained=len(done.retained),
        )


def _would_pack(ctx: Context, src: str, tenant: str) -> int:
    """Dry run: how many manifests a pack of the stream would hold now (0: nothing to do)."""
    loose = {
        p[2]
        for info in ctx.store.list(layout.stream_prefix(src, tenant))
        if (p := layout.parse_stream(info.key)) is not None
    }
    upto = checkpoint.newest_sequence(ctx.store, src, tenant) - 1
    names = packs.listed(ctx.store, src, tenant)
    reach = max((n.last for n in names), default=0)
    return packs.pending(names, upto) or (reach if any(s <= reach for s in loose) else 0)


def after_run(ctx: Context, streams: list[StreamResult]) -> CompactReport | None:
    """At the end of ``archiver run``: each stream's small parts (for the metrics, when they
    are published), and with
    ``archive.compact_after_run`` a compaction of the partitions holding more than
    ``archive.compact_min_small_parts`` of them. Never fails the run: its commits stand, so a
    problem here is logged and left to the maintenance job."""
    cfg = ctx.config
    if not cfg.archive.compact_after_run and not (
        cfg.metrics.pushgateway_url or cfg.metrics.textfile
    ):
        return None  # nobody reads the count: do not read every chain for it
    k = cfg.archive.compact_min_small_parts
    due: list[Stream] = []
    for res in streams:
        try:
            # From the newest checkpoint: the live objects are all the count needs, and the
            # whole chain (thousands of manifests after years) would be read on every run.
            chain = ctx.catalog.chain(res.source, res.tenant, from_checkpoint=True)
        except ArchiverError:
            continue
        if not chain.manifests:
            continue
        res.small_parts = small_parts(chain, cfg)
        if cfg.archive.compact_after_run and crowded(chain, cfg, k):
            due.append((res.source, res.tenant))
    if not due:
        return None
    try:
        report = compact(ctx, streams=due, more_than=k)
    except ArchiverError as exc:
        logs.event(log, logging.WARNING, "compact.failed", "compaction after the run: %s", exc)
        return None
    for res in streams:
        if (res.source, res.tenant) in due:
            with contextlib.suppress(ArchiverError):
                chain = ctx.catalog.chain(res.source, res.tenant, from_checkpoint=True)
                res.small_parts = small_parts(chain, cfg)
    logs.event(
        log,
        logging.INFO,
        "compact.finished",
        "compacted %d small part(s) into %d object(s) after the run",
        report.objects_before,
        report.objects_after,
        parts=report.objects_before,
        objects=report.objects_after,
        conflicts=sorted(report.conflicts),
    )
    return report


__all__ = [
    "CompactReport",
    "after_run",
    "compact",
    "crowded",
    "is_small",
    "pack",
    "plan",
    "small_parts",
]
