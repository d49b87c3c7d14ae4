"""A stream's incremental state, as carried in its latest manifest (never on the machine).

``watermark`` is platform time: the next run asks for every change at or after it. ``seen``
holds the versions already committed whose change time is at or after the watermark, so the
overlap the next run reads again is not committed twice. Ids and hashes in it are keyed HMACs.
``source`` is what a ``StatefulSource`` keeps for itself (no personal data).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

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
