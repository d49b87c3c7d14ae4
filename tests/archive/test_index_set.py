"""The writer's dense index (``index_set``) behaves as the frozenset readers parse, and a
commit of entries holding it writes byte for byte the manifest that the same entries holding
frozensets write."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.archive import integrity
from archiver.archive.catalog.model import (
    INDEX_HEX,
    IndexSet,
    ObjectEntry,
    index_set,
)
from archiver.archive.store_local import LocalStore
from tests.archive.test_commit_once import STATES, _builder, _entry, _index

HEX = st.text(alphabet="0123456789abcdef", min_size=INDEX_HEX, max_size=INDEX_HEX)
# Few letters, so that probes often hit and lists often overlap.
NEAR = st.text(alphabet="0a", min_size=INDEX_HEX, max_size=INDEX_HEX)
ENTRIES = st.lists(HEX | NEAR, max_size=40)


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
