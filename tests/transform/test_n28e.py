"""Bank 20 tuning of phones: six-digit national numbers (Faroe Islands, Greenland, Andorra…)
read where the text names such a region or after a phone cue, Belarusian numbers with the old
trunk "8" (parsed "0|80?"), the call cues of Burmese and Belarusian and "contacto", and a
number in brackets right after a name. Each rule has a decoy it must keep and a case where its
inference is wrong (docs/MASKING.md, "wrong way")."""

from __future__ import annotations

import pytest

from archiver.transform.detectors import Detectors, known_values
from archiver.transform.policy import load_policy

DETECTORS = Detectors(load_policy().detectors)


def phones(text: str) -> list[str]:
    return [text[sp.start : sp.end] for sp in DETECTORS.find(text) if sp.kind == "PHONE"]


def phone_values(text: str) -> list[str]:
    return [sp.value for sp in DETECTORS.find(text) if sp.kind == "PHONE"]


# --- six digits in groups ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Ring til mín á tlf. 31 45 67 í morgin.", "31 45 67"),  # fo, a cue
        ("Phone: 32 18 40 (after five)", "32 18 40"),  # a cue, no region named
        ("Bára Joensen, 31 45 67, bara.joensen@olivant.fo", "31 45 67"),  # .fo names FO
        ("Aka Lynge, 32 18 40, aka.lynge@greennet.gl", "32 18 40"),  # .gl names GL
        ("I can text you on 52 66 10 later", "52 66 10"),  # texting cue
    ],
)
def test_six_digits_in_groups_after_a_cue_or_in_a_named_short_region(text: str, phone: str) -> None:
    assert phones(text) == [phone]


def test_six_digits_take_their_short_region() -> None:
    assert phone_values("Bára Joensen, 31 45 67, bara.joensen@olivant.fo") == ["+298314567"]


@pytest.mark.parametrize(
    "text",
    [
        "Order 31 45 67 shipped today.",  # no cue, no region
        "Hans Weber, 31 45 67, hans.weber@web.de",  # DE is no six-digit region
        "Tlf. 314567",  # written whole: a code as often
        "Tel. 01 45 67",  # a trunk 0 and five digits
        "Invoice no. 31 45 67 is paid.",  # an invoice's number
        "Meeting 21 02 26 at 10:00",  # no cue: a date as often
    ],
)
def test_six_digits_without_cue_or_short_region_stay(text: str) -> None:
    assert phones(text) == []


def test_wrong_way_a_six_digit_code_after_a_cue_is_masked() -> None:
    # "call" makes the code a phone when a short region takes it (docs/MASKING.md)
    assert phones("Please call 31 45 67 to reach the desk") == ["31 45 67"]


# --- Belarus: the old trunk "8" ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Іван Петрушэвіч, 8 029 612-34-56, ivan.p@mail.by", "8 029 612-34-56"),  # .by
        ("Мой тэлефон 8 017 245-67-89, дзякуй", "8 017 245-67-89"),  # be cue
        ("Please call back on 8 0162 41-22-33.", "8 0162 41-22-33"),  # a cue, any region
    ],
)
def test_belarusian_numbers_with_the_old_trunk_eight(text: str, phone: str) -> None:
    assert phones(text) == [phone]
    assert phone_values(text)[0].startswith("+375")


def test_a_belarusian_trunk_eight_without_cue_or_region_stays() -> None:
    assert phones("Parcel 8 029 612-34-56 left the depot") == []


# --- Burmese and "contacto" cues ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("ကျေးဇူးပြု၍ ဖုန်း 01 280 415 ကို ဆက်ပါ။", "01 280 415"),  # my
        ("Contacto: 21 345 6789, obrigada", "21 345 6789"),  # pt
        ("Por favor, contacto 912 345 678 hasta las 18h", "912 345 678"),  # es
    ],
)
def test_burmese_and_contacto_cues(text: str, phone: str) -> None:
    assert phones(text) == [phone]


def test_a_number_after_no_burmese_cue_stays() -> None:
    assert phones("ကျေးဇူးပြု၍ 01 280 415 ကို ပို့ပါ။") == []


# --- a number in brackets after a name ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Rota: 8-10 Marta Nowak (12 345 67 89); 10-12 Piotr Lis", "12 345 67 89"),  # pl
        ("Guests: João Baptista Costa (21 345 6789), Rui Sá", "21 345 6789"),  # pt
        ("Host: Ганна Лукашэвіч (8 029 612-34-56)", "8 029 612-34-56"),  # be
    ],
)
def test_a_number_in_brackets_after_a_name(text: str, phone: str) -> None:
    assert phones(text) == [phone]


@pytest.mark.parametrize(
    "text",
    [
        "Parcel (12 345 67 89) arrived",  # one word
        "the total (12 345 67 89) is due",  # no capitals
        "Marta Nowak (12 345 67 89 units) left",  # more after the number
    ],
)
def test_a_bracketed_number_without_a_name_stays(text: str) -> None:
    assert phones(text) == []


def test_wrong_way_a_capitalised_place_before_brackets_reads_as_a_name() -> None:
    assert phones("Main Office (12 345 67 89)") == ["12 345 67 89"]


# --- known values: a unit after a count, a note in the name field, a reference code ---------


def known_names(text: str, *values: str) -> list[str]:
    known = known_values(
        [("name", v) for v in values],
        min_length=DETECTORS.settings.known_min_length,
        regions=DETECTORS.settings.phone_regions,
        misspelt_min_length=DETECTORS.settings.known_misspelt_min_length,
    )
    return [text[sp.start : sp.end] for sp in DETECTORS.find(text, known) if sp.kind == "NAME"]


def test_a_short_known_part_in_lowercase_after_a_count_is_a_unit() -> None:
    assert known_names("The code is valid 10 min, thanks", "min aung") == []
    assert known_names("Ask for Min at the desk", "min aung") == ["Min"]  # still the name


def test_wrong_way_a_lowercase_name_after_a_number_stays() -> None:
    # a part typed alone in lowercase right after a number reads as a unit (docs/MASKING.md)
    assert known_names("table for 4 min, booked", "min aung") == []
    assert known_names("table 4 min aung booked", "min aung") == ["min aung"]  # the whole name


def test_words_of_a_note_in_the_name_field_are_no_name_parts() -> None:
    text = "Please check the form, Olena Marchuk"
    assert known_names(text, "olena marchuk please check") == ["Olena Marchuk"]
    # a name field of note words only is searched for as written
    assert known_names("please check", "please check") == ["please check"]


def test_a_misspelt_name_inside_a_reference_code_stays() -> None:
    assert known_names("Your request (REF-OKAZOR) is open", "chidi okafor") == []
    assert known_names("Mr OKAZOR called", "chidi okafor") == ["OKAZOR"]  # a misspelling


def test_wrong_way_a_misspelt_surname_glued_to_a_capital_prefix_stays() -> None:
    assert known_names("Booked by DR-OKAFRO today", "chidi okafor") == []
    assert known_names("Filed under DR-OKAFRO today", "chidi okafor") == []
    assert known_names("Filed under DR-OKAFOR today", "chidi okafor") == ["OKAFOR"]


def test_wrong_way_a_name_that_is_a_note_word_is_found_by_its_other_part() -> None:
    assert known_names("Ann Check called; Check was out", "ann check") == ["Ann Check"]
