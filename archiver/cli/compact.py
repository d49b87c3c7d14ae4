"""``archiver compact``: rewrite small parts into parts of ``archive.part_size_mb``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from archiver.cli.common import (
    config_option,
    emit,
    exit_codes,
    handle_errors,
    operator_option,
    sealed_key_option,
)
from archiver.config import load_config
from archiver.context import Context
from archiver.errors import EXIT_CONFLICT, EXIT_OK
from archiver.ops.compact import CompactReport
from archiver.ops.compact import compact as compact_archive


def format_report(r: CompactReport) -> str:
    verb = "would rewrite" if r.dry_run else "rewrote"
    lines = [f"{verb} {r.objects_before} small part(s) into {r.objects_after} object(s)"]
    for p in r.plans:
        for b in p.to_json():
            lines.append(
                f"  {p.stream} {b['table']} {b['kind']} {b['date']}: "
                f"{len(b['parts'])} part(s), {b['rows']} row(s)"
            )
            if r.dry_run:
                lines += [f"    {k}" for k in b["parts"]]
    if r.dry_run:
        lines.append("nothing was changed (dry run)")
    elif r.manifests:
        lines.append(
            f"committed {len(r.manifests)} manifest(s); deleted {len(r.removal.deleted)} "
            f"old object(s); ledger {r.ledger}"
        )
    lines += [f"  {k}: {why}" for k, why in sorted(r.removal.retained.items())]
    if r.rows_dropped:
        lines.append(f"left out {r.rows_dropped} row(s) of erased people")
    if r.held:
        lines.append(f"{len(r.held)} new object(s) put on legal hold")
    if r.sealed_left:
        lines.append(
            f"{r.sealed_left} small sealed part(s) left as they are: give --sealed-key to "
            "compact the sealed originals too"
        )
    for stream, n in sorted(r.would_pack.items()):
        lines.append(f"would pack manifests 1-{n} of {stream} into one pack")
    for stream, done in sorted(r.packs.items()):
        lines.append(
            f"packed manifests 1-{done.manifests} of {stream} into {done.pack}; deleted "
            f"{len(done.deleted)} single manifest(s) and older pack(s)"
        )
        lines += [f"  {k}: {why}" for k, why in sorted(done.retained.items())]
    lines += [f"skipped {s}: {why}" for s, why in sorted(r.conflicts.items())]
    return "\n".join(lines)


@click.command(
    help="Rewrite each partition's small parts into parts of about archive.part_size_mb and "
    "commit one manifest per stream that supersedes them, recording lineage; old objects are "
    "deleted (or left to gc while Object Lock retains them). Rows, newest versions, holds and "
    "erasures are unchanged. Then packs each stream's manifests before its newest checkpoint "
    "into one pack object, byte for byte (--no-pack: leave them). --dry-run lists what would "
    "be rewritten and packed."
    + exit_codes(
        "0 done (or nothing to do, or with --dry-run, listed)",
        "1 failure (the store failed)",
        "2 usage or config: unknown source",
        "4 integrity: a manifest, record or object is altered",
        "5 conflict: a run held or committed a stream meanwhile; that stream was skipped, "
        "run compact again later",
    )
)
@config_option
@click.option("--source", default=None, help="Only the streams of this source.")
@click.option("--dry-run", is_flag=True, help="Only list what would be rewritten.")
@click.option(
    "--pack/--no-pack",
    default=True,
    show_default=True,
    help="Pack each stream's manifests before its newest checkpoint into one object.",
)
@sealed_key_option
@operator_option
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@handle_errors
def compact(
    config_path: str,
    source: str | None,
    dry_run: bool,
    pack: bool,
    sealed_key: Path | None,
    operator: str | None,
    as_json: bool,
) -> None:
    ctx = Context.open(
        load_config(config_path),
        write=not dry_run,
        sealed_private_key=sealed_key,
        commits=not dry_run,
    )
    r = compact_archive(ctx, source=source, dry_run=dry_run, operator=operator, pack=pack)
    emit(r.to_json(), format_report(r), as_json=as_json)
    sys.exit(EXIT_CONFLICT if r.conflicts else EXIT_OK)
