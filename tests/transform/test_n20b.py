"""Names that a record's structure places: a ticket's audit line, a LaTeX letter, an EPC QR
payload, an MT103's ordering customer, a mail link's label in a spreadsheet formula, a device
named after its owner, a certificate's holder, a beneficiary with a share, a bot's JSON member
for a person, and the wishes and loving closes of a card. Each rule has a case it takes and a
case where its inference is wrong or must not apply (docs/MASKING.md, "Names that a record
places")."""

from __future__ import annotations

import pytest

from tests.helpers import finder_names


def names(text: str) -> list[str]:
    return sorted(set(finder_names(text)))


# -- ticket audit lines ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "#4411 · assignee changed from Þorgerður Hjálmarsdóttir to Vésteinn Grímsson by "
            "Hallveig Ketilsdóttir · 3 Feb 2025 09:15",
            ["Hallveig Ketilsdóttir", "Vésteinn Grímsson", "Þorgerður Hjálmarsdóttir"],
        ),
        (
            "Owner reassigned from Dumisani Mahlangu to Nomvula van Wyk by Thandeka Sithole "
            "at 10:02",
            ["Dumisani Mahlangu", "Nomvula van Wyk", "Thandeka Sithole"],
        ),
    ],
)
def test_audit_line_takes_people_of_a_person_field(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_audit_line_of_a_thing_takes_only_who_changed_it() -> None:
    # wrong way: "from Low to Urgent" names no one; the actor is still a person
    text = "priority changed from Low to Urgent by Hallveig Ketilsdóttir at 09:15"
    assert names(text) == ["Hallveig Ketilsdóttir"]


def test_audit_line_by_a_system_account_takes_nothing() -> None:
    text = "status changed from Waiting on Customer to Solved by automation · 3 Feb"
    assert names(text) == []


# -- LaTeX letters -------------------------------------------------------------------------------


def test_latex_letter_addressee_and_signature() -> None:
    text = (
        "\\begin{letter}{Þorgerður Hjálmarsdóttir\\\\ Laugavegur 5}\n\\opening{Dear Madam,}\n"
        "Your refund is on its way.\n\\signature{Vésteinn Grímsson}"
    )
    assert names(text) == ["Vésteinn Grímsson", "Þorgerður Hjálmarsdóttir"]


def test_latex_letter_to_a_department_is_no_name() -> None:
    # wrong way: a letter to an office puts the office's words where a name stands
    text = "\\begin{letter}{Customer Service\\\\ Main Street 1}\n\\opening{Hello,}"
    assert names(text) == []


# -- EPC QR and MT103 ----------------------------------------------------------------------------


def test_epc_qr_beneficiary_line() -> None:
    text = "QR says:\nBCD\n002\n1\nSCT\n\nÞorgerður Hjálmarsdóttir\nIS14 0159 2600 7654\nEUR12.50"
    assert names(text) == ["Þorgerður Hjálmarsdóttir"]


def test_epc_qr_without_the_header_is_left() -> None:
    # no "BCD … SCT" header: the same lines are no payment payload
    text = "QR says:\nABC\n002\n1\nXYZ\n\nÞorgerður Hjálmarsdóttir\nIS14 0159 2600 7654"
    assert "Þorgerður Hjálmarsdóttir" not in names(text)


def test_mt103_ordering_customer_but_not_the_beneficiary_firm() -> None:
    text = (
        ":20:PAY77\n:32A:02.01.2026 1649.28 EUR\n:50K:/IS14 0159\nÞorgerður Hjálmarsdóttir\n"
        ":59:/GB52 QEEV\nBrightwater Plumbing\n:70:INV 7"
    )
    assert names(text) == ["Þorgerður Hjálmarsdóttir"]


# -- spreadsheet mail links, devices -------------------------------------------------------------


def test_hyperlink_label_of_a_mail_link() -> None:
    text = '=HYPERLINK("mailto:t.h@mail.example";"Þorgerður Hjálmarsdóttir")'
    assert names(text) == ["Þorgerður Hjálmarsdóttir"]


def test_hyperlink_label_of_common_words_is_left() -> None:
    assert names('=HYPERLINK("mailto:sales@shop.example";"Write to sales")') == []


def test_device_named_after_its_owner() -> None:
    text = "Leases:\n10.0.0.4  aa:bb:cc:dd:ee:01  iPhone-Þorgerður  expires 09:00"
    assert names(text) == ["Þorgerður"]


def test_device_named_after_a_brand_or_a_use_is_left() -> None:
    # wrong way: "Samsung-Galaxy" puts the maker where an owner would stand; only first names of
    # the lists count before the device; after it, common words ("Work") stay
    text = "Leases:\n10.0.0.5  Samsung-Galaxy\n10.0.0.7  iPhone-Work\n10.0.0.8  Galaxy-S21"
    assert names(text) == []


def test_device_after_a_listed_first_name() -> None:
    assert names("Leases:\n10.0.0.6  Maria-iPad  expires 09:00") == ["Maria"]


# -- certificates, beneficiaries, bot JSON -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "This certifies that Þorgerður Hjálmarsdóttir completed the course First Aid.",
        "Hiermit bescheinigt, dass Þorgerður Hjálmarsdóttir erfolgreich teilgenommen hat.",
        "La présente certifie que Þorgerður Hjálmarsdóttir a suivi la formation.",
        "Se certifica que Þorgerður Hjálmarsdóttir ha completado el curso.",
    ],
)
def test_certificate_holder(text: str) -> None:
    assert names(text) == ["Þorgerður Hjálmarsdóttir"]


def test_certificate_of_a_thing_is_left() -> None:
    # wrong way: what is certified is a product, in lower case or common words
    assert names("This certifies that the Boiler meets the standard.") == []


def test_beneficiary_with_a_share() -> None:
    text = "Bezugsberechtigt laut Vertrag 7: Þorgerður Hjálmarsdóttir, 60 %, erreichbar unter 0301"
    assert names(text) == ["Þorgerður Hjálmarsdóttir"]


def test_share_without_a_beneficiary_word_is_left() -> None:
    assert names("Allocation for fund 7: Nordic Growth, 60 %, rebalanced") == []


def test_bot_json_member_for_a_person() -> None:
    text = '{"voucher": "X1", "for": "Þorgerður Hjálmarsdóttir", "user": "Vésteinn Grímsson"}'
    assert names(text) == ["Vésteinn Grímsson", "Þorgerður Hjálmarsdóttir"]


def test_bot_json_login_and_common_words_are_left() -> None:
    # wrong way: a one-word "user" is as often a login ("ops") as a name: left to the handle rules
    text = '{"for": "two nights", "user": "ops", "recipient": "All Staff"}'
    assert names(text) == []


# -- wishes and loving closes --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ('Card: "Happy birthday Þorgerður! Love, Vésteinn"', ["Vésteinn", "Þorgerður"]),
        ("Buon compleanno Þorgerður! Un bacio, Vésteinn", ["Vésteinn", "Þorgerður"]),
        ("Alles Gute zum Geburtstag Þorgerður! Alles Liebe, Vésteinn", ["Vésteinn", "Þorgerður"]),
        ("Feliz cumpleaños Þorgerður! Con cariño, Vésteinn", ["Vésteinn", "Þorgerður"]),
        ("Gefeliciteerd Þorgerður! Liefs, Vésteinn", ["Vésteinn", "Þorgerður"]),
        ("Wszystkiego najlepszego Þorgerður! Buziaki, Vésteinn", ["Vésteinn", "Þorgerður"]),
    ],
)
def test_birthday_wish_and_loving_close(text: str, found: list[str]) -> None:
    assert names(text) == found


@pytest.mark.parametrize("text", ["I love Paris in spring", "We would love Tuesday better"])
def test_love_inside_a_sentence_is_no_close(text: str) -> None:
    assert names(text) == []


# -- where the inference is wrong: more is masked, as docs/MASKING.md says -----------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("status changed from Open to Solved by Night Owls · 3 Feb", ["Night Owls"]),
        (
            "\\begin{letter}{Brightwater Plumbing\\\\ Main St 1}\n\\opening{Hi,}",
            ["Brightwater Plumbing"],
        ),
        ("BCD\n002\n1\nSCT\n\nBrightwater Plumbing\nIS14 0159 2600 7654", ["Brightwater Plumbing"]),
        ("Leases:\n10.0.0.4  iPhone-Bali  expires 09:00", ["Bali"]),
        ("Beneficiary fund: Nordic Growth, 60 %, rebalanced", ["Nordic Growth"]),
    ],
)
def test_wrong_way_masks_a_thing_placed_where_a_person_stands(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_team_of_a_unit_as_actor_is_left() -> None:
    assert names("owner changed from Dumisani Mahlangu to Billing Ops by Billing Ops") == [
        "Dumisani Mahlangu"
    ]


def test_family_names_joined_by_a_conjunction() -> None:
    text = "This certifies that Núria Puig i Vidal completed the course."
    found = names(text)
    assert "Núria Puig i Vidal" in found  # the longest span masks the whole name
    assert all(n in "Núria Puig i Vidal" for n in found)


def test_a_particle_before_a_verb_is_no_part_of_the_name() -> None:
    # wrong way would be "Ana van": a particle the name does not go on after is left
    assert names("This certifies that Ana van completed the course.") == ["Ana"]


def test_one_word_user_in_a_script_without_case_is_a_name() -> None:
    # no login is written in Han characters: the one word is taken
    assert names('{"intent": "reset", "user": "李秀兰"}') == ["李秀兰"]


# -- brand handles ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["write to @Ziggo_Webcare please", "DM @Acme_Kundenservice", "ask @Telco_Helpdesk"]
)
def test_customer_care_handle_is_no_person(text: str) -> None:
    assert names(text) == []


def test_a_person_handle_beside_it_is_still_taken() -> None:
    assert names("cc @Femke_Visser and @Ziggo_Webcare") == ["Femke_Visser"]


def test_wrong_way_a_person_handle_holding_a_care_word_stays() -> None:
    assert names("cc @ana_helpdesk") == []
