"""Held-out bank 20 is sound: deterministic, values planted where claimed and valid by their
issuers' rules, decoys failing those rules, and the coverage its docstring promises."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from functools import cache

import phonenumbers
from hypothesis import given, settings
from hypothesis import strategies as st

from bench import heldout_bank20 as bank
from bench.heldout_corpus import Conversation

N = 1500
Span = tuple[int, int]


@cache
def built() -> list[tuple[Conversation, list[list[Span]]]]:
    return bank.placements(N, 7)


def luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * 2 if i % 2 else int(ch)
        total += d // 10 + d % 10
    return total % 10 == 0


IBAN_LENGTH = {"GB": 22, "DE": 22, "FR": 27, "ES": 24, "IT": 27, "PT": 25, "TR": 26, "NL": 18,
               "PL": 28, "BY": 28, "FO": 18, "PK": 24, "BE": 16, "AT": 20, "CH": 21}  # fmt: skip


def mod97(value: str) -> int:
    s = value.replace(" ", "")
    return int("".join(str(int(c, 36)) for c in s[4:] + s[:4])) % 97


def placement_holds(items: list[tuple[Conversation, list[list[Span]]]]) -> None:
    for conv, spans in items:
        assert len(spans) == len(conv.texts)
        for t, sp in zip(conv.texts, spans, strict=True):
            assert t.planted, t.text
            assert len(sp) == len(t.planted)
            ordered = sorted(sp)
            assert all(b <= c for (_, b), (c, _) in itertools.pairwise(ordered))
            per_value = Counter(v for _, v, _ in t.planted)
            for (kind, value, cls), (a, b) in zip(t.planted, sp, strict=True):
                assert t.text[a:b] == value, (value, t.text)
                assert value == value.strip() and value
                assert not (a > 0 and t.text[a - 1].isalnum()), (value, t.text)
                assert not (b < len(t.text) and t.text[b].isalnum()), (value, t.text)
                assert t.text.count(value) == per_value[value], (value, t.text)
                assert cls.split("/")[0] == kind


def test_deterministic_and_sized() -> None:
    a, b = bank.corpus(400, 3), bank.corpus(400, 3)
    assert [[(t.text, t.planted) for t in c.texts] for c in a] == [
        [(t.text, t.planted) for t in c.texts] for c in b
    ]
    assert sum(len(c.texts) for c in a) == 400
    assert [t.text for c in bank.corpus(400, 4) for t in c.texts] != [
        t.text for c in a for t in c.texts
    ]


def test_every_value_at_its_place_and_only_there() -> None:
    placement_holds(built())


def values(kind: str) -> list[tuple[str, str]]:
    return [(v, c) for conv, _ in built() for t in conv.texts for k, v, c in t.planted if k == kind]


def test_cards_pass_luhn_with_real_iins() -> None:
    cards = values("card")
    assert len(cards) > 50
    for v, _ in cards:
        digits = re.sub(r"[ -]", "", v)
        assert digits.isdigit() and luhn(digits), v
        n2, n4 = int(digits[:2]), int(digits[:4])
        assert (
            (digits[0] == "4" and len(digits) == 16)
            or ((51 <= n2 <= 55 or 2221 <= n4 <= 2720) and len(digits) == 16)
            or (n2 in (34, 37) and len(digits) == 15)
            or ((n4 == 6011 or n2 == 62 or 3528 <= n4 <= 3589) and len(digits) == 16)
            or (n2 == 36 and len(digits) == 14)
        ), v


def test_ibans_pass_mod97_with_country_length() -> None:
    ibans = values("iban")
    assert len(ibans) > 50
    for v, cls in ibans:
        s = v.replace(" ", "")
        assert len(s) == IBAN_LENGTH[s[:2]] and mod97(s) == 1, v
        assert cls.split("/")[1] == s[:2]


def test_phones_valid_or_unassigned_as_classed() -> None:
    phones = values("phone")
    assert len(phones) > 50
    forms = Counter(c.split("/")[-1] for _, c in phones)
    assert {"intl", "national", "e164", "00", "ext", "unassigned"} <= set(forms)
    for v, cls in phones:
        region = bank.REGION[cls.split("/")[1]]
        number = re.split(r" ext\.? | x", v)[0]
        if number.startswith("00"):
            number = "+" + number[2:]
        num = phonenumbers.parse(number, region)
        if cls.endswith("/unassigned"):
            assert v.startswith("+")
            assert phonenumbers.is_possible_number(num) and not phonenumbers.is_valid_number(num)
        else:
            assert phonenumbers.is_valid_number(num), v


def test_other_structured_values() -> None:
    for v, _ in values("email"):
        assert re.fullmatch(r"[A-Za-z0-9._+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", v), v
    for v, _ in values("ip"):
        assert re.fullmatch(r"(\d{1,3}\.){3}\d{1,3}|2a02(:[0-9a-f]{1,4}){3}::[0-9a-f]{1,4}", v)
    for v, _ in values("url"):
        assert re.search(r"token=|/s/\w{24}/|api_key=|Signature=|//\w+:\w+@", v), v


def test_decoys_fail_the_checks_they_resemble() -> None:
    decoys = values("decoy")
    sorts = Counter(c.split("/")[-1] for _, c in decoys)
    assert len(sorts) >= 14
    for v, cls in decoys:
        digits = re.sub(r"[ -]", "", v)
        if cls.endswith("/card-bad-luhn"):
            assert len(digits) == 16 and not luhn(digits), v
        if cls.endswith("/iban-bad-check"):
            assert mod97(v) != 1, v
        if re.fullmatch(r"(\+|00)\d[\d ]{7,}", v):
            assert not phonenumbers.is_valid_number(phonenumbers.parse("+" + digits)), v


def test_coverage_promised() -> None:
    texts = [t for conv, _ in built() for t in conv.texts]
    situations = Counter(t.planted[0][2].split("/")[2] for t in texts)
    support = sum(n for s, n in situations.items() if s.startswith("support-"))
    assert support / len(texts) >= 0.60
    assert {s for s in situations if not s.startswith("support-")} == set(bank.SITUATIONS)
    domains = {s.removeprefix("support-") for s in situations if s.startswith("support-")}
    assert {"banking", "telecom", "travel", "health", "retail", "public", "insurance",
            "utilities", "education"} <= domains  # fmt: skip
    langs = {c.split("/")[1].split("-")[0] for t in texts for _, _, c in t.planted}
    assert len(langs) >= 21 and {"en", "de", "fr", "es", "it", "pt", "tr", "nl", "pl"} <= langs
    name_tags = {c.split("/")[1] for t in texts for k, _, c in t.planted if k == "name"}
    for lang in bank.SCRIPT_LANGS:
        scripts = {tag for tag in name_tags if tag.startswith(lang + "-")}
        assert len(scripts) == 2, (lang, scripts)
    wheres = Counter(t.where.split(":")[0] for t in texts)
    assert wheres["raw"] > 20
    assert any("\u0a00" <= ch <= "\u0a7f" for t in texts for ch in t.text)  # Gurmukhi
    assert any(ch in "āēō" for t in texts for ch in t.text)  # Maori macrons


@settings(max_examples=8, deadline=None)
@given(st.integers(min_value=0, max_value=10**6))
def test_placement_holds_for_any_seed(seed: int) -> None:
    items = bank.placements(60, seed)
    assert sum(len(c.texts) for c, _ in items) == 60
    placement_holds(items)
