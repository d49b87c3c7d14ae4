"""Soundness of held-out bank 18: deterministic, every planted value whole and only where planted,
structured values valid by their issuers' rules (checked here independently of the generator),
decoys failing those rules where they look structured, and the coverage its docstring promises."""

from __future__ import annotations

import itertools
import json
import re
import unicodedata
from collections import Counter
from functools import cache

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench import heldout_bank18 as bank
from bench.heldout_corpus import Conversation

N = 1500


@cache
def built() -> tuple[list[Conversation], list[list[str]]]:
    return bank.corpus_situations(N, 7)


def texts() -> list[tuple[str, bank.Text, str]]:
    convs, sits = built()
    return [
        (c.person.lang, t, s)
        for c, ss in zip(convs, sits, strict=True)
        for t, s in zip(c.texts, ss, strict=True)
    ]


def planted(kind: str) -> list[tuple[str, str]]:
    return [(v, c) for _, t, _ in texts() for k, v, c in t.planted if k == kind]


def _luhn(digits: str) -> bool:
    s = 0
    for i, d in enumerate(int(x) for x in reversed(digits)):
        if i % 2:
            d *= 2
            d = d - 9 if d > 9 else d
        s += d
    return s % 10 == 0


_LENGTHS = {"DE": 22, "GB": 22, "FR": 27, "ES": 24, "IT": 27, "PT": 25, "NL": 18, "TR": 26}
_LENGTHS |= {"PL": 28, "HR": 21, "SI": 19, "LV": 21, "EE": 20, "AZ": 28, "MT": 31, "BG": 22}
_LENGTHS |= {"KZ": 20, "PK": 24, "BE": 16, "AT": 20, "CH": 21, "IE": 22}


def _iban_ok(value: str) -> bool:
    s = value.replace(" ", "")
    if _LENGTHS.get(s[:2]) != len(s) or not s.isalnum():
        return False
    moved = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def _is_word(c: str) -> bool:
    return c == "_" or unicodedata.category(c)[0] in "LMN"


def _parse_phone(value: str) -> phonenumbers.PhoneNumber:
    v = "+" + value[2:] if value.startswith("00") else value
    return phonenumbers.parse(v, None if v.startswith("+") else "ZZ")


def test_deterministic_and_sized() -> None:
    a = bank.corpus(300, 5)
    b = bank.corpus(300, 5)
    assert [[t.text for t in c.texts] for c in a] == [[t.text for t in c.texts] for c in b]
    assert sum(len(c.texts) for c in a) == 300
    assert [t.text for t in bank.corpus(300, 6)[0].texts] != [t.text for t in a[0].texts]
    assert sum(len(c.texts) for c in built()[0]) == N


def _check_placement(text: str, plants: list[tuple[str, str, str]]) -> None:
    spans = set()
    for _, value, _ in plants:
        assert value and value == value.strip(), value
        hits = [m.start() for m in re.finditer(re.escape(value), text)]
        assert hits, (value, text)
        for a in hits:
            b = a + len(value)
            assert a == 0 or not _is_word(text[a - 1]), (value, text)
            assert b == len(text) or not _is_word(text[b]), (value, text)
            spans.add((a, b))
    ordered = sorted(spans)
    for (_, b1), (a2, _) in itertools.pairwise(ordered):
        assert a2 >= b1, (ordered, text)
    classes: dict[tuple[str, str], set[str]] = {}
    for kind, value, cls in plants:
        classes.setdefault((kind, value), set()).add(cls)
    assert all(len(c) == 1 for c in classes.values())


def test_every_value_whole_and_only_where_planted() -> None:
    for _, t, _ in texts():
        _check_placement(t.text, t.planted)


def test_no_unplanted_copy_of_a_conversation_value() -> None:
    """A value planted anywhere in a conversation, or held in its profile, is planted in every
    text of that conversation where it occurs as a whole word: no unscored copies."""
    for conv in built()[0]:
        values = {(k, v) for t in conv.texts for k, v, _ in t.planted if k != "decoy"}
        p = conv.person
        values |= {("name", p.first), ("name", p.last), ("email", p.email)}
        for t in conv.texts:
            here = {(k, v) for k, v, _ in t.planted}
            covered = {
                i
                for _, v, _ in t.planted
                for m in re.finditer(re.escape(v), t.text)
                for i in range(m.start(), m.end())
            }
            for k, v in values:
                for m in re.finditer(re.escape(v), t.text):
                    a, b = m.start(), m.end()
                    whole = (a == 0 or not _is_word(t.text[a - 1])) and (
                        b == len(t.text) or not _is_word(t.text[b])
                    )
                    inside = m.start() in covered and (k, v) not in here
                    assert not whole or (k, v) in here or inside, (v, t.text)


def test_cards_luhn_and_iin() -> None:
    cards = planted("card")
    assert len(cards) > 40
    for v, _ in cards:
        d = re.sub(r"[ -]", "", v)
        assert d.isdigit() and _luhn(d), v
        assert (
            (d[0] == "4" and len(d) == 16)
            or (51 <= int(d[:2]) <= 55 and len(d) == 16)
            or (2221 <= int(d[:4]) <= 2720 and len(d) == 16)
            or (d[:2] in ("34", "37") and len(d) == 15)
            or (d[:4] == "6011" and len(d) == 16)
            or (3528 <= int(d[:4]) <= 3589 and len(d) == 16)
            or (d[:2] == "36" and len(d) == 14)
        ), v


def test_ibans_mod97_and_length() -> None:
    ibans = planted("iban")
    assert len(ibans) > 40
    assert all(_iban_ok(v) for v, _ in ibans)
    assert len({v[:2] for v, _ in ibans}) >= 10


def test_phones_valid_or_possible_unassigned() -> None:
    phones = planted("phone")
    assert len(phones) > 150
    regions: dict[str, list[str]] = {}
    for c in built()[0]:
        for t in c.texts:
            for k, v, _ in t.planted:
                if k == "phone":
                    regions.setdefault(v, []).append(c.person.country)
    national = unassigned = ext = 0
    for v, cls in phones:
        if v.startswith(("+", "00")):
            num = _parse_phone(v)
        else:
            national += 1
            num = phonenumbers.parse(v, regions[v][0])
        ext += bool(num.extension)
        if cls.endswith("/possible-unassigned"):
            unassigned += 1
            assert v.startswith(("+", "00")), v
            assert phonenumbers.is_possible_number(num) and not phonenumbers.is_valid_number(num)
        else:
            assert phonenumbers.is_valid_number(num), (v, cls)
    assert national > 20 and unassigned > 5 and ext > 5


def test_emails_ips_urls() -> None:
    for v, _ in planted("email"):
        local, _, dom = v.partition("@")
        assert local and "." in dom and v.isascii() and local not in ("support", "noreply")
    ips = [v for v, _ in planted("ip")]
    assert any(":" in v for v in ips) and any("." in v for v in ips)
    for v in ips:
        if "." in v:
            assert all(0 <= int(o) <= 255 for o in v.split("."))
    for v, _ in planted("url"):
        assert v.startswith("https://")
        assert re.search(r"(token|access_code|Signature|api_key)=|/t/[\w-]{30,}", v), v


def test_decoys_fail_the_rules_they_look_like() -> None:
    decoys = planted("decoy")
    sorts = Counter(c.rsplit("/", 1)[1] for _, c in decoys)
    assert set(sorts) == set(bank.DECOY_SORTS)
    for v, _ in decoys:
        digits = re.sub(r"[ -]", "", v)
        if digits.isdigit() and 13 <= len(digits) <= 19:
            assert not _luhn(digits), v
        if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9 ]{10,}", v):
            assert not _iban_ok(v), v
        if re.fullmatch(r"\d+\.\d+\.\d+\.\d+", v):
            assert any(int(o) > 255 for o in v.split(".")), v
        if "@" in v and not v.startswith("@"):
            assert v.split("@")[0] in ("support", "noreply", "billing", "claims", "info", "service")


def test_coverage_promised() -> None:
    rows = texts()
    langs = {lang.split("-")[0] for lang, _, _ in rows}
    must = {"en", "de", "fr", "es", "it", "pt", "tr", "nl", "pl"}
    assert must <= langs and len(langs - must) >= 12
    scripts = set()
    for _, t, _ in rows:
        for k, v, _ in t.planted:
            if k == "name":
                for ch in v:
                    if ch.isalpha():
                        scripts.add(unicodedata.name(ch).split()[0])
    assert {"LATIN", "CYRILLIC", "ARMENIAN", "TAMIL", "ARABIC", "ETHIOPIC"} <= scripts
    sits = Counter(s for _, _, s in rows)
    ordinary = sum(n for s, n in sits.items() if s.startswith(bank.ORDINARY))
    assert ordinary / len(rows) >= 0.6
    sectors = {s.split("-", 1)[1] for s in sits if s.startswith(bank.ORDINARY)}
    assert sectors == set(bank.SECTORS)
    others = {s for s in sits if not s.startswith(bank.ORDINARY)}
    assert len(others) == len(bank.NEW_SITUATIONS)  # every container made it past the checks
    wheres = {t.where.split(":")[0] + ":" + t.where.split(":")[1] for _, t, _ in rows}
    assert {"message:user", "message:bot", "message:agent"} <= wheres
    assert any(w.startswith("raw:") for w in wheres)
    # a transliterated pair: the same person written in script and in Latin in one text
    assert any(
        "translator-note" in s
        and any(ord(ch) > 0x400 for _, v, _ in t.planted for ch in v)
        and any(v.isascii() for k, v, _ in t.planted if k == "name")
        for _, t, s in rows
    )


def test_classes_name_kind_language_situation() -> None:
    for lang, t, s in texts():
        for k, _, c in t.planted:
            parts = c.split("/")
            assert parts[0] == k and parts[1] == lang
            if k != "decoy":
                assert parts[2] == s


def test_json_containers_parse() -> None:
    for _, t, s in texts():
        if s in ("graphql", "block-kit", "push-payload"):
            json.loads(t.text)


@settings(max_examples=8, deadline=None)
@given(st.integers(min_value=0, max_value=2**32), st.integers(min_value=1, max_value=60))
def test_placement_holds_for_any_seed(seed: int, n: int) -> None:
    convs = bank.corpus(n, seed)
    assert sum(len(c.texts) for c in convs) == n
    for c in convs:
        for t in c.texts:
            _check_placement(t.text, t.planted)


@pytest.mark.parametrize("lang", sorted(bank.SCRIPTS))
def test_transliteration_lists_align(lang: str) -> None:
    from bench.heldout_bank18_names import NAMES

    script, latin = NAMES[lang], NAMES[f"{lang}-Latn"]
    assert len(script[0]) == len(latin[0]) and len(script[1]) == len(latin[1])
    assert all(v.isascii() for v in (*latin[0], *latin[1]))
    assert not any(v.isascii() for v in (*script[0], *script[1]))


def test_family_names_agree_with_first_names_where_gendered() -> None:
    from bench.heldout_bank18_names import GENDERED, NAMES

    for conv in built()[0]:
        p = conv.person
        if p.lang.split("-")[0] in GENDERED:
            firsts, lasts = NAMES[p.lang]
            assert firsts.index(p.first) % 2 == lasts.index(p.last) % 2, (p.first, p.last)
