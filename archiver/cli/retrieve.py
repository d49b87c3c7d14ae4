"""``archiver retrieve --session-id``: a verbatim transcript with its chain of custody."""

from __future__ import annotations

from pathlib import Path

import click

from archiver.cli.common import (
    config_option,
    exit_codes,
    handle_errors,
    operator_option,
    sealed_key_option,
)
from archiver.config import load_config
from archiver.context import Context
from archiver.ops.retrieve import FORMATS
from archiver.ops.retrieve import retrieve as retrieve_session


@click.command(
    help="Write the session's transcript and OUT.custody.json (objects, hashes, chain check).\n\n"
    "An existing OUT is kept unless --force. The opening of the sealed originals is "
    "recorded in the ledger first (who, when, why, which objects)."
    + exit_codes(
        "0 written",
        "1 failure (the store failed)",
        "2 usage or config: no --sealed-key, wrong key, OUT exists, unknown operator",
        "4 integrity: a manifest or object is altered or missing",
        "7 unknown: no such session in the archive",
    )
)
@config_option
@click.option("--session-id", required=True, help="The platform's session id (exact).")
@click.option("--source", default=None, help="Only this source (when ids repeat across streams).")
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="txt", show_default=True)
@click.option("--force", is_flag=True, help="Overwrite OUT and OUT.custody.json if they exist.")
@click.option("--reason", default=None, help="Why: the case or request (recorded in the ledger).")
@operator_option
@sealed_key_option
@handle_errors
def retrieve(
    config_path: str,
    session_id: str,
    source: str | None,
    out: Path,
    fmt: str,
    force: bool,
    reason: str | None,
    operator: str | None,
    sealed_key: Path | None,
) -> None:
    cfg = load_config(config_path)
    ctx = Context.open(cfg, sealed_private_key=sealed_key)
    t = retrieve_session(
        ctx, session_id, out, fmt=fmt, source=source, operator=operator, reason=reason, force=force
    )
    click.echo(
        f"{len(t.messages)} messages, {len(t.versions)} versions of the session record "
        f"→ {out}; chain {t.custody['chain']['result']}, "
        f"{len(t.custody['objects'])} objects checked"
    )
