"""The name finder's cheaper hint tests find exactly what its hints found before.

Four hints of rules that match in few texts were searched in every text that had their mark:
the form roles' labels (``_ROLE_HINT``, a search of many words in any case) and three hints of
``NameFinder._placed_alone``: the legal form's first person (``_LEGAL_HINT``), the reported
verbs (``_REPORTED_HINT``) and a family and given name joined (``_CAMEL_HINT``). With the
finder's ``shortcuts`` on, the role labels are searched before their hint, which then runs only
where a label matched, and each of the other three hints runs only after a cheaper test that
passes wherever the hint matches. With ``shortcuts`` off the finder takes the hints first, as
before; every text is read both ways and the names found must be equal. Texts: random mixes of
what the four rules read, the synthetic corpus (``archiver.simulators.synth``) and samples of
held-out banks 12, 13, 14 and 18.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from archiver.transform import names as nm
from archiver.transform.detectors import Detectors, Span
from archiver.transform.names import NameFinder
from archiver.transform.policy import load_policy
from tests.conftest import examples
from tests.transform.corpora import scanned

POLICY = load_policy()
CUES = POLICY.detectors.names
assert CUES is not None
DETECTORS = Detectors(POLICY.detectors)


def _plain() -> NameFinder:
    finder = NameFinder(CUES)
    finder.shortcuts = False
    return finder


QUICK, PLAIN = NameFinder(CUES), _plain()


def check(text: str, anchors: list[tuple[int, int]] | None = None) -> list[tuple[int, int, str]]:
    """The finder's names with its shortcuts on are those with them off; the names."""
    QUICK._memo.clear()
    PLAIN._memo.clear()
    got = QUICK.find(text, anchors or [])
    want = PLAIN.find(text, anchors or [])
    assert got == want, text
    return got


# -- the cheaper tests alone ------------------------------------------------------------------

_HINT_PIECES = st.sampled_from(
    [
        *nm._REPORTED_HINT.pattern.split("|"),
        "I",
        "Ich",
        "Je",
        "Jag",
        "Minä",
        "Én",
        "Я",
        ",",
        "ed",
        "ran",
        "g",
        "aB",
        "Ab",
        "ÉA",
        "éA",
        "zZ",
    ]
)


@settings(max_examples=examples(600), deadline=None)
@given(text=st.lists(_HINT_PIECES | st.text(" \n.:;aAzZ,", max_size=3), max_size=10).map("".join))
@example(text="I,")
@example(text=" Minä, ")
@example(text="we rang her")
@example(text="KobayashiShota")
def test_cheaper_tests_pass_wherever_the_hints_match(text: str) -> None:
    if nm._LEGAL_HINT.search(text) is not None:
        assert nm._LEGAL_WORD.search(text) is not None
    if nm._REPORTED_HINT.search(text) is not None:
        assert "ed" in text or "rang" in text
    assert (nm._CAMEL_AT.search(text) is None) == (nm._CAMEL_HINT.search(text) is None)


# -- the finder ----------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "Main driver: Lima, Ana",
        "Driver: Ana Lima",
        "Parent: Rui Sousa",
        "Parent contact: Rui Sousa",
        "Student: none enrolled yet",
        "Student: Ayşe Yılmaz",
        "Party B: Kaveh Rezaei",
        "Witness: Tamar Friedman",
        "WITNESS: Ana Lima",
        "Signer 2: Merve Kaya",
        "department",
        "I, Tamar Friedman, authorise",
        "Ich, Anna Berg, erkläre",
        "Minä, Aino Virtanen, valtuutan",
        "Я, Ярослав Коваль, доручаю",
        "Ana Lima informed.",
        "Customer Ana Lima called re the invoice",
        "Kaveh Rezaei asked about the refund",
        "we rang Ana",
        "Note: Tehila Baranes rang",
        "Customer Zaw Myat rang",
        "KobayashiShota",
        "ParkDo-yun",
        "iPhone",
        "Ana",
        "Lima",
        ":",
        ";",
        ",",
        ".",
        "\n",
        " ",
    ]
)


@settings(max_examples=examples(400), deadline=None)
@given(pieces=st.lists(_PIECES, min_size=1, max_size=8), seps=st.text(" .,:;\n", max_size=6))
@example(pieces=["Parent: Rui Sousa", "Student: Ayşe Yılmaz"], seps="\n")
@example(pieces=["Parent: Rui Sousa"], seps=" ")
@example(pieces=["we rang Ana", "KobayashiShota"], seps=". ")
@example(pieces=["Note: Tehila Baranes rang"], seps=" ")  # "rang", no "ed"
@example(pieces=["Customer Zaw Myat rang"], seps=" ")
def test_random_texts_find_as_before(pieces: list[str], seps: str) -> None:
    check((seps or " ").join(pieces))


@settings(max_examples=examples(300), deadline=None)
@given(text=st.text(st.sampled_from("aAbBIJzZéÉ,:;. \nedrngДЯ"), max_size=120))
def test_any_text_finds_as_before(text: str) -> None:
    check(text)


def test_the_plain_path_reads_the_hints_first() -> None:
    """The comparison is not empty: a label whose hint lacks it ("Parent") is found only
    beside another label's word, both ways; and the rules find names at all."""
    alone, both = "Parent: Rui Sousa", "Student: Ayşe Yılmaz\nParent: Rui Sousa"
    assert QUICK._form_names(alone) == PLAIN._form_names(alone) == []
    assert QUICK._form_names(both) == PLAIN._form_names(both)
    assert {v for _, _, v in PLAIN._form_names(both)} == {"ayşe yilmaz", "rui sousa"}  # folded
    assert check("I, Tamar Friedman, authorise my bank.")
    assert check("KobayashiShota")


def _scan_check(text: str) -> list[Span]:
    found = check(text)
    return [Span(a, b, "NAME", v) for a, b, v in found]


@pytest.mark.parametrize(
    "corpus",
    [
        "synth",
        pytest.param("bank12", marks=pytest.mark.slow),
        "bank13",
        pytest.param("bank14", marks=pytest.mark.slow),
        pytest.param("bank18", marks=pytest.mark.slow),
    ],
)  # the other banks in the slow variant: each run of a bank takes seconds
def test_corpora_find_as_before(corpus: str) -> None:
    texts, spans, kinds = scanned(corpus, seed=21, check=_scan_check)
    assert texts >= 2000
    assert spans >= 200
    assert kinds == {"NAME"}
