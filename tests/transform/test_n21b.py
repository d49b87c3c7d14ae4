"""Bank 17 tuning of Thai names: a family name after a cued given name when a clause follows it,
and a message signed after its polite particle. Each rule has a decoy it must keep and a case
where its inference is wrong (docs/MASKING.md, "wrong way")."""

from __future__ import annotations

import pytest

from archiver.transform.detectors import Detectors
from archiver.transform.policy import load_policy

DETECTORS = Detectors(load_policy().detectors)


def names(text: str) -> list[str]:
    return [text[sp.start : sp.end] for sp in DETECTORS.find(text) if sp.kind == "NAME"]


# --- a Thai family name before a clause ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ดิฉันชื่อ มาลี ศรีสวัสดิ์ ต้องการยกเลิกบริการ", "มาลี ศรีสวัสดิ์"),  # intro, "need to"
        ("ผมชื่อ ประเสริฐ รุ่งเรือง จะโอนเงินพรุ่งนี้", "ประเสริฐ รุ่งเรือง"),  # intro, "will"
        ("พ่อของผม ประยุทธ บุญมา ไม่ได้รับพัสดุ", "ประยุทธ บุญมา"),  # relative, "not"
        ("คุณพ่อ สมบัติ ใจงาม ขอเปลี่ยนที่อยู่", "สมบัติ ใจงาม"),  # relative, "ask to"
    ],
)
def test_a_thai_family_name_before_a_clause_joins_the_given_name(text: str, name: str) -> None:
    assert names(text) == [name]


def test_a_clause_right_after_the_given_name_is_no_family_name() -> None:
    # decoy: the run after the given name opens a clause itself ("want to ask")
    assert names("ฉันชื่อ สมศรี อยากสอบถาม เรื่องบิล") == ["สมศรี"]


def test_a_run_before_no_clause_word_is_left_out() -> None:
    # decoy: "บ้านอยู่ที่" ("home is at") then a place: no clause word after the second run
    assert names("ฉันชื่อ สมศรี บ้านอยู่ที่ เชียงใหม่") == ["สมศรี"]


def test_wrong_way_a_description_before_a_clause_is_taken_for_a_family_name() -> None:
    # "an old customer" opens no clause the list knows and a clause follows: masked too
    assert names("ฉันชื่อ สมศรี ลูกค้าเก่า อยากสอบถาม") == ["สมศรี ลูกค้าเก่า"]


# --- a Thai message signed after its polite particle --------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ได้รับเรื่องแล้วค่ะ หมายเลข 8812 ค่ะ วันเพ็ญ สุขใจ", "วันเพ็ญ สุขใจ"),
        ("ดำเนินการเรียบร้อยครับ สุรชัย เพชรรัตน์", "สุรชัย เพชรรัตน์"),
        ("ตรวจสอบแล้วครับ Somsak Rattanakul", "Somsak Rattanakul"),
        ("คืนเงินแล้วค่ะ Jintana", "Jintana"),
    ],
)
def test_a_name_after_the_last_polite_particle_signs_the_message(text: str, name: str) -> None:
    assert names(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "รอสักครู่นะคะ ขอบคุณค่ะ ขอบคุณ ที่ใช้บริการ",  # thanks for using the service
        "ได้ครับ ทีมงาน บริการลูกค้า",  # the customer-service team
        "ได้ครับ Thank You",  # English thanks
        "ส่งแล้วค่ะ พรุ่งนี้",  # one Thai run: "tomorrow"
        "ได้ค่ะ สมศรี ใจดี แล้วพบกันค่ะ",  # the particle is not the last words' mark
    ],
)
def test_no_name_after_the_particle_when_the_words_are_no_signature(text: str) -> None:
    assert names(text) == []


def test_wrong_way_a_given_name_opening_like_a_clause_word_is_missed() -> None:
    # "มานพ" begins with "มา" ("come"): the signature is read as a clause and left
    assert names("ได้รับเรื่องแล้วครับ มานพ ศรีวงศ์") == []


def test_wrong_way_two_thai_words_of_a_place_after_the_particle_are_masked() -> None:
    assert names("ส่งของไปแล้วค่ะ สยาม พารากอน") == ["สยาม พารากอน"]


# --- a bank statement's payee column ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "12.03.2026  TRANSFER  ROSALIND HARGREAVE    GB29 NWBK 6016 1331 9268 19   -45.00",
            "ROSALIND HARGREAVE",
        ),
        (
            "02.05.2026  ÜBERWEISUNG  Jens Oberhauser   DE12 5001 0517 0648 4898 90   -80,00",
            "Jens Oberhauser",
        ),
        (
            "2026-01-09  VIREMENT  CAMILLE DUBERNET   FR14 2004 1010 0505 0001 3M02 606   +120,00",
            "CAMILLE DUBERNET",
        ),
        ("09/01/2026  BONIFICO  LUCA FERRANTE    -1.200,00 €", "LUCA FERRANTE"),
        (
            "09.01.2026  PRZELEW  ANNA WIŚNIEWSKA   PL61 1090 1014 0000 0712 1981 2874   -300,00",
            "ANNA WIŚNIEWSKA",
        ),
    ],
)
def test_the_payee_column_after_a_transfer_word_is_a_name(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    "text",
    [
        # words of the lists: an own account, a standing order
        "12.03.2026  TRANSFER  OWN ACCOUNT    GB29 NWBK 6016 1331 9268 19   -45.00",
        # one space only: prose, no column
        "The TRANSFER to ROSALIND HARGREAVE GB29 NWBK 6016 1331 9268 19 failed",
        # no account or amount column after the words
        "12.03.2026  TRANSFER  PENDING REVIEW",
    ],
)
def test_no_payee_where_the_line_is_no_statement_column(text: str) -> None:
    assert names(text) == []


def test_wrong_way_a_firm_in_the_payee_column_is_masked_as_a_name() -> None:
    text = "12.03.2026  TRANSFER  KOVALENKO BROTHERS    GB29 NWBK 6016 1331 9268 19   -45.00"
    assert names(text) == ["KOVALENKO BROTHERS"]


# --- the person asked at a line's start before "please" -----------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Abernathy, please send us a photo of the meter.", "Abernathy"),  # en
        ("Okonkwo, bitte schicken Sie uns die Rechnung.", "Okonkwo"),  # de
        ("Villeneuve, veuillez vérifier votre adresse.", "Villeneuve"),  # fr
        ("Sandoval, por favor confirme su fecha de nacimiento.", "Sandoval"),  # es
        ("Brambilla, per favore controlli la fattura.", "Brambilla"),  # it
        ("Zielińska, proszę podać numer zamówienia.", "Zielińska"),  # pl
        ("Ok, thanks.\nYıldırım, lütfen adresinizi doğrulayın.", "Yıldırım"),  # tr, second line
    ],
)
def test_a_capitalised_word_before_please_is_the_person_asked(text: str, name: str) -> None:
    assert names(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Thanks, please wait a moment.",  # a closing
        "Meanwhile, please restart the router.",  # a sentence adverb the lists lack
        "Tomorrow, please call again after nine.",
        "Support, please help me with the invoice.",  # a word of the lists
        "Yes, please send it again.",
    ],
)
def test_no_name_before_please_when_the_word_is_no_person(text: str) -> None:
    assert names(text) == []


def test_wrong_way_a_firm_asked_before_please_is_masked() -> None:
    assert names("Brightwell, please fix my line.") == ["Brightwell"]
