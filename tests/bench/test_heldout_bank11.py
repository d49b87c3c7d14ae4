"""Held-out bank 11 is a sound yardstick: deterministic per seed, every planted value where it
says and nowhere else, checksums and number classes true, names of many languages and scripts,
every kind, decoy class and position present, and the profile holding what each platform
sends. No detector runs here; the checks are written apart from the bank's own helpers (their
own Luhn, mod 97, IBAN lengths and script ranges)."""

from __future__ import annotations

import ipaddress
import json
import re
import unicodedata
from collections import Counter
from typing import Any

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench import heldout_bank11, masking_quality
from bench.heldout_corpus import Conversation, Person, Text

KINDS = {"email", "phone", "card", "iban", "ip", "url", "name", "decoy"}
WHERE = re.compile(r"message:(user|bot|agent)|raw:[a-z_]+")
# IBAN lengths as the registry lists them, typed apart from the bank's BBAN layouts.
IBAN_LENGTH = {
    "DE": 22, "FR": 27, "GB": 22, "ES": 24, "IT": 27, "NL": 18, "BE": 16, "AT": 20, "CH": 21,
    "PL": 28, "CZ": 24, "HU": 28, "RO": 24, "GR": 27, "PT": 25, "NO": 15, "SE": 24, "DK": 18,
    "FI": 18, "IE": 22, "LU": 20, "SK": 24, "SI": 19, "HR": 21, "BG": 22, "TR": 26, "SA": 24,
    "AE": 23, "IL": 23, "BR": 29, "PK": 24, "EE": 20, "LT": 20, "LV": 21, "IS": 26, "MT": 31,
    "CY": 28, "UA": 29, "QA": 29, "KZ": 20, "GE": 22, "AZ": 28, "EG": 29, "MD": 24,
}  # fmt: skip
SCRIPTS = ("CJK", "HANGUL", "CYRILLIC", "GREEK", "ARABIC", "HEBREW", "DEVANAGARI",
           "BENGALI", "TAMIL", "THAI", "GEORGIAN", "ARMENIAN")  # fmt: skip
SPOTS = ("json", "json-escaped", "yaml", "xml", "kv", "csv", "csv-noheader", "tsv", "markdown",
         "html", "quoted-reply", "signature", "email-headers", "chat-log", "calendar", "crm-note",
         "form", "after-punct", "cue", "shipping-label", "invoice", "list", "log",
         "url")  # fmt: skip


@pytest.fixture(scope="module")
def bank() -> list[Conversation]:
    return heldout_bank11.corpus(1200, 1)


def _texts(convs: list[Conversation]) -> list[Text]:
    return [t for c in convs for t in c.texts]


def _planted(convs: list[Conversation]) -> list[tuple[str, str, str, Text]]:
    return [(k, v, c, t) for t in _texts(convs) for k, v, c in t.planted]


def _unspaced(ch: str) -> bool:
    name = unicodedata.name(ch, "")
    return name.startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "THAI"))


def _faults(t: Text) -> list[str]:
    """What would make the evaluation count a value where none was meant (or miss one)."""
    out: list[str] = []
    spans: list[tuple[int, int, str]] = []
    if len({v for _, v, _ in t.planted}) != len(t.planted):
        out.append("one value planted twice")
    for _, value, _ in t.planted:
        starts = [m.start() for m in re.finditer(f"(?={re.escape(value)})", t.text)]
        if not starts:
            out.append(f"{value!r} not in the text")
        for a in starts:
            b = a + len(value)
            left = t.text[a - 1] if a else " "
            right = t.text[b] if b < len(t.text) else " "
            for outer, inner in ((left, value[0]), (right, value[-1])):
                if outer.isalnum() and not (_unspaced(outer) or _unspaced(inner)):
                    out.append(f"{value!r} inside a longer word in {t.text!r}")
            if unicodedata.combining(right):
                out.append(f"{value!r} cut before a combining mark")
            spans.append((a, b, value))
    spans.sort()
    for i, (_, b1, v1) in enumerate(spans):
        out += [f"{v1!r} overlaps {v2!r}" for a2, _, v2 in spans[i + 1 :] if a2 < b1 and v2 != v1]
    return out


def _digits(s: str) -> str:
    return "".join(ch for ch in s if ch.isdigit())


def _luhn(s: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(_digits(s))):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def _iban_ok(s: str) -> bool:
    s = re.sub(r"\s", "", s).upper()
    return int("".join(str(int(ch, 36)) for ch in s[4:] + s[:4])) % 97 == 1


def _unescape(value: str) -> str:
    return json.loads(f'"{value}"') if "\\u" in value else value


def test_the_same_seed_gives_the_same_bank_and_another_seed_another() -> None:
    def dump(convs: list[Conversation]) -> str:
        rows = [[c.platform, vars(c.person), c.profile, [vars(t) for t in c.texts]] for c in convs]
        return json.dumps(rows, ensure_ascii=False)

    first = dump(heldout_bank11.corpus(100, 4))
    assert first == dump(heldout_bank11.corpus(100, 4))
    assert first != dump(heldout_bank11.corpus(100, 5))


def test_the_shape_the_evaluation_reads(bank: list[Conversation]) -> None:
    assert sum(len(c.texts) for c in bank) >= 1200
    assert {c.platform for c in bank} == {"peki", "kore", "selise"}
    for c in bank:
        assert isinstance(c, Conversation) and isinstance(c.person, Person)
        assert phonenumbers.is_valid_number(phonenumbers.parse(c.person.phone, None))
        assert c.person.email.count("@") == 1
        held: Any = json.dumps(c.profile, ensure_ascii=False)
        assert c.person.email in held and c.person.phone in held
        assert c.person.first.split()[0] in held
        for t in c.texts:
            assert isinstance(t, Text) and WHERE.fullmatch(t.where), t.where
            assert t.planted
            for kind, value, cls in t.planted:
                assert kind in KINDS and cls.startswith(f"{kind}/"), (kind, cls)
                assert value and value == value.strip()


def test_every_value_is_where_it_says_and_nowhere_else(bank: list[Conversation]) -> None:
    faults = [f for t in _texts(bank) for f in _faults(t)]
    assert not faults, faults[:5]


@settings(max_examples=8, deadline=None)
@given(seed=st.integers(min_value=0, max_value=10**6))
def test_placement_holds_for_any_seed(seed: int) -> None:
    convs = heldout_bank11.corpus(30, seed)
    assert sum(len(c.texts) for c in convs) >= 30
    faults = [f for t in _texts(convs) for f in _faults(t)]
    assert not faults, faults[:5]


def _phone(value: str, region: str) -> phonenumbers.PhoneNumber:
    value = value.replace("(0)", "")
    if value.startswith("00"):
        value = "+" + value[2:]
    return phonenumbers.parse(value, None if "+" in value else region)


def test_checksums_and_number_classes_are_true(bank: list[Conversation]) -> None:
    seen: Counter[str] = Counter()
    for t in _texts(bank):
        origins = getattr(t, "origins", [])
        assert len(origins) == len(t.planted)
        for (kind, value, cls), origin in zip(t.planted, origins, strict=True):
            if kind == "card":
                assert _luhn(value) and 12 <= len(_digits(value)) <= 19, value
            elif kind == "iban":
                compact = re.sub(r"\s", "", value).upper()
                assert _iban_ok(value) and len(compact) == IBAN_LENGTH[compact[:2]], value
            elif kind == "ip":
                assert ipaddress.ip_address(value).is_global, value
            elif kind == "email":
                local, _, domain = value.partition("@")
                assert local and "." in domain and " " not in value, value
            elif cls == "decoy/luhn-fail":
                assert not _luhn(value), value
            elif cls == "decoy/iban-badcheck":
                assert not _iban_ok(value), value
            elif kind == "phone":
                num = _phone(value, origin)
                assert phonenumbers.is_possible_number(num), (value, origin)
                valid = phonenumbers.is_valid_number(num)
                assert valid == (cls != "phone/intl-unassigned"), (value, cls, origin)
                if cls != "phone/intl-unassigned":
                    assert phonenumbers.region_code_for_number(num) == origin, (value, origin)
            else:
                continue
            seen[cls if kind in ("phone", "decoy") else kind] += 1
    assert min(seen.values()) >= 3 and len(seen) >= 12, seen


def test_every_kind_decoy_class_position_and_script_is_present(bank: list[Conversation]) -> None:
    planted = _planted(bank)
    assert {k for k, *_ in planted} == KINDS
    decoys = {c for k, _, c, _ in planted if k == "decoy"}
    assert len(decoys) >= 35, sorted(decoys)
    for must in ("brand-place", "calendar-word", "sentence-start", "luhn-fail", "iban-badcheck",
                 "uuid", "amount", "date", "version", "tracking", "bic", "aba"):  # fmt: skip
        assert f"decoy/{must}" in decoys, must
    comp = heldout_bank11.composition(bank)
    spots = set(comp["spot"])
    assert not set(SPOTS) - spots, set(SPOTS) - spots
    assert any(s.startswith("raw:") for s in spots)
    assert any(t.where.startswith("raw:") for t in _texts(bank))
    assert len(comp["name-lang"]) >= 30, comp["name-lang"]
    names = [_unescape(v) for k, v, _, _ in planted if k == "name"]
    found = {unicodedata.name(ch, "") for v in names for ch in v}
    scripts = {s for s in SCRIPTS if any(n.startswith(s) for n in found)}
    assert scripts == set(SCRIPTS), set(SCRIPTS) - scripts
    assert any(v.isupper() and len(v) > 2 for v in names)
    assert any(v.islower() and v.isascii() for v in names)
    assert any("-" in v for v in names) and any("'" in v for v in names)
    assert any("\\u" in v for k, v, _, _ in planted if k == "name")
    cls_names = {c for k, _, c, _ in planted if k == "name"}
    for variant in ("+initial", "+typo", "+nick", "+caps", "+lower", "+ascii"):
        assert any(variant in c for c in cls_names), variant
    url_classes = {c for k, _, c, _ in planted if k == "url"}
    assert len(url_classes) >= 15, url_classes
    regions = {o.split(":")[1] for o in comp["origin"] if o.startswith("phone:")}
    assert len(regions) >= 40, regions


def test_masked_card_forms_are_neither_planted_nor_decoys(bank: list[Conversation]) -> None:
    masked = [t for t in _texts(bank) if "**** " in t.text]
    assert masked
    for t in masked:
        assert not any("*" in v for _, v, _ in t.planted)


def test_masking_quality_dispatches_bank_11(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[int, int]] = []

    def fake(n: int, seed: int) -> list[Conversation]:
        calls.append((n, seed))
        return []

    monkeypatch.setattr(masking_quality.heldout_bank11, "corpus", fake)

    class NoMasker:
        def subject_values(self) -> None:
            raise AssertionError("no conversation to learn from")

    assert masking_quality.heldout(77, 3, 11, NoMasker()) == []  # type: ignore[arg-type]
    assert calls == [(77, 3)]


@pytest.mark.slow
def test_seed_one_is_about_twenty_thousand_texts() -> None:
    convs = heldout_bank11.corpus(20_000, 1)
    texts = sum(len(c.texts) for c in convs)
    assert 20_000 <= texts < 20_010
    faults = [f for t in _texts(convs) for f in _faults(t)]
    assert not faults, faults[:5]
