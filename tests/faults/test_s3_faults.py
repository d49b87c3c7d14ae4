"""Whole runs against S3 (moto) through a faulty proxy: 5xx, slow answers, connections dropped
before the request reached S3 and after (lost answers), answers cut short.

A run under faults may end ok, partial or failed, never with a damaged archive: after the faults
one clean run brings the archive to the platform's truth, the chain verifies (deep), and no key
lies outside the configured prefix.
"""

from __future__ import annotations

import random
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.contract.platforms import PLATFORMS, Platform, write_config
from tests.faults.helpers import (
    RUN_EXIT_CODES,
    nothing_written_outside,
    run_cli,
    run_in_process,
    settle_and_check,
)
from tests.faults.proxy import FAULTS, FaultyProxy
from tests.s3 import MotoServer

PREFIX = "archive"
MIXED = {"error": 0.05, "drop_before": 0.04, "drop_after": 0.05, "truncate": 0.04, "slow": 0.04}
HEAVY = {k: 2 * v for k, v in MIXED.items()}


class Campaign:
    """One platform archiving into one bucket, first through the proxy, then directly."""

    def __init__(self, moto: MotoServer, platform: Platform, proxy: FaultyProxy, tmp: Path):
        self.moto, self.platform, self.proxy, self.tmp = moto, platform, proxy, tmp
        self.bucket = moto.new_bucket()
        self.codes: list[int] = []

    def config(self, *, faulty: bool) -> Path:
        archive = self.moto.archive_config(self.bucket, prefix=PREFIX) | {"part_rows": 200}
        if faulty:
            archive["endpoint_url"] = self.proxy.endpoint_url
        return write_config(self.tmp, self.platform, crawl={"page_size": 6}, archive=archive)

    def faulty_runs(self, runs: int, rng: random.Random, *, cli: bool = False) -> None:
        cfg = self.config(faulty=True)
        with nothing_written_outside(self.tmp):
            for _ in range(runs):
                if cli:
                    done = run_cli(cfg)
                    assert "Traceback" not in done.stderr, done.stderr[-3000:]
                    code = done.returncode
                else:
                    code, _ = run_in_process(cfg)
                assert code in RUN_EXIT_CODES, code
                self.codes.append(code)
                self.platform.random_changes(rng, 8)

    def settle(self) -> None:
        cfg = self.config(faulty=False)
        settle_and_check(cfg, self.platform, self.tmp, s3=(self.moto, self.bucket, PREFIX + "/"))


@pytest.fixture
def peki_platform() -> Iterator[Platform]:
    with PLATFORMS["peki"](users=5) as p:
        yield p


SCENARIOS = [
    pytest.param("peki", MIXED, 1, 3, False, id="peki-mixed"),
    pytest.param("selise", HEAVY, 2, 2, False, id="selise-heavy", marks=pytest.mark.slow),
    pytest.param("kore", MIXED, 3, 4, False, id="kore-mixed", marks=pytest.mark.slow),
    pytest.param("peki", HEAVY, 4, 3, True, id="peki-heavy-cli", marks=pytest.mark.slow),
    pytest.param("selise", MIXED, 5, 6, False, id="selise-mixed-long", marks=pytest.mark.slow),
    pytest.param("kore", HEAVY, 6, 3, True, id="kore-heavy-cli", marks=pytest.mark.slow),
]


@pytest.mark.parametrize(("name", "rates", "seed", "runs", "cli"), SCENARIOS)
def test_runs_through_faulty_s3_then_a_clean_run(
    moto_server: MotoServer,
    tmp_path: Path,
    name: str,
    rates: dict[str, float],
    seed: int,
    runs: int,
    cli: bool,
    record_property: Callable[[str, object], None],
) -> None:
    platform = PLATFORMS[name](seed=seed, users=5)
    platform.start()
    try:
        with FaultyProxy(moto_server.port, seed=seed, rates=rates, delay_seconds=0.2) as proxy:
            campaign = Campaign(moto_server, platform, proxy, tmp_path)
            campaign.faulty_runs(runs, random.Random(seed), cli=cli)
            counts = proxy.counters()
        assert proxy.injected() > 0, counts
        record_property("proxy", counts | {"exit_codes": campaign.codes})
        # Enough requests went through for every kind of fault to be drawn at least once.
        assert all(counts[k] > 0 for k in FAULTS), counts
        campaign.settle()
    finally:
        platform.stop()


@pytest.mark.slow
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    rates=st.fixed_dictionaries({k: st.sampled_from([0.0, 0.03, 0.08, 0.15]) for k in FAULTS}),
    seed=st.integers(0, 2**16),
)
def test_any_fault_schedule_leaves_a_sound_archive(
    moto_server: MotoServer, peki_platform: Platform, rates: dict[str, float], seed: int
) -> None:
    with (
        tempfile.TemporaryDirectory() as d,
        FaultyProxy(moto_server.port, seed=seed, rates=rates, delay_seconds=0.05) as proxy,
    ):
        campaign = Campaign(moto_server, peki_platform, proxy, Path(d))
        campaign.faulty_runs(2, random.Random(seed))
        if any(rates.values()):
            assert proxy.counters()["requests"] > 0
        campaign.settle()
