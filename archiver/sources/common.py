"""Small pieces the Kore.ai and Selise sources share: platform time, list checks, batching."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any, TypeVar

import httpx

from archiver.errors import SourceError
from archiver.sources.http import ApiClient
from archiver.sources.paging import ScanStats
from archiver.timeutil import parse_ts, utcnow

T = TypeVar("T")
#: Keys of the platforms' error bodies (Kore.ai "errors", Selise "detail", Peki "error").
ERROR_KEYS = ("errors", "detail", "error")


def platform_start(resp: httpx.Response) -> datetime:
    """The platform's clock from a response's ``Date`` header, one second early.

    The header has whole seconds: stepping back one keeps every write of that second at or
    after the time returned. Without a usable header, our own clock is the best there is.
    """
    value = resp.headers.get("date")
    if value:
        try:
            return parsedate_to_datetime(value) - timedelta(seconds=1)
        except (TypeError, ValueError, IndexError):
            pass
    return utcnow() - timedelta(seconds=1)


def client_stats(clients: Iterable[ApiClient]) -> dict[str, int]:
    """Request counters (by status, retries, waits) summed over a source's clients, for metrics
    and request-cost benchmarks."""
    total: Counter[str] = Counter()
    for c in clients:
        total.update(c.stats)
    return dict(total)


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


def add_stats(into: ScanStats, part: ScanStats) -> None:
    """Sum one scan's counters into a table's, which the run report adds up per stream."""
    into.requests += part.requests
    into.yielded += part.yielded
    into.duplicates += part.duplicates
    into.step_backs += part.step_backs
    into.out_of_order += part.out_of_order
