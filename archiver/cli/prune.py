"""``archiver prune``: remove what is past retention (by last activity), never held data."""

from __future__ import annotations

import click

from archiver.cli.common import (
    config_option,
    emit,
    exit_codes,
    handle_errors,
    operator_option,
    parse_duration,
)
from archiver.config import load_config
from archiver.context import Context
from archiver.ops.prune import PruneReport
from archiver.ops.prune import prune as prune_archive


def format_report(r: PruneReport) -> str:
    verb = "would prune" if r.dry_run else "pruned"
    lines = [
        f"{verb} {r.conversations} conversation(s), {r.messages} message(s) and {r.people} "
        f"profile(s) with no activity since {r.cutoff}: {len(r.pruned)} object(s)"
    ]
    if r.dry_run:
        lines += [f"  would go: {k}" for k in r.pruned]
        lines.append("nothing was changed (dry run)")
    else:
        lines.append(f"deleted {len(r.removal.deleted)}; ledger {r.ledger}")
    lines += [f"  {k}: {why}" for k, why in sorted(r.removal.retained.items())]
    if r.kept_active:
        lines.append(
            f"kept {len(r.kept_active)} older object(s): they hold conversations active since "
            "the cutoff, or the profiles of their people"
        )
    lines += [f"kept {k}: legal hold of case {c!r}" for k, c in sorted(r.kept_held.items())]
    lines += [f"kept {k}: {why}" for k, why in sorted(r.kept_locked.items())]
    return "\n".join(lines)


@click.command(
    help="Remove conversations whose last message is older than the limit (or retention.days), "
    "and profiles with no conversation left, through a committed manifest; never held or "
    "locked data. --dry-run lists what would go."
    + exit_codes(
        "0 done (or, with --dry-run, listed)",
        "1 failure (the store failed)",
        "2 usage or config: no limit, unknown operator",
        "4 integrity: a manifest or record is altered",
        "5 conflict: a run committed the same stream meanwhile; run it again",
    )
)
@config_option
@click.option("--older-than", default=None, help="Age limit (d, h, m, s); default: retention.days.")
@click.option("--dry-run", is_flag=True, help="Only list what would be pruned.")
@operator_option
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@handle_errors
def prune(
    config_path: str, older_than: str | None, dry_run: bool, operator: str | None, as_json: bool
) -> None:
    ctx = Context.open(load_config(config_path), write=not dry_run, commits=not dry_run)
    r = prune_archive(
        ctx,
        older_than=parse_duration(older_than) if older_than else None,
        dry_run=dry_run,
        operator=operator,
    )
    emit(r.to_json(), format_report(r), as_json=as_json)
