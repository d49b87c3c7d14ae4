"""Numbers grouped with no-break and thin spaces, NAPAS cards, and international numbers of
a length no plan lists after a phone cue. Each rule has its decoys and the case where it is
wrong."""

from __future__ import annotations

import pytest

from archiver.transform.detectors import Detectors, plain_spaces
from archiver.transform.policy import load_policy

POLICY = load_policy()
DETECTORS = Detectors(POLICY.detectors)


def found(text: str) -> list[tuple[str, str]]:
    return [(sp.kind, text[sp.start : sp.end]) for sp in DETECTORS.find(text) if sp.kind != "NAME"]


def of_kind(text: str, kind: str) -> list[str]:
    return [v for k, v in found(text) if k == kind]


# --- grouping spaces: no-break, narrow no-break, thin, figure -------------------------------------

SPACES = ["\u00a0", "\u202f", "\u2009", "\u2007"]


@pytest.mark.parametrize("space", SPACES)
@pytest.mark.parametrize(
    ("template", "kind"),
    [
        ("hi, my card 3744_260016_45725 was charged twice", "CARD"),  # Amex 4-6-5
        ("Please charge 5061_2580_1566_0763, exp 04/28", "CARD"),  # Verve 4-4-4-4
        ("please use EE85_4594_8338_0134_2532 for the deposit.", "IBAN"),
        ("the new IBAN (PL34_4348_2098_1233_6480_4848_4726) to finance", "IBAN"),
        ("Refund to QA07_LLQE_Z073_2879_44G6_6074_6531_5 (Bongani)", "IBAN"),
        ("Call me on +44_7700_900123 please", "PHONE"),
        ("Tél : 06_12_34_56_78", "PHONE"),
    ],
)
def test_numbers_grouped_with_unicode_spaces_are_read_as_with_ascii_spaces(
    template: str, kind: str, space: str
) -> None:
    text = template.replace("_", space)
    ascii_text = template.replace("_", " ")
    expected = of_kind(ascii_text, kind)
    assert expected  # the rule only extends what is found with ASCII spaces
    assert of_kind(text, kind) == [v.replace(" ", space) for v in expected]
    assert [sp.value for sp in DETECTORS.find(text) if sp.kind == kind] == [
        sp.value for sp in DETECTORS.find(ascii_text) if sp.kind == kind
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Montant : 1\u202f249,00 € le 12/03/2026",  # a French amount
        "Total 12\u00a0345\u00a0678 Kč za rok",  # a large amount, no phone cue
        "Karte 5061\u00a02580\u00a01566\u00a00764 abgelehnt",  # fails Luhn: no card
        "IBAN EE85\u00a04594\u00a08338\u00a00134\u00a02533 bitte",  # fails mod-97: no IBAN
    ],
)
def test_unicode_spaces_make_no_value_of_what_ascii_spaces_would_not(text: str) -> None:
    assert found(text) == found(plain_spaces(text))
    assert not [k for k, _ in found(text) if k in ("CARD", "IBAN")]


def test_plain_spaces_keeps_every_offset() -> None:
    text = "a\u00a0b\u202fc\u2009d\u2007e f\tg"
    assert plain_spaces(text) == "a b c d e f\tg"
    assert plain_spaces("no grouping spaces") == "no grouping spaces"


def test_a_persons_phone_written_with_no_break_spaces_is_found_by_its_digits() -> None:
    from archiver.transform.detectors import Searchable

    runs = Searchable("new number: 0532\u00a0123\u00a045\u00a067").numbers
    assert [digits for _, _, _, digits in runs] == ["05321234567"]


# --- NAPAS: Vietnam's domestic cards, 9704, 16 or 19 digits ---------------------------------------


@pytest.mark.parametrize(
    "card",
    [
        "9704-1393-2887-0197",
        "9704 5535 8707 7171",
        "9704553587077171",
        "9704 1234 5678 9012 345",  # 19 digits
    ],
)
def test_a_napas_card_is_a_card(card: str) -> None:
    assert of_kind(f"my card {card} was charged twice", "CARD") == [card]


@pytest.mark.parametrize(
    "number",
    [
        "9704553587077172",  # fails Luhn
        "97045535870771",  # 14 digits: no NAPAS length
        "97045535870771712",  # 17 digits
    ],
)
def test_other_numbers_starting_9704_are_no_card(number: str) -> None:
    assert of_kind(f"ref {number} ok", "CARD") == []


# --- an international number of a length no plan lists, after a phone cue -------------------------


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Phone: +82 54481400511199\nConsent: yes", "+82 54481400511199"),
        ("Tel: 00234 36930971325995\nregistered letter", "00234 36930971325995"),
        ("CV is here and call +81 20722751443707651", "+81 20722751443707651"),
        ("TEL;TYPE=CELL:+62 95515211943320\nEMAIL", "+62 95515211943320"),
        ("-- \nNgozi\nDirect: 00234 119609962511", "00234 119609962511"),
        ("-- \nZainab\nDirect: +23370915733", "+23370915733"),
    ],
)
def test_a_cued_international_number_of_any_length_up_to_twenty_digits(
    text: str, phone: str
) -> None:
    assert of_kind(text, "PHONE") == [phone]


@pytest.mark.parametrize(
    "text",
    [
        "shipment +82 54481400511199 arrived",  # no phone cue
        "Phone: +82 5448140051119901234\n",  # 21 digits: more than any phone
        "Direct: +82 54481400511199 then the order 12",  # "Direct" labels a line, alone
        "Direct debit 0048 46309738 monthly",
        # a shipping container code (SSCC): 00 and eighteen digits written whole
        "returning your call about the invoice.\n(see 00340422820545462885)",
        "call me about the parcel\n— 00340101380803033169",
    ],
)
def test_long_international_numbers_without_a_cue_stay(text: str) -> None:
    assert of_kind(text, "PHONE") == []


# --- codes after a purpose segment of a link ------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://tickets.example.org/invite/NpitCwt34A-rlWe_Qng_MP",
        "https://account.example.ng/invite/WwOthwma7KAvyMkufNcv94",
        "https://my.example.co.za/invite/Zb-U6-mHaRgqmXtBj9vZa_",
    ],
)
def test_a_code_after_an_invite_segment_is_a_secret(url: str) -> None:
    assert of_kind(f"LOCATION:{url}\nEND:VEVENT", "URL") == [url]


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/invite/Summer-Party-2024-Berlin",  # capitals only open words
        "https://example.org/invite/summer_party_2024_berlin",
        "https://example.org/products/iPhone15ProMax256GB",  # no purpose segment before it
        "https://example.org/invite/NpitCwtAbrlWeQngMP",  # no digit
    ],
)
def test_slugs_and_codes_without_a_purpose_stay(url: str) -> None:
    assert of_kind(f"see {url} for details", "URL") == []


# --- labels of numbers that are no person's -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Refund to DK3039661714845669 (Sengdeuane), not LT401097941089015288. BLZ 466 596 20",
            "PHONE",
        ),
        ("Refund to EE25 7849 8343 4291 1894 (Chiara). Bankleitzahl 510 221 29", "PHONE"),
        ("Note: seat 5D, OID 2.5.4.3.", "IP"),
        ("(OID 1.2.840.113549.1.1.11)", "IP"),
    ],
)
def test_bank_codes_and_object_identifiers_are_labelled(text: str, kind: str) -> None:
    assert of_kind(text, kind) == []


def test_a_phone_after_blz_is_wrongly_kept_but_one_after_tel_is_masked() -> None:
    # the label decides: after "BLZ" the digits are taken for the bank's code
    assert of_kind("BLZ 030 12345678", "PHONE") == []
    assert of_kind("Tel. 030 12345678", "PHONE") == ["030 12345678"]


def test_an_address_after_a_word_other_than_oid_stays_an_ip() -> None:
    assert of_kind("Login from 55.110.7.49 not recognised", "IP") == ["55.110.7.49"]


# --- Hijri months that are also given names -------------------------------------------------------


@pytest.mark.parametrize("month", ["Ramadan", "Shawwal", "Rajab"])
def test_a_hijri_date_is_no_name(month: str) -> None:
    text = f"Note: train TGV 824, on 10 {month} 1448."
    assert [sp for sp in DETECTORS.find(text) if sp.kind == "NAME"] == []


def test_ramadan_after_a_name_cue_is_still_a_name() -> None:
    text = "my name is Ramadan, thanks"
    assert [text[sp.start : sp.end] for sp in DETECTORS.find(text) if sp.kind == "NAME"] == [
        "Ramadan"
    ]
