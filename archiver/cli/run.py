"""``archiver run``: one incremental run of every configured stream."""

from __future__ import annotations

import contextlib
import logging
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from types import FrameType
from typing import NoReturn

import click

from archiver import logs
from archiver.cli.common import config_option, exit_codes, handle_errors
from archiver.config import load_config, require_sources
from archiver.context import Context
from archiver.crawl.engine import RunObserver, RunReport, new_run_id, run_archive
from archiver.errors import EXIT_PARTIAL, ConfigError
from archiver.obs import metrics
from archiver.ops.compact import after_run as compact_after_run

log = logging.getLogger("archiver.cli.run")


def parse_shard(
    spec: str | None, count: int | None, env: Mapping[str, str]
) -> tuple[int, int] | None:
    """(index, count) from ``--shard I/N``, or from ``--shard-count N`` and the index a
    Kubernetes indexed Job gives each pod in ``JOB_COMPLETION_INDEX``."""
    if spec and count:
        raise ConfigError("give --shard or --shard-count, not both")
    if spec:
        m = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", spec)
        if not m:
            raise ConfigError(f"--shard {spec!r}: expected INDEX/COUNT, e.g. 0/4")
        index, total = int(m[1]), int(m[2])
    elif count:
        raw = env.get("JOB_COMPLETION_INDEX", "")
        if not raw.isdigit():
            raise ConfigError(
                "--shard-count needs JOB_COMPLETION_INDEX, which a Kubernetes indexed Job sets",
                hint="outside such a Job use --shard INDEX/COUNT",
            )
        index, total = int(raw), count
    else:
        return None
    if total < 1 or not 0 <= index < total:
        raise ConfigError(f"shard {index}/{total}: the index must be from 0 to {total - 1}")
    return index, total


def _hard_exit(event: str, message: str, *args: object) -> NoReturn:
    """Exit 3 now: committed manifests stand, streams still running commit nothing."""
    logs.event(log, logging.ERROR, event, message, *args)
    for handler in logging.getLogger().handlers:
        handler.flush()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(EXIT_PARTIAL)


@contextlib.contextmanager
def graceful_stop(stop: threading.Event, grace: float) -> Iterator[None]:
    """On SIGTERM or SIGINT, set ``stop``: rate-limit and retry waits end at once, no new
    request goes out, and streams commit what they read. If the run has not ended ``grace``
    seconds later (a request hanging on a silent server), exit 3 anyway. A second signal
    exits at once."""
    ended = threading.Event()

    def watchdog(name: str) -> None:
        logs.event(
            log,
            logging.WARNING,
            "run.stopping",
            "%s received: stopping, committing what is consistent (grace %.0f s)",
            name,
            grace,
            signal=name,
            grace_seconds=grace,
        )
        if not ended.wait(grace):
            _hard_exit(
                "run.grace_expired",
                "the %.0f s grace period is over: exiting; streams still running commit nothing",
                grace,
            )

    def on_signal(signum: int, frame: FrameType | None) -> None:
        if stop.is_set():
            _hard_exit("run.interrupted", "a second signal: exiting now")
        stop.set()
        name = signal.Signals(signum).name
        threading.Thread(target=watchdog, args=(name,), name="grace", daemon=True).start()

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        ended.set()
        for s, handler in previous.items():
            signal.signal(s, handler)


def _observer() -> contextlib.AbstractContextManager[RunObserver]:
    """A live display on a terminal, periodic progress events in JSON logs."""
    if logs.current_format() == "text" and sys.stderr.isatty():
        return logs.Progress(sys.stderr)
    return contextlib.nullcontext(logs.LogProgress(log))


def format_report(report: RunReport) -> str:
    lines = [
        f"run {report.run_id}",
        f"{'stream':<32} {'status':<9} {'seq':>4} {'users':>7} {'sessions':>8} "
        f"{'messages':>8} {'pages':>6} {'bytes':>10}",
    ]
    for s in report.streams:
        r = s.records
        lines.append(
            f"{(s.source + '/' + s.tenant)[:32]:<32} {s.status:<9} {s.sequence or '-':>4} "
            f"{r.get('users', 0):>7} {r.get('sessions', 0):>8} {r.get('messages', 0):>8} "
            f"{s.pages:>6} {s.bytes:>10}"
        )
        if s.error:
            lines.append(f"  ! {s.error}")
    for name, n in sorted(report.requests.items()):
        lines.append(f"requests to {name}: {n}")
    return "\n".join(lines)


@click.command(
    epilog=exit_codes(
        (0, "ok: every stream committed complete"),
        (1, "failure: no stream could be committed"),
        2,
        (
            3,
            "partial: some streams or pages were not done (quota, faults, a stop); "
            "what was read is committed and the next run continues",
        ),
        (5, "conflict: another run holds or committed a stream first; this one stopped"),
    )
)
@config_option
@click.option("--full", is_flag=True, help="Reconcile everything, ignoring watermarks.")
@click.option("--source", "sources", multiple=True, help="Only this source (repeatable).")
@click.option(
    "--shard",
    "shard_spec",
    metavar="INDEX/COUNT",
    envvar="ARCHIVER_SHARD",
    help="Only the streams of this shard (0-based), chosen by a stable hash of source and tenant.",
)
@click.option(
    "--shard-count",
    type=click.IntRange(1, 10_000),
    help="Shard COUNT, with the index from JOB_COMPLETION_INDEX (a Kubernetes indexed Job).",
)
@click.option(
    "--allow-empty",
    is_flag=True,
    help="Succeed with no sources configured (otherwise a configuration error, exit 2).",
)
@handle_errors
def run(
    config_path: str,
    full: bool,
    sources: tuple[str, ...],
    shard_spec: str | None,
    shard_count: int | None,
    allow_empty: bool,
) -> None:
    """Archive what changed since the last committed run.

    On SIGTERM or SIGINT it stops fetching (also during rate-limit and retry waits),
    commits what was read and exits 3 within shutdown.grace_seconds.
    """
    shard = parse_shard(shard_spec, shard_count, os.environ)
    cfg = load_config(config_path)
    logs.protect_config(cfg)
    require_sources(cfg, allow_empty=allow_empty)
    ctx = Context.open(cfg, commits=True)
    run_id = new_run_id()
    stop = threading.Event()
    with graceful_stop(stop, cfg.shutdown.grace_seconds), _observer() as observer:
        report = run_archive(
            ctx,
            full=full,
            sources=sources,
            run_id=run_id,
            shard=shard,
            stop=stop,
            observer=observer,
        )
    # Small parts per stream for the metrics, and compaction when archive.compact_after_run.
    if not report.stopped:
        compact_after_run(ctx, report.streams)
    metrics.publish(cfg.metrics, report, shard=shard, ended=time.time())
    click.echo(format_report(report))
    sys.exit(report.exit_code)
