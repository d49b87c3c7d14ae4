"""``archiver erase``: erase one person (GDPR Art. 17), refused while held."""

from __future__ import annotations

from pathlib import Path

import click

from archiver.cli.common import (
    config_option,
    emit,
    exit_codes,
    handle_errors,
    operator_option,
    person_options,
    sealed_key_option,
)
from archiver.config import load_config
from archiver.context import Context
from archiver.ops.erase import EraseReport
from archiver.ops.erase import erase as erase_user


def format_report(r: EraseReport) -> str:
    what = (
        f"{r.conversations} conversation(s), {r.messages} message(s), {r.profiles} profile(s) "
        f"in {len(r.streams)} stream(s)"
    )
    if r.dry_run:
        lines = [
            f"would erase {what}: {len(r.superseded)} object(s) rewritten without the person; "
            "nothing was changed"
        ]
        if r.already_erased:
            lines = ["nothing to erase: the person was erased before (suppressed)"]
        lines += [
            f"  hold in the way: case {c!r} (hold {h}) covers {w}" for c, h, w in r.holds_in_the_way
        ]
        lines += [
            f"  kept by case {c!r}: {n} conversation(s)" for c, n in sorted(r.kept_held.items())
        ]
        return "\n".join(lines)
    if r.already_erased:
        return "nothing to erase: the person was erased before (suppressed); nothing recorded"
    lines = [
        f"erased {what}: {len(r.superseded)} object(s) superseded, {len(r.written)} rewritten, "
        f"{len(r.removal.deleted)} deleted; {len(r.manifests)} manifest(s) committed; "
        f"ledger {r.ledger} ('archiver ledger show' prints the receipt)"
    ]
    if r.unknown:
        lines.append("nothing was archived about the person: only the suppression was recorded")
    lines += [
        f"  kept by hold of case {c!r}: {n} conversation(s)" for c, n in sorted(r.kept_held.items())
    ]
    lines += [f"  {key}: {why}" for key, why in sorted(r.removal.retained.items())]
    return "\n".join(lines)


@click.command(
    help="Rewrite the person's objects without them, supersede and delete the old ones, and "
    "stop archiving them.\n\n"
    "The person is named by --user-id, or found by --email / --phone in the archive's keyed "
    "contact index. --dry-run shows what would go and the holds in the way, and changes "
    "nothing. A legal hold refuses the erasure (exit 6, with the release command); "
    "--except-held erases everything but the held conversations."
    + exit_codes(
        "0 erased (or, with --dry-run, planned)",
        "1 failure (the store failed)",
        "2 usage or config: no --sealed-key, no --reason, unknown operator",
        "4 integrity: a manifest or object is altered or missing",
        "5 conflict: a run committed the same stream meanwhile; run it again",
        "6 held: a legal hold covers the person or a session; nothing changed",
        "7 unknown: no such person in the archive; nothing changed",
    )
)
@config_option
@person_options
@click.option("--source", default=None, help="Only this source.")
@click.option("--reason", default="", help="Why (recorded in the ledger), e.g. the request id.")
@click.option("--dry-run", is_flag=True, help="Show what would be erased; change nothing.")
@click.option("--except-held", is_flag=True, help="Erase all but the conversations a hold keeps.")
@click.option(
    "--allow-unknown",
    is_flag=True,
    help="For a user id not archived: record the suppression (never archive them) anyway.",
)
@operator_option
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@sealed_key_option
@handle_errors
def erase(
    config_path: str,
    user_id: str | None,
    email: str | None,
    phone: str | None,
    source: str | None,
    reason: str,
    dry_run: bool,
    except_held: bool,
    allow_unknown: bool,
    operator: str | None,
    as_json: bool,
    sealed_key: Path | None,
) -> None:
    ctx = Context.open(
        load_config(config_path),
        write=not dry_run,
        sealed_private_key=sealed_key,
        commits=not dry_run,
    )
    r = erase_user(
        ctx,
        user_id,
        reason=reason,
        source=source,
        operator=operator,
        email=email,
        phone=phone,
        dry_run=dry_run,
        except_held=except_held,
        allow_unknown=allow_unknown,
    )
    emit(r.to_json(), format_report(r), as_json=as_json)
