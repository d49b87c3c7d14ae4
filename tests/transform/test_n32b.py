"""Logs, notices and programmes read by their layout (``archiver/transform/notices.py`` and the
cast lines of ``credits.py``): an ADIF log's operator, a record's labelled person (a podcast's
host and guest, a pet's owner, a borrower, an emergency contact), a lost-and-found notice's
finder, a paired device's owner, a chat export's nickname, a theatre programme's actors; a
vet's patient, a chat server's name and a programme's sponsor no person (docs/MASKING.md,
"Logs, notices and programmes")."""

from __future__ import annotations

import pytest

from tests.helpers import finder_names


def names(text: str) -> list[str]:
    return sorted(set(finder_names(text)))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # ADIF: the NAME field's length says where the name ends; the call sign is no name
        (
            "<ADIF_VER:5>3.1.4 <EOH>\n<CALL:5>ZS6QX <BAND:3>40m <NAME:12>Thabo Mkhize"
            " <QTH:6>Durban <EOR>",
            ["Thabo Mkhize"],
        ),
        ("<CALL:6>JA1XYZ <MY_NAME:5>Ōtani <MODE:3>SSB <EOR>", ["Ōtani"]),
        ("<CALL:4>W1AW <OPERATOR:5>K1ABC <EOR>", []),
        # a length counted in bytes ends at the next field
        ("<CALL:4>W1AW <NAME:14>Zoë Brand <EOR>", ["Zoë Brand"]),
    ],
)
def test_adif_operator(text: str, found: list[str]) -> None:
    assert names(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Episode 12: tides\nHost: Tamati Ngata\nGuest: Wiremu Tane",
            ["Tamati Ngata", "Wiremu Tane"],
        ),
        (
            "Episodio 7: el mar\nPresenta: Ainhoa Etxeberria\nCon: Iker Goikoetxea",
            ["Ainhoa Etxeberria", "Iker Goikoetxea"],
        ),
        ("Patient: Bello (Hund, 3 y)\nHalter: Kofi Mensah\nTelefon: 030 1234567", ["Kofi Mensah"]),
        ("Paciente: Luna (gata, 2 y)\nPropietario: Tavita Faleolo", ["Tavita Faleolo"]),
        ("LOAN SLIP\nBorrower: Ngata, Tamati\nItem: ISBN 978-0-00-000000-0", ["Ngata", "Tamati"]),
        ("Czytelnik: Брянцев, Олег\nTermin zwrotu: 2026-01-02", ["Брянцев", "Олег"]),
        ("Emergency contact: Wiremu Tane, +64 21 555 0101", ["Wiremu Tane"]),
    ],
)
def test_labelled_person(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_lost_and_found_finder() -> None:
    assert "Tavita" in names("FOUND: keys by the pier. Call Tavita on 021 555 0199.")
    assert "Kofi" in names("GEFUNDEN: ein Schlüssel. Bitte Kofi anrufen: 030 1234567.")
    assert "Iker" in names("TROUVÉ : des clés. Appelez Iker au 06 11 22 33 44.")


def test_lost_and_found_owner() -> None:
    found = names("FOUND: a scarf. It belongs to Tamati NGATA. Call Iker on 021 555 0199.")
    assert "Tamati NGATA" in found
    assert "Ainhoa ETXEBERRIA" in names("Les clés sont au nom de Ainhoa ETXEBERRIA. Merci.")


def test_record_heading_no_name_and_donor_card() -> None:
    assert names("LOAN SLIP\nBorrower: Ngata, Tamati\nDue back: 2026-01-02") == ["Ngata", "Tamati"]
    found = names("BLOOD DONOR CARD\nName: Брянцев, Олег\nBlood group: 0 Rh+")
    assert "Брянцев" in " ".join(found) and "Олег" in found
    assert "BLOOD DONOR CARD" not in found


def test_wrong_way_a_name_in_capitals_over_a_label() -> None:
    """A person's name in capitals above a line labelled with another person reads as the
    record's heading: it is kept."""
    assert "TAMATI NGATA" not in names("TAMATI NGATA\nOwner: Iker Goikoetxea")


def test_device_owners() -> None:
    text = (
        "Bluetooth - paired devices:\n  Tavita's iPhone 15   AA:BB:CC:DD:EE:01\n"
        "  Kofi Mensah AirPods\n  Iker's PlayStation 5   AA:BB:CC:DD:EE:02\n"
    )
    found = names(text)
    assert "Kofi Mensah" in found
    assert any(f.startswith("Tavita") for f in found)
    assert any(f.startswith("Iker") for f in found)
    assert "Marco" in names("Paired devices:\n  Marco's Surface Go 4   AA:BB:CC:DD:EE:03\n")[0]


def test_chat_export_nickname_and_server() -> None:
    text = (
        '{\n "guild": {\n  "name": "Harbour Lights"\n },\n "messages": [\n  {\n'
        '   "author": {\n    "name": "user4411",\n'
        '    "nickname": "Tavita Faleolo"\n   }\n  }\n ]\n}'
    )
    assert names(text) == ["Tavita Faleolo"]


def test_theatre_cast_part_first() -> None:
    text = (
        "CAST\nHamlet .......... Tamati Ngata\nOphelia .......... Ainhoa Etxeberria\n"
        "Directed by: Kofi MENSAH\nWith the support of Harbour Lights"
    )
    assert names(text) == ["Ainhoa Etxeberria", "Kofi MENSAH", "Tamati Ngata"]


def test_theatre_in_french() -> None:
    text = (
        "DISTRIBUTION\nHamlet .......... Tamati Ngata\nMise en scène : Kofi MENSAH\n"
        "Avec le soutien de Harbour Lights"
    )
    assert "Hamlet" not in names(text) and "Tamati Ngata" in names(text)


# -- the wrong way -----------------------------------------------------------------------------


def test_wrong_way_stage_name_before_a_part_of_two_words() -> None:
    """A one-word stage name left of a part of two words reads as a part: the part is masked
    and the actor kept."""
    found = names("CAST\nCherelle .......... Lady Macbeth\nDirected by: Kofi Mensah")
    assert "Lady Macbeth" in found


def test_wrong_way_a_person_named_as_patient() -> None:
    """A person's name given to a pet on the same record is dropped everywhere in it."""
    text = "Patient: Tavita (dog, 3 y)\nOwner: Tavita Faleolo\nTavita is due a vaccine."
    assert names(text) == ["Tavita Faleolo"]


def test_wrong_way_a_person_as_sponsor() -> None:
    """A programme's sponsor line is no credit: a person sponsoring it is found only by the
    lists (a listed name, masked), one they lack is kept."""
    found = names("CAST\nHamlet .......... Tamati Ngata\nWith the support of Kofi Mensah")
    assert "Kofi Mensah" in found
    found = names("CAST\nHamlet .......... Tamati Ngata\nWith the support of Zorvan Quetlib")
    assert "Zorvan Quetlib" not in found


def test_con_is_a_guest_only_in_show_notes() -> None:
    assert names("Pro: Battery life\nCon: Heavy Metal case") == []


def test_wrong_way_a_room_before_a_device_word() -> None:
    """Capitalised words before a device word in a device list read as its owner: a room's
    name is masked; a listed company or all common words are not."""
    found = names("Bluetooth - paired devices:\n  Amazon Fire\n  Living Room Echo\n")
    assert found == ["Living Room"]
