"""Helpers that compare what the archive holds with what the simulated platform holds."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow.dataset as ds

from archiver.archive.reader import ArchiveReader
from archiver.context import Context
from archiver.ops.restore import restore
from tests.conftest import BOTS, sealed_ctx

if TYPE_CHECKING:
    from archiver.simulators.peki import PekiSimulator
    from tests.contract.platforms import Platform


def committed_rows(ctx: Context, *, sealed: bool) -> dict[str, list[dict[str, Any]]]:
    """Every row of every committed object, as committed (no dedupe)."""
    reader = ArchiveReader(
        ctx.store,
        verifier=ctx.verifier,
        masked=None if sealed else ctx.masked,
        sealed=ctx.sealed if sealed else None,
    )
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entry in reader.catalog.live_entries():
        if entry.sealed == sealed:
            out[entry.table].extend(reader.read_table(entry).to_pylist())
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


def check_archive(cfg: Path, platform: Platform, tmp: Path) -> None:
    """The latest versions restored equal the platform's truth; no version committed twice."""
    _check(cfg, platform.truth(), tmp)


def check_archive_against_truth(cfg: Path, sim: PekiSimulator, tmp: Path) -> None:
    """``check_archive`` for the Peki simulator's two bots, where messages never change: no
    message may be committed twice either."""
    _check(cfg, {b: sim.truth(b) for b in BOTS}, tmp, messages_once=True)


def _check(
    cfg: Path,
    truths: dict[str, dict[str, dict[str, Any]]],
    tmp: Path,
    *,
    messages_once: bool = False,
) -> None:
    ctx = sealed_ctx(cfg)  # opening the originals signs an access record
    out = tmp / "restored"
    restore(ctx, out, latest=True, sealed=True, replace=True)
    assert_matches_truth(out, truths)
    sealed_rows = committed_rows(ctx, sealed=True)
    assert_no_duplicate_versions(sealed_rows)
    assert_no_duplicate_versions(committed_rows(ctx, sealed=False))
    if messages_once:
        per_message = Counter((r["tenant"], r["message_id"]) for r in sealed_rows["messages"])
        assert max(per_message.values()) == 1, "a message was committed twice"


def rows_about(cfg: Path, uid: str) -> list[dict[str, Any]]:
    """Every sealed original that names the person ``uid``."""
    rows = committed_rows(sealed_ctx(cfg), sealed=True)
    return [r for rs in rows.values() for r in rs if r.get("user_id") == uid or uid in r["raw"]]
