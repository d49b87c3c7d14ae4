"""Reading a source ahead of the records being archived.

A stream used to fetch a page, then mask, hash and buffer its records, then fetch the next:
on a platform 50 ms away, requests and local work added up. The source's generator now runs
in a thread of its own, a bounded queue ahead of the engine, so the next page is on its way
while this one is processed. Records keep their order, and an exception of the source is
raised in the engine after the records yielded before it, exactly where it used to be.

A stateful source (Kore.ai: its resume point, the sessions it follows) puts its state into the
stream as marks after the records they describe, and the engine commits the last mark it
consumed: how far ahead the thread ran never matters. ``stop()`` still hands over what was
read ahead, so a stopped stream archives everything the source already fetched.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterator
from typing import Generic, TypeVar

T = TypeVar("T")

_ITEM, _END, _ERROR, _STOPPED = 0, 1, 2, 3

#: How long either side sleeps at most before it looks again (a missed wake-up costs no more).
_POLL = 0.05


class ReadAhead(Generic[T]):
    """Iterate ``items`` in a background thread, at most ``limit`` items ahead.

    ``stop()``: read no further; iteration ends once everything already read was handed over,
    and ``stopped`` tells that it ended that way. ``close()`` (also on leaving a ``with``
    block) abandons what is left and waits until the thread has left the source, so nothing
    else touches the source afterwards.
    """

    def __init__(self, items: Iterator[T], *, limit: int = 1000, name: str = "read-ahead") -> None:
        self._items = items
        # A deque handed over without a lock (append and popleft are atomic): a
        # ``queue.Queue`` took two lock round trips and a notify per record on each side.
        # The condition is only for a side that has to wait: the reader for the next
        # entry, the source's thread for room.
        self._entries: deque[tuple[int, object]] = deque()
        self._limit = limit
        # A full queue lets the source's thread go on only once it is down to half: waking it
        # for each record taken passed the interpreter between the threads once per record.
        self._low = limit // 2
        self._changed = threading.Condition(threading.Lock())
        self._reader_waits = self._writer_waits = False
        self._stop = threading.Event()
        self._abandon = threading.Event()
        self._done = False
        self.stopped = False
        self._thread = threading.Thread(target=self._produce, name=name, daemon=True)
        self._thread.start()

    def _produce(self) -> None:
        try:
            for item in self._items:
                if not self._put(_ITEM, item):
                    return
                if self._stop.is_set():
                    self._put(_STOPPED, None)
                    return
            self._put(_END, None)
        except BaseException as exc:  # raised in the engine, in order
            self._put(_ERROR, exc)
        finally:
            close = getattr(self._items, "close", None)
            if close is not None:
                close()  # the source's cleanup runs here, in the thread that ran it

    def _put(self, kind: int, value: object) -> bool:
        """Hand over one entry; only ``close()`` makes it give up."""
        entries = self._entries
        if len(entries) >= self._limit:
            while len(entries) > self._low:
                if self._abandon.is_set():
                    return False
                with self._changed:
                    self._writer_waits = True
                    if len(entries) > self._low and not self._abandon.is_set():
                        self._changed.wait(_POLL)
                    self._writer_waits = False
        if self._abandon.is_set():
            return False
        entries.append((kind, value))
        if self._reader_waits:  # read after the append: a reader about to wait sees it
            with self._changed:
                self._changed.notify_all()
        return True

    def __iter__(self) -> ReadAhead[T]:
        return self

    def __next__(self) -> T:
        if self._done:
            raise StopIteration
        try:
            kind, value = self._entries.popleft()
        except IndexError:
            kind, value = self._wait()
        if self._writer_waits and len(self._entries) <= self._low:
            with self._changed:
                self._changed.notify_all()
        if kind == _ITEM:
            return value  # type: ignore[return-value]
        self._done = True
        self._thread.join()
        if kind == _ERROR:
            assert isinstance(value, BaseException)
            raise value
        self.stopped = kind == _STOPPED
        raise StopIteration

    def _wait(self) -> tuple[int, object]:
        """The next entry, once the source's thread has handed it over."""
        with self._changed:
            self._reader_waits = True
            try:
                while not self._entries:
                    self._changed.wait(_POLL)
                return self._entries.popleft()
            finally:
                self._reader_waits = False

    def stop(self) -> None:
        self._stop.set()

    def close(self) -> None:
        self._stop.set()
        self._abandon.set()
        self._thread.join()
        self._done = True

    def __enter__(self) -> ReadAhead[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
