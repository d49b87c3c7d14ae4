"""Simulator of the Peki Developer API (users, sessions, messages, send), faithful to its docs.

It keeps a seeded synthetic history, serves it over real HTTP with HMAC auth, paging, rate
limits and injectable faults, and can change under a running crawl (new, updated and deleted
records; page drift) so incremental backups can be tested against known truth.
"""

from __future__ import annotations

import base64
import copy
import dataclasses
import hashlib
import hmac
import json
import math
import random
import threading
import time
from bisect import bisect_left, insort
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from types import TracebackType
from typing import Any
from urllib.parse import unquote

from archiver.simulators import synth
from archiver.simulators.common import long_open_times
from archiver.simulators.server import (
    FaultInjector,
    FixedWindowLimiter,
    RequestCounters,
    ResponseHook,
    SimClock,
    SimRequest,
    SimResponse,
    SimServer,
    html_error_page,
    json_bytes,
    json_response,
    text_response,
)

Record = dict[str, Any]
_Key = tuple[int, int, str]

ENDPOINTS: tuple[str, ...] = (
    "users.list",
    "users.get",
    "sessions.list",
    "sessions.get",
    "messages.list",
    "messages.get",
    "message.send",
)
SESSION_GET_OMITS = frozenset({"behaviour", "result", "category", "tags", "chatUserName", "source"})
TIMESTAMP_WINDOW_SECONDS = 300
_JSON = "application/json; charset=utf-8"
_PROBLEM = "application/problem+json; charset=utf-8"
_SOURCES = ("Web", "Web", "Web", "WhatsApp", "WhatsApp", "Telegram", "Instagram", "Dev")
_BEHAVIOURS = ("Calm", "Urgent", "Confused", "Frustrated", "Curious")
_RESULTS = ("Resolved", "Resolved", "Pending", "Escalated", "Unresolved")
_SENTIMENTS = ("Positive", "Neutral", "Negative")
_LANGUAGES = ("en", "en", "en", "tr", "de")
_PLANS = ("Free", "Basic", "Pro", "Enterprise")
_CHANGE_WEIGHTS: tuple[tuple[str, int], ...] = (
    ("new_message", 30),
    ("new_session", 12),
    ("new_user", 8),
    ("session_update", 15),
    ("session_close", 5),
    ("user_update", 10),
    ("delete_message", 8),
    ("delete_session", 6),
    ("delete_user", 6),
)
CHANGE_KINDS: tuple[str, ...] = tuple(kind for kind, _ in _CHANGE_WEIGHTS)


def _fmt(ms: int) -> str:
    """Same output as timeutil.format_ts, from epoch milliseconds, without float rounding."""
    seconds, millis = divmod(ms, 1000)
    t = time.gmtime(seconds)
    return (
        f"{t.tm_year:04d}-{t.tm_mon:02d}-{t.tm_mday:02d}T"
        f"{t.tm_hour:02d}:{t.tm_min:02d}:{t.tm_sec:02d}.{millis:03d}Z"
    )


_B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def _base62(value: int, width: int) -> str:
    out = []
    for _ in range(width):
        value, digit = divmod(value, 62)
        out.append(_B62[digit])
    return "".join(out)


class _Index:
    """Records of one list ordered by (createdAt, insertion order); read newest first."""

    __slots__ = ("keys",)

    def __init__(self, keys: list[_Key] | None = None) -> None:
        self.keys: list[_Key] = keys if keys is not None else []

    def __len__(self) -> int:
        return len(self.keys)

    def add(self, key: _Key) -> None:
        if not self.keys or key > self.keys[-1]:
            self.keys.append(key)
        else:
            insort(self.keys, key)

    def remove(self, key: _Key) -> None:
        i = bisect_left(self.keys, key)
        if i < len(self.keys) and self.keys[i] == key:
            del self.keys[i]

    def newest(self, offset: int, limit: int) -> list[str]:
        stop = len(self.keys) - offset
        if stop <= 0 or limit <= 0:
            return []
        start = max(0, stop - limit)
        return [k[2] for k in reversed(self.keys[start:stop])]

    def latest(self) -> str | None:
        return self.keys[-1][2] if self.keys else None


@dataclass
class _Bot:
    id: str
    users: dict[str, Record] = field(default_factory=dict)
    sessions: dict[str, Record] = field(default_factory=dict)
    messages: dict[str, Record] = field(default_factory=dict)
    persons: dict[str, synth.Person] = field(default_factory=dict)
    users_idx: _Index = field(default_factory=_Index)
    sessions_idx: _Index = field(default_factory=_Index)
    messages_idx: _Index = field(default_factory=_Index)
    sessions_by_user: dict[str, _Index] = field(default_factory=dict)
    messages_by_session: dict[str, _Index] = field(default_factory=dict)
    messages_by_user: dict[str, _Index] = field(default_factory=dict)
    external_ids: dict[str, str] = field(default_factory=dict)
    profile_planted: dict[str, list[tuple[str, str]]] = field(default_factory=dict)


@dataclass(frozen=True)
class _Route:
    counter: str
    chatbot_id: str
    item_id: str | None


class _Problem(Exception):
    """A request validation failure answered as an ASP.NET ProblemDetails 400."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__(errors)
        self.errors = errors


class PekiSimulator:
    """A seeded, controllable Peki Developer API served on 127.0.0.1."""

    def __init__(
        self,
        *,
        seed: int = 0,
        chatbot_ids: Sequence[str] = ("bot1",),
        users_per_bot: int = 20,
        sessions_per_user: tuple[int, int] = (1, 3),
        messages_per_session: tuple[int, int] = (2, 8),
        history_days: int = 30,
        long_open_fraction: float = 0.05,
        rate_limit_per_minute: int = 60,
        page_size_cap: int = 100,
        send_limit_per_day: int = 10_000,
        clock_skew_seconds: float = 0.0,
    ) -> None:
        self.seed = seed
        self.latency_seconds = 0.0
        self.fault_rates: dict[str, float] = {
            "429": 0.0,
            "5xx": 0.0,
            "timeout": 0.0,
            "malformed": 0.0,
        }
        self.timeout_seconds = 5.0
        self.drift_inserts = 0
        self.drift_deletes = 0
        self.equal_timestamps = False
        #: ``updatedAt`` moves when a record changes (off: changes leave it where it was).
        self.updated_at_moves = True
        self.rate_limit_per_minute = rate_limit_per_minute
        self.page_size_cap = page_size_cap
        self.send_limit_per_day = send_limit_per_day
        self.planted: dict[str, list[tuple[str, str]]] = {}
        #: Replaces answers before they leave (malformed bodies, error envelopes, oversized
        #: pages), for tests of what a source does with answers no fault knob produces.
        self.response_hook: ResponseHook | None = None
        #: Ids the next records created take, in order, instead of generated ones (hostile ids).
        self.next_ids: list[str] = []

        self._lock = threading.RLock()
        self._clock = SimClock(clock_skew_seconds)
        self._faults = FaultInjector(f"peki:{seed}:faults")
        self._counters = RequestCounters()
        self._read_limiter = FixedWindowLimiter()
        self._send_limiter = FixedWindowLimiter()
        self._rng = random.Random(f"peki:{seed}:live")
        self._key_rng = random.Random(f"peki:{seed}:keys")
        self._trace_rng = random.Random(f"peki:{seed}:trace")
        self._keys: dict[str, tuple[str, frozenset[str]]] = {}
        self._order: dict[str, _Key] = {}
        self._seq = 0
        self._last_stamp = 0
        self._bots: dict[str, _Bot] = {bot_id: _Bot(bot_id) for bot_id in chatbot_ids}
        self._server = SimServer(self._app, clock=self._clock, server_name="Kestrel")

        self.api_key, self.api_secret = self.add_api_key(chatbot_ids)
        build_rng = random.Random(f"peki:{seed}:history")
        for bot in self._bots.values():
            self._build_history(
                bot,
                build_rng,
                users_per_bot,
                sessions_per_user,
                messages_per_session,
                history_days,
                long_open_fraction,
            )

    # ----- lifecycle -------------------------------------------------------------------------

    def start(self, port: int = 0) -> str:
        return self._server.start(port) + "/api"

    def stop(self) -> None:
        self._server.stop()

    @property
    def chatbot_ids(self) -> tuple[str, ...]:
        return tuple(self._bots)

    @property
    def base_url(self) -> str:
        return self._server.url + "/api"

    def __enter__(self) -> PekiSimulator:
        if not self._server.running:
            self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # ----- knobs -----------------------------------------------------------------------------

    @property
    def clock_skew_seconds(self) -> float:
        return self._clock.skew_seconds

    @clock_skew_seconds.setter
    def clock_skew_seconds(self, value: float) -> None:
        self._clock.skew_seconds = float(value)

    def now(self) -> datetime:
        """The simulated platform clock."""
        return self._clock.now()

    def add_api_key(self, chatbot_ids: Sequence[str]) -> tuple[str, str]:
        """Another key pair, valid only for `chatbot_ids`; other existing bots answer 403."""
        with self._lock:
            alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            key = "pk_" + "".join(self._key_rng.choice(alphabet) for _ in range(32))
            secret = "sk_" + "".join(self._key_rng.choice(alphabet) for _ in range(48))
            self._keys[key] = (secret, frozenset(chatbot_ids))
            return key, secret

    def counters(self) -> dict[str, int]:
        counts = dict.fromkeys((*ENDPOINTS, "total"), 0)
        counts.update(self._counters.snapshot())
        return counts

    def reset_counters(self) -> None:
        self._counters.reset()

    # ----- truth -----------------------------------------------------------------------------

    def truth(self, chatbot_id: str) -> dict[str, dict[str, dict[str, Any]]]:
        with self._lock:
            bot = self._bots[chatbot_id]
            return {
                "users": copy.deepcopy(bot.users),
                "sessions": copy.deepcopy(bot.sessions),
                "messages": copy.deepcopy(bot.messages),
            }

    def long_open_session_ids(self, chatbot_id: str, *, days: float = 14.0) -> list[str]:
        """Sessions still Active that were created at least ``days`` ago."""
        cutoff = _fmt(self._clock.unix_ms() - int(days * 86_400_000))
        with self._lock:
            bot = self._bot(chatbot_id)
            return sorted(
                s
                for s, r in bot.sessions.items()
                if r["status"] == "Active" and r["createdAt"] <= cutoff
            )

    # ----- record creation (callers hold the lock) --------------------------------------------

    def _new_id(self) -> str:
        if self.next_ids:
            return self.next_ids.pop(0)
        while True:
            new = f"{self._rng.getrandbits(96):024x}"
            if new not in self._order:
                return new

    def _stamp(self, floor: int = 0) -> int:
        """Simulated-clock time for a write.

        Under ``equal_timestamps`` a write within a second of the previous one reuses its time
        (ties, as platforms with coarse clocks produce); it is never dated further back, which
        would be a late write beyond any safety lag rather than a tie. ``floor`` keeps a record
        at the top of a list even if the clock was moved backwards.
        """
        now = self._clock.unix_ms()
        if self.equal_timestamps and self._last_stamp and now - self._last_stamp < 1000:
            ts = max(self._last_stamp, floor)
        else:
            ts = max(now, floor)
        self._last_stamp = ts
        return ts

    def _register(self, rec_id: str, ts: int) -> _Key:
        self._seq += 1
        key = (ts, self._seq, rec_id)
        self._order[rec_id] = key
        return key

    def _user_record(
        self,
        bot: _Bot,
        uid: str,
        person: synth.Person,
        ts: int,
        rng: random.Random,
        *,
        full_profile: bool,
    ) -> Record:
        source = rng.choice(_SOURCES) if full_profile else "Dev"
        data: dict[str, Any] = {}
        if full_profile and rng.random() < 0.7:
            data["city"] = person.city
        if full_profile and rng.random() < 0.4:
            data["plan"] = rng.choice(_PLANS)
        if full_profile and rng.random() < 0.2:
            data["customerNo"] = f"C-{rng.randint(10000, 99999)}"
        rec: Record = {
            "id": uid,
            "chatbotId": bot.id,
            "firstName": person.first_name,
            "lastName": (person.last_name or None) if rng.random() < 0.9 else None,
            "email": person.email
            if (full_profile and source != "WhatsApp" and rng.random() < 0.75)
            else None,
            "phoneNumber": person.phone
            if (full_profile and (source == "WhatsApp" or rng.random() < 0.5))
            else None,
            "username": person.username,
            "source": source,
            "dataDictionary": data,
            "messageTimestamp": None,
            "lastReceivedText": None,
            "createdAt": _fmt(ts),
            "updatedAt": _fmt(ts),
        }
        return rec

    def _add_user_rec(
        self, bot: _Bot, rec: Record, person: synth.Person, key: _Key, *, bulk: bool = False
    ) -> None:
        uid = rec["id"]
        bot.users[uid] = rec
        bot.persons[uid] = person
        bot.sessions_by_user[uid] = _Index()
        bot.messages_by_user[uid] = _Index()
        if bulk:
            bot.users_idx.keys.append(key)
        else:
            bot.users_idx.add(key)
        self._refresh_user_planted(bot, uid, [])

    def _refresh_user_planted(
        self, bot: _Bot, uid: str, last_text_planted: list[tuple[str, str]] | None
    ) -> None:
        rec = bot.users[uid]
        profile: list[tuple[str, str]] = []
        for kind, name in (
            ("name", "firstName"),
            ("name", "lastName"),
            ("email", "email"),
            ("phone", "phoneNumber"),
            ("username", "username"),
        ):
            if rec.get(name):
                profile.append((kind, str(rec[name])))
        city = (rec.get("dataDictionary") or {}).get("city")
        if city:
            profile.append(("city", str(city)))
        if last_text_planted is None:
            previous = self.planted.get(uid, [])
            last_text_planted = previous[len(bot.profile_planted.get(uid, [])) :]
        bot.profile_planted[uid] = profile
        self.planted[uid] = profile + list(last_text_planted)

    def _session_record(self, bot: _Bot, sid: str, uid: str, ts: int, rng: random.Random) -> Record:
        user = bot.users[uid]
        subject, _, _ = synth.session_topic(rng)
        name = " ".join(p for p in (user.get("firstName"), user.get("lastName")) if p)
        rec: Record = {
            "id": sid,
            "chatbotId": bot.id,
            "chatUserId": uid,
            "threadId": "thread_" + _base62(rng.getrandbits(143), 24),
            "status": "Active",
            "subject": subject,
            "summary": None,
            "behaviour": None,
            "result": None,
            "score": None,
            "category": None,
            "sentiment": None,
            "language": rng.choice(_LANGUAGES),
            "tags": [],
            "chatUserName": name or None,
            "source": user.get("source") or "Dev",
            "tokenCount": 0,
            "createdAt": _fmt(ts),
            "updatedAt": _fmt(ts),
        }
        if name:
            self.planted[sid] = [("name", name)]
        return rec

    def _analyse_session(self, bot: _Bot, rec: Record, rng: random.Random) -> None:
        """Fill what the platform derives after a conversation: summary, score, sentiment, ..."""
        subject, category, summary = synth.session_topic(rng, rec.get("subject"))
        name = rec.get("chatUserName")
        if name and rng.random() < 0.3:
            summary = summary.replace("User", str(name), 1)
        rec["subject"] = rec.get("subject") or subject
        rec["summary"] = summary
        rec["behaviour"] = rng.choice(_BEHAVIOURS)
        rec["result"] = rng.choice(_RESULTS)
        rec["score"] = round(rng.uniform(1.0, 10.0), 1)
        rec["category"] = category
        rec["sentiment"] = rng.choice(_SENTIMENTS)
        rec["tags"] = synth.session_tags(rng)

    def _add_session_rec(self, bot: _Bot, rec: Record, key: _Key, *, bulk: bool = False) -> None:
        sid = rec["id"]
        bot.sessions[sid] = rec
        bot.messages_by_session[sid] = _Index()
        if bulk:
            bot.sessions_idx.keys.append(key)
            bot.sessions_by_user[rec["chatUserId"]].keys.append(key)
        else:
            bot.sessions_idx.add(key)
            bot.sessions_by_user[rec["chatUserId"]].add(key)

    def _message_record(
        self,
        bot: _Bot,
        mid: str,
        session: Record,
        sender: str,
        text: str | None,
        url: str | None,
        ts: int,
        rng: random.Random,
    ) -> Record:
        tokens = max(1, len(text or "") // 4)
        response_time: float | None = None
        if sender == "Bot":
            tokens += rng.randint(20, 300)
            response_time = round(rng.uniform(0.4, 4.0), 2)
        return {
            "id": mid,
            "chatbotId": bot.id,
            "chatSessionId": session["id"],
            "chatUserId": session["chatUserId"],
            "senderType": sender,
            "text": text,
            "url": url,
            "tokenCount": tokens,
            "responseTime": response_time,
            "createdAt": _fmt(ts),
        }

    def _add_message_rec(self, bot: _Bot, rec: Record, key: _Key, *, bulk: bool = False) -> None:
        bot.messages[rec["id"]] = rec
        indexes = (
            bot.messages_idx,
            bot.messages_by_session[rec["chatSessionId"]],
            bot.messages_by_user[rec["chatUserId"]],
        )
        for index in indexes:
            if bulk:
                index.keys.append(key)
            else:
                index.add(key)

    def _user_text(
        self, bot: _Bot, uid: str, rng: random.Random
    ) -> tuple[str | None, str | None, list[tuple[str, str]]]:
        person = bot.persons.get(uid) or synth.make_person(rng)
        if rng.random() < 0.04:
            url = f"https://cdn.peki.ai/uploads/{rng.getrandbits(64):016x}.jpg"
            return (None if rng.random() < 0.5 else "See the attached photo."), url, []
        text, planted = synth.generate_text(rng, person)
        return text, None, planted

    # ----- seeded history --------------------------------------------------------------------

    def _build_history(
        self,
        bot: _Bot,
        rng: random.Random,
        users: int,
        sessions_per_user: tuple[int, int],
        messages_per_session: tuple[int, int],
        history_days: int,
        long_open_fraction: float = 0.0,
    ) -> None:
        now = self._clock.unix_ms()
        horizon = max(1, history_days) * 86_400_000
        prev_user_ts: int | None = None
        prev_session_ts: int | None = None
        newest = 0
        for _ in range(users):
            person = synth.make_person(rng)
            uid = self._new_id()
            # A conversation open for days or weeks (an agent hand-off): its times are planned
            # first, and the user signed up shortly before it.
            long_open = (
                long_open_times(rng, now, messages_per_session)
                if rng.random() < long_open_fraction
                else None
            )
            if long_open is not None:
                user_ts = long_open[0] - int(rng.uniform(60_000, 3 * 86_400_000))
            elif prev_user_ts is not None and rng.random() < 0.03:
                user_ts = prev_user_ts
            else:
                user_ts = now - int(rng.uniform(0.02, 1.0) * horizon)
            prev_user_ts = user_ts
            user = self._user_record(bot, uid, person, user_ts, rng, full_profile=True)
            self._add_user_rec(bot, user, person, self._register(uid, user_ts), bulk=True)
            n_sessions = rng.randint(*sessions_per_user)
            starts = sorted(rng.randint(user_ts + 1000, now - 120_000) for _ in range(n_sessions))
            if long_open is not None:
                starts = [long_open[0]]
            cursor = user_ts
            last_user_msg: tuple[int, Record] | None = None
            for i, start in enumerate(starts):
                start = max(start, cursor + 60_000)
                if (
                    prev_session_ts is not None
                    and rng.random() < 0.03
                    and cursor < prev_session_ts < now - 120_000
                ):
                    start = prev_session_ts
                if start >= now - 60_000:
                    break
                prev_session_ts = start
                sid = self._new_id()
                session = self._session_record(bot, sid, uid, start, rng)
                self._add_session_rec(bot, session, self._register(sid, start), bulk=True)
                t = start
                last = start
                sender = "User"
                user_planted: list[tuple[str, str]] = []
                planned = long_open[1] if long_open is not None else None
                count = len(planned) if planned is not None else rng.randint(*messages_per_session)
                for _m in range(count):
                    if planned is not None:
                        t = planned[_m]
                    if t >= now - 1000:
                        break
                    mid = self._new_id()
                    if sender == "User":
                        text, url, planted = self._user_text(bot, uid, rng)
                        user_planted = planted
                    else:
                        text, planted = synth.generate_reply(rng, person, user_planted)
                        url = None
                    msg = self._message_record(bot, mid, session, sender, text, url, t, rng)
                    self._add_message_rec(bot, msg, self._register(mid, t), bulk=True)
                    if planted:
                        self.planted[mid] = planted
                    session["tokenCount"] += msg["tokenCount"]
                    last = t
                    if sender == "User":
                        last_user_msg = (t, msg)
                        t += 0 if rng.random() < 0.05 else int(rng.uniform(400, 4000))
                        sender = "Bot"
                    else:
                        t += int(rng.uniform(5_000, 240_000))
                        sender = "User"
                is_last = i == len(starts) - 1
                recent = now - last < 2 * 3_600_000
                if is_last and (recent or long_open is not None or rng.random() < 0.1):
                    session["updatedAt"] = _fmt(last)
                else:
                    session["status"] = "Closed"
                    self._analyse_session(bot, session, rng)
                    closed = min(now - 1000, last + int(rng.uniform(60_000, 1_800_000)))
                    session["updatedAt"] = _fmt(max(closed, last))
                cursor = max(t, last)
                newest = max(newest, last)
            updated = user_ts
            if last_user_msg is not None:
                ts, msg = last_user_msg
                user["messageTimestamp"] = _fmt(ts)
                user["lastReceivedText"] = msg["text"] or msg["url"]
                updated = max(updated, ts)
                self._refresh_user_planted(bot, uid, self.planted.get(msg["id"], []))
            user["updatedAt"] = _fmt(updated)
            newest = max(newest, user_ts)
        for index in (
            bot.users_idx,
            bot.sessions_idx,
            bot.messages_idx,
            *bot.sessions_by_user.values(),
            *bot.messages_by_session.values(),
            *bot.messages_by_user.values(),
        ):
            index.keys.sort()
        self._last_stamp = max(self._last_stamp, newest)

    # ----- live changes ----------------------------------------------------------------------

    def _bot(self, chatbot_id: str) -> _Bot:
        try:
            return self._bots[chatbot_id]
        except KeyError:
            raise KeyError(f"unknown chatbot {chatbot_id!r}") from None

    def add_user(self, chatbot_id: str) -> str:
        with self._lock:
            return self._create_user(self._bot(chatbot_id), synth.make_person(self._rng))

    def _create_user(
        self, bot: _Bot, person: synth.Person, *, full_profile: bool = True, floor: int = 0
    ) -> str:
        uid = self._new_id()
        ts = self._stamp(floor)
        rec = self._user_record(bot, uid, person, ts, self._rng, full_profile=full_profile)
        self._add_user_rec(bot, rec, person, self._register(uid, ts))
        return uid

    def add_session(self, chatbot_id: str, user_id: str) -> str:
        """A new Active session without messages; other sessions are left as they are."""
        with self._lock:
            bot = self._bot(chatbot_id)
            if user_id not in bot.users:
                raise KeyError(f"unknown user {user_id!r}")
            return self._create_session(bot, user_id)

    def _create_session(self, bot: _Bot, uid: str, *, floor: int = 0) -> str:
        sid = self._new_id()
        ts = self._stamp(floor)
        rec = self._session_record(bot, sid, uid, ts, self._rng)
        self._add_session_rec(bot, rec, self._register(sid, ts))
        return sid

    def add_message(
        self, chatbot_id: str, session_id: str, text: str | None = None, sender: str = "User"
    ) -> str:
        """Append a message; with no text a synthetic one is generated and its values planted."""
        if sender not in ("User", "Bot"):
            raise ValueError("sender must be 'User' or 'Bot'")
        with self._lock:
            bot = self._bot(chatbot_id)
            if session_id not in bot.sessions:
                raise KeyError(f"unknown session {session_id!r}")
            return self._create_message(bot, session_id, sender, text, None, generate=text is None)

    def _create_message(
        self,
        bot: _Bot,
        sid: str,
        sender: str,
        text: str | None,
        url: str | None,
        *,
        generate: bool,
        floor: int = 0,
    ) -> str:
        session = bot.sessions[sid]
        uid = session["chatUserId"]
        planted: list[tuple[str, str]] = []
        if generate:
            if sender == "User":
                text, url, planted = self._user_text(bot, uid, self._rng)
            else:
                person = bot.persons.get(uid) or synth.make_person(self._rng)
                last_user = self._last_user_planted(bot, sid)
                text, planted = synth.generate_reply(self._rng, person, last_user)
        mid = self._new_id()
        ts = self._stamp(floor)
        msg = self._message_record(bot, mid, session, sender, text, url, ts, self._rng)
        self._add_message_rec(bot, msg, self._register(mid, ts))
        if planted:
            self.planted[mid] = planted
        stamp = _fmt(ts)
        session["tokenCount"] += msg["tokenCount"]
        if self.updated_at_moves:
            session["updatedAt"] = stamp
        if sender == "User" and uid in bot.users:
            user = bot.users[uid]
            user["messageTimestamp"] = stamp
            user["lastReceivedText"] = text if text is not None else url
            if self.updated_at_moves:
                user["updatedAt"] = stamp
            self._refresh_user_planted(bot, uid, planted)
        return mid

    def _last_user_planted(self, bot: _Bot, sid: str) -> list[tuple[str, str]]:
        index = bot.messages_by_session.get(sid)
        if index is None:
            return []
        for mid in index.newest(0, 4):
            if bot.messages[mid]["senderType"] == "User":
                return list(self.planted.get(mid, []))
        return []

    def update_session(self, chatbot_id: str, session_id: str, **fields: Any) -> None:
        with self._lock:
            bot = self._bot(chatbot_id)
            rec = bot.sessions.get(session_id)
            if rec is None:
                raise KeyError(f"unknown session {session_id!r}")
            self._apply(rec, fields, frozenset({"id", "chatbotId", "chatUserId", "createdAt"}))

    def update_user(self, chatbot_id: str, user_id: str, **fields: Any) -> None:
        with self._lock:
            bot = self._bot(chatbot_id)
            rec = bot.users.get(user_id)
            if rec is None:
                raise KeyError(f"unknown user {user_id!r}")
            self._apply(rec, fields, frozenset({"id", "chatbotId", "createdAt"}))
            self._refresh_user_planted(bot, user_id, None)

    def _apply(self, rec: Record, fields: dict[str, Any], fixed: frozenset[str]) -> None:
        unknown = [name for name in fields if name not in rec or name in fixed]
        if unknown:
            raise ValueError(f"cannot set {', '.join(sorted(unknown))}")
        rec.update(copy.deepcopy(fields))
        if "updatedAt" not in fields and self.updated_at_moves:
            rec["updatedAt"] = _fmt(self._stamp())

    def edit_message(self, chatbot_id: str, message_id: str, text: str) -> None:
        """A message whose text changes in place (messages have no update time)."""
        with self._lock:
            rec = self._bot(chatbot_id).messages.get(message_id)
            if rec is None:
                raise KeyError(f"unknown message {message_id!r}")
            rec["text"] = text

    def delete_message(self, chatbot_id: str, message_id: str) -> None:
        with self._lock:
            bot = self._bot(chatbot_id)
            if message_id not in bot.messages:
                raise KeyError(f"unknown message {message_id!r}")
            self._delete_message(bot, message_id)

    def _delete_message(self, bot: _Bot, mid: str) -> None:
        rec = bot.messages.pop(mid)
        key = self._order[mid]
        bot.messages_idx.remove(key)
        session_index = bot.messages_by_session.get(rec["chatSessionId"])
        if session_index is not None:
            session_index.remove(key)
        user_index = bot.messages_by_user.get(rec["chatUserId"])
        if user_index is not None:
            user_index.remove(key)

    def delete_session(self, chatbot_id: str, session_id: str) -> None:
        """Delete a session and its messages."""
        with self._lock:
            bot = self._bot(chatbot_id)
            if session_id not in bot.sessions:
                raise KeyError(f"unknown session {session_id!r}")
            self._delete_session(bot, session_id)

    def _delete_session(self, bot: _Bot, sid: str) -> None:
        for mid in [k[2] for k in bot.messages_by_session[sid].keys]:
            self._delete_message(bot, mid)
        rec = bot.sessions.pop(sid)
        del bot.messages_by_session[sid]
        key = self._order[sid]
        bot.sessions_idx.remove(key)
        user_index = bot.sessions_by_user.get(rec["chatUserId"])
        if user_index is not None:
            user_index.remove(key)

    def delete_user(self, chatbot_id: str, user_id: str) -> None:
        """Delete a user with all their sessions and messages."""
        with self._lock:
            bot = self._bot(chatbot_id)
            if user_id not in bot.users:
                raise KeyError(f"unknown user {user_id!r}")
            self._delete_user(bot, user_id)

    def _delete_user(self, bot: _Bot, uid: str) -> None:
        for sid in [k[2] for k in bot.sessions_by_user[uid].keys]:
            self._delete_session(bot, sid)
        for mid in [k[2] for k in bot.messages_by_user[uid].keys]:
            self._delete_message(bot, mid)
        del bot.users[uid]
        del bot.sessions_by_user[uid]
        del bot.messages_by_user[uid]
        bot.persons.pop(uid, None)
        bot.external_ids = {k: v for k, v in bot.external_ids.items() if v != uid}
        bot.users_idx.remove(self._order[uid])

    def random_changes(self, rng: random.Random, n: int) -> list[str]:
        """Apply n live-like changes of all kinds; returns "<kind> <details>" for each."""
        kinds = [kind for kind, _ in _CHANGE_WEIGHTS]
        weights = [weight for _, weight in _CHANGE_WEIGHTS]
        out: list[str] = []
        with self._lock:
            bot_ids = sorted(self._bots)
            for _ in range(n):
                bot = self._bots[rng.choice(bot_ids)]
                kind = rng.choices(kinds, weights)[0]
                out.append(
                    self._random_change(bot, kind, rng)
                    or self._random_change(bot, "new_user", rng)
                    or "noop"
                )
        return out

    def _random_change(self, bot: _Bot, kind: str, rng: random.Random) -> str | None:
        if kind == "new_user":
            uid = self._create_user(bot, synth.make_person(self._rng))
            return f"new_user {uid} in {bot.id}"
        if kind == "new_session":
            if not bot.users:
                return None
            uid = rng.choice(list(bot.users))
            for old in [k[2] for k in bot.sessions_by_user[uid].keys]:
                if bot.sessions[old]["status"] == "Active":
                    self._close_session(bot, old, rng)
            sid = self._create_session(bot, uid)
            self._create_message(bot, sid, "User", None, None, generate=True)
            self._create_message(bot, sid, "Bot", None, None, generate=True)
            return f"new_session {sid} of user {uid} in {bot.id} (+2 messages)"
        if kind == "new_message":
            if not bot.sessions:
                return None
            sid = rng.choice(list(bot.sessions))
            latest = bot.messages_by_session[sid].latest()
            sender = "Bot" if latest and bot.messages[latest]["senderType"] == "User" else "User"
            mid = self._create_message(bot, sid, sender, None, None, generate=True)
            return f"new_message {mid} ({sender}) in session {sid} of {bot.id}"
        if kind == "session_update":
            closed = [sid for sid, s in bot.sessions.items() if s["status"] == "Closed"]
            if not closed:
                return None
            sid = rng.choice(closed)
            rec = bot.sessions[sid]
            changes: dict[str, Any] = {}
            for name in rng.sample(
                ("summary", "score", "sentiment", "result", "tags"), rng.randint(1, 3)
            ):
                if name == "summary":
                    changes[name] = synth.session_topic(rng)[2] + " Follow-up review added."
                elif name == "score":
                    changes[name] = round(rng.uniform(1.0, 10.0), 1)
                elif name == "sentiment":
                    changes[name] = rng.choice(_SENTIMENTS)
                elif name == "result":
                    changes[name] = rng.choice(_RESULTS)
                else:
                    changes[name] = synth.session_tags(rng)
            self._apply(rec, changes, frozenset())
            return f"session_update {sid} in {bot.id}: {', '.join(sorted(changes))}"
        if kind == "session_close":
            active = [sid for sid, s in bot.sessions.items() if s["status"] == "Active"]
            if not active:
                return None
            sid = rng.choice(active)
            self._close_session(bot, sid, rng)
            return f"session_close {sid} in {bot.id}"
        if kind == "user_update":
            if not bot.users:
                return None
            uid = rng.choice(list(bot.users))
            rec = bot.users[uid]
            person = synth.make_person(rng)
            what = rng.choice(("email", "phoneNumber", "dataDictionary", "lastName"))
            if what == "email":
                value: Any = person.email
            elif what == "phoneNumber":
                value = person.phone
            elif what == "dataDictionary":
                value = {**(rec.get("dataDictionary") or {}), "city": person.city}
            else:
                value = person.last_name
            self._apply(rec, {what: value}, frozenset())
            self._refresh_user_planted(bot, uid, None)
            return f"user_update {uid} in {bot.id}: {what}"
        if kind == "delete_message":
            if not bot.messages:
                return None
            mid = rng.choice(list(bot.messages))
            self._delete_message(bot, mid)
            return f"delete_message {mid} in {bot.id}"
        if kind == "delete_session":
            if not bot.sessions:
                return None
            sid = rng.choice(list(bot.sessions))
            self._delete_session(bot, sid)
            return f"delete_session {sid} in {bot.id}"
        if kind == "delete_user":
            if len(bot.users) < 2:
                return None
            uid = rng.choice(list(bot.users))
            self._delete_user(bot, uid)
            return f"delete_user {uid} in {bot.id}"
        raise ValueError(f"unknown change kind {kind!r}")

    def _close_session(self, bot: _Bot, sid: str, rng: random.Random) -> None:
        rec = bot.sessions[sid]
        rec["status"] = "Closed"
        self._analyse_session(bot, rec, rng)
        rec["updatedAt"] = _fmt(self._stamp())

    # ----- HTTP ------------------------------------------------------------------------------

    def _route(self, req: SimRequest) -> tuple[_Route | None, str | None]:
        """(route, error) where error is "404" or "405" when the path or method is wrong."""
        parts = [unquote(p) for p in req.path.split("/")]
        if len(parts) > 1 and parts[-1] == "":
            parts = parts[:-1]
        if len(parts) < 5 or parts[1].lower() != "api" or parts[2].lower() != "dev":
            return None, "404"
        bot_id, kind = parts[3], parts[4].lower()
        item = parts[5] if len(parts) == 6 else None
        if len(parts) > 6 or not bot_id:
            return None, "404"
        if kind == "message" and item is None:
            counter, method = "message.send", "POST"
        elif kind in ("users", "sessions", "messages"):
            counter, method = f"{kind}.{'get' if item else 'list'}", "GET"
        else:
            return None, "404"
        if req.method != method:
            return None, "405"
        return _Route(counter, bot_id, item), None

    def _app(self, req: SimRequest) -> SimResponse:
        route, error = self._route(req)
        self._counters.incr("total", route.counter if route else "other")
        if route is None:
            headers = [("Allow", "GET, POST")] if error == "405" else []
            response = SimResponse(405 if error == "405" else 404, headers=headers)
        else:
            response = self._serve(req, route)
        if self.response_hook is not None:
            response = self.response_hook(req, response)
        if response.drop_after_seconds is None:
            response.delay_seconds += max(0.0, float(self.latency_seconds))
            self._counters.incr(f"status.{response.status}")
        else:
            self._counters.incr("status.dropped")
        return response

    def _error(
        self, status: int, message: str, headers: list[tuple[str, str]] | None = None
    ) -> SimResponse:
        return json_response(status, {"data": None, "error": message}, headers or [])

    def _problem(self, errors: dict[str, list[str]], headers: list[tuple[str, str]]) -> SimResponse:
        with self._lock:
            trace = (
                f"00-{self._trace_rng.getrandbits(128):032x}-"
                f"{self._trace_rng.getrandbits(64):016x}-00"
            )
        body = {
            "type": "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            "title": "One or more validation errors occurred.",
            "status": 400,
            "errors": errors,
            "traceId": trace,
        }
        return SimResponse(400, json_bytes(body), _PROBLEM, list(headers))

    def _authenticate(
        self, req: SimRequest, route: _Route
    ) -> tuple[str | None, SimResponse | None]:
        key = req.header("X-API-Key")
        signature = req.header("X-Signature")
        stamp = req.header("X-Timestamp")
        if not key or not signature or not stamp:
            return None, self._error(401, "Missing authentication headers.")
        entry = self._keys.get(key)
        if entry is None:
            return None, self._error(401, "Invalid API key.")
        secret, allowed = entry
        if not stamp.isdigit():
            return None, self._error(401, "Invalid timestamp.")
        payload = b"\n".join(
            (
                req.method.encode("latin-1"),
                req.raw_path.encode("latin-1"),
                req.body,
                stamp.encode("latin-1"),
            )
        )
        expected = base64.b64encode(
            hmac.new(secret.encode("utf-8"), payload, hashlib.sha256).digest()
        )
        if not hmac.compare_digest(expected, signature.encode("latin-1")):
            return None, self._error(401, "Invalid signature.")
        if abs(int(stamp) - self._clock.unix()) > TIMESTAMP_WINDOW_SECONDS:
            return None, self._error(401, "Request timestamp is outside the allowed window.")
        if route.chatbot_id not in self._bots:
            return key, self._error(404, "Chatbot not found.")
        if route.chatbot_id not in allowed:
            return key, self._error(403, "API key does not have access to this chatbot.")
        return key, None

    def _serve(self, req: SimRequest, route: _Route) -> SimResponse:
        key, failure = self._authenticate(req, route)
        if failure is not None or key is None:
            return failure or self._error(401, "Invalid API key.")
        now = self._clock.unix()
        if route.counter == "message.send":
            limit = int(self.send_limit_per_day)
            allowed, remaining, reset = self._send_limiter.hit(route.chatbot_id, limit, 86_400, now)
        else:
            limit = int(self.rate_limit_per_minute)
            allowed, remaining, reset = self._read_limiter.hit(key, limit, 60, now)
        rate_headers = [
            ("X-RateLimit-Limit", str(limit)),
            ("X-RateLimit-Remaining", str(remaining)),
            ("X-RateLimit-Reset", str(reset)),
        ]
        if not allowed:
            return self._error(429, "Rate limit exceeded.", rate_headers)
        fault = self._faults.draw(self.fault_rates)
        if fault is not None:
            if fault.kind == "429":
                limited = [*rate_headers[:1], ("X-RateLimit-Remaining", "0"), rate_headers[2]]
                return self._error(429, "Rate limit exceeded.", limited)
            if fault.kind == "5xx":
                return self._server_error(fault.variant, rate_headers)
            if fault.kind == "timeout":
                return SimResponse.drop(max(0.0, float(self.timeout_seconds)))
        response = self._endpoint(req, route, rate_headers)
        if fault is not None and fault.kind == "malformed":
            return self._malform(response, fault.variant, rate_headers)
        return response

    def _server_error(self, variant: float, headers: list[tuple[str, str]]) -> SimResponse:
        if variant < 1 / 3:
            return self._error(500, "An unexpected error occurred.", headers)
        if variant < 2 / 3:
            return text_response(502, html_error_page(502, "Bad Gateway"), "text/html", headers)
        if variant < 5 / 6:
            return text_response(
                503, html_error_page(503, "Service Temporarily Unavailable"), "text/html", headers
            )
        return self._error(503, "Service is temporarily unavailable.", headers)

    def _malform(
        self, response: SimResponse, variant: float, headers: list[tuple[str, str]]
    ) -> SimResponse:
        if variant < 0.5:
            body = response.body or b'{"data":null}'
            cut = max(1, min(len(body) - 1, int(len(body) * (0.1 + variant * 1.6))))
            return SimResponse(200, body[:cut], _JSON, headers)
        page = (
            "<!DOCTYPE html><html><head><title>Maintenance</title></head><body>"
            "<h1>We'll be back soon</h1><p>Scheduled maintenance in progress.</p>"
            "</body></html>"
        )
        return text_response(200, page, "text/html; charset=utf-8", headers)

    def _endpoint(
        self, req: SimRequest, route: _Route, headers: list[tuple[str, str]]
    ) -> SimResponse:
        try:
            if route.counter == "message.send":
                return self._send(req, route.chatbot_id, headers)
            kind, action = route.counter.split(".")
            if action == "get":
                return self._get_one(route.chatbot_id, kind, route.item_id or "", headers)
            return self._list(req, route.chatbot_id, kind, headers)
        except _Problem as problem:
            return self._problem(problem.errors, headers)

    @staticmethod
    def _envelope(
        data: Any, total: int = 0, size: int = 0, page: int = 0, pages: int = 0
    ) -> dict[str, Any]:
        return {
            "data": data,
            "error": None,
            "totalItems": total,
            "pageSize": size,
            "currentPage": page,
            "totalPages": pages,
        }

    def _get_one(
        self, chatbot_id: str, kind: str, item_id: str, headers: list[tuple[str, str]]
    ) -> SimResponse:
        with self._lock:
            bot = self._bots[chatbot_id]
            if kind == "users":
                rec = bot.users.get(item_id)
                if rec is None:
                    return self._error(404, "User not found.", headers)
                data: Record = rec
            elif kind == "sessions":
                rec = bot.sessions.get(item_id)
                if rec is None:
                    return self._error(404, "Session not found.", headers)
                data = {k: v for k, v in rec.items() if k not in SESSION_GET_OMITS}
            else:
                rec = bot.messages.get(item_id)
                if rec is None:
                    return self._error(404, "Message not found.", headers)
                data = {
                    k: v for k, v in rec.items() if not (k in ("url", "responseTime") and v is None)
                }
            body = json_bytes(self._envelope(data))
        return SimResponse(200, body, _JSON, headers)

    @staticmethod
    def _int_param(req: SimRequest, name: str, default: int) -> int:
        raw = req.param(name)
        if raw is None:
            return default
        try:
            value = int(raw.strip())
        except ValueError:
            raise _Problem({name: [f"The value '{raw}' is not valid."]}) from None
        if value < 1 or value > 2_147_483_647:
            raise _Problem({name: [f"The field {name} must be between 1 and 2147483647."]})
        return value

    def _filtered(self, bot: _Bot, kind: str, req: SimRequest) -> _Index:
        if kind == "users":
            return bot.users_idx
        user_id = req.param("userId") or None
        if kind == "sessions":
            if user_id is None:
                return bot.sessions_idx
            return bot.sessions_by_user.get(user_id) or _Index()
        session_id = req.param("sessionId") or None
        if session_id is not None:
            index = bot.messages_by_session.get(session_id) or _Index()
            if user_id is None:
                return index
            return _Index([k for k in index.keys if bot.messages[k[2]]["chatUserId"] == user_id])
        if user_id is not None:
            return bot.messages_by_user.get(user_id) or _Index()
        return bot.messages_idx

    def _list(
        self, req: SimRequest, chatbot_id: str, kind: str, headers: list[tuple[str, str]]
    ) -> SimResponse:
        page = self._int_param(req, "page", 1)
        size = min(self._int_param(req, "pageSize", 20), max(1, int(self.page_size_cap)))
        offset = (page - 1) * size
        with self._lock:
            bot = self._bots[chatbot_id]
            if page > 1 and (self.drift_deletes > 0 or self.drift_inserts > 0):
                self._drift(bot, kind, req, offset)
            index = self._filtered(bot, kind, req)
            records = (
                bot.users
                if kind == "users"
                else (bot.sessions if kind == "sessions" else bot.messages)
            )
            data = [records[i] for i in index.newest(offset, size)]
            total = len(index)
            body = json_bytes(self._envelope(data, total, size, page, math.ceil(total / size)))
        return SimResponse(200, body, _JSON, headers)

    def _drift(self, bot: _Bot, kind: str, req: SimRequest, offset: int) -> None:
        """Change the list being paged: delete records before `offset`, then add newer ones."""
        rng = self._rng
        if self.drift_deletes > 0:
            ranked = self._filtered(bot, kind, req).newest(0, offset)
            victims = rng.sample(ranked, min(int(self.drift_deletes), len(ranked)))
            for victim in victims:
                if kind == "users" and victim in bot.users:
                    self._delete_user(bot, victim)
                elif kind == "sessions" and victim in bot.sessions:
                    self._delete_session(bot, victim)
                elif kind == "messages" and victim in bot.messages:
                    self._delete_message(bot, victim)
        for _ in range(max(0, int(self.drift_inserts))):
            listed = self._filtered(bot, kind, req).keys
            floor = listed[-1][0] if listed else 0
            if kind == "users":
                self._create_user(bot, synth.make_person(rng), floor=floor)
                continue
            user_id = req.param("userId") or None
            if kind == "sessions":
                if user_id is None and bot.users:
                    user_id = rng.choice(list(bot.users))
                if user_id in bot.users:
                    self._create_session(bot, user_id, floor=floor)
                continue
            sid = self._drift_session(bot, req, rng)
            if sid is None:
                continue
            latest = bot.messages_by_session[sid].latest()
            sender = "Bot" if latest and bot.messages[latest]["senderType"] == "User" else "User"
            self._create_message(bot, sid, sender, None, None, generate=True, floor=floor)

    def _drift_session(self, bot: _Bot, req: SimRequest, rng: random.Random) -> str | None:
        user_id = req.param("userId") or None
        session_id = req.param("sessionId") or None
        if session_id is not None:
            session = bot.sessions.get(session_id)
            if session is None or (user_id is not None and session["chatUserId"] != user_id):
                return None
            return session_id
        if user_id is not None:
            index = bot.sessions_by_user.get(user_id)
            return rng.choice(index.keys)[2] if index else None
        return rng.choice(list(bot.sessions)) if bot.sessions else None

    def _send(
        self, req: SimRequest, chatbot_id: str, headers: list[tuple[str, str]]
    ) -> SimResponse:
        content_type = (req.header("Content-Type") or "").split(";")[0].strip().lower()
        if content_type != "application/json":
            body = {
                "type": "https://tools.ietf.org/html/rfc9110#section-15.5.16",
                "title": "Unsupported Media Type",
                "status": 415,
            }
            return SimResponse(415, json_bytes(body), _PROBLEM, headers)
        user_id, name, content, file_url = self._parse_send(req.body)
        with self._lock:
            bot = self._bots[chatbot_id]
            uid = user_id if user_id in bot.users else bot.external_ids.get(user_id)
            if uid is None or uid not in bot.users:
                first, _, last = name.strip().partition(" ")
                person = dataclasses.replace(
                    synth.make_person(self._rng),
                    first_name=first or name,
                    last_name=last,
                    username=user_id,
                )
                uid = self._create_user(bot, person, full_profile=False)
                bot.external_ids[user_id] = uid
            sid = next(
                (
                    k[2]
                    for k in reversed(bot.sessions_by_user[uid].keys)
                    if bot.sessions[k[2]]["status"] == "Active"
                ),
                None,
            )
            if sid is None:
                sid = self._create_session(bot, uid)
            self._create_message(bot, sid, "User", content, file_url, generate=False)
            reply_id = self._create_message(bot, sid, "Bot", None, None, generate=True)
            reply = bot.messages[reply_id]["text"]
        return json_response(200, self._envelope(reply), headers)

    @staticmethod
    def _parse_send(body: bytes) -> tuple[str, str, str, str | None]:
        if not body.strip():
            raise _Problem({"": ["A non-empty request body is required."]})
        try:
            doc = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            raise _Problem(
                {"$": ["The JSON value could not be converted to SendMessageRequest."]}
            ) from None
        if not isinstance(doc, dict):
            raise _Problem({"$": ["The JSON value could not be converted to SendMessageRequest."]})
        raw_user, raw_message = doc.get("user"), doc.get("message")
        user: dict[str, Any] = raw_user if isinstance(raw_user, dict) else {}
        message: dict[str, Any] = raw_message if isinstance(raw_message, dict) else {}
        errors: dict[str, list[str]] = {}

        def required(obj: dict[str, Any], path: str, name: str) -> str:
            value = obj.get(name)
            if not isinstance(value, str) or not value.strip():
                errors[path] = [f"The {path} field is required."]
                return ""
            return value

        user_id = required(user, "user.id", "id")
        name = required(user, "user.name", "name")
        content = required(message, "message.content", "content")
        file_url = message.get("file")
        if file_url is not None and not (
            isinstance(file_url, str) and file_url.startswith(("http://", "https://"))
        ):
            errors["message.file"] = [
                "The message.file field is not a valid fully-qualified http or https URL."
            ]
            file_url = None
        if errors:
            raise _Problem(errors)
        return user_id, name, content, file_url
