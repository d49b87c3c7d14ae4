"""Rosters read by their rows (``archiver/transform/rosters.py``): under a heading that names a
list of people, rows whose first cell is ``Family, Given``, ``FAMILY, Given`` or ``Given
Family`` before a number; a choir roster's voice parts and a seating chart's tables; lists of
products or places with the same layout (docs/MASKING.md, "Rosters, membership lists, choir
rosters and seating charts")."""

from __future__ import annotations

import pytest

from tests.helpers import default_detectors, finder_names


def names(text: str) -> list[str]:
    return sorted(set(finder_names(text)))


def masked(text: str) -> dict[str, str]:
    return {text[sp.start : sp.end]: sp.kind for sp in default_detectors().find(text)}


# -- rows under a roster's heading ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Soup kitchen volunteers — Saturday 14 March\n"
            "Монгуш, Айдыс\t+7 923 555-20-14\t09:00-13:00\n"
            "Quispe, Wayra\t+51 912 345 678\t13:00-17:00",
            ["Quispe", "Wayra", "Айдыс", "Монгуш"],
        ),
        (
            "Ledenlijst roeivereniging 2027\n"
            "1. TUILAGI, Sefo  +31 6 1234 5678\n"
            "2. KUULAR, Chechek  +31 6 8765 4321\n"
            "Contributie: € 120",
            ["Chechek", "KUULAR", "Sefo", "TUILAGI"],
        ),
        (
            "Mitgliederliste Schachklub\n1) Oorzhak Dolaana\t0176 5550123\n"
            "2) Mahlangu Sipho\t0176 5550456",
            ["Mahlangu Sipho", "Oorzhak Dolaana"],
        ),
        ("Lista de voluntarios:\nTAUMALOLO, Sione", ["Sione", "TAUMALOLO"]),
        # a Dutch family name with its particle first
        ("Vrijwilligersrooster\nvan Dijk, Marloes\t06 12345678\tza 10-14", ["Marloes", "van Dijk"]),
    ],
)
def test_roster_rows(text: str, found: list[str]) -> None:
    assert set(found) <= set(names(text))


def test_roster_rows_name_alone_in_the_comma_form() -> None:
    # a comma row with nothing after it is read; two in a row too
    found = names("Lista de voluntarios\nTaumalolo, Sione\nAbdykadyrov, Nurlan")
    assert {"Taumalolo", "Sione", "Abdykadyrov", "Nurlan"} <= set(found)


def test_no_heading_no_roster() -> None:
    # the same layout under a heading that names no people is not read as a roster
    text = "Price list 2027\n1. GOUDA, Aged  12.50\n2. BRIE, Young  9.00"
    assert names(text) == []


def test_wrong_way_a_list_of_places_under_a_roster_heading() -> None:
    # Wrong way: a members' list that names a club's branches ("LEEDS, Headingley" with the
    # branch's phone) in the roster's layout is read as people: both are masked.
    text = "Club members 2027 — branches\n1. LEEDS, Headingley  0113 496 0000"
    assert {"LEEDS", "Headingley"} <= set(names(text))


def test_wrong_way_a_product_row_under_a_volunteer_heading() -> None:
    # Wrong way: a supplies row among the volunteers' rows ("Bread, Rye" and a count) has
    # the row's layout and is masked as a name.
    text = "Food bank volunteers — week 12\nBread, Rye\t40\tSat\nKuular, Ayas\t0151 234 5678\tSun"
    found = set(names(text))
    assert {"Kuular", "Ayas", "Bread", "Rye"} <= found


def test_roster_lowercase_cells_are_no_rows() -> None:
    text = "Volunteer rota\nbread, rye\t40\tSat"
    assert names(text) == []


# -- choir rosters ---------------------------------------------------------------------------------


def test_choir_voice_parts() -> None:
    text = (
        "Coro della parrocchia — elenco\nSoprano: Chechek Oorzhak\nAlto: Wayra Quispe, "
        "Sefo Tuilagi\nTenor II: Aidys Mongush\nBibliotecaria: coro@example.org"
    )
    assert {"Chechek Oorzhak", "Wayra Quispe", "Sefo Tuilagi", "Aidys Mongush"} <= set(names(text))


def test_one_voice_needs_a_choir_heading() -> None:
    assert "Nurlan Abdykadyrov" in names("Kirchenchor\nBass: Nurlan Abdykadyrov")
    # one voice label alone, with no choir word, is not read as a roster
    assert "Fender Jazz" not in names("Gear list\nBass: Fender Jazz")


def test_wrong_way_instruments_under_voice_labels() -> None:
    # Wrong way: a list of instruments for sale labelled by voice ("Bass:", "Alto:") reads
    # the makers' names as singers: they are masked.
    text = "Instruments for sale\nBass: Fender Precision\nAlto: Yamaha Custom\nPrice: 300 EUR"
    assert {"Fender Precision", "Yamaha Custom"} <= set(names(text))


# -- seating charts --------------------------------------------------------------------------------


def test_seating_chart_tables() -> None:
    text = (
        "Table 1: Sefo Tuilagi, Chechek Oorzhak\nTable 2: Wayra Quispe\n"
        "Venue: Rua Augusta — menus to events@example.org"
    )
    assert {"Sefo Tuilagi", "Chechek Oorzhak", "Wayra Quispe"} <= set(names(text))
    assert "Rua Augusta" not in masked(text)  # the venue's street is no name


def test_seating_word_reads_one_table() -> None:
    assert "Aidys Mongush" in names("Sitzordnung Hochzeit\nTisch 3: Aidys Mongush")


def test_paper_captions_are_no_chart() -> None:
    # captions name one thing per table: no table seats two, so the lines are no chart
    text = "Table 1: Baseline Characteristics\nTable 2: Lisbon Cohort"
    assert names(text) == []


def test_wrong_way_captions_with_a_comma() -> None:
    # Wrong way: captions that list two capitalised things at one table read as a chart
    # and are masked.
    text = "Table 1: Baseline Characteristics, Outcomes\nTable 2: Lisbon Cohort"
    assert {"Baseline Characteristics", "Lisbon Cohort"} <= set(names(text))


# -- decoys ------------------------------------------------------------------------------------


def test_roster_decoys_stay() -> None:
    text = (
        "Rowing club members 2027\n1. KUULAR, Chechek  +44 7700 900123\n"
        "Dues: £120.00 — ISBN 978-3-16-148410-0, 2027-03-14"
    )
    got = masked(text)
    assert "KUULAR" in got and "Chechek" in got
    assert not any("Dues" in v or "978" in v or "2027-03-14" in v for v in got)


def test_one_name_part_carries_the_other() -> None:
    # "June" is also a month (a listed non-name): the row's family name carries it
    found = names("Volunteer rota — May\nMercier, June\t06 12 34 56 78\tSat 09:00")
    assert {"Mercier", "June"} <= set(found)


def test_other_cells_are_no_names() -> None:
    # a name in another script that reads "Sat" leaves the row's shift cell alone
    text = "Volunteer rota\nСат, Айдыс\t+7 923 555-20-14\tSat 09:00-13:00"
    found = names(text)
    assert {"Сат", "Айдыс"} <= set(found)
    assert "Sat" not in found


def test_wrong_way_a_person_in_another_cell() -> None:
    # Wrong way: the cells after a row's first are read as no names, so a person named in
    # a remarks cell is dropped and stays in clear.
    text = "Volunteer rota\nKuular, Ayas\t0151 234 5678\tSun 10:00 covers for Maria Rossi"
    assert "Maria Rossi" not in names(text)
    assert "Maria Rossi" in names("Sun 10:00 covers for Maria Rossi")


def test_heading_word_starts_a_word() -> None:
    # Dutch "geleden" (ago) holds "leden" (members) but names no list of people
    text = "Drie dagen geleden besteld:\n1. Kaas, Oud  12,50\n2. Brood, Wit  3,10"
    assert names(text) == []
    assert {"Kuular", "Ayas"} <= set(names("Leden 2027\n1. Kuular, Ayas  06 12345678"))


def test_rows_with_a_dash_or_a_bar() -> None:
    text = "Helferliste Sommerfest\nKuular, Ayas - 0151 234 5678\nSefo Tuilagi | 0176 5550123"
    assert {"Kuular", "Ayas", "Sefo Tuilagi"} <= set(names(text))
