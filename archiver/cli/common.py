"""What every command shares: logging set-up and turning errors into documented exit codes."""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from archiver.errors import EXIT_FAILURE, ArchiverError

F = TypeVar("F", bound=Callable[..., Any])


def configure_logging(verbose: int) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(
        level=level, stream=sys.stderr, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    for noisy in ("httpx", "httpcore", "botocore", "urllib3", "aws_encryption_sdk"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def handle_errors(fn: F) -> F:
    """Print an ArchiverError as one clear line and exit with its code; never a traceback."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ArchiverError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except OSError as exc:
            click.echo(
                f"error: {exc.strerror or exc} ({getattr(exc, 'filename', '') or ''})", err=True
            )
            sys.exit(EXIT_FAILURE)

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
