"""The fork server's children are real ``archiver`` processes: a SIGKILL ends one mid-work.

Kill tests start their ``archiver`` processes from a fork server (tests/faults/helpers.py) that
imported the program once. What they prove holds only if each child is a process of its own
that a SIGKILL stops where it is, with none of the program's cleanup run.
"""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

from archiver.simulators.peki import PekiSimulator
from tests.conftest import BOTS, write_config
from tests.faults.helpers import archiver_process, archiver_run, fork_server
from tests.helpers import archive_files


def _parent(pid: int) -> int:
    return int((Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[1])


def test_a_forked_run_killed_mid_work_runs_no_cleanup(peki: PekiSimulator, tmp_path: Path) -> None:
    """The child holds its streams' leases (written with its own pid) when it is killed; a
    run that ends, even on SIGTERM, releases them: here they stay, and nothing is committed."""
    peki.latency_seconds = 0.3
    cfg = write_config(tmp_path, peki, crawl={"page_size": 2, "concurrency": 1})
    proc = archiver_process("run", "--config", str(cfg))
    try:
        deadline = time.monotonic() + 60
        while len(archive_files(tmp_path, "locks")) < len(BOTS):
            assert proc.poll() is None, proc.communicate()[1][-2000:]
            assert time.monotonic() < deadline, "the run never took its leases"
            time.sleep(0.01)
        assert proc.pid not in (os.getpid(), fork_server().pid)
        assert _parent(proc.pid) == fork_server().pid
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(10) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
    assert not (Path("/proc") / str(proc.pid)).exists()
    locks = archive_files(tmp_path, "locks")
    assert len(locks) == len(BOTS), "the killed run released its leases: cleanup ran"
    assert {json.loads(p.read_bytes())["pid"] for p in locks} == {proc.pid}
    assert not archive_files(tmp_path, "manifests")


def test_a_forked_command_gets_its_arguments_folder_and_environment(tmp_path: Path) -> None:
    """Each child starts from the command line, folder and environment it is given, and its
    exit code and output come back as from ``subprocess.run``."""
    done = archiver_run("--version", cwd=tmp_path)
    assert done.returncode == 0 and "archiver" in done.stdout
    (tmp_path / "here.yaml").write_text("archive: [\n")
    env = dict(os.environ, ARCHIVER_LOG_FORMAT="text")
    here = archiver_run("run", "--config", "here.yaml", cwd=tmp_path, env=env)
    elsewhere = archiver_run("run", "--config", "here.yaml", cwd=tmp_path.parent)
    assert here.returncode == elsewhere.returncode == 2
    assert "No such file" in elsewhere.stderr and elsewhere.stderr.startswith("{")
    assert "No such file" not in here.stderr and here.stderr.startswith("error:"), here.stderr
