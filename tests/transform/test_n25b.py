"""Names that a record form places: an issue tracker's history line, an attendee list's
checked lines, a form's role label ("Main driver:", "Signer 2:", "Party B:", "Parent
contact:") with "Family, Given", a ``git blame`` author and an identity card's machine-readable
name line. Each rule has a case it takes and a case where its inference is wrong or must not
apply (docs/MASKING.md, "Names that a record form places")."""

from __future__ import annotations

import pytest

from tests.helpers import default_finder


def names(text: str) -> list[str]:
    """The names the finder places, each span inside another left out (as the detectors
    resolve them: a listed surname found alone inside the full name masks nothing more)."""
    spans = {(a, b) for a, b, *_ in default_finder().find(text)}
    return sorted(
        {
            text[a:b]
            for a, b in spans
            if not any(c <= a and b <= d and (c, d) != (a, b) for c, d in spans)
        }
    )


# -- issue tracker history ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (  # en
            "2026-04-11 Wanjiru Kamau changed Assignee from 'Unassigned' to 'Odhiambo Otieno'\n"
            "12.04.2026 Wanjiru Kamau changed Status from 'Open' to 'Done'",
            ["Odhiambo Otieno", "Wanjiru Kamau"],
        ),
        (  # de
            "03.05.2026 Ingeborg Wachtel hat Bearbeiter von 'Niemand' auf 'Lutz Hörnig' geändert\n",
            ["Ingeborg Wachtel", "Lutz Hörnig"],
        ),
        (  # fr
            "03/05/2026 Gwenaëlle Kervella a modifié Responsable de 'Yannick Le Bihan' à "
            "'Maïwenn Tanguy'\n",
            ["Gwenaëlle Kervella", "Maïwenn Tanguy", "Yannick Le Bihan"],
        ),
        (  # es
            "2026-05-03 Itziar Goikoetxea cambió Asignado de 'Sin asignar' a 'Xabier Etxeberria'\n",
            ["Itziar Goikoetxea", "Xabier Etxeberria"],
        ),
        (  # it
            "2026-05-03 Ornella Bassani ha modificato Assegnatario da 'Nessuno' a "
            "'Tiziano Peruzzi'\n",
            ["Ornella Bassani", "Tiziano Peruzzi"],
        ),
        (  # pt
            "2026-05-03 Iracema Tavares alterou Responsável de 'Ninguém' para 'Jandira Queiroz'\n",
            ["Iracema Tavares", "Jandira Queiroz"],
        ),
        (  # nl
            "2026-05-03 Femke Bosma wijzigde Toegewezene van 'Niet toegewezen' naar "
            "'Sjoerd Hiemstra'\n",
            ["Femke Bosma", "Sjoerd Hiemstra"],
        ),
        (  # pl
            "2026-05-03 Bożena Kaczmarczyk zmieniła Przypisany z 'Brak' na 'Zdzisław Pietrzak'\n",
            ["Bożena Kaczmarczyk", "Zdzisław Pietrzak"],
        ),
        (  # a script without capitals
            "2026-05-03 ሙሉጌታ ደስታ changed Reporter to 'ሙሉጌታ ደስታ'\nLabels: backend",
            ["ሙሉጌታ ደስታ"],
        ),
    ],
)
def test_history_line_takes_who_changed_and_people_of_a_person_field(
    text: str, found: list[str]
) -> None:
    assert names(text) == found


def test_history_line_leaves_values_of_other_fields_and_nobody() -> None:
    text = (
        "2026-04-11 Wanjiru Kamau changed Priority from 'Minor' to 'Blocker'\n"
        "2026-04-12 Wanjiru Kamau changed Assignee from 'Unassigned' to 'None'"
    )
    assert names(text) == ["Wanjiru Kamau"]


def test_history_line_wrong_way_a_team_as_actor_is_masked() -> None:
    # Wrong way: an integration whose name is no word of the lists reads as the person who
    # made the change.
    text = "2026-04-11 Kestrel Sync changed Assignee to 'Odhiambo Otieno'\n"
    assert "Kestrel Sync" in names(text)


# -- attendee lists with check marks -----------------------------------------------------------


def test_checked_lines_take_attendees_in_any_script() -> None:
    text = "Dinner RSVPs\n✓ Ngozi Adeyemi (+1)\n✗ Սաթենիկ Հովհաննիսյան – 12 June\n✅ தேன்மொழி இளங்கோ"
    assert names(text) == ["Ngozi Adeyemi", "Սաթենիկ Հովհաննիսյան", "தேன்மொழி இளங்கோ"]


def test_one_checked_line_or_a_checklist_of_common_words_stays() -> None:
    assert names("Status\n✔ Payment received") == []
    assert names("Setup\n✔ Payment received\n✘ Contract signed") == []


def test_checked_lines_wrong_way_places_read_as_people() -> None:
    # Wrong way: a checklist of proper names that are no people (peaks climbed) is masked.
    assert "Kibo" in names("Peaks\n✔ Kibo\n✔ Mawenzi")


# -- role labels of forms ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("RENTAL\nMain driver: Oyelaran, Folasade\nFuel: full", ["Folasade", "Oyelaran"]),
        ("Zusatzfahrer: Wiebke Tönnies\nKm: 12 400", ["Wiebke Tönnies"]),
        ("Conducteur principal: Kervella, Maïwenn\nCarburant: 1/2", ["Kervella", "Maïwenn"]),
        ("Conductor adicional: Xabier Etxeberria\n", ["Xabier Etxeberria"]),
        ("Firmatario 2: Tiziano Peruzzi (filiale)\n", ["Tiziano Peruzzi"]),
        ("Testemunha: Jandira Queiroz, tel. 912 000 111", ["Jandira Queiroz"]),
        ("Ondertekenaar 1: Sjoerd Hiemstra <s.h@example.nl>\n", ["Sjoerd Hiemstra"]),
        ("Świadek: Zdzisław Pietrzak\n", ["Zdzisław Pietrzak"]),
        ("Ek sürücü: Güldane Yazıcıoğlu\n", ["Güldane Yazıcıoğlu"]),
        (
            "Claim 77. Party A: Ngozi Adeyemi, tel. 0803. Party B: ጸጋዬ ወልዴ, insured.",
            ["Ngozi Adeyemi", "ጸጋዬ ወልዴ"],
        ),
        ("Parent contact: Odhiambo Otieno, 0722 000 000", ["Odhiambo Otieno"]),
    ],
)
def test_role_label_takes_the_person(text: str, found: list[str]) -> None:
    assert [n for n in found if n not in names(text)] == []


def test_role_label_leaves_common_words() -> None:
    assert names("Additional driver: none\nWitness: not present") == []


def test_role_label_wrong_way_a_place_as_family_given() -> None:
    # Wrong way: "Word, Word" alone on the line after a role label is read as "Family, Given",
    # so a place written so is masked.
    assert any("Harare" in n for n in names("Witness: Harare, Zimbabwe\n"))


# -- git blame -----------------------------------------------------------------------------------


def test_blame_takes_the_author() -> None:
    text = (
        "who added it:\n"
        "3fa9c2e1 (Wiebke Tönnies 2026-02-03 10:11:12 +0100 41)   retries = 3\n"
        "^77aa01b src/a.py (ጸጋዬ ወልዴ 03.02.2026 10:11:12 +0300 42)   x = 1"
    )
    assert names(text) == ["Wiebke Tönnies", "ጸጋዬ ወልዴ"]


def test_blame_leaves_uncommitted_lines_and_wrong_way_a_bot_author() -> None:
    text = "x\n00000000 (Not Committed Yet 2026-02-03 10:11:12 +0100 41)   y = 2"
    assert names(text) == []
    # Wrong way: a bot committing under a name that is no word of the lists is masked.
    bot = "x\n3fa9c2e1 (Renovate Kestrel 2026-02-03 10:11:12 +0100 41)   y = 2"
    assert names(bot) == ["Renovate Kestrel"]


# -- machine-readable zones ----------------------------------------------------------------------


def test_mrz_name_lines_of_id_cards_and_passports() -> None:
    td1 = (
        "ID:\nIDKEN0A12345B6<<<<<<<<<<<<<<<\n9001011F3001012KEN<<<<<<<<<<<4\n"
        "OTIENO<<ACHIENG<AKINYI<<<<<<<<"
    )
    td3 = (
        "P<NGAADEYEMI<<NGOZI<<<<<<<<<<<<<<<<<<<<<<<<<\nA012345670NGA9001011F3001012<<<<<<<<<<<<<<02"
    )
    assert names(td1) == ["ACHIENG", "AKINYI", "OTIENO"]
    assert names(td3) == ["ADEYEMI", "NGOZI"]


def test_mrz_wrong_way_a_placeholder_line_is_masked() -> None:
    # Wrong way: capitals parted by "<<" alone on a line read as a zone's name line.
    assert names("template:\nSURNAME<<GIVEN<NAMES<<<<") != []


# -- pupils, claimants and store reviews ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("NOTICE\nClaimant: Eluned Pritchard\nDate: 3 May", ["Eluned Pritchard"]),
        ("Ladung\nKlägerin: Wiebke Tönnies\nTermin: 3. Mai", ["Wiebke Tönnies"]),
        ("Élève : Maïwenn Tanguy\nClasse : 4B", ["Maïwenn Tanguy"]),
        ("Alumna: Itziar Goikoetxea\nCurso: 2B", ["Itziar Goikoetxea"]),
        ("Alunno: Tiziano Peruzzi\nClasse: 3A", ["Tiziano Peruzzi"]),
        ("Requerente: Jandira Queiroz\nData: 3 maio", ["Jandira Queiroz"]),
        ("Leerling: Sjoerd Hiemstra\nGroep: 7", ["Sjoerd Hiemstra"]),
        ("Powódka: Bożena Kaczmarczyk\nSygnatura: I C 12/26", ["Bożena Kaczmarczyk"]),
        ("Davacı: Güldane Yazıcıoğlu\nDosya: 2026/12", ["Güldane Yazıcıoğlu"]),
    ],
)
def test_pupil_and_claimant_labels_take_the_person(text: str, found: list[str]) -> None:
    assert [n for n in found if n not in names(text)] == []


def test_pupil_label_leaves_a_count() -> None:
    assert names("Student: none enrolled yet\nClass: 4B") == []


def test_review_header_takes_the_reviewer_in_any_script() -> None:
    assert "Ngozi Adeyemi" in names("★★☆☆☆  Ngozi Adeyemi · version 3.1\nCrashes on start.")
    assert "ጸጋዬ ወልዴ" in names("⭐⭐⭐⭐  ጸጋዬ ወልዴ | 2 May\nFine.")


def test_review_header_leaves_a_rating_of_common_words() -> None:
    assert names("★★★★★  Great app · version 3.1\nLove it.") == []


def test_review_header_wrong_way_a_product_is_masked() -> None:
    # Wrong way: stars before a product name the lists lack read as a reviewer.
    assert "Kestrel Pro" in names("★★★★☆  Kestrel Pro · 4.2 out of 5")
