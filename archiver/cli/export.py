"""``archiver export --user-id``: one person's data for an access or portability request."""

from __future__ import annotations

from pathlib import Path

import click

from archiver.cli.common import config_option, handle_errors, sealed_key_option
from archiver.config import load_config
from archiver.context import Context
from archiver.ops.export import ExportNotice
from archiver.ops.export import export as export_user


@click.command()
@config_option
@click.option("--user-id", required=True, help="The platform's user id of the person.")
@click.option("--source", default=None, help="Only this source.")
@click.option(
    "--out",
    required=True,
    type=click.Path(path_type=Path),
    help="A new folder, a file ending in .zip, or with --age-recipient one ending in .zip.age.",
)
@click.option(
    "--age-recipient",
    "age_recipients",
    multiple=True,
    help="Encrypt the export (a zip) to this age public key, age1… (repeatable).",
)
@sealed_key_option
@handle_errors
def export(
    config_path: str,
    user_id: str,
    source: str | None,
    out: Path,
    age_recipients: tuple[str, ...],
    sealed_key: Path | None,
) -> None:
    """Everything about one person, from the sealed originals, with README and checksums."""
    cfg = load_config(config_path)
    ctx = Context.open(cfg, write=False, sealed_private_key=sealed_key)
    notice = ExportNotice(**cfg.export) if cfg.export else ExportNotice()
    report = export_user(
        ctx, user_id, out, source=source, notice=notice, age_recipients=age_recipients
    )
    click.echo(
        f"{report.streams} streams, {report.sessions} sessions, {report.messages} messages "
        f"→ {out} ({report.objects_read} of {report.objects_total} objects read)"
    )
