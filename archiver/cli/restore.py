"""``archiver restore``: plain Parquet for DuckDB, pandas or Spark."""

from __future__ import annotations

from pathlib import Path

import click

from archiver.cli.common import config_option, handle_errors
from archiver.config import load_config
from archiver.context import Context
from archiver.ops.restore import restore as restore_archive


@click.command()
@config_option
@click.option("--to", "to", required=True, type=click.Path(file_okay=False, path_type=Path))
@click.option("--latest", is_flag=True, help="Only the latest version of each record.")
@click.option("--sealed", is_flag=True, help="The unmasked originals (needs --sealed-key).")
@click.option(
    "--sealed-key",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="ARCHIVER_SEALED_KEY",
    help="Private key that opens sealed originals (or ARCHIVER_SEALED_KEY).",
)
@handle_errors
def restore(
    config_path: str, to: Path, latest: bool, sealed: bool, sealed_key: Path | None
) -> None:
    """Decrypt the archive to DIR/<table>/source=…/tenant=…/date=…/*.parquet."""
    cfg = load_config(config_path)
    ctx = Context.open(cfg, write=False, sealed_private_key=sealed_key)
    report = restore_archive(ctx, to, latest=latest, sealed=sealed)
    for table, n in sorted(report.rows.items()):
        click.echo(f"{table}: {n} rows")
    click.echo(f"{report.files} files written to {to}")
