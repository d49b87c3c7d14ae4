"""A reader of the archive written from docs/FORMAT.md alone.

It imports nothing from ``archiver`` (``tests/archive/test_format_doc.py`` checks that): each
function is one rule of docs/FORMAT.md, so a test that checks an archive with these functions
checks that the document is enough to read, verify and index the archive. Only the standard
library, ``cryptography``, ``aws-encryption-sdk`` and ``pyarrow`` are used, as the document
names them.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import aws_encryption_sdk
import pyarrow as pa
import pyarrow.parquet as pq
from aws_encryption_sdk.identifiers import EncryptionKeyType, WrappingAlgorithm
from aws_encryption_sdk.internal.crypto.wrapping_keys import WrappingKey
from aws_encryption_sdk.key_providers.raw import RawMasterKey
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

# --- "Conventions" ---------------------------------------------------------------------------


def enc(name: str) -> str:
    """A platform name in a key: every byte but A-Z a-z 0-9 - . _ as %XX (upper-case hex) of
    its UTF-8 encoding; the whole names "." and ".." as %2E / %2E%2E."""
    out = "".join(c if (c.isascii() and (c.isalnum() or c in "-._")) else _pct(c) for c in name)
    return {".": "%2E", "..": "%2E%2E"}.get(out, out)


def _pct(char: str) -> str:
    return "".join(f"%{b:02X}" for b in char.encode("utf-8"))


def canonical_v1(doc: Any) -> bytes:
    """Version 1 (and platform records): keys sorted by code point, no whitespace, UTF-8
    without \\u escapes of non-ASCII."""
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


_SHORT = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _jcs_string(text: str) -> str:
    return (
        '"' + "".join(_SHORT.get(c) or (f"\\u{ord(c):04x}" if c < " " else c) for c in text) + '"'
    )


def _jcs(value: Any) -> str:
    if value is None or isinstance(value, bool):
        return {None: "null", True: "true", False: "false"}[value]
    if isinstance(value, int):
        assert abs(value) < 2**53, "an integer RFC 8785 cannot hold"
        return str(value)
    if isinstance(value, str):
        return _jcs_string(value)
    if isinstance(value, list):
        return "[" + ",".join(_jcs(v) for v in value) + "]"
    if isinstance(value, dict):
        items = sorted(value.items(), key=lambda kv: kv[0].encode("utf-16-be"))  # code units
        return "{" + ",".join(_jcs_string(k) + ":" + _jcs(v) for k, v in items) + "}"
    raise AssertionError(f"signed documents hold no {type(value).__name__}")


def canonical_v2(doc: Any) -> bytes:
    """Version 2, RFC 8785 for documents of objects, arrays, strings, integers, true, false
    and null: keys sorted by UTF-16 code units, strings escaped as in version 1."""
    return _jcs(doc).encode("utf-8")  # strict: a lone surrogate has no form


def canonical(doc: dict[str, Any]) -> bytes:
    """A signed document in the form of its ``format_version`` (none: 1)."""
    version = doc.get("format_version", 1)
    forms = {1: canonical_v1, 2: canonical_v2}
    assert type(version) is int and version in forms, f"format_version {version!r}: upgrade"
    return forms[version](doc)


def keyed(key: bytes, domain: str, value: str) -> str:
    """H(domain, value): lower-case hex HMAC-SHA256 of UTF-8(domain) 0x00 UTF-8(value)."""
    msg = domain.encode("utf-8") + b"\x00" + value.encode("utf-8")
    return hmac.new(key, msg, hashlib.sha256).hexdigest()


def ceil_ms(t: datetime) -> datetime:
    extra = t.microsecond % 1000
    return t + timedelta(microseconds=1000 - extra) if extra else t


def fmt_time(t: datetime) -> str:
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"


def parse_time(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%f%z").astimezone(UTC)


# --- "Keys" ----------------------------------------------------------------------------------


def pseudonym_key(path: Path) -> bytes:
    """Standard base64 (with padding) of the key bytes, on one line."""
    return base64.b64decode(path.read_bytes().strip(), validate=True)


def key_id(public_pem: bytes) -> str:
    public = serialization.load_pem_public_key(public_pem)
    assert isinstance(public, Ed25519PublicKey)
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return "ed25519:" + hashlib.sha256(raw).hexdigest()[:32]


# --- "Manifests" and "Signed records" ---------------------------------------------------------


def signed_document(raw: bytes, public_pem: bytes) -> dict[str, Any]:
    """A manifest or signed record, checked: canonical bytes (of its ``format_version``) plus
    one newline, and an Ed25519 signature (standard base64) over the canonical JSON without
    ``signature``, no newline."""
    doc = json.loads(raw)
    assert raw == canonical(doc) + b"\n", "not in canonical form"
    sig = doc["signature"]
    assert sig["algorithm"] == "ed25519"
    assert sig["key_id"] == key_id(public_pem)
    public = serialization.load_pem_public_key(public_pem)
    assert isinstance(public, Ed25519PublicKey)
    body = {k: v for k, v in doc.items() if k != "signature"}
    public.verify(base64.b64decode(sig["value"], validate=True), canonical(body))
    return doc


@dataclass
class Stream:
    source: str
    tenant: str
    manifests: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    #: The archive's folder (lineage documents are read from it).
    root: Path | None = None

    @property
    def superseded(self) -> set[str]:
        return {k for _, m in self.manifests for k in supersedes_of(self.root, m)}

    @property
    def live_objects(self) -> list[dict[str, Any]]:
        gone = self.superseded
        return [o for _, m in self.manifests for o in m["objects"] if o["key"] not in gone]


# --- "Manifest packs" ------------------------------------------------------------------------


def read_pack(root: Path, key: str) -> dict[str, bytes]:
    """A pack's manifests (key → stored bytes): the first line is the JSON index, the rest the
    manifests back to back, then (version 2) the old checkpoints; every entry's place, length
    and SHA-256 checked."""
    return read_pack_all(root, key)[0]


def read_pack_all(root: Path, key: str) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """A pack's manifests and its checkpoints (version 2; none in version 1), each by key."""
    name = key.split("/")[-1]
    first, last = (int(n) for n in name.removesuffix(".pack").split("-"))
    folders = key.split("/")[1:3]
    raw = (root / key).read_bytes()
    head, newline, body = raw.partition(b"\n")
    assert newline
    index = json.loads(head)
    assert index["format"] == "conversation-archiver/pack"
    assert index["format_version"] in (1, 2)
    assert (index["format_version"] == 2) == ("checkpoints" in index)
    assert (index["first"], index["last"]) == (first, last)
    assert [
        f"source={enc(index['stream']['source'])}",
        f"tenant={enc(index['stream']['tenant'])}",
    ] == folders
    out: dict[str, bytes] = {}
    offset = 0
    for n, entry in zip(range(first, last + 1), index["manifests"], strict=True):
        assert entry["sequence"] == n
        assert entry["key"] == f"manifests/{folders[0]}/{folders[1]}/{n:010d}.json"
        assert entry["offset"] == offset
        data = body[offset : offset + entry["length"]]
        assert len(data) == entry["length"]
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]
        out[entry["key"]] = data
        offset += entry["length"]
    cps: dict[str, bytes] = {}
    previous = 0
    for entry in index.get("checkpoints", []):
        assert previous < entry["sequence"] <= last
        seq = entry["sequence"]
        assert entry["key"] == f"checkpoints/{folders[0]}/{folders[1]}/{seq:010d}.json"
        assert entry["offset"] == offset
        data = body[offset : offset + entry["length"]]
        assert len(data) == entry["length"]
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]
        cps[entry["key"]] = data
        offset += entry["length"]
        previous = entry["sequence"]
    assert offset == len(body)
    return out, cps


def manifest_bytes(root: Path) -> dict[str, bytes]:
    """Every manifest's stored bytes by key: its own file under ``manifests/``, else from the
    pack holding it (where both are, they must be the same bytes)."""
    out: dict[str, bytes] = {}
    packs = root / "packs"
    for path in sorted(packs.glob("*/*/*.pack")) if packs.exists() else []:
        for key, data in read_pack(root, path.relative_to(root).as_posix()).items():
            assert out.setdefault(key, data) == data
    folder = root / "manifests"
    for path in sorted(folder.glob("*/*/*.json")) if folder.exists() else []:
        key = path.relative_to(root).as_posix()
        assert out.setdefault(key, path.read_bytes()) == path.read_bytes()
    return out


def read_streams(root: Path, public_pem: bytes | Keys) -> list[Stream]:
    """Every stream under ``manifests/`` and ``packs/``, each chain checked (sequence, previous
    key and hash); each manifest signed by the key in force at its sequence when given
    ``Keys``."""
    out = []

    def pem_for(raw: bytes) -> bytes:
        if isinstance(public_pem, bytes):
            return public_pem
        return public_pem.for_manifest(json.loads(raw), raw)

    every = manifest_bytes(root)
    folders: dict[str, list[str]] = {}
    for key in sorted(every):
        folders.setdefault(key.rsplit("/", 1)[0], []).append(key)
    for folder, keys in sorted(folders.items()):
        first_raw = every[keys[0]]
        first = signed_document(first_raw, pem_for(first_raw))
        stream = Stream(first["stream"]["source"], first["stream"]["tenant"], root=root)
        prefix = f"manifests/source={enc(stream.source)}/tenant={enc(stream.tenant)}/"
        assert folder + "/" == prefix
        previous: tuple[str, bytes] | None = None
        for n, path in enumerate(keys, start=1):
            key = prefix + f"{n:010d}.json"
            assert path == key
            raw = every[key]
            doc = signed_document(raw, pem_for(raw))
            assert doc["format"] == "conversation-archiver/manifest"
            assert doc["sequence"] == n
            if previous is None:
                assert doc["previous"] is None
            else:
                assert doc["previous"] == {
                    "sequence": n - 1,
                    "key": previous[0],
                    "sha256": hashlib.sha256(previous[1]).hexdigest(),
                }
            stream.manifests.append((key, doc))
            previous = (key, raw)
        out.append(stream)
    return out


# --- "Checkpoints" ---------------------------------------------------------------------------


def _link(key: str, raw: bytes, sequence: int) -> dict[str, Any]:
    return {"sequence": sequence, "key": key, "sha256": hashlib.sha256(raw).hexdigest()}


def read_checkpoints(root: Path, stream: Stream, public_pem: bytes) -> list[dict[str, Any]]:
    """A stream's checkpoints, oldest first, each checked: signed document, format, in the
    place its ``stream`` and ``sequence`` name, ``previous`` naming the one before it."""
    prefix = f"checkpoints/source={enc(stream.source)}/tenant={enc(stream.tenant)}/"
    folder = root / prefix
    found: dict[str, bytes] = {}  # key → stored bytes: own objects, and old ones in packs
    packs = root / "packs" / prefix.removeprefix("checkpoints/")
    for path in sorted(packs.glob("*.pack")) if packs.exists() else []:
        for key, data in read_pack_all(root, path.relative_to(root).as_posix())[1].items():
            assert found.setdefault(key, data) == data
    for path in sorted(folder.iterdir()) if folder.exists() else []:
        key = path.relative_to(root).as_posix()
        assert found.setdefault(key, path.read_bytes()) == path.read_bytes()
    out: list[dict[str, Any]] = []
    previous: dict[str, Any] | None = None
    for path_key, raw in sorted(found.items()):
        doc = signed_document(raw, public_pem)
        assert doc["format"] == "conversation-archiver/checkpoint"
        assert doc["format_version"] == 2
        assert (doc["stream"]["source"], doc["stream"]["tenant"]) == (stream.source, stream.tenant)
        key = prefix + f"{doc['sequence']:010d}.json"
        assert path_key == key
        assert doc["head"]["sequence"] == doc["sequence"]
        assert doc["previous"] == previous
        out.append(doc)
        previous = _link(key, raw, doc["sequence"])
    return out


def replay(root: Path, stream: Stream, upto: int) -> dict[str, Any]:
    """What a checkpoint covering manifests 1..``upto`` must hold, from the manifests."""
    manifests = stream.manifests[:upto]
    assert len(manifests) == upto
    gone = {k for _, m in manifests for k in supersedes_of(root, m)}
    live: list[dict[str, Any]] = []
    contacts: dict[str, set[str]] | None = None
    every = manifest_bytes(root)
    for key, m in manifests:
        objects = [
            {"position": i, "entry": o} for i, o in enumerate(m["objects"]) if o["key"] not in gone
        ]
        if objects:
            raw = every[key]
            live.append({"manifest": _link(key, raw, m["sequence"]), "objects": objects})
        if "contacts" in m:
            contacts = contacts if contacts is not None else {}
            for contact, subjects in m["contacts"].items():
                contacts.setdefault(contact, set()).update(subjects)
    head_key, head = manifests[-1]
    pins = [
        {"sequence": m["sequence"]} | m["lineage"]
        for _, m in manifests
        if "lineage" in m and any(g["manifest"]["sequence"] == m["sequence"] for g in live)
    ]
    out = {
        "stream": head["stream"],
        "sequence": upto,
        "head": _link(head_key, every[head_key], upto),
        "state": head["state"],
        "live": live,
        "superseded": sorted(gone),
        "ancestors": _ancestors(root, manifests, [o["entry"] for g in live for o in g["objects"]]),
        "lineage": pins,
    }
    if contacts is not None:
        out["contacts"] = {k: sorted(v) for k, v in contacts.items()}
    return out


def _ancestors(
    root: Path, manifests: list[tuple[str, dict[str, Any]]], live: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Every object the live objects replace, directly or through earlier compactions, as the
    manifest that wrote it recorded it, grouped by that manifest, by key within a group."""
    written: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
    stored = manifest_bytes(root)
    for key, m in manifests:
        link = _link(key, stored[key], m["sequence"])
        for o in m["objects"]:
            written.setdefault(o["key"], (link, o))
    found: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
    todo = list(live)
    while todo:
        for old in todo.pop().get("replaces", []):
            if old["key"] not in found:
                found[old["key"]] = written[old["key"]]
                todo.append(written[old["key"]][1])
    groups: list[dict[str, Any]] = []
    for link, o in sorted(found.values(), key=lambda lo: (lo[0]["sequence"], lo[1]["key"])):
        if not groups or groups[-1]["manifest"] != link:
            groups.append({"manifest": link, "objects": []})
        fields = ("key", "ciphertext_sha256", "plaintext_sha256", "replaces")
        groups[-1]["objects"].append({f: o[f] for f in fields if f in o})
    return groups


def checkpoint_index(doc: dict[str, Any]) -> dict[str, Any]:
    """A checkpoint without what is not part of the index (format, times, links, signature)."""
    skip = {"format", "format_version", "created_at", "program", "previous", "signature"}
    return {k: v for k, v in doc.items() if k not in skip}


def same_index(root: Path, stream: Stream, doc: dict[str, Any]) -> bool:
    """The checkpoint equals the replay of its manifests, where ``superseded`` holds only keys
    the replay has, and of those at least every one whose object is still in the store (less
    manifest S's own supersedes): an object gone when it was written stays gone."""
    expected = replay(root, stream, doc["sequence"])
    carried, gone = set(doc["superseded"]), set(expected["superseded"])
    own = set(supersedes_of(root, stream.manifests[doc["sequence"] - 1][1]))
    kept = {k for k in gone - own if (root / k).exists()}
    same = checkpoint_index(doc) | {"superseded": None} == expected | {"superseded": None}
    return same and carried <= gone - own and kept <= carried


def live_from_checkpoint(root: Path, stream: Stream, doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The stream's live objects read from a checkpoint and the manifests after it."""
    start = doc["sequence"]
    key = stream.manifests[start - 1][0]
    assert _link(key, manifest_bytes(root)[key], start) == doc["head"]
    # Manifest S's own supersedes need not be read: the checkpoint's live leaves them out.
    after = stream.manifests[start:]
    gone = set(doc["superseded"]) | {k for _, m in after for k in supersedes_of(root, m)}
    objects = [o["entry"] for g in doc["live"] for o in g["objects"]]
    objects += [o for _, m in after for o in m["objects"]]
    return [o for o in objects if o["key"] not in gone]


# --- "Signing keys and rotation" -------------------------------------------------------------


@dataclass
class Keys:
    """The keys in force, k0 (the root) … kn, and the rotation records that brought them."""

    pems: list[bytes]
    rotations: list[dict[str, Any]] = field(default_factory=list)

    def for_manifest(self, doc: dict[str, Any], raw: bytes) -> bytes:
        """k_m for stream S at sequence q: the highest n whose rotation lists S with
        from_sequence <= q or does not list S; the head a rotation lists keeps its hash."""
        stream, q = (doc["stream"]["source"], doc["stream"]["tenant"]), doc["sequence"]
        m = 0
        for n, rot in enumerate(self.rotations, start=1):
            pins = {(p["source"], p["tenant"]): p for p in rot["streams"]}
            pin = pins.get(stream)
            if pin is None or pin["from_sequence"] <= q:
                m = n
            elif pin["head_sequence"] == q:
                assert hashlib.sha256(raw).hexdigest() == pin["head_sha256"], "head replaced"
        return self.pems[m]

    def for_record(self, key: str, raw: bytes) -> bytes:
        """The newest key; or retired k_j when rotation j+1 lists the record with its hash."""
        signer = json.loads(raw)["signature"]["key_id"]
        for j, pem in enumerate(self.pems[:-1]):
            if key_id(pem) == signer:
                assert self.rotations[j]["records"].get(key) == hashlib.sha256(raw).hexdigest()
                return pem
        return self.pems[-1]


def follow_rotations(root: Path, root_pem: bytes) -> Keys:
    """rotations/<n:08d>.json for n = 1, 2, …: each signed by k_(n-1), retiring it, linked to
    the one before, bringing in a key never in force before."""
    keys = Keys([root_pem])
    folder = root / "rotations"
    files = sorted(folder.iterdir()) if folder.exists() else []
    previous: tuple[str, bytes] | None = None
    for n, path in enumerate(files, start=1):
        key = f"rotations/{n:08d}.json"
        assert path == root / key
        raw = path.read_bytes()
        doc = signed_document(raw, keys.pems[-1])
        assert doc["kind_of_record"] == "key-rotation" and doc["number"] == n
        assert doc["old_key"]["key_id"] == key_id(keys.pems[-1])
        assert doc["previous"] == (
            None
            if previous is None
            else {"key": previous[0], "sha256": hashlib.sha256(previous[1]).hexdigest()}
        )
        new = doc["new_key"]["public_key_pem"].encode()
        assert key_id(new) == doc["new_key"]["key_id"]
        assert key_id(new) not in {key_id(p) for p in keys.pems}
        keys.pems.append(new)
        keys.rotations.append(doc)
        previous = (key, raw)
    return keys


# --- "Objects" -------------------------------------------------------------------------------

_CLIENT = aws_encryption_sdk.EncryptionSDKClient(
    commitment_policy=aws_encryption_sdk.CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT,
    max_encrypted_data_keys=16,
)


@lru_cache(maxsize=8)  # building a key parses and checks it: once per key
def aes_key(key_name: str, key_file: Path) -> Any:
    return RawMasterKey(
        provider_id="archiver",
        key_id=key_name.encode(),
        wrapping_key=WrappingKey(
            wrapping_algorithm=WrappingAlgorithm.AES_256_GCM_IV12_TAG16_NO_PADDING,
            wrapping_key=base64.b64decode(key_file.read_bytes().strip(), validate=True),
            wrapping_key_type=EncryptionKeyType.SYMMETRIC,
        ),
    )


@lru_cache(maxsize=8)
def rsa_key(key_name: str, private_pem: Path) -> Any:
    return RawMasterKey(
        provider_id="archiver",
        key_id=key_name.encode(),
        wrapping_key=WrappingKey(
            wrapping_algorithm=WrappingAlgorithm.RSA_OAEP_SHA256_MGF1,
            wrapping_key=private_pem.read_bytes(),
            wrapping_key_type=EncryptionKeyType.PRIVATE,
        ),
    )


def open_object(root: Path, entry: dict[str, Any], key: Any) -> pa.Table:
    """One object of a local archive (see ``check_object``)."""
    return check_object((root / entry["key"]).read_bytes(), entry, key)


def check_object(cipher: bytes, entry: dict[str, Any], key: Any) -> pa.Table:
    """One object's bytes: sizes and hashes against its manifest entry, the encryption
    context against where it was found, then its Parquet table."""
    assert len(cipher) == entry["ciphertext_size"]
    assert hashlib.sha256(cipher).hexdigest() == entry["ciphertext_sha256"]
    plain, header = _CLIENT.decrypt(source=cipher, key_provider=key)
    assert header.algorithm.algorithm_id == 0x0478
    context = {k: v for k, v in header.encryption_context.items() if k.startswith("archiver:")}
    part = entry["partition"]
    assert context == {
        "archiver:format": "1",
        "archiver:object": entry["key"],
        "archiver:table": entry["table"],
        "archiver:kind": "sealed" if entry["sealed"] else "masked",
        "archiver:source": part["source"],
        "archiver:tenant": part["tenant"],
    }
    assert len(plain) == entry["plaintext_size"]
    assert hashlib.sha256(plain).hexdigest() == entry["plaintext_sha256"]
    table = pq.read_table(io.BytesIO(plain))
    assert table.num_rows == entry["rows"]
    return table


def object_key(entry: dict[str, Any], run_id: str, part: int) -> str:
    p = entry["partition"]
    root = "sealed" if entry["sealed"] else "data"
    return (
        f"{root}/{entry['table']}/source={enc(p['source'])}/tenant={enc(p['tenant'])}/"
        f"date={p['date']}/{run_id}-{part:05d}.parquet.enc"
    )


# --- "Tables" --------------------------------------------------------------------------------

_S = pa.string()
_TS = pa.timestamp("ms", tz="UTC")
COLUMNS: dict[str, list[tuple[str, pa.DataType]]] = {
    "messages": [
        ("source", _S),
        ("tenant", _S),
        ("message_id", _S),
        ("session_id", _S),
        ("subject_id", _S),
        ("sender", _S),
        ("text", _S),
        ("attachments", pa.list_(_S)),
        ("created_at", _TS),
        ("version_time", _TS),
        ("record_hash", _S),
        ("raw", _S),
    ],
    "sessions": [
        ("source", _S),
        ("tenant", _S),
        ("session_id", _S),
        ("subject_id", _S),
        ("status", _S),
        ("created_at", _TS),
        ("updated_at", _TS),
        ("version_time", _TS),
        ("record_hash", _S),
        ("raw", _S),
    ],
    "users": [
        ("source", _S),
        ("tenant", _S),
        ("subject_id", _S),
        ("created_at", _TS),
        ("updated_at", _TS),
        ("version_time", _TS),
        ("record_hash", _S),
        ("raw", _S),
    ],
}
#: The platform's id of a record, in the sealed copy (the keyed record id is made from it).
RECORD_ID = {"messages": "message_id", "sessions": "session_id", "users": "user_id"}


def columns(table: str, sealed: bool) -> list[tuple[str, pa.DataType]]:
    return COLUMNS[table] + ([("user_id", _S)] if sealed else [])


def seen_entries(value: str) -> dict[str, str | None]:
    """``<32 hex>@<time>`` (state version 2) or ``<32 hex>`` (1), several joined by commas."""
    out: dict[str, str | None] = {}
    for part in value.split(","):
        digest, _, when = part.partition("@")
        out[digest] = when or None
    return out


# --- "Compaction and lineage" ----------------------------------------------------------------


def section_objects(section: dict[str, Any]) -> dict[str, Any]:
    """A section in the form of versions 2 and 3 (``{key, replaces, ancestors}``, items as
    objects), from either form: a version 4 section (``"format_version": 4``) holds each
    replaced item as ``[key, sha256]``, each ancestor group as ``[[sequence, key, sha256],
    [ancestor, …]]`` and each ancestor as ``[key, ciphertext_sha256, plaintext_sha256]`` with
    its ``replaces`` as a fourth item when it has one."""
    if "format_version" not in section:
        return section
    assert section["format_version"] == 4 and list(section) == [
        "ancestors",
        "format_version",
        "key",
        "replaces",
    ]

    def replaced(items: list[Any]) -> list[dict[str, Any]]:
        assert all(len(r) == 2 for r in items)
        return [{"key": k, "sha256": h} for k, h in items]

    groups = []
    for link, objects in section["ancestors"]:
        seq, mkey, msha = link
        assert type(seq) is int
        items = []
        for a in objects:
            assert len(a) in (3, 4)
            item = dict(zip(("key", "ciphertext_sha256", "plaintext_sha256"), a[:3], strict=True))
            if len(a) == 4:
                assert a[3]
                item["replaces"] = replaced(a[3])
            items.append(item)
        groups.append(
            {"manifest": {"sequence": seq, "key": mkey, "sha256": msha}, "objects": items}
        )
    return {
        "key": section["key"],
        "replaces": replaced(section["replaces"]),
        "ancestors": groups,
    }


def lineage_document(root: Path, manifest: dict[str, Any]) -> dict[str, dict[str, Any]] | None:
    """The lineage document a compaction manifest pins (None: it pins none), checked, as its
    sections by object key: the SHA-256 of its stored bytes is the pinned one; the first line
    (the index) names that manifest's stream and sequence and exactly its objects, in their
    order, each at its offset and length in the body, which they cover back to back; each
    section names its own object."""
    pin = manifest.get("lineage")
    if pin is None:
        return None
    s = manifest["stream"]
    assert pin["key"].startswith(
        f"lineage/source={enc(s['source'])}/tenant={enc(s['tenant'])}/{manifest['sequence']:010d}-"
    )
    raw = (root / pin["key"]).read_bytes()
    assert hashlib.sha256(raw).hexdigest() == pin["sha256"]
    head, newline, body = raw.partition(b"\n")
    assert newline
    index = json.loads(head)
    version = index["format_version"]
    assert index["format"] == "conversation-archiver/lineage" and version in (2, 3, 4)
    assert index["stream"] == s and index["sequence"] == manifest["sequence"]
    assert [o["key"] for o in index["objects"]] == [o["key"] for o in manifest["objects"]]
    sections: dict[str, dict[str, Any]] = {}
    entries = {o["key"]: o for o in manifest["objects"]}
    offset = 0
    for o in index["objects"]:
        assert o["offset"] == offset
        piece = body[offset : offset + o["length"]]
        section = json.loads(piece)
        assert canonical_v2(section) == piece
        # Version 4: every section in the array form (it says so), else none.
        assert ("format_version" in section) == (version == 4)
        section = section_objects(section)
        assert section["key"] == o["key"] and section["replaces"]
        # An entry's section pin (compactions since section pins) names exactly these bytes.
        if "lineage_section" in entries[o["key"]]:
            assert entries[o["key"]]["lineage_section"] == {
                "offset": len(head) + 1 + offset,
                "length": o["length"],
                "sha256": hashlib.sha256(piece).hexdigest(),
            }
        sections[o["key"]] = section
        offset += o["length"]
    # Version 3 (and 4 when the manifest pins its list): the manifest's supersedes list
    # follows, exactly where the manifest pins it.
    if version == 3 or (version == 4 and "supersedes_section" in manifest):
        at = index["supersedes"]
        assert at["offset"] == offset
        assert manifest["supersedes_section"] == {
            "offset": len(head) + 1 + offset,
            "length": at["length"],
            "sha256": hashlib.sha256(body[offset : offset + at["length"]]).hexdigest(),
            "count": at["count"],
        }
        offset += at["length"]
    else:
        assert "supersedes" not in index and "supersedes_section" not in manifest
    assert offset == len(body)
    return sections


def supersedes_of(root: Path | None, manifest: dict[str, Any]) -> list[str]:
    """A manifest's superseded keys ("Superseded objects"): its ``supersedes``, or, in a
    compaction that pins them (``supersedes_section``), the list at that offset and length of
    the lineage document its ``lineage`` names, whose bytes have the pinned SHA-256 and are
    the canonical JSON of ``{"supersedes": [...]}``, sorted, ``count`` keys."""
    at = manifest.get("supersedes_section")
    if at is None:
        return list(manifest.get("supersedes", []))
    assert "supersedes" not in manifest and root is not None
    with open(root / manifest["lineage"]["key"], "rb") as f:
        f.seek(at["offset"])
        piece = f.read(at["length"])
    assert hashlib.sha256(piece).hexdigest() == at["sha256"]
    doc = json.loads(piece)
    assert canonical_v2(doc) == piece and list(doc) == ["supersedes"]
    keys = doc["supersedes"]
    assert keys == sorted(set(keys)) and len(keys) == at["count"]
    return list(keys)


def cited_section(root: Path, manifest: dict[str, Any], cited: dict[str, Any]) -> dict[str, Any]:
    """The section a custody report's object cites ("Compaction and lineage", custody
    report), checked: the document is the one its manifest pins; where the object's entry pins
    its section (``lineage_section``), the cited offset, length and SHA-256 are the entry's
    and only those bytes are read and hashed; otherwise the whole document has the pinned
    SHA-256 and the cited bytes are the section its index gives the object."""
    pin = manifest["lineage"]
    assert cited["lineage_document"] == pin
    entry = next(o for o in manifest["objects"] if o["key"] == cited["key"])
    at = cited["lineage_section"]
    path = root / pin["key"]
    if "lineage_section" in entry:
        assert entry["lineage_section"] == at
        with path.open("rb") as f:
            f.seek(at["offset"])
            piece = f.read(at["length"])
    else:
        raw = path.read_bytes()
        assert hashlib.sha256(raw).hexdigest() == pin["sha256"]
        head = raw.split(b"\n", 1)[0]
        (item,) = [o for o in json.loads(head)["objects"] if o["key"] == cited["key"]]
        assert at["offset"] == len(head) + 1 + item["offset"] and at["length"] == item["length"]
        piece = raw[at["offset"] : at["offset"] + at["length"]]
    assert len(piece) == at["length"] and hashlib.sha256(piece).hexdigest() == at["sha256"]
    section = section_objects(json.loads(piece))
    assert section["key"] == cited["key"] and section["replaces"]
    return section


def replaces_of(stream: Stream, manifest: dict[str, Any], key: str) -> list[dict[str, Any]]:
    """What object ``key`` of ``manifest`` replaced: its entry's ``replaces`` (compactions
    before lineage documents), else the item of the manifest's lineage document."""
    entry = next(o for o in manifest["objects"] if o["key"] == key)
    if "replaces" in entry:
        return list(entry["replaces"])
    assert stream.root is not None
    sections = lineage_document(stream.root, manifest)
    if sections is None:
        return []
    return list(sections[key]["replaces"])


def lineage(stream: Stream, key: str) -> list[dict[str, Any]]:
    """Follow ``replaces`` from object ``key`` back to the objects crawls wrote: every ancestor
    as the manifest that wrote it recorded it, each checked to be written by an earlier
    manifest, with the hash the lineage repeats, and superseded by the replacing manifest."""
    written: dict[str, tuple[int, str, dict[str, Any]]] = {}
    for mkey, m in stream.manifests:
        for o in m["objects"]:
            written.setdefault(o["key"], (m["sequence"], mkey, o))
    out: list[dict[str, Any]] = []
    todo = [key]
    while todo:
        child_key = todo.pop(0)
        child_seq, child_manifest, _ = written[child_key]
        superseding = supersedes_of(stream.root, dict(stream.manifests)[child_manifest])
        for old in replaces_of(stream, dict(stream.manifests)[child_manifest], child_key):
            seq, mkey, entry = written[old["key"]]
            assert seq < child_seq
            assert entry["ciphertext_sha256"] == old["sha256"]
            assert old["key"] in superseding
            out.append({"key": old["key"], "sha256": old["sha256"], "manifest": mkey})
            todo.append(old["key"])
    return out


def originals(stream: Stream, key: str) -> list[dict[str, Any]]:
    """The ancestors no compaction wrote (the objects crawls or erase committed); an object no
    compaction wrote is its own original."""
    if not _replaces(stream, key):
        return [{"key": key}]
    return [a for a in lineage(stream, key) if not _replaces(stream, a["key"])]


def _replaces(stream: Stream, key: str) -> bool:
    return any(
        o["key"] == key and replaces_of(stream, m, key)
        for _, m in stream.manifests
        for o in m["objects"]
    )


def custody_lineage(root: Path, stream: Stream, key: str) -> list[dict[str, Any]]:
    """A custody report's ``lineage`` of object ``key``, from its section of its manifest's
    lineage document alone ("Custody from a checkpoint"): its ``replaces`` and, for each, the
    section's ``ancestors`` record (then that one's ``replaces``, and so on, breadth first),
    each with the hash the item names."""
    manifest = next(m for k, m in stream.manifests if any(o["key"] == key for o in m["objects"]))
    sections = lineage_document(root, manifest)
    assert sections is not None
    return section_lineage(sections[key], manifest["sequence"])


def section_lineage(section: dict[str, Any], sequence: int) -> list[dict[str, Any]]:
    """``custody_lineage`` from the object's section alone (``sequence``: its manifest's)."""
    key = section["key"]
    known = {a["key"]: (g["manifest"], a) for g in section["ancestors"] for a in g["objects"]}
    out: list[dict[str, Any]] = []
    todo = [(key, sequence, section)]
    while todo:
        child_key, child_seq, child = todo.pop(0)
        for old in child.get("replaces", []):
            link, a = known[old["key"]]
            assert a["ciphertext_sha256"] == old["sha256"]
            out.append(
                {
                    "key": a["key"],
                    "ciphertext_sha256": a["ciphertext_sha256"],
                    "plaintext_sha256": a["plaintext_sha256"],
                    "manifest": link["key"],
                    "manifest_sequence": link["sequence"],
                    "manifest_sha256": link["sha256"],
                    "replaced_by": child_key,
                    "replaced_in_sequence": child_seq,
                }
            )
            todo.append((a["key"], link["sequence"], a))
    return out


def grouped_custody_lineage(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``custody_lineage``'s items as the report lists them: grouped by the object that
    replaced them (``{replaced_by, replaced_in_sequence, objects: [{key, ciphertext_sha256,
    plaintext_sha256, manifest, manifest_sequence, manifest_sha256}]}``), groups in the order
    first found, each group's objects in the order found."""
    groups: dict[str, dict[str, Any]] = {}
    for a in items:
        g = groups.setdefault(
            a["replaced_by"],
            {
                "replaced_by": a["replaced_by"],
                "replaced_in_sequence": a["replaced_in_sequence"],
                "objects": [],
            },
        )
        assert g["replaced_in_sequence"] == a["replaced_in_sequence"]
        g["objects"].append({k: v for k, v in a.items() if not k.startswith("replaced_")})
    return list(groups.values())


def rank_of(sequence: int, position: int, entry: dict[str, Any], row: int) -> tuple[int, int, int]:
    """(sequence, position, row) a row ranks by in the newest-version rule: where it is, or
    for an object with ``ranks``, the run of rows it falls in."""
    start = 0
    spans = entry.get("ranks", [])
    if "rank_runs" in entry:  # packed: "<sequence>.<position>.<rows>", one space between
        assert "ranks" not in entry
        spans = [
            dict(zip(("sequence", "position", "rows"), map(int, run.split(".")), strict=True))
            for run in entry["rank_runs"].split(" ")
        ]
    for span in spans:
        if row < start + span["rows"]:
            return span["sequence"], span["position"], row - start
        start += span["rows"]
    return sequence, position, row
