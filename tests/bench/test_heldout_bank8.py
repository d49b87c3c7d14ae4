"""Held-out bank 8 is sound as a yardstick: deterministic, every planted value where it says and
nowhere else, checksums and phone classes true, names of many languages after cues of many
languages, every position present, the profile holding what the platform would send. Nothing
here runs a detector on the bank; the checks are written here apart from the bank's own."""

from __future__ import annotations

import ipaddress
import json
import re
import unicodedata
from collections import Counter
from types import SimpleNamespace
from typing import Any

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.sources.base import Record
from bench import heldout_bank8, masking_quality
from bench.heldout_corpus import Conversation, Person, Text

KINDS = {"email", "phone", "card", "iban", "ip", "url", "name", "decoy"}
WHERE = re.compile(r"message:(user|bot|agent)|raw:[A-Za-z_]+")
# IBAN lengths from the published registry, written here apart from the bank's layouts.
IBAN_LENGTH = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BR": 29, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20,
    "EG": 29, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18,
    "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IS": 26, "IT": 27, "JO": 30,
    "KW": 30, "KZ": 20, "LB": 28, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MD": 24,
    "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30, "NL": 18, "NO": 15, "PK": 24, "PL": 28,
    "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24, "SE": 24, "SI": 19, "SK": 24,
    "SM": 27, "TN": 24, "TR": 26, "UA": 29, "VG": 24, "XK": 20,
}  # fmt: skip
# Issuer prefixes (IIN ranges) of the brands the bank names in its classes.
ISSUER = {
    "visa": r"4",
    "mastercard": r"5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720)",
    "amex": r"3[47]",
    "discover": r"6011|64[4-9]|65",
    "jcb": r"35(2[89]|[3-8]\d)",
    "diners": r"30[0-5]|36|38",
    "unionpay": r"62",
    "maestro": r"5018|5020|5038|6304|6759|676[1-3]",
    "mir": r"220[0-4]",
    "troy": r"9792",
    "rupay": r"60|65|81|82|508",
    "elo": r"636368|504175|650031|4389|4514",
    "verve": r"5061|6500",
    "uatp": r"1",
}


@pytest.fixture(scope="module")
def bank() -> list[Conversation]:
    return heldout_bank8.corpus(1500, 1)


def _texts(convs: list[Conversation]) -> list[Text]:
    return [t for c in convs for t in c.texts]


def _planted(convs: list[Conversation]) -> list[tuple[str, str, str, Text]]:
    return [(k, v, c, t) for t in _texts(convs) for k, v, c in t.planted]


def _occ(text: str, value: str) -> list[tuple[int, int]]:
    return [(i, i + len(value)) for i in range(len(text)) if text.startswith(value, i)]


def _clean(t: Text) -> list[str]:
    """What would make the scorer count a planted value where it was not meant."""
    out, spans = [], []
    for kind, value, _ in t.planted:
        occ = _occ(t.text, value)
        if not occ:
            out.append(f"{kind} {value!r} not in the text")
        for a, b in occ:
            before = t.text[a - 1] if a else " "
            after = t.text[b] if b < len(t.text) else " "
            edge = before.isalnum() or after.isalnum() or unicodedata.combining(after)
            if edge and kind != "url":
                out.append(f"{value!r} is part of a longer word")
            spans.append((a, b, value))
    spans.sort()
    for i, (_, b1, v1) in enumerate(spans):
        out += [f"{v1!r} overlaps {v2!r}" for a2, _, v2 in spans[i + 1 :] if a2 < b1 and v2 != v1]
    if len({v for _, v, _ in t.planted}) != len(t.planted):
        out.append("one value planted twice or under two kinds")
    return out


def _digits(s: str) -> str:
    return "".join(c for c in s if c.isdigit())


def _luhn(number: str) -> bool:
    ds = [int(c) for c in _digits(number)][::-1]
    return sum(d if i % 2 == 0 else sum(divmod(2 * d, 10)) for i, d in enumerate(ds)) % 10 == 0


def _mod97(iban: str) -> int:
    s = re.sub(r"\s", "", iban).upper()
    return int("".join(str(ord(c) - 55) if c.isalpha() else c for c in s[4:] + s[:4])) % 97


def test_same_seed_same_bank_other_seed_other_bank() -> None:
    def dump(convs: list[Conversation]) -> str:
        return json.dumps(
            [[c.platform, vars(c.person), c.profile, [vars(t) for t in c.texts]] for c in convs],
            ensure_ascii=False,
        )

    first = heldout_bank8.corpus(120, 5)
    assert dump(first) == dump(heldout_bank8.corpus(120, 5))
    assert dump(first) != dump(heldout_bank8.corpus(120, 6))


def test_the_interface_the_evaluation_reads(bank: list[Conversation]) -> None:
    assert sum(len(c.texts) for c in bank) >= 1500
    assert {c.platform for c in bank} == {"peki", "kore", "selise"}
    for c in bank:
        assert isinstance(c, Conversation) and isinstance(c.person, Person)
        assert phonenumbers.is_possible_number(phonenumbers.parse(c.person.phone, None))
        assert "@" in c.person.email
        json.dumps(c.profile)
        for t in c.texts:
            assert isinstance(t, Text) and WHERE.fullmatch(t.where), t.where
            assert t.text and all(len(p) == 3 and p[0] in KINDS for p in t.planted)
            assert all(cls.split("/")[0] == kind for kind, _, cls in t.planted)


def test_the_profile_holds_what_the_platform_sends(bank: list[Conversation]) -> None:
    with_name = 0
    for c in bank:
        blob = json.dumps(c.profile, ensure_ascii=False)
        if c.platform != "kore":  # a Kore bot may set no user tags
            assert c.person.email in blob and c.person.first in blob
        with_name += c.person.first in blob and c.person.last in blob
        if c.platform == "selise":
            assert c.profile["user_info"]["phone"] == c.person.phone
        if c.platform == "peki":
            assert c.profile["phoneNumber"] == c.person.phone
        for t in c.texts:  # free-text fields the record itself carries are in it
            if c.platform == "selise" and t.where.startswith("raw:"):
                assert c.profile[t.where[4:]] == t.text
            if c.platform == "kore" and t.where.startswith("raw:"):
                tags = c.profile["tags"]["sessionTags"]
                assert {"name": t.where[4:], "value": t.text} in tags
    assert 0.8 * len(bank) < with_name < len(bank)


def test_every_planted_value_occurs_alone_and_clean(bank: list[Conversation]) -> None:
    bad = [(t.text, p) for t in _texts(bank) if (p := _clean(t))]
    assert not bad, bad[:5]


@settings(max_examples=6, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_any_seed_gives_a_clean_bank(seed: int) -> None:
    for t in _texts(heldout_bank8.corpus(25, seed)):
        assert not _clean(t), t.text


def _plain(s: str) -> str:
    """Lower case without accents, one character for one (so positions stay)."""
    return "".join(
        " "
        if unicodedata.combining(c)
        else (unicodedata.normalize("NFKD", c)[:1] or " ").lower()[:1]
        for c in s
    )


def _strays(c: Conversation) -> list[tuple[str, str]]:
    names = {_plain(v) for t in c.texts for k, v, _ in t.planted if k == "name" and "\\" not in v}
    names |= {_plain(c.person.first), _plain(c.person.last)}
    out = []
    for t in c.texts:
        text = list(t.text)
        mine = [False] * len(text)
        for k, v, _ in t.planted:
            for a, b in _occ(t.text, v):
                for i in range(a, b):
                    if k == "name":
                        mine[i] = True
                    elif k != "decoy":  # what other values cover is theirs; a decoy must stay
                        text[i] = " "
        rest = _plain("".join(text))
        for n in names:
            for m in re.finditer(rf"(?<!\w){re.escape(n)}(?!\w)", rest):
                if not all(mine[m.start() : m.end()]):
                    out.append((n, t.text))
    return out


def test_no_name_of_a_conversation_stands_unplanted(bank: list[Conversation]) -> None:
    """A name learned in one text is masked in every text of the conversation (any case, with
    or without accents), and the profile's name everywhere: wherever it stands, it is planted."""
    bad = [s for c in bank for s in _strays(c)]
    assert not bad, bad[:5]


def test_the_stray_guard_sees_case_accents_and_other_values() -> None:
    t8 = heldout_bank8.Text8
    intro = t8("ben Elif, merhaba", [("name", "Elif", "name/cue-tr")], "message:user", ["x"])
    ask = t8("ask elif about it", [], "message:user", [])
    mail = t8("mail: elif.k@gmail.com", [("email", "elif.k@gmail.com", "email/plain")], "m", ["x"])
    shout = t8("AYŞE said so", [], "message:user", [])
    decoy = t8("Sofia store was closed", [("decoy", "Sofia", "decoy/place")], "message:bot", ["x"])
    stray = heldout_bank8.stray_names
    assert not stray([intro, mail], {"elif"})  # inside an e-mail it is the e-mail's
    assert stray([intro, ask], {"elif"})  # lower case, unplanted
    assert stray([shout], {heldout_bank8.plain("Ayşe")})  # capitals, accents
    assert stray([decoy], {"sofia"})  # a decoy that is a name of the conversation


def test_checksums_and_formats_hold(bank: list[Conversation]) -> None:
    brands: Counter[str] = Counter()
    countries: set[str] = set()
    for kind, value, cls, _ in _planted(bank):
        value = json.loads(f'"{value}"') if "\\" in value else value
        if kind == "card":
            brand = cls.split("/")[1].rsplit("-", 1)[0]
            brands[brand] += 1
            assert _luhn(value) and re.match(ISSUER[brand], _digits(value)), value
            assert len(_digits(value)) == int(cls.rsplit("-", 1)[1])
        elif kind == "iban":
            compact = re.sub(r"\s", "", value).upper()
            countries.add(compact[:2])
            assert _mod97(compact) == 1 and len(compact) == IBAN_LENGTH[compact[:2]], value
        elif cls.startswith("decoy/iban-bad"):
            assert _mod97(value) != 1, value
        elif cls.startswith(("decoy/luhn-fail", "decoy/tracking16")):
            assert len(_digits(value)) == 16 and not _luhn(value), value
        elif cls.startswith("decoy/ean"):
            ds = [int(c) for c in value]
            assert sum(d * (3 if i % 2 else 1) for i, d in enumerate(ds)) % 10 == 0
        elif kind == "ip":
            assert ipaddress.ip_address(value).is_global, value
        elif kind == "email":
            assert value.count("@") == 1 and " " not in value
    assert len(brands) >= 12, brands
    assert len(countries) >= 40, countries


def _intl(value: str) -> str:
    """The number in E.164 from how the bank wrote it internationally."""
    if "(0)" in value:
        head, tail = value.split("(0)")
        return "+" + _digits(head) + _digits(tail)
    return "+" + (_digits(value)[2:] if value.startswith("00") else _digits(value))


_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def test_phone_classes_agree_with_libphonenumber(bank: list[Conversation]) -> None:
    classes: Counter[str] = Counter()
    for kind, value, cls, _ in _planted(bank):
        if kind != "phone":
            continue
        value = json.loads(f'"{value}"') if "\\" in value else value
        if cls.startswith("phone/national-"):
            num = phonenumbers.parse(value, cls.split("-")[1])
            assert phonenumbers.is_valid_number(num), (value, cls)
            classes["national"] += 1
            continue
        if cls.startswith("phone/words"):
            words = value.split()
            assert words[0] == "plus"
            cc = "".join(str(_WORDS.index(w)) for w in words[1:] if w in _WORDS)
            num = phonenumbers.parse("+" + cc + _digits(value), None)
        else:
            num = phonenumbers.parse(_intl(value), None)
        assert phonenumbers.is_possible_number(num), (value, cls)
        assert phonenumbers.is_valid_number(num) == ("unassigned" not in cls), (value, cls)
        classes[cls.split("/")[1].split("-")[0]] += 1
    for want in ("national", "intl", "unassigned", "words", "wa", "tel"):
        assert classes[want] > 0, (want, classes)


def test_emails_come_in_the_forms_mail_programs_write(bank: list[Conversation]) -> None:
    comp = heldout_bank8.composition(bank)
    for form in ("plain", "plus", "subdomain", "upper", "angle", "quoted-display"):
        assert comp["class"][f"email/{form}"] > 0, form
    mailto = [v for k, v, _, t in _planted(bank) if k == "email" and f"mailto:{v}" in t.text]
    assert mailto


def test_url_secrets_sit_inside_urls(bank: list[Conversation]) -> None:
    schemes: Counter[str] = Counter()
    for kind, value, _, t in _planted(bank):
        if kind != "url":
            continue
        for a, _ in _occ(t.text, value):
            m = re.search(r"([a-z][a-z0-9+]*):(?:\\?/){2}[^\s\"'<>]*$", t.text[:a])
            assert m, (value, t.text)
            schemes[m.group(1)] += 1
    assert len(schemes) >= 6, schemes


def test_names_span_languages_cues_and_forms(bank: list[Conversation]) -> None:
    comp = heldout_bank8.composition(bank)
    assert len(comp["origin"]) >= 20
    assert {"lower", "upper", "diacritics", "ascii", "native-script"} <= set(comp["name_form"])
    cue_langs = {c.rsplit("-", 1)[1] for c in comp["class"] if c.startswith("name/cue-")}
    assert {"en", "de", "fr", "es", "it", "pt", "tr", "nl", "pl"} <= cue_langs
    assert len(cue_langs) >= 14, cue_langs
    for uncued in (
        "signature",
        "signature-line",
        "cc",
        "attendees",
        "third-party",
        "quoted-header",
        "mention",
        "chatlog",
        "crm",
        "only-reply",
        "card-holder",
        "bot-json",
        "markdown",
        "sms",
    ):
        assert comp["class"][f"name/{uncued}"] > 0, uncued
    for cued in ("relation-", "handoff-", "greet-", "speaking-", "signoff-"):
        assert any(c.startswith(f"name/{cued}") for c in comp["class"]), cued
    titles = {c.split("-", 1)[1] for c in comp["class"] if c.startswith("name/title-")}
    assert "dr" in titles and len(titles) >= 8, titles
    inflected = {c.rsplit("-")[-1] for c in comp["class"] if c.startswith("name/inflected-")}
    assert len(inflected) >= 4, inflected
    assert len({c for c in comp["class"] if c.startswith("name/possessive-")}) >= 2


@pytest.mark.parametrize(
    ("lang", "first", "last", "female", "script", "word"),
    [
        ("pl", "Jakub", "Kowalski", False, "latin", "Kowalskiego"),
        ("pl", "Jakub", "Mazur", False, "latin", "Mazura"),
        ("pl", "Joanna", "Kowalska", True, "latin", "Kowalskiej"),
        ("cs", "Petr", "Novák", False, "latin", "Novákovi"),
        ("cs", "Petr", "Němec", False, "latin", "Němcovi"),
        ("cs", "Jana", "Nováková", True, "latin", "Novákové"),
        ("hu", "Bence", "Varga", False, "latin", "Vargának"),
        ("ru", "Дмитрий", "Смирнов", False, "native", "Дмитрию"),
        ("uk", "Олена", "Шевченко", True, "native", "Олені"),
        ("el", "Γιώργος", "Παππάς", False, "native", "Γιώργου"),
    ],
)
def test_case_forms_are_the_languages_own(
    lang: str, first: str, last: str, female: bool, script: str, word: str
) -> None:
    who = heldout_bank8.Who(lang, first, last, first, last, female, script)
    got = heldout_bank8.inflected(who)
    assert got is not None and got[1] == word and got[2] == f"name/inflected-{lang}"


def test_turkish_possessive_follows_vowel_harmony() -> None:
    suffix = heldout_bank8.tr_genitive
    assert [suffix(n) for n in ("Ayşe", "Mehmet", "Oğuz", "Burak", "Gül", "Zeynep")] == [
        "nin",
        "in",
        "un",
        "ın",
        "ün",
        "in",
    ]


@pytest.mark.parametrize(
    ("lang", "female", "title"),
    [
        ("tr", False, r"{F} Bey"),
        ("tr", True, r"{F} Hanım"),
        ("ja", False, r"{L}-san"),
        ("de", True, r"Frau {L}"),
        ("fr", False, r"M\. {L}"),
        ("es", True, r"Sra\. {L}"),
    ],
)
def test_titles_stand_where_each_language_puts_them(lang: str, female: bool, title: str) -> None:
    import random

    rng = random.Random(lang)
    while True:
        who = heldout_bank8.make_who(rng, lang)
        if who.female == female:
            break
    who.script = "latin"
    mail = f"{heldout_bank8.fold(who.first_latin).lower()}@example.org"
    phone = heldout_bank8.a_phone(rng, heldout_bank8.HOME[lang][0], own=True)
    c = heldout_bank8.Ctx(rng, who, "peki", mail, phone, who, "Bremen", "en")
    texts = [d.build() for _ in range(12) for d in heldout_bank8.a_titled(c)]
    ours = [t for t in texts if any(cls == f"name/title-{lang}" for _, _, cls in t.planted)]
    assert ours
    for t in ours:
        pat = title.format(F=re.escape(who.first), L=re.escape(who.last))
        assert re.search(pat, t.text), (pat, t.text)
        assert not _clean(t)


def test_positions_and_kinds_are_all_there(bank: list[Conversation]) -> None:
    comp = heldout_bank8.composition(bank)
    assert set(comp["kind"]) == KINDS
    spots = {s.split("@")[1] for s in comp["spot"]}
    want = {"line-start", "after-punct", "json", "markdown", "quoted", "signature", "raw", "log"}
    assert want | {"kv", "url", "mention"} <= spots, spots
    assert {w.split(":")[0] for w in comp["where"]} == {"message", "raw"}
    decoys = {c.split("/")[1].removesuffix("-lower") for c in comp["class"] if c[:6] == "decoy/"}
    for cls in (
        "order",
        "invoice",
        "ticket",
        "tracking",
        "tracking16",
        "price",
        "date",
        "time",
        "version",
        "hash",
        "uuid",
        "sku",
        "postal",
        "luhn-fail",
        "iban-bad",
        "bic",
        "sort-code",
        "coords",
        "word",
        "place",
        "weekday",
        "month",
        "brand",
        "product",
        "plain-url",
    ):
        assert cls in decoys, cls


def test_line_start_values_start_their_line(bank: list[Conversation]) -> None:
    n = 0
    for t in _texts(bank):
        assert isinstance(t, heldout_bank8.Text8) and len(t.spots) == len(t.planted)
        for (_, value, _), spot in zip(t.planted, t.spots, strict=True):
            if spot != "line-start":
                continue
            a = t.text.index(value)
            prefix = t.text[t.text.rfind("\n", 0, a) + 1 : a]
            for _, other, _ in t.planted:  # a family name after the given name, say
                prefix = prefix.replace(other, "")
            assert re.fullmatch(r"[\s\-*•>|]*", prefix), (value, t.text)
            n += 1
    assert n > 100


def _strings(obj: Any) -> Any:
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from _strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _strings(v)


def test_bot_json_parses_and_escaped_values_decode(bank: list[Conversation]) -> None:
    n = escaped = 0
    for t in _texts(bank):
        if not t.text.startswith("{"):
            continue
        strings = list(_strings(json.loads(t.text)))
        for _, value, _ in t.planted:
            assert any(json.loads(f'"{value}"') in s for s in strings), (value, t.text)
            escaped += "\\u" in value
        n += 1
    assert n > 20 and escaped > 0


class _PassThrough:
    """Subject values that learn nothing: the records come out as they went in."""

    def learn(self, platform: str, rec: Record) -> None:
        pass

    def hold(self, rec: Record, rid: str) -> list[tuple[Record, str, None]]:
        return [(rec, rid, None)]

    def drain(self) -> list[tuple[Record, str, None]]:
        return []

    def of(self, uid: str, sid: str) -> None:
        return None


def test_bank_8_reaches_the_evaluation_whole() -> None:
    masker: Any = SimpleNamespace(subject_values=_PassThrough)
    samples = masking_quality.heldout(250, 2, 8, masker)
    texts = _texts(heldout_bank8.corpus(250, 2))
    assert sorted(s.text for s in samples) == sorted(t.text for t in texts)
    by_text = {t.text: t for t in texts}
    for s in samples:
        assert s.classes == {(k, v): c for k, v, c in by_text[s.text].planted}
        assert s.where == by_text[s.text].where
