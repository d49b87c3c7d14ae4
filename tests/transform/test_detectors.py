"""Text detectors: each kind found in its usual formats, decoys left alone, tokens stable."""

from __future__ import annotations

import copy
import functools
import json
import random
import re
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.simulators import synth
from archiver.sources.base import Record
from archiver.transform.detectors import Detectors, known_values, luhn_ok
from archiver.transform.mask import Masker
from archiver.transform.names import NameFinder
from archiver.transform.policy import load_policy, parse_policy
from archiver.transform.pseudonym import Pseudonymizer
from tests.conftest import examples

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


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Please add Ludovica Mancuso (l.mancuso@example.it) too.", ["Ludovica Mancuso"]),
        ("cc Jan de Vries <jan@example.nl>", ["Jan de Vries"]),
        ("Thanks!\n--\nSanne de Jong\n+31 6 12345678", ["Sanne de Jong"]),
        ("Tamsin Blackwood here. My parcel is missing.", ["Tamsin Blackwood"]),
        ("Mein Kollege Zhang Wei Trần ruft an.", ["Zhang Wei Trần"]),
        ("Merhaba Ayşe Hanım,", ["Ayşe"]),
    ],
)
def test_names_by_position(text: str, names: list[str]) -> None:
    assert [v for k, v in kinds(text) if k == "NAME"] == names


@pytest.mark.parametrize(
    "text",
    [
        "Callback: +48 512 345 678",  # a label, not a signature
        "Beni 0532 123 45 67 numarasından arayın.",  # no separator: not a signature
        "Best,\nThe Billing Team",
    ],
)
def test_no_signature_name_without_a_signature(text: str) -> None:
    assert "NAME" not in [k for k, _ in kinds(text)], kinds(text)


def test_known_names_match_across_case_mappings_and_particles() -> None:
    known = known_values(
        [("name", "Tuğba Sarıoğlu"), ("name", "de Graaf"), ("name", "Dieter Strauß")],
        min_length=3,
        regions=("TR",),
    )
    for text, value in [
        ("Booking for TUĞBA SARIOĞLU", "TUĞBA SARIOĞLU"),
        ("de Graaf again", "de Graaf"),
        ("DIETER STRAUSS?", "DIETER STRAUSS"),
    ]:
        found = [text[s.start : s.end] for s in DETECTORS.find(text, known) if s.kind == "NAME"]
        assert found == [value], (text, found)


@pytest.mark.parametrize(
    "text",
    [
        "Bestellnummer 16493070 ist unterwegs",
        "pedido #7434214922",
        "Sipariş no 51234567 gelmedi",
        "order no. 2125551234",
        "lat -24.43542, lon -16.80960",
    ],
)
def test_numbers_named_as_something_else_are_not_phones(text: str) -> None:
    assert "PHONE" not in [k for k, _ in kinds(text)], kinds(text)


def test_a_phone_followed_by_another_number() -> None:
    text = "Contact: +44 7700 900123 186.42 EUR, or 0532 123 45 67. 2021.09.08 was the date"
    assert [v for k, v in kinds(text) if k == "PHONE"] == ["+44 7700 900123", "0532 123 45 67"]


def test_known_auto_takes_a_numeric_id_for_a_phone() -> None:
    """``known: auto`` infers the kind from the shape: a numeric channel id that is a possible
    phone number is taken for one, and its digits are masked as a phone where they appear
    (too much, never too little; docs/MASKING.md)."""
    t = datetime(2025, 1, 1, tzinfo=UTC)
    sv = MASKER.subject_values()
    data = {"userId": "u1", "channels": [{"type": "telegram", "channelUId": "+4930123456"}]}
    sv.learn("kore", Record("messages", "m1", data, t, t, "u1", "s1"))
    known = sv.of("u1", "s1")
    assert known is not None and ("phone", "+4930123456") in known.values
    assert MASKER.mask_text("chat 4930123456 opened", known).startswith("chat <PHONE:")
    # An id that is no email or phone teaches nothing.
    sv2 = MASKER.subject_values()
    data2 = {"userId": "u2", "channels": [{"type": "msteams", "channelUId": "29:1abcdef"}]}
    sv2.learn("kore", Record("messages", "m2", data2, t, t, "u2", "s2"))
    assert sv2.of("u2", "s2") is None


def test_json_escaped_letters_are_read_through() -> None:
    """A bot template serialised with non-ASCII escaped ("Bar\\u0131\\u015f"): found, and
    replaced in the text as written."""
    known = known_values([("name", "Jérôme Bélanger")], min_length=3, regions=("TR",))
    text = json.dumps({"text": "Merhaba Barış Bey! Ticket for Bélanger, Jérôme: +90 532 123 45 67"})
    assert "\\u0131" in text
    out = MASKER.mask_text(text, known)
    assert json.loads(out)["text"].startswith("Merhaba <NAME:")
    assert "Ticket for <NAME:" in out and ", <NAME:" in out and "<PHONE:" in out
    assert "Bar" not in out and "B\\u00e9langer" not in out
    plain = MASKER.mask_text(json.dumps({"text": "Merhaba Barış Bey!"}, ensure_ascii=False))
    assert plain.split("<NAME:")[1][:8] == out.split("<NAME:")[1][:8]  # the same token


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("IMEI 354984255021534", []),  # a Luhn-valid 15-digit device id
        ("Card: 371219732121527 11:45–20:00.", [("CARD", "371219732121527")]),
        ("Ma commande ? 0033 6 17 25 65 36", [("PHONE", "0033 6 17 25 65 36")]),
        ("Obrigado! — Yevgeniya", [("NAME", "Yevgeniya")]),
        ("Order shipped — Tracking below", []),
        ("Bonjour Madame, Monsieur,", []),
        ("Bonjour Madame Dupont,", [("NAME", "Dupont")]),
    ],
)
def test_labels_dashes_and_forms_of_address(text: str, found: list[tuple[str, str]]) -> None:
    assert kinds(text) == found


_PIECES = [
    "Hi", "hi", "my name is", "Ich heiße", "ben", "Regards,", "Merhaba", "Ayşe", "Yılmaz",
    "Hanım", "here", "de Graaf", "Jean-Luc", "O'Brien", "İsmim", "Sorry", "Team", "Thanks",
    "and", "—", "--", "!", ".", ",", ":", "\n", " ", "  ", "+90 532 123 45 67", "x" * 70,
    "Mr.", "the order", "Kunde", "Nguyễn Văn", "ŁUKASZ",
]  # fmt: skip


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14), st.sampled_from([" ", ""]))
def test_the_name_memo_gives_what_the_whole_text_gives(pieces: list[str], sep: str) -> None:
    """Runs are judged on a window around them and remembered per window: the verdict is the
    one a finder that remembers nothing gives, wherever the run stands (the finder's other
    paths, such as a lower-case name after a cue, find the same either way)."""
    finder = copy.copy(_finders()[0])  # shares the built patterns, not the window memo
    finder._memo = {}
    forgetful = _finders()[1]
    text = sep.join(pieces)
    direct = forgetful.find(text)
    assert not forgetful._memo
    assert finder.find(text) == direct
    assert finder.find(text) == direct  # from the memo the second time


@functools.cache
def _finders() -> tuple[NameFinder, NameFinder]:
    """A finder to copy per example, and one that remembers no window (built once: building
    takes longer than the example)."""
    assert POLICY.detectors.names is not None
    forgetful = NameFinder(POLICY.detectors.names)
    forgetful._memo = _NoMemo()
    return NameFinder(POLICY.detectors.names), forgetful


class _NoMemo(dict[object, object]):
    """A memo that never answers, so every window is judged afresh."""

    def get(self, key: object, default: object = None) -> object:
        return default

    def __setitem__(self, key: object, value: object) -> None:
        pass


_SCAN_CHARS = "AaÖöŞşİıXy019. \t-'’:/_(+\n"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_SCAN_CHARS, max_size=40))
def test_scan_patterns_match_what_their_look_behind_first_forms_match(text: str) -> None:
    """The run and IPv4 patterns test the character before a match after its first letter or
    digit (the regex engine then skips ahead); they match exactly what the plain forms, which
    test it first, match."""
    from archiver.transform import detectors, names, namewords

    def plain_run(word: str) -> re.Pattern[str]:
        particles = namewords.PARTICLE_ALTERNATION
        return re.compile(
            rf"(?<![\w'’-]){word}(?:[ \t]+(?:(?:{particles})[ \t]+){{0,2}}{word}){{0,5}}"
            rf"(?!\w|['’][{names._U}])"
        )

    pairs = (
        (plain_run(names._WORD_OR_CAPS), names._RUN_CAPS),
        (plain_run(names._WORD), names._RUN),
        (re.compile(r"(?<!\w)(?<!\d\.)(?:\d{1,3}\.){3}\d{1,3}(?!\w|\.\d)"), detectors._IPV4),
    )
    for plain, fast in pairs:
        for pos in (0, len(text) // 2):
            got = [m.span() for m in fast.finditer(text, pos)]
            assert got == [m.span() for m in plain.finditer(text, pos)]
