"""The embedded default: simulated platforms on loopback archived into a local folder.

All three platforms (Peki, Kore.ai, Selise Blocks) are simulated at once: full run, live-like
changes, incremental runs, then what each cost and a restore of the result.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from archiver.config import load_config
from archiver.context import Context
from archiver.crawl.engine import RunReport, run_archive
from archiver.ops.bundle import BundleCheck, verify_bundle
from archiver.ops.discovery import Query, SearchResult, search
from archiver.ops.export import ExportNotice, ExportReport, export
from archiver.ops.hold import place_query
from archiver.ops.init import init_dir, sealed_private_key_path
from archiver.ops.produce import ProduceReport, produce
from archiver.ops.restore import RestoreReport, restore
from archiver.ops.retrieve import Transcript, retrieve
from archiver.ops.verify import VerifyReport, verify
from archiver.simulators.kore import KoreSimulator
from archiver.simulators.peki import PekiSimulator
from archiver.simulators.selise import SeliseSimulator


@dataclass
class DemoStep:
    name: str
    report: RunReport
    platform_requests: dict[str, int]  # platform → requests its simulator counted


@dataclass
class DemoResult:
    directory: Path
    config: Path
    steps: list[DemoStep] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    restored: RestoreReport | None = None
    exported: ExportReport | None = None
    export_path: Path | None = None
    transcript: Transcript | None = None
    transcript_path: Path | None = None
    verified: VerifyReport | None = None
    searched: SearchResult | None = None
    produced: ProduceReport | None = None
    bundle_path: Path | None = None
    bundle_check: BundleCheck | None = None


#: A word the demo plants in a few conversations, for the legal team's search and case.
DEMO_WORD = "recall"


def _simulators(seed: int) -> dict[str, Any]:
    return {
        "peki": PekiSimulator(
            seed=seed,
            chatbot_ids=("support-bot", "sales-bot"),
            users_per_bot=25,
            rate_limit_per_minute=100_000,
        ),
        # The documented Kore limits (60/min, 1,800/h per bot): the source paces itself.
        "kore": KoreSimulator(seed=seed, bot_ids=("st-helpdesk",), users_per_bot=15),
        "selise": SeliseSimulator(
            seed=seed,
            agents=(("agent_sales", "widget_web"),),
            users_per_agent=15,
            require_token=True,
        ),
    }


def source_entry(name: str, sim: PekiSimulator | KoreSimulator | SeliseSimulator) -> dict[str, Any]:
    """The config entry (``sources[]``) that archives everything ``sim`` serves."""
    if isinstance(sim, PekiSimulator):
        return {
            "name": name,
            "type": "peki",
            "base_url": sim.base_url,
            "api_key": sim.api_key,
            "api_secret": sim.api_secret,
            "chatbot_ids": list(sim.chatbot_ids),
        }
    if isinstance(sim, KoreSimulator):
        return {
            "name": name,
            "type": "kore",
            "base_url": sim.base_url,
            "client_id": sim.client_id,
            "client_secret": sim.client_secret,
            "bot_ids": list(sim.bot_ids),
        }
    entry: dict[str, Any] = {
        "name": name,
        "type": "selise",
        "base_url": sim.base_url,
        "project_key": sim.project_key,
        "agents": [{"agent_id": a, "widget_id": sim.widget_of(a)} for a in sim.agent_ids],
    }
    if sim.require_token:
        entry |= {"client_id": sim.client_id, "client_secret": sim.client_secret}
    return entry


def run_demo(
    directory: Path, *, seed: int = 7, say: Callable[[str], None] = lambda _: None
) -> DemoResult:
    rng = random.Random(seed)
    sims = _simulators(seed)
    for sim in sims.values():
        sim.start()
    try:
        cfg_path = init_dir(directory)
        doc = yaml.safe_load(cfg_path.read_text(encoding="utf-8"))
        doc["crawl"] = {"lag_seconds": 5}
        doc["sources"] = [source_entry(f"{p}-demo", sim) for p, sim in sims.items()]
        cfg_path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
        result = DemoResult(directory=directory, config=cfg_path)
        ctx = Context.open(load_config(cfg_path))

        def step(name: str) -> None:
            say(f"{name} …")
            for sim in sims.values():
                sim.reset_counters()
            report = run_archive(ctx)
            used = {p: sim.counters()["total"] for p, sim in sims.items()}
            result.steps.append(DemoStep(name, report, used))

        step("full run")
        for name, sim in sims.items():
            result.changes += [f"{name}: {c}" for c in sim.random_changes(rng, 15)]
        peki_truth = sims["peki"].truth("support-bot")
        for sid in sorted(peki_truth["sessions"])[:3]:
            sims["peki"].add_message(
                "support-bot", sid, text=f"Is my kettle part of the {DEMO_WORD}?"
            )
            result.changes.append(f"peki: new_message in {sid} mentioning the {DEMO_WORD}")
        say(f"platform activity: {len(result.changes)} live-like changes")
        # A minute passes on every platform: the changes fall outside the next run's
        # safety overlap (lag_seconds), so the run after next has nothing to read again.
        sims["peki"].clock_skew_seconds += 60
        sims["kore"].advance(60)
        sims["selise"].advance(60)
        step("incremental run")
        step("incremental run, nothing changed")
        result.restored = restore(ctx, directory / "restored", latest=True)
        # What the privacy officer and the legal team do, with the offline sealed key.
        # Every opening of sealed originals is signed into the ledger: the officer signs.
        # Opening sealed originals signs an access record: the officer's context writes.
        officer = Context.open(
            load_config(cfg_path), sealed_private_key=sealed_private_key_path(directory)
        )
        truth = sims["peki"].truth("support-bot")
        person = next(iter(truth["users"]))
        say("export of one person, a transcript, and verify …")
        result.export_path = directory / "export-of-one-person.zip"
        result.exported = export(
            officer,
            person,
            result.export_path,
            notice=ExportNotice(controller="Demo Ltd (a demonstration)", contact="privacy@demo"),
            operator="archiver demo",
            reason="demonstration",
        )
        session = next(s for s, r in truth["sessions"].items() if r["chatUserId"] == person)
        result.transcript_path = directory / "transcript.txt"
        result.transcript = retrieve(
            officer,
            session,
            result.transcript_path,
            source="peki-demo",
            operator="archiver demo",
            reason="demonstration",
        )
        # The legal team: search, hold what matches, and produce the case bundle.
        say("search, hold by query, case bundle …")
        result.searched = search(ctx, Query(text=DEMO_WORD))
        place_query(
            officer,
            "DEMO-1",
            Query(text=DEMO_WORD),
            operator="archiver demo",
            reason="demonstration",
            custodian="Legal (demo)",
        )
        result.bundle_path = directory / "case-DEMO-1"
        result.produced = produce(
            officer, "DEMO-1", result.bundle_path, operator="archiver demo", reason="demonstration"
        )
        result.bundle_check = verify_bundle(result.bundle_path, trusted=ctx.verifier)
        result.verified = verify(ctx, deep=True)
        return result
    finally:
        for sim in sims.values():
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
        used = ", ".join(f"{p} {n}" for p, n in st.platform_requests.items())
        lines.append(f"{'':<34} platform requests: {used}")
    if result.restored:
        rows = ", ".join(f"{t} {n}" for t, n in sorted(result.restored.rows.items()))
        lines += ["", f"restore --latest → {result.directory / 'restored'}: {rows}"]
    if result.exported and result.export_path:
        e = result.exported
        lines.append(
            f"export of one person → {result.export_path}: {e.sessions} sessions, "
            f"{e.messages} messages ({e.objects_read} of {e.objects_total} objects read)"
        )
    if result.transcript and result.transcript_path:
        t = result.transcript
        lines.append(
            f"transcript → {result.transcript_path}: {len(t.messages)} messages, "
            f"{len(t.versions)} version(s), chain {t.custody['chain']['result']}"
        )
    if result.searched:
        found = result.searched
        lines.append(
            f"search --text {DEMO_WORD} (masked rows): {found.total} conversation(s), "
            f"{found.objects_read} of {found.objects_total} message objects read"
        )
        for conv in found.conversations[:3]:
            lines.append(f"    {conv.source}/{conv.tenant} {conv.session_id}: {conv.snippet}")
    if result.produced and result.bundle_path:
        b = result.produced
        lines.append(
            f"hold place --query --text {DEMO_WORD} --case DEMO-1, then produce → "
            f"{result.bundle_path}: {b.documents} document(s) {b.first_bates} … {b.last_bates}, "
            f"{b.messages} messages, load file DATA/DEMO-1.dat"
        )
    if result.bundle_check:
        c = result.bundle_check
        lines.append(
            f"verify-bundle: {'ok' if c.ok else 'PROBLEMS'}: {c.files} files, "
            f"{c.manifests} manifest(s), {c.objects} object entries, custody signed by the "
            "archive's key"
        )
    if result.verified:
        v = result.verified
        lines.append(
            f"verify --deep: {'ok' if v.ok else 'PROBLEMS'}: {v.manifests} manifests, "
            f"{v.objects} objects, {v.decrypted} decrypted, "
            f"{len(v.problems)} problem(s)"
        )
    lines.append(f"config: {result.config}")
    return "\n".join(lines)
