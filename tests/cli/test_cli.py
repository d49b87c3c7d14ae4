"""The commands as a user types them: real processes, documented exit codes."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from archiver.simulators.peki import PekiSimulator
from tests.conftest import sealed_key, write_config
from tests.helpers import small_simulator

ARCHIVER = [sys.executable, "-m", "archiver"]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*ARCHIVER, *args], capture_output=True, text=True, timeout=120)


@pytest.fixture
def peki() -> Iterator[PekiSimulator]:
    """A few users: the processes and their exit codes are the point, not the volume."""
    with small_simulator(seed=11) as sim:
        yield sim


def test_init_run_restore(peki: PekiSimulator, tmp_path: Path) -> None:
    assert cli("init", "--dir", str(tmp_path)).returncode == 0
    cfg = write_config(tmp_path, peki)
    first = cli("run", "--config", str(cfg))
    assert first.returncode == 0, first.stderr
    assert "bot1" in first.stdout and "complete" in first.stdout
    again = cli("run", "--config", str(cfg), "--source", "peki-main")
    assert again.returncode == 0
    out = tmp_path / "restored"
    r = cli("restore", "--config", str(cfg), "--to", str(out), "--latest")
    assert r.returncode == 0, r.stderr
    msgs = ds.dataset(out / "messages", partitioning="hive").to_table()
    truth = sum(len(peki.truth(b)["messages"]) for b in ("bot1", "bot2"))
    assert msgs.num_rows == truth
    assert set(msgs.column_names) >= {
        "source",
        "tenant",
        "message_id",
        "session_id",
        "subject_id",
        "sender",
        "text",
        "created_at",
        "raw",
    }
    sessions = ds.dataset(out / "sessions", partitioning="hive").to_table()
    assert set(sessions.column_names) >= {
        "source",
        "tenant",
        "session_id",
        "subject_id",
        "status",
        "created_at",
        "updated_at",
        "raw",
    }
    users = ds.dataset(out / "users", partitioning="hive").to_table()
    assert set(users.column_names) >= {
        "source",
        "tenant",
        "subject_id",
        "created_at",
        "updated_at",
        "raw",
    }
    assert str(msgs.schema.field("created_at").type) == "timestamp[ms, tz=UTC]"


def test_restore_sealed_needs_the_private_key(peki: PekiSimulator, tmp_path: Path) -> None:
    cfg = write_config(tmp_path, peki)
    assert cli("run", "--config", str(cfg)).returncode == 0
    no_key = cli("restore", "--config", str(cfg), "--to", str(tmp_path / "o1"), "--sealed")
    assert no_key.returncode == 2
    assert "Traceback" not in no_key.stderr and "sealed" in no_key.stderr
    ok = cli(
        "restore",
        "--config",
        str(cfg),
        "--to",
        str(tmp_path / "o2"),
        "--sealed",
        "--sealed-key",
        str(sealed_key(tmp_path)),
    )
    assert ok.returncode == 0, ok.stderr
    users = ds.dataset(tmp_path / "o2" / "users", partitioning="hive").to_table().to_pylist()
    truth = peki.truth("bot1")["users"]
    emails = {u["email"] for u in truth.values() if u.get("email")}
    assert emails and any(e in u["raw"] for u in users for e in emails)


def test_unknown_source_is_a_usage_error(peki: PekiSimulator, tmp_path: Path) -> None:
    cfg = write_config(tmp_path, peki)
    out = cli("run", "--config", str(cfg), "--source", "nope")
    assert out.returncode == 2
    assert "nope" in out.stderr


def test_demo_runs_end_to_end(tmp_path: Path) -> None:
    out = cli("demo", "--dir", str(tmp_path / "demo"))
    assert out.returncode == 0, out.stderr
    assert "incremental run" in out.stdout and "restore --latest" in out.stdout
    assert (tmp_path / "demo" / "restored" / "messages").is_dir()
    assert "verify --deep: ok" in out.stdout and "chain intact" in out.stdout
    assert (tmp_path / "demo" / "export-of-one-person.zip").stat().st_size > 0
    for platform in ("st-helpdesk", "support-bot", "agent_sales"):
        assert platform in out.stdout
    # The legal team's part: a search, a hold by query and a case bundle that verifies.
    assert "search --text recall (masked rows): 3 conversation(s)" in out.stdout
    assert "verify-bundle: ok" in out.stdout
    bundle = tmp_path / "demo" / "case-DEMO-1"
    assert len(list((bundle / "NATIVES").glob("DEMO-1-*.html"))) == 3
    checked = cli("verify-bundle", str(bundle))
    assert checked.returncode == 0 and "ok: the bundle is as produced" in checked.stdout
