"""The signed part of a manifest is cut from its canonical JSON, not encoded again: equal to
encoding the body anew for any document, wherever ``signature`` sorts and whatever repeats it."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.archive.signed import canonical, signed_part

_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["signature", "a", "z", "value"]), inner, max_size=3)
    ),
    max_leaves=8,
)
_sig = st.fixed_dictionaries(
    {"algorithm": st.just("ed25519"), "key_id": st.text(max_size=6), "value": st.text(max_size=6)}
)


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["a", "previous", "sequence", "state", "stream", "zz", "signaturf"]),
        _values,
        max_size=6,
    ),
    _sig,
    st.booleans(),
)
def test_cut_equals_encoding_the_body(
    others: dict[str, Any], sig: dict[str, Any], nest: bool
) -> None:
    doc = dict(others)
    if nest and doc:  # the same signature member again, deeper down
        first = sorted(doc)[0]
        doc[first] = {"signature": sig, "x": 1}
    doc["signature"] = sig
    body = {k: v for k, v in doc.items() if k != "signature"}
    assert signed_part(canonical(doc), doc) == canonical(body)
