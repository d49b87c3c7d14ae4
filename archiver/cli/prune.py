"""``archiver prune``: remove partitions past retention, never held or locked data."""

from __future__ import annotations

import click

from archiver.cli.common import config_option, exit_codes, handle_errors
from archiver.cli.gc import parse_duration
from archiver.cli.verify import emit
from archiver.config import load_config
from archiver.context import Context
from archiver.ops.prune import prune as prune_archive


@click.command(
    epilog=exit_codes(
        0,
        1,
        (2, "usage or configuration error (no --older-than and no retention.days)"),
        (5, "conflict: a run committed the stream meanwhile; nothing was pruned there"),
    )
)
@config_option
@click.option("--older-than", default=None, help="Age limit (d, h, m, s); default: retention.days.")
@click.option("--dry-run", is_flag=True, help="Only list what would be pruned.")
@click.option("--operator", default=None, help="Who does this, for the ledger (default: $USER).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@handle_errors
def prune(
    config_path: str, older_than: str | None, dry_run: bool, operator: str | None, as_json: bool
) -> None:
    """Supersede (by a committed manifest) and delete objects dated before the cutoff."""
    ctx = Context.open(load_config(config_path), write=not dry_run)
    r = prune_archive(
        ctx,
        older_than=parse_duration(older_than) if older_than else None,
        dry_run=dry_run,
        operator=operator,
    )
    verb = "would prune" if dry_run else "pruned"
    lines = [f"{verb} {len(r.pruned)} object(s) dated before {r.cutoff}"]
    if not dry_run:
        lines.append(f"deleted {len(r.removal.deleted)}; ledger {r.ledger}")
    lines += [f"  {k}: {why}" for k, why in sorted(r.removal.retained.items())]
    lines += [f"kept {k}: legal hold of case {c!r}" for k, c in sorted(r.kept_held.items())]
    lines += [f"kept {k}: {why}" for k, why in sorted(r.kept_locked.items())]
    emit(r.to_json(), "\n".join(lines), as_json=as_json)
