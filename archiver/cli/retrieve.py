"""``archiver retrieve --session-id``: a verbatim transcript with its chain of custody."""

from __future__ import annotations

from pathlib import Path

import click

from archiver.cli.common import config_option, handle_errors, sealed_key_option
from archiver.config import load_config
from archiver.context import Context
from archiver.ops.retrieve import FORMATS
from archiver.ops.retrieve import retrieve as retrieve_session


@click.command()
@config_option
@click.option("--session-id", required=True)
@click.option("--source", default=None, help="Only this source (when ids repeat across streams).")
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="txt", show_default=True)
@sealed_key_option
@handle_errors
def retrieve(
    config_path: str,
    session_id: str,
    source: str | None,
    out: Path,
    fmt: str,
    sealed_key: Path | None,
) -> None:
    """Write the session's transcript and OUT.custody.json (objects, hashes, chain check)."""
    cfg = load_config(config_path)
    ctx = Context.open(cfg, write=False, sealed_private_key=sealed_key)
    t = retrieve_session(ctx, session_id, out, fmt=fmt, source=source)
    click.echo(
        f"{len(t.messages)} messages, {len(t.versions)} versions of the session record "
        f"→ {out}; chain {t.custody['chain']['result']}, "
        f"{len(t.custody['objects'])} objects checked"
    )
