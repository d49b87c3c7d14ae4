"""Record forms and writers' signatures: the parties of a postal or customs form, a court's
defendant and a tax form's taxpayer, a thread's replies in a chat export, a receipt's thanks,
who submitted a reading, the name a door shows, a message's last line signed by its writer,
and brand handles opening with an acronym. Each rule has a case where its inference is wrong
or must not apply (docs/MASKING.md, "Names that a record form places" and "A message signed
by its last words")."""

from __future__ import annotations

import pytest

from tests.helpers import finder_names


def names(text: str) -> list[str]:
    return sorted(set(finder_names(text)))


# -- role labels of postal, customs, court and tax forms ---------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "CN23\nSender: Caoilfhionn Ní Bhraonáin\nAddressee: Tobiah Wrenfield\nWeight: 2 kg",
            ["caoilfhionn ní bhraonáin", "tobiah wrenfield"],
        ),  # en
        (
            "Consignee: Idunn Brakstad\nConsignor: Tamsin Vowles",
            ["idunn brakstad", "tamsin vowles"],
        ),
        ("Zollinhaltserklärung\nAbsender: Jördis Quappe\nInhalt: Bücher", ["jördis quappe"]),  # de
        ("Expéditeur: Gwenolé Karadec\nPoids: 1 kg", ["gwenolé karadec"]),  # fr
        ("Remitente: Xiana Bouzamayor\nPeso: 3 kg", ["xiana bouzamayor"]),  # es
        ("Mittente: Ottavia Brusaferro\nPeso: 3 kg", ["ottavia brusaferro"]),  # it
        ("Remetente: Iolanda Quaresma\nPeso: 3 kg", ["iolanda quaresma"]),  # pt
        ("Afzender: Wietske Hoogterp\nGewicht: 3 kg", ["wietske hoogterp"]),  # nl
        ("Nadawca: Bożydar Szczygłowski\nWaga: 3 kg", ["bożydar szczygłowski"]),  # pl
        ("Gönderici: Nurhayat Kızılkaya\nAğırlık: 3 kg", ["nurhayat kızılkaya"]),  # tr
        ("Sender: ദേവിക നായർ\nAddressee: Айжан Сейтқали", ["ദേവിക നായർ", "айжан сейтқали"]),
        ("SUMMONS\nDefendant: Corwen Ashbury\nHearing: 3 May 2026", ["corwen ashbury"]),
        ("Ladung\nBeklagter: Haimo Strietzel\nTermin: Montag", ["haimo strietzel"]),
        ("Tax refund\nTaxpayer: Elowen Treganza\nAccount: on file", ["elowen treganza"]),
        ("Contribuable : Solenn Guivarc'h\nAnnée: 2025", ["solenn guivarc'h"]),
    ],
)
def test_form_party_labels(text: str, found: list[str]) -> None:
    assert [n.lower() for n in names(text)] == sorted(found)


def test_form_party_label_leaves_an_address_and_lower_case() -> None:
    assert names("Sender: noreply@example.com\nAddressee: see attached list") == []


def test_form_party_label_wrong_way_a_firm_is_masked() -> None:
    # wrong way: a firm as the sender is taken for a person (docs/MASKING.md)
    assert names("Sender: Bluewater Gardens\nContents: books") == ["Bluewater Gardens"]


# -- a thread's replies in a chat export ---------------------------------------------------------


def test_thread_reply_speaker() -> None:
    text = "[10:02] Maelle Quintrec: who has the refund?\n    ↳ [10:05] Tobiah Wrenfield: on it"
    assert names(text) == ["Maelle Quintrec", "Tobiah Wrenfield"]


def test_thread_reply_mark_without_time_is_no_speaker() -> None:
    assert names("Steps:\n  ↳ Restart: done\n  ↳ Refund: pending") == []


def test_thread_reply_mark_wrong_way_a_bot_is_masked() -> None:
    # wrong way: a queue's or bot's name after the mark and a time is taken as a speaker
    assert names("Log:\n  ↳ 10:42 Night Owl: queued") == ["Night Owl"]


# -- a receipt's thanks, a submitter, a door's name ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Thanks for riding, Tobiah!\nTotal $12.40", ["Tobiah"]),
        ("Danke für deine Fahrt, Jördis!", ["Jördis"]),
        ("Gracias por tu pedido, Xiana.", ["Xiana"]),
        ("Reading 0451 kWh, submitted by Corwen Ashbury from 10.0.0.8.", ["Corwen Ashbury"]),
        ("Zählerstand eingereicht von Haimo Strietzel am Montag", ["Haimo Strietzel"]),
        ("Courier: door says Wrenfield, 2nd floor.", ["Wrenfield"]),
    ],
)
def test_receipt_thanks_submitter_and_door(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_submitter_wrong_way_a_system_is_masked() -> None:
    # wrong way: a system's name the lists lack after "submitted by" is taken as a person
    assert names("Reading sent, submitted by Webform Relay today") == ["Webform Relay"]


def test_receipt_thanks_needs_the_phrase_to_end() -> None:
    assert names("Thanks for riding, see you soon!") == []
    assert names("Thanks for riding with Uber Green today!") == []


# -- a message's last line signed by its writer -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Hi Tobiah,\n\nWe've reset your password.\n\nBreixo Cerdeiriña\nSupport team",
        "Your refund is on its way.\n\nBreixo Cerdeiriña",
        "Your refund is on its way.\n— Breixo Cerdeiriña",
        "Votre remboursement est en cours.\nBreixo Cerdeiriña | Service client",
        "Ihre Erstattung ist unterwegs.\n\nBreixo Cerdeiriña\nKundenservice",
        "Reset it here: https://example.com/reset?t=1\nBreixo Cerdeiriña | Customer Care",
    ],
)
def test_final_signer(text: str) -> None:
    assert "Breixo Cerdeiriña" in names(text)


def test_final_signer_in_another_script() -> None:
    assert "Ainur Seitqali" not in names("Тапсырысыңыз дайын.\n\nАйжан Сейтқали")
    assert "Айжан Сейтқали" in names("Your order is ready.\n\nАйжан Сейтқали")


@pytest.mark.parametrize(
    "text",
    [
        "Your refund is on its way.\nBreixo Cerdeiriña",  # no blank line, no mark: a sentence
        "Your refund is on its way\n\nBreixo Cerdeiriña",  # the text above ends no sentence
        "Your refund is on its way.\n\nCustomer Service",  # a team, no person
        "Your refund is on its way.\n\nQuintrec",  # one unknown word
        "Your refund is on its way.\n\nBest regards",  # a closing
        "Reset it at https://example.com/reset\nBreixo Cerdeiriña",  # no mark after the link
    ],
)
def test_final_signer_leaves(text: str) -> None:
    assert names(text) == []


def test_final_signer_wrong_way_a_product_is_masked() -> None:
    # wrong way: a product on the last line after a blank line is taken as the signer
    assert names("Your parcel has shipped.\n\nKindle Oasis") == ["Kindle Oasis"]


# -- brand handles -------------------------------------------------------------------------------


def test_brand_handle_with_an_acronym_stays() -> None:
    assert names("Help: @DB_Bahn") == []
    assert names("Questions? @SBB_Info") == []


def test_person_handle_is_still_masked() -> None:
    assert names("Help: @Ana_Lima") == ["Ana_Lima"]


def test_brand_handle_wrong_way_initials_stay() -> None:
    # wrong way: a person's handle opening with initials is left in clear
    assert names("Help: @JR_Wrenfield") == []
