"""Every rule a source infers rather than reads from a documented signal, tested where the
inference is wrong (docs/SOURCES.md, "Inferred rules and what happens when they are wrong").

Each case turns a simulator knob the platform's documentation allows and shows what the product
then does: either nothing is lost, or an incremental run leaves the record stale and the
scheduled ``run --full`` reconciliation brings it back. The second kind asserts both halves,
so the documented bound on staleness is tested, not assumed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from archiver.crawl.engine import run_archive
from archiver.simulators.kore import KoreSimulator
from archiver.sources.base import Record
from archiver.sources.http import HttpPolicy
from archiver.sources.kore import KoreSource
from archiver.timeutil import parse_ts
from tests.archive_truth import check_archive, committed_rows
from tests.conftest import UNLIMITED, open_ctx, sealed_ctx
from tests.contract.platforms import (
    PLATFORMS,
    KorePlatform,
    PekiPlatform,
    Platform,
    SelisePlatform,
    write_config,
)


@pytest.fixture
def kore() -> Iterator[Platform]:
    with KorePlatform(seed=13, users=4, long_open_fraction=0.0) as p:
        yield p


@pytest.fixture
def peki() -> Iterator[Platform]:
    with PekiPlatform(seed=13, users=4) as p:
        yield p


@pytest.fixture
def selise() -> Iterator[Platform]:
    with SelisePlatform(seed=13, users=4) as p:
        yield p


def _versions(cfg: Path, table: str, idcol: str, rid: str) -> list[dict[str, Any]]:
    """Every committed original of one record (``check_archive`` tests which is the latest)."""
    return [r for r in committed_rows(sealed_ctx(cfg), sealed=True)[table] if r[idcol] == rid]


def _stale_then_reconciled(
    platform: Platform, tmp_path: Path, change: Callable[[], Callable[[Path], bool]]
) -> None:
    """An incremental run misses ``change`` (the check it returns says so), a full run does not."""
    cfg = write_config(tmp_path, platform, lag=0, crawl={"page_size": 5})
    ctx = open_ctx(cfg)
    assert run_archive(ctx).exit_code == 0
    platform.advance(600)
    archived = change()
    platform.advance(5)
    assert run_archive(ctx).exit_code == 0
    assert not archived(cfg), "the inference's failure no longer loses anything: update the docs"
    platform.advance(5)
    assert run_archive(ctx, full=True).exit_code == 0
    assert archived(cfg)
    check_archive(cfg, platform, tmp_path)


# -- Kore.ai ----------------------------------------------------------------------------------


@pytest.mark.parametrize("bounds", ["from", "to", "both"])
def test_kore_date_bounds_inclusive_or_not_lose_nothing(bounds: str) -> None:
    """[I] whether ``dateFrom``/``dateTo`` are inclusive: a record at exactly a window's start
    is read either way."""
    sim = KoreSimulator(seed=3, bot_ids=("st-1",), users_per_bot=6, rate_limits=())
    sim.date_from_exclusive = bounds in ("from", "both")
    sim.date_to_exclusive = bounds in ("to", "both")
    sim.start()
    settings = {
        "base_url": sim.base_url,
        "client_id": sim.client_id,
        "client_secret": sim.client_secret,
        "bot_ids": ["st-1"],
        "rate_limit_per_minute": UNLIMITED,
        "rate_limit_per_hour": UNLIMITED,
    }
    source = KoreSource("kore-test", settings, policy=HttpPolicy())
    try:
        sid = sim.open_session_ids("st-1")[0]
        source.load_state("st-1", {"open_sessions": [sid]})  # followed since the last run
        sim.advance(60)
        mid = sim.add_message("st-1", sid, text="exactly on the boundary")
        at = sim.truth("st-1")["messages"][mid]["createdOn"]
        got = [
            r
            for r in source.changes("st-1", parse_ts(at))
            if isinstance(r, Record) and r.table == "messages"
        ]
    finally:
        source.close()
        sim.stop()
    assert mid in {r.id for r in got}


def test_kore_bot_messages_created_by_the_bot_still_belong_to_the_person(
    kore: Platform, tmp_path: Path
) -> None:
    """[I] outgoing messages' ``createdBy`` is the user: where it is the bot id, the session's
    user is taken, so the person's export still has the bot's replies."""
    sim = kore.sim
    sim.outgoing_created_by = "bot"  # the history is built: only new replies are the bot's
    for bot in kore.tenants:
        sim.add_user(bot)
    sim.advance(5)
    cfg = write_config(tmp_path, kore, lag=0)
    assert run_archive(open_ctx(cfg)).exit_code == 0
    rows = committed_rows(sealed_ctx(cfg), sealed=True)
    bot_rows = [r for r in rows["messages"] if r["sender"] == "bot"]
    by_bot = [r for r in bot_rows if json.loads(r["raw"])["createdBy"] == r["tenant"]]
    assert len(by_bot) >= len(kore.tenants), "replies authored by the bot were archived"
    assert all(r["subject_id"] for r in bot_rows)


def test_kore_a_message_that_does_not_move_end_time_is_still_read(
    kore: Platform, tmp_path: Path
) -> None:
    """[I] a message moves its session's ``end_time``: where it does not, a session that took a
    message and closed between two runs, alone on its channel, still has it read (it was
    active at the last run, so its channel is listed)."""
    sim = kore.sim
    sim.message_moves_end_time = False
    bot = kore.tenants[0]
    uid = sim.add_user(bot, channel="email")
    sessions = sim.truth(bot)["sessions"]
    mine = next(s for s, r in sessions.items() if r["userId"] == uid)
    for sid in sim.open_session_ids(bot):
        if sid != mine and sessions[sid]["channel"] == "email":
            sim.close_session(bot, sid)
    sim.advance(60)  # its last activity well before the first run's overlap
    cfg = write_config(tmp_path, kore, lag=0)
    ctx = open_ctx(cfg)
    assert run_archive(ctx).exit_code == 0
    sim.advance(600)
    mid = sim.add_message(bot, mine, text="one last question")
    sim.close_session(bot, mine)
    sim.advance(5)
    assert run_archive(ctx).exit_code == 0
    assert bool(_versions(cfg, "messages", "message_id", mid))
    check_archive(cfg, kore, tmp_path)


def test_kore_a_late_message_in_a_closed_session_is_read_on_its_seen_channel(
    kore: Platform, tmp_path: Path
) -> None:
    """[I] closed sessions take no new messages: where one does (an agent's note after the
    close) on an otherwise quiet channel, the next incremental run still lists that channel,
    since the stream has seen a session on it, and archives the note."""
    sim = kore.sim
    sim.closed_sessions_take_messages = True
    bot = kore.tenants[0]
    uid = sim.add_user(bot, channel="msteams")
    sessions = sim.truth(bot)["sessions"]
    mine = next(s for s, r in sessions.items() if r["userId"] == uid)
    for sid in sim.open_session_ids(bot):
        if sessions[sid]["channel"] == "msteams":
            sim.close_session(bot, sid)
    kore.advance(60)  # its last activity well before the first run's overlap

    cfg = write_config(tmp_path, kore, lag=0)
    ctx = open_ctx(cfg)
    assert run_archive(ctx).exit_code == 0
    kore.advance(600)
    mid = sim.add_message(bot, mine, text="agent note after closing")
    kore.advance(5)
    assert run_archive(ctx).exit_code == 0
    assert _versions(cfg, "messages", "message_id", mid)
    check_archive(cfg, kore, tmp_path)


def test_kore_an_edited_message_waits_for_the_reconciliation(
    kore: Platform, tmp_path: Path
) -> None:
    """[I] messages are immutable: an edited one (``lmodifiedOn`` moves, ``createdOn`` stays)
    is not listed again by incremental runs; ``run --full`` archives the new text, dated by
    ``lmodifiedOn`` so it is the newest version."""
    sim = kore.sim
    bot = kore.tenants[0]
    mid = sorted(sim.truth(bot)["messages"])[0]

    def change() -> Callable[[Path], bool]:
        sim.edit_message(bot, mid, "edited text")

        def archived(cfg: Path) -> bool:
            rows = _versions(cfg, "messages", "message_id", mid)
            return any(r["text"] == "edited text" for r in rows)

        return archived

    _stale_then_reconciled(kore, tmp_path, change)


def test_kore_a_closed_sessions_late_tags_wait_for_the_reconciliation(
    kore: Platform, tmp_path: Path
) -> None:
    """[I] closed sessions do not change: late tags on one are seen by ``run --full``."""
    sim = kore.sim
    bot = kore.tenants[0]
    truth = sim.truth(bot)["sessions"]
    sid = sorted(s for s, r in truth.items() if r["sessionStatus"] == "closed")[0]

    def change() -> Callable[[Path], bool]:
        sim.update_session(bot, sid, tags={"userTags": [], "sessionTags": [{"name": "qa"}]})

        def archived(cfg: Path) -> bool:
            return any('"qa"' in r["raw"] for r in _versions(cfg, "sessions", "session_id", sid))

        return archived

    _stale_then_reconciled(kore, tmp_path, change)


# -- Peki -------------------------------------------------------------------------------------


def test_peki_a_change_that_leaves_updated_at_waits_for_the_reconciliation(
    peki: Platform, tmp_path: Path
) -> None:
    """[I] ``updatedAt`` moves when a session changes: where a late summary leaves it, the
    lists (read in full every run) show the new content but the version is dated before the
    watermark; ``run --full`` compares content with the archive and archives it."""
    sim = peki.sim
    bot = peki.tenants[0]
    sid = sorted(s for s, r in sim.truth(bot)["sessions"].items() if r["status"] == "Closed")[0]

    def change() -> Callable[[Path], bool]:
        sim.updated_at_moves = False
        sim.update_session(bot, sid, summary="a summary written late")

        def archived(cfg: Path) -> bool:
            rows = _versions(cfg, "sessions", "session_id", sid)
            return any("a summary written late" in r["raw"] for r in rows)

        return archived

    _stale_then_reconciled(peki, tmp_path, change)


def test_peki_an_edited_message_waits_for_the_reconciliation(
    peki: Platform, tmp_path: Path
) -> None:
    """[I] messages are immutable (they have no update time): an edited one is read again only
    by ``run --full``."""
    sim = peki.sim
    bot = peki.tenants[0]
    mid = sorted(sim.truth(bot)["messages"])[0]

    def change() -> Callable[[Path], bool]:
        sim.edit_message(bot, mid, "edited text")

        def archived(cfg: Path) -> bool:
            rows = _versions(cfg, "messages", "message_id", mid)
            return any(r["text"] == "edited text" for r in rows)

        return archived

    _stale_then_reconciled(peki, tmp_path, change)


# -- Selise Blocks ----------------------------------------------------------------------------


def test_selise_a_message_that_leaves_updated_at_waits_for_the_reconciliation(
    selise: Platform, tmp_path: Path
) -> None:
    """[I] ``updated_at`` moves with every change and orders the list: a message that moves
    only ``last_message_at`` leaves its session deep in the list, below the watermark;
    ``run --full`` reads every session and archives it."""
    sim = selise.sim
    agent = selise.tenants[0]
    truth = sim.truth(agent)["sessions"]
    # The least recently active closed session: deepest in the list.
    sid = min(sim.session_ids(agent, status="closed"), key=lambda s: truth[s]["updated_at"])

    def change() -> Callable[[Path], bool]:
        sim.message_moves_updated_at = False
        mid = sim.add_message(agent, sid)
        return lambda cfg: bool(_versions(cfg, "messages", "message_id", mid))

    _stale_then_reconciled(selise, tmp_path, change)


def test_every_platform_has_its_inferences_covered() -> None:
    """A platform added later must bring its own cases here."""
    covered = {"kore", "peki", "selise"}
    assert set(PLATFORMS) == covered
