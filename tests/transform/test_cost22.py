"""The name finder's cheaper gates and its kept word-before find exactly what it found before.

Three rules ran a slow regex on texts where they cannot match: ``_RECEIVER`` after a hint
that passes "sending" or "passport" (now the verb and the blank after it,
``_RECEIVER_VERB``), and, in ASCII texts, the case-blind searches of the form roles' labels
(``_ROLE_HINT``) and of the parcel notices (``_PARCEL_FOR``), now told first by a search of
their words in the text's lower case (``_ascii_words``). ``_word_before_at`` is kept per
40-character window. With the finder's ``shortcuts`` off it takes the old gates, and the
plain finder here also runs the old ``_word_before_at`` (kept below); every text is read both
ways and the names found must be equal. Texts: random mixes of what the rules read, the
synthetic corpus and samples of held-out banks 12, 13, 16, 18 and 19.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from archiver.transform import names as nm
from archiver.transform.detectors import Span
from archiver.transform.names import NameFinder
from archiver.transform.namewords import fold
from archiver.transform.policy import load_policy
from tests.conftest import examples
from tests.transform.corpora import scanned

POLICY = load_policy()
CUES = POLICY.detectors.names
assert CUES is not None


def _old_word_before_at(text: str, at: int) -> tuple[str, int] | None:
    """``_word_before_at`` as it was, read afresh at every call."""
    lo = max(0, at - 40)
    pre = text[lo:at]
    stripped = pre.rstrip(nm._GAP_CHARS)
    if not stripped or len(pre) - len(stripped) > 6:
        return None
    word = stripped.rsplit(None, 1)[-1]
    if not word.isalpha():
        word = nm._tail_word(word) or nm._tail_letters(word)
        if not word or not stripped.endswith(word):
            return None
    return (word.lower() if word.isascii() else fold(word)), lo + len(stripped) - len(word)


@contextmanager
def _old_code() -> Iterator[None]:
    new = nm._word_before_at
    nm._word_before_at = _old_word_before_at
    try:
        yield
    finally:
        nm._word_before_at = new


def _plain() -> NameFinder:
    finder = NameFinder(CUES)
    finder.shortcuts = False
    return finder


QUICK, PLAIN = NameFinder(CUES), _plain()


def check(text: str, anchors: list[tuple[int, int]] | None = None) -> list[tuple[int, int, str]]:
    """The finder's names with the shortcuts on are those with the old code; the names."""
    QUICK._memo.clear()
    PLAIN._memo.clear()
    got = QUICK.find(text, anchors or [])
    with _old_code():
        want = PLAIN.find(text, anchors or [])
    assert got == want, text
    return got


# -- the pieces alone ----------------------------------------------------------------------------


def test_the_case_blind_ascii_letters_are_all_known() -> None:
    """Every non-ASCII character that a case-blind regex matches with an ASCII letter is in
    ``_ASCII_CASE``, mapped to that letter: the lower-cased search misses none."""
    chars = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    found: dict[str, str] = {}
    for a in string.ascii_lowercase:
        for c in set(re.findall("(?i)" + a, chars)) - {a, a.upper()}:
            found[c] = a
    assert found == nm._ASCII_CASE


def test_the_word_gates_hold_their_regexes_words() -> None:
    """The gates are built from the regexes' own words: every ASCII word is in them, and a
    word that is not letters turns the gate off."""
    for gate, words in (
        (nm._ROLE_WORDS, nm._ROLE_HINT.pattern[4:-1]),
        (nm._PARCEL_NOUNS, nm._PARCEL_FOR.pattern.split("(?i:", 1)[1].split(")", 1)[0]),
    ):
        ascii_words = [w for w in words.split("|") if w.isascii()]
        assert len(ascii_words) > 10
        # searched, not matched whole: the gate is a trie, and a word that another opens
        # ("paket", "pakete") ends its branch at the shorter one
        assert all(gate.search(w) for w in ascii_words)
    assert nm._ascii_words("parcel|colis").search("parcel") is not None
    assert nm._ascii_words("parcel|colis").search("pacco") is None
    assert nm._ascii_words("tanık").search("tanik") is not None  # "TANIK" matches "tanık"
    assert nm._ascii_words("parcel|n°").search("anything") is not None  # not words: off


_GATE_PIECES = st.sampled_from(
    [
        "parcel",
        "PARCEL",
        "Package",
        "paczka",
        "przesyłka",
        "ſhipment",
        "for",
        "für",
        "Driver",
        "TANIK",
        "Witness",
        "Student",
        "send",
        "sending",
        "hand",
        "Selvam",
        "the",
        "ſ",
        "\u212a",
        "ı",
        "İ",
    ]
)


_GATE_TEXTS = st.lists(_GATE_PIECES | st.text(" \t\n:.,#Ana12", max_size=3), max_size=10)


@settings(max_examples=examples(800), deadline=None)
@given(text=_GATE_TEXTS.map("".join))
@example(text="TANIK: Ana Lima")
@example(text="Package for Ana Lima")
@example(text="ſhipment for Ana")
def test_the_cheaper_gates_pass_wherever_their_regexes_match(text: str) -> None:
    if nm._ROLE_HINT.search(text) is not None:
        assert nm._ascii_may_match(nm._ROLE_WORDS, text)
    if nm._PARCEL_FOR.search(text) is not None:
        assert nm._ascii_may_match(nm._PARCEL_NOUNS, text)
    if nm._RECEIVER.search(text) is not None:
        assert nm._RECEIVER_VERB.search(text) is not None


@settings(max_examples=examples(600), deadline=None)
@given(
    text=st.text(st.sampled_from("aAbZé .,:;-\t\n(\u0301Ана"), max_size=70), at=st.integers(0, 80)
)
def test_the_word_before_is_the_old_ones(text: str, at: int) -> None:
    at = min(at, len(text))
    nm._WORDS_BEFORE.clear()
    first = nm._word_before_at(text, at)
    assert first == _old_word_before_at(text, at)
    assert nm._word_before_at(text, at) == first  # kept


# -- the finder ----------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "can you send Selvam the form",
        "please hand Ana Lima this",
        "sending Ana the",
        "Parcel JJD01234 for Ana Lima is in locker 4",
        "PACKAGE for Ana Lima",
        "Paket für Jonas Weber",
        "ſhipment for Ana Lima",
        "Driver: Ana Lima",
        "Main driver: Lima, Ana",
        "Witness: Tamar Friedman",
        "TANIK: Ayşe Yılmaz",
        "Student: none enrolled yet",
        "Hi, I'm Ana",
        "Thanks Kaveh!",
        "my colleague rahul verma.",
        "Regards,\nAna Lima",
        "Ana",
        ":",
        ",",
        "\n",
        " ",
    ]
)


@settings(max_examples=examples(400), deadline=None)
@given(pieces=st.lists(_PIECES, min_size=1, max_size=8), seps=st.text(" .,:;\n", max_size=6))
@example(pieces=["Driver: Ana Lima"], seps=" ")
@example(pieces=["TANIK: Ayşe Yılmaz"], seps="\n")
@example(pieces=["can you send Selvam the form"], seps=" ")
@example(pieces=["Parcel JJD01234 for Ana Lima is in locker 4"], seps=" ")
def test_random_texts_find_as_before(pieces: list[str], seps: str) -> None:
    check((seps or " ").join(pieces))


@settings(max_examples=examples(300), deadline=None)
@given(text=st.text(st.sampled_from("aAbBIJzZéÉ,:;. \nsendforDrivPackgeıſ"), max_size=120))
def test_any_text_finds_as_before(text: str) -> None:
    check(text)


def test_the_gated_rules_find_names() -> None:
    """The comparison is not empty: each gated rule finds its name both ways."""
    assert [v for _, _, v in check("can you send Selvam the form")] == ["selvam"]
    assert "ana lima" in {v for _, _, v in check("Driver: Ana Lima")}
    assert "ana lima" in {v for _, _, v in check("Parcel JJD01234 for Ana Lima is in locker 4")}


def _scan_check(text: str) -> list[Span]:
    found = check(text)
    return [Span(a, b, "NAME", v) for a, b, v in found]


@pytest.mark.parametrize(
    "corpus",
    [
        "synth",
        pytest.param("bank12", marks=pytest.mark.slow),
        pytest.param("bank13", marks=pytest.mark.slow),
        pytest.param("bank16", marks=pytest.mark.slow),
        pytest.param("bank18", marks=pytest.mark.slow),
        "bank19",
    ],
)  # the other banks in the slow variant: each run of a bank takes seconds
def test_corpora_find_as_before(corpus: str) -> None:
    texts, spans, kinds = scanned(corpus, seed=22, check=_scan_check)
    assert texts >= 2000
    assert spans >= 200
    assert kinds == {"NAME"}
