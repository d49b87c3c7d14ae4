"""Peki Developer API: HMAC-signed requests, offset pages newest first, no update filter.

Strategy per run (see docs/FORMAT.md "Incremental crawl"):

- users and sessions change in place (``updatedAt``) while their lists are ordered by
  ``createdAt``: the only way the API shows an old session's new summary is its list entry, so
  both lists are read in full every run (``ceil(n / pageSize)`` requests each);
- messages are immutable and newest first: the chatbot-wide message list is read from the top
  down to the watermark, so new messages in any number of old sessions cost
  ``ceil(new / pageSize)`` requests, not one per session.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import time
from collections.abc import Callable, Generator, Iterator, Mapping
from datetime import datetime
from typing import Any
from urllib.parse import quote

import httpx

from archiver.errors import SourceError
from archiver.sources.base import Record
from archiver.sources.common import Access, HttpSource
from archiver.sources.http import HttpPolicy, server_date
from archiver.sources.paging import Page, side_by_side
from archiver.timeutil import parse_ts

log = logging.getLogger(__name__)

TIMESTAMP_WINDOW_SECONDS = 300


class PekiAuth(httpx.Auth):
    """Signs METHOD, the exact path with query, the body and a timestamp.

    If the platform's clock is off by more than its window, the first answer is 401 with a
    ``Date`` header: the signer learns the offset from it and signs once more.
    """

    def __init__(self, api_key: str, api_secret: str) -> None:
        self._key = api_key
        self._secret = api_secret.encode("utf-8")
        self.clock_offset = 0.0

    def _sign(self, request: httpx.Request) -> float:
        used = self.clock_offset
        ts = str(int(time.time() + used))
        path = request.url.raw_path.decode("ascii")
        body = request.content.decode("utf-8") if request.content else ""
        payload = f"{request.method}\n{path}\n{body}\n{ts}".encode()
        sig = base64.b64encode(hmac.new(self._secret, payload, hashlib.sha256).digest())
        request.headers["X-API-Key"] = self._key
        request.headers["X-Timestamp"] = ts
        request.headers["X-Signature"] = sig.decode("ascii")
        request.headers["Content-Type"] = "application/json"
        return used

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        used = self._sign(request)
        response = yield request
        if response.status_code == 401 and "date" in response.headers:
            server = server_date(response)
            if server is None:
                return
            offset = server.timestamp() - time.time()
            if abs(offset - used) > TIMESTAMP_WINDOW_SECONDS - 30:
                if abs(offset - self.clock_offset) > TIMESTAMP_WINDOW_SECONDS - 30:
                    log.warning(
                        "peki clock differs from ours by %.0f s; signing with its time", offset
                    )
                    self.clock_offset = offset
                self._sign(request)
                yield request


class PekiSource(HttpSource):
    type = "peki"

    def _setup(self, settings: Mapping[str, Any], *, policy: HttpPolicy, page_size: int) -> Access:
        self._page_size = int(settings.get("page_size", page_size))
        return Access(
            tenants=[str(b) for b in settings["chatbot_ids"]],
            auth=PekiAuth(str(settings["api_key"]), str(settings["api_secret"])),
            refused={
                401: f"check api_key and api_secret of source {self.name} (a clock more than "
                "5 minutes off is refused the same way: archiver doctor compares them)",
                403: f"the api_key of source {self.name} has no access to this chatbot: check "
                "chatbot_ids and the key's chatbots",
            },
        )

    def _fetcher(self, tenant: str, what: str) -> Any:
        path = f"/Dev/{quote(tenant, safe='')}/{what}"

        def fetch(page: int) -> Page:
            params = [("page", str(page)), ("pageSize", str(self._page_size))]
            return _parse_page(self._request(tenant, "GET", path, params=params), what)

        return fetch

    def changes(self, tenant: str, since: datetime | None) -> Iterator[Record]:
        """Users, then sessions, then messages; with ``crawl.concurrency`` > 1 the three lists
        are read side by side (each scan as alone, records handed over in this order)."""
        tables = ("users", "sessions", "messages")
        self._begin(tenant, tables)

        def records(table: str) -> Callable[[], Iterator[Record]]:
            stop = since if table == "messages" else None

            def read() -> Iterator[Record]:
                for item in self._scan(
                    tenant,
                    table,
                    self._fetcher(tenant, table),
                    _key,
                    stop_below=stop,
                    page_size=self._page_size,
                ):
                    yield _record(table, item)

            return read

        yield from side_by_side(
            [records(t) for t in tables],
            ahead=len(tables) - 1 if self._pages_in_parallel > 1 else 0,
            name=f"peki-{tenant}",
        )

    # -- PlatformLookup ----------------------------------------------------------------------

    def knows_user(self, tenant: str, user_id: str) -> bool | None:
        """Whether the chatbot has sessions, messages or a profile of ``user_id``.

        The list filters (``sessions?userId``, ``messages?userId``) are documented; the profile
        by id (``users/{id}``) is inferred, so only its 200 counts: a 404 there (no such route,
        or no such user) adds nothing to "no sessions and no messages".
        """
        for what in ("sessions", "messages"):
            path = f"/Dev/{quote(tenant, safe='')}/{what}"
            params = [("userId", user_id), ("page", "1"), ("pageSize", "1")]
            page = _parse_page(self._request(tenant, "GET", path, params=params), what)
            if page.items or page.total > 0:
                return True
        path = f"/Dev/{quote(tenant, safe='')}/users/{quote(user_id, safe='')}"
        body = self._request(tenant, "GET", path, allow_status=(404,))
        data = body.get("data") if isinstance(body, dict) else None
        return isinstance(data, dict) and data.get("id") == user_id

    def knows_session(self, tenant: str, session_id: str) -> bool | None:
        path = f"/Dev/{quote(tenant, safe='')}/sessions/{quote(session_id, safe='')}"
        body = self._request(tenant, "GET", path, allow_status=(404,))
        return isinstance(body, dict) and isinstance(body.get("data"), dict)


def _key(item: dict[str, Any]) -> tuple[datetime, str]:
    return parse_ts(item["createdAt"]), item["id"]


def _parse_page(body: Any, what: str) -> Page:
    if not isinstance(body, dict):
        raise SourceError(f"peki {what} list: the answer is not a JSON object")
    if body.get("error"):
        raise SourceError(f"peki {what} list: the platform reported an error")
    data = body.get("data")
    if not isinstance(data, list):
        raise SourceError(f"peki {what} list: 'data' is not a list")
    for i, item in enumerate(data):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not item["id"]:
            raise SourceError(f"peki {what} list: item {i} has no string 'id'")
        try:
            parse_ts(str(item.get("createdAt")))
        except ValueError:
            raise SourceError(f"peki {what} list: item {i} has no valid 'createdAt'") from None
    try:
        total = int(body.get("totalItems", len(data)))
        size = int(body.get("pageSize") or len(data) or 1)
    except (TypeError, ValueError):
        raise SourceError(f"peki {what} list: paging fields are not integers") from None
    return Page(items=data, total=total, page_size=size)


def _changed(item: dict[str, Any]) -> datetime:
    for f in ("updatedAt", "createdAt"):
        v = item.get(f)
        if isinstance(v, str):
            try:
                return parse_ts(v)
            except ValueError:
                continue
    raise SourceError("peki record without a valid time")


def _record(table: str, item: dict[str, Any]) -> Record:
    created = parse_ts(item["createdAt"])
    if table == "users":
        return Record(table, item["id"], item, created, _changed(item), user_id=item["id"])
    if table == "sessions":
        return Record(
            table,
            item["id"],
            item,
            created,
            _changed(item),
            user_id=item.get("chatUserId"),
            session_id=item["id"],
        )
    return Record(
        table,
        item["id"],
        item,
        created,
        created,
        user_id=item.get("chatUserId"),
        session_id=item.get("chatSessionId"),
    )
