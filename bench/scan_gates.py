"""Scan gates: what the cheap tests in front of the encoded-value and spelled-number rules
cost per text, against the whole scan of the same texts measured in the same run.

Texts: the tuned corpus of ``bench/masking_quality.py`` (``--messages``). Each piece is timed
as the fastest of ``--repeat`` interleaved passes over every text (process CPU time with
``--clock cpu``); the ratio is the piece's time over the scan's.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from archiver.transform import detectors as d
from archiver.transform.policy import load_policy
from bench.masking_quality import corpus


def _pass(fn: Callable[[str], object], texts: list[str], clock: Callable[[], float]) -> float:
    t0 = clock()
    for t in texts:
        fn(t)
    return clock() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--messages", type=int, default=5_000)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--clock", choices=("cpu", "wall"), default="cpu")
    args = ap.parse_args(argv)
    clock = time.process_time if args.clock == "cpu" else time.perf_counter
    texts = [s.text for s in corpus(args.messages, 1)]
    lowered = [t.lower() for t in texts]
    det = d.Detectors(load_policy().detectors)

    def percent_gate(t: str) -> object:
        return "%" in t and d._PERCENT_HINT.search(t) is not None

    pieces: dict[str, tuple[Callable[[str], object], list[str]]] = {
        "scan (whole, names included)": (det.scan_prepared, texts),
        "percent-escape gate": (percent_gate, texts),
        "spelled gate, words only (before)": (d._SPELLED_GATE_RE.search, lowered),
        "spelled gate, two digit words in a row (added)": (d._SPELLED_RUN.search, lowered),
    }
    best = dict.fromkeys(pieces, float("inf"))
    for _ in range(args.repeat):
        for name, (fn, inputs) in pieces.items():
            best[name] = min(best[name], _pass(fn, inputs, clock))
    scan = best["scan (whole, names included)"]
    print(f"{len(texts)} texts, fastest of {args.repeat} passes, clock {args.clock}")
    print("| piece | µs a text | share of the scan |")
    print("|---|---:|---:|")
    for name, t in best.items():
        print(f"| {name} | {t * 1e6 / len(texts):.2f} | {t / scan:.4f} |")
    opened = sum(1 for t in texts if percent_gate(t) and d.percent_view(t)[1] is not None)
    spelled = sum(1 for t in lowered if d._SPELLED_RUN.search(t) is not None)
    print(f"texts scanned again decoded: {opened}; texts the added spelled gate opens: {spelled}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
