"""``archiver produce`` and ``archiver verify-bundle``: a case bundle for counsel, checked."""

from __future__ import annotations

import json
from pathlib import Path

import click

from archiver.cli.common import (
    config_option,
    exit_codes,
    handle_errors,
    operator_option,
    sealed_key_option,
)
from archiver.cli.search import current_query, query_options
from archiver.config import load_config
from archiver.context import Context
from archiver.errors import EXIT_INTEGRITY
from archiver.keys import load_verifier
from archiver.ops.bundle import verify_bundle
from archiver.ops.produce import FORMATS
from archiver.ops.produce import produce as produce_bundle


@click.command(
    "produce",
    help="Write the case bundle: every conversation the case's holds keep (or, with search "
    "filters, every conversation they match now) as HTML, text and JSON documents with "
    "Bates numbers, a load file for review platforms (--format dat: Concordance/Relativity "
    "DAT; native: CSV), one signed custody file, the manifests it cites, a README and "
    "SHA256SUMS. OUT is a new folder, a .zip, or with --age-recipient a .zip.age. The "
    "opening of the sealed originals is recorded in the ledger first."
    + exit_codes(
        "0 written",
        "1 failure (the store failed)",
        "2 usage or config: no --sealed-key, wrong key, OUT not empty, unknown operator",
        "4 integrity: a manifest or object is altered or missing",
        "7 unknown: no hold of the case in force, or the person named is not archived",
    ),
)
@config_option
@click.option("--case", required=True, help="The case reference (exact; names the bundle).")
@click.option("--out", required=True, type=click.Path(path_type=Path), help="Where to write.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="dat", show_default=True)
@click.option("--bates-prefix", default=None, help="Bates prefix (default: from the case).")
@query_options
@click.option(
    "--age-recipient",
    "age_recipients",
    multiple=True,
    help="Encrypt the bundle (a zip) to this age public key, age1… (repeatable).",
)
@click.option("--reason", default=None, help="Why (recorded in the ledger; default: the case).")
@operator_option
@sealed_key_option
@handle_errors
def produce(
    config_path: str,
    case: str,
    out: Path,
    fmt: str,
    bates_prefix: str | None,
    user_id: str | None,
    email: str | None,
    phone: str | None,
    from_: str | None,
    to_: str | None,
    source: str | None,
    text: str | None,
    regex: str | None,
    sender: str | None,
    age_recipients: tuple[str, ...],
    reason: str | None,
    operator: str | None,
    sealed_key: Path | None,
) -> None:
    q = current_query()
    ctx = Context.open(load_config(config_path), sealed_private_key=sealed_key)
    r = produce_bundle(
        ctx,
        case,
        out,
        query=None if q.empty else q,
        fmt=fmt,
        prefix=bates_prefix,
        age_recipients=age_recipients,
        operator=operator,
        reason=reason,
    )
    span = f" ({r.first_bates} … {r.last_bates})" if r.first_bates else ""
    click.echo(
        f"case {case!r}: {r.documents} conversation(s){span}, {r.messages} messages, "
        f"{r.objects_read} sealed objects read → {out} ({r.files} files)"
    )
    for rec in r.access_records:
        click.echo(f"access recorded in {rec}")


@click.command(
    "verify-bundle",
    help="Check a case bundle (folder or zip) from its own files: the custody file's "
    "signature (against --trusted-key, the archive's root key, when given, followed through "
    "the key rotation records the bundle carries), every "
    "file against the hashes custody records and against SHA256SUMS, no file added, the "
    "manifests' signatures, every object entry against its manifest, the load file against "
    "the documents. Needs no archive and no config."
    + exit_codes(
        "0 the bundle is as produced",
        "2 usage: not a bundle, an encrypted bundle, an unreadable key",
        "4 integrity: a file is altered, missing or added, or a signature is wrong",
    ),
)
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--trusted-key",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The archive's root key (PEM, keys.verify): the custody file must be signed by it "
    "or, after key rotations the bundle carries, by the key in force they lead to.",
)
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@handle_errors
def verify_bundle_command(path: Path, trusted_key: Path | None, as_json: bool) -> None:
    check = verify_bundle(path, trusted=load_verifier(trusted_key) if trusted_key else None)
    if as_json:
        click.echo(json.dumps(check.to_json(), indent=2))
    else:
        pinned = "the trusted key" if check.key_pinned else "its embedded key (not pinned)"
        click.echo(
            f"bundle of case {check.case!r}: {check.documents} document(s), {check.files} "
            f"files, {check.manifests} manifest(s), {check.objects} object entries; custody "
            f"signed by {check.key_id} ({pinned})"
        )
        for p in check.problems:
            click.echo(f"PROBLEM: {p}")
        click.echo("ok: the bundle is as produced" if check.ok else "NOT OK")
    if not check.ok:
        raise SystemExit(EXIT_INTEGRITY)
