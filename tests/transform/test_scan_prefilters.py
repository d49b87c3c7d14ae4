"""Every shortcut that lets masking skip work finds exactly what the full path finds.

The name finder rules out most cue windows with one ``str.endswith`` call before comparing
them cue by cue, and asks the gazetteer about a capitalised word standing alone only when it is
a listed first name; a masker returns a text's last result when the same person's values come
again. Each property runs the shortcut and the full path (the name finder with its shortcuts
off, the detectors without any cache) on random text built from cue words, names, digits,
``@``, links and several scripts, and compares every detection.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.transform.detectors import Detectors, KnownValues, Span, known_values
from archiver.transform.mask import Masker
from archiver.transform.names import NameFinder
from archiver.transform.policy import load_policy
from archiver.transform.pseudonym import Pseudonymizer
from tests.conftest import examples

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


@settings(max_examples=examples(400), deadline=None)
@given(texts)
def test_name_finder_shortcuts_find_what_the_full_path_finds(text: str) -> None:
    FAST_NAMES._memo.clear()
    FULL_NAMES._memo.clear()
    anchors = [(m, m + 1) for m in range(len(text)) if text[m] in "+@"]
    assert FAST_NAMES.find(text, anchors) == FULL_NAMES.find(text, anchors)


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=10).map("".join))
def test_name_finder_shortcuts_on_fragments_alone(text: str) -> None:
    """Texts made only of cues, names and values: where names are found most often."""
    FAST_NAMES._memo.clear()
    FULL_NAMES._memo.clear()
    assert FAST_NAMES.find(text) == FULL_NAMES.find(text)


PEOPLE = [
    [("name", "Ana Souza"), ("email", "ana@example.com")],
    [("name", "Ayşe"), ("name", "Yılmaz"), ("phone", "0532 123 45 67")],
    [("name", "Robert"), ("phone", "+55 11 91234 5678"), ("username", "ana_s")],
    [("name", "Björn"), ("email", "bjorn@example.com")],
]


def _known(values: list[tuple[str, str]]) -> KnownValues | None:
    s = POLICY.detectors
    return known_values(values, min_length=s.known_min_length, regions=s.phone_regions)


REFERENCE = Detectors(POLICY.detectors)
KEY = Pseudonymizer(b"k" * 32)


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(st.tuples(texts, st.sampled_from(range(len(PEOPLE) + 1))), max_size=6))
def test_person_values_masked_alike_from_the_last_result_and_afresh(
    pairs: list[tuple[str, int]],
) -> None:
    """One masker that sees texts again, for the same person or another (its one-slot memo
    of the last person's result per text), masks each as the detectors find with no cache
    at all."""
    shared = Masker(POLICY, KEY)
    people = [None, *(_known(p) for p in PEOPLE)]

    def render(text: str, spans: list[Span]) -> str:
        out, pos = [], 0
        for sp in spans:
            out += [text[pos : sp.start], shared.token(sp.kind, sp.value)]
            pos = sp.end
        return "".join([*out, text[pos:]])

    for text, who in [*pairs, *pairs]:  # every pair a second time, from the memo
        known = people[who]
        assert shared.mask_text(text, known) == render(text, REFERENCE.find(text, known))
