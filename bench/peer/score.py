"""What a tool holds against what the platform holds: records missed, duplicated, kept.

A tool's holdings are given per table as ``all`` (every stored row: id and content hash) and
``latest`` (the version it would hand back for each id: content hash and version stamp).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .content import content_hash, version_stamp

TABLES = ("users", "sessions", "messages")
Truth = Mapping[str, Mapping[str, dict[str, Any]]]  # table -> id -> record


@dataclass
class Holdings:
    all: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    latest: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)


def latest_of(rows: Iterable[tuple[str, str, str, float]]) -> dict[str, tuple[str, str]]:
    """Latest version per id among (id, hash, stamp, load order): newest stamp, then last load."""
    best: dict[str, tuple[str, float, str]] = {}
    for rid, digest, stamp, order in rows:
        cur = best.get(rid)
        if cur is None or (stamp, order) > (cur[0], cur[1]):
            best[rid] = (stamp, order, digest)
    return {rid: (digest, stamp) for rid, (stamp, _, digest) in best.items()}


def per_table(counts: Mapping[str, int]) -> str:
    """``users/sessions/messages`` counts, e.g. ``0/3/12``."""
    return "/".join(str(counts.get(t, 0)) for t in TABLES)


def missed_exact(truth: Truth, held: Holdings) -> dict[str, int]:
    """Records the platform has whose exact current content the tool does not hand back."""
    out: dict[str, int] = {}
    for t in TABLES:
        got = held.latest.get(t, {})
        out[t] = sum(
            1 for rid, rec in truth[t].items() if rid not in got or got[rid][0] != content_hash(rec)
        )
    return out


def missed_since(before: Truth, after: Truth, held: Holdings) -> dict[str, int]:
    """Records that existed when a run started and still exist after it, for which the tool
    hands back nothing at least as new as the version at the start.

    Records created during the run are not counted (no tool can promise them), and a record
    that changed during the run may be held in any version from its start version on.
    """
    out: dict[str, int] = {}
    for t in TABLES:
        got = held.latest.get(t, {})
        n = 0
        for rid, rec in before[t].items():
            now = after[t].get(rid)
            if now is None:
                continue
            have = got.get(rid)
            if have is None:
                n += 1
                continue
            digest, stamp = have
            if digest in (content_hash(rec), content_hash(now)):
                continue
            if stamp <= version_stamp(rec):
                n += 1
        out[t] = n
    return out


def duplicated(held: Holdings) -> dict[str, int]:
    """Stored copies beyond the first of the same (id, content)."""
    return {t: sum(n - 1 for n in Counter(held.all.get(t, [])).values() if n > 1) for t in TABLES}


def kept_after_deletion(truth: Truth, held: Holdings) -> dict[str, int]:
    """Records the tool still hands back though the platform deleted them (a backup keeps them)."""
    return {t: len(set(held.latest.get(t, {})) - set(truth[t])) for t in TABLES}


def merge_truths(truths: Iterable[Truth]) -> dict[str, dict[str, dict[str, Any]]]:
    """One truth over several chatbots (Peki ids are unique across them)."""
    out: dict[str, dict[str, dict[str, Any]]] = {t: {} for t in TABLES}
    for truth in truths:
        for t in TABLES:
            out[t].update(truth[t])
    return out


def missed_examples(truth: Truth, held: Holdings, limit: int = 5) -> list[str]:
    """A few missed records, with the platform's version time against the one held."""
    out: list[str] = []
    for t in TABLES:
        got = held.latest.get(t, {})
        for rid, rec in truth[t].items():
            have = got.get(rid)
            if have is not None and have[0] == content_hash(rec):
                continue
            held_at = "absent" if have is None else f"held {have[1]}"
            out.append(f"{t} {rid}: platform {version_stamp(rec)}, {held_at}")
            if len(out) >= limit:
                return out
    return out
