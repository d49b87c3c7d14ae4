"""A commit encodes its manifest once and reads it back once, and writes the same bytes as
signing the document in RFC 8785 form: ``signed.sign`` against a reference built on
``rfc8785.dumps`` for any document, and whole commits against the reference signing of the
same document. The Manifest a commit returns is what readers parse from the stored bytes,
holding the writer's own entries."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path
from typing import Any

import pytest
import rfc8785
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.archive import integrity, signed
from archiver.archive.catalog.builder import ManifestBuilder, Provenance, _sharing
from archiver.archive.catalog.model import (
    INDEX_HEX,
    ObjectEntry,
    Partition,
    Replaced,
    RunInfo,
    StreamId,
)
from archiver.archive.store import ObjectNotFound
from archiver.archive.store_local import LocalStore
from archiver.errors import IntegrityError
from archiver.keys import Signer
from tests.archive.test_written_form import values

SIGNER = Signer(Ed25519PrivateKey.generate())
PROVENANCE = Provenance(SIGNER, {"version": "1", "sha256": "0" * 64}, {"masked": [], "sealed": []})
RUN = RunInfo("r1", "2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z", "complete", True)
STREAM = StreamId("src", "peki", "bot/1")


def _reference(doc: dict[str, Any]) -> bytes | type[Exception]:
    """What signing meant before: the body and then the whole in RFC 8785 form."""
    unsigned = {k: v for k, v in doc.items() if k != "signature"}
    try:
        signature = {
            "algorithm": signed.SIGNATURE_ALGORITHM,
            "key_id": SIGNER.verifier.key_id,
            "value": SIGNER.sign(rfc8785.dumps(unsigned)),
        }
        return rfc8785.dumps(unsigned | {"signature": signature}) + b"\n"
    except (rfc8785.CanonicalizationError, ValueError, TypeError):
        return Exception


@settings(max_examples=300)
@given(
    st.dictionaries(st.text() | st.sampled_from(["signature", "state", "a", "z"]), values),
    st.booleans(),
)
def test_sign_writes_rfc8785(doc: dict[str, Any], stale_signature: bool) -> None:
    if stale_signature:
        doc["signature"] = {"value": "old"}  # replaced, never signed
    _signs_as_reference(doc)


def _signs_as_reference(doc: dict[str, Any]) -> None:
    """``signed.sign`` gives the reference's bytes, or fails where it fails."""
    doc["format_version"] = 2
    want = _reference(doc)
    if want is Exception:
        with pytest.raises((rfc8785.CanonicalizationError, ValueError, TypeError)):
            signed.sign(doc, SIGNER)
    else:
        assert signed.sign(doc, SIGNER) == want


@pytest.mark.parametrize(
    "doc",
    [
        {"v": 1.0},  # json.dumps "1.0", RFC 8785 "1"
        {"v": 2**53},  # beyond RFC 8785's integers
        {"v": (1, 2)},  # a tuple: a list in both
        {"v": {1: "a"}},  # a key json.dumps would write as "1"
        {"v": {"\U0001f600": 1, "\uff21": 2}},  # keys sorted differently by the two
        {"\U0001f600": 1, "\uff21": 2, "t": "ok"},  # top-level ones too
        {"\u00e9": 1, "signature": "old", "z": [1, "\u00e9"]},  # a top-level key not ASCII
        {"v": float("nan")},
    ],
)
def test_sign_writes_rfc8785_where_json_dumps_differs(doc: dict[str, Any]) -> None:
    _signs_as_reference(doc)


def _entry(n: int, sessions: list[str], subjects: list[str], **more: Any) -> ObjectEntry:
    digest = hashlib.sha256(str(n).encode()).hexdigest()
    return ObjectEntry(
        key=f"data/messages/source=src/tenant=bot%2F1/date=2026-01-01/r1-{n:05d}.parquet.enc",
        table="messages",
        sealed=n % 2 == 1,
        partition=Partition("src", "bot/1", "2026-01-01"),
        rows=n + 1,
        plaintext_size=100 + n,
        ciphertext_size=200 + n,
        plaintext_sha256=digest,
        ciphertext_sha256=digest[::-1],
        time_min="2026-01-01T00:00:00.000Z",
        time_max="2026-01-01T01:00:00.000Z",
        subjects=frozenset(subjects),
        sessions=frozenset(sessions),
        **more,
    )


def _index(n: int, salt: str) -> list[str]:
    return [hashlib.sha256(f"{salt}{i}".encode()).hexdigest()[:INDEX_HEX] for i in range(n)]


def _builder(state: dict[str, Any], objects: list[ObjectEntry]) -> ManifestBuilder:
    return ManifestBuilder(
        stream=STREAM,
        previous=None,
        run=RUN,
        provenance=PROVENANCE,
        state=state,
        objects=objects,
        counts={"messages": 3},
        contacts={"c" * 24: ["a" * 64]},
    )


STATES = [
    {"watermark": "2026-01-01T00:00:00.000Z", "seen": {}},
    # A character from U+E000 on: the draft is not RFC 8785's, signing takes the long way.
    {"watermark": None, "seen": {}, "cursor": "\U0001f600\uff21"},
]


@pytest.mark.parametrize("state", STATES)
def test_a_commit_writes_the_reference_bytes_and_returns_what_readers_parse(
    tmp_path: Path, state: dict[str, Any]
) -> None:
    sessions, subjects = _index(40, "s"), _index(12, "p")
    objects = [
        _entry(i, sessions[i::3], subjects[i::3] if i else [], **extra)
        for i, extra in enumerate([{}, {}, {"replaces": (Replaced("data/old", "0" * 64),)}])
    ]
    builder = _builder(state, objects)
    assert (signed.draft(builder.document(), SIGNER) is None) == (state is STATES[1])
    store = LocalStore(tmp_path)
    m = builder.commit(store)
    raw = store.get(builder.key)
    assert raw == m.raw == _reference(builder.document())
    read, problem = integrity.check_manifest(builder.key, raw, SIGNER.verifier)
    assert problem is None and read is not None
    assert m == read  # every field, the document included
    # The writer's own entries, not a second parsed copy.
    assert all(a is b for a, b in zip(m.objects, objects, strict=True))


def test_an_entry_readers_parse_differently_is_returned_as_they_parse_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    objects = [_entry(i, _index(3, f"s{i}"), []) for i in range(3)]
    to_json = ObjectEntry.to_json

    def more_rows(e: ObjectEntry, **how: Any) -> dict[str, Any]:
        out = to_json(e, **how)
        out["rows"] += 1 if e is objects[1] else 0
        return out

    monkeypatch.setattr(ObjectEntry, "to_json", more_rows)
    m = _builder(STATES[0], objects).commit(LocalStore(tmp_path))
    assert m.objects[0] is objects[0] and m.objects[2] is objects[2]
    assert m.objects[1] == dataclasses.replace(objects[1], rows=objects[1].rows + 1)


def test_a_manifest_readers_refuse_is_not_committed(tmp_path: Path) -> None:
    store = LocalStore(tmp_path)
    builder = _builder(STATES[0], [_entry(0, ["not hex"], [])])  # the schema refuses it
    with pytest.raises(IntegrityError, match="schema"):
        builder.commit(store)
    with pytest.raises(ObjectNotFound):
        store.get(builder.key)


def test_reading_back_shares_the_writers_index_lists_only_where_equal() -> None:
    objects = [_entry(i, _index(4, f"s{i}"), _index(2, f"p{i}")) for i in range(2)]
    doc = _builder(STATES[0], objects).document()
    raw = signed.draft(doc, SIGNER)
    assert raw is not None
    back, _ = signed.loads(raw, object_hook=_sharing(doc))
    assert back == signed.loads(raw)[0] == doc | {"signature": back["signature"]}
    for o, mine in zip(back["objects"], doc["objects"], strict=True):
        assert o["sessions"] is mine["sessions"] and o["subjects"] is mine["subjects"]
    first = doc["objects"][0]["sessions"][0]
    altered, _ = signed.loads(
        raw.replace(first.encode(), b"f" * INDEX_HEX), object_hook=_sharing(doc)
    )
    o = altered["objects"][0]
    assert o["sessions"] is not doc["objects"][0]["sessions"] and "f" * INDEX_HEX in o["sessions"]
    assert o["subjects"] is doc["objects"][0]["subjects"]
