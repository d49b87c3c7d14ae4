"""Cards and phones by how they are written: a card after "#" and an unlisted word, the
12-15-digit lengths only Maestro issues, table cells split at tabs, the trunk "(0)" of an
international number, lists of numbers under a heading that names them, national forms that
are no person's line (voicemail, pager, UAN), and nine digits beside an IBAN that pass the ABA
checksum. Each inferred rule has a case where the inference is wrong, as docs/MASKING.md says."""

from __future__ import annotations

import pytest

from archiver.transform.detectors import Detectors, aba_ok, luhn_ok
from archiver.transform.policy import load_policy

DETECTORS = Detectors(load_policy().detectors)


def found(text: str) -> list[tuple[str, str]]:
    return [(sp.kind, text[sp.start : sp.end]) for sp in DETECTORS.find(text)]


def covered(text: str, value: str, kind: str) -> bool:
    """Every character of ``value``'s first occurrence is inside a detection of ``kind``."""
    a = text.index(value)
    spans = [(sp.start, sp.end) for sp in DETECTORS.find(text) if sp.kind == kind]
    return all(any(s <= i < e for s, e in spans) for i in range(a, a + len(value)))


def untouched(text: str, value: str) -> bool:
    a = text.index(value)
    return all(sp.end <= a or sp.start >= a + len(value) for sp in DETECTORS.find(text))


# --- cards after "#" ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "cc# 3499  242656  02764 lol",  # Amex 4-6-5 with doubled spaces
        "cc# 9792-9283-9032-3678, charged 565.000 VND",  # Troy
        "cc#6500275039971514855",  # Verve 19
        "CC # 3026 118445 8554 pls",  # Diners 14
        "Karte# 4990695848304011",
        "#4990695848304011 was declined",
    ],
)
def test_a_card_after_hash_and_a_word_that_is_no_label_is_a_card(text: str) -> None:
    number = text.split("#", 1)[1].strip().split(",")[0].split(" was")[0]
    number = number.removesuffix(" lol").removesuffix(" pls").strip()
    assert covered(text, number, "CARD"), found(text)


def test_a_card_shaped_number_after_a_label_and_hash_stays() -> None:
    # the label names it: an order number that happens to pass Luhn is no card
    for text in (
        "order #4990695848304011",
        "Bestellung #4990695848304011",
        "ticket# 3499 242656 02764",
    ):
        assert found(text) == [], text


def test_hash_rule_wrong_way_a_reference_after_an_unlisted_word_is_masked_as_a_card() -> None:
    # The inference is wrong here: "Bestätigung" (a confirmation) is no label in the lists, so
    # a Luhn-valid number of a card's prefix and length after it is masked as a card.
    assert luhn_ok("4990695848304011")
    assert found("Bestätigung# 4990695848304011") == [("CARD", "4990695848304011")]


def test_hash_still_labels_a_phone_shaped_number() -> None:
    # the phone side of the "#" rule is unchanged: "#" numbers something
    assert found("asked about #0521757") == []


# --- 12 to 15 digits: Maestro's ranges only ----------------------------------------------------


def test_a_twelve_digit_parcel_number_starting_68_is_no_card() -> None:
    assert luhn_ok("689441177151")
    text = "Order #5763317 ships Monday via 689441177151. Total: CHF 304.–."
    assert all(kind != "CARD" for kind, _ in found(text)), found(text)


def test_a_twelve_digit_maestro_card_is_a_card() -> None:
    assert luhn_ok("675962046610")
    assert found("Maestro 675962046610 please") == [("CARD", "675962046610")]


def test_maestro_rule_wrong_way_a_parcel_number_in_maestro_range_is_masked() -> None:
    # The inference is wrong here: a 12-digit tracking number that starts 6759 and passes Luhn
    # reads as a Maestro card.
    assert found("ships via 675962046610 tomorrow") == [("CARD", "675962046610")]


# --- table cells split at tabs -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "phone"),
    [
        ("Lei\tGuo\t+381601260619\t295-8423837-6886178", "+381601260619"),
        ("Mustafa\tKara\t+966512396373\t576-3729358-1794643", "+966512396373"),
        ("Sanna\tMäkinen\t041 2324437\t429-9556281-8105976", "041 2324437"),
        ("由美\t井上\t03-1231-9249\t106-9868818-9878502", "03-1231-9249"),
    ],
)
def test_a_phone_in_a_tab_separated_row_is_masked_and_the_next_cell_is_not(
    row: str, phone: str
) -> None:
    text = f"here's the list you asked for:\nfirst\tlast\tphone\torder\n{row}\n"
    assert covered(text, phone, "PHONE"), found(text)
    order = row.rsplit("\t", 1)[1]
    assert all(order not in value for _, value in found(text)), found(text)


# --- the trunk "(0)" of an international number ------------------------------------------------


@pytest.mark.parametrize(
    "number", ["+57 (0) 321 1285 496", "+44 (0) 20 7946 0958", "+90 (0) 532 123 45 67"]
)
def test_an_international_number_with_a_trunk_zero_in_brackets_is_masked_whole(
    number: str,
) -> None:
    text = f"from {number} today"  # no cue: the number alone
    assert covered(text, number, "PHONE"), found(text)


# --- lists of numbers under a heading ----------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "phone"),
    [
        (["- Team Phoenix: +353 85 012 8234", "- Returns Desk: 34 46 79 22"], "34 46 79 22"),
        (["Tier-2 Support: 12 343 98 99", "- Billing Squad: +43 1 234500969"], "12 343 98 99"),
        (["Team Phoenix: +351.912.373.226", "Night Shift: 200 120 1487"], "200 120 1487"),
        (["Night Shift: +234 (0) 802 122 1898", "- Returns Desk: 221221190"], "221221190"),
    ],
)
def test_a_national_number_in_a_list_headed_by_a_phone_cue_is_masked(
    lines: list[str], phone: str
) -> None:
    text = "numbers for the team:\n" + "\n".join(lines) + "\n"
    assert covered(text, phone, "PHONE"), found(text)


def test_a_list_under_a_heading_that_names_orders_is_not_read_as_phones() -> None:
    text = "order numbers for the team:\n- Team Orion: 34467922\n- Night Shift: 32102560\n"
    assert found(text) == []


def test_list_rule_wrong_way_a_count_in_a_list_of_numbers_is_masked() -> None:
    # The inference is wrong here: a head count listed with the team's phones is read as a
    # Danish number because the heading names numbers.
    text = "numbers for the team:\n- Night Shift: +45 32 10 25 60\n- Headcount: 32102561\n"
    assert covered(text, "32102561", "PHONE"), found(text)


# --- national forms that are no person's line --------------------------------------------------


@pytest.mark.parametrize("tracking", ["322172673460", "351670178149", "382242073976"])
def test_a_twelve_digit_tracking_number_is_not_read_as_an_italian_voicemail_number(
    tracking: str,
) -> None:
    text = f"Order ORD-2026-80233 ships Pazar via {tracking}. Total: 775 TL."
    assert found(text) == []


def test_the_same_digits_with_a_country_code_are_a_phone() -> None:
    # written with +39 the number is possible for Italy: masked (a country code is evidence)
    assert covered("ring +39 322172673460", "+39 322172673460", "PHONE")


# --- nine digits beside an IBAN ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "routing"),
    [
        ("please refund to GB25ITRG76679481279892 (052682272) lol", "052682272"),
        ("rimborso su rs07 6377 3700 7940 8428 03 (358735810)", "358735810"),
        ("reembolso para MT53 KVCS 3153 89V5 CXYO 0078 ZOFP LHV (328709960)", "328709960"),
    ],
)
def test_an_aba_number_beside_an_iban_is_no_phone(text: str, routing: str) -> None:
    assert aba_ok(routing)
    assert untouched(text, routing), found(text)
    assert any(kind == "IBAN" for kind, _ in found(text))


def test_beside_an_iban_a_number_failing_the_checksum_is_still_read() -> None:
    assert not aba_ok("686012905")
    text = "refund to GB25ITRG76679481279892 (686012905)"
    assert covered(text, "686012905", "PHONE"), found(text)


def test_beside_an_iban_a_phone_cue_keeps_a_phone() -> None:
    assert aba_ok("686012904")
    text = "refund to GB25ITRG76679481279892, call me 686012904"
    assert covered(text, "686012904", "PHONE"), found(text)


def test_iban_line_rule_wrong_way_a_phone_that_passes_aba_beside_an_iban_is_left() -> None:
    # The inference is wrong here: a Spanish mobile written whole beside an IBAN, without a
    # cue, that passes the ABA checksum (one in ten do) is taken for a routing number.
    assert aba_ok("686012904")
    text = "refund to GB25ITRG76679481279892 (686012904)"
    assert untouched(text, "686012904"), found(text)
    # on a line of its own it is a phone
    assert covered("refund to GB25ITRG76679481279892\n686012904", "686012904", "PHONE")
