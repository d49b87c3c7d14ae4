"""``archiver init --dir D``: a working config and fresh local keys."""

from __future__ import annotations

from pathlib import Path

import click

from archiver.cli.common import exit_codes, handle_errors
from archiver.ops.init import init_dir, sealed_private_key_path


@click.command(
    epilog=exit_codes(
        0,
        (1, "failure (a file could not be written)"),
        (2, "the config or a key already exists: nothing overwritten"),
    )
)
@click.option(
    "--dir",
    "directory",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for archiver.yaml and keys/.",
)
@click.option(
    "--write-private-key",
    "private_key",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the private key of sealed originals here (e.g. removable media) instead of "
    "DIR/offline/sealed-private.pem.",
)
@handle_errors
def init(directory: Path, private_key: Path | None) -> None:
    """Write a working config and fresh local keys (mode 0600).

    The job's keys go to DIR/keys/. The private key that opens sealed originals goes to a
    folder of its own, DIR/offline/, or to --write-private-key PATH: nothing in the config
    refers to it, and it belongs off this machine.
    """
    cfg = init_dir(directory, private_key=private_key)
    private = private_key if private_key is not None else sealed_private_key_path(directory)
    click.echo(f"wrote {cfg} and the job's keys in {directory / 'keys'}")
    click.echo(
        f"the private key of sealed originals is {private}: move it off this machine "
        "(export, retrieve and restore --sealed take it with --sealed-key); "
        "archiver doctor warns while it is here"
    )
