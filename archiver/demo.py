"""The embedded default: simulated platforms on loopback archived into a local folder.

Full run, live-like changes, incremental run, then what each cost and a restore of the result.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from archiver.cli.init import init_dir
from archiver.config import load_config
from archiver.context import Context
from archiver.crawl.engine import RunReport, run_archive
from archiver.ops.restore import RestoreReport, restore
from archiver.simulators.peki import PekiSimulator


@dataclass
class DemoStep:
    name: str
    report: RunReport
    platform_requests: dict[str, int]


@dataclass
class DemoResult:
    directory: Path
    config: Path
    steps: list[DemoStep] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    restored: RestoreReport | None = None


def run_demo(
    directory: Path, *, seed: int = 7, say: Callable[[str], None] = lambda _: None
) -> DemoResult:
    rng = random.Random(seed)
    bots = ("support-bot", "sales-bot")
    sim = PekiSimulator(
        seed=seed, chatbot_ids=bots, users_per_bot=25, rate_limit_per_minute=100_000
    )
    url = sim.start()
    try:
        cfg_path = init_dir(directory)
        doc = yaml.safe_load(cfg_path.read_text(encoding="utf-8"))
        doc["crawl"] = {"lag_seconds": 5}
        doc["sources"] = [
            {
                "name": "peki-demo",
                "type": "peki",
                "base_url": url,
                "api_key": sim.api_key,
                "api_secret": sim.api_secret,
                "chatbot_ids": list(bots),
            }
        ]
        cfg_path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
        result = DemoResult(directory=directory, config=cfg_path)
        ctx = Context.open(load_config(cfg_path))

        def step(name: str) -> None:
            say(f"{name} …")
            sim.reset_counters()
            report = run_archive(ctx)
            result.steps.append(DemoStep(name, report, sim.counters()))

        step("full run")
        result.changes = sim.random_changes(rng, 30)
        say(f"platform activity: {len(result.changes)} live-like changes")
        step("incremental run")
        step("incremental run, nothing changed")
        result.restored = restore(ctx, directory / "restored", latest=True)
        return result
    finally:
        sim.stop()


def format_demo(result: DemoResult) -> str:
    lines = [f"archive: {result.directory / 'archive'}", ""]
    header = (
        f"{'run':<34} {'stream':<24} {'users':>6} {'sessions':>8} {'messages':>8} "
        f"{'pages':>6} {'bytes':>9}"
    )
    lines.append(header)
    lines.append("-" * len(header))
    for st in result.steps:
        for s in st.report.streams:
            r = s.records
            lines.append(
                f"{st.name:<34} {s.tenant:<24} {r.get('users', 0):>6} {r.get('sessions', 0):>8} "
                f"{r.get('messages', 0):>8} {s.pages:>6} {s.bytes:>9}"
            )
        lines.append(f"{'':<34} platform requests: {st.platform_requests.get('total', 0)}")
    if result.restored:
        rows = ", ".join(f"{t} {n}" for t, n in sorted(result.restored.rows.items()))
        lines += ["", f"restore --latest → {result.directory / 'restored'}: {rows}"]
    lines.append(f"config: {result.config}")
    return "\n".join(lines)
