"""Structured values by how they are issued and written: card numbers by the networks' issuer
ranges *and* lengths and by how cards are grouped in print, credentials in links of any scheme,
JSON-escaped slashes, and versions written like IPv4 addresses after their label."""

from __future__ import annotations

import random

import pytest

from archiver.transform.detectors import Detectors, luhn_ok
from archiver.transform.policy import load_policy

DETECTORS = Detectors(load_policy().detectors)


def kinds(text: str) -> list[tuple[str, str]]:
    return [(sp.kind, text[sp.start : sp.end]) for sp in DETECTORS.find(text)]


def with_luhn(head: str, length: int, rng: random.Random) -> str:
    """A number of ``length`` digits starting ``head`` whose last digit makes Luhn hold."""
    body = head + "".join(rng.choice("0123456789") for _ in range(length - len(head) - 1))
    for d in "0123456789":
        if luhn_ok(body + d):
            return body + d
    raise AssertionError("unreachable")


def grouped(number: str, sizes: list[int], sep: str = " ") -> str:
    out, at = [], 0
    for n in sizes:
        out.append(number[at : at + n])
        at += n
    return sep.join(out)


# --- cards ----------------------------------------------------------------------------------

NETWORKS = [
    ("2200", 16),  # Mir
    ("2204", 16),
    ("2205", 16),  # Borica
    ("2221", 16),  # Mastercard 2-series
    ("9792", 16),  # Troy
    ("9860", 16),  # Humo
    ("8600", 16),  # UzCard
    ("81", 16),  # UnionPay 81
    ("62", 19),  # UnionPay
    ("6521", 16),  # RuPay
    ("3530", 16),  # JCB
    ("38", 14),  # Diners Carte Blanche
    ("4", 13),  # Visa 13
    ("6759", 18),  # Maestro
]


@pytest.mark.parametrize(("head", "length"), NETWORKS)
def test_cards_of_every_network_are_found_whole_and_in_groups(head: str, length: int) -> None:
    rng = random.Random(f"{head}/{length}")
    number = with_luhn(head, length, rng)
    sizes = [4] * (length // 4) + ([length % 4] if length % 4 else [])
    for written in (number, grouped(number, sizes), grouped(number, sizes, "-")):
        text = f"Please refund to card {written}, thanks."
        assert ("CARD", written) in kinds(text), (written, kinds(text))


def test_a_dutch_card_label_keeps_the_card() -> None:
    rng = random.Random(7)
    number = with_luhn("4921", 16, rng)
    text = f"Kaartnummer {number}, geldig tot 09/28"
    assert ("CARD", number) in kinds(text)


@pytest.mark.parametrize(
    "decoy",
    [
        # IMEIs: 15 digits pass Luhn, but no network issues 15 digits under 35, 49 or 86
        lambda rng: with_luhn("35", 15, rng),
        lambda rng: with_luhn("49", 15, rng),
        lambda rng: with_luhn("86", 15, rng),
        # an IMEI in its printed groups (2-6-6-1) and an order number written 3-7-7
        lambda rng: grouped(with_luhn("35", 15, rng), [2, 6, 6, 1], "-"),
        lambda rng: grouped(with_luhn("402", 17, rng), [3, 7, 7], "-"),
        # Luhn holds but the prefix is no network's
        lambda rng: with_luhn("7", 16, rng),
        lambda rng: with_luhn("9000", 16, rng),
    ],
)
def test_luhn_valid_numbers_no_network_issues_are_no_cards(decoy: object) -> None:
    rng = random.Random(11)
    for _ in range(20):
        value = decoy(rng)  # type: ignore[operator]
        text = f"The number on the box is {value} (see photo)."
        assert not [k for k, _ in kinds(text) if k == "CARD"], (value, kinds(text))


def test_the_issuer_rule_wrong_both_ways() -> None:
    """The issuer table is an inference from the networks' published ranges. Where it is wrong:
    a card of a network issued under a new range or length is *not* masked (a 16-digit fleet
    or fuel card starting 7 is such a case, today), and a Luhn-valid number of a network's
    prefix and length that is no card (a 16-digit serial starting 4 with no label) *is* masked."""
    rng = random.Random(3)
    fleet = with_luhn("7", 16, rng)
    assert not [k for k, _ in kinds(f"card {fleet}") if k == "CARD"]
    reference = with_luhn("4", 16, rng)
    assert ("CARD", reference) in kinds(f"the box says {reference} on its side")


# --- links --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "postgres://admin:l_ysE7CXmPag@db.example.org:5432/orders",
        "redis://svc:QwErTy12345@cache.example.net:6379/0",
        "sftp://export:S3cr3t!x@files.example.com:2222/upload",
        "amqps://user:pa55word@mq.example.io/vhost",
    ],
)
def test_credentials_in_links_of_any_scheme_mask_the_whole_link(url: str) -> None:
    text = f"The link does not open: {url} please help"
    assert kinds(text) == [("URL", url)]  # whole, and its password@host is no e-mail


def test_json_escaped_slashes_hide_no_secret() -> None:
    text = '{"url": "https:\\/\\/api.example.com\\/cb?access_token=Zm9vYmFyYmF6cXV4MTIzNDU2"}'
    found = kinds(text)
    assert found == [
        ("URL", "https:\\/\\/api.example.com\\/cb?access_token=Zm9vYmFyYmF6cXV4MTIzNDU2")
    ]


def test_a_plain_link_of_another_scheme_stays() -> None:
    text = "Docs at ftp://ftp.example.org/pub/manual.pdf and s3://bucket/key.txt"
    assert kinds(text) == []


# --- versions that look like addresses ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The router firmware is 7.17.12.95 and it keeps rebooting.",
        "Firmware 9.2.42.19 auf dem Router",
        "build: 4.18.0.53",
        "Version 10.0.19.45 installed",
    ],
)
def test_versions_after_their_label_are_no_addresses(text: str) -> None:
    assert [k for k, _ in kinds(text) if k == "IP"] == []


def test_the_version_label_rule_wrong_both_ways() -> None:
    """A real address right after a version label is left in clear (a leak the label rule
    accepts), and a version with no label is masked as an address (a precision loss)."""
    assert [k for k, _ in kinds("firmware 81.2.69.160")] == []
    assert ("IP", "4.3.9.8") in kinds("It runs 4.3.9.8 now")
    assert ("IP", "81.2.69.160") in kinds("I am connecting from 81.2.69.160 today")


# --- first names of more countries, in Latin letters; Polish case forms ---------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # given names Faker lists in Hangul and Chinese characters, as people write them
        ("Please ask Minjun Park about the refund.", "Minjun Park"),
        ("Please ask Min-jun Park about the refund.", "Min-jun Park"),
        ("The parcel is for Jianhua Wang, not me.", "Jianhua Wang"),
        # Greek and Cyrillic given names transliterated
        ("Forward it to Anastasios Georgiou today.", "Anastasios Georgiou"),
        # a name of the paired locales with a surname after it
        ("Kerttu Virtanen will pick it up.", "Kerttu Virtanen"),
    ],
)
def test_first_names_of_more_countries_with_a_surname(text: str, name: str) -> None:
    spans = [(text[sp.start : sp.end], sp.kind) for sp in DETECTORS.find(text)]
    assert (name, "NAME") in spans, spans


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rozmawiałem wczoraj z Agnieszką Jabłońską z Waszego biura.", "Agnieszką Jabłońską"),
        ("Proszę o kontakt z Grzegorzem, on wszystko wie.", "Grzegorzem"),
        ("To jest paczka dla Pawła.", "Pawła"),
        ("Przekażcie to Jerzemu.", "Jerzemu"),
    ],
)
def test_polish_given_names_in_their_case_forms(text: str, name: str) -> None:
    spans = [(text[sp.start : sp.end], sp.kind) for sp in DETECTORS.find(text)]
    assert (name, "NAME") in spans, spans


def test_the_paired_rule_wrong_both_ways() -> None:
    """A first name only a paired locale lists, written alone, is left in clear (a leak the rule
    accepts for precision: "Safari" and "Tamam" are words too); a word of those lists followed by
    a capitalised word that is no surname is masked with it."""
    alone = "Ask Kerttu about it."
    assert [sp.kind for sp in DETECTORS.find(alone)] == []
    assert [sp.kind for sp in DETECTORS.find("Safari opens the page.")] == []
    text = "Ich nutze Safari Browser seit Jahren."
    assert ("Safari Browser", "NAME") in [
        (text[sp.start : sp.end], sp.kind) for sp in DETECTORS.find(text)
    ]


def test_a_short_visa_in_uneven_groups_is_a_card() -> None:
    rng = random.Random(13)
    number = with_luhn("4", 13, rng)
    for written in (grouped(number, [4, 4, 5]), grouped(number, [4, 4, 5], "-")):
        text = f"paid with {written} yesterday"
        assert ("CARD", written) in kinds(text), kinds(text)


def test_maestro_cards_of_twelve_digits() -> None:
    rng = random.Random(17)
    for head in ("5018", "5038", "6761"):
        number = with_luhn(head, 12, rng)
        for written in (number, grouped(number, [4, 4, 4])):
            text = f"please charge {written} (valid till 07/30)"
            assert ("CARD", written) in kinds(text), kinds(text)


def test_ibans_in_dashed_groups() -> None:
    text = "refund to HU46-3246-4417-0012-2760-3833-0668. Thanks"
    assert kinds(text) == [("IBAN", "HU46-3246-4417-0012-2760-3833-0668")]
    bad = "refund to HU47-3246-4417-0012-2760-3833-0668. Thanks"  # check digits wrong
    assert [k for k, _ in kinds(bad) if k == "IBAN"] == []


def test_a_secret_in_a_links_path() -> None:
    """A webhook's token in the path makes the link secret; an id in the path (a UUID, a hex
    digest, a slug: one letter case) does not. The rule is an inference, wrong both ways: a
    mixed-case random-looking path segment that is public (a share id) is masked, a secret in
    one letter case in the path is left in clear."""
    hook = "https://hooks.example.co.uk/services/7wUv9RAQtqBpbfCpRenZOb0n6"
    assert kinds(f"This link fails: {hook} help") == [("URL", hook)]
    for plain in (
        "https://ex.com/orders/366a5253-8c9a-d18c-8a80-398128938e45/view",
        "https://ex.com/blog/how-to-reset-your-router-in-five-steps",
        "https://ex.com/reset/qwertzuiopasdfghjklyxcvbnm",
    ):
        assert kinds(f"see {plain} please") == [], plain


def test_a_bot_token_in_a_links_path() -> None:
    """``bot<id>:<secret>`` in a path: the piece after the colon is read as a token."""
    url = "https://api.telegram.org/bot7666887145:AALobEuVL8-FnAuDPNQTcVZ3fsk8_5xqkVf/sendMessage"
    assert kinds(f"this link fails: {url}?chat_id=42 ok") == [("URL", f"{url}?chat_id=42")]
    escaped = url.replace("/", "\\/")
    assert [k for k, _ in kinds(f'{{"url": "{escaped}"}}')] == ["URL"]


def test_a_one_case_secret_after_a_path_segment_naming_its_purpose() -> None:
    """After a segment naming what the link is for (reset, verify, invite…), a random segment
    of one letter case (a hex token) is the link's secret. An inference, wrong both ways: a
    public checksum after ``/verify/`` is masked too, and a hex secret after a segment that
    names nothing (``/files/<hex>``) stays in clear, like every hex id in a path (``/d/``
    names a share link: its token is masked, see test_email_forms)."""
    reset = "https://api.paydesk.io/account/reset-password/35857bbd3a9d2fc8818d6ae366642d3b"
    assert kinds(f"link: {reset}?utm_source=email") == [("URL", f"{reset}?utm_source=email")]
    public = "https://downloads.example.org/verify/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b"
    assert kinds(f"checksum page {public} ok") == [("URL", public)]  # wrong: masked
    for plain in (
        "https://share.example.eu/files/69cdd3ef8bc463aadb2fc35d2552bab3",  # wrong: kept
        "https://ex.com/orders/366a5253-8c9a-d18c-8a80-398128938e45/view",
        "https://ex.com/help/reset-password/how-to-choose-a-strong-one",
    ):
        assert kinds(f"see {plain} please") == [], plain


def test_uatp_airline_cards() -> None:
    """UATP cards: prefix 1, 15 digits. An inference, wrong one way: a 15-digit number that
    starts with 1 and passes Luhn (one in ten such numbers) is masked as a card."""
    rng = random.Random(23)
    number = with_luhn("1", 15, rng)
    assert ("CARD", number) in kinds(f"card: {number} exp 04/31"), kinds(number)
    assert ("CARD", number) in kinds(f"the box says {number} on its side")  # wrong: a serial
    bad = number[:-1] + str((int(number[-1]) + 1) % 10)
    assert [k for k, _ in kinds(f"card: {bad} exp 04/31") if k == "CARD"] == []
    sixteen = with_luhn("1", 16, rng)  # no network issues 16 digits under 1
    assert [k for k, _ in kinds(f"card: {sixteen}") if k == "CARD"] == []
