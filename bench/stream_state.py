"""CPU of a stream's order-dependent state in the run process, against a base tree.

    .venv/bin/python bench/stream_state.py --base DIR [--messages 30000] [--workers 2]
        [--pairs 4]

Each round archives ``--messages`` synthetic messages (``bench/pipeline.py``'s ``archive``)
in a fresh process, the base tree's code then this tree's, alternating. In that process
``engine._consider`` (learning, dedup, the hold, contacts, committed keys, version
bookkeeping) is timed with ``time.thread_time`` without what it hands on (``engine._emit``,
timed apart): only two functions are wrapped, because a wrapper costs about 1-2 µs a call
here, more than most of the functions it would time. Prints µs a message of each round and
the median ratio this/base.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from statistics import median
from typing import Any

HERE = Path(__file__).resolve().parent.parent


def _one(n: int, workers: int) -> None:
    """One archive in this process, run from the tree being measured (the working directory)."""
    sys.path.insert(0, str(Path.cwd()))
    sys.path.insert(0, str(Path.cwd() / "bench"))
    import pipeline

    from archiver.crawl import engine

    spent = {"_consider": 0.0, "_emit": 0.0}
    stack: list[float] = []

    def timed(name: str, f: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            t = time.thread_time()
            stack.append(0.0)
            try:
                return f(*args, **kwargs)
            finally:
                took = time.thread_time() - t
                inner = stack.pop()
                if stack:
                    stack[-1] += took
                spent[name] += took - inner

        return wrapper

    engine._consider = timed("_consider", engine._consider)  # type: ignore[assignment]
    engine._emit = timed("_emit", engine._emit)  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as d:
        pipeline.archive(n, Path(d) / "a", workers)
    print(json.dumps({k: v / n * 1e6 for k, v in spent.items()}))


def _run(tree: Path, n: int, workers: int) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(tree))
    out = subprocess.run(
        [sys.executable, __file__, "_one", str(n), "--workers", str(workers)],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    got: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return got


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("what", nargs="?", default="compare", choices=["compare", "_one"])
    ap.add_argument("n", nargs="?", type=int)
    ap.add_argument("--base", type=Path)
    ap.add_argument("--messages", type=int, default=30_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--pairs", type=int, default=4)
    args = ap.parse_args()
    if args.what == "_one":
        _one(args.n, args.workers)
        return
    if args.base is None:
        ap.error("--base DIR: a base tree to compare with")
    base_us: list[float] = []
    this_us: list[float] = []
    for i in range(args.pairs):
        b = _run(args.base.resolve(), args.messages, args.workers)["_consider"]
        t = _run(HERE, args.messages, args.workers)["_consider"]
        base_us.append(b)
        this_us.append(t)
        print(f"round {i + 1}: _consider without _emit, µs a message: base {b:.2f}, this {t:.2f}")
    ratio = median(t / b for b, t in zip(base_us, this_us, strict=True))
    print(
        f"median base {median(base_us):.2f} µs, this {median(this_us):.2f} µs; "
        f"median ratio this/base {ratio:.3f}"
    )


if __name__ == "__main__":
    main()
