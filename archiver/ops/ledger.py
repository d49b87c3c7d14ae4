"""The ledger: signed, append-only entries of what was done with personal data, and by whom.

``ledger/<time>-<random>-<kind>.json``, one per act:

- ``erase``: an erasure (what, when, why, who, objects superseded and deleted or retained,
  manifest sequences);
- ``prune``: a retention run;
- ``compact``: a compaction (objects rewritten and into which, deleted or retained);
- ``access``: an opening of sealed originals (``export``, ``retrieve``, ``restore --sealed``),
  written *before* the first sealed object is decrypted, so no opening goes unrecorded.

``archiver ledger list`` lists them; ``archiver ledger show`` prints one as a receipt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from archiver.archive import layout
from archiver.archive.catalog import ObjectEntry
from archiver.archive.catalog.records import (
    LEDGER,
    LEDGER_KINDS,
    AccessRecord,
    ledger_key,
)
from archiver.context import Context
from archiver.errors import ConfigError, UnknownTargetError
from archiver.timeutil import format_ts, utcnow

ACCESS: Literal["access"] = "access"
KINDS = LEDGER_KINDS


def record_access(
    ctx: Context,
    *,
    command: str,
    operator: str,
    reason: str | None,
    objects: Iterable[ObjectEntry],
    subjects: Iterable[str] = (),
    session: str | None = None,
) -> str:
    """Sign and store who opens which sealed objects, and why, before they are opened."""
    entries = list(objects)
    opened = sorted({o.key for o in entries})
    streams = sorted({f"{o.partition.source}/{o.partition.tenant}" for o in entries})
    key = ledger_key("access")
    doc: AccessRecord = {
        "kind_of_record": ACCESS,
        "command": command,
        "at": format_ts(utcnow()),
        "operator": operator,
        "reason": reason,
        "subject_ids": sorted(set(subjects)),
        "session": session,
        "streams": streams,
        "objects": opened,
    }
    ctx.write_record(key, doc)
    return key


@dataclass(frozen=True)
class Entry:
    key: str
    doc: dict[str, Any]

    @property
    def id(self) -> str:
        return self.key.removeprefix(LEDGER + "/").removesuffix(".json")

    @property
    def kind(self) -> str:
        return str(self.doc.get("kind_of_record", "?"))

    def summary(self) -> str:
        d = self.doc
        if self.kind == "erasure":
            what = (
                f"{d.get('conversations', '?')} conversation(s), {d.get('messages', '?')} "
                f"message(s), {d.get('profiles', '?')} profile(s)"
                if "conversations" in d
                else f"{d.get('rows_removed', 0)} row(s)"
            )
            return f"erased {what}; {len(d.get('superseded', []))} object(s) superseded"
        if self.kind == "prune":
            return f"pruned before {d.get('cutoff')}: {len(d.get('superseded', []))} object(s)"
        if self.kind == "compaction":
            return (
                f"compacted {_count(d, 'superseded')} small part(s) into "
                f"{_count(d, 'written')} object(s)"
            )
        if self.kind == ACCESS:
            return (
                f"{d.get('command')} opened {len(d.get('objects', []))} sealed object(s) of "
                f"{len(d.get('streams', []))} stream(s)"
            )
        return self.kind

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "key": self.key, "kind": self.kind} | self.doc


def entries(ctx: Context, *, kind: str | None = None) -> list[Entry]:
    """Every ledger entry, oldest first, each signature checked."""
    if kind is not None and kind not in KINDS.values():
        raise ConfigError(f"--kind must be one of {', '.join(sorted(KINDS.values()))}")
    out = []
    for info in ctx.store.list(LEDGER + "/"):
        if kind is not None and not info.key.endswith(f"-{kind}.json"):
            continue
        out.append(Entry(info.key, ctx.catalog.read_record(info.key)))
    return sorted(out, key=lambda e: e.key)


def entry(ctx: Context, ref: str) -> Entry:
    """One entry by its id (``ledger list`` shows it), its key, or a unique prefix of its id."""
    ref = ref.removeprefix(LEDGER + "/").removesuffix(".json")
    names = [i.key for i in ctx.store.list(LEDGER + "/")]
    exact = [k for k in names if k == f"{LEDGER}/{ref}.json"]
    found = exact or [k for k in names if k.removeprefix(LEDGER + "/").startswith(ref)]
    if not ref or not found:
        raise UnknownTargetError(
            "no ledger entry with this id", hint="'archiver ledger list' shows the ids"
        )
    if len(found) > 1:
        raise ConfigError(f"{len(found)} ledger entries start with {ref!r}; give more of the id")
    return Entry(found[0], ctx.catalog.read_record(found[0]))


def _stream_of(manifest_key: str) -> str:
    parsed = layout.parse_stream(manifest_key)
    return f"{parsed[0]}/{parsed[1]} sequence {parsed[2]}" if parsed else manifest_key


def receipt(e: Entry, *, signed_by: str) -> str:
    """The entry as a printable receipt: what, when, why, who, and what became of each object."""
    d = e.doc
    title = {
        "erasure": "ERASURE RECEIPT",
        "prune": "RETENTION RECEIPT",
        ACCESS: "ACCESS RECORD",
        "compaction": "COMPACTION RECEIPT",
    }
    lines = [
        title.get(e.kind, e.kind.upper()),
        "",
        f"Ledger entry:  {e.key}",
        f"Signature:     valid, key {signed_by}",
        f"When:          {d.get('at')}",
        f"Who:           {d.get('operator')}",
    ]
    if e.kind not in ("prune", "compaction"):
        lines.append(f"Why:           {d.get('reason') or '(no reason given)'}")
    if e.kind == "erasure":
        subjects = d.get("subject_ids", [])
        scope = f"source {d['source']!r}" if d.get("source") else "every source"
        lines += [
            f"Person:        {len(subjects)} pseudonym(s) (subject_id), found by "
            f"{d.get('found_by', 'user id')}; the user id itself is not recorded",
            *(f"                 {s}" for s in subjects),
            f"Scope:         {scope}",
        ]
        if "conversations" in d:
            lines.append(
                f"Erased:        {d['conversations']} conversation(s), {d['messages']} "
                f"message(s), {d['profiles']} profile(s) in {len(d.get('streams', []))} stream(s)"
            )
        if d.get("unknown"):
            lines.append("Note:          nothing was archived; only the suppression was recorded")
        for case, n in sorted((d.get("kept_held") or {}).items()):
            lines.append(f"Kept by hold:  case {case!r}: {n} conversation(s)")
    if e.kind == "prune":
        lines.append(f"Cutoff:        last activity before {d.get('cutoff')}")
        for name in ("conversations", "messages", "people"):
            if name in d:
                lines.append(f"{name.capitalize() + ':':<15}{d[name]}")
    if e.kind == ACCESS:
        lines += [
            f"Command:       {d.get('command')}",
            f"Streams:       {', '.join(d.get('streams', [])) or '(none)'}",
        ]
        if d.get("subject_ids"):
            lines.append(f"Person:        {', '.join(d['subject_ids'])}")
        if d.get("session"):
            lines.append(f"Session:       {d['session']} (keyed id)")
        lines.append(f"Objects:       {len(d.get('objects', []))} sealed object(s) opened")
        lines += [f"  {k}" for k in d.get("objects", [])]
        return "\n".join(lines) + "\n"
    manifests = d.get("manifests", [])
    lines.append(f"Manifests:     {len(manifests)} committed")
    lines += [f"  {_stream_of(k)}  ({k})" for k in manifests]
    superseded = d.get("superseded", [])
    deleted = set(d.get("deleted", []))
    retained = d.get("retained", {})
    lines.append(
        f"Objects:       {_count(d, 'superseded')} superseded: {_count(d, 'deleted')} deleted, "
        f"{len(retained)} retained by Object Lock"
    )
    for key in superseded:
        fate = "deleted" if key in deleted else retained.get(key, "superseded")
        lines.append(f"  {key}: {fate}")
    if "lists" in d:  # pinned lists: the keys are in the manifests and lineage documents
        lines.append("  (keys: in the manifests above, or the lineage section each pins)")
        lines += [f"  {k}: {why}" for k, why in sorted(retained.items())]
    if _count(d, "written") and e.kind == "compaction":
        lines.append(f"Rewritten:     {_count(d, 'written')} new object(s) with the same rows")
        if d.get("rows_dropped"):
            lines.append(f"Left out:      {d['rows_dropped']} row(s) of erased people")
    elif d.get("written"):
        lines.append(f"Rewritten:     {len(d['written'])} new object(s) without the person")
    return "\n".join(lines) + "\n"


def _count(d: Mapping[str, Any], name: str) -> int:
    """How many keys a receipt's list holds: carried (``name``) or counted (``name_count``,
    compaction receipts since pinned lists)."""
    n = d.get(f"{name}_count")
    return int(n) if isinstance(n, int) else len(d.get(name, []))
