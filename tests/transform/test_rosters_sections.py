"""An orchestra's sections, a team's line-up, an attendance sheet's rows, a manifest's
passengers, a pacer list and a rooming list read by their layout (``rosters``;
docs/MASKING.md, "Orchestra sections, line-ups, attendance sheets, manifests, pacer and
rooming lists")."""

from __future__ import annotations

import pytest

import archiver.transform.rosters as rosters
from tests.helpers import finder_names


def names(text: str) -> list[str]:
    return sorted(set(finder_names(text)))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a section's label is no person, the player after it is; a role after the name too
        (
            "ORCHESTRA PERSONNEL\nViolin I: Zorvak Tindelmoor (concertmaster)\n"
            "Violin II: Ostrava, Quillan\nCello: Ilse Vahrenholt",
            ["Ilse Vahrenholt", "Ostrava", "Quillan", "Zorvak Tindelmoor"],
        ),
        # a line-up: shirt numbers, a name in capitals, the captain's mark
        (
            "Starting XI: 1 DEMIRKAYA – 4 Ostrava – 8 Tindelmoor (c)\nKit sponsor: Philips",
            ["DEMIRKAYA", "Ostrava", "Tindelmoor"],
        ),
        (
            "Formazione: 1 TINDELMOOR; 4 Ostrava; 8 Vahrenholt (cap.)",
            ["Ostrava", "TINDELMOOR", "Vahrenholt"],
        ),
        # an attendance sheet with a colon or a dash before the state, in two languages
        (
            "ATTENDANCE — Year 9\nTindelmoor, Zorvak: present\nOstrava, Quillan: absent",
            ["Ostrava", "Quillan", "Tindelmoor", "Zorvak"],
        ),
        (
            "Lista obecności — klasa 3b\n1. Tindelmoor, Zorvak — obecny\n"
            "2. Ostrava, Quillan — nieobecny (usprawiedliwiony)",
            ["Ostrava", "Quillan", "Tindelmoor", "Zorvak"],
        ),
    ],
)
def test_sections_line_ups_and_attendance(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_the_layout_is_what_finds_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the readers the unlisted names of a line-up stay in clear."""
    text = "Formazione: 1 TINDELMOOR; 4 Ostrava; 8 Vahrenholt (cap.)"
    monkeypatch.setattr(rosters, "_lineup", lambda finder, text: [])
    assert names(text) == []


def test_one_instrument_line_without_an_orchestra_word_reads_no_player() -> None:
    assert names("Piano: needs tuning before Friday") == []
    assert names("Flute: Vahrenholt model, silver") == []


@pytest.mark.parametrize(
    "text",
    [
        "Formazione: 4-4-2, pressing alto",  # a formation, not players (no shirt numbers)
        "Shopping list: 2 Apples; 3 Pears",  # numbered things under no line-up label
        "Status of the build: present",  # a state after no "Family, Given"
    ],
)
def test_no_players(text: str) -> None:
    assert names(text) == []


def test_wrong_way_things_laid_out_as_players_are_masked() -> None:
    """The inference wrong: items of capitalised words after shirt-like numbers under a
    line-up label, and instruments' makers under section labels, are masked as people."""
    assert names("Line-up: 1 Heineken; 2 Guinness") == ["Guinness", "Heineken"]
    assert names("Orchestra hire\nCello: Vahrenholt Atelier\nViola: Brenn Strings") == [
        "Brenn Strings",
        "Vahrenholt Atelier",
    ]


def test_a_record_headed_by_its_person() -> None:
    """A yearbook entry or a file card: "FAMILY, Given" alone on the first line, labelled
    lines under it."""
    text = 'TINDELMOOR, Zorvak\nClubs: Chess, Debating\nQuote: "See you at the reunion"'
    assert names(text) == ["TINDELMOOR", "Zorvak"]
    # not in capitals and order, or no label under it: not read this way
    assert names("Tindelmoor, Zorvak\nClubs: Chess") == []
    assert names("TINDELMOOR, Zorvak\nsee you") == []


def test_wrong_way_a_place_heading_a_record_is_masked() -> None:
    """The inference wrong: a place written as "CITY, Country" above a labelled line is
    masked as a person."""
    assert names("PARIS, France\nVenue: Grand Hall") == ["France", "PARIS"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a manifest: "FAMILY/GIVEN" and a fare type, which is no name
        (
            "PASSENGER MANIFEST MV Aurora DEP 07:40\n001 TINDELMOOR/ZORVAK CHD NG\n"
            "002 OSTRAVA/QUILLAN ADT RU",
            ["OSTRAVA", "QUILLAN", "TINDELMOOR", "ZORVAK"],
        ),
        # a pacer list: a time, then the person alone on the line
        (
            "Marathon pacers\n3:00  ZORVAK TINDELMOOR\n3:15  Quillan Ostrava\nKit sponsor: Acme",
            ["Quillan Ostrava", "ZORVAK TINDELMOOR"],
        ),
        # a rooming list: the room's label (and the heading's room word) no name
        (
            "Oda listesi — Kapadokya turu\nOda 104 (çift): Tindelmoor, Zorvak / Ostrava, Quillan",
            ["Ostrava", "Quillan", "Tindelmoor", "Zorvak"],
        ),
    ],
)
def test_manifests_pacers_and_rooms(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_timed_rows_need_a_pacer_word() -> None:
    """A programme's times before events are no one's: without a pacer word no row is read."""
    assert names("Programme\n9:00  Opening Remarks\n9:30  Coffee Break") == []
    assert names("Volunteers rota\n9:00  Zorvak Tindelmoor\n9:30  Coffee Break") == []


def test_wrong_way_a_pacers_text_with_events_masks_them() -> None:
    """The inference wrong: in a text naming pacers, an event of two uncommon capitalised
    words alone after a time is masked as a person."""
    assert names("Pacer meeting\n7:30  Vahrenholt Briefing") == ["Vahrenholt Briefing"]
