"""Where masking's CPU goes, split exactly: the detectors' scans of distinct texts against the
work done on every record (the walk over a record, a person's known values, learning, cache
lookups, pseudonyms, row building), on the records of ``bench/masking_throughput.py``.

    .venv/bin/python bench/masking_split.py [--users 400] [--repeat 7]

Every figure is CPU time of this process (``time.thread_time``), the fastest of ``--repeat``
runs, variants interleaved (the order alternates), each run with fresh caches as
``masking_throughput.transform`` gives them, in microseconds per message:

- no-op and masked: ``masking_throughput``'s two transforms; masking = masked - no-op;
- masked, texts pre-scanned: the fresh masker's text cache filled (untimed) with every distinct
  text a run scans, so the run pays only the per-record work; the scans = masked - this;
- the same without one piece (a stub, so not masking as shipped: upper bounds of what that
  piece costs): the search for a person's known values (``Detectors.known_in``), the walk over
  a record's fields (``Masker.mask_record``);
- the scans timed alone over the distinct texts: ``Masker._scan``, ``Detectors.scan_prepared``
  and ``NameFinder.find`` (with the anchors the detectors hand it);
- the garbage collector's time inside the masked and no-op runs (``gc.callbacks``).
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from archiver.config import load_config
from archiver.context import Context
from archiver.crawl.workers import fewer_collections
from archiver.ops.init import init_dir
from archiver.transform.detectors import Detectors, json_view
from archiver.transform.mask import Masker
from archiver.transform.names import NameFinder
from bench import masking_throughput as mt


@contextmanager
def patched(obj: Any, name: str, value: Any) -> Iterator[None]:
    old = getattr(obj, name)
    setattr(obj, name, value)
    try:
        yield
    finally:
        setattr(obj, name, old)


def cpu(work: Callable[[], object]) -> float:
    c = time.thread_time()
    work()
    return time.thread_time() - c


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--users", type=int, default=400)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    messages = [r for r in mt.records(args.users) if r.table == "messages"]
    n = len(messages)
    texts: list[str] = []
    finder_inputs: list[tuple[str, list[tuple[int, int]]]] = []
    scan = Masker._scan
    find = NameFinder.find

    def recording_scan(self: Masker, text: str) -> Any:
        if text not in self._texts:
            texts.append(text)
        return scan(self, text)

    def recording_find(self: NameFinder, text: str, anchors: Iterable[tuple[int, int]] = ()) -> Any:
        finder_inputs.append((text, list(anchors)))
        return find(self, text, finder_inputs[-1][1])

    with tempfile.TemporaryDirectory() as tmp, fewer_collections():
        ctx = Context.open(load_config(init_dir(Path(tmp) / "bench")))
        with patched(Masker, "_scan", recording_scan):
            mt.transform(ctx, ctx.masker, messages, None)
        with patched(NameFinder, "find", recording_find):
            fresh = mt.cold(ctx, ctx.masker)
            for t in texts:
                fresh._scan(t)
        noop = mt.NoopMasker(ctx.masker.policy, ctx.pseudo)
        cold = mt.cold

        def prescanned(ctx: Context, masker: Masker) -> Masker:
            out = cold(ctx, masker)
            if not isinstance(out, mt.NoopMasker):
                for t in texts:
                    out._scan(t)
            return out

        def run(
            masker: Masker, stubs: tuple[tuple[Any, str, Any], ...] = (), pre: bool = False
        ) -> float:
            if pre:
                mt.cold = prescanned
            try:
                with _all(stubs):
                    return mt.transform(ctx, masker, messages, None)[1]
            finally:
                mt.cold = cold

        no_known: tuple[tuple[Any, str, Any], ...] = (
            (Detectors, "known_in", lambda self, s, known: []),
        )
        no_walk: tuple[tuple[Any, str, Any], ...] = (
            (Masker, "mask_record", lambda self, st, table, data, *a, **k: data),
        )
        gc_time = {"masked": 0.0, "no-op": 0.0}
        spent: dict[str, list[float]] = {}
        started = [0.0]

        def on_gc(phase: str, info: dict[str, int]) -> None:
            if phase == "start":
                started[0] = time.thread_time()
            else:
                gc_time[current[0]] += time.thread_time() - started[0]

        current = ["masked"]
        gc_runs: dict[str, list[float]] = {"masked": [], "no-op": []}
        variants: list[tuple[str, Callable[[], float]]] = [
            ("no-op", lambda: run(noop)),
            ("masked", lambda: run(ctx.masker)),
            ("masked, texts pre-scanned", lambda: run(ctx.masker, pre=True)),
            ("pre-scanned, no known-value search", lambda: run(ctx.masker, no_known, True)),
            ("pre-scanned, no walk over the record", lambda: run(ctx.masker, no_walk, True)),
            ("scans alone: Masker._scan", lambda: _alone(ctx, "masker", texts, finder_inputs)),
            (
                "scans alone: Detectors.scan_prepared",
                lambda: _alone(ctx, "scan", texts, finder_inputs),
            ),
            ("scans alone: NameFinder.find", lambda: _alone(ctx, "names", texts, finder_inputs)),
        ]
        for i in range(args.repeat):
            for name, work in variants if i % 2 else variants[::-1]:
                if name in gc_runs:
                    current[0] = name
                    gc_time[name] = 0.0
                    gc.callbacks.append(on_gc)
                    try:
                        spent.setdefault(name, []).append(work())
                    finally:
                        gc.callbacks.remove(on_gc)
                    gc_runs[name].append(gc_time[name])
                else:
                    spent.setdefault(name, []).append(work())
    best = {k: min(spent[k]) / n * 1e6 for k, _ in variants}
    masking = best["masked"] - best["no-op"]
    scans = best["masked"] - best["masked, texts pre-scanned"]
    per_record = best["masked, texts pre-scanned"] - best["no-op"]
    print(f"{n} messages, {len(texts)} distinct texts scanned; fastest of {args.repeat} runs")
    print("\n| variant | µs/message (CPU) |\n|---|---:|")
    for k, v in best.items():
        print(f"| {k} | {v:.1f} |")
    for k, runs in gc_runs.items():
        print(
            f"| the garbage collector inside {k} (least of the runs) | {min(runs) / n * 1e6:.1f} |"
        )
    print(f"\nmasking (masked - no-op): {masking:.1f} µs a message")
    print(f"  scans of distinct texts (masked - pre-scanned): {scans:.1f} ({scans / masking:.0%})")
    print(f"  per-record work (pre-scanned - no-op): {per_record:.1f} ({per_record / masking:.0%})")
    for k in ("pre-scanned, no known-value search", "pre-scanned, no walk over the record"):
        saved = best["masked, texts pre-scanned"] - best[k]
        print(
            f"    {k.removeprefix('pre-scanned, no ')}: at most {saved:.1f} ({saved / masking:.0%})"
        )
    return 0


@contextmanager
def _all(stubs: tuple[tuple[Any, str, Any], ...]) -> Iterator[None]:
    if not stubs:
        yield
        return
    (obj, name, value), *rest = stubs
    with patched(obj, name, value), _all(tuple(rest)):
        yield


def _alone(
    ctx: Context,
    what: str,
    texts: list[str],
    finder_inputs: list[tuple[str, list[tuple[int, int]]]],
) -> float:
    """CPU seconds of one scan of every distinct text by a fresh masker (caches cold)."""
    masker = mt.cold(ctx, ctx.masker)
    if what == "masker":
        return cpu(lambda: [masker._scan(t) for t in texts])
    if what == "scan":
        views = [json_view(t)[0] for t in texts]
        return cpu(lambda: [masker.detectors.scan_prepared(v) for v in views])
    finder = masker.detectors._names
    assert finder is not None
    return cpu(lambda: [finder.find(t, a) for t, a in finder_inputs])


if __name__ == "__main__":
    sys.exit(main())
