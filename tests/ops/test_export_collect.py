"""Export's collection selects rows in Arrow before they become Python values; it must find
exactly what reading every row does, before and after compaction (every version of a record
in one object)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from archiver.archive.catalog import Newest, ObjectEntry
from archiver.archive.reader import ArchiveReader
from archiver.context import Context
from archiver.crawl.engine import run_archive
from archiver.ops.compact import compact
from archiver.ops.conversations import Conversations
from archiver.ops.export import _KEYS, Latest, Planned, Unnamed, _offer, _stream_doc, collect, plan
from archiver.ops.lookup import Person, person
from archiver.simulators.kore import KoreSimulator
from archiver.simulators.peki import PekiSimulator
from archiver.simulators.server import SimRequest, SimResponse, json_response
from tests.archive_truth import committed_rows
from tests.conftest import UNLIMITED, open_ctx, sealed_ctx
from tests.contract.platforms import KorePlatform, write_config

# Five users a bot, not twelve: each user is a full comparison of both collections, and five
# already spread over several parts, compacted or not.
pytestmark = [pytest.mark.usefixtures("parsed_once_in_module"), pytest.mark.peki_users(5)]


BOT = "st-bot1"


def row_by_row(
    ctx: Context,
    who: Person,
    planned: Planned,
    unnamed: Unnamed,
    before_opening: Callable[[list[ObjectEntry]], object],
) -> tuple[list[dict[str, Any]], set[str]]:
    """``collect`` as it read every row of every object opened, one by one."""
    reader = ArchiveReader(ctx.store, verifier=ctx.verifier, masked=None, sealed=ctx.sealed)
    streams: list[dict[str, Any]] = []
    user_ids: set[str] = set()
    for src, tenant, source_type, objects in planned:
        talks = Conversations(ctx.pseudo, who.of_type(source_type))
        latest: Latest = {t: Newest() for t in _KEYS}
        times: list[datetime] = []
        others: dict[str, set[str]] = {}
        for placed in objects:
            for row, r in enumerate(reader.read_table(placed.entry).to_pylist()):
                if r["subject_id"] in talks.subjects:
                    talks.learn(r)
                    _offer(latest, times, placed, row, r)
                    if r.get("user_id"):
                        user_ids.add(r["user_id"])
                elif r.get("session_id"):
                    others.setdefault(placed.entry.key, set()).add(r["session_id"])
        mine = set(talks.sessions.values())
        again = [p for p in objects if others.get(p.entry.key, set()) & mine]
        rest = [p for p in unnamed.get((src, tenant), []) if talks.may_hold(p.entry)]
        if rest:
            before_opening([p.entry for p in rest])
        for placed in again + rest:
            for row, r in enumerate(reader.read_table(placed.entry).to_pylist()):
                if r["subject_id"] not in talks.subjects and talks.owns(r):
                    _offer(latest, times, placed, row, r)
        if times:
            streams.append(_stream_doc(src, tenant, source_type, latest, times))
    return streams, user_ids


def _same_for_everyone(ctx: Context, users: list[str]) -> None:
    """Both collections agree for every user."""
    for uid in users:
        who = person(ctx, user_id=uid)
        results = []
        for how in (collect, row_by_row):
            unnamed: Unnamed = {}
            planned, _ = plan(ctx, who, unnamed=unnamed)
            announced: list[list[str]] = []
            got = how(
                ctx, who, planned, unnamed, lambda es, a=announced: a.append([e.key for e in es])
            )
            results.append((got, announced))
        assert results[0] == results[1], uid
        (streams, _), _ = results[0]
        assert streams, uid


def test_collect_finds_what_reading_every_row_finds(peki: PekiSimulator, archived: Path) -> None:
    users = sorted(peki.truth("bot1")["users"])
    ctx = sealed_ctx(archived)
    _same_for_everyone(ctx, users)
    compact(ctx, operator="test")
    ctx = sealed_ctx(archived)
    assert any(p.entry.compacted for c in ctx.catalog.chains() for p in c.live())
    _same_for_everyone(ctx, users)


@pytest.fixture
def kore() -> Iterator[KorePlatform]:
    sim = KoreSimulator(
        seed=9,
        bot_ids=(BOT,),
        users_per_bot=4,
        rate_limits=((UNLIMITED, 60.0),),
        long_open_fraction=0.5,
    )
    with KorePlatform(sim=sim) as p:
        yield p


def test_collect_takes_rows_without_a_subject_of_their_conversations(
    kore: KorePlatform, tmp_path: Path
) -> None:
    """Bot replies committed without a user (one answer left the user out) are found through
    their sessions, as reading every row finds them; before and after compaction."""
    sim = kore.sim
    sim.outgoing_created_by = "bot"
    cfg = write_config(tmp_path, kore, lag=5)
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
    assert run_archive(ctx).exit_code == 0
    officer = sealed_ctx(cfg)
    sessions = {s for s, r in sim.truth(BOT)["sessions"].items() if r["userId"] == uid}
    archived = committed_rows(officer, sealed=True)
    assert any(
        r["session_id"] in sessions and r["subject_id"] is None
        for table in ("messages", "sessions")
        for r in archived[table]
    )
    users = sorted({r["userId"] for r in sim.truth(BOT)["sessions"].values()})
    _same_for_everyone(officer, users)
    compact(officer, operator="test")
    _same_for_everyone(sealed_ctx(cfg), users)
