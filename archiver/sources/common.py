"""What every platform source shares: the ``HttpSource`` base and small helpers for lists.

``HttpSource`` holds what does not depend on the platform: the tenants, the HTTP client (one
shared, or one per tenant where the platform's limits are per tenant) with its rate budget,
request counters, the platform's clock at the start of each crawl (from the first answer's
``Date`` header) and the list-read counters of each crawl. A platform's module keeps its auth,
endpoints, paging fields, limits and the quirks of its API.
"""

from __future__ import annotations

import threading
import time
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, ClassVar, TypeVar

import httpx

from archiver.errors import SourceError
from archiver.sources.base import Change
from archiver.sources.http import ApiClient, HttpPolicy, RateBudget, Window, server_date
from archiver.sources.paging import Page, ScanStats, scan_newest_first
from archiver.timeutil import parse_ts, utcnow

T = TypeVar("T")
#: Keys of the platforms' error bodies (Kore.ai "errors", Selise "detail", Peki "error").
ERROR_KEYS = ("errors", "detail", "error")


@dataclass(frozen=True)
class Access:
    """How a platform is reached, as a source's settings say: its tenants, the auth every
    request goes through, and what a refused request (by status) tells the operator to check."""

    tenants: list[str]
    auth: httpx.Auth
    refused: Mapping[int, str]


class HttpSource(ABC):
    """A platform read over HTTP: implements the ``Source`` protocol but for ``changes``.

    A subclass names its ``type``, reads its settings in ``_setup`` (which says how the platform
    is reached), and crawls in ``changes`` through ``_request`` (which notes the platform's
    clock at the crawl's start) and ``_scan`` (which counts list reads per table). Every
    platform is built with the same arguments, so the registry builds them alike.
    """

    type: str
    #: One client and one rate budget per tenant, for platforms whose limits are per tenant.
    client_per_tenant: ClassVar[bool] = False

    def __init__(
        self,
        name: str,
        settings: Mapping[str, Any],
        *,
        policy: HttpPolicy,
        page_size: int = 100,
        overlap: timedelta = timedelta(0),
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.name = name
        # Pages of one list fetched at once where the list allows it (paging.py).
        self._pages_in_parallel = policy.concurrency
        # The crawl's lag: the next run's watermark is this crawl's start minus it (what a
        # source carrying state between runs needs to know of the next run's overlap).
        self._overlap = overlap
        access = self._setup(settings, policy=policy, page_size=page_size)
        self._tenants = list(access.tenants)
        base_url = str(settings["base_url"]).rstrip("/")
        windows = self.rate_windows(settings)

        def client() -> ApiClient:
            return ApiClient(
                base_url,
                name=f"{self.type}:{name}",
                auth=access.auth,
                policy=policy,
                budget=RateBudget(windows, clock=clock, sleep=sleep),
                transport=transport,
                sleep=sleep,
                refused=access.refused,
            )

        self._shared = None if self.client_per_tenant else client()
        self._per_tenant = {t: client() for t in self._tenants} if self.client_per_tenant else {}
        self._started: dict[str, datetime] = {}
        self._scans: dict[str, dict[str, ScanStats]] = {}
        # Lists read side by side answer and finish in threads of their own.
        self._lock = threading.Lock()

    @abstractmethod
    def _setup(self, settings: Mapping[str, Any], *, policy: HttpPolicy, page_size: int) -> Access:
        """Read the platform's settings (``ConfigError`` for what the schema cannot check)."""

    @classmethod
    def rate_windows(cls, settings: Mapping[str, Any]) -> list[Window]:
        """The limits a client paces itself by before any answer: ``rate_limit_per_minute``
        where configured (limits the platform announces in headers apply on top), per rolling
        minute or, with ``rate_limit_window: clock``, per minute of the platform's clock."""
        rpm = settings.get("rate_limit_per_minute")
        aligned = settings.get("rate_limit_window", "rolling") == "clock"
        return [Window(int(rpm), 60.0, aligned=aligned)] if rpm else []

    # -- Source protocol -----------------------------------------------------------------------

    def tenants(self) -> list[str]:
        return list(self._tenants)

    @abstractmethod
    def changes(self, tenant: str, since: datetime | None) -> Iterator[Change]: ...

    def crawl_started_at(self, tenant: str) -> datetime | None:
        return self._started.get(tenant)

    def http_stats(self) -> dict[str, int]:
        """Request counters (by status, retries, waits) summed over the source's clients."""
        total: Counter[str] = Counter()
        for c in self._clients():
            total.update(c.stats)
        return dict(total)

    def request_count(self) -> int:
        return self.http_stats().get("requests", 0)

    def scan_stats(self, tenant: str) -> Mapping[str, ScanStats]:
        return self._scans.get(tenant, {})

    def close(self) -> None:
        for c in self._clients():
            c.close()

    # -- for the platforms ---------------------------------------------------------------------

    def _clients(self) -> list[ApiClient]:
        return [self._shared] if self._shared is not None else list(self._per_tenant.values())

    def _begin(self, tenant: str, tables: Sequence[str]) -> None:
        """A new crawl of ``tenant``: its start comes from its first answer, counters from 0."""
        self._started.pop(tenant, None)
        self._scans[tenant] = {table: ScanStats() for table in tables}

    def _stats(self, tenant: str, table: str) -> ScanStats:
        return self._scans[tenant][table]

    def _request(
        self,
        tenant: str,
        method: str,
        path: str,
        *,
        params: Sequence[tuple[str, str]] | None = None,
        json: Any = None,
        allow_status: Collection[int] = (),
    ) -> Any:
        """The parsed answer; the crawl's first answer dates its start (``crawl_started_at``).

        A status in ``allow_status`` answers ``None`` instead of raising.

        Lists read side by side may bring several first answers at once: the earliest counts.
        The ``Date`` header has whole seconds: stepping back one keeps every write of that
        second at or after the start. Without a usable header, our own clock is the best there
        is.
        """
        client = self._shared if self._shared is not None else self._per_tenant[tenant]
        resp, payload = client.request_json_response(
            method, path, params=params, json=json, allow_status=allow_status
        )
        if tenant not in self._started:
            at = (server_date(resp) or utcnow()) - timedelta(seconds=1)
            with self._lock:  # first answers of lists read side by side: the earliest
                self._started[tenant] = min(self._started.get(tenant, at), at)
        return payload

    def _scan(
        self,
        tenant: str,
        table: str,
        fetch: Callable[[int], Page],
        key: Callable[[dict[str, Any]], tuple[datetime, str]],
        *,
        stop_below: datetime | None,
        page_size: int,
        stats: ScanStats | None = None,
    ) -> Iterator[dict[str, Any]]:
        """``scan_newest_first`` over one list, its counters added to the table's at the end
        (``stats`` lets the caller read this scan's own counters). Up to ``crawl.concurrency``
        pages are fetched at once where that saves round trips; the client's slots and rate
        budget bound them like every other request."""
        own = stats if stats is not None else ScanStats()
        try:
            yield from scan_newest_first(
                fetch,
                key,
                stop_below=stop_below,
                stats=own,
                recent_ids=max(5000, 5 * page_size),
                parallel=self._pages_in_parallel,
            )
        finally:
            with self._lock:
                self._stats(tenant, table).add(own)


def chunks(items: Sequence[T], size: int) -> Iterator[list[T]]:
    for i in range(0, len(items), size):
        yield list(items[i : i + size])


def ts_or_none(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return parse_ts(value)
    except ValueError:
        return None


def list_items(
    body: Any, field: str, id_field: str, time_field: str, what: str
) -> list[dict[str, Any]]:
    """``body[field]`` checked to be a list of objects with a string id and a valid time.

    Errors name the list and the item's position, never its content.
    """
    if not isinstance(body, dict):
        raise SourceError(f"{what}: the answer is not a JSON object")
    # Kore.ai ({"errors": [...]}) and Selise ({"detail": ...}) errors can come with a 200: taken
    # for an empty page, they would read as "nothing changed" and the window would be lost.
    if field not in body and any(body.get(k) for k in ERROR_KEYS):
        raise SourceError(f"{what}: the platform answered with an error instead of '{field}'")
    items = body.get(field)
    if items is None:
        items = []
    if not isinstance(items, list):
        raise SourceError(f"{what}: '{field}' is not a list")
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get(id_field), str):
            raise SourceError(f"{what}: item {i} has no string '{id_field}'")
        if ts_or_none(item.get(time_field)) is None:
            raise SourceError(f"{what}: item {i} has no valid '{time_field}'")
    return items


def int_field(body: dict[str, Any], name: str, default: int, what: str) -> int:
    value = body.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise SourceError(f"{what}: '{name}' is not an integer")
    return value
