"""Offset pagination over a newest-first list that changes while it is read.

Records created during a listing push every later record down (the same record shows up on two
pages); records deleted pull them up (one can be skipped). The scan below copes with both:

- a *frontier* (the oldest creation time consumed so far, and the ids consumed at that time)
  drops records seen again, so a listing yields each record once in O(1) memory;
- when ``totalItems`` shrinks between two requests, records may have moved into pages already
  read: the page just fetched is discarded and the scan steps back far enough to see them. A
  net shift up can only happen when the total shrinks, so this is sufficient.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from archiver.errors import SourceError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Page:
    items: list[dict[str, Any]]
    total: int
    page_size: int  # what the platform actually used, which may be less than asked


@dataclass
class ScanStats:
    requests: int = 0
    yielded: int = 0
    duplicates: int = 0
    step_backs: int = 0
    out_of_order: int = 0

    def add(self, part: ScanStats) -> None:
        """Sum one scan's counters into a table's, which the run report adds up per stream."""
        self.requests += part.requests
        self.yielded += part.yielded
        self.duplicates += part.duplicates
        self.step_backs += part.step_backs
        self.out_of_order += part.out_of_order


def scan_newest_first(
    fetch: Callable[[int], Page],
    key: Callable[[dict[str, Any]], tuple[datetime, str]],
    *,
    stop_below: datetime | None,
    stats: ScanStats | None = None,
    recent_ids: int = 5000,
) -> Iterator[dict[str, Any]]:
    """Yield each record of the list once, newest first, down to ``stop_below`` (inclusive).

    ``fetch(page)`` returns 1-based pages. Stops once a page's oldest record is older than
    ``stop_below``, or at the end of the list.
    """
    st = stats if stats is not None else ScanStats()
    frontier: datetime | None = None
    at_frontier: set[str] = set()
    recent: deque[str] = deque()
    recent_set: set[str] = set()
    page = 1
    prev_total: int | None = None
    budget: int | None = None

    def remember(rid: str) -> None:
        recent.append(rid)
        recent_set.add(rid)
        if len(recent) > recent_ids:
            recent_set.discard(recent.popleft())

    while True:
        res = fetch(page)
        st.requests += 1
        ps = max(1, res.page_size or len(res.items) or 1)
        # A bound fixed by the first answer: every page a few times over, plus room for drift.
        # (One that followed the growing total would never stop a list outrunning the scan.)
        if budget is None:
            budget = 4 * (res.total // ps + 1) + 50
        if st.requests > budget:
            raise SourceError(
                "the list kept changing faster than it could be read; try again later"
            )
        delta = 0 if prev_total is None else res.total - prev_total
        prev_total = res.total
        if delta < 0 and page > 1:
            # Net deletions before our position may have moved unseen records into pages
            # already read: re-read from far enough back, before consuming this page.
            offset = max(0, (page - 1) * ps + delta)
            page = offset // ps + 1
            st.step_backs += 1
            continue
        if not res.items:
            return
        oldest: datetime | None = None
        for item in res.items:
            ts, rid = key(item)
            oldest = ts if oldest is None or ts < oldest else oldest
            if rid in recent_set:
                st.duplicates += 1
                continue
            if frontier is None or ts < frontier:
                frontier, at_frontier = ts, {rid}
            elif ts == frontier:
                if rid in at_frontier:
                    st.duplicates += 1
                    continue
                at_frontier.add(rid)
            else:
                # Newer than what we already consumed yet never seen: created during the scan
                # (harmless: the next run sees it again) or the platform's order is not what is
                # documented. Either way keeping it loses nothing.
                st.out_of_order += 1
            remember(rid)
            st.yielded += 1
            yield item
        if stop_below is not None and oldest is not None and oldest < stop_below:
            return
        if page * ps >= res.total or len(res.items) < ps:
            return
        page += 1
