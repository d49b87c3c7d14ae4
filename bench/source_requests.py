"""Requests per incremental run for every platform, counted by the simulators, against the
least each API allows.

    .venv/bin/python bench/source_requests.py [--users 100] [--page-size 100]

The minimum per tenant, with page size p (each platform's cap), as computed by the contract
suite's adapters (tests/contract/platforms.py):
- Peki: no update filter, so the users and sessions lists in full, ceil(U/p) + ceil(S/p), plus
  ceil((N+1)/p) for N new messages (newest first: the new ones and one older as proof);
- Kore.ai: the sessions open at the last run by id, ceil(O/50), one window for new sessions,
  and ceil(N/100) per channel that got N new messages;
- Selise: the activity-ordered list down to one session older than the watermark,
  ceil((C+1)/p) for C changed sessions, and one messages page per session with new messages.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archiver.crawl.engine import run_archive
from tests.conftest import open_ctx
from tests.contract.platforms import PLATFORMS, Platform, write_config


def measure(platform: Platform, page_size: int, new: int, changed: int) -> list[str]:
    rows = []
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as d:
        cfg = write_config(Path(d), platform, crawl={"page_size": page_size}, lag=0)
        ctx = open_ctx(cfg)
        platform.reset_counters()
        t = time.perf_counter()
        assert run_archive(ctx).exit_code == 0
        full = platform.counters()["total"]
        rows.append(
            f"| {platform.name} | full crawl | {full} | | | {time.perf_counter() - t:.2f} |"
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--users", type=int, default=100)
    ap.add_argument("--page-size", type=int, default=100)
    ap.add_argument("--new-messages", type=int, default=50)
    ap.add_argument("--changed-sessions", type=int, default=20)
    a = ap.parse_args()
    print("| platform | run | requests | API minimum | ratio | seconds | records committed |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for name in ("peki", "kore", "selise"):
        platform = PLATFORMS[name](users=a.users)
        platform.start()
        try:
            for row in measure(platform, a.page_size, a.new_messages, a.changed_sessions):
                print(row)
        finally:
            platform.stop()


if __name__ == "__main__":
    main()
