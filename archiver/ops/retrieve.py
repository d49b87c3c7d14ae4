"""``archiver retrieve --session-id``: a verbatim transcript with its chain of custody.

The transcript comes from the sealed originals. Every manifest of the stream is checked
(signature, canonical form, hash chain) before anything is read, and each object is checked
against its manifest hashes; the custody report records what was checked, so the transcript can
be produced as evidence.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from archiver.archive.catalog import Chain, Newest, Placed, Rank, rank
from archiver.archive.reader import ArchiveReader
from archiver.context import Context
from archiver.errors import ConfigError
from archiver.keys import write_private_file
from archiver.ops.hold import operator_name
from archiver.ops.ledger import record_access
from archiver.ops.lookup import ask_platforms, unknown_session
from archiver.timeutil import format_ts, utcnow

FORMATS = ("txt", "json", "html")


@dataclass
class Transcript:
    session_id: str
    source: str
    tenant: str
    versions: list[dict[str, Any]] = field(default_factory=list)
    messages: list[dict[str, Any]] = field(default_factory=list)
    custody: dict[str, Any] = field(default_factory=dict)


def _ts(v: Any) -> str | None:
    return format_ts(v) if isinstance(v, datetime) else None


def attachments_of(record: dict[str, Any]) -> list[str]:
    """Media links in a platform record (Peki ``url``, Kore component thumbnails, Selise
    ``attachments``)."""
    out: list[str] = []
    if isinstance(record.get("url"), str) and record["url"]:
        out.append(record["url"])
    for comp in record.get("components") or []:
        if isinstance(comp, dict):
            for th in comp.get("thumbnails") or []:
                if isinstance(th, dict) and isinstance(th.get("url"), str):
                    out.append(th["url"])
    for att in record.get("attachments") or []:
        if isinstance(att, str):
            out.append(att)
        elif isinstance(att, dict) and isinstance(att.get("url"), str):
            out.append(att["url"])
    return out


Planned = list[tuple[Chain, list[Placed]]]


def plan(ctx: Context, session_id: str, *, source: str | None = None) -> Planned:
    """Per stream, the sealed objects that may hold the session (its index names it, or they
    predate the index), from the manifests alone."""
    skey = ctx.pseudo.record_key("sessions", session_id)
    out: Planned = []
    for chain in ctx.catalog.chains(source):
        objects = [p for p in chain.live() if p.entry.sealed and p.entry.may_hold_session(skey)]
        if objects:
            out.append((chain, objects))
    return out


def find(ctx: Context, session_id: str, planned: Planned) -> list[Transcript]:
    reader = ArchiveReader(ctx.store, verifier=ctx.verifier, masked=None, sealed=ctx.sealed)
    found: list[Transcript] = []
    for chain, planned_objects in planned:
        t = Transcript(session_id=session_id, source=chain.source, tenant=chain.tenant)
        objects: list[dict[str, Any]] = []
        versions: list[tuple[Rank, dict[str, Any]]] = []
        messages: Newest[str, dict[str, Any]] = Newest()
        for placed in planned_objects:
            obj, m = placed.entry, placed.manifest
            rows = [
                (i, r)
                for i, r in enumerate(reader.read_table(obj).to_pylist())
                if r["session_id"] == session_id
            ]
            if not rows:
                continue
            objects.append(
                {
                    "key": obj.key,
                    "table": obj.table,
                    "rows": len(rows),
                    "ciphertext_sha256": obj.ciphertext_sha256,
                    "plaintext_sha256": obj.plaintext_sha256,
                    "manifest": m.key,
                    "manifest_sequence": m.sequence,
                    "manifest_sha256": m.sha256,
                }
            )
            for i, r in rows:
                at = rank(r["version_time"], placed, i)
                if obj.table == "sessions":
                    version = {
                        "version_time": _ts(r["version_time"]),
                        "manifest_sequence": m.sequence,
                        "status": r["status"],
                        "record": json.loads(r["raw"]),
                    }
                    versions.append((at, version))
                else:
                    messages.offer(r["message_id"], at, r)
        if not objects:
            continue
        # Oldest first: the last is the current version (the catalog's one rule).
        t.versions = [v for _, v in sorted(versions, key=lambda av: av[0])]
        for r in sorted(messages.values(), key=lambda r: (r["created_at"], r["message_id"])):
            record = json.loads(r["raw"])
            t.messages.append(
                {
                    "message_id": r["message_id"],
                    "created_at": _ts(r["created_at"]),
                    "sender": r["sender"],
                    "text": r["text"],
                    "attachments": attachments_of(record),
                    "record": record,
                }
            )
        last = chain.head
        t.custody = {
            "checked_at": format_ts(utcnow()),
            "stream": {"source": chain.source, "tenant": chain.tenant},
            "chain": {
                "result": "intact",
                "manifests": len(chain.manifests),
                "first": chain.manifests[0].key,
                "latest": {"key": last.key, "sequence": last.sequence, "sha256": last.sha256},
            },
            "signature": {"result": "valid for every manifest", "key_id": ctx.verifier.key_id},
            "objects": objects,
        }
        found.append(t)
    return found


def render_txt(t: Transcript) -> str:
    lines = [
        f"Transcript of session {t.session_id}",
        f"Source: {t.source}, assistant {t.tenant}",
        "",
    ]
    for v in t.versions:
        lines.append(
            f"Version of {v['version_time']} (manifest {v['manifest_sequence']}): "
            f"status {v['status']}"
        )
    lines.append("")
    for m in t.messages:
        lines.append(f"[{m['created_at']}] {m['sender']}: {m['text']}")
        lines.extend(f"    attachment: {a}" for a in m["attachments"])
    lines += ["", "Chain of custody", json.dumps(t.custody, indent=2, sort_keys=True)]
    return "\n".join(lines) + "\n"


def render_json(t: Transcript) -> str:
    doc = {
        "session_id": t.session_id,
        "source": t.source,
        "tenant": t.tenant,
        "versions": t.versions,
        "messages": t.messages,
        "custody": t.custody,
    }
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def render_html(t: Transcript) -> str:
    e = html.escape
    rows = []
    for m in t.messages:
        atts = "".join(f'<div class="att">attachment: {e(a)}</div>' for a in m["attachments"])
        rows.append(
            f'<tr><td>{e(m["created_at"] or "")}</td><td class="{e(m["sender"])}">'
            f"{e(m['sender'])}</td><td>{e(m['text'] or '')}{atts}</td></tr>"
        )
    versions = "".join(
        f"<li>{e(v['version_time'] or '')} (manifest {v['manifest_sequence']}): "
        f"status {e(str(v['status']))}</li>"
        for v in t.versions
    )
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>Session {e(t.session_id)}</title>"
        "<style>body{font-family:sans-serif}td{vertical-align:top;padding:2px 8px}"
        ".user{color:#064}.bot{color:#036}.att{font-size:90%;color:#555}</style></head><body>"
        f"<h1>Session {e(t.session_id)}</h1><p>{e(t.source)}, assistant {e(t.tenant)}</p>"
        f"<h2>Versions of the session record</h2><ul>{versions}</ul>"
        f"<h2>Messages</h2><table>{''.join(rows)}</table>"
        f"<h2>Chain of custody</h2><pre>{e(json.dumps(t.custody, indent=2, sort_keys=True))}</pre>"
        "</body></html>\n"
    )


RENDER = {"txt": render_txt, "json": render_json, "html": render_html}


def retrieve(
    ctx: Context,
    session_id: str,
    out: Path,
    *,
    fmt: str = "txt",
    source: str | None = None,
    operator: str | None = None,
    reason: str | None = None,
    force: bool = False,
) -> Transcript:
    """Write the transcript to ``out`` and its custody report beside it.

    Refuses an existing ``out`` (or custody file) unless ``force``, and a session no object
    holds (``UnknownTargetError``). The sealed objects are opened only after a signed access
    record names them."""
    if fmt not in RENDER:
        raise ConfigError(f"--format must be one of {', '.join(FORMATS)}")
    if not ctx.sealed.can_decrypt:
        raise ConfigError(
            "retrieve reads the sealed originals: give the private key with "
            "--sealed-key (or ARCHIVER_SEALED_KEY)"
        )
    custody = out.with_name(out.name + ".custody.json")
    existing = [p for p in (out, custody) if p.exists()]
    if existing and not force:
        raise ConfigError(
            f"{existing[0]} already exists; refusing to overwrite it",
            hint="choose another --out, or pass --force to replace it",
        )
    who_acts = operator_name(operator, ctx.config)
    planned = plan(ctx, session_id, source=source)
    if planned:
        record_access(
            ctx,
            command="retrieve",
            operator=who_acts,
            reason=reason,
            objects=[p.entry for _, objects in planned for p in objects],
            session=ctx.pseudo.record_key("sessions", session_id),
        )
    found = find(ctx, session_id, planned)
    if not found:
        raise unknown_session(
            where=f" (source {source!r})" if source else "",
            platforms=ask_platforms(ctx.config, session_id=session_id, source=source),
        )
    if len(found) > 1:
        names = ", ".join(f"{t.source}/{t.tenant}" for t in found)
        raise ConfigError(
            f"session {session_id!r} is in several streams ({names}); name one with --source"
        )
    t = found[0]
    # The transcript is verbatim personal data: readable by its owner only (mode 0600).
    write_private_file(out, RENDER[fmt](t).encode("utf-8"), what="transcript", replace=True)
    doc = json.dumps(t.custody, indent=2, sort_keys=True) + "\n"
    write_private_file(custody, doc.encode("utf-8"), what="custody record", replace=True)
    return t
