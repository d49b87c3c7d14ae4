"""The commit reads its manifest back piece by piece (``signed.loads_spliced``: the bytes
around the index lists, then each list apart): the same value as decoding the bytes whole,
for any document and any spans, and the same stored bytes and signature as before."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.archive import integrity, signed
from archiver.archive.catalog.model import IndexList, IndexSet, index_set
from archiver.archive.store_local import LocalStore
from tests.archive.test_commit_once import SIGNER, STATES, _builder, _entry, _index
from tests.archive.test_index_set import ASCII, HEX, NEAR, _dense

LISTED = (
    st.lists(HEX | NEAR | ASCII, max_size=12)
    .map(index_set)
    .filter(lambda s: isinstance(s, IndexSet))
    .map(lambda s: s.listed())
)  # type: ignore[attr-defined]
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**53) + 1, max_value=2**53 - 1)
    | st.text(alphabet=st.characters(max_codepoint=0xD7FF), max_size=8)
)
KEYS = st.text(alphabet=st.characters(max_codepoint=0xD7FF), max_size=6)
VALUES = st.recursive(
    SCALARS | LISTED,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=20,
)


def _plain(value: Any) -> Any:
    """The document with each ``IndexList`` as the list of strings it stands for."""
    if isinstance(value, IndexList):
        return list(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _hooked(raw: bytes, spans: list[signed.Span] | None) -> tuple[Any, Any]:
    """The value read and the objects the hook saw (sorted by their JSON: the order
    differs), whole (``spans`` None) or piece by piece."""
    seen: list[str] = []

    def hook(obj: dict[str, Any]) -> dict[str, Any]:
        seen.append(json.dumps(obj, sort_keys=True))
        return obj

    if spans is None:
        back = signed.loads(raw, object_hook=hook)
    else:
        back = signed.loads_spliced(raw, spans, object_hook=hook)
    return back, sorted(seen)


@settings(max_examples=300)
@given(st.dictionaries(st.text(alphabet="abcz", max_size=3), VALUES, max_size=5), LISTED)
def test_a_draft_read_piece_by_piece_is_the_draft_read_whole(
    members: dict[str, Any], listed: IndexList
) -> None:
    """Spliced lists anywhere (a member's value, or inside a list: then it is read whole):
    the draft is the plain document's signed bytes, its spans are the lists' bytes, and
    reading it piece by piece gives what reading it whole gives, hook included."""
    doc = {"format_version": 2, "objects": [{"key": "k", "subjects": listed}], **members}
    drafted = signed.draft_spans(doc, SIGNER)
    raw = signed.draft(doc, SIGNER)
    plain = _plain(doc)
    if drafted is None:  # characters from U+E000 on: no draft, dense or plain
        assert raw is None and signed.draft(plain, SIGNER) is None
        return
    assert drafted[0] == raw == signed.draft(plain, SIGNER) == signed.sign(plain, SIGNER)
    raw, spans = drafted
    assert len(spans) >= 1 and spans == sorted(spans)
    for a, n in spans:
        assert isinstance(json.loads(raw[a : a + n]), list)
    assert listed.json_bytes() in {raw[a : a + n] for a, n in spans}
    assert _hooked(raw, spans) == _hooked(raw, None)
    back, unusual = signed.loads_spliced(raw, spans)
    assert back == json.loads(raw) and not unusual
    assert signed.proves(back, unusual, doc) and back == plain | {"signature": back["signature"]}


@settings(max_examples=300)
@given(
    VALUES.map(_plain) | st.floats(allow_nan=False) | st.integers(),
    st.lists(st.tuples(st.integers(0, 200), st.integers(0, 40)), max_size=4),
    st.binary(max_size=3),
    st.integers(0, 200),
)
def test_any_spans_read_what_the_bytes_read_whole(
    value: Any, cuts: list[tuple[int, int]], noise: bytes, at: int
) -> None:
    """Spans anywhere, in any bytes (a cut through a token or a character, a string, a key,
    bytes altered): the value and what is unusual are those of the bytes read whole, or both
    raise ``ValueError``."""
    doc = json.dumps({"a": value, "b": [value, {"c": value}]}, ensure_ascii=False).encode()
    raw = doc[:at] + noise + doc[at:]
    spans = sorted(cuts)
    try:
        whole: Any = signed.loads(raw)
    except ValueError:
        whole = ValueError
    try:
        pieces: Any = signed.loads_spliced(raw, spans)
    except ValueError:
        pieces = ValueError
    assert pieces == whole


def test_a_mark_inside_the_bytes_is_read_whole() -> None:
    """The bytes holding the mark's nonce: read whole, not piece by piece (a mark found
    there would not be one the reader put)."""
    listed = index_set(_index(3, "s")).listed()  # type: ignore[attr-defined]
    doc = {"format_version": 2, "a": signed._MARK[1:], "b": listed}
    drafted = signed.draft_spans(doc, SIGNER)
    assert drafted is not None
    raw, spans = drafted
    assert signed.loads_spliced(raw, spans) == signed.loads(raw)
    moved = [(a + 1, n) for a, n in spans]  # a span that is not the list: read whole too
    assert signed.loads_spliced(raw, moved) == signed.loads(raw)


def test_a_commit_of_thousands_of_entries_is_rfc8785_signed(tmp_path: Path) -> None:
    """A few thousand index entries committed dense (drafted with spans, read back piece by
    piece): the bytes of the same entries as frozensets, RFC 8785's, signed over RFC 8785's
    form of the document without its signature."""
    sessions, subjects = _index(4000, "s"), _index(1500, "p")
    n = 30
    plain = [_entry(i, sessions[i // 2 :: n], subjects[i // 2 :: n]) for i in range(n)]
    dense = [_dense(e) for e in plain]
    after = _builder(STATES[0], dense).commit(LocalStore(tmp_path / "dense"))
    before = _builder(STATES[0], plain).commit(LocalStore(tmp_path / "frozensets"))
    assert after.raw == before.raw
    doc = json.loads(after.raw)
    assert after.raw == rfc8785.dumps(doc) + b"\n"
    assert SIGNER.verifier.verify(rfc8785.dumps(signed.body(doc)), doc["signature"]["value"])
    read, problem = integrity.check_manifest(after.key, after.raw, SIGNER.verifier)
    assert problem is None and read == after and list(read.objects) == dense
    assert sum(len(o.sessions or ()) for o in read.objects) >= 4000
