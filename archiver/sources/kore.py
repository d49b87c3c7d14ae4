"""Kore.ai XO Platform: JWT auth, date windows under 7 days, paced from the documented limits.

Sessions have no update time and lists are filtered by start time, so a run (docs/SOURCES.md):

1. reads again by id (``sessionId``, 50 per request) every session the platform called active
   at the last run, closed ones whose last activity may lie in the overlap, and ones known
   only from a message: the stream state keeps their ids. That is where end times, counters,
   tags and closures of old sessions show;
2. walks date windows shorter than 7 days from the watermark to the platform's now; in each it
   lists the sessions started in it (their status by id where the list leaves it out, as the
   documented samples do), then the messages of every channel with a session the platform
   calls active or one active in the window, and of every channel type configured
   (``channels``, default rtm) or ever seen, since an active session begun before the backfill
   horizon shows only through its messages; then by id the sessions known only from those
   messages, then the users they revealed. A message that names no user (a bot reply whose
   ``createdBy`` is the bot) waits for its session's answer and carries that session's user,
   so erasure and export find it by its subject;
3. derives ``users`` records from each user's newest session seen (Kore has no users API).

Whether a session is open is what the platform says, never a guess from idle time: a
conversation handed to an agent can stay open for weeks. The source's state travels in its
record stream as ``StateMark``s, so the crawler commits exactly the state of what it archived.

Every request goes through one rate budget per bot built from the documented rolling windows
(60 per 60 s and 1,800 per 3,600 s), because the platform sends no rate-limit headers. A crawl
that stops early (quota spent) records the last finished window, and the next run from the
same watermark resumes there (with windows half as wide if it had not finished even one), so a
backfill larger than an hour's quota finishes over several runs.
"""

from __future__ import annotations

import functools
import json
import logging
import secrets
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote

import httpx
import jwt

from archiver.errors import ConfigError
from archiver.sources.base import Record, StateMark
from archiver.sources.common import (
    Access,
    HttpSource,
    chunks,
    int_field,
    list_items,
    ts_or_none,
)
from archiver.sources.http import HttpPolicy, Window
from archiver.sources.paging import Ahead, Page, side_by_side
from archiver.timeutil import format_ts, parse_ts, utcnow

log = logging.getLogger(__name__)

#: The platform refuses windows of 7 days or more; one minute less leaves room for rounding.
WINDOW = timedelta(days=7) - timedelta(minutes=1)
#: Narrowest window a resumed backfill shrinks to when one window did not fit in a run.
MIN_WINDOW = timedelta(hours=1)
LOOKUP_BATCH = 50
#: Windows after the current one whose lists are read ahead (crawl.concurrency > 1). Two
#: measured no faster in bench/crawl_speed.py and put more requests in flight at once.
WINDOWS_AHEAD = 1
SESSIONS_LIMIT = 100
MESSAGES_LIMIT = {"v1": 100, "v2": 10_000}
MEDIA_TYPES = frozenset({"image", "audio", "video", "attachment", "filelink"})
_TEXT_KEYS = ("text", "title", "subtitle", "value", "description")
_URL_KEYS = ("url", "image_url", "imageUrl", "fileUrl", "thumbnail")


class KoreJwtAuth(httpx.Auth):
    """Puts a fresh HS256 JWT (``appId`` claim, unique ``jti``) in the ``auth`` header.

    A new ``jti`` per request keeps apps with "Enforce JTI" working.
    """

    def __init__(self, client_id: str, client_secret: str) -> None:
        self._client_id = client_id
        self._secret = client_secret

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        claims = {
            "sub": "conversation-archiver",
            "appId": self._client_id,
            "jti": secrets.token_hex(16),
        }
        request.headers["auth"] = jwt.encode(claims, self._secret, algorithm="HS256")
        yield request


def _given(items: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """A list already being read, handed to ``side_by_side`` like one to start."""
    return items


def _channel_of(session: Mapping[str, Any]) -> str:
    return str(session.get("channel") or "rtm")


class _Early:
    """One window's message lists started before the window's turn, by channel.

    Only channels the window is sure to list join (``KoreSource._channels``): a list read
    early is never one the window would not have read, so reading ahead costs no request.
    ``want`` may come from the thread reading the window's session list."""

    def __init__(self, start: Callable[[str], Iterator[dict[str, Any]]] | None = None) -> None:
        self._start = start
        self._lock = threading.Lock()
        self._lists: dict[str, Iterator[dict[str, Any]]] = {}
        self._closed = start is None

    def want(self, channel: str) -> None:
        with self._lock:
            if self._start is not None and not self._closed and channel not in self._lists:
                self._lists[channel] = self._start(channel)

    def lists(self) -> dict[str, Iterator[dict[str, Any]]]:
        with self._lock:
            return dict(self._lists)

    def close(self) -> None:
        """Abandon what was not read (always call it); nothing starts afterwards."""
        with self._lock:
            self._closed = True
            lists = list(self._lists.values())
        for items in lists:
            close = getattr(items, "close", None)
            if close is not None:
                close()


def _is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def _walk_template(node: Any, texts: list[str], urls: list[str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, str):
                if key in _URL_KEYS and _is_url(value):
                    urls.append(value)
                elif key in _TEXT_KEYS and value.strip():
                    texts.append(value)
            else:
                _walk_template(value, texts, urls)
    elif isinstance(node, list):
        for item in node:
            _walk_template(item, texts, urls)


def normalise_components(components: Any) -> tuple[str, tuple[str, ...]]:
    """A Kore message's components as (text, attachment URLs).

    Plain text stays as it is; JSON inside ``data.text`` (bot templates: buttons, carousels)
    gives its visible strings and image links; media components give their URL and thumbnails.
    """
    texts: list[str] = []
    urls: list[str] = []
    for comp in components if isinstance(components, list) else ():
        if not isinstance(comp, dict):
            continue
        data = comp.get("data")
        raw = data.get("text") if isinstance(data, dict) else None
        if isinstance(raw, str):
            stripped = raw.strip()
            template: Any = None
            if stripped.startswith("{"):
                try:
                    template = json.loads(stripped)
                except ValueError:
                    template = None
            if isinstance(template, dict):
                _walk_template(template, texts, urls)
            elif comp.get("cT") in MEDIA_TYPES and _is_url(stripped):
                urls.append(stripped)
            elif stripped:
                texts.append(raw)
        if isinstance(data, dict) and isinstance(data.get("url"), str) and _is_url(data["url"]):
            urls.append(data["url"])
        thumbs = comp.get("thumbnails")
        for thumb in thumbs if isinstance(thumbs, list) else ():
            url = thumb.get("url") if isinstance(thumb, dict) else None
            if isinstance(url, str) and _is_url(url):
                urls.append(url)
    return "\n".join(texts), tuple(dict.fromkeys(urls))


@dataclass
class _Session:
    """What a run knows of one session: enough to tell which channels' messages to list."""

    channel: str
    start: datetime
    end: datetime
    active: bool  # the platform calls it active, or gave no status even by id
    settled: bool = True  # False while listed without a status and not looked up yet


@dataclass
class _Run:
    """What one crawl of one bot has seen so far."""

    since: datetime | None
    sessions: set[str] = field(default_factory=set)
    users_of: dict[str, str] = field(default_factory=dict)  # session id → user id
    newest: dict[str, tuple[datetime, str, dict[str, Any]]] = field(default_factory=dict)
    pending_users: set[str] = field(default_factory=set)  # newest session changed, not yet sent
    known: dict[str, _Session] = field(default_factory=dict)
    unknown_sessions: set[str] = field(default_factory=set)  # referenced by messages only
    no_status: int = 0  # sessions the platform gave no status for, even by id
    followed: set[str] = field(default_factory=set)  # ids the run started with in its state
    was_open: set[str] = field(default_factory=set)  # active when the last run saw them
    listed: set[str] = field(default_factory=set)  # listed without a status, being looked up
    asked: set[str] = field(default_factory=set)  # known from messages, looked up this run
    #: Channel types every window lists, known session or not: the configured ones and every
    #: one the stream has seen. It only grows, so a window's lists started early stay wanted.
    always: set[str] = field(default_factory=set)
    #: Where the backfill began (its messages lists of a channel type start there).
    horizon: datetime | None = None
    #: Every window before this has had its channel types fixed: a channel type that joins
    #: ``always`` now is listed from here on, and before here only by a catch-up.
    fixed_to: datetime | None = None


@dataclass
class _Follow:
    """The sessions a bot's crawl keeps looking at from run to run (ids and times only)."""

    open: set[str] = field(default_factory=set)  # the platform called them active
    recent: dict[str, str] = field(default_factory=dict)  # closed; id → end time, maybe in overlap
    pending: set[str] = field(default_factory=set)  # known from a message, not yet looked up
    channels: set[str] = field(default_factory=set)  # every channel type a session showed
    #: Channel types listed in every window since the horizon (None: a state written before
    #: this was kept, where configured and seen ones were).
    listed: set[str] | None = None
    #: Channel types that joined after windows before them were read: the span still to list.
    catch_up: dict[str, tuple[str, str]] = field(default_factory=dict)
    horizon: str | None = None  # where the first run's backfill began

    @classmethod
    def load(cls, state: Mapping[str, Any]) -> _Follow:
        def ids(name: str) -> set[str]:
            raw = state.get(name) or []
            return {str(i) for i in raw if isinstance(i, str)} if isinstance(raw, list) else set()

        recent = state.get("recent_sessions")
        catch_up = state.get("channel_catch_up")
        spans = {
            str(c): (str(v[0]), str(v[1]))
            for c, v in (catch_up.items() if isinstance(catch_up, dict) else ())
            if isinstance(v, list) and len(v) == 2 and all(isinstance(t, str) for t in v)
        }
        horizon = state.get("horizon")
        return cls(
            open=ids("open_sessions"),
            recent=(
                {str(k): v for k, v in recent.items() if isinstance(v, str)}
                if isinstance(recent, dict)
                else {}
            ),
            pending=ids("pending_sessions"),
            channels=ids("channels"),
            listed=ids("listed_channels") if "listed_channels" in state else None,
            catch_up=spans,
            horizon=horizon if isinstance(horizon, str) else None,
        )

    def forget(self, sid: str) -> None:
        self.open.discard(sid)
        self.recent.pop(sid, None)
        self.pending.discard(sid)

    def copy(self) -> _Follow:
        return _Follow(
            set(self.open),
            dict(self.recent),
            set(self.pending),
            set(self.channels),
            None if self.listed is None else set(self.listed),
            dict(self.catch_up),
            self.horizon,
        )

    def to_state(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.open:
            out["open_sessions"] = sorted(self.open)
        if self.recent:
            out["recent_sessions"] = dict(sorted(self.recent.items()))
        if self.pending:
            out["pending_sessions"] = sorted(self.pending)
        if self.channels:
            out["channels"] = sorted(self.channels)
        if self.listed is not None:
            out["listed_channels"] = sorted(self.listed)
        if self.catch_up:
            out["channel_catch_up"] = {c: list(v) for c, v in sorted(self.catch_up.items())}
        if self.horizon is not None:
            out["horizon"] = self.horizon
        return out


def _refused_hint(name: str) -> str:
    """Kore.ai answers 401 for a wrong client id or secret and for a missing scope alike."""
    return (
        f"check client_id and client_secret of source {name}, and that the app has the "
        "Bot Sessions and Chat History scopes and is linked to the bot"
    )


class KoreSource(HttpSource):
    type = "kore"
    #: The limits are per bot: one client and one budget each.
    client_per_tenant = True

    def _setup(self, settings: Mapping[str, Any], *, policy: HttpPolicy, page_size: int) -> Access:
        self._containment: list[str | None] = list(settings.get("containment_types") or [None])
        self._backfill = timedelta(days=float(settings.get("backfill_days", 30)))
        if "session_idle_minutes" in settings:
            log.warning(
                "source %s: session_idle_minutes is no longer used: whether a session is open "
                "comes from the platform's sessionStatus, read by id; remove the setting",
                self.name,
            )
        self._parallel = policy.concurrency > 1  # look-ups beside the message lists
        self._concurrency = policy.concurrency
        self._api = str(settings.get("messages_api", "v1"))
        if self._api not in MESSAGES_LIMIT:
            raise ConfigError(f"source {self.name}: messages_api must be v1 or v2")
        self._endpoint = "getMessages" if self._api == "v1" else "getMessagesV2"
        self._sessions_limit = min(SESSIONS_LIMIT, int(settings.get("page_size", page_size)))
        self._messages_limit = min(
            MESSAGES_LIMIT[self._api],
            int(settings.get("messages_page_size", MESSAGES_LIMIT[self._api])),
        )
        channels = settings.get("channels", ["rtm"])
        if not isinstance(channels, list) or not all(isinstance(c, str) and c for c in channels):
            raise ConfigError(f"source {self.name}: channels must be a list of channel types")
        self._listed: frozenset[str] = frozenset(channels)
        self._follow_in: dict[str, _Follow] = {}
        self._resume_in: dict[str, dict[str, Any]] = {}
        return Access(
            tenants=[str(b) for b in settings["bot_ids"]],
            auth=KoreJwtAuth(str(settings["client_id"]), str(settings["client_secret"])),
            refused=dict.fromkeys((401, 403), _refused_hint(self.name)),
        )

    @classmethod
    def rate_windows(cls, settings: Mapping[str, Any]) -> list[Window]:
        """The documented rolling limits (no rate-limit headers). The client counts a request
        in them until its answer, so latency needs no margin; each window is widened by
        ``rate_margin_seconds`` (default 1 s) for a platform that keeps whole-second times."""
        margin = float(settings.get("rate_margin_seconds", 1.0))
        return [
            Window(int(settings.get("rate_limit_per_minute", 60)), 60.0 + margin),
            Window(int(settings.get("rate_limit_per_hour", 1800)), 3600.0 + margin),
        ]

    def load_state(self, tenant: str, state: Mapping[str, Any]) -> None:
        self._follow_in[tenant] = _Follow.load(state)
        resume = state.get("resume")
        self._resume_in[tenant] = dict(resume) if isinstance(resume, dict) else {}

    # -- crawl ---------------------------------------------------------------------------------

    def changes(self, tenant: str, since: datetime | None) -> Iterator[Record | StateMark]:
        self._begin(tenant, ("sessions", "messages"))
        run = _Run(since=since)
        follow = self._follow_in.get(tenant, _Follow()).copy()
        since_key = format_ts(since) if since is not None else None
        resume = self._resume_in.get(tenant) or {}
        if resume.get("since") != since_key:
            resume = {}
        start = since if since is not None else utcnow() - self._backfill
        start = start.replace(microsecond=start.microsecond // 1000 * 1000)
        span = WINDOW
        until = ts_or_none(resume.get("until"))
        if until is not None:
            # The last crawl from this same watermark stopped early: its finished windows
            # are committed, and the sessions among them to follow are in the state.
            start = max(start, until)
            seconds = resume.get("window_seconds")
            if isinstance(seconds, int | float) and MIN_WINDOW.total_seconds() <= seconds:
                span = min(WINDOW, timedelta(seconds=seconds))
        self._channels_at_start(run, follow, since, start)
        if since is None:
            # No API lists a bot's channels: an old session alone on a channel type named
            # nowhere has no signal to warn on, so every backfill says what it lists.
            log.info(
                "kore %s/%s: every window lists the messages of channel types %s; an active "
                "session begun before the backfill horizon on another channel type is found "
                "only once a later session shows that type: name it in the source's channels",
                self.name,
                tenant,
                ", ".join(sorted(run.always)) or "(none)",
            )
        # A closed session stays worth a look while its last activity may lie in the overlap.
        if since is not None:
            follow.recent = {
                sid: end
                for sid, end in follow.recent.items()
                if (ts_or_none(end) or since) >= since
            }

        def mark(until: datetime | None, span: timedelta) -> StateMark:
            state = follow.to_state()
            if until is not None:
                state["resume"] = {
                    "since": since_key,
                    "until": format_ts(until),
                    "window_seconds": int(span.total_seconds()),
                }
            return StateMark(state)

        # 1. Every session the platform called active, or that may have had activity in the
        #    overlap, or that a message revealed: read again by id (50 a request).
        again = sorted(follow.open | follow.recent.keys() | follow.pending)
        run.followed = set(again)
        run.was_open = set(follow.open)
        for batch in chunks(again, LOOKUP_BATCH):
            yield from self._lookup(tenant, run, follow, batch, refreshed=True)
        # Should this run stop before finishing a window, the next one tries half as wide.
        yield mark(start, max(MIN_WINDOW, span / 2))
        # 2. Window by window: sessions started in it (their status by id where the list
        #    leaves it out), then the messages of every channel that may hold some, then the
        #    users they revealed; a crawl that stops early resumes after the last finished one.
        workers = max(1, self._concurrency)
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix=f"kore-{tenant}") as pool:
            yield from self._walk(tenant, run, follow, start, span, pool, mark)
        t0 = self._started.get(tenant)
        if t0 is not None:  # complete: the next run reads again from t0 - overlap
            follow.recent = {
                sid: end
                for sid, end in follow.recent.items()
                if (ts_or_none(end) or t0) >= t0 - self._overlap
            }
        if run.no_status:
            log.warning(
                "kore %s/%s: the platform gave no sessionStatus for %d session(s), even by id; "
                "they are followed as open until it does or they disappear",
                self.name,
                tenant,
                run.no_status,
            )
        yield mark(None, span)

    def _walk(
        self,
        tenant: str,
        run: _Run,
        follow: _Follow,
        start: datetime,
        span: timedelta,
        pool: ThreadPoolExecutor,
        mark: Callable[[datetime | None, timedelta], StateMark],
    ) -> Iterator[Record | StateMark]:
        windows = self._windows(tenant, start, span)
        # This window and (crawl.concurrency > 1) the next ones already being read: their
        # session lists, and message lists already on their way (``_Early``).
        due: deque[tuple[tuple[datetime, datetime], Ahead[dict[str, Any]] | None, _Early]]
        due = deque([(next(windows), None, _Early())])
        try:
            while due:
                (lo, hi), listing, early = due[0]
                listed = listing if listing is not None else self._window_sessions(tenant, lo, hi)
                unrated: list[dict[str, Any]] = []
                for item in listed:
                    sid = item["sessionId"]
                    if not lo <= parse_ts(item["start_time"]) < hi or sid in run.sessions:
                        continue
                    if isinstance(item.get("sessionStatus"), str):
                        yield self._session(tenant, run, follow, item, refreshed=False)
                    elif sid not in {u["sessionId"] for u in unrated}:
                        unrated.append(item)
                if listing is not None:
                    listing.close()  # no channel joins ``early`` after this
                # The platform's clock is known once a session list has answered: whether
                # more windows are due, and (crawl.concurrency > 1) the next ones on their way.
                while len(due) < 1 + (WINDOWS_AHEAD if self._parallel else 1):
                    window = next(windows, None)
                    if window is None:
                        break
                    due.append((window, *self._read_ahead(tenant, run, window)))
                try:
                    yield from self._window_rest(
                        tenant, run, follow, lo, hi, unrated, pool, early.lists()
                    )
                finally:
                    early.close()
                    due.popleft()
                yield mark(self._resume_point(tenant, hi), span)
            # Channel types that joined after windows before them were read: those windows'
            # messages of that type, from the horizon (a message there may belong to an
            # active session begun before it, found no other way).
            while follow.catch_up:
                channel = min(follow.catch_up)
                lo_key, hi_key = follow.catch_up[channel]
                lo, end = parse_ts(lo_key), parse_ts(hi_key)
                if lo >= end:
                    del follow.catch_up[channel]
                    continue
                top = min(end, lo + WINDOW)
                yield from self._window_rest(
                    tenant, run, follow, lo, top, [], pool, {}, only=channel
                )
                if top >= end:
                    del follow.catch_up[channel]
                else:
                    follow.catch_up[channel] = (format_ts(top), hi_key)
                yield mark(self._resume_point(tenant, hi), span)
        finally:
            for _, listing, early in due:  # nothing touches the client once the crawl has ended
                if listing is not None:
                    listing.close()
                early.close()

    def _read_ahead(
        self, tenant: str, run: _Run, window: tuple[datetime, datetime]
    ) -> tuple[Ahead[dict[str, Any]] | None, _Early]:
        """A window due after this one (crawl.concurrency > 1): its session list read now, and
        the message lists of the channels it needs whatever the windows before it reveal:
        those of sessions whose record is out, now, and of each session its list shows begun
        in it, as the list answers. With one request at a time, nothing: read at its turn."""
        if not self._parallel:
            return None, _Early()
        early = _Early(functools.partial(self._early_messages, tenant, *window))
        listing = Ahead(
            functools.partial(self._window_sessions, tenant, *window, early),
            name=f"kore-{tenant}-sessions",
        )
        for channel in self._channels(run, *window, settled=True):
            early.want(channel)
        return listing, early

    def _early_messages(
        self, tenant: str, lo: datetime, hi: datetime, channel: str
    ) -> Ahead[dict[str, Any]]:
        return Ahead(
            functools.partial(self._window_messages, tenant, lo, hi, channel),
            name=f"kore-{tenant}-messages-{channel}",
        )

    def _window_sessions(
        self, tenant: str, lo: datetime, hi: datetime, early: _Early | None = None
    ) -> Iterator[dict[str, Any]]:
        """The sessions listed for window [lo, hi), every containment type in turn. Each
        session begun in the window makes its channel one the window needs: with ``early``,
        that channel's message list starts then."""
        for containment in self._containment:
            for item in self._list(tenant, "sessions", lo, hi, containment=containment):
                if early is not None and lo <= parse_ts(item["start_time"]) < hi:
                    early.want(_channel_of(item))
                yield item

    def _window_rest(
        self,
        tenant: str,
        run: _Run,
        follow: _Follow,
        lo: datetime,
        hi: datetime,
        unrated: list[dict[str, Any]],
        pool: ThreadPoolExecutor,
        early: Mapping[str, Iterator[dict[str, Any]]],
        *,
        only: str | None = None,
    ) -> Iterator[Record]:
        """After a window's session list: the statuses it left out, the messages, the sessions
        known only from them, and the users they revealed. ``early``: message lists of this
        window already on their way, by channel (the caller closes them). ``only``: a catch-up
        of one channel type over a window read before."""
        # Their status by id, fetched while the window's messages are listed: which
        # channels to list does not depend on it (a session begun in the window counts).
        lookups: list[Future[Any]] = []
        if unrated:
            ids = [u["sessionId"] for u in unrated]
            run.listed.update(ids)
            for u in unrated:
                begun = parse_ts(u["start_time"])
                channel = _channel_of(u)
                run.known[u["sessionId"]] = _Session(channel, begun, begun, True, settled=False)
                self._saw_channel(run, follow, channel)
            if self._parallel:
                lookups = [
                    pool.submit(self._post, tenant, "getSessions", {"sessionId": batch})
                    for batch in chunks(ids, LOOKUP_BATCH)
                ]
        # A message whose author is the bot names no user: it waits until its session's
        # look-up (below, in this window) says whose conversation it is.
        waiting: list[dict[str, Any]] = []
        if only is None:
            channels = self._channels(run, lo, hi)
            run.fixed_to = hi if run.fixed_to is None else max(run.fixed_to, hi)
        else:
            channels = [only]
        # The channels' message lists side by side (with crawl.concurrency > 1), their
        # records in the order of reading them one after the other.
        messages = side_by_side(
            [
                functools.partial(_given, early[c])
                if c in early
                else functools.partial(self._window_messages, tenant, lo, hi, c)
                for c in channels
            ],
            ahead=len(channels) - 1 if self._parallel else 0,
            name=f"kore-{tenant}-messages",
        )
        try:
            for item in messages:
                record = self._message(tenant, run, item, unread=only is not None)
                if record.user_id is None and record.session_id not in run.sessions:
                    waiting.append(item)
                else:
                    yield record
        finally:
            messages.close()  # nothing touches the client once the crawl has ended
            wait(lookups)
        if unrated and not lookups:  # crawl.concurrency 1: one request at a time
            answers = self._fetch_lookups(tenant, [u["sessionId"] for u in unrated])
        else:
            answers = [f.result() for f in lookups]
        for payload in answers:
            yield from self._apply_lookup(tenant, run, follow, payload, refreshed=False)
        # Sessions known only from their messages (begun before the backfill horizon, or
        # never listed): by id, before this window's mark, so their messages carry the
        # user. One that the platform no longer knows leaves its messages without one.
        unknown = sorted(run.unknown_sessions - run.sessions - run.asked)
        run.asked.update(unknown)
        for batch in chunks(unknown, LOOKUP_BATCH):
            yield from self._lookup(
                tenant, run, follow, batch, refreshed=False, unread=only is not None
            )
        for item in waiting:
            yield self._message(tenant, run, item, unread=only is not None)
        yield from self._users(tenant, run)
        follow.pending |= run.unknown_sessions - run.sessions

    def _window_messages(
        self, tenant: str, lo: datetime, hi: datetime, channel: str
    ) -> Iterator[dict[str, Any]]:
        """One channel's messages created in [lo, hi) (the list may reach just below lo)."""
        for item in self._list(tenant, "messages", lo, hi, channel=channel):
            if lo <= parse_ts(item["createdOn"]) < hi:
                yield item

    def _resume_point(self, tenant: str, hi: datetime) -> datetime:
        """Where a crawl from the same watermark goes on after the window ending at ``hi``:
        never later than what the next run's overlap would read again (the crawl's start
        minus the lag), so records written after the listing are listed once more."""
        t0 = self._started.get(tenant)
        return hi if t0 is None else min(hi, t0 - self._overlap)

    def _channels_at_start(
        self, run: _Run, follow: _Follow, since: datetime | None, start: datetime
    ) -> None:
        """The channel types every window of this run lists, and the horizon they are listed
        from. A configured type not listed before joins like a newly seen one: its messages
        before this run are caught up from the horizon."""
        if since is None and (follow.horizon is None or parse_ts(follow.horizon) > start):
            follow.horizon = format_ts(start)  # a backfill: its windows begin here
        run.horizon = ts_or_none(follow.horizon) or utcnow() - self._backfill
        run.fixed_to = start
        # A state kept before ``listed_channels`` existed listed the configured ones too.
        before = follow.listed if follow.listed is not None else follow.channels | self._listed
        run.always = follow.channels | (self._listed & before)
        follow.listed = set(run.always)
        for channel in sorted(self._listed - run.always):
            self._join(run, follow, channel)

    @staticmethod
    def _join(run: _Run, follow: _Follow, channel: str) -> None:
        """``channel`` is listed in every window from now on; the windows before it that
        were read without it are listed again for it later in the run (``catch_up``)."""
        if channel in run.always:
            return
        run.always.add(channel)
        if follow.listed is not None:
            follow.listed.add(channel)
        lo, hi = run.horizon, run.fixed_to
        if lo is not None and hi is not None and lo < hi and channel not in follow.catch_up:
            follow.catch_up[channel] = (format_ts(lo), format_ts(hi))

    @classmethod
    def _saw_channel(cls, run: _Run, follow: _Follow, channel: str) -> None:
        follow.channels.add(channel)
        cls._join(run, follow, channel)

    def _channels(
        self, run: _Run, lo: datetime, hi: datetime, *, settled: bool = False
    ) -> list[str]:
        """The channels whose messages window [lo, hi) may hold: those of every session the
        platform calls active (or gave no status for) begun before ``hi``, and of every other
        session known to have been active in the window. Never fewer on a guess. Besides,
        every channel type configured or ever seen (``run.always``): an active session begun
        before the backfill horizon shows only through its messages.

        ``settled``: from the sessions whose record is out only (a session's record never
        changes within a run), so a later call for the same window lists these channels too:
        the ones a window's message lists can start with before the window's turn."""
        return sorted(
            run.always
            | {
                s.channel
                for s in run.known.values()
                if (s.settled or not settled) and s.start < hi and (s.active or s.end >= lo)
            }
        )

    def _users(self, tenant: str, run: _Run) -> Iterator[Record]:
        """A users record for each user whose newest session seen so far changed.

        Its content comes from that session only, so the same session always gives the same
        record, dated by the session's start: it behaves like an immutable record.
        """
        for uid in sorted(run.pending_users):
            begun, sid, session = run.newest[uid]
            data = {
                "userId": uid,
                "botId": tenant,
                "channel": session.get("channel"),
                "lastSessionId": sid,
                "lastSessionStart": session["start_time"],
            }
            yield Record("users", uid, data, begun, begun, user_id=uid)
        run.pending_users.clear()

    def _windows(
        self, tenant: str, start: datetime, span: timedelta = WINDOW
    ) -> Iterator[tuple[datetime, datetime]]:
        """Consecutive windows from ``start`` until one covers the platform's crawl start."""
        lo = start
        while True:
            hi = lo + span
            yield lo, hi
            t0 = self._started.get(tenant)
            if t0 is None or hi > t0:
                return
            lo = hi

    # -- PlatformLookup ----------------------------------------------------------------------

    def knows_user(self, tenant: str, user_id: str) -> bool | None:
        """Whether the bot has sessions of ``user_id`` within ``backfill_days`` (how far the
        crawl itself reaches back), one 7-day window per request, newest first.

        No API lists a bot's users, and ``getSessions`` by ``userId`` must name a span under 7
        days: not finding the user there is no proof that the platform never knew them, so the
        answer is then ``None``, never ``False``.
        """
        end = utcnow() + timedelta(minutes=1)
        start = end - self._backfill
        hi = end
        while hi > start:
            lo = max(start, hi - WINDOW)
            for containment in self._containment:
                params = [("containmentType", containment)] if containment else None
                body = {
                    "userId": user_id,
                    "skip": 0,
                    "limit": 1,
                    "dateFrom": format_ts(lo),
                    "dateTo": format_ts(hi),
                }
                payload = self._post(tenant, "getSessions", body, params)
                what = "kore getSessions"
                if list_items(payload, "sessions", "sessionId", "start_time", what):
                    return True
            hi = lo
        return None

    def knows_session(self, tenant: str, session_id: str) -> bool | None:
        """By ``sessionId`` (documented: unknown ids come back in ``invalidSessions``)."""
        payload = self._post(tenant, "getSessions", {"sessionId": [session_id]})
        items = list_items(payload, "sessions", "sessionId", "start_time", "kore getSessions")
        if any(item["sessionId"] == session_id for item in items):
            return True
        invalid = payload.get("invalidSessions")
        return False if isinstance(invalid, list) and session_id in invalid else None

    def _post(self, tenant: str, endpoint: str, body: dict[str, Any], params: Any = None) -> Any:
        path = f"/api/public/bot/{quote(tenant, safe='')}/{endpoint}"
        return self._request(tenant, "POST", path, params=params, json=body)

    def _list(
        self,
        tenant: str,
        table: str,
        lo: datetime,
        hi: datetime,
        *,
        containment: str | None = None,
        channel: str | None = None,
    ) -> Iterator[dict[str, Any]]:
        """One date window of sessions or messages, newest first, read once despite drift."""
        if table == "sessions":
            endpoint, field_, id_, time_ = "getSessions", "sessions", "sessionId", "start_time"
            limit = self._sessions_limit
        else:
            endpoint, field_, id_, time_ = self._endpoint, "messages", "_id", "createdOn"
            limit = self._messages_limit
        params = [("containmentType", containment)] if containment else None
        size = [limit]
        what = f"kore {endpoint}"

        # Whether the platform's bounds are inclusive is not documented: asking from one
        # millisecond before ``lo`` takes a record at exactly ``lo`` either way (a record at
        # exactly ``hi`` belongs to the next window, which asks from just before it).
        date_from = format_ts(lo - timedelta(milliseconds=1))

        def fetch(page: int) -> Page:
            body: dict[str, Any] = {
                "skip": (page - 1) * size[0],
                "limit": limit,
                "dateFrom": date_from,
                "dateTo": format_ts(hi),
            }
            if channel is not None:
                body["channelType"] = channel
            payload = self._post(tenant, endpoint, body, params)
            items = list_items(payload, field_, id_, time_, what)
            total = int_field(payload, "total", len(items), what)
            more = payload.get("moreAvailable") is True
            if more and 0 < len(items) < size[0]:
                size[0] = len(items)  # the platform caps the page below what we asked
            return Page(items=items, total=total, page_size=size[0])

        return self._scan(
            tenant,
            table,
            fetch,
            lambda it: (parse_ts(it[time_]), it[id_]),
            stop_below=None,
            page_size=limit,
        )

    def _lookup(
        self,
        tenant: str,
        run: _Run,
        follow: _Follow,
        ids: list[str],
        *,
        refreshed: bool,
        unread: bool = False,
    ) -> Iterator[Record]:
        """Sessions by id (``sessionId``, 50 at most): the documented way to learn their status.
        ``unread``: sessions a catch-up revealed (their records may lie below the watermark)."""
        payload = self._post(tenant, "getSessions", {"sessionId": ids})
        yield from self._apply_lookup(
            tenant, run, follow, payload, refreshed=refreshed, unread=unread
        )

    def _fetch_lookups(self, tenant: str, ids: list[str]) -> list[Any]:
        return [
            self._post(tenant, "getSessions", {"sessionId": b}) for b in chunks(ids, LOOKUP_BATCH)
        ]

    def _apply_lookup(
        self,
        tenant: str,
        run: _Run,
        follow: _Follow,
        payload: Any,
        *,
        refreshed: bool,
        unread: bool = False,
    ) -> Iterator[Record]:
        self._stats(tenant, "sessions").requests += 1
        items = list_items(payload, "sessions", "sessionId", "start_time", "kore getSessions")
        invalid = payload.get("invalidSessions") or []
        for sid in invalid if isinstance(invalid, list) else ():
            follow.forget(str(sid))  # gone: deleted or purged
        for item in items:
            follow.pending.discard(item["sessionId"])
            if item["sessionId"] not in run.sessions:
                yield self._session(tenant, run, follow, item, refreshed=refreshed, unread=unread)

    def _session(
        self,
        tenant: str,
        run: _Run,
        follow: _Follow,
        item: dict[str, Any],
        *,
        refreshed: bool,
        unread: bool = False,
    ) -> Record:
        sid = item["sessionId"]
        begun = parse_ts(item["start_time"])
        ended = ts_or_none(item.get("end_time"))
        end = ended or begun
        t0 = self._started[tenant]
        status = item.get("sessionStatus")
        if isinstance(status, str):
            is_open = status.lower() != "closed"
        else:
            # Not even a look-up by id said: followed as open, never closed on a guess.
            is_open = True
            run.no_status += 1
        # No update time: a version seen open (or re-read because it was open) is dated when it
        # was seen, so later versions always sort after it and the overlap dedupes it.
        changed = max(end, t0) if (refreshed or is_open) else end
        run.sessions.add(sid)
        follow.pending.discard(sid)
        if is_open:
            follow.open.add(sid)
            follow.recent.pop(sid, None)
        else:
            follow.open.discard(sid)
            # Its last activity may still lie in what the next run reads again.
            floor = run.since if run.since is not None else t0 - self._overlap
            if end >= floor or (run.since is None and sid in run.followed):
                follow.recent[sid] = format_ts(end)
            else:
                follow.recent.pop(sid, None)
        uid = item.get("userId") if isinstance(item.get("userId"), str) else None
        if uid:
            run.users_of[sid] = uid
            best = run.newest.get(uid)
            if best is None or (begun, sid) > best[:2]:
                run.newest[uid] = (begun, sid, item)
                run.pending_users.add(uid)
        channel = _channel_of(item)
        self._saw_channel(run, follow, channel)
        # Active at the last run and closed since: it may have taken messages anywhere after
        # that run, whether or not its end time moved with them.
        run.known[sid] = _Session(channel, begun, end, is_open or sid in run.was_open)
        return Record(
            "sessions",
            sid,
            item,
            begun,
            changed,
            user_id=uid,
            session_id=sid,
            status=status.lower() if isinstance(status, str) else None,
            unread=unread,
        )

    def _message(
        self, tenant: str, run: _Run, item: dict[str, Any], *, unread: bool = False
    ) -> Record:
        created = parse_ts(item["createdOn"])
        # An edited message keeps its creation time; its version is dated by the edit.
        modified = ts_or_none(item.get("lmodifiedOn"))
        changed = max(created, modified) if modified is not None else created
        sid = item.get("sessionId") if isinstance(item.get("sessionId"), str) else None
        author = item.get("createdBy")
        uid = author if isinstance(author, str) and author and author != tenant else None
        if sid is not None:
            uid = uid or run.users_of.get(sid)
            if sid not in run.sessions and sid not in run.listed:
                run.unknown_sessions.add(sid)
        text, attachments = normalise_components(item.get("components"))
        kind = str(item.get("type") or "").lower()
        sender = {"incoming": "user", "outgoing": "bot"}.get(kind, "system")
        return Record(
            "messages",
            item["_id"],
            item,
            created,
            changed,
            user_id=uid,
            session_id=sid,
            text=text,
            sender=sender,
            attachments=attachments,
            unread=unread,
        )
