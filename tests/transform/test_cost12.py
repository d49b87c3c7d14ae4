"""The scan's cheaper gates and the IBAN hint find exactly what the plain path finds.

The e-mail and spelled-number gates are one search of an alternation in the lowered text
instead of a loop over their words, and the IBAN scan starts only where a letter stands before
two digits. Each property compares the shortcut with the path it replaces, on random text.
"""

from __future__ import annotations

import re
from unittest import mock

from hypothesis import example, given, settings
from hypothesis import strategies as st

from archiver.transform import detectors as det
from archiver.transform.detectors import Detectors
from archiver.transform.policy import load_policy
from tests.conftest import examples

POLICY = load_policy()
# One instance for both paths: the patched patterns are read when a text is scanned.
DETECTORS = Detectors(POLICY.detectors)

FRAGMENTS = [
    "DE89 3704 0044 0532 0130 00",
    "de89370400440532013000",
    "TR33 0006 1005 1978 6457 8413 26",
    "GB82-WEST-1234-5698-7654-32",
    "NL91ABNA\n0417164300",
    "NL91 ABNA \\n 0417 1643 00",
    "\u0130\u212a12",
    "\u017fA99",
    "ana at example dot com",
    "ana [at] example [dot] com",
    "ANA AT EXAMPLE DOT COM",
    "ana @ example.com",
    "arroba",
    "(@)",
    "plus four four seven seven",
    "zero six double one",
    "ZÉRO",
    "Null",
    "triple",
    "+90 532 123 45 67",
    "4111 1111 1111 1111",
    "Ayşe Yılmaz",
    "\n",
    " ",
    ".",
]
ALPHABET = "aAzZ09 +-()./\t\n@[]İıſKß²٣é"
texts = st.lists(
    st.sampled_from(FRAGMENTS) | st.text(alphabet=ALPHABET, max_size=8), max_size=10
).map("".join)

ALWAYS = re.compile("")  # matches at 0 in any text: the shortcut off


def _spans(found: list[det.Span]) -> list[tuple[int, int, str, str]]:
    return [(sp.start, sp.end, sp.kind, sp.value) for sp in found]


@settings(max_examples=examples(400), deadline=None)
@given(texts)
@example("x NL91ABNA0417164300 and DE89 3704 0044 0532 0130 00")
@example("9DE89370400440532013000")  # a digit right before the country: no IBAN
def test_iban_hint_finds_what_the_scan_from_the_start_finds(text: str) -> None:
    d = DETECTORS
    fast_claimed: list[tuple[int, int]] = []
    fast = list(d._ibans(text, fast_claimed))
    with mock.patch.object(det, "_IBAN_HINT", ALWAYS):  # start at 0, as before the hint
        slow_claimed: list[tuple[int, int]] = []
        slow = list(d._ibans(text, slow_claimed))
    assert _spans(fast) == _spans(slow)
    assert fast_claimed == slow_claimed


@settings(max_examples=examples(400), deadline=None)
@given(texts)
def test_gates_are_the_word_loops(text: str) -> None:
    lowered = text.lower()
    assert (det._OBF_GATE_RE.search(lowered) is not None) == any(
        g in lowered for g in det._OBF_GATE
    )
    assert (det._SPELLED_GATE_RE.search(lowered) is not None) == any(
        w in lowered for w in det._SPELLED_GATE
    )


@settings(max_examples=examples(200), deadline=None)
@given(texts)
def test_scan_with_the_shortcuts_off_finds_the_same(text: str) -> None:
    """The whole scan: gates open on every text and the IBAN scan from the start give the
    same spans (a gate only skips detectors that find nothing without its words)."""
    fast = _spans(DETECTORS.scan(text))
    with (
        mock.patch.object(det, "_IBAN_HINT", ALWAYS),
        mock.patch.object(det, "_OBF_GATE_RE", ALWAYS),
        mock.patch.object(det, "_SPELLED_GATE_RE", ALWAYS),
    ):
        slow = _spans(DETECTORS.scan(text))
    assert fast == slow
