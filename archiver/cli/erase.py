"""``archiver erase --user-id``: erase one person (GDPR Art. 17), refused while held."""

from __future__ import annotations

from pathlib import Path

import click

from archiver.cli.common import config_option, handle_errors, sealed_key_option
from archiver.cli.verify import emit
from archiver.config import load_config
from archiver.context import Context
from archiver.ops.erase import erase as erase_user


@click.command()
@config_option
@click.option("--user-id", required=True, help="The platform's user id of the person.")
@click.option("--source", default=None, help="Only this source.")
@click.option("--reason", required=True, help="Why (recorded in the ledger), e.g. the request id.")
@click.option("--operator", default=None, help="Who does this, for the ledger (default: $USER).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@sealed_key_option
@handle_errors
def erase(
    config_path: str,
    user_id: str,
    source: str | None,
    reason: str,
    operator: str | None,
    as_json: bool,
    sealed_key: Path | None,
) -> None:
    """Rewrite the person's objects without them, supersede and delete the old ones, and stop
    archiving them. Exit 6 (case named) while a legal hold covers them."""
    ctx = Context.open(load_config(config_path), sealed_private_key=sealed_key)
    r = erase_user(ctx, user_id, reason=reason, source=source, operator=operator)
    lines = [
        f"erased {r.rows_removed} row(s): {len(r.superseded)} object(s) superseded, "
        f"{len(r.written)} rewritten, {len(r.removal.deleted)} deleted; "
        f"{len(r.manifests)} manifest(s) committed; ledger {r.ledger}"
    ]
    lines += [f"  {key}: {why}" for key, why in sorted(r.removal.retained.items())]
    emit(r.to_json(), "\n".join(lines), as_json=as_json)
