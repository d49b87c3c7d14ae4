"""Simulator of the Selise Blocks conversation AI API: session list and per-session messages.

As documented (docs/SOURCES.md): every call carries ``x-blocks-key`` and a body with
``project_key``; an optional OAuth client-credentials token endpoint (tokens expire, the API then
answers 401); ``POST /conversation/sessions`` lists an agent's sessions with ``limit`` ≤ 100,
``offset`` and ``total_count``, most recently active first, and the list changes between pages;
``POST /conversation/sessions/{id}`` returns the session with its messages, oldest first,
paginated; validation errors are 422 with ``detail[]``, a missing session is 404. Sessions carry
the documented personal fields (``user_info``, ``ip_address``, ``user_agent``, URLs in
``metadata``).

Selise has no users API either; ``truth()["users"]`` is the platform's registry, for tests.
"""

from __future__ import annotations

import copy
import email.parser
import email.policy
import random
import secrets
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, quote, unquote

from archiver.simulators import synth
from archiver.simulators.common import (
    Handler,
    Key,
    OrderedIndex,
    PlatformSimulator,
    conversation_times,
    fmt_ms,
    json_body,
    long_open_times,
    page,
)
from archiver.simulators.server import FixedWindowLimiter, SimRequest, SimResponse, json_response

Record = dict[str, Any]

ENDPOINTS: tuple[str, ...] = ("sessions.list", "sessions.get", "token")
TOKEN_PATH = "/authentication/v1/OAuth/Token"  # noqa: S105 (a path, not a secret)
LIMIT_MAX = 100
STATUSES = ("active", "idle", "closed", "abandoned")
_SOURCES = ("website", "website", "mobile_app", "widget")
_DEVICES = ("desktop", "mobile", "tablet")
_BROWSERS = ("Chrome", "Firefox", "Safari", "Edge")
_AGENTS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.4 Safari/605.1.15",
)
_PAGES = ("support", "pricing", "checkout", "account/orders", "help/shipping")
_TAGS = ("support", "billing", "product_inquiry", "shipping", "refund", "login")
_CHANGE_WEIGHTS: tuple[tuple[str, int], ...] = (
    ("new_message", 30),
    ("new_session", 12),
    ("new_user", 8),
    ("session_idle", 6),
    ("session_close", 10),
    ("session_feedback", 8),
    ("purge_session", 5),
    ("delete_user", 4),
)
CHANGE_KINDS: tuple[str, ...] = tuple(kind for kind, _ in _CHANGE_WEIGHTS)


@dataclass
class _User:
    id: str
    person: synth.Person
    info: dict[str, Any]
    ip: str
    user_agent: str


@dataclass
class _Agent:
    id: str
    widget_id: str
    users: dict[str, _User] = field(default_factory=dict)
    sessions: dict[str, Record] = field(default_factory=dict)
    messages: dict[str, list[Record]] = field(default_factory=dict)  # session id → oldest first
    keys: dict[str, Key] = field(default_factory=dict)  # session id → its key in the list
    listed: OrderedIndex = field(default_factory=OrderedIndex)
    sessions_by_user: dict[str, list[str]] = field(default_factory=dict)


class _Invalid(Exception):
    """A request refused with 422 and FastAPI's ``detail[]`` shape."""

    def __init__(self, loc: list[str], msg: str, kind: str) -> None:
        super().__init__(msg)
        self.detail = [{"loc": loc, "msg": msg, "type": kind}]


class SeliseSimulator(PlatformSimulator):
    """A seeded, controllable Selise Blocks conversation API served on 127.0.0.1."""

    platform = "selise"
    endpoints = ENDPOINTS
    server_name = "uvicorn"
    change_weights = _CHANGE_WEIGHTS

    def __init__(
        self,
        *,
        seed: int = 0,
        agents: Sequence[tuple[str, str]] = (("agent_1", "widget_1"),),
        users_per_agent: int = 20,
        sessions_per_user: tuple[int, int] = (1, 3),
        messages_per_session: tuple[int, int] = (2, 8),
        anonymous_fraction: float = 0.15,
        history_days: int = 30,
        long_open_fraction: float = 0.05,
        sessions_order: str = "activity",
        require_token: bool = False,
        token_ttl_seconds: float = 3600.0,
        rate_limit_per_minute: int | None = None,
        clock_skew_seconds: float = 0.0,
    ) -> None:
        super().__init__(seed=seed, clock_skew_seconds=clock_skew_seconds)
        if sessions_order not in ("activity", "created"):
            raise ValueError("sessions_order must be 'activity' or 'created'")
        self.sessions_order = sessions_order
        self.require_token = require_token
        self.token_ttl_seconds = token_ttl_seconds
        self.rate_limit_per_minute = rate_limit_per_minute
        self.drift_touches = 0
        self.anonymous_fraction = anonymous_fraction
        self.long_open_fraction = long_open_fraction
        #: ``updated_at`` moves with every change (off: new messages move only
        #: ``last_message_at`` and ``message_count``, and the list order does not change).
        self.message_moves_updated_at = True
        self._key_rng = random.Random(f"selise:{seed}:keys")
        self.project_key = "pk_" + "".join(
            self._key_rng.choice("abcdef0123456789") for _ in range(32)
        )
        self.client_id = "cl_" + "".join(
            self._key_rng.choice("abcdef0123456789") for _ in range(16)
        )
        self.client_secret = "".join(
            self._key_rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(40)
        )
        self._tokens: dict[str, float] = {}  # access token → expiry (platform unix seconds)
        self._token_lock = threading.Lock()
        self._limiter = FixedWindowLimiter()
        self._agents: dict[str, _Agent] = {a: _Agent(a, w) for a, w in agents}
        self._ms: dict[str, dict[str, int]] = {}  # session id → created_at/updated_at in ms
        build = random.Random(f"selise:{seed}:history")
        for agent in self._agents.values():
            self._build_history(
                agent, build, users_per_agent, sessions_per_user, messages_per_session, history_days
            )

    # ----- knobs -----------------------------------------------------------------------------

    @property
    def agent_ids(self) -> tuple[str, ...]:
        return tuple(self._agents)

    def widget_of(self, agent_id: str) -> str:
        return self._agent(agent_id).widget_id

    def expire_tokens(self) -> None:
        """Every issued token stops working: the next call with one gets 401."""
        with self._token_lock:
            self._tokens.clear()

    # ----- truth -----------------------------------------------------------------------------

    def truth(self, agent_id: str) -> dict[str, dict[str, dict[str, Any]]]:
        """Sessions as listed, messages by id (with their ``session_id``), users as stored."""
        with self._lock:
            agent = self._agent(agent_id)
            messages: dict[str, dict[str, Any]] = {}
            for sid, items in agent.messages.items():
                for m in items:
                    messages[m["message_id"]] = {"session_id": sid, **copy.deepcopy(m)}
            return {
                "users": {
                    u.id: {"user_id": u.id, "user_info": copy.deepcopy(u.info), "ip_address": u.ip}
                    for u in agent.users.values()
                },
                "sessions": copy.deepcopy(agent.sessions),
                "messages": messages,
            }

    def session_ids(self, agent_id: str, *, status: str | None = None) -> list[str]:
        with self._lock:
            agent = self._agent(agent_id)
            return sorted(
                s for s, r in agent.sessions.items() if status is None or r["status"] == status
            )

    def long_open_session_ids(self, agent_id: str, *, days: float = 14.0) -> list[str]:
        """Sessions still active that were created at least ``days`` ago."""
        cutoff = self._clock.unix_ms() - int(days * 86_400_000)
        with self._lock:
            agent = self._agent(agent_id)
            return sorted(
                s
                for s, r in agent.sessions.items()
                if r["status"] == "active" and self._ms[s]["created_at"] <= cutoff
            )

    # ----- records (callers hold the lock) ---------------------------------------------------

    def _agent(self, agent_id: str) -> _Agent:
        try:
            return self._agents[agent_id]
        except KeyError:
            raise KeyError(f"unknown agent {agent_id!r}") from None

    def _list_key(self, agent: _Agent, sid: str) -> Key:
        field_ = "updated_at" if self.sessions_order == "activity" else "created_at"
        return (self._ms[sid][field_], self._next_seq(), sid)

    def _relist(self, agent: _Agent, sid: str) -> None:
        """Move a session to where its latest activity puts it in the list."""
        old = agent.keys.get(sid)
        if old is not None:
            if self.sessions_order == "created":
                return
            agent.listed.remove(old)
        key = self._list_key(agent, sid)
        agent.keys[sid] = key
        agent.listed.add(key)

    def _new_user(self, agent: _Agent, rng: random.Random) -> _User:
        person = synth.make_person(rng)
        uid = self._take_id(f"usr_{rng.getrandbits(64):016x}")
        info: dict[str, Any] = {"name": person.full_name, "email": person.email}
        if rng.random() < 0.5:
            info["phone"] = person.phone
        if rng.random() < 0.6:
            info["location"] = f"{person.city}, {person.country}"
        ip = synth.ipv4(rng) if rng.random() < 0.8 else synth.ipv6(rng)
        user = _User(uid, person, info, ip, rng.choice(_AGENTS))
        agent.users[uid] = user
        agent.sessions_by_user[uid] = []
        planted = [("name", person.full_name), ("email", person.email), ("ip", ip)]
        if "phone" in info:
            planted.append(("phone", person.phone))
        self.planted[uid] = planted
        return user

    def _new_session(self, agent: _Agent, user: _User | None, ts: int, rng: random.Random) -> str:
        sid = self._take_id(f"sess_{rng.getrandbits(64):016x}")
        if user is not None and agent.sessions_by_user[user.id]:
            last = agent.sessions_by_user[user.id][-1]
            ts = max(ts, self._ms[last]["created_at"] + 1)  # a user's sessions come in order
        page_url = f"https://shop.example.com/{rng.choice(_PAGES)}"
        planted: list[tuple[str, str]] = []
        if user is not None and rng.random() < 0.15:
            page_url += f"?email={quote(user.person.email)}"
            planted.append(("email", user.person.email))
        metadata: dict[str, Any] = {
            "source": rng.choice(_SOURCES),
            "page_url": page_url,
            "device": rng.choice(_DEVICES),
            "browser": rng.choice(_BROWSERS),
        }
        if rng.random() < 0.3:
            metadata["referrer"] = "https://www.google.com/"
        stamp = fmt_ms(ts)
        rec: Record = {
            "session_id": sid,
            "agent_id": agent.id,
            "widget_id": agent.widget_id,
            "user_id": user.id if user else None,
            "status": "active",
            "created_at": stamp,
            "updated_at": stamp,
            "last_message_at": None,
            "message_count": 0,
            "duration_seconds": 0,
            "user_messages": 0,
            "agent_messages": 0,
            "user_info": copy.deepcopy(user.info) if user else {},
            "user_agent": user.user_agent if user else rng.choice(_AGENTS),
            "ip_address": user.ip if user else synth.ipv4(rng),
            "metadata": metadata,
            "tags": [],
        }
        agent.sessions[sid] = rec
        agent.messages[sid] = []
        self._ms[sid] = {"created_at": ts, "updated_at": ts}
        if user is not None:
            agent.sessions_by_user[user.id].append(sid)
        if planted:
            self.planted[sid] = planted
        self._relist(agent, sid)
        return sid

    def _touch(self, agent: _Agent, sid: str, ts: int) -> None:
        rec = agent.sessions[sid]
        ts = max(ts, self._ms[sid]["updated_at"])
        self._ms[sid]["updated_at"] = ts
        rec["updated_at"] = fmt_ms(ts)
        self._relist(agent, sid)

    def _new_message(self, agent: _Agent, sid: str, role: str, ts: int, rng: random.Random) -> str:
        rec = agent.sessions[sid]
        user = agent.users.get(rec["user_id"] or "")
        person = user.person if user else synth.make_person(rng)
        ts = max(ts, self._ms[sid]["created_at"])
        metadata: dict[str, Any] = {}
        planted: list[tuple[str, str]]
        if role == "user":
            content, planted = synth.generate_text(rng, person)
            if rng.random() < 0.05:
                url = f"https://files.seliseblocks.example/{rng.getrandbits(64):016x}.png"
                metadata["attachments"] = [{"type": "image", "url": url}]
        else:
            previous = [m for m in agent.messages[sid] if m["role"] == "user"][-1:]
            earlier = self.planted.get(previous[0]["message_id"], []) if previous else []
            content, planted = synth.generate_reply(rng, person, earlier)
            if rng.random() < 0.1:
                metadata["sources"] = [
                    {"title": "Shipping FAQ", "url": "https://shop.example.com/help"}
                ]
        mid = self._take_id(f"msg_{rng.getrandbits(64):016x}")
        msg: Record = {
            "message_id": mid,
            "role": role,
            "content": content,
            "created_at": fmt_ms(ts),
            "metadata": metadata,
        }
        agent.messages[sid].append(msg)
        if planted:
            self.planted[mid] = planted
        rec["message_count"] += 1
        rec["user_messages" if role == "user" else "agent_messages"] += 1
        rec["last_message_at"] = fmt_ms(ts)
        rec["duration_seconds"] = (ts - self._ms[sid]["created_at"]) // 1000
        if rec["status"] == "idle":
            rec["status"] = "active"
        if self.message_moves_updated_at:
            self._touch(agent, sid, ts)
        return mid

    def _close(self, agent: _Agent, sid: str, ts: int, rng: random.Random) -> None:
        rec = agent.sessions[sid]
        rec["status"] = "closed" if rng.random() < 0.8 else "abandoned"
        rec["closed_at"] = fmt_ms(max(ts, self._ms[sid]["updated_at"]))
        rec["resolved"] = rec["status"] == "closed" and rng.random() < 0.7
        rec["escalated"] = rng.random() < 0.1
        rec["tags"] = rng.sample(_TAGS, rng.randint(0, 2))
        self._touch(agent, sid, ts)

    def _feedback(self, agent: _Agent, sid: str, ts: int, rng: random.Random) -> None:
        rec = agent.sessions[sid]
        rec["rating"] = rng.randint(1, 5)
        if rng.random() < 0.5:
            user = agent.users.get(rec["user_id"] or "")
            name = f" {user.person.first_name} here." if user and rng.random() < 0.3 else ""
            rec["feedback"] = rng.choice(("Great service!", "Too slow.", "Solved it.")) + name
            if name and user:
                self.planted.setdefault(sid, []).append(("name", user.person.first_name))
        rec["sentiment"] = rng.choice(("positive", "neutral", "negative"))
        self._touch(agent, sid, ts)

    def _delete_session(self, agent: _Agent, sid: str) -> None:
        rec = agent.sessions.pop(sid)
        for m in agent.messages.pop(sid):
            self.planted.pop(m["message_id"], None)
        agent.listed.remove(agent.keys.pop(sid))
        del self._ms[sid]
        if rec["user_id"] in agent.sessions_by_user:
            agent.sessions_by_user[rec["user_id"]].remove(sid)

    def _delete_user(self, agent: _Agent, uid: str) -> None:
        for sid in list(agent.sessions_by_user[uid]):
            self._delete_session(agent, sid)
        del agent.sessions_by_user[uid]
        del agent.users[uid]
        self.planted.pop(uid, None)

    # ----- seeded history --------------------------------------------------------------------

    def _build_history(
        self,
        agent: _Agent,
        rng: random.Random,
        users: int,
        sessions_per_user: tuple[int, int],
        messages_per_session: tuple[int, int],
        history_days: int,
    ) -> None:
        now = self._clock.unix_ms()
        horizon = max(1, history_days) * 86_400_000
        newest = 0
        for _ in range(users):
            user = self._new_user(agent, rng) if rng.random() >= self.anonymous_fraction else None
            if user is not None and rng.random() < self.long_open_fraction:
                # Handed over to a human agent days or weeks ago, and still open.
                start, times = long_open_times(rng, now, messages_per_session)
                sid = self._new_session(agent, user, start, rng)
                for j, t in enumerate(times):
                    self._new_message(agent, sid, "user" if j % 2 == 0 else "agent", t, rng)
                    newest = max(newest, t)
                continue
            plan = conversation_times(
                rng, now, horizon, sessions_per_user, messages_per_session, 0.3
            )
            for i, (start, times) in enumerate(plan):
                sid = self._new_session(agent, user, start, rng)
                for j, t in enumerate(times):
                    self._new_message(agent, sid, "user" if j % 2 == 0 else "assistant", t, rng)
                    newest = max(newest, t)
                recent = now - self._ms[sid]["updated_at"] < 2 * 3_600_000
                if i == len(plan) - 1 and recent:
                    if rng.random() < 0.3:
                        agent.sessions[sid]["status"] = "idle"
                else:
                    closed = min(now - 1000, self._ms[sid]["updated_at"] + 600_000)
                    self._close(agent, sid, closed, rng)
                    if rng.random() < 0.4:
                        self._feedback(agent, sid, min(now - 500, closed + 60_000), rng)
        self.data.last_stamp = max(self.data.last_stamp, newest)

    # ----- live changes ----------------------------------------------------------------------

    def add_user(self, agent_id: str) -> str:
        """A new user with a new session: one message from them and the agent's reply."""
        with self._lock:
            agent = self._agent(agent_id)
            user = self._new_user(agent, self._rng)
            self._start_conversation(agent, user)
            return user.id

    def add_session(self, agent_id: str, user_id: str | None) -> str:
        """A new session (anonymous when ``user_id`` is None), with two messages."""
        with self._lock:
            agent = self._agent(agent_id)
            if user_id is not None and user_id not in agent.users:
                raise KeyError(f"unknown user {user_id!r}")
            return self._start_conversation(agent, agent.users[user_id] if user_id else None)

    def _start_conversation(self, agent: _Agent, user: _User | None) -> str:
        sid = self._new_session(agent, user, self._stamp(), self._rng)
        self._new_message(agent, sid, "user", self._stamp(), self._rng)
        self._new_message(agent, sid, "assistant", self._stamp(), self._rng)
        return sid

    def add_message(self, agent_id: str, session_id: str, role: str = "user") -> str:
        if role not in ("user", "assistant", "agent"):
            raise ValueError("role must be user, assistant or agent")
        with self._lock:
            agent = self._agent(agent_id)
            if session_id not in agent.sessions:
                raise KeyError(f"unknown session {session_id!r}")
            return self._new_message(agent, session_id, role, self._stamp(), self._rng)

    def close_session(self, agent_id: str, session_id: str) -> None:
        with self._lock:
            agent = self._agent(agent_id)
            if session_id not in agent.sessions:
                raise KeyError(f"unknown session {session_id!r}")
            self._close(agent, session_id, self._stamp(), self._rng)

    def rate_session(self, agent_id: str, session_id: str) -> None:
        """Rating, feedback and sentiment arrive later: ``updated_at`` moves."""
        with self._lock:
            agent = self._agent(agent_id)
            if session_id not in agent.sessions:
                raise KeyError(f"unknown session {session_id!r}")
            self._feedback(agent, session_id, self._stamp(), self._rng)

    def annotate_session(self, agent_id: str, session_id: str, **fields: Any) -> None:
        """Free-text fields written on a session later (feedback, notes, tags): ``updated_at``
        moves, as with a rating."""
        with self._lock:
            agent = self._agent(agent_id)
            rec = agent.sessions.get(session_id)
            if rec is None:
                raise KeyError(f"unknown session {session_id!r}")
            rec.update(copy.deepcopy(fields))
            self._touch(agent, session_id, self._stamp())

    def purge_oldest_session(self, agent_id: str) -> str | None:
        """Retention: the session created first disappears with its messages."""
        with self._lock:
            return self._purge_oldest(self._agent(agent_id))

    def _purge_oldest(self, agent: _Agent) -> str | None:
        if len(agent.sessions) < 2:
            return None
        sid = min(agent.sessions, key=lambda s: (self._ms[s]["created_at"], s))
        self._delete_session(agent, sid)
        return sid

    def _deletable(self, agent: _Agent, sid: str) -> bool:
        """Not the newest session of its user.

        Users are derived from their newest session; deletions that would move that backwards
        (which an archive, keeping history, cannot follow) are left to ``delete_session``.
        """
        uid = agent.sessions[sid]["user_id"]
        return uid is None or agent.sessions_by_user[uid][-1] != sid

    def delete_session(self, agent_id: str, session_id: str) -> None:
        with self._lock:
            agent = self._agent(agent_id)
            if session_id not in agent.sessions:
                raise KeyError(f"unknown session {session_id!r}")
            self._delete_session(agent, session_id)

    def delete_user(self, agent_id: str, user_id: str) -> None:
        with self._lock:
            agent = self._agent(agent_id)
            if user_id not in agent.users:
                raise KeyError(f"unknown user {user_id!r}")
            self._delete_user(agent, user_id)

    def _tenants(self) -> dict[str, _Agent]:
        return self._agents

    def _random_change(self, agent: _Agent, kind: str, rng: random.Random) -> str | None:
        live = sorted(s for s, r in agent.sessions.items() if r["status"] in ("active", "idle"))
        ended = sorted(
            s for s, r in agent.sessions.items() if r["status"] not in ("active", "idle")
        )
        if kind == "new_user":
            new = self._new_user(agent, self._rng)
            return f"new_user {new.id} with session {self._start_conversation(agent, new)}"
        if kind == "new_session":
            uid = rng.choice(sorted(agent.users)) if agent.users and rng.random() < 0.8 else None
            user = agent.users[uid] if uid else None
            return f"new_session {self._start_conversation(agent, user)} in {agent.id}"
        if kind == "new_message":
            if not live:
                return None
            sid = rng.choice(live)
            last = agent.messages[sid][-1]["role"] if agent.messages[sid] else "assistant"
            role = "assistant" if last == "user" else "user"
            return f"new_message {self._new_message(agent, sid, role, self._stamp(), self._rng)}"
        if kind == "session_idle":
            active = [s for s in live if agent.sessions[s]["status"] == "active"]
            if not active:
                return None
            sid = rng.choice(active)
            agent.sessions[sid]["status"] = "idle"
            self._touch(agent, sid, self._stamp())
            return f"session_idle {sid}"
        if kind == "session_close":
            if not live:
                return None
            sid = rng.choice(live)
            self._close(agent, sid, self._stamp(), rng)
            return f"session_close {sid}"
        if kind == "session_feedback":
            if not ended:
                return None
            sid = rng.choice(ended)
            self._feedback(agent, sid, self._stamp(), rng)
            return f"session_feedback {sid}"
        if kind == "purge_session":
            purged = self._purge_oldest(agent)
            return f"purge_session {purged}" if purged else None
        if kind == "delete_user":
            if len(agent.users) < 2:
                return None
            uid = rng.choice(sorted(agent.users))
            self._delete_user(agent, uid)
            return f"delete_user {uid}"
        raise ValueError(f"unknown change kind {kind!r}")

    # ----- HTTP ------------------------------------------------------------------------------

    def _error(
        self, status: int, message: str, headers: Sequence[tuple[str, str]] = ()
    ) -> SimResponse:
        return json_response(status, {"detail": message}, headers)

    def _route(self, req: SimRequest) -> tuple[str, Handler]:
        path = req.path.rstrip("/")
        handler: Handler
        if path == TOKEN_PATH:
            counter, handler = "token", self._token
        elif path == "/conversation/sessions":
            counter, handler = "sessions.list", self._list
        elif path.startswith("/conversation/sessions/") and path.count("/") == 3:
            sid = unquote(path.rsplit("/", 1)[1])
            counter, handler = "sessions.get", lambda r: self._get(r, sid)
        else:
            return "other", self._not_found
        if req.method != "POST":
            return counter, self._method_not_allowed
        if counter == "token":
            return counter, lambda r: self._with_faults(lambda: self._token(r))
        return counter, lambda r: self._serve(r, handler)

    def _token(self, req: SimRequest) -> SimResponse:
        form = _form(req)
        if form.get("grant_type") != "client_credential":
            return json_response(400, {"error": "unsupported_grant_type"})
        if (
            form.get("client_id") != self.client_id
            or form.get("client_secret") != self.client_secret
        ):
            return json_response(401, {"error": "invalid_client"})
        token = secrets.token_urlsafe(32)
        with self._token_lock:
            self._tokens[token] = self._clock.unix() + self.token_ttl_seconds
        body = {
            "access_token": token,
            "token_type": "Bearer",
            "expires_in": int(self.token_ttl_seconds),
        }
        return json_response(200, body)

    def _authorised(self, req: SimRequest) -> SimResponse | None:
        if req.header("x-blocks-key") != self.project_key:
            return self._error(401, "Invalid or missing x-blocks-key")
        bearer = req.header("Authorization")
        if bearer is None:
            return self._error(401, "Not authenticated") if self.require_token else None
        token = bearer.removeprefix("Bearer ").strip()
        with self._token_lock:
            expiry = self._tokens.get(token)
        if expiry is None or expiry < self._clock.unix():
            return self._error(401, "Token expired or invalid")
        return None

    def _serve(self, req: SimRequest, handler: Handler) -> SimResponse:
        failure = self._authorised(req)
        if failure is not None:
            return failure
        if self.rate_limit_per_minute is not None:
            allowed, _, _ = self._limiter.hit(
                self.project_key, int(self.rate_limit_per_minute), 60, self._clock.unix()
            )
            if not allowed:
                return self._rate_limited()

        def produce() -> SimResponse:
            try:
                body = json_body(req)
            except ValueError:
                return json_response(
                    422,
                    {
                        "detail": [
                            {
                                "loc": ["body"],
                                "msg": "Invalid JSON",
                                "type": "value_error.jsondecode",
                            }
                        ]
                    },
                )
            try:
                if not isinstance(body, dict):
                    raise _Invalid(["body"], "Input should be a valid dictionary", "dict_type")
                return handler(req)
            except _Invalid as exc:
                return json_response(422, {"detail": exc.detail})

        return self._with_faults(produce)

    def _body(self, req: SimRequest) -> dict[str, Any]:
        body = json_body(req)
        assert isinstance(body, dict)
        for name in ("agent_id", "project_key"):
            if not isinstance(body.get(name), str) or not body[name]:
                raise _Invalid(["body", name], "Field required", "missing")
        if body["project_key"] != self.project_key:
            raise _Invalid(["body", "project_key"], "Invalid project key", "value_error.notfound")
        if body["agent_id"] not in self._agents:
            raise _Invalid(
                ["body", "agent_id"], "Agent not found or access denied", "value_error.notfound"
            )
        return body

    @staticmethod
    def _paging(body: dict[str, Any]) -> tuple[int, int]:
        limit, offset = body.get("limit", LIMIT_MAX), body.get("offset", 0)
        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= LIMIT_MAX:
            raise _Invalid(
                ["body", "limit"], f"Input should be between 1 and {LIMIT_MAX}", "value_error"
            )
        if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
            raise _Invalid(["body", "offset"], "Input should be >= 0", "value_error")
        return limit, offset

    def _list(self, req: SimRequest) -> SimResponse:
        body = self._body(req)
        limit, offset = self._paging(body)
        with self._lock:
            agent = self._agents[body["agent_id"]]
            if offset > 0:
                self._drift(agent, offset)
            ids = page(agent.listed.keys, offset, limit)
            data = [copy.deepcopy(agent.sessions[i]) for i in ids]
            total = len(agent.listed)
        return json_response(200, {"sessions": data, "total_count": total})

    def _get(self, req: SimRequest, sid: str) -> SimResponse:
        body = self._body(req)
        limit, offset = self._paging(body)
        if body.get("session_id") not in (None, sid):
            raise _Invalid(["body", "session_id"], "Does not match the path", "value_error")
        with self._lock:
            agent = self._agents[body["agent_id"]]
            rec = agent.sessions.get(sid)
            if rec is None:
                return self._error(404, "Session not found")
            widget = body.get("widget_id")
            if widget is not None and widget != agent.widget_id:
                raise _Invalid(["body", "widget_id"], "Widget not found", "value_error.notfound")
            items = agent.messages[sid]
            out = copy.deepcopy(rec)
            out["messages"] = copy.deepcopy(items[offset : offset + limit])
            out["total_count"] = len(items)
        return json_response(200, out)

    def _drift(self, agent: _Agent, offset: int) -> None:
        """The list changes between pages: deletions before ``offset``, new sessions on top,
        and sessions further down touched (they jump to the top)."""
        rng = self._rng
        read = page(agent.listed.keys, 0, offset)
        if self.drift_deletes > 0 and read:
            victims = [s for s in read if self._deletable(agent, s)]
            for sid in rng.sample(victims, min(int(self.drift_deletes), len(victims))):
                self._delete_session(agent, sid)
        for _ in range(max(0, int(self.drift_inserts))):
            uid = rng.choice(sorted(agent.users)) if agent.users else None
            self._start_conversation(agent, agent.users[uid] if uid else None)
        if self.drift_touches > 0:
            unread = page(agent.listed.keys, offset, len(agent.listed))
            for sid in rng.sample(unread, min(int(self.drift_touches), len(unread))):
                if agent.sessions[sid]["status"] in ("active", "idle"):
                    self._new_message(agent, sid, "user", self._stamp(), self._rng)
                else:
                    self._feedback(agent, sid, self._stamp(), self._rng)


def _form(req: SimRequest) -> dict[str, str]:
    """Fields of a multipart or urlencoded form."""
    content_type = req.header("Content-Type") or ""
    if content_type.startswith("multipart/form-data"):
        head = f"Content-Type: {content_type}\r\n\r\n".encode("latin-1")
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + req.body)
        out: dict[str, str] = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            if isinstance(name, str):
                out[name] = part.get_payload(decode=True).decode("utf-8")  # type: ignore[union-attr]
        return out
    parsed = parse_qs(req.body.decode("utf-8", "replace"))
    return {k: v[0] for k, v in parsed.items()}
