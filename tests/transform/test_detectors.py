"""Text detectors: each kind found in its usual formats, decoys left alone, tokens stable."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.simulators import synth
from archiver.transform.detectors import Detectors, known_values, luhn_ok
from archiver.transform.mask import Masker
from archiver.transform.policy import load_policy, parse_policy
from archiver.transform.pseudonym import Pseudonymizer

POLICY = load_policy()
DETECTORS = Detectors(POLICY.detectors)
PSEUDO = Pseudonymizer(b"k" * 32)
MASKER = Masker(POLICY, PSEUDO)


def kinds(text: str) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start : s.end]) for s in DETECTORS.find(text)]


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("john.doe@example.com", "EMAIL"),
        ("JOHN.DOE@EXAMPLE.CO.UK", "EMAIL"),
        ("i̇brahim.yildiz@yandex.com.tr", "EMAIL"),
        ("+90 532 123 45 67", "PHONE"),
        ("0532 123 45 67", "PHONE"),
        ("(212) 345-6789", "PHONE"),
        ("212.345.6789", "PHONE"),
        ("+1 212 345 6789", "PHONE"),
        ("07824 123456", "PHONE"),
        ("030/12345678", "PHONE"),
        ("0049 30 12345678", "PHONE"),
        ("+4915112345678", "PHONE"),
        ("4111 1111 1111 1111", "CARD"),
        ("5500-0000-0000-0004", "CARD"),
        ("378282246310005", "CARD"),
        ("3782 822463 10005", "CARD"),
        ("DE89370400440532013000", "IBAN"),
        ("DE89 3704 0044 0532 0130 00", "IBAN"),
        ("GB29 NWBK 6016 1331 9268 19", "IBAN"),
        ("TR330006100519786457841326", "IBAN"),
        ("85.12.34.56", "IP"),
        ("2001:db8:85a3::8a2e:370:7334", "IP"),
        ("2a02:1:2:3:4:5:6:7", "IP"),
        ("https://app.example.com/reset?token=abc123", "URL"),
        ("https://admin:s3cret@files.example.com/export.csv", "URL"),
        ("https://x.example.com/f.pdf?expires=1&sig=00ff", "URL"),
        ("https://x.example.com/api?page=2&api_key=abc", "URL"),
        ("https://x.example.com/cb#access_token=abc&expires_in=3600", "URL"),
        ("http://x.example.com/login?user=a&Password=b", "URL"),
    ],
)
def test_each_kind_is_found_in_its_formats(value: str, kind: str) -> None:
    for text in (value, f"see: {value}.", f"({value})", f"x {value}, y"):
        assert kinds(text) == [(kind, value)], text


@pytest.mark.parametrize(
    "text",
    [
        "Order ORD-1234567 from 2024-03-15 shows $1,234.99",
        "Delivered on 15.03.2024 at 14:35:10, or 3/15/2024",
        "The app is on version 12.3.45 (build 10.0.19045.3803)",
        "Tracking 4532 1234 5678 9012 and 4532123456789012",  # 16 digits, Luhn fails
        "Wrong account DE12 3704 0044 0532 0130 00",  # mod-97 fails
        "Reference GB18 BARC 0261 1032 0590 29 on the form",
        "Session 03221429-64bd-4ee4-a684-052c183572a8 expired",
        "IP-like 256.1.2.3 and version 1.2.3, or 1.2.3.4.5 and 10.0.0.1.2",
        "See https://shop.example.com/products/1234567?utm_source=chat&ref=bot",
        "Logged 2025-04-08T12:00:00Z, 41.0082, 28.9784, 17% off, 1,250,000 TL",
        "Parcel JD1234567890 is late",
    ],
)
def test_decoys_are_not_personal(text: str) -> None:
    assert kinds(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "IP:{}.",
        "from {}: denied",
        "[{}]:443",
        "ok :{} thanks",
        "ok .{} thanks",
    ],
)
@pytest.mark.parametrize("ip", ["85.12.34.56", "2a02:1:2:3:4:5:6:7", "2001:db8::8a2e:370:7334"])
def test_ip_next_to_colons_and_brackets(text: str, ip: str) -> None:
    assert kinds(text.format(ip)) == [("IP", ip)]


def test_phone_with_country_code_is_never_a_card() -> None:
    # 13 digits that pass Luhn, written as an international phone number.
    digits = next(f"49151{n:08d}" for n in range(10**7, 10**8) if luhn_ok(f"49151{n:08d}"))
    assert kinds(f"call +{digits} now") == [("PHONE", f"+{digits}")]


def test_card_rule_needs_issuer_prefix_and_luhn() -> None:
    assert luhn_ok("4111111111111111") and not luhn_ok("4111111111111112")
    assert kinds("id 1111111111111117 here") == []  # Luhn-valid, no card network starts with 1


def test_same_value_same_token_whatever_the_format() -> None:
    a = MASKER.mask_text("call +90 532 123 45 67")
    b = MASKER.mask_text("call 0532 123 45 67")
    c = MASKER.mask_text("mail John.Doe@Example.com or john.doe@example.com")
    assert a == b and a.startswith("call <PHONE:") and len(a) == len("call <PHONE:12345678>")
    first, second = c.split(" or ")
    assert first.removeprefix("mail ") == second
    other = MASKER.mask_text("call 0533 123 45 67")
    assert other != a


def test_tokens_without_hash() -> None:
    plain = Masker(load_policy(token_hash=False), PSEUDO)
    assert plain.mask_text("a@b.co and 4111 1111 1111 1111") == "<EMAIL> and <CARD>"


def test_known_values_of_the_author() -> None:
    kv = known_values(
        [
            ("name", "Mehmet"),
            ("name", "Yılmaz"),
            ("email", "m.y@x.com"),
            ("phone", "0532 123 45 67"),
            ("username", "memo_42"),
            ("name", "Al"),
        ],
        min_length=3,
        regions=POLICY.detectors.phone_regions,
    )
    text = "ben MEHMET yılmaz, M.Y@X.COM, (532) 123-45-67, memo_42 and Al."
    out = MASKER.mask_text(text, kv)
    for leaked in ("MEHMET", "yılmaz", "M.Y@X.COM", "123-45-67", "memo_42"):
        assert leaked not in out
    assert out.startswith("ben <NAME:") and " and Al." in out  # two letters: not alone
    assert "<USERNAME:" in out and out.count("<PHONE:") == 1
    # Found as a known value or by the detector, a value gets the same token.
    assert MASKER.mask_text("0532 123 45 67", kv) == MASKER.mask_text("0532 123 45 67")


def test_overlaps_keep_the_longest() -> None:
    kv = known_values([("name", "Oliver")], min_length=3, regions=("GB",))
    out = MASKER.mask_text("Hi, this is Oliver Smith.", kv)
    assert out.count("<NAME:") == 1 and "Smith" not in out and "Oliver" not in out


def test_custom_patterns_from_the_policy() -> None:
    doc = b"""
version: t1
custom:
  - {name: customer-no, kind: CUSTOMER, pattern: "\\\\bC-(?P<num>\\\\d{5})\\\\b", group: num}
platforms: {peki: {}}
"""
    m = Masker(parse_policy(doc, name="t.yaml"), PSEUDO)
    token = m.token("CUSTOMER", "12345")
    assert m.mask_text("customer C-12345 called") == f"customer C-{token} called"


@settings(max_examples=300, deadline=None)
@given(seed=st.integers(0, 2**32 - 1))
def test_no_planted_value_survives_masking(seed: int) -> None:
    """Any synthetic message, with the author's profile known as the crawler knows it."""
    rng = random.Random(seed)
    person = synth.make_person(rng)
    kv = known_values(
        [
            ("name", person.first_name),
            ("name", person.last_name),
            ("email", person.email),
            ("phone", person.phone),
        ],
        min_length=3,
        regions=POLICY.detectors.phone_regions,
    )
    text, planted = synth.generate_eval_text(rng, person)
    reply, echoed = synth.generate_reply(rng, person, planted)
    for t, values in ((text, planted), (reply, echoed)):
        out = MASKER.mask_text(t, kv)
        for kind, value in values:
            assert value not in out, f"{kind} {value!r} left in {out!r}"


@settings(max_examples=200, deadline=None)
@given(seed=st.integers(0, 2**32 - 1))
def test_checksum_decoys_are_never_cards_or_ibans(seed: int) -> None:
    rng = random.Random(seed)
    text = f"code {synth.non_luhn_number(rng)} and account {synth.bad_iban(rng)}"
    assert not {k for k, _ in kinds(text)} & {"CARD", "IBAN"}
