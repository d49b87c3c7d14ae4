"""People as news items and photo captions place them (``notices._news_people``), a photo's
credit and a team's coach (docs/MASKING.md, "People of news items, photo captions and
credits, and coaches"): name, age and home between commas, a caption's person by where they
stand, the labelled credit and coach."""

from __future__ import annotations

import pytest

import archiver.transform.notices as notices
from tests.helpers import finder_names


def names(text: str) -> list[str]:
    return sorted(set(finder_names(text)))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "14:20 — Theft. Zorvak Tindelmoor, 34, of Harbour Lane, reported a bike stolen.",
            ["Zorvak Tindelmoor"],
        ),
        (
            "Furto. Zorvak Tindelmoor, 34 anos, residente na Rua Augusta, comunicou o furto.",
            ["Zorvak Tindelmoor"],
        ),
        ("Diebstahl: Zorvak Tindelmoor, 61, aus Köln, meldete den Verlust.", ["Zorvak Tindelmoor"]),
        ("Zorvak Tindelmoor, 41 years old, from Leeds, was not hurt.", ["Zorvak Tindelmoor"]),
        ("PHOTO: Zorvak Tindelmoor (left) receives the prize in Oslo.", ["Zorvak Tindelmoor"]),
        (
            "Foto: Zorvak Tindelmoor (links) und Quillan Ostrava (rechts) beim Empfang.",
            ["Quillan Ostrava", "Zorvak Tindelmoor"],
        ),
    ],
)
def test_news_people(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_the_layout_is_what_finds_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same lines without the rule: the unlisted names stay in clear."""
    text = "Theft. Zorvak Tindelmoor, 34, of Harbour Lane, reported a bike stolen."
    monkeypatch.setattr(notices, "_news_people", lambda finder, text, pattern: [])
    assert names(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Rue Victor Hugo, 12, de Paris",  # a street's word: an address
        "Acme Holdings, 12, of the group",  # a firm's form
        "sold 3 units, 12, of which broke",  # lower-case words: no name
        "the winners (left) got medals",  # one word before the mark
    ],
)
def test_no_person(text: str) -> None:
    assert names(text) == []


def test_wrong_way_a_place_before_a_number_is_masked() -> None:
    """The inference wrong: a place of two capitalised words before a number between commas
    and "of" reads as a person and is masked."""
    assert names("Victoria Park, 12, of the city plan") == ["Victoria Park"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a photo's credit: the person before the agency after a slash
        (
            "PHOTO: the award in Oslo.\nPhoto credit: Zorvak Tindelmoor / Agence Nordlys",
            ["Zorvak Tindelmoor"],
        ),
        # a team's coach under the line-up
        (
            "Starting XI: 1 DEMIRKAYA – 4 Ostrava\nCoach: Quillan Ostrava",
            ["DEMIRKAYA", "Ostrava", "Quillan Ostrava"],
        ),
        ("Allenatore: Quillan Ostrava", ["Quillan Ostrava"]),
        ("Coach: 12 seats left", []),
    ],
)
def test_credits_and_coaches(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_a_coach_of_common_words_is_no_one() -> None:
    assert names("Order 12-3 Shipped\nCoach: Economy Class") == []


def test_wrong_way_a_coach_class_or_an_agency_is_masked() -> None:
    """The inference wrong: a travel booking's "Coach:" class with a word the lists do not
    hold as common, and a stock agency after "Photo credit:", are masked as people."""
    assert names("Coach: Premium Lounge") == ["Premium Lounge"]
    assert names("Photo credit: Getty Images") == ["Getty Images"]
