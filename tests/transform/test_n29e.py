"""Record forms whose people are missed whatever their language: a rental's renter and the
staff who checked the car, a parking fine's registered keeper, a birth announcement's parents
and child, an obituary's dead and mourners, a vault item's sharing note, a home hub's presence
events; and a JSON "name" member of an object that is visibly no person (a password manager's
login item). Each rule has a case where its inference is wrong or must not apply
(docs/MASKING.md, "Rentals, fines, announcements, obituaries, vaults and home hubs")."""

from __future__ import annotations

import pytest

from tests.helpers import finder_names


def names(text: str) -> list[str]:
    return sorted(set(finder_names(text)))


# -- a form's renter and keeper labels ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Rental agreement 4471\nRenter: Quarrender, Tavish\nReturned: 18:00",
            ["Quarrender", "Tavish"],
        ),
        ("Hire record\nHirer: Ysolde Penhallow\nFuel: full", ["Ysolde Penhallow"]),
        ("NOTICE TO KEEPER\nRegistered keeper: Jördis Quappe\nAmount: 60 GBP", ["Jördis Quappe"]),
        ("Anhörung\nHalter/in: Wendelin Kroschke\nTatzeit: 14:05", ["Wendelin Kroschke"]),
        ("Avis de contravention\nLocataire: Gwenolé Karadec\nMontant : 35 €", ["Gwenolé Karadec"]),
        ("Multa\nArrendatario: Xiana Bouzamayor\nImporte: 90 €", ["Xiana Bouzamayor"]),
        ("Verbale\nLocatario: Ottavia Brusaferro\nImporto: 42 €", ["Ottavia Brusaferro"]),
        ("Boete\nKentekenhouder: Wietske Hoogterp\nBedrag: 95 €", ["Wietske Hoogterp"]),
        ("Mandat\nNajemca: Bożydar Szczygłowski\nKwota: 200 zł", ["Bożydar Szczygłowski"]),
        ("Ceza\nAraç sahibi: Oğuzkaan Pehlivanlı\nTutar: 900 TL", ["Oğuzkaan Pehlivanlı"]),
        ("Damage report\nRenter: ראובן שפיגלמן\nPhotos: 3", ["ראובן שפיגלמן"]),
    ],
)
def test_renter_and_keeper_labels(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_keeper_label_leaves_lower_case_and_common_words() -> None:
    assert names("Parking notice\nRegistered keeper: not known\nHirer: see attached") == []
    assert names("Return form\nRenter: Same As Above") == []


def test_keeper_label_wrong_way_a_firm_is_masked() -> None:
    # wrong way: a leasing firm as the registered keeper is taken for a person
    assert names("PCN 5521\nRegistered keeper: Brackenfold Leasing\nPay by 3 May") == [
        "Brackenfold Leasing"
    ]


# -- who checked a record ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Return inspection done. Checked by Tavish Quarrender", ["Tavish Quarrender"]),
        ("Übergabe ok, geprüft von Jördis Quappe.", ["Jördis Quappe"]),
        ("État des lieux contrôlé par Gwenolé Karadec.", ["Gwenolé Karadec"]),
        ("Vehicle returned 09:40, checked by ଅନିମେଷ.", ["ଅନିମେଷ"]),
    ],
)
def test_checked_by(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_checked_by_leaves_lower_case() -> None:
    assert names("All tyres checked by the night shift.") == []


# -- a birth announcement ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Tavish & Ysolde are delighted to announce the arrival of Merryn, born 3 May.",
            ["Merryn", "Tavish", "Ysolde"],
        ),
        (
            "Wendelin und Jördis freuen sich über die Geburt von Fenja.",
            ["Fenja", "Jördis", "Wendelin"],
        ),
        (
            "Gwenolé et Nolwenn ont la joie de vous annoncer la naissance de Maïwenn.",
            ["Gwenolé", "Maïwenn", "Nolwenn"],
        ),
        ("Wietske en Sjoerd zijn blij met de geboorte van Fokje.", ["Fokje", "Sjoerd", "Wietske"]),
        ("Baby boy born to Ysolde Penhallow on Sunday.", ["Ysolde Penhallow"]),
        ("ግርማይ & Merryn are delighted to announce the arrival of ሄኖክ.", ["Merryn", "ሄኖክ", "ግርማይ"]),
        ("עמרם & חיה are delighted to announce the arrival of Fenja.", ["Fenja", "חיה", "עמרם"]),
    ],
)
def test_birth_announcement(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_couple_leaves_common_words() -> None:
    assert names("Sales and Marketing are delighted to announce the new price list.") == []


def test_birth_wrong_way_a_firm_couple_is_masked() -> None:
    # wrong way: two firms before an announcement's verb are taken for a couple
    assert names("Brackenfold & Quillmere are delighted to announce their merger.") == [
        "Brackenfold",
        "Quillmere",
    ]


# -- an obituary -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "We announce the passing of Tavish Quarrender. Beloved husband of Ysolde, survived by "
            "Merryn.",
            ["Merryn", "Tavish Quarrender", "Ysolde"],
        ),
        (
            "In loving memory of Ysolde Penhallow, predeceased by Tavish.",
            ["Tavish", "Ysolde Penhallow"],
        ),
        (
            "Gwenolé Karadec nous a quittés. De la part de son épouse Nolwenn.",
            ["Gwenolé Karadec", "Nolwenn"],
        ),
        ("Wir trauern um Wendelin Kroschke.", ["Wendelin Kroschke"]),
        ("Mourned by his grandson of ten years; grandfather of ኤርምያስ.", ["ኤርምያስ"]),
    ],
)
def test_obituary(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_obituary_cue_leaves_lower_case() -> None:
    assert names("He was survived by no one and is the son of a fisherman.") == []


def test_obituary_wrong_way_a_thing_after_the_cue_is_masked() -> None:
    # wrong way: a capitalised thing after "mother of" is taken for a person
    assert names("A brooch made of mother of Pearl.") == ["Pearl"]


# -- a vault's sharing note --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ('{"notes": "shared with Tavish"}', ["Tavish"]),
        ("Passwort geteilt mit Jördis Quappe.", ["Jördis Quappe"]),
        ("Accès partagé avec Gwenolé.", ["Gwenolé"]),
        ('{"notes": "shared with ئەنۋەر"}', ["ئەنۋەر"]),
    ],
)
def test_shared_with(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_shared_with_leaves_lower_case() -> None:
    assert names("This folder is shared with everyone in the team.") == []
    assert names('{"notes": "Shared with Family"}') == []


def test_shared_with_wrong_way_a_product_is_masked() -> None:
    # wrong way: a capitalised product after "shared with" is taken for a person
    assert names("Album shared with Quillmere Cloud.") == ["Quillmere Cloud"]


# -- a home hub's presence events --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("hub | 07:02:11 presence: Tavish arrived", ["Tavish"]),
        ("07:40 front door unlocked by Ysolde Penhallow", ["Ysolde Penhallow"]),
        ("18:05 Merryn arrived home", ["Merryn"]),
        ("hub | 07:02:11 presence: ສົມພອນ arrived", ["ສົມພອນ"]),
    ],
)
def test_presence_events(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_presence_leaves_rooms_and_devices() -> None:
    assert names("hub | presence: motion in Kitchen\nhub | Living Room lights left on") == []
    assert names("hub | front door unlocked by Keypad at 07:40") == []


# -- a JSON "name" member of a thing -----------------------------------------------------------


def test_login_item_name_is_no_person() -> None:
    text = (
        '{"items": [{"name": "Brokerage", "login": {"username": "t.q@example.org", '
        '"uris": ["https://broker.example"]}}, {"name": "yarn", "login": {"username": "x"}}]}'
    )
    assert names(text) == []


def test_person_object_name_still_found() -> None:
    assert names('{"name": "Brokerage", "email": "t.q@example.org"}') == ["Brokerage"]
    assert names('{"user": {"name": "Quarrender", "login": "tq77"}}') == ["Quarrender"]


def test_login_item_named_after_a_known_person_stays_masked() -> None:
    # wrong way the other side: an item's name opening with a known first name is kept a name
    text = '{"name": "Emma Brokerage", "login": {"username": "x"}}'
    assert names(text) == ["Emma Brokerage"]
