"""Selise paced by a configured limit, per rolling minute or per minute of the platform's clock.

Selise documents no rate limit and sends no rate-limit headers; the simulator counts
``rate_limit_per_minute`` per minute of its clock. Time is virtual (tests/sources/virtual_time.py):
the budget's waits move the simulator's clock, so minutes of pacing take no real time, and
what is asserted is counted on the simulator's clock.
"""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from archiver.config import load_config
from archiver.demo import source_entry
from archiver.errors import ConfigError
from archiver.simulators.selise import SeliseSimulator
from archiver.simulators.server import FixedWindowLimiter, SimRequest, SimResponse
from archiver.sources.http import HttpPolicy
from archiver.sources.selise import SeliseSource
from tests.contract.platforms import write_config
from tests.sources.virtual_time import VirtualTime

AGENT, WIDGET = "agent_1", "widget_1"
LIMIT = 7
#: Where in the platform's minute the crawl starts (its first request), in seconds.
START_PHASE = 40.0


class ShiftedMinutes(FixedWindowLimiter):
    """The platform's limiter counting per minute starting ``shift`` seconds past its clock's
    minute: what a platform whose windows are not its clock's minutes looks like."""

    def __init__(self, shift: float) -> None:
        super().__init__()
        self.shift = shift

    def hit(
        self, key: str, limit: int, window_seconds: int, now_unix: float, *, consume: bool = True
    ) -> tuple[bool, int, int]:
        return super().hit(key, limit, window_seconds, now_unix - self.shift, consume=consume)


class Served:
    """Every request the simulator answered: (its clock, status), from its response hook."""

    def __init__(self, sim: SeliseSimulator) -> None:
        self.sim = sim
        self.lock = threading.Lock()
        self.calls: list[tuple[float, int]] = []
        sim.response_hook = self._hook

    def _hook(self, req: SimRequest, response: SimResponse) -> SimResponse:
        with self.lock:
            self.calls.append((self.sim.now().timestamp(), response.status))
        return response

    def per_minute(self) -> dict[int, int]:
        out: dict[int, int] = {}
        for at, status in self.calls:
            if status != 429:
                out[math.floor(at / 60)] = out.get(math.floor(at / 60), 0) + 1
        return out

    def late(self) -> list[float]:
        """How long after its minute began each minute's first request (but the first's)
        was served."""
        firsts: dict[int, float] = {}
        for at, status in sorted(self.calls):
            if status != 429:
                firsts.setdefault(math.floor(at / 60), at)
        return [at - minute * 60 for minute, at in sorted(firsts.items())[1:]]


@pytest.fixture
def sim() -> Iterator[SeliseSimulator]:
    s = SeliseSimulator(
        seed=8, agents=((AGENT, WIDGET),), users_per_agent=12, rate_limit_per_minute=LIMIT
    )
    s.start()
    # The first request falls START_PHASE seconds into the platform's minute.
    s.advance((START_PHASE - s.now().timestamp() % 60) % 60)
    try:
        yield s
    finally:
        s.stop()


def crawl(sim: SeliseSimulator, window: str | None, concurrency: int = 4) -> dict[str, Any]:
    """A full crawl paced by ``rate_limit_per_minute: LIMIT`` (and ``rate_limit_window``)."""
    vt = VirtualTime(sim)
    settings: dict[str, Any] = {
        "base_url": sim.base_url,
        "project_key": sim.project_key,
        "agents": [{"agent_id": AGENT, "widget_id": WIDGET}],
        "rate_limit_per_minute": LIMIT,
        "page_size": 10,
    }
    if window is not None:
        settings["rate_limit_window"] = window
    served = Served(sim)
    source = SeliseSource(
        "selise-test",
        settings,
        policy=HttpPolicy(concurrency=concurrency, max_wait_seconds=600),
        clock=vt.clock,
        sleep=vt.sleep,
        transport=vt.transport,
    )
    budget = source._clients()[0].budget
    vt.busy = lambda: budget.on_their_way
    try:
        records = list(source.changes(AGENT, None))
        return {
            "records": records,
            "served": served,
            "aligned": budget.aligned,
            "counts": sim.counters(),
            "truth": sim.truth(AGENT),
        }
    finally:
        source.close()


def _lost(run: dict[str, Any]) -> dict[str, set[str]]:
    got = {t: {r.id for r in run["records"] if r.table == t} for t in ("sessions", "messages")}
    return {t: set(run["truth"][t]) - got[t] for t in got}


@pytest.mark.parametrize("concurrency", [1, 4])
def test_clock_minutes_are_used_from_their_start_without_a_429(
    sim: SeliseSimulator, concurrency: int
) -> None:
    """With ``rate_limit_window: clock`` each platform minute's budget goes out as the minute
    begins (late by what the whole-second Date headers leave open and a round trip), where
    the rolling default starts each minute's share 40 s in: its window began at the crawl's
    first request, 40 s into the platform's minute."""
    run = crawl(sim, "clock", concurrency)
    assert run["counts"].get("status.429", 0) == 0
    assert _lost(run) == {"sessions": set(), "messages": set()}
    per_minute = sorted(run["served"].per_minute().items())
    assert len(per_minute) >= 4, "too few minutes for pacing to matter"
    # Every minute but the last used to the limit (fewer would take more minutes).
    assert [n for _, n in per_minute[:-1]] == [LIMIT] * (len(per_minute) - 1)
    assert max(run["served"].late()) < 5.0, run["served"].late()
    assert run["aligned"]


def test_rolling_default_loses_the_start_phase_without_a_429(sim: SeliseSimulator) -> None:
    """The default: safe however the platform counts, each minute's share leaving one rolling
    minute after the last, so START_PHASE seconds into every platform minute."""
    run = crawl(sim, None)
    assert run["counts"].get("status.429", 0) == 0
    assert _lost(run) == {"sessions": set(), "messages": set()}
    assert min(run["served"].late()) >= START_PHASE


@pytest.mark.parametrize("concurrency", [1, 4])
def test_minutes_not_where_the_clock_says_cost_a_429_and_lose_nothing(
    sim: SeliseSimulator, concurrency: int, caplog: pytest.LogCaptureFixture
) -> None:
    """``rate_limit_window: clock`` wrongly set: the platform's minutes begin 30 s past its
    clock's. The crawl's first requests (40 s into the clock's minute, 10 s into the
    platform's) and those at the clock's next minute fall in one platform minute: the
    platform answers 429. The budget stops pacing by the clock and paces by rolling minutes
    from then on; the refused requests are retried after the backoff, and the crawl ends
    complete: at most the requests then in flight are refused, and nothing is lost."""
    sim._limiter = ShiftedMinutes(30.0)
    with caplog.at_level(logging.WARNING, logger="archiver.sources.http"):
        run = crawl(sim, "clock", concurrency)
    refused = run["counts"].get("status.429", 0)
    assert 1 <= refused <= concurrency
    assert not run["aligned"]
    assert "pacing by rolling windows from now on" in caplog.text
    assert _lost(run) == {"sessions": set(), "messages": set()}
    # After the 429s, nothing more was refused: every refusal is in the one minute.
    refusals = [at for at, status in run["served"].calls if status == 429]
    assert max(refusals) - min(refusals) < 5.0


def test_rate_limit_window_needs_the_limit_it_counts(tmp_path: Path) -> None:
    with SeliseSimulator(seed=8, agents=((AGENT, WIDGET),), users_per_agent=1) as s:
        entry = source_entry("selise-main", s)
    with pytest.raises(ConfigError, match=r"rate_limit_window.*rate_limit_per_minute"):
        load_config(write_config(tmp_path, entry | {"rate_limit_window": "clock"}))
    with pytest.raises(ConfigError, match="rate_limit_window"):
        load_config(write_config(tmp_path, entry | {"rate_limit_window": "fixed"}))
    cfg = load_config(
        write_config(tmp_path, entry | {"rate_limit_per_minute": 5, "rate_limit_window": "clock"})
    )
    assert cfg.sources[0].settings["rate_limit_window"] == "clock"
