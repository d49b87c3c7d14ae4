"""Held-out bank 16 is sound: deterministic, every planted value where it was planted and only
there, structured values valid by their issuers' rules, decoys not, and the coverage its
docstring promises."""

from __future__ import annotations

import ipaddress
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

from bench import heldout_bank16 as bank
from bench.heldout_corpus import Conversation, Text

N = 1500


@cache
def _corpus() -> tuple[Conversation, ...]:
    return tuple(bank.corpus(N, 7))


def _texts(convs: tuple[Conversation, ...] | list[Conversation]) -> list[Text]:
    return [t for c in convs for t in c.texts]


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def iban_ok(value: str) -> bool:
    raw = value.replace(" ", "")
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", raw):
        return False
    moved = raw[4:] + raw[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


IBAN_LENGTHS = {"GB": 22, "DE": 22, "FR": 27, "ES": 24, "IT": 27, "PT": 25, "TR": 26, "NL": 18,
                "PL": 28, "HU": 28, "FI": 18, "DK": 18, "NO": 15, "UA": 29, "IL": 23, "IE": 22,
                "CH": 21}  # fmt: skip
IIN = re.compile(
    r"4|5[1-5]|2(2[2-9]\d|[3-6]\d\d|7[01]\d|720)|3[47]|6011|35(2[89]|[3-8]\d)|62|9792|220[0-4]"
)


def placement_errors(text: Text) -> list[str]:
    """Each planted value occurs as often as planted (here: once per (kind, value)), bounded
    by non-alphanumerics, and no two planted values overlap."""
    errors: list[str] = []
    spans: list[tuple[int, int]] = []
    for _kind, value, _cls in text.planted:
        occ = [m.start() for m in re.finditer(re.escape(value), text.text)]
        if not occ:
            errors.append(f"{value!r} absent")
        for a in occ:
            b = a + len(value)
            if (a and text.text[a - 1].isalnum()) or (
                b < len(text.text) and text.text[b].isalnum()
            ):
                errors.append(f"{value!r} inside a longer word")
            spans.append((a, b))
    spans = sorted(set(spans))
    errors += [f"overlap {x} {y}" for x, y in itertools.pairwise(spans) if x[1] > y[0]]
    return errors


def test_deterministic_and_sized() -> None:
    a, b = bank.corpus(300, 3), bank.corpus(300, 3)
    assert [(t.text, t.planted, t.where) for t in _texts(a)] == [
        (t.text, t.planted, t.where) for t in _texts(b)
    ]
    assert [c.profile for c in a] == [c.profile for c in b]
    assert len(_texts(a)) == 300
    assert len(_texts(bank.corpus(301, 3))) == 301
    other = [t.text for t in _texts(bank.corpus(300, 4))]
    assert other != [t.text for t in _texts(a)]


def test_every_value_at_its_place_and_only_there() -> None:
    bad = [(t.text, e) for t in _texts(_corpus()) for e in placement_errors(t)]
    assert not bad, bad[:5]
    # a value the text writes twice was planted for both places, never once for two
    for t in _texts(_corpus()):
        for kind, value, _ in t.planted:
            assert kind in ("name", "email", "phone", "card", "iban", "ip", "url", "decoy")
            assert value == value.strip() and value


def test_structured_values_valid() -> None:
    seen: Counter[str] = Counter()
    for t in _texts(_corpus()):
        for kind, value, cls in t.planted:
            seen[kind] += 1
            if kind == "card":
                digits = re.sub(r"[ -]", "", value)
                assert digits.isdigit() and luhn_ok(digits), value
                assert len(digits) == (15 if digits[:2] in ("34", "37") else 16), value
                assert IIN.match(digits), value
            elif kind == "iban":
                raw = value.replace(" ", "")
                assert iban_ok(value), value
                assert len(raw) == IBAN_LENGTHS[raw[:2]], value
                assert cls.split("/")[1] == raw[:2]
            elif kind == "phone":
                region = cls.split("/")[1][:2]
                num = phonenumbers.parse(value, region)
                assert phonenumbers.is_possible_number(num), value
                if "unassigned" in cls:
                    assert value.startswith("+") and not phonenumbers.is_valid_number(num)
                else:
                    assert phonenumbers.is_valid_number(num), (value, cls)
                    assert phonenumbers.region_code_for_number(num) == region, (value, cls)
                if "-ext" in cls:
                    assert num.extension, value
            elif kind == "ip":
                ipaddress.ip_address(value)
                assert ipaddress.ip_address(value).is_global, value
            elif kind == "email":
                assert re.fullmatch(r"[a-z0-9._+-]+@[a-z0-9-]+(\.[a-z0-9-]+)+", value), value
            elif kind == "url":
                assert re.fullmatch(
                    r"https://[\w.-]+/\S*(token|sig|key|otp)=\w{24,}\S*|https://[\w.-]+/s/\w{24,}/\S+",
                    value,
                ), value
    assert all(seen[k] >= 20 for k in ("name", "email", "phone", "card", "iban", "ip", "url")), seen
    assert seen["decoy"] >= 100


def test_decoys_fail_the_checks_they_look_like() -> None:
    sorts: Counter[str] = Counter()
    for t in _texts(_corpus()):
        for kind, value, cls in t.planted:
            if kind != "decoy":
                continue
            sort = cls.split("/")[1]
            sorts[sort] += 1
            digits = re.sub(r"[ -]", "", value)
            if sort == "loyalty-luhn-fail":
                assert digits.isdigit() and len(digits) == 16 and not luhn_ok(digits), value
            if sort == "iban-bad-check":
                assert not iban_ok(value), value
            if sort == "version":
                with pytest.raises(ValueError):
                    ipaddress.ip_address(value)
            if sort == "asset-at-name":
                assert not re.fullmatch(r"[^@\s]+@[a-z0-9-]+\.(com|net|org|[a-z]{2})", value)
            # no decoy is a valid card, IBAN or IP
            assert not (digits.isdigit() and len(digits) in (15, 16) and luhn_ok(digits)), value
            assert not iban_ok(value) or sort != "iban-bad-check"
    assert len(sorts) >= 17, sorts


def test_coverage_promised_by_the_docstring() -> None:
    texts = _texts(_corpus())
    situations = Counter(
        next(c.split("/")[2] for k, _, c in t.planted if k != "decoy") for t in texts
    )
    ordinary = sum(n for s, n in situations.items() if s in bank.ORDINARY)
    assert set(situations) <= set(bank.ORDINARY) | set(bank.SPECIAL)
    assert ordinary / len(texts) >= 0.60, situations
    assert set(bank.SPECIAL) <= set(situations), set(bank.SPECIAL) - set(situations)
    name_tags = {c.split("/")[1] for t in texts for k, _, c in t.planted if k == "name"}
    langs = {tag.split("-")[0] for tag in name_tags}
    assert len(langs) >= 20 and {"en", "de", "fr", "es", "it", "pt", "tr", "nl", "pl"} <= langs
    for lang in bank.SCRIPT_LANGS:  # in script and in Latin transliteration
        assert any(tag.startswith(f"{lang}-script") for tag in name_tags), lang
        assert any(tag.startswith(f"{lang}-latn") for tag in name_tags), lang
    scripts = {
        name
        for t in texts
        for k, v, _ in t.planted
        if k == "name"
        for name in ("CYRILLIC", "HEBREW", "ARABIC", "CJK", "HANGUL")
        if any(name in unicodedata.name(ch, "") for ch in v)
    }
    assert scripts == {"CYRILLIC", "HEBREW", "ARABIC", "CJK", "HANGUL"}
    assert any(re.search(r"[áéíóúőűøæåäöüçşğıłżñ]", v) for t in texts for k, v, _ in t.planted)
    wheres = {t.where for t in texts}
    assert {"message:user", "message:agent", "message:bot"} <= wheres
    assert {"raw:feedback", "raw:notes", "raw:summary", "raw:tags"} <= wheres
    phone_forms = {
        c.split("/")[1].partition("-")[2] for t in texts for k, _, c in t.planted if k == "phone"
    }
    assert {"", "national", "ext", "unassigned"} <= phone_forms
    ip_forms = {c.split("/")[1] for t in texts for k, _, c in t.planted if k == "ip"}
    assert {"v4", "v6", "v6-compressed"} <= ip_forms


@settings(max_examples=8, deadline=None)
@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=60))
def test_placement_holds_for_any_seed(seed: int, n: int) -> None:
    convs = bank.corpus(n, seed)
    texts = _texts(convs)
    assert len(texts) == n
    for t in texts:
        assert t.planted and not placement_errors(t), t.text
        assert any(k != "decoy" for k, _, _ in t.planted)


def test_bot_json_parses_and_third_persons_are_others() -> None:
    payloads = 0
    for conv in _corpus():
        own = {f"{conv.person.first} {conv.person.last}", conv.person.last + conv.person.first}
        for t in conv.texts:
            if t.text.startswith('{"intent"'):
                payloads += 1
                slots = json.loads(t.text)["slots"]
                planted = {v for _, v, _ in t.planted}
                assert {slots["customer_name"], slots["phone"], slots["email"]} <= planted
            for kind, value, cls in t.planted:
                if kind == "name" and "-third/" in cls:
                    assert value not in own, (value, t.text)
    assert payloads >= 50
