"""``archiver gc``: delete orphans (objects no manifest names) older than a grace period."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from archiver.cli.common import config_option, emit, exit_codes, handle_errors, parse_duration
from archiver.config import load_config
from archiver.context import Context
from archiver.ops.gc import GcReport, gc
from archiver.ops.verify import Witness, configured_witness, default_witness_path


def format_report(report: GcReport) -> str:
    verb = "would delete" if report.dry_run else "deleted"
    freed = sum(i.size for i in report.deleted)
    lines = [f"{verb} {len(report.deleted)} orphan(s), {freed} bytes"]
    lines += [f"  {i.key}" for i in report.deleted]
    if report.young:
        lines.append(f"kept {len(report.young)} orphan(s) younger than the grace period")
    for info, why in report.retained:
        lines.append(f"kept {info.key}: protected by {why}")
    if report.leases:
        lease_verb = "would remove" if report.dry_run else "removed"
        lines.append(f"{lease_verb} {len(report.leases)} lease object(s) of committed runs")
    for info, why in report.failed:
        lines.append(f"FAILED {info.key}: {why}")
    return "\n".join(lines)


@click.command(
    "gc",
    epilog=exit_codes(
        0,
        (1, "some deletions failed"),
        2,
        (4, "refused: a manifest is damaged or a chain lost its end"),
    ),
)
@config_option
@click.option(
    "--grace",
    default="7d",
    show_default=True,
    help="Only orphans older than this (s, m, h, d); must exceed the longest run.",
)
@click.option("--dry-run", is_flag=True, help="Only list what would be deleted.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option(
    "--witness",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="ARCHIVER_WITNESS",
    help="verify's witness file; refuse if a chain lost manifests from its end "
    "(default: archive.witness, else the file 'archiver verify' keeps here, if any).",
)
@handle_errors
def gc_command(
    config_path: str, grace: str, dry_run: bool, as_json: bool, witness: Path | None
) -> None:
    """Remove objects of runs that never committed, once older than the grace period.

    Refuses while any manifest is damaged.
    """
    period = parse_duration(grace)
    cfg = load_config(config_path)
    ctx = Context.open(cfg, write=False)
    chosen: Path | Witness | None = witness or configured_witness(cfg, ctx.store)
    if chosen is None and default_witness_path(ctx.store).exists():
        chosen = default_witness_path(ctx.store)
    report = gc(ctx, grace=period, dry_run=dry_run, witness=chosen)
    emit(report.to_json(), format_report(report), as_json=as_json)
    sys.exit(report.exit_code)
