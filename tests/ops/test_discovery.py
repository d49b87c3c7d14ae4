"""Search: each filter alone and combined, against the simulated platforms' own records.

The archive holds two Peki bots, one Kore.ai bot and one Selise agent, crawled twice with new
messages in between (a word planted in some, on Peki and Kore.ai; agent messages in Selise).
The platforms' truth is read from the simulators (their raw records), not from the archive:
no miss, no extra, and each conversation's totals (messages, first and last) as the platform
has them.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.archive.catalog import index_entry
from archiver.crawl.engine import run_archive
from archiver.demo import source_entry
from archiver.errors import ConfigError, UnknownTargetError
from archiver.ops import discovery
from archiver.ops.discovery import Query, newest, parse_when, search
from archiver.ops.ledger import entries
from archiver.simulators.kore import KoreSimulator
from archiver.simulators.peki import PekiSimulator
from archiver.simulators.selise import SeliseSimulator
from archiver.timeutil import parse_ts
from tests.conftest import BOTS, UNLIMITED, open_ctx, sealed_ctx, write_config

# Five users a bot, not twelve: each search is checked against the platform's truth.
pytestmark = [pytest.mark.usefixtures("parsed_once_in_module"), pytest.mark.peki_users(5)]


WORD = "recall"
PLANTED = (
    "Is my kettle part of the RECALL you announced?",
    "I read about the recall notice yesterday",
    "Please send the recall form to jane.roe@example.com",
)
AGENT = ("agent_1", "widget_1")
KORE_BOT = "st-disc"
#: Planted in open Kore.ai conversations (the platform takes new messages only there).
KORE_PLANTED = ("Does the recall cover the blue kettle?", "recall refund status please")


@dataclass(frozen=True)
class Msg:
    source: str
    tenant: str
    session: str
    user: str | None
    sender: str
    text: str
    created: datetime
    id: str = ""


def _peki_messages(sim: PekiSimulator) -> list[Msg]:
    out = []
    for bot in BOTS:
        for m in sim.truth(bot)["messages"].values():
            out.append(
                Msg(
                    "peki-main",
                    bot,
                    m["chatSessionId"],
                    m["chatUserId"],
                    {"User": "user", "Bot": "bot"}[m["senderType"]],
                    m["text"] or "",
                    parse_ts(m["createdAt"]),
                    m["id"],
                )
            )
    return out


def _kore_text(components: list[dict[str, Any]]) -> str:
    """The words of a Kore.ai message: its components' ``data.text``."""
    return " ".join(str((c.get("data") or {}).get("text") or "") for c in components)


def _kore_messages(sim: KoreSimulator) -> list[Msg]:
    """``type`` incoming is the user, outgoing the bot; the session names the person."""
    truth = sim.truth(KORE_BOT)
    return [
        Msg(
            "kore-main",
            KORE_BOT,
            m["sessionId"],
            truth["sessions"][m["sessionId"]]["userId"],
            {"incoming": "user", "outgoing": "bot"}[m["type"]],
            _kore_text(m["components"]),
            parse_ts(m["createdOn"]),
            m["_id"],
        )
        for m in truth["messages"].values()
    ]


def _selise_messages(sim: SeliseSimulator) -> list[Msg]:
    truth = sim.truth(AGENT[0])
    roles = {"user": "user", "assistant": "bot", "agent": "agent"}
    return [
        Msg(
            "selise-main",
            AGENT[0],
            m["session_id"],
            truth["sessions"][m["session_id"]]["user_id"],
            roles[m["role"]],
            m["content"] or "",
            parse_ts(m["created_at"]),
            m["message_id"],
        )
        for m in truth["messages"].values()
    ]


@dataclass
class World:
    cfg: Path
    messages: list[Msg]
    emails: dict[str, str | None]

    def expect(self, keep: Callable[[Msg], bool], **where: Any) -> dict[tuple[str, str, str], Any]:
        """Conversations with a message ``keep`` accepts (and of the person / source given),
        with the platform's totals of the whole conversation."""
        convs: dict[tuple[str, str, str], list[Msg]] = {}
        for m in self.messages:
            convs.setdefault((m.source, m.tenant, m.session), []).append(m)
        out = {}
        for key, msgs in convs.items():
            if "user" in where and msgs[0].user != where["user"]:
                continue
            if "source" in where and key[0] != where["source"]:
                continue
            if any(keep(m) for m in msgs):
                times = [m.created for m in msgs]
                out[key] = (len(msgs), min(times), max(times))
        return out


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    tmp = tmp_path_factory.mktemp("discovery")
    peki = PekiSimulator(
        seed=5, chatbot_ids=BOTS, users_per_bot=10, history_days=20, rate_limit_per_minute=UNLIMITED
    )
    selise = SeliseSimulator(seed=5, agents=(AGENT,), users_per_agent=10)
    kore = KoreSimulator(
        seed=5, bot_ids=(KORE_BOT,), users_per_bot=8, rate_limits=((UNLIMITED, 60.0),)
    )
    with peki, selise, kore:
        cfg = write_config(tmp, peki, archive={"part_rows": 60})
        doc = yaml.safe_load(cfg.read_text())
        doc["sources"].append(source_entry("selise-main", selise))
        doc["sources"].append(source_entry("kore-main", kore))
        cfg.write_text(yaml.safe_dump(doc, sort_keys=False))
        ctx = open_ctx(cfg)
        assert run_archive(ctx).exit_code == 0
        rng = random.Random(3)
        for i, text in enumerate(PLANTED):
            bot = BOTS[i % 2]
            sid = rng.choice(sorted(peki.truth(bot)["sessions"]))
            peki.add_message(bot, sid, text=text)
        for sid in rng.sample(selise.session_ids(AGENT[0]), 4):
            selise.add_message(AGENT[0], sid, role="agent")
        kore_open = kore.open_session_ids(KORE_BOT)
        assert len(kore_open) >= len(KORE_PLANTED), "too few open Kore.ai sessions to plant in"
        for sid, text in zip(kore_open, KORE_PLANTED, strict=False):
            kore.add_message(KORE_BOT, sid, text=text)
        peki.clock_skew_seconds += 5
        selise.advance(5)
        kore.advance(5)
        assert run_archive(ctx).exit_code == 0
        emails = {u: r.get("email") for b in BOTS for u, r in peki.truth(b)["users"].items()}
        messages = _peki_messages(peki) + _selise_messages(selise) + _kore_messages(kore)
        yield World(cfg, messages, emails)


def _got(result: discovery.SearchResult) -> dict[tuple[str, str, str], Any]:
    return {
        (c.source, c.tenant, c.session_id): (c.messages, c.first, c.last)
        for c in result.conversations
    }


def _check(world: World, q: Query, keep: Callable[[Msg], bool], **where: Any) -> None:
    """The originals' search equals the truth; conversations and their totals."""
    expected = world.expect(keep, **where)
    got = _got(search(sealed_ctx(world.cfg), q, originals=True))
    assert got == expected
    assert expected, "the case tests nothing: no conversation expected"


def _middle(world: World) -> tuple[datetime, datetime]:
    times = sorted(m.created for m in world.messages)
    return times[len(times) // 3], times[2 * len(times) // 3]


@pytest.mark.parametrize("source", ["peki-main", "kore-main", "selise-main"])
def test_by_person(world: World, source: str) -> None:
    user = next(m.user for m in world.messages if m.source == source)
    _check(world, Query(user_id=user), lambda m: True, user=user)


def test_by_time_window(world: World) -> None:
    lo, hi = _middle(world)
    q = Query(since=lo, until=hi)
    _check(world, q, lambda m: lo <= m.created < hi)


@pytest.mark.parametrize("source", ["peki-main", "kore-main", "selise-main"])
def test_by_source(world: World, source: str) -> None:
    _check(world, Query(source=source), lambda m: True, source=source)


def test_by_words_any_case(world: World) -> None:
    assert {k[0] for k in world.expect(lambda m: WORD in m.text.lower())} == {
        "peki-main",
        "kore-main",
    }
    _check(world, Query(text="RECALL"), lambda m: WORD in m.text.lower())
    _check(
        world,
        Query(text="recall notice"),
        lambda m: "recall" in m.text.lower() and "notice" in m.text.lower(),
    )


def test_by_pattern(world: World) -> None:
    pattern = r"(?i)kettle|announced"
    _check(world, Query(regex=pattern), lambda m: re.search(pattern, m.text) is not None)


def test_by_sender(world: World) -> None:
    _check(world, Query(sender="agent"), lambda m: m.sender == "agent")


def test_combined(world: World) -> None:
    lo, hi = _middle(world)
    _check(
        world,
        Query(since=lo, until=hi, sender="user", source="peki-main"),
        lambda m: lo <= m.created < hi and m.sender == "user",
        source="peki-main",
    )
    hit = next(m for m in world.messages if WORD in m.text.lower())
    _check(
        world,
        Query(user_id=hit.user, text=WORD, sender="user"),
        lambda m: WORD in m.text.lower() and m.sender == "user",
        user=hit.user,
    )
    _check(
        world,
        Query(source="kore-main", regex=r"(?i)recall\b.*(kettle|refund)", sender="user"),
        lambda m: (
            re.search(r"(?i)recall\b.*(kettle|refund)", m.text) is not None and m.sender == "user"
        ),
        source="kore-main",
    )


def test_masked_rows_without_the_key(world: World) -> None:
    """Without the private key the masked rows are searched: the plain word is found the
    same, the planted e-mail address is not (it is a token there), and the person is shown
    by pseudonym."""
    ctx = open_ctx(world.cfg, write=False)
    result = search(ctx, Query(text=WORD))
    expected = world.expect(lambda m: WORD in m.text.lower())
    assert {k for k in _got(result)} == set(expected)
    assert all(c.person and re.fullmatch(r"[0-9a-f]{64}", c.person) for c in result.conversations)
    assert search(ctx, Query(text="jane.roe@example.com")).total == 0
    assert search(sealed_ctx(world.cfg), Query(text="jane.roe@example.com"), originals=True).total
    user = next(m.user for m in world.messages if m.source == "peki-main")
    assert set(_got(search(ctx, Query(user_id=user)))) == set(
        world.expect(lambda m: True, user=user)
    )


def test_reads_only_what_can_match(world: World) -> None:
    """A person's search opens only objects naming them; a time window only the partitions
    in it (totals off: they follow the conversations found)."""
    ctx = open_ctx(world.cfg, write=False)
    objs = [o for o in ctx.catalog.live_entries() if o.table == "messages" and not o.sealed]
    lo, hi = _middle(world)
    first, last = lo.date().isoformat(), hi.date().isoformat()
    in_range = [o for o in objs if first <= o.date <= last]
    r = search(ctx, Query(since=lo, until=hi), totals=False)
    assert r.objects_read == len(in_range) < len(objs)
    user = next(m.user for m in world.messages if m.source == "peki-main")
    assert user is not None
    prefix = index_entry(ctx.pseudo.subject_id("peki", user))
    naming = [o for o in objs if prefix in o.subjects]
    r = search(ctx, Query(user_id=user), totals=False)
    assert r.objects_read == len(naming) < len(objs) / 2


def test_originals_leave_an_access_record(world: World) -> None:
    ctx = sealed_ctx(world.cfg)
    before = len(entries(ctx, kind="access"))
    r = search(ctx, Query(text=WORD), originals=True, reason="case 7")
    assert r.access_records and len(entries(ctx, kind="access")) == before + len(r.access_records)
    doc = entries(ctx, kind="access")[-1].doc
    assert doc["command"] == "search" and doc["reason"] == "case 7" and doc["objects"]


def test_limit_and_snippet(world: World) -> None:
    r = search(sealed_ctx(world.cfg), Query(text=WORD), originals=True, limit=1)
    assert r.total >= 2 and len(r.conversations) == 1
    assert WORD in r.conversations[0].snippet.lower()


def test_unknown_person_and_bad_filters(world: World) -> None:
    ctx = open_ctx(world.cfg, write=False)
    r = search(ctx, Query(user_id="no-such-user"))
    assert r.total == 0 and not r.person_known
    with pytest.raises(ConfigError):
        Query(text="a", regex="b")
    with pytest.raises(ConfigError):
        Query(regex="(unclosed")
    with pytest.raises(ConfigError):
        search(ctx, Query(source="nope"))
    with pytest.raises(ConfigError):
        search(ctx, Query(text="x"), originals=True)  # no private key


def test_time_bounds() -> None:
    assert parse_when("2026-03-01", end=False) == datetime(2026, 3, 1, tzinfo=UTC)
    assert parse_when("2026-03-01", end=True) == datetime(2026, 3, 2, tzinfo=UTC)
    end = parse_when("2026-03-01T10:00:00Z", end=True)
    assert end == datetime(2026, 3, 1, 10, 0, 0, 1000, tzinfo=UTC)
    with pytest.raises(ConfigError):
        parse_when("March", end=False)


#: Objects as newest() gets them: (manifest sequence, position in it, rows (id, version time)).
_objects = st.lists(
    st.tuples(
        st.integers(1, 3),
        st.integers(0, 2),
        st.lists(st.tuples(st.sampled_from("abcde"), st.integers(0, 3)), max_size=10),
    ),
    min_size=1,
    max_size=4,
)


@settings(max_examples=60, deadline=None)
@given(_objects)
def test_newest_version_of_each_message(objects: list[tuple[int, int, list[Any]]]) -> None:
    """One row per message id: the highest version time, then the highest manifest, then
    the later object in it, then the later row (the catalog's rule)."""
    base = datetime(2026, 1, 1, tzinfo=UTC)
    tables, want, n = [], {}, 0
    for seq, pos, rows in objects:
        tables.append(
            pa.table(
                {
                    "message_id": pa.array([r[0] for r in rows], pa.string()),
                    "version_time": pa.array(
                        [base + timedelta(seconds=r[1]) for r in rows], pa.timestamp("us", "UTC")
                    ),
                    "_seq": pa.array([seq] * len(rows), pa.int64()),
                    "_pos": pa.array([pos] * len(rows), pa.int64()),
                    "_row": pa.array(range(len(rows)), pa.int64()),
                    "n": pa.array(range(n, n + len(rows)), pa.int64()),
                }
            )
        )
        for row, (mid, v) in enumerate(rows):
            cand = (v, seq, pos, row, n + row)
            if mid not in want or cand[:4] > want[mid][:4]:
                want[mid] = cand
        n += len(rows)
    got = newest(tables).to_pylist()
    assert sorted(r["n"] for r in got) == sorted(c[4] for c in want.values())


def test_unknown_person_is_exit_7_on_the_command_line(world: World) -> None:
    from click.testing import CliRunner

    from archiver.cli import cli

    r = CliRunner().invoke(cli, ["search", "--config", str(world.cfg), "--user-id", "no-such-user"])
    assert r.exit_code == UnknownTargetError.exit_code, r.output
    r = CliRunner().invoke(cli, ["search", "--config", str(world.cfg), "--text", WORD, "--json"])
    assert r.exit_code == 0, r.output
    assert '"searched": "masked rows"' in r.output


def test_by_email_finds_what_the_user_id_finds(world: World) -> None:
    """``--email`` goes through the keyed contact index to the same person."""
    ctx = open_ctx(world.cfg, write=False)
    users = sorted(u for u, e in world.emails.items() if e)[:2]
    assert users, "no user with an e-mail address in the profile"
    for user in users:
        by_mail = search(ctx, Query(email=world.emails[user].upper()))
        by_id = search(ctx, Query(user_id=user))
        assert by_id.total and _got(by_mail) == _got(by_id)


def test_when_a_message_does_not_carry_its_person(peki: PekiSimulator, archived: Path) -> None:
    """The inference: a conversation's messages carry its person (sources write the session
    owner's id on every message; Kore.ai may not know the author of a message in a session
    it has not listed yet). Where one does not, a person's search does not see that message
    (not as a hit, and not in the totals when it lies in an object without the person);
    every other filter, and the bundle (by session index), still does."""
    from archiver.archive.catalog import Partition, commit_next, index_entry
    from archiver.archive.writer import write_object
    from archiver.ops.hold import place_or_release
    from archiver.ops.produce import produce
    from archiver.ops.prune import maintenance_run
    from archiver.timeutil import utcnow

    ctx = sealed_ctx(archived)
    truth = peki.truth("bot1")
    sid, session = sorted(truth["sessions"].items())[0]
    uid = session["chatUserId"]
    before = search(ctx, Query(user_id=uid), originals=True)
    conv = next(c for c in before.conversations if c.session_id == sid)
    when = conv.last
    assert when is not None
    row = {
        "source": "peki-main",
        "tenant": "bot1",
        "message_id": "orphan-message-1",
        "session_id": sid,
        "subject_id": None,
        "sender": "bot",
        "text": "an unattributed note about the zeppelin",
        "attachments": [],
        "created_at": when,
        "version_time": when,
        "record_hash": "0" * 64,
        "raw": "{}",
    }
    head = ctx.catalog.head("peki-main", "bot1")
    assert head is not None
    day = when.date().isoformat()
    index = [index_entry(ctx.pseudo.record_key("sessions", sid))]
    objects = [
        write_object(
            ctx.store,
            ctx.sealed if sealed else ctx.masked,
            key=f"{'sealed' if sealed else 'data'}/messages/source=peki-main/tenant=bot1/"
            f"date={day}/orphan-00001.parquet.enc",
            table="messages",
            sealed=sealed,
            partition=Partition("peki-main", "bot1", day),
            rows=[row | ({"user_id": None} if sealed else {})],
            sessions=index,
        )
        for sealed in (False, True)
    ]
    commit_next(
        ctx.store,
        ctx.provenance,
        previous=head,
        run=maintenance_run("orphan", utcnow()),
        objects=objects,
        supersedes=[],
    )
    by_person = search(ctx, Query(user_id=uid), originals=True)
    same = next(c for c in by_person.conversations if c.session_id == sid)
    assert same.messages == conv.messages  # the unattributed message is not counted
    assert search(ctx, Query(user_id=uid, text="zeppelin"), originals=True).total == 0
    by_word = search(ctx, Query(text="zeppelin"), originals=True)
    assert [(c.session_id, c.messages) for c in by_word.conversations] == [(sid, conv.messages + 1)]
    place_or_release(ctx, "place", "ORPHAN", session_id=sid)
    produce(ctx, "ORPHAN", archived.parent / "bundle")
    doc = json.loads((archived.parent / "bundle" / "JSON" / "ORPHAN-000001.json").read_text())
    assert "orphan-message-1" in {m["message_id"] for m in doc["messages"]}


@pytest.mark.parametrize(
    ("query", "keep"),
    [
        (Query(text=WORD), lambda m: WORD in m.text.lower()),  # Peki and Kore.ai
        (Query(sender="agent"), lambda m: m.sender == "agent"),  # Selise Blocks
    ],
    ids=["words", "agent"],
)
def test_a_bundle_of_a_query_holds_each_platforms_conversations_whole(
    world: World, tmp_path: Path, query: Query, keep: Callable[[Msg], bool]
) -> None:
    """``produce --query``: every matching conversation, each with all its messages as the
    platform has them, and the bundle verifies from its own files."""
    from archiver.ops.bundle import read_dat, verify_bundle
    from archiver.ops.produce import produce

    expected = world.expect(keep)
    out = tmp_path / "bundle"
    report = produce(sealed_ctx(world.cfg), "Q-1", out, query=query)
    custody = json.loads((out / "custody.json").read_text())
    docs = {(d["source"], d["tenant"], d["session_id"]): d for d in custody["documents"]}
    assert set(docs) == set(expected) and report.documents == len(expected)
    for key, d in docs.items():
        want = sorted(m.id for m in world.messages if (m.source, m.tenant, m.session) == key)
        got = json.loads((out / f"JSON/{d['bates']}.json").read_text())["messages"]
        assert sorted(m["message_id"] for m in got) == want
        assert d["messages"] == expected[key][0]
    platforms = {r["PLATFORM"] for r in read_dat((out / "DATA/Q-1.dat").read_bytes())}
    assert len(platforms) == len({k[0] for k in expected})
    check = verify_bundle(out)
    assert check.ok, check.problems
    assert check.documents == len(expected)
