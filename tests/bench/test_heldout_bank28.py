"""Soundness of held-out bank 28: placement, validity of structured values, decoys, coverage."""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from collections import Counter
from functools import cache
from itertools import pairwise

import phonenumbers
import pytest

from bench import heldout_bank28 as bank
from bench.heldout_bank28_names import (
    CORE,
    FEMALE,
    LATIN_NEW,
    NAMES,
    REGION,
    ROMAN,
    SCRIPT_NEW,
    family_form,
    romanise,
)
from bench.heldout_corpus import Conversation, Text

IBAN_LENGTHS = {"GB": 22, "DE": 22, "FR": 27, "ES": 24, "IT": 27, "PT": 25, "TR": 26}
IBAN_LENGTHS |= {"NL": 18, "PL": 28, "BE": 16, "AT": 20, "SE": 24}
IINS = r"4|5[1-5]|2[2-7]|3[47]|6011|35"
SECRET = r"token=|api_key=|/s/\w{20,}/|//svc-\d+:\w+@|sig=|X-Amz-Signature="


@cache
def _bank(n: int, seed: int) -> list[Conversation]:
    return bank.corpus(n, seed)


def _texts(n: int, seed: int) -> list[Text]:
    return [t for c in _bank(n, seed) for t in c.texts]


def luhn_ok(number: str) -> bool:
    total = 0
    for i, d in enumerate(int(ch) for ch in reversed(number)):
        if i % 2 == 1:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return total % 10 == 0


def mod97_ok(value: str) -> bool:
    s = value.replace(" ", "")
    moved = s[4:] + s[:4]
    return int("".join(str(int(ch, 36)) for ch in moved)) % 97 == 1


def _word(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch).startswith("M")


def placement_problems(t: Text) -> list[str]:
    problems: list[str] = []
    if not t.planted:
        problems.append("nothing planted")
    spans: list[tuple[int, int]] = []
    for _, value, cls in t.planted:
        hits = [i for i in range(len(t.text)) if t.text.startswith(value, i)]
        if len(hits) != 1:
            problems.append(f"{cls}: {value!r} occurs {len(hits)} times")
            continue
        a, b = hits[0], hits[0] + len(value)
        if value != value.strip():
            problems.append(f"{cls}: {value!r} has surrounding space")
        if (a > 0 and _word(t.text[a - 1])) or (b < len(t.text) and _word(t.text[b])):
            problems.append(f"{cls}: {value!r} inside a longer word")
        spans.append((a, b))
    spans.sort()
    for (_, b1), (a2, _) in pairwise(spans):
        if a2 < b1:
            problems.append("overlapping values")
    return problems


def test_deterministic_and_exact_size() -> None:
    one, two = bank.corpus(400, 7), bank.corpus(400, 7)
    assert [
        (c.platform, c.profile, [(t.text, t.planted, t.where) for t in c.texts]) for c in one
    ] == [(c.platform, c.profile, [(t.text, t.planted, t.where) for t in c.texts]) for c in two]
    assert [t.text for c in bank.corpus(400, 8) for t in c.texts] != [
        t.text for c in one for t in c.texts
    ]
    for n in (1, 37, 400):
        assert sum(len(c.texts) for c in bank.corpus(n, 3)) == n


def test_every_value_once_whole_and_apart() -> None:
    bad = [(t.text, p) for t in _texts(3000, 1) for p in placement_problems(t)]
    assert not bad, bad[:5]


def test_the_check_catches_a_bad_placement() -> None:
    for t in (
        Text("Lam and Lamb", [("name", "Lam", "c")], "message:user"),
        Text("Tut Tut", [("name", "Tut", "c")], "message:user"),
        Text("x", [], "message:user"),
        Text("Санги Сангина", [("name", "Санги", "c")], "message:user"),
        Text("Kino Mori", [("name", "Kino Mori", "c"), ("name", "Mori", "c")], "m"),
        Text("Hi Kino\u0301.", [("name", "Kino", "c")], "message:user"),
    ):
        assert placement_problems(t)
        assert not bank.placed_ok(t)
    ok = Text("Hi Kino.", [("name", "Kino", "c")], "message:user")
    assert not placement_problems(ok) and bank.placed_ok(ok)


@pytest.mark.parametrize("kind", ["card", "iban", "phone", "email", "ip", "url"])
def test_structured_values_are_valid(kind: str) -> None:
    values = [(v, c) for t in _texts(3000, 1) for k, v, c in t.planted if k == kind]
    assert len(values) >= 20
    for value, cls in values:
        if kind == "card":
            digits = re.sub(r"[ -]", "", value)
            assert digits.isdigit() and len(digits) in (15, 16) and luhn_ok(digits), value
            assert re.match(IINS, digits), value
        elif kind == "iban":
            compact = value.replace(" ", "")
            assert len(compact) == IBAN_LENGTHS[compact[:2]] and mod97_ok(compact), value
            assert cls.split("/")[1] == compact[:2]
        elif kind == "phone":
            region = cls.split("/")[1]
            num = phonenumbers.parse(value, region)
            if cls.endswith("intl-possible-unassigned"):
                assert value.startswith("+")
                assert phonenumbers.is_possible_number(num), value
                assert not phonenumbers.is_valid_number(num), value
            else:
                assert phonenumbers.is_valid_number(num), (value, region)
                assert phonenumbers.region_code_for_number(num) == region, (value, region)
            if cls.endswith("intl-ext"):
                assert num.extension, value
        elif kind == "email":
            assert re.fullmatch(r"[a-z0-9._+-]+@[a-z0-9-]+(\.[a-z0-9-]+)+", value), value
        elif kind == "ip":
            assert ipaddress.ip_address(value).is_global, value
        else:
            assert value.startswith("https://")
            assert re.search(SECRET, value), value


def test_phone_formats_and_regions() -> None:
    planted = [c for t in _texts(20000, 1) for k, _, c in t.planted if k == "phone"]
    classes = Counter(c.split("/")[-1] for c in planted)
    for detail in ("national", "intl", "e164", "intl-ext", "intl-possible-unassigned"):
        assert classes[detail] >= 20, classes
    assert set(REGION.values()) <= {c.split("/")[1] for c in planted}


def test_decoys_fail_the_checks_they_resemble() -> None:
    regions = tuple(dict.fromkeys(REGION.values()))
    decoys = [(v, c) for t in _texts(3000, 1) for k, v, c in t.planted if k == "decoy"]
    card_like = iban_like = phone_like = 0
    for value, cls in set(decoys):
        for run in {*re.findall(r"\d+", value), re.sub(r"[ -]", "", value)}:
            if run.isdigit() and 13 <= len(run) <= 19:
                card_like += 1
                assert not luhn_ok(run), value
        compact = value.replace(" ", "")
        if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", compact):
            iban_like += 1
            assert not mod97_ok(compact), value
        if sum(ch.isdigit() for ch in value) >= 5 and not cls.endswith("/date"):
            phone_like += 1
            for region in regions:
                try:
                    num = phonenumbers.parse(value, region)
                except phonenumbers.NumberParseException:
                    continue
                assert not phonenumbers.is_valid_number(num), (value, region)
    assert card_like >= 10 and iban_like >= 10 and phone_like >= 30
    sorts = Counter(c.split("/")[3] for _, c in decoys)
    assert set(bank.DECOY_SORTS) == set(sorts), set(bank.DECOY_SORTS) ^ set(sorts)
    assert len(bank.DECOY_SORTS) >= 15


def test_name_lists_and_romanisation() -> None:
    assert len(NAMES) == 30 and set(NAMES) == {*CORE, *LATIN_NEW, *SCRIPT_NEW}
    assert len(LATIN_NEW) == 12 and len(SCRIPT_NEW) == 9 and set(ROMAN) == set(SCRIPT_NEW)
    for lang, (given_names, family) in NAMES.items():
        assert len(set(given_names)) == len(given_names) >= 10, lang
        assert len(set(family)) == len(family) >= 10, lang
        assert not set(given_names) & set(family), lang
        if lang in SCRIPT_NEW:
            assert all(re.fullmatch(r"[\u0400-\u04ff]+", n) for n in given_names + family), lang
        else:
            assert all(re.fullmatch(r"[^\W\d_]+(-[^\W\d_]+)*", n) for n in given_names + family)
    for lang, (given_names, family) in ROMAN.items():
        assert all(re.fullmatch(r"[A-Za-z]+", n) for n in given_names + family), lang
        assert len(set(given_names)) == len(given_names), lang
        assert not set(given_names) & set(family), lang
    assert romanise("Ходжер") == "Khodzher" and romanise("Кялундзюга") == "Kyalundzyuga"
    assert romanise("Пётр") == "Pyotr" and romanise("Ґелена") == "Gelena"


def test_family_names_agree_with_the_given_name() -> None:
    assert family_form("pl", "Lewandowski", True) == "Lewandowska"
    assert family_form("pl", "Nowak", True) == "Nowak"
    assert family_form("pl", "Kowalski", False) == "Kowalski"
    assert family_form("gld", "Бельды", True) == "Бельды"
    assert family_form("itl", "Спешнев", True) == "Спешнева"
    assert family_form("itl", "Speshnev", True) == "Speshneva"
    assert family_form("itl", "Запороцкий", True) == "Запороцкая"
    assert family_form("sel", "Тохтин", True) == "Тохтина"
    assert family_form("olo", "Pahomov", True) == "Pahomova"
    assert family_form("ket", "Котусов", False) == "Котусов"
    for lang, women in FEMALE.items():
        assert women <= set(NAMES[lang][0]), lang
    checked = 0
    for t in _texts(20000, 1):
        names = [(v, c) for k, v, c in t.planted if k == "name"]
        for (v1, c1), (v2, c2) in pairwise(names):
            if c1.split("/")[1] != "pl" or c2.split("/")[1] != "pl":
                continue
            if c1.split("/")[-1] != "given" or c2.split("/")[-1] != "family":
                continue
            if v1 in FEMALE["pl"]:
                assert not v2.endswith("ski"), (v1, v2)
            else:
                assert v2 in NAMES["pl"][1], (v1, v2)
            checked += 1
    assert checked > 50


def test_languages_and_situations() -> None:
    texts = _texts(20000, 1)
    langs = Counter(c.split("/")[1] for t in texts for k, _, c in t.planted if k == "name")
    expected = set(NAMES) | {f"{lang}-Latn" for lang in SCRIPT_NEW}
    assert expected == set(langs), expected ^ set(langs)
    assert min(langs.values()) >= 50, langs.most_common()[-3:]
    sits = Counter(c.split("/")[2] for t in texts for _, _, c in t.planted)
    assert set(sits) == {*bank.SITUATIONS, "support", "support-raw"}
    assert len(bank.SITUATIONS) == 20 and min(sits[s] for s in bank.SITUATIONS) >= 100
    situated = sum(len(c.texts) for c in _bank(20000, 1) if not c.profile)
    assert 0.25 < situated / len(texts) < 0.36
    kinds = Counter(k for t in texts for k, _, _ in t.planted)
    assert all(kinds[k] >= 100 for k in ("name", "email", "phone", "card", "iban", "ip", "url"))
    wheres = Counter(t.where.split(":")[0] for t in texts)
    assert wheres["raw"] > 100 and wheres["message"] > 10000
    uppers = [v for t in texts for _, v, c in t.planted if c.endswith("-upper")]
    assert uppers and all(v == v.upper() for v in uppers)
    last_first = [t.text for t in texts for _, _, c in t.planted if "last-first" in c]
    assert len(last_first) > 200


def test_profiles_match_the_person() -> None:
    for conv in _bank(3000, 1):
        if not conv.profile:
            continue
        first = conv.texts[0]
        given, family = (v for k, v, _ in first.planted if k == "name")
        flat = repr(conv.profile)
        assert given in flat and family in flat
        assert conv.person.email in flat


@pytest.mark.parametrize("seed", [2, 3, 11])
def test_placement_holds_for_any_seed(seed: int) -> None:
    bad = [(t.text, p) for t in _texts(1500, seed) for p in placement_problems(t)]
    assert not bad, bad[:5]


def test_builds_fast() -> None:
    import time

    start = time.perf_counter()
    bank.corpus(20000, 5)
    assert time.perf_counter() - start < 30


def test_women_of_gendered_languages_bear_the_female_form() -> None:
    women = {lang: FEMALE[lang] | {romanise(n) for n in FEMALE[lang]} for lang in FEMALE}
    checked = 0
    for t in _texts(20000, 1):
        names = [(v, c) for k, v, c in t.planted if k == "name"]
        for (v1, c1), (v2, c2) in pairwise(names):
            tag, lang = c1.split("/")[1], c1.split("/")[1].removesuffix("-Latn")
            if lang not in FEMALE or tag != c2.split("/")[1]:
                continue
            if c1.split("/")[-1] != "given" or c2.split("/")[-1] != "family":
                continue
            if v1 in women[lang]:
                assert family_form(lang, v2, True) == v2, (v1, v2)
                checked += 1
    assert checked > 100
