"""Lineage documents in both section forms: version 4 (items as arrays, what compaction
writes) and versions 2 and 3 (items as objects, what older archives hold) say the same
lineage; a changed byte of a version 4 section is refused by its pin."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.archive.catalog import lineage
from archiver.archive.catalog.model import (
    Ancestor,
    Link,
    ObjectEntry,
    Partition,
    Replaced,
    StreamId,
)
from archiver.archive.store_local import LocalStore
from archiver.errors import IntegrityError
from tests import format_reader as fr

STREAM = StreamId("src", "peki", "bot1")
SEQUENCE = 90


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _entry(key: str, replaces: tuple[Replaced, ...]) -> ObjectEntry:
    return ObjectEntry(
        key=key,
        table="messages",
        sealed=True,
        partition=Partition("src", "bot1", "2026-01-01"),
        rows=1,
        plaintext_size=1,
        ciphertext_size=1,
        plaintext_sha256=_sha("p" + key),
        ciphertext_sha256=_sha("c" + key),
        time_min="2026-01-01T00:00:00.000Z",
        time_max="2026-01-01T00:00:00.000Z",
        subjects=frozenset(),
        replaces=replaces,
    )


@st.composite
def lineages(draw: st.DrawFn) -> tuple[list[ObjectEntry], dict[str, tuple[Ancestor, ...]]]:
    """Objects of one compaction and their ancestors: crawls' parts over several manifests,
    some of them compacted earlier from parts before them."""
    n = draw(st.integers(1, 12))
    ancestors: list[Ancestor] = []
    for i in range(n):
        seq = i // draw(st.integers(1, 3)) + 1
        link = Link(seq, f"manifests/{seq:010d}.json", _sha(f"m{seq}"))
        key = f"sealed/part-{i:03d}"
        earlier = [a for a in ancestors if a.sequence < seq]
        picked = draw(st.lists(st.sampled_from(earlier), unique=True)) if earlier else []
        replaces = tuple(Replaced(a.key, a.ciphertext_sha256) for a in picked)
        ancestors.append(Ancestor(link, key, _sha("c" + key), _sha("p" + key), replaces))
    objects = []
    per_object: dict[str, tuple[Ancestor, ...]] = {}
    for j in range(draw(st.integers(1, 3))):
        chosen = draw(st.lists(st.sampled_from(ancestors), min_size=1, unique=True))
        key = f"sealed/compact-{j}"
        objects.append(_entry(key, tuple(Replaced(a.key, a.ciphertext_sha256) for a in chosen)))
        ordered = sorted(ancestors, key=lambda a: (a.sequence, a.key))
        per_object[key] = tuple(ordered)
    return objects, per_object


def _parse(raw: bytes) -> lineage.Lineage:
    return lineage.parse(Link(SEQUENCE, "lineage/x.json", _sha_bytes(raw)), raw, STREAM)


def _sha_bytes(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


@settings(max_examples=60, deadline=None)
@given(lineages(), st.booleans())
def test_both_forms_say_the_same_lineage(
    drawn: tuple[list[ObjectEntry], dict[str, tuple[Ancestor, ...]]], listed: bool
) -> None:
    objects, ancestors = drawn
    supersedes = ["sealed/part-000"] if listed else None
    new, _, new_list = lineage.encode_pinned(STREAM, SEQUENCE, objects, ancestors, supersedes)
    old, _, old_list = lineage.encode_pinned(
        STREAM, SEQUENCE, objects, ancestors, supersedes, arrays=False
    )
    v4, v_old = _parse(new), _parse(old)
    assert v4.version == 4 and v_old.version == (3 if listed else 2)
    assert (new_list is None, old_list is None) == (not listed, not listed)
    assert (v4.list_span is None) == (not listed)
    assert len(new) < len(old)
    for o in objects:
        a, b = v4.section(o.key), v_old.section(o.key)
        assert a == b and a.replaces == o.replaces and a.ancestors == ancestors[o.key]
        arrays, dicts = v4.section_json(o.key), v_old.section_json(o.key)
        assert lineage.walk(arrays) == lineage.walk(dicts) > 0
        # The outsider's reader turns the array form into the objects form, item for item.
        assert fr.section_objects(arrays) == dicts


def _store_with(tmp: Path, raw: bytes) -> LocalStore:
    store = LocalStore(tmp)
    store.put_if_absent("lineage/x.json", raw, sha256_hex=_sha_bytes(raw))
    return store


@settings(max_examples=30, deadline=None)
@given(lineages(), st.data())
def test_a_changed_byte_of_a_version_4_section_is_refused(
    tmp_path_factory: pytest.TempPathFactory,
    drawn: tuple[list[ObjectEntry], dict[str, tuple[Ancestor, ...]]],
    data: st.DataObject,
) -> None:
    objects, ancestors = drawn
    raw, pins, _ = lineage.encode_pinned(STREAM, SEQUENCE, objects, ancestors)
    o = data.draw(st.sampled_from(objects))
    entry = dataclasses.replace(o, replaces=(), section=pins[o.key])
    pin = Link(SEQUENCE, "lineage/x.json", _sha_bytes(raw))
    tmp = tmp_path_factory.mktemp("lineage")
    section = lineage.read_section(_store_with(tmp / "good", raw), pin, STREAM, entry)
    assert section["format_version"] == 4 and lineage.walk(section) > 0
    at = pins[o.key].offset + data.draw(st.integers(0, pins[o.key].length - 1))
    changed = raw[:at] + bytes([raw[at] ^ data.draw(st.integers(1, 255))]) + raw[at + 1 :]
    with pytest.raises(IntegrityError, match="does not have the SHA-256"):
        lineage.read_section(_store_with(tmp / "bad", changed), pin, STREAM, entry)


def test_a_section_in_the_other_form_than_its_document_is_refused() -> None:
    """A version 4 document whose section is of the objects form (or the reverse) is not a
    lineage document this program wrote: refused, though each form alone reads."""
    ancestor = Ancestor(Link(1, "manifests/1.json", _sha("m1")), "sealed/p", _sha("c"), _sha("p"))
    o = _entry("sealed/compact-0", (Replaced("sealed/p", _sha("c")),))
    new = lineage.encode(STREAM, SEQUENCE, [o], {o.key: (ancestor,)})
    head, _, body = new.partition(b"\n")
    section = json.loads(body)
    old_body = lineage.encode_pinned(STREAM, SEQUENCE, [o], {o.key: (ancestor,)}, arrays=False)[
        0
    ].partition(b"\n")[2]
    index = json.loads(head)
    index["objects"][0]["length"] = len(old_body)
    mixed = json.dumps(index, separators=(",", ":")).encode() + b"\n" + old_body
    with pytest.raises(IntegrityError, match="not of the document's version"):
        _parse(mixed).section(o.key)
    assert section["format_version"] == 4
    unknown = dict(section, format_version=5)
    with pytest.raises(ValueError, match="unknown form"):
        lineage.walk(unknown)
