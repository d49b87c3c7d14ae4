"""The masker's shortcuts find exactly what the plain path finds, on random text.

Masking each distinct text once, sharing the digit runs of that scan with the search for a
person's values, skipping a person's phones and names that cannot occur, copying the fields the
policy keeps, and the candidate patterns written for speed: none of it may change a single
detection. Each property compares the shortcut with the plain computation it replaces.
"""

from __future__ import annotations

import re
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from archiver.transform import detectors as det
from archiver.transform.detectors import Detectors, KnownValues, Searchable, known_values
from archiver.transform.mask import Masker
from archiver.transform.namewords import FOLD_TABLE, fold
from archiver.transform.policy import PathNode, load_policy, parse_policy
from archiver.transform.pseudonym import Pseudonymizer
from tests.conftest import examples

POLICY = load_policy()
PSEUDO = Pseudonymizer(b"k" * 32)

# The candidate patterns as first written (a look-behind first, case-insensitive IBAN letters;
# a group may follow a line break, also JSON's "\n", as an IBAN wrapped over two lines).
REFERENCE_IBAN = re.compile(
    r"(?i)(?<![A-Za-z0-9])[A-Z]{2}\d{2}"
    r"(?:(?:[ -]|[ \t]*(?:\r?\n|\\n)[ \t]*)?[A-Z0-9]){10,32}(?![A-Za-z0-9])"
)
# A "+" after a word and a slash opens a number ("GSM/+47 …"), and "+", "(" or "0" after a
# word and a dot ("Tel.+33 …", "Tel.0041 …"), anything after a phone's label and a dot
# ("Tel.2123…"); nothing opens one after a digit and a dot; a letter of a script written
# without spaces does not keep one from opening ("手机号131 …") nor from ending ("…5678です");
# a tab ends one (table cells).
REFERENCE_NUM = re.compile(
    r"(?:(?<![\w+(])|(?<=[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]))"
    r"(?<!\w-)(?<![0-9_]\.)(?:(?<![^\W\d_]\.)|(?=[(+0])"
    + "".join(
        rf"|(?<=(?<![^\W\d_])(?i:{w})\.)"
        for w in ("tel", "tél", "ph", "mob", "tlf", "tfn", "fon", "cel", "gsm")
    )
    + r")(?:(?<!\w/)|(?=\+))"
    r"[(+]{0,3}\d[\d ().\-/]{4,30}\d"
    r"(?!(?![\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])\w|[-./]\w)"
)

# Pieces that make the detectors and the shortcuts work: values, decoys, cues, and the
# characters where case folding, digits and letters behave unusually.
FRAGMENTS = [
    "Ayşe Yılmaz",
    "ayşe",
    "YILMAZ",
    "İbrahim",
    "my name is Ana Souza",
    "ich heiße Jürgen Weiß",
    "Regards,\nAna Souza",
    "Ana Souza, +55 11 91234 5678",
    "ben Mehmet",
    "Hi Σοφία",
    "ΟΔΥΣΣΕΑΣ",
    "Strauß",
    "+90 532 123 45 67",
    "0532 123 45 67",
    "(212) 345-6789",
    "+44 7700 900123",
    "0049 30 1234567",
    "+1 (415) 580-6106",
    "ayse.yilmaz@example.com",
    "DE89 3704 0044 0532 0130 00",
    "de89370400440532013000",
    "TR33 0006 1005 1978 6457 8413 26",
    "GB82-WEST-1234-5698-7654-32",
    "4111 1111 1111 1111",
    "order no. 5321234567",
    "192.168.1.20",
    "2001:db8::1",
    "https://example.com/reset?token=JSt3se7irQXNa8pZ2k",
    "12/05/2025",
    "v1.2.3.4567",
    "ORD-1234567",
    "\\u0130stanbul",
    "\u0130",
    "\u0131",
    "\u017f",
    "\u212a",
    "\u0307",
    "ς",
    "²",
    "Tel.",
    "tél.",
    "hotel.",
    "手机号",
    "٣٤٥",
    "(((",
    "+",
    "-",
    ".",
    "/",
    "\n",
    "\t",
    " ",
    ", ",
]
ALPHABET = "aAzZ09 +-()./\t\nİıſKß²٣ςΣé@:,;|号"
texts = st.lists(
    st.sampled_from(FRAGMENTS) | st.text(alphabet=ALPHABET, max_size=8), max_size=12
).map("".join)

OWN = [
    ("name", "Ayşe"),
    ("name", "Yılmaz"),
    ("name", "Ana Souza"),
    ("name", "İbrahim"),
    ("name", "Σοφία"),
    ("email", "ayse.yilmaz@example.com"),
    ("phone", "+90 532 123 45 67"),
    ("phone", "+44 7700 900123"),
    ("phone", "(212) 345-6789"),
    ("username", "ayse_y"),
]
known_sets = st.lists(st.sampled_from(OWN), max_size=6)


def _known(values: list[tuple[str, str]]) -> KnownValues | None:
    s = POLICY.detectors
    return known_values(values, min_length=s.known_min_length, regions=s.phone_regions)


def _spans(found: list[det.Span]) -> list[tuple[int, int, str, str]]:
    return [(sp.start, sp.end, sp.kind, sp.value) for sp in found]


@settings(max_examples=examples(400), deadline=None)
@given(texts)
@example("DE89 3704 0044 0532 0130 00\nAyşe Yılmaz")  # an IBAN's last group, then a new line
@example("0.+90 532 123 45 67, Tel.0041 21 234 59 80, Tel.(+351) 21 234 5808, Art.1234567")
@example("Tel.21234927, Tél.612 34 83 66, hotel.2123456, 手机号131 2345 6512, 号+65 8123.0530")
def test_candidate_patterns_match_as_first_written(text: str) -> None:
    for fast, reference in ((det._IBAN_SHAPE, REFERENCE_IBAN), (det._NUM, REFERENCE_NUM)):
        assert [m.span() for m in fast.finditer(text)] == [
            m.span() for m in reference.finditer(text)
        ]
        for pos in range(len(text) + 1):  # the IBAN scan resumes mid-text
            a, b = fast.search(text, pos), reference.search(text, pos)
            assert (a and a.span()) == (b and b.span())


def test_fold_equals_the_translation_table_for_every_character() -> None:
    chars = [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000]
    assert [fold(c) for c in chars] == [c.lower().translate(FOLD_TABLE) for c in chars]


@settings(max_examples=examples(300), deadline=None)
@given(texts)
def test_fold_equals_the_translation_table_on_text(text: str) -> None:
    assert fold(text) == text.lower().translate(FOLD_TABLE)


def reference_find(known: KnownValues, text: str) -> list[det.Span]:
    """``KnownValues.find`` as first written: every digit run compared with every phone,
    every literal searched."""
    out: list[det.Span] = []
    for m in REFERENCE_NUM.finditer(text):
        digits = det._digits(m.group())
        if any(digits.endswith(n) and len(digits) - len(n) <= 5 for n in known.phones):
            e164 = det.phone_e164(m.group(), digits, known.regions)
            out.append(det.Span(m.start(), m.end(), det.PHONE, e164 or digits))
    if not known.needles:
        return out
    folded, where = det._fold_with_positions(text, text.lower().translate(FOLD_TABLE))
    names: list[tuple[int, int]] = []
    for needle, kind in known.needles:
        i = folded.find(needle)
        while i >= 0:
            j = i + len(needle)
            if det._bounded(folded, i, j, kind):
                if kind == det.NAME:
                    names.append((i, j))
                else:
                    a, b = where(i), where(j)
                    out.append(det.Span(a, b, kind, text[a:b].casefold()))
            i = folded.find(needle, i + 1)
    out.extend(det._name_spans(text, folded, names, where))
    return out


@settings(max_examples=examples(300), deadline=None)
@given(texts, known_sets)
# Arabic-Indic digits right after a word and a dot: no number opens there, as for ASCII ones
@example("hotel.٣٤٥4111 1111 1111 1111", [("name", "Ayşe")])
def test_person_values_found_alike_in_a_prepared_and_a_fresh_text(
    text: str, own: list[tuple[str, str]]
) -> None:
    """A text prepared by the detectors' scan (its digit runs reused, parts worked out lazily)
    gives a person's values exactly as a text prepared on its own."""
    known = _known(own)
    if known is None:
        return
    detectors = Detectors(POLICY.detectors)
    view, _ = det.json_view(text)
    _, prepared = detectors.scan_prepared(view)
    fresh = Searchable.of(view)
    expected = _spans(reference_find(known, view))
    assert _spans(known.find_in(prepared)) == expected
    assert _spans(known.find_in(fresh)) == expected
    assert prepared.numbers == tuple(
        (m.start(), m.end(), m.group(), det._digits(m.group()))
        for m in REFERENCE_NUM.finditer(view)
    )


@settings(max_examples=examples(300, fast=40), deadline=None)  # two maskers built per example
@given(texts, known_sets)
def test_masker_equals_the_detectors_uncached(text: str, own: list[tuple[str, str]]) -> None:
    """``Masker.mask_text`` (one scan per distinct text, the person's values searched in the
    prepared text) renders what ``Detectors.find`` finds with no cache at all, on a first and
    a repeated text, with and without the person's values."""
    masker = Masker(POLICY, PSEUDO)
    known = _known(own)
    reference = Detectors(POLICY.detectors)

    def render(spans: list[det.Span]) -> str:
        out, pos = [], 0
        for sp in spans:
            out += [text[pos : sp.start], masker.token(sp.kind, sp.value)]
            pos = sp.end
        return "".join([*out, text[pos:]])

    alone = render(reference.find(text))
    with_own = render(reference.find(text, known))
    for _ in range(2):  # the second time from the masker's cache
        assert masker.mask_text(text) == alone
        assert masker.mask_text(text, known) == with_own
    assert sorted(masker.names_in(text)) == sorted(
        {sp.value for sp in reference.find(text) if sp.kind == det.NAME}
    )


WALK_POLICY = parse_policy(
    b"""
version: t
platforms:
  x:
    default: mask
    tables:
      users:
        fields:
          id: {action: pseudonymise, as: subject}
          k1: keep
          k2: keep
          d: drop
          r: redact
          m: mask
          o.k: keep
          o.d: drop
          l[].k: keep
""",
    name="t.yaml",
)
values = st.none() | st.sampled_from(["x@y.co", "plain", "+90 532 123 45 67", 12345678, 3])
records = st.dictionaries(
    st.sampled_from(["id", "k1", "k2", "d", "r", "m", "u", "o", "l"]),
    values
    | st.dictionaries(st.sampled_from(["k", "d", "z"]), values, max_size=3)
    | st.lists(st.dictionaries(st.sampled_from(["k", "z"]), values, max_size=2), max_size=2),
    max_size=9,
)


class _EveryField(Masker):
    """The walk visiting every field, kept ones too: the plain path."""

    def kept_leaves(self, node: PathNode) -> frozenset[str]:
        return frozenset()


@settings(max_examples=examples(300), deadline=None)
@given(records)
def test_kept_fields_copied_equal_every_field_walked(data: dict[str, Any]) -> None:
    fast = Masker(WALK_POLICY, PSEUDO).mask_record("x", "users", data)
    plain = _EveryField(WALK_POLICY, PSEUDO).mask_record("x", "users", data)
    assert fast == plain
    assert list(fast) == list(plain)  # the same order of keys too
