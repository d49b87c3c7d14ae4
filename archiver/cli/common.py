"""What every command shares: logging set-up and turning errors into documented exit codes."""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from archiver.errors import EXIT_FAILURE, ArchiverError
from archiver.obs import logs

F = TypeVar("F", bound=Callable[..., Any])


def configure_logging(verbose: int, log_format: str = "auto") -> None:
    """JSON lines on stderr, or readable lines when it is a terminal (``archiver.obs.logs``)."""
    logs.setup(verbose, log_format=log_format)


def fail(message: str, exit_code: int, error_type: str) -> NoReturn:
    """Report what ended the command: a JSON event for log pipelines, else one plain line."""
    if logs.emits_json():
        logs.event(
            logging.getLogger("archiver.cli"),
            logging.ERROR,
            "command.failed",
            "%s",
            message,
            exit_code=exit_code,
            error_type=error_type,
        )
    else:
        click.echo(logs.redact(f"error: {message}"), err=True)
    sys.exit(exit_code)


def handle_errors(fn: F) -> F:
    """Report an ArchiverError as one clear line and exit with its code; never a traceback."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ArchiverError as exc:
            fail(str(exc), exc.exit_code, type(exc).__name__)
        except OSError as exc:
            where = getattr(exc, "filename", "") or ""
            fail(f"{exc.strerror or exc} ({where})", EXIT_FAILURE, type(exc).__name__)

    return wrapper  # type: ignore[return-value]


def config_option(fn: F) -> F:
    return click.option(
        "--config",
        "-c",
        "config_path",
        required=True,
        type=click.Path(dir_okay=False, path_type=str),
        help="The archiver.yaml to use.",
    )(fn)


def sealed_key_option(fn: F) -> F:
    """The offline private key that opens sealed originals (never kept in the job's config)."""
    return click.option(
        "--sealed-key",
        type=click.Path(dir_okay=False, path_type=Path),
        envvar="ARCHIVER_SEALED_KEY",
        help="Private key that opens sealed originals (or ARCHIVER_SEALED_KEY).",
    )(fn)


def operator_option(fn: F) -> F:
    """Who runs the command, for the signed record it writes."""
    return click.option(
        "--operator",
        default=None,
        help="Who does this, for the signed record (default: $ARCHIVER_OPERATOR, the "
        "config's operator, then $USER; refused when none is known).",
    )(fn)


def person_options(fn: F) -> F:
    """The person a command acts on: a platform user id, or an e-mail address or phone number
    looked up (keyed) in the archive's contact index."""
    fn = click.option(
        "--phone", default=None, help="Find the person by a phone number of their profile."
    )(fn)
    fn = click.option(
        "--email", default=None, help="Find the person by an e-mail address of their profile."
    )(fn)
    return click.option(
        "--user-id", default=None, help="The platform's user id of the person (exact)."
    )(fn)


def exit_codes(*lines: str) -> str:
    """An "Exit codes" paragraph for a command's --help, kept as written (click's \\b)."""
    return "\n\n\b\nExit codes:\n" + "\n".join(f"  {line}" for line in lines)
