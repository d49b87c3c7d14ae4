"""Erasure and export cover the person's whole conversations, whatever a row's own subject.

A row may be committed without a subject: a Kore.ai bot reply names the bot as its author, and
its session's user is known only once the session is looked up; a platform may leave the user
out of an answer. Such a row still belongs to the person whose conversation it is part of: it
may quote their name, and its sealed copy holds the original.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from archiver.archive.catalog import ObjectEntry, index_entry
from archiver.archive.reader import ArchiveReader
from archiver.context import Context
from archiver.crawl.engine import run_archive
from archiver.ops.erase import erase
from archiver.ops.export import export
from archiver.ops.lookup import session_key
from archiver.simulators.kore import KoreSimulator
from archiver.simulators.server import SimRequest, SimResponse, json_response
from tests.archive_truth import committed_rows
from tests.conftest import UNLIMITED, open_ctx, sealed_ctx
from tests.contract.platforms import KorePlatform, write_config

pytestmark = pytest.mark.usefixtures("parsed_once_in_module")


BOT = "st-bot1"


@pytest.fixture
def platform() -> Iterator[KorePlatform]:
    sim = KoreSimulator(
        seed=9,
        bot_ids=(BOT,),
        users_per_bot=12,
        rate_limits=((UNLIMITED, 60.0),),
        long_open_fraction=0.5,
    )
    with KorePlatform(sim=sim) as p:
        yield p


def _conversations(sim: KoreSimulator, uid: str) -> tuple[set[str], set[str]]:
    """The person's sessions and the messages of those sessions, as the platform has them."""
    truth = sim.truth(BOT)
    sessions = {s for s, r in truth["sessions"].items() if r["userId"] == uid}
    messages = {m for m, r in truth["messages"].items() if r["sessionId"] in sessions}
    return sessions, messages


def _live_rows(ctx: Context) -> list[tuple[ObjectEntry, dict[str, Any]]]:
    """(object entry, row) of every live object, masked and sealed."""
    reader = ArchiveReader(ctx.store, verifier=ctx.verifier, masked=ctx.masked, sealed=ctx.sealed)
    out = []
    for entry in reader.catalog.live_entries():
        out.extend((entry, row) for row in reader.read_table(entry).to_pylist())
    return out


def _check_erased(ctx: Context, sessions: set[str], hashes: set[str], erased_subject: str) -> None:
    """No row of the person's conversations in any live object, and every session index names
    exactly the sessions its object still holds."""
    rows = _live_rows(ctx)
    assert rows, "the rest of the archive is still there"
    left = [
        (entry.key, row.get("session_id"))
        for entry, row in rows
        if row["record_hash"] in hashes or row.get("subject_id") == erased_subject
    ]
    assert not left, f"rows of the erased person's conversations remain: {left}"
    by_object: dict[str, set[str]] = {}
    for entry, row in rows:
        if entry.sealed and entry.table != "users":
            assert row["session_id"] not in sessions
            index = index_entry(session_key(ctx, row["session_id"]))
            by_object.setdefault(entry.key, set()).add(index)
    for entry, _row in rows:
        if entry.sealed and entry.sessions is not None:
            assert entry.sessions == by_object.get(entry.key, set()), entry.key


def _exported_messages(ctx: Context, uid: str, out: Path) -> set[str]:
    """The messages ``export`` writes for the person; each sealed object it opened for them is
    named by an access record written before."""
    report = export(ctx, uid, out)
    named = set()
    for key in [report.access_record, *report.more_access_records]:
        assert key is not None
        named |= set(ctx.catalog.read_record(key)["objects"])
    doc = json.loads((out / "data.json").read_text())
    reader = ArchiveReader(ctx.store, verifier=ctx.verifier, masked=None, sealed=ctx.sealed)
    exported = {
        m["message_id"]
        for stream in doc["streams"]
        for session in stream["sessions"]
        for m in session["messages"]
    }
    for entry in reader.catalog.live_entries():
        if entry.sealed and entry.table == "messages":
            ids = set(reader.read_table(entry, columns=["message_id"]).column(0).to_pylist())
            assert not ids & exported or entry.key in named, entry.key
    return exported


def test_a_bot_reply_in_a_session_known_only_from_its_messages_is_erased_and_exported(
    platform: KorePlatform, tmp_path: Path
) -> None:
    """A bot reply (authored by the bot) lands in a conversation begun before the backfill
    horizon, which the incremental run learns of only from that message and looks up by id
    later: the reply is the person's, in the export and in the erasure."""
    sim = platform.sim
    sim.outgoing_created_by = "bot"
    cfg = write_config(tmp_path, platform, lag=5, source={"backfill_days": 1})
    ctx = open_ctx(cfg)
    assert run_archive(ctx).exit_code == 0
    session = sim.long_open_session_ids(BOT, days=2)[0]
    uid = sim.truth(BOT)["sessions"][session]["userId"]
    channel = sim.truth(BOT)["sessions"][session]["channel"]
    sim.advance(600)
    reply = sim.add_message(BOT, session, text="Noted, I will call you back", incoming=False)
    sim.add_user(BOT, channel=channel)  # the channel has a new conversation: it is listed
    sim.advance(10)
    assert run_archive(ctx).exit_code == 0

    officer = sealed_ctx(cfg)
    sessions, messages = _conversations(sim, uid)
    archived = committed_rows(officer, sealed=True)
    mine = [r for r in archived["messages"] if r["session_id"] in sessions]
    assert reply in {r["message_id"] for r in mine}, "the reply was archived"
    hashes = {
        r["record_hash"]
        for table in ("messages", "sessions")
        for r in archived[table]
        if r["session_id"] in sessions
    }
    exported = _exported_messages(officer, uid, tmp_path / "export")
    assert {r["message_id"] for r in mine} <= exported
    assert reply in exported and exported <= messages

    erase(officer, uid, reason="DSR-31")
    _check_erased(officer, sessions, hashes, sim_subject(officer, uid))


def test_rows_of_a_conversation_committed_without_a_user_go_with_it(
    platform: KorePlatform, tmp_path: Path
) -> None:
    """[I] the platform names a session's user in every answer: where one answer leaves it out,
    that run commits the session and its bot replies without a subject; a later run learns the
    user. Erasure and export still take every row of that conversation."""
    sim = platform.sim
    sim.outgoing_created_by = "bot"
    cfg = write_config(tmp_path, platform, lag=5)
    ctx = open_ctx(cfg)
    assert run_archive(ctx).exit_code == 0
    uid = sim.add_user(BOT, channel="rtm")
    sim.advance(10)

    def no_user(req: SimRequest, resp: SimResponse) -> SimResponse:
        if not req.path.endswith("/getSessions"):
            return resp
        payload = json.loads(resp.body)
        for item in payload.get("sessions") or []:
            item.pop("userId", None)
        return json_response(resp.status, payload)

    sim.response_hook = no_user
    assert run_archive(ctx).exit_code == 0
    sim.response_hook = None
    sim.advance(10)
    assert run_archive(ctx).exit_code == 0  # the open session, read again, names its user

    officer = sealed_ctx(cfg)
    sessions, messages = _conversations(sim, uid)
    archived = committed_rows(officer, sealed=True)
    anonymous = [
        r
        for table in ("messages", "sessions")
        for r in archived[table]
        if r["session_id"] in sessions and r["subject_id"] is None
    ]
    assert anonymous, "the run without the user committed rows without a subject"
    hashes = {
        r["record_hash"]
        for table in ("messages", "sessions")
        for r in archived[table]
        if r["session_id"] in sessions
    }
    assert _exported_messages(officer, uid, tmp_path / "export") == messages
    erase(officer, uid, reason="DSR-32")
    _check_erased(officer, sessions, hashes, sim_subject(officer, uid))


def sim_subject(ctx: Context, uid: str) -> str:
    return ctx.pseudo.subject_id("kore", uid)


def test_a_conversation_naming_two_people_is_both_of_theirs(
    platform: KorePlatform, tmp_path: Path
) -> None:
    """[I] a conversation's rows name one person: where one message names another (an agent
    answering under a user id of its own), the conversation is both people's. The export of
    its owner holds all of it; erasing the other person removes all of it, and leaves the
    owner's other conversations."""
    sim = platform.sim
    truth = sim.truth(BOT)
    owner = sorted(truth["users"])[0]
    other = sorted(truth["users"])[1]
    talks = sorted(s for s, r in truth["sessions"].items() if r["userId"] == owner)
    assert len(talks) > 1, "the owner has another conversation"
    shared = talks[0]
    borrowed = min(m for m, r in truth["messages"].items() if r["sessionId"] == shared)

    def agent_message(req: SimRequest, resp: SimResponse) -> SimResponse:
        if not req.path.endswith("/getMessages"):
            return resp
        payload = json.loads(resp.body)
        for item in payload.get("messages") or []:
            if item["_id"] == borrowed:
                item["createdBy"] = other
        return json_response(resp.status, payload)

    sim.response_hook = agent_message
    cfg = write_config(tmp_path, platform, lag=5, source={"backfill_days": 400})
    assert run_archive(open_ctx(cfg)).exit_code == 0
    sim.response_hook = None
    officer = sealed_ctx(cfg)
    archived = committed_rows(officer, sealed=True)
    in_shared = {r["message_id"] for r in archived["messages"] if r["session_id"] == shared}
    assert borrowed in in_shared
    assert in_shared <= _exported_messages(officer, owner, tmp_path / "export")

    erase(officer, other, reason="DSR-33")
    left = committed_rows(officer, sealed=True)
    assert not [r for t in ("messages", "sessions") for r in left[t] if r["session_id"] == shared]
    owner_subject = sim_subject(officer, owner)
    kept = {r["session_id"] for r in left["sessions"] if r["subject_id"] == owner_subject}
    assert set(talks[1:]) & kept, "the owner's other conversations stay"
