"""``archiver retrieve --session-id``: a verbatim transcript with its chain of custody.

The transcript comes from the sealed originals. The stream's chain is checked (signature,
canonical form, hash chain; from its newest checkpoint, that and the manifests after it) before
anything is read, and each object is checked against its manifest hashes; the custody report
records what was checked, and a compacted object's lineage back to the objects crawls wrote
(from the compaction's lineage document, pinned by its manifest), so the transcript can be
produced as evidence.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pyarrow.compute as pc

from archiver.archive import integrity, layout
from archiver.archive.catalog import Ancestor, Chain, Newest, Placed, Rank, lineage, rank
from archiver.archive.catalog.lineage import Documents
from archiver.archive.reader import ArchiveReader
from archiver.archive.store import Store
from archiver.context import Context
from archiver.errors import ConfigError, IntegrityError
from archiver.keys import write_private_file
from archiver.ops.ledger import record_access
from archiver.ops.lookup import ask_platforms, unknown_session
from archiver.ops.operator import operator_name
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
    source_type: str = ""
    #: The platform user ids of the conversation's person (originals).
    user_ids: list[str] = field(default_factory=list)
    #: The document's number in a case bundle (shown on every printed page).
    bates: str | None = None

    def participants(self) -> dict[str, int]:
        """Messages per sender role, in a fixed order."""
        out: dict[str, int] = {}
        for m in self.messages:
            out[m["sender"]] = out.get(m["sender"], 0) + 1
        order = {r: i for i, r in enumerate(("user", "agent", "bot", "system"))}
        return dict(sorted(out.items(), key=lambda kv: order.get(kv[0], 9)))


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
    for chain in ctx.catalog.chains(source, from_checkpoint=True):
        objects = [p for p in chain.live() if p.entry.sealed and p.entry.may_hold_session(skey)]
        if (
            objects
            and chain.base is not None
            and chain.base.ancestors is None
            and any(p.entry.replaces for p in objects)
        ):
            # Custody follows a compacted object's lineage to the objects crawls wrote; this
            # checkpoint predates carrying them, so only the whole chain names them.
            chain = ctx.catalog.chain(chain.source, chain.tenant)
            objects = [p for p in chain.live() if p.entry.sealed and p.entry.may_hold_session(skey)]
        if objects:
            out.append((chain, objects))
    return out


#: An object that may hold the session, and the session's rows in it with their row numbers.
Part = tuple[Placed, list[tuple[int, dict[str, Any]]]]


def custody_entry(placed: Placed, rows: int) -> dict[str, Any]:
    """What custody records of one object read: its hashes and the manifest naming it."""
    obj, m = placed.entry, placed.link
    return {
        "key": obj.key,
        "table": obj.table,
        "rows": rows,
        "ciphertext_sha256": obj.ciphertext_sha256,
        "plaintext_sha256": obj.plaintext_sha256,
        "manifest": m.key,
        "manifest_sequence": m.sequence,
        "manifest_sha256": m.sha256,
    }


def signers(chain: Chain) -> list[dict[str, Any]]:
    """Which key signed which run of the chain's manifests: one key, or after key rotations
    each key over the sequences it was in force for."""
    out: list[dict[str, Any]] = []
    for m in chain.manifests:
        kid = m.signature.key_id
        if out and out[-1]["key_id"] == kid:
            out[-1]["last_sequence"] = m.sequence
        else:
            out.append({"key_id": kid, "first_sequence": m.sequence, "last_sequence": m.sequence})
    return out


def lineage_of(docs: Documents, placed: Placed) -> dict[str, Any]:
    """For an object ``archiver compact`` wrote, where its lineage back to the objects crawls
    wrote is stated (empty for other objects).

    Since lineage documents: a citation, not a copy. ``lineage_document`` (key and SHA-256, as
    the object's manifest pins it), ``lineage_section`` (offset, length and SHA-256 of the
    object's section of that document) and ``lineage_ancestors`` (how many ancestors the
    section names). The section is read alone and checked against the section pin in the
    object's entry, which the signed checkpoint or manifest carries; in compactions written
    before section pins, the whole document is read and checked against its pin, and the
    section's place and hash are worked out from its index. Either way the section is parsed
    and checked to hold the object's whole lineage (every ``replaces`` item an ancestor with
    that hash); after years of daily runs it names thousands of ancestors, which a report
    listing them all would repeat.

    In compactions written before lineage documents (lineage inline in the entries), the
    ancestors themselves, grouped by the object that replaced them."""
    if not placed.entry.compacted:
        return {}
    if placed.entry.replaces:  # the form written before lineage documents
        return _grouped(docs.ancestry(placed))
    pin = docs.pin(placed)
    stream = docs.chain.head.stream
    if placed.entry.section is not None:
        section = lineage.read_section(docs.store, pin, stream, placed.entry)
        cited = placed.entry.section
    else:  # compacted before section pins: the whole document, checked against its pin
        doc = docs.of(placed)
        section = doc.section_json(placed.entry.key)
        cited = doc.section_pin(placed.entry.key)
    try:
        count = lineage.walk(section)
    except ValueError as exc:
        raise IntegrityError(
            f"lineage document {pin.key} pinned by manifest {pin.sequence} of stream "
            f"{stream.name} is not the lineage of that manifest (object {placed.entry.key}: "
            f"{exc})"
        ) from None
    return {
        "lineage_document": {"key": pin.key, "sha256": pin.sha256},
        "lineage_section": cited.to_json(),
        "lineage_ancestors": count,
    }


def _grouped(found: list[tuple[Ancestor, Ancestor]]) -> dict[str, Any]:
    """``lineage_of`` from (ancestor, the object that replaced it) pairs."""
    groups: dict[str, dict[str, Any]] = {}
    for old, new in found:
        group = groups.get(new.key)
        if group is None:
            group = groups[new.key] = {
                "replaced_by": new.key,
                "replaced_in_sequence": new.sequence,
                "objects": [],
            }
        group["objects"].append(
            {
                "key": old.key,
                "ciphertext_sha256": old.ciphertext_sha256,
                "plaintext_sha256": old.plaintext_sha256,
                "manifest": old.manifest.key,
                "manifest_sequence": old.sequence,
                "manifest_sha256": old.manifest.sha256,
            }
        )
    return {"lineage": list(groups.values())} if groups else {}


def _marked(custody: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """``custody`` with each object's ``lineage`` replaced by a mark, and each mark's JSON
    with the lineage's own compact JSON to put in its place."""
    compact: dict[str, str] = {}
    objects = []
    for i, o in enumerate(custody.get("objects", [])):
        if "lineage" in o:
            mark = f"\x00lineage-{i}\x00"
            compact[json.dumps(mark)] = json.dumps(
                o["lineage"], ensure_ascii=False, sort_keys=True, separators=(",", ":")
            )
            o = o | {"lineage": mark}
        objects.append(o)
    return (custody | {"objects": objects} if "objects" in custody else custody), compact


def indented(doc: dict[str, Any], *, custody_in: str | None = None) -> str:
    """``doc`` as indented JSON (keys sorted, non-ASCII kept), but the ``lineage`` of each
    object of its custody report (``doc`` itself, or ``doc[custody_in]``) on one line:
    thousands of ancestors after years of compactions, written by the C encoder."""
    if custody_in is None:
        doc, compact = _marked(doc)
    else:
        shown, compact = _marked(doc[custody_in])
        doc = doc | {custody_in: shown}
    text = json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True)
    for mark, value in compact.items():
        text = text.replace(mark, value, 1)
    return text + "\n"


def transcript_of(
    session_id: str, chain: Chain, parts: list[Part], *, key_id: str, store: Store
) -> Transcript | None:
    """The transcript of one session from its rows in the objects that hold them (sealed
    originals, every version), with the custody of exactly those objects; None if no rows.
    Each message appears in its newest version (the catalog's one rule)."""
    t = Transcript(
        session_id=session_id,
        source=chain.source,
        tenant=chain.tenant,
        source_type=chain.source_type,
    )
    objects: list[dict[str, Any]] = []
    versions: list[tuple[Rank, dict[str, Any]]] = []
    messages: Newest[str, dict[str, Any]] = Newest()
    user_ids: set[str] = set()
    docs = Documents(store, chain)
    for placed, rows in parts:
        if not rows:
            continue
        objects.append(custody_entry(placed, len(rows)) | lineage_of(docs, placed))
        for i, r in rows:
            if r.get("user_id"):
                user_ids.add(r["user_id"])
            at = rank(r["version_time"], placed, i)
            if placed.entry.table == "sessions":
                version = {
                    "version_time": _ts(r["version_time"]),
                    # The manifest that committed this version (before any compaction).
                    "manifest_sequence": at[1],
                    "status": r["status"],
                    "record": json.loads(r["raw"]),
                }
                versions.append((at, version))
            else:
                messages.offer(r["message_id"], at, r)
    if not objects:
        return None
    t.user_ids = sorted(user_ids)
    # Oldest first: the last is the current version.
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
    t.custody = {
        "checked_at": format_ts(utcnow()),
        "stream": {"source": chain.source, "tenant": chain.tenant},
        "chain": chain_custody(chain),
        "signature": {
            "result": "valid for every manifest"
            if chain.checkpoint is None
            else "valid for the checkpoint and every manifest read",
            "key_id": key_id,
            "signers": signers(chain),
        },
        "objects": objects,
    }
    return t


def chain_custody(chain: Chain) -> dict[str, Any]:
    """What was checked of the stream's chain. From a checkpoint: the signed checkpoint
    standing for manifests 1..S, then manifest S (its SHA-256 as the checkpoint records it)
    and every one after it, each signed and linked to its predecessor."""
    last = chain.head
    out: dict[str, Any] = {
        "result": "intact",
        "manifests": last.sequence,
        "first": layout.manifest_key(chain.source, chain.tenant, 1),
        "latest": {"key": last.key, "sequence": last.sequence, "sha256": last.sha256},
    }
    if chain.checkpoint is not None:
        out["checkpoint"] = chain.checkpoint.to_json()
        out["read_from"] = chain.manifests[0].key
    return out


#: The columns a transcript uses, per table: only these are decoded (the source, tenant,
#: subject id, record hash and the other times are not shown, and a compacted object holds
#: every version of every record of its partition).
COLUMNS = {
    "sessions": ["session_id", "user_id", "version_time", "status", "raw"],
    "messages": [
        "session_id",
        "user_id",
        "version_time",
        "message_id",
        "created_at",
        "sender",
        "text",
        "raw",
    ],
}


def find(ctx: Context, session_id: str, planned: Planned) -> list[Transcript]:
    reader = ArchiveReader(ctx.store, verifier=ctx.verifier, masked=None, sealed=ctx.sealed)
    found: list[Transcript] = []
    for chain, planned_objects in planned:
        parts: list[Part] = []
        for placed in planned_objects:
            table = reader.read_table(placed.entry, columns=COLUMNS.get(placed.entry.table))
            # Its row count is the manifest's whichever columns are decoded.
            integrity.raise_problem(
                integrity.check_rows(placed.entry, table.num_rows, "its manifest")
            )
            # Only the session's rows become Python values: an object compacted from years of
            # daily runs holds every version of every record in its partition.
            at = pc.indices_nonzero(pc.equal(table.column("session_id"), session_id))
            rows = list(zip(at.to_pylist(), table.take(at).to_pylist(), strict=True))
            parts.append((placed, rows))
        t = transcript_of(session_id, chain, parts, key_id=ctx.verifier.key_id, store=ctx.store)
        if t is not None:
            found.append(t)
    return found


PLATFORMS = {"peki": "Peki", "kore": "Kore.ai", "selise": "Selise Blocks"}


def shown_time(iso: str | None) -> str:
    """``2026-03-01T10:00:00.123Z`` as a reader sees it, the time zone written out."""
    if not iso:
        return "(unknown)"
    return iso.replace("T", " ").removesuffix("Z") + " UTC"


def header_lines(t: Transcript) -> list[tuple[str, str]]:
    """What a transcript's header states, as (label, value) pairs."""
    platform = PLATFORMS.get(t.source_type, t.source_type or "?")
    first = t.messages[0]["created_at"] if t.messages else None
    last = t.messages[-1]["created_at"] if t.messages else None
    roles = []
    for role, n in t.participants().items():
        who = {
            "user": ", ".join(t.user_ids) if t.user_ids else "the platform's user",
            "bot": f"assistant {t.tenant}",
        }.get(role, "")
        roles.append(f"{role}{f' ({who})' if who else ''}: {n} message(s)")
    out = [
        ("Platform", f"{platform} (source {t.source})"),
        ("Tenant", t.tenant),
        ("Session id", t.session_id),
        ("Participants", "; ".join(roles) or "(no messages)"),
        ("First message", shown_time(first)),
        ("Last message", shown_time(last)),
        ("Messages", str(len(t.messages))),
    ]
    if t.bates:
        out.insert(0, ("Document", t.bates))
    return out


def custody_lines(t: Transcript) -> list[str]:
    """The custody record as a short readable summary (the JSON is the custody file)."""
    c = t.custody
    chain = c.get("chain", {})
    latest = chain.get("latest", {})
    sig = c.get("signature", {})
    lines = [
        f"Chain check: {chain.get('result', '?')}, {chain.get('manifests', '?')} manifest(s) of "
        f"stream {t.source}/{t.tenant}, checked {shown_time(c.get('checked_at'))}",
        f"Latest manifest: sequence {latest.get('sequence', '?')}, "
        f"SHA-256 {latest.get('sha256', '?')}",
        *(
            [
                f"Checkpoint: {cp.get('key', '?')} (manifests 1-{cp.get('sequence', '?')}), "
                f"SHA-256 {cp.get('sha256', '?')}; manifests read from "
                f"{chain.get('read_from', '?')}"
            ]
            if (cp := chain.get("checkpoint"))
            else []
        ),
        f"Signatures: {sig.get('result', '?')} (key {sig.get('key_id', '?')})",
        f"Objects read ({len(c.get('objects', []))}):",
    ]
    for o in c.get("objects", []):
        lines.append(
            f"  {o['key']} ({o['table']}, {o['rows']} row(s), manifest {o['manifest_sequence']}): "
            f"SHA-256 {o['ciphertext_sha256']}"
        )
        if doc := o.get("lineage_document"):
            lines.append(f"    lineage document {doc['key']}: SHA-256 {doc['sha256']}")
        if sec := o.get("lineage_section"):
            lines.append(
                f"    compacted from {o.get('lineage_ancestors', '?')} object(s), as its section "
                f"of that document states (bytes {sec['offset']}-"
                f"{sec['offset'] + sec['length'] - 1}, SHA-256 {sec['sha256']})"
            )
        for group in o.get("lineage", []):
            by = "" if group["replaced_by"] == o["key"] else f" {group['replaced_by']}"
            lines.append(f"    object{by} compacted from {len(group['objects'])} object(s):")
            lines.extend(
                f"      {old['key']} (manifest {old['manifest_sequence']}): "
                f"SHA-256 {old['ciphertext_sha256']}"
                for old in group["objects"]
            )
    return lines


def render_txt(t: Transcript) -> str:
    lines = [f"Transcript of session {t.session_id}", ""]
    lines += [f"{label + ':':<15}{value}" for label, value in header_lines(t)]
    lines += ["", "All times are UTC.", ""]
    for v in t.versions:
        lines.append(
            f"Session record version of {shown_time(v['version_time'])} "
            f"(manifest {v['manifest_sequence']}): status {v['status']}"
        )
    lines.append("")
    for m in t.messages:
        lines.append(
            f"[{shown_time(m['created_at'])}] {m['sender']} (message {m['message_id']}): "
            f"{m['text'] or ''}"
        )
        lines.extend(f"    attachment: {a}" for a in m["attachments"])
    lines += ["", "Chain of custody", *custody_lines(t)]
    return "\n".join(lines) + "\n"


def render_json(t: Transcript) -> str:
    doc = {
        "session_id": t.session_id,
        "source": t.source,
        "source_type": t.source_type or None,
        "tenant": t.tenant,
        "user_ids": t.user_ids,
        "bates": t.bates,
        "versions": t.versions,
        "messages": t.messages,
        "custody": t.custody,
    }
    return indented(doc, custody_in="custody")


def _css_string(value: str) -> str:
    """A CSS string literal: only characters that need no escaping are kept."""
    return '"' + "".join(ch for ch in value if ch.isalnum() or ch in " -_.:/#") + '"'


_PRINT_CSS = """
body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:10.5pt;color:#111;margin:0 auto;
max-width:60rem;padding:1rem}
h1{font-size:15pt;margin:0 0 .4rem}h2{font-size:12pt;margin:1.2rem 0 .4rem}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #bbb;padding:3px 6px;vertical-align:top;text-align:left}
th{background:#eee}
table.head th{width:9rem;background:#f5f5f5}
table.msgs td.t{white-space:nowrap;font-variant-numeric:tabular-nums}
table.msgs td.id,.obj td.k{font-family:"DejaVu Sans Mono",monospace;font-size:8.5pt;
word-break:break-all}
td.text{white-space:pre-wrap;word-wrap:break-word}
.user{color:#064}.bot{color:#036}.agent{color:#630}.system{color:#555}
.att{font-size:9pt;color:#444}.note{font-size:9pt;color:#444}
.bates{font-weight:bold}
@media print{
  body{max-width:none;padding:0}
  thead{display:table-header-group}
  tr,li{break-inside:avoid;page-break-inside:avoid}
  h2{break-after:avoid;page-break-after:avoid}
}
"""


_MARGIN_FONT = 'font-family:"DejaVu Sans",Arial,sans-serif;font-size:8pt'


def render_html(t: Transcript) -> str:
    """A document a person reads and prints: header, one row per message, the custody as a
    summary; printed pages are numbered (and carry the Bates number in a bundle)."""
    e = html.escape
    head = "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in header_lines(t))
    rows = []
    for m in t.messages:
        atts = "".join(f'<div class="att">attachment: {e(a)}</div>' for a in m["attachments"])
        rows.append(
            f'<tr><td class="t">{e(shown_time(m["created_at"]))}</td>'
            f'<td class="{e(m["sender"])}">{e(m["sender"])}</td>'
            f'<td class="id">{e(m["message_id"])}</td>'
            f'<td class="text">{e(m["text"] or "")}{atts}</td></tr>'
        )
    versions = "".join(
        f"<li>{e(shown_time(v['version_time']))} (manifest {v['manifest_sequence']}): "
        f"status {e(str(v['status']))}</li>"
        for v in t.versions
    )
    summary = custody_lines(t)
    objects = "".join(
        f'<tr><td class="k">{e(o["key"])}</td><td>{e(o["table"])}</td><td>{o["rows"]}</td>'
        f'<td>{o["manifest_sequence"]}</td><td class="k">{e(o["ciphertext_sha256"])}</td></tr>'
        for o in t.custody.get("objects", [])
    )
    page_label = (_css_string(t.bates) + ' " · "') if t.bates else ""
    page_css = (
        "@page{size:A4;margin:16mm 14mm 18mm;"
        f"@bottom-left{{content:{page_label}{_css_string('Session ' + t.session_id)};"
        f"{_MARGIN_FONT}}}"
        '@bottom-right{content:"Page " counter(page) " of " counter(pages);'
        f"{_MARGIN_FONT}}}}}"
    )
    bates = f'<p class="bates">{e(t.bates)}</p>' if t.bates else ""
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{e(t.bates + ' ' if t.bates else '')}Transcript of session "
        f"{e(t.session_id)}</title>"
        f"<style>{_PRINT_CSS}{page_css}</style></head><body>"
        f"{bates}<h1>Transcript of session {e(t.session_id)}</h1>"
        f'<table class="head">{head}</table>'
        '<p class="note">All times are UTC. Each message is shown in its latest archived '
        "version, verbatim as the platform stored it.</p>"
        f"<h2>Messages</h2><table class='msgs'><thead><tr><th>Time (UTC)</th><th>Sender</th>"
        f"<th>Message id</th><th>Text</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f"<h2>Versions of the session record</h2><ul>{versions or '<li>(none)</li>'}</ul>"
        f"<h2>Chain of custody</h2><ul>{''.join(f'<li>{e(x)}</li>' for x in summary[:3])}</ul>"
        "<table class='obj'><thead><tr><th>Object</th><th>Table</th><th>Rows</th>"
        f"<th>Manifest</th><th>SHA-256 (encrypted object)</th></tr></thead><tbody>{objects}"
        "</tbody></table>"
        '<p class="note">The full custody record is the JSON file delivered with this '
        "transcript (<code>.custody.json</code>, or the bundle's <code>custody.json</code>)."
        "</p></body></html>\n"
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
    doc = indented(t.custody)
    write_private_file(custody, doc.encode("utf-8"), what="custody record", replace=True)
    return t
