"""``archiver ledger list|show``: what was done with personal data, by whom, and the receipts."""

from __future__ import annotations

import click

from archiver.cli.common import config_option, emit, exit_codes, handle_errors
from archiver.config import load_config
from archiver.context import Context
from archiver.ops.ledger import KINDS, entries, entry, receipt

_CODES = exit_codes(
    "0 ok",
    "1 failure (the store failed)",
    "2 usage or config",
    "4 integrity: a ledger entry is altered or not signed by the trusted key",
    "7 unknown: no ledger entry with this id",
)


@click.group(
    help="The signed ledger: erasures, retention runs, and every opening of sealed "
    "originals (export, retrieve, restore --sealed)." + _CODES
)
def ledger() -> None:
    pass


@ledger.command("list", help="Every entry, oldest first: id, kind, when, who, what." + _CODES)
@config_option
@click.option("--kind", type=click.Choice(sorted(KINDS.values())), default=None)
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@handle_errors
def list_entries(config_path: str, kind: str | None, as_json: bool) -> None:
    ctx = Context.open(load_config(config_path), write=False)
    found = entries(ctx, kind=kind)
    lines = [
        f"{e.id}\t{e.kind}\t{e.doc.get('at')}\t{e.doc.get('operator')}\t{e.summary()}"
        + (f"\twhy: {e.doc['reason']}" if e.doc.get("reason") else "")
        for e in found
    ]
    emit(
        {"entries": [e.to_json() for e in found]},
        "\n".join(lines) or "the ledger is empty",
        as_json=as_json,
    )


@ledger.command(
    "show",
    help="One entry as a printable receipt (ENTRY: the id 'ledger list' shows, or a unique "
    "start of it)." + _CODES,
)
@config_option
@click.argument("entry_id", metavar="ENTRY")
@click.option("--json", "as_json", is_flag=True, help="Print the signed entry as JSON.")
@handle_errors
def show(config_path: str, entry_id: str, as_json: bool) -> None:
    ctx = Context.open(load_config(config_path), write=False)
    e = entry(ctx, entry_id)
    emit(e.to_json(), receipt(e, signed_by=ctx.verifier.key_id).rstrip("\n"), as_json=as_json)
