"""Offset pagination over a newest-first list that changes while it is read.

Records created during a listing push every later record down (the same record shows up on two
pages); records deleted pull them up (one can be skipped). The scan below copes with both:

- a *frontier* (the oldest creation time consumed so far, and the ids consumed at that time)
  drops records seen again, so a listing yields each record once in O(1) memory;
- when ``totalItems`` shrinks between two requests, records may have moved into pages already
  read: the page just fetched is discarded and the scan steps back far enough to see them. A
  net shift up can only happen when the total shrinks, so this is sufficient.

Both rules assume what the platforms document: new records are the newest, so they enter at
the top, and a record's place changes only by records entering above it or leaving the list.

**Pages in parallel.** The step-back rule needs the server to answer the pages in the order
they were asked for; pages fetched at once may be answered in any order, and then a record
created at the top and one deleted below cancel out in the totals while pushing a record past
the seam of two pages. So a parallel read counts positions *from the bottom* (the number of
records below a record), which records created at the top never change, and checks that no
record already listed left the list while the pages were fetched:

1. page 1 is read alone; its total and newest record are the *reference*;
2. up to ``parallel`` pages below are fetched at once (a batch of at most ``BATCH_ROUNDS``
   rounds of them), their records yielded in page order as they come (yielding is always
   safe: the frontier drops repeats);
3. page 1 is read again (the *probe*). If the reference's newest record is still there at
   index ``n`` and the total grew by exactly ``n``, every change in between was a record
   created at the top (or one created and deleted again): each page's place from the bottom is
   then exact (``total − offset − len`` at its own answer), whatever the order of the answers;
4. the pages' from-bottom ranges are merged with what was covered; the scan goes on from the
   lowest point covered without a gap (a gap appears when a page was answered before records
   were created above it) with the probe as the new reference, until the bottom, or a page
   older than ``stop_below``, is covered.

When the probe does not confirm it (a record was deleted, or the newest record changed, or
more were created than a page holds), nothing of the batch counts as covered: the scan falls
back to one page at a time from the last confirmed point, where the step-back rule holds. A
parallel read thus costs one probe per batch, and is used only where it saves round trips.

**Lists side by side.** ``side_by_side`` reads several lists (their scans) at once and hands
their records over one list after the other, in the order a one-at-a-time crawl would: each
scan is the same as alone, only its requests go out earlier, so its drift safety is its own.
"""

from __future__ import annotations

import logging
import math
import queue
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from archiver.errors import SourceError

log = logging.getLogger(__name__)

T = TypeVar("T")
Key = Callable[[dict[str, Any]], tuple[datetime, str]]
#: Rounds of ``parallel`` pages a batch holds at most: one probe per this many rounds.
BATCH_ROUNDS = 8
#: Items a list read side by side may hold ready before its turn (twenty pages of 100).
AHEAD_ITEMS = 2000


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
    probes: int = 0  # page 1 read again to confirm a batch of pages read in parallel
    fallbacks: int = 0  # batches the probe did not confirm: read again one page at a time

    def add(self, part: ScanStats) -> None:
        """Sum one scan's counters into a table's, which the run report adds up per stream."""
        self.requests += part.requests
        self.yielded += part.yielded
        self.duplicates += part.duplicates
        self.step_backs += part.step_backs
        self.out_of_order += part.out_of_order
        self.probes += part.probes
        self.fallbacks += part.fallbacks


class _Once:
    """The frontier and the recently yielded ids: what makes each record come out once."""

    def __init__(self, key: Key, st: ScanStats, recent_ids: int) -> None:
        self.key = key
        self.st = st
        self.recent_ids = recent_ids
        self.frontier: datetime | None = None
        self.at_frontier: set[str] = set()
        self.recent: deque[str] = deque()
        self.recent_set: set[str] = set()

    def _remember(self, rid: str) -> None:
        self.recent.append(rid)
        self.recent_set.add(rid)
        if len(self.recent) > self.recent_ids:
            self.recent_set.discard(self.recent.popleft())

    def take(self, items: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        st = self.st
        for item in items:
            ts, rid = self.key(item)
            if rid in self.recent_set:
                st.duplicates += 1
                continue
            if self.frontier is None or ts < self.frontier:
                self.frontier, self.at_frontier = ts, {rid}
            elif ts == self.frontier:
                if rid in self.at_frontier:
                    st.duplicates += 1
                    continue
                self.at_frontier.add(rid)
            else:
                # Newer than what we already consumed yet never seen: created during the scan
                # (harmless: the next run sees it again), a record that slid into a gap of a
                # parallel read, or the platform's order is not what is documented. Either
                # way keeping it loses nothing.
                st.out_of_order += 1
            self._remember(rid)
            st.yielded += 1
            yield item


def _oldest(items: list[dict[str, Any]], key: Key) -> datetime | None:
    return min((key(i)[0] for i in items), default=None)


def scan_newest_first(
    fetch: Callable[[int], Page],
    key: Key,
    *,
    stop_below: datetime | None,
    stats: ScanStats | None = None,
    recent_ids: int = 5000,
    parallel: int = 1,
    pool: Executor | None = None,
) -> Iterator[dict[str, Any]]:
    """Yield each record of the list once, newest first, down to ``stop_below`` (inclusive).

    ``fetch(page)`` returns 1-based pages. Stops once a page's oldest record is older than
    ``stop_below``, or at the end of the list. With ``parallel`` > 1, up to that many pages are
    fetched at once (on ``pool``, or threads of the scan's own) where that saves round trips;
    ``fetch`` must then be safe to call from several threads.
    """
    st = stats if stats is not None else ScanStats()
    once = _Once(key, st, recent_ids)
    first = fetch(1)
    st.requests += 1
    ps = max(1, first.page_size or len(first.items) or 1)
    # A bound fixed by the first answer: every page a few times over, plus room for drift.
    # (One that followed the growing total would never stop a list outrunning the scan.)
    budget = 4 * (first.total // ps + 1) + 50
    if not first.items:
        return
    yield from once.take(first.items)
    oldest = _oldest(first.items, key)
    if stop_below is not None and oldest is not None and oldest < stop_below:
        return
    if ps >= first.total or len(first.items) < ps:
        return
    page, prev_total = 2, first.total
    if parallel > 1:
        scan = _Parallel(fetch, key, once, st, first, ps, budget, stop_below, parallel, pool)
        resume = yield from scan.run()
        if resume is None:
            return
        page, prev_total = resume
    yield from _one_by_one(fetch, key, once, st, page, prev_total, ps, budget, stop_below)


def _over_budget(st: ScanStats, budget: int) -> None:
    if st.requests > budget:
        raise SourceError("the list kept changing faster than it could be read; try again later")


def _one_by_one(
    fetch: Callable[[int], Page],
    key: Key,
    once: _Once,
    st: ScanStats,
    page: int,
    prev_total: int,
    ps: int,
    budget: int,
    stop_below: datetime | None,
) -> Iterator[dict[str, Any]]:
    """Pages one after another from ``page``; ``prev_total`` is the total of the request
    answered last before it (or of the last confirmed reference)."""
    while True:
        res = fetch(page)
        st.requests += 1
        _over_budget(st, budget)
        delta = res.total - prev_total
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
        yield from once.take(res.items)
        oldest = _oldest(res.items, key)
        if stop_below is not None and oldest is not None and oldest < stop_below:
            return
        if page * ps >= res.total or len(res.items) < ps:
            return
        page += 1


@dataclass(frozen=True)
class _Span:
    """Records ``lo``..``hi`` counted from the bottom (0 = the oldest) that one page covered."""

    lo: int
    hi: int
    oldest: datetime | None


class _Parallel:
    """Batches of pages fetched at once, confirmed by reading page 1 again (module docstring)."""

    def __init__(
        self,
        fetch: Callable[[int], Page],
        key: Key,
        once: _Once,
        st: ScanStats,
        first: Page,
        ps: int,
        budget: int,
        stop_below: datetime | None,
        parallel: int,
        pool: Executor | None,
    ) -> None:
        self.fetch, self.key, self.once, self.st = fetch, key, once, st
        self.ps, self.budget, self.stop_below = ps, budget, stop_below
        self.parallel, self.pool = parallel, pool
        # A repeat is dropped only while it is among the recent ids, and a fallback reads a
        # whole batch again: a batch is never longer than that. Eight rounds of pages per probe
        # keep the probe's cost small, and the records created meanwhile (which must stay
        # within the probe's page) few.
        self.batch_pages = max(1, min(once.recent_ids // ps - 2, BATCH_ROUNDS * parallel))
        self.ref = first
        self.top = key(first.items[0])
        self.first_total = first.total
        self.low = first.total - len(first.items)  # covered from here up to the top
        self.low_oldest = _oldest(first.items, key)

    def _worth_it(self, n: int) -> bool:
        """A batch of ``n`` pages takes ceil(n / parallel) round trips, plus the probe's."""
        return math.ceil(n / self.parallel) + 1 < n

    def _pages_wanted(self, start: int) -> int:
        """Pages to ask for below the covered part: to the bottom, or for a scan down to
        ``stop_below``, as many as the spacing of the records read so far suggests."""
        n = (self.ref.total - 1) // self.ps + 1 - start + 1
        if self.stop_below is not None:
            newest = self.top[0]
            if self.low_oldest is None or self.low_oldest >= newest:
                return 0
            covered = max(1, self.first_total - self.low - 1)
            per_record = (newest - self.low_oldest) / covered
            left = (self.low_oldest - self.stop_below) / per_record
            n = min(n, math.ceil((left + 1) / self.ps))
        return max(0, min(n, self.batch_pages))

    def run(self) -> Generator[dict[str, Any], None, tuple[int, int] | None]:
        """Batches until done (``None``), or where to go on one page at a time."""
        own: ThreadPoolExecutor | None = None
        pool = self.pool
        try:
            while True:
                start = (self.ref.total - self.low) // self.ps + 1
                n = self._pages_wanted(start)
                if not self._worth_it(n):
                    return (start, self.ref.total)  # few pages left: one at a time
                if pool is None:
                    own = pool = ThreadPoolExecutor(self.parallel, thread_name_prefix="pages")
                answers = yield from self._batch(pool, start, n)
                probe = self.fetch(1)
                self.st.requests += 1
                self.st.probes += 1
                _over_budget(self.st, self.budget)
                if not self._confirmed(probe, answers):
                    self.st.fallbacks += 1
                    log.info("the list changed under a parallel read; reading on page by page")
                    return (start, self.ref.total)
                self._cover(probe, answers)
                if self.low <= 0 or (
                    self.stop_below is not None
                    and self.low_oldest is not None
                    and self.low_oldest < self.stop_below
                ):
                    return None
        finally:
            if own is not None:
                own.shutdown(wait=True, cancel_futures=True)

    def _batch(
        self, pool: Executor, start: int, n: int
    ) -> Generator[dict[str, Any], None, list[tuple[int, Page]]]:
        """Pages ``start`` .. ``start + n - 1``, ``parallel`` in flight, yielded in page order,
        up to the first that ends the list or reaches below ``stop_below``."""
        pending: deque[tuple[int, Future[Page]]] = deque()
        answers: list[tuple[int, Page]] = []
        ahead = iter(range(start, start + n))

        def refill() -> None:
            while len(pending) < self.parallel:
                number = next(ahead, None)
                if number is None:
                    return
                pending.append((number, pool.submit(self.fetch, number)))

        try:
            refill()
            while pending:
                number, future = pending.popleft()
                res = future.result()
                self.st.requests += 1
                _over_budget(self.st, self.budget)
                answers.append((number, res))
                yield from self.once.take(res.items)
                oldest = _oldest(res.items, self.key)
                if len(res.items) < self.ps or (
                    self.stop_below is not None and oldest is not None and oldest < self.stop_below
                ):
                    break  # the pages after it are not needed if this one is confirmed
                refill()
        finally:
            for _, future in pending:
                if future.cancel():
                    continue
                try:
                    future.result()  # asked already; nothing touches the client after the scan
                    self.st.requests += 1
                except Exception:  # noqa: S110 (not needed: the scan goes on without it)
                    pass
        return answers

    def _confirmed(self, probe: Page, answers: list[tuple[int, Page]]) -> bool:
        """Whether every change since the reference was a record created at the top: the
        reference's newest record is still there, as many places down as the total grew."""
        index = next(
            (i for i, item in enumerate(probe.items) if self.key(item)[1] == self.top[1]), None
        )
        if index is None or self.key(probe.items[index]) != self.top:
            return False
        if probe.total - self.ref.total != index:
            return False
        return all(
            res.total >= self.ref.total and (res.page_size or self.ps) == self.ps
            for _, res in answers
        )

    def _cover(self, probe: Page, answers: list[tuple[int, Page]]) -> None:
        """Extend the covered part by the pages that touch it, in from-bottom counts."""
        spans = []
        for number, res in answers:
            if res.items:
                hi = res.total - (number - 1) * self.ps - 1
                spans.append(_Span(hi - len(res.items) + 1, hi, _oldest(res.items, self.key)))
        spans.sort(key=lambda s: s.hi, reverse=True)
        for span in spans:
            if span.hi < self.low - 1:
                break  # a gap: records created above a page answered early; read it next
            if span.lo < self.low:
                self.low = span.lo
            if span.oldest is not None and (
                self.low_oldest is None or span.oldest < self.low_oldest
            ):
                self.low_oldest = span.oldest
        self.ref = probe
        self.top = self.key(probe.items[0])


class Ahead(Generic[T]):
    """One list read now, in a thread of its own, at most ``limit`` items ahead of whoever
    iterates it. Its error is raised after the items before it. ``close()`` (always call it,
    iterated to the end or not) abandons the rest and waits until the thread has left the
    list, so nothing touches the client afterwards."""

    def __init__(
        self,
        make: Callable[[], Iterator[T]],
        *,
        limit: int = AHEAD_ITEMS,
        name: str = "list",
        abandon: threading.Event | None = None,
    ) -> None:
        self._queue: queue.Queue[tuple[bool, Any]] = queue.Queue(maxsize=limit)
        self._abandon = abandon if abandon is not None else threading.Event()
        self._done = False
        self._thread = threading.Thread(target=self._run, args=(make,), name=name, daemon=True)
        self._thread.start()

    def _run(self, make: Callable[[], Iterator[T]]) -> None:
        items: Iterator[T] | None = None
        try:
            items = make()
            for item in items:
                if not self._put((True, item)):
                    return
            self._put((False, None))
        except BaseException as exc:  # handed to the consumer, after the items before it
            self._put((False, exc))
        finally:
            close = getattr(items, "close", None)
            if close is not None:
                close()  # the list's own cleanup, in the thread that ran it

    def _put(self, entry: tuple[bool, Any]) -> bool:
        while not self._abandon.is_set():
            try:
                self._queue.put(entry, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def __iter__(self) -> Ahead[T]:
        return self

    def __next__(self) -> T:
        if self._done:
            raise StopIteration
        ok, value = self._queue.get()
        if ok:
            return value  # type: ignore[no-any-return]
        self._done = True
        if value is not None:
            raise value
        raise StopIteration

    def close(self) -> None:
        self._done = True
        self._abandon.set()
        self._thread.join()


def side_by_side(
    parts: Sequence[Callable[[], Iterator[T]]],
    *,
    ahead: int,
    limit: int = AHEAD_ITEMS,
    name: str = "list",
) -> Generator[T, None, None]:
    """Every item of ``parts[0]()``, then of ``parts[1]()``, …: the order of reading them one
    after the other, while the next ``ahead`` lists are already being read, each at most
    ``limit`` items ahead (memory stays bounded).

    A list's error is raised where it happened, after the items before it (and after every
    item of the lists before it). Each list runs in a thread of its own, so ``make`` and its
    iterator must be safe beside the others. When the consumer stops early (or after an
    error) the lists still running are abandoned, and none is touched once this returns.
    With ``ahead`` < 1 the lists are read here, one after the other.
    """
    if ahead < 1:
        for make in parts:
            yield from make()
        return
    abandon = threading.Event()
    started: list[Ahead[T]] = []
    try:
        for i in range(len(parts)):
            while len(started) < min(len(parts), i + 1 + ahead):
                n = len(started)
                started.append(Ahead(parts[n], limit=limit, name=f"{name}-{n}", abandon=abandon))
            yield from started[i]
    finally:
        abandon.set()
        for part in started:
            part.close()
