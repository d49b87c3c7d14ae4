"""Phones of lists and notices (docs/MASKING.md, "Phones of rosters, members' lists and
notices"): the trunk "8" and a bracketed area code read in Russia, Kazakhstan and Belarus
(``_TRUNK_EIGHT``), "EAN" a label only in capitals, "direct line" and "hotline" as phone cues,
five digits after a cue or a name in a list read in the regions whose numbers are five
digits long (``_five_digits``), and a number after a person's name in a list row, in brackets
or closing a clause (``_listed_after_name``). Each inference has a case where it is wrong,
and what then happens."""

from __future__ import annotations

import pytest

from tests.helpers import default_detectors


def phones(text: str) -> list[str]:
    return [text[s.start : s.end] for s in default_detectors().find(text) if s.kind == "PHONE"]


def values(text: str) -> list[str]:
    return [s.value for s in default_detectors().find(text) if s.kind == "PHONE"]


# -- the trunk "8" and a bracketed area code -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Сосед по даче: 8 (495) 612-40-77, звонить вечером", "+74956124077"),
        ("Our guide in Kazan, 8 (843) 250-11-09, meets the bus.", "+78432501109"),
        ("Mobile 8 (917) 204-55-31 (after six)", "+79172045531"),
        ("Hostel Astana 8(7172) 55-44-33", "+77172554433"),
    ],
)
def test_trunk_eight(text: str, value: str) -> None:
    assert values(text) == [value]


def test_trunk_eight_needs_its_shape() -> None:
    # no brackets, no pairs: a count and a price, no phone
    assert phones("Order 8 (qty) 123 at 45.60 each") == []
    assert phones("Ticket 8 (912) 345-67-89") == []  # a label names it


def test_trunk_eight_wrong_way_numbered_list() -> None:
    # Wrong way: an item "8" of a list followed by a bracketed code and digit pairs that are a
    # part number reads as a Russian phone (a false mask)
    assert phones("Parts:\n8 (495) 612-40-77 gasket") == ["8 (495) 612-40-77"]


# -- "EAN" in capitals only ----------------------------------------------------------------------


def test_ean_given_name() -> None:
    text = "Choir 2026\n1. QUAYLE, Ean  +44 1624 612345\n2. CORKILL, Breesha  07624 312345"
    assert phones(text) == ["+44 1624 612345", "07624 312345"]


def test_ean_label_stays() -> None:
    assert phones("EAN 4006381333931, Menge 2") == []
    assert phones("EAN: 40063813") == []


def test_ean_lower_case_label_wrong_way() -> None:
    # Wrong way: an article number after a lower-case "ean" is read as a phone where it is
    # one's shape (a false mask)
    assert phones("scan the ean 0151 2185551") == ["0151 2185551"]


# -- "direct line", "hotline" ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Ask for Teuila, direct line 72104418, mornings only.", ["72104418"]),
        ("Her direct dial: 87 22 10 45.", ["87 22 10 45"]),
        ("Parish hotline 40 22 91 07", ["40 22 91 07"]),
    ],
)
def test_line_cues(text: str, found: list[str]) -> None:
    assert phones(text) == found


def test_line_without_direct_stays() -> None:
    assert phones("Production line 72104418 was stopped.") == []
    assert phones("The direct cost was 72104418 in total.") == []


# -- five digits after a cue or a name in a list -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Tel. 21845 (office hours)", ["21845"]),
        ("Please call me back on 31277, thanks", ["31277"]),
        ("Kontakt: rarikin@mail.ki / 28013", ["28013"]),
        ("Choir list\n1. TOKI, Rakenta  31277\n2. BORO, Neri  28013", ["31277", "28013"]),
    ],
)
def test_five_digits(text: str, found: list[str]) -> None:
    assert phones(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "Kontakt: 75011 Paris",  # a postcode and its town
        "Call about order 31277",  # a label
        "Call us, ticket #31277",
        "Phone: 2.31277",
        "We sold 31277 units in 2025.",  # no cue
        "Dues paid: 31277",
    ],
)
def test_five_digits_stay(text: str) -> None:
    assert phones(text) == []


def test_five_digits_count_wrong_way() -> None:
    # Wrong way: a count of five digits within four words of a call verb is read as a
    # five-digit phone (a false mask)
    assert phones("Call us, we sold 31277 units") == ["31277"]


# -- a number after a name in a list, in brackets, closing a clause -----------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Ushers\n1. FAURE, Lina  2 522 618\n2. PAYET, Joël  4 371 006",
            ["2 522 618", "4 371 006"],
        ),
        ("Choir roster\nRaoult, Mireille\t87 22 10 45\tSun 09:00", ["87 22 10 45"]),
        ("Crew: Tehani Vahine (captain, 87 22 10 45), Rua Tane", ["87 22 10 45"]),
        ("Proposed by Ana Lima (ana.lima@mail.example, 20 33 45 67).", ["20 33 45 67"]),
        ("Lift share: driver Aïcha Zongo, 70 22 43 18; seats: two.", ["70 22 43 18"]),
        ("Caretaker Poerava Tane, 40 50 21 33. Keys at the office.", ["40 50 21 33"]),
    ],
)
def test_after_name(text: str, found: list[str]) -> None:
    assert phones(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "Totals\nInvoice Total  72104418",  # a label of a number
        "Items\nsmall bolts\t72104418\tbox",  # no capitals
        "Membership dues\n1. FAURE, Lina  $1776.47",  # an amount
        "Born in Papeete, 2026.",  # a year
    ],
)
def test_after_name_stays(text: str) -> None:
    assert phones(text) == []


def test_after_name_place_wrong_way() -> None:
    # Wrong way: a place of capitalised words, a comma and a number of a phone's shape read
    # as a person and their number (a false mask)
    assert phones("Meet at Harbour Road, 20 33 45 67.") == ["20 33 45 67"]


def test_after_name_office_wrong_way() -> None:
    # Wrong way: an office's name in a list's first column reads as a person's
    assert phones("Offices\nMain Office\t72104418") == ["72104418"]
