"""The Kore.ai simulator, over real HTTP on 127.0.0.1, as the crawler uses it."""

from __future__ import annotations

import json
import random
from datetime import timedelta
from typing import Any

import httpx
import jwt
import pytest

from archiver.simulators.kore import (
    CHANGE_KINDS,
    RATE_LIMIT_MESSAGE,
    WEEK_MS,
    KoreSimulator,
    parse_kore_date,
)
from archiver.timeutil import format_ts, parse_ts
from tests.conftest import KORE_BOTS

BOT, OTHER_BOT = KORE_BOTS
# One pooled client: a new one per request would load the CA bundle every time.
HTTP = httpx.Client(timeout=10)


@pytest.fixture
def sim(kore: KoreSimulator) -> KoreSimulator:
    return kore


def token(client_id: str, secret: str, **extra: Any) -> str:
    return jwt.encode({"sub": "t", "appId": client_id, **extra}, secret, algorithm="HS256")


def post(
    sim: KoreSimulator,
    endpoint: str,
    body: Any = None,
    *,
    bot: str = BOT,
    auth: str | None = None,
    params: dict[str, str] | None = None,
) -> httpx.Response:
    headers = {"auth": auth if auth is not None else token(sim.client_id, sim.client_secret)}
    return HTTP.post(
        f"{sim.base_url}/api/public/bot/{bot}/{endpoint}",
        json=body if body is not None else {},
        headers=headers,
        params=params,
    )


def window(sim: KoreSimulator, days: float = 6.9) -> dict[str, str]:
    now = sim.now()
    return {"dateFrom": format_ts(now - timedelta(days=days)), "dateTo": format_ts(now)}


def error_of(resp: httpx.Response) -> dict[str, Any]:
    body = resp.json()
    assert set(body) == {"errors"} and len(body["errors"]) == 1
    first: dict[str, Any] = body["errors"][0]
    assert set(first) == {"msg", "code"}
    return first


def test_jwt_auth_is_verified(sim: KoreSimulator) -> None:
    assert post(sim, "getSessions", window(sim)).status_code == 200
    bad = [
        ("", "Invalid JWT token"),
        ("not-a-jwt", "Invalid JWT token"),
        (token(sim.client_id, "a-wrong-secret-that-is-long-enough-for-hs256"), "Invalid JWT token"),
        (token("cs-unknown", sim.client_secret), "Invalid SDK credentials"),
        (jwt.encode({"appId": sim.client_id}, None, algorithm="none"), "Invalid JWT token"),
    ]
    for auth, msg in bad:
        resp = post(sim, "getSessions", window(sim), auth=auth)
        assert resp.status_code == 401 and error_of(resp)["msg"] == msg


def test_scopes_bots_and_jti(sim: KoreSimulator) -> None:
    cid, secret = sim.add_app([BOT], scopes=["sessions"], enforce_jti=True)
    once = token(cid, secret, jti="j-1")
    assert post(sim, "getSessions", window(sim), auth=once).status_code == 200
    replay = post(sim, "getSessions", window(sim), auth=once)
    assert replay.status_code == 401
    no_scope = post(sim, "getMessages", window(sim), auth=token(cid, secret, jti="j-2"))
    assert no_scope.status_code == 401 and error_of(no_scope)["code"] == 4002
    other_bot = post(
        sim, "getSessions", window(sim), bot=OTHER_BOT, auth=token(cid, secret, jti="3")
    )
    assert other_bot.status_code == 401 and error_of(other_bot)["code"] == 4002
    assert post(sim, "getSessions", window(sim), bot="st-404").status_code == 404
    assert HTTP.get(f"{sim.base_url}/api/public/bot/{BOT}/getSessions").status_code == 405


def test_date_windows_must_span_less_than_seven_days(sim: KoreSimulator) -> None:
    now = sim.now()
    week = {"dateFrom": format_ts(now - timedelta(days=7)), "dateTo": format_ts(now)}
    resp = post(sim, "getSessions", week)
    assert resp.status_code == 400 and "7 days" in error_of(resp)["msg"]
    assert post(sim, "getMessages", week).status_code == 400
    just_under = {
        "dateFrom": format_ts(now - timedelta(days=7) + timedelta(milliseconds=1)),
        "dateTo": format_ts(now),
    }
    assert post(sim, "getSessions", just_under).status_code == 200
    assert sim.max_span_ms == WEEK_MS
    assert post(sim, "getSessions", {"dateFrom": "2024-01-01", "dateTo": "2024-01-07"}).is_success
    assert (
        post(sim, "getSessions", {"dateFrom": "2024-01-01", "dateTo": "2024-01-08"}).status_code
        == 400
    )
    for bad in ({"dateFrom": "yesterday"}, {"dateFrom": format_ts(now), "dateTo": "2020-01-01"}):
        assert post(sim, "getSessions", bad).status_code == 400
    # No dates: the last 7 days; one date: 7 days from it.
    assert post(sim, "getSessions", {}).status_code == 200
    assert parse_kore_date("2019-04-01T13:25:58.515Z") - parse_kore_date("2019-04-01") == (
        (13 * 3600 + 25 * 60 + 58) * 1000 + 515
    )


def test_sessions_newest_first_with_skip_limit_and_more_available(sim: KoreSimulator) -> None:
    win = window(sim, 6.9)
    everything: list[dict[str, Any]] = []
    skip = 0
    while True:
        body = post(sim, "getSessions", win | {"skip": skip, "limit": 4}).json()
        everything += body["sessions"]
        skip += len(body["sessions"])
        if not body["moreAvailable"]:
            break
        assert len(body["sessions"]) == 4
    assert body["total"] == len(everything) == skip
    starts = [s["start_time"] for s in everything]
    assert starts == sorted(starts, reverse=True)
    truth = sim.truth(BOT)["sessions"]
    lo, hi = parse_ts(win["dateFrom"]), parse_ts(win["dateTo"])
    expected = {s for s, r in truth.items() if lo <= parse_ts(r["start_time"]) <= hi}
    assert {s["sessionId"] for s in everything} == expected
    # As in the documented list samples: everything but the status, which a look-up by id gives.
    assert all("sessionStatus" not in s for s in everything)
    assert all(
        s == {k: v for k, v in truth[s["sessionId"]].items() if k != "sessionStatus"}
        for s in everything
    )
    capped = post(sim, "getSessions", win | {"limit": 1000}).json()
    assert len(capped["sessions"]) == min(100, capped["total"])
    assert post(sim, "getSessions", win | {"limit": 0}).status_code == 400
    assert post(sim, "getSessions", win | {"skip": "x"}).status_code == 400


def test_containment_types_filter(sim: KoreSimulator) -> None:
    win = window(sim, 6.9)
    seen: set[str] = set()
    total = post(sim, "getSessions", win | {"limit": 100}).json()["total"]
    for kind in ("selfService", "dropOff", "agent"):
        got = post(sim, "getSessions", win | {"limit": 100}, params={"containmentType": kind})
        sessions = got.json()["sessions"]
        assert all(s["containmentType"] == kind for s in sessions)
        seen |= {s["sessionId"] for s in sessions}
    assert len(seen) == total
    bad = post(sim, "getSessions", win, params={"containmentType": "other"})
    assert bad.status_code == 400


def test_session_id_lookup(sim: KoreSimulator) -> None:
    ids = sorted(sim.truth(BOT)["sessions"])[:3]
    body = post(sim, "getSessions", {"sessionId": [*ids, ids[0], "nope"], "limit": 1}).json()
    assert {s["sessionId"] for s in body["sessions"]} == set(ids)  # other filters ignored
    assert body["invalidSessions"] == ["nope"] and body["moreAvailable"] is False
    assert post(sim, "getSessions", {"sessionId": ["x"] * 50}).status_code == 200
    too_many = post(sim, "getSessions", {"sessionId": ["x"] * 51})
    assert too_many.status_code == 400 and "50" in error_of(too_many)["msg"]


def _all_messages(sim: KoreSimulator, body: dict[str, Any], endpoint: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    while True:
        page = post(sim, endpoint, body | {"skip": len(out)}).json()
        out += page["messages"]
        if not page["moreAvailable"]:
            return out


def test_messages_order_channels_v2_and_trace_ids(sim: KoreSimulator) -> None:
    truth = sim.truth(BOT)["messages"]
    win = window(sim, 6.9)
    rtm = _all_messages(sim, win | {"limit": 7}, "getMessages")
    stamps = [m["createdOn"] for m in rtm]
    assert stamps == sorted(stamps, reverse=True) and all(m["chnl"] == "rtm" for m in rtm)
    forward = _all_messages(sim, win | {"limit": 7, "forward": True}, "getMessages")
    assert [m["createdOn"] for m in forward] == sorted(stamps)
    assert {m["_id"] for m in forward} == {m["_id"] for m in rtm}
    assert all(m == truth[m["_id"]] for m in rtm)
    lo, hi = parse_ts(win["dateFrom"]), parse_ts(win["dateTo"])
    channels = {m["chnl"] for m in truth.values()}
    listed = set()
    for ch in channels:
        listed |= {m["_id"] for m in _all_messages(sim, win | {"channelType": ch}, "getMessages")}
    assert listed == {i for i, m in truth.items() if lo <= parse_ts(m["createdOn"]) <= hi}
    v1 = post(sim, "getMessages", win | {"limit": 500}).json()
    assert len(v1["messages"]) == min(100, v1["total"])
    v2 = post(sim, "getMessagesV2", win | {"limit": 10_000}).json()
    kinds = {c["cT"] for m in v2["messages"] for c in m["components"]}
    assert not kinds & {"alert", "action"} and len(v2["messages"]) == v2["total"]
    traced = post(sim, "getMessages", win | {"includeTraceId": True, "limit": 3}).json()
    assert all("traceId" in m for m in traced["messages"])
    one = sorted(truth.values(), key=lambda m: m["createdOn"])[-1]
    scoped = post(
        sim, "getMessages", win | {"sessionId": [one["sessionId"]], "channelType": one["chnl"]}
    )
    assert {m["sessionId"] for m in scoped.json()["messages"]} == {one["sessionId"]}


def test_rolling_limits_answer_a_bare_429() -> None:
    sim = KoreSimulator(
        seed=1, bot_ids=(BOT,), users_per_bot=2, rate_limits=((3, 60.0), (5, 3600.0))
    )
    sim.start()
    try:
        statuses = [post(sim, "getSessions", window(sim)).status_code for _ in range(4)]
        assert statuses == [200, 200, 200, 429]
        refused = post(sim, "getSessions", window(sim))
        assert error_of(refused)["msg"] == RATE_LIMIT_MESSAGE
        assert not {h.lower() for h in refused.headers} & {"retry-after", "x-ratelimit-reset"}
        sim.advance(61)
        assert [post(sim, "getSessions", window(sim)).status_code for _ in range(3)] == [
            200,
            200,
            429,  # the hour's 5 are spent, though the minute has room
        ]
        sim.advance(3600)
        assert post(sim, "getSessions", window(sim)).status_code == 200
    finally:
        sim.stop()


def test_open_sessions_change_without_an_update_time(sim: KoreSimulator) -> None:
    sid = sim.open_session_ids(BOT)[0]
    before = sim.truth(BOT)["sessions"][sid]
    sim.add_message(BOT, sid, "one more question")
    moved = sim.truth(BOT)["sessions"][sid]
    assert moved["end_time"] > before["end_time"]
    assert moved["noOfMessagesExchanged"] == before["noOfMessagesExchanged"] + 1
    sim.update_session(BOT, sid, noOfTasksExecuted=7)
    sim.close_session(BOT, sid)
    closed = sim.truth(BOT)["sessions"][sid]
    assert closed["sessionStatus"] == "closed" and closed["end_time"] == moved["end_time"]
    with pytest.raises(ValueError, match="closed"):
        sim.add_message(BOT, sid)
    with pytest.raises(ValueError):
        sim.update_session(BOT, sid, end_time="2020-01-01T00:00:00.000Z")
    texts = [
        c["data"]["text"]
        for m in sim.truth(BOT)["messages"].values()
        if m["sessionId"] == sid
        for c in m["components"]
    ]
    assert "one more question" in texts


def test_erasure_purge_and_random_changes(sim: KoreSimulator) -> None:
    truth = sim.truth(BOT)
    uid = sorted(truth["users"])[0]
    sim.delete_user(BOT, uid)
    after = sim.truth(BOT)
    assert uid not in after["users"]
    assert all(s["userId"] != uid for s in after["sessions"].values())
    assert all(m["createdBy"] != uid for m in after["messages"].values())
    oldest = min(after["sessions"].values(), key=lambda s: s["start_time"])["sessionId"]
    assert sim.purge_oldest_session(BOT) == oldest
    assert all(m["sessionId"] != oldest for m in sim.truth(BOT)["messages"].values())
    done = sim.random_changes(random.Random(4), 80)
    assert {line.split()[0] for line in done} == set(CHANGE_KINDS)


def test_records_carry_planted_personal_values(sim: KoreSimulator) -> None:
    truth = sim.truth(BOT)
    text = json.dumps(truth, ensure_ascii=False)
    planted = [
        v for key, values in sim.planted.items() for _, v in values if key in truth["messages"]
    ]
    assert planted and all(v in text for v in planted)
    assert any(u["channelUId"] and "@" in u["channelUId"] for u in truth["users"].values())
    kinds = {c["cT"] for m in truth["messages"].values() for c in m["components"]}
    assert {"text", "image", "attachment"} <= kinds | {"image", "attachment"} and "text" in kinds
    templates = [
        c["data"]["text"]
        for m in truth["messages"].values()
        for c in m["components"]
        if c["data"]["text"].startswith("{")
    ]
    assert templates and all(json.loads(t)["type"] == "template" for t in templates)


def test_status_only_by_id_as_documented_and_a_knob_for_every_variant() -> None:
    sim = KoreSimulator(seed=2, bot_ids=(BOT,), users_per_bot=3, rate_limits=())
    sim.start()
    try:
        listed = post(sim, "getSessions", window(sim, 6.9) | {"limit": 100}).json()["sessions"]
        assert listed and all("sessionStatus" not in s for s in listed)
        ids = [s["sessionId"] for s in listed]
        looked = post(sim, "getSessions", {"sessionId": ids}).json()["sessions"]
        truth = sim.truth(BOT)["sessions"]
        assert {s["sessionId"]: s["sessionStatus"] for s in looked} == {
            i: truth[i]["sessionStatus"] for i in ids
        }
        sim.list_session_status = True
        listed = post(sim, "getSessions", window(sim, 6.9) | {"limit": 100}).json()["sessions"]
        assert all(s["sessionStatus"] in ("active", "closed") for s in listed)
        sim.lookup_session_status = False
        looked = post(sim, "getSessions", {"sessionId": ids}).json()["sessions"]
        assert all("sessionStatus" not in s for s in looked)
    finally:
        sim.stop()


def test_some_conversations_stay_open_for_weeks() -> None:
    """Agent hand-offs on asynchronous channels: open for days or weeks, quiet for a day or
    more, and live changes can still add messages to them."""
    sim = KoreSimulator(seed=3, bot_ids=(BOT,), users_per_bot=40, long_open_fraction=0.3)
    long_open = sim.long_open_session_ids(BOT, days=3)
    assert len(long_open) >= 5
    truth = sim.truth(BOT)["sessions"]
    now = format_ts(sim.now() - timedelta(days=1))
    for sid in long_open:
        rec = truth[sid]
        assert rec["sessionStatus"] == "active" and rec["channel"] in ("msteams", "email")
        assert rec["end_time"] <= now  # idle for a day or more, still open
    before = truth[long_open[0]]["noOfMessagesExchanged"]
    sim.add_message(BOT, long_open[0])
    assert sim.truth(BOT)["sessions"][long_open[0]]["noOfMessagesExchanged"] == before + 1


def test_drift_changes_the_list_between_pages(sim: KoreSimulator) -> None:
    win = window(sim, 6.9)
    first = post(sim, "getSessions", win | {"limit": 3}).json()
    sim.drift_deletes = 1
    second = post(sim, "getSessions", win | {"limit": 3, "skip": 15}).json()
    assert second["total"] == first["total"] - 1
    sim.drift_deletes = 0
    now = sim.now()  # a window reaching past now: new sessions land in it
    later = {
        "dateFrom": format_ts(now - timedelta(days=6)),
        "dateTo": format_ts(now + timedelta(days=0.5)),
    }
    base = post(sim, "getSessions", later | {"limit": 3}).json()["total"]
    sim.drift_inserts = 1
    third = post(sim, "getSessions", later | {"limit": 3, "skip": 3}).json()
    assert third["total"] == base + 1


def test_injected_faults() -> None:
    sim = KoreSimulator(seed=5, bot_ids=(BOT,), users_per_bot=2, rate_limits=())
    sim.start()
    try:
        sim.fault_rates = {"5xx": 1.0}
        assert post(sim, "getSessions", window(sim)).status_code in (500, 502, 503)
        sim.fault_rates = {"429": 1.0}
        assert error_of(post(sim, "getSessions", window(sim)))["code"] == 429
        sim.fault_rates = {"malformed": 1.0}
        resp = post(sim, "getSessions", window(sim))
        with pytest.raises(ValueError):
            json.loads(resp.content)
        assert sim.counters()["getSessions"] == 3
    finally:
        sim.stop()
