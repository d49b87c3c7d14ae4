"""Sharded mode: every stream belongs to exactly one shard, the same on every machine, and the
pods of an indexed Job together archive everything once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from archiver.cli import cli
from archiver.cli.run import parse_shard
from archiver.crawl.engine import run_archive, shard_of
from archiver.errors import ConfigError
from archiver.simulators.peki import PekiSimulator
from tests.archive_truth import check_archive_against_truth
from tests.conftest import BOTS, logging_restored, open_ctx, write_config

# Five users a bot, not twelve: shards divide streams, whatever each holds.
pytestmark = [pytest.mark.usefixtures("parsed_once_in_module"), pytest.mark.peki_users(5)]


names = st.text(min_size=1, max_size=20)


@given(streams=st.sets(st.tuples(names, names), max_size=40), shards=st.integers(1, 12))
def test_each_stream_has_exactly_one_shard(streams: set[tuple[str, str]], shards: int) -> None:
    assigned = {s: shard_of(*s, shards) for s in streams}
    assert all(0 <= i < shards for i in assigned.values())
    # Disjoint and complete: the pods of one run together see every stream once.
    by_shard = [{s for s, i in assigned.items() if i == k} for k in range(shards)]
    assert sum(len(b) for b in by_shard) == len(streams)
    assert set().union(*by_shard) == streams


def test_the_assignment_is_fixed_across_versions() -> None:
    # A changed hash would move streams between pods mid-schedule; pin a few values.
    assert [shard_of("peki-main", b, 3) for b in ("bot1", "bot2")] == [2, 0]
    assert shard_of("kore-eu", "st-1234", 7) == shard_of("kore-eu", "st-1234", 7)


@pytest.mark.parametrize(
    ("spec", "count", "env", "message"),
    [
        ("3/3", None, {}, "index must be from 0 to 2"),
        ("1-3", None, {}, "expected INDEX/COUNT"),
        ("0/2", 2, {}, "not both"),
        (None, 3, {}, "JOB_COMPLETION_INDEX"),
        (None, 3, {"JOB_COMPLETION_INDEX": "3"}, "index must be from 0 to 2"),
    ],
)
def test_bad_shard_options_are_usage_errors(
    spec: str | None, count: int | None, env: dict[str, str], message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_shard(spec, count, env)


def test_the_shards_of_an_indexed_job_archive_everything_once(
    peki: PekiSimulator, tmp_path: Path
) -> None:
    cfg = write_config(tmp_path, peki)
    # Pod 2 of 3 as Kubernetes starts it: the index comes from the environment (read on
    # each call, so the command runs in this process).
    with logging_restored():
        pod = CliRunner().invoke(
            cli,
            ["run", "--config", str(cfg), "--shard-count", "3"],
            env={"JOB_COMPLETION_INDEX": "2"},
        )
    assert pod.exit_code == 0, pod.stderr
    started = next(json.loads(line) for line in pod.stderr.splitlines() if "run.started" in line)
    assert started["shard"] == "2/3" and started["streams"] == 1
    assert "peki-main/bot1" in pod.stdout and "bot2" not in pod.stdout
    seen = {"bot1"}
    for index in (0, 1):
        report = run_archive(open_ctx(cfg), shard=(index, 3))
        assert report.exit_code == 0
        tenants = {s.tenant for s in report.streams}
        assert not tenants & seen
        seen |= tenants
    assert seen == set(BOTS)
    check_archive_against_truth(cfg, peki, tmp_path)
