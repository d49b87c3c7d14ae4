"""What every command shares: logging set-up and turning errors into documented exit codes."""

from __future__ import annotations

import functools
import json
import logging
import re
import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from archiver import logs
from archiver.errors import (
    EXIT_CONFLICT,
    EXIT_FAILURE,
    EXIT_HELD,
    EXIT_INTEGRITY,
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_USAGE,
    ArchiverError,
)

F = TypeVar("F", bound=Callable[..., Any])

#: What each documented exit code means when a command gives it no meaning of its own.
EXIT_MEANINGS = {
    EXIT_OK: "ok",
    EXIT_FAILURE: "failure",
    EXIT_USAGE: "usage or configuration error, or a missing, unreadable or wrong key",
    EXIT_PARTIAL: "partial: some streams or pages could not be done; the rest is committed",
    EXIT_INTEGRITY: "integrity: an object or manifest is missing, altered or wrongly signed",
    EXIT_CONFLICT: "conflict: another run holds or committed the same stream",
    EXIT_HELD: "held: a legal hold covers the data",
}


def exit_codes(*codes: int | tuple[int, str] | str) -> str:
    """A command's exit codes for its ``--help`` (as its epilog, or after its help text): a
    code alone takes its usual meaning, ``(code, text)`` or ``"code text"`` says what it
    means for this command. Kept as written (click's ``\\b``)."""
    lines = []
    for item in codes:
        if isinstance(item, str):
            code_text, _, text = item.partition(" ")
            code = int(code_text)
        else:
            code, text = item if isinstance(item, tuple) else (item, EXIT_MEANINGS[item])
        lines.append(f"  {code}  {text}")
    return "\n\n\b\nExit codes:\n" + "\n".join(lines)


def emit(doc: dict[str, Any], text: str, *, as_json: bool) -> None:
    """Print a command's report: JSON for scripts, or text for people."""
    click.echo(json.dumps(doc, indent=2, sort_keys=True) if as_json else text)


_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd])")
_UNIT = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(text: str) -> timedelta:
    """``90s``, ``30m``, ``12h``, ``7d``."""
    m = _DURATION.fullmatch(text.strip())
    if m is None:
        raise click.BadParameter("use a number with s, m, h or d (e.g. 7d, 12h)")
    return timedelta(seconds=float(m.group(1)) * _UNIT[m.group(2)])


def configure_logging(verbose: int, log_format: str = "auto") -> None:
    """JSON lines on stderr, or readable lines when it is a terminal (``archiver.logs``)."""
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
        envvar="ARCHIVER_CONFIG",
        show_envvar=True,
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
