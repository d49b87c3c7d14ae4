"""Kore.ai runs that follow each other within the overlap (lag plus the ``Date`` header's
second): every version committed once, nothing lost, whatever the source lists again.

The engine's contract is that a complete run re-yields what changed at or after its
watermark; these sequences are the ones where a source that forgets a session too early, or a
resume point past the crawl's start, broke it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from archiver.crawl.engine import run_archive
from archiver.simulators.kore import KoreSimulator
from archiver.simulators.server import SimRequest, SimResponse, json_response
from tests.archive_truth import assert_no_duplicate_versions, check_archive, committed_rows
from tests.conftest import UNLIMITED, open_ctx, sealed_key
from tests.contract.platforms import KorePlatform, write_config

pytestmark = pytest.mark.usefixtures("parsed_once_in_module")


BOT = "st-bot1"


@pytest.fixture
def platform() -> Iterator[KorePlatform]:
    sim = KoreSimulator(
        seed=8,
        bot_ids=(BOT,),
        users_per_bot=6,
        rate_limits=((UNLIMITED, 60.0),),
        long_open_fraction=0.0,
    )
    with KorePlatform(sim=sim) as p:
        yield p


def _quiet_channel(sim: KoreSimulator, channel: str) -> str:
    """A new user on ``channel`` with an open session, and no other open session there."""
    uid = sim.add_user(BOT, channel=channel)
    sessions = sim.truth(BOT)["sessions"]
    mine = next(s for s, r in sessions.items() if r["userId"] == uid)
    for sid in sim.open_session_ids(BOT):
        if sid != mine and sessions[sid]["channel"] == channel:
            sim.close_session(BOT, sid)
    return mine


def test_a_message_in_the_overlap_of_a_session_closed_since_is_committed_once(
    platform: KorePlatform, tmp_path: Path
) -> None:
    """A message lands in an older open session on an otherwise idle channel, which then
    closes; run A archives it; run X, complete and within the overlap, must still account for
    it; a new conversation on that channel makes run B list it again."""
    sim = platform.sim
    cfg = write_config(tmp_path, platform, lag=30)
    ctx = open_ctx(cfg)
    session = _quiet_channel(sim, "email")
    assert run_archive(ctx).exit_code == 0
    sim.advance(120)
    sim.add_message(BOT, session, text="one more thing")
    sim.close_session(BOT, session)
    sim.advance(2)
    assert run_archive(ctx).exit_code == 0  # A: the session, re-read by id, shows the message
    sim.advance(2)
    assert run_archive(ctx).exit_code == 0  # X: nothing new, the message still in the overlap
    sim.advance(2)
    sim.add_user(BOT, channel="email")  # B: the channel is busy again
    assert run_archive(ctx).exit_code == 0
    assert_no_duplicate_versions(committed_rows(ctx, sealed=False))
    check_archive(cfg, platform, tmp_path)


def test_a_failed_last_look_up_leaves_a_resume_point_no_later_than_the_crawl_start(
    tmp_path: Path,
) -> None:
    """The look-up of sessions known only from their messages comes after the last window; when
    it fails, the partial run must not record a resume point past the platform's crawl start,
    or the records created in between are never listed again."""
    sim = KoreSimulator(
        seed=9,
        bot_ids=(BOT,),
        users_per_bot=12,
        rate_limits=((UNLIMITED, 60.0),),
        long_open_fraction=0.5,
        list_session_status=True,  # no look-ups inside the windows: only the last one
    )
    platform = KorePlatform(sim=sim)
    platform.start()
    try:
        cfg = write_config(
            tmp_path, platform, crawl={"max_retries": 1}, lag=5, source={"backfill_days": 1}
        )
        ctx = open_ctx(cfg)
        assert run_archive(ctx).exit_code == 0
        # Open for days, begun before the backfill horizon: known only through a new message.
        session = sim.long_open_session_ids(BOT, days=2)[0]
        channel = sim.truth(BOT)["sessions"][session]["channel"]
        sim.advance(600)
        sim.add_message(BOT, session, text="still there?")
        sim.add_user(BOT, channel=channel)  # the channel is listed for this new conversation
        sim.advance(5)

        def refuse_lookup(req: SimRequest, resp: SimResponse) -> SimResponse:
            body = json.loads(req.body or b"{}")
            if isinstance(body, dict) and session in (body.get("sessionId") or []):
                return json_response(503, {"errors": [{"msg": "Unavailable", "code": 503}]})
            return resp

        sim.response_hook = refuse_lookup
        assert run_archive(ctx).exit_code == 3  # partial: the look-up failed
        sim.response_hook = None
        sim.advance(3)
        late = sim.add_user(BOT, channel="rtm")  # created after that run's crawl started
        sim.advance(60)
        assert run_archive(ctx).exit_code == 0
        sim.advance(60)
        assert run_archive(ctx).exit_code == 0
        truth = sim.truth(BOT)
        late_sessions = {s for s, r in truth["sessions"].items() if r["userId"] == late}
        late_messages = {m for m, r in truth["messages"].items() if r["sessionId"] in late_sessions}
        sealed = open_ctx(cfg, sealed_private_key=sealed_key(cfg.parent))
        rows = committed_rows(sealed, sealed=True)
        assert_no_duplicate_versions(rows)
        sessions = {r["session_id"] for r in rows["sessions"]}
        messages = {r["message_id"] for r in rows["messages"]}
        assert late_sessions and late_sessions <= sessions, "the conversation begun later is lost"
        assert late_messages <= messages
        assert session in sessions, "the session known from its message was never looked up"
    finally:
        platform.stop()
