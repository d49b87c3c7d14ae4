"""Every command says in its ``--help`` what its exit codes mean, and the codes it lists are
the ones the README documents; ``ARCHIVER_CONFIG`` stands in for ``--config``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from archiver.cli import cli
from archiver.errors import EXIT_USAGE
from archiver.ops.init import init_dir
from tests.conftest import logging_restored

ROOT = Path(__file__).resolve().parents[2]

#: The operator's commands; the privacy officer's (export, retrieve, erase, hold, restore,
#: ledger) are checked by their own tests.
COMMANDS = (
    "run",
    "verify",
    "gc",
    "doctor",
    "prune",
    "init",
    "demo",
    "simulate",
    "status",
    "search",
    "produce",
    "verify-bundle",
)


def readme_exit_codes() -> set[int]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split("### Exit codes", 1)[1].split("\n## ", 1)[0]
    return {int(m) for m in re.findall(r"^\| (\d+) \|", table, flags=re.MULTILINE)}


@pytest.mark.parametrize("name", COMMANDS)
def test_help_lists_the_exit_codes(name: str) -> None:
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Exit codes:" in result.output, result.output
    listed = {
        int(c) for c in re.findall(r"^\s+(\d+)\s{2}\S", result.output.split("Exit codes:")[1], re.M)
    }
    assert 0 in listed and 2 in listed
    assert listed <= readme_exit_codes(), f"{name} lists codes the README does not document"


def test_archiver_config_stands_in_for_config(tmp_path: Path) -> None:
    init_dir(tmp_path)
    cfg = tmp_path / "archiver.yaml"
    # click reads the variable on each call: the command runs in this process.
    with logging_restored():
        by_env = CliRunner().invoke(
            cli, ["verify", "--no-witness"], env={"ARCHIVER_CONFIG": str(cfg)}
        )
    assert by_env.exit_code == 0, by_env.stderr
    assert "OK: no problems found" in by_env.stdout
    with logging_restored():
        missing = CliRunner().invoke(cli, ["verify", "--no-witness"], env={"ARCHIVER_CONFIG": ""})
    assert missing.exit_code == EXIT_USAGE
    assert "--config" in missing.stderr and "ARCHIVER_CONFIG" in missing.stderr
