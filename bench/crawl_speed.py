"""Full-crawl speed of every platform against the bound its rate limit allows.

    .venv/bin/python bench/crawl_speed.py [--users peki=400,kore=400,selise=100] [--window 5]
        [--limit peki=10,kore=10,selise=25] [--platforms ...]
        [--settings limit,limit-clock,latency,local] [--rounds 1]

Each platform's simulator serves a seeded history of several thousand records with 50 ms
latency per request, behind its own limiter: Peki and Selise count requests in fixed windows
aligned to the platform clock, Kore.ai in rolling windows. Three settings per platform:

- **limit binds**: ``--limit`` requests per ``--window`` seconds;
- **limit binds, clock windows** (Selise only): the same, with ``rate_limit_window: clock``
  (the operator states that the platform counts per minute of its clock, which the
  simulator does);
- **latency binds**: a limit no crawl reaches, so only latency and local work remain;
- **local work only**: no latency and no reachable limit: what the same crawl costs on this
  machine (the archiver's masking, hashing, encryption and writes, the HTTP client, and the
  simulator, which runs in the same process). Not a strict floor for the latency setting: with
  no latency the simulator's threads compete with the crawl for the interpreter all the time.

``--rounds N`` repeats the settings N times, interleaved (platform by platform, setting by
setting), so a busy machine spreads over all of them alike.

Time is compressed: the platforms' one-minute windows last ``--window`` seconds here, on both
sides (the simulators' limiters, and the windows the sources pace with, scaled by
``window / 60`` without touching their code), so a crawl spans many windows in seconds.
The job is configured as an operator would: Peki is paced by its ``X-RateLimit-*`` headers
alone (no limit in the config), Kore.ai and Selise by ``rate_limit_per_minute`` (Kore.ai also
documents its limits; Selise sends no headers, so the operator must know it).

The bounds are computed from the run's own request count N (requests the limiter let through),
L requests per window of W seconds, the crawl's start phase in the fixed window, and the
latency: read one after the other, N requests need at least N × latency (the *sequential*
latency bound). Pages of one list read in parallel (up to ``crawl.concurrency``) can beat it:
"achieved / bound" above 1 where latency binds says by how much.

- fixed windows: request k·L+1 cannot go before the k-th window boundary after the start, so
  N requests need ``(ceil(N/L) - 1) × W - phase`` seconds plus one latency;
- rolling windows: request k·L+1 goes at least W after request (k-1)·L+1, ``(ceil(N/L) - 1) × W``
  plus one latency.

"achieved / bound" is the bound's time over the measured time (1.00 = as fast as allowed);
"requests only" is the same ratio up to the last response, without the local work after it.
The time is the crawl's span seen by the client: from the first request to the end of the
last response plus the local work after it (writing the last parts and the manifest), i.e. the
whole ``run_archive`` call less opening the manifest history; both are printed, with where the
time went (in requests, waiting for the budget, local work between requests and after the last
one) and how late each window's first request went out after the limit allowed it.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import math
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest import mock

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import archiver.sources.common
import archiver.sources.kore
from archiver.crawl.engine import run_archive
from archiver.demo import source_entry
from archiver.simulators.kore import KoreSimulator
from archiver.simulators.peki import PekiSimulator
from archiver.simulators.selise import SeliseSimulator
from archiver.simulators.server import FixedWindowLimiter
from archiver.sources.http import Window
from tests.conftest import open_ctx
from tests.contract.platforms import write_config

LATENCY = 0.05
UNREACHABLE = 10**6
PLATFORM_MINUTE = 60


class ShortWindows(FixedWindowLimiter):
    """The simulators' fixed-window limiter with the platform minute lasting ``seconds``."""

    def __init__(self, seconds: int) -> None:
        super().__init__()
        self.seconds = seconds

    def hit(
        self, key: str, limit: int, window_seconds: int, now_unix: float, *, consume: bool = True
    ) -> tuple[bool, int, int]:
        if window_seconds == PLATFORM_MINUTE:
            window_seconds = self.seconds
        return super().hit(key, limit, window_seconds, now_unix, consume=consume)


@contextlib.contextmanager
def compressed_client_windows(seconds: float) -> Iterator[None]:
    """Sources build their budgets with the platform's minute scaled to ``seconds``."""
    factor = seconds / PLATFORM_MINUTE

    def scaled(limit: int, window_seconds: float, *, aligned: bool = False) -> Window:
        return Window(limit, window_seconds * factor, aligned=aligned)

    with contextlib.ExitStack() as stack:
        # The budgets' windows: Kore.ai's own, the others' from the base's rate_windows.
        for module in (archiver.sources.common, archiver.sources.kore):
            stack.enter_context(mock.patch.object(module, "Window", scaled))
        yield


class Timeline(httpx.HTTPTransport):
    """The client's view of every request: (sent, answered, status), on the monotonic clock."""

    def __init__(self) -> None:
        super().__init__()
        self.lock = threading.Lock()
        self.calls: list[tuple[float, float, int]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        sent = time.monotonic()
        response = super().handle_request(request)
        response.read()
        with self.lock:
            self.calls.append((sent, time.monotonic(), response.status_code))
        return response


@dataclass
class Result:
    platform: str
    setting: str
    limit: int
    window: float
    rolling: bool
    latency: float = LATENCY
    records: int = 0
    requests: int = 0
    refused: int = 0
    run_seconds: float = 0.0
    crawl_seconds: float = 0.0
    phase: float = 0.0
    waited_seconds: float = 0.0
    gaps_seconds: float = 0.0
    in_requests_seconds: float = 0.0
    tail_seconds: float = 0.0
    status: str = ""
    per_window: list[int] = field(default_factory=list)
    late: list[float] = field(default_factory=list)

    @property
    def limit_bound(self) -> float:
        if self.limit >= UNREACHABLE:
            return 0.0
        k = max(0, math.ceil(self.requests / self.limit) - 1)
        if k == 0:
            return self.latency
        lead = k * self.window - (0.0 if self.rolling else self.phase)
        return max(0.0, lead) + self.latency

    @property
    def latency_bound(self) -> float:
        return self.requests * self.latency

    @property
    def requests_seconds(self) -> float:
        """From the first request to the last response."""
        return self.crawl_seconds - self.tail_seconds

    @property
    def bound(self) -> float:
        return max(self.limit_bound, self.latency_bound)


def make_sim(platform: str, users: int, limit: int, window: int) -> Any:
    if platform == "peki":
        peki = PekiSimulator(
            seed=3, chatbot_ids=("bot1",), users_per_bot=users, rate_limit_per_minute=limit
        )
        peki._read_limiter = ShortWindows(window)
        return peki
    if platform == "kore":
        return KoreSimulator(
            seed=3, bot_ids=("st-1",), users_per_bot=users, rate_limits=[(limit, window)]
        )
    selise = SeliseSimulator(seed=3, users_per_agent=users, rate_limit_per_minute=limit)
    selise._limiter = ShortWindows(window)
    return selise


def entry(platform: str, sim: Any, limit: int, clock: bool = False) -> dict[str, Any]:
    base = source_entry(f"{platform}-main", sim)
    if platform == "kore":
        return base | {"rate_limit_per_minute": limit, "rate_limit_per_hour": UNREACHABLE}
    if platform == "selise":
        window = {"rate_limit_window": "clock"} if clock else {}
        return base | {"rate_limit_per_minute": limit} | window
    return base  # Peki: paced from its X-RateLimit-* headers only


def crawl(
    platform: str,
    setting: str,
    users: int,
    limit: int,
    window: int,
    latency: float = LATENCY,
    clock: bool = False,
) -> Result:
    res = Result(platform, setting, limit, window, rolling=platform == "kore", latency=latency)
    sim = make_sim(platform, users, limit, window)
    sim.latency_seconds = latency
    sim.start()
    try:
        with tempfile.TemporaryDirectory() as d:
            cfg = write_config(Path(d), entry(platform, sim, limit, clock))
            ctx = open_ctx(cfg)
            timeline = Timeline()
            sim.reset_counters()
            with compressed_client_windows(window):
                began = time.monotonic()
                sim_began = sim.now().timestamp()
                report = run_archive(ctx, transport=timeline)
                ended = time.monotonic()
        res.status = ",".join(s.status for s in report.streams)
        res.records = sum(sum(s.records.values()) for s in report.streams)
        counts = sim.counters()
        res.refused = counts.get("status.429", 0)
        res.requests = counts["total"] - res.refused
        calls = sorted(timeline.calls)
        first = calls[0][0] if calls else began
        res.run_seconds = ended - began
        res.crawl_seconds = ended - first
        # Where the first request fell in the platform's fixed window.
        res.phase = (sim_began + (first - began)) % window
        res.waited_seconds = sum(h.get("waited_ms", 0) for h in report.http.values()) / 1000
        res.gaps_seconds = sum(max(0.0, nxt[0] - cur[1]) for cur, nxt in itertools.pairwise(calls))
        res.in_requests_seconds = sum(answered - sent for sent, answered, _ in calls)
        res.tail_seconds = ended - max((answered for _, answered, _ in calls), default=ended)
        buckets: dict[int, int] = {}
        for sent, _, status in calls:
            if status != 429:
                b = int((sent - first + res.phase) // window)
                buckets[b] = buckets.get(b, 0) + 1
        res.per_window = [buckets.get(i, 0) for i in range(max(buckets, default=-1) + 1)]
        res.late = lateness(res, [sent for sent, _, status in calls if status != 429], first)
    finally:
        sim.stop()
    return res


def lateness(res: Result, sent: list[float], first: float) -> list[float]:
    """How long after the limit allowed it each window's first request went out.

    Fixed windows: the first request of each window after the first, from the window's start.
    Rolling windows: request k·L+1, from W after request (k-1)·L+1.
    """
    if res.limit >= UNREACHABLE:
        return []
    if res.rolling:
        return [
            sent[i] - sent[i - res.limit] - res.window
            for i in range(res.limit, len(sent), res.limit)
        ]
    out = []
    seen: set[int] = set()
    for t in sent:
        b = int((t - first + res.phase) // res.window)
        if b and b not in seen:
            seen.add(b)
            out.append(t - (first - res.phase + b * res.window))
    return out


def table(results: list[Result], say: Callable[[str], None]) -> None:
    say(
        "| platform | setting | records | requests | 429s | crawl s | records/s | requests/s "
        "| limit bound s | latency bound s | binding | bound records/s | achieved / bound |"
    )
    say("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|")
    for r in results:
        kind = "rolling" if r.rolling else "fixed"
        setting = (
            f"{r.setting} ({r.limit} per {r.window:g} s, {kind})"
            if r.limit < UNREACHABLE
            else r.setting
        )
        if r.bound <= 0:
            binding, bound_rate, ratio = "local work", "-", "-"
        else:
            binding = "limit" if r.limit_bound >= r.latency_bound else "latency"
            bound_rate, ratio = f"{r.records / r.bound:.0f}", f"{r.bound / r.crawl_seconds:.2f}"
        say(
            f"| {r.platform} | {setting} | {r.records} | {r.requests} | {r.refused} "
            f"| {r.crawl_seconds:.2f} | {r.records / r.crawl_seconds:.0f} "
            f"| {r.requests / r.crawl_seconds:.2f} | {r.limit_bound:.2f} | {r.latency_bound:.2f} "
            f"| {binding} | {bound_rate} | {ratio} |"
        )


def details(results: list[Result], say: Callable[[str], None]) -> None:
    say("")
    say(
        "| platform | setting | run s | in requests s | waited for budget s "
        "| other work between requests s | after the last response s | start phase s "
        "| requests per window | window starts late by, mean (max) s | requests only: s "
        "| requests only: achieved / bound | status |"
    )
    say("|---|---|---:|---:|---:|---:|---:|---:|---|---|---:|---:|---|")
    for r in results:
        late = f"{statistics.mean(r.late):.2f} ({max(r.late):.2f})" if r.late else "-"
        only = f"{r.bound / r.requests_seconds:.2f}" if r.bound > 0 and r.requests_seconds else "-"
        say(
            f"| {r.platform} | {r.setting} | {r.run_seconds:.2f} | {r.in_requests_seconds:.2f} "
            f"| {r.waited_seconds:.2f} | {max(0.0, r.gaps_seconds - r.waited_seconds):.2f} "
            f"| {r.tail_seconds:.2f} | {r.phase:.2f} | {' '.join(map(str, r.per_window))} "
            f"| {late} | {r.requests_seconds:.2f} | {only} | {r.status} |"
        )


def per_platform(text: str) -> dict[str, int]:
    """``peki=400,kore=400`` as a dict."""
    out = {}
    for part in text.split(","):
        name, _, value = part.partition("=")
        out[name.strip()] = int(value)
    return out


def main(argv: list[str] | None = None) -> list[Result]:
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "--users",
        type=per_platform,
        default="peki=400,kore=400,selise=100",
        help="users per tenant; Selise costs one request per session, so it gets fewer",
    )
    ap.add_argument("--window", type=int, default=5, help="seconds a platform minute lasts")
    ap.add_argument(
        "--limit",
        type=per_platform,
        default="peki=10,kore=10,selise=25",
        help="requests per window in the setting where the limit binds",
    )
    ap.add_argument("--platforms", default="peki,kore,selise")
    ap.add_argument("--settings", default="limit,limit-clock,latency,local")
    ap.add_argument("--rounds", type=int, default=1)
    a = ap.parse_args(argv)
    names = {
        "limit": "limit binds",
        "limit-clock": "limit binds, clock windows",
        "latency": "latency binds (no reachable limit)",
        "local": "local work only (no latency, no reachable limit)",
    }
    results = []
    for _ in range(a.rounds):
        for platform in a.platforms.split(","):
            for setting in a.settings.split(","):
                clock = setting == "limit-clock"
                if clock and platform != "selise":
                    continue  # the others' windows are documented (Kore.ai) or announced (Peki)
                limit = a.limit[platform] if setting.startswith("limit") else UNREACHABLE
                latency = 0.0 if setting == "local" else LATENCY
                results.append(
                    crawl(
                        platform,
                        names[setting],
                        a.users[platform],
                        limit,
                        a.window,
                        latency,
                        clock,
                    )
                )
    table(results, print)
    details(results, print)
    return results


if __name__ == "__main__":
    main()
