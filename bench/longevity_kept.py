"""Export and retrieve on the archives ``bench/longevity.py --keep DIR`` left: the one-run
archive and the compacted one timed alternately, CPU time, medians; or one of them profiled.

    .venv/bin/python bench/longevity_kept.py DIR [--repeat 9] [--ops export,retrieve,once]
        [--profile export|retrieve|once] [--archive one|runs] [--sort cumulative|tottime]
        [--top 45] [--steps]

Building the two archives takes minutes (1,000 runs, then a compaction); measuring a change
of the read side needs only these two commands on them, and the same archives for the code
before and after the change (run this script from each checkout: it imports the ``archiver``
beside it). Each command is called once first, then ``--repeat`` times per archive, one-run and
compacted in turn, so that load from other jobs falls on both alike; CPU time of this process
(``time.process_time``), since a shared machine's load moves the wall clock by a third. The
person and the conversations are those ``longevity.py`` measures (the same simulator seed):
``retrieve`` the one the runs change, ``once`` the one they leave alone (in archives built
before ``longevity.py`` left one alone, the runs changed it too). The
access records each call writes are removed after it, as ``longevity.py`` does.

``--steps`` times the steps of reading the stream's chain (what ``export`` and ``retrieve`` check
before reading data) on each archive, without a profiler (whose cost per Python call inflates
many small calls against a few large C ones): the manifest keys, the checkpoint's check in its
parts, the manifests read, and the whole read, in turn per archive, medians.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archiver.archive import integrity, layout, signed
from archiver.archive.catalog import checkpoint
from archiver.archive.catalog.chain import list_streams
from archiver.archive.catalog.chain import parse as parse_manifest
from archiver.archive.catalog.records import LEDGER
from archiver.context import Context
from archiver.ops.export import export
from archiver.ops.retrieve import retrieve
from bench.longevity import simulator
from bench.longevity import targets as chosen
from tests.conftest import open_ctx, sealed_key

ARCHIVES = ("one", "runs")
OPS = ("export", "retrieve", "once")


def targets(users: int) -> tuple[str, str, str]:
    """The person ``longevity.py`` exports and the two conversations it retrieves."""
    sim = simulator(users)
    try:
        return chosen(sim)
    finally:
        sim.stop()


def caller(ctx: Context, op: str, person: str, session: str) -> Callable[[Path], float]:
    """One call of ``op`` writing into a fresh folder ``out``, its access record removed
    after it; returns the CPU seconds of the call alone."""
    before = {o.key for o in ctx.store.list(f"{LEDGER}/")}

    def call(out: Path) -> None:
        out.mkdir(mode=0o700)
        if op == "export":
            export(ctx, person, out, operator="bench")
        else:
            retrieve(ctx, session, out / "t.txt", operator="bench", reason="bench")

    def clean() -> None:
        for o in list(ctx.store.list(f"{LEDGER}/")):
            if o.key not in before and o.key.endswith("-access.json"):
                ctx.store.delete(o.key)

    def once(out: Path) -> float:
        try:
            t = time.process_time()
            call(out)
            return time.process_time() - t
        finally:
            shutil.rmtree(out, ignore_errors=True)
            clean()

    return once


def chain_steps(ctx: Context) -> dict[str, Callable[[], object]]:
    """The steps of reading the archive's (one) stream from its newest checkpoint, each a
    call on data the step before gave (read once here, outside the timing)."""
    store, verifier = ctx.store, ctx.verifier
    keys = next(iter(list_streams(store).values()))
    named = layout.parse_streams(keys)
    src, tenant, _ = named[0][1]
    steps: dict[str, Callable[[], object]] = {
        "manifest keys listed (list_streams)": lambda: list_streams(store),
    }
    found = checkpoint.listed(store, src, tenant)
    if found:
        key = found[-1][1]
        raw = store.get(key)
        doc, unusual = signed.loads(raw)
        cp, _ = checkpoint.check(key, raw, verifier)
        assert cp is not None
        steps |= {
            f"checkpoint ({len(raw) // 1000} KB): JSON": lambda: signed.loads(raw),
            "— canonical form": lambda: signed.is_stored_form(raw, doc, unusual=unusual),
            "— schema": lambda: integrity.checkpoint_schema_problem(key, doc),
            "— signature": lambda: integrity.signature_problem(
                key, doc, verifier, what="checkpoint", stored=raw
            ),
            "— typed view": lambda: checkpoint.from_document(key, raw, doc),
            "manifest S and after (tail)": lambda: checkpoint.tail(
                store, cp, named[cp.sequence - 1 :], verifier
            ),
        }
    else:
        raws = [(k, store.get(k)) for k in keys]
        steps |= {
            f"manifest 1 ({len(raws[0][1]) // 1000} KB) checked": lambda: parse_manifest(
                *raws[0], verifier
            ),
            "manifests after it": lambda: [parse_manifest(k, r, verifier) for k, r in raws[1:]],
        }
    steps["the whole chain (read_stream)"] = lambda: checkpoint.read_stream(
        store, src, tenant, verifier
    )
    return steps


def time_steps(ctxs: dict[str, Context], repeat: int) -> None:
    """``chain_steps`` of each archive, each step on both in turn, CPU, medians."""
    steps = {a: chain_steps(ctxs[a]) for a in ARCHIVES}
    times: dict[tuple[str, str], list[float]] = {}
    for r in range(repeat + 1):
        for a in ARCHIVES if r % 2 else ARCHIVES[::-1]:
            for name, step in steps[a].items():
                t = time.process_time()
                step()
                if r:  # the first round warms up
                    times.setdefault((a, name), []).append(time.process_time() - t)
    print(f"chain steps, medians of {repeat}, cpu clock\n")
    print("| archive | step | ms |\n|---|---|---:|")
    for a in ARCHIVES:
        for name in steps[a]:
            print(f"| {a} | {name} | {statistics.median(times[(a, name)]) * 1e3:.2f} |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", type=Path, help="the --keep folder of bench/longevity.py")
    ap.add_argument("--users", type=int, default=20, help="as given to longevity.py")
    ap.add_argument("--repeat", type=int, default=9)
    ap.add_argument("--ops", default=",".join(OPS), help="which of export,retrieve,once to time")
    ap.add_argument("--profile", choices=OPS, help="profile this command instead of timing")
    ap.add_argument("--archive", choices=ARCHIVES, default="runs")
    ap.add_argument("--sort", default="cumulative")
    ap.add_argument("--top", type=int, default=45)
    ap.add_argument("--steps", action="store_true", help="time the chain read's steps")
    args = ap.parse_args(argv)
    person, session, once = targets(args.users)
    sessions = {"export": session, "retrieve": session, "once": once}
    ctxs = {
        a: open_ctx(args.dir / a / "archiver.yaml", sealed_private_key=sealed_key(args.dir / a))
        for a in ARCHIVES
    }
    scratch = Path(tempfile.mkdtemp(prefix="bench-kept-"))
    n = 0

    def fresh() -> Path:
        nonlocal n
        n += 1
        return scratch / f"out-{n}"

    try:
        if args.steps:
            time_steps(ctxs, args.repeat)
            return 0
        if args.profile:
            call = caller(ctxs[args.archive], args.profile, person, sessions[args.profile])
            call(fresh())
            prof = cProfile.Profile(time.process_time)
            for _ in range(args.repeat):
                out = fresh()
                prof.enable()
                call(out)
                prof.disable()
            pstats.Stats(prof).sort_stats(args.sort).print_stats(args.top)
            return 0
        cells = []
        for op in args.ops.split(","):
            calls = {a: caller(ctxs[a], op, person, sessions[op]) for a in ARCHIVES}
            for a in ARCHIVES:
                calls[a](fresh())
            times: dict[str, list[float]] = {a: [] for a in ARCHIVES}
            for _ in range(args.repeat):
                for a in ARCHIVES:
                    times[a].append(calls[a](fresh()))
            one, runs = (statistics.median(times[a]) * 1e3 for a in ARCHIVES)
            cells.append(f"{op} {one:.1f} → {runs:.1f} ms ({runs / one:.2f}×)")
        print(f"medians of {args.repeat}, cpu clock: " + "; ".join(cells))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
