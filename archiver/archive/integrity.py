"""Every integrity rule of the archive, once: each check returns the problem it finds.

Readers (``catalog``, ``ArchiveReader``) raise on the first problem (``raise_problem``);
``archiver verify`` collects them all. The rules:

- a signed document (manifest or record) is JSON, in its canonical form, (manifests) valid
  against the manifest schema, and signed by the trusted key (``check_signed``): after a key
  rotation, the key in force at its place in the archive (``key_in_force``);
- a manifest sits where its content says (stream and sequence, ``check_placement``), a stream's
  sequences run 1..N without gaps (``check_gaps``), and each manifest links to its predecessor
  by sequence, key and SHA-256 of its stored bytes (``check_link``);
- an object has the size and ciphertext SHA-256 its entry records (``check_ciphertext``),
  decrypts only with the encryption context its entry implies (``decrypt``), and its plaintext
  has the recorded SHA-256 and row count (``check_plaintext``, ``check_rows``);
- a compacted object's lineage names objects that were live in earlier manifests of its stream
  under the ciphertext SHA-256 it repeats, superseded by the manifest naming it, and its rank
  spans cover its rows (``check_lineage``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

import jsonschema

from archiver.archive import layout, signed
from archiver.archive.catalog.model import INDEX_HEX, IndexList, Manifest, ObjectEntry
from archiver.archive.trust import Trust
from archiver.errors import ArchiverError, DecryptionError, IntegrityError
from archiver.keys import Verifier

if TYPE_CHECKING:  # the encryption SDK is imported where keyrings are built
    from archiver.archive.crypto import Keyring

ProblemKind = Literal[
    "manifest-altered",
    "manifest-foreign-signature",
    "manifest-misplaced",
    "manifest-missing",
    "manifest-foreign",
    "manifest-deleted",
    "manifest-overwritten",
    "chain-gap",
    "chain-link",
    "chain-truncated",
    "chain-rewritten",
    "checkpoint-altered",
    "checkpoint-foreign-signature",
    "checkpoint-misplaced",
    "checkpoint-replay",
    "checkpoint-link",
    "pack-altered",
    "object-missing",
    "object-altered",
    "object-undecryptable",
    "object-plaintext",
    "object-rows",
    "object-duplicate",
    "record-missing",
    "record-altered",
    "record-misplaced",
    "lock-missing",
    "format-unknown",
    "manifest-retired-key",
    "record-retired-key",
    "rotation-altered",
    "rotation-forged",
    "rotation-gap",
    "object-lineage",
    "lineage-missing",
    "lineage-altered",
]


@dataclass(frozen=True)
class Problem:
    """One piece of damage. ``kind`` is stable (scripts match on it); ``message`` is for people."""

    kind: ProblemKind
    message: str
    key: str | None = None
    #: The error behind it, when its class says more than damage (a key not held, say).
    error: ArchiverError | None = field(default=None, compare=False, repr=False)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "key": self.key, "message": self.message}


class ForeignSignature(IntegrityError):
    """Signed under another key id than the trusted one: tampering, unless no manifest at all
    carries the trusted key (then the configuration names the wrong key: ``key_mismatch``)."""


def raise_problem(problem: Problem | None) -> None:
    """Raise the error a reader gives for ``problem`` (nothing for None)."""
    if problem is None:
        return
    if problem.error is not None and type(problem.error) is not IntegrityError:
        raise type(problem.error)(problem.message) from None
    if problem.kind.endswith("-foreign-signature"):
        raise ForeignSignature(problem.message)
    raise IntegrityError(problem.message)


def raise_first(problems: Iterable[Problem]) -> None:
    for problem in problems:
        raise_problem(problem)


# --- signed documents ---------------------------------------------------------------------

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
    """The schema's rule for an index entry (``INDEX_HEX`` lowercase hex digits), for a whole
    list at once (types and lengths checked by ``map`` in C: large archives carry millions of
    entries). An ``IndexList`` (a committing writer's, equal to the list it read back) is
    checked as its joined text."""
    if isinstance(value, IndexList):
        return len(value.text) % INDEX_HEX == 0 and _HEX.fullmatch(value.text) is not None
    return (
        isinstance(value, list)
        and set(map(type, value)) <= {str}
        and set(map(len, value)) <= {INDEX_HEX}
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
        # A compaction's lineage and ranks run to hundreds of items: checked here in plain
        # Python, one valid item left for the schema to see.
        if isinstance(obj, dict) and "replaces" in obj and _replaces_ok(obj["replaces"]):
            obj = obj | {"replaces": obj["replaces"][:1]}
        if isinstance(obj, dict) and "ranks" in obj and _ranks_ok(obj["ranks"]):
            obj = obj | {"ranks": obj["ranks"][:1]}
        slim.append(obj)
    out = doc | {"objects": slim}
    gone = doc.get("supersedes")
    if isinstance(gone, list) and all(isinstance(k, str) for k in gone):
        out["supersedes"] = gone[:1]
    state = doc.get("state")
    if isinstance(state, dict) and isinstance(state.get("seen"), dict):
        seen = {t: ({} if _seen_ok(v) else v) for t, v in state["seen"].items()}
        out["state"] = state | {"seen": seen}
    return out


def manifest_schema_problem(key: str, doc: dict[str, Any]) -> Problem | None:
    """The manifest schema. Object entries that pass ``_entry_ok`` (the schema's rule for an
    entry, in plain Python: jsonschema took 20 ms on a compaction's 70 entries, more than an
    idle run's whole crawl) are left to it; when one fails, the full schema names what is
    wrong."""
    objects = doc.get("objects")
    if isinstance(objects, list) and all(_entry_ok(o) for o in objects):
        doc = doc | {"objects": []}
    errs = list(_validator().iter_errors(_for_schema(doc)))
    if not errs:
        return None
    return Problem(
        "manifest-altered",
        f"manifest {key} does not match the manifest schema: {errs[0].message[:200]}",
        key,
    )


def _checkpoint_validator(slim: bool) -> jsonschema.protocols.Validator:
    """The checkpoint schema; ``slim``: with each entry only required to be an object (entries
    are checked by ``_entry_ok`` first, thousands at a time)."""
    name = "checkpoint-slim" if slim else "checkpoint"
    if name not in _schema_cache:
        from referencing import Registry, Resource

        from archiver.config import load_schema

        manifest = load_schema("manifest.schema.json")
        schema = load_schema("checkpoint.schema.json")
        if slim:
            item = schema["properties"]["live"]["items"]["properties"]["objects"]["items"]
            item["properties"]["entry"] = {"type": "object"}
        registry: Registry[Any] = Registry().with_resource(
            manifest["$id"], Resource.from_contents(manifest)
        )
        _schema_cache[name] = jsonschema.Draft202012Validator(schema, registry=registry)
    v: jsonschema.protocols.Validator = _schema_cache[name]
    return v


_ENTRY_REQUIRED = frozenset(
    {
        "key",
        "table",
        "sealed",
        "partition",
        "rows",
        "plaintext_size",
        "ciphertext_size",
        "plaintext_sha256",
        "ciphertext_sha256",
        "time_range",
        "subjects",
    }
)
_ENTRY_KEYS = _ENTRY_REQUIRED | {"sessions", "replaces", "ranks", "rank_runs", "lineage_section"}
#: One run, its repeats possessive: the grammar never needs to give back a digit or a run
#: (a number ends where its digits end, a run where its third number ends), and without the
#: backtracking points the 50 KB of packed ranks in a checkpoint of 1,000 compacted runs are
#: checked in two thirds of the time (``tests/archive/test_entry_check.py``: the schema's
#: pattern accepts the same texts).
_RUN = r"[1-9][0-9]*+\.(?:0|[1-9][0-9]*+)\.(?:0|[1-9][0-9]*+)"
#: Packed ranks (``rank_runs``): ``<sequence>.<position>.<rows>`` runs, one space between.
_RANK_RUNS = re.compile(f"{_RUN}(?: {_RUN})*+")
_SHA256 = re.compile(r"[0-9a-f]{64}")


def _entry_ok(entry: Any) -> bool:
    """The manifest schema's rule for an object entry, in plain Python (a checkpoint holds
    every live entry of a stream: jsonschema on each took longer than reading the manifests)."""
    if not isinstance(entry, dict) or not _ENTRY_REQUIRED <= entry.keys() <= _ENTRY_KEYS:
        return False
    part, times = entry["partition"], entry["time_range"]
    sizes = (entry["rows"], entry["plaintext_size"], entry["ciphertext_size"])
    return (
        isinstance(entry["key"], str)
        and entry["table"] in ("messages", "sessions", "users")
        and isinstance(entry["sealed"], bool)
        and isinstance(part, dict)
        and all(isinstance(v, str) for v in part.values())
        and all(type(n) is int and n >= 0 for n in sizes)
        and all(
            isinstance(h, str) and _SHA256.fullmatch(h) is not None
            for h in (entry["plaintext_sha256"], entry["ciphertext_sha256"])
        )
        and isinstance(times, dict)
        and isinstance(times.get("min"), str)
        and isinstance(times.get("max"), str)
        and _index_ok(entry["subjects"])
        and ("sessions" not in entry or _index_ok(entry["sessions"]))
        and ("replaces" not in entry or _replaces_ok(entry["replaces"]))
        and ("ranks" not in entry or _ranks_ok(entry["ranks"]))
        and (
            "rank_runs" not in entry
            or (
                "ranks" not in entry
                and isinstance(entry["rank_runs"], str)
                and _RANK_RUNS.fullmatch(entry["rank_runs"]) is not None
            )
        )
        and ("lineage_section" not in entry or _section_ok(entry["lineage_section"]))
    )


def _section_ok(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and value.keys() == {"offset", "length", "sha256"}
        and type(value["offset"]) is int
        and value["offset"] >= 0
        and type(value["length"]) is int
        and value["length"] >= 2
        and isinstance(value["sha256"], str)
        and _SHA256.fullmatch(value["sha256"]) is not None
    )


def _replaces_ok(value: Any) -> bool:
    return (
        isinstance(value, list)
        and bool(value)
        and all(
            isinstance(r, dict)
            and r.keys() == {"key", "sha256"}
            and isinstance(r["key"], str)
            and isinstance(r["sha256"], str)
            and _SHA256.fullmatch(r["sha256"]) is not None
            for r in value
        )
    )


_RANK_KEYS = frozenset({"sequence", "position", "rows"})


def _ranks_ok(value: Any) -> bool:
    """The schema's rule for ``ranks``, checked for all spans at once (one per absorbed part:
    thousands in a checkpoint after years of runs)."""
    if not isinstance(value, list) or not value:
        return False
    if set(map(type, value)) != {dict} or {frozenset(r) for r in value} != {_RANK_KEYS}:
        return False
    seqs = [r["sequence"] for r in value]
    others = [n for r in value for n in (r["position"], r["rows"])]
    return (
        set(map(type, seqs)) == {int}
        and set(map(type, others)) == {int}
        and min(seqs) >= 1
        and min(others) >= 0
    )


_LINK_KEYS = frozenset({"sequence", "key", "sha256"})
_ANCESTOR_KEYS = frozenset({"key", "ciphertext_sha256", "plaintext_sha256"})
_HASHES = ("ciphertext_sha256", "plaintext_sha256")


def _link_ok(link: Any) -> bool:
    """The checkpoint schema's rule for a link (``$defs/link``)."""
    return (
        isinstance(link, dict)
        and link.keys() == _LINK_KEYS
        and type(link["sequence"]) is int
        and link["sequence"] >= 1
        and isinstance(link["key"], str)
        and isinstance(link["sha256"], str)
        and _SHA256.fullmatch(link["sha256"]) is not None
    )


_PLACED_KEYS = frozenset({"position", "entry"})


def _live_ok(value: Any) -> bool:
    """The checkpoint schema's rule for ``live`` (groups of a naming manifest's link and its
    live objects, each a position and an entry), in plain Python: jsonschema's walk through a
    hundred groups and objects took longer than the rest of the checkpoint's check."""
    return isinstance(value, list) and all(
        isinstance(g, dict)
        and g.keys() == {"manifest", "objects"}
        and _link_ok(g["manifest"])
        and isinstance(g["objects"], list)
        and bool(g["objects"])
        and all(
            isinstance(o, dict)
            and o.keys() == _PLACED_KEYS
            and type(o["position"]) is int
            and o["position"] >= 0
            and _entry_ok(o["entry"])
            for o in g["objects"]
        )
        for g in value
    )


def _ancestors_ok(value: Any) -> bool:
    """The checkpoint schema's rule for ``ancestors``, in plain Python (thousands of items)."""

    def ancestor_ok(a: Any) -> bool:
        return (
            isinstance(a, dict)
            and _ANCESTOR_KEYS <= a.keys() <= _ANCESTOR_KEYS | {"replaces"}
            and isinstance(a["key"], str)
            and ("replaces" not in a or _replaces_ok(a["replaces"]))
        )

    if not isinstance(value, list) or not all(
        isinstance(g, dict)
        and g.keys() == {"manifest", "objects"}
        and _link_ok(g["manifest"])
        and isinstance(g["objects"], list)
        and bool(g["objects"])
        and all(ancestor_ok(a) for a in g["objects"])
        for g in value
    ):
        return False
    # Both hashes of every ancestor at once: 64 lowercase hex digits each.
    hashes = [a[h] for g in value for a in g["objects"] for h in _HASHES]
    return (
        set(map(type, hashes)) <= {str}
        and set(map(len, hashes)) <= {64}
        and _HEX.fullmatch("".join(hashes)) is not None
    )


def checkpoint_schema_problem(key: str, doc: dict[str, Any]) -> Problem | None:
    """The checkpoint schema. Entries, contacts and ``seen`` entries that the fast checks pass
    are left to them; when an entry fails, the full schema names what is wrong."""
    live = doc.get("live")
    small = doc
    if _live_ok(live):  # every group, position and entry as the schema says
        small, slim = small | {"live": []}, True
    else:
        entries = [
            o.get("entry") if isinstance(o, dict) else None
            for g in (live if isinstance(live, list) else [])
            for o in (g.get("objects") if isinstance(g, dict) else None) or []
        ]
        slim = all(_entry_ok(e) for e in entries)
    if "contacts" in doc and _contacts_ok(doc["contacts"]):
        small = small | {"contacts": {}}
    if isinstance(doc.get("state"), dict):
        small = small | {"state": _for_schema({"objects": [], "state": doc["state"]})["state"]}
    gone = doc.get("superseded")
    if isinstance(gone, list) and all(isinstance(k, str) for k in gone):
        small = small | {"superseded": gone[:1]}
    if "ancestors" in doc and _ancestors_ok(doc["ancestors"]):
        small = small | {"ancestors": []}
    errs = list(_checkpoint_validator(slim).iter_errors(small))
    if not errs:
        return None
    return Problem(
        "checkpoint-altered",
        f"checkpoint {key} does not match the checkpoint schema: {errs[0].message[:200]}",
        key,
    )


What = Literal["manifest", "record", "checkpoint", "rotation"]
_ALTERED: dict[str, ProblemKind] = {
    "manifest": "manifest-altered",
    "record": "record-altered",
    "checkpoint": "checkpoint-altered",
    "rotation": "rotation-altered",
}


def check_signed(
    key: str,
    raw: bytes,
    verifier: Verifier | None,
    *,
    what: What,
    schema: Callable[[str, dict[str, Any]], Problem | None] | None = None,
    parsed: tuple[Any, bool] | None = None,
) -> tuple[dict[str, Any] | None, Problem | None]:
    """A signed document's JSON and its first problem.

    The document comes back whenever it is readable (JSON, canonical, valid against
    ``schema``), even when its signature is wrong: verify still counts what it names and who
    signed it. Without ``verifier`` the signature is not checked. ``parsed``: ``raw`` already
    read (``signed.loads``), by a writer that does not decode megabytes twice."""
    altered = _ALTERED[what]
    try:
        doc, unusual = signed.loads(raw) if parsed is None else parsed
    except ValueError:
        return None, Problem(altered, f"{what} {key} is not valid JSON (altered or truncated)", key)
    if not isinstance(doc, dict):
        return None, Problem(altered, f"{what} {key} is not a JSON object", key)
    try:
        canonical = signed.is_stored_form(raw, doc, unusual=unusual)
    except signed.UnknownVersion as e:
        return None, Problem("format-unknown", f"{what} {key}: {e}", key, error=e)
    if not canonical:
        return None, Problem(altered, f"{what} {key} is not in its canonical form (altered)", key)
    if schema is not None and (problem := schema(key, doc)) is not None:
        return None, problem
    if verifier is None:
        return doc, None
    return doc, signature_problem(key, doc, verifier, what=what, stored=raw)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def key_in_force(
    trusted: Verifier, key: str, doc: Mapping[str, Any], *, what: What, stored: bytes | None
) -> Verifier | Problem:
    """The key that must have signed ``doc`` (stored at ``key`` as ``stored``), following the
    root and the rotations of ``trusted`` (a plain ``Verifier``: that one key for everything);
    a Problem when ``doc`` carries a key of the chain that is not in force for it.

    - a manifest of stream S at sequence n: the new key of the last rotation that either
      names S with ``from_sequence`` ≤ n or does not name S at all (S began after it); before
      every rotation, the root. The manifest a rotation recorded as S's head must still have
      the SHA-256 recorded (nobody re-signed history with the retired key);
    - a record (hold, suppression, ledger): the key in force now, or a retired key when the
      rotation that retired it lists the record with the SHA-256 of its stored bytes;
    - a rotation record: the key in force before it (``trusted`` holds the rotations before);
    - a checkpoint covering manifests 1..S of a stream: the key in force for manifest S (a run
      writes it right after committing S, under the same key).
    """
    if not isinstance(trusted, Trust) or not trusted.rotations or what == "rotation":
        return trusted
    sig = doc.get("signature")
    signer = str(sig.get("key_id")) if isinstance(sig, dict) else ""
    if what == "record":
        epoch = trusted.epoch_of(signer)
        if epoch is None or epoch == len(trusted.rotations):
            return trusted
        retired_by = trusted.rotations[epoch]
        pinned = retired_by.records.get(key)
        if stored is not None and pinned == _sha256(stored):
            return trusted.keys[epoch]
        return Problem(
            "record-retired-key",
            f"record {key} is signed by key {signer}, which rotation {retired_by.number} "
            f"({retired_by.key}, {retired_by.at}) retired, and "
            + ("is not the content that rotation recorded" if pinned else "was not listed by it")
            + ": written with the retired key after its rotation (forged)",
            key,
        )
    stream = doc.get("stream")
    stream = stream if isinstance(stream, dict) else {}
    name = (str(stream.get("source")), str(stream.get("tenant")))
    sequence = doc.get("sequence")
    if type(sequence) is not int:
        return trusted.root  # not a manifest: the schema says so first
    epoch = 0
    for n, rotation in enumerate(trusted.rotations, 1):
        pin = rotation.streams.get(name)
        if pin is None or sequence >= pin.from_sequence:
            epoch = n
        elif (
            what == "manifest"
            and sequence == pin.head_sequence
            and stored is not None
            and _sha256(stored) != pin.head_sha256
        ):
            return Problem(
                "chain-rewritten",
                f"manifest {key} is not the one rotation {rotation.number} "
                f"({rotation.key}) recorded as the head of stream {name[0]}/{name[1]}: "
                "it was replaced after the rotation",
                key,
            )
    in_force = trusted.keys[epoch]
    other = trusted.epoch_of(signer)
    if other is None or other == epoch:
        return in_force
    if other < epoch:
        by = trusted.rotations[other]
        pin = by.streams.get(name)
        since = (
            f"from sequence {pin.from_sequence} of stream {name[0]}/{name[1]}"
            if pin is not None
            else f"before stream {name[0]}/{name[1]} began"
        )
        return Problem(
            "manifest-retired-key",
            f"manifest {key} is signed by key {signer}, which rotation {by.number} ({by.key}) "
            f"retired {since}: it was signed with the retired key after its rotation (forged, "
            f"or written by a run still configured with the old key); the key in force here is "
            f"{in_force.key_id}",
            key,
        )
    return Problem(
        "manifest-foreign-signature",
        f"manifest {key} is signed by key {signer}, which came into force only with rotation "
        f"{other} ({trusted.rotations[other - 1].key}), after this manifest: it was replaced or "
        f"re-signed; the key in force here is {in_force.key_id}",
        key,
    )


def signature_problem(
    key: str, doc: dict[str, Any], verifier: Verifier, *, what: What, stored: bytes | None = None
) -> Problem | None:
    """``stored``: the document's stored bytes, already checked to be its canonical form (the
    signed part is then cut from them instead of encoding the document again). ``verifier``:
    the trusted key, or a ``Trust`` (root and rotations) whose key in force for ``doc`` is
    checked (``key_in_force``)."""
    in_force = key_in_force(verifier, key, doc, what=what, stored=stored)
    if isinstance(in_force, Problem):
        return in_force
    verifier = in_force
    sig = doc.get("signature")
    sig = sig if isinstance(sig, dict) else {}
    foreign = sig.get("key_id") != verifier.key_id
    part = (
        signed.signed_part(stored[:-1], doc)
        if stored is not None and isinstance(doc.get("signature"), dict)
        else signed.canonical(signed.body(doc))
    )
    if not foreign and verifier.verify(part, str(sig.get("value", ""))):
        return None
    if what == "record":
        return Problem(
            "record-altered",
            f"record {key} is not signed by the trusted key (altered or forged)",
            key,
        )
    if what == "checkpoint":
        return Problem(
            "checkpoint-foreign-signature" if foreign else "checkpoint-altered",
            f"checkpoint {key} is not signed by the trusted key (altered or forged)",
            key,
        )
    if what == "rotation":
        return Problem(
            "rotation-forged",
            f"key rotation record {key} is not signed by the key in force before it "
            f"({verifier.key_id}"
            + (f"; it carries {sig.get('key_id')}" if foreign else "")
            + "): forged or altered",
            key,
        )
    if foreign:
        return Problem(
            "manifest-foreign-signature",
            f"manifest {key} is signed by key {sig.get('key_id')}, not by the trusted key "
            f"{verifier.key_id}: it was replaced or re-signed",
            key,
        )
    return Problem(
        "manifest-altered",
        f"manifest {key} has an invalid signature: it does not match its content (altered)",
        key,
    )


def check_manifest(
    key: str,
    raw: bytes,
    verifier: Verifier | None,
    *,
    parsed: tuple[Any, bool] | None = None,
    written: Sequence[ObjectEntry] | None = None,
) -> tuple[Manifest | None, Problem | None]:
    """One manifest on its own: JSON, canonical form, schema, signature. The Manifest comes
    back whenever it is readable, even if its signature is wrong.

    For the writer committing it: ``parsed``, ``raw`` already read (``check_signed``), and
    ``written``, the entries it wrote: each entry listed is parsed as readers parse it, and
    where it equals the writer's at its place the Manifest holds the writer's (a long run's
    index is not held twice)."""
    doc, problem = check_signed(
        key, raw, verifier, what="manifest", schema=manifest_schema_problem, parsed=parsed
    )
    if doc is None:
        return None, problem
    try:
        m = Manifest.from_document(
            key,
            raw,
            hashlib.sha256(raw).hexdigest(),
            doc,
            parsed=None if written is None else _same_entries(doc.get("objects", ()), written),
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return None, Problem("manifest-altered", f"manifest {key} is not a manifest", key)
    return m, problem


def _same_entries(listed: Sequence[Any], written: Sequence[ObjectEntry]) -> dict[int, ObjectEntry]:
    """The entries of ``written`` that ``listed`` (JSON) holds at their place, by position:
    each listed one parsed, compared and let go (``KeyError`` and the like where one is not an
    entry, as ``Manifest.from_document`` raises)."""
    pairs = enumerate(zip(listed, written, strict=False))  # those beyond ``written``: parsed later
    return {i: e for i, (o, e) in pairs if ObjectEntry.from_json(o) == e}


# --- chains -------------------------------------------------------------------------------


def check_placement(m: Manifest, source: str, tenant: str, sequence: int) -> Problem | None:
    """The manifest holds what its name says: that stream, that sequence number."""
    if (m.source, m.tenant) == (source, tenant) and m.sequence == sequence:
        return None
    return Problem(
        "manifest-misplaced",
        f"manifest {m.key} holds sequence {m.sequence} of stream {m.stream.name}: "
        "it was copied or renamed",
        m.key,
    )


def _ranges(numbers: Iterable[int]) -> str:
    out: list[str] = []
    for n in sorted(numbers):
        if out and out[-1].split("-")[-1] == str(n - 1):
            out[-1] = f"{out[-1].split('-')[0]}-{n}"
        else:
            out.append(str(n))
    return ", ".join(out)


def check_gaps(source: str, tenant: str, present: Sequence[int]) -> Problem | None:
    """Sequences 1..N are all there (removal from the middle of a chain)."""
    if not present:
        return None
    top = max(present)
    missing = sorted(set(range(1, top + 1)) - set(present))
    if not missing:
        return None
    first = layout.manifest_key(source, tenant, missing[0])
    return Problem(
        "chain-gap",
        f"manifest chain broken: stream {source}/{tenant}: manifest(s) {_ranges(missing)} of "
        f"1-{top} are missing (first: {first}): removed from the middle of the chain",
        first,
    )


def check_link(m: Manifest, prev: Manifest | None) -> Problem | None:
    """``m`` links to ``prev`` (None: ``m`` is the first of its stream) by sequence, key and
    SHA-256 of its stored bytes."""
    link = m.previous
    if prev is None:
        if link is None:
            return None
        why = "it links to a predecessor, but is the first of its stream"
    elif link == prev.link:
        return None
    else:
        why = f"it does not link to {prev.key}: one of the two was replaced"
    return Problem("chain-link", f"manifest chain broken at {m.key}: {why}", m.key)


# --- checkpoints --------------------------------------------------------------------------


def check_size(entry: ObjectEntry, size: int, where: str) -> Problem | None:
    """The stored size (from a listing) is the recorded one: checked before reading it."""
    if size == entry.ciphertext_size:
        return None
    return Problem(
        "object-altered",
        f"object {entry.key} has {size} bytes, {where} says {entry.ciphertext_size}: "
        "altered or truncated",
        entry.key,
    )


def check_ciphertext(entry: ObjectEntry, cipher: bytes | None, where: str) -> Problem | None:
    """The object is there, with the recorded size and ciphertext SHA-256."""
    if cipher is None:
        return Problem(
            "object-missing", f"object {entry.key} named by {where} is missing", entry.key
        )
    return check_size(entry, len(cipher), where) or (
        None
        if hashlib.sha256(cipher).hexdigest() == entry.ciphertext_sha256
        else Problem(
            "object-altered",
            f"object {entry.key} does not match its SHA-256 in {where}: altered or replaced",
            entry.key,
        )
    )


def decrypt(
    entry: ObjectEntry, cipher: bytes, keyring: Keyring
) -> tuple[bytes | None, Problem | None]:
    """Decrypt, accepting only the encryption context the entry implies (an object moved to
    another place, table, kind or stream is refused)."""
    try:
        return keyring.decrypt(cipher, expect_context=entry.encryption_context()), None
    except DecryptionError as exc:
        return None, Problem(
            "object-undecryptable", f"object {entry.key}: {exc}", entry.key, error=exc
        )


def check_plaintext(entry: ObjectEntry, plain: bytes, where: str) -> Problem | None:
    if hashlib.sha256(plain).hexdigest() == entry.plaintext_sha256:
        return None
    return Problem(
        "object-plaintext",
        f"object {entry.key}: decrypted content does not match its SHA-256 in {where}",
        entry.key,
    )


def check_rows(entry: ObjectEntry, rows: int | None, where: str) -> Problem | None:
    """The row count (None: the Parquet file cannot be read) is the recorded one."""
    if rows == entry.rows:
        return None
    return Problem(
        "object-rows",
        f"object {entry.key}: holds {rows if rows is not None else 'no readable'} rows, "
        f"{where} says {entry.rows}",
        entry.key,
    )


# --- compaction lineage -------------------------------------------------------------------


def check_lineage(manifests: Sequence[Manifest]) -> list[Problem]:
    """Every ``replaces`` of a stream's manifests (in sequence order) names an object an earlier
    manifest wrote with that ciphertext SHA-256, live until the manifest naming the
    replacement superseded it; and every ``ranks`` adds up to its object's rows."""
    problems: list[Problem] = []
    written: dict[str, tuple[int, str]] = {}  # key -> (sequence naming it, ciphertext sha256)
    gone: set[str] = set()
    for m in manifests:
        for entry in m.objects:
            if entry.ranks and sum(r.rows for r in entry.ranks) != entry.rows:
                problems.append(
                    Problem(
                        "object-lineage",
                        f"object {entry.key} in {m.key}: its ranks cover "
                        f"{sum(r.rows for r in entry.ranks)} rows, the object has {entry.rows}",
                        entry.key,
                    )
                )
            for r in entry.ranks:
                if r.sequence >= m.sequence:
                    problems.append(
                        Problem(
                            "object-lineage",
                            f"object {entry.key} in {m.key}: ranks name manifest {r.sequence}, "
                            "not an earlier one",
                            entry.key,
                        )
                    )
            for old in entry.replaces:
                why = None
                found = written.get(old.key)
                if found is None:
                    why = "no earlier manifest of the stream wrote it"
                elif found[1] != old.sha256:
                    why = (
                        f"manifest {found[0]} recorded its ciphertext SHA-256 as {found[1]}, "
                        f"the lineage says {old.sha256}"
                    )
                elif old.key in gone:
                    why = "it was already superseded before"
                elif old.key not in m.supersedes:
                    why = "the manifest naming the replacement does not supersede it"
                if why is not None:
                    problems.append(
                        Problem(
                            "object-lineage",
                            f"object {entry.key} in {m.key} replaces {old.key}: {why}",
                            entry.key,
                        )
                    )
        gone |= m.supersedes
        for entry in m.objects:
            written.setdefault(entry.key, (m.sequence, entry.ciphertext_sha256))
    return problems
