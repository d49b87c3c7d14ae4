"""Kore.ai channel types that become known after windows before them were read.

Messages are listed per channel type and windows filter sessions by start, so an active
session begun before the backfill horizon shows only through a messages list of its channel
type. When a channel type first shows in window k (a newer session on it) or is added to the
``channels`` setting after earlier runs, the windows read before without it are listed again
for that type, from the horizon on: the old session's messages there reach the archive.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from archiver.archive.catalog import latest
from archiver.crawl.engine import run_archive
from archiver.crawl.state import StreamState
from archiver.simulators.kore import KoreSimulator
from archiver.sources.kore import _Follow
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


BOT = "st-catch1"
#: Three 7-day windows: a channel type first shown in the last one joins after two were read.
BACKFILL_DAYS = 20
DAY = 86_400.0


@pytest.fixture
def platform() -> Iterator[KorePlatform]:
    with kore_without_history(BOT, seed=512) as p:
        yield p


def _old_session(sim: KoreSimulator, channel: str, days: int) -> str:
    """A session on ``channel`` begun ``days`` days ago, still active, with a user and an
    agent message on each day since."""
    return kore_old_session(sim, BOT, channel, begun_days_ago=days, days=days)


def _newer_session(
    sim: KoreSimulator, channel: str, days_ago: float, messages: int = 0, gap: float = 60.0
) -> str:
    """A short session on ``channel`` begun ``days_ago`` days ago: it shows the channel type
    in the window that holds its start."""
    sim.clock_skew_seconds = -days_ago * DAY
    uid = sim.add_user(BOT, channel=channel)
    sid = next(s for s, r in sim.truth(BOT)["sessions"].items() if r["userId"] == uid)
    for n in range(messages):
        sim.advance(gap)
        sim.add_message(BOT, sid, text=f"message {n}")
    sim.advance(60)
    sim.close_session(BOT, sid)
    sim.clock_skew_seconds = -60
    return sid


def _config(tmp_path: Path, platform: KorePlatform, **settings: Any) -> Path:
    entry = platform.source_entry() | {"backfill_days": BACKFILL_DAYS} | settings
    return write_config(tmp_path, entry, lag=0)


def _archived(cfg: Path) -> set[str]:
    rows = committed_rows(open_ctx(cfg), sealed=False)
    assert_no_duplicate_versions(rows)
    return {r["message_id"] for r in rows.get("messages", [])}


def _messages_between(sim: KoreSimulator, sid: str, lo: str, hi: str = "9999") -> set[str]:
    return {
        mid
        for mid, m in sim.truth(BOT)["messages"].items()
        if m["sessionId"] == sid and lo <= m["createdOn"] < hi
    }


def _horizon() -> str:
    """The first run's horizon (a little earlier than the run's own: it is taken first)."""
    return format_ts(utcnow() - timedelta(days=BACKFILL_DAYS))


def _state(ctx: Any) -> dict[str, Any]:
    """The stream's committed source state (what the next run starts from)."""
    head = latest(ctx.store, ctx.config.sources[0].name, BOT, ctx.verifier)
    assert head is not None
    return dict(StreamState.from_manifest(head.state).source)


def test_a_channel_type_first_shown_in_a_late_window_is_listed_in_the_earlier_ones_too(
    platform: KorePlatform, tmp_path: Path
) -> None:
    """First run over three windows: msteams shows only in the third (a newer session), yet
    the old msteams session's messages of the first two windows are archived."""
    sim = platform.sim
    old = _old_session(sim, "msteams", days=BACKFILL_DAYS + 2)
    _newer_session(sim, "msteams", days_ago=2)
    horizon = _horizon()
    cfg = _config(tmp_path, platform)
    ctx = open_ctx(cfg)
    assert run_archive(ctx).exit_code == 0
    archived = _archived(cfg)
    # The days the first two windows cover: read without msteams, then caught up.
    early = _messages_between(sim, old, horizon, format_ts(utcnow() - timedelta(days=7)))
    assert len(early) >= 2 * 10, "the setup must put messages in the early windows"
    assert early <= archived, f"{len(early - archived)} early messages missing"
    assert _messages_between(sim, old, horizon) <= archived
    sessions = {r["session_id"] for r in committed_rows(ctx, sealed=False)["sessions"]}
    assert old in sessions  # fetched by id, as its messages revealed it
    # Nothing is left to catch up, and the next run lists no window twice for it.
    sim.reset_counters()
    assert run_archive(ctx).exit_code == 0
    quiet = sim.counters()["total"]
    assert quiet <= 6, f"an idle second run made {quiet} requests"


def test_without_the_catch_up_the_early_windows_would_be_lost(
    platform: KorePlatform, tmp_path: Path
) -> None:
    """The inference the catch-up replaces: a window lists only the types known at its turn.
    With msteams configured from the start every window lists it and the archive holds the
    same messages as with the catch-up; the catch-up must cost at most one messages request
    per early window beyond that."""
    sim = platform.sim
    old = _old_session(sim, "msteams", days=BACKFILL_DAYS + 2)
    _newer_session(sim, "msteams", days_ago=2)
    horizon = _horizon()
    wanted = _messages_between(sim, old, horizon)
    seen: dict[str, tuple[set[str], int]] = {}
    for name, settings in (("configured", {"channels": ["rtm", "msteams"]}), ("caught up", {})):
        sim.reset_counters()
        cfg = _config(tmp_path / name, platform, **settings)
        assert run_archive(open_ctx(cfg)).exit_code == 0
        seen[name] = (_archived(cfg) & _messages_between(sim, old, "0"), sim.counters()["total"])
    assert seen["configured"][0] == seen["caught up"][0]
    assert wanted <= seen["caught up"][0]
    extra = seen["caught up"][1] - seen["configured"][1]
    assert extra == 0, f"the catch-up cost {extra} requests more than listing it throughout"


def test_a_channel_type_added_to_the_setting_later_is_caught_up_from_the_first_horizon(
    platform: KorePlatform, tmp_path: Path
) -> None:
    """email is neither seen nor configured on the first run: the old email session stays
    unseen then (the documented limit). Once the operator names email, the next run lists it
    from the first run's horizon, not only from its own watermark."""
    sim = platform.sim
    old = _old_session(sim, "email", days=BACKFILL_DAYS + 2)
    # An email conversation begun before the horizon that ended after it, before the first
    # run: its session record lies below the second run's watermark, and must be archived.
    closed = _newer_session(sim, "email", days_ago=BACKFILL_DAYS + 0.5, messages=3, gap=DAY)
    horizon = _horizon()
    cfg = _config(tmp_path, platform)
    ctx = open_ctx(cfg)
    assert run_archive(ctx).exit_code == 0
    assert not _messages_between(sim, old, horizon) & _archived(cfg)
    state = _state(ctx)
    assert state.get("listed_channels") == ["rtm"] and "horizon" in state
    sim.advance(3600)
    sim.add_message(BOT, old, text="a day later")
    sim.advance(5)
    cfg = _config(tmp_path, platform, channels=["rtm", "email"])
    ctx = open_ctx(cfg)
    assert run_archive(ctx).exit_code == 0
    assert _messages_between(sim, old, horizon) <= _archived(cfg)
    sessions = {r["session_id"] for r in committed_rows(ctx, sealed=False)["sessions"]}
    assert {old, closed} <= sessions
    assert _messages_between(sim, closed, horizon) <= _archived(cfg)
    assert "channel_catch_up" not in _state(ctx)
    assert _state(ctx)["listed_channels"] == ["email", "rtm"]


def test_a_state_from_before_listed_channels_is_read_as_before(
    platform: KorePlatform, tmp_path: Path
) -> None:
    """A stream state without ``listed_channels`` (kept by an earlier version) is taken to
    have listed its configured and seen types all along: no catch-up, the same requests."""
    sim = platform.sim
    _newer_session(sim, "msteams", days_ago=2)
    cfg = _config(tmp_path, platform)
    ctx = open_ctx(cfg)
    assert run_archive(ctx).exit_code == 0
    state = _state(ctx)
    old_form = {k: v for k, v in state.items() if k not in {"listed_channels", "horizon"}}
    follow = _Follow.load(old_form)
    assert follow.listed is None and follow.horizon is None
    assert _Follow.load(state).listed == {"msteams", "rtm"}
    assert _Follow.load(follow.to_state()).to_state() == old_form
