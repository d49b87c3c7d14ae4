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
   rounds of them, or one round more when that reaches the end of what is wanted), their
   records yielded in page order as they come (yielding is always safe: the frontier drops
   repeats);
3. page 1 is read again (the *probe*). Its *anchor* is the first record of the reference's
   page 1 still there; if as many records lie below it as at the reference, every change in
   between was a record created at the top (or one created and deleted again, or one above
   the anchor leaving): each page's place from the bottom is then exact
   (``total − offset − len`` at its own answer), whatever the order of the answers;
4. the pages' from-bottom ranges are merged with what was covered; the scan goes on from the
   lowest point covered without a gap (a gap appears when a page was answered before records
   were created above it) with the probe as the new reference, until the bottom, or a page
   older than ``stop_below``, is covered.

   Where another batch follows, the probe goes out beside its first round; those pages are
   measured against the page 1 answered before they went out (``_Parallel.run``).

When records listed at the reference left the list while the batch was read, the probe
bounds how many left from below its anchor: a record's count from the bottom can have
dropped by at most that many since a page's answer, less those that had left before it. Each
page's range is lowered at its top by that, what still joins the covered part counts, and
the scan reads on one page at a time, still counted from the bottom
(``_Parallel._steady``). The covered part then never shrinks, whatever leaves the list, so a
step back never goes above it; a page that came lower than asked (records left above it)
joins later, when a page that joins shows one of its records again, or when page 1 is read
again and bounds what left below it. Records created meanwhile are counted as if created
anywhere (they raise the covered part's count), so a page joins directly only where the
step-back rule would take it. A list losing a record above the read position with every
request is read to its end this way, at two to three requests a page.

When the probe cannot tell (the platform's page size changed, or more records lie below the
anchor than before: records created in the middle of the list, which no platform documents),
nothing of the batch counts: the scan falls back to one page at a time from the last
confirmed point, by the step-back rule. A parallel read thus costs one probe per batch, and is
used only where it saves round trips.

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
    fallbacks: int = 0  # batches after which the scan read on one page at a time

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

    @staticmethod
    def of(res: Page, offset: int, key: Key) -> _Span:
        hi = res.total - offset - 1
        return _Span(hi - len(res.items) + 1, hi, _oldest(res.items, key))


@dataclass(frozen=True, eq=False)  # kept reads are told apart by identity
class _Read:
    """A page read one at a time that did not join the covered part when it came: kept to
    join later, when a later answer bounds what changed since (see ``_Parallel._steady``)."""

    span: _Span
    total: int
    keys: frozenset[tuple[datetime, str]]
    since: Page  # the page 1 read last before it


def _deleted_below(before: Page, after: Page, key: Key) -> tuple[int, int] | None:
    """Two answers for page 1: how many records listed at ``before`` had left the list from
    below an *anchor* (the first record of ``before``'s page still on ``after``'s) by
    ``after``, and the anchor's index on ``before``'s page; ``None`` when no record of
    ``before``'s page is still there.

    Records created at the top lie above every record of ``before``'s page, so the records
    below the anchor at ``after`` were all listed at ``before``: the difference is exact. It
    is negative only when records were created in the middle of the list, which the
    platforms do not document."""
    where = {key(item): j for j, item in enumerate(after.items)}
    for i, item in enumerate(before.items):
        j = where.get(key(item))
        if j is not None:
            return (before.total - i - 1) - (after.total - j - 1), i
    return None


def _raised(span: _Span, by: int) -> _Span:
    """``span`` with its bottom raised by ``by`` records if positive (records created below it
    since, if any were created in the middle of the list)."""
    return _Span(span.lo + by, span.hi, span.oldest) if by > 0 else span


#: Pages read one at a time kept to join the covered part later.
PENDING_READS = 4


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
        self.longest = max(1, once.recent_ids // ps - 2)
        self.batch_pages = min(self.longest, BATCH_ROUNDS * parallel)
        self.ref = first
        self.top = key(first.items[0])
        self.first_total = first.total
        self.low = first.total - len(first.items)  # covered from here up to the top
        self.low_oldest = _oldest(first.items, key)
        self.anchor_index = 0  # of the record the last probe was measured from

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
        if n <= min(self.longest, self.batch_pages + self.parallel):
            # A tail of one round or less rides in this batch: as a batch of its own it would
            # cost that round and a probe more.
            return max(0, n)
        return max(0, min(n, self.batch_pages))

    def run(self) -> Generator[dict[str, Any], None, tuple[int, int] | None]:
        """Batches until done (``None``), or where to go on one page at a time.

        Where another batch will follow (the list goes on below a batch that ended where it
        was meant to), a batch's probe goes out with the next batch's first round instead of
        a round trip of its own. The next batch's pages may then be answered before that
        probe, so their reference is the page 1 read before it (the one answered last before
        they went out): the next probe is measured against that. If the probe finds the list
        changed under the batch, the pages read beside it are dropped (their records were
        yielded, which is always safe) and the scan goes on as without them.
        """
        own: ThreadPoolExecutor | None = None
        pool = self.pool
        probe_future: Future[Page] | None = None
        carried: tuple[int, list[tuple[int, Page]], Page] | None = None
        latest = self.ref  # the page 1 answered last
        try:
            while True:
                if carried is None:
                    start = (self.ref.total - self.low) // self.ps + 1
                    n = self._pages_wanted(start)
                    if not self._worth_it(n):
                        return (start, self.ref.total)  # few pages left: one at a time
                    if pool is None:
                        own = pool = ThreadPoolExecutor(self.parallel, thread_name_prefix="pages")
                    answers = yield from self._batch(pool, start, n)
                else:
                    start, answers, self.ref = carried
                    self.top = self.key(self.ref.items[0])
                    carried = None
                ahead = self._next_batch(answers)
                if ahead is None or pool is None:
                    probe = self.fetch(1)
                else:
                    # The pages going out now are measured from the page 1 answered last.
                    probe_future = pool.submit(self.fetch, 1)
                    beside = yield from self._batch(pool, ahead[0], ahead[1], probe_future)
                    probe = probe_future.result()
                    probe_future = None
                    carried = (ahead[0], beside, latest)
                self.st.requests += 1
                self.st.probes += 1
                _over_budget(self.st, self.budget)
                deleted = self._deleted_below(probe, answers)
                if deleted is None:
                    self.st.fallbacks += 1
                    log.info("the list changed under a parallel read; reading on page by page")
                    return (start, self.ref.total)
                if deleted:
                    carried = None  # pages read beside the probe: dropped
                    # Records left the list while the batch was read: what the probe can bound
                    # counts, and the rest is read one page at a time, still from the bottom.
                    self.st.fallbacks += 1
                    log.info("records left the list under a parallel read; reading on page by page")
                    yield from self.once.take(probe.items)
                    self.low = min(self.low, probe.total)  # nothing lies above the top
                    self._merge(_Span.of(probe, 0, self.key), 0)
                    self._cover(probe, answers, deleted)
                    return (yield from self._steady())
                self._cover(probe, answers, 0)
                latest = probe
                if self._done():
                    return None  # not reached with pages read beside the probe
        finally:
            if probe_future is not None and not probe_future.cancel():
                try:
                    probe_future.result()  # asked already; nothing touches the client after
                    self.st.requests += 1
                except Exception:  # noqa: S110 (not needed: the scan ends without it)
                    pass
            if own is not None:
                own.shutdown(wait=True, cancel_futures=True)

    def _next_batch(self, answers: list[tuple[int, Page]]) -> tuple[int, int] | None:
        """The next batch's first page and length if the batch just read is confirmed as it
        came (no record left: its pages join as they are), when another batch is worth it;
        ``None`` when the batch ended the scan, or the list is nearly done."""
        if not answers:
            return None
        last = answers[-1][1]
        oldest = _oldest(last.items, self.key)
        if len(last.items) < self.ps or (
            self.stop_below is not None and oldest is not None and oldest < self.stop_below
        ):
            return None
        saved = (self.low, self.low_oldest)
        try:
            spans = [
                _Span.of(res, (number - 1) * self.ps, self.key)
                for number, res in answers
                if res.items
            ]
            spans.sort(key=lambda span: span.hi, reverse=True)
            for span in spans:
                if not self._merge(span, 0):
                    break
            if self._done():
                return None
            # The reference's total: records created since only move the pages down, so the
            # first one overlaps what is covered rather than leaving a gap.
            start = (self.ref.total - self.low) // self.ps + 1
            n = self._pages_wanted(start)
        finally:
            self.low, self.low_oldest = saved
        return (start, n) if self._worth_it(n) else None

    def _batch(
        self, pool: Executor, start: int, n: int, beside: Future[Page] | None = None
    ) -> Generator[dict[str, Any], None, list[tuple[int, Page]]]:
        """Pages ``start`` .. ``start + n - 1``, ``parallel`` in flight (with ``beside``, a
        request on its way too, while it is), yielded in page order, up to the first that ends
        the list or reaches below ``stop_below``."""
        pending: deque[tuple[int, Future[Page]]] = deque()
        answers: list[tuple[int, Page]] = []
        ahead = iter(range(start, start + n))

        def refill() -> None:
            while len(pending) + (beside is not None and not beside.done()) < self.parallel:
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

    def _deleted_below(self, probe: Page, answers: list[tuple[int, Page]]) -> int | None:
        """Records listed at the reference that left the list from below the probe's anchor
        (``_deleted_below``) while the batch was read; ``None`` when that is not what happened
        (the platform's page size changed, or more records lie below the anchor than before:
        records created in the middle of the list), and the scan reads on by the step-back
        rule. No record of the reference's page 1 left on the probe's, with fewer records
        created than a page holds, means some left: nothing of the batch can be placed then
        (an erosion as deep as the list)."""
        if any((res.page_size or self.ps) != self.ps for _, res in answers):
            return None
        found = _deleted_below(self.ref, probe, self.key)
        if found is None:
            if probe.total >= self.ref.total + self.ps:
                return None  # as many created as a page holds: or records in the middle
            self.anchor_index = 0
            return self.ref.total + probe.total + 1
        if found[0] < 0:
            return None
        self.anchor_index = found[1]
        return found[0]

    def _erosion(self, since: Page, total: int, deleted: int, index: int) -> int:
        """How far down the top of a page answered with ``total`` may have moved since its
        answer: the records that left from below the anchor (``deleted``, between ``since``
        and now) less those that had already left when it was answered (at least what the
        total then lacked, beyond the ``index`` records above the anchor)."""
        return max(0, deleted - max(0, since.total - total - index))

    def _merge(self, span: _Span, erosion: int) -> bool:
        """Join a span (its top lowered by ``erosion``) to the covered part if they touch."""
        if span.hi < span.lo or span.hi - erosion < self.low - 1:
            return False
        if span.lo < self.low:
            self.low = span.lo
        if span.oldest is not None and (self.low_oldest is None or span.oldest < self.low_oldest):
            self.low_oldest = span.oldest
        return True

    def _done(self) -> bool:
        return self.low <= 0 or (
            self.stop_below is not None
            and self.low_oldest is not None
            and self.low_oldest < self.stop_below
        )

    def _cover(self, probe: Page, answers: list[tuple[int, Page]], deleted: int) -> None:
        """Extend the covered part by the pages that touch it, in from-bottom counts at the
        probe's answer. Exact when no listed record left the list (``deleted`` 0); otherwise
        each page's top is lowered by what may have left below it after its answer."""
        spans = []
        for number, res in answers:
            if res.items:
                erosion = self._erosion(self.ref, res.total, deleted, self.anchor_index)
                spans.append((_Span.of(res, (number - 1) * self.ps, self.key), erosion))
        spans.sort(key=lambda s: s[0].hi - s[1], reverse=True)
        for span, erosion in spans:
            if not self._merge(span, erosion):
                break  # a gap: records created above a page answered early; read it next
        self.ref = probe
        self.top = self.key(probe.items[0])

    def _steady(self) -> Generator[dict[str, Any], None, tuple[int, int] | None]:
        """One page at a time after records left the list under a parallel read, still
        counted from the bottom: the covered part (everything listed from ``low`` up) stays
        covered whatever leaves the list, so a step back never goes above it.

        The page read next is the one holding the record just below the covered part at the
        last total. A page that does not touch the covered part when it comes (records left
        above it, so it sits lower than asked) is kept, and joins later when either

        - a later page that touches the covered part shows one of its records (the records
          below that one then are where they were, or were on it), or
        - page 1 is read again and bounds, from its records, what left the list below them
          since the page 1 read before the kept page (as the probe does for a batch).

        Page 1 is where a list losing records above the read position keeps sending it; each
        such pair of reads covers two pages, so the scan ends even when a record leaves with
        every request. Returns where to read on by the step-back rule (the platform's page
        size changed, or page 1 shows records created in the middle of the list), else None.
        """
        pending: deque[_Read] = deque(maxlen=PENDING_READS)
        last_total = self.ref.total
        joined_last = True
        while not self._done():
            wanted = max(0, last_total - self.low)
            page = wanted // self.ps + 1
            if joined_last and wanted % self.ps == self.ps - 1 and self.ps > 1:
                # Only the last record of that page is wanted: records leaving above move it
                # up, and the page after it joins through it on the next read.
                page += 1
            res = self.fetch(page)
            self.st.requests += 1
            _over_budget(self.st, self.budget)
            if (res.page_size or self.ps) != self.ps:
                return (max(0, last_total - self.low) // self.ps + 1, last_total)
            # Records created since the last answer are taken to be anywhere in the list, not
            # only at the top: the covered part is counted that much higher, and so are kept
            # pages' (a count from the bottom grows only by records created below it).
            self.low = min(self.low + max(0, res.total - last_total), res.total)
            last_total = res.total
            yield from self.once.take(res.items)
            offset = (page - 1) * self.ps
            here = {
                self.key(item): res.total - 1 - (offset + i) for i, item in enumerate(res.items)
            }
            current = _Read(_Span.of(res, offset, self.key), res.total, frozenset(here), self.ref)
            bounds: dict[int, int] = {}  # id(kept read) -> erosion, from this page 1
            if page == 1:
                found = _deleted_below(self.ref, res, self.key)
                if (found is not None and found[0] < 0) or (
                    found is None and res.total >= self.ref.total + self.ps
                ):  # records created in the middle of the list, or as many as a page holds
                    return (max(0, res.total - self.low) // self.ps + 1, res.total)
                for kept in pending:
                    found = _deleted_below(kept.since, res, self.key)
                    if found is not None and found[0] >= 0:
                        deleted, index = found
                        bounds[id(kept)] = self._erosion(kept.since, kept.total, deleted, index)
                self.ref = res
            waiting = [*pending, current]
            joined = True
            while joined:
                joined = False
                for read in list(waiting):
                    seam = any(k in here and here[k] >= self.low - 1 for k in read.keys)
                    if read is current:
                        ok = self._merge(read.span, 0)
                    elif seam:
                        ok = self._merge(_raised(read.span, res.total - read.total), 0)
                    elif id(read) in bounds:
                        ok = self._merge(read.span, bounds[id(read)])
                    else:
                        ok = False
                    if ok:
                        waiting.remove(read)
                        joined = True
            joined_last = current not in waiting
            if not joined_last:
                self.st.step_backs += 1
            pending = deque(waiting, maxlen=PENDING_READS)
        return None


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
