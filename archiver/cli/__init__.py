"""The ``archiver`` command. Each subcommand lives in its own module and calls a plain function."""

from __future__ import annotations

import contextlib
import logging
import os
import sys

import click

from archiver import __version__
from archiver.cli.common import configure_logging
from archiver.cli.compact import compact
from archiver.cli.demo import demo
from archiver.cli.doctor import doctor
from archiver.cli.erase import erase
from archiver.cli.export import export
from archiver.cli.gc import gc_command
from archiver.cli.hold import hold
from archiver.cli.init import init
from archiver.cli.keys import keys
from archiver.cli.ledger import ledger
from archiver.cli.produce import produce, verify_bundle_command
from archiver.cli.prune import prune
from archiver.cli.restore import restore
from archiver.cli.retrieve import retrieve
from archiver.cli.run import run
from archiver.cli.search import search_command
from archiver.cli.simulate import simulate
from archiver.cli.status import status_command
from archiver.cli.verify import verify_command
from archiver.errors import EXIT_USAGE


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="archiver")
@click.option("-v", "--verbose", count=True, help="More log detail (-vv for debug).")
@click.option(
    "--log-format",
    type=click.Choice(["auto", "json", "text"]),
    default="auto",
    envvar="ARCHIVER_LOG_FORMAT",
    show_envvar=True,
    help="auto: JSON lines unless stderr is a terminal.",
)
def cli(verbose: int, log_format: str) -> None:
    """Encrypted, tamper-evident, incremental backups of chatbot conversations."""
    configure_logging(verbose, log_format)


for command in (
    init,
    run,
    restore,
    demo,
    simulate,
    doctor,
    verify_command,
    gc_command,
    export,
    retrieve,
    hold,
    erase,
    prune,
    compact,
    status_command,
    ledger,
    search_command,
    produce,
    verify_bundle_command,
    keys,
):
    cli.add_command(command)


def main() -> None:
    _leave(_run())


def _run() -> int:
    try:
        cli.main(standalone_mode=False)
    except SystemExit as exc:  # commands end with sys.exit(code)
        code = exc.code
        if code is None or isinstance(code, int):
            return code or 0
        click.echo(str(code), err=True)
        return 1
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return EXIT_USAGE
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        return 130
    except KeyboardInterrupt:
        logging.getLogger("archiver").warning("interrupted")
        return 130
    return 0


def _leave(code: int) -> None:
    """Exit with ``code`` once logs and output are flushed, skipping native teardown.

    Arrow's thread pools, torn down by the interpreter's exit after the work is done, now and
    then abort the process (SIGABRT, "terminate called without an active exception"): a
    finished restore or export would report a crash. Everything the program writes is closed
    by then, so leaving without that teardown loses nothing.
    """
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)
