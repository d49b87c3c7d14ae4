"""Cards grouped by underscores, URL passwords holding "#" or "?", phones under a label line or
in an SQL insert's phone column, and medical record numbers. Each rule has its decoys and the
case where it is wrong."""

from __future__ import annotations

import pytest

from archiver.transform.detectors import Detectors
from archiver.transform.policy import load_policy

POLICY = load_policy()
DETECTORS = Detectors(POLICY.detectors)


def found(text: str) -> list[tuple[str, str]]:
    return [(sp.kind, text[sp.start : sp.end]) for sp in DETECTORS.find(text) if sp.kind != "NAME"]


def of_kind(text: str, kind: str) -> list[str]:
    return [v for k, v in found(text) if k == kind]


# --- cards grouped by underscores --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "card"),
    [
        ("    raise CardDeclined(card='3749_226036_56979')", "3749_226036_56979"),  # Amex
        ("PAID WITH 5019_0613_7990_6431", "5019_0613_7990_6431"),  # Dankort
        ("User: card 3095_077974_3251 was charged twice", "3095_077974_3251"),  # Diners
        ("new one is 5018_3919_7057 exp 03/28", "5018_3919_7057"),  # Maestro, 12 digits
        ("card_number=4111_1111_1111_1111\n", "4111_1111_1111_1111"),
    ],
)
def test_underscore_grouped_card_is_a_card(text: str, card: str) -> None:
    assert of_kind(text, "CARD") == [card]


@pytest.mark.parametrize(
    "text",
    [
        "see order_1234_5678 and job_4111_1111_1111_1111 in the log",  # glued to a word
        "batch 4111_1111_1111_1111_retry failed",  # a word glued after it
        "order 4111_1111_1111_1111 shipped",  # an order label before it
        "snapshot 20240101_123456 taken",  # a date and a time
        "ids 4111_1111_1111_1112 and 1234_5678",  # Luhn fails; too short
        "ref 6011-8923_9591_5378 x",  # joined to a dashed run
    ],
)
def test_underscore_decoys_stay(text: str) -> None:
    assert of_kind(text, "CARD") == []


def test_underscore_identifier_with_card_digits_is_wrongly_a_card() -> None:
    # What the rule gets wrong: a test fixture's name made of a card-shaped number alone.
    assert of_kind("fixture 4111_1111_1111_1111 loaded", "CARD") == ["4111_1111_1111_1111"]


# --- URL passwords holding "#" or "?" --------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://deploy:JSH94QQGFq#8QAc@git.intra-9.net/repo.git",
        "postgres://app:pa?ss#w0rd@db-1.prod.internal:5432/claims",
    ],
)
def test_raw_userinfo_password_masks_the_url(url: str) -> None:
    text = f'config: DATABASE_URL={url}\n  "callback": "{url}", x'
    assert of_kind(text, "URL") == [url, url]
    assert of_kind(text, "EMAIL") == []


@pytest.mark.parametrize(
    "text",
    [
        "docs at https://example.com:8443#contact@team page",  # a port, then a fragment
        "see https://example.com/a?x=a:b#c@d now",  # a path first: no userinfo
        "plain https://example.com/#section here",
    ],
)
def test_port_or_path_before_hash_is_no_userinfo(text: str) -> None:
    assert of_kind(text, "URL") == []


# --- phones under a label line, and in an SQL insert's phone column ---------------------------

INVOICE = (
    "RECHNUNG / INVOICE  Nr ORD-78-603105\nKunde:\nUlica Marszałkowska 62\n"
    "{label}\n{number}\nBetrag 3133,57"
)


@pytest.mark.parametrize("number", ["615 9084", "8 (912) 394-90-29", "21 94 61 68"])
def test_number_alone_under_a_phone_label_line(number: str) -> None:
    assert of_kind(INVOICE.format(label="Tel", number=number), "PHONE") == [number]
    assert of_kind(INVOICE.format(label="Telefon:", number=number), "PHONE") == [number]


@pytest.mark.parametrize("label", ["Kunde", "Order", "Rechnung Nr", "T", "C:"])
def test_number_under_another_label_line_is_no_phone(label: str) -> None:
    assert of_kind(INVOICE.format(label=label, number="615 9084"), "PHONE") == []


def test_number_under_label_line_with_more_on_its_line_is_no_phone() -> None:
    text = INVOICE.format(label="Tel", number="615 9084 Stück")
    assert of_kind(text, "PHONE") == []


SQL = (
    "INSERT INTO customers (id, first_name, last_name, email, {col}, iban) VALUES "
    "(19330, 'Lara', 'O''Neil, Jr', 'lara@example.org', '{value}', NULL),\n"
    "(60709, 'Abbas', 'Awad', NULL, NULL, NULL);"
)


@pytest.mark.parametrize("value", ["325 7564", "(11) 2338-6794", "212 569 775"])
def test_sql_phone_column_value_is_a_phone(value: str) -> None:
    assert of_kind(SQL.format(col="phone", value=value), "PHONE") == [value]


@pytest.mark.parametrize("col", ["ref", "postcode", "account_no"])
def test_sql_other_column_is_no_phone(col: str) -> None:
    assert of_kind(SQL.format(col=col, value="325 7564"), "PHONE") == []


def test_sql_value_after_the_statement_ended_is_no_phone() -> None:
    text = SQL.format(col="phone", value="x") + "\nSELECT '325 7564';"
    assert of_kind(text, "PHONE") == []


# --- medical record numbers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["PATIENT INTAKE — MRN 4443579", "MRN: 4443579", "Medical record: 4443579"]
)
def test_medical_record_number_is_no_phone(text: str) -> None:
    assert of_kind(text, "PHONE") == []


def test_phone_after_a_record_number_stays() -> None:
    text = "PATIENT INTAKE — MRN 4443579\nEmergency contact: Anna (2157 7369)"
    assert of_kind(text, "PHONE") == ["2157 7369"]


# --- a cue before a name written with combining marks ----------------------------------------


@pytest.mark.parametrize("name", ["कालिदास", "କିଶୋରୀମଣି", "ร้านค้า"])
def test_cue_reaches_across_a_name_with_combining_marks(name: str) -> None:
    # The vowel signs no longer split the name into four "words" that push the cue out of reach.
    text = f"PATIENT INTAKE\nEmergency contact: {name} (2157 7369)"
    assert of_kind(text, "PHONE") == ["2157 7369"]


def test_cue_far_before_a_name_is_out_of_reach() -> None:
    # What stays wrong: a cue five words back is out of reach, marks or not.
    text = "Emergency contact is our friend कालिदास and his wife (2157 7369)"
    assert of_kind(text, "PHONE") == []
