"""Export (one person) and retrieve (one conversation) as the archive grows, in people and in runs.

    .venv/bin/python bench/export_growth.py [--users 40] [--factors 1,10,30] [--runs 20]

Growth in people: one person is archived together with N others, for each growth factor (the
simulator's first user, whose history the seed fixes). The export opens only the objects whose
manifest subject index names the person, and retrieve only those whose session index names the
conversation (the person's first session), so the objects they read must not grow with N.

Growth in runs: both commands first read and check every manifest of the stream (signature,
canonical form, hash chain), so they grow with the number of runs. The same final data is
archived once in a single run and once over ``--runs`` incremental runs (the first a full crawl,
then before each run new messages in the person's conversation and in others), and both
archives are read.

Reads are counted at the store: manifests fetched, data objects fetched and their bytes. Objects
are parts of a date partition holding everyone's records of that day (up to ``part_rows`` rows),
so while the count read stays flat, the bytes read grow with the archive until parts are full.
Times are medians of ``--repeat`` calls; ratios are against the first row of each table.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archiver.archive import catalog as mf
from archiver.archive.layout import MANIFESTS
from archiver.context import Context
from archiver.crawl.engine import run_archive
from archiver.demo import source_entry
from archiver.ops.export import export
from archiver.ops.retrieve import retrieve
from archiver.simulators.peki import PekiSimulator
from tests.conftest import open_ctx, sealed_key
from tests.contract.platforms import write_config

BOT = "bot1"


class CountingStore:
    """A store that counts what is fetched: manifests apart from data objects."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self.manifests = 0
        self.objects = 0
        self.object_bytes = 0

    def get(self, key: str) -> bytes:
        if key.startswith(f"{MANIFESTS}/"):
            self.manifests += 1
        else:
            self.objects += 1
        data: bytes = self._inner.get(key)
        if not key.startswith(f"{MANIFESTS}/"):
            self.object_bytes += len(data)
        return data

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


@dataclass
class Reading:
    seconds: float
    manifests: int
    objects: int
    object_bytes: int


def timed(ctx: Context, op: Callable[[Context, Path], Any], scratch: Path, repeat: int) -> Reading:
    times = []
    store = CountingStore(ctx.store)
    for i in range(repeat):
        store.manifests = store.objects = store.object_bytes = 0
        out = scratch / f"out-{time.monotonic_ns()}-{i}"
        t = time.perf_counter()
        op(replace(ctx, store=store), out)
        times.append(time.perf_counter() - t)
        shutil.rmtree(out, ignore_errors=True)
    return Reading(statistics.median(times), store.manifests, store.objects, store.object_bytes)


@dataclass
class Row:
    label: str
    users: int
    messages: int
    manifests: int
    objects_total: int
    export: Reading
    retrieve: Reading
    chain_seconds: float
    manifest_kib: float


def simulator(users: int) -> PekiSimulator:
    sim = PekiSimulator(
        seed=5, chatbot_ids=(BOT,), users_per_bot=users, rate_limit_per_minute=10**9
    )
    sim.start()
    return sim


def subject(sim: PekiSimulator) -> tuple[str, str]:
    """The person (the seed's first user) and their first conversation."""
    truth = sim.truth(BOT)
    person = next(iter(truth["users"]))
    session = min(
        (s for s in truth["sessions"].values() if s["chatUserId"] == person),
        key=lambda s: (s["createdAt"], s["id"]),
    )
    return person, session["id"]


def archive_dir(sim: PekiSimulator, part_rows: int) -> tuple[Path, Path]:
    d = Path(tempfile.mkdtemp(prefix="bench-export-"))
    cfg = write_config(d, source_entry("peki-main", sim), archive={"part_rows": part_rows})
    return d, cfg


def opened(d: Path, cfg: Path) -> Context:
    """A context that can both run and read the sealed originals (opening one costs ~0.5 s)."""
    return open_ctx(cfg, sealed_private_key=sealed_key(d))


def measure(label: str, sim: PekiSimulator, d: Path, ctx: Context, repeat: int, users: int) -> Row:
    person, session = subject(sim)
    exp = timed(ctx, lambda c, out: export(c, person, out, operator="bench"), d, repeat)

    def transcript(c: Context, out: Path) -> None:
        out.mkdir(mode=0o700)
        retrieve(c, session, out / "transcript.txt", operator="bench")

    ret = timed(ctx, transcript, d, repeat)
    chain_keys = [k for keys in mf.list_streams(ctx.store).values() for k in keys]
    checks = []
    for _ in range(repeat):
        t = time.perf_counter()
        mf.read_chain(ctx.store, chain_keys, ctx.verifier)
        checks.append(time.perf_counter() - t)
    manifest_bytes = sum(len(ctx.store.get(k)) for k in chain_keys)
    keys = list(ctx.store.list(""))
    manifests = sum(1 for k in keys if k.key.startswith(f"{MANIFESTS}/"))
    return Row(
        label,
        users,
        len(sim.truth(BOT)["messages"]),
        manifests,
        len(keys) - manifests,
        exp,
        ret,
        statistics.median(checks),
        manifest_bytes / 1024,
    )


def cleanup(sim: PekiSimulator, d: Path) -> None:
    sim.stop()
    shutil.rmtree(d, ignore_errors=True)


def by_people(users: int, factors: list[int], part_rows: int, repeat: int) -> Iterator[Row]:
    for f in factors:
        sim = simulator(users * f)
        d, cfg = archive_dir(sim, part_rows)
        try:
            ctx = opened(d, cfg)
            assert run_archive(ctx).exit_code == 0
            yield measure(f"{f}×", sim, d, ctx, repeat, users * f)
        finally:
            cleanup(sim, d)


def by_runs(users: int, runs: int, part_rows: int, repeat: int, per_run: int) -> list[Row]:
    """The same final data archived over ``runs`` runs, and in one run."""
    sim = simulator(users)
    rng = random.Random(1)
    many, many_cfg = archive_dir(sim, part_rows)
    one, one_cfg = archive_dir(sim, part_rows)
    try:
        _, session = subject(sim)
        sessions = sorted(sim.truth(BOT)["sessions"])
        ctx = opened(many, many_cfg)
        for i in range(runs):
            if i:
                sim.add_message(BOT, session)
                for sid in rng.sample(sessions, per_run - 1):
                    sim.add_message(BOT, sid)
                # The next run comes later, past the overlap the last run re-reads.
                sim.clock_skew_seconds += 5
            assert run_archive(ctx).exit_code == 0
        one_ctx = opened(one, one_cfg)
        assert run_archive(one_ctx).exit_code == 0
        return [
            measure("1 run", sim, one, one_ctx, repeat, users),
            measure(f"{runs} runs", sim, many, ctx, repeat, users),
        ]
    finally:
        cleanup(sim, many)
        shutil.rmtree(one, ignore_errors=True)


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "-"


def reads(r: Reading) -> str:
    return f"{r.manifests} / {r.objects} / {r.object_bytes / 1024:.0f}"


def table(rows: list[Row], first: str, say: Callable[[str], None]) -> None:
    say(
        f"| {first} | users | messages | manifests (KiB) | objects in store "
        "| reading and checking the manifests s "
        "| export s | export manifests / objects / KiB read | retrieve s "
        "| retrieve manifests / objects / KiB read | export time vs first "
        "| retrieve time vs first | export objects vs first | retrieve objects vs first |"
    )
    say("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    b = rows[0]
    for r in rows:
        say(
            f"| {r.label} | {r.users} | {r.messages} | {r.manifests} ({r.manifest_kib:.0f}) "
            f"| {r.objects_total} | {r.chain_seconds:.3f} "
            f"| {r.export.seconds:.3f} | {reads(r.export)} "
            f"| {r.retrieve.seconds:.3f} | {reads(r.retrieve)} "
            f"| {ratio(r.export.seconds, b.export.seconds)} "
            f"| {ratio(r.retrieve.seconds, b.retrieve.seconds)} "
            f"| {ratio(r.export.objects, b.export.objects)} "
            f"| {ratio(r.retrieve.objects, b.retrieve.objects)} |"
        )


def main(argv: list[str] | None = None) -> tuple[list[Row], list[Row]]:
    ap = argparse.ArgumentParser()
    ap.add_argument("--users", type=int, default=40)
    ap.add_argument("--factors", default="1,10,30")
    ap.add_argument("--part-rows", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--runs-users", type=int, default=400, help="users in the runs comparison")
    ap.add_argument("--new-per-run", type=int, default=20, help="new messages before each run")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args(argv)
    factors = [int(f) for f in a.factors.split(",")]
    people = list(by_people(a.users, factors, a.part_rows, a.repeat))
    table(people, "archive", print)
    print()
    runs = by_runs(a.runs_users, a.runs, a.part_rows, a.repeat, a.new_per_run)
    table(runs, "archived in", print)
    return people, runs


if __name__ == "__main__":
    main()
