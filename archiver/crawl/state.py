"""A stream's incremental state, as carried in its latest manifest (never on the machine).

``watermark`` is platform time: the next run asks for every change at or after it. ``seen``
holds the versions already committed whose change time is at or after the watermark, so the
overlap the next run reads again is not committed twice; each entry keeps its version's time,
so a later run carries it over for as long as it stays in the overlap, whether or not a source
yields it again. Ids and hashes in it are keyed HMACs.
``source`` is what a stateful source keeps for itself (no personal data); ``last_full`` is when
the stream's last complete ``--full`` reconciliation started.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import IO, Any, NamedTuple

from archiver.timeutil import format_ts, parse_ts

#: 2: ``seen`` values carry their versions' times (``<hash>@<time>``, several separated by
#: commas); 1: one hash alone.
STATE_VERSION = 2


class Seen(NamedTuple):
    """One committed version in the overlap: its keyed hash and when it came to be (a named
    tuple: one is made for every record read, and a frozen dataclass took twice as long)."""

    hash: str
    time: datetime | None  # None: written by state version 1, which kept no time


Versions = dict[str, datetime | None]  # version hash -> its time
SeenMap = dict[str, dict[str, Versions]]  # table -> keyed record id -> its versions


def _ceil_ms(t: datetime) -> datetime:
    """Rounded up to the millisecond kept in manifests, so a version never leaves the overlap
    early because its time lost precision."""
    extra = t.microsecond % 1000
    return t + timedelta(microseconds=1000 - extra) if extra else t


def _later(a: datetime | None, b: datetime | None) -> datetime | None:
    return b if a is None else a if b is None else max(a, b)


def encode_versions(versions: Versions) -> str:
    def one(digest: str, when: datetime | None) -> str:
        return digest if when is None else f"{digest}@{format_ts(_ceil_ms(when))}"

    ordered = sorted(versions.items(), key=lambda kv: (kv[1] is not None, kv[1] or 0, kv[0]))
    return ",".join(one(d, w) for d, w in ordered)


def decode_versions(value: str) -> Versions:
    out: Versions = {}
    for part in value.split(","):
        digest, _, when = part.partition("@")
        out[digest] = _later(out.get(digest), parse_ts(when) if when else None)
    return out


def add_version(seen: SeenMap, table: str, key: str, version: Seen) -> None:
    add_digest(seen, table, key, version.hash, version.time)


def add_digest(seen: SeenMap, table: str, key: str, digest: str, time: datetime | None) -> None:
    """``add_version`` of a version given as its two fields (no ``Seen`` made for it)."""
    versions = seen.setdefault(table, {}).setdefault(key, {})
    versions[digest] = _later(versions[digest], time) if digest in versions else time


@dataclass
class StreamState:
    watermark: datetime | None = None
    seen: SeenMap = field(default_factory=dict)
    source: dict[str, Any] = field(default_factory=dict)
    last_full: datetime | None = None

    @classmethod
    def from_manifest(cls, state: Mapping[str, Any] | None) -> StreamState:
        if not state:
            return cls()
        wm = state.get("watermark")
        seen = {
            t: {k: decode_versions(v) for k, v in versions.items()}
            for t, versions in (state.get("seen") or {}).items()
        }
        source = dict(state.get("source") or {})
        last_full = state.get("last_full")
        return cls(
            watermark=parse_ts(wm) if wm else None,
            seen=seen,
            source=source,
            last_full=parse_ts(last_full) if last_full else None,
        )

    def to_manifest(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "version": STATE_VERSION,
            "watermark": format_ts(self.watermark) if self.watermark else None,
            "seen": {
                t: {k: encode_versions(v) for k, v in sorted(records.items()) if v}
                for t, records in sorted(self.seen.items())
                if records
            },
        }
        if self.source:
            out["source"] = self.source
        if self.last_full is not None:
            out["last_full"] = format_ts(self.last_full)
        return out

    def is_seen(self, table: str, key: str, digest: str) -> bool:
        """Whether this version of the record was committed (a record can have several in the
        overlap: a full crawl may meet an earlier and a later one)."""
        versions = self.seen.get(table, {}).get(key)
        return versions is not None and digest in versions

    def carried_over(self, watermark: datetime) -> SeenMap:
        """The versions still at or after ``watermark``: a complete run keeps them in ``seen``
        whatever its source yielded, so a source that does not list its whole overlap again
        cannot make a later run commit them twice. Version-1 entries have no time and are not
        carried (their times were at or after the old watermark, which this one passed)."""
        out: SeenMap = {}
        for table, records in self.seen.items():
            kept: dict[str, Versions] = {}
            for k, v in records.items():
                kept[k] = {d: w for d, w in v.items() if w is not None and w >= watermark}
            out[table] = {k: v for k, v in kept.items() if v}
        return out


def merge_seen(into: SeenMap, newer: SeenMap) -> None:
    """Add ``newer``'s versions to ``into``."""
    for table, records in newer.items():
        for key, versions in records.items():
            for digest, when in versions.items():
                add_version(into, table, key, Seen(digest, when))


#: Versions ``CommittedKeys`` keeps in memory before it spills the rest to a temporary file.
LIMIT = 8192


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)

#: Spilled entries as ``CommittedKeys`` writes them: their tables, keyed ids, versions and
#: times, a column each.
_Spilled = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], list[datetime | int | None]]


def _spilled(entries: list[tuple[str, str, str, datetime | None]]) -> _Spilled:
    """``entries`` as columns, a UTC time (``datetime.UTC``, fold 0: what ``parse_ts`` and
    the sources make) as its microseconds since 1970, any other time and None as they are.
    Pickling a ``datetime`` costs about four times its subtraction from the epoch (its reduce
    call, its bytes, the tuple around them), and one was pickled for every record archived
    past ``LIMIT``; a tuple per entry costs more than four columns. ``_unspilled`` makes the
    same entries again, equal times with the same ``tzinfo`` object."""
    tables, keys, digests, times = zip(*entries, strict=True)
    utc, epoch, micro = UTC, _EPOCH, _MICROSECOND
    return (
        tables,
        keys,
        digests,
        [
            (t - epoch) // micro if type(t) is datetime and t.tzinfo is utc and not t.fold else t
            for t in times
        ],
    )


def _unspilled(chunk: _Spilled) -> Iterator[tuple[str, str, str, datetime | None]]:
    """The entries ``_spilled`` wrote, in their order."""
    epoch = _EPOCH
    for table, key, digest, time in zip(*chunk, strict=True):
        when = epoch + timedelta(microseconds=time) if isinstance(time, int) else time
        yield table, key, digest, when


class CommittedKeys:
    """The versions one run commits, kept only for a stream that stops early.

    A stream that stops keeps its watermark, so the next run reads those versions again and
    must find them in ``seen``. A run that completes never needs them: past ``limit`` entries
    they go to an unnamed temporary file (keyed HMACs only, deleted on close), which keeps a
    long backfill's memory flat. Each entry kept in memory costs about 420 bytes (its keyed
    id, version and dicts): 50,000 of them were 20 MiB of every run past that many records.
    Spilled entries go ``limit`` at a time, pickled column by column (``_spilled``): a text
    line per entry cost ten times as much (the time's ``isoformat`` and a write each).
    """

    def __init__(self, limit: int = LIMIT) -> None:
        self._limit = limit
        self._mem: SeenMap = {}
        self._count = 0
        self._spill: IO[bytes] | None = None
        self._pending: list[tuple[str, str, str, datetime | None]] = []

    def add(self, table: str, key: str, digest: str, time: datetime | None) -> None:
        """One committed version: its record's keyed id, version hash and time (two fields,
        not a ``Seen``: one is added for every record archived)."""
        if self._spill is None:
            if self._count < self._limit:
                add_digest(self._mem, table, key, digest, time)
                self._count += 1
                return
            self._spill = tempfile.TemporaryFile()  # noqa: SIM115 (closed by close())
        self._pending.append((table, key, digest, time))
        if len(self._pending) >= self._limit:
            self._write_pending()

    def _write_pending(self) -> None:
        assert self._spill is not None
        pickle.dump(_spilled(self._pending), self._spill, protocol=pickle.HIGHEST_PROTOCOL)
        self._pending = []

    def merge_into(self, seen: SeenMap) -> None:
        merge_seen(seen, self._mem)
        if self._spill is None:
            return
        if self._pending:
            self._write_pending()
        self._spill.seek(0)
        while True:
            try:
                chunk = pickle.load(self._spill)  # noqa: S301 - this object's own file
            except EOFError:
                break
            for table, key, digest, time in _unspilled(chunk):
                add_digest(seen, table, key, digest, time)
        self._spill.seek(0, 2)  # further entries go after these

    def close(self) -> None:
        self._pending = []
        if self._spill is not None:
            self._spill.close()
            self._spill = None
