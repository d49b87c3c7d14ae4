"""``archiver export --user-id``: everything about one person, from the sealed originals.

GDPR Art. 15 (access) and Art. 20 (portability): a folder or zip with a README, ``data.json``
(schema ``schemas/export.schema.json``), CSV files and ``SHA256SUMS``. Only the objects whose
manifest subject index names the person are opened, so the cost grows with that person's data,
not with the archive.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from archiver.archive.catalog import Newest, ObjectEntry, Placed, rank
from archiver.archive.reader import ArchiveReader
from archiver.context import Context
from archiver.errors import ConfigError
from archiver.keys import write_private_file
from archiver.ops.conversations import Conversations
from archiver.ops.ledger import record_access
from archiver.ops.lookup import Person, ask_platforms, person, unknown_person
from archiver.ops.operator import operator_name
from archiver.timeutil import format_ts, utcnow

EXPORT_FORMAT = "conversation-archiver/export"
EXPORT_VERSION = 1


@dataclass(frozen=True)
class ExportNotice:
    """What the README tells the person; set per organisation in the config's ``export``."""

    controller: str = "(controller not configured)"
    contact: str = ""
    purposes: str = "Keeping a record of conversations with our chat assistants."
    retention: str = "As set out in our retention policy."


@dataclass
class ExportReport:
    out: Path
    streams: int = 0
    sessions: int = 0
    messages: int = 0
    objects_read: int = 0
    objects_total: int = 0
    files: dict[str, str] = field(default_factory=dict)  # name -> sha256
    access_record: str | None = None  # the ledger entry naming the sealed objects opened
    #: Entries for objects opened for the rest of the person's conversations (rows that do not
    #: name them), written once those conversations were known and before they were opened.
    more_access_records: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _ts(v: Any) -> str | None:
    return format_ts(v) if isinstance(v, datetime) else None


Row = dict[str, Any]
#: Per table, the newest version of each record (the catalog's one rule).
Latest = dict[str, Newest[str, Row]]

_KEYS = {"users": "subject_id", "sessions": "session_id", "messages": "message_id"}


def _stream_doc(
    src: str, tenant: str, source_type: str, latest: Latest, times: list[datetime]
) -> dict[str, Any]:
    users = latest["users"].as_dict()
    sessions = latest["sessions"].as_dict()
    messages = latest["messages"].as_dict()
    by_session: dict[str, list[dict[str, Any]]] = {}
    for msg in sorted(messages.values(), key=lambda r: (r["created_at"], r["message_id"])):
        by_session.setdefault(msg["session_id"] or "", []).append(
            {
                "message_id": msg["message_id"],
                "created_at": _ts(msg["created_at"]),
                "sender": msg["sender"],
                "text": msg["text"],
                "record": json.loads(msg["raw"]),
            }
        )

    def started(sid: str) -> str:
        if sid in sessions:
            return _ts(sessions[sid]["created_at"]) or ""
        return str(by_session[sid][0]["created_at"] or "")

    session_docs = []
    for sid in sorted(set(sessions) | set(by_session), key=lambda s: (started(s), s)):
        srow = sessions.get(sid)
        session_docs.append(
            {
                "session_id": sid or None,
                "created_at": _ts(srow["created_at"]) if srow else None,
                "updated_at": _ts(srow["updated_at"]) if srow else None,
                "status": srow["status"] if srow else None,
                "record": json.loads(srow["raw"]) if srow else None,
                "messages": by_session.get(sid, []),
            }
        )
    return {
        "source": src,
        "source_type": source_type,
        "tenant": tenant,
        "period": {"from": _ts(min(times)), "to": _ts(max(times))},
        "profile": [json.loads(u["raw"]) for u in users.values()],
        "sessions": session_docs,
    }


def _offer(latest: Latest, times: list[datetime], placed: Placed, row: int, r: Row) -> None:
    """Offer one row to the newest-version rule of its table."""
    table = placed.entry.table
    latest[table].offer(r[_KEYS[table]], rank(r["version_time"], placed, row), r)
    times.append(r["created_at"])


Planned = list[tuple[str, str, str, list[Placed]]]
#: Per stream, the sealed objects whose subject index does not name the person: where the
#: rest of their conversations may lie.
Unnamed = dict[tuple[str, str], list[Placed]]


def plan(
    ctx: Context, who: Person, *, source: str | None = None, unnamed: Unnamed | None = None
) -> tuple[Planned, int]:
    """Per stream, the sealed objects whose subject index names the person, from the
    manifests alone; plus how many sealed objects there are. ``unnamed`` receives, per
    stream, the other sealed objects, so they need not be read from the manifests again."""
    out: Planned = []
    total = 0
    for chain in ctx.catalog.chains_of_source(source, from_checkpoint=True):
        subjects = who.of_type(chain.source_type)
        sealed = [p for p in chain.live() if p.entry.sealed]
        total += len(sealed)
        objects = [p for p in sealed if p.entry.names_subject(subjects)]
        if unnamed is not None:
            unnamed[(chain.source, chain.tenant)] = [
                p for p in sealed if not p.entry.names_subject(subjects)
            ]
        if objects:
            out.append((chain.source, chain.tenant, chain.source_type, objects))
    return out, total


def _selected(table: pa.Table, mask: pa.ChunkedArray) -> list[tuple[int, Row]]:
    """The rows ``mask`` selects, with their row numbers: only they become Python values (an
    object compacted from years of daily runs holds every version of every record in its
    partition, most of them other people's)."""
    at = pc.indices_nonzero(mask)
    return list(zip(at.to_pylist(), table.take(at).to_pylist(), strict=True))


def _naming(table: pa.Table, subjects: frozenset[str]) -> pa.ChunkedArray:
    """Which rows name one of ``subjects`` (a row without a subject names no one)."""
    column = table.column("subject_id")
    return pc.is_in(column, value_set=pa.array(sorted(subjects), type=column.type))


def _sessions(table: pa.Table, rows: pa.ChunkedArray) -> set[str]:
    """The session ids (not empty) of the rows ``rows`` selects (none in a table without
    sessions: its rows belong to no conversation)."""
    if "session_id" not in table.column_names:
        return set()
    found = pc.unique(table.column("session_id").filter(rows)).to_pylist()
    return {sid for sid in found if sid}


def collect(
    ctx: Context,
    who: Person,
    planned: Planned,
    unnamed: Unnamed | None = None,
    before_opening: Callable[[list[ObjectEntry]], object] = lambda entries: None,
) -> tuple[list[dict[str, Any]], set[str]]:
    """The person's data per stream: the rows of the planned objects that name them, and
    every other row of their conversations (objects found by the session index, announced
    to ``before_opening`` before they are opened); and their platform user ids."""
    reader = ArchiveReader(ctx.store, verifier=ctx.verifier, masked=None, sealed=ctx.sealed)
    streams: list[dict[str, Any]] = []
    user_ids: set[str] = set()
    for src, tenant, source_type, objects in planned:
        talks = Conversations(ctx.pseudo, who.of_type(source_type))
        latest: Latest = {t: Newest() for t in _KEYS}
        times: list[datetime] = []
        others: dict[str, set[str]] = {}  # object → sessions of its rows not naming them
        for placed in objects:
            table = reader.read_table(placed.entry)
            naming = _naming(table, talks.subjects)
            for row, r in _selected(table, naming):
                talks.learn(r)
                _offer(latest, times, placed, row, r)
                if r.get("user_id"):
                    user_ids.add(r["user_id"])
            if sessions := _sessions(table, pc.invert(naming)):
                others[placed.entry.key] = sessions
        mine = set(talks.sessions.values())
        again = [p for p in objects if others.get(p.entry.key, set()) & mine]
        rest = [p for p in (unnamed or {}).get((src, tenant), []) if talks.may_hold(p.entry)]
        if rest:
            before_opening([p.entry for p in rest])
        for placed in again + rest:
            table = reader.read_table(placed.entry)
            not_naming = pc.invert(_naming(table, talks.subjects))
            theirs = [s for s in _sessions(table, not_naming) if talks.holds_session(s)]
            if not theirs:
                continue
            column = table.column("session_id")
            in_theirs = pc.is_in(column, value_set=pa.array(sorted(theirs), type=column.type))
            for row, r in _selected(table, pc.and_(not_naming, in_theirs)):
                _offer(latest, times, placed, row, r)
        if times:
            streams.append(_stream_doc(src, tenant, source_type, latest, times))
    return streams, user_ids


def _csv(header: list[str], rows: Iterable[list[Any]]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    return buf.getvalue().encode("utf-8")


def _readme(
    notice: ExportNotice, streams: list[dict[str, Any]], generated: str, files: list[str]
) -> bytes:
    lines = [
        "# Your data",
        "",
        f"Generated {generated} by the conversation archiver.",
        "",
        f"Controller: {notice.controller}",
    ]
    if notice.contact:
        lines.append(f"Contact: {notice.contact}")
    lines += [
        "",
        "## Why we keep it",
        "",
        notice.purposes,
        "",
        "## How long we keep it",
        "",
        notice.retention,
        "",
        "## What this export holds",
        "",
    ]
    if not streams:
        lines.append("We hold no conversation data about you in this archive.")
    for s in streams:
        n_msg = sum(len(x["messages"]) for x in s["sessions"])
        lines.append(
            f"- {s['source']} ({s['source_type']}), assistant {s['tenant']}: "
            f"{len(s['sessions'])} conversations, {n_msg} messages, "
            f"from {s['period']['from']} to {s['period']['to']}"
        )
    lines += [
        "",
        "## Files",
        "",
        "- `data.json`: every conversation with its messages and your profile, per assistant, "
        "exactly as the platform stored them (`record`), in a machine-readable format.",
        "- `sessions.csv`, `messages.csv`, `profile.csv`: the same as tables.",
        "- `SHA256SUMS`: a checksum of every file; check with `sha256sum -c SHA256SUMS`.",
        "",
    ]
    del files
    return "\n".join(lines).encode("utf-8")


def build_files(
    streams: list[dict[str, Any]], user_id: str, notice: ExportNotice
) -> dict[str, bytes]:
    """The export's files; ``user_id`` is the platform id (ids, comma-separated, when an
    e-mail address or phone number found several accounts)."""
    generated = format_ts(utcnow())
    doc = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "generated_at": generated,
        "user_id": user_id,
        "streams": streams,
    }
    files: dict[str, bytes] = {
        "data.json": json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True).encode(),
        "sessions.csv": _csv(
            ["source", "tenant", "session_id", "created_at", "updated_at", "status"],
            (
                [
                    s["source"],
                    s["tenant"],
                    x["session_id"],
                    x["created_at"],
                    x["updated_at"],
                    x["status"],
                ]
                for s in streams
                for x in s["sessions"]
            ),
        ),
        "messages.csv": _csv(
            ["source", "tenant", "session_id", "message_id", "created_at", "sender", "text"],
            (
                [
                    s["source"],
                    s["tenant"],
                    x["session_id"],
                    m["message_id"],
                    m["created_at"],
                    m["sender"],
                    m["text"],
                ]
                for s in streams
                for x in s["sessions"]
                for m in x["messages"]
            ),
        ),
        "profile.csv": _csv(
            ["source", "tenant", "record"],
            (
                [s["source"], s["tenant"], json.dumps(p, ensure_ascii=False, sort_keys=True)]
                for s in streams
                for p in s["profile"]
            ),
        ),
    }
    files["README.md"] = _readme(notice, streams, generated, sorted(files))
    sums = "".join(f"{hashlib.sha256(b).hexdigest()}  {n}\n" for n, b in sorted(files.items()))
    files["SHA256SUMS"] = sums.encode()
    return files


def _zip_bytes(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, data in sorted(files.items()):
            z.writestr(name, data)
    return buf.getvalue()


def age_encrypt(data: bytes, recipients: tuple[str, ...]) -> bytes:
    """Encrypt to age X25519 recipients (``age1…``): readable with the ``age`` tool."""
    import pyrage
    from pyrage import x25519

    try:
        parsed = [x25519.Recipient.from_str(r.strip()) for r in recipients]
    except Exception:  # pyrage raises its own error types for malformed keys
        raise ConfigError("--age-recipient must be an age public key (age1…)") from None
    encrypted: bytes = pyrage.encrypt(data, parsed)
    return encrypted


def export(
    ctx: Context,
    user_id: str | None,
    out: Path,
    *,
    source: str | None = None,
    notice: ExportNotice | None = None,
    age_recipients: tuple[str, ...] = (),
    email: str | None = None,
    phone: str | None = None,
    operator: str | None = None,
    reason: str | None = None,
    allow_unknown: bool = False,
) -> ExportReport:
    """Write the export to ``out``: a folder, a ``.zip``, or with ``age_recipients`` a zip
    encrypted for them (``.zip.age``), for delivery over channels that are not trusted.

    A person no manifest index names is refused (``UnknownTargetError``), unless
    ``allow_unknown``: then the export says that no data is held. The sealed objects are
    opened only after a signed access record names them (``archiver ledger list``)."""
    if not ctx.sealed.can_decrypt:
        raise ConfigError(
            "export reads the sealed originals: give the private key with --sealed-key "
            "(or ARCHIVER_SEALED_KEY)"
        )
    if out.exists() and (out.is_file() or any(out.iterdir())):
        raise ConfigError(f"{out} already exists and is not empty; refusing to overwrite")
    if age_recipients and not out.name.endswith(".age"):
        raise ConfigError("an export encrypted with age is one file: name it *.zip.age")
    who_acts = operator_name(operator, ctx.config)
    who = person(ctx, user_id=user_id, email=email, phone=phone)
    unnamed: Unnamed = {}
    planned, total = plan(ctx, who, source=source, unnamed=unnamed)
    streams: list[dict[str, Any]] = []
    found_ids: set[str] = set()
    read = sum(len(objects) for *_, objects in planned)
    access = None
    more: list[str] = []  # access records for the rest of their conversations
    if planned:
        access = record_access(
            ctx,
            command="export",
            operator=who_acts,
            reason=reason,
            objects=[p.entry for *_, objects in planned for p in objects],
            subjects={s for _, _, t, _ in planned for s in who.of_type(t)},
        )

        def announce(objects: list[ObjectEntry]) -> None:
            nonlocal read
            read += len(objects)
            more.append(
                record_access(
                    ctx,
                    command="export",
                    operator=who_acts,
                    reason=reason,
                    objects=objects,
                    subjects={s for _, _, t, _ in planned for s in who.of_type(t)},
                )
            )

        streams, found_ids = collect(ctx, who, planned, unnamed, announce)
    if not streams and not allow_unknown:
        where = f" in source {source!r}" if source else ""
        raise unknown_person(
            who,
            allow='--allow-unknown to write a "no data held" answer',
            where=where,
            platforms=ask_platforms(ctx.config, user_id=who.user_id, source=source),
        )
    shown_id = user_id or ", ".join(sorted(found_ids)) or "(not found)"
    files = build_files(streams, shown_id, notice or ExportNotice())
    # Only the owner may read what is written: it is one person's data in clear.
    if age_recipients:
        encrypted = age_encrypt(_zip_bytes(files), age_recipients)
        write_private_file(out, encrypted, what="export file")
    elif out.suffix == ".zip":
        write_private_file(out, _zip_bytes(files), what="export file")
    else:
        out.mkdir(mode=0o700, parents=True, exist_ok=True)
        for name, data in files.items():
            write_private_file(out / name, data, what="export file")
    report = ExportReport(out=out, streams=len(streams), objects_read=read, objects_total=total)
    report.sessions = sum(len(s["sessions"]) for s in streams)
    report.messages = sum(len(x["messages"]) for s in streams for x in s["sessions"])
    report.files = {n: hashlib.sha256(b).hexdigest() for n, b in files.items()}
    report.access_record = access
    report.more_access_records = more
    if notice is None or notice.controller == ExportNotice.controller:
        report.warnings.append(
            "the export's README names no controller: set export.controller and "
            "export.contact in the config (docs/COMPLIANCE.md shows the block)"
        )
    return report
