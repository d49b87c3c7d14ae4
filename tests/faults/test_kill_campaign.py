"""SIGKILL at seeded random points across many runs, with live changes between them, for
several platforms on the local store and on S3 (moto).

Kill points: after k requests to the platform, after k archive objects were written, as soon as
a manifest commit landed (other streams are then mid-commit), or after a random time. After the
campaign one clean run must bring the archive to the platform's truth, with the chain intact
(``archiver verify --deep`` exits 0) and nothing written outside the archive root.
"""

from __future__ import annotations

import os
import random
import signal
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from moto.core import DEFAULT_ACCOUNT_ID
from moto.s3.models import s3_backends

from tests.contract.platforms import PLATFORMS, Platform, write_config
from tests.faults.helpers import (
    RUN_EXIT_CODES,
    archiver_process,
    archiver_run,
    nothing_written_outside,
    settle_and_check,
    slow,
)
from tests.helpers import files_under
from tests.s3 import MotoServer

PREFIX = "archive"


@dataclass
class Tally:
    killed: int = 0
    finished: int = 0
    points: list[str] = field(default_factory=list)


class Archive:
    """Counts what a run has written so far, in a local folder or under a bucket prefix."""

    def __init__(self, tmp: Path, moto: MotoServer | None) -> None:
        self.tmp, self.moto = tmp, moto
        self.bucket = moto.new_bucket() if moto else None

    def config(self) -> dict[str, object]:
        extra: dict[str, object] = {"part_rows": 15}
        if self.moto is None or self.bucket is None:
            return extra
        return self.moto.archive_config(self.bucket, prefix=PREFIX) | extra

    def count(self, kind: str) -> int:
        """Objects (``data``/``sealed``) or ``manifests`` written so far."""
        roots = ("data/", "sealed/") if kind == "objects" else ("manifests/",)
        if self.moto is None or self.bucket is None:
            base = self.tmp / "archive"
            return sum(len(files_under(base / r)) for r in roots)
        # Read from moto's memory, in this process: listing over HTTP every few milliseconds
        # would queue behind the run's own requests (moto serves one at a time).
        keys = s3_backends[DEFAULT_ACCOUNT_ID]["global"].buckets[self.bucket].keys
        while True:
            try:
                names = list(keys.keys())
                break
            except RuntimeError:  # changed while copied: the run is writing
                continue
        return sum(1 for k in names if k.startswith(tuple(f"{PREFIX}/{r}" for r in roots)))


def kill_at(cfg: Path, ready: Callable[[], bool], *, poll: float, limit: float = 90) -> int | None:
    """Start ``archiver run`` in a real process (in the config's folder, so a stray relative
    write would show) and SIGKILL it once ``ready()``; its exit code if it finished first."""
    proc = archiver_process("run", "--config", str(cfg), cwd=cfg.parent)
    deadline = time.monotonic() + limit
    try:
        while time.monotonic() < deadline:
            code = proc.poll()
            if code is not None:
                return code
            if ready():
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait(10)
                return None
            time.sleep(poll)
        raise AssertionError("the run neither finished nor reached the kill point")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)


def random_point(rng: random.Random, scale: int) -> str:
    """A kill point; ``scale`` widens the ranges (the slow variant reaches deeper into runs)."""
    kind = rng.choices(["requests", "objects", "manifests", "sleep"], [4, 3, 2, 2])[0]
    if kind == "requests":
        return f"requests:{rng.randint(1, 12 * scale)}"
    if kind == "objects":
        return f"objects:{rng.randint(1, 3 * scale)}"
    if kind == "manifests":
        return f"manifests:{rng.randint(1, scale)}"
    return f"sleep:{rng.uniform(0.2, 1.2 * scale):.2f}"


def kill_point(platform: Platform, archive: Archive, kind: str, arg: str) -> Callable[[], bool]:
    """A predicate that turns true once the run reached the point, counted from now."""
    if kind == "requests":
        start = platform.counters()["total"]
        return lambda: platform.counters()["total"] - start >= int(arg)
    if kind == "sleep":
        until = time.monotonic() + float(arg)
        return lambda: time.monotonic() >= until
    written = archive.count(kind)
    return lambda: archive.count(kind) - written >= int(arg)


def campaign(platform: Platform, archive: Archive, tmp: Path, *, seed: int, kills: int) -> Tally:
    platform.sim.latency_seconds = 0.005
    cfg = write_config(
        tmp,
        platform,
        crawl={"page_size": 4, "streams_in_parallel": 2},
        archive=archive.config(),
    )
    rng = random.Random(seed)
    tally = Tally()
    poll = 0.005
    with nothing_written_outside(tmp):
        while tally.killed < kills:
            point = random_point(rng, 3 if slow() else 1)
            kind, arg = point.split(":")
            ready = kill_point(platform, archive, kind, arg)
            code = kill_at(cfg, ready, poll=poll)
            if code is None:
                tally.killed += 1
                tally.points.append(point)
            else:
                assert code in RUN_EXIT_CODES, code
                tally.finished += 1
                assert tally.finished <= 3 * kills, "runs keep finishing before the kill point"
            platform.random_changes(rng, rng.randint(2, 8))
    platform.sim.latency_seconds = 0
    s3 = (archive.moto, archive.bucket, PREFIX + "/") if archive.moto and archive.bucket else None
    settle_and_check(cfg, platform, tmp, s3=s3)
    return tally


@pytest.fixture
def moto_or_none(request: pytest.FixtureRequest) -> Iterator[MotoServer | None]:
    yield request.getfixturevalue("moto_server") if request.param == "s3" else None


CASES = [
    pytest.param("peki", "local", 21, 6, id="peki-local"),
    pytest.param("kore", "s3", 22, 6, id="kore-s3"),
    pytest.param("selise", "local", 23, 40, id="selise-local-long", marks=pytest.mark.slow),
    pytest.param("selise", "s3", 24, 25, id="selise-s3-long", marks=pytest.mark.slow),
    pytest.param("peki", "s3", 25, 25, id="peki-s3-long", marks=pytest.mark.slow),
    pytest.param("kore", "local", 26, 40, id="kore-local-long", marks=pytest.mark.slow),
]


@pytest.mark.parametrize(
    ("name", "moto_or_none", "seed", "kills"), CASES, indirect=["moto_or_none"]
)
def test_sigkill_campaign_then_a_clean_run(
    name: str,
    moto_or_none: MotoServer | None,
    seed: int,
    kills: int,
    tmp_path: Path,
    record_property: Callable[[str, object], None],
) -> None:
    # Another seed per repetition of the campaign (docs/FAULTS.md: repeating the long variant).
    seed += 1000 * int(os.environ.get("ARCHIVER_CAMPAIGN_ROUND", "0"))
    platform = PLATFORMS[name](seed=seed, users=3)
    platform.start()
    try:
        archive = Archive(tmp_path, moto_or_none)
        tally = campaign(platform, archive, tmp_path, seed=seed, kills=kills)
    finally:
        platform.stop()
    assert tally.killed == kills
    record_property("kills", f"{tally.killed} killed, {tally.finished} finished: {tally.points}")
    if moto_or_none is not None or not slow():
        return  # verified deep in-process above; the CLI's own run costs a process start
    # The deep verify of the CLI, as an operator would run it after such a night.
    done = archiver_run(
        *("verify", "--deep"),
        *("--config", str(tmp_path / "archiver.yaml")),
        *("--witness", str(tmp_path / "witness.json")),
        timeout=120,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
