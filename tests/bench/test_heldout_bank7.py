"""Held-out bank 7 is a sound yardstick on its own terms: the same seed gives the same bank,
every planted value stands where it says and nowhere it should not, checksums and phone classes
are what libphonenumber and the published schemes say, names come from many languages after
cues of many languages, every position and kind is there, and the profile holds what each
platform sends. No detector runs here."""

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
from bench import heldout_bank7, masking_quality
from bench.heldout_corpus import Conversation, Person, Text

KINDS = {"email", "phone", "card", "iban", "ip", "url", "name", "decoy"}
WHERE = re.compile(r"message:(user|bot|agent)|raw:(feedback|summary|notes|agent_notes)")
# IBAN lengths from the published registry, kept apart from the bank's own layout table.
IBAN_LENGTH = {
    "AT": 20,
    "BE": 16,
    "BR": 29,
    "CH": 21,
    "CZ": 24,
    "DE": 22,
    "DK": 18,
    "ES": 24,
    "FI": 18,
    "FR": 27,
    "GB": 22,
    "GR": 27,
    "HU": 28,
    "IE": 22,
    "IT": 27,
    "MT": 31,
    "NL": 18,
    "NO": 15,
    "PL": 28,
    "PT": 25,
    "RO": 24,
    "SA": 24,
    "SE": 24,
    "TR": 26,
    "UA": 29,
}
# Issuer prefixes by brand (public IIN ranges), written here apart from the bank.
ISSUER = {
    "visa": r"4",
    "mastercard": r"5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720)",
    "amex": r"3[47]",
    "discover": r"6011|64[4-9]|65",
    "jcb": r"35(2[89]|[3-8]\d)",
    "diners": r"30[0-5]|36|38",
    "unionpay": r"62",
    "maestro": r"5018|5020|6304|6759",
    "mir": r"220[0-4]",
    "troy": r"9792",
    "rupay": r"60|65|81|82",
    "elo": r"4576|5067|6362",
    "verve": r"5061|6500",
}


@pytest.fixture(scope="module")
def bank() -> list[Conversation]:
    return heldout_bank7.corpus(1200, 1)


def _texts(convs: list[Conversation]) -> list[Text]:
    return [t for c in convs for t in c.texts]


def _planted(convs: list[Conversation]) -> list[tuple[str, str, str, Text]]:
    return [(k, v, c, t) for t in _texts(convs) for k, v, c in t.planted]


def _at(text: str, value: str) -> list[tuple[int, int]]:
    out, i = [], text.find(value)
    while i >= 0:
        out.append((i, i + len(value)))
        i = text.find(value, i + 1)
    return out


def _clean(t: Text) -> list[str]:
    """Whatever would make the scorer count a value where it was not meant to stand."""
    out: list[str] = []
    spans: list[tuple[int, int, str]] = []
    for kind, value, _ in t.planted:
        found = _at(t.text, value)
        if not found:
            out.append(f"{kind} {value!r} not in the text")
        for a, b in found:
            left = t.text[a - 1] if a else " "
            right = t.text[b] if b < len(t.text) else " "
            if kind != "url" and (
                left.isalnum() or right.isalnum() or unicodedata.combining(right)
            ):
                out.append(f"{value!r} inside a longer word")
            spans.append((a, b, value))
    spans.sort()
    for i, (_, end, v1) in enumerate(spans):
        out += [f"{v1!r} overlaps {v2!r}" for a2, _, v2 in spans[i + 1 :] if a2 < end and v2 != v1]
    if len({v for _, v, _ in t.planted}) != len(t.planted):
        out.append("a value planted twice")
    return out


def _digits(s: str) -> str:
    return "".join(c for c in s if c.isdigit())


def _luhn(number: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(_digits(number))):
        d = int(c) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def _mod97(iban: str) -> int:
    s = iban.replace(" ", "").upper()
    return int("".join(str(int(c, 36)) for c in s[4:] + s[:4])) % 97


def _dump(convs: list[Conversation]) -> str:
    return json.dumps(
        [[c.platform, vars(c.person), c.profile, [vars(t) for t in c.texts]] for c in convs],
        ensure_ascii=False,
    )


def test_same_seed_same_bank_other_seed_other_bank() -> None:
    first = heldout_bank7.corpus(120, 5)
    assert _dump(first) == _dump(heldout_bank7.corpus(120, 5))
    assert _dump(first) != _dump(heldout_bank7.corpus(120, 6))


def test_the_interface_the_evaluation_reads(bank: list[Conversation]) -> None:
    assert sum(len(c.texts) for c in bank) >= 1200
    assert {c.platform for c in bank} == {"peki", "kore", "selise"}
    for c in bank:
        assert isinstance(c, Conversation) and isinstance(c.person, Person)
        assert phonenumbers.is_valid_number(phonenumbers.parse(c.person.phone, None))
        assert c.person.email.count("@") == 1
        json.dumps(c.profile)
        for t in c.texts:
            assert isinstance(t, heldout_bank7.Text7) and WHERE.fullmatch(t.where), t.where
            assert t.text and all(len(p) == 3 and p[0] in KINDS for p in t.planted)
            assert all(cls.split("/")[0] == kind for kind, _, cls in t.planted)
            assert len(t.spots) == len(t.origins) == len(t.planted)


def test_the_profile_holds_what_the_platform_sends(bank: list[Conversation]) -> None:
    full = 0
    for c in bank:
        p = c.person
        blob = json.dumps(c.profile, ensure_ascii=False)
        full += p.first in blob and p.last in blob
        if c.platform == "peki":
            assert c.profile["firstName"] == p.first and c.profile["phoneNumber"] == p.phone
            assert c.profile["email"] == p.email
        elif c.platform == "kore":
            tags = {t["name"]: t["value"] for t in c.profile["tags"]["userTags"]}
            assert not tags or (tags["Email"], tags["Mobile"]) == (p.email, p.phone)
        else:
            assert c.profile["user_info"]["phone"] == p.phone
            assert c.profile["user_info"]["email"] == p.email
            for t in c.texts:
                if t.where.startswith("raw:"):
                    assert c.profile[t.where[4:]] == t.text
        for t in c.texts:
            assert c.platform == "selise" or not t.where.startswith("raw:")
    assert 0.7 * len(bank) < full < len(bank)


def test_every_planted_value_stands_alone_and_clean(bank: list[Conversation]) -> None:
    bad = [(t.text, p) for t in _texts(bank) if (p := _clean(t))]
    assert not bad, bad[:5]


@settings(max_examples=6, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_any_seed_gives_a_clean_bank(seed: int) -> None:
    for t in _texts(heldout_bank7.corpus(25, seed)):
        assert not _clean(t), t.text


def _fold(s: str) -> str:
    """Lower case without accents, one character for one so positions stay."""
    out = []
    for c in s:
        base = unicodedata.normalize("NFKD", c)[:1] if not unicodedata.combining(c) else " "
        out.append((base or " ").lower()[:1] or " ")
    return "".join(out)


def test_no_name_of_a_conversation_stands_unplanted(bank: list[Conversation]) -> None:
    """What the masker learns about a name it masks in every text of the conversation, in any
    case and with or without accents: wherever it stands there, it must be planted."""
    for c in bank:
        names = {_fold(c.person.first), _fold(c.person.last)}
        names |= {_fold(v) for t in c.texts for k, v, _ in t.planted if k == "name"}
        names = {n for n in names if "\\" not in n}
        for t in c.texts:
            chars, mine = list(t.text), [False] * len(t.text)
            for k, v, _ in t.planted:
                for a, b in _at(t.text, v):
                    for i in range(a, b):
                        if k == "name":
                            mine[i] = True
                        elif k != "decoy":
                            chars[i] = " "
            rest = _fold("".join(chars))
            for n in names:
                for m in re.finditer(rf"(?<!\w){re.escape(n)}(?!\w)", rest):
                    assert all(mine[m.start() : m.end()]), (n, t.text)


def test_the_stray_name_guard_catches_what_it_should() -> None:
    t7 = heldout_bank7.Text7
    intro = t7("merhaba ben Can", [("name", "Can", "name/cue-tr")], "message:user", ["x"], [""])
    ask = t7("can you help?", [], "message:user", [], [])
    mail = t7("mail can.y@web.de", [("email", "can.y@web.de", "email/plain")], "message:user")
    shout = t7("ÇAĞLA said so", [], "message:user", [], [])
    stray = heldout_bank7.stray_names
    assert not stray([intro, mail], {"can"})
    assert stray([intro, ask], {"can"})
    assert stray([shout], {"cagla"})


def test_checksums_and_formats_hold(bank: list[Conversation]) -> None:
    brands: Counter[str] = Counter()
    countries: set[str] = set()
    for kind, value, cls, _ in _planted(bank):
        if kind == "card":
            brand = cls.split("/")[1].split("-")[0]
            brands[brand] += 1
            assert _luhn(value), value
            assert re.match(ISSUER[brand], _digits(value)), (brand, value)
            assert 12 <= len(_digits(value)) <= 19
        elif kind == "iban":
            compact = value.replace(" ", "").upper()
            countries.add(compact[:2])
            assert _mod97(compact) == 1, value
            if compact[:2] in IBAN_LENGTH:
                assert len(compact) == IBAN_LENGTH[compact[:2]], value
        elif cls == "decoy/iban-bad":
            assert _mod97(value) != 1, value
        elif cls == "decoy/luhn-fail":
            assert len(_digits(value)) == 16 and not _luhn(value), value
        elif cls == "decoy/ean":
            ds = [int(c) for c in value]
            assert sum(d * (3 if i % 2 else 1) for i, d in enumerate(ds)) % 10 == 0
        elif kind == "ip":
            addr = ipaddress.ip_address(value)
            if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped:
                addr = addr.ipv4_mapped
            assert addr.is_global, value
        elif kind == "email":
            assert value.count("@") == 1 and " " not in value
    assert len(brands) >= 12, brands
    assert len(countries) >= 35, countries


def test_phone_classes_agree_with_libphonenumber(bank: list[Conversation]) -> None:
    seen: Counter[str] = Counter()
    for kind, value, cls, _ in _planted(bank):
        if kind != "phone":
            continue
        region = cls.rsplit("-", 1)[1]
        if "national" in cls:
            num = phonenumbers.parse(value, region)
            assert phonenumbers.is_valid_number_for_region(num, region), (value, cls)
            seen["voice" if "voice" in cls else "national"] += 1
            continue
        head, _, tail = value.partition("(0)")
        digits = _digits(head) + _digits(tail)
        digits = digits[2:] if value.lstrip("( ").startswith("00") else digits
        num = phonenumbers.parse("+" + digits, None)
        assert phonenumbers.is_possible_number(num), (value, cls)
        assert phonenumbers.is_valid_number(num) == ("unassigned" not in cls), (value, cls)
        seen["unassigned" if "unassigned" in cls else "intl"] += 1
        seen["00"] += "-00" in cls
        seen["trunk0"] += "-trunk0" in cls
        seen["ext"] += "-ext" in cls
    assert all(seen[k] for k in ("national", "voice", "unassigned", "intl", "00", "trunk0", "ext"))


def test_url_secrets_sit_inside_urls(bank: list[Conversation]) -> None:
    schemes: Counter[str] = Counter()
    for kind, value, _, t in _planted(bank):
        if kind != "url":
            continue
        for a, _ in _at(t.text, value):
            m = re.search(r"([a-z][a-z0-9+]*)://[^\s\"'<>]*$", t.text[:a])
            assert m, (value, t.text)
            schemes[m.group(1)] += 1
    assert len(schemes) >= 8, schemes


def test_names_span_languages_cues_and_forms(bank: list[Conversation]) -> None:
    comp = heldout_bank7.composition(bank)
    assert len(comp["name_origin"]) >= 20
    assert {"lower", "upper", "ascii", "diacritics", "escaped"} <= set(comp["name_form"])
    cue_langs = {c.rsplit("-", 1)[1] for c in comp["class"] if c.startswith("name/cue-")}
    assert {"en", "de", "fr", "es", "it", "pt", "tr", "nl", "pl"} <= cue_langs
    assert len(cue_langs) >= 14, cue_langs
    for uncued in (
        "signature-line",
        "initials",
        "cc",
        "attendees",
        "third-party",
        "csv",
        "address",
        "forward-header",
        "json-escaped",
        "bot-greet",
        "table",
        "raw-notes",
    ):
        assert comp["class"][f"name/{uncued}"] > 0, uncued
    for prefix in ("signoff-", "greet-", "relation-", "handoff-", "voice-"):
        assert any(c.startswith(f"name/{prefix}") for c in comp["class"]), prefix
    names = [v for k, v, _, _ in _planted(bank) if k == "name"]
    assert any(re.search(r"^(van|de|von|al-|bin|dos) |^(al|El|Abu)-|^O'|^Mc|^D'", n) for n in names)
    assert any("-" in n and n[0].isupper() and "-" not in n[:2] for n in names)


def test_positions_and_kinds_are_all_there(bank: list[Conversation]) -> None:
    comp = heldout_bank7.composition(bank)
    assert set(comp["kind"]) == KINDS
    spots = {s.split("@")[1] for s in comp["spot"]}
    want = {"line-start", "after-punct", "json", "markdown", "quoted", "signature", "raw", "csv"}
    assert want | {"voice", "log"} <= spots
    assert {w.split(":")[0] for w in comp["where"]} == {"message", "raw"}
    decoys = {c.split("/")[1] for c in comp["class"] if c.startswith("decoy/")}
    assert {
        "order",
        "invoice",
        "ticket",
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
    } <= decoys


def test_line_start_values_start_their_line(bank: list[Conversation]) -> None:
    n = 0
    for t in _texts(bank):
        assert isinstance(t, heldout_bank7.Text7)
        for (_, value, _), spot in zip(t.planted, t.spots, strict=True):
            if spot != "line-start":
                continue
            a = t.text.index(value)
            prefix = t.text[t.text.rfind("\n", 0, a) + 1 : a]
            assert re.fullmatch(r"(- )?(M: |Tel |📱 |<|mailto:|\[)?", prefix), (value, t.text)
            n += 1
    assert n > 100


def test_json_texts_parse_and_escaped_names_decode(bank: list[Conversation]) -> None:
    n = escaped = 0
    for t in _texts(bank):
        if not t.text.startswith("{"):
            continue
        obj = json.loads(t.text)
        blob = json.dumps(obj, ensure_ascii=False)
        for _, value, _ in t.planted:
            decoded = json.loads(f'"{value}"')
            assert decoded in blob
            escaped += decoded != value
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


def test_bank_7_reaches_the_evaluation_whole() -> None:
    masker: Any = SimpleNamespace(subject_values=_PassThrough)
    samples = masking_quality.heldout(200, 2, 7, masker)
    texts = _texts(heldout_bank7.corpus(200, 2))
    assert sorted(s.text for s in samples) == sorted(t.text for t in texts)
    by_text = {t.text: t for t in texts}
    for s in samples:
        assert s.classes == {(k, v): c for k, v, c in by_text[s.text].planted}
        assert s.where == by_text[s.text].where
