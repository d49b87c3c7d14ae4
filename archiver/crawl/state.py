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

import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import IO, Any

from archiver.timeutil import format_ts, parse_ts

#: 2: ``seen`` values carry their version time (``<hash>@<time>``); 1: the hash alone.
STATE_VERSION = 2


@dataclass(frozen=True, slots=True)
class Seen:
    """One committed version in the overlap: its keyed hash and when it came to be."""

    hash: str
    time: datetime | None  # None: written by state version 1, which kept no time


def _ceil_ms(t: datetime) -> datetime:
    """Rounded up to the millisecond kept in manifests, so a version never leaves the overlap
    early because its time lost precision."""
    extra = t.microsecond % 1000
    return t + timedelta(microseconds=1000 - extra) if extra else t


def encode_seen(entry: Seen) -> str:
    return entry.hash if entry.time is None else f"{entry.hash}@{format_ts(_ceil_ms(entry.time))}"


def decode_seen(value: str) -> Seen:
    digest, _, when = value.partition("@")
    return Seen(digest, parse_ts(when) if when else None)


SeenMap = dict[str, dict[str, Seen]]  # table -> keyed record id -> version


@dataclass
class StreamState:
    watermark: datetime | None = None
    seen: SeenMap = field(default_factory=dict)
    source: dict[str, Any] = field(default_factory=dict)
    last_full: datetime | None = None

    @classmethod
    def from_manifest(cls, state: dict[str, Any] | None) -> StreamState:
        if not state:
            return cls()
        wm = state.get("watermark")
        seen = {
            t: {k: decode_seen(v) for k, v in versions.items()}
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
                t: {k: encode_seen(v) for k, v in sorted(versions.items())}
                for t, versions in sorted(self.seen.items())
                if versions
            },
        }
        if self.source:
            out["source"] = self.source
        if self.last_full is not None:
            out["last_full"] = format_ts(self.last_full)
        return out

    def is_seen(self, table: str, key: str, digest: str) -> bool:
        entry = self.seen.get(table, {}).get(key)
        return entry is not None and entry.hash == digest

    def carried_over(self, watermark: datetime) -> SeenMap:
        """The versions still at or after ``watermark``: a complete run keeps them in ``seen``
        whatever its source yielded, so a source that does not list its whole overlap again
        cannot make a later run commit them twice. Version-1 entries have no time and are not
        carried (their times were at or after the old watermark, which this one passed)."""
        return {
            t: {k: v for k, v in versions.items() if v.time is not None and v.time >= watermark}
            for t, versions in self.seen.items()
        }


def merge_seen(into: SeenMap, newer: SeenMap) -> None:
    """Add ``newer`` to ``into``; for the same record the later version wins."""
    for table, versions in newer.items():
        target = into.setdefault(table, {})
        for key, entry in versions.items():
            old = target.get(key)
            if (
                old is None
                or old.time is None
                or (entry.time is not None and entry.time >= old.time)
            ):
                target[key] = entry


class CommittedKeys:
    """The versions one run commits, kept only for a stream that stops early.

    A stream that stops keeps its watermark, so the next run reads those versions again and
    must find them in ``seen``. A run that completes never needs them: past ``limit`` entries
    they go to an unnamed temporary file (keyed HMACs only, deleted on close), which keeps a
    long backfill's memory flat.
    """

    def __init__(self, limit: int = 50_000) -> None:
        self._limit = limit
        self._mem: SeenMap = {}
        self._count = 0
        self._spill: IO[str] | None = None

    def add(self, table: str, key: str, version: Seen) -> None:
        if self._spill is None and self._count < self._limit:
            self._mem.setdefault(table, {})[key] = version
            self._count += 1
            return
        if self._spill is None:
            self._spill = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 (closed by close())
        self._spill.write(f"{table}\t{key}\t{encode_seen(version)}\n")

    def merge_into(self, seen: SeenMap) -> None:
        merge_seen(seen, self._mem)
        if self._spill is not None:
            self._spill.seek(0)
            for line in self._spill:
                table, key, version = line.rstrip("\n").split("\t")
                merge_seen(seen, {table: {key: decode_seen(version)}})

    def close(self) -> None:
        if self._spill is not None:
            self._spill.close()
            self._spill = None
