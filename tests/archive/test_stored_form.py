"""The fast stored-form check of signed documents says exactly what the RFC 8785 comparison
says, for any document: the fast path (``json.dumps``) is taken only where both forms agree."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.archive import signed
from tests.conftest import examples

values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**60), max_value=2**60)
    | st.floats()
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


def _stored_forms(doc: dict[str, Any]) -> list[bytes]:
    """The document as version 1 and as RFC 8785 would store it (where each has a form)."""
    out = []
    for form in (signed.canonical_v1, signed.canonical_v2):
        try:
            out.append(form(doc) + b"\n")
        except ValueError:
            continue
    return out


def _agrees(raw: bytes) -> None:
    try:
        doc, unusual = signed.loads(raw)
    except ValueError:
        return
    try:
        slow = raw == signed.canonical(doc) + b"\n"
    except ValueError:
        slow = False
    assert signed.is_stored_form(raw, doc, unusual=unusual) == slow


@settings(max_examples=examples(400), deadline=None)
@given(st.dictionaries(st.text(), values, max_size=5))
def test_the_fast_check_equals_rfc8785(doc: dict[str, Any]) -> None:
    for raw in _stored_forms(doc | {"format_version": 2}):
        _agrees(raw)


def test_where_the_two_forms_differ_the_fast_check_is_not_fooled() -> None:
    cases: list[dict[str, Any]] = [
        {"n": 1.0},  # version 1 writes 1.0, RFC 8785 writes 1
        {"n": 2**53},  # beyond RFC 8785's integers
        {"\ue000": 1, "\U00010000": 2},  # code points and UTF-16 sort these two apart
        {"n": float("nan")},
    ]
    for doc in cases:
        doc = doc | {"format_version": 2}
        raw = signed.canonical_v1(doc) + b"\n"
        parsed, unusual = signed.loads(raw)
        assert not signed.is_stored_form(raw, parsed, unusual=unusual)
    ok = {"format_version": 2, "k": [1, "é\n", None, True, 2**53 - 1]}
    raw = signed.canonical_v2(ok) + b"\n"
    assert signed.is_stored_form(raw, *signed.loads(raw)[:1], unusual=signed.loads(raw)[1])
