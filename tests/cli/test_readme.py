"""The README as a new user follows it: the block 'archiver simulate' prints goes in place of
the generated 'sources: []' and the run archives; pasted under it instead, the config is
refused with the fix. And no link in the README or docs leaves the repository."""

from __future__ import annotations

import re
import socket
import subprocess
import threading
import time
from pathlib import Path

from click.testing import CliRunner, Result

from archiver.cli import cli
from tests.conftest import logging_restored
from tests.obs.helpers import ARCHIVER, archiver_env

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", ROOT / "CHANGELOG.md", ROOT / "helm" / "README.md",
        ROOT / "bench" / "README.md", *sorted((ROOT / "docs").glob("*.md"))]  # fmt: skip


def archiver(*args: str) -> Result:
    """A command as the README runs it, in this process; the simulator stays a process of
    its own, serving as the README leaves it."""
    with logging_restored():
        return CliRunner().invoke(cli, list(args), env={"NO_PROXY": "127.0.0.1,localhost"})


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def printed_block(proc: subprocess.Popen[str], limit: float = 30) -> str:
    """What the simulator printed before it went quiet (it then serves until stopped)."""
    lines: list[str] = []
    assert proc.stdout is not None
    reader = threading.Thread(target=lambda: lines.extend(iter(proc.stdout.readline, "")))
    reader.daemon = True
    reader.start()
    deadline = time.monotonic() + limit
    while not any(line.strip().startswith("chatbot_ids") for line in lines):
        assert time.monotonic() < deadline and proc.poll() is None, lines
        time.sleep(0.05)
    time.sleep(0.3)  # the last list items
    return "".join(lines)


def test_the_block_simulate_prints_replaces_sources_and_the_run_archives(tmp_path: Path) -> None:
    assert archiver("init", "--dir", str(tmp_path)).exit_code == 0
    sim = subprocess.Popen(
        # As in the README, with a rate limit the test need not wait for.
        [
            *ARCHIVER,
            "simulate",
            "--platform",
            "peki",
            "--port",
            str(free_port()),
            "--rate-limit",
            "100000",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=archiver_env(),
    )
    try:
        block = printed_block(sim)
        assert block.startswith("# peki simulator on http://127.0.0.1:")
        cfg = tmp_path / "archiver.yaml"
        generated = cfg.read_text()

        cfg.write_text(generated + block)  # pasted under 'sources: []': refused, with the fix
        pasted_under = archiver("run", "--config", str(cfg))
        assert pasted_under.exit_code == 2, pasted_under.stderr
        assert "'sources' is given twice" in pasted_under.stderr
        assert "in place of 'sources: []'" in pasted_under.stderr

        cfg.write_text(generated.replace("sources: []\n", block, 1))  # as the README says
        run = archiver("run", "--config", str(cfg))
        assert run.exit_code == 0, run.stdout + run.stderr
        assert re.search(r"peki-sim/\S+\s+complete", run.stdout), run.stdout
    finally:
        sim.terminate()
        sim.wait(10)


def test_readme_using_it_runs_from_the_quick_starts_venv() -> None:
    """After the quick start 'archiver' is in .venv/bin, not on PATH: the README says how."""
    text = (ROOT / "README.md").read_text()
    using = text.split("## Using it", 1)[1].split("\n## ", 1)[0]
    assert ". .venv/bin/activate" in using or ".venv/bin/archiver" in using
    assert "duckdb -c" not in using, "pip install duckdb gives no duckdb command"
    assert "import duckdb" in using
    assert "archiver simulate" in using and "sources:" in using


def link_targets(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return re.findall(r"\]\(([^)\s]+)\)", text) + re.findall(r"`(\.\./[^`]+)`", text)


def test_no_link_in_the_docs_leaves_the_repository() -> None:
    found = 0
    for doc in DOCS:
        assert doc.exists(), doc
        for target in link_targets(doc):
            if re.match(r"https?://", target):
                continue
            found += 1
            where = target.split("#", 1)[0]
            assert not where.startswith(("/", "file:")), f"{doc.name}: {target}"
            resolved = (doc.parent / where).resolve()
            assert resolved.is_relative_to(ROOT), f"{doc.name} links outside: {target}"
            assert resolved.exists(), f"{doc.name} links to a missing file: {target}"
        text = doc.read_text(encoding="utf-8")
        assert "DESIGN §" not in text and "shared/" not in text, doc.name
    assert found > 20, "the scan found too few links to be scanning anything"
