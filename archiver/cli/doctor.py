"""``archiver doctor``: check config, keys, keyrings, store, sources and clock before a run."""

from __future__ import annotations

import sys

import click

from archiver.cli.common import config_option, handle_errors
from archiver.ops.doctor import run_doctor


@click.command()
@config_option
@handle_errors
def doctor(config_path: str) -> None:
    """One pass/fail line per check; exit 0 when nothing failed (warnings allowed), 1 when a
    check failed, 2 when the config itself is invalid."""
    report = run_doctor(config_path)
    click.echo(report.format())
    sys.exit(report.exit_code)
