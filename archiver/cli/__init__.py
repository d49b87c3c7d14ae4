"""The ``archiver`` command. Each subcommand lives in its own module and calls a plain function."""

from __future__ import annotations

import logging
import sys

import click

from archiver import __version__
from archiver.cli.common import configure_logging
from archiver.cli.demo import demo
from archiver.cli.init import init
from archiver.cli.restore import restore
from archiver.cli.run import run
from archiver.cli.simulate import simulate
from archiver.errors import EXIT_USAGE


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="archiver")
@click.option("-v", "--verbose", count=True, help="More log detail (-vv for debug).")
def cli(verbose: int) -> None:
    """Encrypted, tamper-evident, incremental backups of chatbot conversations."""
    configure_logging(verbose)


for command in (init, run, restore, demo, simulate):
    cli.add_command(command)


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_USAGE)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        logging.getLogger("archiver").warning("interrupted")
        sys.exit(130)
    sys.exit(0)
