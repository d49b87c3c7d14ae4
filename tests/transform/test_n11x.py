"""Names in running text: the person a booking or a parcel is for, people a case note lists,
relatives named in speech, hand-overs, reported speech, greetings and sign-offs in more
languages, Japanese given names in hiragana, names in lower case the lists lack after a
relation cue, and names without capitals before a verb in other letters. Each inferred rule
has a case where it is wrong, both ways, as docs/MASKING.md says."""

from __future__ import annotations

import pytest

from tests.helpers import found_names as names

# --- third parties and case notes ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("I'm booking for Musa Lawal, hotel near the station.", ["Musa Lawal"]),
        ("Invoice should name Saoirse Murphy, office at the harbour.", ["Saoirse Murphy"]),
        ("The parcel is for Fekete Levente, delivery to the back door.", ["Fekete Levente"]),
        ("Can Faisal Javed pick it up tomorrow?", ["Faisal Javed"]),
        ("Ticket closed. Spouse Azlan Mahmud.", ["Azlan Mahmud"]),
        ("Refund sent. Contact person Mousumi.", ["Mousumi"]),
        ("Refund sent. Also on the account: Pryia Vemra", ["Pryia Vemra"]),
        ("I'm writing for my mum, Kateřina Černá.", ["Kateřina Černá"]),
        ("Kateřina will take it from here.", ["Kateřina"]),
        ("Ioana mi-a spus că the fee is waived", ["Ioana"]),
        ("mke wangu Wekesa aliagiza, thanks", ["Wekesa"]),
        ("si Ate Marites ang kukuha, thanks", ["Marites"]),
        ("meri behan Hina ne order kiya", ["Hina"]),
        ("моја супруга Милица је наручила", ["Милица"]),
    ],
)
def test_third_parties_and_case_notes(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_the_auxiliary_opening_a_question_is_no_part_of_the_name() -> None:
    # right: "Can" opens the question, the name follows it
    assert names("Can Faisal Javed pick it up?") == ["Faisal Javed"]
    # wrong: a person called "Will" opening the question loses the word (the name remains)
    assert names("Will Turner will take it from here.") == ["Turner"]


# --- lower case names the lists lack ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Transferring you to my colleague rahul verma. Ticket 123.", ["rahul verma"]),
        ("your agent sunita said it would arrive today", ["sunita"]),
        ("I'm writing for my mum, sisa mamani. thanks", ["sisa mamani"]),
    ],
)
def test_lower_case_names_after_a_relation_cue(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_lower_case_after_a_relation_cue_wrong_both_ways() -> None:
    # right: a phrase that goes on after the cue names no one
    assert names("my husband made the booking, send the invoice") == []
    assert names("my colleague is out today.") == []
    # wrong, missed: a name that runs on into the sentence is not taken
    # ("yohannes" of the given names' list would be found: lists are read in any case)
    assert names("my husband tesfamariam mengistu paid twice for it") == []
    # wrong, masked: a word of no list that ends the phrase is taken for a name
    assert names("please ask your agent tomorrow.") == ["tomorrow"]


# --- sign-offs, greetings and titles in scripts without capitals --------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("call me back.\n\nمع التحية،\nفاطمة صالح", ["فاطمة صالح"]),
        ("ref 12.\n\nبا احترام،\nمریم رحیمی", ["مریم رحیمی"]),
        ("thanks\n\n谢谢！\n张子涵", ["张子涵"]),
        ("x\n\n唔該晒\n張詠詩", ["張詠詩"]),
        ("x\n\nขอแสดงความนับถือ\nณัฐพงศ์ วงศา", ["ณัฐพงศ์ วงศา"]),
        ("x.\n\nধন্যবাদ,\nনুসরাত চৌধুরী", ["নুসরাত চৌধুরী"]),
        ("x\n\n감사합니다.\n한지훈 드림", ["한지훈"]),
        ("เรียน คุณพลอย แซ่ตั้ง your refund is on its way", ["พลอย แซ่ตั้ง"]),
        ("您好，赵伟： the courier confirmed it", ["赵伟"]),
        ("مریم عزیز، thanks for reaching out.", ["مریم"]),
        ("سلام رضا جان، your refund is on its way", ["رضا"]),
        ("سأحولك إلى فاطمة من قسم الفواتير.", ["فاطمة"]),
        ("قال لي عائشة إن it was shipped", ["عائشة"]),
    ],
)
def test_sign_offs_greetings_and_titles(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_the_line_below_a_sign_off_wrong_both_ways() -> None:
    # right: a sentence on the line below a thank-you is no name
    assert names("x\n\n谢谢！\n我想问一下订单") == []
    # wrong, missed: a name of three words on the line below is not taken whole
    assert names("x\n\nشكرا،\nعبد الله محمد صالح") == []
    # wrong, masked: two words of a sentence alone on the line below are taken
    assert names("x\n\nشكرا،\nإلى اللقاء") == ["إلى اللقاء"]


def test_a_word_before_a_title_wrong_both_ways() -> None:
    # right: a noun before "dear" inside a sentence is no name
    assert names("این دوست عزیز من است") == []
    # wrong, masked: a noun opening its line before "dear" is taken for a name
    assert names("دوست عزیز، thanks") == ["دوست"]


# --- Japanese given names in hiragana -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("中村めいさんによると、 the fee is waived", ["中村めい"]),
        ("高橋めいと申します。", ["高橋めい"]),
        ("はじめまして、佐藤さくらです。", ["佐藤さくら"]),
        ("田中めい様 your refund", ["田中めい"]),
    ],
)
def test_japanese_given_names_in_hiragana(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_hiragana_after_a_family_name_wrong_both_ways() -> None:
    # right: a one-character word in kanji before kana and a copula is no name
    assert names("それは高いです") == []
    # wrong, missed: a given name of four hiragana is not taken
    assert names("田中ちひろこです。") == []


# --- names without capitals before a verb in other letters --------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Summary: 建国 gave a new address", ["建国"]),
        ("عمر сказал по телефону, что всё готово", ["عمر"]),
        ("Customer شیرین رحیمی complained re the parcel", ["شیرین رحیمی"]),
    ],
)
def test_names_without_capitals_before_a_verb(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_a_run_before_a_verb_wrong_both_ways() -> None:
    # right: a Chinese run of five characters or more is a phrase, not a name
    assert names("我们已经收到了 complained") == []
    # wrong, masked: a noun in Arabic letters before "complained" is taken for a name
    assert names("الزبون complained about it") == ["الزبون"]


def test_a_role_in_a_case_form_wrong_both_ways() -> None:
    # right: a job title with a case ending after a hand-over cue is no name
    assert names("Przełączam do konsultanta.") == []
    # wrong, missed: a lower-case name spelled like a title and an ending stays in clear
    assert names("I'm booking for agenta smith, thanks") == []


def test_a_capitalised_cue_word_that_is_a_name_is_no_cue() -> None:
    # right: "Spouse" opening a note's sentence is a cue; "Karim" (also Turkish "karım", my
    # wife) is a name, not a cue for the word after it
    assert names("Refund sent. Spouse shirin ✔") == ["shirin"]
    assert names("Ustaz Karim, shukran.") == []
    # wrong, missed: a capitalised relation word that is also a name cues nothing in lower
    # case (a given name of the lists is found by itself: "Karım ayşe aradı.")
    assert names("Karım nevrin aradı.") == []
    assert names("Karım ayşe aradı.") == ["ayşe"]
