"""``archiver status``: each stream's last complete run and full reconciliation, and their age."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta

import click

from archiver.cli.common import config_option, emit, exit_codes, handle_errors, parse_duration
from archiver.config import load_config
from archiver.context import Context
from archiver.errors import EXIT_STALE
from archiver.ops.status import StatusReport, age_text, human_duration, status


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") + "Z" if value is not None else "never"


def format_report(report: StatusReport) -> str:
    bounds = []
    if report.max_age is not None:
        bounds.append(f"complete run within {human_duration(report.max_age)}")
    if report.max_full_age is not None:
        bounds.append(f"full run within {human_duration(report.max_full_age)}")
    lines = [
        f"{'stream':<32} {'head':>5} {'last run':<9} {'last complete run':<18} {'age':>7}  "
        f"{'last full run':<18} {'age':>7}  state"
    ]
    for s in report.streams:
        lines.append(
            f"{(s.source + '/' + s.tenant)[:32]:<32} {s.head or '-':>5} "
            f"{s.last_status or '-':<9} {_when(s.last_complete):<18} "
            f"{age_text(report.now, s.last_complete):>7}  {_when(s.last_full):<18} "
            f"{age_text(report.now, s.last_full):>7}  "
            + ("ok" if s.ok else "STALE: " + "; ".join(s.problems))
        )
    stale = [s for s in report.streams if not s.ok]
    lines.append(
        (f"{len(stale)} of {len(report.streams)} stream(s) stale" if stale else "all streams ok")
        + (f" (bounds: {', '.join(bounds)})" if bounds else " (no age bound configured)")
    )
    return "\n".join(lines)


def _bound(option: str | None, configured: float | None, unit: float) -> timedelta | None:
    if option:
        return parse_duration(option)
    return timedelta(seconds=configured * unit) if configured is not None else None


@click.command(
    "status",
    epilog=exit_codes(
        (0, "every stream is within its bounds"),
        1,
        2,
        (EXIT_STALE, "stale: a stream is past a bound, was never archived, or unreadable"),
    ),
)
@config_option
@click.option(
    "--max-age",
    metavar="DURATION",
    help="Stale if the last complete run is older (e.g. 36h; default: status.max_age_hours).",
)
@click.option(
    "--max-full-age",
    metavar="DURATION",
    help="Stale if the last full reconciliation is older (e.g. 35d; default: "
    "status.max_full_age_days).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@handle_errors
def status_command(
    config_path: str, max_age: str | None, max_full_age: str | None, as_json: bool
) -> None:
    """Each stream's last complete run, last full reconciliation and their age.

    For a cron job or a probe where there is no Prometheus: it exits 8 when a stream is
    past a bound.
    """
    cfg = load_config(config_path)
    ctx = Context.open(cfg, write=False)
    report = status(
        ctx,
        max_age=_bound(max_age, cfg.status.max_age_hours, 3600),
        max_full_age=_bound(max_full_age, cfg.status.max_full_age_days, 86400),
    )
    emit(report.to_json(), format_report(report), as_json=as_json)
    sys.exit(report.exit_code)
