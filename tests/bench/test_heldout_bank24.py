"""Soundness of held-out bank 24: placement, validity of structured values, decoys, coverage."""

from __future__ import annotations

import ipaddress
import json
import re
import unicodedata
from collections import Counter
from functools import cache
from itertools import pairwise

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench import heldout_bank24 as bank
from bench.heldout_bank24_names import (
    CORE,
    FEMALE,
    LATIN_NEW,
    NAMES,
    PHRASES,
    PHRASES_LATN,
    REGION,
    ROMAN,
    SCRIPT_NEW,
    balinese,
    family_form,
    lontara,
    romanise,
    sundanese,
    vai,
)
from bench.heldout_corpus import Conversation, Text

IBAN_LENGTHS = {"GB": 22, "DE": 22, "FR": 27, "ES": 24, "IT": 27, "PT": 25, "TR": 26}
IBAN_LENGTHS |= {"NL": 18, "PL": 28, "NO": 15, "BE": 16, "SE": 24, "AT": 20, "CH": 21, "GL": 18}
IINS = r"4|5[1-5]|2[2-7]|3[47]|6011|65|62|35"
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
        Text("Ane and Anela", [("name", "Ane", "c")], "message:user"),
        Text("Ane Ane", [("name", "Ane", "c")], "message:user"),
        Text("x", [], "message:user"),
        Text("ᬯᬬᬦ᭄", [("name", "ᬯᬬᬦ", "c")], "message:user"),  # a sign follows: inside
        Text("Keoni Kealoha", [("name", "Keoni Kealoha", "c"), ("name", "Kealoha", "c")], "m"),
    ):
        assert placement_problems(t)
        assert not bank.placed_ok(t)
    ok = Text("Hi Ane.", [("name", "Ane", "c")], "message:user")
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
            assert re.fullmatch(r"[a-z0-9._+]+@[a-z0-9-]+(\.[a-z0-9-]+)+", value.lower()), value
            assert value.islower() or cls.endswith("/upper"), value
        elif kind == "ip":
            assert ipaddress.ip_address(value).is_global, value
        else:
            assert value.startswith("https://")
            assert re.search(SECRET, value), value


def test_decoys_fail_the_checks_they_resemble() -> None:
    regions = tuple(dict.fromkeys(REGION.values()))
    decoys = [(v, c) for t in _texts(3000, 1) for k, v, c in t.planted if k == "decoy"]
    card_like = iban_like = phone_like = 0
    for value, cls in decoys:
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


def test_name_lists_and_writers() -> None:
    assert len(NAMES) == 30 and set(NAMES) == {*CORE, *LATIN_NEW, *SCRIPT_NEW}
    assert len(LATIN_NEW) == 12 and len(SCRIPT_NEW) == 9 and set(ROMAN) == set(SCRIPT_NEW)
    for lang, (given_names, family) in NAMES.items():
        assert len(set(given_names)) >= 24 and len(set(family)) >= 18, lang
        assert not set(given_names) & set(family), lang
        assert all(n == n.strip() and " " not in n for n in given_names + family), lang
    for lang, (given_names, family) in ROMAN.items():
        assert len(given_names) == len(NAMES[lang][0]) and len(family) == len(NAMES[lang][1])
        assert len(set(given_names)) == len(given_names), lang
        assert all(re.fullmatch(r"[^\W\d_]+", n) for n in given_names + family), lang
        assert all(n.isascii() or lang == "ban" for n in given_names + family), lang
        first = NAMES[lang][0][0]
        assert not any("a" <= ch.lower() <= "z" for ch in first), first
    assert set(PHRASES) == set(NAMES) and set(PHRASES_LATN) == set(ROMAN)
    assert all(p[1].count("{}") == 1 for p in (*PHRASES.values(), *PHRASES_LATN.values()))
    assert vai("mo-mo-lu") == "ꗞꗞꖨ" and vai("fa-tu") == "ꕘꖤ"
    assert sundanese("Asep") == "ᮃᮞᮨᮕ᮪" and sundanese("Ujang") == "ᮅᮏᮀ"
    assert sundanese("Nugraha") == "ᮔᮥᮌᮢᮠ"  # g with panyakra
    assert balinese("Wayan") == "ᬯᬬᬦ᭄" and balinese("Putu") == "ᬧᬸᬢᬸ"
    assert balinese("Nyoman") == "ᬜᭀᬫᬦ᭄"
    assert lontara("Baso") == "ᨅᨔᨚ" and lontara("Tenri") == "ᨈᨛᨋᨗ"  # nr prenasalised
    assert romanise("Жаргал") == "Zhargal" and romanise("Елена") == "Yelena"
    assert romanise("Сэсэг") == "Seseg"
    with pytest.raises(ValueError):
        sundanese("Qx")


def test_family_names_agree_with_the_given_name() -> None:
    assert family_form("pl", "Zofia", "Kowalski") == "Kowalska"
    assert family_form("pl", "Jan", "Wiśniewska") == "Wiśniewski"
    assert family_form("csb", "Marta", "Majkowski") == "Majkowska"
    assert family_form("udm", "Ольга", "Корепанов") == "Корепанова"
    assert family_form("udm", "Ольга", "Главатских") == "Главатских"
    assert family_form("bua", "Баир", "Цыренов") == "Цыренов"
    assert family_form("kl", "Naja", "Kleist") == "Kleist"
    seen = 0
    for conv in _bank(3000, 1):
        p = conv.person
        lang = p.lang.split("-")[0]
        if lang not in FEMALE:
            continue
        i = (ROMAN[lang][0] if p.lang.endswith("-Latn") else NAMES[lang][0]).index(p.first)
        female = NAMES[lang][0][i] in FEMALE[lang]
        seen += female
        if lang in ("pl", "csb"):
            assert not p.last.endswith(("ski", "cki") if female else ("ska", "cka")), p.full
        elif female:
            assert not p.last.endswith(("ов", "ев", "ин", "ov", "ev", "in")), p.full
        else:
            assert not p.last.endswith(("ова", "ева", "ина", "ova", "eva", "ina")), p.full
    assert seen >= 20


def test_languages_and_scripts() -> None:
    texts = _texts(3000, 1)
    tags = Counter(
        c.split("/")[1]
        for t in texts
        for k, _, c in t.planted
        if k == "name" and bank.situation_of(t) == bank.SUPPORT
    )
    langs = {tag.split("-")[0] for tag in tags}
    assert langs == set(NAMES)
    for lang in ROMAN:  # non-Latin names in their script and romanised
        assert tags[lang] >= 20 and tags[f"{lang}-Latn"] >= 5, lang
    scripts = {
        unicodedata.name(ch).split()[0]
        for t in texts
        for k, v, _ in t.planted
        if k == "name"
        for ch in v
        if ch.isalpha()
    }
    want = {"CYRILLIC", "VAI", "SUNDANESE", "BALINESE", "BUGINESE", "LATIN"}
    assert want <= scripts, want - scripts
    names = [v for t in texts for k, v, _ in t.planted if k == "name"]
    assert (
        sum(any(ord(ch) > 127 and "LATIN" in unicodedata.name(ch) for ch in v) for v in names) > 100
    )
    situ = Counter(
        c.split("/")[1].split("-")[0]
        for t in texts
        for k, _, c in t.planted
        if k == "name" and bank.situation_of(t) != bank.SUPPORT
    )
    assert set(situ) == set(NAMES)  # the documents name people of every language


def test_situations_and_positions() -> None:
    texts = _texts(3000, 1)
    by = Counter(bank.situation_of(t) for t in texts)
    assert 0.65 * len(texts) <= by[bank.SUPPORT] <= 0.75 * len(texts)
    for name in bank.SITUATIONS:  # each built from its own template, with values planted
        assert by[name] >= 0.008 * len(texts), (name, by[name])
    assert set(by) == {bank.SUPPORT, *bank.SITUATIONS}
    assert len(bank.SITUATIONS) == 20
    wheres = Counter(t.where for t in texts)
    for where in ("message:user", "message:bot", "message:agent", "raw:summary", "raw:notes"):
        assert wheres[where] >= 30, where
    assert wheres["raw:tags"] >= 30 and wheres["raw:feedback"] >= 30
    roles = Counter(c.split("/")[3] for t in texts for k, _, c in t.planted if k == "name")
    for role in ("intro", "signoff", "third", "agent", "echo", "raw-json", "raw-summary"):
        assert roles[role] >= 10, role
    for role in ("operator", "speaker", "author", "artist", "maintainer", "crew", "cast"):
        assert roles[role] >= 10, role
    caps = [v for t in texts for k, v, c in t.planted if k == "name" and v.isupper()]
    assert len(caps) >= 50
    local = Counter(
        (bank.situation_of(t), c.split("/")[1])
        for t in texts
        for k, _, c in t.planted
        if k == "decoy" and bank.situation_of(t) != bank.SUPPORT
    )
    assert len(bank.LOCAL) >= 8
    for name, langs in bank.LOCAL.items():
        assert local[name, "en"] >= 5, name
        assert sum(local[name, lang] for lang in langs) >= 3, name
    json_texts = [t for t in texts if t.text.startswith("{")]
    assert len(json_texts) >= 50
    for t in json_texts:
        json.loads(t.text)
    forms = Counter(c.split("/")[3] for t in texts for k, _, c in t.planted if k == "phone")
    assert {"national", "intl", "e164", "intl-ext", "intl-possible-unassigned"} <= set(forms)
    assert {c.split("/")[1] for t in texts for k, _, c in t.planted if k == "phone"} == set(
        REGION.values()
    )


def test_profiles_match_the_person() -> None:
    for conv in _bank(3000, 1):
        p = conv.person
        if conv.platform == "peki":
            assert conv.profile["firstName"] == p.first and conv.profile["email"] == p.email
        elif conv.platform == "kore":
            tags = conv.profile["tags"]["userTags"]
            assert {"name": "email", "value": p.email} in tags
        else:
            assert conv.profile["user_info"]["name"] == p.full
        assert re.fullmatch(r"\+[1-9]\d{6,14}", p.phone), p.phone
        assert phonenumbers.is_valid_number(phonenumbers.parse(p.phone)), p.phone


@settings(max_examples=8, deadline=None)
@given(st.integers(min_value=0, max_value=10**6))
def test_placement_holds_for_any_seed(seed: int) -> None:
    convs = bank.corpus(90, seed)
    assert sum(len(c.texts) for c in convs) == 90
    for conv in convs:
        for t in conv.texts:
            assert not placement_problems(t), (t.text, placement_problems(t))
