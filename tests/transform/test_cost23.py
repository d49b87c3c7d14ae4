"""The name finder's case-blind hints searched in the text's lower case find what they found.

A hint (``CaseBlind``: the person words of a record, a status line's, a callback's, a badge's,
a name field's and an audit history's) lets its rule's own pattern run. Python's re tries
every word of a case-blind alternation at every position; searched as a case-sensitive
alternation in the lower-cased text it skips most positions. The lower-cased search must pass
wherever the case-blind one matches (it may pass more: the rule's pattern then decides), so
the finder with its ``shortcuts`` on (the lower-cased search) and off (the case-blind search)
finds the same names. Texts: every character any hint's letters match case-blind, random
mixes of the hints' words in any case with the letters Python's re folds unusually, the
synthetic corpus and samples of held-out banks 20 and 21.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from archiver.transform import names as nm
from archiver.transform.detectors import Span
from archiver.transform.names import CaseBlind, NameFinder
from archiver.transform.policy import load_policy
from tests.conftest import examples
from tests.transform.corpora import scanned

CUES = load_policy().detectors.names
assert CUES is not None
HINTS = {name: v for name, v in vars(nm).items() if isinstance(v, CaseBlind)}


def test_the_hints_of_the_finder_are_case_blind_gates() -> None:
    assert {"_PERSON_HINT", "_STATUS_HINT", "_CALLBACK_HINT", "_HISTORY_HINT"} <= set(HINTS)


def _letters() -> str:
    return "".join(sorted({c for h in HINTS.values() for c in h.blind.pattern if c.isalpha()}))


def test_every_character_a_letter_matches_case_blind_folds_to_it() -> None:
    """Each character of Unicode that a hint's letter matches case-blind has the letter's lower
    case (``_blind_fold``): the lower-cased search cannot miss a match letter by letter."""
    letters = _letters()
    chars = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    matched = set(re.findall(f"(?i:[{re.escape(letters)}])", chars))
    assert len(matched) > len(letters)  # upper cases and the unusual folds among them
    for ch in matched:
        for letter in letters:
            if re.fullmatch(f"(?i:{re.escape(letter)})", ch):
                assert nm._blind_fold(ch) == nm._blind_fold(letter), (ch, letter)


def test_a_hint_refuses_what_lower_case_would_change() -> None:
    with pytest.raises(ValueError):
        CaseBlind(r"(?i:name\S)")  # "\S" lower-cased is "\s"
    with pytest.raises(ValueError):
        CaseBlind(r"(?i:имя|name)")  # Cyrillic: re folds more of it than lower case does
    with pytest.raises(ValueError):
        CaseBlind(r"(?i:name(?=x))")
    hint = CaseBlind(r"(?i:owner|sahibi|tanık)")
    assert hint.found_in("OWNER: Ana") and hint.found_in("Owner: Ana", quick=False)
    assert hint.found_in("TANIK") and hint.found_in("TANIK", quick=False)
    assert not hint.found_in("assignee: Ana") and not hint.found_in("assignee", quick=False)


def _words() -> list[str]:
    out: set[str] = set()
    for h in HINTS.values():
        out.update(w for w in re.findall(r"[^\W\d_]+", h.blind.pattern.replace("(?i:", "(")))
    return sorted(out)


_FOLDS = {"i": "İıI", "s": "ſS", "k": "\u212aK"}


@st.composite
def _cased(draw: st.DrawFn) -> str:
    word = draw(st.sampled_from(_words()))
    out = []
    for ch in word:
        how = draw(st.integers(0, 3))
        if how == 1:
            ch = ch.upper()
        elif how == 2 and ch in _FOLDS:
            ch = draw(st.sampled_from(_FOLDS[ch]))
        out.append(ch)
    return "".join(out)


_TEXTS = st.lists(
    _cased() | st.text(" \t\n:.,#-Ana1\u0307ẞß", max_size=3), min_size=1, max_size=8
).map("".join)


@settings(max_examples=examples(900), deadline=None)
@given(text=_TEXTS)
@example(text="SİGORTALI: Ana")
@example(text="call back Ana")
@example(text="CALL\tBACK Ana")
@example(text="Tanik: Ana")
@example(text="İdentity check passed for Ana")
def test_a_hint_passes_wherever_its_case_blind_search_matches(text: str) -> None:
    for name, hint in HINTS.items():
        if hint.found_in(text, quick=False):
            assert hint.found_in(text), (name, text)


# -- the finder ----------------------------------------------------------------------------------


def _plain() -> NameFinder:
    finder = NameFinder(CUES)
    finder.shortcuts = False
    return finder


QUICK, PLAIN = NameFinder(CUES), _plain()


def check(text: str) -> list[tuple[int, int, str]]:
    QUICK._memo.clear()
    PLAIN._memo.clear()
    got = QUICK.find(text, [])
    assert got == PLAIN.find(text, []), text
    return got


_PIECES = st.sampled_from(
    [
        "Identity check passed for Ana Lima.",
        "IDENTİTY check passed for Ayşe Yılmaz",
        "assignee Corwen Ashbury is away",
        "Sigortalı Ayşe Yılmaz",
        "Witnesses: Ana Lima, Ben Ode",
        "Call back Ana Lima",
        "CONFERENCE BADGE\nANA LIMA\nSpeaker",
        "Contact form: name Ana Lima; phone",
        "2024-03-01 Ana Lima changed status",
        "Regards,\nAna Lima",
        "Thanks Kaveh!",
        "ſtatus",
        "\n",
        " ",
        ":",
    ]
)


@settings(max_examples=examples(300), deadline=None)
@given(pieces=st.lists(_PIECES, min_size=1, max_size=6), seps=st.text(" .,:;\n", max_size=4))
@example(pieces=["Identity check passed for Ana Lima."], seps=" ")
@example(pieces=["CONFERENCE BADGE\nANA LIMA\nSpeaker"], seps="\n")
def test_the_finder_finds_with_its_hints_lower_cased_what_it_finds_case_blind(
    pieces: list[str], seps: str
) -> None:
    check((seps or " ").join(pieces))


def test_the_finder_finds_the_same_on_the_synthetic_corpus() -> None:
    def names(text: str) -> list[Span]:
        return [Span(a, b, "name", v) for a, b, v in check(text)]

    texts, spans, _ = scanned("synth", seed=23, check=names)
    assert texts == 2000 and spans > 200


@pytest.mark.parametrize("bank", [20, 21])
def test_the_finder_finds_the_same_on_held_out_banks_record_forms(bank: int) -> None:
    """Banks 20 and 21 (tuned on) hold the record forms these hints open: status lines,
    person words, badges, rosters, in many languages and scripts."""
    import importlib

    corpus = importlib.import_module(f"bench.heldout_bank{bank}").corpus
    texts = [t.text for conv in corpus(300, 11) for t in conv.texts]
    hinted = found = 0
    for text in texts:
        hinted += any(h.found_in(text) for h in HINTS.values())
        found += len(check(text))
    assert hinted > 40 and found > 150
