"""The case bundle's format: its load file, its signed custody file, and how a bundle is
checked by anyone who receives it (``archiver verify-bundle``), without the archive.

Layout of a bundle (a folder, a zip, or a zip encrypted with age)::

    README.md                   for counsel: what it holds, how to load and check it
    custody.json                signed: selection, objects, manifests, documents, hashes
    rotations/NNNNNNNN.json     the archive's signing-key rotation records, if any, byte for
                                byte: the chain from the root key to the key in force
    manifests/…/NNNNNNNNNN.json the signed manifests that name the objects read (and each
                                stream's latest), byte for byte as in the archive
    lineage/…/<C>-<run>.json    the lineage documents of the compactions that wrote objects
                                read, byte for byte (each pinned by its manifest)
    NATIVES/<BATES>.html        each conversation as a printable document
    TEXT/<BATES>.txt            the same as plain text (the review platform's extracted text)
    JSON/<BATES>.json           the same, machine-readable, every record verbatim
    DATA/<PREFIX>.dat           the load file (Concordance / Relativity DAT), ``--format dat``
    DATA/index.csv              the same fields as CSV, ``--format native``
    SHA256SUMS                  a checksum of every other file (``sha256sum -c SHA256SUMS``)

The load file is a Concordance-style DAT, the format Relativity, Everlaw, Nuix, Reveal and
Concordance itself import without a mapping tool: UTF-8 with a byte order mark, CRLF line
ends, fields separated by DC4 (0x14, shown as ``¶``) and enclosed in ``þ`` (U+00FE), a line
break inside a field written as ``®`` (U+00AE). Field list: ``LOAD_FIELDS``.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from archiver.archive import signed
from archiver.archive.catalog import Manifest, lineage, parse, rotation
from archiver.archive.store import Store
from archiver.archive.trust import Trust
from archiver.errors import ArchiverError, ConfigError, IntegrityError
from archiver.keys import Signer, Verifier, public_pem, verifier_from_pem

CUSTODY_FORMAT = "conversation-archiver/bundle-custody"
CUSTODY_VERSION = 1
CUSTODY = "custody.json"
SUMS = "SHA256SUMS"
README = "README.md"

DAT_DELIMITER = "\x14"
DAT_QUOTE = "\u00fe"
DAT_NEWLINE = "\u00ae"

#: The load file's fields, in order, with what each holds (the README repeats this list).
LOAD_FIELDS: tuple[tuple[str, str], ...] = (
    ("BEGBATES", "the document's Bates number (case prefix + sequence)"),
    ("ENDBATES", "the same: one number per document, shown on every printed page"),
    ("CASE", "the case reference"),
    ("CUSTODIAN", "who answers for the hold(s) the conversation is produced under"),
    ("SOURCE", "the archive's source name"),
    ("PLATFORM", "Peki, Kore.ai or Selise Blocks"),
    ("TENANT", "the chatbot, bot or agent id"),
    ("SESSIONID", "the platform's conversation id"),
    ("PERSON", "the platform user id(s) of the conversation's person"),
    ("PARTICIPANTS", "sender roles with their message counts"),
    ("DATEFIRST", "date of the first message (YYYY-MM-DD, UTC)"),
    ("DATELAST", "date of the last message (YYYY-MM-DD, UTC)"),
    ("FIRSTMESSAGE", "time of the first message (ISO 8601, UTC)"),
    ("LASTMESSAGE", "time of the last message (ISO 8601, UTC)"),
    ("TIMEZONE", "UTC: every time in the bundle"),
    ("MESSAGECOUNT", "messages in the conversation"),
    ("ATTACHMENTCOUNT", "attachments (links) listed in it"),
    ("NATIVEPATH", "the HTML document, relative to the bundle"),
    ("TEXTPATH", "the plain-text document (extracted text)"),
    ("JSONPATH", "the JSON document"),
    ("FILENAME", "the HTML document's file name"),
    ("MD5HASH", "MD5 of the HTML document (for platforms that de-duplicate by it)"),
    ("SHA256HASH", "SHA-256 of the HTML document"),
)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def dat_bytes(rows: Iterable[dict[str, str]]) -> bytes:
    """The load file: header and one line per document."""
    names = [n for n, _ in LOAD_FIELDS]

    def cell(value: str) -> str:
        clean = value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", DAT_NEWLINE)
        return DAT_QUOTE + clean.replace(DAT_QUOTE, "") + DAT_QUOTE

    lines = [DAT_DELIMITER.join(cell(n) for n in names)]
    lines += [DAT_DELIMITER.join(cell(r.get(n, "")) for n in names) for r in rows]
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


def read_dat(data: bytes) -> list[dict[str, str]]:
    """Parse a DAT load file with the standard library's delimited-text reader."""
    text = data.decode("utf-8-sig")
    reader = csv.DictReader(
        io.StringIO(text, newline=""), delimiter=DAT_DELIMITER, quotechar=DAT_QUOTE
    )
    return [dict(r) for r in reader]


def csv_bytes(rows: Iterable[dict[str, str]]) -> bytes:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=[n for n, _ in LOAD_FIELDS], lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow(r)
    return buf.getvalue().encode("utf-8")


def native_path(path: str) -> str:
    """A bundle path as load files write it (Windows separators)."""
    return path.replace("/", "\\")


def sign_custody(doc: dict[str, Any], signer: Signer, trust: Trust | None = None) -> bytes:
    """Canonical JSON signed like manifests, with the public key inside so a recipient can
    check it (and compare its key id with the one the archive's owner publishes). After key
    rotations (``trust``) it also carries the root key the rotations start from."""
    body = {"format": CUSTODY_FORMAT, "version": CUSTODY_VERSION} | doc
    body["signing_key"] = {
        "key_id": signer.verifier.key_id,
        "public_key_pem": public_pem(signer.verifier),
    }
    if trust is not None and trust.rotations:
        body["root_key"] = {"key_id": trust.root.key_id, "public_key_pem": public_pem(trust.root)}
    return signed.sign(body, signer)


def rotation_files(store: Store, trust: Trust) -> tuple[dict[str, bytes], list[dict[str, Any]]]:
    """The key rotation records a bundle carries (byte for byte as in the archive), so its
    manifests can be checked from the root key: files and their custody entries."""
    files: dict[str, bytes] = {}
    entries = []
    for r in trust.rotations:
        raw = store.get(r.key)
        if sha256(raw) != r.sha256:
            raise IntegrityError(f"key rotation record {r.key} changed while producing")
        files[r.key] = raw
        entries.append({"number": r.number, "key": r.key, "file": r.key, "sha256": r.sha256})
    return files, entries


def sums_bytes(files: dict[str, bytes]) -> bytes:
    return "".join(f"{sha256(b)}  {n}\n" for n, b in sorted(files.items()) if n != SUMS).encode()


# --- checking a bundle -----------------------------------------------------------------------


def read_bundle(path: Path) -> dict[str, bytes]:
    """Every file of a bundle folder or zip, by its path inside the bundle."""
    if path.is_dir():
        return {
            p.relative_to(path).as_posix(): p.read_bytes()
            for p in sorted(path.rglob("*"))
            if p.is_file()
        }
    if path.suffix == ".age":
        raise ConfigError(
            "the bundle is encrypted: decrypt it first (age -d -i KEY -o bundle.zip FILE)"
        )
    try:
        with zipfile.ZipFile(path) as z:
            return {n: z.read(n) for n in z.namelist() if not n.endswith("/")}
    except (zipfile.BadZipFile, OSError) as exc:
        raise ConfigError(f"{path} is neither a bundle folder nor a zip: {exc}") from None


@dataclass
class BundleCheck:
    ok: bool = True
    problems: list[str] = field(default_factory=list)
    documents: int = 0
    files: int = 0
    objects: int = 0
    manifests: int = 0
    key_id: str = ""
    key_pinned: bool = False
    case: str = ""

    def fail(self, msg: str) -> None:
        self.ok = False
        self.problems.append(msg)

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "problems": self.problems,
            "case": self.case,
            "documents": self.documents,
            "files": self.files,
            "objects": self.objects,
            "manifests": self.manifests,
            "signing_key": self.key_id,
            "signing_key_pinned": self.key_pinned,
        }


def _custody(
    raw: bytes, trust: Trust | None, out: BundleCheck, *, pinned: bool
) -> dict[str, Any] | None:
    """The custody file, checked: canonical, signed by the key it carries, and that key the
    one in force at the end of ``trust`` (from the trusted root when ``pinned``)."""
    try:
        doc = json.loads(raw)
    except ValueError:
        out.fail(f"{CUSTODY} is not valid JSON (altered or truncated)")
        return None
    if not isinstance(doc, dict) or raw != signed.canonical(doc) + b"\n":
        out.fail(f"{CUSTODY} is not in its canonical form (altered)")
        return None
    if doc.get("format") != CUSTODY_FORMAT:
        out.fail(f"{CUSTODY} is not a bundle custody file")
        return None
    try:
        key = serialization.load_pem_public_key(doc["signing_key"]["public_key_pem"].encode())
        assert isinstance(key, Ed25519PublicKey)
    except (KeyError, TypeError, ValueError, AssertionError):
        out.fail(f"{CUSTODY} carries no usable public key")
        return None
    embedded = Verifier(key)
    out.key_id = embedded.key_id
    out.key_pinned = pinned
    if trust is not None and trust.key_id != embedded.key_id:
        start = "the trusted key" if pinned else "the root key it carries"
        where = (
            f"the key in force after {len(trust.rotations)} key rotation(s) from {start} "
            f"{trust.root.key_id}, {trust.key_id}"
            if trust.rotations
            else f"{start} {trust.key_id}"
        )
        out.fail(f"{CUSTODY} is signed by key {embedded.key_id}, not by {where}")
        return None
    sig = doc.get("signature") or {}
    if sig.get("key_id") != embedded.key_id or not embedded.verify(
        signed.canonical(signed.body(doc)), str(sig.get("value", ""))
    ):
        out.fail(f"{CUSTODY} has an invalid signature (altered)")
        return None
    return doc


def verify_bundle(path: Path, *, trusted: Verifier | None = None) -> BundleCheck:
    """Check a bundle from its own files: the custody file's signature, every file against
    the hashes it records and against ``SHA256SUMS``, no file added, every manifest's
    signature and hash, every object entry against its manifest, and the load file against
    the documents."""
    out = BundleCheck()
    files = read_bundle(path)
    out.files = len(files)
    if CUSTODY not in files:
        out.fail(f"{CUSTODY} is missing")
        return out
    rotated = _trust(files, trusted, out)
    if not out.ok:
        return out
    doc = _custody(files[CUSTODY], rotated, out, pinned=trusted is not None)
    if doc is None:
        return out
    out.case = str(doc.get("case", ""))
    # Without a trusted key the custody file's own keys are all there is to check against.
    verifier = rotated if rotated is not None else _embedded(doc)
    expected: dict[str, str] = {}
    for r in doc.get("rotations", []):
        expected[r["file"]] = r["sha256"]
    for d in doc.get("documents", []):
        expected.update(d.get("files", {}))
    for extra in ("readme", "load_file"):
        if doc.get(extra):
            expected[doc[extra]["path"]] = doc[extra]["sha256"]
    for m in doc.get("manifests", []):
        expected[m["file"]] = m["sha256"]
    for d in doc.get("lineage", []):
        expected[d["file"]] = d["sha256"]
    out.documents = len(doc.get("documents", []))
    for name, digest in sorted(expected.items()):
        if name not in files:
            out.fail(f"{name} is missing from the bundle")
        elif sha256(files[name]) != digest:
            out.fail(f"{name} does not match its hash in {CUSTODY} (altered)")
    for name in sorted(set(files) - set(expected) - {CUSTODY, SUMS}):
        out.fail(f"{name} is not part of the bundle as produced (added)")
    _check_sums(files, out)
    parsed = _check_manifests(doc, files, verifier, out)
    carried = _check_lineage(doc, files, parsed, out)
    _check_cited_lineage(doc, files, parsed, carried, out)
    if doc.get("load_file"):
        _check_load_file(doc, files, out)
    return out


def _trust(files: dict[str, bytes], trusted: Verifier | None, out: BundleCheck) -> Trust | None:
    """The keys manifests and the custody file are checked with: the trusted key (else the
    root key the custody file carries, else its signing key) followed through the key
    rotation records the bundle carries. None when the custody file is unreadable (said
    later)."""
    try:
        doc = json.loads(files[CUSTODY])
        # A Trust (the archive's own keys) anchors at its root, like a configured root key.
        root = trusted.root if isinstance(trusted, Trust) else trusted
        if root is None:
            carried = doc.get("root_key") or doc["signing_key"]
            root = verifier_from_pem(str(carried["public_key_pem"]))
        items = [
            (str(r["key"]), files.get(str(r["file"])))
            for r in sorted(doc.get("rotations", []), key=lambda r: int(r["number"]))
        ]
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    try:
        found = rotation.follow(root, items)
    except ArchiverError as exc:  # the trusted key is a later key of the archive
        out.fail(str(exc))
        return None
    for problem in found.problems:
        out.fail(problem.message)
    return found.trust


def _embedded(doc: dict[str, Any]) -> Verifier:
    key = serialization.load_pem_public_key(doc["signing_key"]["public_key_pem"].encode())
    assert isinstance(key, Ed25519PublicKey)
    return Verifier(key)


def _check_sums(files: dict[str, bytes], out: BundleCheck) -> None:
    if SUMS not in files:
        out.fail(f"{SUMS} is missing")
        return
    listed = {}
    for line in files[SUMS].decode("utf-8", "replace").splitlines():
        digest, _, name = line.partition("  ")
        listed[name] = digest
    for name, digest in listed.items():
        if name in files and sha256(files[name]) != digest:
            out.fail(f"{SUMS}: {name} does not match (altered)")
    for name in sorted(set(files) - set(listed) - {SUMS}):
        out.fail(f"{SUMS} does not list {name}")


def _check_manifests(
    doc: dict[str, Any], files: dict[str, bytes], verifier: Verifier, out: BundleCheck
) -> dict[str, Manifest]:
    parsed: dict[str, Manifest] = {}
    for m in doc.get("manifests", []):
        raw = files.get(m["file"])
        if raw is None:
            continue
        try:
            man = parse(m["key"], raw, verifier)
        except IntegrityError as exc:
            out.fail(str(exc))
            continue
        if man.sequence != m["sequence"]:
            out.fail(f"manifest {m['key']}: sequence {man.sequence}, custody says {m['sequence']}")
        parsed[m["key"]] = man
    out.manifests = len(parsed)
    for o in doc.get("objects", []):
        out.objects += 1
        found = parsed.get(o["manifest"])
        if found is None:
            out.fail(f"object {o['key']}: its manifest {o['manifest']} is not in the bundle")
            continue
        entry = next((e for e in found.objects if e.key == o["key"]), None)
        if entry is None:
            out.fail(f"object {o['key']} is not named by manifest {o['manifest']}")
        elif (entry.ciphertext_sha256, entry.plaintext_sha256) != (
            o["ciphertext_sha256"],
            o["plaintext_sha256"],
        ):
            out.fail(f"object {o['key']}: hashes differ from its manifest's")
    return parsed


def _check_lineage(
    doc: dict[str, Any], files: dict[str, bytes], parsed: dict[str, Manifest], out: BundleCheck
) -> dict[str, lineage.Lineage]:
    """Every lineage document the bundle carries is the one its compaction manifest (in the
    bundle, signed) pins, by SHA-256, and is well formed; and every compacted object whose
    manifest pins one has it, with a section of its own (its custody back to the objects
    crawls wrote)."""
    carried: dict[str, lineage.Lineage] = {}
    for d in doc.get("lineage", []):
        raw = files.get(d["file"])
        man = parsed.get(d["manifest"])
        if raw is None:
            continue  # said above
        if man is None:
            out.fail(f"lineage document {d['key']}: manifest {d['manifest']} is not in the bundle")
            continue
        if man.lineage is None or (man.lineage.key, man.lineage.sha256) != (d["key"], d["sha256"]):
            out.fail(
                f"lineage document {d['key']} is not the one manifest {man.key} pins (altered "
                "or replaced)"
            )
            continue
        try:
            carried[man.key] = lineage.parse(man.lineage, raw, man.stream)
        except IntegrityError as exc:
            out.fail(str(exc))
    for o in doc.get("objects", []):
        man = parsed.get(o["manifest"])
        if man is None or man.lineage is None:
            continue
        entry = next((e for e in man.objects if e.key == o["key"]), None)
        if entry is None or not entry.compacted:
            continue
        found = carried.get(man.key)
        if found is None:
            out.fail(
                f"object {o['key']}: the lineage document its manifest {man.key} pins is not "
                "in the bundle (its custody cannot be followed)"
            )
            continue
        try:
            found.section(o["key"])
        except IntegrityError as exc:
            out.fail(str(exc))
    return carried


def _check_cited_lineage(
    doc: dict[str, Any],
    files: dict[str, bytes],
    parsed: dict[str, Manifest],
    carried: dict[str, lineage.Lineage],
    out: BundleCheck,
) -> None:
    """Each transcript's own custody (``JSON/<BATES>.json``) against what the bundle carries:
    every object it names is one of the bundle's, from the same manifest; a compacted object
    whose manifest pins a lineage document cites that document (key and SHA-256 as pinned)
    and exactly its section there (offset, length and SHA-256 of the bytes the document's
    index gives it, equal to the entry's section pin where the entry has one), with the
    number of ancestors that section reaches; no other object cites a section."""
    known = {o["key"]: o for o in doc.get("objects", [])}
    for d in doc.get("documents", []):
        name = next((n for n in d.get("files", {}) if n.startswith("JSON/")), None)
        raw = files.get(name) if name else None
        if name is None or raw is None:
            continue  # said above (missing), or a bundle without JSON documents
        try:
            objects = json.loads(raw)["custody"]["objects"]
            if not isinstance(objects, list):
                raise TypeError("objects is not a list")
        except (ValueError, KeyError, TypeError):
            out.fail(f"{name}: its custody cannot be read")
            continue
        for o in objects:
            _check_cited(name, o, known, parsed, carried, out)


def _check_cited(
    name: str,
    o: dict[str, Any],
    known: dict[str, dict[str, Any]],
    parsed: dict[str, Manifest],
    carried: dict[str, lineage.Lineage],
    out: BundleCheck,
) -> None:
    key = o.get("key")
    mine = known.get(str(key))
    if mine is None or mine.get("manifest") != o.get("manifest"):
        out.fail(f"{name}: object {key} is not one of the bundle's objects (from that manifest)")
        return
    man = parsed.get(mine["manifest"])
    entry = None if man is None else next((e for e in man.objects if e.key == key), None)
    if man is None or entry is None:
        return  # said above
    cites = "lineage_document" in o or "lineage_section" in o
    if man.lineage is None or not entry.compacted or entry.replaces:
        if cites:
            out.fail(f"{name}: object {key} cites a lineage section its manifest does not pin")
        return
    found = carried.get(man.key)
    if found is None:
        return  # said above (the document is not in the bundle)
    try:
        pin = found.section_pin(entry.key)
        ancestors = lineage.walk(found.section_json(entry.key))
    except (IntegrityError, ValueError) as exc:
        out.fail(f"{name}: object {key}: {exc}")
        return
    if o.get("lineage_document") != {"key": man.lineage.key, "sha256": man.lineage.sha256}:
        out.fail(
            f"{name}: object {key}: its custody does not cite the lineage document manifest "
            f"{man.key} pins"
        )
    elif o.get("lineage_section") != pin.to_json() or (
        entry.section is not None and entry.section != pin
    ):
        out.fail(
            f"{name}: object {key}: the lineage section its custody cites is not its section of "
            f"document {man.lineage.key} (altered or mismatched)"
        )
    elif o.get("lineage_ancestors") != ancestors:
        out.fail(
            f"{name}: object {key}: its custody counts {o.get('lineage_ancestors')} ancestors, "
            f"its lineage section {ancestors}"
        )


def _check_load_file(doc: dict[str, Any], files: dict[str, bytes], out: BundleCheck) -> None:
    lf = doc["load_file"]
    raw = files.get(lf["path"])
    if raw is None:
        return
    try:
        rows = (
            read_dat(raw)
            if lf["path"].endswith(".dat")
            else list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))
        )
    except (UnicodeDecodeError, csv.Error) as exc:
        out.fail(f"load file {lf['path']} cannot be read: {exc}")
        return
    docs = {d["bates"]: d for d in doc.get("documents", [])}
    if {r.get("BEGBATES") for r in rows} != set(docs) or len(rows) != len(docs):
        out.fail(f"load file {lf['path']} does not list exactly the bundle's documents")
    for r in rows:
        native = (r.get("NATIVEPATH") or "").replace("\\", "/")
        if native not in files:
            out.fail(f"load file: {r.get('BEGBATES')}: NATIVEPATH {native} is not in the bundle")
        elif sha256(files[native]) != r.get("SHA256HASH"):
            out.fail(f"load file: {r.get('BEGBATES')}: SHA256HASH differs from {native}")
