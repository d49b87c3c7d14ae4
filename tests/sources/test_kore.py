"""The Kore.ai source against its simulator: windows, pacing, open sessions, normalisation."""

from __future__ import annotations

import itertools
import json
import math
import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import jwt
import pyarrow.dataset as ds
import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from archiver.archive import catalog as mf
from archiver.config import load_config
from archiver.crawl.engine import run_archive
from archiver.errors import ConfigError, RateLimited, RetriableError
from archiver.simulators.kore import WEEK_MS, KoreSimulator
from archiver.sources.base import Record, StateMark
from archiver.sources.http import HttpPolicy
from archiver.sources.kore import WINDOW, KoreJwtAuth, KoreSource, normalise_components
from archiver.timeutil import format_ts
from tests.archive_truth import check_archive
from tests.conftest import UNLIMITED, open_ctx
from tests.contract.platforms import KorePlatform, write_config
from tests.sources.virtual_time import VirtualTime

pytestmark = pytest.mark.usefixtures("parsed_once_in_module")


BOT = "st-1"


def settings(sim: KoreSimulator, **extra: Any) -> dict[str, Any]:
    return {
        "base_url": sim.base_url,
        "client_id": sim.client_id,
        "client_secret": sim.client_secret,
        "bot_ids": list(sim.bot_ids),
        "rate_limit_per_minute": UNLIMITED,
        "rate_limit_per_hour": UNLIMITED,
    } | extra


@pytest.fixture
def small() -> Iterator[KoreSimulator]:
    sim = KoreSimulator(seed=21, bot_ids=(BOT,), users_per_bot=10, rate_limits=())
    sim.start()
    try:
        yield sim
    finally:
        sim.stop()


class Crawl:
    """One crawl's records, and the source state of the last mark among them (what the engine
    would commit had it stopped there)."""

    def __init__(self, source: KoreSource, since: datetime | None) -> None:
        self.records: list[Record] = []
        self.state: dict[str, Any] | None = None
        self._items = source.changes(BOT, since)

    def run(self) -> Crawl:
        for item in self._items:
            if isinstance(item, StateMark):
                self.state = item.state
            else:
                self.records.append(item)
        return self

    def step(self) -> Record | StateMark:
        item = next(self._items)
        if isinstance(item, StateMark):
            self.state = item.state
        else:
            self.records.append(item)
        return item


def crawl(source: KoreSource, since: datetime | None) -> list[Record]:
    return Crawl(source, since).run().records


def _ids(records: list[Any], table: str) -> set[str]:
    return {r.id for r in records if r.table == table}


def test_30_day_backfill_stays_under_7_day_windows_and_paces_itself() -> None:
    # The documented limits, enforced by the simulator: 60 per 60 s and 1,800 per 3,600 s.
    sim = KoreSimulator(seed=8, bot_ids=(BOT,), users_per_bot=50, history_days=30)
    sim.start()
    vt = VirtualTime(sim)
    source = KoreSource(
        "kore-test",
        {
            "base_url": sim.base_url,
            "client_id": sim.client_id,
            "client_secret": sim.client_secret,
            "bot_ids": [BOT],
            "backfill_days": 31,
            "page_size": 5,
            "messages_page_size": 5,
            # The margin covers the time between the client's send and the simulator's count,
            # which a loaded machine stretches to seconds (virtual waits cost no real time).
            "rate_margin_seconds": 5,
        },
        policy=HttpPolicy(max_retries=0, concurrency=1),  # a single 429 would fail the crawl
        clock=vt.clock,
        transport=vt.transport,
        sleep=vt.sleep,
    )
    try:
        records = crawl(source, None)
        counts = sim.counters()
        truth = sim.truth(BOT)
    finally:
        source.close()
        sim.stop()
    assert counts["total"] > 90, "too few requests for pacing to matter"
    assert counts.get("status.429", 0) == 0
    assert counts.get("status.400", 0) == 0
    assert 6 * 86_400_000 < sim.max_span_ms < WEEK_MS
    # 60 a minute: the crawl had to wait (in virtual time) about a minute per 60 requests.
    assert vt.slept >= 60 * (counts["total"] // 60 - 1)
    assert _ids(records, "sessions") == set(truth["sessions"])
    assert _ids(records, "messages") == set(truth["messages"])


def test_the_hourly_window_is_paced_too() -> None:
    sim = KoreSimulator(
        seed=9, bot_ids=(BOT,), users_per_bot=14, rate_limits=((10, 60.0), (25, 3600.0))
    )
    sim.start()
    vt = VirtualTime(sim)
    tight = settings(sim, page_size=3, messages_page_size=3, rate_margin_seconds=1)
    tight |= {"rate_limit_per_minute": 10, "rate_limit_per_hour": 25}
    # One request at a time: virtual time cannot jump while another is on its way.
    patient = HttpPolicy(max_retries=0, max_wait_seconds=4000, concurrency=1)  # waits out the hour
    source = KoreSource(
        "kore-test", tight, policy=patient, clock=vt.clock, transport=vt.transport, sleep=vt.sleep
    )
    try:
        crawl(source, None)
    finally:
        source.close()
        sim.stop()
    counts = sim.counters()
    assert counts["total"] > 25 and counts.get("status.429", 0) == 0
    assert vt.slept >= 3600 * (counts["total"] // 25 - 1)


def test_a_backfill_beyond_the_hourly_quota_resumes_where_it_stopped() -> None:
    # Resuming works window by window; a window too busy for one hour's quota is halved.
    sim = KoreSimulator(
        seed=9, bot_ids=(BOT,), users_per_bot=50, rate_limits=((10, 60.0), (25, 3600.0))
    )
    sim.start()
    vt = VirtualTime(sim)
    tight = settings(sim, page_size=10, messages_page_size=10, rate_margin_seconds=1)
    tight |= {"rate_limit_per_minute": 10, "rate_limit_per_hour": 25}
    state: dict[str, Any] = {}
    seen: set[tuple[str, str]] = set()
    runs = 0
    try:
        while True:
            runs += 1
            assert runs < 20, "the backfill never finished"
            source = KoreSource(
                "kore-test",
                tight,
                policy=HttpPolicy(
                    max_retries=0, max_wait_seconds=120, concurrency=1
                ),  # quota spent
                clock=vt.clock,
                transport=vt.transport,
                sleep=vt.sleep,
            )
            source.load_state(BOT, state)
            run = Crawl(source, None)
            try:
                run.run()
                break
            except RateLimited:
                assert run.state is not None and "resume" in run.state
                state = run.state
                vt.sleep(3600)  # the next scheduled run
            finally:
                seen.update((r.table, r.id) for r in run.records)
                source.close()
        assert run.state is not None and "resume" not in run.state
        truth = sim.truth(BOT)
        counts = sim.counters()
    finally:
        sim.stop()
    assert runs > 2 and counts.get("status.429", 0) == 0
    assert {i for t, i in seen if t == "sessions"} == set(truth["sessions"])
    assert {i for t, i in seen if t == "messages"} == set(truth["messages"])
    # Each run repeats at most the window it was in, not the whole backfill.
    assert counts["total"] < 25 * runs


def test_a_client_that_does_not_pace_trips_the_limit() -> None:
    sim = KoreSimulator(seed=9, bot_ids=(BOT,), users_per_bot=6, rate_limits=((10, 60.0),))
    sim.start()
    vt = VirtualTime(sim)
    loose = settings(sim, page_size=3, messages_page_size=3, rate_limit_per_minute=1000)
    source = KoreSource(
        "kore-test",
        loose,
        policy=HttpPolicy(max_retries=0),
        clock=vt.clock,
        transport=vt.transport,
        sleep=vt.sleep,
    )
    try:
        with pytest.raises(RateLimited):
            crawl(source, None)
    finally:
        source.close()
        sim.stop()
    # The first 429 ends the crawl; the requests already in flight beside it (one per
    # concurrency slot at most) may meet the limit too.
    assert 1 <= sim.counters()["status.429"] <= HttpPolicy().concurrency


def test_a_run_long_after_the_last_one_steps_through_windows(small: KoreSimulator) -> None:
    source = KoreSource("kore-test", settings(small), policy=HttpPolicy())
    since = small.now() - timedelta(days=20)
    try:
        records = crawl(source, since)
    finally:
        source.close()
    truth = small.truth(BOT)
    assert small.max_span_ms < WEEK_MS
    assert small.counters()["getSessions"] >= 3  # 20 days: at least three windows
    recent = {s for s, r in truth["sessions"].items() if r["start_time"] >= format_ts(since)}
    assert recent and recent <= _ids(records, "sessions")


def test_changes_to_open_sessions_are_caught_by_id(tmp_path: Path) -> None:
    platform = KorePlatform(users=8, open_fraction=1.0)
    platform.start()
    try:
        _open_sessions_are_caught(platform, tmp_path)
    finally:
        platform.stop()


def _open_sessions_are_caught(platform: KorePlatform, tmp_path: Path) -> None:
    kore = platform.sim
    cfg = write_config(tmp_path, platform, lag=0)
    ctx = open_ctx(cfg)
    assert run_archive(ctx).exit_code == 0
    bot = platform.tenants[0]
    seen: dict[str, set[str]] = {}
    for b in platform.tenants:
        state = mf.latest(ctx.store, "kore-main", b, ctx.verifier).state["source"]
        seen[b] = set(state.pop("channels"))
        # Every window listed the configured type and each one seen (none left to catch up).
        assert set(state.pop("listed_channels")) == seen[b] | {"rtm"}
        assert state.pop("horizon") < format_ts(kore.now())
        assert state == {"open_sessions": kore.open_session_ids(b)}
        channels = {r["channel"]: r["sessionStatus"] for r in kore.truth(b)["sessions"].values()}
        assert {c for c, status in channels.items() if status == "active"} <= seen[b]
        assert seen[b] <= channels.keys()
    opened = kore.open_session_ids(bot)
    assert len(opened) >= 4, "the seed must leave open sessions to change"
    closed, counted, chatty, erased = opened[:4]
    kore.close_session(bot, closed)  # end_time stays: only the status says it
    kore.update_session(bot, counted, noOfTasksExecuted=9, containmentType="agent")
    kore.add_message(bot, chatty, "is my parcel on its way?")
    kore.delete_user(bot, kore.truth(bot)["sessions"][erased]["userId"])
    kore.advance(5)
    kore.reset_counters()
    report = run_archive(ctx)
    assert report.exit_code == 0
    by_bot = {s.tenant: s for s in report.streams}
    assert by_bot[bot].records == {"sessions": 3, "messages": 1}
    assert not by_bot[platform.tenants[1]].records
    counts = kore.counters()
    lookups = sum(
        math.ceil(len(ids) / 50) for ids in (opened, kore.open_session_ids(platform.tenants[1]))
    )
    assert counts["getSessions"] == lookups + len(platform.tenants)  # by id, plus one window each
    # Every channel type the stream has seen (those of its active sessions among them) and
    # rtm, the documented default, have their messages listed: no documented signal says
    # which of them got a message, nor which an active session begun before the backfill
    # horizon uses.
    assert counts["getMessages"] == sum(len(seen[b] | {"rtm"}) for b in platform.tenants)
    state = mf.latest(ctx.store, "kore-main", bot, ctx.verifier).state
    assert state["source"]["open_sessions"] == kore.open_session_ids(bot)
    assert closed not in state["source"]["open_sessions"]
    assert erased not in state["source"]["open_sessions"]
    check_archive(cfg, platform, tmp_path)
    restored = tmp_path / "restored"
    sessions = ds.dataset(restored / "sessions", partitioning="hive").to_table().to_pylist()
    assert {r["status"] for r in sessions} == {"active", "closed"}  # from sessionStatus
    messages = ds.dataset(restored / "messages", partitioning="hive").to_table().to_pylist()
    media = [r for r in messages if r["attachments"]]
    assert media and all(u.startswith("https://") for r in media for u in r["attachments"])
    assert all(r["text"] for r in messages if not r["attachments"])


def test_open_sessions_are_looked_up_50_at_a_time() -> None:
    sim = KoreSimulator(
        seed=5,
        bot_ids=(BOT,),
        users_per_bot=60,
        sessions_per_user=(1, 1),
        open_fraction=1.0,
        rate_limits=(),
    )
    sim.start()
    source = KoreSource("kore-test", settings(sim), policy=HttpPolicy())
    try:
        opened = sim.open_session_ids(BOT)
        assert 50 < len(opened) < 100, "a full batch of 50 and a shorter one"
        source.load_state(BOT, {"open_sessions": opened})
        sim.advance(60)
        sim.reset_counters()
        run = Crawl(source, sim.now() - timedelta(seconds=30)).run()
    finally:
        source.close()
        sim.stop()
    assert sim.counters()["getSessions"] == math.ceil(len(opened) / 50) + 1
    assert _ids(run.records, "sessions") == set(opened)
    channels = sorted({sim.truth(BOT)["sessions"][s]["channel"] for s in opened})
    # A state of the earlier form (no listed_channels) listed the configured type and the
    # ones seen all along: the state now says so, and nothing is caught up.
    listed = sorted(set(channels) | {"rtm"})
    assert run.state == {"open_sessions": opened, "channels": channels, "listed_channels": listed}


def test_a_crawl_that_stops_early_keeps_what_it_did_not_look_at() -> None:
    sim = KoreSimulator(
        seed=5,
        bot_ids=(BOT,),
        users_per_bot=70,
        sessions_per_user=(1, 1),
        open_fraction=1.0,
        rate_limits=(),
    )
    sim.start()
    source = KoreSource("kore-test", settings(sim), policy=HttpPolicy(max_retries=0))
    try:
        opened = sim.open_session_ids(BOT)
        first_batch = set(opened[:50])
        for sid in opened[:5]:
            sim.close_session(BOT, sid)
        source.load_state(BOT, {"open_sessions": opened})
        run = Crawl(source, sim.now())
        run.step()
        sim.fault_rates = {"5xx": 1.0}
        with pytest.raises(RetriableError):
            run.run()
    finally:
        source.close()
        sim.stop()
    # The look-ups failed before the first mark: the state to commit is the one loaded, and
    # the next run looks every session up again (the closed ones included).
    assert run.state is None
    assert first_batch <= set(opened)


def test_sessions_listed_without_a_status_are_looked_up_and_followed_until_closed() -> None:
    """The list leaves ``sessionStatus`` out (as the documented samples do): each new session's
    status is read by id, 50 at a time, and an active one is followed, however long it has been
    quiet, until the platform says it is closed."""
    sim = KoreSimulator(seed=7, bot_ids=(BOT,), users_per_bot=60, rate_limits=())
    sim.start()
    source = KoreSource("kore-test", settings(sim), policy=HttpPolicy())
    try:
        first = Crawl(source, None).run()
        assert first.state is not None
        truth = sim.truth(BOT)["sessions"]
        assert set(first.state["open_sessions"]) == set(sim.open_session_ids(BOT))
        assert {r.data["sessionStatus"] for r in first.records if r.table == "sessions"} == {
            "active",
            "closed",
        }
        lookups = sim.counters()["getSessions"]
        windows = 5  # 30 days of backfill
        assert lookups >= windows + math.ceil(len(truth) / 50)
        source.load_state(BOT, first.state)
        sim.advance(3 * 86_400)  # three quiet days: still open, for all the platform says
        again = Crawl(source, sim.now() - timedelta(minutes=1)).run()
        assert again.state is not None
        assert set(again.state["open_sessions"]) == set(sim.open_session_ids(BOT))
        quiet = sim.open_session_ids(BOT)[0]
        sim.close_session(BOT, quiet)
        source.load_state(BOT, again.state)
        last = Crawl(source, sim.now() - timedelta(minutes=1)).run()
    finally:
        source.close()
        sim.stop()
    assert last.state is not None and quiet not in last.state.get("open_sessions", [])


def test_messages_v2_and_containment_types(small: KoreSimulator) -> None:
    cfg = settings(small, messages_api="v2", containment_types=["selfService", "dropOff", "agent"])
    source = KoreSource("kore-test", cfg, policy=HttpPolicy())
    try:
        records = crawl(source, None)
    finally:
        source.close()
    counts = small.counters()
    assert counts["getMessages"] == 0 and counts["getMessagesV2"] > 0
    windows = math.ceil(30 / 6.99)
    assert counts["getSessions"] >= 3 * windows
    truth = small.truth(BOT)
    assert _ids(records, "sessions") == set(truth["sessions"])
    kept = {
        i
        for i, m in truth["messages"].items()
        if not any(c["cT"] in ("alert", "action") for c in m["components"])
    }
    assert _ids(records, "messages") == kept


def test_users_are_derived_from_their_newest_session(small: KoreSimulator) -> None:
    source = KoreSource("kore-test", settings(small), policy=HttpPolicy())
    try:
        records = crawl(source, None)
    finally:
        source.close()
    users = {r.id: r for r in records if r.table == "users"}
    sessions = small.truth(BOT)["sessions"].values()
    assert set(users) == {s["userId"] for s in sessions}
    for uid, rec in users.items():
        newest = max((s for s in sessions if s["userId"] == uid), key=lambda s: s["start_time"])
        assert rec.data["lastSessionId"] == newest["sessionId"]
        assert rec.changed_at == rec.created_at
    messages = [r for r in records if r.table == "messages"]
    assert all(m.user_id and m.sender in ("user", "bot") for m in messages)


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"client_secret": None}, "client_secret"),
        ({"bot_ids": []}, "bot_ids"),
        ({"containment_types": ["everything"]}, "containment_types"),
        ({"messages_api": "v3"}, "messages_api"),
        ({"page_size": 500}, "page_size"),
        ({"channels": "rtm"}, "channels"),
        ({"channels": ["rtm", ""]}, "channels"),
    ],
)
def test_config_entries_are_checked(tmp_path: Path, change: dict[str, Any], key: str) -> None:
    entry = {
        "name": "kore-main",
        "type": "kore",
        "base_url": "https://bots.kore.ai",
        "client_id": "cs-1",
        "client_secret": "secret-value-1",
        "bot_ids": ["st-1"],
    }
    entry = {k: v for k, v in (entry | change).items() if v is not None}
    cfg = write_config(tmp_path, entry)
    with pytest.raises(ConfigError, match=rf"sources\[0\](\.{key}|: '{key}')") as err:
        load_config(cfg)
    assert "secret-value-1" not in str(err.value)


def test_components_are_normalised_into_text_and_attachments() -> None:
    button = {
        "type": "template",
        "payload": {
            "template_type": "button",
            "text": "How can I help?",
            "buttons": [{"type": "postback", "title": "Track", "payload": "TRACK"}],
        },
    }
    carousel = {
        "type": "template",
        "payload": {"elements": [{"title": "Pro", "image_url": "https://cdn.example/p.png"}]},
    }
    components = [
        {"cT": "text", "data": {"text": "hi"}, "thumbnails": []},
        {"cT": "text", "data": {"text": json.dumps(button)}},
        {"cT": "text", "data": {"text": json.dumps(carousel)}},
        {
            "cT": "image",
            "data": {"text": "https://u.example/a.jpg"},
            "thumbnails": [{"url": "https://u.example/a_t.jpg"}],
        },
        {"cT": "text", "data": {"text": "{not json"}},
        "garbage",
    ]
    text, attachments = normalise_components(components)
    assert text.split("\n") == ["hi", "How can I help?", "Track", "Pro", "{not json"]
    assert attachments == (
        "https://cdn.example/p.png",
        "https://u.example/a.jpg",
        "https://u.example/a_t.jpg",
    )
    assert normalise_components(None) == ("", ())


def test_jwt_carries_app_id_and_a_fresh_jti() -> None:
    secret = "s" * 40
    auth = KoreJwtAuth("cs-app", secret)
    tokens = [
        next(auth.auth_flow(httpx.Request("POST", "http://h/x"))).headers["auth"] for _ in range(2)
    ]
    claims = [jwt.decode(t, secret, algorithms=["HS256"]) for t in tokens]
    assert all(c["appId"] == "cs-app" for c in claims)
    assert claims[0]["jti"] != claims[1]["jti"]
    assert jwt.get_unverified_header(tokens[0])["alg"] == "HS256"


def test_planted_values_reach_the_record_data(small: KoreSimulator) -> None:
    source = KoreSource("kore-test", settings(small), policy=HttpPolicy())
    try:
        records = crawl(source, None)
    finally:
        source.close()
    dumped = json.dumps([r.data for r in records], ensure_ascii=False)
    planted = {v for vs in small.planted.values() for _, v in vs}
    assert planted and all(v in dumped for v in planted)
    rng = random.Random(0)
    some = rng.sample([r for r in records if r.table == "messages"], 5)
    assert all(r.data["channels"][0]["channelUId"] for r in some)


@hypothesis_settings(max_examples=200, deadline=None)
@given(
    since=st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1)),  # noqa: DTZ001
    ahead=st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=200)),
    hours=st.integers(min_value=1, max_value=7 * 24),
)
def test_windows_are_contiguous_short_and_reach_the_crawl_start(
    since: datetime, ahead: timedelta, hours: int
) -> None:
    source = KoreSource(
        "kore-test",
        {
            "base_url": "http://127.0.0.1:9",
            "client_id": "c",
            "client_secret": "s",
            "bot_ids": ["b"],
        },
        policy=HttpPolicy(),
    )
    start = since.replace(tzinfo=UTC)
    source._started["b"] = start + ahead  # the platform's clock at the crawl start
    span = min(WINDOW, timedelta(hours=hours))
    windows = list(source._windows("b", start, span))
    source.close()
    assert windows[0][0] == start and windows[-1][1] > start + ahead
    assert all(hi - lo == span < timedelta(days=7) for lo, hi in windows)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(windows))


@hypothesis_settings(max_examples=200, deadline=None)
@given(
    st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.text(max_size=20)
        | st.sampled_from(
            [
                "https://a.example/x.png",
                '{"payload": {"text": "hi", "image_url": "https://b.example/y.png"}}',
                '{"type": "template", "payload": [1, {"url": "ftp://no"}]}',
                "{not json",
                "image",
            ]
        ),
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(
                st.sampled_from(["cT", "data", "text", "thumbnails", "url", "image_url"])
                | st.text(max_size=6),
                inner,
                max_size=4,
            )
        ),
        max_leaves=20,
    )
)
def test_any_component_shape_normalises_without_failing(components: Any) -> None:
    text, attachments = normalise_components(components)
    assert isinstance(text, str)
    assert all(u.startswith(("http://", "https://")) for u in attachments)
    assert len(set(attachments)) == len(attachments)


def test_a_channel_catch_up_cut_short_resumes_where_it_stopped() -> None:
    """A channel type first shown in the last window makes the run list the windows before
    for it (``channel_catch_up`` in the state, advanced at each mark). A crawl stopped inside
    that catch-up leaves the rest in its state: the next run from the same watermark lists only
    what was left, and between them every message after the horizon is read."""
    day = 86_400.0
    sim = KoreSimulator(seed=77, bot_ids=(BOT,), users_per_bot=0, rate_limits=())
    sim.start()
    try:
        sim.clock_skew_seconds = -24 * day - day / 2  # no message near the horizon
        uid = sim.add_user(BOT, channel="msteams")
        old = next(s for s, r in sim.truth(BOT)["sessions"].items() if r["userId"] == uid)
        for n in range(24):
            sim.advance(day)
            sim.add_message(BOT, old, text=f"day {n}")
        sim.clock_skew_seconds = -2 * day
        sim.add_user(BOT, channel="msteams")  # shows msteams in the last of three windows
        sim.clock_skew_seconds = -60
        conf = settings(sim, backfill_days=20)
        horizon = format_ts(datetime.now(UTC) - timedelta(days=20))
        first = KoreSource("kore-test", conf, policy=HttpPolicy(max_retries=0))
        run = Crawl(first, None)
        try:
            while True:  # up to the first mark inside the catch-up, one window done
                item = run.step()
                left = (run.state or {}).get("channel_catch_up", {}).get("msteams")
                if isinstance(item, StateMark) and left and left[0] > horizon:
                    break
        finally:
            first.close()
        assert run.state is not None and "resume" in run.state
        sim.reset_counters()
        again = KoreSource("kore-test", conf, policy=HttpPolicy(max_retries=0))
        again.load_state(BOT, run.state)
        try:
            rest = Crawl(again, None).run()
        finally:
            again.close()
        listed = sim.counters()
        wanted = {
            mid
            for mid, m in sim.truth(BOT)["messages"].items()
            if m["sessionId"] == old and m["createdOn"] >= horizon
        }
    finally:
        sim.stop()
    assert rest.state is not None and "channel_catch_up" not in rest.state
    assert "resume" not in rest.state
    read = _ids(run.records, "messages") | _ids(rest.records, "messages")
    assert wanted <= read, f"{len(wanted - read)} messages after the horizon never read"
    # The resumed run read again at most the last window of the walk, and one window of the
    # catch-up (the one left), not the whole backfill: fewer requests than three windows cost.
    assert listed["total"] <= 8, listed
