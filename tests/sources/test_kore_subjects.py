"""Every Kore.ai message record names its conversation's user, whoever authored it.

Bot replies may name the bot as their author (``createdBy``). Their user is then their
session's, which a run may learn only from a look-up by id that answers after the message was
listed: the record waits for it, so the archive never holds such a reply without a subject.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from archiver.simulators.kore import KoreSimulator
from archiver.sources.base import Record, StateMark
from archiver.sources.http import HttpPolicy
from archiver.sources.kore import KoreSource
from tests.conftest import UNLIMITED

BOT = "st-1"


@pytest.fixture
def sim() -> Iterator[KoreSimulator]:
    with KoreSimulator(
        seed=9,
        bot_ids=(BOT,),
        users_per_bot=12,
        rate_limits=((UNLIMITED, 60.0),),
        long_open_fraction=0.5,
    ) as s:
        s.outgoing_created_by = "bot"
        yield s


def _source(sim: KoreSimulator, concurrency: int) -> KoreSource:
    settings = {
        "base_url": sim.base_url,
        "client_id": sim.client_id,
        "client_secret": sim.client_secret,
        "bot_ids": [BOT],
        "backfill_days": 1,
        "rate_limit_per_minute": UNLIMITED,
        "rate_limit_per_hour": UNLIMITED,
    }
    return KoreSource("kore-test", settings, policy=HttpPolicy(concurrency=concurrency))


def _crawl(
    sim: KoreSimulator, state: dict[str, object], since: datetime | None, concurrency: int
) -> tuple[list[Record], dict[str, object]]:
    source = _source(sim, concurrency)
    try:
        source.load_state(BOT, state)
        records, new_state = [], state
        for item in source.changes(BOT, since):
            if isinstance(item, StateMark):
                new_state = item.state
            else:
                records.append(item)
        return records, new_state
    finally:
        source.close()


@pytest.mark.parametrize("concurrency", [1, 4])
def test_bot_replies_carry_their_sessions_user(sim: KoreSimulator, concurrency: int) -> None:
    """A new conversation (listed without a status, looked up beside the message lists) and a
    conversation begun before the backfill horizon (known only from its new reply): every
    bot reply record names the session's user."""
    first, state = _crawl(sim, {}, None, concurrency)
    since = max(r.changed_at for r in first)
    old = sim.long_open_session_ids(BOT, days=2)[0]
    channel = sim.truth(BOT)["sessions"][old]["channel"]
    sim.advance(600)
    late = sim.add_message(BOT, old, text="Noted, I will call you back", incoming=False)
    newcomer = sim.add_user(BOT, channel=channel)
    sim.advance(10)
    records, _ = _crawl(sim, state, since, concurrency)

    truth = sim.truth(BOT)
    messages = [r for r in records if r.table == "messages"]
    by_bot = [r for r in messages if r.data["createdBy"] == BOT]
    assert late in {r.id for r in by_bot}, "the reply in the old conversation was read"
    assert any(truth["sessions"][r.session_id]["userId"] == newcomer for r in by_bot)
    wrong = [
        (r.id, r.user_id)
        for r in messages
        if r.user_id != truth["sessions"][truth["messages"][r.id]["sessionId"]]["userId"]
    ]
    assert not wrong, f"messages without their conversation's user: {wrong}"
