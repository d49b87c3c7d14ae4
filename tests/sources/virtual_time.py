"""Virtual time shared by a source's rate budget and a simulator's clock (test helper)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Protocol

import httpx


class Advancing(Protocol):
    def advance(self, seconds: float) -> None: ...


class VirtualTime:
    """One clock for the client's rate budget and the simulator's rate windows.

    Sleeping moves both forward at once, so an hour of pacing takes no real time. A sleep
    waits until no request is on its way, as real time would not carry a request sent before
    the sleep past it, and sleeps *until* a time: two requests waiting for the same moment
    (several in flight together) move the clocks once, not twice. ``busy`` (the budget's
    requests let out and not answered) covers a request between its budget and the wire.
    """

    def __init__(self, sim: Advancing, busy: Callable[[], int] | None = None) -> None:
        self.sim = sim
        self.busy = busy
        self.slept = 0.0
        self._idle = threading.Condition()
        self._in_flight = 0
        self.transport = _Counted(self)

    def clock(self) -> float:
        return time.monotonic() + self.slept

    def sleep(self, seconds: float) -> None:
        until = self.clock() + seconds
        with self._idle:
            while self._in_flight or (self.busy is not None and self.busy()):
                self._idle.wait(0.002)
            step = until - self.clock()
            if step > 0:
                self.slept += step
                self.sim.advance(step)


class _Counted(httpx.BaseTransport):
    def __init__(self, vt: VirtualTime) -> None:
        self._vt = vt
        self._inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        with self._vt._idle:
            self._vt._in_flight += 1
        try:
            return self._inner.handle_request(request)
        finally:
            with self._vt._idle:
                self._vt._in_flight -= 1
                self._vt._idle.notify_all()
