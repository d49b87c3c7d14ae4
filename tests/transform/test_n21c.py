"""Bank 17 tuning of phones: a whole date that opens or ends a run of digit groups, and an
amount with its decimal part that ends one, are no groups of a phone (a payment's value date
and amount, "21.06.2026 2065.70", read as one number). Each rule has decoys it must leave and
a case where its inference is wrong (docs/MASKING.md, "wrong way")."""

from __future__ import annotations

import pytest

from archiver.transform.detectors import Detectors
from archiver.transform.policy import load_policy

DETECTORS = Detectors(load_policy().detectors)


def phones(text: str) -> list[str]:
    return [text[sp.start : sp.end] for sp in DETECTORS.find(text) if sp.kind == "PHONE"]


# --- a value date and an amount ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a day-first date, then an amount with a decimal point or a decimal comma
        "Date de valeur 06.06.2024 2012.53 EUR",
        "Valuta 14.07.2024 995,11 CHF",
        "Wertstellung 05.12.2024 1639,50 EUR",
        "Valuta 19.08.2024 393,34 CHF",
        # an ISO date, then the whole part of an amount whose decimal comma ends the run
        "Data valuta 2025-02-09 57,43 EUR",
        "Valutadatum 2026-04-04 58,94 EUR",
        # a date with a slash, a date with dashes
        "Valeur 08/11/2024 514,42 TRY",
        "op 03-11-2025 74,90 euro",
        # a month written in letters: the year, then the amount
        "Value date 24 Mar 2025 2504.09 USD",
        "Fecha valor 6 mar 2025 2260.35 EUR",
        # thousands and decimals
        "Überweisung vom 07.06.2026, Betrag 2024 1.259,10 EUR",
    ],
)
def test_a_date_and_an_amount_are_no_phone(text: str) -> None:
    assert phones(text) == []


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        # the groups after a date that opens the run are read on their own
        ("Termin am 14.03.2026 0151 2185551 bestätigt", "0151 2185551"),
        ("rendez-vous le 2026-03-14 06 12 34 56 78", "06 12 34 56 78"),
        # ...and so are the groups before a date that ends it
        ("Rückruf 0151 2185551 am 14.03.2026", "0151 2185551"),
        ("call me on 020 7946 0958 04/09/2026", "020 7946 0958"),
        # an amount after a phone is cut off, the phone stays
        ("erreichbar unter 0151 2185551 12.50 EUR pro Minute", "0151 2185551"),
    ],
)
def test_a_phone_beside_a_date_or_an_amount_is_still_found(text: str, phone: str) -> None:
    assert phones(text) == [phone]


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        # phones written with dots are no amounts and no dates
        ("Büro 030.1234.5678", "030.1234.5678"),
        ("tel: 079.123.45.67", "079.123.45.67"),
        ("appelez le 01.23.45.67.89", "01.23.45.67.89"),
        # after a phone cue, a last group written like an amount is the number's own
        ("Tel. 0475 123 45.67", "0475 123 45.67"),
        ("Mobile: +48 736 5524 267", "+48 736 5524 267"),
    ],
)
def test_dotted_phones_and_cued_groups_stay_whole(text: str, phone: str) -> None:
    assert phones(text) == [phone]


def test_a_date_and_its_time_stay_no_phone() -> None:
    assert phones("Datum 04.05.2021 13.50 Uhr") == []


# --- wrong way -----------------------------------------------------------------------------------


def test_wrong_way_a_phone_ending_like_an_amount_without_a_cue_is_not_masked() -> None:
    """No cue before it: the last group "45.67" is read as an amount and cut off, and the
    seven digits left are no phone of their own: the number is not masked."""
    assert phones("0475 123 45.67") == []
    assert phones("Tel. 0475 123 45.67") == ["0475 123 45.67"]


def test_wrong_way_a_phone_opening_like_a_date_is_read_without_it() -> None:
    """A first group shaped as a whole date is cut off even when it is the number's own; what
    is left is read alone (too short here: not masked, even after a phone cue)."""
    assert phones("Tel. 06.12.2024 5678") == []
    assert phones("Tel. 06 12 2024 5678") != []
