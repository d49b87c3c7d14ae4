"""``archiver demo``: the whole product on its embedded default, in well under a minute."""

from __future__ import annotations

import tempfile
from pathlib import Path

import click

from archiver.cli.common import exit_codes, handle_errors


@click.command(epilog=exit_codes(0, (1, "a step of the demo failed (it names the step)"), 2))
@click.option(
    "--dir",
    "directory",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to put config, keys, archive and restore (default: a new temp folder).",
)
@click.option("--seed", type=int, default=7, show_default=True)
@handle_errors
def demo(directory: Path | None, seed: int) -> None:
    """Simulated platforms → full run → live changes → incremental runs → restore."""
    from archiver.demo import format_demo, run_demo

    target = directory or Path(tempfile.mkdtemp(prefix="archiver-demo-"))
    result = run_demo(target, seed=seed, say=lambda m: click.echo(m, err=True))
    click.echo(format_demo(result))
