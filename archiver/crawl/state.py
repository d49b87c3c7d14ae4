"""A stream's incremental state, as carried in its latest manifest (never on the machine).

``watermark`` is platform time: the next run asks for every change at or after it. ``seen``
holds the versions already committed whose change time is at or after the watermark, so the
overlap the next run reads again is not committed twice. Ids and hashes in it are keyed HMACs.
``source`` is what a ``StatefulSource`` keeps for itself (no personal data).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from typing import IO, Any

from archiver.timeutil import format_ts, parse_ts

STATE_VERSION = 1


@dataclass
class StreamState:
    watermark: datetime | None = None
    seen: dict[str, dict[str, str]] = field(default_factory=dict)
    source: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_manifest(cls, state: dict[str, Any] | None) -> StreamState:
        if not state:
            return cls()
        wm = state.get("watermark")
        seen = {t: dict(v) for t, v in (state.get("seen") or {}).items()}
        source = dict(state.get("source") or {})
        return cls(watermark=parse_ts(wm) if wm else None, seen=seen, source=source)

    def to_manifest(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "version": STATE_VERSION,
            "watermark": format_ts(self.watermark) if self.watermark else None,
            "seen": {t: dict(sorted(v.items())) for t, v in sorted(self.seen.items()) if v},
        }
        if self.source:
            out["source"] = self.source
        return out


class CommittedKeys:
    """The versions one run commits, kept only for a stream that stops early.

    A stream that stops keeps its watermark, so the next run reads those versions again and
    must find them in ``seen``. A run that completes never needs them: past ``limit`` entries
    they go to an unnamed temporary file (keyed HMACs only, deleted on close), which keeps a
    long backfill's memory flat.
    """

    def __init__(self, limit: int = 50_000) -> None:
        self._limit = limit
        self._mem: dict[str, dict[str, str]] = {}
        self._count = 0
        self._spill: IO[str] | None = None

    def add(self, table: str, key: str, version: str) -> None:
        if self._spill is None and self._count < self._limit:
            self._mem.setdefault(table, {})[key] = version
            self._count += 1
            return
        if self._spill is None:
            self._spill = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 (closed by close())
        self._spill.write(f"{table}\t{key}\t{version}\n")

    def merge_into(self, seen: dict[str, dict[str, str]]) -> None:
        for table, versions in self._mem.items():
            seen.setdefault(table, {}).update(versions)
        if self._spill is not None:
            self._spill.seek(0)
            for line in self._spill:
                table, key, version = line.rstrip("\n").split("\t")
                seen.setdefault(table, {})[key] = version

    def close(self) -> None:
        if self._spill is not None:
            self._spill.close()
            self._spill = None
