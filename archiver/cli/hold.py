"""``archiver hold place|release|list``: legal holds that block erasure and pruning."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from archiver.cli.common import (
    config_option,
    emit,
    exit_codes,
    handle_errors,
    operator_option,
    sealed_key_option,
)
from archiver.cli.search import current_query
from archiver.config import load_config
from archiver.context import Context
from archiver.errors import ConfigError
from archiver.ops.discovery import SENDERS, describe_query
from archiver.ops.hold import Hold, holds_on, place_or_release, place_query

F = TypeVar("F", bound=Callable[..., Any])

_CODES = exit_codes(
    "0 done (or already in that state)",
    "1 failure (the store failed)",
    "2 usage or config: no target, unknown operator",
    "4 integrity: a hold record or manifest is altered",
    "7 unknown: the person or session is not in the archive, or no conversation matches "
    "the query (place), or no such hold was ever placed (release); nothing recorded",
)


def _query_filters(fn: F) -> F:
    """The search filters a hold by query takes besides the person options."""
    fn = click.option(
        "--sender", type=click.Choice(SENDERS), default=None, help="Query: a message by this role."
    )(fn)
    fn = click.option("--regex", default=None, help="Query: a message matching this pattern.")(fn)
    fn = click.option("--text", default=None, help="Query: a message with all these words.")(fn)
    fn = click.option("--source", default=None, help="Query: only this source.")(fn)
    fn = click.option("--to", "to_", default=None, help="Query: messages up to this date/time.")(fn)
    fn = click.option("--from", "from_", default=None, help="Query: messages from this date/time.")(
        fn
    )
    return click.option(
        "--query",
        "by_query",
        is_flag=True,
        help="Hold the conversations a search with the filters given matches now "
        "(--user-id/--email/--phone then filter like archiver search).",
    )(fn)


def _target_options(fn: F) -> F:
    fn = click.option("--phone", default=None, help="Hold a person found by phone number.")(fn)
    fn = click.option("--email", default=None, help="Hold a person found by e-mail address.")(fn)
    fn = click.option("--session-id", default=None, help="Hold one session (exact id).")(fn)
    fn = click.option(
        "--user-id", default=None, help="Hold everything about one person (exact id)."
    )(fn)
    return click.option("--case", required=True, help="The case reference (exact).")(fn)


@click.group(
    help="Legal holds, kept in the store as signed records; they block erase and prune." + _CODES
)
def hold() -> None:
    pass


def _describe(h: Hold) -> str:
    target = f"person {h.subjects[0][:16]}…" if h.kind == "user" and h.subjects else h.kind
    if h.kind == "session":
        target = f"session {(h.session or '')[:16]}…"
    if h.kind == "query":
        target = (
            f"{len(h.matched)} conversation(s) matching [{describe_query(h.query or {})}] "
            f"when placed"
        )
    lines = [
        f"case {h.case!r}: {target} held since {h.placed_at} by {h.placed_by} (hold {h.hold_id})",
        f"  why: {h.reason or '(no reason recorded)'}"
        + (f"; custodian: {h.custodian}" if h.custodian else ""),
    ]
    if h.preservation:
        lines.append("  placed before any data of the target was archived (preservation hold)")
    return "\n".join(lines)


def _report(action: str, case: str, r: Any) -> None:
    verb = {"place": "placed", "release": "released"}[action]
    if r.changed:
        click.echo(f"hold {r.hold.hold_id} of case {case!r} {verb}")
    else:
        click.echo(f"hold {r.hold.hold_id} of case {case!r} was already {verb}; nothing recorded")
    if r.hold.preservation and action == "place" and r.changed:
        click.echo("note: nothing of the target is archived yet; recorded as a preservation hold")
    if r.legal_holds or r.kept_locked:
        click.echo(
            f"S3 legal holds {'set on' if action == 'place' else 'lifted from'} "
            f"{r.legal_holds} object(s); {r.kept_locked} kept locked by other holds"
        )


@hold.command(
    "place",
    help="Place a hold on a person (--user-id, --email, --phone) or a session (--session-id), "
    "or with --query on the conversations a search matches now.\n\n"
    "The target is looked up in the archive first; --allow-unknown places a preservation "
    "hold on a user or session id not archived yet. A hold by query records the query and "
    "the conversations it matched; conversations that match later are not added (place the "
    "query again to add them). With --sealed-key the query searches the originals." + _CODES,
)
@config_option
@_target_options
@_query_filters
@click.option("--reason", default=None, help="Why the data must be kept (shown by hold list).")
@click.option("--custodian", default=None, help="Who answers for the hold (legal contact).")
@click.option(
    "--allow-unknown", is_flag=True, help="Place it even if the target is not archived yet."
)
@operator_option
@sealed_key_option
@handle_errors
def place(
    config_path: str,
    case: str,
    user_id: str | None,
    session_id: str | None,
    email: str | None,
    phone: str | None,
    by_query: bool,
    from_: str | None,
    to_: str | None,
    source: str | None,
    text: str | None,
    regex: str | None,
    sender: str | None,
    reason: str | None,
    custodian: str | None,
    allow_unknown: bool,
    operator: str | None,
    sealed_key: Path | None,
) -> None:
    filters = {
        "--from": from_,
        "--to": to_,
        "--source": source,
        "--text": text,
        "--regex": regex,
        "--sender": sender,
    }
    if not by_query:
        given = [k for k, v in filters.items() if v is not None]
        if given:
            raise ConfigError(f"{given[0]} is a query filter: add --query to hold by query")
    else:
        if session_id is not None or allow_unknown:
            raise ConfigError(
                "--query holds what a search matches: no --session-id or --allow-unknown with it"
            )
        q = current_query()
        originals = sealed_key is not None
        ctx = Context.open(load_config(config_path), sealed_private_key=sealed_key)
        qr = place_query(
            ctx, case, q, originals=originals, operator=operator, reason=reason, custodian=custodian
        )
        _report("place", case, qr)
        what = describe_query(qr.hold.query or {})
        click.echo(
            f"{len(qr.hold.matched)} conversation(s) matched [{what}]; "
            f"{qr.objects_read} of {qr.objects_total} message objects read"
        )
        if not reason and qr.changed:
            click.echo("note: no --reason given; 'hold list' will not say why", err=True)
        return
    ctx = Context.open(load_config(config_path))
    r = place_or_release(
        ctx,
        "place",
        case,
        user_id=user_id,
        session_id=session_id,
        email=email,
        phone=phone,
        operator=operator,
        reason=reason,
        custodian=custodian,
        allow_unknown=allow_unknown,
    )
    _report("place", case, r)
    if not reason and r.changed:
        click.echo("note: no --reason given; 'hold list' will not say why", err=True)


@hold.command(
    "release",
    help="Release a hold placed for the same case and target (or --hold-id, as 'hold list' "
    'and erase show it). A hold never placed is an error, not "already released".' + _CODES,
)
@config_option
@_target_options
@click.option("--hold-id", default=None, help="The hold's id, as 'hold list' shows it.")
@operator_option
@handle_errors
def release(
    config_path: str,
    case: str,
    user_id: str | None,
    session_id: str | None,
    email: str | None,
    phone: str | None,
    hold_id: str | None,
    operator: str | None,
) -> None:
    ctx = Context.open(load_config(config_path))
    r = place_or_release(
        ctx,
        "release",
        case,
        user_id=user_id,
        session_id=session_id,
        email=email,
        phone=phone,
        hold_id=hold_id,
        operator=operator,
    )
    _report("release", case, r)


@hold.command(
    "list",
    help="The holds in force, or whether one person or session is held: by which cases, "
    "since when, by whom and why (targets shown by pseudonym only)." + _CODES,
)
@config_option
@click.option("--case", default=None, help="Only this case.")
@click.option("--user-id", default=None, help="Is this person held?")
@click.option("--email", default=None, help="Is the person with this e-mail address held?")
@click.option("--phone", default=None, help="Is the person with this phone number held?")
@click.option("--session-id", default=None, help="Is this session held?")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@handle_errors
def list_holds(
    config_path: str,
    case: str | None,
    user_id: str | None,
    email: str | None,
    phone: str | None,
    session_id: str | None,
    as_json: bool,
) -> None:
    ctx = Context.open(load_config(config_path), write=False)
    asked = [v for v in (user_id, email, phone, session_id) if v is not None]
    if len(asked) > 1:
        raise click.UsageError("ask about one of --user-id, --email, --phone, --session-id")
    if asked:
        holds, _ = holds_on(ctx, user_id=user_id, session_id=session_id, email=email, phone=phone)
    else:
        holds = ctx.catalog.holds()
    holds = [h for h in holds if case is None or h.case == case]
    if asked:
        what = "the session" if session_id is not None else "the person"
        head = f"{what} is held by {len(holds)} hold(s)" if holds else f"{what} is not held"
        text = "\n".join([head, *(_describe(h) for h in holds)])
        if session_id is None:
            text += (
                "\n(holds on single sessions are matched by --session-id; erase --dry-run "
                "lists those covering the person's sessions)"
            )
    else:
        text = "\n".join(_describe(h) for h in holds) or "no holds in force"
    doc: dict[str, Any] = {"holds": [h.to_json() for h in holds]}
    if asked:
        doc["held"] = bool(holds)
    emit(doc, text, as_json=as_json)
