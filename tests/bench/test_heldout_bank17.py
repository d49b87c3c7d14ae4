"""Held-out bank 17 is sound: deterministic, every planted value where it is said to be and
nowhere else, structured values valid by their issuers' rules, decoys not, and the coverage its
docstring promises. Checks are written here, apart from the bank's own helpers."""

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

from bench import heldout_bank17 as bank
from bench.heldout_corpus import Conversation, Text

N = 1500
CORE = {"en", "de", "fr", "es", "it", "pt", "tr", "nl", "pl"}
IBAN_LENGTHS = {"GB": 22, "DE": 22, "FR": 27, "ES": 24, "IT": 27, "PT": 25, "TR": 26, "NL": 18,
                "PL": 28, "SK": 24, "LT": 20, "AD": 24, "IS": 26, "AL": 28, "RS": 22, "GE": 22,
                "BE": 16, "AT": 20}  # fmt: skip


@cache
def _bank() -> tuple[Conversation, ...]:
    return tuple(bank.corpus(N, 1))


def _texts() -> list[Text]:
    return [t for c in _bank() for t in c.texts]


def _luhn(digits: str) -> bool:
    s = 0
    for i, ch in enumerate(digits[::-1]):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        s += d
    return s % 10 == 0


def _mod97(value: str) -> bool:
    s = value.replace(" ", "")
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", s) or IBAN_LENGTHS.get(s[:2]) != len(s):
        return False
    rearranged = s[4:] + s[:4]
    return int("".join(str(ord(c) - 55) if c.isalpha() else c for c in rearranged)) % 97 == 1


def _iin_ok(d: str) -> bool:
    n = len(d)
    if d[0] == "4":
        return n in (13, 16, 19)
    if 51 <= int(d[:2]) <= 55 or 2221 <= int(d[:4]) <= 2720:
        return n == 16
    if d[:2] in ("34", "37"):
        return n == 15
    if d.startswith("6011") or d.startswith("65") or 622126 <= int(d[:6]) <= 622925:
        return n == 16
    if 3528 <= int(d[:4]) <= 3589:
        return n in (16, 19)
    return d.startswith("62") and 16 <= n <= 19


def _word(c: str) -> bool:
    return c.isalnum() or c == "_" or unicodedata.combining(c) > 0


def _placement_errors(t: Text) -> list[str]:
    errors: list[str] = []
    wanted = Counter(v for _, v, _ in t.planted)
    spans: list[tuple[int, int, str]] = []
    for value, count in wanted.items():
        found = [m.start() for m in re.finditer(f"(?={re.escape(value)})", t.text)]
        if len(found) != count:
            errors.append(f"{value!r} planted {count}x, found {len(found)}x in {t.text!r}")
        for a in found:
            b = a + len(value)
            if (a > 0 and _word(t.text[a - 1])) or (b < len(t.text) and _word(t.text[b])):
                errors.append(f"{value!r} inside a longer word in {t.text!r}")
            spans.append((a, b, value))
    spans.sort()
    for (_, b, v), (c, _, w) in itertools.pairwise(spans):
        if c < b:
            errors.append(f"{v!r} overlaps {w!r} in {t.text!r}")
    for kind, value, cls in t.planted:
        if value != value.strip() or not cls.startswith(f"{kind}/") or cls.count("/") != 2:
            errors.append(f"bad value or class {kind} {value!r} {cls}")
    kinds: dict[str, set[str]] = {}
    for kind, value, _ in t.planted:
        kinds.setdefault(value, set()).add(kind)
    errors += [f"{v!r} planted as {k}" for v, k in kinds.items() if len(k) > 1]
    return errors


def test_deterministic_and_sized() -> None:
    a, b = bank.corpus(300, 7), bank.corpus(300, 7)
    assert [
        (c.platform, c.profile, [(t.text, t.planted, t.where) for t in c.texts]) for c in a
    ] == [(c.platform, c.profile, [(t.text, t.planted, t.where) for t in c.texts]) for c in b]
    assert sum(len(c.texts) for c in a) == 300
    other = bank.corpus(300, 8)
    assert [t.text for c in other for t in c.texts] != [t.text for c in a for t in c.texts]
    assert sum(len(c.texts) for c in _bank()) == N


def test_every_value_at_its_place_and_only_there() -> None:
    errors = [e for t in _texts() for e in _placement_errors(t)]
    assert not errors, errors[:5]
    assert all(t.planted for t in _texts())


@settings(max_examples=8, deadline=None)
@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=80))
def test_placement_holds_for_any_seed(seed: int, n: int) -> None:
    convs = bank.corpus(n, seed)
    assert sum(len(c.texts) for c in convs) == n
    errors = [e for c in convs for t in c.texts for e in _placement_errors(t)]
    assert not errors, errors[:3]


def _values(kind: str) -> list[tuple[str, str]]:
    return [(v, cls) for t in _texts() for k, v, cls in t.planted if k == kind]


def test_cards_pass_luhn_in_real_ranges() -> None:
    cards = _values("card")
    assert len(cards) > 50
    for value, cls in cards:
        assert re.fullmatch(r"\d[\d -]+\d", value), value
        digits = re.sub(r"[ -]", "", value)
        assert _luhn(digits) and _iin_ok(digits), (value, cls)
    assert len({cls.rsplit(".", 1)[1] for _, cls in cards}) >= 6  # networks


def test_ibans_pass_mod97_with_country_lengths() -> None:
    ibans = _values("iban")
    assert len(ibans) > 50
    for value, cls in ibans:
        assert _mod97(value), value
        assert cls.split("/")[1] == value[:2]
    assert len({v[:2] for v, _ in ibans}) >= 12


def test_phones_valid_or_possible_unassigned() -> None:
    phones = _values("phone")
    assert len(phones) > 100
    forms: Counter[str] = Counter()
    for value, cls in phones:
        region, form = cls.split("/")[1], cls.rsplit(".", 1)[1]
        forms[form] += 1
        num = phonenumbers.parse(value, region)
        if form == "intl-possible-unassigned":
            assert value.startswith("+")
            assert phonenumbers.is_possible_number(num) and not phonenumbers.is_valid_number(num)
        else:
            assert phonenumbers.is_valid_number(num), (value, cls)
            assert value.startswith("+") == (form != "national"), (value, form)
    assert {"intl", "national", "e164", "intl-dash", "intl-possible-unassigned"} <= set(forms)
    assert forms["intl-possible-unassigned"] < 0.15 * len(phones)
    assert any(" ext. " in t.text for t in _texts())


def test_emails_ips_and_secret_urls() -> None:
    for value, _ in _values("email"):
        assert re.fullmatch(r"[a-z0-9._+]+@[a-z0-9-]+(\.[a-z0-9-]+)+", value), value
    ips = [ipaddress.ip_address(v) for v, _ in _values("ip")]
    assert {a.version for a in ips} == {4, 6}
    secret = re.compile(r"token=|api_key=|Signature=|/reset/[A-Za-z0-9]{20,}|//[^/@]+:[^/@]+@")
    for value, _ in _values("url"):
        assert value.startswith("https://") and secret.search(value), value


def test_decoys_fail_the_checks_of_what_they_look_like() -> None:
    decoys = _values("decoy")
    sorts = Counter(cls.split("/")[2] for _, cls in decoys)
    assert len(sorts) >= 18, sorts
    personal = {v for t in _texts() for k, v, _ in t.planted if k != "decoy"}
    for value, cls in decoys:
        assert value not in personal
        digits = re.sub(r"[ -]", "", value)
        if digits.isdigit() and 13 <= len(digits) <= 19:
            assert not _luhn(digits), value
        if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9 ]{8,}", value):
            assert not _mod97(value), value
        if re.fullmatch(r"\+?[\d -]{7,}", value) and 7 <= len(re.sub(r"\D", "", value)) <= 15:
            region = bank.REGION.get(cls.split("/")[1], "GB")
            assert not phonenumbers.is_valid_number(phonenumbers.parse(value, region)), value
        if "@" in value and not value.startswith("@"):
            assert value.split("@")[1].endswith(".example"), value  # role mailboxes only
    assert sorts["iban-badcheck"] and sorts["giftcard-nonluhn"] and sorts["role-mailbox"]


def _has(script: str, s: str) -> bool:
    return any(script in unicodedata.name(c, "") for c in s)


def test_coverage_promised_by_the_docstring() -> None:
    texts = _texts()
    name_classes = [cls for t in texts for k, _, cls in t.planted if k == "name"]
    langs = {cls.split("/")[1].split("-")[0] for cls in name_classes}
    assert langs >= CORE and len(langs) >= 12 + 8, langs
    names = [v for t in texts for k, v, _ in t.planted if k == "name"]
    for script in ("CYRILLIC", "BENGALI", "CJK", "THAI", "GEORGIAN"):
        assert any(_has(script, v) for v in names), script
    for lang in bank.SCRIPTS:
        assert any(c.startswith(f"name/{lang}-latn/") for c in name_classes), lang
    assert any(unicodedata.combining(c) for v in names for c in unicodedata.normalize("NFD", v))

    def situation(t: Text) -> str:
        return next(cls.split("/")[2].split(".")[0] for k, _, cls in t.planted if k != "decoy")

    situations = Counter(situation(t) for t in texts)
    assert set(bank.SPECIAL) <= set(situations)
    ordinary = sum(n for s, n in situations.items() if s in bank.ORDINARY)
    assert ordinary >= 0.6 * len(texts), situations
    assert set(situations) <= bank.ORDINARY | set(bank.SPECIAL)
    wheres = {t.where for t in texts}
    assert {"raw:feedback", "raw:notes", "raw:summary", "raw:tags"} <= wheres
    assert {"message:user", "message:agent", "message:bot"} <= wheres
    assert {c.platform for c in _bank()} == {"peki", "kore", "selise"}
    thirds = [c for c in name_classes if c.endswith((".third", ".agent"))]
    assert len(thirds) > 100


def test_profiles_hold_the_persons_values() -> None:
    for c in _bank():
        flat = repr(c.profile)
        assert c.person.email in flat and c.person.phone in flat
        assert (phonenumbers.parse(c.person.phone).country_code or 0) > 0


def test_gendered_surnames_agree_with_the_first_name() -> None:
    from bench.heldout_bank17_names import FIRST, GENDER_FIRST, GENDER_LAST, LAST

    checked = 0
    for t in _texts():
        for kind, value, cls in t.planted:
            lang = cls.split("/")[1]
            if kind != "name" or lang not in GENDER_FIRST:
                continue
            for i, (first, _) in enumerate(FIRST[lang]):
                for j, (last, _) in enumerate(LAST[lang]):
                    if value == f"{first} {last}":
                        checked += 1
                        assert GENDER_LAST[lang][j] in (GENDER_FIRST[lang][i], "n"), value
    assert checked > 100
