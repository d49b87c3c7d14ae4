"""Reading ahead keeps the source's order and errors, stays bounded, and lets go on close."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.crawl.readahead import ReadAhead
from archiver.errors import SourceError


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(), max_size=60), st.integers(0, 60), st.integers(1, 8))
def test_items_and_the_error_come_in_the_sources_order(
    items: list[int], fail_at: int, limit: int
) -> None:
    def source() -> Iterator[int]:
        for i, item in enumerate(items):
            if i == fail_at:
                raise SourceError(f"page {i} failed")
            yield item

    got: list[int] = []
    with ReadAhead(source(), limit=limit) as ahead:
        if fail_at < len(items):
            with pytest.raises(SourceError, match=f"page {fail_at} failed"):
                for x in ahead:
                    got.append(x)
            assert got == items[:fail_at]
        else:
            assert list(ahead) == items
        assert list(ahead) == []  # ended for good


def test_it_reads_at_most_limit_ahead_and_close_stops_the_source_in_its_thread() -> None:
    produced: list[int] = []
    closed_in: list[str] = []

    def source() -> Iterator[int]:
        try:
            for i in range(10_000):
                produced.append(i)
                yield i
        finally:
            closed_in.append(threading.current_thread().name)

    ahead = ReadAhead(source(), limit=5, name="ahead-test")
    assert next(ahead) == 0
    deadline = time.monotonic() + 10
    while len(produced) < 6 and time.monotonic() < deadline:  # it fills the queue...
        time.sleep(0.01)
    time.sleep(0.2)  # ...and then waits
    assert 6 <= len(produced) <= 8, produced
    ahead.close()
    assert closed_in == ["ahead-test"]  # the generator's cleanup ran, in the reading thread
    assert len(produced) <= 8
    with pytest.raises(StopIteration):
        next(ahead)


def test_stop_hands_over_everything_the_source_yielded_then_ends() -> None:
    """A stopped stream saves the source's state: the engine must have had every record the
    source counted as delivered, and none after."""
    yielded: list[int] = []

    def source() -> Iterator[int]:
        for i in range(10_000):
            yielded.append(i)
            yield i

    ahead = ReadAhead(source(), limit=5)
    got = [next(ahead)]
    deadline = time.monotonic() + 10
    while len(yielded) < 6 and time.monotonic() < deadline:
        time.sleep(0.01)
    ahead.stop()
    got += list(ahead)
    assert ahead.stopped
    assert got == yielded  # nothing read ahead was dropped, nothing more was read
    assert len(got) < 100
    ahead.close()


@settings(max_examples=15, deadline=None)
@given(st.integers(1, 3), st.integers(0, 2**32 - 1))
def test_the_handover_misses_no_wake_up_when_either_side_waits(limit: int, seed: int) -> None:
    """Both sides pause at random (a full queue makes the source wait, an empty one the
    reader): every item arrives, in order, and neither side sleeps through the other's hand
    over (a missed wake-up would cost a poll interval per item: far over the time allowed)."""
    import random

    rng = random.Random(seed)
    pauses = [rng.choice((0.0, 0.0, 0.0, 0.0005)) for _ in range(800)]

    def source() -> Iterator[int]:
        for i, pause in enumerate(pauses[:400]):
            if pause:
                time.sleep(pause)
            yield i

    started = time.monotonic()
    got = []
    with ReadAhead(source(), limit=limit) as ahead:
        for x, pause in zip(ahead, pauses[400:], strict=False):
            got.append(x)
            if pause:
                time.sleep(pause)
        got.extend(ahead)
    assert got == list(range(400))
    assert time.monotonic() - started < 8  # 400 items; a 50 ms poll per item would be 20 s
