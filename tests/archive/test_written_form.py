"""Signed documents are written in RFC 8785 form, by ``json.dumps`` in C where that gives the
same bytes: ``written_form`` equals ``rfc8785.dumps`` for any document, or fails where it fails."""

from __future__ import annotations

from typing import Any

import pytest
import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.archive import signed
from tests.conftest import examples

_leaves = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**60), max_value=2**60)
    | st.floats()
    | st.text()  # lone surrogates and characters from U+E000 on included
)
# Tuples (RFC 8785 writes them as lists) and non-string keys (json.dumps turns them into
# strings, RFC 8785 refuses them) are where the two encoders take a document differently.
values = st.recursive(
    _leaves,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(st.text(), inner, max_size=4)
        | st.dictionaries(st.integers(-3, 3) | st.booleans() | st.none(), inner, max_size=2)
    ),
    max_leaves=20,
)


def _rfc8785(doc: dict[str, Any]) -> bytes | type[Exception]:
    try:
        return rfc8785.dumps(doc)
    except (rfc8785.CanonicalizationError, ValueError, TypeError):
        return Exception


def _written_as_rfc8785(doc: dict[str, Any]) -> bool:
    """``written_form`` gives RFC 8785's bytes, or fails where RFC 8785 fails; True if it wrote."""
    want = _rfc8785(doc)
    if want is Exception:
        with pytest.raises((rfc8785.CanonicalizationError, ValueError, TypeError)):
            signed.written_form(doc)
        return False
    assert signed.written_form(doc) == want
    return True


@settings(max_examples=examples(400))
@given(st.dictionaries(st.text(), values, max_size=5))
def test_the_written_form_is_rfc8785(doc: dict[str, Any]) -> None:
    doc["format_version"] = 2
    _written_as_rfc8785(doc)


@pytest.mark.parametrize(
    "value",
    [
        {1: "a"},  # a key json.dumps would write as "1"
        (1, 2),  # a tuple: a list in both, taken by RFC 8785
        1.0,  # json.dumps "1.0", RFC 8785 "1"
        2**53,  # beyond RFC 8785's integers
        {"\U0001f600": 1, "\uff21": 2},  # keys sorted differently by the two
        float("nan"),
    ],
)
def test_where_json_dumps_differs_the_written_form_is_still_rfc8785(value: Any) -> None:
    doc = {"format_version": 2, "v": value}
    if _written_as_rfc8785(doc):
        assert signed.written_form(doc) == signed.canonical(doc)


def test_a_version_1_document_keeps_its_own_form() -> None:
    doc = {"b": 1.5, "a": "\U0001f600"}  # no format_version: version 1, json.dumps
    assert signed.written_form(doc) == signed.canonical_v1(doc)
