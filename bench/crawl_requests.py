"""Requests per Peki run, measured by the simulator's counters, against the API's minimum.

    .venv/bin/python bench/crawl_requests.py [--users 300] [--page-size 100]

The minimum the API allows, per chatbot, with page size p (the platform's cap):
- full crawl: every record must be read once: ceil(U/p) + ceil(S/p) + ceil(M/p);
- incremental: the API has no update filter, and an old session's new summary shows only in its
  list entry, so the users and sessions lists must be read in full: ceil(U/p) + ceil(S/p);
  new messages are newest first, so ceil((N+1)/p) pages show all N new ones and one older one
  (the proof that there are no more).
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archiver.crawl.engine import run_archive
from archiver.simulators.peki import PekiSimulator
from tests.conftest import open_ctx, write_config


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--users", type=int, default=300)
    ap.add_argument("--page-size", type=int, default=100)
    ap.add_argument("--new-messages", type=int, default=150)
    ap.add_argument("--sessions-touched", type=int, default=40)
    ap.add_argument("--summaries", type=int, default=25)
    a = ap.parse_args()
    bot = "bot1"
    sim = PekiSimulator(
        seed=3, chatbot_ids=(bot,), users_per_bot=a.users, rate_limit_per_minute=10**9
    )
    sim.start()
    p = a.page_size
    rows = []
    with tempfile.TemporaryDirectory() as d:
        cfg = write_config(
            Path(d), sim, crawl={"page_size": p}, lag=0, source={"chatbot_ids": [bot]}
        )
        ctx = open_ctx(cfg)

        def lists_min() -> int:
            t = sim.truth(bot)
            return math.ceil(len(t["users"]) / p) + math.ceil(len(t["sessions"]) / p)

        def measure(name: str, minimum: int) -> None:
            sim.reset_counters()
            t0 = time.perf_counter()
            report = run_archive(ctx)
            dt = time.perf_counter() - t0
            assert report.exit_code == 0, report
            n = sim.counters()["total"]
            recs = sum(sum(s.records.values()) for s in report.streams)
            rows.append((name, n, minimum, n / minimum, recs, dt))

        t = sim.truth(bot)
        measure("full crawl", lists_min() + math.ceil(len(t["messages"]) / p))
        measure("incremental, no change", lists_min() + 1)
        rng = random.Random(1)
        sessions = rng.sample(sorted(sim.truth(bot)["sessions"]), a.sessions_touched)
        for i in range(a.new_messages):
            sim.add_message(bot, sessions[i % len(sessions)], text=f"more {i}")
        measure(
            f"incremental, {a.new_messages} new messages in {a.sessions_touched} old sessions",
            lists_min() + math.ceil((a.new_messages + 1) / p),
        )
        closed = [s for s, r in sim.truth(bot)["sessions"].items() if r["status"] == "Closed"]
        for sid in rng.sample(sorted(closed), a.summaries):
            sim.update_session(bot, sid, summary="revised summary", score=7.5)
        measure(f"incremental, {a.summaries} old closed sessions re-summarised", lists_min() + 1)
        t = sim.truth(bot)
    sim.stop()
    print(
        f"Peki, 1 chatbot: {len(t['users'])} users, {len(t['sessions'])} sessions, "
        f"{len(t['messages'])} messages, page size {p}"
    )
    print("| run | requests | API minimum | ratio | records committed | seconds |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, n, m, r, recs, dt in rows:
        print(f"| {name} | {n} | {m} | {r:.2f} | {recs} | {dt:.2f} |")


if __name__ == "__main__":
    main()
