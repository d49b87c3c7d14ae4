"""``archiver status``: each stream's last complete run and last full reconciliation, their
age, and a documented exit code when a stream is past the configured bound."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from archiver.cli import cli
from archiver.crawl.engine import run_archive
from archiver.errors import EXIT_OK, EXIT_STALE
from archiver.ops.status import status
from archiver.simulators.peki import PekiSimulator
from tests.conftest import BOTS, logging_restored, open_ctx, write_config
from tests.helpers import small_simulator
from tests.obs.helpers import update_config

pytestmark = pytest.mark.usefixtures("parsed_once_in_module")


@pytest.fixture
def peki() -> Iterator[PekiSimulator]:
    """A few users: status reads the manifests' times, not how much the runs carried."""
    with small_simulator(seed=11) as sim:
        yield sim


def test_ages_of_the_last_complete_and_full_runs_against_the_bounds(
    peki: PekiSimulator, tmp_path: Path
) -> None:
    cfg = write_config(tmp_path, peki)
    ctx = open_ctx(cfg)
    full = run_archive(ctx, full=True)
    assert full.exit_code == 0
    incremental = run_archive(ctx)
    assert incremental.exit_code == 0
    finished = {s.tenant: s.finished_at for s in incremental.streams}

    report = status(ctx, max_age=timedelta(hours=1), max_full_age=timedelta(days=7))
    assert report.exit_code == EXIT_OK
    assert [(s.source, s.tenant) for s in report.streams] == [("peki-main", b) for b in BOTS]
    for s in report.streams:
        assert s.head == 2 and s.last_status == "complete"
        assert s.last_complete is not None and s.last_full is not None
        assert s.last_full < s.last_complete <= finished[s.tenant]  # type: ignore[operator]

    later = report.now + timedelta(hours=2)
    stale = status(ctx, max_age=timedelta(hours=1), now=later)
    assert stale.exit_code == EXIT_STALE
    assert all(s.problems == ["last complete run older than 1 h"] for s in stale.streams)
    much_later = report.now + timedelta(days=8)
    stale_full = status(ctx, max_full_age=timedelta(days=7), now=much_later)
    assert all(
        s.problems == ["last full reconciliation older than 7 d"] for s in stale_full.streams
    )
    assert status(ctx, now=much_later).exit_code == EXIT_OK, "no bound: nothing is stale"


def test_the_cli_reads_its_bound_from_the_config_and_counts_a_stream_never_archived(
    peki: PekiSimulator, tmp_path: Path
) -> None:
    cfg = write_config(tmp_path, peki)
    update_config(cfg, status={"max_age_hours": 30})
    assert run_archive(open_ctx(cfg)).exit_code == 0

    with logging_restored():
        fresh = CliRunner().invoke(cli, ["status", "--config", str(cfg)])
    assert fresh.exit_code == EXIT_OK, fresh.stdout + fresh.stderr
    lines = fresh.stdout.splitlines()
    assert lines[0].split()[:4] == ["stream", "head", "last", "run"]
    assert all(line.split()[0].startswith("peki-main/bot") for line in lines[1:3])
    assert lines[-1] == "all streams ok (bounds: complete run within 30 h)"

    # A chatbot added to the config that no run has archived yet.
    write_config(tmp_path, peki, source={"chatbot_ids": [*BOTS, "bot3"]})
    update_config(cfg, status={"max_age_hours": 30})
    with logging_restored():
        stale = CliRunner().invoke(cli, ["status", "--config", str(cfg), "--json"])
    assert stale.exit_code == EXIT_STALE, stale.stdout + stale.stderr
    doc = json.loads(stale.stdout)
    by_tenant = {s["tenant"]: s for s in doc["streams"]}
    assert by_tenant["bot3"]["problems"] == ["never archived"]
    assert by_tenant["bot1"]["ok"] and by_tenant["bot1"]["last_complete_run"]
    assert doc["max_age_seconds"] == 30 * 3600
