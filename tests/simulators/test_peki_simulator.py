"""The Peki simulator, exercised over real HTTP on 127.0.0.1 as the crawler will use it."""

from __future__ import annotations

import base64
import email.utils
import hashlib
import hmac
import ipaddress
import json
import math
import random
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import phonenumbers
import pytest

from archiver.simulators import synth
from archiver.simulators.peki import CHANGE_KINDS, PekiSimulator
from archiver.timeutil import parse_ts

USER_FIELDS = {
    "id",
    "chatbotId",
    "firstName",
    "lastName",
    "email",
    "phoneNumber",
    "username",
    "source",
    "dataDictionary",
    "messageTimestamp",
    "lastReceivedText",
    "createdAt",
    "updatedAt",
}
SESSION_FIELDS = {
    "id",
    "chatbotId",
    "chatUserId",
    "threadId",
    "status",
    "subject",
    "summary",
    "behaviour",
    "result",
    "score",
    "category",
    "sentiment",
    "language",
    "tags",
    "chatUserName",
    "source",
    "tokenCount",
    "createdAt",
    "updatedAt",
}
MESSAGE_FIELDS = {
    "id",
    "chatbotId",
    "chatSessionId",
    "chatUserId",
    "senderType",
    "text",
    "url",
    "tokenCount",
    "responseTime",
    "createdAt",
}
ENVELOPE_FIELDS = ["data", "error", "totalItems", "pageSize", "currentPage", "totalPages"]


def sign(secret: str, method: str, path: str, body: bytes, timestamp: str) -> str:
    payload = f"{method}\n{path}\n".encode() + body + f"\n{timestamp}".encode()
    return base64.b64encode(hmac.new(secret.encode(), payload, hashlib.sha256).digest()).decode()


class Api:
    """A minimal signing client for the tests; the product's own client lives elsewhere."""

    def __init__(
        self,
        sim: PekiSimulator,
        key: str | None = None,
        secret: str | None = None,
        timeout: float = 10.0,
    ) -> None:
        self.sim = sim
        self.root = sim.base_url.removesuffix("/api")
        self.key = key or sim.api_key
        self.secret = secret or sim.api_secret
        self.client = httpx.Client(timeout=timeout, verify=False)

    def request(
        self,
        method: str,
        path: str,
        body: bytes = b"",
        *,
        secret: str | None = None,
        key: str | None = None,
        timestamp: int | None = None,
        signed_path: str | None = None,
        content_type: str = "application/json",
    ) -> httpx.Response:
        now = int(time.time() + self.sim.clock_skew_seconds)
        ts = str(timestamp if timestamp is not None else now)
        headers = {
            "Content-Type": content_type,
            "X-API-Key": key or self.key,
            "X-Signature": sign(secret or self.secret, method, signed_path or path, body, ts),
            "X-Timestamp": ts,
        }
        return self.client.request(method, self.root + path, content=body or None, headers=headers)

    def get(self, path: str, **kw: Any) -> httpx.Response:
        return self.request("GET", path, **kw)

    def send(self, bot: str, doc: Any) -> httpx.Response:
        body = json.dumps(doc).encode() if not isinstance(doc, bytes) else doc
        return self.request("POST", f"/api/Dev/{bot}/message", body)

    def all_pages(self, path: str, page_size: int = 100) -> list[dict[str, Any]]:
        sep = "&" if "?" in path else "?"
        items: list[dict[str, Any]] = []
        page = 1
        while True:
            r = self.get(f"{path}{sep}page={page}&pageSize={page_size}")
            assert r.status_code == 200, r.text
            doc = r.json()
            items.extend(doc["data"])
            if page >= doc["totalPages"]:
                return items
            page += 1

    def close(self) -> None:
        self.client.close()


@pytest.fixture(scope="module")
def sim() -> Iterator[PekiSimulator]:
    s = PekiSimulator(
        seed=11, chatbot_ids=("bot1", "bot2"), users_per_bot=25, rate_limit_per_minute=1_000_000
    )
    s.start()
    yield s
    s.stop()


@pytest.fixture(scope="module")
def api(sim: PekiSimulator) -> Iterator[Api]:
    a = Api(sim)
    yield a
    a.close()


@pytest.fixture
def make() -> Iterator[Callable[..., tuple[PekiSimulator, Api]]]:
    """Fresh small simulators for tests that change state or knobs."""
    started: list[tuple[PekiSimulator, Api]] = []

    def factory(**kw: Any) -> tuple[PekiSimulator, Api]:
        kw.setdefault("users_per_bot", 25)
        kw.setdefault("seed", 3)
        s = PekiSimulator(**kw)
        s.start()
        a = Api(s)
        started.append((s, a))
        return s, a

    yield factory
    for s, a in started:
        a.close()
        s.stop()


# ----- authentication ---------------------------------------------------------------------


def test_signed_request_is_accepted(api: Api) -> None:
    r = api.get("/api/Dev/bot1/users?page=1&pageSize=5")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/json")
    assert len(r.json()["data"]) == 5


@pytest.mark.parametrize(
    "case", ["wrong_secret", "altered_query", "stale", "future", "unknown_key", "missing_headers"]
)
def test_bad_authentication_is_401(api: Api, case: str) -> None:
    path = "/api/Dev/bot1/users?page=1&pageSize=5"
    now = int(time.time())
    if case == "wrong_secret":
        r = api.get(path, secret="sk_not_the_secret")
    elif case == "altered_query":
        r = api.get(path, signed_path="/api/Dev/bot1/users?page=1&pageSize=50")
    elif case == "stale":
        r = api.get(path, timestamp=now - 301)
    elif case == "future":
        r = api.get(path, timestamp=now + 301)
    elif case == "unknown_key":
        r = api.get(path, key="pk_unknown")
    else:
        r = api.client.get(api.root + path)
    assert r.status_code == 401
    assert r.json()["data"] is None
    assert r.json()["error"]


def test_timestamp_inside_window_is_accepted(api: Api) -> None:
    assert api.get("/api/Dev/bot1/users", timestamp=int(time.time()) - 250).status_code == 200
    assert api.get("/api/Dev/bot1/users", timestamp=int(time.time()) + 250).status_code == 200


def test_signature_covers_the_body(make: Callable[..., tuple[PekiSimulator, Api]]) -> None:
    sim, api = make()
    body = json.dumps({"user": {"id": "u", "name": "A B"}, "message": {"content": "hi"}}).encode()
    ts = str(int(time.time()))
    headers = {
        "Content-Type": "application/json",
        "X-API-Key": sim.api_key,
        "X-Timestamp": ts,
        "X-Signature": sign(sim.api_secret, "POST", "/api/Dev/bot1/message", b"{}", ts),
    }
    r = api.client.post(api.root + "/api/Dev/bot1/message", content=body, headers=headers)
    assert r.status_code == 401


def test_key_limited_to_other_bot_gets_403(sim: PekiSimulator, api: Api) -> None:
    key, secret = sim.add_api_key(["bot2"])
    assert key.startswith("pk_") and secret.startswith("sk_")
    r = api.get("/api/Dev/bot1/users", key=key, secret=secret)
    assert r.status_code == 403
    assert r.json()["data"] is None and r.json()["error"]
    assert api.get("/api/Dev/bot2/users", key=key, secret=secret).status_code == 200


def test_timestamp_window_follows_simulated_clock(
    make: Callable[..., tuple[PekiSimulator, Api]],
) -> None:
    _, api = make(clock_skew_seconds=3600)
    assert api.get("/api/Dev/bot1/users", timestamp=int(time.time())).status_code == 401
    assert api.get("/api/Dev/bot1/users", timestamp=int(time.time()) + 3600).status_code == 200


# ----- envelope and paging ----------------------------------------------------------------


def test_envelope_and_paging_fields(sim: PekiSimulator, api: Api) -> None:
    truth = sim.truth("bot1")
    r = api.get("/api/Dev/bot1/users?page=2&pageSize=7")
    doc = r.json()
    assert list(doc) == ENVELOPE_FIELDS
    assert doc["error"] is None
    assert doc["totalItems"] == len(truth["users"]) == 25
    assert doc["pageSize"] == 7
    assert doc["currentPage"] == 2
    assert doc["totalPages"] == math.ceil(25 / 7)
    assert len(doc["data"]) == 7
    assert all(set(u) == USER_FIELDS for u in doc["data"])
    sessions = api.get("/api/Dev/bot1/sessions?pageSize=3").json()
    assert sessions["currentPage"] == 1 and sessions["totalItems"] == len(truth["sessions"])
    assert all(set(s) == SESSION_FIELDS for s in sessions["data"])
    messages = api.get("/api/Dev/bot1/messages").json()
    assert messages["pageSize"] == 20 and len(messages["data"]) == 20
    assert all(set(m) == MESSAGE_FIELDS for m in messages["data"])


def test_page_size_is_capped_and_echoed(make: Callable[..., tuple[PekiSimulator, Api]]) -> None:
    sim, api = make(page_size_cap=10)
    doc = api.get("/api/Dev/bot1/users?page=1&pageSize=50").json()
    assert doc["pageSize"] == 10
    assert len(doc["data"]) == 10
    assert doc["totalPages"] == math.ceil(doc["totalItems"] / 10)
    sim.page_size_cap = 4
    assert api.get("/api/Dev/bot1/users?pageSize=50").json()["pageSize"] == 4


def test_page_past_the_end_is_empty(api: Api) -> None:
    r = api.get("/api/Dev/bot1/users?page=99&pageSize=10")
    assert r.status_code == 200
    doc = r.json()
    assert doc["data"] == [] and doc["totalItems"] == 25 and doc["totalPages"] == 3
    assert doc["currentPage"] == 99


@pytest.mark.parametrize(
    "query,field",
    [
        ("page=0", "page"),
        ("page=abc", "page"),
        ("pageSize=0", "pageSize"),
        ("pageSize=-3", "pageSize"),
        ("page=1.5", "page"),
    ],
)
def test_invalid_paging_is_problem_details(api: Api, query: str, field: str) -> None:
    r = api.get(f"/api/Dev/bot1/sessions?{query}")
    assert r.status_code == 400
    doc = r.json()
    assert doc["status"] == 400 and doc["title"] and doc["type"] and doc["traceId"]
    assert field in doc["errors"]


@pytest.mark.parametrize("kind", ["users", "sessions", "messages"])
def test_lists_are_complete_and_newest_first(sim: PekiSimulator, api: Api, kind: str) -> None:
    items = api.all_pages(f"/api/Dev/bot1/{kind}")
    truth = sim.truth("bot1")[kind]
    assert [i["id"] for i in items if i["id"]] and {i["id"] for i in items} == set(truth)
    assert len(items) == len(truth)
    stamps = [parse_ts(i["createdAt"]) for i in items]
    assert stamps == sorted(stamps, reverse=True)
    assert all(len(i["id"]) == 24 and int(i["id"], 16) >= 0 for i in items)
    assert all(i["createdAt"].endswith("Z") and len(i["createdAt"]) == 24 for i in items)


def test_ties_keep_reverse_insertion_order(make: Callable[..., tuple[PekiSimulator, Api]]) -> None:
    sim, api = make(users_per_bot=5)
    sim.equal_timestamps = True
    created = [sim.add_user("bot1") for _ in range(6)]
    page = api.get("/api/Dev/bot1/users?pageSize=6").json()["data"]
    assert [u["id"] for u in page] == created[::-1]
    assert len({u["createdAt"] for u in page}) == 1
    assert [u["id"] for u in page] != sorted(u["id"] for u in page)


def test_history_is_plausible(sim: PekiSimulator) -> None:
    truth = sim.truth("bot1")
    sessions = truth["sessions"].values()
    closed = [s for s in sessions if s["status"] == "Closed"]
    assert len(closed) > 0.7 * len(truth["sessions"])
    assert all(s["summary"] and s["score"] is not None for s in closed)
    for m in truth["messages"].values():
        assert (m["responseTime"] is None) == (m["senderType"] == "User")
        session = truth["sessions"][m["chatSessionId"]]
        assert m["chatUserId"] == session["chatUserId"]
        assert parse_ts(m["createdAt"]) >= parse_ts(session["createdAt"])
    for s in sessions:
        assert parse_ts(s["updatedAt"]) >= parse_ts(s["createdAt"])
    for u in truth["users"].values():
        if u["messageTimestamp"]:
            assert u["lastReceivedText"]


# ----- filters and single objects -----------------------------------------------------------


def test_filters(sim: PekiSimulator, api: Api) -> None:
    truth = sim.truth("bot1")
    session = next(s for s in truth["sessions"].values())
    uid, sid = session["chatUserId"], session["id"]
    by_user = api.all_pages(f"/api/Dev/bot1/sessions?userId={uid}")
    assert {s["id"] for s in by_user} == {
        s["id"] for s in truth["sessions"].values() if s["chatUserId"] == uid
    }
    in_session = api.all_pages(f"/api/Dev/bot1/messages?sessionId={sid}")
    assert {m["id"] for m in in_session} == {
        m["id"] for m in truth["messages"].values() if m["chatSessionId"] == sid
    }
    of_user = api.all_pages(f"/api/Dev/bot1/messages?userId={uid}")
    assert {m["id"] for m in of_user} == {
        m["id"] for m in truth["messages"].values() if m["chatUserId"] == uid
    }
    both = api.all_pages(f"/api/Dev/bot1/messages?sessionId={sid}&userId={uid}")
    assert [m["id"] for m in both] == [m["id"] for m in in_session]
    other_uid = next(u for u in truth["users"] if u != uid)
    assert api.all_pages(f"/api/Dev/bot1/messages?sessionId={sid}&userId={other_uid}") == []
    assert api.all_pages("/api/Dev/bot1/sessions?userId=000000000000000000000000") == []


def test_single_object_shapes(sim: PekiSimulator, api: Api) -> None:
    truth = sim.truth("bot1")
    uid = next(iter(truth["users"]))
    doc = api.get(f"/api/Dev/bot1/users/{uid}").json()
    assert list(doc) == ENVELOPE_FIELDS
    assert (doc["totalItems"], doc["pageSize"], doc["currentPage"], doc["totalPages"]) == (0,) * 4
    assert doc["data"] == truth["users"][uid]
    sid = next(iter(truth["sessions"]))
    session = api.get(f"/api/Dev/bot1/sessions/{sid}").json()["data"]
    omitted = {"behaviour", "result", "category", "tags", "chatUserName", "source"}
    assert set(session) == SESSION_FIELDS - omitted
    assert session == {k: v for k, v in truth["sessions"][sid].items() if k in session}
    bot_msg = next(m for m in truth["messages"].values() if m["senderType"] == "Bot")
    got = api.get(f"/api/Dev/bot1/messages/{bot_msg['id']}").json()["data"]
    assert got["responseTime"] == bot_msg["responseTime"] and got["text"] == bot_msg["text"]


@pytest.mark.parametrize(
    "kind,error",
    [
        ("users", "User not found."),
        ("sessions", "Session not found."),
        ("messages", "Message not found."),
    ],
)
def test_not_found_shapes(sim: PekiSimulator, api: Api, kind: str, error: str) -> None:
    r = api.get(f"/api/Dev/bot1/{kind}/0123456789abcdef01234567")
    assert r.status_code == 404
    assert r.json() == {"data": None, "error": error}
    other_bot_id = next(iter(sim.truth("bot2")[kind]))
    assert api.get(f"/api/Dev/bot1/{kind}/{other_bot_id}").status_code == 404


def test_unknown_routes_and_methods(api: Api) -> None:
    assert api.get("/api/Dev/bot1/nothing").status_code == 404
    assert api.get("/api/Dev/bot1/message").status_code == 405
    assert api.request("POST", "/api/Dev/bot1/users", b"{}").status_code == 405
    assert api.get("/api/Dev/nobot/users").status_code == 404


# ----- send ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "doc,field",
    [
        ({"user": {"id": "x"}, "message": {"content": "hi"}}, "user.name"),
        ({"user": {"name": "A"}, "message": {"content": "hi"}}, "user.id"),
        ({"user": {"id": "x", "name": "A"}, "message": {}}, "message.content"),
        ({"user": {"id": "x", "name": "A"}}, "message.content"),
        (
            {"user": {"id": "x", "name": "A"}, "message": {"content": "hi", "file": "nope"}},
            "message.file",
        ),
    ],
)
def test_send_validation_is_problem_details(
    make: Callable[..., tuple[PekiSimulator, Api]], doc: dict[str, Any], field: str
) -> None:
    sim, api = make(users_per_bot=3)
    before = {k: len(v) for k, v in sim.truth("bot1").items()}
    r = api.send("bot1", doc)
    assert r.status_code == 400
    problem = r.json()
    assert problem["status"] == 400
    assert problem["title"] == "One or more validation errors occurred."
    assert problem["type"].startswith("https://tools.ietf.org/html/rfc9110")
    assert problem["errors"][field]
    assert {k: len(v) for k, v in sim.truth("bot1").items()} == before


def test_send_creates_user_session_and_messages(
    make: Callable[..., tuple[PekiSimulator, Api]],
) -> None:
    sim, api = make(users_per_bot=3, send_limit_per_day=100)
    before = sim.truth("bot1")
    r = api.send(
        "bot1",
        {
            "user": {"id": "ext-42", "name": "Jane Roe"},
            "message": {"content": "Hello there", "file": "https://x.test/a.pdf"},
        },
    )
    assert r.status_code == 200
    doc = r.json()
    assert list(doc) == ENVELOPE_FIELDS and doc["error"] is None
    assert isinstance(doc["data"], str) and doc["data"]
    assert (doc["totalItems"], doc["pageSize"], doc["currentPage"], doc["totalPages"]) == (0,) * 4
    assert r.headers["X-RateLimit-Limit"] == "100"
    truth = sim.truth("bot1")
    (uid,) = set(truth["users"]) - set(before["users"])
    user = truth["users"][uid]
    assert (user["firstName"], user["lastName"], user["username"]) == ("Jane", "Roe", "ext-42")
    assert user["lastReceivedText"] == "Hello there"
    (sid,) = set(truth["sessions"]) - set(before["sessions"])
    assert truth["sessions"][sid]["status"] == "Active"
    assert truth["sessions"][sid]["chatUserId"] == uid
    new = [truth["messages"][m] for m in set(truth["messages"]) - set(before["messages"])]
    by_sender = {m["senderType"]: m for m in new}
    assert len(new) == 2
    assert by_sender["User"]["text"] == "Hello there"
    assert by_sender["User"]["url"] == "https://x.test/a.pdf"
    assert by_sender["Bot"]["text"] == doc["data"]
    assert by_sender["Bot"]["responseTime"] > 0

    assert (
        api.send(
            "bot1", {"user": {"id": "ext-42", "name": "Jane Roe"}, "message": {"content": "Again"}}
        ).status_code
        == 200
    )
    after = sim.truth("bot1")
    assert len(after["users"]) == len(truth["users"])
    assert len(after["sessions"]) == len(truth["sessions"])
    assert sum(m["chatSessionId"] == sid for m in after["messages"].values()) == 4
    assert sim.counters()["message.send"] == 2


def test_send_has_its_own_daily_limit(make: Callable[..., tuple[PekiSimulator, Api]]) -> None:
    _, api = make(users_per_bot=2, send_limit_per_day=2, rate_limit_per_minute=1)
    doc = {"user": {"id": "u", "name": "U V"}, "message": {"content": "hi"}}
    assert [api.send("bot1", doc).status_code for _ in range(3)] == [200, 200, 429]
    r = api.send("bot1", doc)
    assert r.json() == {"data": None, "error": "Rate limit exceeded."}
    assert r.headers["X-RateLimit-Remaining"] == "0"
    assert api.get("/api/Dev/bot1/users").status_code == 200


# ----- rate limits ---------------------------------------------------------------------------


def start_of_next_window(sim: PekiSimulator) -> int:
    """Move the simulated clock to 1 s into a fresh 60 s window, so no boundary passes mid-test."""
    now = time.time()
    window_start = (math.floor(now / 60) + 1) * 60
    sim.clock_skew_seconds = window_start + 1 - now
    return window_start


def test_rate_limit_headers_and_429(make: Callable[..., tuple[PekiSimulator, Api]]) -> None:
    sim, api = make(users_per_bot=3, rate_limit_per_minute=5)
    window_start = start_of_next_window(sim)
    responses = [api.get("/api/Dev/bot1/users") for _ in range(6)]
    assert [r.status_code for r in responses] == [200] * 5 + [429]
    assert [r.headers["X-RateLimit-Remaining"] for r in responses] == ["4", "3", "2", "1", "0", "0"]
    assert all(r.headers["X-RateLimit-Limit"] == "5" for r in responses)
    assert all(r.headers["X-RateLimit-Reset"] == str(window_start + 60) for r in responses)
    limited = responses[-1]
    assert limited.json() == {"data": None, "error": "Rate limit exceeded."}
    assert "retry-after" not in limited.headers
    sim.clock_skew_seconds += 60
    assert api.get("/api/Dev/bot1/users").status_code == 200
    assert sim.counters()["status.429"] == 1


def test_rate_limit_is_per_key(make: Callable[..., tuple[PekiSimulator, Api]]) -> None:
    sim, api = make(users_per_bot=3, rate_limit_per_minute=2)
    start_of_next_window(sim)
    key, secret = sim.add_api_key(["bot1"])
    assert [api.get("/api/Dev/bot1/users").status_code for _ in range(3)] == [200, 200, 429]
    assert api.get("/api/Dev/bot1/users", key=key, secret=secret).status_code == 200


# ----- faults --------------------------------------------------------------------------------


def test_fault_429(make: Callable[..., tuple[PekiSimulator, Api]]) -> None:
    sim, api = make(users_per_bot=3)
    sim.fault_rates = {"429": 1.0}
    r = api.get("/api/Dev/bot1/users")
    assert r.status_code == 429
    assert r.json() == {"data": None, "error": "Rate limit exceeded."}
    assert r.headers["X-RateLimit-Remaining"] == "0" and "X-RateLimit-Reset" in r.headers


def test_fault_5xx(make: Callable[..., tuple[PekiSimulator, Api]]) -> None:
    sim, api = make(users_per_bot=3)
    sim.fault_rates["5xx"] = 1.0
    responses = [api.get("/api/Dev/bot1/users") for _ in range(24)]
    assert {r.status_code for r in responses} == {500, 502, 503}
    kinds = {r.headers["content-type"].split(";")[0] for r in responses}
    assert kinds == {"application/json", "text/html"}
    for r in responses:
        if r.headers["content-type"].startswith("application/json"):
            assert r.json()["data"] is None and r.json()["error"]


def test_fault_timeout_drops_the_connection(
    make: Callable[..., tuple[PekiSimulator, Api]],
) -> None:
    sim, api = make(users_per_bot=3)
    sim.fault_rates["timeout"] = 1.0
    sim.timeout_seconds = 0.3
    started = time.perf_counter()
    with pytest.raises(httpx.TransportError):
        api.get("/api/Dev/bot1/users")
    assert time.perf_counter() - started >= 0.29
    sim.timeout_seconds = 2.0
    with httpx.Client(timeout=0.2, verify=False) as short, pytest.raises(httpx.ReadTimeout):
        ts = str(int(time.time()))
        path = "/api/Dev/bot1/users"
        short.get(
            api.root + path,
            headers={
                "X-API-Key": sim.api_key,
                "X-Timestamp": ts,
                "X-Signature": sign(sim.api_secret, "GET", path, b"", ts),
            },
        )
    # The simulator counts the second drop when its thread gets to it: on a loaded machine
    # that can be after the client gave up, so wait for it (bounded).
    deadline = time.monotonic() + 10
    while sim.counters().get("status.dropped", 0) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    sim.fault_rates["timeout"] = 0.0
    assert api.get("/api/Dev/bot1/users").status_code == 200
    counts = sim.counters()
    assert counts["status.dropped"] == 2 and counts["users.list"] == 3


def test_fault_malformed(make: Callable[..., tuple[PekiSimulator, Api]]) -> None:
    sim, api = make(users_per_bot=3)
    sim.fault_rates["malformed"] = 1.0
    seen = set()
    for _ in range(16):
        r = api.get("/api/Dev/bot1/users")
        assert r.status_code == 200
        if r.headers["content-type"].startswith("application/json"):
            with pytest.raises(json.JSONDecodeError):
                json.loads(r.content)
            seen.add("truncated")
        else:
            seen.add("wrong_type")
    assert seen == {"truncated", "wrong_type"}


def test_faults_apply_after_auth(make: Callable[..., tuple[PekiSimulator, Api]]) -> None:
    sim, api = make(users_per_bot=3)
    sim.fault_rates = {"5xx": 1.0}
    assert api.get("/api/Dev/bot1/users", secret="sk_wrong").status_code == 401


def test_faults_are_deterministic_for_a_seed(
    make: Callable[..., tuple[PekiSimulator, Api]],
) -> None:
    def statuses(seed: int) -> list[int]:
        sim, api = make(seed=seed, users_per_bot=3)
        sim.fault_rates = {"429": 0.2, "5xx": 0.2, "malformed": 0.2}
        return [api.get("/api/Dev/bot1/users").status_code for _ in range(30)]

    first = statuses(21)
    assert first == statuses(21)
    assert len(set(first)) >= 3
    assert first != statuses(22)


def test_latency_is_added(make: Callable[..., tuple[PekiSimulator, Api]]) -> None:
    sim, api = make(users_per_bot=3)
    sim.latency_seconds = 0.25
    started = time.perf_counter()
    assert api.get("/api/Dev/bot1/users/nope").status_code == 404
    assert time.perf_counter() - started >= 0.25


# ----- drift ---------------------------------------------------------------------------------


def test_drift_inserts_push_records_down(make: Callable[..., tuple[PekiSimulator, Api]]) -> None:
    sim, api = make()
    first = api.get("/api/Dev/bot1/users?page=1&pageSize=5").json()
    sim.drift_inserts = 2
    second = api.get("/api/Dev/bot1/users?page=2&pageSize=5").json()
    assert second["totalItems"] == first["totalItems"] + 2
    assert [u["id"] for u in second["data"][:2]] == [u["id"] for u in first["data"][3:]]
    sim.drift_inserts = 0
    top = api.get("/api/Dev/bot1/users?page=1&pageSize=5").json()["data"]
    assert {u["id"] for u in top[:2]}.isdisjoint(u["id"] for u in first["data"])


def test_drift_inserts_on_filtered_messages(
    make: Callable[..., tuple[PekiSimulator, Api]],
) -> None:
    sim, api = make(messages_per_session=(6, 8))
    sid = next(iter(sim.truth("bot1")["sessions"]))
    path = f"/api/Dev/bot1/messages?sessionId={sid}"
    first = api.get(path + "&page=1&pageSize=3").json()
    sim.drift_inserts = 1
    second = api.get(path + "&page=2&pageSize=3").json()
    assert second["totalItems"] == first["totalItems"] + 1
    assert second["data"][0]["id"] == first["data"][-1]["id"]
    assert all(
        m["chatSessionId"] == sid
        for m in sim.truth("bot1")["messages"].values()
        if m["id"] not in {x["id"] for x in first["data"]} and m["chatSessionId"] == sid
    )


def test_drift_deletes_skip_records(make: Callable[..., tuple[PekiSimulator, Api]]) -> None:
    sim, api = make()
    everything = [u["id"] for u in api.get("/api/Dev/bot1/users?pageSize=100").json()["data"]]
    sim.drift_deletes = 2
    second = api.get("/api/Dev/bot1/users?page=2&pageSize=5").json()
    assert second["totalItems"] == len(everything) - 2
    assert second["data"][0]["id"] == everything[7]
    remaining = sim.truth("bot1")
    gone = set(everything) - set(remaining["users"])
    assert len(gone) == 2 and gone <= set(everything[:5])
    assert all(s["chatUserId"] not in gone for s in remaining["sessions"].values())
    assert all(m["chatUserId"] not in gone for m in remaining["messages"].values())


# ----- live changes --------------------------------------------------------------------------


def test_random_changes_cover_every_kind(make: Callable[..., tuple[PekiSimulator, Api]]) -> None:
    sim, api = make(users_per_bot=30)
    before = sim.truth("bot1")
    changes = sim.random_changes(random.Random(1), 300)
    assert len(changes) == 300
    assert {c.split()[0] for c in changes} == set(CHANGE_KINDS)
    after = sim.truth("bot1")
    updated_old = [c.split()[1] for c in changes if c.startswith("session_update")]
    still_there = [
        sid for sid in updated_old if sid in after["sessions"] and sid in before["sessions"]
    ]
    assert still_there
    for sid in still_there:
        assert after["sessions"][sid]["status"] == "Closed"
        assert after["sessions"][sid]["updatedAt"] > before["sessions"][sid]["updatedAt"]
        assert after["sessions"][sid]["createdAt"] == before["sessions"][sid]["createdAt"]
    assert all(s["chatUserId"] in after["users"] for s in after["sessions"].values())
    assert all(m["chatSessionId"] in after["sessions"] for m in after["messages"].values())
    listed = api.all_pages("/api/Dev/bot1/messages")
    assert {m["id"] for m in listed} == set(after["messages"])


def test_live_changes_bump_timestamps(make: Callable[..., tuple[PekiSimulator, Api]]) -> None:
    sim, api = make(users_per_bot=3)
    truth = sim.truth("bot1")
    session = next(s for s in truth["sessions"].values() if s["status"] == "Closed")
    sid, uid = session["id"], session["chatUserId"]
    mid = sim.add_message("bot1", sid, "Ping from +14155550100")
    after = sim.truth("bot1")
    assert after["sessions"][sid]["updatedAt"] == after["messages"][mid]["createdAt"]
    assert after["sessions"][sid]["status"] == "Closed"
    assert after["sessions"][sid]["tokenCount"] > session["tokenCount"]
    assert after["users"][uid]["lastReceivedText"] == "Ping from +14155550100"
    assert after["users"][uid]["messageTimestamp"] == after["messages"][mid]["createdAt"]
    sim.update_session("bot1", sid, score=1.5, summary="Changed")
    got = api.get(f"/api/Dev/bot1/sessions/{sid}").json()["data"]
    assert got["score"] == 1.5 and got["summary"] == "Changed"
    sim.update_user("bot1", uid, email="new.address@example.org")
    assert ("email", "new.address@example.org") in sim.planted[uid]
    sim.delete_session("bot1", sid)
    assert api.get(f"/api/Dev/bot1/messages/{mid}").status_code == 404
    sim.delete_user("bot1", uid)
    assert api.get(f"/api/Dev/bot1/users/{uid}").status_code == 404
    assert uid not in {m["chatUserId"] for m in sim.truth("bot1")["messages"].values()}


# ----- counters, clock, determinism ------------------------------------------------------


def test_counters(make: Callable[..., tuple[PekiSimulator, Api]]) -> None:
    sim, api = make(users_per_bot=3)
    api.get("/api/Dev/bot1/users")
    sim.reset_counters()
    assert sim.counters()["total"] == 0
    for _ in range(3):
        api.get("/api/Dev/bot1/users")
    api.get("/api/Dev/bot1/sessions/nope")
    api.get("/api/Dev/bot1/messages", secret="sk_wrong")
    counts = sim.counters()
    assert counts["users.list"] == 3 and counts["sessions.get"] == 1
    assert counts["messages.list"] == 1 and counts["messages.get"] == 0
    assert counts["total"] == 5
    assert (counts["status.200"], counts["status.404"], counts["status.401"]) == (3, 1, 1)


def test_date_header_and_records_follow_clock_skew(
    make: Callable[..., tuple[PekiSimulator, Api]],
) -> None:
    sim, api = make(users_per_bot=3)
    sim.clock_skew_seconds = -7200
    r = api.get("/api/Dev/bot1/users")
    assert r.status_code == 200
    served = email.utils.parsedate_to_datetime(r.headers["Date"]).timestamp()
    assert abs(served - (time.time() - 7200)) < 5
    assert abs(int(r.headers["X-RateLimit-Reset"]) - (time.time() - 7200)) <= 61
    uid = sim.add_user("bot1")
    created = parse_ts(sim.truth("bot1")["users"][uid]["createdAt"]).timestamp()
    assert abs(created - (time.time() - 7200)) < 5


def test_deterministic_for_a_seed() -> None:
    a = PekiSimulator(seed=5, users_per_bot=10)
    b = PekiSimulator(seed=5, users_per_bot=10)
    c = PekiSimulator(seed=6, users_per_bot=10)
    assert (a.api_key, a.api_secret) == (b.api_key, b.api_secret) != (c.api_key, c.api_secret)

    def shape(sim: PekiSimulator) -> dict[str, Any]:
        t = sim.truth("bot1")
        return {
            kind: {
                i: {
                    k: v
                    for k, v in r.items()
                    if k not in ("createdAt", "updatedAt", "messageTimestamp")
                }
                for i, r in recs.items()
            }
            for kind, recs in t.items()
        }

    assert shape(a) == shape(b) and a.planted == b.planted
    assert shape(a) != shape(c)
    assert a.random_changes(random.Random(9), 20) == b.random_changes(random.Random(9), 20)
    assert shape(a) == shape(b)


def test_planted_values_are_present_verbatim(sim: PekiSimulator) -> None:
    kinds: set[str] = set()
    for bot in ("bot1", "bot2"):
        truth = sim.truth(bot)
        for mid, message in truth["messages"].items():
            for kind, value in sim.planted.get(mid, []):
                assert value in (message["text"] or ""), (kind, value, message["text"])
                kinds.add(kind)
        for uid, user in truth["users"].items():
            text = json.dumps(user, ensure_ascii=False)
            for kind, value in sim.planted[uid]:
                assert value in text
                kinds.add(kind)
        for sid, session in truth["sessions"].items():
            for _, value in sim.planted.get(sid, []):
                assert value == session["chatUserName"]
    assert {"email", "phone", "card", "iban", "ip", "name"} <= kinds


def _valid_phone(value: str) -> bool:
    regions = [None] if value.startswith("+") else ["US", "GB", "DE", "TR"]
    for region in regions:
        try:
            if phonenumbers.is_valid_number(phonenumbers.parse(value, region)):
                return True
        except phonenumbers.NumberParseException:
            continue
    return False


def test_synthetic_values_are_valid_and_decoys_are_not() -> None:
    rng = random.Random(4)
    person = synth.make_person(rng)
    found: dict[str, list[str]] = {}
    for _ in range(3000):
        text, planted = synth.generate_text(rng, person)
        for kind, value in planted:
            assert value in text
            found.setdefault(kind, []).append(value)
    assert all(synth.luhn_valid(v) for v in found["card"])
    assert all(synth.iban_valid(v) for v in found["iban"])
    assert all(ipaddress.ip_address(v) for v in found["ip"])
    for _ in range(200):
        p = synth.make_person(rng)
        assert _valid_phone(p.phone) and _valid_phone(p.phone_e164), p.phone
        assert "@" in p.email and " " not in p.email
        assert not synth.luhn_valid(synth.non_luhn_number(rng))
        assert not synth.iban_valid(synth.bad_iban(rng))
        assert synth.luhn_valid(synth.card_number(rng))
    assert synth.iban_valid("GB82 WEST 1234 5698 7654 32")
    assert synth.luhn_valid("4111 1111 1111 1111") and not synth.luhn_valid("4111111111111112")

    def sample(seed: int) -> list[tuple[str, list[tuple[str, str]]]]:
        r = random.Random(seed)
        p = synth.make_person(r)
        return [synth.generate_text(r, p) for _ in range(20)]

    assert sample(4) == sample(4) != sample(5)


def test_large_simulator_serves_a_deep_page() -> None:
    # how fast it builds and pages is measured by bench/, not asserted here
    sim = PekiSimulator(seed=1, users_per_bot=500, messages_per_session=(2, 16))
    truth = sim.truth("bot1")
    assert len(truth["users"]) == 500 and len(truth["messages"]) > 8000
    with sim:
        api = Api(sim)
        try:
            first = api.get("/api/Dev/bot1/messages?page=1&pageSize=100")
            r = api.get("/api/Dev/bot1/messages?page=40&pageSize=100")
        finally:
            api.close()
    assert r.status_code == 200 and len(r.json()["data"]) == 100
    deep = [json.dumps(m, sort_keys=True) for m in r.json()["data"]]
    top = [json.dumps(m, sort_keys=True) for m in first.json()["data"]]
    assert len(set(deep)) == 100 and not set(deep) & set(top)


def test_stop_closes_keepalive_connections() -> None:
    sim = PekiSimulator(seed=2, users_per_bot=2)
    sim.start()
    api = Api(sim)
    try:
        assert api.get("/api/Dev/bot1/users").status_code == 200
        sim.stop()
        with pytest.raises(httpx.TransportError):
            api.get("/api/Dev/bot1/users")
    finally:
        api.close()
        sim.stop()


def test_serve_jitter_answers_requests_in_flight_together_in_any_order(
    make: Callable[..., tuple[PekiSimulator, Api]],
) -> None:
    """Drift adds a record as each page is served, so a page's total tells when it was served:
    without jitter in the order sent, with it in another."""
    sim, api = make()
    sim.drift_inserts = 1

    def served_order(jitter: float) -> list[int]:
        sim.serve_jitter_seconds = jitter
        totals: dict[int, int] = {}

        def ask(page: int) -> None:
            body = api.get(f"/api/Dev/bot1/users?page={page}&pageSize=2").json()
            totals[page] = body["totalItems"]

        threads = []
        for page in range(2, 8):
            threads.append(threading.Thread(target=ask, args=(page,)))
            threads[-1].start()
            time.sleep(0.03)
        for t in threads:
            t.join()
        return sorted(totals, key=totals.__getitem__)

    assert served_order(0.0) == list(range(2, 8))
    assert served_order(0.3) != list(range(2, 8))
