"""A command imports what it needs: reading an archive (``status``, ``verify``, ``ledger``) loads
neither the masker nor the AWS SDKs, ``--version`` no command at all; ``run`` still loads the
masking policy and the keyrings before any work, and its manifests record the policy as before."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from archiver.cli import COMMANDS, cli
from archiver.ops.init import init_dir
from archiver.transform.policy import load_policy
from tests.conftest import BOTS, open_ctx
from tests.obs.helpers import archiver_env

ROOT = Path(__file__).resolve().parents[2]

#: What a command that neither masks nor opens objects must not import.
HEAVY = (
    "archiver.transform.names",
    "archiver.transform.policy",
    "archiver.archive.crypto",
    "archiver.archive.store_s3",
    "aws_encryption_sdk",
    "boto3",
    "botocore",
)

#: Runs the CLI in this fresh interpreter, then reports its exit code and what it imported.
_PROBE = """
import json, sys
from archiver.cli import cli
code = 0
try:
    cli.main(sys.argv[2:], prog_name="archiver", standalone_mode=False)
except SystemExit as exc:
    code = exc.code or 0
heavy = json.loads(sys.argv[1])
print(json.dumps({
    "code": code,
    "heavy": sorted(m for m in sys.modules if any(m == h or m.startswith(h + ".") for h in heavy)),
    "commands": sorted(m for m in sys.modules if m.startswith("archiver.cli.")),
}))
"""


def probe(*args: str) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(HEAVY), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=archiver_env(),
        timeout=120,
        check=True,
    )
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.parametrize(
    "command", [["status"], ["verify", "--no-witness"], ["ledger", "list"]], ids=" ".join
)
def test_reading_a_local_archive_loads_neither_the_masker_nor_boto3(
    archived: Path, command: list[str]
) -> None:
    result = probe(*command, "--config", str(archived))
    assert result["code"] == 0, result
    assert result["heavy"] == [], result


def test_run_loads_the_masker_and_keyrings_first(tmp_path: Path) -> None:
    """The probe sees what a masking command imports (and so would see a regression)."""
    cfg = init_dir(tmp_path)
    result = probe("run", "--allow-empty", "--config", str(cfg))
    assert result["code"] == 0, result
    heavy = result["heavy"]
    assert isinstance(heavy, list)
    assert {"archiver.transform.names", "aws_encryption_sdk", "boto3"} <= set(heavy)


def test_version_imports_no_command(tmp_path: Path) -> None:
    result = probe("--version")
    assert result["code"] == 0
    assert result["commands"] == ["archiver.cli.common"], result


def test_help_lists_every_command_with_its_short_help() -> None:
    out = CliRunner().invoke(cli, ["--help"])
    assert out.exit_code == 0, out.output
    listed = out.output.split("Commands:\n", 1)[1]
    for name in COMMANDS:
        command = cli.get_command(click.Context(cli), name)
        assert command is not None and command.name == name
        line = next(x for x in listed.splitlines() if x.split()[:1] == [name])
        assert command.get_short_help_str(limit=200)[:12] in line


def test_an_unknown_command_is_a_usage_error() -> None:
    out = CliRunner().invoke(cli, ["no-such-command"])
    assert out.exit_code == 2 and "No such command" in out.output


def test_manifests_record_the_policy_as_loading_it_says(archived: Path) -> None:
    """The policy is read lazily now; what a manifest records of it is what loading the
    configured policy gives, for every manifest of every stream."""
    ctx = open_ctx(archived, write=False)
    masking = ctx.config.masking
    expected = load_policy(
        masking.policy, default_region=masking.default_region, token_hash=masking.token_hash
    ).ref
    assert ctx.policy_ref == expected
    for bot in BOTS:
        manifests = ctx.catalog.chain("peki-main", bot).manifests
        assert manifests
        for m in manifests:
            assert json.dumps(m.doc["policy"], sort_keys=True) == json.dumps(
                expected, sort_keys=True
            )
