"""Kore.ai XO Platform: JWT auth, date windows under 7 days, paced from the documented limits.

Sessions have no update time and lists are filtered by start time, so a run (docs/SOURCES.md):

1. re-reads by id (``sessionId``, 50 per request) every session that was open at the last run,
   whose ids the stream state keeps: that is where end times, counters, tags and closures of
   old sessions show;
2. walks date windows shorter than 7 days from the watermark to the platform's now; in each it
   lists the sessions started in it, then the messages created in it, per channel, and only
   for channels with a session active since the window's start (a message moves its session's
   ``end_time``): a run with nothing new costs ``ceil(open / 50) + 1`` requests;
3. derives ``users`` records from each user's newest session seen (Kore has no users API).

Every request goes through one rate budget per bot built from the documented rolling windows
(60 per 60 s and 1,800 per 3,600 s), because the platform sends no rate-limit headers. A crawl
that stops early (quota spent) records the last finished window, and the next run from the
same watermark resumes there (with windows half as wide if it had not finished even one), so a
backfill larger than an hour's quota finishes over several runs.
"""

from __future__ import annotations

import json
import logging
import secrets
import time
from collections.abc import Callable, Generator, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote

import httpx
import jwt

from archiver.errors import ConfigError
from archiver.sources.base import Record
from archiver.sources.common import (
    add_stats,
    chunks,
    client_stats,
    int_field,
    list_items,
    platform_start,
    ts_or_none,
)
from archiver.sources.http import ApiClient, HttpPolicy, RateBudget, Window
from archiver.sources.paging import Page, ScanStats, scan_newest_first
from archiver.timeutil import format_ts, parse_ts, utcnow

log = logging.getLogger(__name__)

#: The platform refuses windows of 7 days or more; one minute less leaves room for rounding.
WINDOW = timedelta(days=7) - timedelta(minutes=1)
#: Narrowest window a resumed backfill shrinks to when one window did not fit in a run.
MIN_WINDOW = timedelta(hours=1)
LOOKUP_BATCH = 50
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
class _Run:
    """What one crawl of one bot has seen so far."""

    since: datetime | None
    sessions: set[str] = field(default_factory=set)
    users_of: dict[str, str] = field(default_factory=dict)  # session id → user id
    newest: dict[str, tuple[datetime, str, dict[str, Any]]] = field(default_factory=dict)
    pending_users: set[str] = field(default_factory=set)  # newest session changed, not yet sent
    active: dict[str, datetime] = field(default_factory=dict)  # channel → latest session activity
    unknown_sessions: set[str] = field(default_factory=set)  # referenced by messages only


def _refused_hint(name: str) -> str:
    """Kore.ai answers 401 for a wrong client id or secret and for a missing scope alike."""
    return (
        f"check client_id and client_secret of source {name}, and that the app has the "
        "Bot Sessions and Chat History scopes and is linked to the bot"
    )


class KoreSource:
    type = "kore"

    def __init__(
        self,
        name: str,
        settings: Mapping[str, Any],
        *,
        policy: HttpPolicy,
        page_size: int = 100,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.name = name
        self._bots = [str(b) for b in settings["bot_ids"]]
        self._containment: list[str | None] = list(settings.get("containment_types") or [None])
        self._backfill = timedelta(days=float(settings.get("backfill_days", 30)))
        self._idle = timedelta(minutes=float(settings.get("session_idle_minutes", 30)))
        self._api = str(settings.get("messages_api", "v1"))
        if self._api not in MESSAGES_LIMIT:
            raise ConfigError(f"source {name}: messages_api must be v1 or v2")
        self._endpoint = "getMessages" if self._api == "v1" else "getMessagesV2"
        self._sessions_limit = min(SESSIONS_LIMIT, int(settings.get("page_size", page_size)))
        self._messages_limit = min(
            MESSAGES_LIMIT[self._api],
            int(settings.get("messages_page_size", MESSAGES_LIMIT[self._api])),
        )
        margin = float(settings.get("rate_margin_seconds", 2.0))
        windows = [
            Window(int(settings.get("rate_limit_per_minute", 60)), 60.0 + margin),
            Window(int(settings.get("rate_limit_per_hour", 1800)), 3600.0 + margin),
        ]
        auth = KoreJwtAuth(str(settings["client_id"]), str(settings["client_secret"]))
        base = str(settings["base_url"]).rstrip("/")
        # The limits are per bot: one client and one budget each.
        self._clients = {
            bot: ApiClient(
                base,
                name=f"kore:{name}",
                auth=auth,
                policy=policy,
                budget=RateBudget(windows, clock=clock, sleep=sleep),
                transport=transport,
                sleep=sleep,
                refused=dict.fromkeys((401, 403), _refused_hint(name)),
            )
            for bot in self._bots
        }
        self._started: dict[str, datetime] = {}
        self._open_in: dict[str, set[str]] = {}
        self._open: dict[str, set[str]] = {}
        self._resume_in: dict[str, dict[str, Any]] = {}
        self._progress: dict[str, dict[str, Any] | None] = {}
        self.scan_stats: dict[str, ScanStats] = {}

    # -- Source protocol -----------------------------------------------------------------------

    def tenants(self) -> list[str]:
        return list(self._bots)

    def crawl_started_at(self, tenant: str) -> datetime | None:
        return self._started.get(tenant)

    def http_stats(self) -> dict[str, int]:
        return client_stats(self._clients.values())

    def request_count(self) -> int:
        return self.http_stats().get("requests", 0)

    def close(self) -> None:
        for client in self._clients.values():
            client.close()

    def load_state(self, tenant: str, state: Mapping[str, Any]) -> None:
        ids = state.get("open_sessions") or []
        self._open_in[tenant] = {str(i) for i in ids if isinstance(i, str)}
        resume = state.get("resume")
        self._resume_in[tenant] = dict(resume) if isinstance(resume, dict) else {}

    def save_state(self, tenant: str) -> dict[str, Any]:
        """Ids of the sessions that were open when last seen, and, after a crawl that stopped
        early, where to resume it: platform ids and times, nothing personal."""
        out: dict[str, Any] = {}
        still_open = self._open.get(tenant, self._open_in.get(tenant, set()))
        if still_open:
            out["open_sessions"] = sorted(still_open)
        progress = self._progress.get(tenant, self._resume_in.get(tenant))
        if progress:
            out["resume"] = dict(progress)
        return out

    # -- crawl ---------------------------------------------------------------------------------

    def changes(self, tenant: str, since: datetime | None) -> Iterator[Record]:
        self._started.pop(tenant, None)
        self._progress.pop(tenant, None)  # until a window starts, the loaded resume point holds
        previous = sorted(self._open_in.get(tenant, set()))
        self._open[tenant] = set(previous)
        for table in ("sessions", "messages"):
            self.scan_stats[f"{tenant}/{table}"] = ScanStats()
        run = _Run(since=since)
        for batch in chunks(previous, LOOKUP_BATCH):
            yield from self._lookup(tenant, run, batch, refreshed=True)
        start = since if since is not None else utcnow() - self._backfill
        start = start.replace(microsecond=start.microsecond // 1000 * 1000)
        since_key = format_ts(since) if since is not None else None
        span = WINDOW
        resume = self._resume_in.get(tenant)
        if resume and resume.get("since") == since_key:
            # The last crawl from this same watermark stopped early: its finished windows
            # are committed, and the open sessions among them are in the state.
            until = ts_or_none(resume.get("until"))
            start = max(start, until) if until is not None else start
            seconds = resume.get("window_seconds")
            if isinstance(seconds, int | float) and MIN_WINDOW.total_seconds() <= seconds:
                span = min(WINDOW, timedelta(seconds=seconds))

        def progress(until: datetime, fits: timedelta) -> dict[str, Any]:
            return {
                "since": since_key,
                "until": format_ts(until),
                "window_seconds": int(fits.total_seconds()),
            }

        # Should this run stop before finishing a window, the next one tries half as wide.
        self._progress[tenant] = progress(start, max(MIN_WINDOW, span / 2))
        # Window by window, sessions then messages, so a crawl that stops early (quota) can
        # resume after the last finished window instead of starting again.
        for lo, hi in self._windows(tenant, start, span):
            for containment in self._containment:
                for item in self._list(tenant, "sessions", lo, hi, containment=containment):
                    begun = parse_ts(item["start_time"])
                    if lo <= begun < hi and item["sessionId"] not in run.sessions:
                        yield self._session(tenant, run, item, refreshed=False)
            # A message in [lo, hi) moved its session's end_time to lo or later.
            for channel in sorted(ch for ch, end in run.active.items() if end >= lo):
                for item in self._list(tenant, "messages", lo, hi, channel=channel):
                    if lo <= parse_ts(item["createdOn"]) < hi:
                        yield self._message(tenant, run, item)
            yield from self._users(tenant, run)
            self._progress[tenant] = progress(hi, span)
        # A message whose session no list showed (e.g. opened before the backfill horizon).
        for batch in chunks(sorted(run.unknown_sessions - run.sessions), LOOKUP_BATCH):
            yield from self._lookup(tenant, run, batch, refreshed=False)
        yield from self._users(tenant, run)
        self._progress[tenant] = None

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

    def _post(self, tenant: str, endpoint: str, body: dict[str, Any], params: Any = None) -> Any:
        path = f"/api/public/bot/{quote(tenant, safe='')}/{endpoint}"
        resp, payload = self._clients[tenant].request_json_response(
            "POST", path, params=params, json=body
        )
        if tenant not in self._started:
            self._started[tenant] = platform_start(resp)
        return payload

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

        def fetch(page: int) -> Page:
            body: dict[str, Any] = {
                "skip": (page - 1) * size[0],
                "limit": limit,
                "dateFrom": format_ts(lo),
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

        stats = ScanStats()
        try:
            yield from scan_newest_first(
                fetch,
                lambda it: (parse_ts(it[time_]), it[id_]),
                stop_below=None,
                stats=stats,
                recent_ids=max(5000, 5 * limit),
            )
        finally:
            add_stats(self.scan_stats[f"{tenant}/{table}"], stats)

    def _lookup(
        self, tenant: str, run: _Run, ids: list[str], *, refreshed: bool
    ) -> Iterator[Record]:
        payload = self._post(tenant, "getSessions", {"sessionId": ids})
        self.scan_stats[f"{tenant}/sessions"].requests += 1
        items = list_items(payload, "sessions", "sessionId", "start_time", "kore getSessions")
        invalid = payload.get("invalidSessions") or []
        for sid in invalid if isinstance(invalid, list) else ():
            self._open[tenant].discard(str(sid))  # gone: deleted or purged
        for item in items:
            if item["sessionId"] not in run.sessions:
                yield self._session(tenant, run, item, refreshed=refreshed)

    def _is_open(self, item: dict[str, Any], end: datetime, t0: datetime) -> bool:
        status = item.get("sessionStatus")
        if isinstance(status, str):
            return status.lower() != "closed"
        # Without a status field: open while within the idle timeout of its last activity.
        return end >= t0 - self._idle

    def _session(self, tenant: str, run: _Run, item: dict[str, Any], *, refreshed: bool) -> Record:
        sid = item["sessionId"]
        begun = parse_ts(item["start_time"])
        ended = ts_or_none(item.get("end_time"))
        end = ended or begun
        t0 = self._started[tenant]
        is_open = self._is_open(item, end, t0)
        # No update time: a version seen open (or re-read because it was open) is dated when it
        # was seen, so later versions always sort after it and the overlap dedupes it.
        changed = max(end, t0) if (refreshed or is_open) else end
        run.sessions.add(sid)
        if is_open:
            self._open[tenant].add(sid)
        else:
            self._open[tenant].discard(sid)
        uid = item.get("userId") if isinstance(item.get("userId"), str) else None
        if uid:
            run.users_of[sid] = uid
            best = run.newest.get(uid)
            if best is None or (begun, sid) > best[:2]:
                run.newest[uid] = (begun, sid, item)
                run.pending_users.add(uid)
        channel = str(item.get("channel") or "rtm")
        # An open session without an end time may have messages anywhere after its start.
        last = t0 if (is_open and ended is None) else end
        if last > run.active.get(channel, last - timedelta(seconds=1)):
            run.active[channel] = last
        status = item.get("sessionStatus")
        return Record(
            "sessions",
            sid,
            item,
            begun,
            changed,
            user_id=uid,
            session_id=sid,
            status=status.lower() if isinstance(status, str) else ("active" if is_open else None),
        )

    def _message(self, tenant: str, run: _Run, item: dict[str, Any]) -> Record:
        created = parse_ts(item["createdOn"])
        sid = item.get("sessionId") if isinstance(item.get("sessionId"), str) else None
        author = item.get("createdBy")
        uid = author if isinstance(author, str) and author and author != tenant else None
        if sid is not None:
            uid = uid or run.users_of.get(sid)
            if sid not in run.sessions:
                run.unknown_sessions.add(sid)
        text, attachments = normalise_components(item.get("components"))
        kind = str(item.get("type") or "").lower()
        sender = {"incoming": "user", "outgoing": "bot"}.get(kind, "system")
        return Record(
            "messages",
            item["_id"],
            item,
            created,
            created,
            user_id=uid,
            session_id=sid,
            text=text,
            sender=sender,
            attachments=attachments,
        )
