"""The name finder's per-text gates and per-word caches, and the ASCII digit-run pattern,
find exactly what the plain path finds.

Gates: a text's words split through ``bytes.translate`` when it is ASCII, the user-name cues
searched in the lowered text when it is ASCII, the receiver verbs searched before their full
pattern. Caches, kept across texts: runs of capitalised words with no name of the lists in
them, whether a run holds a title or cue word, and the verdict on a lower-case word after a
cue. Each property compares the fast path with the plain one on random text; the cached finder
is never reset, so it meets its words again in other texts, as it does in a run. The scan
reads an ASCII text's digit runs with ``_NUM_ASCII`` (``\\d`` written 0-9): the same matches.
"""

from __future__ import annotations

import re
from unittest import mock

from hypothesis import example, given, settings
from hypothesis import strategies as st

from archiver.transform import detectors as det
from archiver.transform import names as nm
from archiver.transform.names import NameFinder
from archiver.transform.policy import load_policy
from tests.conftest import examples
from tests.transform.test_scan_equivalence import texts as number_texts

CUES = load_policy().detectors.names
assert CUES is not None

# Runs that repeat (sentence openers, product words), cue words followed by the lower-case
# words that come after them, names, the gates' words and letters that case-fold oddly.
FRAGMENTS = [
    "The ",
    "I ",
    "If I ",
    "Can I ",
    "How do I ",
    "The Pro ",
    "Please ",
    "Thanks ",
    "Hi ",
    "My ",
    "Invoice ORD",
    "Firmware ",
    "Germany",
    "Merhaba ",
    "my colleague ",
    "my partner ",
    "your agent ",
    "is ",
    "was ",
    "to ",
    "on ",
    "Is ",
    "noted ",
    "contact: ",
    "account ",
    "declined",
    "installed",
    "rahul verma",
    "ainhoa",
    "björn",
    "konsultanta",
    "mailto:",
    "Ana Souza",
    "Ayşe Yılmaz",
    "Mehmet Bey",
    "Anna Nowak here",
    "Dr. Weiß",
    "Дмитрий Иванов",
    "Rua Augusta 150",
    "send Selvam the code",
    "give Zaw Min Htun the key",
    "tell ",
    "user: ",
    "USER=",
    "login ",
    "employee=gintare.zukauskiene",
    "/in/ana-lima-3f",
    "@ana_lima",
    "uſer ",
    "ıd ",
    "\u212a",
    "Regards,\n",
    "— ",
    ", ",
    ". ",
    ": ",
    "\n",
    "\t",
    "'",
    "’",
]
ALPHABET = "aAzZéşıİſßΣσД09 +-()./\t\n@:,;!?'’\"]}"
texts = st.lists(
    st.sampled_from(FRAGMENTS) | st.text(alphabet=ALPHABET, max_size=8), max_size=14
).map("".join)

ALWAYS = re.compile("")  # matches at 0 in any text: the gate off


def _plain() -> NameFinder:
    finder = NameFinder(CUES)
    finder.shortcuts = False
    return finder


CACHED, PLAIN = NameFinder(CUES), _plain()


@settings(max_examples=examples(400), deadline=None)
@given(texts)
@example("uſer ana_lima")  # IGNORECASE matches "ſ" as "s": the regex still decides
@example("Send Selvam the code")
def test_gates_answer_as_the_plain_searches(text: str) -> None:
    assert nm._tokens(text) == text.translate(nm._PUNCT_OFF).split()
    assert nm._user_cue(text) == (nm._USER_CUE_GATE.search(text) is not None)
    if nm._RECEIVER_HINT.search(text) is None:
        assert nm._RECEIVER.search(text) is None


def _plain_find(text: str) -> list[tuple[int, int, str]]:
    """The finder without its caches and with every gate open, as before them."""
    PLAIN._memo.clear()
    with (
        mock.patch.object(nm, "_RECEIVER_HINT", ALWAYS),
        mock.patch.object(nm, "_user_cue", lambda t: nm._USER_CUE_GATE.search(t) is not None),
        mock.patch.object(nm, "_tokens", lambda t: t.translate(nm._PUNCT_OFF).split()),
    ):
        return PLAIN.find(text)


@settings(max_examples=examples(400), deadline=None)
@given(texts)
@example("Hi, my colleague rahul verma. The Pro is installed")
@example("The card is declined. If I send Selvam the code, my partner ainhoa said")
def test_cached_finder_finds_what_the_plain_one_finds(text: str) -> None:
    assert CACHED.find(text) == _plain_find(text)


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=12).map("".join))
def test_cached_finder_on_fragments_alone(text: str) -> None:
    """Texts made only of the fragments: the same runs and words in many texts."""
    assert CACHED.find(text) == _plain_find(text)


def test_caches_are_used() -> None:
    """The fast path is the one taken: a run seen without a name is answered from the cache,
    and so is a lower-case word after a cue (the property above would pass without them)."""
    finder = NameFinder(CUES)
    finder.find("The parcel is the one. If I pay, my colleague ainhoa said so.")
    assert "The" in finder._nameless
    assert "If I" in finder._inside
    assert finder._lower_words.get("the", "missing") is None  # a common word
    assert finder._lower_words.get("ainhoa") == "ainhoa"


@settings(max_examples=examples(400), deadline=None)
@given(texts)
@example("employee=gintare.zukauskiene")
@example("EMPLOYEE: zaw")
@example("uſer=ana")  # IGNORECASE reads "ſ" as "s": no hint is asked outside ASCII
def test_handle_hints_rule_out_only_texts_without_a_match(text: str) -> None:
    for rx in (nm._HANDLE_TOKEN, nm._CUED_WORD):
        if not nm._may_match(rx, text):
            assert rx.search(text) is None


# Digit runs as the number detectors meet them (from the equivalence tests' pieces), ASCII.
ascii_numbers = number_texts.map(lambda t: t.encode("ascii", "ignore").decode("ascii"))


@settings(max_examples=examples(400), deadline=None)
@given(ascii_numbers | texts.filter(str.isascii))
@example("0.+90 532 123 45 67, Tel.0041 21 234 59 80, Tel.(+351) 21 234 5808, Art.1234567")
@example("Tel.21234927, hotel.2123456, (+44) 20 7946 0958, v1.2.3.4567, x-12345")
def test_ascii_digit_runs_match_as_the_unicode_pattern(text: str) -> None:
    """The scan reads an ASCII text's digit runs with ``_NUM_ASCII``: the same matches."""
    assert [m.span() for m in det._NUM_ASCII.finditer(text)] == [
        m.span() for m in det._NUM.finditer(text)
    ]
