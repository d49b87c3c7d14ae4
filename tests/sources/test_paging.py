"""The offset scan yields every record once while the list changes under it."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.errors import SourceError
from archiver.sources.paging import Page, ScanStats, scan_newest_first

T0 = datetime(2025, 1, 1, tzinfo=UTC)


class LiveList:
    """A newest-first list; ``between`` runs a change before each page after the first."""

    def __init__(self, n: int, *, ties: bool) -> None:
        self.items: list[dict[str, object]] = []
        self.next = 0
        for _ in range(n):
            self.create(ties=ties, at=None)

    def create(self, *, ties: bool, at: datetime | None) -> str:
        rid = f"r{self.next:05d}"
        self.next += 1
        if at is None:
            last = self.items[0]["ts"] if self.items else T0
            at = last if (ties and self.next % 3) else last + timedelta(seconds=1)  # type: ignore[operator]
        self.items.insert(0, {"id": rid, "ts": at})
        return rid

    def page(self, page: int, size: int) -> Page:
        start = (page - 1) * size
        return Page(
            items=[dict(i) for i in self.items[start : start + size]],
            total=len(self.items),
            page_size=size,
        )


def key(item: dict[str, object]) -> tuple[datetime, str]:
    return item["ts"], item["id"]  # type: ignore[return-value]


changes = st.lists(
    st.tuples(
        st.sampled_from(["create", "delete", "none"]), st.integers(min_value=0, max_value=10_000)
    ),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(n=st.integers(0, 120), size=st.integers(1, 25), ops=changes, ties=st.booleans())
def test_every_record_present_throughout_is_yielded_exactly_once(
    n: int, size: int, ops: list[tuple[str, int]], ties: bool
) -> None:
    live = LiveList(n, ties=ties)
    survivors = {i["id"] for i in live.items}
    calls = 0

    def fetch(page: int) -> Page:
        nonlocal calls
        if calls and calls - 1 < len(ops):
            op, where = ops[calls - 1]
            if op == "create":
                live.create(ties=ties, at=None)
            elif op == "delete" and live.items:
                victim = live.items[where % len(live.items)]
                live.items.remove(victim)
                survivors.discard(victim["id"])  # type: ignore[arg-type]
        calls += 1
        return live.page(page, size)

    stats = ScanStats()
    got = [i["id"] for i in scan_newest_first(fetch, key, stop_below=None, stats=stats)]
    assert len(got) == len(set(got)), "a record was yielded twice"
    missing = survivors - set(got)
    assert not missing, f"lost {sorted(missing)}"
    # Without changes the scan costs exactly ceil(n / size) requests (one when empty).
    if not ops:
        assert stats.requests == max(1, math.ceil(n / size))


def test_stop_below_reads_only_down_to_the_watermark() -> None:
    live = LiveList(100, ties=False)
    stop = live.items[29]["ts"]  # the 30th newest
    stats = ScanStats()
    got = list(scan_newest_first(lambda p: live.page(p, 10), key, stop_below=stop, stats=stats))  # type: ignore[arg-type]
    assert [g["id"] for g in got[:30]] == [i["id"] for i in live.items[:30]]
    assert stats.requests == 3 or (stats.requests == 4 and len(got) == 40)


def test_step_back_when_total_shrinks() -> None:
    live = LiveList(30, ties=False)
    calls = 0
    slid = live.items[10]["id"]  # first of page 2, moves onto page 1 after the deletion

    def fetch(page: int) -> Page:
        nonlocal calls
        calls += 1
        if calls == 2:
            del live.items[3]  # everything after moves up one: items[10] slides onto page 1
        return live.page(page, 10)

    stats = ScanStats()
    got = [i["id"] for i in scan_newest_first(fetch, key, stop_below=None, stats=stats)]
    assert stats.step_backs == 1
    # The deleted record was read before it went; the one that slid up is not lost.
    assert len(got) == len(set(got)) == 30
    assert slid in got


def test_a_list_growing_faster_than_it_is_read_gives_up_clearly() -> None:
    live = LiveList(20, ties=False)

    def fetch(page: int) -> Page:
        for _ in range(5):  # more new records per request than a page holds
            live.create(ties=False, at=None)
        return live.page(page, 4)

    stats = ScanStats()
    with pytest.raises(SourceError, match="kept changing"):
        list(scan_newest_first(fetch, key, stop_below=None, stats=stats))
    assert stats.requests < 200
