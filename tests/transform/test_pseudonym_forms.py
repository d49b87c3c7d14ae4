"""The canonical JSON of records and the keyed hashes, computed the fast way, are exactly the
reference computations they replace: ``json.dumps`` with sorted keys and ``hmac.new``. Record
hashes of everything already archived depend on it."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.transform.pseudonym import Pseudonymizer, canonical_json

records = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(),  # lone surrogates, control characters, non-ASCII
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(), inner, max_size=5)
        | st.dictionaries(
            st.integers() | st.floats(allow_nan=False) | st.booleans(), inner, max_size=2
        )
    ),
    max_leaves=25,
)


def _reference(data: Any) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@settings(max_examples=400)
@given(records)
def test_canonical_json_is_json_dumps_with_sorted_keys(data: Any) -> None:
    try:
        want = _reference(data)
    except TypeError:  # keys of mixed types cannot be sorted
        with pytest.raises(TypeError):
            canonical_json(data)
        return
    assert canonical_json(data) == want


@pytest.mark.parametrize("data", ["plain", "\ud800", 1.5, float("inf"), None, [], {}])
def test_canonical_json_of_single_values_and_what_json_dumps_refuses(data: Any) -> None:
    assert canonical_json(data) == _reference(data)
    with pytest.raises(TypeError):
        canonical_json({"a": {1, 2}})  # not JSON: a clear error, as json.dumps gives


@settings(max_examples=300)
@given(st.binary(min_size=1, max_size=200), st.text(max_size=20), st.text(max_size=80))
def test_keyed_hashes_are_hmac_sha256(key: bytes, domain: str, value: str) -> None:
    """Keys shorter and longer than SHA-256's block (a longer one is hashed first)."""
    want = hmac.new(
        key,
        domain.encode("utf-8", "surrogatepass") + b"\x00" + value.encode("utf-8", "surrogatepass"),
        hashlib.sha256,
    ).hexdigest()
    try:
        domain.encode()
    except UnicodeEncodeError:
        return  # domains are the program's own ASCII names
    assert Pseudonymizer(key)._mac(domain, value) == want


def test_the_pseudonyms_of_a_fixed_key_do_not_change() -> None:
    """Values computed once with ``hmac.new``: archives already written rely on them."""
    p = Pseudonymizer(b"k" * 32)
    ref = hmac.new(b"k" * 32, b"subject:peki\x00u1", hashlib.sha256).hexdigest()
    assert p.subject_id("peki", "u1") == ref
    assert (
        p.record_key("messages", "m1")
        == hmac.new(b"k" * 32, b"record:messages\x00m1", hashlib.sha256).hexdigest()[:24]
    )
    long_key = bytes(range(100))
    assert (
        Pseudonymizer(long_key).record_hash_of("{}")
        == hmac.new(long_key, b"version\x00{}", hashlib.sha256).hexdigest()
    )
