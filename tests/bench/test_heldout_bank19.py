"""Soundness of held-out bank 19: placement, validity of structured values, decoys, coverage."""

from __future__ import annotations

import ipaddress
import itertools
import re
import unicodedata
from collections import Counter
from functools import cache

import phonenumbers
from hypothesis import given, settings
from hypothesis import strategies as st

from bench import heldout_bank19 as bank
from bench.heldout_corpus import Conversation, Text

N = 1500


@cache
def _convs(n: int = N, seed: int = 1) -> list[Conversation]:
    return bank.corpus(n, seed)


def _texts(n: int = N, seed: int = 1) -> list[Text]:
    return [t for c in _convs(n, seed) for t in c.texts]


def _planted(kind: str) -> list[tuple[str, str]]:
    return [(v, c) for t in _texts() for k, v, c in t.planted if k == kind]


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def _mod97_ok(iban: str) -> bool:
    s = iban.replace(" ", "")
    s = s[4:] + s[:4]
    return int("".join(str(int(ch, 36)) for ch in s)) % 97 == 1


_IBAN_LEN = {"GB": 22, "DE": 22, "FR": 27, "ES": 24, "IT": 27, "PT": 25, "TR": 26, "NL": 18}
_IBAN_LEN |= {"PL": 28, "SO": 23, "IE": 22, "LU": 20, "MK": 19, "KZ": 20, "MN": 20}


def _word(ch: str) -> bool:
    return ch.isalnum() or ch == "_" or unicodedata.category(ch)[0] == "M"


def _placement_errors(texts: list[Text]) -> list[str]:
    errors = []
    for t in texts:
        spans = []
        for kind, value, cls in t.planted:
            if not cls.startswith(kind + "/"):
                errors.append(f"class {cls} of {kind}")
            if value != value.strip() or not value:
                errors.append(f"untrimmed {value!r}")
            if t.text.count(value) != 1:
                errors.append(f"{value!r} occurs {t.text.count(value)} times in {t.text!r}")
                continue
            a = t.text.index(value)
            b = a + len(value)
            if (a and _word(t.text[a - 1])) or (b < len(t.text) and _word(t.text[b])):
                errors.append(f"{value!r} inside a longer word in {t.text!r}")
            spans.append((a, b))
        spans.sort()
        for (a1, b1), (a2, _) in itertools.pairwise(spans):
            if a2 < b1:
                errors.append(f"overlap at {a1}-{b1} and {a2} in {t.text!r}")
    return errors


def test_deterministic_and_sized() -> None:
    a, b = bank.corpus(200, 7), bank.corpus(200, 7)
    assert [(t.text, t.planted, t.where) for c in a for t in c.texts] == [
        (t.text, t.planted, t.where) for c in b for t in c.texts
    ]
    assert [c.profile for c in a] == [c.profile for c in b]
    other = bank.corpus(200, 8)
    assert [t.text for c in a for t in c.texts] != [t.text for c in other for t in c.texts]
    for n in (1, 2, 17, 200):
        assert sum(len(c.texts) for c in bank.corpus(n, 3)) == n


def test_every_planted_value_once_whole_and_apart() -> None:
    assert _placement_errors(_texts()) == []


def test_cards_pass_luhn_with_real_iin() -> None:
    cards = _planted("card")
    assert len(cards) > 50
    for value, cls in cards:
        digits = re.sub(r"[ -]", "", value)
        assert digits.isdigit() and _luhn(digits), value
        brand = cls.rsplit("/", 1)[1]
        iin = {
            "visa": digits[0] == "4" and len(digits) == 16,
            "mastercard": 51 <= int(digits[:2]) <= 55,
            "mastercard2": 2221 <= int(digits[:4]) <= 2720,
            "amex": digits[:2] in ("34", "37") and len(digits) == 15,
            "jcb": 3528 <= int(digits[:4]) <= 3589,
            "unionpay": digits[:2] == "62",
            "troy": digits[:4] == "9792",
            "rupay": digits[:4] in ("6521", "6522", "6082"),
            "discover": digits[:4] == "6011",
        }
        assert iin[brand], value


def test_ibans_pass_mod97_at_country_length() -> None:
    ibans = _planted("iban")
    assert len(ibans) > 50
    countries = set()
    for value, _ in ibans:
        compact = value.replace(" ", "")
        countries.add(compact[:2])
        assert len(compact) == _IBAN_LEN[compact[:2]], value
        assert _mod97_ok(compact), value
        if compact[:2] == "FR":  # RIB key
            bank_, branch, acc, key = compact[4:9], compact[9:14], compact[14:25], compact[25:]
            assert (89 * int(bank_) + 15 * int(branch) + 3 * int(acc) + int(key)) % 97 == 0
    assert len(countries) >= 10


def test_phones_valid_or_unassigned_as_named() -> None:
    phones = _planted("phone")
    forms = Counter(cls.rsplit("/", 1)[1] for _, cls in phones)
    assert {"intl", "national", "e164", "00-prefix", "ext", "intl-unassigned"} <= set(forms)
    for value, cls in phones:
        lang = cls.split("/")[1]
        text = "+" + value[2:] if value.startswith("00") else value
        num = phonenumbers.parse(text, bank.REGION[lang])
        if cls.endswith("/intl-unassigned"):
            assert value.startswith("+")
            assert phonenumbers.is_possible_number(num) and not phonenumbers.is_valid_number(num)
        else:
            assert phonenumbers.is_valid_number(num), value
            if cls.endswith("/ext"):
                assert num.extension, value


def test_emails_ips_urls_well_formed() -> None:
    for value, _ in _planted("email"):
        assert re.fullmatch(r"[A-Za-z0-9._+-]+@[a-z0-9.-]+\.[a-z]{2,}", value), value
        assert not value.split("@")[0].lower().startswith(("noreply", "support", "billing"))
    versions = {ipaddress.ip_address(v).version for v, _ in _planted("ip")}
    assert versions == {4, 6}
    for value, _ in _planted("ip"):
        assert ipaddress.ip_address(value).is_global, value
    for value, _ in _planted("url"):
        secret = re.search(r"[A-Za-z0-9]{20,}", value)
        assert value.startswith("https://") and secret, value


def test_decoys_fail_the_checks_they_resemble() -> None:
    decoys = _planted("decoy")
    sorts = Counter(cls.rsplit("/", 1)[1] for _, cls in decoys)
    assert set(sorts) == set(bank._DECOYS)
    for value, cls in decoys:
        compact = re.sub(r"[ -]", "", value)
        if compact.isdigit() and 13 <= len(compact) <= 19:
            assert not _luhn(compact), value
        if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", compact):
            assert not _mod97_ok(compact), value
        if "@" in value and not value.startswith("@"):
            assert value.split("@")[0] in ("noreply", "support", "klantenservice", "billing")
        if cls.endswith("/order"):
            digits = value.lstrip("#").split("-")[-1]
            for region in set(bank.REGION.values()):
                try:
                    num = phonenumbers.parse(digits, region)
                except phonenumbers.NumberParseException:
                    continue
                assert not phonenumbers.is_valid_number(num), (value, region)
        if cls.endswith("/plain-url"):
            assert "?" not in value and not re.search(r"[A-Za-z0-9]{20,}", value)


def test_coverage_promised_by_the_docstring() -> None:
    texts = _texts()
    classes = [c for t in texts for _, _, c in t.planted]
    name_langs = {c.split("/")[1] for c in classes if c.startswith("name/")}
    assert len(name_langs) >= 21 and {"en", "de", "fr", "es", "it", "pt", "tr", "nl", "pl"} <= (
        name_langs
    )
    assert len(name_langs - {"en", "de", "fr", "es", "it", "pt", "tr", "nl", "pl"}) >= 12
    for lang, script in bank.SCRIPT.items():
        forms = {c.rsplit("/", 1)[1] for c in classes if c.startswith(f"name/{lang}/")}
        assert {"script", "latin"} <= {f.split("-")[-1] for f in forms}, lang
        in_script = [
            v
            for t in texts
            for k, v, c in t.planted
            if c.startswith(f"name/{lang}/") and c.endswith("/script")
        ]
        assert in_script and all(
            any(script.upper() in unicodedata.name(ch, "") for ch in v) for v in in_script
        ), lang
    diacritic_langs = {
        c.split("/")[1]
        for t in texts
        for k, v, c in t.planted
        if k == "name" and c.endswith("full") and not v.isascii()
    }
    assert {"de", "fr", "es", "pl", "tr", "pt", "ga", "gl", "ha"} <= diacritic_langs
    situations = {c.split("/")[2] for c in classes if not c.startswith("decoy/")}
    assert set(bank._SITUATIONS) <= situations
    ordinary = sum(
        1 for t in texts if any(c.split("/")[2].startswith("support.") for *_, c in t.planted)
    )
    assert ordinary / len(texts) >= 0.60
    wheres = Counter(t.where for t in texts)
    assert {"message:user", "message:agent", "message:bot"} <= set(wheres)
    assert {"raw:feedback", "raw:notes", "raw:summary", "raw:tags"} <= set(wheres)
    assert all(any(k != "decoy" for k, _, _ in t.planted) for t in texts if t.planted)


def test_profiles_carry_the_person() -> None:
    for c in _convs()[:200]:
        flat = repr(c.profile)
        assert c.person.email in flat and c.person.phone in flat
        assert phonenumbers.is_valid_number(phonenumbers.parse(c.person.phone))
        assert c.platform in ("peki", "kore", "selise")


@settings(max_examples=8, deadline=None)
@given(seed=st.integers(min_value=0, max_value=10**9), n=st.integers(min_value=1, max_value=60))
def test_placement_holds_for_any_seed(seed: int, n: int) -> None:
    texts = [t for c in bank.corpus(n, seed) for t in c.texts]
    assert len(texts) == n
    assert _placement_errors(texts) == []
