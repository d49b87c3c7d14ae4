"""Command start-up: CPU seconds of short ``archiver`` commands, this tree against a baseline.

A small local archive (``archiver init``, one simulated Peki platform in this process, one
``archiver run``) is built first; then each command runs as a fresh process, the trees
alternating round by round (baseline, this tree, baseline, …), and each process's user +
system CPU is read from ``getrusage`` of the children, so a loaded machine slows both alike.
``run (idle)`` is an incremental run against the same platform that finds nothing new.

    .venv/bin/python bench/startup.py [--baseline DIR] [--rounds 5]

``--baseline`` is another checkout of the project (e.g. ``git worktree add /tmp/base main``);
without it only this tree is measured.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from archiver.demo import source_entry
from archiver.ops.init import init_dir
from archiver.simulators.peki import PekiSimulator

HERE = Path(__file__).resolve().parents[1]

COMMANDS: dict[str, list[str]] = {
    "--help": ["--help"],
    "--version": ["--version"],
    "status": ["status", "--config", "{cfg}"],
    "verify": ["verify", "--no-witness", "--config", "{cfg}"],
    "run (idle)": ["run", "--config", "{cfg}"],
}


def cpu_of(tree: Path, args: list[str]) -> float:
    """User + system CPU seconds of one ``python -m archiver ARGS`` run from ``tree``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = {**os.environ, "PYTHONPATH": str(tree), "NO_PROXY": "127.0.0.1,localhost"}
    done = subprocess.run(
        [sys.executable, "-m", "archiver", *args],
        capture_output=True,
        env=env,
        cwd=tree,
        check=False,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{tree}: archiver {' '.join(args)} exited {done.returncode}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--baseline", type=Path, help="another checkout to compare against")
    parser.add_argument("--rounds", type=int, default=5)
    opts = parser.parse_args()
    trees = {"baseline": opts.baseline.resolve(), "this tree": HERE} if opts.baseline else {}
    trees = trees or {"this tree": HERE}
    with (
        tempfile.TemporaryDirectory() as tmp,
        PekiSimulator(seed=5, chatbot_ids=("bot1",), users_per_bot=8) as sim,
    ):
        cfg = init_dir(Path(tmp))
        doc = yaml.safe_load(cfg.read_text(encoding="utf-8"))
        doc["sources"] = [source_entry("peki", sim)]
        doc["crawl"] = {"lag_seconds": 0}
        cfg.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
        cpu_of(HERE, ["run", "--config", str(cfg)])  # the archive the commands read
        cpu: dict[tuple[str, str], list[float]] = {}
        for _ in range(opts.rounds):
            for name, template in COMMANDS.items():
                args = [a.replace("{cfg}", str(cfg)) for a in template]
                for label, tree in trees.items():
                    cpu.setdefault((name, label), []).append(cpu_of(tree, args))
    load = os.getloadavg()
    print(f"{opts.rounds} rounds, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    labels = list(trees)
    print("| command | " + " | ".join(f"{x} CPU s (median)" for x in labels) + " | ratio |")
    print("|---|" + "---:|" * (len(labels) + 1))
    for name in COMMANDS:
        medians = [statistics.median(cpu[(name, label)]) for label in labels]
        ratio = medians[-1] / medians[0] if medians[0] else float("nan")
        print(f"| `{name}` | " + " | ".join(f"{m:.2f}" for m in medians) + f" | {ratio:.2f} |")


if __name__ == "__main__":
    main()
