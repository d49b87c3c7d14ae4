"""Held-out bank 13 is a sound yardstick: the same bank for the same seed, every planted value
where it says and nowhere else, checksums and phone classes true, decoys that really are not
what they look like, and the languages, scripts, containers and positions it promises. No
detector runs here; the checks are written apart from the bank's own helpers (their own Luhn,
mod 97, IBAN lengths, routing, GTIN and S10 check digits, script ranges)."""

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

from bench import heldout_bank13, masking_quality
from bench.heldout_corpus import Conversation, Person, Text

KINDS = {"email", "phone", "card", "iban", "ip", "url", "name", "decoy"}
WHERE = re.compile(r"message:(user|bot|agent)|raw:[a-z_]+")
IBAN_LENGTH = {
    "AL": 28, "AT": 20, "AE": 23, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28,
    "CZ": 24, "DE": 22, "DK": 18, "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FR": 27, "GB": 22,
    "GE": 22, "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IS": 26, "IT": 27, "JO": 30,
    "KZ": 20, "LT": 20, "LU": 20, "LV": 21, "MD": 24, "ME": 22, "MK": 19, "MR": 27, "MT": 31,
    "NL": 18, "NO": 15, "PK": 24, "PL": 28, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24,
    "SE": 24, "SI": 19, "SK": 24, "TN": 24, "TR": 26, "UA": 29, "XK": 20,
}  # fmt: skip
SCRIPTS = ("LATIN", "CYRILLIC", "GREEK", "ARABIC", "HEBREW", "DEVANAGARI", "BENGALI", "GUJARATI",
           "ORIYA", "TAMIL", "SINHALA", "CJK", "HIRAGANA", "HANGUL", "THAI", "LAO", "KHMER",
           "MYANMAR", "GEORGIAN", "ARMENIAN", "ETHIOPIC")  # fmt: skip
SPOTS = ("insurance-claim", "medical-intake", "school-chat", "travel-booking", "boarding",
         "real-estate", "hr-note", "legal-letter", "bug-report", "sql-export", "csv-export",
         "support-macro", "group-chat", "bot-transcript", "ocr", "signature", "inflected",
         "typo", "nick", "initial", "word-names")  # fmt: skip
POSITIONS = ("start", "end", "mention", "quote", "quotes", "parens", "hashtag", "url-path",
             "after-title", "after-greeting", "after-emoji", "signature", "label", "inflected",
             "initial", "barcode")  # fmt: skip
UNSPACED = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "THAI", "LAO", "KHMER", "MYANMAR")


@pytest.fixture(scope="module")
def bank() -> list[Conversation]:
    return heldout_bank13.corpus(1500, 1)


def _texts(convs: list[Conversation]) -> list[Text]:
    return [t for c in convs for t in c.texts]


def _planted(convs: list[Conversation]) -> list[tuple[str, str, str, Text]]:
    return [(k, v, c, t) for t in _texts(convs) for k, v, c in t.planted]


def _unspaced(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith(UNSPACED)


def _faults(t: Text) -> list[str]:
    """What would make the evaluation count a value where none was meant (or miss one)."""
    out: list[str] = []
    spans: list[tuple[int, int, str]] = []
    if len({v for _, v, _ in t.planted}) != len(t.planted):
        out.append(f"one value planted twice in {t.planted}")
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


def _aba_ok(s: str) -> bool:
    d = [int(ch) for ch in s]
    return len(d) == 9 and sum(w * x for w, x in zip([3, 7, 1] * 3, d, strict=True)) % 10 == 0


def _gtin_ok(s: str) -> bool:
    d = [int(ch) for ch in s]
    return len(d) == 13 and sum(x * (1 if i % 2 == 0 else 3) for i, x in enumerate(d)) % 10 == 0


def _s10_ok(s: str) -> bool:
    d = [int(ch) for ch in s[2:10]]
    c = 11 - sum(w * x for w, x in zip((8, 6, 4, 2, 3, 5, 9, 7), d, strict=True)) % 11
    shape = re.fullmatch(r"[A-Z]{2}\d{9}[A-Z]{2}", s) is not None
    return shape and int(s[10]) == {10: 0, 11: 5}.get(c, c)


def _phone(value: str, region: str) -> phonenumbers.PhoneNumber:
    value = value.replace("(0)", "")
    if value.startswith("00"):
        value = "+" + value[2:]
    return phonenumbers.parse(value, None if "+" in value else region)


def test_the_same_seed_gives_the_same_bank_and_another_seed_another() -> None:
    def dump(convs: list[Conversation]) -> str:
        rows = [[c.platform, vars(c.person), c.profile, [vars(t) for t in c.texts]] for c in convs]
        return json.dumps(rows, ensure_ascii=False)

    first = dump(heldout_bank13.corpus(100, 4))
    assert first == dump(heldout_bank13.corpus(100, 4))
    assert first != dump(heldout_bank13.corpus(100, 5))


def test_the_shape_the_evaluation_reads(bank: list[Conversation]) -> None:
    assert 1500 <= sum(len(c.texts) for c in bank) < 1510
    assert {c.platform for c in bank} == {"peki", "kore", "selise"}
    for c in bank:
        assert isinstance(c, Conversation) and isinstance(c.person, Person)
        assert phonenumbers.is_valid_number(phonenumbers.parse(c.person.phone, None))
        assert c.person.email.count("@") == 1
        held: Any = json.dumps(c.profile, ensure_ascii=False)
        assert c.person.email in held and c.person.phone in held
        assert c.person.first in held and c.person.last in held
        for t in c.texts:
            assert isinstance(t, Text) and WHERE.fullmatch(t.where), t.where
            assert t.planted and len(getattr(t, "origins", [])) == len(t.planted)
            if t.where.startswith("raw:"):
                assert t.where == heldout_bank13.RAW_FIELD[c.platform]
            for kind, value, cls in t.planted:
                assert kind in KINDS and cls.startswith(f"{kind}/"), (kind, cls)
                assert value and value == value.strip()


def test_every_value_is_where_it_says_and_nowhere_else(bank: list[Conversation]) -> None:
    faults = [f for t in _texts(bank) for f in _faults(t)]
    assert not faults, faults[:5]


@settings(max_examples=6, deadline=None)
@given(seed=st.integers(min_value=0, max_value=10**6))
def test_placement_holds_for_any_seed(seed: int) -> None:
    convs = heldout_bank13.corpus(30, seed)
    assert sum(len(c.texts) for c in convs) >= 30
    faults = [f for t in _texts(convs) for f in _faults(t)]
    assert not faults, faults[:5]


def test_checksums_number_classes_and_decoys_are_true(bank: list[Conversation]) -> None:
    seen: Counter[str] = Counter()
    for t in _texts(bank):
        for (kind, value, cls), origin in zip(t.planted, getattr(t, "origins", []), strict=True):
            if kind == "card":
                assert _luhn(value) and 12 <= len(_digits(value)) <= 19, value
            elif kind == "iban":
                compact = re.sub(r"\s", "", value).upper()
                assert _iban_ok(value) and len(compact) == IBAN_LENGTH[compact[:2]], value
                assert compact[:2] == origin
            elif kind == "ip":
                addr = ipaddress.ip_address(value)
                assert addr.is_global and not addr.is_private and not addr.is_multicast, value
            elif kind == "email":
                local, _, domain = value.partition("@")
                assert local and "." in domain and " " not in value, value
            elif kind == "phone":
                num = _phone(value, origin)
                assert phonenumbers.is_possible_number(num), (value, origin)
                valid = phonenumbers.is_valid_number(num)
                assert valid == (cls != "phone/intl-unassigned"), (value, cls, origin)
                if valid:
                    assert phonenumbers.region_code_for_number(num) == origin, (value, origin)
            elif cls == "decoy/luhn-fail":
                assert not _luhn(value) and len(_digits(value)) == 16, value
            elif cls == "decoy/iban-badcheck":
                assert not _iban_ok(value) and len(value) == IBAN_LENGTH[value[:2]], value
            elif cls == "decoy/aba":
                assert _aba_ok(value), value
            elif cls in ("decoy/gtin", "decoy/isbn"):
                assert _gtin_ok(value), value
            elif cls == "decoy/tracking-s10":
                assert _s10_ok(value), value
            elif cls == "decoy/word-name":
                assert value in heldout_bank13.WORD_NAMES, value
            else:
                continue
            seen[cls if kind in ("phone", "decoy") else kind] += 1
    assert min(seen.values()) >= 3 and len(seen) >= 18, seen


def test_no_private_or_documentation_address_anywhere(bank: list[Conversation]) -> None:
    v4 = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.])")
    for t in _texts(bank):
        for m in v4.finditer(t.text):
            try:
                addr = ipaddress.ip_address(m.group())
            except ValueError:
                continue
            assert addr.is_global, (m.group(), t.text)


def test_every_kind_class_language_container_and_position_is_present(
    bank: list[Conversation],
) -> None:
    planted = _planted(bank)
    assert {k for k, *_ in planted} == KINDS
    decoys = {c for k, _, c, _ in planted if k == "decoy"}
    assert len(decoys) >= 45, sorted(decoys)
    for must in ("luhn-fail", "iban-badcheck", "aba", "gtin", "isbn", "bic", "uuid", "amount",
                 "date", "version", "order", "tracking-s10", "word-name", "street-person",
                 "place-name", "company", "hotel", "ship", "drug", "product-name", "bot-persona",
                 "brand-handle", "pnr", "flight", "icd10", "claim-no"):  # fmt: skip
        assert f"decoy/{must}" in decoys, must
    comp = heldout_bank13.composition(bank)
    assert not set(SPOTS) - set(comp["spot"]), set(SPOTS) - set(comp["spot"])
    assert any(w.startswith("raw:") for w in comp["where"])
    assert {"message:user", "message:bot", "message:agent"} <= set(comp["where"])
    langs = set(comp["name-lang"])
    assert len(langs) >= 60, len(langs)
    names = [v for k, v, _, _ in planted if k == "name"]
    found = {unicodedata.name(ch, "") for v in names for ch in v}
    scripts = {s for s in SCRIPTS if any(n.startswith(s) for n in found)}
    assert scripts == set(SCRIPTS), set(SCRIPTS) - scripts
    assert any(v.isupper() and len(v) > 2 for v in names)
    assert any(v.islower() and v.isascii() for v in names)
    assert any("-" in v for v in names) and any("'" in v for v in names)
    assert not [v for v in names if v.lower() in heldout_bank13.PARTICLES]
    assert not [v for v in names if re.fullmatch(r"\w\.", v)]
    cls_names = {c for k, _, c, _ in planted if k == "name"}
    for variant in ("+initial", "+typo", "+nick", "+caps", "+lower", "+ascii", "+inflected",
                    "+unspaced"):  # fmt: skip
        assert any(variant in c for c in cls_names), variant
    inflected = {v for k, v, c, _ in planted if "+inflected" in c}
    assert any(v.endswith(("'nin", "'in")) for v in inflected)
    assert any(v.endswith("'s") for v in inflected)
    assert any(v.endswith(("lle", "nak", "nek")) for v in inflected)
    assert any(c.endswith("+own") for c in cls_names)
    word_decoys = {v for k, v, c, _ in planted if c == "decoy/word-name"}
    assert len(word_decoys) >= 10 and len(set(heldout_bank13.WORD_NAMES) & set(names)) >= 10
    positions = {p.split(":")[1] for p in comp["position"] if p.startswith("name:")}
    assert not set(POSITIONS) - positions, set(POSITIONS) - positions
    phone_classes = {c for k, _, c, _ in planted if k == "phone"}
    assert {"phone/intl-unassigned", "phone/national", "phone/00", "phone/paren0",
            "phone/tel-uri", "phone/ext", "phone/dots", "phone/e164"} <= phone_classes  # fmt: skip
    email_classes = {c for k, _, c, _ in planted if k == "email"}
    assert {"email/role", "email/idn-domain", "email/eai-local", "email/plus"} <= email_classes
    assert len({c for k, _, c, _ in planted if k == "url"}) >= 15
    ips = [v for k, v, _, _ in planted if k == "ip"]
    assert any("::" in v for v in ips) and any("." in v for v in ips)
    origins = comp["origin"]
    assert len({o for o in origins if o.startswith("phone:")}) >= 30
    assert len({o for o in origins if o.startswith("card:")}) >= 15
    assert len({o for o in origins if o.startswith("iban:")}) >= 30


def test_masked_card_forms_are_neither_planted_nor_decoys(bank: list[Conversation]) -> None:
    masked = [t for t in _texts(bank) if "****" in t.text]
    assert masked
    for t in masked:
        assert not any("*" in v for _, v, _ in t.planted)


def test_masking_quality_dispatches_bank_13(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[int, int]] = []

    def fake(n: int, seed: int) -> list[Conversation]:
        calls.append((n, seed))
        return []

    monkeypatch.setattr(masking_quality.heldout_bank13, "corpus", fake)

    class NoMasker:
        def subject_values(self) -> None:
            raise AssertionError("no conversation to learn from")

    assert masking_quality.heldout(77, 3, 13, NoMasker()) == []  # type: ignore[arg-type]
    assert calls == [(77, 3)]


@pytest.mark.slow
def test_seed_one_is_about_twenty_thousand_texts() -> None:
    convs = heldout_bank13.corpus(20_000, 1)
    texts = sum(len(c.texts) for c in convs)
    assert 20_000 <= texts < 20_010
    faults = [f for t in _texts(convs) for f in _faults(t)]
    assert not faults, faults[:5]
