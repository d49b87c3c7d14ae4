"""Retention: prune removes expired partitions through a committed manifest, never held data."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from archiver.archive import manifest as mf
from archiver.cli import cli
from archiver.crawl.engine import run_archive
from archiver.errors import ConfigError
from archiver.ops.gc import gc
from archiver.ops.hold import read_record
from archiver.ops.prune import prune
from archiver.ops.verify import verify
from archiver.simulators.peki import PekiSimulator
from archiver.timeutil import utcnow
from tests.archive_truth import committed_rows
from tests.conftest import open_ctx, write_config


def live_dates(cfg: Path) -> list[date]:
    ctx = open_ctx(cfg, write=False)
    return sorted(
        {
            date.fromisoformat(o["partition"]["date"])
            for keys in mf.list_streams(ctx.store).values()
            for m in mf.read_chain(ctx.store, keys, ctx.verifier)
            for o in m.objects
        }
    )


def test_prune_supersedes_and_deletes_expired_partitions(
    peki: PekiSimulator,
    archived: Path,
) -> None:
    dates = live_dates(archived)
    assert len(dates) > 4
    days = (utcnow().date() - dates[len(dates) // 2]).days
    cutoff = utcnow().date() - timedelta(days=days)
    ctx = open_ctx(archived)

    dry = prune(ctx, older_than=timedelta(days=days), dry_run=True)
    assert dry.pruned and not dry.manifests and live_dates(archived) == dates
    for key in dry.pruned:
        assert ctx.store.head(key) is not None

    report = prune(ctx, older_than=timedelta(days=days), operator="ops")
    assert sorted(report.pruned) == sorted(dry.pruned)
    assert sorted(report.removal.deleted) == sorted(report.pruned)
    assert live_dates(archived)[0] >= cutoff
    assert min(live_dates(archived)) == min(d for d in dates if d >= cutoff)
    for key in report.pruned:
        assert ctx.store.head(key) is None
    rows = committed_rows(open_ctx(archived, write=False), sealed=False)
    assert all(r["created_at"].date() >= cutoff for rs in rows.values() for r in rs)
    entry = read_record(ctx.store, report.ledger or "", ctx.verifier)
    assert entry["cutoff"] == cutoff.isoformat() and entry["operator"] == "ops"
    for key in report.manifests:
        assert mf.parse(key, ctx.store.get(key), ctx.verifier).doc["retention"]["cutoff"] == (
            cutoff.isoformat()
        )

    checked = verify(open_ctx(archived, write=False))
    assert checked.ok and not checked.orphans, checked.problems
    assert not gc(ctx, grace=timedelta(0), dry_run=True).deleted
    assert not prune(ctx, older_than=timedelta(days=days)).pruned  # nothing left to prune

    # The chains go on: a later run commits after the prune manifests.
    peki.random_changes(random.Random(5), 6)
    assert run_archive(ctx).exit_code == 0
    assert verify(open_ctx(archived, write=False)).ok


def test_retention_from_the_config(peki: PekiSimulator, tmp_path: Path) -> None:
    cfg = write_config(tmp_path, peki)
    with pytest.raises(ConfigError, match=r"retention\.days"):
        prune(open_ctx(cfg))
    doc = yaml.safe_load(cfg.read_text())
    doc["retention"] = {"days": 3650}
    cfg.write_text(yaml.safe_dump(doc))
    report = prune(open_ctx(cfg))
    assert report.cutoff == utcnow().date() - timedelta(days=3650) and not report.pruned
    out = CliRunner().invoke(cli, ["prune", "-c", str(cfg), "--older-than", "30d", "--json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["cutoff"] == (utcnow().date() - timedelta(days=30)).isoformat()
    bad = CliRunner().invoke(cli, ["prune", "-c", str(cfg), "--older-than", "soon"])
    assert bad.exit_code != 0
