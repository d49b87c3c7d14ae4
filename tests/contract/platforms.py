"""One adapter per platform for the source contract suite.

An adapter starts its simulator, writes the config entry, applies live changes of every kind,
and states the platform's truth in the archive's terms (for Kore.ai and Selise, whose users are
derived from sessions, what the users table must hold). It also knows the least number of
requests the platform's API allows for each kind of incremental run, so the suite can hold the
sources to it.
"""

from __future__ import annotations

import atexit
import functools
import math
import random
import shutil
import tempfile
from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any, ClassVar, Self

from archiver.demo import source_entry
from archiver.ops.init import init_dir
from archiver.simulators.kore import KoreSimulator
from archiver.simulators.peki import PekiSimulator
from archiver.simulators.selise import SeliseSimulator
from tests.conftest import UNLIMITED
from tests.conftest import write_config as conftest_write_config

Truth = dict[str, dict[str, dict[str, dict[str, Any]]]]  # tenant → table → id → raw record


class Platform(ABC):
    """A simulated platform as the contract suite drives it."""

    name: ClassVar[str]
    tenants: tuple[str, ...]

    def start(self) -> None:
        self.sim.start()

    def stop(self) -> None:
        self.sim.stop()

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    @abstractmethod
    def sim(self) -> Any: ...

    @abstractmethod
    def source_entry(self) -> dict[str, Any]: ...

    @abstractmethod
    def every_kind_of_change(self, rng: random.Random) -> None:
        """One change of each kind the platform makes, on old records where it matters."""

    def random_changes(self, rng: random.Random, n: int) -> None:
        self.sim.random_changes(rng, n)

    def drift(self, level: int) -> None:
        """Records appear and vanish while a run pages through the lists, and pages in flight
        together are answered in any order (0: off)."""
        self.sim.drift_inserts = level
        self.sim.drift_deletes = level % 2
        self.sim.serve_jitter_seconds = 0.004 if level else 0.0

    @abstractmethod
    def truth(self) -> Truth: ...

    def counters(self) -> dict[str, int]:
        counts: dict[str, int] = self.sim.counters()
        return counts

    def reset_counters(self) -> None:
        self.sim.reset_counters()

    def advance(self, seconds: float) -> None:
        """Let platform time pass, so the next run's overlap holds nothing of the last one."""
        self.sim.clock_skew_seconds += seconds

    @abstractmethod
    def no_change(self) -> None:
        """Nothing happens before the next run."""

    @abstractmethod
    def add_messages(self, rng: random.Random, n: int) -> None:
        """``n`` new messages in existing sessions."""

    @abstractmethod
    def change_sessions(self, rng: random.Random, n: int) -> None:
        """``n`` existing sessions changed without new messages (closed, rated, summarised)."""

    @abstractmethod
    def minimum(self, page_size: int) -> int:
        """The least requests the API allows for the next run, from the simulator's state and
        what the last scenario (``no_change``, ``add_messages``, ``change_sessions``) did."""

    def long_open_sessions(self, days: float = 14.0) -> list[tuple[str, str]]:
        """(tenant, session id) of conversations still open that began ``days`` or more ago."""
        return [
            (t, sid) for t in self.tenants for sid in self.sim.long_open_session_ids(t, days=days)
        ]

    def add_message_to(self, tenant: str, session_id: str) -> None:
        """One new message in that session."""
        self.sim.add_message(tenant, session_id)

    @property
    def allowed_overhead(self) -> int:
        """Requests a correct source may spend beyond the minimum: one per tenant."""
        return len(self.tenants)


def _pages(n: int, size: int) -> int:
    return max(1, math.ceil(n / size))


class PekiPlatform(Platform):
    name = "peki"

    def __init__(self, seed: int = 11, users: int = 8, **kw: Any) -> None:
        self.tenants = ("bot1", "bot2")
        self._sim = PekiSimulator(
            seed=seed,
            chatbot_ids=self.tenants,
            users_per_bot=users,
            rate_limit_per_minute=UNLIMITED,
            **kw,
        )
        self._new: dict[str, int] = {}

    @property
    def sim(self) -> PekiSimulator:
        return self._sim

    def source_entry(self) -> dict[str, Any]:
        return source_entry("peki-main", self._sim)

    def every_kind_of_change(self, rng: random.Random) -> None:
        sim = self._sim
        for bot in self.tenants:
            truth = sim.truth(bot)
            users = sorted(truth["users"])
            sim.add_user(bot)
            sim.add_session(bot, rng.choice(users))
            for sid in rng.sample(sorted(truth["sessions"]), min(3, len(truth["sessions"]))):
                sim.add_message(bot, sid, text=f"follow-up {rng.randint(0, 9999)}")
            closed = sorted(s for s, r in truth["sessions"].items() if r["status"] == "Closed")
            if closed:
                sim.update_session(bot, rng.choice(closed), summary=f"late {rng.random()}")
            sim.update_user(bot, rng.choice(users), dataDictionary={"city": "Izmir"})
            sim.delete_message(bot, rng.choice(sorted(truth["messages"])))

    def truth(self) -> Truth:
        return {bot: self._sim.truth(bot) for bot in self.tenants}

    def no_change(self) -> None:
        self._new = {}

    def add_messages(self, rng: random.Random, n: int) -> None:
        self._new = dict.fromkeys(self.tenants, 0)
        for _ in range(n):
            bot = rng.choice(self.tenants)
            self._sim.add_message(bot, rng.choice(sorted(self._sim.truth(bot)["sessions"])))
            self._new[bot] += 1

    def change_sessions(self, rng: random.Random, n: int) -> None:
        self._new = {}
        for _ in range(n):
            bot = rng.choice(self.tenants)
            sid = rng.choice(sorted(self._sim.truth(bot)["sessions"]))
            self._sim.update_session(bot, sid, summary=f"re-summarised {rng.random()}")

    def minimum(self, page_size: int) -> int:
        # No update filter: users and sessions lists in full; new messages are newest first.
        total = 0
        for bot in self.tenants:
            t = self._sim.truth(bot)
            total += _pages(len(t["users"]), page_size) + _pages(len(t["sessions"]), page_size)
            # Down to the watermark: the new ones and one older (the proof there are no more).
            total += _pages(self._new.get(bot, 0) + 1, page_size)
        return total


def kore_without_history(bot: str, seed: int) -> KorePlatform:
    """One Kore.ai bot with no seeded history and no binding rate limit: the only sessions
    are the ones a test makes."""
    sim = KoreSimulator(
        seed=seed,
        bot_ids=(bot,),
        users_per_bot=0,
        rate_limits=((UNLIMITED, 60.0),),
        long_open_fraction=0.0,
    )
    return KorePlatform(sim=sim)


def kore_old_session(
    sim: KoreSimulator, bot: str, channel: str, *, begun_days_ago: float, days: int
) -> str:
    """A session on ``channel`` begun ``begun_days_ago`` days (and two minutes) ago, still
    active, with a user and an agent message on each of the ``days`` days after it began.

    The platform's clock is set back to begin the session and brought forward a day at a time
    to write its messages, then left a minute behind the archiver's."""
    day = 86_400.0
    sim.clock_skew_seconds = -begun_days_ago * day - 120
    uid = sim.add_user(bot, channel=channel)
    sid = next(s for s, r in sim.truth(bot)["sessions"].items() if r["userId"] == uid)
    for n in range(days):
        sim.advance(day)
        sim.add_message(bot, sid, text=f"day {n} from the user")
        sim.add_message(bot, sid, text=f"day {n} from the agent", incoming=False)
    sim.clock_skew_seconds = -60
    return sid


class KorePlatform(Platform):
    name = "kore"

    def __init__(
        self, seed: int = 11, users: int = 8, sim: KoreSimulator | None = None, **kw: Any
    ) -> None:
        self._sim = sim or KoreSimulator(
            seed=seed,
            bot_ids=("st-bot1", "st-bot2"),
            users_per_bot=users,
            rate_limits=((UNLIMITED, 60.0),),
            **kw,
        )
        self.tenants = self._sim.bot_ids
        self._open_before: dict[str, int] = {}
        self._new_by_channel: dict[str, dict[str, int]] = {}

    @property
    def sim(self) -> KoreSimulator:
        return self._sim

    def source_entry(self) -> dict[str, Any]:
        unpaced = {"rate_limit_per_minute": UNLIMITED, "rate_limit_per_hour": UNLIMITED}
        return source_entry("kore-main", self._sim) | unpaced

    def every_kind_of_change(self, rng: random.Random) -> None:
        sim = self._sim
        for bot in self.tenants:
            users = sorted(sim.truth(bot)["users"])
            sim.add_user(bot)
            sim.add_session(bot, rng.choice(users))
            opened = sim.open_session_ids(bot)
            for sid in rng.sample(opened, min(3, len(opened))):
                sim.add_message(bot, sid, text=f"follow-up {rng.randint(0, 9999)}")
            opened = sim.open_session_ids(bot)
            if opened:
                sid = rng.choice(opened)
                tasks = sim.truth(bot)["sessions"][sid]["noOfTasksExecuted"] + 1
                sim.update_session(bot, sid, noOfTasksExecuted=tasks, containmentType="agent")
            opened = sim.open_session_ids(bot)
            if len(opened) > 1:
                sim.close_session(bot, rng.choice(opened))
            sim.purge_oldest_session(bot)
            sim.delete_user(bot, rng.choice(sorted(sim.truth(bot)["users"])))

    def truth(self) -> Truth:
        out: Truth = {}
        for bot in self.tenants:
            t = self._sim.truth(bot)
            newest: dict[str, dict[str, Any]] = {}
            for s in t["sessions"].values():
                best = newest.get(s["userId"])
                if best is None or (s["start_time"], s["sessionId"]) > (
                    best["start_time"],
                    best["sessionId"],
                ):
                    newest[s["userId"]] = s
            users = {
                uid: {
                    "userId": uid,
                    "botId": bot,
                    "channel": s["channel"],
                    "lastSessionId": s["sessionId"],
                    "lastSessionStart": s["start_time"],
                }
                for uid, s in newest.items()
            }
            out[bot] = {"users": users, "sessions": t["sessions"], "messages": t["messages"]}
        return out

    def no_change(self) -> None:
        self._open_before = {b: len(self._sim.open_session_ids(b)) for b in self.tenants}
        self._new_by_channel = {}

    def add_messages(self, rng: random.Random, n: int) -> None:
        self._open_before = {b: len(self._sim.open_session_ids(b)) for b in self.tenants}
        self._new_by_channel = {b: {} for b in self.tenants}
        for _ in range(n):
            bot = rng.choice(self.tenants)
            sid = rng.choice(self._sim.open_session_ids(bot))
            self._sim.add_message(bot, sid)
            channel = self._sim.truth(bot)["sessions"][sid]["channel"]
            per = self._new_by_channel[bot]
            per[channel] = per.get(channel, 0) + 1

    def change_sessions(self, rng: random.Random, n: int) -> None:
        self._open_before = {b: len(self._sim.open_session_ids(b)) for b in self.tenants}
        self._new_by_channel = {}
        for i in range(n):
            bot = self.tenants[i % len(self.tenants)]
            opened = self._sim.open_session_ids(bot)
            if not opened:
                continue
            sid = rng.choice(opened)
            if i % 2:
                self._sim.close_session(bot, sid)
            else:
                tasks = self._sim.truth(bot)["sessions"][sid]["noOfTasksExecuted"] + 1
                self._sim.update_session(bot, sid, noOfTasksExecuted=tasks)

    def minimum(self, page_size: int) -> int:
        # Sessions the platform called active, by id (50 a request): their status, end time and
        # counters; one window of sessions shows new ones. No signal the documentation gives
        # tells which channel got messages, so every channel with an active session has its
        # messages listed (one request, more for many new messages: pages of up to 100). Nor
        # does one tell which channel an active session begun before the backfill horizon
        # uses, so rtm (the documented default) and every channel type the stream has seen
        # are listed too: here those of all the bot's sessions (they lie within the backfill).
        total = 0
        for bot in self.tenants:
            total += math.ceil(self._open_before.get(bot, 0) / 50) + 1
            sessions = self._sim.truth(bot)["sessions"]
            seen = {r["channel"] for r in sessions.values()} | {"rtm"}
            per = self._new_by_channel.get(bot, {})
            total += sum(_pages(per.get(ch, 0), 100) for ch in seen | set(per))
        return total


class SelisePlatform(Platform):
    name = "selise"

    def __init__(
        self, seed: int = 11, users: int = 8, sim: SeliseSimulator | None = None, **kw: Any
    ) -> None:
        agents = (("agent_1", "widget_1"), ("agent_2", "widget_2"))
        self._sim = sim or SeliseSimulator(seed=seed, agents=agents, users_per_agent=users, **kw)
        self.tenants = self._sim.agent_ids
        self._changed: dict[str, set[str]] = {}
        self._with_messages: dict[str, set[str]] = {}

    @property
    def sim(self) -> SeliseSimulator:
        return self._sim

    def source_entry(self) -> dict[str, Any]:
        return source_entry("selise-main", self._sim)

    def drift(self, level: int) -> None:
        super().drift(level)
        self._sim.drift_touches = level

    def every_kind_of_change(self, rng: random.Random) -> None:
        sim = self._sim
        for agent in self.tenants:
            truth = sim.truth(agent)
            sim.add_user(agent)
            sim.add_session(agent, rng.choice(sorted(truth["users"])))
            sim.add_session(agent, None)
            live = sim.session_ids(agent, status="active") + sim.session_ids(agent, status="idle")
            for sid in rng.sample(sorted(live), min(3, len(live))):
                sim.add_message(agent, sid)
            closed = sim.session_ids(agent, status="closed")
            if closed:
                sim.rate_session(agent, rng.choice(closed))
            live = sim.session_ids(agent, status="active")
            if live:
                sim.close_session(agent, rng.choice(live))
            sim.purge_oldest_session(agent)
            sim.delete_user(agent, rng.choice(sorted(sim.truth(agent)["users"])))

    def truth(self) -> Truth:
        out: Truth = {}
        for agent in self.tenants:
            t = self._sim.truth(agent)
            sessions = t["sessions"]
            messages = {
                mid: {
                    **m,
                    "agent_id": agent,
                    "widget_id": sessions[m["session_id"]]["widget_id"],
                    "user_id": sessions[m["session_id"]]["user_id"],
                }
                for mid, m in t["messages"].items()
            }
            newest: dict[str, dict[str, Any]] = {}
            for s in sessions.values():
                uid = s["user_id"]
                best = newest.get(uid) if uid else None
                if uid and (
                    best is None
                    or (s["created_at"], s["session_id"]) > (best["created_at"], best["session_id"])
                ):
                    newest[uid] = s
            users = {
                uid: {
                    "user_id": uid,
                    "agent_id": agent,
                    "widget_id": s["widget_id"],
                    "user_info": s["user_info"],
                    "last_session_id": s["session_id"],
                    "last_session_created_at": s["created_at"],
                }
                for uid, s in newest.items()
            }
            out[agent] = {"users": users, "sessions": sessions, "messages": messages}
        return out

    def no_change(self) -> None:
        self._changed = {}
        self._with_messages = {}

    def add_messages(self, rng: random.Random, n: int) -> None:
        self._changed = {a: set() for a in self.tenants}
        self._with_messages = {a: set() for a in self.tenants}
        for _ in range(n):
            agent = rng.choice(self.tenants)
            live = self._sim.session_ids(agent, status="active")
            sid = rng.choice(live or self._sim.session_ids(agent))
            self._sim.add_message(agent, sid)
            self._changed[agent].add(sid)
            self._with_messages[agent].add(sid)

    def change_sessions(self, rng: random.Random, n: int) -> None:
        self._changed = {a: set() for a in self.tenants}
        self._with_messages = {a: set() for a in self.tenants}
        for i in range(n):
            agent = self.tenants[i % len(self.tenants)]
            sid = rng.choice(self._sim.session_ids(agent, status="closed"))
            self._sim.rate_session(agent, sid)
            self._changed[agent].add(sid)

    def minimum(self, page_size: int) -> int:
        # Most recently active first: the changed sessions and one older one (the proof that
        # there are no more); then the last page of messages of each session that got some.
        total = 0
        for agent in self.tenants:
            total += _pages(len(self._changed.get(agent, ())) + 1, page_size)
            total += len(self._with_messages.get(agent, ()))
        return total


PLATFORMS: dict[str, type[Platform]] = {
    p.name: p for p in (PekiPlatform, KorePlatform, SelisePlatform)
}


@functools.cache
def _initialised() -> Path:
    """One ``archiver init`` folder whose keys every test copies: RSA key generation is the
    slowest step of a small test, and the keys' freshness is not what these tests are about."""
    template = Path(tempfile.mkdtemp(prefix="archiver-contract-"))
    atexit.register(shutil.rmtree, template, True)
    init_dir(template)
    return template


def write_config(
    directory: Path,
    platform: Platform | dict[str, Any],
    *,
    archive: dict[str, Any] | None = None,
    **kw: Any,
) -> Path:
    """The suite's config: a platform's (or a given) source entry with the test settings."""
    if not (directory / "archiver.yaml").exists():
        shutil.copytree(_initialised(), directory, dirs_exist_ok=True)
    entry = platform if isinstance(platform, dict) else platform.source_entry()
    where = {"url": str((directory / "archive").resolve())}
    return conftest_write_config(directory, entry, archive=where | (archive or {}), **kw)
