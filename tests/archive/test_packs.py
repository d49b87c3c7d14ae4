"""Manifest packs on their own: the bytes round-trip, names parse, and any change to a pack (a
byte of a manifest, or of the index) is refused."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.archive import layout
from archiver.archive.catalog import packs
from archiver.archive.catalog.packs import PackError, PackName
from archiver.archive.store_local import LocalStore

SRC, TENANT = "peki main/ü", "bot..1"

manifest_bytes = st.lists(st.binary(min_size=1, max_size=40), min_size=1, max_size=6)


def _pack(bodies: list[bytes], first: int = 1) -> tuple[PackName, bytes]:
    last = first + len(bodies) - 1
    name = PackName(layout.pack_key(SRC, TENANT, first, last), SRC, TENANT, first, last)
    items = [
        (first + i, layout.manifest_key(SRC, TENANT, first + i), body)
        for i, body in enumerate(bodies)
    ]
    return name, packs.build(SRC, TENANT, items)


@given(manifest_bytes, st.integers(1, 10**6))
def test_a_pack_gives_back_every_manifest_byte_for_byte(bodies: list[bytes], first: int) -> None:
    name, raw = _pack(bodies, first)
    pack = packs.parse(name, raw)
    for i, body in enumerate(bodies):
        key = layout.manifest_key(SRC, TENANT, first + i)
        assert pack.get(key) == body
        assert pack.sha256[key] == hashlib.sha256(body).hexdigest()
    assert len(pack.manifests) == len(bodies)
    with pytest.raises(PackError, match="does not hold"):
        pack.get(layout.manifest_key(SRC, TENANT, first + len(bodies)))


@settings(max_examples=300)
@given(manifest_bytes, st.data())
def test_any_changed_byte_of_a_pack_is_refused(bodies: list[bytes], data: st.DataObject) -> None:
    """Index or body, whatever byte changes, the pack is refused (never other bytes read)."""
    name, raw = _pack(bodies)
    at = data.draw(st.integers(0, len(raw) - 1), label="position")
    new = data.draw(st.integers(0, 255).filter(lambda b: b != raw[at]), label="byte")
    changed = raw[:at] + bytes([new]) + raw[at + 1 :]
    with pytest.raises(PackError):
        packs.parse(name, changed)


def _index(raw: bytes) -> tuple[dict[str, object], bytes]:
    head, _, body = raw.partition(b"\n")
    return json.loads(head), body


def _with_index(index: dict[str, object], body: bytes) -> bytes:
    return json.dumps(index, sort_keys=True, separators=(",", ":")).encode() + b"\n" + body


def test_a_consistent_but_changed_index_is_refused() -> None:
    """Index edits that keep it well-formed JSON: swapped entries, an entry left out, another
    stream, a hash made to match changed bytes elsewhere, bytes appended."""
    name, raw = _pack([b"one", b"two", b"three"])
    index, body = _index(raw)
    entries = index["manifests"]
    assert isinstance(entries, list)

    swapped = dict(index, manifests=[entries[1], entries[0], entries[2]])
    left_out = dict(index, manifests=entries[:2])
    other = dict(index, stream={"source": "other", "tenant": TENANT})
    moved = dict(index, manifests=[dict(entries[0], offset=1), *entries[1:]])
    for bad in (swapped, left_out, other, moved):
        with pytest.raises(PackError):
            packs.parse(name, _with_index(bad, body))
    with pytest.raises(PackError, match="after the last"):
        packs.parse(name, raw + b"x")
    # The key names manifests 1-3: a pack renamed to hold 2-4 is refused.
    renamed = PackName(layout.pack_key(SRC, TENANT, 2, 4), SRC, TENANT, 2, 4)
    with pytest.raises(PackError, match="other manifests"):
        packs.parse(renamed, raw)


def test_pack_names_parse_and_only_canonical_ones() -> None:
    key = layout.pack_key(SRC, TENANT, 1, 99)
    assert key == "packs/source=peki%20main%2F%C3%BC/tenant=bot..1/0000000001-0000000099.pack"
    assert layout.parse_pack(key) == (SRC, TENANT, 1, 99)
    assert PackName.parse(key) == PackName(key, SRC, TENANT, 1, 99)
    for bad in (
        "packs/source=a/tenant=b/1-99.pack",
        "packs/source=a/tenant=b/0000000009-0000000001.pack",
        "packs/source=a/tenant=b/0000000000-0000000001.pack",
        "packs/source=a/tenant=b/0000000001-0000000002.json",
        "packs/source=a/0000000001-0000000002.pack",
        "manifests/source=a/tenant=b/0000000001-0000000002.pack",
    ):
        assert layout.parse_pack(bad) is None, bad


def test_the_pack_reaching_furthest_is_read() -> None:
    a = PackName.parse(layout.pack_key(SRC, TENANT, 1, 10))
    b = PackName.parse(layout.pack_key(SRC, TENANT, 1, 30))
    assert a is not None and b is not None
    assert packs.covering([a, b], 5) == b
    assert packs.covering([a, b], 31) is None
    assert packs.packed_sequences([a, b]) == {(SRC, TENANT): set(range(1, 31))}


@pytest.mark.parametrize(
    ("names", "upto", "expected"),
    [
        ([], 0, 0),  # no checkpoint: nothing to pack
        ([], 2, 2),
        ([(1, 2)], 2, 0),  # already packed
        ([(1, 2)], 5, 3),  # a new segment of what is new: 3..5
        ([(1, 2), (3, 5), (1, 5)], 7, 2),  # after an interrupted merge: 6..7
        ([(1, 8)], 5, 0),  # a pack reaching past the checkpoint is kept whole
    ],
)
def test_what_a_new_segment_holds(names: list[tuple[int, int]], upto: int, expected: int) -> None:
    parsed = [PackName.parse(layout.pack_key(SRC, TENANT, f, t)) for f, t in names]
    assert packs.pending([n for n in parsed if n is not None], upto) == expected


def test_packs_a_merged_one_contains_are_left_out() -> None:
    names = [
        PackName.parse(layout.pack_key(SRC, TENANT, f, t))
        for f, t in [(3, 5), (1, 2), (1, 5), (6, 9)]
    ]
    outer = packs._outermost([n for n in names if n is not None])
    assert [(n.first, n.last) for n in outer] == [(1, 5), (6, 9)]


checkpoint_bytes = st.lists(st.binary(min_size=1, max_size=40), min_size=1, max_size=4)


def _pack_v2(bodies: list[bytes], cps: list[bytes]) -> tuple[PackName, bytes, dict[str, bytes]]:
    """Manifests 1..n and checkpoints covering 1, 2, … (at most n) after them."""
    name, _ = _pack(bodies)
    items = [(1 + i, layout.manifest_key(SRC, TENANT, 1 + i), b) for i, b in enumerate(bodies)]
    held = [(1 + i, layout.checkpoint_key(SRC, TENANT, 1 + i), b) for i, b in enumerate(cps)]
    raw = packs.build(SRC, TENANT, items, held)
    return name, raw, {k: b for _, k, b in held}


@given(manifest_bytes, checkpoint_bytes)
def test_a_version_2_pack_gives_back_its_checkpoints_byte_for_byte(
    bodies: list[bytes], cps: list[bytes]
) -> None:
    cps = cps[: len(bodies)]
    name, raw, held = _pack_v2(bodies, cps)
    index, _ = _index(raw)
    assert index["format_version"] == 2
    pack = packs.parse(name, raw)
    assert dict(pack.checkpoints) == held
    assert [pack.get(layout.manifest_key(SRC, TENANT, 1 + i)) for i in range(len(bodies))] == bodies
    # Without checkpoints, a pack is written as version 1, as before.
    _, plain = _pack(bodies)
    assert _index(plain)[0]["format_version"] == 1
    assert packs.parse(name, plain).checkpoints == {}


@settings(max_examples=300)
@given(manifest_bytes, checkpoint_bytes, st.data())
def test_any_changed_byte_of_a_version_2_pack_is_refused(
    bodies: list[bytes], cps: list[bytes], data: st.DataObject
) -> None:
    name, raw, _ = _pack_v2(bodies, cps[: len(bodies)])
    at = data.draw(st.integers(0, len(raw) - 1), label="position")
    new = data.draw(st.integers(0, 255).filter(lambda b: b != raw[at]), label="byte")
    with pytest.raises(PackError):
        packs.parse(name, raw[:at] + bytes([new]) + raw[at + 1 :])


def test_a_version_2_index_out_of_rule_is_refused() -> None:
    """Checkpoints out of order, past the last manifest, under another key, left out of a
    version 2 pack, or listed in a version 1 pack."""
    name, raw, _ = _pack_v2([b"one", b"two", b"three"], [b"cp1", b"cp2"])
    index, body = _index(raw)
    cps = index["checkpoints"]
    assert isinstance(cps, list)
    swapped = dict(index, checkpoints=[cps[1], cps[0]])
    past = dict(
        index,
        checkpoints=[cps[0], dict(cps[1], sequence=4, key=layout.checkpoint_key(SRC, TENANT, 4))],
    )
    elsewhere = dict(index, checkpoints=[cps[0], dict(cps[1], key="checkpoints/x/y/2.json")])
    none = dict(index, checkpoints=[])
    old = dict(index, format_version=1)
    for bad in (swapped, past, elsewhere, none, old):
        with pytest.raises(PackError):
            packs.parse(name, _with_index(bad, body))
    # The checkpoints' bytes cut off: refused, never read short.
    with pytest.raises(PackError):
        packs.parse(name, raw[:-1])


# --- segments -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Manifest:
    """What packing reads of a manifest (its chain was read and checked by the caller)."""

    sequence: int
    key: str
    raw: bytes


def _stream(store: LocalStore, chain: list[_Manifest], upto: int, size: int) -> None:
    """Manifests up to ``upto`` of ``size`` bytes each, in their own objects."""
    for n in range(len(chain) + 1, upto + 1):
        key = layout.manifest_key(SRC, TENANT, n)
        raw = (f"{n:06d}".encode() * size)[:size]
        assert store.put_if_absent(key, raw)
        chain.append(_Manifest(n, key, raw))


def _checkpoint(store: LocalStore, n: int) -> tuple[str, bytes]:
    key = layout.checkpoint_key(SRC, TENANT, n)
    raw = f"checkpoint {n}".encode() * 50
    assert store.put_if_absent(key, raw)
    return key, raw


def _spans(store: LocalStore) -> list[tuple[int, int]]:
    return [(n.first, n.last) for n in packs.listed(store, SRC, TENANT)]


def test_segments_hold_what_is_new_and_merge_when_the_older_is_no_larger(tmp_path: Path) -> None:
    store = LocalStore(tmp_path)
    chain: list[_Manifest] = []
    _stream(store, chain, 10, size=1000)
    _checkpoint(store, 10)
    done = packs.write_pack(store, SRC, TENANT, chain, 9)  # type: ignore[arg-type]
    assert _spans(store) == [(1, 9)] and done.manifests == 9
    # Small manifests since: a segment of only those, beside the larger first one.
    _stream(store, chain, 14, size=100)
    _checkpoint(store, 14)
    cp10 = layout.checkpoint_key(SRC, TENANT, 10)
    done = packs.write_pack(store, SRC, TENANT, chain, 13)  # type: ignore[arg-type]
    assert _spans(store) == [(1, 9), (10, 13)] and done.manifests == 4
    assert cp10 in done.deleted  # the old checkpoint went into the new segment
    # Large ones: the new segment outweighs the one before, and the two merge (then with
    # the first one too, now no larger than the merged one).
    _stream(store, chain, 30, size=1000)
    _checkpoint(store, 30)
    done = packs.write_pack(store, SRC, TENANT, chain, 29)  # type: ignore[arg-type]
    assert _spans(store) == [(1, 29)]
    assert layout.pack_key(SRC, TENANT, 1, 9) in done.deleted
    shelf = packs.Shelf(store, SRC, TENANT)
    assert all(shelf.get(m.key) == m.raw for m in chain[:29])
    assert set(shelf.checkpoints()) == {cp10, layout.checkpoint_key(SRC, TENANT, 14)}
    assert [i.key for i in store.list(layout.stream_prefix(SRC, TENANT))] == [chain[29].key]
    # Nothing new: nothing written.
    assert packs.write_pack(store, SRC, TENANT, chain, 29).pack is None  # type: ignore[arg-type]


def test_an_interrupted_merge_is_finished_only_where_the_merged_pack_holds_the_bytes(
    tmp_path: Path,
) -> None:
    """A crash after the merged pack was written leaves it beside the segments it holds: the
    next packing deletes a segment only when the merged pack holds its very bytes."""
    store = LocalStore(tmp_path)
    chain: list[_Manifest] = []
    _stream(store, chain, 8, size=200)
    items = [(m.sequence, m.key, m.raw) for m in chain]
    for first, last in ((1, 4), (5, 7), (1, 7)):
        body = packs.build(SRC, TENANT, items[first - 1 : last])
        assert store.put_if_absent(layout.pack_key(SRC, TENANT, first, last), body)
    # A segment that differs from what the merged pack holds (one was replaced) stays.
    other = [(s, k, raw + b" ") if s == 2 else (s, k, raw) for s, k, raw in items[:3]]
    assert store.put_if_absent(layout.pack_key(SRC, TENANT, 1, 3), packs.build(SRC, TENANT, other))
    done = packs.write_pack(store, SRC, TENANT, chain, 7)  # type: ignore[arg-type]
    assert sorted(done.deleted) == sorted(
        [layout.pack_key(SRC, TENANT, 1, 4), layout.pack_key(SRC, TENANT, 5, 7)]
        + [m.key for m in chain[:7]]
    )
    assert _spans(store) == [(1, 3), (1, 7)]
