"""Logs: one JSON event per line off a terminal, a live display on one, and never a secret or a
personal value, even from runs that fail."""

from __future__ import annotations

import io
import json
import logging
import os
import pty
import re
import select
import subprocess
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from archiver import logs
from archiver.crawl.engine import StreamResult
from archiver.errors import SourceError
from archiver.simulators.peki import PekiSimulator
from tests.conftest import write_config
from tests.obs.helpers import (
    ARCHIVER,
    archiver,
    archiver_env,
    json_lines,
    leaks,
    personal_values,
    update_config,
)


@pytest.fixture
def captured() -> io.StringIO:
    buf = io.StringIO()
    logs.setup(0, log_format="json", stream=buf)
    return buf


def test_json_lines_carry_the_event_scope_and_fields(captured: io.StringIO) -> None:
    log = logging.getLogger("archiver.test")
    with logs.scope(run_id="r-1"), logs.scope(stream="peki-main/bot1"):
        logs.event(log, logging.INFO, "stream.committed", "done %d", 3, records={"users": 2})
    log.warning("outside")
    first, second = (json.loads(line) for line in captured.getvalue().splitlines())
    assert first["event"] == "stream.committed" and first["message"] == "done 3"
    assert first["run_id"] == "r-1" and first["stream"] == "peki-main/bot1"
    assert first["records"] == {"users": 2} and first["level"] == "info"
    assert second["event"] == "log" and "run_id" not in second
    assert first["time"].endswith("Z")


def test_secrets_are_redacted_and_foreign_exception_messages_dropped(
    captured: io.StringIO,
) -> None:
    log = logging.getLogger("archiver.test")
    logs.protect("sk_live_0123456789", "x")  # too short to be a secret: left alone
    log.warning("signing with sk_live_0123456789 failed", extra={"k": 1})
    try:
        raise ValueError("alice@example.com is not valid")
    except ValueError:
        log.exception("parse failed")
    try:
        raise SourceError("peki users list: item 3 has no string 'id'")
    except SourceError:
        log.exception("stream failed")
    text = captured.getvalue()
    assert "sk_live_0123456789" not in text and logs.REDACTED in text
    assert "alice@example.com" not in text
    docs = [json.loads(line) for line in text.splitlines()]
    assert docs[1]["error_type"] == "ValueError" and "error" not in docs[1]
    assert docs[1]["stack"][-1].startswith("test_logs.py:")
    assert docs[2]["error"] == "peki users list: item 3 has no string 'id'"


def test_progress_display_draws_streams_and_stays_below_log_lines() -> None:
    out = io.StringIO()
    now = [100.0]
    progress = logs.Progress(out, clock=lambda: now[0], interval=0.5)
    logs.setup(1, log_format="text", stream=out)
    with progress:
        progress.run_started("run-7", 2)
        progress.stream_started("peki-main", "bot1")
        progress.stream_progress("peki-main", "bot1", {"users": 4, "messages": 10}, 3)
        now[0] += 1
        progress.stream_progress("peki-main", "bot1", {"users": 5, "messages": 12}, 3)
        assert progress.lines()[1].split() == [
            "▸", "peki-main/bot1", "messages", "12", "·", "users", "5", "·", "unchanged", "3"
        ]  # fmt: skip
        logging.getLogger("archiver.test").warning("a warning")
        progress.stream_finished(
            StreamResult("peki-main", "bot1", "complete", records={"users": 5}, seen_again=3)
        )
        assert progress.lines() == [
            "run run-7  1/2 streams done (1 complete) · 5 new records · 3 unchanged · 0:01"
        ]
    text = out.getvalue()
    # The warning is written after the two-line display was taken off (cursor two lines up,
    # clear to the end), and the display is drawn again below it.
    before, after = text.split("a warning", 1)
    assert re.search(r"\x1b\[2F\x1b\[J\d\d:\d\d:\d\d WARNING +$", before)
    assert after.startswith("\nrun run-7") and "streams done" in after
    assert text.endswith("\x1b[J")  # taken off the screen when the run ends


def test_progress_ticks_and_says_until_when_a_source_waits_for_its_rate_limit() -> None:
    out = io.StringIO()
    now = [100.0]
    wall = datetime(2026, 1, 1, 12, 0, 0, tzinfo=UTC)
    progress = logs.Progress(out, clock=lambda: now[0], tick=0.02, wall=lambda: wall)
    with progress:
        progress.run_started("run-8", 1)
        progress.stream_started("kore-main", "st-1")
        progress.source_waiting("kore-main", 42.4, "rate limit")
        until = (wall + timedelta(seconds=42.4)).astimezone().strftime("%H:%M:%S")
        assert progress.lines()[1].endswith(f"waiting for the rate limit until {until} (42 s)")
        now[0] += 30
        assert progress.lines()[1].endswith("(12 s)")
        # Nothing happens, yet the display is redrawn: its clock and countdown move.
        drawn = out.getvalue().count("run run-8")
        deadline = time.monotonic() + 5
        while out.getvalue().count("run run-8") < drawn + 3:
            assert time.monotonic() < deadline, "the display did not tick"
            time.sleep(0.01)
        now[0] += 20
        assert "waiting" not in progress.lines()[1]
    assert out.getvalue().endswith("\x1b[J")


def test_json_progress_events_come_at_most_once_a_minute_per_stream(
    captured: io.StringIO,
) -> None:
    now = [0.0]
    progress = logs.LogProgress(logging.getLogger("archiver.test"), clock=lambda: now[0])
    progress.stream_started("peki-main", "bot1")
    for t, users in ((30, 3), (61, 5), (90, 7), (122, 9)):
        now[0] = t
        progress.stream_progress("peki-main", "bot1", {"users": users}, 1)
    events = [json.loads(line) for line in captured.getvalue().splitlines()]
    assert [(e["event"], e["records"]) for e in events] == [
        ("stream.progress", {"users": 5}),
        ("stream.progress", {"users": 9}),
    ]


@pytest.mark.parametrize("failure", ["wrong_secret", "unreachable_store", "malformed", "faults"])
def test_logs_of_failing_runs_hold_no_secret_and_no_personal_value(
    peki: PekiSimulator, tmp_path: Path, failure: str
) -> None:
    cfg = write_config(tmp_path, peki, crawl={"max_retries": 1, "page_size": 10})
    update_config(cfg, metrics={"textfile": str(tmp_path / "metrics.prom")})
    wrong = "sk_wrong_" + "Q" * 40
    expected = {1}
    if failure == "wrong_secret":
        cfg.write_text(cfg.read_text().replace(peki.api_secret, wrong))
    elif failure == "unreachable_store":
        (tmp_path / "afile").write_text("not a folder")
        cfg.write_text(cfg.read_text().replace(str(tmp_path / "archive"), str(tmp_path / "afile")))
    elif failure == "malformed":
        peki.fault_rates = {"malformed": 1.0}
    else:
        peki.fault_rates = {"malformed": 0.15, "5xx": 0.15}
        expected = {0, 3}
    out = archiver("-v", "run", "--config", str(cfg))
    assert out.returncode in expected, out.stderr[-2000:]
    events = json_lines(out.stderr)
    assert any(e["event"] == "run.finished" and e["run_id"] for e in events)
    if failure != "faults":
        failed = [e for e in events if e["event"] == "stream.failed"]
        assert {e["stream"] for e in failed} == {"peki-main/bot1", "peki-main/bot2"}
        assert all(e["run_id"] == events[0]["run_id"] for e in failed)
    forbidden = personal_values(peki) | {peki.api_key, peki.api_secret, wrong}
    assert len(forbidden) > 100
    metrics_text = (tmp_path / "metrics.prom").read_text()
    for where, text in (("stderr", out.stderr), ("stdout", out.stdout), ("metrics", metrics_text)):
        found = leaks(text, forbidden)
        assert not found, f"{where} of a {failure} run leaks {len(found)} value(s)"


def _read_all(fd: int, proc: subprocess.Popen[bytes], limit: float) -> bytes:
    chunks = []
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        elif proc.poll() is not None:
            break
    return b"".join(chunks)


def test_a_terminal_gets_a_live_display_not_json(peki: PekiSimulator, tmp_path: Path) -> None:
    peki.latency_seconds = 0.01
    cfg = write_config(tmp_path, peki, crawl={"page_size": 20})
    master, slave = pty.openpty()
    env = archiver_env(COLUMNS="120")
    env.pop("ARCHIVER_LOG_FORMAT", None)
    proc = subprocess.Popen(
        [*ARCHIVER, "run", "--config", str(cfg)],
        stdout=subprocess.PIPE,
        stderr=slave,
        env=env,
    )
    os.close(slave)
    try:
        screen = _read_all(master, proc, 60).decode("utf-8", "replace")
        assert proc.wait(30) == 0
    finally:
        os.close(master)
        if proc.poll() is None:
            proc.kill()
    assert "streams done" in screen and "▸ peki-main/bot" in screen
    assert "\x1b[" in screen  # redrawn in place
    assert "{" not in screen  # no JSON on a terminal
    assert proc.stdout is not None and "complete" in proc.stdout.read().decode()
