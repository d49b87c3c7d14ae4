"""Helpers that compare what the archive holds with what the simulated platform holds."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pyarrow.dataset as ds

from archiver.archive.reader import ArchiveReader
from archiver.context import Context


def committed_rows(ctx: Context, *, sealed: bool) -> dict[str, list[dict[str, Any]]]:
    """Every row of every committed object, as committed (no dedupe)."""
    reader = ArchiveReader(
        ctx.store,
        verifier=ctx.verifier,
        masked=None if sealed else ctx.masked,
        sealed=ctx.sealed if sealed else None,
    )
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in reader.all_manifests():
        for obj in m.objects:
            if bool(obj["sealed"]) != sealed:
                continue
            out[obj["table"]].extend(reader.read_table(obj).to_pylist())
    return out


def assert_no_duplicate_versions(rows: dict[str, list[dict[str, Any]]]) -> None:
    idcol = {"messages": "message_id", "sessions": "session_id", "users": "subject_id"}
    for table, items in rows.items():
        c = Counter((r["tenant"], r[idcol[table]], r["record_hash"]) for r in items)
        dups = [k for k, n in c.items() if n > 1]
        assert not dups, f"{table}: {len(dups)} versions committed more than once"


def assert_matches_truth(restored: Path, truths: dict[str, dict[str, dict[str, Any]]]) -> None:
    """``restored`` is a ``restore --latest --sealed`` folder; ``truths`` maps tenant → truth."""
    for table, idcol in (
        ("messages", "message_id"),
        ("sessions", "session_id"),
        ("users", "user_id"),
    ):
        rows = (
            ds.dataset(restored / table, partitioning="hive").to_table().to_pylist()
            if (restored / table).exists()
            else []
        )
        got: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for r in rows:
            got[(r["tenant"], r[idcol])].append(r)
        for tenant, truth in truths.items():
            for rid, rec in truth[table].items():
                versions = got.get((tenant, rid))
                assert versions, f"{table} {rid} of {tenant} is missing from the archive"
                assert len(versions) == 1, f"{table} {rid} restored {len(versions)} times"
                assert json.loads(versions[0]["raw"]) == rec, (
                    f"{table} {rid} of {tenant}: archived version is not the platform's latest"
                )
