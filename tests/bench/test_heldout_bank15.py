"""Soundness of held-out bank 15: it plants what it says, where it says, and values are valid.

The checks here (Luhn, mod-97, national IBAN digits, phone validity) are written apart from
the generator so a wrong generator cannot confirm itself.
"""

from __future__ import annotations

import ipaddress
import re
from collections import Counter
from functools import cache
from urllib.parse import unquote

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench import heldout_bank15 as bank
from bench.heldout_corpus import Conversation, Text

IBAN_LEN = {"DE": 22, "FR": 27, "ES": 24, "IT": 27, "PT": 25, "TR": 26, "NL": 18, "PL": 28}
IBAN_LEN |= {"SE": 24, "CZ": 24, "RO": 24, "GR": 27, "GB": 22, "SA": 24, "AE": 23, "BE": 16}
WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


@cache
def _bank(n: int, seed: int) -> list[Conversation]:
    return bank.corpus(n, seed)


def _texts(convs: list[Conversation]) -> list[Text]:
    return [t for c in convs for t in c.texts]


def luhn(digits: str) -> bool:
    s = 0
    for i, ch in enumerate(digits[::-1]):
        d = int(ch) * (2 if i % 2 else 1)
        s += d // 10 + d % 10
    return s % 10 == 0


def mod97(value: str) -> bool:
    s = value.replace(" ", "")
    moved = s[4:] + s[:4]
    return int("".join(str(ord(c) - 55) if c.isalpha() else c for c in moved)) % 97 == 1


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _problems(t: Text) -> list[str]:
    """Planted values missing, cut out of a longer word, or overlapping one another."""
    out, spans = [], []
    for kind, value, _ in t.planted:
        v = value.strip()
        starts = [m.start() for m in re.finditer(re.escape(v), t.text)] if v else []
        if not starts:
            out.append(f"{v!r} absent")
        for a in starts:
            b = a + len(v)
            if a and _is_word(t.text[a - 1]) and _is_word(v[0]):
                out.append(f"{v!r} glued on the left")
            if b < len(t.text) and _is_word(t.text[b]) and _is_word(v[-1]):
                out.append(f"{v!r} glued on the right")
            spans.append((a, b, v, kind))
    for a, b, v, k in spans:
        for c, d, w, m in spans:
            inside = k == m == "name" and ((c <= a and b <= d) or (a <= c and d <= b))
            if v != w and a < d and c < b and not inside:
                out.append(f"{v!r} overlaps {w!r}")
    return out


def test_deterministic_and_exact_size() -> None:
    a, b = bank.corpus(200, 7), bank.corpus(200, 7)
    assert [(t.text, t.planted, t.where) for t in _texts(a)] == [
        (t.text, t.planted, t.where) for t in _texts(b)
    ]
    assert [c.profile for c in a] == [c.profile for c in b]
    assert len(_texts(a)) == 200
    assert [t.text for t in _texts(bank.corpus(200, 8))] != [t.text for t in _texts(a)]


def test_every_value_whole_at_its_place() -> None:
    bad = [(t.text, p) for t in _texts(_bank(1500, 1)) for p in _problems(t)]
    assert not bad, bad[:5]


def test_classes_name_kind_and_situation() -> None:
    for t in _texts(_bank(1500, 1)):
        for kind, _, cls in t.planted:
            parts = cls.split("/")
            assert parts[0] == kind and len(parts) == 3, cls


def test_cards_pass_luhn_with_real_iins() -> None:
    cards = [v for t in _texts(_bank(1500, 1)) for k, v, _ in t.planted if k == "card"]
    assert len(cards) > 50
    iin = re.compile(
        r"^(4|5[1-5]|2(2[2-9][1-9]|[3-6]\d\d|7[01]\d|720)|3[47]|6011|64[4-9]|65|35(2[89]|[3-8]\d)|9792|652[12]|60)"
    )
    for c in cards:
        digits = re.sub(r"[ -]", "", c)
        assert digits.isdigit() and len(digits) in (15, 16), c
        assert luhn(digits), c
        assert iin.match(digits), c


def test_ibans_pass_mod97_and_national_rules() -> None:
    ibans = [v for t in _texts(_bank(1500, 1)) for k, v, _ in t.planted if k == "iban"]
    assert len(ibans) > 50
    for v in ibans:
        s = v.replace(" ", "")
        assert mod97(s), v
        assert len(s) == IBAN_LEN[s[:2]], v
        bban = s[4:]
        if s[:2] == "FR":  # RIB key
            bank_, branch, acct, key = bban[:5], bban[5:10], bban[10:21], bban[21:]
            assert (89 * int(bank_) + 15 * int(branch) + 3 * int(acct) + int(key)) % 97 == 0, v
        if s[:2] == "NL":  # eleven-test
            assert sum(int(c) * (10 - i) for i, c in enumerate(bban[4:])) % 11 == 0, v
        if s[:2] == "BE":
            assert int(bban[:10]) % 97 in (int(bban[10:]), int(bban[10:]) - 97), v
        if s[:2] == "ES":  # two control digits, each mod 11
            assert es_digit("00" + bban[:8]) + es_digit(bban[10:]) == bban[8:10], v
        if s[:2] == "IT":
            assert cin(bban[1:]) == bban[0], v
        if s[:2] == "PT":  # NIB: the 21 digits are 1 mod 97
            assert int(bban) % 97 == 1, v
        if s[:2] == "PL":  # the bank's sort code carries its own check digit
            assert (
                sum(int(c) * w for c, w in zip(bban[:8], (3, 9, 7, 1, 3, 9, 7, 1), strict=True))
                % 10
                == 0
            ), v
        if s[:2] == "CZ":
            weights = (6, 3, 7, 9, 10, 5, 8, 4, 2, 1)
            assert sum(int(c) * w for c, w in zip(bban[10:], weights, strict=True)) % 11 == 0, v


def es_digit(digits: str) -> str:
    r = 11 - sum(int(c) * (2**i % 11) for i, c in enumerate(digits)) % 11
    return {11: "0", 10: "1"}.get(r, str(r))


def cin(rest: str) -> str:
    odd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25]
    odd += [24, 23]
    vals = [int(c) if c.isdigit() else ord(c) - ord("A") for c in rest]
    return chr(ord("A") + sum(odd[x] if i % 2 == 0 else x for i, x in enumerate(vals)) % 26)


def _phone_digits(value: str) -> str:
    words = value.split()
    if words and all(w in WORDS for w in words):
        return "".join(str(WORDS.index(w)) for w in words)
    return value


def test_phones_valid_or_possible_as_their_class_says() -> None:
    seen: Counter[str] = Counter()
    for t in _texts(_bank(1500, 1)):
        for kind, value, cls in t.planted:
            if kind != "phone":
                continue
            region = cls.split("/")[1]
            num = phonenumbers.parse(_phone_digits(value), region)
            if "unassigned" in cls:
                assert value.lstrip().startswith(("+", "00")), value
                assert phonenumbers.is_possible_number(num), value
                assert not phonenumbers.is_valid_number(num), value
                seen["unassigned"] += 1
            else:
                assert phonenumbers.is_valid_number(num), (value, cls)
                seen["intl" if value.startswith(("+", "00")) else "national"] += 1
    assert seen["unassigned"] >= 10 and seen["intl"] >= 100 and seen["national"] >= 100


def test_ips_emails_urls() -> None:
    for t in _texts(_bank(1500, 1)):
        for kind, value, _ in t.planted:
            if kind == "ip":
                assert ipaddress.ip_address(value).is_global, value
            elif kind == "email":
                assert re.fullmatch(r"[\w.+-]+@[a-z0-9-]+(\.[a-z0-9-]+)+", unquote(value)), value
            elif kind == "url":
                assert value.startswith("https://"), value
                assert re.search(r"token=|sig=|/s/|:[^/@]+@|api_key=", value), value


def test_decoys_fail_the_checks_they_look_like() -> None:
    count: Counter[str] = Counter()
    for t in _texts(_bank(1500, 1)):
        for kind, value, cls in t.planted:
            if kind != "decoy":
                continue
            sort = cls.split("/")[2]
            count[sort] += 1
            digits = re.sub(r"[ -]", "", value)
            if digits.isdigit() and 13 <= len(digits) <= 19:
                assert not luhn(digits), value
            if re.fullmatch(r"[A-Z]{2}\d\d[A-Z0-9 ]{10,30}", value):
                assert not mod97(value), value
            if sort == "role-email":
                local = value.split("@")[0]
                assert local in ("noreply", "kundenservice", "service.client", "git") or (
                    local in ("postmaster", "atencion.cliente")
                ), value
    assert set(count) == set(bank.DECOY_SORTS), set(bank.DECOY_SORTS) - set(count)


def test_coverage_the_docstring_promises() -> None:
    texts = _texts(_bank(3000, 1))
    classes = [c for t in texts for _, _, c in t.planted]
    langs = {c.split("/")[1] for c in classes if not c.startswith(("phone/", "iban/"))}
    required = {"en", "de", "fr", "es", "it", "pt", "tr", "nl", "pl"}
    assert required <= langs and len(langs) >= 12, langs
    names = [v for t in texts for k, v, _ in t.planted if k == "name"]
    for script in ("[\u0370-\u03ff]", "[\u0600-\u06ff]", "[\u0900-\u097f]", "[À-ž]"):
        assert any(re.search(script, n) for n in names), script
    assert any(c.endswith("-latin") for c in classes) and any(
        c.endswith("-native") for c in classes
    )
    sits = Counter(bank.situation(t) for t in texts)
    assert set(sits) == {"support", *bank.SPECIAL}
    assert sits["support"] / len(texts) >= 0.6
    wheres = {t.where for t in texts}
    assert {"raw:feedback", "raw:notes", "raw:summary", "raw:tags", "message:bot"} <= wheres
    for form in ("-third", "-agent", "-diminutive", "-reversed", "-intl-unassigned"):
        assert any(form in c for c in classes), form
    kinds = {k for t in texts for k, _, _ in t.planted}
    assert {"name", "email", "phone", "card", "iban", "ip", "url", "decoy"} == kinds


def test_builds_3000_without_retries_exhausted() -> None:
    assert len(_texts(_bank(3000, 1))) == 3000


@settings(max_examples=12, deadline=None)
@given(seed=st.integers(0, 10**6), n=st.integers(1, 40))
def test_placement_holds_for_any_seed(seed: int, n: int) -> None:
    texts = _texts(bank.corpus(n, seed))
    assert len(texts) == n
    for t in texts:
        assert not _problems(t), t.text


@pytest.mark.parametrize("seed", [2, 3])
def test_profiles_hold_the_persons_own_values(seed: int) -> None:
    for c in _bank(300, seed):
        blob = repr(c.profile)
        assert c.person.email in blob and c.person.phone in blob
