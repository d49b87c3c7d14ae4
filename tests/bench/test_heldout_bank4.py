"""Held-out bank 4 is sound as a yardstick: deterministic, every planted value where it says and
nowhere it does not, checksums and phone classes true, every value classed, decoys scored as
decoys. Nothing here runs a detector on the bank."""

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
from archiver.transform.detectors import Span
from bench import heldout_bank4, masking_quality
from bench.heldout_corpus import Conversation, Person, Text

KINDS = {"email", "phone", "card", "iban", "ip", "url", "name", "decoy"}
CUE_LANGS = ("en", "de", "fr", "es", "it", "pt", "tr", "nl", "pl")
WHERE = re.compile(r"message:(user|bot|agent)|raw:[a-z_]+")


@pytest.fixture(scope="module")
def bank() -> list[Conversation]:
    return heldout_bank4.corpus(6000, 1)


def _texts(convs: list[Conversation]) -> list[Text]:
    return [t for c in convs for t in c.texts]


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
            if before.isalnum() or after.isalnum():
                out.append(f"{value!r} is part of a longer word")
            spans.append((a, b, value))
    spans.sort()
    for i, (_, b1, v1) in enumerate(spans):
        out += [f"{v1!r} overlaps {v2!r}" for a2, _, v2 in spans[i + 1 :] if a2 < b1 and v2 != v1]
    return out


def _luhn(number: str) -> bool:
    digits = [int(c) for c in number if c.isdigit()][::-1]
    return (
        sum(d if i % 2 == 0 else (d * 2) // 10 + (d * 2) % 10 for i, d in enumerate(digits)) % 10
        == 0
    )


def _mod97(iban: str) -> int:
    s = iban.replace(" ", "")
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

    first, again = heldout_bank4.corpus(800, 5), heldout_bank4.corpus(800, 5)
    assert dump(first) == dump(again)
    assert dump(first) != dump(heldout_bank4.corpus(800, 6))


def test_the_interface_the_evaluation_reads(bank: list[Conversation]) -> None:
    assert sum(len(c.texts) for c in bank) >= 6000
    assert {c.platform for c in bank} == {"peki", "kore", "selise"}
    for c in bank:
        assert isinstance(c, Conversation) and isinstance(c.person, Person)
        assert c.person.phone.startswith("+") and "@" in c.person.email
        json.dumps(c.profile)  # a record's data, as a platform sends it
        for t in c.texts:
            assert isinstance(t, Text) and WHERE.fullmatch(t.where), t.where
            assert t.text and all(len(p) == 3 for p in t.planted)
    where = Counter(t.where.split(":")[0] for t in _texts(bank))
    assert where["message"] > 0 and where["raw"] > 0


def test_every_planted_value_occurs_alone_and_clean(bank: list[Conversation]) -> None:
    bad = [(t.text, p) for t in _texts(bank) if (p := _clean(t))]
    assert not bad, bad[:5]


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_any_seed_gives_a_clean_bank(seed: int) -> None:
    for t in _texts(heldout_bank4.corpus(40, seed)):
        assert not _clean(t), (t.text, t.planted)


def test_every_value_is_classed_under_its_kind(bank: list[Conversation]) -> None:
    for t in _texts(bank):
        for kind, value, cls in t.planted:
            assert kind in KINDS and value.strip() == value and value
            assert re.fullmatch(rf"{kind}/[a-z0-9-]+", cls), (kind, cls)
    classes = {cls for t in _texts(bank) for _, _, cls in t.planted}
    wanted = {
        *(f"name/cue-{lang}" for lang in CUE_LANGS),
        *(f"name/signoff-{lang}" for lang in CUE_LANGS),
        "name/signature", "name/bot-greeting", "name/bot-honorific", "name/bot-json",
        "name/json-escaped", "name/third-party-cued", "name/third-party-uncued", "name/raw",
        "name/agent-self", "name/caps", "name/lowercase", "name/form-field",
        "phone/intl-new-range", "phone/national-de", "phone/national-tr", "phone/intl-00",
        "email/plus", "email/subdomain", "email/idn-domain", "email/utf8-local",
        "card/spaced", "card/amex", "iban/grouped", "iban/compact",
        "ip/v4", "ip/v4-port", "ip/v6-full", "ip/v6-compressed", "ip/v6-bracket-port",
        "url/query-token", "url/userinfo-password", "url/presigned-signature",
        "decoy/order", "decoy/tracking", "decoy/invoice", "decoy/price", "decoy/date",
        "decoy/version", "decoy/imei", "decoy/postal", "decoy/coordinates",
        "decoy/product-code", "decoy/reference", "decoy/name-like",
    }  # fmt: skip
    assert wanted <= classes, sorted(wanted - classes)


def test_checksums_hold(bank: list[Conversation]) -> None:
    seen = Counter[str]()
    for t in _texts(bank):
        for kind, value, cls in t.planted:
            value = _unescape(value)
            if kind == "card":
                assert _luhn(value) and 14 <= sum(c.isdigit() for c in value) <= 19, value
                seen[kind] += 1
            elif kind == "iban":
                compact = value.replace(" ", "")
                assert _mod97(compact) == 1, value
                assert len(compact) == heldout_bank4._IBAN[compact[:2]][0], value
                seen[kind] += 1
            elif cls == "decoy/imei":
                assert _luhn(value) and sum(c.isdigit() for c in value) == 15, value
                seen[cls] += 1
            elif cls == "decoy/voucher" and sum(c.isdigit() for c in value) == 16:
                assert not _luhn(value), value  # would be a card number otherwise
                seen[cls] += 1
    assert seen["card"] > 50 and seen["iban"] > 50 and seen["decoy/imei"] > 10
    assert (
        len({v.replace(" ", "")[:2] for t in _texts(bank) for k, v, _ in t.planted if k == "iban"})
        >= 20
    )


def test_phone_classes_agree_with_libphonenumber(bank: list[Conversation]) -> None:
    forms, regions = Counter[str](), set()
    for t in _texts(bank):
        for kind, value, cls in t.planted:
            if kind != "phone":
                continue
            raw = _unescape(value)
            if cls.startswith("phone/national-"):
                num = phonenumbers.parse(raw, cls.rsplit("-", 1)[1].upper())
                assert not raw.startswith(("+", "00")), raw
            else:
                assert raw.startswith(("+", "00")), (cls, raw)
                num = phonenumbers.parse("+" + raw.replace("(0)", "").lstrip("+0"), None)
            if cls == "phone/intl-new-range":
                assert phonenumbers.is_possible_number(num), raw
                assert not phonenumbers.is_valid_number(num), raw
            else:
                assert phonenumbers.is_valid_number(num), (cls, raw)
            forms[cls.split("/")[1].split("-")[0]] += 1
            regions.add(phonenumbers.region_code_for_country_code(num.country_code or 0))
    assert forms["intl"] > 200 and forms["national"] > 50 and forms["tel"] > 0
    assert len(regions) >= 40


def test_names_span_languages_scripts_and_diacritics(bank: list[Conversation]) -> None:
    origins = Counter(c.person.lang for c in bank)
    assert set(CUE_LANGS) <= set(origins)
    assert len(set(origins) & set(heldout_bank4.TRANSLIT)) >= 8
    names = {v for t in _texts(bank) for k, v, _ in t.planted if k == "name"}
    marked = {n for n in names if unicodedata.normalize("NFD", n) != n}
    langs_with_marks = {
        lang
        for lang in heldout_bank4.LATIN
        if any(n in marked for n, _ in heldout_bank4.NAMES[lang].first)
        or any(n in marked for pair in heldout_bank4.NAMES[lang].last for n in pair)
    }
    assert len(langs_with_marks) >= 9, langs_with_marks


def test_bot_json_parses_and_its_escaped_values_decode_to_the_names(
    bank: list[Conversation],
) -> None:
    n = 0
    for t in _texts(bank):
        if not t.text.startswith("{"):
            continue
        decoded = json.dumps(json.loads(t.text), ensure_ascii=False)
        for _, value, cls in t.planted:
            assert _unescape(value) in decoded, (value, cls)
            n += cls.endswith("json-escaped")
    assert n > 10


def test_url_secrets_sit_inside_urls(bank: list[Conversation]) -> None:
    for t in _texts(bank):
        urls = re.findall(r"[a-z]+://\S+", t.text.replace("\\/", "/"))
        for kind, value, _ in t.planted:
            if kind == "url":
                assert any(value in u for u in urls), (value, t.text)


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


def test_bank_4_reaches_the_evaluation_whole() -> None:
    masker: Any = SimpleNamespace(subject_values=_PassThrough)
    samples = masking_quality.heldout(300, 2, 4, masker)
    texts = _texts(heldout_bank4.corpus(300, 2))
    assert sorted(s.text for s in samples) == sorted(t.text for t in texts)
    by_text = {t.text: t for t in texts}
    for s in samples:
        assert s.classes == {(k, v): c for k, v, c in by_text[s.text].planted}


def test_a_decoy_counts_as_missed_only_when_something_masks_it() -> None:
    text = "Order 4017329951: call me on +49 171 2345678"
    phone, order = (29, 44, "phone"), (6, 16, "order")
    planted = [("decoy", "4017329951"), ("phone", "+49 171 2345678")]
    classes = {planted[0]: "decoy/order", planted[1]: "phone/intl-spaced"}

    def run(*spans: tuple[int, int, str]) -> masking_quality.Score:
        found = [Span(a, b, kind.upper(), text[a:b]) for a, b, kind in spans]
        detectors: Any = SimpleNamespace(
            settings=SimpleNamespace(phone_regions=()), find=lambda _text, _known: found
        )
        sample = masking_quality.Sample(text, planted, [], classes=classes)
        return masking_quality.score([sample], detectors, with_known=False)

    kept = run(phone)
    assert kept.by_class["decoy/order"] == 1 and "decoy/order" not in kept.missed_class
    assert kept.found["phone"] == 1 and kept.true_pos["phone"] == kept.detections["phone"] == 1
    masked = run(phone, (order[0], order[1], "phone"))
    assert len(masked.missed_class["decoy/order"]) == 1
    assert masked.detections["phone"] == 2 and masked.true_pos["phone"] == 1  # precision 1/2
