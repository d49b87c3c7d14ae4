"""Held-out bank 5 is sound as a yardstick: deterministic, every planted value where it says and
nowhere it does not, checksums and phone classes true, every value classed, the profile holding
what the platform would hold. Nothing here runs a detector on the bank."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from types import SimpleNamespace
from typing import Any

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.sources.base import Record
from bench import heldout_bank5, masking_quality
from bench.heldout_corpus import Conversation, Person, Text

KINDS = {"email", "phone", "card", "iban", "ip", "url", "name", "decoy"}
CUE_LANGS = ("en", "de", "fr", "es", "it", "pt", "tr", "nl", "pl")
WANTED_ORIGINS = {*CUE_LANGS, "ko", "ja", "zh", "ar", "hi", "ru", "el", "vi", "sw", "yo"}
WHERE = re.compile(r"message:(user|bot|agent)|raw:[a-z_]+")
# Issuer prefixes written here from the card networks' published ranges, apart from the bank.
ISSUER = {
    "visa": r"4",
    "mastercard": r"5[1-5]",
    "mastercard2": r"2(22[1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720)",
    "amex": r"3[47]",
    "discover": r"6011|64[4-9]|65",
    "jcb": r"35(2[89]|[3-8]\d)",
    "unionpay": r"62",
    "maestro": r"5018|5020|5038|6759|6761|6763",
    "mir": r"220[0-4]",
    "rupay": r"60|65|81|82|508",
    "troy": r"9792",
    "elo": r"401178|438935|504175|506699|636368",
    "diners": r"36|30[0-5]",
}


@pytest.fixture(scope="module")
def bank() -> list[Conversation]:
    return heldout_bank5.corpus(6000, 1)


def _texts(convs: list[Conversation]) -> list[Text]:
    return [t for c in convs for t in c.texts]


def _planted(convs: list[Conversation]) -> list[tuple[str, str, str, Text]]:
    return [(k, v, c, t) for t in _texts(convs) for k, v, c in t.planted]


def _occ(text: str, value: str) -> list[tuple[int, int]]:
    """Every occurrence, overlapping ones too: the scorer counts them all."""
    return [(i, i + len(value)) for i in range(len(text)) if text.startswith(value, i)]


def _clean(t: Text) -> list[str]:
    """What would make the scorer count a planted value where it was not meant."""
    out, spans = [], []
    for kind, value, _ in t.planted:
        occ = _occ(t.text, value)
        if not occ:
            out.append(f"{kind} {value!r} not in the text")
        for a, b in occ:
            before = t.text[a - 1] if a else " "
            after = t.text[b] if b < len(t.text) else " "
            if before.isalnum() or after.isalnum() or unicodedata.combining(after):
                out.append(f"{value!r} is part of a longer word")
            spans.append((a, b, value))
    spans.sort()
    for i, (_, b1, v1) in enumerate(spans):
        out += [f"{v1!r} overlaps {v2!r}" for a2, _, v2 in spans[i + 1 :] if a2 < b1 and v2 != v1]
    if len({v for _, v, _ in t.planted}) != len(t.planted):
        out.append("one value planted under two kinds")
    return out


def _digits(s: str) -> str:
    return "".join(c for c in s if c.isdigit())


def _luhn(number: str) -> bool:
    digits = [int(c) for c in _digits(number)][::-1]
    return (
        sum(d if i % 2 == 0 else (d * 2) // 10 + (d * 2) % 10 for i, d in enumerate(digits)) % 10
        == 0
    )


def _mod97(iban: str) -> int:
    s = iban.replace(" ", "").replace("-", "")
    digits = "".join(str(ord(c) - 55) if c.isalpha() else c for c in s[4:] + s[:4])
    return int(digits) % 97


def _unescape(value: str) -> str:
    """A value as written inside a bot's JSON (with \\uXXXX or \\/) to what it stands for."""
    return str(json.loads(f'"{value}"')) if "\\" in value else value


def test_same_seed_same_bank_other_seed_other_bank() -> None:
    def dump(convs: list[Conversation]) -> str:
        return json.dumps(
            [[c.platform, vars(c.person), c.profile, [vars(t) for t in c.texts]] for c in convs],
            ensure_ascii=False,
        )

    first, again = heldout_bank5.corpus(800, 5), heldout_bank5.corpus(800, 5)
    assert dump(first) == dump(again)
    assert dump(first) != dump(heldout_bank5.corpus(800, 6))


def test_the_interface_the_evaluation_reads(bank: list[Conversation]) -> None:
    assert sum(len(c.texts) for c in bank) >= 6000
    assert {c.platform for c in bank} == {"peki", "kore", "selise"}
    for c in bank:
        assert isinstance(c, Conversation) and isinstance(c.person, Person)
        assert phonenumbers.is_possible_number(phonenumbers.parse(c.person.phone, None))
        assert "@" in c.person.email
        json.dumps(c.profile)  # a record's data, as a platform sends it
        for t in c.texts:
            assert isinstance(t, Text) and WHERE.fullmatch(t.where), t.where
            assert t.text and all(len(p) == 3 for p in t.planted)
    where = Counter(t.where.split(":")[0] for t in _texts(bank))
    assert where["message"] > 0 and where["raw"] > 0


def test_the_profile_holds_what_the_platform_knows(bank: list[Conversation]) -> None:
    for c in bank:
        blob = json.dumps(c.profile, ensure_ascii=False)
        assert c.person.email in blob and c.person.first in blob and c.person.last in blob
        if c.platform != "peki":  # a Peki user may come without a phone
            assert c.person.phone in blob


def test_every_planted_value_occurs_alone_and_clean(bank: list[Conversation]) -> None:
    bad = [(t.text, p) for t in _texts(bank) if (p := _clean(t))]
    assert not bad, bad[:5]


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_any_seed_gives_a_clean_bank(seed: int) -> None:
    for t in _texts(heldout_bank5.corpus(40, seed)):
        assert not _clean(t), (t.text, t.planted)


def test_every_value_is_classed_under_its_kind(bank: list[Conversation]) -> None:
    for kind, value, cls, _ in _planted(bank):
        assert kind in KINDS and value.strip() == value and value
        assert re.fullmatch(rf"{kind}/[a-z0-9-]+", cls), (kind, cls)
    classes = Counter(cls for _, _, cls, _ in _planted(bank))
    wanted = {
        *(f"name/cue-{lang}" for lang in WANTED_ORIGINS),
        *(f"name/signoff-{lang}" for lang in CUE_LANGS),
        "name/signature", "name/bot-greeting", "name/bot-honorific", "name/bot-json",
        "name/json-escaped", "name/third-party-cued", "name/third-party-uncued", "name/raw",
        "name/agent-self", "name/caps", "name/lowercase", "name/form-field", "name/repeated",
        "name/ascii-folded",
        "phone/intl-new-range", "phone/intl-00", "phone/intl-tel", "phone/intl-trunk-zero",
        "phone/intl-compact", "phone/intl-spaced",
        *(f"phone/national-{r.lower()}" for r in heldout_bank5.NATIONAL_REGIONS),
        "email/plus", "email/subdomain", "email/idn-domain", "email/utf8-local", "email/caps",
        *(f"card/{brand}" for brand in ISSUER),
        "iban/grouped", "iban/compact", "iban/dashed",
        "ip/v4", "ip/v4-port", "ip/v6-full", "ip/v6-compressed", "ip/v6-bracket-port",
        "ip/v4-mapped",
        "url/query-token", "url/fragment-token", "url/userinfo-password",
        "url/presigned-signature", "url/sas-signature", "url/path-token",
        *(f"decoy/{cls}" for cls in heldout_bank5.DECOYS),
    }  # fmt: skip
    assert wanted <= set(classes), sorted(wanted - set(classes))


def test_checksums_hold(bank: list[Conversation]) -> None:
    seen = Counter[str]()
    for kind, value, cls, _ in _planted(bank):
        value = _unescape(value)
        if kind == "card":
            brand = cls.split("/")[1]
            assert _luhn(value) and 12 <= len(_digits(value)) <= 19, value
            assert re.match(ISSUER[brand], _digits(value)), (brand, value)
            seen[kind] += 1
        elif kind == "iban":
            compact = value.replace(" ", "").replace("-", "")
            assert _mod97(compact) == 1, value
            assert len(compact) == heldout_bank5.IBAN_LENGTH[compact[:2]], value
            seen[kind] += 1
        elif cls == "decoy/iban-bad-check":
            compact = value.replace(" ", "")
            assert _mod97(compact) != 1, value
            assert len(compact) == heldout_bank5.IBAN_LENGTH[compact[:2]], value
            seen[cls] += 1
        elif cls == "decoy/imei":
            assert _luhn(value) and len(_digits(value)) == 15, value
            seen[cls] += 1
        elif cls == "decoy/voucher":
            assert not _luhn(value) and len(_digits(value)) == 16, value  # else a card
            seen[cls] += 1
        elif cls == "decoy/tracking" and re.fullmatch(r"[A-Z]{2}\d{9}[A-Z]{2}", value):
            weights = (8, 6, 4, 2, 3, 5, 9, 7)
            c = 11 - sum(int(d) * w for d, w in zip(value[2:10], weights, strict=True)) % 11
            assert int(value[10]) == {10: 0, 11: 5}.get(c, c), value
            seen["s10"] += 1
    assert seen["card"] > 100 and seen["iban"] > 100
    assert min(seen[c] for c in ("decoy/imei", "decoy/voucher", "decoy/iban-bad-check")) > 30
    assert seen["s10"] > 10
    ibans = {v.replace(" ", "")[:2] for k, v, _, _ in _planted(bank) if k == "iban"}
    assert len(ibans) >= 35


def test_phone_classes_agree_with_libphonenumber(bank: list[Conversation]) -> None:
    regions = set()
    for kind, value, cls, _ in _planted(bank):
        if kind != "phone":
            continue
        raw = _unescape(value)
        if cls.startswith("phone/national-"):
            assert not raw.startswith(("+", "00")), raw
            num = phonenumbers.parse(raw, cls.rsplit("-", 1)[1].upper())
        else:
            assert raw.startswith(("+", "00", "(+")), (cls, raw)
            num = phonenumbers.parse("+" + _digits(raw.replace("(0)", "")).removeprefix("00"))
        if cls == "phone/intl-new-range":
            assert phonenumbers.is_possible_number(num), raw
            assert not phonenumbers.is_valid_number(num), raw
        else:
            assert phonenumbers.is_valid_number(num), (cls, raw)
        regions.add(phonenumbers.region_code_for_country_code(num.country_code or 0))
    assert len(regions) >= 50


def test_the_tel_form_keeps_its_scheme_outside_the_value(bank: list[Conversation]) -> None:
    n = 0
    for _, value, cls, t in _planted(bank):
        if cls == "phone/intl-tel" and not t.text.startswith("{"):
            assert f"tel:{value}" in t.text, t.text
            n += 1
    assert n > 20


def test_names_span_languages_scripts_and_diacritics(bank: list[Conversation]) -> None:
    origins = Counter(c.person.lang for c in bank)
    assert set(origins) >= WANTED_ORIGINS
    names = {_unescape(v) for k, v, _, _ in _planted(bank) if k == "name"}
    marked = {n for n in names if unicodedata.normalize("NFD", n) != n}
    langs_with_marks = {
        lang
        for lang in heldout_bank5.LATIN
        if marked & {*heldout_bank5.NAMES[lang][0], *heldout_bank5.NAMES[lang][1]}
    }
    assert len(langs_with_marks) >= 9, langs_with_marks
    folded = {v for k, v, c, _ in _planted(bank) if c == "name/ascii-folded"}
    assert folded and all(v.isascii() for v in folded)


def test_positions_are_all_there(bank: list[Conversation]) -> None:
    seen = Counter[str]()
    for _, value, _, t in _planted(bank):
        for a, _ in _occ(t.text, value):
            if a == 0 or t.text[a - 1] == "\n":
                seen["line-start"] += 1
            if a and t.text[a - 1] in ".,:;(—-<[":
                seen["after-punctuation"] += 1
        if "**" in t.text or t.text.startswith("|") or "\n- " in t.text or "](" in t.text:
            seen["markdown"] += 1
        if t.text.startswith("{"):
            seen["json"] += 1
        if t.where.startswith("raw:"):
            seen["raw"] += 1
    assert min(seen.values()) > 50 and len(seen) == 5, seen


def test_bot_json_parses_and_its_escaped_values_decode_to_the_values(
    bank: list[Conversation],
) -> None:
    n = 0
    for t in _texts(bank):
        if not t.text.startswith("{"):
            continue
        decoded = json.dumps(json.loads(t.text), ensure_ascii=False)
        for _, value, cls in t.planted:
            assert _unescape(value) in decoded, (value, cls)
            n += cls == "name/json-escaped"
    assert n > 30


def test_url_secrets_sit_inside_urls(bank: list[Conversation]) -> None:
    n = 0
    for t in _texts(bank):
        urls = re.findall(r"[a-z][a-z0-9+]*://\S+", t.text.replace("\\/", "/"))
        for kind, value, _ in t.planted:
            if kind == "url":
                assert any(value in u for u in urls), (value, t.text)
                n += 1
    assert n > 200


class _PassThrough:
    """Subject values that learn nothing: the records come out as they went in."""

    def learn(self, platform: str, rec: Record) -> None:
        pass

    def hold(self, rec: Record, rid: str) -> list[tuple[Record, str, None]]:
        return [(rec, rid, None)]

    def drain(self) -> list[tuple[Record, str, None]]:
        return []

    def of(self, uid: str, sid: str) -> None:
        return None


def test_bank_5_reaches_the_evaluation_whole() -> None:
    masker: Any = SimpleNamespace(subject_values=_PassThrough)
    samples = masking_quality.heldout(300, 2, 5, masker)
    texts = _texts(heldout_bank5.corpus(300, 2))
    assert sorted(s.text for s in samples) == sorted(t.text for t in texts)
    by_text = {t.text: t for t in texts}
    for s in samples:
        assert s.classes == {(k, v): c for k, v, c in by_text[s.text].planted}
        assert s.where == by_text[s.text].where
