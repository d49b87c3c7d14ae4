"""The key-in-force rule on its own: for any history of rotations, each manifest place and
each record has exactly one key that readers accept."""

from __future__ import annotations

import hashlib
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given
from hypothesis import strategies as st

from archiver.archive import integrity
from archiver.archive.integrity import Problem
from archiver.archive.trust import Rotation, StreamPin, Trust
from archiver.keys import Verifier

KEYS = [Verifier(Ed25519PrivateKey.generate().public_key()) for _ in range(5)]
STREAMS = [("peki-main", "a"), ("peki-main", "b"), ("kore-main", "c")]


@st.composite
def histories(draw: st.DrawFn) -> Trust:
    """Up to four rotations; a stream, once it exists, appears in every later rotation with a
    head at least as high (streams never shrink)."""
    trust = Trust.start(KEYS[0])
    heads: dict[tuple[str, str], int] = {}
    for n in range(1, draw(st.integers(0, 4)) + 1):
        for stream in STREAMS:
            if stream in heads or draw(st.booleans()):
                heads[stream] = heads.get(stream, 0) + draw(
                    st.integers(0 if stream in heads else 1, 5)
                )
        pins = {s: StreamPin(h, "0" * 64) for s, h in heads.items()}
        trust = trust.then(
            Rotation(n, f"rotations/{n:08d}.json", "0" * 64, "t", "op", trust.key_id, KEYS[n], pins)
        )
    return trust


def manifest(stream: tuple[str, str], sequence: int, key: Verifier) -> dict[str, Any]:
    return {
        "stream": {"source": stream[0], "tenant": stream[1]},
        "sequence": sequence,
        "signature": {"key_id": key.key_id},
    }


def written_after(trust: Trust, stream: tuple[str, str], sequence: int) -> int:
    """How many rotations came before this manifest: those that did not know the stream yet,
    or knew it with a head below it."""
    return sum(
        1
        for r in trust.rotations
        if stream not in r.streams or sequence > r.streams[stream].head_sequence
    )


@given(histories(), st.sampled_from(STREAMS), st.integers(1, 30))
def test_each_manifest_place_has_exactly_one_key(
    trust: Trust, stream: tuple[str, str], sequence: int
) -> None:
    expected = KEYS[written_after(trust, stream, sequence)]
    for key in trust.keys:
        got = integrity.key_in_force(
            trust, "m", manifest(stream, sequence, key), what="manifest", stored=None
        )
        if key.key_id == expected.key_id:
            assert isinstance(got, Verifier) and got.key_id == expected.key_id
        else:
            assert isinstance(got, Problem), (key.key_id, expected.key_id)
            assert got.kind in ("manifest-retired-key", "manifest-foreign-signature")


@given(histories(), st.data())
def test_a_record_of_a_retired_key_counts_only_as_listed(trust: Trust, data: st.DataObject) -> None:
    raw = b'{"x":1}\n'
    digest = hashlib.sha256(raw).hexdigest()
    listed = data.draw(st.booleans())
    rotations = tuple(
        Rotation(
            r.number,
            r.key,
            r.sha256,
            r.at,
            r.operator,
            r.old_key_id,
            r.new,
            r.streams,
            {"holds/h/00000001-place.json": digest} if listed else {},
        )
        for r in trust.rotations
    )
    trust = Trust(key=trust.key, root=trust.root, rotations=rotations)
    for epoch, key in enumerate(trust.keys):
        doc = {"signature": {"key_id": key.key_id}}
        got = integrity.key_in_force(
            trust, "holds/h/00000001-place.json", doc, what="record", stored=raw
        )
        if epoch == len(trust.rotations) or listed:
            assert isinstance(got, Verifier) and got.key_id == key.key_id
        else:
            assert isinstance(got, Problem) and got.kind == "record-retired-key"
