"""Export time and objects read for one person as the archive grows with other people.

    .venv/bin/python bench/export_growth.py [--factors 1,10]

One person is archived together with N others, for each growth factor (the simulator's
first user, whose history the seed fixes); the export must read the same number of objects
however many others there are, because it opens only the objects whose manifest subject index
names the person.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archiver.crawl.engine import run_archive
from archiver.ops.export import export
from archiver.simulators.peki import PekiSimulator
from tests.conftest import open_ctx, write_config


def one(users: int, part_rows: int) -> tuple[int, int, int, float, int, int]:
    sim = PekiSimulator(
        seed=5, chatbot_ids=("bot1",), users_per_bot=users, rate_limit_per_minute=10**9
    )
    sim.start()
    d = Path(tempfile.mkdtemp())
    try:
        cfg = write_config(
            d, sim, source={"chatbot_ids": ["bot1"]}, archive={"part_rows": part_rows}
        )
        assert run_archive(open_ctx(cfg)).exit_code == 0
        person = next(iter(sim.truth("bot1")["users"]))
        ctx = open_ctx(cfg, write=False, sealed_private_key=d / "keys" / "sealed-private.pem")
        t = time.perf_counter()
        rep = export(ctx, person, d / "export")
        dt = time.perf_counter() - t
        msgs = len(sim.truth("bot1")["messages"])
        return users, msgs, rep.objects_total, dt, rep.objects_read, rep.messages
    finally:
        sim.stop()
        shutil.rmtree(d, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--users", type=int, default=40)
    ap.add_argument("--factors", default="1,10")
    ap.add_argument("--part-rows", type=int, default=2000)
    a = ap.parse_args()
    rows = [one(a.users * int(f), a.part_rows) for f in a.factors.split(",")]
    base = rows[0]
    print(
        "| users in archive | messages | sealed objects | person's messages | export seconds "
        "| objects read | time vs 1× | objects read vs 1× |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for users, msgs, total, dt, read, mine in rows:
        print(
            f"| {users} | {msgs} | {total} | {mine} | {dt:.2f} | {read} | {dt / base[3]:.2f} "
            f"| {read / base[4]:.2f} |"
        )


if __name__ == "__main__":
    main()
