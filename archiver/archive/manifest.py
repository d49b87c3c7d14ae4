"""Manifests: the commit point of a stream's run, signed and hash-chained.

The stored bytes are canonical JSON (sorted keys, no spaces, UTF-8) of the manifest including
its ``signature``; the signature covers the same canonical JSON without the ``signature`` key.
``previous.sha256`` is the SHA-256 of the previous manifest's stored bytes.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

import jsonschema

from archiver.archive import layout
from archiver.archive.store import ObjectNotFound, Store
from archiver.errors import IntegrityError, KeyMismatchError
from archiver.keys import Signer, Verifier

FORMAT = "conversation-archiver/manifest"
FORMAT_VERSION = 1


def canonical(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def sign(doc: dict[str, Any], signer: Signer) -> bytes:
    body = {k: v for k, v in doc.items() if k != "signature"}
    sig = {
        "algorithm": "ed25519",
        "key_id": signer.verifier.key_id,
        "value": signer.sign(canonical(body)),
    }
    return canonical(body | {"signature": sig}) + b"\n"


@dataclass(frozen=True)
class Manifest:
    key: str
    raw: bytes
    doc: dict[str, Any]
    #: Keys superseded by this or a later manifest of the chain (erasure, prune): gone for readers.
    superseded: frozenset[str] = field(default=frozenset())

    @property
    def sequence(self) -> int:
        return int(self.doc["sequence"])

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()

    @property
    def objects(self) -> list[dict[str, Any]]:
        """The live objects: those no manifest of the chain (as read) supersedes."""
        return [o for o in self.doc.get("objects", []) if o["key"] not in self.superseded]

    @property
    def all_objects(self) -> list[dict[str, Any]]:
        """Every object this manifest named, superseded or not."""
        return list(self.doc.get("objects", []))

    @property
    def supersedes(self) -> list[str]:
        return list(self.doc.get("supersedes", []))

    @property
    def state(self) -> dict[str, Any]:
        return dict(self.doc.get("state") or {})


_schema_cache: dict[str, Any] = {}


def _validator() -> jsonschema.protocols.Validator:
    if "v" not in _schema_cache:
        from archiver.config import load_schema

        _schema_cache["v"] = jsonschema.Draft202012Validator(load_schema("manifest.schema.json"))
    v: jsonschema.protocols.Validator = _schema_cache["v"]
    return v


_HEX = re.compile(r"[0-9a-f]*")
_INDEXES = ("subjects", "sessions")


def _index_ok(value: Any) -> bool:
    """The schema's rule for an index entry (16 lowercase hex digits), for a whole list at once
    (types and lengths checked by ``map`` in C: large archives carry millions of entries)."""
    return (
        isinstance(value, list)
        and set(map(type, value)) <= {str}
        and set(map(len, value)) <= {16}
        and _HEX.fullmatch("".join(value)) is not None
    )


_SEEN_ONE = r"[0-9a-f]{32}(?:@\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)?"
_SEEN_VALUE = re.compile(rf"{_SEEN_ONE}(?:,{_SEEN_ONE})*")


def _contacts_ok(value: Any) -> bool:
    """The schema's rule for the contact index (24 hex → list of 64 hex), checked at once."""
    if not isinstance(value, dict):
        return False
    keys = list(value)
    subjects = [s for v in value.values() if isinstance(v, list) for s in v]
    return (
        all(isinstance(k, str) and len(k) == 24 for k in keys)
        and all(isinstance(v, list) for v in value.values())
        and all(isinstance(s, str) and len(s) == 64 for s in subjects)
        and _HEX.fullmatch("".join(keys) + "".join(subjects)) is not None
    )


def _seen_ok(versions: Any) -> bool:
    """The schema's rule for a table's ``state.seen`` entries, checked for all at once."""
    return isinstance(versions, dict) and all(
        isinstance(v, str) and _SEEN_VALUE.fullmatch(v) is not None for v in versions.values()
    )


def _for_schema(doc: dict[str, Any]) -> dict[str, Any]:
    """``doc`` with its index lists and ``seen`` entries left out where they are already known
    to be valid.

    The indexes grow with the people in a run (``seen`` with what a stopped run committed), and
    jsonschema checks each entry's pattern in Python: on large manifests that was most of the
    time export and retrieve took. Entries that fail the fast check stay in, so the schema
    still names what is wrong.
    """
    if "contacts" in doc and _contacts_ok(doc["contacts"]):
        doc = doc | {"contacts": {}}
    objects = doc.get("objects")
    if not isinstance(objects, list):
        return doc
    slim = []
    for obj in objects:
        if isinstance(obj, dict) and any(k in obj for k in _INDEXES):
            obj = {k: ([] if k in _INDEXES and _index_ok(v) else v) for k, v in obj.items()}
        slim.append(obj)
    out = doc | {"objects": slim}
    state = doc.get("state")
    if isinstance(state, dict) and isinstance(state.get("seen"), dict):
        seen = {t: ({} if _seen_ok(v) else v) for t, v in state["seen"].items()}
        out["state"] = state | {"seen": seen}
    return out


def parse(key: str, raw: bytes, verifier: Verifier | None) -> Manifest:
    """Parse and check one manifest on its own: JSON, schema, signature."""
    try:
        doc = json.loads(raw)
    except ValueError:
        raise IntegrityError(f"manifest {key} is not valid JSON (altered or truncated)") from None
    if not isinstance(doc, dict):
        raise IntegrityError(f"manifest {key} is not a JSON object")
    if raw != canonical(doc) + b"\n":
        raise IntegrityError(f"manifest {key} is not in its canonical form (altered)")
    errs = list(_validator().iter_errors(_for_schema(doc)))
    if errs:
        raise IntegrityError(
            f"manifest {key} does not match the manifest schema: {errs[0].message[:200]}"
        )
    if verifier is not None:
        sig = doc["signature"]
        if sig.get("key_id") != verifier.key_id:
            raise ForeignSignature(
                f"manifest {key} is signed by key {sig.get('key_id')}, not by the trusted key "
                f"{verifier.key_id}"
            )
        if not verifier.verify(_signed_part(raw[:-1], doc), sig["value"]):
            raise IntegrityError(f"manifest {key} has an invalid signature (altered)")
    return Manifest(key=key, raw=raw, doc=doc)


def _signed_part(enc: bytes, doc: dict[str, Any]) -> bytes:
    """The canonical JSON of ``doc`` without ``signature``, given ``enc``, the canonical JSON
    of the whole: the top-level signature member cut out, instead of encoding megabytes again.

    Keys are sorted, so the member is followed by the next key (``"state":`` in a manifest);
    where that is not found exactly once, the body is encoded anew."""
    keys = sorted(doc)
    member = b'"signature":' + canonical(doc["signature"])
    after = keys[keys.index("signature") + 1 :]
    if after:
        nxt = json.dumps(after[0], ensure_ascii=False).encode() + b":"
        if enc.count(member + b"," + nxt) == 1:
            return enc.replace(member + b"," + nxt, nxt, 1)
    return canonical({k: v for k, v in doc.items() if k != "signature"})


class ForeignSignature(IntegrityError):
    """Signed under another key id than the trusted one: tampering, unless no manifest at all
    carries the trusted key (then the configuration names the wrong key: ``key_mismatch``)."""


def signers(store: Store) -> Counter[str]:
    """How many manifests each key id signed (unreadable manifests are left out)."""
    out: Counter[str] = Counter()
    for info in store.list(layout.MANIFESTS + "/"):
        if layout.parse_stream(info.key) is None:
            continue
        try:
            doc = json.loads(store.get(info.key))
            out[str(doc["signature"]["key_id"])] += 1
        except (ObjectNotFound, ValueError, TypeError, KeyError):
            continue
    return out


def mismatch_error(trusted: str, found: Counter[str], what: str = "manifests") -> KeyMismatchError:
    ids = ", ".join(f"{k} ({n})" for k, n in found.most_common())
    return KeyMismatchError(
        f"the configured verify key (keys.verify) has key id {trusted}, but none of the "
        f"archive's {sum(found.values())} {what} is signed by it; they are signed by {ids}. "
        "This is a configuration problem, not evidence of tampering",
        hint="set keys.verify to the public half of the signing key that wrote this archive",
    )


def key_mismatch(store: Store, verifier: Verifier) -> KeyMismatchError | None:
    """A configuration error when no manifest is signed by the trusted key but some are by
    another; None when the trusted key signed at least one (then a foreign one is damage)."""
    found = signers(store)
    if not found or verifier.key_id in found:
        return None
    return mismatch_error(verifier.key_id, found)


def list_streams(store: Store) -> dict[tuple[str, str], list[str]]:
    """Every stream's manifest keys, in sequence order."""
    out: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for info in store.list(layout.MANIFESTS + "/"):
        parsed = layout.parse_stream(info.key)
        if parsed is None:
            continue
        src, tenant, seq = parsed
        out.setdefault((src, tenant), []).append((seq, info.key))
    return {k: [key for _, key in sorted(v)] for k, v in sorted(out.items())}


def read(store: Store, key: str, verifier: Verifier | None) -> Manifest:
    """One manifest from the store, checked; a wrong verify key is named as such."""
    try:
        return parse(key, store.get(key), verifier)
    except ForeignSignature:
        if verifier is not None and (mismatch := key_mismatch(store, verifier)) is not None:
            raise mismatch from None
        raise


def latest(store: Store, source: str, tenant: str, verifier: Verifier | None) -> Manifest | None:
    keys = [
        i.key
        for i in store.list(layout.stream_prefix(source, tenant))
        if layout.parse_stream(i.key) is not None
    ]
    if not keys:
        return None
    key = max(keys, key=lambda k: layout.parse_stream(k)[2])  # type: ignore[index]
    return read(store, key, verifier)


def read_chain(store: Store, keys: list[str], verifier: Verifier | None) -> Iterator[Manifest]:
    """Yield a stream's manifests in order, checking sequence numbers and hash links.

    The whole chain is checked before the first is yielded, so every manifest's ``objects``
    already leaves out what a later manifest superseded."""
    try:
        chain = list(_read_chain(store, keys, verifier))
    except ForeignSignature:
        if verifier is not None and (mismatch := key_mismatch(store, verifier)) is not None:
            raise mismatch from None
        raise
    gone = frozenset(k for m in chain for k in m.supersedes)
    for m in chain:
        yield replace(m, superseded=gone) if gone else m


def _read_chain(store: Store, keys: list[str], verifier: Verifier | None) -> Iterator[Manifest]:
    prev: Manifest | None = None
    for expected, key in enumerate(keys, start=1):
        try:
            raw = store.get(key)
        except ObjectNotFound:
            raise IntegrityError(f"manifest {key} disappeared while reading") from None
        m = parse(key, raw, verifier)
        if m.sequence != expected:
            raise IntegrityError(
                f"manifest chain broken at {key}: sequence {m.sequence}, expected {expected} "
                "(a manifest is missing or renamed)"
            )
        link = m.doc.get("previous")
        if prev is None:
            if link is not None:
                raise IntegrityError(f"manifest {key} links to a predecessor that is missing")
        elif not link or link.get("sha256") != prev.sha256 or link.get("sequence") != prev.sequence:
            raise IntegrityError(
                f"manifest chain broken at {key}: it does not link to {prev.key} "
                "(that manifest was altered or replaced)"
            )
        prev = m
        yield m
