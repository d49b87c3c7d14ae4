"""The one rule for which version of a record is the newest (``restore --latest``, ``export``,
``retrieve``).

A record's versions are ranked by

1. ``version_time`` (the platform's change time; a missing one ranks lowest), then
2. the sequence of the manifest that names the object holding the row, then
3. the object's position in that manifest's ``objects``, then
4. the row's position in the object,

and the highest rank is the newest. On equal version times the version committed later wins:
a crawl reads and writes in order, so the later row is what the platform showed later (a
platform that changes a record without moving its change time is the case this decides). One
exception follows from the format: an object ``erase`` rewrote is named by the erase's
manifest, so its rows rank as committed then (docs/FORMAT.md, "Newest version"). An object
``compact`` wrote keeps its rows' ranks: its ``ranks`` say, per run of rows, the manifest
sequence and position they ranked as before (``origin``).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from datetime import UTC, datetime
from typing import Generic, TypeVar

from archiver.archive.catalog.chain import Placed

#: (version_time, manifest sequence, position in the manifest, row in the object)
Rank = tuple[datetime, int, int, int]

_OLDEST = datetime.min.replace(tzinfo=UTC)


def rank(version_time: datetime | None, placed: Placed, row: int) -> Rank:
    sequence, position, at = origin(placed, row)
    return rank_at(version_time, sequence, position, at)


def origin(placed: Placed, row: int) -> tuple[int, int, int]:
    """(manifest sequence, position, row) a row ranks by: where it is, or for an object
    ``compact`` wrote, where it was before (its entry's ``ranks``)."""
    ranks = placed.entry.ranks
    if not ranks:
        return placed.sequence, placed.position, row
    return ranks.origin(row)


def rank_at(version_time: datetime | None, sequence: int, position: int, row: int) -> Rank:
    """``rank`` from the numbers alone (readers that carry them as columns)."""
    return (version_time or _OLDEST, sequence, position, row)


K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Newest(Generic[K, V]):
    """Per record key, the value of its newest version among those offered (in any order)."""

    def __init__(self) -> None:
        self._best: dict[K, tuple[Rank, V]] = {}

    def offer(self, key: K, at: Rank, value: V) -> None:
        cur = self._best.get(key)
        if cur is None or at > cur[0]:
            self._best[key] = (at, value)

    def __len__(self) -> int:
        return len(self._best)

    def items(self) -> Iterator[tuple[K, V]]:
        return ((k, v) for k, (_, v) in self._best.items())

    def values(self) -> Iterator[V]:
        return (v for _, v in self._best.values())

    def as_dict(self) -> dict[K, V]:
        return {k: v for k, (_, v) in self._best.items()}
