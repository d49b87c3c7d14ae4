"""``archiver doctor``: check config, keys, keyrings, store, sources and clock before a run."""

from __future__ import annotations

import sys

import click

from archiver.cli.common import config_option, exit_codes, handle_errors
from archiver.ops.doctor import run_doctor


@click.command(
    epilog=exit_codes(
        (0, "no check failed (warnings allowed)"),
        (1, "a check failed"),
        (2, "the config itself is invalid"),
    )
)
@config_option
@handle_errors
def doctor(config_path: str) -> None:
    """Check config, keys, keyrings, store, witness, sources and clock: one line each."""
    report = run_doctor(config_path)
    click.echo(report.format())
    sys.exit(report.exit_code)
