"""The Peki simulator's data: a seeded history of users, sessions and messages per chatbot,
the indexes its lists are read from, and the changes a live platform makes to it.

Nothing here knows about HTTP; ``peki.PekiSimulator`` serves these records with Peki's auth,
envelope, paging and rate limits. Callers of the underscore-free methods need not hold the lock;
the others are called with it held.
"""

from __future__ import annotations

import copy
import dataclasses
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from archiver.simulators import synth
from archiver.simulators.common import (
    Key,
    OrderedIndex,
    PlatformData,
    fmt_ms,
    long_open_times,
    page,
)

Record = dict[str, Any]
Planted = list[tuple[str, str]]

SOURCES = ("Web", "Web", "Web", "WhatsApp", "WhatsApp", "Telegram", "Instagram", "Dev")
BEHAVIOURS = ("Calm", "Urgent", "Confused", "Frustrated", "Curious")
RESULTS = ("Resolved", "Resolved", "Pending", "Escalated", "Unresolved")
SENTIMENTS = ("Positive", "Neutral", "Negative")
LANGUAGES = ("en", "en", "en", "tr", "de")
PLANS = ("Free", "Basic", "Pro", "Enterprise")
CHANGE_WEIGHTS: tuple[tuple[str, int], ...] = (
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
CHANGE_KINDS: tuple[str, ...] = tuple(kind for kind, _ in CHANGE_WEIGHTS)
KINDS = ("users", "sessions", "messages")
_B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def _base62(value: int, width: int) -> str:
    out = []
    for _ in range(width):
        value, digit = divmod(value, 62)
        out.append(_B62[digit])
    return "".join(out)


@dataclass
class Bot:
    """One chatbot's records and the indexes its lists are read from (by createdAt)."""

    id: str
    users: dict[str, Record] = field(default_factory=dict)
    sessions: dict[str, Record] = field(default_factory=dict)
    messages: dict[str, Record] = field(default_factory=dict)
    persons: dict[str, synth.Person] = field(default_factory=dict)
    users_idx: OrderedIndex = field(default_factory=OrderedIndex)
    sessions_idx: OrderedIndex = field(default_factory=OrderedIndex)
    messages_idx: OrderedIndex = field(default_factory=OrderedIndex)
    sessions_by_user: dict[str, OrderedIndex] = field(default_factory=dict)
    messages_by_session: dict[str, OrderedIndex] = field(default_factory=dict)
    messages_by_user: dict[str, OrderedIndex] = field(default_factory=dict)
    #: The ``user.id`` a send request named → the user it created.
    external_ids: dict[str, str] = field(default_factory=dict)
    profile_planted: dict[str, Planted] = field(default_factory=dict)

    def records(self, kind: str) -> dict[str, Record]:
        """The users, sessions or messages by id."""
        return {"users": self.users, "sessions": self.sessions}.get(kind, self.messages)

    def listing(self, kind: str, user_id: str | None, session_id: str | None) -> list[Key]:
        """Keys of a list (oldest first) with the documented filters; users have none."""
        if kind == "users":
            return self.users_idx.keys
        if kind == "sessions":
            if user_id is None:
                return self.sessions_idx.keys
            index = self.sessions_by_user.get(user_id)
            return index.keys if index else []
        if session_id is not None:
            index = self.messages_by_session.get(session_id)
            keys = index.keys if index else []
            if user_id is None:
                return keys
            return [k for k in keys if self.messages[k[2]]["chatUserId"] == user_id]
        if user_id is not None:
            index = self.messages_by_user.get(user_id)
            return index.keys if index else []
        return self.messages_idx.keys

    def next_sender(self, sid: str) -> str:
        """Who writes next in a session: the bot after its user, else the user."""
        latest = self.messages_by_session[sid].latest()
        after_user = latest is not None and self.messages[latest[2]]["senderType"] == "User"
        return "Bot" if after_user else "User"


class PekiData(PlatformData):
    """Peki's records per chatbot, seeded from ``seed`` and changed like a live platform."""

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
        clock_skew_seconds: float = 0.0,
    ) -> None:
        super().__init__("peki", seed, clock_skew_seconds)
        #: ``updatedAt`` moves when a record changes (off: changes leave it where it was).
        self.updated_at_moves = True
        self.bots: dict[str, Bot] = {bot_id: Bot(bot_id) for bot_id in chatbot_ids}
        self.order: dict[str, Key] = {}  # every id ever given, across bots: never reused
        build_rng = random.Random(f"peki:{seed}:history")
        for bot in self.bots.values():
            self._build_history(
                bot,
                build_rng,
                users_per_bot,
                sessions_per_user,
                messages_per_session,
                history_days,
                long_open_fraction,
            )

    def stamp(self, floor: int = 0) -> int:
        """As ``PlatformData.stamp``, but under ``equal_timestamps`` a write ties with the previous
        write, not with the latest time ever written: after the clock was moved back, a tie is
        not dated later than the clock (or ``floor``)."""
        self.last_stamp = ts = super().stamp(floor)
        return ts

    # ----- reading ---------------------------------------------------------------------------

    def bot(self, chatbot_id: str) -> Bot:
        try:
            return self.bots[chatbot_id]
        except KeyError:
            raise KeyError(f"unknown chatbot {chatbot_id!r}") from None

    def _record(self, chatbot_id: str, kind: str, rec_id: str) -> tuple[Bot, Record]:
        """A chatbot's user, session or message; KeyError naming what is unknown."""
        bot = self.bot(chatbot_id)
        rec = bot.records(kind).get(rec_id)
        if rec is None:
            raise KeyError(f"unknown {kind[:-1]} {rec_id!r}")
        return bot, rec

    def truth(self, chatbot_id: str) -> dict[str, dict[str, dict[str, Any]]]:
        with self.lock:
            bot = self.bots[chatbot_id]
            return {kind: copy.deepcopy(bot.records(kind)) for kind in KINDS}

    def long_open_session_ids(self, chatbot_id: str, *, days: float = 14.0) -> list[str]:
        """Sessions still Active that were created at least ``days`` ago."""
        cutoff = fmt_ms(self.clock.unix_ms() - int(days * 86_400_000))
        with self.lock:
            return sorted(
                s
                for s, r in self.bot(chatbot_id).sessions.items()
                if r["status"] == "Active" and r["createdAt"] <= cutoff
            )

    # ----- records ---------------------------------------------------------------------------

    def _new_id(self) -> str:
        if self.next_ids:
            return self.next_ids.pop(0)
        new = self.new_hex()
        while new in self.order:
            new = self.new_hex()
        return new

    def _register(self, rec_id: str, ts: int) -> Key:
        key = (ts, self.next_seq(), rec_id)
        self.order[rec_id] = key
        return key

    def _user_record(
        self,
        bot: Bot,
        uid: str,
        person: synth.Person,
        ts: int,
        rng: random.Random,
        *,
        full_profile: bool,
    ) -> Record:
        source = rng.choice(SOURCES) if full_profile else "Dev"
        data: dict[str, Any] = {}
        if full_profile and rng.random() < 0.7:
            data["city"] = person.city
        if full_profile and rng.random() < 0.4:
            data["plan"] = rng.choice(PLANS)
        if full_profile and rng.random() < 0.2:
            data["customerNo"] = f"C-{rng.randint(10000, 99999)}"
        return {
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
            "createdAt": fmt_ms(ts),
            "updatedAt": fmt_ms(ts),
        }

    def _add_user(
        self, bot: Bot, rec: Record, person: synth.Person, key: Key, *, bulk: bool = False
    ) -> None:
        uid = rec["id"]
        bot.users[uid] = rec
        bot.persons[uid] = person
        bot.sessions_by_user[uid] = OrderedIndex()
        bot.messages_by_user[uid] = OrderedIndex()
        _index(bot.users_idx, key, bulk)
        self._refresh_user_planted(bot, uid, [])

    def _refresh_user_planted(self, bot: Bot, uid: str, last_text_planted: Planted | None) -> None:
        """A user's planted values: their profile's, then their last text's (kept when None)."""
        rec = bot.users[uid]
        profile: Planted = []
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

    def _session_record(self, bot: Bot, sid: str, uid: str, ts: int, rng: random.Random) -> Record:
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
            "language": rng.choice(LANGUAGES),
            "tags": [],
            "chatUserName": name or None,
            "source": user.get("source") or "Dev",
            "tokenCount": 0,
            "createdAt": fmt_ms(ts),
            "updatedAt": fmt_ms(ts),
        }
        if name:
            self.planted[sid] = [("name", name)]
        return rec

    @staticmethod
    def _analyse_session(rec: Record, rng: random.Random) -> None:
        """Fill what the platform derives after a conversation: summary, score, sentiment, ..."""
        subject, category, summary = synth.session_topic(rng, rec.get("subject"))
        name = rec.get("chatUserName")
        if name and rng.random() < 0.3:
            summary = summary.replace("User", str(name), 1)
        rec["subject"] = rec.get("subject") or subject
        rec["summary"] = summary
        rec["behaviour"] = rng.choice(BEHAVIOURS)
        rec["result"] = rng.choice(RESULTS)
        rec["score"] = round(rng.uniform(1.0, 10.0), 1)
        rec["category"] = category
        rec["sentiment"] = rng.choice(SENTIMENTS)
        rec["tags"] = synth.session_tags(rng)

    @staticmethod
    def _add_session(bot: Bot, rec: Record, key: Key, *, bulk: bool = False) -> None:
        sid = rec["id"]
        bot.sessions[sid] = rec
        bot.messages_by_session[sid] = OrderedIndex()
        _index(bot.sessions_idx, key, bulk)
        _index(bot.sessions_by_user[rec["chatUserId"]], key, bulk)

    @staticmethod
    def _message_record(
        bot: Bot,
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
            "createdAt": fmt_ms(ts),
        }

    @staticmethod
    def _add_message(bot: Bot, rec: Record, key: Key, *, bulk: bool = False) -> None:
        bot.messages[rec["id"]] = rec
        _index(bot.messages_idx, key, bulk)
        _index(bot.messages_by_session[rec["chatSessionId"]], key, bulk)
        _index(bot.messages_by_user[rec["chatUserId"]], key, bulk)

    @staticmethod
    def _user_text(
        bot: Bot, uid: str, rng: random.Random
    ) -> tuple[str | None, str | None, Planted]:
        person = bot.persons.get(uid) or synth.make_person(rng)
        if rng.random() < 0.04:
            url = f"https://cdn.peki.ai/uploads/{rng.getrandbits(64):016x}.jpg"
            return (None if rng.random() < 0.5 else "See the attached photo."), url, []
        text, planted = synth.generate_text(rng, person)
        return text, None, planted

    # ----- seeded history --------------------------------------------------------------------

    def _build_history(
        self,
        bot: Bot,
        rng: random.Random,
        users: int,
        sessions_per_user: tuple[int, int],
        messages_per_session: tuple[int, int],
        history_days: int,
        long_open_fraction: float = 0.0,
    ) -> None:
        now = self.clock.unix_ms()
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
            self._add_user(bot, user, person, self._register(uid, user_ts), bulk=True)
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
                self._add_session(bot, session, self._register(sid, start), bulk=True)
                t = start
                last = start
                sender = "User"
                user_planted: Planted = []
                planned = long_open[1] if long_open is not None else None
                count = len(planned) if planned is not None else rng.randint(*messages_per_session)
                for m in range(count):
                    if planned is not None:
                        t = planned[m]
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
                    self._add_message(bot, msg, self._register(mid, t), bulk=True)
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
                    session["updatedAt"] = fmt_ms(last)
                else:
                    session["status"] = "Closed"
                    self._analyse_session(session, rng)
                    closed = min(now - 1000, last + int(rng.uniform(60_000, 1_800_000)))
                    session["updatedAt"] = fmt_ms(max(closed, last))
                cursor = max(t, last)
                newest = max(newest, last)
            updated = user_ts
            if last_user_msg is not None:
                ts, msg = last_user_msg
                user["messageTimestamp"] = fmt_ms(ts)
                user["lastReceivedText"] = msg["text"] or msg["url"]
                updated = max(updated, ts)
                self._refresh_user_planted(bot, uid, self.planted.get(msg["id"], []))
            user["updatedAt"] = fmt_ms(updated)
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
        self.last_stamp = max(self.last_stamp, newest)

    # ----- live changes ----------------------------------------------------------------------

    def add_user(self, chatbot_id: str) -> str:
        with self.lock:
            return self.create_user(self.bot(chatbot_id), synth.make_person(self.rng))

    def create_user(
        self, bot: Bot, person: synth.Person, *, full_profile: bool = True, floor: int = 0
    ) -> str:
        uid = self._new_id()
        ts = self.stamp(floor)
        rec = self._user_record(bot, uid, person, ts, self.rng, full_profile=full_profile)
        self._add_user(bot, rec, person, self._register(uid, ts))
        return uid

    def add_session(self, chatbot_id: str, user_id: str) -> str:
        """A new Active session without messages; other sessions are left as they are."""
        with self.lock:
            bot, _ = self._record(chatbot_id, "users", user_id)
            return self.create_session(bot, user_id)

    def create_session(self, bot: Bot, uid: str, *, floor: int = 0) -> str:
        sid = self._new_id()
        ts = self.stamp(floor)
        rec = self._session_record(bot, sid, uid, ts, self.rng)
        self._add_session(bot, rec, self._register(sid, ts))
        return sid

    def add_message(
        self, chatbot_id: str, session_id: str, text: str | None = None, sender: str = "User"
    ) -> str:
        """Append a message; with no text a synthetic one is generated and its values planted."""
        if sender not in ("User", "Bot"):
            raise ValueError("sender must be 'User' or 'Bot'")
        with self.lock:
            bot, _ = self._record(chatbot_id, "sessions", session_id)
            return self.create_message(bot, session_id, sender, text, None, generate=text is None)

    def create_message(
        self,
        bot: Bot,
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
        planted: Planted = []
        if generate:
            if sender == "User":
                text, url, planted = self._user_text(bot, uid, self.rng)
            else:
                person = bot.persons.get(uid) or synth.make_person(self.rng)
                last_user = self._last_user_planted(bot, sid)
                text, planted = synth.generate_reply(self.rng, person, last_user)
        mid = self._new_id()
        ts = self.stamp(floor)
        msg = self._message_record(bot, mid, session, sender, text, url, ts, self.rng)
        self._add_message(bot, msg, self._register(mid, ts))
        if planted:
            self.planted[mid] = planted
        stamp = fmt_ms(ts)
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

    def _last_user_planted(self, bot: Bot, sid: str) -> Planted:
        index = bot.messages_by_session.get(sid)
        if index is None:
            return []
        for mid in page(index.keys, 0, 4):
            if bot.messages[mid]["senderType"] == "User":
                return list(self.planted.get(mid, []))
        return []

    def update_session(self, chatbot_id: str, session_id: str, **fields: Any) -> None:
        with self.lock:
            _, rec = self._record(chatbot_id, "sessions", session_id)
            self._apply(rec, fields, frozenset({"id", "chatbotId", "chatUserId", "createdAt"}))

    def update_user(self, chatbot_id: str, user_id: str, **fields: Any) -> None:
        with self.lock:
            bot, rec = self._record(chatbot_id, "users", user_id)
            self._apply(rec, fields, frozenset({"id", "chatbotId", "createdAt"}))
            self._refresh_user_planted(bot, user_id, None)

    def _apply(self, rec: Record, fields: dict[str, Any], fixed: frozenset[str]) -> None:
        unknown = [name for name in fields if name not in rec or name in fixed]
        if unknown:
            raise ValueError(f"cannot set {', '.join(sorted(unknown))}")
        rec.update(copy.deepcopy(fields))
        if "updatedAt" not in fields and self.updated_at_moves:
            rec["updatedAt"] = fmt_ms(self.stamp())

    def edit_message(self, chatbot_id: str, message_id: str, text: str) -> None:
        """A message whose text changes in place (messages have no update time)."""
        with self.lock:
            _, rec = self._record(chatbot_id, "messages", message_id)
            rec["text"] = text

    def _delete_message(self, bot: Bot, mid: str) -> None:
        rec = bot.messages.pop(mid)
        key = self.order[mid]
        bot.messages_idx.remove(key)
        for index in (
            bot.messages_by_session.get(rec["chatSessionId"]),
            bot.messages_by_user.get(rec["chatUserId"]),
        ):
            if index is not None:
                index.remove(key)

    def _delete_session(self, bot: Bot, sid: str) -> None:
        for mid in [k[2] for k in bot.messages_by_session[sid].keys]:
            self._delete_message(bot, mid)
        rec = bot.sessions.pop(sid)
        del bot.messages_by_session[sid]
        key = self.order[sid]
        bot.sessions_idx.remove(key)
        user_index = bot.sessions_by_user.get(rec["chatUserId"])
        if user_index is not None:
            user_index.remove(key)

    def _delete_user(self, bot: Bot, uid: str) -> None:
        for sid in [k[2] for k in bot.sessions_by_user[uid].keys]:
            self._delete_session(bot, sid)
        for mid in [k[2] for k in bot.messages_by_user[uid].keys]:
            self._delete_message(bot, mid)
        del bot.users[uid]
        del bot.sessions_by_user[uid]
        del bot.messages_by_user[uid]
        bot.persons.pop(uid, None)
        bot.external_ids = {k: v for k, v in bot.external_ids.items() if v != uid}
        bot.users_idx.remove(self.order[uid])

    def delete(self, chatbot_id: str, kind: str, rec_id: str) -> None:
        """Delete a message, a session with its messages, or a user with everything theirs."""
        with self.lock:
            bot, _ = self._record(chatbot_id, kind, rec_id)
            self._delete(bot, kind, rec_id)

    def _delete(self, bot: Bot, kind: str, rec_id: str) -> None:
        if kind == "users":
            self._delete_user(bot, rec_id)
        elif kind == "sessions":
            self._delete_session(bot, rec_id)
        else:
            self._delete_message(bot, rec_id)

    def _close_session(self, bot: Bot, sid: str, rng: random.Random) -> None:
        rec = bot.sessions[sid]
        rec["status"] = "Closed"
        self._analyse_session(rec, rng)
        rec["updatedAt"] = fmt_ms(self.stamp())

    def send(
        self, bot: Bot, user_id: str, name: str, content: str, file_url: str | None
    ) -> str | None:
        """What the send endpoint does: the user (created if new) writes in their Active session
        (opened if none) and the bot answers; returns the reply's text."""
        uid = user_id if user_id in bot.users else bot.external_ids.get(user_id)
        if uid is None or uid not in bot.users:
            first, _, last = name.strip().partition(" ")
            person = dataclasses.replace(
                synth.make_person(self.rng),
                first_name=first or name,
                last_name=last,
                username=user_id,
            )
            uid = self.create_user(bot, person, full_profile=False)
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
            sid = self.create_session(bot, uid)
        self.create_message(bot, sid, "User", content, file_url, generate=False)
        reply_id = self.create_message(bot, sid, "Bot", None, None, generate=True)
        reply: str | None = bot.messages[reply_id]["text"]
        return reply

    def random_change(self, bot: Bot, kind: str, rng: random.Random) -> str | None:
        """One live change of ``kind``; None when the bot has nothing to change that way."""
        if kind == "new_user":
            uid = self.create_user(bot, synth.make_person(self.rng))
            return f"new_user {uid} in {bot.id}"
        if kind == "new_session":
            if not bot.users:
                return None
            uid = rng.choice(list(bot.users))
            for old in [k[2] for k in bot.sessions_by_user[uid].keys]:
                if bot.sessions[old]["status"] == "Active":
                    self._close_session(bot, old, rng)
            sid = self.create_session(bot, uid)
            self.create_message(bot, sid, "User", None, None, generate=True)
            self.create_message(bot, sid, "Bot", None, None, generate=True)
            return f"new_session {sid} of user {uid} in {bot.id} (+2 messages)"
        if kind == "new_message":
            if not bot.sessions:
                return None
            sid = rng.choice(list(bot.sessions))
            sender = bot.next_sender(sid)
            mid = self.create_message(bot, sid, sender, None, None, generate=True)
            return f"new_message {mid} ({sender}) in session {sid} of {bot.id}"
        if kind == "session_update":
            closed = [sid for sid, s in bot.sessions.items() if s["status"] == "Closed"]
            if not closed:
                return None
            sid = rng.choice(closed)
            changes: dict[str, Any] = {}
            for name in rng.sample(
                ("summary", "score", "sentiment", "result", "tags"), rng.randint(1, 3)
            ):
                if name == "summary":
                    changes[name] = synth.session_topic(rng)[2] + " Follow-up review added."
                elif name == "score":
                    changes[name] = round(rng.uniform(1.0, 10.0), 1)
                elif name == "sentiment":
                    changes[name] = rng.choice(SENTIMENTS)
                elif name == "result":
                    changes[name] = rng.choice(RESULTS)
                else:
                    changes[name] = synth.session_tags(rng)
            self._apply(bot.sessions[sid], changes, frozenset())
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
        doomed = {
            "delete_message": "messages",
            "delete_session": "sessions",
            "delete_user": "users",
        }.get(kind)
        if doomed is not None:
            records = bot.records(doomed)
            if len(records) < (2 if doomed == "users" else 1):  # a bot keeps one user
                return None
            victim = rng.choice(list(records))
            self._delete(bot, doomed, victim)
            return f"{kind} {victim} in {bot.id}"
        raise ValueError(f"unknown change kind {kind!r}")

    def drift(
        self,
        bot: Bot,
        kind: str,
        user_id: str | None,
        session_id: str | None,
        offset: int,
        *,
        inserts: int,
        deletes: int,
    ) -> None:
        """Change a list being paged: delete records before ``offset``, then add newer ones."""
        rng = self.rng
        if deletes > 0:
            ranked = page(bot.listing(kind, user_id, session_id), 0, offset)
            for victim in rng.sample(ranked, min(int(deletes), len(ranked))):
                if victim in bot.records(kind):
                    self._delete(bot, kind, victim)
        for _ in range(max(0, int(inserts))):
            listed = bot.listing(kind, user_id, session_id)
            floor = listed[-1][0] if listed else 0
            if kind == "users":
                self.create_user(bot, synth.make_person(rng), floor=floor)
                continue
            if kind == "sessions":
                owner = user_id
                if owner is None and bot.users:
                    owner = rng.choice(list(bot.users))
                if owner is not None and owner in bot.users:
                    self.create_session(bot, owner, floor=floor)
                continue
            sid = self._drift_session(bot, user_id, session_id, rng)
            if sid is not None:
                sender = bot.next_sender(sid)
                self.create_message(bot, sid, sender, None, None, generate=True, floor=floor)

    @staticmethod
    def _drift_session(
        bot: Bot, user_id: str | None, session_id: str | None, rng: random.Random
    ) -> str | None:
        if session_id is not None:
            session = bot.sessions.get(session_id)
            if session is None or (user_id is not None and session["chatUserId"] != user_id):
                return None
            return session_id
        if user_id is not None:
            index = bot.sessions_by_user.get(user_id)
            return rng.choice(index.keys)[2] if index else None
        return rng.choice(list(bot.sessions)) if bot.sessions else None


def _index(index: OrderedIndex, key: Key, bulk: bool) -> None:
    """Add a key; a seeded history appends and sorts once at the end."""
    if bulk:
        index.keys.append(key)
    else:
        index.add(key)
