"""The writer's dense index (``index_set``) behaves as the frozenset readers parse, and a
commit of entries holding it writes byte for byte the manifest that the same entries holding
frozensets write."""

from __future__ import annotations

import dataclasses
import json
import pickle
from pathlib import Path
from typing import Any

import pytest
import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.archive import integrity, signed
from archiver.archive.catalog.builder import _sharing
from archiver.archive.catalog.model import (
    INDEX_HEX,
    IndexList,
    IndexSet,
    ObjectEntry,
    index_set,
)
from archiver.archive.store_local import LocalStore
from tests.archive.test_commit_once import SIGNER, STATES, _builder, _entry, _index

HEX = st.text(alphabet="0123456789abcdef", min_size=INDEX_HEX, max_size=INDEX_HEX)
# Few letters, so that probes often hit and lists often overlap.
NEAR = st.text(alphabet="0a", min_size=INDEX_HEX, max_size=INDEX_HEX)
ENTRIES = st.lists(HEX | NEAR, max_size=40)
# Any ASCII, so that some entries need escaping (a quote, a backslash, a control character).
ASCII = st.text(alphabet=st.characters(max_codepoint=0x7F), min_size=INDEX_HEX, max_size=INDEX_HEX)


@settings(max_examples=300)
@given(ENTRIES, ENTRIES, st.lists(HEX | NEAR | st.text(max_size=20), max_size=10))
def test_an_index_set_is_the_frozenset_of_its_entries(
    entries: list[str], other: list[str], probes: list[str]
) -> None:
    dense, plain = index_set(entries), frozenset(entries)
    assert isinstance(dense, IndexSet)
    assert dense == plain and plain == dense
    assert hash(dense) == hash(plain)
    assert len(dense) == len(plain) and bool(dense) == bool(plain)
    assert list(dense) == dense.in_order() == sorted(plain)
    for probe in [*entries, *other, *probes]:
        assert (probe in dense) == (probe in plain)
    assert 1 not in dense
    others = set(other)
    assert dense.isdisjoint(others) == plain.isdisjoint(others)
    for op in ("__or__", "__and__", "__sub__", "__xor__"):
        got = getattr(dense, op)(others)
        assert type(got) is frozenset and got == getattr(plain, op)(others)
    merged = set(others)
    merged |= dense
    assert merged == others | plain
    assert others - dense == others - plain
    assert pickle.loads(pickle.dumps(dense)) == dense
    assert (dense == index_set(other)) == (plain == frozenset(other))


def test_indexes_not_of_index_entries_stay_frozensets() -> None:
    odd = ["short", "0" * INDEX_HEX]
    assert type(index_set(odd)) is frozenset and index_set(odd) == frozenset(odd)
    assert type(index_set(["é" * INDEX_HEX])) is frozenset


def _json(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


@settings(max_examples=300)
@given(st.lists(HEX | NEAR | ASCII, max_size=40), ENTRIES)
def test_an_index_list_encodes_and_compares_as_the_list_it_stands_for(
    entries: list[str], other: list[str]
) -> None:
    """The commit's dense form of an index gives the bytes and equality of the list of
    strings it replaced: alone, spliced into a document, in RFC 8785 form, and signed."""
    dense = index_set(entries)
    assert isinstance(dense, IndexSet)
    listed, old = dense.listed(), dense.in_order()
    assert listed.json_bytes() == _json(old)
    assert listed == old and old == listed and listed == dense.listed()
    assert list(listed) == old and len(listed) == len(old)
    assert [listed[i] for i in range(-len(old), len(old))] == old + old
    assert listed[1:-1] == old[1:-1]
    with pytest.raises(IndexError):
        listed[len(old)]
    for unlike in (
        old[:-1],
        [*old, "0" * INDEX_HEX],
        old[::-1],
        sorted(set(other)),
        ["x"] * len(old),
    ):
        assert (listed == unlike) == (old == unlike) and (unlike == listed) == (unlike == old)
    assert listed != tuple(old) and listed != "".join(old)
    dense_doc: dict[str, Any] = {
        "format_version": 2,
        "objects": [{"key": "k", "ciphertext_sha256": "0", "subjects": listed}, {"key": "j"}],
        "state": {"seen": {}},
    }
    plain_doc = dense_doc | {
        "objects": [{"key": "k", "ciphertext_sha256": "0", "subjects": old}, {"key": "j"}]
    }
    want = rfc8785.dumps(plain_doc)
    assert signed.canonical_v1(dense_doc) == signed.canonical_v1(plain_doc) == want
    assert signed.is_stored_form(want + b"\n", dense_doc, unusual=False)
    assert not signed.is_stored_form(want.replace(b"k", b"j") + b"\n", dense_doc, unusual=False)
    raw = signed.draft(dense_doc, SIGNER)
    assert raw is not None and raw == signed.draft(plain_doc, SIGNER) == signed.sign(
        plain_doc, SIGNER
    )
    back, unusual = signed.loads(raw, object_hook=_sharing(dense_doc))
    assert back["objects"][0]["subjects"] is listed and signed.proves(back, unusual, dense_doc)


def test_a_document_holding_the_encoders_mark_is_not_spliced() -> None:
    """The mark a spliced value stands in for while the rest is encoded, found elsewhere in
    the document: encoding refuses (the pieces would not be where they belong), drafting
    gives up, and the plain document still encodes."""
    listed = index_set(_index(3, "s")).listed()  # type: ignore[attr-defined]
    doc = {"format_version": 2, "a": signed._MARK, "b": listed}
    with pytest.raises(ValueError, match="mark"):
        signed.canonical_v1(doc)
    assert signed.draft(doc, SIGNER) is None
    plain = doc | {"b": list(listed)}
    assert signed.canonical_v1(plain) == rfc8785.dumps(plain)


def test_equal_indexes_share_their_strings() -> None:
    """The masked and the sealed object of the same rows hold one copy of their index."""
    a, b = index_set(_index(50, "s")), index_set(list(reversed(_index(50, "s"))))
    assert a == b and a is not b
    assert all(x is y for x, y in zip(a.in_order(), b.in_order(), strict=True))  # type: ignore[attr-defined]


def _dense(e: ObjectEntry) -> ObjectEntry:
    return dataclasses.replace(
        e,
        subjects=index_set(e.subjects),
        sessions=None if e.sessions is None else index_set(e.sessions),
    )


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("shape", [(3, 40, 12), (12, 300, 50), (1, 0, 0)])
def test_a_commit_of_dense_entries_writes_the_same_manifest(
    tmp_path: Path, state: dict[str, Any], shape: tuple[int, int, int]
) -> None:
    n, n_sessions, n_subjects = shape
    sessions, subjects = _index(n_sessions, "s"), _index(n_subjects, "p")
    plain = [_entry(i, sessions[i // 2 :: n], subjects[i // 2 :: n]) for i in range(n)]
    plain.append(dataclasses.replace(_entry(n, [], subjects[:2]), sessions=None))
    dense = [_dense(e) for e in plain]
    assert dense == plain and any(isinstance(e.subjects, IndexSet) for e in dense)
    before = _builder(state, plain).commit(LocalStore(tmp_path / "frozensets"))
    after = _builder(state, dense).commit(LocalStore(tmp_path / "dense"))
    assert after.raw == before.raw
    read, problem = integrity.check_manifest(after.key, after.raw, None)
    assert problem is None and read is not None
    assert list(read.objects) == list(after.objects) == dense
    assert after == read  # the document included: the writer's index lists equal the read ones
    listed = [o[k] for o in after.doc["objects"] for k in ("subjects", "sessions") if k in o]
    # Dense where the draft is RFC 8785's (not with STATES[1]'s characters from U+E000 on).
    assert any(isinstance(v, IndexList) for v in listed) == (state is STATES[0])
