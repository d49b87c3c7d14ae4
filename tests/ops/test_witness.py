"""verify's witness where ``archive.witness`` puts it, outliving the machine verify runs on: a
folder on a volume, or records in another S3 bucket. A verify in a fresh "pod" (an empty
``$XDG_STATE_HOME``) still sees manifests cut from a chain's end, gc still refuses, and doctor
warns when no witness is configured."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from archiver.cli import cli
from archiver.ops.doctor import PASS, WARN, run_doctor
from archiver.ops.verify import StoreWitness, configured_witness, verify
from tests.conftest import logging_restored, open_ctx
from tests.helpers import RUNS, build_archive, manifest_path, small_simulator
from tests.s3 import MotoServer

pytestmark = pytest.mark.usefixtures("parsed_once_in_module")


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("witnessed")
    sim = small_simulator(seed=5)
    sim.start()
    try:
        build_archive(directory, sim, {"url": "archive"})
    finally:
        sim.stop()
    return directory


@pytest.fixture
def home(pristine: Path, tmp_path: Path) -> Iterator[Path]:
    target = tmp_path / "home"
    shutil.copytree(pristine, target)
    yield target


def in_a_new_pod(tmp_path: Path, n: int) -> dict[str, str]:
    """The environment of a fresh pod: nothing survives in its state folder."""
    state = tmp_path / f"pod-{n}"
    state.mkdir()
    return {"XDG_STATE_HOME": str(state)}


def archiver(*args: str, **env: str) -> Result:
    """The command as a pod runs it, in this process: what a new pod lacks is its state
    folder (``$XDG_STATE_HOME``, read on each call), not the process itself."""
    with logging_restored():
        return CliRunner().invoke(cli, list(args), env=env)


def set_archive(cfg: Path, **settings: object) -> None:
    doc = yaml.safe_load(cfg.read_text())
    doc["archive"] |= settings
    cfg.write_text(yaml.safe_dump(doc, sort_keys=False))


def cut_the_end_of_a_chain(home: Path) -> None:
    manifest_path(home, "bot1", RUNS).unlink()


def test_a_witness_folder_on_a_volume_outlives_the_pod(home: Path, tmp_path: Path) -> None:
    cfg = home / "archiver.yaml"
    set_archive(cfg, witness="volume/witness")  # relative to the config file

    first = archiver("verify", "--config", str(cfg), **in_a_new_pod(tmp_path, 1))
    assert first.exit_code == 0, first.stdout + first.stderr
    assert f"witness {home / 'volume' / 'witness'}" in first.stdout
    assert "heads recorded" in first.stdout and "no archive.witness" not in first.stdout
    assert len(list((home / "volume" / "witness").iterdir())) == 1

    cut_the_end_of_a_chain(home)
    second = archiver("verify", "--config", str(cfg), **in_a_new_pod(tmp_path, 2))
    assert second.exit_code == 4, second.stdout + second.stderr
    assert "PROBLEM [chain-truncated]" in second.stdout

    refused = archiver("gc", "--config", str(cfg), "--grace", "0s", **in_a_new_pod(tmp_path, 3))
    assert refused.exit_code == 4, refused.stdout + refused.stderr
    assert "gc refused" in refused.stderr


def test_without_a_configured_witness_verify_says_where_it_kept_it(
    home: Path, tmp_path: Path
) -> None:
    out = archiver("verify", "--config", str(home / "archiver.yaml"), **in_a_new_pod(tmp_path, 1))
    assert out.exit_code == 0, out.stderr
    assert "note: no archive.witness is configured" in out.stdout
    assert str(tmp_path / "pod-1") in out.stdout


def test_an_s3_witness_is_append_only_and_cannot_be_rolled_back(
    home: Path, moto_server: MotoServer
) -> None:
    bucket = moto_server.new_bucket(object_lock=True)
    cfg = home / "archiver.yaml"
    # The witness is in another bucket of the same endpoint (the archive itself stays local).
    set_archive(
        cfg,
        witness=f"s3://{bucket}/witnesses",
        endpoint_url=moto_server.endpoint_url,
        region=moto_server.region,
        path_style=True,
    )
    ctx = open_ctx(cfg, write=False)
    witness = configured_witness(ctx.config, ctx.store)
    assert isinstance(witness, StoreWitness)
    assert verify(ctx, witness=witness).witness_updated
    assert verify(ctx, witness=witness).witness_updated
    records = list(witness.store.list(witness.prefix))
    assert len(records) == 2, "each verify adds a record and replaces none"

    # Someone adds a record remembering older heads: the highest head of each stream wins.
    old = json.loads(witness.store.get(records[0].key))
    for head in old["streams"]:
        head["sequence"] = 1
    assert witness.store.put_if_absent(
        witness.prefix + "99991231T000000000000Z-rollback.json", json.dumps(old).encode()
    )
    assert {h["sequence"] for h in witness.read().values()} == {RUNS}

    report = run_doctor(cfg)
    check = next(c for c in report.checks if c.name == "witness")
    assert check.status == PASS and f"s3://{bucket}/witnesses" in check.detail, check

    cut_the_end_of_a_chain(home)
    truncated = verify(ctx, witness=configured_witness(ctx.config, ctx.store))
    assert [p.kind for p in truncated.problems] == ["chain-truncated"]
    assert not truncated.witness_updated


def test_doctor_warns_when_no_witness_is_configured(home: Path) -> None:
    report = run_doctor(home / "archiver.yaml")
    check = next(c for c in report.checks if c.name == "witness")
    assert check.status == WARN and "archive.witness is not set" in check.detail
