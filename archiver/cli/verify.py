"""``archiver verify``: chain, signatures and objects of the whole archive; exit 4 on damage."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from archiver.cli.common import config_option, emit, exit_codes, handle_errors
from archiver.config import load_config
from archiver.context import Context
from archiver.ops.verify import (
    DataSubset,
    VerifyReport,
    Witness,
    configured_witness,
    default_witness_path,
    verify,
)

#: Orphans listed one by one in the text report; the JSON report lists them all.
ORPHANS_SHOWN = 20


def format_report(report: VerifyReport) -> str:
    mib = report.bytes / (1024 * 1024)
    lines = [
        f"archive {report.archive}",
        f"checked {len(report.streams)} stream(s), {report.manifests} manifest(s), "
        f"{report.objects} object(s) ({mib:.1f} MiB)"
        + (f", decrypted {report.decrypted}" if report.deep else "")
        + (f", {report.records} signed record(s)" if report.records else ""),
    ]
    for s in report.streams:
        head = (
            f"head {s.head_sequence} (sha256 {s.head_sha256[:16]}…)"
            if s.head_sequence is not None and s.head_sha256
            else "no valid head"
        )
        lines.append(
            f"  {s.source}/{s.tenant}: {s.manifests} manifest(s), {head}, "
            f"{s.objects} object(s), {s.rows} row(s)"
        )
    for p in report.problems:
        lines.append(f"PROBLEM [{p.kind}] {p.message}")
    if report.orphans:
        size = sum(o.size for o in report.orphans)
        lines.append(
            f"{len(report.orphans)} orphan(s), {size} bytes, named by no manifest "
            "(left by interrupted or losing runs; 'archiver gc' removes them):"
        )
        for o in report.orphans[:ORPHANS_SHOWN]:
            lines.append(f"  orphan {o.key} ({o.size} bytes, {o.modified:%Y-%m-%d %H:%M:%S}Z)")
        if len(report.orphans) > ORPHANS_SHOWN:
            lines.append(f"  … and {len(report.orphans) - ORPHANS_SHOWN} more (--json lists all)")
    for note in report.notes:
        lines.append(f"note: {note}")
    if report.witness is not None:
        lines.append(
            f"witness {report.witness}: "
            + ("heads recorded" if report.witness_updated else "not updated (problems found)")
        )
    lines.append(
        "OK: no problems found" if report.ok else f"FAILED: {len(report.problems)} problem(s) found"
    )
    return "\n".join(lines)


@click.command(
    "verify",
    epilog=exit_codes(
        (0, "the archive is intact (orphans may exist)"),
        (1, "the store failed"),
        2,
        (4, "damage found: every problem is listed"),
    ),
)
@config_option
@click.option("--deep", is_flag=True, help="Also decrypt every object and recount its rows.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option(
    "--sealed-key",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="ARCHIVER_SEALED_KEY",
    help="With --deep: private key that opens sealed originals (or ARCHIVER_SEALED_KEY).",
)
@click.option(
    "--witness",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="ARCHIVER_WITNESS",
    help="File outside the archive remembering each stream's verified head (default: "
    "archive.witness, else one per archive under $XDG_STATE_HOME/archiver).",
)
@click.option("--no-witness", is_flag=True, help="Neither check nor record stream heads.")
@click.option(
    "--read-data-subset",
    "data_subset",
    metavar="N/M",
    help="Read (with --deep: decrypt) only share N of M of the objects, chosen by a hash of "
    "their keys; the rest are checked by size. Shares 1/M to M/M read each object once: a "
    "large archive deep-checked in slices across days. Manifests and records are always "
    "checked in full.",
)
@handle_errors
def verify_command(
    config_path: str,
    deep: bool,
    as_json: bool,
    sealed_key: Path | None,
    witness: Path | None,
    no_witness: bool,
    data_subset: str | None,
) -> None:
    """Check chain links, signatures and every object; report orphans."""
    subset = DataSubset.parse(data_subset) if data_subset is not None else None
    cfg = load_config(config_path)
    ctx = Context.open(cfg, write=False, sealed_private_key=sealed_key)
    chosen: Path | Witness | None = None
    if not no_witness:
        chosen = witness or configured_witness(cfg, ctx.store)
    if chosen is None and not no_witness:
        chosen = default_witness_path(ctx.store)
        local_note = (
            f"no archive.witness is configured: the witness is kept in {chosen}, on this "
            "machine only (a container or pod loses it when it ends)"
        )
    else:
        local_note = ""
    report = verify(ctx, deep=deep, witness=chosen, subset=subset)
    if local_note:
        report.notes.append(local_note)
    emit(report.to_json(), format_report(report), as_json=as_json)
    sys.exit(report.exit_code)
