"""Record forms that place a person after a word of the form rather than a field's colon: a
status line's person, a person word in running text, a labelled list of people, a roster's
time slots, a group chat's notices, a contact-tracing line; and English, Scottish, Welsh and
US given and family names that Faker's lists lack. Each rule has a case where its inference
is wrong or must not apply (docs/MASKING.md, "A record's person words without a colon" and
the ``gazetteer.given``/``gazetteer.family`` row)."""

from __future__ import annotations

import pytest

from tests.helpers import finder_names


def names(text: str) -> list[str]:
    return sorted(set(finder_names(text)))


# -- a status line's person --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Identity check passed for Tavish Quarrender. Session opened.", ["Tavish Quarrender"]),
        ("Identitätsprüfung bestanden für Jördis Quappe.", ["Jördis Quappe"]),
        ("Vérification d'identité réussie pour Gwenolé Karadec.", ["Gwenolé Karadec"]),
        ("Verificación de identidad completada para Xiana Bouzamayor.", ["Xiana Bouzamayor"]),
        ("Risultati per Ottavia Brusaferro disponibili.", ["Ottavia Brusaferro"]),
        ("Uitslagen voor Wietske Hoogterp staan klaar.", ["Wietske Hoogterp"]),
        ("Wyniki dla Bożydar Szczygłowski są gotowe.", ["Bożydar Szczygłowski"]),
        ("Lab results for Нурлан Сыдыков are ready; log in to read them.", ["Нурлан Сыдыков"]),
    ],
)
def test_status_line_person(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_status_line_leaves_common_words() -> None:
    assert names("Results for March are ready. Identity check passed for this device.") == []


# -- a person word in running text ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("@team note — assignee Corwen Ashbury is away until Monday.", ["Corwen Ashbury"]),
        ("Spesenabrechnung\nGenehmiger: Haimo Strietzel", ["Haimo Strietzel"]),
        ("Reçu fiscal — donateur Solenn Guivarc'h, payé par carte.", ["Solenn Guivarc'h"]),
        ("Registro: perro 'Toby' — dueño Iolanda Quaresma, 600 000 000", ["Iolanda Quaresma"]),
        ("Chip 12 — eigenaar Sjoukje Twijnstra, Leeuwarden", ["Sjoukje Twijnstra"]),
        ("Policy 99: policyholder Tobiah Wrenfield; cover from May", ["Tobiah Wrenfield"]),
    ],
)
def test_person_word(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_person_word_leaves_lower_case() -> None:
    assert names("The assignee is out today and the owner will call back.") == []


def test_person_word_wrong_way_a_firm_is_masked() -> None:
    # wrong way: a firm after "owner" is taken for a person (docs/MASKING.md)
    assert names("Trademark record — owner Bluewater Gardens, filed 2024.") == ["Bluewater Gardens"]


# -- a labelled list of people ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Claim 7: witnesses: Corwen Ashbury (tel. 0161 000 0000), Нурлан Сыдыков. Paid.",
            ["Corwen Ashbury", "Нурлан Сыдыков"],
        ),
        (
            "Guest list (table 9): Tavish Quarrender +1, Idunn Brakstad, Jördis Quappe\nRSVP soon",
            ["Idunn Brakstad", "Jördis Quappe", "Tavish Quarrender"],
        ),
        (
            "Task card\nMembers: Wietske Hoogterp, Bożydar Szczygłowski",
            [
                "Bożydar Szczygłowski",
                "Wietske Hoogterp",
            ],
        ),
        ("Zeugen: Haimo Strietzel, Jördis Quappe", ["Haimo Strietzel", "Jördis Quappe"]),
        ("Témoins : Gwenolé Karadec, Solenn Guivarc'h", ["Gwenolé Karadec", "Solenn Guivarc'h"]),
    ],
)
def test_labelled_list(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_labelled_list_wrong_way_sentence_end_ends_it() -> None:
    # wrong way: a full stop between two people ends the list; the second is left
    assert names("witnesses: Corwen Ashbury. Later Tavish Quarrender.") == ["Corwen Ashbury"]


# -- a roster's time slots, a group chat's notices, a contact-tracing line ----------------------


def test_roster_slots() -> None:
    text = "Sunday shop: 9-12 Corwen Ashbury (0161 000 0000); 12:00–15:00 Idunn Brakstad; close"
    assert names(text) == ["Corwen Ashbury", "Idunn Brakstad"]


def test_roster_slot_leaves_days() -> None:
    assert names("Opening hours: 9-12 Monday; 14-18 Tuesday") == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Tavish Quarrender added Нурлан Сыдыков\nНурлан Сыдыков: hi",
            ["Tavish Quarrender", "Нурлан Сыдыков"],
        ),
        ("Haimo Strietzel hat Jördis Quappe hinzugefügt\nok", ["Haimo Strietzel", "Jördis Quappe"]),
        (
            "Gwenolé Karadec a ajouté Solenn Guivarc'h\nsalut",
            ["Gwenolé Karadec", "Solenn Guivarc'h"],
        ),
        (
            "Sjoukje Twijnstra heeft Wietske Hoogterp toegevoegd\nhoi",
            [
                "Sjoukje Twijnstra",
                "Wietske Hoogterp",
            ],
        ),
    ],
)
def test_group_chat_added(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_group_chat_added_needs_its_own_line() -> None:
    assert names("The admin added Room Two to the list\nok") == []


def test_contact_tracing_line() -> None:
    text = "Visitor log, 10:30: Corwen Ashbury, 0161 000 0000; with Idunn Brakstad."
    assert names(text) == ["Corwen Ashbury", "Idunn Brakstad"]


def test_contact_tracing_wrong_way_a_table_is_masked() -> None:
    # wrong way: a capitalised thing ending the line after "; with" is taken for a person
    assert names("Booked 10:30; with Bluewater Gardens.") == ["Bluewater Gardens"]


def test_contact_tracing_leaves_common_words() -> None:
    assert names("Booked 10:30; with Garden View.") == []


# -- English given and family names the lists lack -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Rosalind Fairbairn rang about the bill.",
        "Can Barnaby Lockhart collect the parcel?",
        "Maisie Pemberton left a message.",
        "Please ask Philippa Ashworth to call.",
    ],
)
def test_english_names(text: str) -> None:
    assert len(names(text)) == 1 and names(text)[0] in text


def test_english_family_names_leave_words() -> None:
    # "Brown" and "Green" are words: a colour before a noun is no name
    assert names("The Green Room and the Brown Bear are booked.") == []


def test_english_names_wrong_way_an_institution_is_masked() -> None:
    # wrong way: a place named after a person is masked (docs/MASKING.md)
    assert names("I visited Rosalind Franklin University.") == ["Rosalind Franklin University"]


# -- a chat export's dated lines, a tracker's comment header, a callback, a badge, a name word,
# an alumni line -------------------------------------------------------------------------------


def test_chat_export_iso_date_with_comma() -> None:
    text = (
        "[2026-02-03, 08:15] Нурлан Сыдыков: who has the van?\n"
        "[2026-02-03, 08:16] Idunn Brakstad: me"
    )
    assert names(text) == ["Idunn Brakstad", "Нурлан Сыдыков"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Corwen Ashbury commented on OPS-311:\nplease retry", ["Corwen Ashbury"]),
        ("Haimo Strietzel hat OPS-311 kommentiert\nbitte prüfen", ["Haimo Strietzel"]),
        ("Gwenolé Karadec a commenté OPS-311\nà revoir", ["Gwenolé Karadec"]),
        ("Wietske Hoogterp reageerde op OPS-311\nklopt", ["Wietske Hoogterp"]),
    ],
)
def test_tracker_comment_header(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_tracker_comment_needs_an_issue_key() -> None:
    assert names("Support Desk commented on the outage\nsee status page") == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Card: Call back Tavish Quarrender\nDue: Friday", ["Tavish Quarrender"]),
        ("Aufgabe: Rückruf an Jördis Quappe, heute", ["Jördis Quappe"]),
        ("Tâche : rappeler Solenn Guivarc'h demain", ["Solenn Guivarc'h"]),
    ],
)
def test_callback_person(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_callback_leaves_lower_case() -> None:
    assert names("Please call back tomorrow at 9.") == []


def test_badge_line_in_capitals() -> None:
    text = "CONFERENCE BADGE\nTAVISH QUARRENDER\nSpeaker · Acme"
    assert names(text) == ["TAVISH QUARRENDER"]


def test_badge_wrong_way_a_caption_is_masked() -> None:
    # wrong way: a caption of two words under the badge line is taken for its holder
    assert names("Name badge\nSPEAKER ACCESS\nHall B") == ["SPEAKER ACCESS"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Contact form: name Tobiah Wrenfield; phone on file", ["Tobiah Wrenfield"]),
        ("Formulaire : nom Gwenolé Karadec; téléphone absent", ["Gwenolé Karadec"]),
        ("Form: name ദേവിക നായർ, room 4", ["ദേവിക നായർ"]),
    ],
)
def test_name_word_field(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_name_word_field_leaves_lower_case() -> None:
    assert names("Contact form: name unknown; phone none") == []


def test_alumni_class_line() -> None:
    text = "Alumni, class of 2004: Нурлан Сыдыков — now at Acme"
    assert names(text) == ["Нурлан Сыдыков"]


def test_alumni_wrong_way_an_event_is_masked() -> None:
    # wrong way: an event's capitalised title after the class's year is taken for a person
    assert names("Class of 2024: Graduation Ceremony — hall A") == ["Graduation Ceremony"]
