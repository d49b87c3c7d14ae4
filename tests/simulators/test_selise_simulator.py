"""The Selise Blocks simulator, over real HTTP on 127.0.0.1, as the crawler uses it."""

from __future__ import annotations

import json
import random
from typing import Any

import httpx
import pytest

from archiver.simulators.selise import CHANGE_KINDS, TOKEN_PATH, SeliseSimulator
from tests.conftest import SELISE_AGENTS

(AGENT, WIDGET), _ = SELISE_AGENTS
HTTP = httpx.Client(timeout=10)  # pooled: a client per request would reload the CA bundle


@pytest.fixture
def sim(selise: SeliseSimulator) -> SeliseSimulator:
    return selise


def call(
    sim: SeliseSimulator,
    path: str,
    body: dict[str, Any],
    *,
    key: str | None = None,
    bearer: str | None = None,
) -> httpx.Response:
    headers = {"x-blocks-key": sim.project_key if key is None else key}
    if bearer:
        headers["Authorization"] = f"Bearer {bearer}"
    return HTTP.post(f"{sim.base_url}{path}", json=body, headers=headers)


def listing(sim: SeliseSimulator, **extra: Any) -> httpx.Response:
    body = {"agent_id": AGENT, "project_key": sim.project_key} | extra
    return call(sim, "/conversation/sessions", body)


def messages(sim: SeliseSimulator, sid: str, **extra: Any) -> httpx.Response:
    body = {
        "widget_id": WIDGET,
        "session_id": sid,
        "agent_id": AGENT,
        "project_key": sim.project_key,
    }
    return call(sim, f"/conversation/sessions/{sid}", body | extra)


def read_all(sim: SeliseSimulator, limit: int) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    while True:
        page = listing(sim, limit=limit, offset=len(out)).json()
        out += page["sessions"]
        if len(out) >= page["total_count"] or not page["sessions"]:
            return out


def test_key_and_validation_errors(sim: SeliseSimulator) -> None:
    assert listing(sim).status_code == 200
    no_key = call(
        sim, "/conversation/sessions", {"agent_id": AGENT, "project_key": sim.project_key}, key=""
    )
    assert no_key.status_code == 401 and "detail" in no_key.json()
    cases = [
        ({"project_key": sim.project_key}, ["body", "agent_id"], "missing"),
        (
            {"agent_id": "nobody", "project_key": sim.project_key},
            ["body", "agent_id"],
            "value_error.notfound",
        ),
        (
            {"agent_id": AGENT, "project_key": sim.project_key, "limit": 101},
            ["body", "limit"],
            "value_error",
        ),
        (
            {"agent_id": AGENT, "project_key": sim.project_key, "offset": -1},
            ["body", "offset"],
            "value_error",
        ),
    ]
    for body, loc, kind in cases:
        resp = call(sim, "/conversation/sessions", body)
        assert resp.status_code == 422
        (detail,) = resp.json()["detail"]
        assert detail["loc"] == loc and detail["type"] == kind and detail["msg"]
    notfound = call(sim, "/conversation/sessions", cases[1][0]).json()["detail"][0]
    assert notfound["msg"] == "Agent not found or access denied"
    assert HTTP.get(f"{sim.base_url}/conversation/sessions").status_code == 405


def test_list_is_most_recently_active_first_and_moves(sim: SeliseSimulator) -> None:
    everything = read_all(sim, 7)
    truth = sim.truth(AGENT)["sessions"]
    assert [s["session_id"] for s in everything] != [] and len(everything) == len(truth)
    assert all(s == truth[s["session_id"]] for s in everything)
    updated = [s["updated_at"] for s in everything]
    assert updated == sorted(updated, reverse=True)
    oldest = everything[-1]["session_id"]
    sim.rate_session(AGENT, oldest)
    assert listing(sim, limit=1).json()["sessions"][0]["session_id"] == oldest
    fields = set().union(*(s.keys() for s in everything))
    assert {"user_info", "ip_address", "user_agent", "metadata", "last_message_at"} <= fields


def test_created_order_does_not_move() -> None:
    sim = SeliseSimulator(seed=2, users_per_agent=6, sessions_order="created")
    sim.start()
    try:
        everything = read_all(sim, 100)
        created = [s["created_at"] for s in everything]
        assert created == sorted(created, reverse=True)
        sim.add_message(AGENT, everything[-1]["session_id"])
        assert read_all(sim, 100)[-1]["session_id"] == everything[-1]["session_id"]
    finally:
        sim.stop()


def test_session_messages_oldest_first_and_paginated(sim: SeliseSimulator) -> None:
    sid = max(sim.truth(AGENT)["sessions"].values(), key=lambda s: s["message_count"])["session_id"]
    full = messages(sim, sid, limit=100).json()
    assert full["total_count"] == len(full["messages"]) == full["message_count"]
    assert full["session_id"] == sid and "user_info" in full
    stamps = [m["created_at"] for m in full["messages"]]
    assert stamps == sorted(stamps)
    pages = [
        messages(sim, sid, limit=2, offset=o).json()["messages"] for o in range(0, len(stamps), 2)
    ]
    assert [m for p in pages for m in p] == full["messages"]
    gone = messages(sim, "sess_missing")
    assert gone.status_code == 404 and gone.json() == {"detail": "Session not found"}
    wrong_widget = messages(sim, sid, widget_id="other")
    assert wrong_widget.status_code == 422
    truth = sim.truth(AGENT)["messages"]
    assert all(truth[m["message_id"]] == {"session_id": sid, **m} for m in full["messages"])


def test_oauth_token_is_optional_unless_required(sim: SeliseSimulator) -> None:
    form = {
        "grant_type": "client_credential",
        "client_id": sim.client_id,
        "client_secret": sim.client_secret,
    }
    files = {k: (None, v) for k, v in form.items()}
    granted = HTTP.post(f"{sim.base_url}{TOKEN_PATH}", files=files)
    assert granted.status_code == 200
    token = granted.json()["access_token"]
    assert granted.json()["token_type"] == "Bearer" and granted.json()["expires_in"] > 0
    refused = HTTP.post(f"{sim.base_url}{TOKEN_PATH}", files=files | {"client_secret": (None, "x")})
    assert refused.status_code == 401
    body = {"agent_id": AGENT, "project_key": sim.project_key}
    assert call(sim, "/conversation/sessions", body).status_code == 200
    assert call(sim, "/conversation/sessions", body, bearer=token).status_code == 200
    assert call(sim, "/conversation/sessions", body, bearer="forged").status_code == 401
    sim.require_token = True
    assert call(sim, "/conversation/sessions", body).status_code == 401
    assert call(sim, "/conversation/sessions", body, bearer=token).status_code == 200
    sim.expire_tokens()
    assert call(sim, "/conversation/sessions", body, bearer=token).status_code == 401
    sim.token_ttl_seconds = 10
    urlencoded = HTTP.post(f"{sim.base_url}{TOKEN_PATH}", data=form).json()["access_token"]
    sim.advance(11)
    assert call(sim, "/conversation/sessions", body, bearer=urlencoded).status_code == 401


def test_rate_limit_answers_429() -> None:
    sim = SeliseSimulator(seed=1, users_per_agent=2, rate_limit_per_minute=2)
    sim.start()
    try:
        statuses = [listing(sim).status_code for _ in range(3)]
        assert statuses == [200, 200, 429]
        assert listing(sim).json() == {"detail": "Too Many Requests"}
    finally:
        sim.stop()


def test_drift_between_pages(sim: SeliseSimulator) -> None:
    first = listing(sim, limit=5).json()
    sim.drift_inserts = 1
    second = listing(sim, limit=5, offset=5).json()
    assert second["total_count"] == first["total_count"] + 1
    sim.drift_inserts, sim.drift_touches = 0, 1
    before = [s["session_id"] for s in read_all(sim, 100)]
    listing(sim, limit=5, offset=5)
    after = [s["session_id"] for s in read_all(sim, 100)]
    assert after[0] != before[0] and before.index(after[0]) >= 5  # a session from below jumped up


def test_changes_of_every_kind_and_planted_values(sim: SeliseSimulator) -> None:
    done = sim.random_changes(random.Random(3), 80)
    assert {line.split()[0] for line in done} == set(CHANGE_KINDS)
    truth = sim.truth(AGENT)
    text = json.dumps(truth, ensure_ascii=False)
    planted = [v for k, vs in sim.planted.items() for _, v in vs if k in truth["messages"]]
    assert planted and all(v in text for v in planted)
    assert any("email=" in s["metadata"]["page_url"] for s in truth["sessions"].values())
    assert any(s["user_id"] is None for s in truth["sessions"].values())
    uid = sorted(truth["users"])[0]
    sim.delete_user(AGENT, uid)
    assert all(s["user_id"] != uid for s in sim.truth(AGENT)["sessions"].values())


def test_injected_faults() -> None:
    sim = SeliseSimulator(seed=6, users_per_agent=2)
    sim.start()
    try:
        sim.fault_rates = {"5xx": 1.0}
        assert listing(sim).status_code in (500, 502, 503)
        sim.fault_rates = {"429": 1.0}
        assert listing(sim).status_code == 429
        sim.fault_rates = {"malformed": 1.0}
        with pytest.raises(ValueError):
            json.loads(listing(sim).content)
        assert sim.counters()["sessions.list"] == 3
    finally:
        sim.stop()
