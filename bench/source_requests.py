"""Requests per incremental run for every platform, counted by the simulators, against the
least each API allows.

    .venv/bin/python bench/source_requests.py [--users 100] [--page-size 100]

The minimum per tenant, with page size p (each platform's cap), as computed by the contract
suite's adapters (tests/contract/platforms.py):
- Peki: no update filter, so the users and sessions lists in full, ceil(U/p) + ceil(S/p), plus
  ceil((N+1)/p) for N new messages (newest first: the new ones and one older as proof);
- Kore.ai: the sessions open at the last run by id, ceil(O/50), one window for new sessions
  (and their status by id, ceil(S/50), where the list leaves it out, as documented), and
  max(1, ceil(N/100)) per channel with an active session or N new messages: no documented
  signal tells which channel of an active session got messages;
- Selise: the activity-ordered list down to one session older than the watermark,
  ceil((C+1)/p) for C changed sessions, and one messages page per session with new messages.

The minimum of a full crawl, from the simulator's truth at the crawl's start:
- Peki: every list in full, ceil(U/p) + ceil(S/p) + ceil(M/p);
- Kore.ai: date windows of just under 7 days (the API refuses longer ones) tiled over the
  backfill period up to now, each with max(1, ceil(S_w/p)) sessions pages, ceil(S_w/50)
  status look-ups where the list leaves the status out, and max(1, ceil(M_wc/100)) messages
  pages for each channel c with messages in it or an active session begun before its end;
  plus ceil(n/50) lookups by id for the n sessions that began before the backfill period but
  have messages in it (no list shows them);
- Selise: the sessions list in full, ceil(S/p), and ceil(M_s/p) messages pages for each session
  s with messages (``message_count`` tells which have none).
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archiver.crawl.engine import run_archive
from archiver.sources.kore import LOOKUP_BATCH, MESSAGES_LIMIT, WINDOW
from archiver.timeutil import parse_ts
from tests.conftest import open_ctx
from tests.contract.platforms import PLATFORMS, Platform, write_config

TABLES = ("users", "sessions", "messages")
KORE_BACKFILL = timedelta(days=30)  # the Kore source's default backfill_days


def pages(n: int, size: int) -> int:
    return max(1, math.ceil(n / size))


def kore_tenant_minimum(
    truth: dict[str, Any], now: datetime, page_size: int, *, list_has_status: bool
) -> int:
    sessions = {sid: parse_ts(s["start_time"]) for sid, s in truth["sessions"].items()}
    active = [
        (parse_ts(s["start_time"]), s["channel"])
        for s in truth["sessions"].values()
        if s.get("sessionStatus") == "active"
    ]
    messages = [
        (parse_ts(m["createdOn"]), m["chnl"], m["sessionId"]) for m in truth["messages"].values()
    ]
    start = now - KORE_BACKFILL
    total = 0
    lo = start
    while True:
        hi = lo + WINDOW
        begun = sum(1 for t in sessions.values() if lo <= t < hi)
        total += pages(begun, page_size)
        if not list_has_status:  # the status of each new session, by id
            total += math.ceil(begun / LOOKUP_BATCH)
        per_channel = Counter(ch for t, ch, _ in messages if lo <= t < hi)
        # No documented signal tells which channel of an active session got messages.
        busy = set(per_channel) | {ch for t, ch in active if t < hi}
        total += sum(pages(per_channel.get(ch, 0), MESSAGES_LIMIT["v1"]) for ch in busy)
        if hi > now:
            break
        lo = hi
    unlisted = {sid for t, _, sid in messages if t >= start and sessions.get(sid, start) < start}
    return total + math.ceil(len(unlisted) / LOOKUP_BATCH)


def full_minimum(platform: Platform, page_size: int, now: datetime) -> int:
    """The least requests a full crawl needs, from the simulator's truth (see the docstring)."""
    total = 0
    for tenant in platform.tenants:
        truth = platform.sim.truth(tenant)
        if platform.name == "peki":
            total += sum(pages(len(truth[t]), page_size) for t in ("users", "sessions", "messages"))
        elif platform.name == "kore":
            total += kore_tenant_minimum(
                truth, now, page_size, list_has_status=platform.sim.list_session_status
            )
        else:
            per_session = Counter(m["session_id"] for m in truth["messages"].values())
            total += pages(len(truth["sessions"]), page_size)
            total += sum(pages(n, page_size) for n in per_session.values())
    return total


def measure(platform: Platform, page_size: int, new: int, changed: int) -> list[str]:
    rows = []
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as d:
        cfg = write_config(Path(d), platform, crawl={"page_size": page_size}, lag=0)
        ctx = open_ctx(cfg)
        platform.reset_counters()
        least = full_minimum(platform, page_size, platform.sim.now())
        t = time.perf_counter()
        report = run_archive(ctx)
        assert report.exit_code == 0
        full = platform.counters()["total"]
        committed = sum(sum(s.records.values()) for s in report.streams)
        rows.append(
            f"| {platform.name} | full crawl | {full} | {least} | {full / least:.2f} | "
            f"{time.perf_counter() - t:.2f} | {committed} |"
        )
        scenarios: list[tuple[str, Callable[[], None]]] = [
            ("incremental, no change", platform.no_change),
            (f"incremental, {new} new messages", lambda: platform.add_messages(rng, new)),
            (
                f"incremental, {changed} changed sessions",
                lambda: platform.change_sessions(rng, changed),
            ),
        ]
        for name, scenario in scenarios:
            scenario()
            # The run comes a little later, as runs do: what changed is outside the overlap
            # (lag plus the Date header's second) that the run after it reads again.
            platform.advance(5)
            platform.reset_counters()
            t = time.perf_counter()
            report = run_archive(ctx)
            assert report.exit_code == 0
            used = platform.counters()["total"]
            least = platform.minimum(page_size)
            committed = sum(sum(s.records.values()) for s in report.streams)
            rows.append(
                f"| {platform.name} | {name} | {used} | {least} | {used / least:.2f} | "
                f"{time.perf_counter() - t:.2f} | {committed} |"
            )
    return rows


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--users", type=int, default=100)
    ap.add_argument("--page-size", type=int, default=100)
    ap.add_argument("--new-messages", type=int, default=50)
    ap.add_argument("--changed-sessions", type=int, default=20)
    a = ap.parse_args(argv)
    print("| platform | run | requests | API minimum | ratio | seconds | records committed |")
    print("|---|---|---:|---:|---:|---:|---:|")
    sizes = []
    for name in ("peki", "kore", "selise"):
        platform = PLATFORMS[name](users=a.users)
        platform.start()
        try:
            truth = platform.truth()
            sizes.append(
                f"| {name} | {len(truth)} | "
                + " | ".join(str(sum(len(t[table]) for t in truth.values())) for table in TABLES)
                + " |"
            )
            for row in measure(platform, a.page_size, a.new_messages, a.changed_sessions):
                print(row)
        finally:
            platform.stop()
    print()
    print("| platform | tenants | users | sessions | messages |")
    print("|---|---:|---:|---:|---:|")
    for row in sizes:
        print(row)


if __name__ == "__main__":
    main()
