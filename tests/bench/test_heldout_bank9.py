"""Held-out bank 9 holds together as a yardstick: the same bank for the same seed, every planted
value where it says and nowhere else, checksums, issuer prefixes and phone classes true, names
of many languages after cues of those languages and in uncued places, every kind, position and
decoy class present, and the profile holding what each platform sends. No detector runs here:
these are checks of the bank, written apart from the bank's own helpers."""

from __future__ import annotations

import ipaddress
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
from bench import heldout_bank9, masking_quality
from bench.heldout_corpus import Conversation, Person, Text

KINDS = {"email", "phone", "card", "iban", "ip", "url", "name", "decoy"}
WHERE = re.compile(r"message:(user|bot|agent)|raw:[a-z_]+")
# IBAN lengths of the SWIFT registry, typed here apart from the bank's BBAN layouts.
IBAN_LEN = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28,
    "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23,
    "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26,
    "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20,
    "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30, "NL": 18,
    "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24,
    "SC": 31, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "ST": 25, "SV": 28, "TL": 23, "TN": 24,
    "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
}  # fmt: skip
# Issuer identification prefixes of the brands the bank names.
IIN = {
    "visa": r"4",
    "mastercard": r"5[1-5]|2(22[1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720)",
    "amex": r"3[47]",
    "discover": r"6011|64[4-9]|65",
    "jcb": r"35(2[89]|[3-8]\d)",
    "diners": r"30[0-5]|36|38",
    "unionpay": r"62",
    "maestro": r"5018|5020|5038|6304|6759",
    "mir": r"220[0-4]",
    "troy": r"9792",
    "rupay": r"508|60",
    "elo": r"636368|504175|438935",
    "verve": r"5061|6500",
    "hipercard": r"606282",
    "uatp": r"1",
}
# Lower-case parts of family names that are also everyday words ("van de boekhouding").
PARTICLES = {"van", "den", "der", "del", "dela", "bin", "binti"}
NO_SPACE_SCRIPT = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@pytest.fixture(scope="module")
def bank() -> list[Conversation]:
    return heldout_bank9.corpus(1600, 1)


def _texts(convs: list[Conversation]) -> list[Text]:
    return [t for c in convs for t in c.texts]


def _planted(convs: list[Conversation]) -> list[tuple[str, str, str, Text]]:
    return [(k, v, c, t) for t in _texts(convs) for k, v, c in t.planted]


def _occ(text: str, value: str) -> list[tuple[int, int]]:
    return [(i, i + len(value)) for i in range(len(text)) if text.startswith(value, i)]


def _faults(t: Text) -> list[str]:
    out, spans = [], []
    for kind, value, _ in t.planted:
        occ = _occ(t.text, value)
        if not occ:
            out.append(f"{value!r} is not in the text")
        for a, b in occ:
            left = t.text[a - 1] if a else " "
            right = t.text[b] if b < len(t.text) else " "
            joined = left.isalnum() or right.isalnum() or unicodedata.combining(right)
            unspaced = NO_SPACE_SCRIPT.match(left) or NO_SPACE_SCRIPT.match(right)
            if joined and not unspaced and kind != "url":
                out.append(f"{value!r} stands inside a longer word")
            spans.append((a, b, value))
    spans.sort()
    for i, (_, b1, v1) in enumerate(spans):
        out += [f"{v1!r} overlaps {v2!r}" for a2, _, v2 in spans[i + 1 :] if a2 < b1 and v2 != v1]
    if len({v for _, v, _ in t.planted}) != len(t.planted):
        out.append("a value planted twice")
    return out


def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def _luhn(s: str) -> bool:
    ds = [int(c) for c in _digits(s)][::-1]
    return sum(d if i % 2 == 0 else sum(divmod(2 * d, 10)) for i, d in enumerate(ds)) % 10 == 0


def _mod97(s: str) -> int:
    s = re.sub(r"\s", "", s).upper()
    return int("".join(str(int(c, 36)) for c in s[4:] + s[:4])) % 97


def test_a_seed_gives_one_bank_and_another_seed_another() -> None:
    def dump(convs: list[Conversation]) -> str:
        return json.dumps(
            [[c.platform, vars(c.person), c.profile, [vars(t) for t in c.texts]] for c in convs],
            ensure_ascii=False,
        )

    one = dump(heldout_bank9.corpus(150, 7))
    assert one == dump(heldout_bank9.corpus(150, 7))
    assert one != dump(heldout_bank9.corpus(150, 8))


def test_the_shape_the_evaluation_reads(bank: list[Conversation]) -> None:
    assert sum(len(c.texts) for c in bank) >= 1600
    assert {c.platform for c in bank} == {"peki", "kore", "selise"}
    for c in bank:
        assert isinstance(c, Conversation) and isinstance(c.person, Person)
        assert phonenumbers.is_valid_number(phonenumbers.parse(c.person.phone, None))
        assert "@" in c.person.email
        json.dumps(c.profile)
        for t in c.texts:
            assert isinstance(t, heldout_bank9.Text9) and WHERE.fullmatch(t.where), t.where
            assert len(t.spots) == len(t.planted)
            assert t.text and all(len(p) == 3 and p[0] in KINDS for p in t.planted)
            assert all(cls.split("/")[0] == kind for kind, _, cls in t.planted)


def test_the_profile_is_what_the_platform_sends(bank: list[Conversation]) -> None:
    named = 0
    for c in bank:
        blob = json.dumps(c.profile, ensure_ascii=False)
        if c.platform == "peki":
            assert c.profile["phoneNumber"] == c.person.phone
            assert c.profile["firstName"] == c.person.first
        if c.platform == "selise":
            assert c.profile["user_info"]["phone"] == c.person.phone
        if c.platform != "kore":  # a Kore.ai bot need not set user tags
            assert c.person.email in blob and c.person.first in blob
        named += c.person.first in blob and c.person.last in blob
        for t in c.texts:
            if not t.where.startswith("raw:"):
                continue
            fld = t.where[4:]
            if c.platform == "selise":
                assert c.profile[fld] == t.text
            elif c.platform == "kore":
                assert {"name": fld, "value": t.text} in c.profile["tags"]["sessionTags"]
            else:
                assert c.profile["dataDictionary"][fld] == t.text
    assert 0.75 * len(bank) < named < len(bank)


def test_every_value_stands_alone_where_it_was_put(bank: list[Conversation]) -> None:
    bad = [(t.text, f) for t in _texts(bank) if (f := _faults(t))]
    assert not bad, bad[:3]


@settings(max_examples=4, deadline=None)
@given(st.integers(min_value=0, max_value=2**31))
def test_any_seed_gives_a_sound_bank(seed: int) -> None:
    for t in _texts(heldout_bank9.corpus(30, seed)):
        assert not _faults(t), t.text


def _fold(s: str) -> str:
    """Lower case, accents dropped, one character for one."""
    s = s.translate(str.maketrans("łŁøØđĐıßæÆœŒþ", "lLoOdDisaAoOt"))
    return "".join(
        " " if unicodedata.combining(c) else (unicodedata.normalize("NFKD", c)[:1] or " ").lower()
        for c in s
    )


def test_no_name_of_a_conversation_stands_unplanted(bank: list[Conversation]) -> None:
    """The masking learns a name in one text and masks it in every text of the conversation:
    wherever a name of the conversation stands, in any case or accent form, it is planted."""
    bad = []
    for c in bank:
        names = {c.person.first, c.person.last}
        names |= {v for t in c.texts for k, v, _ in t.planted if k == "name" and "\\" not in v}
        words = {w for n in names for w in _fold(n).split() if len(w) > 2} - PARTICLES
        if not words:
            continue
        pat = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, sorted(words))) + r")(?!\w)")
        for t in c.texts:
            chars, named = list(t.text), [False] * len(t.text)
            for k, v, _ in t.planted:
                for a, b in _occ(t.text, v):
                    for i in range(a, b):
                        if k == "name":
                            named[i] = True
                        elif k != "decoy":
                            chars[i] = " "
            for m in pat.finditer(_fold("".join(chars))):
                if not all(named[m.start() : m.end()]):
                    bad.append((m.group(), t.text))
    assert not bad, bad[:3]


def test_checksums_issuers_and_lengths(bank: list[Conversation]) -> None:
    brands: Counter[str] = Counter()
    countries: set[str] = set()
    decoys: Counter[str] = Counter()
    for kind, value, cls, _ in _planted(bank):
        raw = json.loads(f'"{value}"') if "\\" in value else value
        if kind == "card":
            brand, n = cls.split("/")[1].rsplit("-", 1)
            brands[brand] += 1
            assert _luhn(raw) and re.match(IIN[brand], _digits(raw)), (raw, cls)
            assert len(_digits(raw)) == int(n)
        elif kind == "iban":
            compact = re.sub(r"\s", "", raw).upper()
            countries.add(compact[:2])
            assert cls.startswith(f"iban/{compact[:2]}-")
            assert _mod97(compact) == 1 and len(compact) == IBAN_LEN[compact[:2]], raw
        elif kind == "ip":
            assert ipaddress.ip_address(raw).is_global, raw
        elif kind == "email":
            assert cls == "email/obfuscated" or raw.count("@") == 1, raw
        elif cls == "decoy/iban-bad":
            assert raw[:2].upper() in IBAN_LEN and _mod97(raw) != 1, raw
            decoys["iban-bad"] += 1
        elif cls.startswith("decoy/luhn-fail"):
            assert len(_digits(raw)) == 16 and not _luhn(raw), raw
            decoys["luhn"] += 1
        elif cls in ("decoy/ean", "decoy/isbn"):
            s = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(raw))
            assert len(raw) == 13 and s % 10 == 0, raw
        elif cls == "decoy/aba":
            w = (3, 7, 1) * 3
            assert sum(a * int(b) for a, b in zip(w, raw, strict=True)) % 10 == 0, raw
        elif cls == "decoy/uuid":
            assert re.fullmatch(r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", raw)
    assert len(brands) >= 13, brands
    assert len(countries) >= 45, countries
    assert {"SA", "AE", "IL", "QA", "KZ", "MU", "SC"} & countries
    assert decoys["iban-bad"] and decoys["luhn"]


def _e164(value: str, cls: str) -> str:
    if cls == "phone/wa":
        return "+" + value
    head, _, tail = value.partition("(0)")
    digits = _digits(head) + _digits(tail)
    return "+" + (digits[2:] if value.startswith("00") else digits)


def test_phone_classes_agree_with_libphonenumber(bank: list[Conversation]) -> None:
    seen: Counter[str] = Counter()
    ccs: set[int] = set()
    for kind, value, cls, t in _planted(bank):
        if kind != "phone":
            continue
        raw = json.loads(f'"{value}"') if "\\" in value else value
        if cls.startswith("phone/national-"):
            region = cls.split("-", 1)[1]
            num = phonenumbers.parse(raw, region)
            assert phonenumbers.is_valid_number_for_region(num, region), (raw, cls)
            seen["national"] += 1
            continue
        num = phonenumbers.parse(_e164(raw, cls), None)
        ccs.add(num.country_code or 0)
        assert phonenumbers.is_possible_number(num), (raw, cls)
        assert phonenumbers.is_valid_number(num) == ("unassigned" not in cls), (raw, cls)
        if cls.endswith("-ext"):
            assert re.search(
                re.escape(raw) + r"(,| ) ?\(?(ext|x|durchwahl|poste|int|#)", t.text.lower()
            )
        seen[cls.split("/")[1].split("-")[0]] += 1
    for form in ("national", "intl", "unassigned", "tel", "wa"):
        assert seen[form] > 0, (form, seen)
    # Countries the earlier banks may lack: Philippines, Egypt, Pakistan, Vietnam, Kenya, Chile,
    # Colombia, Israel, UAE, Saudi Arabia, Thailand, Malaysia, New Zealand, Ireland, DK, FI.
    want = {63, 20, 92, 84, 254, 56, 57, 972, 971, 966, 66, 60, 64, 353, 45, 358}
    assert len(want & ccs) >= 14, want - ccs
    assert len(ccs) >= 60


def test_emails_and_url_secrets_come_in_many_forms(bank: list[Conversation]) -> None:
    comp = heldout_bank9.composition(bank)
    for form in ("plain", "plus", "work", "mixed-case", "idn", "quoted", "obfuscated"):
        assert comp["class"][f"email/{form}"] > 0, form
    providers = {c.split("/")[1] for c in comp["class"] if c.startswith("url/")}
    assert len(providers) >= 15, providers
    for kind, value, _, t in _planted(bank):
        if kind == "url":
            for a, _ in _occ(t.text, value):
                assert re.search(r"[a-z][a-z0-9+]*://[^\s\"'<>]*$", t.text[:a]), (value, t.text)


def test_names_span_languages_scripts_and_positions(bank: list[Conversation]) -> None:
    comp = heldout_bank9.composition(bank)
    assert len(comp["origin"]) >= 30, comp["origin"]
    forms = {"lower", "upper", "diacritics", "ascii", "native-script", "escaped"}
    assert forms <= set(comp["name_form"])
    cue_langs = {c.rsplit("-", 1)[1] for c in comp["class"] if c.startswith("name/cue-")}
    assert {"en", "de", "fr", "es", "it", "pt", "tr", "nl", "pl"} <= cue_langs
    assert len(cue_langs) >= 30, cue_langs
    for cued in ("signoff-", "greet-", "relation-", "handoff-", "said-", "title-"):
        langs = {c for c in comp["class"] if c.startswith(f"name/{cued}")}
        assert len(langs) >= 3, (cued, langs)
    for uncued in (
        "signature",
        "signature-line",
        "header-from",
        "header-cc",
        "quoted-header",
        "csv",
        "form",
        "yaml",
        "html",
        "markdown-table",
        "list",
        "third-party",
        "mention",
        "chatlog",
        "only-reply",
        "card-holder",
        "bot-json",
        "raw-note",
    ):
        assert comp["class"][f"name/{uncued}"] > 0, uncued


def test_every_kind_position_and_decoy_class(bank: list[Conversation]) -> None:
    comp = heldout_bank9.composition(bank)
    assert set(comp["kind"]) == KINDS
    spots = {s.split("@")[1] for s in comp["spot"]}
    want = {"line-start", "after-punct", "inline", "json", "json-escaped", "yaml", "csv", "tsv"}
    want |= {"kv", "markdown", "quoted", "html", "signature", "header", "log", "mention", "raw"}
    assert want | {"url"} <= spots, want - spots
    decoys = {c.split("/")[1] for c in comp["class"] if c.startswith("decoy/")}
    assert set(heldout_bank9.DECOY_CLASSES) <= decoys, set(heldout_bank9.DECOY_CLASSES) - decoys
    places = {v for k, v, c, _ in _planted(bank) if c == "decoy/place"}
    assert {"Georgia", "Austin", "Chelsea", "Lourdes", "Aurora", "Jordan"} & places


def test_line_start_values_start_their_line(bank: list[Conversation]) -> None:
    n = 0
    for t in _texts(bank):
        assert isinstance(t, heldout_bank9.Text9)
        for (_, value, _), spot in zip(t.planted, t.spots, strict=True):
            if spot == "line-start":
                a = t.text.index(value)
                lead = t.text[t.text.rfind("\n", 0, a) + 1 : a]
                assert re.fullmatch(r"[ \t\-*•>]*", lead), (value, t.text)
                n += 1
    assert n > 50


def _strings(obj: Any) -> Any:
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from _strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _strings(v)


def test_json_parses_and_escaped_values_decode(bank: list[Conversation]) -> None:
    n = escaped = 0
    for t in _texts(bank):
        if not t.text.startswith("{"):
            continue
        strings = list(_strings(json.loads(t.text)))
        for _, value, _ in t.planted:
            assert any(json.loads(f'"{value}"') in s for s in strings), (value, t.text)
            escaped += "\\u" in value
        n += 1
    assert n > 20 and escaped > 0


class _Nothing:
    """Subject values that learn nothing: each record comes out as it went in."""

    def learn(self, platform: str, rec: Record) -> None:
        pass

    def hold(self, rec: Record, rid: str) -> list[tuple[Record, str, None]]:
        return [(rec, rid, None)]

    def drain(self) -> list[tuple[Record, str, None]]:
        return []

    def of(self, uid: str, sid: str) -> None:
        return None


def test_bank_9_reaches_the_evaluation_whole() -> None:
    masker: Any = SimpleNamespace(subject_values=_Nothing)
    samples = masking_quality.heldout(200, 3, 9, masker)
    texts = _texts(heldout_bank9.corpus(200, 3))
    assert sorted(s.text for s in samples) == sorted(t.text for t in texts)
    by_text = {t.text: t for t in texts}
    for s in samples:
        assert s.classes == {(k, v): c for k, v, c in by_text[s.text].planted}
        assert s.where == by_text[s.text].where
