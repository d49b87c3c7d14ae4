"""Phones and false names of support traffic: French and Spanish call verbs and "Portable" as
phone cues (``phone.cues``), a relative named before "on", "au", "al" or a comma as the place a
number is reached (``_relay_cue``), short numbers written with a country code after a cue
(``_cued_international``), and words no names: German "Ihres", "Viele", "Vielen" and Chechen
greetings (``not_names``), status accounts' handles (``_SYSTEM_WORDS``), publishers and studios
(``companies``) and a name that starts inside a brand (``_branded``). Each inference has a case
where it is wrong, and what then happens (docs/MASKING.md, "Phones and firms of support
traffic")."""

from __future__ import annotations

import pytest

from tests.helpers import default_detectors, finder_names


def phones(text: str) -> list[str]:
    return [text[s.start : s.end] for s in default_detectors().find(text) if s.kind == "PHONE"]


def names(text: str) -> list[str]:
    return sorted(set(finder_names(text)))


# -- call verbs of French and Spanish, "Portable" ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Vous pouvez me joindre au 76 41 22 08 après 18 h.", ["76 41 22 08"]),
        ("Rappelez-moi au 66 20 31 95 demain matin.", ["66 20 31 95"]),
        ("Appelez-moi au 79 31 50 62 si besoin.", ["79 31 50 62"]),
        ("Nom : Diarra\nPortable : 76 52 13 40\nVille : Bamako", ["76 52 13 40"]),
        ("Por favor llamen al 72512345 en la tarde.", ["72512345"]),
    ],
)
def test_call_verbs(text: str, found: list[str]) -> None:
    assert phones(text) == found


def test_call_verbs_leave_order_numbers() -> None:
    # the label "commande" names the number: no phone
    assert phones("Vous pouvez me joindre au sujet de la commande 76412208.") == []
    assert phones("Rappelez-moi au sujet du ticket #66203195.") == []


def test_portable_as_laptop_wrong_way() -> None:
    # "portable" is a laptop too: a number of a phone's shape after it is taken for the phone's
    # (a false mask)
    assert phones("Mon portable 76 52 13 40 ne démarre plus.") == ["76 52 13 40"]


def test_date_in_groups_after_call_verb_wrong_way() -> None:
    # a date written in digit groups after a cue reads as a number, as after any cue (a false
    # mask, known for "call me 12 03 2026" too)
    assert phones("Rappelez-moi le 14 05 2026 svp.") == ["14 05 2026"]


# -- a relative, then "on", "au", "al" or a comma ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("If I'm out, try my wife Nadia on 40 22 91 07.", ["40 22 91 07"]),
        ("Sinon, essayez ma fille Aïcha au 76 18 45 20.", ["76 18 45 20"]),
        ("Si no estoy, hablen con mi hermano Iván al 71244567.", ["71244567"]),
        ("Falls ich fehle: meine Schwester Ilse, 8 (913) 402-17-66.", ["8 (913) 402-17-66"]),
        ("If I don't pick up, try my son Sione on 775 1234.", ["775 1234"]),
    ],
)
def test_relay(text: str, found: list[str]) -> None:
    assert phones(text) == found


def test_relay_leaves_dates() -> None:
    assert phones("My husband Tom on 12.03.2026 ordered it twice.") == []
    assert phones("A gift for my son Tom, 14 05 2026, wrapped please.") == []
    assert phones("A gift for my son Tom on 2026 05 14, wrapped please.") == []


def test_relay_comma_wrong_way() -> None:
    # a bare number of a phone's shape after a relative's name and a comma is taken for their
    # phone, though it may be an order's (a false mask)
    assert phones("A gift for my son Tom, 40228107.") == ["40228107"]


def test_relay_address_wrong_way() -> None:
    # a house number in digit groups after "my sister Ana at" is taken for her phone (a false
    # mask): the pattern reads no street after the number
    assert phones("Please deliver it to my sister Ana at 22 41 16 80 Harbour Road.") == [
        "22 41 16 80"
    ]


# -- short numbers with a country code after a cue ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Callback requested on +47 23 610.", ["+47 23 610"]),
        ("Mobile: +31 612 44", ["+31 612 44"]),
        ("Rappelez-moi au +48 22 4915 svp.", ["+48 22 4915"]),
        ("Bana +48 61 847255 numarasından ulaşabilirsiniz.", ["+48 61 847255"]),
    ],
)
def test_short_international(text: str, found: list[str]) -> None:
    assert phones(text) == found


def test_short_international_needs_cue_and_length() -> None:
    assert phones("Sales went +47 23 610 units up.") == []
    assert phones("Please call +1 2345 now.") == []  # five digits: too few


def test_short_international_count_wrong_way() -> None:
    # a signed count after a cue word, of a length possible for its "country code", is taken
    # for a phone (a false mask)
    assert phones("Calls this week: +44 1205 more than last") == ["+44 1205"]


# -- words that are no names --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Nennen Sie mir bitte die Nummer Ihres Kontos.",
        "Vielen Dank! Viele Grüße",
        "Danke! Schöne Grüße und bis bald",
        "Маршалла ду хьоьга! Мой заказ пришёл пустым.",
        "Marshalla du hwoga! My parcel came empty.",
        "Barkalla. Odika yoyla!",
        "Tags: outage, login, @northwind_status",
        "Printed by Johnson & Johnson Press in 2019.",
        "A film by Lindqvist Pictures, shot in 2024.",
        "Published by Kessler Verlag, Berlin.",
    ],
)
def test_no_names(text: str) -> None:
    assert names(text) == []


def test_names_kept_around() -> None:
    assert names("Vielen Dank! Viele Grüße,\nMareike") == ["Mareike"]
    assert names("Tags: billing, refund, @ingrid_olsen") == ["ingrid_olsen"]


def test_company_word_as_surname_wrong_way() -> None:
    # a person whose surname is a company word ("Press") reads as a firm: missed
    assert names("The press release was written by Anna Press.") == []


def test_name_after_brand_wrong_way() -> None:
    # a person written right after a brand, read as one run with it, is dropped with it
    assert names("I work at Marks & Spencer Anna Brown") == []


def test_status_handle_wrong_way() -> None:
    # a person's handle holding a status word is taken for a service's account: missed
    assert names("Tags: billing, refund, @ingrid_updates") == []


# -- things that "arrived" ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mon Galaxy Tab est arrivé rayé, commande 55120.",
        "Il mio Fairphone Gen è arrivato senza caricatore.",
        "Ma Freebox Pop est arrivée hier.",
        "Mon Pixel 8 Pro est arrivé. Le Pixel 8 Pro est arrivé cassé.",
        "Mon Surface Laptop est arrivé, mais le Studio S2 Ultra est arrivé vide.",
    ],
)
def test_owned_things(text: str) -> None:
    assert names(text) == []


def test_people_arriving_kept() -> None:
    assert names("Ana Lima est arrivée à 18 h.") == ["Ana Lima"]
    assert names("Mon fils Pierre est arrivé.") == ["Pierre"]


def test_owned_person_wrong_way() -> None:
    # a person named right after a possessive, as a family writes ("ma Claire"), reads as
    # a thing: missed
    assert names("Ma Claire est arrivée ce matin.") == []


# -- streets named after a person --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The scene was filmed on ulica Marii Konopnickiej at dawn.",
        "Spotkanie na ulicy Marii Konopnickiej o piątej.",
        "Мы живём на улице Маршала Жукова.",
        "The café is on rue Victor Hugo, near the station.",
    ],
)
def test_streets_after_place_word(text: str) -> None:
    assert names(text) == []


def test_person_after_street_word_wrong_way() -> None:
    # a person written right after "on" and a lower-case street word is read as the street:
    # missed
    assert names("The parcel is on calle Simón Bolívar's desk.") == []
