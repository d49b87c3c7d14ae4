"""Chinese, Japanese and Korean names that a frame in Latin letters places where the cue rules
want two characters or more: an airline's ``FAMILY/GIVEN`` with a title, a title before one
family-name character, a ``tel:`` link's label, a dash signing a message, one character as a
form field's value, and the other places of a name so found. Each rule has a case where its
inference is wrong or must not apply (docs/MASKING.md, "Chinese, Japanese and Korean names in
a frame of Latin letters")."""

from __future__ import annotations

import pytest

from tests.helpers import finder_names


def names(text: str) -> list[str]:
    return sorted(set(finder_names(text)))


# -- FAMILY/GIVEN with a title -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("E-TICKET 176-2345\nNAME 王/小明 MR\nFROM PVG TO FRA", ["王", "小明"]),  # zh
        ("Pax: 佐藤/花 MS (seat 14C)", ["佐藤", "花"]),  # ja
        ("탑승객 1: 박/지훈 MSTR\nBag 23kg", ["박", "지훈"]),  # ko
    ],
)
def test_ticket_name_in_cjk_with_a_title(text: str, found: list[str]) -> None:
    assert names(text) == sorted(found)


def test_ticket_form_leaves_a_slash_without_title_or_family_name() -> None:
    assert names("选项：是/否 MR 无") == []  # 是 is no family name
    assert names("价格 100/200 元，王/李 两种") == []  # no title after: a choice, not a ticket


# -- a title before one character --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Dear Mrs 陈,\nthank you for your letter.", ["陈"]),
        ("Termin bei Dr. 黄 am Montag", ["黄"]),
        ("Sehr geehrter Herr 朴, vielen Dank", ["朴"]),
        ("Hello Ms 윤, your parcel is ready", ["윤"]),
    ],
)
def test_title_before_one_family_character(text: str, found: list[str]) -> None:
    assert names(text) == sorted(found)


def test_title_before_a_character_that_is_no_family_name_is_left() -> None:
    assert names("Dear Ms 想, see you") == []  # 想 ("to think") is no family name


def test_title_wrong_way_a_word_that_is_also_a_family_name_is_masked() -> None:
    # "Dr. 金" may be gold on a price list; after a title it is read as Dr Kim
    assert names("Dr. 金 wrote back") == ["金"]


# -- the label of a tel: link -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ('<a href="tel:+8613912345678">ring 晓燕</a>', ["晓燕"]),
        ("<a href='tel:+81312345678'>直樹</a> (mobile)", ["直樹"]),
        ('<a class="c" href="tel:+82212345678">call 민서</a>', ["민서"]),
    ],
)
def test_tel_link_label(text: str, found: list[str]) -> None:
    assert names(text) == sorted(found)


def test_tel_link_label_leaves_a_known_word() -> None:
    assert names('<a href="tel:+8610100000">call 客服</a>') == []


def test_tel_link_wrong_way_a_service_the_lists_lack_is_masked() -> None:
    # a hotline's label ("front desk") that no list knows is taken for the person called
    assert names('<a href="tel:+8610100000">前台</a>') == ["前台"]


# -- a dash signing a message in other letters -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Text me any time on +86 139 1234 5678 — 建华", ["建华"]),
        ("I'll be there at 9. - 翔", ["翔"]),
        ("Send the form to my office mail, thanks — 지우", ["지우"]),
    ],
)
def test_dash_signature_in_cjk_after_latin_text(text: str, found: list[str]) -> None:
    assert names(text) == sorted(found)


def test_dash_signature_leaves_chinese_prose_and_thanks() -> None:
    assert names("我们明天见 — 好") == []  # Chinese before the dash: a word of the sentence
    assert names("See you soon — 谢谢") == []  # "thanks": a known word


def test_dash_signature_wrong_way_a_last_word_is_masked() -> None:
    # a last word after a dash that the lists lack ("— 加油": "go for it") reads as a signature
    assert names("Good luck with the exam — 加油") == ["加油"]


# -- one character as a form field's value ------------------------------------------------------


def test_one_character_after_a_name_field() -> None:
    assert names("Family name: 欧\nGiven name(s): 阳\nDOB 1990-01-01") == sorted(["欧", "阳"])
    assert names("Name: 혁\nRoom 12") == ["혁"]


def test_one_character_after_another_field_is_left() -> None:
    assert names("Gender: 男\nBlood type: 甲\n") == []


# -- the other places of a name found -----------------------------------------------------------


def test_other_places_of_a_cjk_name_found() -> None:
    text = "Hi 慧玲, your card is blocked.\nDone: I unblocked it for 慧玲 just now."
    assert finder_names(text).count("慧玲") == 2


def test_other_places_leave_the_name_inside_a_longer_run() -> None:
    # the same characters inside a run of Chinese are part of another word
    text = "Hi 明华, 明华路 is closed today."
    assert finder_names(text).count("明华") == 1


# -- chat speakers, quotes and mentions ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("[Year 5 class] 秋生: Hello everyone, is the trip on Friday?", ["秋生"]),
        ("> 瑞 wrote: the fix is in staging\nthanks", ["瑞"]),
        ("09:41 은비: running late, start without me", ["은비"]),
        ("Fixed in build 412, cc @宏 and @Tomasz", ["宏", "Tomasz"]),
    ],
)
def test_chat_speaker_quote_and_mention_in_cjk(text: str, found: list[str]) -> None:
    assert names(text) == sorted(found)


def test_chat_forms_leave_addresses_and_chinese_lines() -> None:
    assert names("write to 王@example.cn today") == []  # an address's local part
    assert names("注意: 明天开会") == []  # Chinese after the colon: a label, not a speaker


def test_chat_speaker_wrong_way_a_label_in_a_bracketed_line_is_masked() -> None:
    # a notice's label ("注意", "note") before Latin text reads as who speaks
    assert names("[通知] 注意: Please read the rules") == ["注意"]


# -- a quoted name with an alias in brackets -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # (a name of the policy's own ``given`` list, "Gulnara", counts only before a
        # capitalised word: alone in the brackets it is not taken, docs/MASKING.md)
        ('the card reads "秀梅" (not Ludmila), please fix', ["秀梅", "Ludmila"]),
        ("booked as 「지호」 (formerly Katarzyna) on the list", ["지호", "Katarzyna"]),
        ("Hi 小明 (aka 明明), welcome", ["小明", "明明"]),
    ],
)
def test_quoted_cjk_name_with_an_alias(text: str, found: list[str]) -> None:
    assert names(text) == sorted(found)


def test_quoted_word_before_a_bracket_without_a_name_is_left() -> None:
    assert names('the label says "有机" (not organic)') == []


def test_quoted_alias_wrong_way_a_quoted_term_before_a_name_is_masked() -> None:
    # a product's quoted name corrected to a person's ("不是小王") is read as the person's
    assert names('the order says "红茶" (not Svetlana)') == ["Svetlana", "红茶"]
