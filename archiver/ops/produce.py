"""``archiver produce``: one case bundle for counsel and their review platform.

Every conversation the case's holds keep (or a search matches) as a printable HTML document,
plain text and JSON, each with a Bates number; one signed custody file for the bundle
(objects, hashes, manifests, chain check, documents); the manifests themselves; a load file;
a README; ``SHA256SUMS``. The sealed originals are opened only after a signed access record
names them. Format and checks: ``archiver/ops/bundle.py``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archiver import __version__
from archiver.archive.catalog import Manifest, lineage
from archiver.context import Context
from archiver.errors import ConfigError, UnknownTargetError
from archiver.keys import write_private_file
from archiver.ops import bundle
from archiver.ops.discovery import Query, Target, describe_query, gather, gather_plan, search
from archiver.ops.export import _zip_bytes, age_encrypt
from archiver.ops.hold import Hold
from archiver.ops.ledger import record_access
from archiver.ops.operator import operator_name
from archiver.ops.retrieve import (
    PLATFORMS,
    Transcript,
    custody_entry,
    render_html,
    render_json,
    render_txt,
    transcript_of,
)
from archiver.timeutil import format_ts, utcnow

FORMATS = ("dat", "native")


@dataclass
class ProduceReport:
    out: Path
    case: str
    documents: int = 0
    messages: int = 0
    objects_read: int = 0
    files: int = 0
    access_records: list[str] = field(default_factory=list)
    first_bates: str | None = None
    last_bates: str | None = None


def bates_prefix(case: str) -> str:
    """The case reference as a Bates prefix: letters, digits and hyphens, upper case."""
    prefix = re.sub(r"[^A-Z0-9]+", "-", case.upper()).strip("-")[:24]
    return prefix or "DOC"


def _targets(
    holds: list[Hold], stream_keys: list[tuple[str, str]]
) -> dict[tuple[str, str], Target]:
    out: dict[tuple[str, str], Target] = {k: Target() for k in stream_keys}
    for h in holds:
        if h.kind == "query":
            for src, tenant, key in h.matched:
                out.setdefault((src, tenant), Target()).sessions.add(key)
        elif h.kind == "session":
            for t in out.values():  # session holds name no stream
                t.sessions.add(h.session or "")
        else:
            for t in out.values():
                t.subjects.update(h.subjects)
    return out


def _custodian(holds: list[Hold]) -> str:
    return "; ".join(sorted({h.custodian for h in holds if h.custodian}))


def _row(t: Transcript, case: str, custodian: str, files: dict[str, bytes]) -> dict[str, str]:
    bates = t.bates or ""
    native = f"NATIVES/{bates}.html"
    first = t.messages[0]["created_at"] if t.messages else ""
    last = t.messages[-1]["created_at"] if t.messages else ""
    html_bytes = files[native]
    return {
        "BEGBATES": bates,
        "ENDBATES": bates,
        "CASE": case,
        "CUSTODIAN": custodian,
        "SOURCE": t.source,
        "PLATFORM": PLATFORMS.get(t.source_type, t.source_type),
        "TENANT": t.tenant,
        "SESSIONID": t.session_id,
        "PERSON": "; ".join(t.user_ids),
        "PARTICIPANTS": "; ".join(f"{r}: {n}" for r, n in t.participants().items()),
        "DATEFIRST": (first or "")[:10],
        "DATELAST": (last or "")[:10],
        "FIRSTMESSAGE": first or "",
        "LASTMESSAGE": last or "",
        "TIMEZONE": "UTC",
        "MESSAGECOUNT": str(len(t.messages)),
        "ATTACHMENTCOUNT": str(sum(len(m["attachments"]) for m in t.messages)),
        "NATIVEPATH": bundle.native_path(native),
        "TEXTPATH": bundle.native_path(f"TEXT/{bates}.txt"),
        "JSONPATH": bundle.native_path(f"JSON/{bates}.json"),
        "FILENAME": f"{bates}.html",
        "MD5HASH": hashlib.md5(html_bytes, usedforsecurity=False).hexdigest(),
        "SHA256HASH": bundle.sha256(html_bytes),
    }


def _readme(
    case: str,
    generated: str,
    selection: str,
    transcripts: list[Transcript],
    fmt: str,
    load_path: str | None,
    key_id: str,
) -> bytes:
    lines = [
        f"# Case bundle: {case}",
        "",
        f"Produced {generated} by the conversation archiver {__version__}.",
        "",
        f"Selection: {selection}.",
        "",
        f"{len(transcripts)} conversation(s), numbered "
        + (f"{transcripts[0].bates} to {transcripts[-1].bates}." if transcripts else "(none)."),
        "All times are UTC.",
        "",
        "## What is in it",
        "",
        "- `NATIVES/<number>.html`: each conversation as a document to read and print. Every "
        "printed page shows the document's number and its page number; the header names the "
        "platform, tenant, conversation id, participants by role and the first and last "
        "message; each message shows its id, sender role and time; attachments are listed; "
        "the chain of custody is summarised at the end.",
        "- `TEXT/<number>.txt`: the same as plain text (the extracted text for review platforms).",
        "- `JSON/<number>.json`: the same with every platform record verbatim, machine-readable.",
    ]
    if load_path:
        lines.append(
            f"- `{load_path}`: the load file "
            + (
                "(Concordance / Relativity DAT: UTF-8 with BOM, fields separated by DC4 (0x14, "
                "¶) and enclosed in þ; a line break in a field is ®)."
                if fmt == "dat"
                else "(CSV with the same fields)."
            )
        )
    lines += [
        "- `custody.json`: the signed chain-of-custody record: what was selected and why, "
        "every archive object the documents come from (with its hashes and the manifest "
        "naming it), every manifest included (sequence and SHA-256), the chain check, and "
        "every document file with its SHA-256.",
        "- `manifests/`: the archive's signed manifests that name those objects, byte for byte.",
        "- `lineage/` (when an object was rewritten by a compaction): the compaction's lineage "
        "document, byte for byte, pinned by SHA-256 in its manifest: the objects that object "
        "replaced, back to the ones first archived, with their hashes.",
        "- `SHA256SUMS`: a checksum of every other file.",
        "",
        "## Load file fields",
        "",
        *(f"- `{name}`: {what}" for name, what in bundle.LOAD_FIELDS),
        "",
        "## Checking the bundle",
        "",
        "1. `sha256sum -c SHA256SUMS` finds any file changed since production.",
        "2. `archiver verify-bundle PATH --trusted-key signing.pub.pem` checks the custody "
        "file's Ed25519 signature against the archive owner's public key, every file against "
        "the hashes custody records, that no file was added, the manifests' signatures, "
        "that every object entry matches its manifest, every lineage document is the one "
        "its manifest pins and every transcript's custody cites its compacted objects' "
        "sections of those documents. Without the archiver: custody.json is "
        "canonical JSON (sorted keys, no spaces) plus a newline; its `signature.value` is the "
        "base64 Ed25519 signature of the canonical JSON without the `signature` key; the "
        f"signing key is embedded (key id {key_id}): compare it with the one the archive's "
        "owner publishes.",
        "3. The archive's owner can re-check the objects themselves against the archive "
        "(`archiver verify`): their keys and hashes are in custody.json.",
        "",
    ]
    return "\n".join(lines).encode("utf-8")


def produce(
    ctx: Context,
    case: str,
    out: Path,
    *,
    query: Query | None = None,
    fmt: str = "dat",
    prefix: str | None = None,
    age_recipients: tuple[str, ...] = (),
    operator: str | None = None,
    reason: str | None = None,
) -> ProduceReport:
    """Write the bundle of ``case`` to ``out`` (a new folder, a ``.zip``, or with age
    recipients a ``.zip.age``): the conversations the case's holds keep, or with ``query``
    those a search of the originals matches now."""
    if fmt not in FORMATS:
        raise ConfigError(f"--format must be one of {', '.join(FORMATS)}")
    if not case.strip():
        raise ConfigError("--case: give the case reference")
    if not ctx.sealed.can_decrypt:
        raise ConfigError(
            "produce reads the sealed originals: give the private key with --sealed-key "
            "(or ARCHIVER_SEALED_KEY)"
        )
    if out.exists() and (out.is_file() or any(out.iterdir())):
        raise ConfigError(f"{out} already exists and is not empty; refusing to overwrite")
    if age_recipients and not out.name.endswith(".zip.age"):
        raise ConfigError("a bundle encrypted with age is one file: name it *.zip.age")
    who = operator_name(operator, ctx.config)
    prefix = bates_prefix(prefix or case)
    report = ProduceReport(out=out, case=case)
    holds = [h for h in ctx.catalog.holds() if h.case == case]
    selection_doc: dict[str, Any]
    if query is not None:
        found = search(
            ctx,
            query,
            originals=True,
            operator=who,
            reason=reason,
            command="produce",
            totals=False,
        )
        report.access_records += found.access_records
        targets: dict[tuple[str, str], Target] = {}
        for c in found.conversations:
            targets.setdefault((c.source, c.tenant), Target()).sessions.add(c.session_key)
        rec = query.record(found.person, originals=True)
        selection_doc = {"by": "query", "query": rec}
        selection = f"the conversations matching the query [{describe_query(rec)}]"
    else:
        if not holds:
            raise UnknownTargetError(
                f"no hold of case {case!r} is in force; nothing was written",
                hint="'archiver hold list' shows the cases; or select with the search filters",
            )
        targets = _targets(holds, list(ctx.catalog.streams()))
        selection_doc = {"by": "holds", "holds": [h.to_json() for h in holds]}
        selection = f"every conversation kept by the {len(holds)} hold(s) of case {case!r}"
    planned = gather_plan(ctx, targets)
    objects = [p.entry for _, _, items in planned for p in items]
    if objects:
        report.access_records.append(
            record_access(
                ctx, command="produce", operator=who, reason=reason or case, objects=objects
            )
        )
    transcripts: list[Transcript] = []
    for got in gather(ctx, planned):
        for sid, tables in got.rows.items():
            parts = [p for table in ("sessions", "messages") for p in tables.get(table, [])]
            t = transcript_of(sid, got.chain, parts, key_id=ctx.verifier.key_id, store=ctx.store)
            if t is not None:
                transcripts.append(t)
    transcripts.sort(
        key=lambda t: (
            t.messages[0]["created_at"] if t.messages else "~",
            t.source,
            t.tenant,
            t.session_id,
        )
    )
    for n, t in enumerate(transcripts, start=1):
        t.bates = f"{prefix}-{n:06d}"
    files = _files(
        ctx, case, who, reason, fmt, prefix, transcripts, selection, selection_doc, report, planned
    )
    _write(out, files, age_recipients)
    report.documents = len(transcripts)
    report.messages = sum(len(t.messages) for t in transcripts)
    report.objects_read = len(objects)
    report.files = len(files)
    if transcripts:
        report.first_bates, report.last_bates = transcripts[0].bates, transcripts[-1].bates
    return report


def _files(
    ctx: Context,
    case: str,
    who: str,
    reason: str | None,
    fmt: str,
    prefix: str,
    transcripts: list[Transcript],
    selection: str,
    selection_doc: dict[str, Any],
    report: ProduceReport,
    planned: list[Any],
) -> dict[str, bytes]:
    generated = format_ts(utcnow())
    files: dict[str, bytes] = {}
    documents: list[dict[str, Any]] = []
    custodian = _custodian([h for h in ctx.catalog.holds() if h.case == case])
    for t in transcripts:
        names = {
            f"NATIVES/{t.bates}.html": render_html(t).encode("utf-8"),
            f"TEXT/{t.bates}.txt": render_txt(t).encode("utf-8"),
            f"JSON/{t.bates}.json": render_json(t).encode("utf-8"),
        }
        files.update(names)
        documents.append(
            {
                "bates": t.bates,
                "source": t.source,
                "tenant": t.tenant,
                "session_id": t.session_id,
                "messages": len(t.messages),
                "first_message": t.messages[0]["created_at"] if t.messages else None,
                "last_message": t.messages[-1]["created_at"] if t.messages else None,
                "objects": [o["key"] for o in t.custody.get("objects", [])],
                "files": {n: bundle.sha256(b) for n, b in names.items()},
            }
        )
    rows = [_row(t, case, custodian, files) for t in transcripts]
    load_path = f"DATA/{prefix}.dat" if fmt == "dat" else "DATA/index.csv"
    files[load_path] = bundle.dat_bytes(rows) if fmt == "dat" else bundle.csv_bytes(rows)
    # Objects and manifests: those the documents came from, and each stream's latest.
    objects: dict[str, dict[str, Any]] = {}
    manifests: dict[str, dict[str, Any]] = {}
    streams = []
    used = {k for d in documents for k in d["objects"]}
    pinned: dict[str, dict[str, Any]] = {}  # lineage documents the objects' custody needs
    for chain, _target, items in planned:
        head = chain.head
        streams.append(
            {
                "source": chain.source,
                "tenant": chain.tenant,
                "platform": chain.source_type,
                "chain": {
                    "result": "intact",
                    "checked_at": generated,
                    "manifests": len(chain.manifests),
                    "signatures": "valid for every manifest",
                    "latest": {"key": head.key, "sequence": head.sequence, "sha256": head.sha256},
                },
            }
        )
        named = False
        for p in items:
            if p.entry.key not in used:
                continue
            named = True
            objects[p.entry.key] = custody_entry(p, p.entry.rows) | {"sealed": p.entry.sealed}
            m = p.manifest
            manifests[m.key] = {"key": m.key, "raw": m.raw, "sequence": m.sequence}
            if p.entry.compacted and m.lineage is not None and m.lineage.key not in pinned:
                pinned[m.lineage.key] = _lineage_file(ctx, m, files)
        if named:
            manifests[head.key] = {"key": head.key, "raw": head.raw, "sequence": head.sequence}
    manifest_docs = []
    for key, m in sorted(manifests.items()):
        files[key] = m["raw"]
        manifest_docs.append(
            {"key": key, "file": key, "sequence": m["sequence"], "sha256": bundle.sha256(m["raw"])}
        )
    readme = _readme(case, generated, selection, transcripts, fmt, load_path, ctx.verifier.key_id)
    files[bundle.README] = readme
    custody = {
        "case": case,
        "bates_prefix": prefix,
        "generated_at": generated,
        "operator": who,
        "reason": reason,
        "program": {"name": "conversation-archiver", "version": __version__},
        "selection": selection_doc,
        "access_records": report.access_records,
        "streams": streams,
        "manifests": manifest_docs,
        "objects": sorted(objects.values(), key=lambda o: o["key"]),
        **({"lineage": [pinned[k] for k in sorted(pinned)]} if pinned else {}),
        "documents": documents,
        "load_file": {
            "path": load_path,
            "format": "concordance-dat" if fmt == "dat" else "csv",
            "sha256": bundle.sha256(files[load_path]),
        },
        "readme": {"path": bundle.README, "sha256": bundle.sha256(readme)},
    }
    trust = ctx.verifier
    if trust.rotations:
        carried, custody["rotations"] = bundle.rotation_files(ctx.store, trust)
        files.update(carried)
    files[bundle.CUSTODY] = bundle.sign_custody(custody, ctx.signer, trust)
    files[bundle.SUMS] = bundle.sums_bytes(files)
    return files


def _lineage_file(ctx: Context, m: Manifest, files: dict[str, bytes]) -> dict[str, Any]:
    """The lineage document compaction manifest ``m`` pins, read, checked against the pin and
    carried byte for byte at its archive key: the custody of a compacted object goes back to
    the objects crawls wrote through it, and the bundle's reader has no archive."""
    assert m.lineage is not None
    raw = ctx.store.get(m.lineage.key)
    lineage.parse(m.lineage, raw, m.stream)  # IntegrityError when it is not the pinned one
    files[m.lineage.key] = raw
    return {
        "key": m.lineage.key,
        "file": m.lineage.key,
        "manifest": m.key,
        "sequence": m.sequence,
        "sha256": m.lineage.sha256,
    }


def _write(out: Path, files: dict[str, bytes], age_recipients: tuple[str, ...]) -> None:
    """Readable by the owner only: 0600 files in 0700 folders, or one 0600 file."""
    if age_recipients:
        write_private_file(out, age_encrypt(_zip_bytes(files), age_recipients), what="bundle")
    elif out.suffix == ".zip":
        write_private_file(out, _zip_bytes(files), what="bundle")
    else:
        out.mkdir(mode=0o700, parents=True, exist_ok=True)
        out.chmod(0o700)
        for name, data in files.items():
            path = out / name
            for folder in reversed(path.relative_to(out).parents[:-1]):
                (out / folder).mkdir(mode=0o700, exist_ok=True)
            write_private_file(path, data, what="bundle file")
