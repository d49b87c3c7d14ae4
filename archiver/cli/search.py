"""``archiver search``: find conversations by person, time, platform, sender and words."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

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
from archiver.errors import UnknownTargetError
from archiver.ops.discovery import SENDERS, Query, SearchResult, parse_when, search
from archiver.ops.retrieve import shown_time
from archiver.timeutil import format_ts

F = TypeVar("F", bound=Callable[..., Any])


def query_options(fn: F) -> F:
    """The search filters, shared by ``search``, ``hold place --query`` and ``produce``."""
    fn = click.option(
        "--sender", type=click.Choice(SENDERS), default=None, help="A message by this role."
    )(fn)
    fn = click.option(
        "--regex", default=None, help="A message whose text matches this RE2 pattern."
    )(fn)
    fn = click.option(
        "--text",
        default=None,
        help="A message containing all these words (case-insensitive, parts of words count).",
    )(fn)
    fn = click.option("--source", default=None, help="Only this source (config name).")(fn)
    fn = click.option(
        "--to", "to_", default=None, help="Messages up to this date (inclusive) or time."
    )(fn)
    fn = click.option(
        "--from", "from_", default=None, help="Messages from this date or time (UTC)."
    )(fn)
    return person_options(fn)


def build_query(
    *,
    user_id: str | None,
    email: str | None,
    phone: str | None,
    from_: str | None,
    to_: str | None,
    source: str | None,
    text: str | None,
    regex: str | None,
    sender: str | None,
) -> Query:
    return Query(
        user_id=user_id,
        email=email,
        phone=phone,
        since=parse_when(from_, end=False) if from_ else None,
        until=parse_when(to_, end=True) if to_ else None,
        source=source,
        text=text,
        regex=regex,
        sender=sender,
    )


_FILTERS = ("user_id", "email", "phone", "from_", "to_", "source", "text", "regex", "sender")


def current_query() -> Query:
    """The query the running command's filter options give (``query_options``, or options of
    the same names): one place that reads them, for every command that searches."""
    params = click.get_current_context().params
    return build_query(**{name: params.get(name) for name in _FILTERS})


def _table(result: SearchResult) -> str:
    over = "originals" if result.originals else "masked rows (personal values are tokens)"
    lines = [
        f"searched {over}: {result.total} conversation(s) match"
        + (
            f", {len(result.conversations)} shown"
            if len(result.conversations) < result.total
            else ""
        )
        + f"; {result.objects_read} of {result.objects_total} message objects read",
    ]
    if not result.originals:
        lines.append(
            "note: without --sealed-key the person is shown by subject_id and words are matched "
            "in masked text (a name, address or number the policy masks is not found)"
        )
    for c in result.conversations:
        lines.append(
            f"{c.source}/{c.tenant}  session {c.session_id}  person {c.person or '(none)'}\n"
            f"    {shown_time(format_ts(c.first) if c.first else None)} → "
            f"{shown_time(format_ts(c.last) if c.last else None)}, {c.messages} message(s), "
            f"{c.hits} hit(s)\n    {c.snippet}"
        )
    return "\n".join(lines)


@click.command(
    "search",
    help="List the conversations that match: by person (--user-id, --email, --phone), time "
    "(--from/--to, UTC; a date --to includes that day), --source, words (--text) or a "
    "pattern (--regex), and --sender. Time, words and sender apply to one message: a "
    "conversation matches when one of its messages passes them all.\n\n"
    "Only objects that can match are opened (the person's, the dates' partitions). Without "
    "--sealed-key the masked rows are searched and the person is shown by subject_id; with "
    "it the originals, after a signed access record names the objects opened."
    + exit_codes(
        "0 done (also when nothing matches)",
        "1 failure (the store failed)",
        "2 usage or config: bad filter, unknown source, wrong key",
        "4 integrity: a manifest or object is altered or missing",
        "7 unknown: the person named is not in the archive",
    ),
)
@config_option
@query_options
@click.option("--limit", type=click.IntRange(min=1), default=None, help="List at most N.")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.option("--reason", default=None, help="Why (recorded with --sealed-key).")
@operator_option
@sealed_key_option
@handle_errors
def search_command(
    config_path: str,
    user_id: str | None,
    email: str | None,
    phone: str | None,
    from_: str | None,
    to_: str | None,
    source: str | None,
    text: str | None,
    regex: str | None,
    sender: str | None,
    limit: int | None,
    as_json: bool,
    reason: str | None,
    operator: str | None,
    sealed_key: Path | None,
) -> None:
    q = current_query()
    originals = sealed_key is not None
    ctx = Context.open(load_config(config_path), write=originals, sealed_private_key=sealed_key)
    result = search(ctx, q, originals=originals, limit=limit, operator=operator, reason=reason)
    if not result.person_known and result.person is not None:
        raise UnknownTargetError(
            f"no person with this {result.person.by} is in the archive",
            hint="ids are compared exactly: check the value",
        )
    if as_json:
        click.echo(json.dumps(result.to_json(), indent=2, ensure_ascii=False))
    else:
        click.echo(_table(result))
