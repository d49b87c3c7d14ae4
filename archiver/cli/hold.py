"""``archiver hold place|release|list``: legal holds that block erasure and pruning."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from archiver.cli.common import config_option, handle_errors
from archiver.cli.verify import emit
from archiver.config import load_config
from archiver.context import Context
from archiver.ops.hold import active_holds, place_or_release

_operator = click.option(
    "--operator", default=None, help="Who does this, for the record (default: $USER)."
)


F = TypeVar("F", bound=Callable[..., Any])


def _target_options(fn: F) -> F:
    fn = click.option("--session-id", default=None, help="Hold one session.")(fn)
    fn = click.option("--user-id", default=None, help="Hold everything about one person.")(fn)
    return click.option("--case", required=True, help="The case reference.")(fn)


@click.group()
def hold() -> None:
    """Legal holds, kept in the store as signed records; they block erase and prune."""


def _change_command(action: str, doc: str) -> None:
    def command(
        config_path: str,
        case: str,
        user_id: str | None,
        session_id: str | None,
        operator: str | None,
    ) -> None:
        ctx = Context.open(load_config(config_path))
        r = place_or_release(
            ctx, action, case, user_id=user_id, session_id=session_id, operator=operator
        )
        verb = {"place": "placed", "release": "released"}[action]
        state = (
            f"hold {r.hold.hold_id} of case {case!r} {verb}"
            if r.changed
            else (f"hold {r.hold.hold_id} of case {case!r} was already {verb}; nothing recorded")
        )
        click.echo(state)
        if r.legal_holds or r.kept_locked:
            click.echo(
                f"S3 legal holds {'set on' if action == 'place' else 'lifted from'} "
                f"{r.legal_holds} object(s); {r.kept_locked} kept locked by other holds"
            )

    command.__doc__ = doc
    hold.command(action)(config_option(_target_options(_operator(handle_errors(command)))))


_change_command("place", "Place a hold on a person (--user-id) or a session (--session-id).")
_change_command("release", "Release a hold placed for the same case and target.")


@hold.command("list")
@config_option
@click.option("--case", default=None, help="Only this case.")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@handle_errors
def list_holds(config_path: str, case: str | None, as_json: bool) -> None:
    """The holds in force (targets shown by pseudonym only)."""
    ctx = Context.open(load_config(config_path), write=False)
    holds = [h for h in active_holds(ctx.store, ctx.verifier) if case is None or h.case == case]
    lines = [
        f"{h.case}\t{h.kind}\t{h.hold_id}\tplaced {h.placed_at} by {h.placed_by}" for h in holds
    ]
    emit(
        {"holds": [h.to_json() for h in holds]},
        "\n".join(lines) or "no holds in force",
        as_json=as_json,
    )
