"""Holds by query: the query and what it matched are recorded; exactly those conversations
are kept from erase and prune (and locked with S3 Object Lock); later matches are not added."""

from __future__ import annotations

import json
import random
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from archiver.archive.catalog.records import HOLDS, active_holds
from archiver.cli import cli
from archiver.crawl.engine import run_archive
from archiver.errors import EXIT_HELD, EXIT_UNKNOWN, HeldError, UnknownTargetError
from archiver.ops.discovery import Query, search
from archiver.ops.erase import erase
from archiver.ops.hold import place_or_release, place_query
from archiver.ops.prune import prune
from archiver.simulators.peki import PekiSimulator
from archiver.timeutil import parse_ts
from tests.conftest import BOTS, open_ctx, sealed_ctx, sealed_key
from tests.helpers import build_archive, small_simulator
from tests.s3 import MotoServer

# Five users a bot, not twelve: a query hold records, blocks and keeps what it matched whatever the
# archive's size.
pytestmark = [pytest.mark.usefixtures("parsed_once_in_module"), pytest.mark.peki_users(5)]


def _plant(peki: PekiSimulator, cfg: Path, n: int, seed: int, word: str = "recall") -> list[str]:
    """``n`` conversations of people who never wrote ``word`` get a message with it; then a
    run."""
    rng = random.Random(seed)
    truth = peki.truth("bot1")
    said = {m["chatUserId"] for m in truth["messages"].values() if word in (m["text"] or "")}
    people = sorted({s["chatUserId"] for s in truth["sessions"].values()} - said)
    users = rng.sample(people, n)
    sids = []
    for uid in users:
        sid = sorted(s for s, r in truth["sessions"].items() if r["chatUserId"] == uid)[0]
        peki.add_message("bot1", sid, text=f"about the {word} of my kettle")
        sids.append(sid)
    peki.clock_skew_seconds += 5
    assert run_archive(open_ctx(cfg)).exit_code == 0
    return sids


def _owner(peki: PekiSimulator, sid: str) -> str:
    return str(peki.truth("bot1")["sessions"][sid]["chatUserId"])


def test_a_query_hold_records_the_query_and_blocks_erasing_a_matching_person(
    peki: PekiSimulator, archived: Path
) -> None:
    sids = _plant(peki, archived, 2, seed=1)
    runner = CliRunner()
    placed = runner.invoke(
        cli,
        [
            "hold",
            "place",
            "-c",
            str(archived),
            "--case",
            "LIT-Q",
            "--query",
            "--text",
            "recall",
            "--reason",
            "product recall litigation",
        ],
    )
    assert placed.exit_code == 0, placed.output
    assert "2 conversation(s) matched" in placed.output
    listed = json.loads(runner.invoke(cli, ["hold", "list", "-c", str(archived), "--json"]).output)
    (h,) = listed["holds"]
    assert h["kind"] == "query" and h["conversations"] == 2
    assert h["query"] == {"over": "masked rows", "text": "recall"}
    text = runner.invoke(cli, ["hold", "list", "-c", str(archived)]).output
    assert "2 conversation(s) matching [words 'recall'" in text

    # The signed record names the conversations by keyed id only.
    ctx = open_ctx(archived)
    (key,) = [i.key for i in ctx.store.list(HOLDS + "/")]
    raw = ctx.store.get(key).decode()
    assert all(sid not in raw for sid in sids)
    keyed = {ctx.pseudo.record_key("sessions", s) for s in sids}
    assert {m["session"] for m in json.loads(raw)["matched"]} == keyed

    refused = runner.invoke(
        cli,
        [
            "erase",
            "-c",
            str(archived),
            "--user-id",
            _owner(peki, sids[0]),
            "--reason",
            "DSR",
            "--sealed-key",
            str(sealed_key(archived.parent)),
        ],
    )
    assert refused.exit_code == EXIT_HELD, refused.output
    assert "LIT-Q" in refused.output
    # A session list answers "held?" for a matched conversation.
    held = runner.invoke(
        cli, ["hold", "list", "-c", str(archived), "--session-id", sids[1], "--json"]
    )
    assert json.loads(held.output)["held"] is True

    # --except-held erases the rest of the person, keeps the held conversation whole.
    report = erase(sealed_ctx(archived), _owner(peki, sids[0]), reason="DSR", except_held=True)
    assert report.kept_held == {"LIT-Q": 1}
    still = search(sealed_ctx(archived), Query(text="recall"), originals=True)
    assert {c.session_id for c in still.conversations} == set(sids)


def test_later_matches_are_not_added_silently(peki: PekiSimulator, archived: Path) -> None:
    sids = _plant(peki, archived, 1, seed=2)
    first = place_query(open_ctx(archived), "LIT-L", Query(text="recall"))
    assert first.changed and len(first.hold.matched) == 1
    late = _plant(peki, archived, 1, seed=3)
    assert late != sids
    (h,) = active_holds(open_ctx(archived).store, open_ctx(archived).verifier)
    assert h.matched == first.hold.matched  # the new match is not held
    erase(sealed_ctx(archived), _owner(peki, late[0]), reason="DSR")  # not blocked
    with pytest.raises(HeldError, match="LIT-L"):
        erase(sealed_ctx(archived), _owner(peki, sids[0]), reason="DSR")
    # The same query placed again with the same matches: already placed, nothing recorded.
    again = place_query(open_ctx(archived), "LIT-L", Query(text="recall"))
    assert not again.changed and again.hold.hold_id == first.hold.hold_id
    # After a new match, placing it again is a new hold naming the new conversation too.
    more = _plant(peki, archived, 1, seed=4)
    added = place_query(open_ctx(archived), "LIT-L", Query(text="recall"))
    assert added.changed and added.hold.hold_id != first.hold.hold_id
    ctx = open_ctx(archived)
    assert ctx.pseudo.record_key("sessions", more[0]) in {k for *_, k in added.hold.matched}
    released = place_or_release(ctx, "release", "LIT-L", hold_id=first.hold.hold_id)
    assert released.changed
    assert [h.hold_id for h in active_holds(ctx.store, ctx.verifier)] == [added.hold.hold_id]


def test_a_query_hold_keeps_matching_conversations_out_of_prune(
    peki: PekiSimulator, archived: Path
) -> None:
    """Conversations of the oldest days, held by a time query, survive a prune that removes
    everything else inactive."""
    ctx = open_ctx(archived)
    times = sorted(
        parse_ts(m["createdAt"]) for b in BOTS for m in peki.truth(b)["messages"].values()
    )
    q = Query(until=times[0] + timedelta(days=3))
    matched = search(ctx, q).conversations
    assert matched
    doomed = set(prune(ctx, older_than=timedelta(hours=1), dry_run=True).pruned)
    placed = place_query(ctx, "LIT-P", q)
    report = prune(open_ctx(archived), older_than=timedelta(hours=1))
    assert report.kept_held and set(report.kept_held.values()) == {"LIT-P"}
    assert set(report.pruned) < doomed  # the rest went
    live = list(ctx.catalog.live_entries())
    assert all(placed.hold.covers(o) is False for o in live if o.key in report.pruned)
    after = search(open_ctx(archived), q)
    assert {(c.tenant, c.session_id) for c in after.conversations} == {
        (c.tenant, c.session_id) for c in matched
    }
    assert [(c.messages, c.first) for c in after.conversations] == [
        (c.messages, c.first) for c in matched
    ]


def test_a_query_matching_nothing_records_nothing(archived: Path) -> None:
    ctx = open_ctx(archived)
    with pytest.raises(UnknownTargetError):
        place_query(ctx, "LIT-0", Query(text="zebra-crossing-never-said"))
    assert not list(ctx.store.list(HOLDS + "/"))
    r = CliRunner().invoke(
        cli, ["hold", "place", "-c", str(archived), "--case", "X", "--text", "recall"]
    )
    assert r.exit_code == 2 and "--query" in r.output
    r = CliRunner().invoke(
        cli, ["hold", "place", "-c", str(archived), "--case", "X", "--query", "--text", "zzzq"]
    )
    assert r.exit_code == EXIT_UNKNOWN


def test_query_holds_set_s3_legal_holds(moto_server: MotoServer, tmp_path: Path) -> None:
    bucket = moto_server.new_bucket(object_lock=True)
    with small_simulator(seed=9) as sim:
        lock = {"mode": "GOVERNANCE", "days": 1}
        cfg = build_archive(tmp_path, sim, moto_server.archive_config(bucket, object_lock=lock), 1)
        ctx = open_ctx(cfg)
        sid = sorted(sim.truth("bot1")["sessions"])[0]
        sim.add_message("bot1", sid, text="the recall again")
        sim.clock_skew_seconds += 5
        assert run_archive(ctx).exit_code == 0
        held = place_query(ctx, "S3-Q", Query(text="recall", source="peki-main"))
        covered = [o.key for o in ctx.catalog.live_entries() if held.hold.covers(o)]
        assert covered and held.legal_holds == len(covered)
        assert all(ctx.store.lock_status(k).legal_hold for k in covered)  # type: ignore[attr-defined]
