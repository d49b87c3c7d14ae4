"""Pets after a label of animals and a timetable's day column are no people
(``notices.dropped_things``, the policy's ``not_name_columns``; docs/MASKING.md, "Pets and a
timetable's days")."""

from __future__ import annotations

import pytest

from tests.helpers import found_names


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "Walks this week\n07:30 Ilse Vahrenholt — dogs: Max & Kira — +44 7700 900123",
            ["Max", "Kira"],
        ),
        ("Paseos de perros\n19:00 Ilse Vahrenholt — perros: Canela y Rocky", ["Canela", "Rocky"]),
        ("Hundesitter gesucht. Hunde: Bello, Luna", ["Bello", "Luna"]),
    ],
)
def test_pets_after_a_label_of_animals_are_no_people(text: str, kept: list[str]) -> None:
    found = found_names(text)
    assert not any(k in found for k in kept), found


def test_the_walker_is_still_found() -> None:
    assert "Ilse Vahrenholt" in found_names("Owner: Ilse Vahrenholt\ndogs: Max & Kira")


def test_a_timetables_day_column_signs_no_row() -> None:
    text = (
        "Day | Time | Subject | Tutor | Parent contact\n"
        "Mon | 16:00 | Maths | Ilse Vahrenholt | +351 21 265 1646\n"
        "Thu | 16:30 | Maths | Oskar Brenn | 010-461-8810"
    )
    found = found_names(text)
    assert "Thu" not in found and "Mon" not in found
    assert "Ilse Vahrenholt" in found and "Oskar Brenn" in found


def test_wrong_way_a_person_named_like_a_pet_is_kept_in_clear() -> None:
    """The inference wrong: a person whose name is a pet's of the same text, after a label of
    animals, stays in clear wherever the name stands."""
    assert "Luna" not in found_names("Sitter: Luna\ncats: Luna and Mimi")
