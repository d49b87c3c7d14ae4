"""``archiver restore``: decrypt the archive into plain Hive-partitioned Parquet.

Every object is checked against its manifest before anything is written, so a damaged archive
fails loudly (naming the object) instead of restoring quietly wrong data.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from archiver.archive import layout
from archiver.archive.reader import ArchiveReader
from archiver.archive.tables import ID_COLUMN
from archiver.context import Context
from archiver.errors import KeyError_


@dataclass
class RestoreReport:
    rows: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    files: int = 0
    objects_read: int = 0


def _out_path(root: Path, obj: dict[str, Any]) -> Path:
    p = obj["partition"]
    name: str = obj["key"].rsplit("/", 1)[-1].removesuffix(".enc")
    table: str = obj["table"]
    return (
        root
        / table
        / f"source={layout.enc(p['source'])}"
        / f"tenant={layout.enc(p['tenant'])}"
        / f"date={p['date']}"
        / name
    )


def _write(path: Path, table: pa.Table) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    pq.write_table(table, tmp, compression="zstd")
    tmp.replace(path)


def restore(ctx: Context, to: Path, *, latest: bool = False, sealed: bool = False) -> RestoreReport:
    if sealed and not ctx.sealed.can_decrypt:
        # Checked before anything is read or written: the job's own config has only the
        # public half, so this is the usual mistake, not damage.
        raise KeyError_(
            "restoring sealed originals needs the private key of the sealed keyring",
            hint="pass --sealed-key FILE or set ARCHIVER_SEALED_KEY",
        )
    reader = ArchiveReader(
        ctx.store,
        verifier=ctx.verifier,
        masked=None if sealed else ctx.masked,
        sealed=ctx.sealed if sealed else None,
    )
    report = RestoreReport()
    # Check every manifest (chain and signature) before writing anything.
    objects: list[tuple[int, dict[str, Any]]] = []
    for m in reader.all_manifests():
        objects.extend((m.sequence, o) for o in m.objects if bool(o["sealed"]) == sealed)
    if not latest:
        for _, obj in objects:
            tbl = reader.read_table(obj)
            report.objects_read += 1
            _write(_out_path(to, obj), tbl)
            report.rows[obj["table"]] += tbl.num_rows
            report.files += 1
        return report

    # Latest version of each record: the highest version time, then the latest commit.
    winners: dict[tuple[str, str, str, str], tuple[Any, int, int, int]] = {}
    for idx, (seq, obj) in enumerate(objects):
        table = obj["table"]
        t = reader.read_table(obj, columns=[ID_COLUMN[table], "version_time"])
        report.objects_read += 1
        ids = t.column(0).to_pylist()
        times = t.column(1).to_pylist()
        src, tenant = obj["partition"]["source"], obj["partition"]["tenant"]
        for row, (rid, vt) in enumerate(zip(ids, times, strict=True)):
            k = (table, src, tenant, rid)
            cand = (vt, seq, idx, row)
            cur = winners.get(k)
            if cur is None or (cand[0], cand[1], cand[2]) > (cur[0], cur[1], cur[2]):
                winners[k] = cand
    keep: dict[int, list[int]] = defaultdict(list)
    for _, _, idx, row in winners.values():
        keep[idx].append(row)
    for idx, rows in sorted(keep.items()):
        obj = objects[idx][1]
        tbl = reader.read_table(obj).take(pa.array(sorted(rows), pa.int64()))
        _write(_out_path(to, obj), tbl)
        report.rows[obj["table"]] += tbl.num_rows
        report.files += 1
    return report
