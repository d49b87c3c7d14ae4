"""``archiver export``: one person's data for an access or portability request."""

from __future__ import annotations

from pathlib import Path

import click

from archiver.cli.common import (
    config_option,
    exit_codes,
    handle_errors,
    operator_option,
    person_options,
    sealed_key_option,
)
from archiver.config import load_config
from archiver.context import Context
from archiver.ops.export import ExportNotice
from archiver.ops.export import export as export_user


@click.command(
    help="Everything about one person, from the sealed originals, with README and checksums.\n\n"
    "The person is named by --user-id, or found by --email / --phone in the archive's keyed "
    "contact index. A person the archive does not know is refused (exit 7) unless "
    '--allow-unknown, which writes a "no data held" answer. The opening of the sealed '
    "originals is recorded in the ledger first (who, when, why, which objects)."
    + exit_codes(
        "0 exported",
        "1 failure (the store failed)",
        "2 usage or config: no --sealed-key, wrong key, OUT not empty, unknown operator",
        "4 integrity: a manifest or object is altered or missing",
        "7 unknown: no such person in the archive (nothing written)",
    )
)
@config_option
@person_options
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
@click.option("--reason", default=None, help="Why: the request id (recorded in the ledger).")
@operator_option
@click.option(
    "--allow-unknown", is_flag=True, help='Answer "no data held" for a person not archived.'
)
@sealed_key_option
@handle_errors
def export(
    config_path: str,
    user_id: str | None,
    email: str | None,
    phone: str | None,
    source: str | None,
    out: Path,
    age_recipients: tuple[str, ...],
    reason: str | None,
    operator: str | None,
    allow_unknown: bool,
    sealed_key: Path | None,
) -> None:
    cfg = load_config(config_path)
    ctx = Context.open(cfg, sealed_private_key=sealed_key)
    notice = ExportNotice(**cfg.export) if cfg.export else None
    report = export_user(
        ctx,
        user_id,
        out,
        source=source,
        notice=notice,
        age_recipients=age_recipients,
        email=email,
        phone=phone,
        operator=operator,
        reason=reason,
        allow_unknown=allow_unknown,
    )
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(
        f"{report.streams} streams, {report.sessions} conversations, {report.messages} messages "
        f"→ {out} ({report.objects_read} of {report.objects_total} objects read)"
    )
    if report.access_record:
        click.echo(f"access recorded in {report.access_record}")
    for record in report.more_access_records:
        click.echo(f"access recorded in {record}")
