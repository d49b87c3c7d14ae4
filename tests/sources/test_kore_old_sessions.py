"""Kore.ai sessions begun before the backfill horizon and still active, on a channel type no
other session uses: their messages written after the horizon must reach the archive.

Windows filter sessions by start time, so such a session is never listed; its messages show
only if the window lists its channel type. No API lists a bot's channels, so the source lists
``rtm`` (getMessages' documented default), the channel types in the ``channels`` setting and
every one the stream has seen, in every window; a channel type in none of these is the case
the docs name as unseen, and the tests below show what then happens.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from archiver.crawl.engine import run_archive
from archiver.simulators.kore import KoreSimulator
from archiver.timeutil import format_ts, utcnow
from tests.archive_truth import assert_no_duplicate_versions, committed_rows
from tests.conftest import open_ctx
from tests.contract.platforms import (
    KorePlatform,
    kore_old_session,
    kore_without_history,
    write_config,
)

pytestmark = pytest.mark.usefixtures("parsed_once_in_module")


BOT = "st-old1"
BACKFILL_DAYS = 3
DAY = 86_400.0


@pytest.fixture
def platform() -> Iterator[KorePlatform]:
    with kore_without_history(BOT, seed=216) as p:
        yield p


def _old_session(sim: KoreSimulator, channel: str, days: int = 2 * BACKFILL_DAYS) -> str:
    """A session on ``channel`` begun well before the backfill horizon, still active, with
    messages on each of the ``days`` after it began (by default up to now: the ones of the
    last days lie after the horizon)."""
    return kore_old_session(sim, BOT, channel, begun_days_ago=2 * BACKFILL_DAYS, days=days)


def _config(tmp_path: Path, platform: KorePlatform, **settings: Any) -> Path:
    entry = platform.source_entry() | {"backfill_days": BACKFILL_DAYS} | settings
    return write_config(tmp_path, entry, lag=0)


def _messages_of(sim: KoreSimulator, sid: str) -> dict[str, str]:
    """The session's messages on the platform: id → creation time."""
    return {
        mid: m["createdOn"]
        for mid, m in sim.truth(BOT)["messages"].items()
        if m["sessionId"] == sid
    }


def _archived(cfg: Path) -> set[str]:
    rows = committed_rows(open_ctx(cfg), sealed=False)
    assert_no_duplicate_versions(rows)
    return {r["message_id"] for r in rows.get("messages", [])}


def _after_horizon(sim: KoreSimulator, sid: str, horizon: str) -> set[str]:
    return {mid for mid, created in _messages_of(sim, sid).items() if created >= horizon}


def _horizon() -> str:
    """The first run's horizon (a little earlier than the run's own: it is taken first)."""
    return format_ts(utcnow() - timedelta(days=BACKFILL_DAYS))


@pytest.mark.parametrize(
    ("channel", "settings"),
    [
        ("rtm", {}),  # the documented default channel type: listed without a setting
        ("msteams", {"channels": ["rtm", "msteams"]}),  # a channel type the operator names
    ],
)
def test_an_old_active_session_alone_on_its_channel_is_archived_from_the_horizon_on(
    platform: KorePlatform, tmp_path: Path, channel: str, settings: dict[str, Any]
) -> None:
    sim = platform.sim
    sid = _old_session(sim, channel)
    horizon = _horizon()
    wanted = _after_horizon(sim, sid, horizon)
    assert wanted and len(wanted) < len(_messages_of(sim, sid))  # some before, some after
    cfg = _config(tmp_path, platform, **settings)
    ctx = open_ctx(cfg)
    assert run_archive(ctx).exit_code == 0
    archived = _archived(cfg)
    assert wanted <= archived, f"{len(wanted - archived)} messages after the horizon missing"
    sessions = {r["session_id"] for r in committed_rows(ctx, sealed=False)["sessions"]}
    assert sid in sessions  # fetched by id, as its messages revealed it
    # The session is known from its messages now; later runs follow it by id and list its
    # channel whatever else happens on the bot.
    for _ in range(2):
        sim.advance(3600)
        newer = {sim.add_message(BOT, sid, text="still here")}
        sim.advance(5)
        assert run_archive(ctx).exit_code == 0
        assert newer <= _archived(cfg)


def test_a_channel_type_once_seen_is_listed_in_every_window_after(
    platform: KorePlatform, tmp_path: Path
) -> None:
    """msteams is neither the default nor configured, but a session of the first run showed
    it: the state keeps it, so an old msteams session quiet since before the horizon (and so
    not found then) is found by a later run whose window holds its new messages, though no
    session that run knows is on msteams."""
    sim = platform.sim
    old = _old_session(sim, "msteams", days=1)
    sim.clock_skew_seconds = -2 * 3600
    other = sim.add_user(BOT, channel="msteams")  # a conversation that shows the channel…
    sessions = sim.truth(BOT)["sessions"]
    shown = next(s for s, r in sessions.items() if r["userId"] == other)
    sim.advance(60)
    sim.close_session(BOT, shown)  # …and ends long before the first run
    sim.clock_skew_seconds = -60
    cfg = _config(tmp_path, platform)
    ctx = open_ctx(cfg)
    assert run_archive(ctx).exit_code == 0
    assert shown in {r["session_id"] for r in committed_rows(ctx, sealed=False)["sessions"]}
    sim.advance(3600)
    newer = {sim.add_message(BOT, old, text="after a quiet spell")}
    sim.advance(5)
    assert run_archive(ctx).exit_code == 0
    assert newer <= _archived(cfg)


def test_a_channel_type_never_seen_nor_configured_stays_unseen_and_the_run_says_what_to_set(
    platform: KorePlatform, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The documented limit: without a signal (no API lists channels) an old session alone on
    an unconfigured channel type is not found; the backfill names the channel types it lists
    and the setting that adds others. Once a session shows that channel type, the old
    session's later messages are found too."""
    sim = platform.sim
    old = _old_session(sim, "email")
    horizon = _horizon()
    cfg = _config(tmp_path, platform)
    ctx = open_ctx(cfg)
    with caplog.at_level(logging.INFO, logger="archiver.sources.kore"):
        assert run_archive(ctx).exit_code == 0
    assert not _after_horizon(sim, old, horizon) & _archived(cfg)
    said = [r.getMessage() for r in caplog.records if r.name == "archiver.sources.kore"]
    assert any("channels" in m and "rtm" in m and "email" not in m for m in said), said
    sim.add_user(BOT, channel="email")
    sim.advance(60)
    newer = {sim.add_message(BOT, old, text="the channel is busy again")}
    sim.advance(5)
    assert run_archive(ctx).exit_code == 0
    assert newer <= _archived(cfg)
