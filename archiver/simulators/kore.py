"""Simulator of the Kore.ai XO Platform analytics APIs: getSessions, getMessages, getMessagesV2.

Faithful to the documented behaviour (docs/SOURCES.md): a JWT signed HS256 with the app's
secret in the ``auth`` header, date windows that must span less than 7 days, skip/limit with
``moreAvailable``, newest first, containment types, ``sessionId`` look-ups of up to 50 ids with
``invalidSessions``, and rolling per-bot limits (60 per 60 s, 1,800 per 3,600 s) answered with a
bare 429. The seeded history changes under a running crawl: new users, sessions and messages,
open sessions whose ``end_time`` and counters move, closures, erasures and retention purges.

Kore has no users API: ``truth()["users"]`` is the platform's internal registry, for tests.
"""

from __future__ import annotations

import copy
import json
import random
import re
import threading
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import unquote

import jwt

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
from archiver.simulators.server import SimRequest, SimResponse, json_response

Record = dict[str, Any]

ENDPOINTS: tuple[str, ...] = ("getSessions", "getMessages", "getMessagesV2")
WEEK_MS = 7 * 86_400_000
SESSION_ID_LIMIT = 50
CONTAINMENT_TYPES: tuple[str, ...] = ("selfService", "dropOff", "agent")
DOCUMENTED_LIMITS: tuple[tuple[int, float], ...] = ((60, 60.0), (1800, 3600.0))
V2_EXCLUDED = frozenset({"alert", "action"})
RATE_LIMIT_MESSAGE = "Rate limit for this API has been reached. Please try again after some time."
SCOPE_OF = {"getSessions": "sessions", "getMessages": "history", "getMessagesV2": "history"}
_CHANNELS = ("rtm", "rtm", "rtm", "rtm", "msteams", "email")
_ASYNC_CHANNELS = ("msteams", "email")
_LANGS = ("en", "en", "en", "de", "tr")
_PLANS = ("basic", "premium", "gold")
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DATETIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?Z$")
_CHANGE_WEIGHTS: tuple[tuple[str, int], ...] = (
    ("new_message", 30),
    ("new_session", 12),
    ("new_user", 8),
    ("session_update", 12),
    ("session_close", 10),
    ("delete_user", 4),
    ("purge_session", 4),
)
CHANGE_KINDS: tuple[str, ...] = tuple(kind for kind, _ in _CHANGE_WEIGHTS)


@dataclass
class _App:
    secret: str
    bots: frozenset[str]
    scopes: frozenset[str]
    enforce_jti: bool
    used_jti: set[str] = field(default_factory=set)


@dataclass
class _User:
    id: str
    person: synth.Person
    channel: str
    channel_uid: str
    tags: list[dict[str, str]]


@dataclass
class _Bot:
    id: str
    users: dict[str, _User] = field(default_factory=dict)
    sessions: dict[str, Record] = field(default_factory=dict)
    messages: dict[str, Record] = field(default_factory=dict)
    trace_ids: dict[str, str] = field(default_factory=dict)
    keys: dict[str, Key] = field(default_factory=dict)
    sessions_idx: OrderedIndex = field(default_factory=OrderedIndex)
    messages_by_channel: dict[str, OrderedIndex] = field(default_factory=dict)
    messages_by_session: dict[str, OrderedIndex] = field(default_factory=dict)
    sessions_by_user: dict[str, OrderedIndex] = field(default_factory=dict)


class _BadRequest(Exception):
    """A request the platform refuses with 400 and the Kore error shape."""


class RollingLimiter:
    """Requests per key over several rolling windows; refused requests are not counted."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._hits: dict[str, list[float]] = {}

    def hit(self, key: str, windows: Sequence[tuple[int, float]], now: float) -> bool:
        if not windows:
            return True
        with self._lock:
            hits = self._hits.setdefault(key, [])
            longest = max(seconds for _, seconds in windows)
            drop = bisect_right(hits, now - longest)
            if drop:
                del hits[:drop]
            for limit, seconds in windows:
                if len(hits) - bisect_right(hits, now - seconds) >= limit:
                    return False
            hits.append(max(now, hits[-1]) if hits else now)
            return True

    def reset(self) -> None:
        with self._lock:
            self._hits.clear()


def _uuid(rng: random.Random) -> str:
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def parse_kore_date(value: Any) -> int:
    """``yyyy-mm-dd`` or ``yyyy-mm-ddThh:mm:ss.msZ`` (GMT) as epoch ms; ValueError otherwise."""
    if not isinstance(value, str):
        raise ValueError("not a string")
    m = _DATE.match(value) or _DATETIME.match(value)
    if m is None:
        raise ValueError("bad date")
    g = m.groups()
    clock = (int(g[3]), int(g[4]), int(g[5])) if m.re is _DATETIME else (0, 0, 0)
    millis = int((g[6] or "0").ljust(3, "0")) if m.re is _DATETIME else 0
    dt = datetime(int(g[0]), int(g[1]), int(g[2]), *clock, tzinfo=UTC)
    return int(dt.timestamp()) * 1000 + millis


class KoreSimulator(PlatformSimulator):
    """A seeded, controllable Kore.ai analytics API served on 127.0.0.1."""

    platform = "kore"
    endpoints = ENDPOINTS
    server_name = "nginx"
    change_weights = _CHANGE_WEIGHTS

    def __init__(
        self,
        *,
        seed: int = 0,
        bot_ids: Sequence[str] = ("st-1",),
        users_per_bot: int = 20,
        sessions_per_user: tuple[int, int] = (1, 3),
        messages_per_session: tuple[int, int] = (2, 8),
        history_days: int = 30,
        open_fraction: float = 0.25,
        long_open_fraction: float = 0.05,
        rate_limits: Sequence[tuple[int, float]] = DOCUMENTED_LIMITS,
        sessions_limit_cap: int = 100,
        messages_limit_cap: int = 100,
        messages_v2_limit_cap: int = 10_000,
        list_session_status: bool = False,
        lookup_session_status: bool = True,
        clock_skew_seconds: float = 0.0,
    ) -> None:
        super().__init__(seed=seed, clock_skew_seconds=clock_skew_seconds)
        self.rate_limits = list(rate_limits)
        self.sessions_limit_cap = sessions_limit_cap
        self.messages_limit_cap = messages_limit_cap
        self.messages_v2_limit_cap = messages_v2_limit_cap
        #: The documented list samples carry no ``sessionStatus``; the look-up by id does.
        self.list_session_status = list_session_status
        self.lookup_session_status = lookup_session_status
        # What the documentation leaves open, as knobs a test can turn against the crawler:
        #: ``dateFrom`` / ``dateTo`` bounds exclusive instead of inclusive.
        self.date_from_exclusive = False
        self.date_to_exclusive = False
        #: Outgoing (bot) messages' ``createdBy``: the user (default) or the bot id.
        self.outgoing_created_by = "user"
        #: A message moves its session's ``end_time`` (off: only the counters move).
        self.message_moves_end_time = True
        #: A closed session takes a late message (an agent's note after closing) and stays closed.
        self.closed_sessions_take_messages = False
        self.max_span_ms = 0
        self._limiter = RollingLimiter()
        self._key_rng = random.Random(f"kore:{seed}:keys")
        self._apps: dict[str, _App] = {}
        self._bots: dict[str, _Bot] = {b: _Bot(b) for b in bot_ids}
        self.org_id = "o-" + _uuid(self._key_rng)
        self.account_id = f"{self._key_rng.getrandbits(96):024x}"
        self.client_id, self.client_secret = self.add_app(bot_ids)
        build = random.Random(f"kore:{seed}:history")
        for bot in self._bots.values():
            self._build_history(
                bot,
                build,
                users_per_bot,
                sessions_per_user,
                messages_per_session,
                history_days,
                open_fraction,
                long_open_fraction,
            )

    # ----- knobs -----------------------------------------------------------------------------

    @property
    def bot_ids(self) -> tuple[str, ...]:
        return tuple(self._bots)

    def add_app(
        self,
        bot_ids: Sequence[str],
        *,
        scopes: Sequence[str] = ("sessions", "history"),
        enforce_jti: bool = False,
    ) -> tuple[str, str]:
        """Another app (client id, client secret) linked to ``bot_ids`` with ``scopes``."""
        with self._lock:
            client_id = "cs-" + _uuid(self._key_rng)
            alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
            secret = "".join(self._key_rng.choice(alphabet) for _ in range(43)) + "="
            self._apps[client_id] = _App(secret, frozenset(bot_ids), frozenset(scopes), enforce_jti)
            return client_id, secret

    def reset_rate_limits(self) -> None:
        self._limiter.reset()

    # ----- truth -----------------------------------------------------------------------------

    def truth(self, bot_id: str) -> dict[str, dict[str, dict[str, Any]]]:
        """Sessions and messages as the API renders them; users as the platform knows them."""
        with self._lock:
            bot = self._bot(bot_id)
            return {
                "users": {
                    u.id: {
                        "userId": u.id,
                        "channel": u.channel,
                        "channelUId": u.channel_uid,
                        "userTags": copy.deepcopy(u.tags),
                    }
                    for u in bot.users.values()
                },
                "sessions": {
                    sid: self._render_session(s, lookup=self.lookup_session_status)
                    for sid, s in bot.sessions.items()
                },
                "messages": copy.deepcopy(bot.messages),
            }

    def open_session_ids(self, bot_id: str) -> list[str]:
        with self._lock:
            bot = self._bot(bot_id)
            return sorted(s for s, r in bot.sessions.items() if r["sessionStatus"] == "active")

    def long_open_session_ids(self, bot_id: str, *, days: float = 14.0) -> list[str]:
        """Sessions still active that started at least ``days`` ago."""
        cutoff = fmt_ms(self._clock.unix_ms() - int(days * 86_400_000))
        with self._lock:
            bot = self._bot(bot_id)
            return sorted(
                s
                for s, r in bot.sessions.items()
                if r["sessionStatus"] == "active" and r["start_time"] <= cutoff
            )

    # ----- records (callers hold the lock) ---------------------------------------------------

    def _bot(self, bot_id: str) -> _Bot:
        try:
            return self._bots[bot_id]
        except KeyError:
            raise KeyError(f"unknown bot {bot_id!r}") from None

    def _register(self, bot: _Bot, rec_id: str, ts: int) -> Key:
        key = (ts, self._next_seq(), rec_id)
        bot.keys[rec_id] = key
        return key

    def _new_user(self, bot: _Bot, rng: random.Random, channel: str | None = None) -> _User:
        person = synth.make_person(rng)
        uid = self._take_id("u-" + _uuid(rng))
        while uid in bot.users:
            uid = "u-" + _uuid(rng)
        channel = channel or rng.choice(_CHANNELS)
        channel_uid = f"29:1{rng.getrandbits(120):030x}" if channel == "msteams" else person.email
        tags: list[dict[str, str]] = []
        if rng.random() < 0.5:
            tags.append({"name": "email", "value": person.email})
        if rng.random() < 0.4:
            tags.append({"name": "plan", "value": rng.choice(_PLANS)})
        if rng.random() < 0.2:
            tags.append({"name": "phone", "value": person.phone})
        user = _User(uid, person, channel, channel_uid, tags)
        bot.users[uid] = user
        bot.sessions_by_user[uid] = OrderedIndex()
        planted = [("email", person.email)] if channel_uid == person.email else []
        planted += [(t["name"], t["value"]) for t in tags if t["name"] in ("email", "phone")]
        self.planted[uid] = planted
        return user

    def _new_session(self, bot: _Bot, user: _User, ts: int, rng: random.Random) -> str:
        sid = self._take_id(f"{rng.getrandbits(96):024x}")
        while sid in bot.sessions:
            sid = f"{rng.getrandbits(96):024x}"
        latest = bot.sessions_by_user[user.id].latest()
        if latest is not None:
            ts = max(ts, latest[0] + 1)  # a user's sessions start one after another
        rec: Record = {
            "sessionId": sid,
            "botId": bot.id,
            "channel": user.channel,
            "userId": user.id,
            "start_time": fmt_ms(ts),
            "end_time": fmt_ms(ts),
            "session_lang": [rng.choice(_LANGS)],
            "sessionType": "interactive",
            "containmentType": "selfService",
            "isDeveloper": False,
            "sessionStatus": "active",
            "tags": {"userTags": copy.deepcopy(user.tags), "sessionTags": []},
            "noOfMessagesExchanged": 0,
            "noOfTasksExecuted": 0,
        }
        key = self._register(bot, sid, ts)
        bot.sessions[sid] = rec
        bot.sessions_idx.add(key)
        bot.sessions_by_user[user.id].add(key)
        bot.messages_by_session[sid] = OrderedIndex()
        return sid

    def _components(
        self,
        rng: random.Random,
        bot: _Bot,
        user: _User,
        incoming: bool,
        text: str | None,
        sid: str,
    ) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
        cp = "cp-" + _uuid(rng)
        if text is not None:
            return [{"_id": cp, "cT": "text", "data": {"text": text}, "thumbnails": []}], []
        roll = rng.random()
        if incoming:
            if roll < 0.05:
                url = f"https://uploads.kore.example/{rng.getrandbits(64):016x}.jpg"
                thumb = url.replace(".jpg", "_thumb.jpg")
                data = {"text": url}
                return [
                    {"_id": cp, "cT": "image", "data": data, "thumbnails": [{"url": thumb}]}
                ], []
            if roll < 0.08:
                url = f"https://uploads.kore.example/{rng.getrandbits(64):016x}/statement.pdf"
                comp = {
                    "_id": cp,
                    "cT": "attachment",
                    "data": {"text": "statement.pdf"},
                    "thumbnails": [{"url": url}],
                }
                return [comp], []
            said, planted = synth.generate_text(rng, user.person)
            return [{"_id": cp, "cT": "text", "data": {"text": said}, "thumbnails": []}], planted
        last_user = self._last_user_planted(bot, sid)
        reply, planted = synth.generate_reply(rng, user.person, last_user)
        if roll < 0.04:
            comp = {"_id": cp, "cT": "action", "data": {"text": "Transferring you to an agent."}}
            return [comp | {"thumbnails": []}], []
        if roll < 0.2:
            payload = {
                "type": "template",
                "payload": {
                    "template_type": "button",
                    "text": reply,
                    "buttons": [
                        {"type": "postback", "title": "Track my order", "payload": "TRACK"},
                        {"type": "postback", "title": "Talk to an agent", "payload": "AGENT"},
                    ],
                },
            }
            data = {"text": json.dumps(payload, ensure_ascii=False)}
            return [{"_id": cp, "cT": "text", "data": data, "thumbnails": []}], planted
        if roll < 0.28:
            image = f"https://cdn.kore.example/catalog/{rng.getrandbits(48):012x}.png"
            payload = {
                "type": "template",
                "payload": {
                    "template_type": "carousel",
                    "elements": [
                        {"title": "Pro plan", "subtitle": reply, "image_url": image},
                    ],
                },
            }
            data = {"text": json.dumps(payload, ensure_ascii=False)}
            return [{"_id": cp, "cT": "text", "data": data, "thumbnails": []}], planted
        return [{"_id": cp, "cT": "text", "data": {"text": reply}, "thumbnails": []}], planted

    def _last_user_planted(self, bot: _Bot, sid: str) -> list[tuple[str, str]]:
        for key in reversed(bot.messages_by_session[sid].keys[-4:]):
            if bot.messages[key[2]]["type"] == "incoming":
                return list(self.planted.get(key[2], []))
        return []

    def _new_message(
        self,
        bot: _Bot,
        sid: str,
        incoming: bool,
        ts: int,
        rng: random.Random,
        text: str | None = None,
    ) -> str:
        session = bot.sessions[sid]
        user = bot.users[session["userId"]]
        mid = self._take_id("ms-" + _uuid(rng))
        while mid in bot.messages:
            mid = "ms-" + _uuid(rng)
        components, planted = self._components(rng, bot, user, incoming, text, sid)
        ts = max(ts, bot.keys[sid][0])
        stamp = fmt_ms(ts)
        rec: Record = {
            "_id": mid,
            "type": "incoming" if incoming else "outgoing",
            "status": "received" if incoming else "sent",
            "createdBy": user.id if incoming or self.outgoing_created_by == "user" else bot.id,
            "createdOn": stamp,
            "lmodifiedOn": stamp,
            "timestampValue": ts,
            "botId": bot.id,
            "orgId": self.org_id,
            "accountId": self.account_id,
            "sessionId": sid,
            "channels": [{"type": user.channel, "channelUId": user.channel_uid}],
            "chnl": user.channel,
            "lang": session["session_lang"][0],
            "ms": 1,
            "components": components,
            "tags": {"messageTags": [], "userTags": copy.deepcopy(user.tags), "sessionTags": []},
        }
        key = self._register(bot, mid, ts)
        bot.messages[mid] = rec
        bot.trace_ids[mid] = f"{rng.getrandbits(64):016x}"
        bot.messages_by_channel.setdefault(user.channel, OrderedIndex()).add(key)
        bot.messages_by_session[sid].add(key)
        if planted:
            self.planted[mid] = planted
        session["noOfMessagesExchanged"] += 1
        if stamp > session["end_time"] and self.message_moves_end_time:
            session["end_time"] = stamp
        return mid

    def _close(self, bot: _Bot, sid: str, rng: random.Random) -> None:
        """Closing leaves ``end_time`` at the last activity: only the status tells."""
        rec = bot.sessions[sid]
        rec["sessionStatus"] = "closed"
        if rec["containmentType"] == "selfService" and rng.random() < 0.2:
            rec["containmentType"] = "dropOff"

    def _delete_message(self, bot: _Bot, mid: str) -> None:
        rec = bot.messages.pop(mid)
        bot.trace_ids.pop(mid, None)
        key = bot.keys.pop(mid)
        bot.messages_by_channel[rec["chnl"]].remove(key)
        index = bot.messages_by_session.get(rec["sessionId"])
        if index is not None:
            index.remove(key)
        self.planted.pop(mid, None)

    def _delete_session(self, bot: _Bot, sid: str) -> None:
        for key in list(bot.messages_by_session[sid].keys):
            self._delete_message(bot, key[2])
        rec = bot.sessions.pop(sid)
        del bot.messages_by_session[sid]
        key = bot.keys.pop(sid)
        bot.sessions_idx.remove(key)
        bot.sessions_by_user[rec["userId"]].remove(key)

    def _delete_user(self, bot: _Bot, uid: str) -> None:
        for key in list(bot.sessions_by_user[uid].keys):
            self._delete_session(bot, key[2])
        del bot.sessions_by_user[uid]
        del bot.users[uid]
        self.planted.pop(uid, None)

    # ----- seeded history --------------------------------------------------------------------

    def _build_history(
        self,
        bot: _Bot,
        rng: random.Random,
        users: int,
        sessions_per_user: tuple[int, int],
        messages_per_session: tuple[int, int],
        history_days: int,
        open_fraction: float,
        long_open_fraction: float,
    ) -> None:
        now = self._clock.unix_ms()
        horizon = max(1, history_days) * 86_400_000
        newest = 0
        for _ in range(users):
            if rng.random() < long_open_fraction:
                # An agent hand-off on an asynchronous channel, open for days or weeks.
                user = self._new_user(bot, rng, rng.choice(_ASYNC_CHANNELS))
                start, times = long_open_times(rng, now, messages_per_session)
                sid = self._new_session(bot, user, start, rng)
                bot.sessions[sid]["containmentType"] = "agent"
                for j, t in enumerate(times):
                    self._new_message(bot, sid, j % 2 == 0, t, rng)
                    newest = max(newest, t)
                continue
            user = self._new_user(bot, rng)
            plan = conversation_times(
                rng, now, horizon, sessions_per_user, messages_per_session, open_fraction
            )
            for i, (start, times) in enumerate(plan):
                sid = self._new_session(bot, user, start, rng)
                for j, t in enumerate(times):
                    self._new_message(bot, sid, j % 2 == 0, t, rng)
                    newest = max(newest, t)
                rec = bot.sessions[sid]
                recent = now - bot.keys[sid][0] < 2 * 3_600_000
                if not (i == len(plan) - 1 and recent):
                    self._close(bot, sid, rng)
                    if rng.random() < 0.1:
                        rec["containmentType"] = "agent"
                        rec["noOfTasksExecuted"] = rng.randint(1, 3)
        self.data.last_stamp = max(self.data.last_stamp, newest)

    # ----- live changes ----------------------------------------------------------------------

    def add_user(self, bot_id: str, channel: str | None = None) -> str:
        """A new user (on ``channel``, else a random one) with a new session: one message from
        them and the bot's reply."""
        with self._lock:
            bot = self._bot(bot_id)
            user = self._new_user(bot, self._rng, channel)
            self._start_conversation(bot, user)
            return user.id

    def add_session(self, bot_id: str, user_id: str) -> str:
        """A new session of ``user_id`` (their open one is closed first), with two messages."""
        with self._lock:
            bot = self._bot(bot_id)
            if user_id not in bot.users:
                raise KeyError(f"unknown user {user_id!r}")
            return self._start_conversation(bot, bot.users[user_id])

    def _start_conversation(self, bot: _Bot, user: _User) -> str:
        for key in bot.sessions_by_user[user.id].keys:
            if bot.sessions[key[2]]["sessionStatus"] == "active":
                self._close(bot, key[2], self._rng)
        sid = self._new_session(bot, user, self._stamp(), self._rng)
        self._new_message(bot, sid, True, self._stamp(), self._rng)
        self._new_message(bot, sid, False, self._stamp(), self._rng)
        return sid

    def add_message(
        self, bot_id: str, session_id: str, text: str | None = None, *, incoming: bool = True
    ) -> str:
        """A message in an open session; its ``end_time`` and counters move."""
        with self._lock:
            bot = self._bot(bot_id)
            rec = bot.sessions.get(session_id)
            if rec is None:
                raise KeyError(f"unknown session {session_id!r}")
            if rec["sessionStatus"] != "active" and not self.closed_sessions_take_messages:
                raise ValueError("a closed Kore session takes no new messages")
            return self._new_message(bot, session_id, incoming, self._stamp(), self._rng, text)

    def edit_message(self, bot_id: str, message_id: str, text: str) -> None:
        """An edited message: new text, ``lmodifiedOn`` moves, ``createdOn`` stays."""
        with self._lock:
            rec = self._bot(bot_id).messages.get(message_id)
            if rec is None:
                raise KeyError(f"unknown message {message_id!r}")
            rec["components"] = [
                {"_id": "cp-" + _uuid(self._rng), "cT": "text", "data": {"text": text}}
                | {"thumbnails": []}
            ]
            rec["lmodifiedOn"] = fmt_ms(max(self._stamp(), rec["timestampValue"]))

    def close_session(self, bot_id: str, session_id: str) -> None:
        with self._lock:
            bot = self._bot(bot_id)
            if session_id not in bot.sessions:
                raise KeyError(f"unknown session {session_id!r}")
            self._close(bot, session_id, self._rng)

    def update_session(self, bot_id: str, session_id: str, **fields: Any) -> None:
        """Change counters, tags or containment of a session; its ``end_time`` stays."""
        fixed = {"sessionId", "botId", "userId", "channel", "start_time", "end_time"}
        with self._lock:
            rec = self._bot(bot_id).sessions.get(session_id)
            if rec is None:
                raise KeyError(f"unknown session {session_id!r}")
            bad = sorted(k for k in fields if k in fixed or k not in rec)
            if bad:
                raise ValueError(f"cannot set {', '.join(bad)}")
            rec.update(copy.deepcopy(fields))

    def delete_user(self, bot_id: str, user_id: str) -> None:
        """Erase a user with all their sessions and messages (Kore's user data deletion)."""
        with self._lock:
            bot = self._bot(bot_id)
            if user_id not in bot.users:
                raise KeyError(f"unknown user {user_id!r}")
            self._delete_user(bot, user_id)

    def purge_oldest_session(self, bot_id: str) -> str | None:
        """Retention: the oldest session and its messages disappear."""
        with self._lock:
            bot = self._bot(bot_id)
            oldest = bot.sessions_idx.keys[0][2] if bot.sessions_idx.keys else None
            if oldest is not None:
                self._delete_session(bot, oldest)
            return oldest

    def _tenants(self) -> dict[str, _Bot]:
        return self._bots

    def _random_change(self, bot: _Bot, kind: str, rng: random.Random) -> str | None:
        open_ids = sorted(s for s, r in bot.sessions.items() if r["sessionStatus"] == "active")
        if kind == "new_user":
            user = self._new_user(bot, self._rng)
            sid = self._start_conversation(bot, user)
            return f"new_user {user.id} with session {sid} in {bot.id}"
        if kind == "new_session":
            if not bot.users:
                return None
            uid = rng.choice(sorted(bot.users))
            return f"new_session {self._start_conversation(bot, bot.users[uid])} in {bot.id}"
        if kind == "new_message":
            if not open_ids:
                return None
            sid = rng.choice(open_ids)
            last = bot.messages_by_session[sid].latest()
            incoming = last is None or bot.messages[last[2]]["type"] == "outgoing"
            mid = self._new_message(bot, sid, incoming, self._stamp(), self._rng)
            return f"new_message {mid} in open session {sid} of {bot.id}"
        if kind == "session_update":
            if not open_ids:
                return None
            sid = rng.choice(open_ids)
            rec = bot.sessions[sid]
            rec["noOfTasksExecuted"] += 1
            if rng.random() < 0.5:
                rec["containmentType"] = "agent"
                rec["tags"]["sessionTags"].append({"name": "escalated", "value": "true"})
            return f"session_update {sid} in {bot.id}"
        if kind == "session_close":
            if not open_ids:
                return None
            sid = rng.choice(open_ids)
            self._close(bot, sid, rng)
            return f"session_close {sid} in {bot.id}"
        if kind == "delete_user":
            if len(bot.users) < 2:
                return None
            uid = rng.choice(sorted(bot.users))
            self._delete_user(bot, uid)
            return f"delete_user {uid} in {bot.id}"
        if kind == "purge_session":
            if len(bot.sessions) < 2:
                return None
            sid = bot.sessions_idx.keys[0][2]
            self._delete_session(bot, sid)
            return f"purge_session {sid} in {bot.id}"
        raise ValueError(f"unknown change kind {kind!r}")

    # ----- HTTP ------------------------------------------------------------------------------

    def _error(
        self,
        status: int,
        message: str,
        headers: Sequence[tuple[str, str]] = (),
        code: int | None = None,
    ) -> SimResponse:
        body = {"errors": [{"msg": message, "code": code or status}]}
        return json_response(status, body, headers)

    def _rate_limited(self, headers: Sequence[tuple[str, str]] = ()) -> SimResponse:
        return self._error(429, RATE_LIMIT_MESSAGE, headers)

    def _route(self, req: SimRequest) -> tuple[str, Handler]:
        parts = [unquote(p) for p in req.path.strip("/").split("/")]
        if len(parts) == 5 and parts[:3] == ["api", "public", "bot"] and parts[4] in ENDPOINTS:
            endpoint, bot_id = parts[4], parts[3]
            if req.method != "POST":
                return endpoint, self._method_not_allowed
            return endpoint, lambda r: self._serve(r, bot_id, endpoint)
        return "other", self._not_found

    def _authenticate(self, req: SimRequest, bot_id: str, endpoint: str) -> SimResponse | None:
        token = req.header("auth")
        if not token:
            return self._error(401, "Invalid JWT token")
        try:
            header = jwt.get_unverified_header(token)
            claims = jwt.decode(token, options={"verify_signature": False})
        except jwt.PyJWTError:
            return self._error(401, "Invalid JWT token")
        if header.get("alg") != "HS256":
            return self._error(401, "Invalid JWT token")
        app = self._apps.get(str(claims.get("appId")))
        if app is None:
            return self._error(401, "Invalid SDK credentials")
        try:
            jwt.decode(
                token,
                app.secret,
                algorithms=["HS256"],
                options={"verify_exp": False, "verify_iat": False, "verify_nbf": False},
            )
        except jwt.PyJWTError:
            return self._error(401, "Invalid JWT token")
        exp = claims.get("exp")
        if isinstance(exp, int | float) and exp < self._clock.unix():
            return self._error(401, "Invalid JWT token")
        if app.enforce_jti:
            jti = claims.get("jti")
            with self._lock:
                if not isinstance(jti, str) or not jti or jti in app.used_jti:
                    return self._error(401, "Invalid JWT token")
                app.used_jti.add(jti)
        if bot_id not in self._bots:
            return self._error(404, "Bot not found")
        if bot_id not in app.bots or SCOPE_OF[endpoint] not in app.scopes:
            return self._error(401, "Permission denied. Scope is incorrect!", code=4002)
        return None

    def _serve(self, req: SimRequest, bot_id: str, endpoint: str) -> SimResponse:
        failure = self._authenticate(req, bot_id, endpoint)
        if failure is not None:
            return failure
        if not self._limiter.hit(bot_id, self.rate_limits, self._clock.unix()):
            return self._rate_limited()

        def produce() -> SimResponse:
            try:
                body = json_body(req)
                if not isinstance(body, dict):
                    raise _BadRequest("Invalid request body")
                if endpoint == "getSessions":
                    return self._get_sessions(req, bot_id, body)
                return self._get_messages(bot_id, body, v2=endpoint == "getMessagesV2")
            except (ValueError, _BadRequest) as exc:
                msg = str(exc) if isinstance(exc, _BadRequest) else "Invalid request body"
                return self._error(400, msg)

        return self._with_faults(produce)

    @staticmethod
    def _int(body: dict[str, Any], names: Sequence[str], default: int, minimum: int) -> int:
        for name in names:
            if name in body and body[name] is not None:
                value = body[name]
                if isinstance(value, bool) or not isinstance(value, int | str):
                    raise _BadRequest(f"{name} should be a number")
                try:
                    number = int(value)
                except ValueError:
                    raise _BadRequest(f"{name} should be a number") from None
                if number < minimum:
                    raise _BadRequest(f"{name} should be at least {minimum}")
                return number
        return default

    def _window(self, body: dict[str, Any]) -> tuple[int, int]:
        def parse(name: str) -> int | None:
            raw = body.get(name)
            if raw in (None, ""):
                return None
            try:
                return parse_kore_date(raw)
            except ValueError:
                raise _BadRequest(
                    f"{name} should be yyyy-mm-dd or yyyy-mm-ddThh:mm:ss.msZ"
                ) from None

        lo, hi = parse("dateFrom"), parse("dateTo")
        if lo is None and hi is None:
            hi = self._clock.unix_ms()
            return hi - WEEK_MS, hi
        if lo is None:
            assert hi is not None
            return hi - WEEK_MS, hi
        if hi is None:
            return lo, lo + WEEK_MS
        with self._lock:
            self.max_span_ms = max(self.max_span_ms, hi - lo)
        if hi < lo:
            raise _BadRequest("dateTo should be later than dateFrom")
        if hi - lo >= WEEK_MS:
            raise _BadRequest("The duration between dateFrom and dateTo should be less than 7 days")
        return lo + int(self.date_from_exclusive), hi - int(self.date_to_exclusive)

    def _render_session(self, rec: Record, *, lookup: bool = False) -> Record:
        out = copy.deepcopy(rec)
        if not (self.lookup_session_status if lookup else self.list_session_status):
            out.pop("sessionStatus", None)
        return out

    def _get_sessions(self, req: SimRequest, bot_id: str, body: dict[str, Any]) -> SimResponse:
        if "sessionId" in body:
            return self._lookup_sessions(bot_id, body["sessionId"])
        containment = req.param("containmentType")
        if containment is not None and containment not in CONTAINMENT_TYPES:
            raise _BadRequest("containmentType should be selfService, dropOff or agent")
        skip = self._int(body, ("skip", "offset"), 0, 0)
        limit = min(
            self._int(body, ("limit",), self.sessions_limit_cap, 1), self.sessions_limit_cap
        )
        lo, hi = self._window(body)
        user_id = body.get("userId")
        session_type = body.get("sessionType")
        with self._lock:
            bot = self._bots[bot_id]

            def listed() -> list[Key]:
                keys = bot.sessions_idx.window(lo, hi)
                return [
                    k
                    for k in keys
                    if (containment is None or bot.sessions[k[2]]["containmentType"] == containment)
                    and (user_id is None or bot.sessions[k[2]]["userId"] == user_id)
                    and (session_type is None or bot.sessions[k[2]]["sessionType"] == session_type)
                ]

            keys = listed()
            if skip > 0 and (self.drift_inserts > 0 or self.drift_deletes > 0):
                self._drift(bot, page(keys, 0, skip), sessions=True)
                keys = listed()
            ids = page(keys, skip, limit)
            data = [self._render_session(bot.sessions[i]) for i in ids]
            total = len(keys)
        return json_response(
            200, {"total": total, "moreAvailable": skip + len(ids) < total, "sessions": data}
        )

    def _lookup_sessions(self, bot_id: str, raw: Any) -> SimResponse:
        if not isinstance(raw, list) or not all(isinstance(s, str) for s in raw):
            raise _BadRequest("sessionId should be an array of session ids")
        if len(raw) > SESSION_ID_LIMIT:
            raise _BadRequest(f"sessionId accepts at most {SESSION_ID_LIMIT} session ids")
        with self._lock:
            bot = self._bots[bot_id]
            found: list[Key] = []
            invalid: list[str] = []
            for sid in dict.fromkeys(raw):
                if sid in bot.sessions:
                    found.append(bot.keys[sid])
                else:
                    invalid.append(sid)
            data = [
                self._render_session(bot.sessions[k[2]], lookup=True)
                for k in sorted(found, reverse=True)
            ]
        body = {"total": len(data), "moreAvailable": False, "sessions": data}
        return json_response(200, body | {"invalidSessions": invalid})

    def _get_messages(self, bot_id: str, body: dict[str, Any], *, v2: bool) -> SimResponse:
        cap = self.messages_v2_limit_cap if v2 else self.messages_limit_cap
        skip = self._int(body, ("skip", "offset"), 0, 0)
        limit = min(self._int(body, ("limit",), cap, 1), cap)
        lo, hi = self._window(body)
        channel = body.get("channelType") or "rtm"
        forward = body.get("forward") in (True, "true")
        trace = body.get("includeTraceId") in (True, "true")
        user_id = body.get("userId")
        raw_sessions = body.get("sessionId")
        if raw_sessions is not None and not (
            isinstance(raw_sessions, list) and all(isinstance(s, str) for s in raw_sessions)
        ):
            raise _BadRequest("sessionId should be an array of session ids")
        sessions = set(raw_sessions) if raw_sessions else None
        with self._lock:
            bot = self._bots[bot_id]

            def listed() -> list[Key]:
                index = bot.messages_by_channel.get(channel) or OrderedIndex()
                out = []
                for k in index.window(lo, hi):
                    rec = bot.messages[k[2]]
                    if sessions is not None and rec["sessionId"] not in sessions:
                        continue
                    if user_id is not None and rec["createdBy"] != user_id:
                        continue
                    if v2 and any(c.get("cT") in V2_EXCLUDED for c in rec["components"]):
                        continue
                    out.append(k)
                return out

            keys = listed()
            if skip > 0 and (self.drift_inserts > 0 or self.drift_deletes > 0):
                self._drift(bot, page(keys, 0, skip, newest_first=not forward), sessions=False)
                keys = listed()
            ids = page(keys, skip, limit, newest_first=not forward)
            data = []
            for mid in ids:
                rec = copy.deepcopy(bot.messages[mid])
                if trace:
                    rec["traceId"] = bot.trace_ids[mid]
                data.append(rec)
            total = len(keys)
        return json_response(
            200, {"total": total, "moreAvailable": skip + len(ids) < total, "messages": data}
        )

    def _drift(self, bot: _Bot, already_read: list[str], *, sessions: bool) -> None:
        """Change the list being paged: delete records already read, add new ones at the top."""
        rng = self._rng
        if self.drift_deletes > 0 and already_read:
            if sessions:
                # Not a user's newest session: users are derived from it (see delete_user).
                already_read = [
                    s
                    for s in already_read
                    if bot.sessions_by_user[bot.sessions[s]["userId"]].keys[-1][2] != s
                ]
            for victim in rng.sample(already_read, min(int(self.drift_deletes), len(already_read))):
                if sessions and victim in bot.sessions:
                    self._delete_session(bot, victim)
                elif not sessions and victim in bot.messages:
                    self._delete_message(bot, victim)
        for _ in range(max(0, int(self.drift_inserts))):
            if sessions or not any(r["sessionStatus"] == "active" for r in bot.sessions.values()):
                if bot.users:
                    self._start_conversation(bot, bot.users[rng.choice(sorted(bot.users))])
                continue
            self._random_change(bot, "new_message", rng)
