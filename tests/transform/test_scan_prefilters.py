"""Every pre-filter that lets the scan skip work finds exactly what the full path finds.

The name finder rules out most cue windows with one ``str.endswith`` call before comparing
them cue by cue, and asks the gazetteer about a capitalised word standing alone only when it is
a listed first name; the detectors decide from one look at a text which families can match
it at all. Each property runs the shortcut and the full path (the same code with the
shortcuts off) on random text built from cue words, names, digits, ``@``, links and several
scripts, and compares every detection.
"""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.transform.detectors import Detectors, Span
from archiver.transform.names import NameFinder
from archiver.transform.policy import load_policy

POLICY = load_policy()
CUES = POLICY.detectors.names
assert CUES is not None

# Cue words and phrases of several languages, sign-offs, titles, list labels, listed first
# names and surnames, common words that open sentences, and the values of other detectors.
FRAGMENTS = [
    "my name is ",
    "this is ",
    "Hi ",
    "Hi, ",
    "Thanks ",
    "ich heiße ",
    "je m'appelle ",
    "me llamo ",
    "mi chiamo ",
    "meu nome é ",
    "ben ",
    "adım ",
    "ik ben ",
    "nazywam się ",
    "Regards,\n",
    "Kind regards,\n",
    "Cheers,\n",
    "— ",
    "-- ",
    "^",
    "/",
    "cc: ",
    "Attendees: ",
    "- ",
    "Name: ",
    "Account holder: ",
    "Ana Souza",
    "Ayşe",
    "Yılmaz",
    "Ayşe Hanım",
    "Mehmet Bey",
    "Anna Nowak here",
    "Jürgen Weiß",
    "Robert",
    "Sören Schäfer",
    "İbrahim Kaya",
    "Ιωάννης",
    "Σοφία",
    "Дмитрий Иванов",
    "QUÉMÉNER",
    "Jean-Luc",
    "O'Brien",
    "van der Berg",
    "Nguyễn Văn An",
    "Björn",
    "björn",
    "Sep 15",
    "Rua Augusta 150",
    "Leroy Merlin",
    "The ",
    "Please ",
    "I ",
    "Do ",
    "Can ",
    "Germany",
    "Firmware ",
    "Sorry",
    "ana@example.com",
    " <ana@example.com>",
    '"Ana Souza" <ana@example.com>',
    "+55 11 91234 5678",
    "0532 123 45 67",
    "tel: 612 328 727",
    "4111 1111 1111 1111",
    "DE89 3704 0044 0532 0130 00",
    "192.168.1.20",
    "2001:db8::1",
    "https://example.com/reset?token=JSt3se7irQXNa8pZ2k",
    "www.example.com",
    "order no. 5321234567",
    "12/05/2025",
    ", ",
    ". ",
    "! ",
    "? ",
    ": ",
    " | ",
    "\n",
    "\t",
    " ",
    "(",
    ")",
    '"',
    "'s",
]
ALPHABET = "aAzZéÉşŞıİßΣσ ДдñÑ09 +-()./\t\n@:,;|—'’"
texts = st.lists(
    st.sampled_from(FRAGMENTS) | st.text(alphabet=ALPHABET, max_size=8), max_size=14
).map("".join)


def _full_names() -> NameFinder:
    finder = NameFinder(CUES)
    finder.shortcuts = False
    return finder


FAST_NAMES, FULL_NAMES = NameFinder(CUES), _full_names()


@settings(max_examples=600, deadline=None)
@given(texts)
def test_name_finder_shortcuts_find_what_the_full_path_finds(text: str) -> None:
    FAST_NAMES._memo.clear()
    FULL_NAMES._memo.clear()
    anchors = [(m, m + 1) for m in range(len(text)) if text[m] in "+@"]
    assert FAST_NAMES.find(text, anchors) == FULL_NAMES.find(text, anchors)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=10).map("".join))
def test_name_finder_shortcuts_on_fragments_alone(text: str) -> None:
    """Texts made only of cues, names and values: where names are found most often."""
    FAST_NAMES._memo.clear()
    FULL_NAMES._memo.clear()
    assert FAST_NAMES.find(text) == FULL_NAMES.find(text)


def _spans(found: list[Span]) -> list[tuple[int, int, str, str]]:
    return [(sp.start, sp.end, sp.kind, sp.value) for sp in found]
