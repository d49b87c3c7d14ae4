"""What reads like a name but names no person: brands and companies that hold a name, streets,
a job title's own words, teams in a list of people, and places after "at". Each rule has its
case where it is wrong, both ways, as docs/MASKING.md says."""

from __future__ import annotations

import pytest

from tests.helpers import found_names as names

# --- brands and companies ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Can I pay with a Wendy's gift card?",
        "Is the Ben & Jerry's in Paris open on Monday?",
        "Marks & Spencer coupon SKU-GJ-76240 didn't work",
        "Johnnie Walker voucher didn't work",
        "Dr. Martens boots, size 42",
        "My Toyota Sienna is due for service",
        "The Renault Zoe was delivered",
    ],
)
def test_a_brand_that_holds_a_name_is_no_name(text: str) -> None:
    assert names(text) == []


def test_a_company_on_the_line_above_a_phone_is_no_signature_name() -> None:
    text = "Thanks for your help.\n\nMads Rasmussen\nAlbert Heijn\nTel: 34413227"
    assert names(text) == ["Mads Rasmussen"]


def test_the_brand_rule_wrong_both_ways() -> None:
    # Too little: a person whose name is written as a listed brand is missed...
    assert names("Wendy's order is late") == []
    # ...and so is a Japanese name written family first whose family name is a car maker.
    assert names("my colleague Honda Keisuke called") == []
    # A longer name that merely holds a brand's word is still a name.
    assert names("Wendy Smith's order is late") == ["Wendy Smith's"]  # its ending masked with it
    # Too much: a brand the list lacks is still taken for a name.
    assert names("Can I pay with a Dorian Gray gift card?") == ["Dorian Gray"]


# --- streets ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The parcel is waiting on Queen Street West.", []),
        ("Meet at the corner of Rue Victor Hugo", []),
        ("The courier left it on Elizabeth Street, by the door", []),
    ],
)
def test_a_street_is_no_name(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_the_street_rule_wrong_both_ways() -> None:
    # Too little: a person whose surname is a street-type word is missed.
    assert names("Picabo Street called me") == []
    # Too much: a street-type word the list leaves out (it is a common surname) stays a name.
    assert names("The parcel is waiting on Lois Lane.") == ["Lois Lane"]


# --- a job title's own words ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Next: June, approved by Jefe de Almacén.",
        "Rückruf, approved by Kierownik Zmiany.",
        "approved by Responsable Facturation",
    ],
)
def test_the_words_that_complete_a_job_title_are_no_name(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("approved by Kierownik Xochitl Quispetupa", ["Xochitl Quispetupa"]),
        ("approved by Gerente Ana Lima", ["Ana Lima"]),
        ("Buenos días, Sra. Quispetupa.", ["Quispetupa"]),
        ("approved by CEO Quispetupa", ["Quispetupa"]),
    ],
)
def test_a_name_after_a_job_title_is_still_taken(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_the_title_complement_rule_wrong_way() -> None:
    # An English title precedes a name: one word after it is the name.
    assert names("Agent Merve was super helpful!") == ["Merve"]
    assert names("approved by Field Engineer Quispetupa") == ["Quispetupa"]
    # Too little: one surname the lists lack right after a title of another language reads as
    # the title's own word.
    assert names("approved by Kierownik Quispetupa") == []


# --- teams in a list of people ----------------------------------------------------------------


def test_a_team_among_attendees_is_no_name() -> None:
    text = (
        "Notes 14 Mart 2025\nAttendees: KATEŘINA ČERNÝ, Tereza, Team Falcon\n"
        "- Tereza: send contract by Friday"
    )
    # (the action item's owner is found again below the list)
    assert names(text) == ["KATEŘINA ČERNÝ", "Tereza", "Tereza"]
    assert names("Attendees: Hina Malik, Beatriz Fonseca, Trust & Safety") == [
        "Hina Malik",
        "Beatriz Fonseca",
    ]


def test_the_team_rule_in_lists_wrong_way() -> None:
    # Too little: an attendee whose surname is a team word is missed.
    assert names("Attendees: Hina Malik, Xochitl Security") == ["Hina Malik"]


# --- places after "at" ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["Can you pick it up at Charlotte?", "Invoice to my office at Beverly Hills."],
)
def test_a_place_after_at_is_no_name(text: str) -> None:
    assert names(text) == []


def test_the_at_rule_wrong_both_ways() -> None:
    # A word that aims "at" a person keeps the name; a cue finds one anyway.
    assert names("the agent yelled at Charlotte.") == ["Charlotte"]
    assert names("I spoke to Anna at Charlotte's desk") == ["Anna", "Charlotte's"]
    # Too much: such a word before a place keeps it masked.
    assert names("we looked at Savannah") == ["Savannah"]
    # Too little: a person after "at" with no such word before it is missed.
    assert names("Please direct the complaint at Charlotte.") == []
