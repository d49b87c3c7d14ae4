"""``archiver restore``: plain Parquet for DuckDB, pandas or Spark."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import click

from archiver.cli.common import config_option, emit, exit_codes, handle_errors, operator_option
from archiver.config import load_config
from archiver.context import Context
from archiver.errors import EXIT_INTEGRITY, EXIT_OK
from archiver.ops.restore import Filters
from archiver.ops.restore import restore as restore_archive
from archiver.timeutil import parse_ts


def _time(value: str | None, option: str) -> datetime | None:
    if value is None:
        return None
    try:
        return parse_ts(value)
    except ValueError:
        raise click.BadParameter(
            "use a date or time, e.g. 2024-03-01 or 2024-03-01T12:00Z", param_hint=option
        ) from None


@click.command(
    help="Decrypt the archive to DIR/<table>/source=…/tenant=…/date=…/*.parquet.\n\n"
    "DIR must be new or empty: a restore never mixes with what a folder holds. --replace "
    "writes the new tree beside DIR and swaps it in when complete. With --sealed every "
    "opening of the originals is recorded in the ledger (who, when, why, which objects)."
    + exit_codes(
        "0 restored",
        "1 failure (the store failed)",
        "2 usage or config: DIR not empty, no --sealed-key, wrong key, unknown operator",
        "4 integrity: damage found; nothing written (with --skip-damaged: the rest "
        "restored, the damage listed)",
    )
)
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
@click.option("--replace", is_flag=True, help="Swap a fresh restore in for DIR's contents.")
@click.option("--source", "sources", multiple=True, help="Only this source (repeatable).")
@click.option(
    "--table",
    "tables",
    multiple=True,
    type=click.Choice(["messages", "sessions", "users"]),
    help="Only this table (repeatable).",
)
@click.option("--from", "since", default=None, help="Only records created at or after this time.")
@click.option("--until", default=None, help="Only records created before this time.")
@click.option(
    "--skip-damaged",
    is_flag=True,
    help="Restore what is intact, list what is not, and exit 4.",
)
@operator_option
@click.option("--reason", default=None, help="With --sealed: why (recorded in the ledger).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@handle_errors
def restore(
    config_path: str,
    to: Path,
    latest: bool,
    sealed: bool,
    sealed_key: Path | None,
    replace: bool,
    sources: tuple[str, ...],
    tables: tuple[str, ...],
    since: str | None,
    until: str | None,
    skip_damaged: bool,
    operator: str | None,
    reason: str | None,
    as_json: bool,
) -> None:
    cfg = load_config(config_path)
    ctx = Context.open(cfg, write=sealed, sealed_private_key=sealed_key)
    filters = Filters(
        sources=frozenset(sources),
        tables=frozenset(tables),
        since=_time(since, "--from"),
        until=_time(until, "--until"),
    )
    report = restore_archive(
        ctx,
        to,
        latest=latest,
        sealed=sealed,
        replace=replace,
        filters=filters,
        skip_damaged=skip_damaged,
        operator=operator,
        reason=reason,
    )
    lines = [f"{table}: {n} rows" for table, n in sorted(report.rows.items())]
    lines.append(
        f"{report.files} files written to {to}"
        + (" (replacing its contents)" if report.replaced else "")
    )
    if report.access_record:
        lines.append(f"access recorded in {report.access_record}")
    if report.damaged:
        lines.append(f"NOT RESTORED ({len(report.damaged)}), damaged:")
        lines += [f"  {what}: {why}" for what, why in sorted(report.damaged.items())]
        if latest:
            lines.append(
                "  with --latest, a record whose newest version was in a damaged object is "
                "shown in its newest intact version"
            )
    emit(report.to_json(), "\n".join(lines), as_json=as_json)
    sys.exit(EXIT_INTEGRITY if report.damaged else EXIT_OK)
