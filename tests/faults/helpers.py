"""What every scenario of the fault campaign checks once its faults are over.

After faults, kills and changes, one clean run must bring the archive to the platform's truth
(nothing lost, nothing committed twice), ``verify`` must find the chain intact, and nothing may
have been written outside the archive root (for S3: outside the configured prefix).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from archiver.crawl.engine import run_archive
from archiver.errors import (
    EXIT_CONFLICT,
    EXIT_FAILURE,
    EXIT_OK,
    EXIT_PARTIAL,
    ArchiverError,
)
from archiver.ops.verify import verify
from tests.archive_truth import check_archive
from tests.conftest import open_ctx
from tests.contract.platforms import Platform
from tests.s3 import MotoServer

#: What ``archiver run`` may exit with under faults: ok, failed, partial, conflict.
RUN_EXIT_CODES = frozenset({EXIT_OK, EXIT_FAILURE, EXIT_PARTIAL, EXIT_CONFLICT})
PYTHON = sys.executable


def slow() -> bool:
    return os.environ.get("ARCHIVER_SLOW_TESTS") == "1"


def run_in_process(cfg: Path) -> tuple[int, list[str]]:
    """One run: its exit code and the errors of its streams. An ``ArchiverError`` ends it
    with that error's exit code, as the CLI would; anything else is a bug and propagates."""
    try:
        report = run_archive(open_ctx(cfg))
    except ArchiverError as exc:
        return exc.exit_code, [str(exc)]
    return report.exit_code, [s.error for s in report.streams if s.error]


def run_cli(cfg: Path, *extra: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``archiver run`` in a real process (forked from the fork server, below)."""
    return archiver_run("run", "--config", str(cfg), *extra, cwd=cwd or cfg.parent)


def tree(directory: Path, *, skip: tuple[str, ...] = ("archive",)) -> set[str]:
    """Every file and folder under ``directory`` except the top-level ones named in ``skip``."""
    out: set[str] = set()
    for path in directory.rglob("*"):
        rel = path.relative_to(directory)
        if rel.parts[0] not in skip:
            out.add(rel.as_posix())
    return out


@contextmanager
def nothing_written_outside(
    directory: Path, *, skip: tuple[str, ...] = ("archive",)
) -> Iterator[None]:
    """Runs in the block may write only under ``directory/archive`` (and the folders in
    ``skip``): a file appearing anywhere else in ``directory`` fails the test."""
    before = tree(directory, skip=skip)
    yield
    extra = sorted(tree(directory, skip=skip) - before)
    assert not extra, f"files written outside the archive root: {extra[:10]}"


def bucket_keys_outside(moto: MotoServer, bucket: str, prefix: str) -> list[str]:
    keys: list[str] = []
    for page in moto.client().get_paginator("list_objects_v2").paginate(Bucket=bucket):
        keys.extend(item["Key"] for item in page.get("Contents", []))
    assert keys, "the bucket is empty: nothing was archived"
    return [k for k in keys if not k.startswith(prefix)]


def local_copy(cfg: Path, moto: MotoServer, bucket: str, prefix: str) -> Path:
    """The bucket's archive copied key for key into a folder, with a config that reads it.

    The truth check reads every object a few times; over moto that costs ~15 ms a read, so it
    reads a faithful copy instead (the same keys and bytes, read once from S3)."""
    root = cfg.parent / "s3-copy"
    s3 = moto.client()
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        for item in page.get("Contents", []):
            target = root / item["Key"][len(prefix) :]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(s3.get_object(Bucket=bucket, Key=item["Key"])["Body"].read())
    doc = yaml.safe_load(cfg.read_text())
    doc["archive"] = {"url": str(root)}
    copy = cfg.with_name("archiver-s3-copy.yaml")
    copy.write_text(yaml.safe_dump(doc, sort_keys=False))
    return copy


def settle_and_check(
    cfg: Path,
    platform: Platform,
    tmp: Path,
    *,
    deep: bool = True,
    s3: tuple[MotoServer, str, str] | None = None,
) -> None:
    """The clean run, then truth (nothing lost or duplicated) and an intact chain; for an S3
    archive (``s3`` = server, bucket, prefix) also no key outside the prefix."""
    code, errors = run_in_process(cfg)
    assert code == EXIT_OK, errors
    if s3 is not None:
        moto, bucket, prefix = s3
        assert bucket_keys_outside(moto, bucket, prefix) == []
        cfg = local_copy(cfg, moto, bucket, prefix)
    check_archive(cfg, platform, tmp)
    report = verify(open_ctx(cfg, write=False), deep=deep)
    assert report.exit_code == EXIT_OK, [p.to_json() for p in report.problems]
    assert report.manifests > 0


def faults_seen(counters: dict[str, Any]) -> int:
    """Faults a simulator answered with (anything but a 200 or a 404)."""
    return sum(
        v for k, v in counters.items() if k.startswith("status.") and k not in ("status.200",)
    )


# --- Real ``archiver`` processes without the import per process --------------------------------
#
# Each ``python -m archiver`` spends about a second of CPU importing (boto3, pyarrow, the
# masker) before it does anything. Kill tests start one process per kill point, so a fork
# server imports the program once and forks a child per command: the child runs the CLI's
# ``main`` in a real process of its own (its own pid, files, signals), which the test can
# SIGKILL or SIGTERM like any other; only the imports are shared.

#: What the fork server imports before it forks: everything ``archiver <command>`` loads.
_PRELOAD = (
    "archiver.cli",
    "archiver.cli.run",
    "archiver.cli.compact",
    "archiver.cli.restore",
    "archiver.cli.verify",
    "archiver.crawl.engine",
    "archiver.crawl.workers",
    "archiver.archive.store_s3",
    "archiver.ops.verify",
    "archiver.ops.compact",
    "archiver.ops.restore",
    "boto3",
    "botocore.session",
    "pyarrow.dataset",
    "pyarrow.parquet",
)

_SERVER = r"""
import importlib, json, os, signal, socket, sys, traceback
sock = socket.socket(fileno=int(sys.argv[1]))
for name in sys.argv[2].split(","):
    try:
        importlib.import_module(name)
    except ImportError:
        pass
from archiver.cli import main
sock.sendall(b"ready\n")
while True:
    msg, fds, _, _ = socket.recv_fds(sock, 1 << 16, 3)
    if not msg:
        break
    req = json.loads(msg)
    if req["op"] == "poll":
        pid, status = os.waitpid(req["pid"], os.WNOHANG)
        code = None if pid == 0 else os.waitstatus_to_exitcode(status)
        sock.sendall(json.dumps({"code": code}).encode())
        continue
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            sock.close()
            for target, fd in enumerate(fds):
                os.dup2(fd, target)
                os.close(fd)
            os.chdir(req["cwd"])
            os.environ.clear()
            os.environ.update(req["env"])
            signal.signal(signal.SIGINT, signal.default_int_handler)
            if req["prelude"] is not None:  # a script run as __main__ (it may call main itself)
                sys.argv = ["-c", *req["prelude_argv"]]
                exec(compile(req["prelude"], "<prelude>", "exec"), {"__name__": "__main__"})
            sys.argv = ["archiver", *req["argv"]]
            main()  # ends the process with os._exit
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(code)
    for fd in fds:
        os.close(fd)
    sock.sendall(json.dumps({"pid": pid}).encode())
while True:  # reap what is left, so that every child's CPU time is counted
    try:
        os.wait()
    except ChildProcessError:
        break
"""


class ForkServer:
    """One process that imported the program; ``start`` forks a child per command."""

    def __init__(self) -> None:
        import socket

        ours, theirs = socket.socketpair()
        root = str(Path(__file__).resolve().parents[2])
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, (root, env.get("PYTHONPATH"))))
        self._proc = subprocess.Popen(
            [PYTHON, "-c", _SERVER, str(theirs.fileno()), ",".join(_PRELOAD)],
            pass_fds=(theirs.fileno(),),
            env=env,
            stdin=subprocess.DEVNULL,
        )
        theirs.close()
        self._sock = ours
        self.pid = self._proc.pid
        ready = ours.recv(16)
        assert ready == b"ready\n", ready

    def close(self) -> None:
        """End the server (it ends when its socket closes) and reap it, so that its CPU time
        and its children's count in this process's (as a subprocess's would)."""
        self._sock.close()
        try:
            self._proc.wait(30)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait(10)

    def _ask(self, req: dict[str, Any], fds: list[int] | None = None) -> dict[str, Any]:
        import json
        import socket

        msg = json.dumps(req).encode()
        if fds:
            socket.send_fds(self._sock, [msg], fds)
        else:
            self._sock.sendall(msg)
        answer: dict[str, Any] = json.loads(self._sock.recv(1 << 16))
        return answer

    def start(
        self,
        argv: list[str],
        *,
        cwd: Path | None = None,
        env: dict[str, str] | None = None,
        prelude: str | None = None,
        prelude_argv: tuple[str, ...] = (),
    ) -> Forked:
        """Fork a child that runs ``archiver <argv>`` in ``cwd`` with ``env``, after running
        ``prelude`` (a script, as ``python -c prelude *prelude_argv`` would, which may patch
        the program and call its ``main`` itself)."""
        import tempfile

        outs = [tempfile.TemporaryFile() for _ in range(2)]  # noqa: SIM115 - closed by communicate
        stdin = os.open(os.devnull, os.O_RDONLY)
        try:
            fds = [stdin, outs[0].fileno(), outs[1].fileno()]
            pid = self._ask(
                {
                    "op": "start",
                    "argv": argv,
                    "cwd": str(cwd or Path.cwd()),
                    "env": dict(os.environ if env is None else env),
                    "prelude": prelude,
                    "prelude_argv": list(prelude_argv),
                },
                fds,
            )["pid"]
        finally:
            os.close(stdin)
        return Forked(self, pid, outs[0], outs[1])

    def status(self, pid: int) -> int | None:
        """The child's exit code (negative: the signal that ended it), None while it runs."""
        answer = self._ask({"op": "poll", "pid": pid})
        code: int | None = answer["code"]
        return code


class Forked:
    """A child of the fork server, used like a ``subprocess.Popen`` (text output)."""

    def __init__(self, server: ForkServer, pid: int, out: Any, err: Any) -> None:
        self.pid = pid
        self.returncode: int | None = None
        self._server = server
        self._out, self._err = out, err

    def poll(self) -> int | None:
        if self.returncode is None:
            self.returncode = self._server.status(self.pid)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(str(self.pid), timeout or 0)
            time.sleep(0.005)
        assert self.returncode is not None
        return self.returncode

    def send_signal(self, sig: int) -> None:
        if self.returncode is None:
            os.kill(self.pid, sig)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def communicate(self, timeout: float | None = None) -> tuple[str, str]:
        self.wait(timeout)
        texts = []
        for f in (self._out, self._err):
            f.seek(0)
            texts.append(f.read().decode(errors="replace"))
            f.close()
        return texts[0], texts[1]


_SERVERS: dict[int, ForkServer] = {}


def fork_server() -> ForkServer:
    """This process's fork server, started on first use."""
    pid = os.getpid()
    if pid not in _SERVERS:
        import atexit

        _SERVERS[pid] = ForkServer()
        atexit.register(_SERVERS[pid].close)
    return _SERVERS[pid]


def archiver_process(
    *args: str,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    prelude: str | None = None,
    prelude_argv: tuple[str, ...] = (),
) -> Forked:
    """``archiver <args>`` in a real process of its own, forked from the fork server."""
    return fork_server().start(
        list(args), cwd=cwd, env=env, prelude=prelude, prelude_argv=prelude_argv
    )


def archiver_run(
    *args: str,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    prelude: str | None = None,
    prelude_argv: tuple[str, ...] = (),
    timeout: float = 180,
) -> subprocess.CompletedProcess[str]:
    """``archiver <args>`` to the end, as ``subprocess.run(..., capture_output=True)``."""
    proc = archiver_process(*args, cwd=cwd, env=env, prelude=prelude, prelude_argv=prelude_argv)
    try:
        out, err = proc.communicate(timeout)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
    assert proc.returncode is not None
    return subprocess.CompletedProcess(["archiver", *args], proc.returncode, out, err)


def kill_when(
    cfg: Path,
    ready: Callable[[], bool],
    *,
    limit: float = 60,
    command: str = "run",
    extra: tuple[str, ...] = (),
    finish_ok: bool = False,
    cwd: Path | None = None,
) -> bool:
    """``archiver <command> --config cfg <extra>`` in a real process, SIGKILLed once
    ``ready()``; False if it finished first (with exit 0, when ``finish_ok``)."""
    proc = archiver_process(command, "--config", str(cfg), *extra, cwd=cwd)
    deadline = time.monotonic() + limit
    try:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                assert not finish_ok or proc.returncode == 0, proc.communicate()[1][-2000:]
                return False
            if ready():
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait(10)
                return True
            time.sleep(0.005)
        raise AssertionError(f"{command} neither finished nor reached the kill point")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
