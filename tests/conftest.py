from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import settings

from archiver import logs
from archiver.config import load_config
from archiver.context import Context
from archiver.ops.init import init_dir, sealed_private_key_path
from archiver.simulators.kore import KoreSimulator
from archiver.simulators.peki import PekiSimulator
from archiver.simulators.selise import SeliseSimulator
from tests.s3 import moto_server  # noqa: F401

# Property tests check invariants, not speed (speed is measured in bench/): no per-example
# deadline, which a loaded machine would turn into failures that say nothing about the code.
settings.register_profile("archiver", deadline=None)
settings.load_profile("archiver")

BOTS = ("bot1", "bot2")
KORE_BOTS = ("st-bot1", "st-bot2")
SELISE_AGENTS = (("agent_1", "widget_1"), ("agent_2", "widget_2"))
#: Rate limits no test run reaches, on both sides: pacing is tested on its own.
UNLIMITED = 1_000_000_000
os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")
# Compliance commands record who ran them and refuse an unknown operator; tests that check
# the refusal remove this.
os.environ.setdefault("ARCHIVER_OPERATOR", "test-suite")


@contextmanager
def logging_restored() -> Iterator[None]:
    """``logs.setup`` configures the process (commands run in-process call it): put the test
    process's logging back as it was."""
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    noisy = {name: logging.getLogger(name).level for name in logs.NOISY}
    try:
        yield
    finally:
        for h in list(root.handlers):
            if h not in handlers:
                root.removeHandler(h)
        root.setLevel(level)
        for name, was in noisy.items():
            logging.getLogger(name).setLevel(was)


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    """Every test leaves logging as it found it, whatever commands it ran in-process."""
    with logging_restored():
        yield


@pytest.fixture(scope="module")
def parsed_once_in_module() -> Iterator[None]:
    """For modules that open contexts again and again (``pytestmark =
    pytest.mark.usefixtures("parsed_once_in_module")``): the policy is parsed and the keys are
    loaded once per module (``tests.helpers.parsed_once``)."""
    from tests.helpers import parsed_once  # tests.helpers builds on this module

    with parsed_once():
        yield


@pytest.fixture
def peki(request: pytest.FixtureRequest) -> Iterator[PekiSimulator]:
    """Two bots of twelve users each, or ``pytest.mark.peki_users(n)`` users where a module
    checks behaviour that does not depend on volume (the marker says why, next to it)."""
    marker = request.node.get_closest_marker("peki_users")
    users = int(marker.args[0]) if marker is not None else 12
    with PekiSimulator(
        seed=11, chatbot_ids=BOTS, users_per_bot=users, rate_limit_per_minute=1_000_000
    ) as sim:
        yield sim


@pytest.fixture
def kore() -> Iterator[KoreSimulator]:
    with KoreSimulator(
        seed=11, bot_ids=KORE_BOTS, users_per_bot=12, rate_limits=((UNLIMITED, 60.0),)
    ) as sim:
        yield sim


@pytest.fixture
def selise() -> Iterator[SeliseSimulator]:
    with SeliseSimulator(seed=11, agents=SELISE_AGENTS, users_per_agent=12) as sim:
        yield sim


def write_config(
    directory: Path,
    sim: PekiSimulator | dict[str, Any],
    *,
    lag: float = 1,
    crawl: dict[str, Any] | None = None,
    archive: dict[str, Any] | None = None,
    source: dict[str, Any] | None = None,
) -> Path:
    cfg = directory / "archiver.yaml"
    if not cfg.exists():
        init_dir(directory)
    doc = yaml.safe_load(cfg.read_text())
    doc["crawl"] = {
        "lag_seconds": lag,
        "max_retries": 8,
        "timeout_seconds": 5,
        "max_wait_seconds": 30,
    } | (crawl or {})
    doc["archive"] |= archive or {}
    # A dict is a whole source entry (any platform); a Peki simulator gets the default one.
    entry = (
        sim
        if isinstance(sim, dict)
        else {
            "name": "peki-main",
            "type": "peki",
            "base_url": sim.base_url,
            "api_key": sim.api_key,
            "api_secret": sim.api_secret,
            "chatbot_ids": list(BOTS),
        }
    )
    doc["sources"] = [entry | (source or {})]
    cfg.write_text(yaml.safe_dump(doc, sort_keys=False))
    return cfg


def open_ctx(cfg: Path, **kw: Any) -> Context:
    return Context.open(load_config(cfg), **kw)


def sealed_ctx(cfg: Path, *, write: bool = True) -> Context:
    """The privacy officer's context: the sealed originals' private key (where ``archiver
    init`` put it, outside the job's keys) and, unless ``write`` is off, the signing key for
    the access record every opening of sealed originals leaves."""
    return open_ctx(cfg, write=write, sealed_private_key=sealed_key(cfg.parent))


@pytest.fixture
def archived(peki: PekiSimulator, tmp_path: Path) -> Path:
    """The config of a local archive of two runs, with changes in between."""
    from tests.helpers import two_runs  # tests.helpers builds on this module

    return two_runs(tmp_path, peki, part_rows=50, seed=3, changes=12)


def examples(n: int, fast: int | None = None) -> int:
    """Hypothesis examples for a costly property: ``n`` with ARCHIVER_SLOW_TESTS=1, by default
    ``fast`` or a third of them (at least 5), so the default suite fits the CI budget."""
    if os.environ.get("ARCHIVER_SLOW_TESTS") == "1":
        return n
    return fast if fast is not None else max(5, n // 3)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Longer variants run only when asked for, so the default suite fits the CI budget."""
    if os.environ.get("ARCHIVER_SLOW_TESTS") == "1":
        return
    skip = pytest.mark.skip(reason="slow variant: set ARCHIVER_SLOW_TESTS=1")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


def sealed_key(directory: Path) -> Path:
    """The private key of sealed originals that ``archiver init --dir directory`` wrote (it
    is not in ``directory/keys``: the job never holds it)."""
    return sealed_private_key_path(directory)
