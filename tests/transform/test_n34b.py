"""Registers, sign-ups and notices read by their labels (``archiver/transform/registers.py``):
a church register's entry, child, godparents and witnesses, a car-pool's driver and seats, a
recipe's author, a work order's customer and tradesman, a tenant notice's building manager, a
nomination's nominee and nominator, a report card's pupil and teacher, a backer list's rows;
and what the labels read wrongly when a firm, a place or a thing stands after them
(docs/MASKING.md, "Registers, sign-ups and notices")."""

from __future__ import annotations

import pytest

from tests.helpers import finder_names, found_names


# an older rule also finds a "FAMILY, Given" pair whole ("RUIZ, Iker"): both spans are masked
def names(text: str) -> list[str]:
    return sorted(set(finder_names(text)))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a register's entry in "FAMILY, Given" form, then the godparents after their label
        (
            "Parish baptism register, entry 7: KOWALCZYK, Zuzanna, baptised 3 May. "
            "Godparents: Jakub Mazur; Oliwia Lis",
            ["Jakub Mazur", "KOWALCZYK", "Oliwia Lis", "Zuzanna"],
        ),
        # the child without a colon, the godparents with one, in Polish
        (
            "Księga chrztów, nr 12: dziecko WIŚNIEWSKA, Hanna; chrzestni: Piotr Kaczmarek, "
            "Maja Zając",
            ["Hanna", "Maja Zając", "Piotr Kaczmarek", "WIŚNIEWSKA"],
        ),
        # a marriage register's witnesses, in German
        (
            "Trauregister 1931, Eintrag 4: Trauzeugen: Anton Huber, Josef Gruber",
            ["Anton Huber", "Josef Gruber"],
        ),
        # a Cyrillic child's family name in capitals: the label places it, no list needed
        ("Baptism register, entry 3: ДОНГАК, Чечек, baptised 1 June", ["ДОНГАК", "Чечек"]),
    ],
)
def test_church_register(text: str, found: list[str]) -> None:
    assert names(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Car-pool to the match: driver Sipho Dlamini, 082 555 0147; seats: Lerato Mokoena, "
            "Thandi Nkosi. Leaving 7:30.",
            ["Lerato Mokoena", "Sipho Dlamini", "Thandi Nkosi"],
        ),
        # "driver" with a lower-case word after it is no one
        ("Car-pool: driver needed for Sunday; seats: 3 free.", []),
    ],
)
def test_car_pool(text: str, found: list[str]) -> None:
    assert names(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Lamb tagine — recipe by Yasmina Berrada, adapted by Ilse Vos.",
            ["Ilse Vos", "Yasmina Berrada"],
        ),
        ("Potato salad, from the kitchen of Rosi Pichler (serves 6)", ["Rosi Pichler"]),
        # the name ends where the lower-case words start
        ("Lemon cake: recipe by Ngozi Eze with a lighter glaze.", ["Ngozi Eze"]),
    ],
)
def test_recipe(text: str, found: list[str]) -> None:
    assert names(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Work order WO-2291\nCustomer: Håkansson, Elin\nPhone: 070 555 12 34\n"
            "Technician: Oskar Lund",
            ["Elin", "Håkansson", "Håkansson, Elin", "Oskar Lund"],
        ),
        (
            "Bon d'intervention BI-77\nClient : FAURE, Maëlle\nPlombier : Yanis Girard",
            ["FAURE", "Maëlle", "Yanis Girard"],
        ),
    ],
)
def test_work_order(text: str, found: list[str]) -> None:
    assert names(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Notice to tenants: the lift is out of service. Building manager Kwame Asante, "
            "020 7946 0321.",
            ["Kwame Asante"],
        ),
        (
            "Mitteilung an die Mieter: Hausmeister Dieter Brandl, Tel. 0660 1234567",
            ["Dieter Brandl"],
        ),
    ],
)
def test_tenant_notice(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_nomination() -> None:
    text = (
        "Volunteer of the year: I nominate Aroha Ngata for running the food bank. "
        "Nominated by Tama Walker (tama@example.org)."
    )
    assert names(text) == ["Aroha Ngata", "Tama Walker"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Term report\nPupil: OKONKWO, Chidi\nForm tutor: Aisling Byrne\nScience: A-",
            ["Aisling Byrne", "Chidi", "OKONKWO", "OKONKWO, Chidi"],
        ),
        (
            "Boletín de calificaciones — alumno: RUIZ, Iker\nTutora: Nerea Etxeberria",
            ["Iker", "Nerea Etxeberria", "RUIZ", "RUIZ, Iker"],
        ),
    ],
)
def test_report_card(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_backers() -> None:
    text = (
        "Our backers (tier / pledge)\nMirela Popescu — €40\nAndrei Ionescu — Early bird\n"
        "Thanks to all!"
    )
    assert names(text) == ["Andrei Ionescu", "Mirela Popescu"]


# -- wrong way: the label is followed by a firm, a place or a thing -----------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a firm's word ends the value: no person
        "Notice to tenants: Building manager Northgate Property Services, 0161 555 0100.",
        "Kickstarter backers\nAcme Robotics GmbH — $500",
        # a title: "of" between capitalised words
        "Recipe adapted from Joy of Cooking, 1975 edition.",
        # "The" opens a title or a band, not a name
        "Recipe adapted from The Silver Spoon, p. 212.",
        # a bare label with common words after it
        "Car-pool sign-up: driver Blue Van, 4 seats.",
    ],
)
def test_wrong_way_kept(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        # a body nominated reads as a person: the label says a name follows
        ("Community award: I nominate Oxfam for its flood work.", ["Oxfam"]),
        # a place in a witness list reads as one too (a village here)
        ("Marriage register, entry 9: Witnesses: Lower Brambleford", ["Lower Brambleford"]),
        # a brand after "recipe by" without a firm's word is masked
        ("Flatbread, recipe by Ottolenghi Kitchen.", ["Ottolenghi Kitchen"]),
        # a backer row of capitalised common words is masked
        ("Kickstarter backers\nEarly Bird Special — 40 left", ["Early Bird Special"]),
    ],
)
def test_wrong_way_masked(text: str, masked: list[str]) -> None:
    assert names(text) == masked


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "Nomination for the Pulitzer Prize: I nominate Ilse Vos for her reporting.",
            "Pulitzer Prize",
        ),
        ("Car-pool: driver Ana Lima; seats: Rui Sousa. Meet at Rua Augusta.", "Rua Augusta"),
        ("Pie — recipe by Ana Lima. Dish used: Le Creuset 24 cm.", "Le Creuset"),
    ],
)
def test_decoys_stay(text: str, kept: str) -> None:
    assert not any(kept in n or n in kept for n in found_names(text))
