"""Asking a platform whether it has a user or a session, against each simulator: what the
privacy commands use to tell a mistyped id from data not archived yet."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from archiver.demo import source_entry
from archiver.simulators.kore import KoreSimulator
from archiver.simulators.peki import PekiSimulator
from archiver.simulators.selise import SeliseSimulator
from archiver.sources.base import PlatformLookup
from archiver.sources.http import HttpPolicy
from archiver.sources.kore import KoreSource
from archiver.sources.peki import PekiSource
from archiver.sources.selise import SeliseSource
from archiver.timeutil import parse_ts, utcnow


def _lookup(source: Any) -> PlatformLookup:
    assert isinstance(source, PlatformLookup)
    return source


def test_peki_answers_by_its_list_filters_and_the_user_by_id(peki: PekiSimulator) -> None:
    source = _lookup(PekiSource("p", source_entry("p", peki), policy=HttpPolicy()))
    truth = peki.truth("bot1")
    uid = sorted(truth["users"])[0]
    sid = sorted(truth["sessions"])[0]
    assert source.knows_user("bot1", uid) is True
    assert source.knows_user("bot1", uid + "x") is False
    assert source.knows_session("bot1", sid) is True
    assert source.knows_session("bot1", sid + "x") is False
    # A user the other bot has is not this bot's.
    assert source.knows_user("bot2", uid) is (uid in peki.truth("bot2")["users"])
    # A profile without any conversation is found by the user by id alone.
    fresh = peki.add_user("bot1")
    assert source.knows_user("bot1", fresh) is True


def test_peki_without_the_inferred_user_by_id_route_still_answers_from_the_lists(
    peki: PekiSimulator,
) -> None:
    """The user by id is inferred: where the platform lacks it, a user with conversations is
    still found by the documented filters; one with a profile only reads as not had (the
    commands then refuse, changing nothing, as for a typo)."""
    peki.user_by_id = False
    source = _lookup(PekiSource("p", source_entry("p", peki), policy=HttpPolicy()))
    uid = sorted(peki.truth("bot1")["users"])[0]
    assert source.knows_user("bot1", uid) is True
    assert source.knows_user("bot1", peki.add_user("bot1")) is False
    assert source.knows_user("bot1", "nobody") is False


def test_kore_answers_sessions_by_id_and_users_only_within_its_reach(kore: KoreSimulator) -> None:
    entry = source_entry("k", kore) | {"backfill_days": 35}
    source = _lookup(KoreSource("k", entry, policy=HttpPolicy()))
    sessions = kore.truth("st-bot1")["sessions"]
    newest = max(sessions.values(), key=lambda s: parse_ts(s["start_time"]))
    assert source.knows_session("st-bot1", newest["sessionId"]) is True
    assert source.knows_session("st-bot1", "no-such-session") is False
    assert source.knows_user("st-bot1", newest["userId"]) is True
    # Not seen within the reach is no proof the platform never had the user: cannot tell.
    assert source.knows_user("st-bot1", "u-nobody") is None
    # A user whose sessions all began before the reach: not found there, so cannot tell.
    short = _lookup(KoreSource("k", entry | {"backfill_days": 0.0001}, policy=HttpPolicy()))
    oldest = min(sessions.values(), key=lambda s: parse_ts(s["start_time"]))
    theirs = [
        parse_ts(s["start_time"]) for s in sessions.values() if s["userId"] == oldest["userId"]
    ]
    assert utcnow() - max(theirs) > timedelta(minutes=1)
    assert short.knows_user("st-bot1", oldest["userId"]) is None


def test_selise_answers_sessions_by_id_and_cannot_tell_users(selise: SeliseSimulator) -> None:
    agent = selise.agent_ids[0]
    source = _lookup(SeliseSource("s", source_entry("s", selise), policy=HttpPolicy()))
    truth = selise.truth(agent)
    sid = sorted(truth["sessions"])[0]
    assert source.knows_session(agent, sid) is True
    assert source.knows_session(agent, sid + "x") is False
    assert source.knows_user(agent, truth["sessions"][sid]["user_id"]) is None
