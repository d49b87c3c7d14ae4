"""Names by who worked a case ("escalated by X"), whose word one reports ("Selon X", "Laut Herrn
X", "X from your team"), hand-overs in the nine languages, and items of a list of people after a
"/". Names here are ones the first-name lists lack ("Xochitl", "Quispetupa"), so only the rule
under test can find them; each rule has a case where it is wrong, both ways, as docs/MASKING.md
says."""

from __future__ import annotations

import pytest

from tests.helpers import found_names as names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("escalated by QUISPETUPA; login from 10.1.2.3", "QUISPETUPA"),
        ("Ticket reassigned to Xochitl Quispetupa", "Xochitl Quispetupa"),
        ("assignee: Xochitl Quispetupa", "Xochitl Quispetupa"),
        ("eskaliert von QUISPETUPA am Montag", "QUISPETUPA"),
        ("dossier pris en charge par Xochitl Quispetupa", "Xochitl Quispetupa"),
        ("caso escalado por QUISPETUPA", "QUISPETUPA"),
        ("pratica gestita da Xochitl", None),  # "gestita" is no listed form: see below
        ("behandeld door Xochitl Quispetupa", "Xochitl Quispetupa"),
        ("zgłoszenie obsługiwane przez Xochitl Quispetupa", "Xochitl Quispetupa"),
    ],
)
def test_who_worked_a_case(text: str, name: str | None) -> None:
    if name is None:
        assert names(text) == []
    else:
        assert name in names(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Selon Quispetupa, le colis est parti de Lyon.", "Quispetupa"),
        ("Laut Herrn Xochitl Quispetupa kommt die Lieferung.", "Xochitl Quispetupa"),
        ("According to Xochitl the parcel left on Monday", "Xochitl"),
        ("Según Quispetupa, el paquete salió ayer.", "Quispetupa"),
        ("Volgens Quispetupa is het pakket verstuurd.", "Quispetupa"),
        ("Według Quispetupa paczka wyszła wczoraj.", "Quispetupa"),
        ("Xochitl Quispetupa from your team promised a refund", "Xochitl Quispetupa"),
        ("QUISPETUPA from your team promised a refund", "QUISPETUPA"),
    ],
)
def test_whose_word_one_reports(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Sizi Xochitl Quispetupa ile bağlıyorum.", "Xochitl Quispetupa"),
        ("Je vous passe Xochitl, du service client.", "Xochitl"),
        ("La passo a Xochitl Quispetupa dell'amministrazione.", "Xochitl Quispetupa"),
        ("Xochitl Quispetupa neemt het nu van me over.", "Xochitl Quispetupa"),
        ("Przekazuję rozmowę do Xochitl.", "Xochitl"),
        ("Vou transferir para Xochitl, um momento.", "Xochitl"),
        ("Le paso con Xochitl, que lleva su caso.", "Xochitl"),
        ("Ich verbinde Sie mit meiner Kollegin Xochitl.", "Xochitl"),
    ],
)
def test_hand_overs_of_the_nine_languages(text: str, name: str) -> None:
    assert name in names(text)


def test_worked_and_reported_cues_wrong_both_ways() -> None:
    # Too much: a team or a shop after such a cue is taken for a person.
    assert names("escalated by Quispetupa Brothers") == ["Quispetupa Brothers"]
    assert names("Selon Quispetupa Express, le colis est parti.") == ["Quispetupa Express"]
    # Too little: a verb form the lists lack, or a name in lower case the lists lack, stays.
    assert names("pratica gestita da Xochitl") == []
    assert names("escalated by quispetupa on monday") == []


def test_list_items_after_a_slash() -> None:
    found = names("CC Ana Souza / XOCHITL QUISPETUPA, Tlacael Xiuhcoatl / Itzel Cuauhtli")
    assert found == ["Ana Souza", "XOCHITL QUISPETUPA", "Tlacael Xiuhcoatl", "Itzel Cuauhtli"]


def test_list_items_after_a_slash_wrong_both_ways() -> None:
    # Too much: a capitalised item after a slash on a line of people that is no person.
    assert names("cc: Ana Souza / Payroll Ops") == ["Ana Souza", "Payroll Ops"]
    assert names("cc: Ana Souza, see docs/Setup") == ["Ana Souza", "Setup"]
    # An item in lower case after a slash on a labelled line is read like the others.
    assert names("cc: Ana Souza / xochitl quispetupa") == ["Ana Souza", "xochitl quispetupa"]
    # Too little: lines without a label and without a found name stay.
    assert names("Xochitl Quispetupa / Tlacael Xiuhcoatl") == []
