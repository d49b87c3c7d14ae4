"""``archiver hold``: legal holds kept in the store, as signed append-only records.

A hold is never edited: placing and releasing are separate records under ``holds/<hold id>/``,
written with put-if-absent, and the current state is the latest record. Records name people
only by pseudonym (``subject_id`` per platform type) and sessions only by keyed id, so the
store never holds a raw user id outside the encrypted objects. With S3 Object Lock, the
objects a hold covers also get an S3 legal hold, so not even a privileged delete removes them.

This module also owns the other signed records (suppressions, ledger) and the ``RunGuard``
the engine consults: what not to archive again, and which new objects to put on legal hold.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from archiver.archive import manifest as mf
from archiver.archive.reader import ArchiveReader
from archiver.archive.store import Store
from archiver.archive.store_s3 import LegalHolds
from archiver.context import Context
from archiver.errors import ConfigError, ConflictError, IntegrityError
from archiver.keys import Signer, Verifier
from archiver.timeutil import format_ts, utcnow

HOLDS = "holds"
SUPPRESSED = "suppressed"
LEDGER = "ledger"
RECORD_FORMAT = "conversation-archiver/record"


# --- signed records ---------------------------------------------------------------------


def record_stamp() -> str:
    """A sortable, unique name part: UTC time to the microsecond plus randomness."""
    return utcnow().strftime("%Y%m%dT%H%M%S%fZ") + "-" + secrets.token_hex(4)


def put_record(store: Store, key: str, doc: dict[str, Any], signer: Signer) -> None:
    """Write one signed record; records are never replaced."""
    raw = mf.sign({"format": RECORD_FORMAT} | doc, signer)
    if not store.put_if_absent(key, raw):
        raise ConflictError(
            f"record {key} was written by another command meanwhile; run the command again"
        )


def read_record(store: Store, key: str, verifier: Verifier) -> dict[str, Any]:
    """A signed record, checked: canonical JSON and a valid signature by the trusted key."""
    raw = store.get(key)
    try:
        doc = json.loads(raw)
    except ValueError:
        raise IntegrityError(f"record {key} is not valid JSON (altered or truncated)") from None
    if not isinstance(doc, dict) or raw != mf.canonical(doc) + b"\n":
        raise IntegrityError(f"record {key} is not in its canonical form (altered)")
    sig = doc.get("signature") or {}
    body = {k: v for k, v in doc.items() if k != "signature"}
    if sig.get("key_id") != verifier.key_id or not verifier.verify(
        mf.canonical(body), str(sig.get("value", ""))
    ):
        raise IntegrityError(f"record {key} is not signed by the trusted key (altered or forged)")
    return body


def operator_name(explicit: str | None) -> str:
    return explicit or os.environ.get("USER") or "unknown"


def subject_ids(ctx: Context, user_id: str) -> list[str]:
    """The person's pseudonym on every platform type the config or the archive knows."""
    types = {s.type for s in ctx.config.sources}
    for keys in mf.list_streams(ctx.store).values():
        types.add(
            mf.parse(keys[-1], ctx.store.get(keys[-1]), ctx.verifier).doc["stream"]["source_type"]
        )
    return sorted({ctx.pseudo.subject_id(t, user_id) for t in types})


def session_key(ctx: Context, session_id: str) -> str:
    return ctx.pseudo.record_key("sessions", session_id)


# --- holds ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hold:
    hold_id: str
    case: str
    kind: str  # user | session
    subjects: tuple[str, ...]  # full subject ids (user holds)
    session: str | None  # keyed session id (session holds)
    placed_at: str
    placed_by: str

    def covers(self, obj: dict[str, Any]) -> bool:
        """Whether the object may hold covered rows. Objects written before the session index
        existed cannot be ruled out for a session hold, so they count as covered."""
        if self.kind == "user":
            return any(s[:16] in obj["subjects"] for s in self.subjects)
        if obj["table"] == "users":
            return False
        if "sessions" not in obj:
            return True
        return (self.session or "")[:16] in obj["sessions"]

    def to_json(self) -> dict[str, Any]:
        return {
            "hold_id": self.hold_id,
            "case": self.case,
            "kind": self.kind,
            "subjects": list(self.subjects),
            "session": self.session,
            "placed_at": self.placed_at,
            "placed_by": self.placed_by,
        }


def _hold_id(case: str, kind: str, target: str) -> str:
    return hashlib.sha256(f"{case}\x00{kind}\x00{target}".encode()).hexdigest()[:32]


def active_holds(store: Store, verifier: Verifier) -> list[Hold]:
    """The holds in force: those whose latest record places them."""
    latest: dict[str, tuple[str, dict[str, Any]]] = {}
    for info in store.list(HOLDS + "/"):
        parts = info.key.split("/")
        if len(parts) != 3:
            continue
        doc = read_record(store, info.key, verifier)
        if doc.get("hold_id") != parts[1]:
            raise IntegrityError(f"hold record {info.key} names another hold (moved)")
        cur = latest.get(parts[1])
        if cur is None or parts[2] > cur[0]:
            latest[parts[1]] = (parts[2], doc)
    out = []
    for hid, (_, doc) in sorted(latest.items()):
        if doc["action"] != "place":
            continue
        out.append(
            Hold(
                hold_id=hid,
                case=doc["case"],
                kind=doc["kind"],
                subjects=tuple(doc.get("subjects", [])),
                session=doc.get("session"),
                placed_at=doc["at"],
                placed_by=doc["operator"],
            )
        )
    return out


@dataclass
class HoldReport:
    action: str
    hold: Hold
    changed: bool  # False: it was already in that state
    legal_holds: int = 0  # S3 legal holds placed or lifted
    kept_locked: int = 0  # on release: still covered by another hold


def _live_objects(ctx: Context) -> Iterable[dict[str, Any]]:
    reader = ArchiveReader(ctx.store, verifier=ctx.verifier, masked=None, sealed=None)
    for m in reader.all_manifests():
        yield from m.objects


def _legal_hold_store(ctx: Context) -> LegalHolds | None:
    store = ctx.store
    if ctx.config.archive.object_lock is None or not isinstance(store, LegalHolds):
        return None
    return store


def _target(
    ctx: Context, user_id: str | None, session_id: str | None
) -> tuple[str, list[str], str | None]:
    if (user_id is None) == (session_id is None):
        raise ConfigError("give exactly one of --user-id and --session-id")
    if user_id is not None:
        return "user", subject_ids(ctx, user_id), None
    assert session_id is not None
    return "session", [], session_key(ctx, session_id)


def place_or_release(
    ctx: Context,
    action: str,
    case: str,
    *,
    user_id: str | None = None,
    session_id: str | None = None,
    operator: str | None = None,
) -> HoldReport:
    """Append a place or release record, then set or lift the S3 legal holds it implies."""
    if action not in ("place", "release"):
        raise ConfigError(f"hold action must be place or release, not {action!r}")
    if not case.strip():
        raise ConfigError("--case: give the case reference")
    kind, subjects, skey = _target(ctx, user_id, session_id)
    target = ctx.pseudo.record_key("holds", user_id) if user_id is not None else skey or ""
    hid = _hold_id(case, kind, target)
    active = active_holds(ctx.store, ctx.verifier)
    now = format_ts(utcnow())
    who = operator_name(operator)
    hold = next(
        (h for h in active if h.hold_id == hid),
        Hold(hid, case, kind, tuple(subjects), skey, now, who),
    )
    was_active = any(h.hold_id == hid for h in active)
    report = HoldReport(action, hold, changed=was_active != (action == "place"))
    if report.changed:
        doc: dict[str, Any] = {
            "kind_of_record": "hold",
            "action": action,
            "hold_id": hid,
            "case": case,
            "kind": kind,
            "subjects": subjects,
            "session": skey,
            "at": now,
            "operator": who,
        }
        # Numbered per hold: two concurrent changes cannot both be recorded as the latest.
        n = sum(1 for _ in ctx.store.list(f"{HOLDS}/{hid}/")) + 1
        put_record(ctx.store, f"{HOLDS}/{hid}/{n:08d}-{action}.json", doc, ctx.signer)
    locks = _legal_hold_store(ctx)
    if locks is None:
        return report
    others = [h for h in active if h.hold_id != hid]
    for obj in _live_objects(ctx):
        if not hold.covers(obj):
            continue
        if action == "release" and any(h.covers(obj) for h in others):
            report.kept_locked += 1
            continue
        locks.set_legal_hold(obj["key"], action == "place")
        report.legal_holds += 1
    return report


def held_objects(holds: list[Hold], objects: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Object key → the case of a hold covering it."""
    out: dict[str, str] = {}
    for obj in objects:
        for h in holds:
            if h.covers(obj):
                out[obj["key"]] = h.case
                break
    return out


# --- suppressions and the engine's guard ------------------------------------------------


def suppressed_subjects(store: Store, verifier: Verifier) -> frozenset[str]:
    """Every subject id erased and not to be archived again (each record checked)."""
    out = set()
    for info in store.list(SUPPRESSED + "/"):
        doc = read_record(store, info.key, verifier)
        if info.key != f"{SUPPRESSED}/{doc['subject_id']}.json":
            raise IntegrityError(f"suppression record {info.key} names another subject (moved)")
        out.add(str(doc["subject_id"]))
    return frozenset(out)


@dataclass(frozen=True)
class RunGuard:
    """What a run reads once at its start: subjects not to archive, holds for new objects."""

    suppressed: frozenset[str] = frozenset()
    holds: tuple[Hold, ...] = ()
    locks: LegalHolds | None = None

    @classmethod
    def load(cls, ctx: Context) -> RunGuard:
        return cls(
            suppressed=suppressed_subjects(ctx.store, ctx.verifier),
            holds=tuple(active_holds(ctx.store, ctx.verifier)),
            locks=_legal_hold_store(ctx),
        )

    def skips(self, subject_id: str | None) -> bool:
        return subject_id is not None and subject_id in self.suppressed

    def protect(self, objects: Iterable[dict[str, Any]]) -> int:
        """Put new objects that contain held subjects or sessions on S3 legal hold."""
        if self.locks is None or not self.holds:
            return 0
        keys = held_objects(list(self.holds), objects)
        for key in keys:
            self.locks.set_legal_hold(key, True)
        return len(keys)
