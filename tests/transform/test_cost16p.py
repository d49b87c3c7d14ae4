"""The phone reader's cheaper steps find exactly what the scan found before them.

``Detectors._numbers`` and what it calls changed for speed only: a digit run shorter than any
phone or card is passed over before it is read; a run holding no full stop is not searched
for a sentence's end (``_pieces``); the date, document and version tests are one pattern
(``_NOT_PHONE``); the hour and coordinate tests run only on a run with a space or a dot;
``_decoy_context``'s verdict is kept per text before the number (a row's number still asks
``_opens_cell``) and ``_label_compound``'s per word; phone and routing cues are a set and a
tuple of stems. The reference is the same scan with those pieces as they were (kept here,
verbatim): every text is scanned both ways and the spans (start, end, kind, value) must be
equal. Texts: random mixes of what the changed pieces read, the synthetic corpus
(``archiver.simulators.synth``) and samples of held-out banks 12, 13 and 14.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable, Iterator, Sequence

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from archiver.transform import detectors as D
from archiver.transform.detectors import (
    _AT_DOMAIN_END,
    _COMPACT_DATE,
    _COORDINATE,
    _DATE,
    _DIGIT_GROUPS,
    _DOCUMENT,
    _FORM_VALUE,
    _NUM,
    _ROW_NUMBERING,
    _SENTENCE_GAP,
    _TAIL_WORDS,
    _TEL_URI,
    _VERSION,
    CARD,
    PHONE,
    Span,
    _amount_start,
    _card_prefix,
    _cued_longest,
    _digits,
    _hour_after_date,
    _in_coordinates,
    _international,
    _line_end,
    _without_dates,
    aba_ok,
)
from archiver.transform.namewords import fold
from archiver.transform.policy import load_policy
from tests.conftest import examples
from tests.transform.corpora import scanned

POLICY = load_policy()


def _pieces(nums: list[re.Match[str]]) -> Iterator[tuple[int, int]]:
    """``detectors._pieces`` as it was. Spans of the digit runs, cut where a sentence ends
    inside one ("… 2358. 2021 …"):
    a phone number never holds a full stop followed by a space. A run is read up to a length
    (``_NUM``): the number after a cut is read again from where it starts, whole ("…2388 549.
    5020 9055 6436 5885": the card's last groups are no run of their own)."""
    reach = 0
    for m in nums:
        if m.end() <= reach:
            continue
        start, end = max(m.start(), reach), m.end()
        for gap in _SENTENCE_GAP.finditer(m.string, start, end):
            if gap.start() > start:
                yield start, gap.start()
            start = gap.end()
        if start > m.start() and start < end:
            again = _NUM.match(m.string, start)
            if again is not None and again.end() > end and not _SENTENCE_GAP.search(again[0]):
                end = reach = again.end()
        if start < end:
            yield start, end


class Before(D.Detectors):
    """The detectors with the phone reader's steps as they were."""

    def _numbers(
        self,
        nums: list[re.Match[str]],
        claimed: list[tuple[int, int]],
        pending: list[tuple[int, int, str, str]],
        accounts: Sequence[tuple[int, int]] = (),
    ) -> Iterable[Span]:
        """Cards and phones in the digit runs; national forms no listed region takes go to
        ``pending`` (start, end, as written, digits) for ``_national_again``."""
        s = self.settings
        text = nums[0].string if nums else ""
        for start, end in _pieces(nums):
            if claimed and any(a < end and start < b for a, b in claimed):
                continue
            cand = text[start:end]
            while cand[0] == "(" and cand.count("(") > cand.count(")"):
                cand, start = cand[1:], start + 1
            if " " in cand or "\t" in cand:
                # a rule made after this reference (the same in both): a date that opens or
                # ends the groups and an amount that ends them are cut off, and a run whose
                # cut leaves a time, a date and an hour ("11:45 04.05.2021 13.50 Uhr") dropped
                shortest = min(
                    s.phone_min_digits if s.phone else 12, 12 if s.card else s.phone_min_digits
                )
                start, end = _without_dates(text, start, end)
                amount = _amount_start(text, start, end)
                if amount is not None and not (s.phone_cues and self._cued(text, start, end)):
                    head = _without_dates(text, start, amount)
                    if head[1] - head[0] < shortest:
                        continue
                    end = amount
                if end - start < shortest:
                    continue
                cand = text[start:end]
            digits = _digits(cand)
            n = len(digits)
            if s.card and n >= 12 and not cand.startswith("+"):
                cut = _card_prefix(cand, digits)
                if cut and not self._decoy_context(text, start, card=True):
                    yield Span(start, start + cut, CARD, _digits(cand[:cut]))
                    continue
            # E.164 allows 15 digits; written with the 00 international prefix, two more.
            longest = s.phone_max_digits + (2 if cand.startswith("00") else 0)
            if not s.phone or n < s.phone_min_digits:
                continue
            if _DATE.fullmatch(cand) or _DOCUMENT.fullmatch(cand) or _COMPACT_DATE.fullmatch(cand):
                continue
            if _hour_after_date(cand, text, end):
                continue
            if n <= 7 and cand[0] == "0":
                continue  # a trunk 0 and six digits: an order or item number ("(0776398)")
            if _COORDINATE.fullmatch(cand) and _in_coordinates(text, start, end):
                continue  # "pickup point at 16.47246, 41.55286": a latitude and a longitude
            if _VERSION.match(cand):
                continue  # "iOS 16.4.2 - 153 kg", "127.0.6514.190": a version, then a count
            if (
                (s.routing_cues or s.routing_prefixes)
                and n >= 9
                and self._routing_number(text, start, end, accounts)
            ):
                continue
            e164 = self._phone(cand, digits) if n <= longest else None
            if e164 is None and cand[0] == "8" and D._TRUNK_EIGHT.fullmatch(cand) is not None:
                # a later rule, added here as in the reader: "8 (912) 345-67-89" read in the
                # regions that write the trunk 8 (it changes values, not what is cheap)
                e164 = D.phone_e164(cand, digits, D._TRUNK_EIGHT_REGIONS, False)
            intl = cand[0] == "+" or cand[:2] == "00"
            if (
                e164 is None
                and intl
                and _TEL_URI.search(text, max(0, start - 5), start)
                and " " not in cand
                and "\t" not in cand
            ):
                # a ``tel:`` URI's global number (RFC 3966, no spaces): a phone by its syntax,
                # read whatever length libphonenumber expects for its country
                e164 = _international(cand, longest=17)
            # a national form no listed region takes, to be read again (``_national_again``)
            # when it has eight digits or more (seven: an order number as often as a phone)
            again = (
                (s.phone_text_regions or bool(s.phone_cues))
                and e164 is None
                and n <= longest
                and cand.lstrip("(")[:1] != "+"
                and cand[:2] != "00"
            )
            whole = end
            if e164 is None and " " in cand:
                if cand[0] == "+" or cand[:2] == "00":
                    # "+44 7700 900123 186.42": another number right after an international one.
                    e164, cut = self._phone_prefix(cand, longest)
                    if (
                        e164 is not None
                        and s.phone_cues
                        and _DIGIT_GROUPS.fullmatch(cand, cut)
                        and text[end : end + 1] != ":"  # a time or an address goes on
                        and _international(cand) is not None
                        and self._cued(text, start, end)
                    ):
                        # after a phone cue, digit groups that go on are the same number
                        # ("Mobile: +48 736 5524 267"), not a count after it
                        e164, cut = _international(cand), len(cand)
                else:
                    # National forms: only a short number or a date after the last space
                    # ("612328727 7/4 at 10pm", "0151 2185551 4 x 20 g"); cut anywhere, the
                    # groups of a longer number would pass for a phone.
                    e164, cut = self._national_prefix(cand, longest)
                end = start + cut
            if e164 is not None and not self._decoy_context(text, start, plus=intl):
                yield Span(start, end, PHONE, e164)
            elif (
                again
                and e164 is None
                and (n >= 8 or (s.phone_cues and self._cued(text, start, whole)))
                and not self._decoy_context(text, start)
            ):
                # seven digits: after a phone cue only (an order number as often otherwise)
                pending.append((start, whole, cand, digits))
            elif (
                e164 is None
                and intl
                and s.phone_cues
                and _international(cand, _cued_longest(cand)) is not None
                and not self._decoy_context(text, start, plus=True)
            ):
                # with a country code but a length its plan does not list: after a phone cue
                pending.append((start, whole, cand, digits))

    def _routing_number(
        self, text: str, start: int, end: int, accounts: Iterable[tuple[int, int]] = ()
    ) -> bool:
        """Nine digits written whole that pass the ABA checksum, after a routing cue on their
        line ("routing number 021000021", "ABA/RTN: …") or on the line of an IBAN with no
        phone cue before them ("refund to GB25… (052682272)": bank details side by side), or
        with no label when they open with a routing symbol of ``routing_prefixes`` and no
        phone cue stands before them ("(see 092704864)"): a bank's routing number (and what
        the digit run holds after it, a count or a weight, no phone either)."""
        first = text[start : start + 9]
        if end - start < 9 or (end - start > 9 and text[start + 9].isdigit()) or not aba_ok(first):
            return False
        line_start = text.rfind("\n", 0, start) + 1
        before = fold(text[max(line_start, start - 48) : start])
        cues = self.settings.routing_cues
        if any(
            (c.endswith("*") and w.startswith(c[:-1])) or c == w
            for w in _TAIL_WORDS.findall(before)
            for c in cues
        ):
            return True
        line_end = _line_end(text, end)
        if any(line_start <= a and b <= line_end for a, b in accounts) and not self._cue_in(
            text[line_start:start], last=4
        ):
            return True
        symbol = int(first[:2])
        return any(a <= symbol <= b for a, b in self.settings.routing_prefixes) and not self._cued(
            text, start, start + 9
        )

    def _is_cue(self, word: str) -> bool:
        for cue in self.settings.phone_cues:
            if (cue.endswith("*") and word.startswith(cue[:-1])) or cue == word:
                return True
        return False

    def _decoy_context(
        self, text: str, start: int, *, plus: bool = False, card: bool = False
    ) -> bool:
        """The number follows a word that names what it is: an order, an invoice, an IMEI.
        Only a label right before it counts ("Bestellnummer: 1649…", "order no. 2125…"), not
        one that ends a sentence or a line before it ("Ma commande ? 0033 6 …"). A number
        written with ``+`` (a country code) needs the label itself right before it, not a label
        and a word after it: "We sent a code to +44 …" is a phone. A ``card`` (issuer, length,
        grouping and Luhn all hold) needs a label word too: "#" after any other word ("cc#",
        "Karte#") numbers the card itself."""
        words = self.settings.not_after
        if not words:
            return False
        pre = text[max(0, start - 40) : start]
        if pre.endswith('"'):
            form = _FORM_VALUE.search(text, max(0, start - 80), start)
            if form is not None:  # {"label": "#", "value": "8600929596"}: the label's number
                pre = form["label"].rstrip() + " "
        # quotes too (a JSON key: "order": "4520554"), and the ° of "n°"
        gap = pre.rstrip(" \t:.#-–\"'°º")
        if "\n" in pre[len(gap) :] or not gap or not gap[-1].isalpha():
            return not card and pre.rstrip().endswith("#") and "\n" not in pre[len(pre.rstrip()) :]
        if _AT_DOMAIN_END.search(gap, max(0, len(gap) - 64)) is not None:
            return False  # an e-mail address's domain ("…@yahoo.co.id\t0031 …"), not a label
        tail = _TAIL_WORDS.findall(fold(gap[-40:]))[-2:]
        if not tail:
            return False
        last = tail[-1]
        if not card and pre.rstrip().endswith("#") and pre.rstrip()[:-1].rstrip(" \t:.-–") == gap:
            # "asked about #0521757", "siparişiniz #0417494": a "#" numbers something, unless
            # the word names a phone ("phone # 555 …", "Tel.#"). A card after "#" is judged by
            # its word alone ("cc# 3499 242656 02764": a card; "order #…": no card). A label
            # itself is one whatever it holds ("Bestellung #…" holds "tel").
            return last in words or not any(stem in last for stem in self.settings.not_after_unless)
        if last in words or " ".join(tail) in words:
            return True
        if len(tail) == 2 and last in self.settings.not_after_heads and tail[0] in words:
            return not plus
        if not plus and last in _ROW_NUMBERING and self._opens_cell(text, start):
            return True  # "NR. 1215644;Ana …": a record's own number opening a line or a cell
        return self._label_compound(last)

    def _label_compound(self, word: str) -> bool:
        """A compound that ends like a label ("Ordernummer", "Kundennr", "Verificatiecode") and
        names no phone or personal number ("Telefonnummer", "Ausweisnummer")."""
        s = self.settings
        ends = any(word.endswith(x) and len(word) >= len(x) + 3 for x in s.not_after_suffixes)
        return ends and not any(stem in word for stem in s.not_after_unless)


# Six-digit numbers in groups (``phone.short_digits``, a later rule) have no place in the
# reader this compares with: both read without them.
_SETTINGS = dataclasses.replace(POLICY.detectors, phone_short_digits=0)
NOW = D.Detectors(_SETTINGS)
BEFORE = Before(_SETTINGS)


def check(text: str, now: D.Detectors = NOW, before: D.Detectors = BEFORE) -> list[Span]:
    """The scan's spans are the reference's (unresolved and resolved); the spans."""
    got = now.scan(text)
    want = before.scan(text)
    assert got == want, text
    assert D.resolve(got) == D.resolve(want)
    return got


_PIECES = st.sampled_from(
    [
        "+44 7700 900123",
        "+44 7700 900123 186.42",
        "0151 2185551 4 x 20 g",
        "612328727 7/4 at 10pm",
        "030 1234567",
        "(0776398)",
        "0776398",
        "12 322 23 17",
        "2023-02-23 16:15:36",
        "04.05.2021 13.50 Uhr",
        "20191220 10:00",
        "le 20240701",
        "2023-640827",
        "iOS 16.4.2 - 153 kg",
        "127.0.6514.190",
        "16.47246, 41.55286",
        "routing number 021000021",
        "(see 092704864)",
        "GB25 NWBK 6016 1331 9268 19 (052682272)",
        "4111 1111 1111 1111",
        "Card: 3712 197321 21527 11:45",
        "cc# 3499 242656 02764",
        "order #0521757",
        "phone # 555 123 4567",
        "Bestellnummer: 16491234",
        "Telefonnummer: 16491234",
        "order no. 21251234",
        "NR. 1215644;Ana",
        "Nr. 1215644",
        "Tel. Nr. 1215644",
        '{"label": "#", "value": "8600929596"}',
        '"order": "4520554"',
        "Mobile: +48 736 5524 267",
        "tel:+4930123456789",
        "Tel\n615 9084",
        "M: 6912 815329",
        "Anna Berg | 96 141635",
        "name;phone\nAnna;512 851 855",
        "…@yahoo.co.id\t0031 6 12345678",
        "2358. 2021 4444",
        "5020 9055. 6436 5885",
        "123",
        "12345",
        "x1234567",
        "ext. 12",
        "\n",
        " ",
        ". ",
        "#",
        "Nr.",
    ]
)


@settings(max_examples=examples(500), deadline=None)
@given(pieces=st.lists(_PIECES, min_size=1, max_size=8), seps=st.text(" .,:;#|\n\t", max_size=6))
@example(pieces=["Nr. 1215644", "NR. 1215644;Ana"], seps="\n")
@example(pieces=["order #0521757", "order #0521757"], seps=" ")
@example(pieces=["2023-02-23 16:15:36", "04.05.2021 13.50 Uhr"], seps="")
def test_random_texts_scan_as_before(pieces: list[str], seps: str) -> None:
    check((seps or " ").join(pieces))


@settings(max_examples=examples(400), deadline=None)
@given(text=st.text(st.sampled_from("0123456789 ().-/+:#\nNr.orde\t"), max_size=100))
def test_any_digit_text_scans_as_before(text: str) -> None:
    check(text)


# Other settings: the least digits of a phone, cards or phones off (the run length cut).
_VARIANTS = [
    {"phone_min_digits": 5},
    {"phone_min_digits": 9},
    {"phone_min_digits": 13},
    {"card": False},
    {"phone": False},
    {"phone_cues": ("tel", "phon*"), "routing_cues": ("aba", "rout*")},
]


@functools.cache
def _pair(variant: int) -> tuple[D.Detectors, D.Detectors]:
    """The detectors of one changed setting, now and before, built once: building them is
    most of a case's time, and each holds no state a scan changes."""
    changed = dataclasses.replace(_SETTINGS, **_VARIANTS[variant])  # type: ignore[arg-type]
    return D.Detectors(changed), Before(changed)


@pytest.mark.parametrize("variant", range(len(_VARIANTS)))
@settings(max_examples=examples(150), deadline=None)
@given(pieces=st.lists(_PIECES, min_size=1, max_size=6), seps=st.text(" .,:;\n", max_size=4))
def test_other_settings_scan_as_before(variant: int, pieces: list[str], seps: str) -> None:
    check((seps or " ").join(pieces), *_pair(variant))


@settings(max_examples=examples(500), deadline=None)
@given(cand=st.text(st.sampled_from("0123456789 ./-"), min_size=1, max_size=24))
@example(cand="2023-02-23")
@example(cand="2023-640827")
@example(cand="20240701")
@example(cand="16.4.2")
def test_not_phone_is_the_four_tests(cand: str) -> None:
    want = bool(
        _DATE.fullmatch(cand)
        or _DOCUMENT.fullmatch(cand)
        or _COMPACT_DATE.fullmatch(cand)
        or _VERSION.match(cand)
    )
    assert bool(D._NOT_PHONE.match(cand)) == want


@settings(max_examples=examples(300), deadline=None)
@given(word=st.text(st.sampled_from("telphonaberum*x"), max_size=10))
@example(word="tel")
@example(word="telefon")
def test_cues_as_before(word: str) -> None:
    for cue in POLICY.detectors.phone_cues[:3]:
        assert NOW._is_cue(word + cue) == BEFORE._is_cue(word + cue)
    assert NOW._is_cue(word) == BEFORE._is_cue(word)


@pytest.mark.parametrize(
    "corpus",
    [
        "synth",
        "bank12",
        pytest.param("bank13", marks=pytest.mark.slow),
        pytest.param("bank14", marks=pytest.mark.slow),
    ],
)  # the other banks in the slow variant: each run of a bank takes seconds
def test_corpora_scan_as_before(corpus: str) -> None:
    texts, spans, kinds = scanned(corpus, seed=16, check=check)
    assert texts >= 2000
    assert spans >= 500
    assert {D.PHONE, D.CARD} <= kinds


_LABELS = [
    "",
    "#",
    "cc# ",
    "order #",
    "order no. ",
    "Nr. ",
    "NR. ",
    "phone # ",
    "Kundennr ",
    "tel ",
]
_NUMBERS = ["4111 1111 1111 1111", "3499 242656 02764", "612328727", "+44 7700 900123", "0776398"]


def test_verdicts_kept_per_label_as_before() -> None:
    """One label before a card, a phone, a number with a country code, in texts of their own:
    the verdict kept for one (``_decoy_context``) must not answer for another."""
    now = D.Detectors(POLICY.detectors)
    kinds: set[str] = set()
    for label in _LABELS:
        for number in _NUMBERS:
            for text in (label + number, "x\n" + label + number, "a;" + label + number):
                kinds.update(sp.kind for sp in check(text, now))
    assert {D.PHONE, D.CARD} <= kinds


def reference_card_issued(digits: str) -> bool:
    """``_card_issued`` as it was: every issuer's range and lengths tried in turn."""
    n = len(digits)
    for low, high, shortest, longest in D._ISSUERS:
        if shortest <= n <= longest and low <= digits[: len(low)] <= high:
            return True
    return False


@settings(max_examples=examples(500), deadline=None)
@given(digits=st.text(st.sampled_from("0123456789"), max_size=22))
@example(digits="4111111111111111")
@example(digits="501812345678")
def test_card_issued_as_before(digits: str) -> None:
    assert D._card_issued(digits) == reference_card_issued(digits)


def test_card_issued_every_issuer_edge_as_before() -> None:
    issued = 0
    for low, high, shortest, longest in D._ISSUERS:
        for prefix in (low, high):
            for n in range(shortest - 1, longest + 2):
                for fill in "09":
                    digits = (prefix + fill * n)[:n]
                    issued += D._card_issued(digits)
                    assert D._card_issued(digits) == reference_card_issued(digits), digits
    assert issued > 100
