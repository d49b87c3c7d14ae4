"""Selise Blocks conversation AI: project key, optional OAuth, a session list by recent activity.

A run (docs/SOURCES.md):

1. reads the agent's session list from the top down to the first page that reaches below the
   watermark: the list is most recently active first, so sessions with a new message, a closure
   or a late rating are near the top however old they are;
2. the list changes between pages: a session that changes during the scan jumps to the top,
   out of the part still to read. When the scan took more than one page, the top is read again
   down to the crawl's start (repeated while that itself takes more than one page);
3. for each session whose ``last_message_at`` is at or after the watermark, reads its messages
   from the end (the offset comes from ``message_count``), backwards until older than the
   watermark: one request per changed session in the usual case;
4. derives one ``users`` record per user from their newest session seen (no users API).

With ``sessions_order: created`` (a platform that lists by creation) step 1 reads the whole
list every run instead, since an old session's update would not move it.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import quote

import httpx

from archiver.errors import ConfigError, SourceError
from archiver.sources.base import Record
from archiver.sources.common import Access, HttpSource, int_field, list_items, ts_or_none
from archiver.sources.http import HttpPolicy, HttpStatusError
from archiver.sources.paging import Page, ScanStats
from archiver.timeutil import parse_ts

log = logging.getLogger(__name__)

TOKEN_PATH = "/authentication/v1/OAuth/Token"  # noqa: S105 (a path, not a secret)
LIMIT_MAX = 100
CATCH_UP_PASSES = 5
_TOKEN_TRIES = 3
#: A page of one session's messages and their total; None if the session is gone.
_MessagePage = tuple[list[dict[str, Any]], int] | None
_SENDER = {"user": "user", "assistant": "bot", "bot": "bot", "agent": "agent", "system": "system"}


class SeliseAuth(httpx.Auth):
    """``x-blocks-key`` on every request; with client credentials also a Bearer token.

    The token is cached until shortly before it expires and fetched again when the API answers
    401. If the token endpoint answers 5xx or 429, that answer is what the caller sees, so the
    client's retry and backoff apply to it like to any other request.
    """

    requires_response_body = True

    def __init__(
        self,
        project_key: str,
        client_id: str | None = None,
        client_secret: str | None = None,
        *,
        token_path: str = TOKEN_PATH,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._key = project_key
        self._client_id = client_id
        self._secret = client_secret
        self._token_path = token_path
        self._clock = clock
        self._lock = threading.Lock()
        self._token: str | None = None
        self._expires = 0.0
        self.tokens_fetched = 0

    def _cached(self) -> str | None:
        with self._lock:
            return self._token if self._token and self._clock() < self._expires else None

    def _fetch(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, str | None]:
        """A new token, or None when the endpoint's answer should go back to the caller."""
        fields = {
            "grant_type": (None, "client_credential"),
            "client_id": (None, self._client_id or ""),
            "client_secret": (None, self._secret or ""),
        }
        url = request.url.copy_with(raw_path=self._token_path.encode("ascii"))
        for _ in range(_TOKEN_TRIES):
            response = yield httpx.Request(
                "POST", url, files=fields, headers={"Accept": "application/json"}
            )
            if response.status_code in (400, 401, 403):
                raise SourceError(
                    "selise: the token endpoint refused the client credentials "
                    f"(HTTP {response.status_code}); check client_id and client_secret"
                )
            if response.status_code != 200:
                return None
            try:
                body = response.json()
            except ValueError:
                continue  # a cut-off or HTML answer: ask again
            token = body.get("access_token") if isinstance(body, dict) else None
            if not isinstance(token, str) or not token:
                continue
            expires_in = body.get("expires_in")
            ttl = float(expires_in) if isinstance(expires_in, int | float) else 3600.0
            with self._lock:
                self._token = token
                self._expires = self._clock() + max(0.0, ttl - 30.0)
                self.tokens_fetched += 1
            return token
        raise SourceError("selise: the token endpoint kept answering without an access_token")

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["x-blocks-key"] = self._key
        if self._client_id is None:
            yield request
            return
        token = self._cached()
        if token is None:
            token = yield from self._fetch(request)
            if token is None:
                return
        request.headers["Authorization"] = f"Bearer {token}"
        response = yield request
        if response.status_code == 401:
            with self._lock:
                if self._token == token:
                    self._token = None
            token = yield from self._fetch(request)
            if token is None:
                return
            request.headers["Authorization"] = f"Bearer {token}"
            yield request


@dataclass
class _Run:
    """What one crawl of one agent has seen so far."""

    since: datetime | None
    versions: dict[str, str] = field(default_factory=dict)  # session id → updated_at visited
    frontier: dict[str, tuple[datetime, set[str]]] = field(default_factory=dict)  # newest read
    newest: dict[str, tuple[datetime, str, dict[str, Any]]] = field(default_factory=dict)
    out_of_order: bool = False


class SeliseSource(HttpSource):
    type = "selise"

    def _setup(self, settings: Mapping[str, Any], *, policy: HttpPolicy, page_size: int) -> Access:
        self._widgets: dict[str, str] = {}
        for agent in settings["agents"]:
            agent_id, widget_id = str(agent["agent_id"]), str(agent["widget_id"])
            if agent_id in self._widgets:
                raise ConfigError(f"source {self.name}: agent {agent_id!r} is listed twice")
            self._widgets[agent_id] = widget_id
        self._project_key = str(settings["project_key"])
        self._order = str(settings.get("sessions_order", "activity"))
        self._limit = max(1, min(LIMIT_MAX, int(settings.get("page_size", page_size))))
        client_id = settings.get("client_id")
        secret = settings.get("client_secret")
        self.auth = SeliseAuth(
            self._project_key,
            str(client_id) if client_id else None,
            str(secret) if secret else None,
            token_path=str(settings.get("token_path", TOKEN_PATH)),
        )
        return Access(
            tenants=list(self._widgets),
            auth=self.auth,
            refused=dict.fromkeys(
                (401, 403),
                f"check project_key of source {self.name}"
                + (", and its client_id and client_secret" if client_id else ""),
            ),
        )

    def changes(self, tenant: str, since: datetime | None) -> Iterator[Record]:
        self._begin(tenant, ("sessions", "messages"))
        run = _Run(since=since)
        by_activity = self._order == "activity"
        stats = ScanStats()
        yield from self._visit_all(
            tenant, run, self._sessions(tenant, since if by_activity else None, run, stats)
        )
        if by_activity and run.out_of_order and since is not None:
            log.warning(
                "selise %s/%s: the session list is not ordered by recent activity; reading it "
                "all (set sessions_order: created to do so from the start)",
                self.name,
                tenant,
            )
            yield from self._visit_all(tenant, run, self._sessions(tenant, None, run, ScanStats()))
        passes = 0
        while by_activity and stats.requests > 1 and passes < CATCH_UP_PASSES:
            # Sessions that changed during the scan moved to the top, above where it was.
            passes += 1
            stats = ScanStats()
            yield from self._visit_all(
                tenant, run, self._sessions(tenant, self._started[tenant], run, stats)
            )
        for uid, (created, sid, session) in sorted(run.newest.items()):
            data = {
                "user_id": uid,
                "agent_id": tenant,
                "widget_id": session.get("widget_id"),
                "user_info": session.get("user_info"),
                "last_session_id": sid,
                "last_session_created_at": session.get("created_at"),
            }
            yield Record("users", uid, data, created, created, user_id=uid)

    def _sessions(
        self, tenant: str, stop_below: datetime | None, run: _Run, stats: ScanStats
    ) -> Iterator[dict[str, Any]]:
        time_field = "updated_at" if self._order == "activity" else "created_at"
        what = "selise session list"

        def fetch(page: int) -> Page:
            body = {
                "agent_id": tenant,
                "project_key": self._project_key,
                "limit": self._limit,
                "offset": (page - 1) * self._limit,
            }
            payload = self._request(tenant, "POST", "/conversation/sessions", json=body)
            items = list_items(payload, "sessions", "session_id", time_field, what)
            times = [parse_ts(i[time_field]) for i in items]
            if any(later > earlier for earlier, later in itertools.pairwise(times)):
                run.out_of_order = True
            total = int_field(payload, "total_count", len(items), what)
            return Page(items=items, total=total, page_size=self._limit)

        return self._scan(
            tenant,
            "sessions",
            fetch,
            lambda it: (parse_ts(it[time_field]), it["session_id"]),
            stop_below=stop_below,
            page_size=self._limit,
            stats=stats,
        )

    def _visit_all(
        self, tenant: str, run: _Run, items: Iterator[dict[str, Any]]
    ) -> Iterator[Record]:
        """Visit the listed sessions in order. Each session's messages cost a request of
        their own (the API has no cross-session list), so with ``crawl.concurrency`` > 1 the
        first messages page of the next sessions that need one is fetched while earlier ones
        are visited: the same requests and records, in the same order, fewer round trips."""
        ahead = self._pages_in_parallel - 1
        if ahead < 1:
            for item in items:
                yield from self._visit(tenant, run, item)
            return
        window: deque[tuple[dict[str, Any], Future[_MessagePage] | None]] = deque()
        with ThreadPoolExecutor(ahead, thread_name_prefix=f"selise-{tenant}") as pool:
            try:
                for item in items:
                    first = self._first_page(run, item)
                    fetched = (
                        pool.submit(self._fetch_messages, tenant, item["session_id"], *first)
                        if first is not None
                        else None
                    )
                    window.append((item, fetched))
                    if len(window) > ahead:
                        head, fetched = window.popleft()
                        yield from self._visit(tenant, run, head, fetched)
                while window:
                    head, fetched = window.popleft()
                    yield from self._visit(tenant, run, head, fetched)
            finally:
                for _, fetched in window:
                    if fetched is not None:
                        fetched.cancel()  # never asked; those already asked finish first

    def _first_page(self, run: _Run, item: dict[str, Any]) -> tuple[int, int] | None:
        """Offset and limit of the first messages request ``_visit`` will make for ``item``
        (the end of its messages, from ``message_count``), or None if it will make none."""
        if run.versions.get(item["session_id"]) == str(item.get("updated_at")):
            return None
        last = ts_or_none(item.get("last_message_at"))
        count = item.get("message_count")
        has_messages = last is not None or (isinstance(count, int) and count > 0)
        if not has_messages or not (run.since is None or last is None or last >= run.since):
            return None
        hint = count if isinstance(count, int) and count > 0 else 0
        return max(0, hint - self._limit), self._limit

    def _visit(
        self,
        tenant: str,
        run: _Run,
        item: dict[str, Any],
        fetched: Future[_MessagePage] | None = None,
    ) -> Iterator[Record]:
        sid = item["session_id"]
        version = str(item.get("updated_at"))
        if run.versions.get(sid) == version:
            return
        run.versions[sid] = version
        updated = ts_or_none(item.get("updated_at")) or ts_or_none(item.get("created_at"))
        created = ts_or_none(item.get("created_at")) or updated
        if created is None or updated is None:
            raise SourceError("selise session list: a session has no valid created_at/updated_at")
        uid = item.get("user_id") if isinstance(item.get("user_id"), str) else None
        if uid:
            best = run.newest.get(uid)
            if best is None or (created, sid) > best[:2]:
                run.newest[uid] = (created, sid, item)
        yield Record("sessions", sid, item, created, updated, user_id=uid, session_id=sid)
        last = ts_or_none(item.get("last_message_at"))
        count = item.get("message_count")
        has_messages = last is not None or (isinstance(count, int) and count > 0)
        if has_messages and (run.since is None or last is None or last >= run.since):
            yield from self._messages(tenant, run, item, uid, fetched)

    # -- PlatformLookup ----------------------------------------------------------------------

    def knows_user(self, tenant: str, user_id: str) -> bool | None:
        """The session list has no user filter: only reading all of it would tell, so the
        answer is "cannot be asked" (the crawl learns every user the list shows)."""
        return None

    def knows_session(self, tenant: str, session_id: str) -> bool | None:
        """By id (a missing session is a documented 404)."""
        body = {
            "widget_id": self._widgets[tenant],
            "session_id": session_id,
            "agent_id": tenant,
            "limit": 1,
            "offset": 0,
            "project_key": self._project_key,
        }
        path = f"/conversation/sessions/{quote(session_id, safe='')}"
        payload = self._request(tenant, "POST", path, json=body, allow_status=(404,))
        return isinstance(payload, dict) and payload.get("session_id", session_id) == session_id

    def _message_page(
        self,
        tenant: str,
        sid: str,
        offset: int,
        limit: int,
        fetched: Future[_MessagePage] | None = None,
    ) -> _MessagePage:
        """One page of a session's messages and their total; None if the session is gone.
        ``fetched``: the same request, already sent ahead."""
        self._stats(tenant, "messages").requests += 1
        if fetched is not None:
            return fetched.result()
        return self._fetch_messages(tenant, sid, offset, limit)

    def _fetch_messages(self, tenant: str, sid: str, offset: int, limit: int) -> _MessagePage:
        body = {
            "widget_id": self._widgets[tenant],
            "session_id": sid,
            "agent_id": tenant,
            "limit": limit,
            "offset": offset,
            "project_key": self._project_key,
        }
        path = f"/conversation/sessions/{quote(sid, safe='')}"
        try:
            payload = self._request(tenant, "POST", path, json=body)
        except HttpStatusError as exc:
            if exc.status == 404:
                return None  # deleted since it was listed: nothing left to archive
            raise
        what = "selise session messages"
        items = list_items(payload, "messages", "message_id", "created_at", what)
        return items, int_field(payload, "total_count", len(items), what)

    def _messages(
        self,
        tenant: str,
        run: _Run,
        session: dict[str, Any],
        uid: str | None,
        fetched: Future[_MessagePage] | None = None,
    ) -> Iterator[Record]:
        """The session's messages at or after the watermark, read from the end backwards."""
        sid = session["session_id"]
        limit = self._limit
        count = session.get("message_count")
        hint = count if isinstance(count, int) and count > 0 else 0
        low = max(0, hint - limit)
        first = self._message_page(tenant, sid, low, limit, fetched)
        if first is None:
            return
        items, total = first
        if not items and 0 < total <= low:
            low = max(0, total - limit)  # fewer messages than the list said
            again = self._message_page(tenant, sid, low, limit)
            if again is None:
                return
            items, total = again
        times = [parse_ts(m["created_at"]) for m in items]
        if any(later < earlier for earlier, later in itertools.pairwise(times)):
            # Not oldest first after all: offsets say nothing about age, so read every page.
            low, items = 0, []
        # Offsets move by what was asked for: a page with more items than that (the extra ones
        # repeats, or records the platform shifted in) must not push the next offset past
        # messages never read.
        end = low + min(len(items), limit)
        while end < total:
            more = self._message_page(tenant, sid, end, limit)
            if more is None or not more[0]:
                break
            items += more[0]
            end += min(len(more[0]), limit)
            total = more[1]
        while low > 0 and (
            run.since is None or not items or parse_ts(items[0]["created_at"]) >= run.since
        ):
            start = max(0, low - limit)
            before = self._message_page(tenant, sid, start, low - start)
            if before is None or not before[0]:
                break
            items = before[0] + items
            low = start
        seen_at, seen_ids = run.frontier.get(sid, (None, set()))
        newest_at, newest_ids = seen_at, set(seen_ids)
        emitted: set[str] = set()
        for msg in items:
            mid, at = msg["message_id"], parse_ts(msg["created_at"])
            if mid in emitted or (
                seen_at is not None and (at < seen_at or (at == seen_at and mid in seen_ids))
            ):
                continue  # read earlier in this run, before the session moved up the list
            emitted.add(mid)
            if newest_at is None or at > newest_at:
                newest_at, newest_ids = at, {mid}
            elif at == newest_at:
                newest_ids.add(mid)
            yield self._message(tenant, session, msg, uid)
        if newest_at is not None:
            run.frontier[sid] = (newest_at, newest_ids)

    def _message(
        self, tenant: str, session: dict[str, Any], msg: dict[str, Any], uid: str | None
    ) -> Record:
        created = parse_ts(msg["created_at"])
        # A message alone does not say where it belongs: the session's ids go with it.
        data = {
            "session_id": session["session_id"],
            "agent_id": tenant,
            "widget_id": session.get("widget_id"),
            "user_id": uid,
            **msg,
        }
        content = msg.get("content")
        metadata = msg.get("metadata")
        listed = metadata.get("attachments") if isinstance(metadata, dict) else None
        attachments = tuple(
            str(a["url"])
            for a in (listed if isinstance(listed, list) else ())
            if isinstance(a, dict) and isinstance(a.get("url"), str)
        )
        return Record(
            "messages",
            msg["message_id"],
            data,
            created,
            created,
            user_id=uid,
            session_id=session["session_id"],
            text=content if isinstance(content, str) else "",
            sender=_SENDER.get(str(msg.get("role") or "").lower(), "system"),
            attachments=attachments,
        )
