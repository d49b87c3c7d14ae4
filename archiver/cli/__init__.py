"""The ``archiver`` command. Each subcommand lives in its own module and calls a plain function."""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
import sys

import click

from archiver import __version__
from archiver.cli.common import configure_logging
from archiver.errors import EXIT_USAGE

#: Every command, as ``module:attribute``: a command's module (and what it needs: the masker,
#: the AWS SDKs, pyarrow) is imported only when that command runs, so a probe such as
#: ``archiver status`` does not pay for the others at every start.
COMMANDS = {
    "compact": "archiver.cli.compact:compact",
    "demo": "archiver.cli.demo:demo",
    "doctor": "archiver.cli.doctor:doctor",
    "erase": "archiver.cli.erase:erase",
    "export": "archiver.cli.export:export",
    "gc": "archiver.cli.gc:gc_command",
    "hold": "archiver.cli.hold:hold",
    "init": "archiver.cli.init:init",
    "keys": "archiver.cli.keys:keys",
    "ledger": "archiver.cli.ledger:ledger",
    "produce": "archiver.cli.produce:produce",
    "prune": "archiver.cli.prune:prune",
    "restore": "archiver.cli.restore:restore",
    "retrieve": "archiver.cli.retrieve:retrieve",
    "run": "archiver.cli.run:run",
    "search": "archiver.cli.search:search_command",
    "simulate": "archiver.cli.simulate:simulate",
    "status": "archiver.cli.status:status_command",
    "verify": "archiver.cli.verify:verify_command",
    "verify-bundle": "archiver.cli.produce:verify_bundle_command",
}


class LazyGroup(click.Group):
    """A group whose commands come from ``COMMANDS``, each imported when first asked for
    (the help listing asks for all of them)."""

    def __init__(self, *args: object, lazy: dict[str, str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.lazy = dict(lazy)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy:
            module, _, attribute = self.lazy[cmd_name].partition(":")
            command = getattr(importlib.import_module(module), attribute)
            if not isinstance(command, click.Command) or command.name != cmd_name:
                raise TypeError(f"{self.lazy[cmd_name]} is not the command {cmd_name!r}")
            self.add_command(command)
        return super().get_command(ctx, cmd_name)


@click.group(
    cls=LazyGroup,
    lazy=COMMANDS,
    context_settings={"help_option_names": ["-h", "--help"]},
)
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
