"""Bank 16 tuning of names: a booking's name list masked over the slash, and the further
rules of this round. Each rule has a decoy of the same shape it must keep, and a case where
its inference is wrong (docs/MASKING.md, "wrong way")."""

from __future__ import annotations

import pytest

from tests.helpers import found_names as names

# --- a reservation's name list: SURNAME/GIVEN one mask ------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Is this right?\n 1.1 HALVORSEN/INGRID MRS\n 2  SK4711 Y 03APR OSL CPH HK1",
            "HALVORSEN/INGRID",
        ),
        ("PNR:\n  1.1 KOWALCZYK/PIOTR MR\n  2.1 KOWALCZYK/ANNA MRS", "KOWALCZYK/PIOTR"),
        ("PNR:\n  1.1 KOWALCZYK/PIOTR MR\n  2.1 KOWALCZYK/ANNA MRS", "KOWALCZYK/ANNA"),
        ("M1 DUBOIS/CAMILLE     EABC123 CDGNCEAF 7700", "DUBOIS/CAMILLE"),
    ],
)
def test_a_ticket_name_is_masked_with_its_slash(text: str, name: str) -> None:
    assert name in names(text)


def test_capitals_around_a_slash_in_a_booking_without_a_name_stay() -> None:
    assert names(" 1.1 HK1/HX SEG\n 2  LH947 Y 28MAR IST/AMS HK1") == []


def test_wrong_way_a_product_pair_shaped_like_a_ticket_name_is_masked_whole() -> None:
    # "MAX" is a first name of the lists and "TURBO" no common word: taken for a traveller
    assert names("order TURBO/MAX MR spare parts") == ["TURBO/MAX"]


# --- relatives named after the word for them, in scripts without capitals and in Hungarian ----


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("مادرم، نرگس احمدی، نمی‌تواند وارد حساب شود.", "نرگس احمدی"),  # fa
        ("از طرف پسرم، کیان رضایی، درخواست دارم.", "کیان رضایی"),  # fa
        ("父の「山田太郎」の口座について質問です。", "山田太郎"),  # ja, quoted
        ("祖母の田中花子の予約を変更したいです。", "田中花子"),  # ja
        ("어머니 김영희 명의로 가입했어요.", "김영희"),  # ko
        ("아버지 박민수 카드로 결제했습니다.", "박민수"),  # ko
        ("A lányom, Kovács Réka is használja a fiókot.", "Kovács Réka"),  # hu, family first
        ("Az édesapám Szabó Gábor nevére szól a számla.", "Szabó Gábor"),  # hu
        ("Tumawag po ang lola ko, si Perla Santos.", "Perla Santos"),  # tl
    ],
)
def test_a_relative_named_after_the_word_for_them_is_masked(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "母の日のギフトを注文しました。",  # Mother's Day: no quote, no name after 母の
        "母の「誕生日」に届けたいです。",  # a quoted common word
        "어머니 생신 선물을 주문했어요.",  # "mother's birthday present"
        "Para po ito sa nanay ko, salamat po.",  # no "si" after the relative
    ],
)
def test_a_relative_word_without_a_name_after_it_leaves_the_text(text: str) -> None:
    assert names(text) == []


def test_wrong_way_words_after_a_relative_that_are_no_name_are_masked() -> None:
    # "از طرف پدرم، پیام می‌دهم" ("on behalf of my father, I write"): the words the cue
    # reaches are taken as the father's name, as after the cues before
    assert names("از طرف پدرم، پیام می‌دهم.") == ["پیام می\u200cدهم"]


# --- thanks before a sign-off on the next line, in more languages ----------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Все працює, дякую!\nОксана", "Оксана"),  # uk
        ("Спасибо!\nАндрей", "Андрей"),  # ru
        ("Nimepokea pesa, asante sana!\nNeema", "Neema"),  # sw
        ("Maraming salamat po!\nJoy", "Joy"),  # tl
        ("مشکل حل شد، با سپاس\nمهسا", "مهسا"),  # fa
        ("הכל עובד, בברכה\nשירה", "שירה"),  # he
        ("確認しました。よろしくお願いします。\n鈴木花子", "鈴木花子"),  # ja
        ("확인했습니다. 고맙습니다\n이서연", "이서연"),  # ko
    ],
)
def test_a_name_under_thanks_in_more_languages_is_masked(text: str, name: str) -> None:
    assert name in names(text)


def test_thanks_a_lot_in_hebrew_is_no_name() -> None:
    # "תודה רבה" is one closing: "רבה" ("a lot") is no longer taken for a name
    assert names("תודה רבה!\nנועה") == ["נועה"]


def test_wrong_way_words_after_thanks_in_a_script_without_capitals_are_masked() -> None:
    # "با تشکر از شما" ("thanking you"): the words the closing reaches are taken for a name
    assert names("با تشکر از شما") == ["از شما"]


# --- the verb of a link's call to act before "here" ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Not you? Reset here: https://id.example/r/8f3a",
        "Wrong address? Click here: https://shop.example/fix",
        "No more mails? Unsubscribe here: https://news.example/u",
        "Nicht Sie? Klicken Sie hier: https://bank.example/x",
    ],
)
def test_a_verb_before_here_is_no_name(text: str) -> None:
    assert names(text) == []


def test_a_name_before_here_is_still_masked() -> None:
    assert names("Hi, Tamsin Blackwood here, about my order") == ["Tamsin Blackwood"]


def test_wrong_way_a_person_called_like_a_listed_verb_is_left_before_here() -> None:
    # "Pay" is a listed verb: a person so named signing "Pay here" stays in clear
    assert names("Pay here, calling about the refund") == []


# --- a MECARD's name field ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("badge QR: MECARD:N:Lindqvist,Sofia;TEL:+46701234567;;", "Lindqvist"),
        ("badge QR: MECARD:N:Lindqvist,Sofia;TEL:+46701234567;;", "Sofia"),
        ("scanned MECARD:TEL:+48601234567;N:Wiśniewska,Ola;EMAIL:o@w.example;;", "Wiśniewska"),
        ("MECARD:N:سلطانی,مهسا;TEL:+989121234567;;", "سلطانی"),
    ],
)
def test_a_mecard_name_field_is_masked_family_and_given(text: str, name: str) -> None:
    assert name in names(text)


def test_a_mecard_without_a_person_and_an_n_field_outside_one_stay() -> None:
    assert names("MECARD:N:Acme Support;TEL:+4532140767;;") == []
    assert names("Phase N:Alpha,Beta rollout") == []


def test_wrong_way_a_company_in_a_mecard_name_field_is_masked() -> None:
    # MECARD has no field for an organisation's own card: what N holds is taken for a person
    assert names("MECARD:N:Globex,Harbor;TEL:+15551234567;;") == ["Globex", "Harbor"]
