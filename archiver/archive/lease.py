"""A stream's commit lease: one run at a time crawls a stream, the others stop at once.

The manifest written with put-if-absent is what makes commits safe, but it decides only at the
end: a second run started beside a first one would crawl everything and then lose. So before
crawling, a run takes the lease of the sequence it is about to commit, a small object created
with put-if-absent under ``locks/``::

    locks/source=S/tenant=T/<sequence>/<generation>.json   {"run_id", "host", "pid",
                                                           "acquired_at", "expires_at"}

The newest generation of a sequence is the lease. It lasts ``seconds`` and its holder renews
it (a new generation, by put-if-absent) every third of that; a run that finds it unexpired
stops with a conflict, one that finds it expired (its holder crashed) takes the next
generation, and of two runs racing for the same generation only one can create it. Once the
manifest of that sequence exists the lease is moot: the next run leases the next sequence.
The holder deletes its objects when it is done; where the job may not delete, they stay
(a few bytes each) until ``archiver gc`` removes them.

The expiry compares the holder's clock with the reader's: keep clocks in sync (``archiver
doctor`` checks them against the platforms) and the lease well above any skew.

A lease whose holder ran on this machine, in this PID namespace, under a process id that no
longer exists is taken over at once: the holder crashed (SIGKILL, out of memory, a hard exit)
and waiting for the expiry would only delay the next run. That is an inference: a process id
reused by an unrelated process keeps the lease until its expiry (the safe side), and a holder
on another machine, or in another container, is always waited for.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from archiver.archive import layout
from archiver.archive.store import Store
from archiver.errors import ArchiverError, ConflictError, StoreError
from archiver.timeutil import format_ts, parse_ts, utcnow

log = logging.getLogger(__name__)

LOCKS = "locks"
DEFAULT_SECONDS = 120.0
_TRIES = 5


#: The lease of the signed records (holds, suppressions, ledger): a command holds it while it
#: checks that its signing key is still in force and writes one record, and a key rotation
#: holds it while it lists the records the old key signed and writes the rotation, so no record
#: is signed by a key retired in between (readers would refuse it).
RECORDS_LEASE = f"{LOCKS}/records/"
#: Seconds a command waits for the records' lease (held by another record's write, or by a
#: key rotation for a few seconds) before it stops with a conflict.
RECORD_LEASE_WAIT = 15.0


def lease_prefix(source: str, tenant: str, sequence: int) -> str:
    return f"{LOCKS}/source={layout.enc(source)}/tenant={layout.enc(tenant)}/{sequence:010d}/"


def parse_lease_key(key: str) -> tuple[str, str, int] | None:
    """``locks/source=S/tenant=T/<sequence>/<generation>.json`` → (S, T, sequence)."""
    parts = key.split("/")
    if len(parts) != 5 or parts[0] != LOCKS or _generation(key) is None:
        return None
    if not parts[1].startswith("source=") or not parts[2].startswith("tenant="):
        return None
    if not parts[3].isdigit():
        return None
    return layout.dec(parts[1][7:]), layout.dec(parts[2][7:]), int(parts[3])


def _generation(key: str) -> int | None:
    name = key.rsplit("/", 1)[-1]
    if not name.endswith(".json"):
        return None
    try:
        return int(name[: -len(".json")])
    except ValueError:
        return None


def _pid_namespace() -> str | None:
    try:
        return str(Path("/proc/self/ns/pid").readlink())
    except OSError:
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # e.g. EPERM: it exists, owned by someone else
        return True
    return True


@dataclass(frozen=True)
class Holder:
    run_id: str
    host: str
    expires_at: datetime
    acquired_at: str
    pid: int | None = None
    pid_namespace: str | None = None

    def crashed_here(self) -> bool:
        """Held by a process of this machine and PID namespace that no longer exists."""
        return (
            self.pid is not None
            and self.pid_namespace is not None
            and self.host == socket.gethostname()
            and self.pid_namespace == _pid_namespace()
            and self.pid != os.getpid()
            and not _alive(self.pid)
        )

    @classmethod
    def parse(cls, raw: bytes, modified: datetime, seconds: float) -> Holder:
        """A lease object; an unreadable one counts as held for ``seconds`` after it was
        written, so a damaged lease delays a run but never lets two in."""
        try:
            doc: Any = json.loads(raw)
            pid = doc.get("pid")
            namespace = doc.get("pid_namespace")
            return cls(
                run_id=str(doc["run_id"]),
                host=str(doc.get("host", "?")),
                expires_at=parse_ts(str(doc["expires_at"])),
                acquired_at=str(doc.get("acquired_at", "?")),
                pid=pid if isinstance(pid, int) and pid > 0 else None,
                pid_namespace=namespace if isinstance(namespace, str) else None,
            )
        except (ValueError, KeyError, TypeError):
            return cls("(unreadable lease)", "?", modified + timedelta(seconds=seconds), "?")


class Lease:
    """The lease of one stream's next sequence, held by this run; see the module docstring.
    ``Lease.records`` is the lease of the signed records (``RECORDS_LEASE``)."""

    def __init__(
        self,
        store: Store,
        source: str,
        tenant: str,
        sequence: int,
        *,
        run_id: str,
        seconds: float = DEFAULT_SECONDS,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.store = store
        self.what = f"stream {source}/{tenant}"
        self.prefix = lease_prefix(source, tenant, sequence)
        self.doing = "crawling it"
        self.run_id = run_id
        self.seconds = seconds
        self._clock = clock
        self._generation = 0
        self._acquired_at = ""
        self._mine: list[str] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.lost = False

    @classmethod
    def records(cls, store: Store, *, run_id: str, seconds: float = DEFAULT_SECONDS) -> Lease:
        lease = cls(store, "", "", 0, run_id=run_id, seconds=seconds)
        lease.what, lease.prefix, lease.doing = "the signed records", RECORDS_LEASE, "writing"
        return lease

    def _key(self, generation: int) -> str:
        return f"{self.prefix}{generation:06d}.json"

    def _body(self) -> bytes:
        now = self._clock()
        doc = {
            "run_id": self.run_id,
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "pid_namespace": _pid_namespace(),
            "acquired_at": self._acquired_at or format_ts(now),
            "renewed_at": format_ts(now),
            "expires_at": format_ts(now + timedelta(seconds=self.seconds)),
        }
        return json.dumps(doc, sort_keys=True).encode()

    def _current(self) -> tuple[int, Holder | None]:
        """The newest generation and its holder (0, None when nobody ever held it)."""
        for _ in range(_TRIES):
            infos = [(g, i) for i in self.store.list(self.prefix) if (g := _generation(i.key))]
            if not infos:
                return 0, None
            generation, info = max(infos, key=lambda gi: gi[0])
            try:
                raw = self.store.get(info.key)
            except StoreError:
                continue  # renewed and cleaned up meanwhile: look again
            return generation, Holder.parse(raw, info.modified, self.seconds)
        raise ConflictError(f"{self.what}: its lease keeps changing hands; try later")

    def acquire(self) -> None:
        """Take the lease or raise ``ConflictError`` naming who holds it and until when."""
        generation, holder = self._current()
        now = self._clock()
        if (
            holder is not None
            and holder.run_id != self.run_id
            and holder.expires_at > now
            and not holder.crashed_here()
        ):
            raise ConflictError(
                f"{self.what}: run {holder.run_id} on {holder.host} holds its lease "
                f"(taken {holder.acquired_at}, valid until {format_ts(holder.expires_at)}); "
                f"this command stops without {self.doing}",
                hint="if that run crashed, its lease expires by then; run again after",
            )
        if holder is not None and holder.run_id != self.run_id:
            log.warning(
                "%s: taking over the lease of run %s, %s",
                self.what,
                holder.run_id,
                "which ended without releasing it"
                if holder.expires_at > now
                else f"which expired at {format_ts(holder.expires_at)}",
            )
        self._acquired_at = format_ts(now)
        if not self.store.put_if_absent(self._key(generation + 1), self._body()):
            raise ConflictError(
                f"{self.what}: another run took its lease at the same moment; "
                f"this command stops without {self.doing}"
            )
        self._generation = generation + 1
        self._mine.append(self._key(self._generation))
        if generation:
            self._forget(self._key(generation))

    def renew(self) -> bool:
        """Extend the lease; False (and ``lost``) when another run has taken it over."""
        if not self.store.put_if_absent(self._key(self._generation + 1), self._body()):
            self.lost = True
            log.warning("%s: another run took over this run's lease", self.what)
            return False
        self._generation += 1
        self._mine.append(self._key(self._generation))
        old = self._mine.pop(0)
        self._forget(old)
        return True

    def _forget(self, key: str) -> None:
        """Delete an outdated lease object where the credentials allow it (gc does otherwise)."""
        with contextlib.suppress(ArchiverError):
            self.store.delete(key)

    def _heartbeat(self) -> None:
        while not self._stop.wait(self.seconds / 3):
            try:
                if not self.renew():
                    return
            except ArchiverError as exc:  # a store hiccup: the next beat tries again
                log.warning("%s: could not renew its lease (%s)", self.what, exc)

    def start(self) -> None:
        self._thread = threading.Thread(
            target=self._heartbeat, name=f"lease {self.what}", daemon=True
        )
        self._thread.start()

    def release(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        if not self.lost:
            for key in self._mine:
                self._forget(key)
        self._mine.clear()


@contextlib.contextmanager
def held(
    store: Store, source: str, tenant: str, sequence: int, *, run_id: str, seconds: float
) -> Iterator[Lease]:
    """Hold the lease of ``sequence`` for the duration of the block, renewing it meanwhile."""
    lease = Lease(store, source, tenant, sequence, run_id=run_id, seconds=seconds)
    lease.acquire()
    lease.start()
    try:
        yield lease
    finally:
        lease.release()


@contextlib.contextmanager
def records_held(
    store: Store, *, run_id: str, seconds: float, wait: float = 0.0
) -> Iterator[Lease]:
    """Hold the lease of the signed records for the duration of the block. Its holders are
    brief (a record is written in well under a second, a rotation in a few), so a taker may
    ``wait`` that long for it before the ``ConflictError``."""
    lease = Lease.records(store, run_id=run_id, seconds=seconds)
    deadline = time.monotonic() + wait
    while True:
        try:
            lease.acquire()
            break
        except ConflictError:
            if time.monotonic() >= deadline:
                raise
            time.sleep(min(0.5, max(0.05, deadline - time.monotonic())))
    lease.start()
    try:
        yield lease
    finally:
        lease.release()
