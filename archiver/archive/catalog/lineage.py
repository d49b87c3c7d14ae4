"""Lineage documents: a compaction's custody record, outside its manifest and the checkpoints.

Which objects a compacted object replaced (``replaces``), and every object those replaced in
turn back to what crawls wrote, as the manifests that wrote them recorded them
(``ancestors``), run to one item per absorbed part: thousands after years of daily runs. Only
custody (``retrieve``, ``produce``) and ``verify --deep`` need them; carried in the compaction
manifest and in every checkpoint after it, every command paid for parsing and checking them.
So a compaction writes them into one document of its own, before its manifest, at
``lineage/source=…/tenant=…/<C, 10 digits>-<run id>.json`` (C: the manifest's sequence), and
the manifest pins it (``lineage: {key, sha256}``): the manifest's signature covers the hash, so
the document is as tamper-evident as if it were inline, and needs no signature of its own.
Checkpoints carry only the pins of the documents their live compacted objects need.

The document has one section per new object, each self-contained: its ``replaces`` and its
``ancestors``, every ancestor with the ``replaces`` of those that were compacted themselves
(taken from their own documents, or from their entries in compactions written before
documents existed); a one-line index gives each section's place. A reader of one compacted
object's custody reads one document, parses its index and that object's section, and no
manifest before the checkpoint.

Compacted entries keep their ranks inline: every reader of rows (``restore``, ``export``,
``retrieve``) needs them for the newest-version rule, so moving them out would make every one
of those read the document. They are one run per absorbed part, packed in one string per entry
(``rank_runs``, ``model.Ranks``) and decoded only for the objects whose rows are ranked: at
1,000 daily runs, 0.24 MB of JSON objects in every checkpoint became about 50 KB of strings.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from archiver.archive import layout, signed
from archiver.archive.catalog.chain import (
    Chain,
    Placed,
    ancestry_from,
    closure,
    get_raw,
    written,
)
from archiver.archive.catalog.lists import read_range
from archiver.archive.catalog.model import (
    Ancestor,
    Link,
    ListPin,
    ObjectEntry,
    Replaced,
    SectionPin,
    StreamId,
)
from archiver.archive.store import ObjectNotFound, Store
from archiver.errors import IntegrityError

FORMAT = "conversation-archiver/lineage"
FORMAT_VERSION = 2
#: The version that also holds the manifest's ``supersedes`` list (pinned lists).
FORMAT_VERSION_LISTS = 3
#: The version whose sections hold each replaced item, ancestor and manifest link as a JSON
#: array, not an object (its list section optional): a section of 999 ancestors is 16 % smaller
#: and parsed and walked in 0.63× the time (3.4 → 2.1 ms), which every custody report pays.
FORMAT_VERSION_ARRAYS = 4
#: Every version this program reads.
VERSIONS = (FORMAT_VERSION, FORMAT_VERSION_LISTS, FORMAT_VERSION_ARRAYS)


def ancestors_json(ancestors: Iterable[Ancestor]) -> list[dict[str, Any]]:
    """Ancestors (by sequence, key) grouped by the manifest that wrote them."""
    groups: list[dict[str, Any]] = []
    for a in ancestors:
        if not groups or groups[-1]["manifest"] != a.manifest.to_json():
            groups.append({"manifest": a.manifest.to_json(), "objects": []})
        groups[-1]["objects"].append(a.to_json())
    return groups


def ancestors_arrays(ancestors: Iterable[Ancestor]) -> list[list[Any]]:
    """``ancestors_json`` in the form of version 4 sections: ``[[sequence, key, sha256],
    [[key, ciphertext_sha256, plaintext_sha256, replaces?], …]]`` per manifest, each
    ``replaces`` item ``[key, sha256]``."""
    groups: list[list[Any]] = []
    for a in ancestors:
        link = [a.manifest.sequence, a.manifest.key, a.manifest.sha256]
        if not groups or groups[-1][0] != link:
            groups.append([link, []])
        item: list[Any] = [a.key, a.ciphertext_sha256, a.plaintext_sha256]
        if a.replaces:
            item.append([[r.key, r.sha256] for r in a.replaces])
        groups[-1][1].append(item)
    return groups


def section_form(section: Mapping[str, Any]) -> int:
    """Which form a parsed section has: ``FORMAT_VERSION_ARRAYS`` when it says so, else the
    objects of versions 2 and 3 (``ValueError`` for a form this program does not read)."""
    form = section.get("format_version", FORMAT_VERSION)
    if form == FORMAT_VERSION_ARRAYS and type(form) is int:
        return FORMAT_VERSION_ARRAYS
    if form == FORMAT_VERSION and "format_version" not in section:
        return FORMAT_VERSION
    raise ValueError(f"a section of unknown form {form!r}")


def _replaced_arrays(items: Iterable[Sequence[Any]]) -> tuple[Replaced, ...]:
    out = []
    for item in items:
        if not isinstance(item, list):
            raise ValueError("a replaced item that is not an array")
        key, sha = item  # exactly two, else ValueError
        out.append(Replaced(str(key), str(sha)))
    return tuple(out)


def ancestors_from_arrays(groups: Iterable[Sequence[Any]]) -> tuple[Ancestor, ...]:
    """``ancestors_arrays`` read back (``ValueError``, ``TypeError`` when it is not that)."""
    out = []
    for link, objects in groups:
        seq, key, sha = link
        if type(seq) is not int:
            raise ValueError("a manifest link whose sequence is not an integer")
        m = Link(seq, str(key), str(sha))
        for item in objects:
            if not isinstance(item, list) or len(item) not in (3, 4):
                raise ValueError("an ancestor that is not an array of 3 or 4 items")
            replaces = _replaced_arrays(item[3]) if len(item) == 4 else ()
            if len(item) == 4 and not replaces:
                raise ValueError("an ancestor with an empty replaces")
            out.append(Ancestor(m, str(item[0]), str(item[1]), str(item[2]), replaces))
    return tuple(out)


def _link(d: Mapping[str, Any]) -> Link:
    return Link(int(d["sequence"]), str(d["key"]), str(d["sha256"]))


def ancestors_from_json(groups: Iterable[Mapping[str, Any]]) -> tuple[Ancestor, ...]:
    return tuple(
        Ancestor.from_json(link, obj)
        for group in groups
        for link in (_link(group["manifest"]),)
        for obj in group["objects"]
    )


def _replaced(items: Iterable[Mapping[str, Any]]) -> tuple[Replaced, ...]:
    return tuple(Replaced(str(r["key"]), str(r["sha256"])) for r in items)


@dataclass(frozen=True)
class Section:
    """One object's part of a lineage document: what it replaced, and its ancestors."""

    key: str
    replaces: tuple[Replaced, ...]
    ancestors: tuple[Ancestor, ...]

    def known(self) -> dict[str, Ancestor]:
        return {a.key: a for a in self.ancestors}


@dataclass(frozen=True)
class Lineage:
    """One lineage document as pinned (``pin``: the manifest's sequence, the document's key
    and SHA-256), its index read; each object's section is parsed when asked for."""

    pin: Link
    stream: StreamId
    #: The objects it has a section of, in the pinning manifest's order.
    keys: tuple[str, ...]
    body: bytes = field(repr=False)
    spans: Mapping[str, tuple[int, int]] = field(repr=False)
    #: Bytes before the body (the index line and its newline): a section's offset in the
    #: stored document is this plus its offset in the body.
    head_length: int = 0
    #: Version 3 (and 4, when it has one): (offset in the body, length) of the
    #: ``supersedes`` list's section.
    list_span: tuple[int, int] | None = None
    #: The document's ``format_version``: its sections' form.
    version: int = FORMAT_VERSION
    _parsed: dict[str, Section] = field(default_factory=dict, repr=False, compare=False)

    def section_json(self, key: str) -> dict[str, Any]:
        """Object ``key``'s section as parsed JSON (its own key checked), for a reader that
        walks thousands of ancestors without making a value of each (``IntegrityError`` when
        the document has no such section or it is not JSON)."""
        span = self.spans.get(key)
        if span is None:
            raise IntegrityError(
                f"object {key}: lineage document {self.pin.key} does not name it, though "
                f"manifest {self.pin.sequence} pins it: the document was replaced"
            )
        try:
            d = json.loads(self.body[span[0] : span[0] + span[1]])
            if not isinstance(d, dict) or d.get("key") != key:
                raise ValueError("another object's section")
            if (section_form(d) == FORMAT_VERSION_ARRAYS) != (
                self.version == FORMAT_VERSION_ARRAYS
            ):
                raise ValueError(f"a section not of the document's version {self.version}")
        except ValueError as exc:
            raise self._not_it(f"object {key}: {exc}") from None
        return d

    def section_pin(self, key: str) -> SectionPin:
        """Where object ``key``'s section is in the stored document, and its SHA-256: what a
        compaction pins in the object's entry, and what a custody report cites."""
        span = self.spans.get(key)
        if span is None:
            raise IntegrityError(
                f"object {key}: lineage document {self.pin.key} does not name it, though "
                f"manifest {self.pin.sequence} pins it: the document was replaced"
            )
        start, length = span
        digest = hashlib.sha256(self.body[start : start + length]).hexdigest()
        return SectionPin(self.head_length + start, length, digest)

    def check_pins(self, objects: Iterable[ObjectEntry]) -> None:
        """Every entry's ``lineage_section`` (those that have one) is its section here:
        ``IntegrityError`` otherwise."""
        for o in objects:
            if o.section is not None and self.section_pin(o.key) != o.section:
                raise self._not_it(
                    f"object {o.key}: its entry pins another section (offset, length or SHA-256)"
                )

    def not_it(self, why: str) -> IntegrityError:
        """The error for a section that breaks the document's rules."""
        return self._not_it(why)

    def section(self, key: str) -> Section:
        """Object ``key``'s section (``IntegrityError`` when it has none or it is not one)."""
        if key in self._parsed:
            return self._parsed[key]
        d = self.section_json(key)
        try:
            if self.version == FORMAT_VERSION_ARRAYS:
                replaces = _replaced_arrays(d["replaces"])
                sec = Section(key, replaces, ancestors_from_arrays(d["ancestors"]))
            else:
                sec = Section(key, _replaced(d["replaces"]), ancestors_from_json(d["ancestors"]))
            if not sec.replaces:
                raise ValueError("an object without lineage")
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise self._not_it(f"object {key}: {exc}") from None
        self._parsed[key] = sec
        return sec

    def root(self, placed: Placed) -> Ancestor:
        """``placed`` (an object of the pinning manifest) with its ``replaces`` from here."""
        sec = self.section(placed.entry.key)
        e = placed.entry
        return Ancestor(placed.link, e.key, e.ciphertext_sha256, e.plaintext_sha256, sec.replaces)

    def _not_it(self, why: str) -> IntegrityError:
        return IntegrityError(
            f"lineage document {self.pin.key} pinned by manifest {self.pin.sequence} of stream "
            f"{self.stream.name} is not the lineage of that manifest ({why})"
        )


def encode(
    stream: StreamId,
    sequence: int,
    objects: Sequence[ObjectEntry],
    ancestors: Mapping[str, Iterable[Ancestor]],
) -> bytes:
    """``encode_pinned`` without the pins."""
    return encode_pinned(stream, sequence, objects, ancestors)[0]


def encode_pinned(
    stream: StreamId,
    sequence: int,
    objects: Sequence[ObjectEntry],
    ancestors: Mapping[str, Iterable[Ancestor]],
    supersedes: Iterable[str] | None = None,
    *,
    arrays: bool = True,
) -> tuple[bytes, dict[str, SectionPin], ListPin | None]:
    """The stored document of compaction manifest ``sequence``: one line of JSON (the index:
    each object's section by offset and length in the body), then the body, each object's
    section (``objects`` with their ``replaces``; ``ancestors`` by object key) back to back,
    each canonical JSON. A reader of one object's custody parses only its own section. With
    it, each object's section pin (offset in the stored bytes, length, SHA-256), which the
    compaction puts in the object's entry so that custody reads and hashes the section alone.

    ``supersedes`` (format version 3): the manifest's list of superseded keys, as one more
    section after the objects', and its pin for the manifest (``supersedes_section``): a
    compaction of thousands of parts otherwise carries every key in the manifest that every
    reader parses until the next checkpoint, and again in its ledger receipt.

    ``arrays`` (format version 4): each section's items as arrays (``ancestors_arrays``), and
    ``"format_version": 4`` in it, so that a section read alone says its form; ``False``
    writes versions 2 and 3, which readers still read."""
    sections = [
        signed.canonical_v2(
            {
                "key": o.key,
                "format_version": FORMAT_VERSION_ARRAYS,
                "replaces": [[r.key, r.sha256] for r in o.replaces],
                "ancestors": ancestors_arrays(ancestors[o.key]),
            }
            if arrays
            else {
                "key": o.key,
                "replaces": [r.to_json() for r in o.replaces],
                "ancestors": ancestors_json(ancestors[o.key]),
            }
        )
        for o in objects
    ]
    index: list[dict[str, Any]] = []
    offset = 0
    for o, sec in zip(objects, sections, strict=True):
        index.append({"key": o.key, "offset": offset, "length": len(sec)})
        offset += len(sec)
    head: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION_ARRAYS if arrays else FORMAT_VERSION,
        "stream": stream.to_json(),
        "sequence": sequence,
        "objects": index,
    }
    listed = b""
    keys: list[str] = []
    if supersedes is not None:
        keys = sorted(set(supersedes))
        listed = signed.canonical_v2({"supersedes": keys})
        if not arrays:
            head["format_version"] = FORMAT_VERSION_LISTS
        head["supersedes"] = {"offset": offset, "length": len(listed), "count": len(keys)}
    first = signed.canonical_v2(head) + b"\n"
    pins = {
        o.key: SectionPin(len(first) + i["offset"], i["length"], hashlib.sha256(sec).hexdigest())
        for o, i, sec in zip(objects, index, sections, strict=True)
    }
    list_pin = (
        ListPin(len(first) + offset, len(listed), hashlib.sha256(listed).hexdigest(), len(keys))
        if supersedes is not None
        else None
    )
    return first + b"".join(sections) + listed, pins, list_pin


def parse(pin: Link, raw: bytes, stream: StreamId) -> Lineage:
    """The document a manifest of ``stream`` pins, checked: the pinned SHA-256 first (which
    makes form and signature checks needless: the manifest's signature covers the hash), then
    that its index is that manifest's and covers the body exactly. ``IntegrityError``
    otherwise."""
    if hashlib.sha256(raw).hexdigest() != pin.sha256:
        raise IntegrityError(
            f"lineage document {pin.key} does not have the SHA-256 manifest {pin.sequence} of "
            f"stream {stream.name} pins: it was altered or replaced"
        )
    head, newline, body = raw.partition(b"\n")
    try:
        doc = json.loads(head)
        version = doc["format_version"]
        if not newline or doc["format"] != FORMAT or type(version) is not int:
            raise ValueError("not a lineage document")
        if version not in VERSIONS:
            raise ValueError("not a lineage document")
        s = doc["stream"]
        if (s["source"], s["source_type"], s["tenant"]) != (
            stream.source,
            stream.source_type,
            stream.tenant,
        ) or doc["sequence"] != pin.sequence:
            raise ValueError("another manifest's document")
        spans: dict[str, tuple[int, int]] = {}
        offset = 0
        for o in doc["objects"]:
            if o["offset"] != offset or type(o["length"]) is not int or o["length"] < 2:
                raise ValueError("its index does not cover its body in order")
            spans[str(o["key"])] = (offset, o["length"])
            offset += o["length"]
        list_span = None
        if version == FORMAT_VERSION_LISTS or (
            version == FORMAT_VERSION_ARRAYS and "supersedes" in doc
        ):
            at = doc["supersedes"]
            if at["offset"] != offset or type(at["length"]) is not int or at["length"] < 2:
                raise ValueError("its supersedes section is not after the objects' sections")
            if type(at["count"]) is not int or at["count"] < 1:
                raise ValueError("its supersedes section counts no key")
            list_span = (offset, at["length"])
            offset += at["length"]
        elif "supersedes" in doc:
            raise ValueError("a version 2 document holds no supersedes list")
        if offset != len(body) or len(spans) != len(doc["objects"]):
            raise ValueError("its index does not cover its body, or names an object twice")
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise IntegrityError(
            f"lineage document {pin.key} pinned by manifest {pin.sequence} of stream "
            f"{stream.name} is not the lineage of that manifest ({exc})"
        ) from None
    return Lineage(pin, stream, tuple(spans), body, spans, len(raw) - len(body), list_span, version)


def read(store: Store, pin: Link, stream: StreamId) -> Lineage:
    try:
        raw = store.get(pin.key)
    except ObjectNotFound:
        raise IntegrityError(
            f"lineage document {pin.key}, pinned by manifest {pin.sequence} of stream "
            f"{stream.name}, is missing: custody of its compacted objects cannot be shown"
        ) from None
    return parse(pin, raw, stream)


def read_section(store: Store, pin: Link, stream: StreamId, entry: ObjectEntry) -> dict[str, Any]:
    """Object ``entry``'s section of the document ``pin`` names, read alone (a ranged read
    where the store has one) and checked against the section pin in the entry, which the
    signature of the manifest or checkpoint carrying it covers: the rest of the document is
    neither read nor hashed. ``IntegrityError`` when it is missing, altered or not the
    object's."""
    at = entry.section
    if at is None:
        raise IntegrityError(f"object {entry.key}: its entry pins no lineage section")
    try:
        raw = read_range(store, pin.key, at.offset, at.length)
    except ObjectNotFound:
        raise IntegrityError(
            f"lineage document {pin.key}, pinned by manifest {pin.sequence} of stream "
            f"{stream.name}, is missing: custody of its compacted objects cannot be shown"
        ) from None
    if len(raw) != at.length or hashlib.sha256(raw).hexdigest() != at.sha256:
        raise IntegrityError(
            f"lineage document {pin.key}: the section of object {entry.key} does not have the "
            f"SHA-256 its entry in manifest {pin.sequence} of stream {stream.name} pins: the "
            "document was altered or replaced"
        )
    try:
        d = json.loads(raw)
        if not isinstance(d, dict) or d.get("key") != entry.key:
            raise ValueError("another object's section")
        section_form(d)
    except ValueError as exc:
        raise IntegrityError(
            f"lineage document {pin.key} pinned by manifest {pin.sequence} of stream "
            f"{stream.name} is not the lineage of that manifest (object {entry.key}: {exc})"
        ) from None
    return d


def walk(section: Mapping[str, Any]) -> int:
    """Check a section (parsed JSON, either form) holds its object's whole lineage: a
    ``replaces`` that is not empty, each item an ancestor of the section with that ciphertext
    SHA-256, and so on for each ancestor a compaction wrote (its own ``replaces``). Returns how
    many ancestors the lineage reaches (``ValueError`` naming what is wrong). Works on the JSON
    itself: a section of thousands of ancestors makes no value of each."""
    try:
        if section_form(section) == FORMAT_VERSION_ARRAYS:
            known = {o[0]: o[1] for g in section["ancestors"] for o in g[1]}
            replaces: dict[str, Any] = {
                o[0]: o[3] for g in section["ancestors"] for o in g[1] if len(o) > 3
            }
            key_at: Any = 0
            sha_at: Any = 1
        else:
            known = {
                o["key"]: o["ciphertext_sha256"] for g in section["ancestors"] for o in g["objects"]
            }
            replaces = {
                o["key"]: o["replaces"]
                for g in section["ancestors"]
                for o in g["objects"]
                if o.get("replaces")
            }
            key_at, sha_at = "key", "sha256"
        todo = [section["replaces"]]
        if not todo[0]:
            raise ValueError("an object without lineage")
        reached: set[str] = set()
        while todo:
            for r in todo.pop():
                key = r[key_at]
                if known.get(key) != r[sha_at]:
                    raise ValueError(
                        f"its lineage names {key} with a hash no earlier manifest of the stream "
                        "recorded"
                    )
                if key not in reached:
                    reached.add(key)
                    if key in replaces:
                        todo.append(replaces[key])
    except (KeyError, IndexError, TypeError, AttributeError) as exc:
        raise ValueError(f"not a lineage section ({exc!r})") from None
    return len(reached)


def write(store: Store, stream: StreamId, sequence: int, raw: bytes, run_id: str) -> Link:
    """Write a document (before the manifest that pins it: an orphan if that commit never
    happens) and return its pin."""
    key = layout.lineage_key(stream.source, stream.tenant, sequence, run_id)
    sha = hashlib.sha256(raw).hexdigest()
    if not store.put_if_absent(key, raw, sha256_hex=sha) and store.get(key) != raw:
        raise IntegrityError(f"lineage document {key} exists with other content")
    return Link(sequence, key, sha)


class Documents:
    """The lineage documents of one chain, each read and checked once, for the custody of its
    compacted objects (old ones carry their lineage inline and need none)."""

    def __init__(self, store: Store, chain: Chain) -> None:
        self.store = store
        self.chain = chain
        self._pins = chain.pins()
        self._read: dict[int, Lineage] = {}
        self._whole: dict[str, Ancestor] | None = None

    def pin(self, placed: Placed) -> Link:
        """The pin of ``placed``'s manifest: from the chain (checkpoint or manifests read), else
        from that manifest itself, checked against the hash the chain names it by."""
        found = self._pins.get(placed.sequence)
        if found is not None:
            return found
        link = placed.link
        try:
            raw = get_raw(self.store, link.key)
        except ObjectNotFound:
            raise IntegrityError(f"manifest {link.key} disappeared while reading") from None
        if hashlib.sha256(raw).hexdigest() != link.sha256:
            raise IntegrityError(f"manifest {link.key} differs from the one its chain names")
        pin = json.loads(raw).get("lineage")
        if not isinstance(pin, dict):
            raise IntegrityError(
                f"object {placed.entry.key}: manifest {link.key} names no lineage for it"
            )
        found = Link(link.sequence, str(pin["key"]), str(pin["sha256"]))
        self._pins[placed.sequence] = found
        return found

    def of(self, placed: Placed) -> Lineage:
        seq = placed.sequence
        if seq not in self._read:
            self._read[seq] = read(self.store, self.pin(placed), self.chain.head.stream)
        return self._read[seq]

    def ancestry(self, placed: Placed) -> list[tuple[Ancestor, Ancestor]]:
        """``chain.ancestry`` of ``placed``, whichever form its lineage has."""
        if not placed.entry.compacted:
            return []
        if placed.entry.replaces:  # written before lineage documents
            return ancestry_from(Ancestor.of(placed.entry, placed.link), self._written())
        doc = self.of(placed)
        return ancestry_from(doc.root(placed), doc.section(placed.entry.key).known())

    def _written(self) -> dict[str, Ancestor]:
        if self._whole is None:
            self._whole = written(self.chain)
        return self._whole


def of_compaction(
    chain: Chain, store: Store, objects: Sequence[ObjectEntry], parts: Sequence[Placed]
) -> dict[str, tuple[Ancestor, ...]]:
    """The ``ancestors`` of each new object of a compaction (by key; ``objects`` with their
    ``replaces``): every object it replaces, directly or through earlier compactions, from the
    chain (which names ``parts``, the objects replaced) and the documents of compacted parts."""
    docs = Documents(store, chain)
    known = dict(written(chain))
    for p in parts:
        if p.entry.compacted and not p.entry.replaces:
            doc = docs.of(p)
            known.update(doc.section(p.entry.key).known())
            known[p.entry.key] = doc.root(p)
    # (Only a root's ``replaces`` is followed: the new objects have no manifest yet.)
    return {o.key: closure([Ancestor.of(o, chain.head.link)], known) for o in objects}
