"""Held-out bank 6 is sound as a yardstick: deterministic, every planted value where it says and
nowhere else, checksums and phone classes true, names of many languages after cues of many
languages, every position present, the profile holding what the platform would send. Nothing
here runs a detector on the bank."""

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
from bench import heldout_bank6, masking_quality
from bench.heldout_corpus import Conversation, Person, Text

KINDS = {"email", "phone", "card", "iban", "ip", "url", "name", "decoy"}
WHERE = re.compile(r"message:(user|bot|agent)|raw:[a-z_]+")
# Written here from the published registry, apart from the bank's own table.
IBAN_LENGTH = {
    "DE": 22,
    "GB": 22,
    "FR": 27,
    "NL": 18,
    "TR": 26,
    "NO": 15,
    "MT": 31,
    "BE": 16,
    "PL": 28,
    "CH": 21,
    "ES": 24,
    "IT": 27,
    "PT": 25,
    "SE": 24,
    "BR": 29,
    "SA": 24,
}
ISSUER = re.compile(
    r"4|5[1-5]|2[2-7]|3[47]|6011|64[4-9]|65|35|30[0-5]|36|38|62|67|50|60|"
    r"2200|2201|2202|2204|9792|63|45|606282|1"
)


@pytest.fixture(scope="module")
def bank() -> list[Conversation]:
    return heldout_bank6.corpus(1800, 1)


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
    return (
        sum(d if i % 2 == 0 else (d * 2) // 10 + (d * 2) % 10 for i, d in enumerate(ds)) % 10 == 0
    )


def _mod97(iban: str) -> int:
    s = iban.replace(" ", "")
    return int("".join(str(ord(c) - 55) if c.isalpha() else c for c in s[4:] + s[:4])) % 97


def test_same_seed_same_bank_other_seed_other_bank() -> None:
    def dump(convs: list[Conversation]) -> str:
        return json.dumps(
            [[c.platform, vars(c.person), c.profile, [vars(t) for t in c.texts]] for c in convs],
            ensure_ascii=False,
        )

    first = heldout_bank6.corpus(150, 5)
    assert dump(first) == dump(heldout_bank6.corpus(150, 5))
    assert dump(first) != dump(heldout_bank6.corpus(150, 6))


def test_the_interface_the_evaluation_reads(bank: list[Conversation]) -> None:
    assert sum(len(c.texts) for c in bank) >= 1800
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
            for t in c.texts:  # the free-text fields are the session record's own
                if t.where.startswith("raw:"):
                    assert c.profile[t.where[4:]] == t.text
    assert 0.8 * len(bank) < with_name < len(bank)


def test_every_planted_value_occurs_alone_and_clean(bank: list[Conversation]) -> None:
    bad = [(t.text, p) for t in _texts(bank) if (p := _clean(t))]
    assert not bad, bad[:5]


@settings(max_examples=8, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_any_seed_gives_a_clean_bank(seed: int) -> None:
    for t in _texts(heldout_bank6.corpus(30, seed)):
        assert not _clean(t), t.text


def _plain(s: str) -> str:
    """Lower case without accents, one character for one (so positions stay)."""
    return "".join(
        (unicodedata.normalize("NFKD", c)[:1] if not unicodedata.combining(c) else " ").lower()[:1]
        or " "
        for c in s
    )


def test_no_name_of_a_conversation_stands_unplanted(bank: list[Conversation]) -> None:
    """A name learned in one message is masked in every other message of the conversation (any
    case, with or without accents): wherever it stands there, it must be planted."""
    for c in bank:
        names = {
            _plain(v) for t in c.texts for k, v, _ in t.planted if k == "name" and "\\" not in v
        }
        for t in c.texts:
            text = list(t.text)
            mine = [False] * len(text)
            for k, v, _ in t.planted:
                for a, b in _occ(t.text, v):
                    for i in range(a, b):
                        if k == "name":
                            mine[i] = True
                        else:  # what other values cover is theirs
                            text[i] = " "
            rest = _plain("".join(text))
            for n in names:
                for m in re.finditer(rf"(?<!\w){re.escape(n)}(?!\w)", rest):
                    assert all(mine[m.start() : m.end()]), (n, t.text)


def test_a_conversation_with_a_stray_name_is_drawn_again() -> None:
    """The generator's own guard: the corpus above rarely meets the case, so it is built here."""
    text6 = heldout_bank6.Text6
    intro = text6("ben Can, merhaba", [("name", "Can", "name/cue-tr")], "message:user", ["x"])
    ask = text6("can you check my order?", [], "message:user", [])
    mail = text6("mail: can.y@gmail.com", [("email", "can.y@gmail.com", "email/plain")], "m", ["x"])
    decoy = text6("Will it come?", [("decoy", "Will", "decoy/word")], "message:user", ["x"])
    shout = text6("AYŞE said so", [], "message:user", [])
    stray = heldout_bank6._stray_names
    assert not stray([intro, mail], {"can"})  # inside an e-mail it is the e-mail's
    assert stray([intro, ask], {"can"})  # lower case, unplanted
    assert stray([decoy], {"will"})  # a decoy that is a name of the conversation
    assert stray([shout], {"ayse"})  # capitals, accents


def test_checksums_and_formats_hold(bank: list[Conversation]) -> None:
    seen: Counter[str] = Counter()
    for kind, value, cls, _ in _planted(bank):
        seen[cls.split("-")[0] if kind == "card" else kind] += 1
        if kind == "card":
            assert _luhn(value) and ISSUER.match(_digits(value)), value
            assert 12 <= len(_digits(value)) <= 19
        elif kind == "iban":
            compact = value.replace(" ", "")
            assert _mod97(compact) == 1, value
            if compact[:2] in IBAN_LENGTH:
                assert len(compact) == IBAN_LENGTH[compact[:2]], value
        elif cls == "decoy/iban-bad":
            assert _mod97(value.replace(" ", "")) != 1
        elif cls == "decoy/luhn-fail":
            assert len(_digits(value)) == 16 and not _luhn(value)
        elif cls == "decoy/ean":
            ds = [int(c) for c in value]
            assert sum(d * (3 if i % 2 else 1) for i, d in enumerate(ds)) % 10 == 0
        elif kind == "ip":
            assert ipaddress.ip_address(value).is_global or value.startswith("::ffff:"), value
        elif kind == "email":
            assert value.count("@") == 1 and " " not in value
    assert len([k for k in seen if k.startswith("card/")]) >= 12, seen
    assert len({v.replace(" ", "")[:2] for k, v, _, _ in _planted(bank) if k == "iban"}) >= 35


def test_phone_classes_agree_with_libphonenumber(bank: list[Conversation]) -> None:
    classes: Counter[str] = Counter()
    for kind, value, cls, _ in _planted(bank):
        if kind != "phone":
            continue
        value = json.loads(f'"{value}"') if "\\" in value else value
        digits = _digits(value)
        if cls.startswith("phone/national-"):
            num = phonenumbers.parse(value, cls.rsplit("-", 1)[1])
            assert phonenumbers.is_valid_number(num), (value, cls)
            classes["national"] += 1
            continue
        intl = "+" + (digits[2:] if value.startswith("00") else digits)
        if "(0)" in value:
            intl = "+" + _digits(value.split("(0)")[0]) + _digits(value.split("(0)")[1])
        num = phonenumbers.parse(intl, None)
        assert phonenumbers.is_possible_number(num), (value, cls)
        assert phonenumbers.is_valid_number(num) == ("unassigned" not in cls), (value, cls)
        classes["unassigned" if "unassigned" in cls else "intl"] += 1
    assert classes["national"] and classes["unassigned"] and classes["intl"]


def test_url_secrets_sit_inside_urls(bank: list[Conversation]) -> None:
    schemes: Counter[str] = Counter()
    for kind, value, _, t in _planted(bank):
        if kind != "url":
            continue
        for a, _ in _occ(t.text, value):
            m = re.search(r"([a-z+]+):(?:\\?/){2}[^\s\"'<>]*$", t.text[:a])
            assert m, (value, t.text)
            schemes[m.group(1)] += 1
    assert len(schemes) >= 6, schemes


def test_names_span_languages_cues_and_forms(bank: list[Conversation]) -> None:
    comp = heldout_bank6.composition(bank)
    assert len(comp["name_origin"]) >= 20 and "?" not in comp["name_origin"]
    assert {"lower", "upper", "diacritics", "ascii"} <= set(comp["name_form"])
    cue_langs = {c.rsplit("-", 1)[1] for c in comp["class"] if c.startswith("name/cue-")}
    assert {"en", "de", "fr", "es", "it", "pt", "tr", "nl", "pl"} <= cue_langs
    assert len(cue_langs) >= 14
    for uncued in (
        "signature",
        "signature-line",
        "cc",
        "attendees",
        "third-party",
        "table",
        "quoted-header",
        "json-escaped",
        "handoff-en",
        "relation-en",
        "bot-greet",
    ):
        assert comp["class"][f"name/{uncued}"] > 0, uncued


def test_positions_and_kinds_are_all_there(bank: list[Conversation]) -> None:
    comp = heldout_bank6.composition(bank)
    assert set(comp["kind"]) == KINDS
    spots = {s.split("@")[1] for s in comp["spot"]}
    assert {"line-start", "after-punct", "json", "markdown", "quoted", "signature", "raw"} <= spots
    assert {w.split(":")[0] for w in comp["where"]} == {"message", "raw"}
    decoys = {c for c in comp["class"] if c.startswith("decoy/")}
    for cls in (
        "order",
        "invoice",
        "tracking",
        "price",
        "date",
        "time",
        "version",
        "hash",
        "sku",
        "postal",
        "luhn-fail",
        "iban-bad",
        "word",
        "place",
        "weekday",
        "month",
        "brand",
        "product",
    ):
        assert f"decoy/{cls}" in decoys, cls


def test_line_start_values_start_their_line(bank: list[Conversation]) -> None:
    """What the composition counts at line starts is there (after a list marker, ``tel:`` or
    the name before it in the same signature at most)."""
    n = 0
    for t in _texts(bank):
        assert isinstance(t, heldout_bank6.Text6) and len(t.spots) == len(t.planted)
        names = [v for k, v, _ in t.planted if k == "name"]
        for (_, value, _), spot in zip(t.planted, t.spots, strict=True):
            if spot != "line-start":
                continue
            a = t.text.index(value)
            prefix = t.text[t.text.rfind("\n", 0, a) + 1 : a]
            for name in names:
                prefix = prefix.replace(name, "")
            assert re.fullmatch(r"[\s\-*•>|\d.,]*(tel:)?", prefix), (value, t.text)
            n += 1
    assert n > 100


def test_bot_json_parses_and_escaped_values_decode(bank: list[Conversation]) -> None:
    n = 0
    for t in _texts(bank):
        if not t.text.startswith("{"):
            continue
        obj = json.loads(t.text)
        blob = json.dumps(obj, ensure_ascii=False)
        for _, value, _ in t.planted:
            assert json.loads(f'"{value}"') in blob
        n += 1
    assert n > 20


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


def test_bank_6_reaches_the_evaluation_whole() -> None:
    masker: Any = SimpleNamespace(subject_values=_PassThrough)
    samples = masking_quality.heldout(300, 2, 6, masker)
    texts = _texts(heldout_bank6.corpus(300, 2))
    assert sorted(s.text for s in samples) == sorted(t.text for t in texts)
    by_text = {t.text: t for t in texts}
    for s in samples:
        assert s.classes == {(k, v): c for k, v, c in by_text[s.text].planted}
        assert s.where == by_text[s.text].where
