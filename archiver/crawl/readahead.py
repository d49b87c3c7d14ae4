"""Reading a source ahead of the records being archived.

A stream used to fetch a page, then mask, hash and buffer its records, then fetch the next:
on a platform 50 ms away, requests and local work added up. The source's generator now runs
in a thread of its own, a bounded queue ahead of the engine, so the next page is on its way
while this one is processed. Records keep their order, and an exception of the source is
raised in the engine after the records yielded before it, exactly where it used to be.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from typing import Generic, TypeVar

T = TypeVar("T")

_ITEM, _END, _ERROR = 0, 1, 2


class ReadAhead(Generic[T]):
    """Iterate ``items`` in a background thread, at most ``limit`` items ahead.

    ``close()`` (also on leaving a ``with`` block) stops reading and waits until the thread has
    left the source, so nothing else touches the source while the engine commits.
    """

    def __init__(self, items: Iterator[T], *, limit: int = 1000, name: str = "read-ahead") -> None:
        self._items = items
        self._queue: queue.Queue[tuple[int, object]] = queue.Queue(maxsize=limit)
        self._cancel = threading.Event()
        self._done = False
        self._thread = threading.Thread(target=self._produce, name=name, daemon=True)
        self._thread.start()

    def _produce(self) -> None:
        try:
            for item in self._items:
                if not self._put(_ITEM, item):
                    return
            self._put(_END, None)
        except BaseException as exc:  # raised in the engine, in order
            self._put(_ERROR, exc)
        finally:
            close = getattr(self._items, "close", None)
            if close is not None:
                close()  # the source's cleanup runs here, in the thread that ran it

    def _put(self, kind: int, value: object) -> bool:
        while not self._cancel.is_set():
            try:
                self._queue.put((kind, value), timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def __iter__(self) -> ReadAhead[T]:
        return self

    def __next__(self) -> T:
        if self._done:
            raise StopIteration
        kind, value = self._queue.get()
        if kind == _ITEM:
            return value  # type: ignore[return-value]
        self._done = True
        self._thread.join()
        if kind == _ERROR:
            assert isinstance(value, BaseException)
            raise value
        raise StopIteration

    def close(self) -> None:
        self._cancel.set()
        self._thread.join()
        self._done = True

    def __enter__(self) -> ReadAhead[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
