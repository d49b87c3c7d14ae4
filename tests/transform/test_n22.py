"""Names beside a greeting in Chinese, before it with a comma ("李娜，您好") or after it with a
space ("您好 张伟"), and the cases where that inference is wrong (docs/MASKING.md)."""

from __future__ import annotations

import pytest

from tests.helpers import found_names as names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("李娜，您好，您的订单已发货。", "李娜"),
        ("诸葛明轩，你好！退款已经到账。", "诸葛明轩"),
        ("订单已发货。\n周杰，您好，请查收。", "周杰"),
        ("您好 张伟，请确认收货地址。", "张伟"),
        ('{"reply": "您好 司徒静", "order": "A-1"}', "司徒静"),
        ("你好，黄丽，欢迎回来。", "黄丽"),
    ],
)
def test_a_chinese_name_beside_a_greeting(text: str, name: str) -> None:
    assert names(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "谢谢，您好",  # 谢 is a family name, 谢谢 a cue: "thanks"
        "好的，您好，收到。",  # "okay": no family name opens it
        "您好，请问有什么可以帮您？",  # a sentence after the greeting
        "我已经告诉王芳，您好",  # a longer run of characters: a sentence, not a name alone
    ],
)
def test_no_name_beside_a_greeting(text: str) -> None:
    assert names(text) == []


def test_the_greeting_rule_wrong_way() -> None:
    # Too much: a noun opening with a family name's character ("gold card user") is masked.
    assert names("您好 金卡 用户") == ["金卡"]


# --- a Persian self-introduction: "من … هستم" ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("سلام، من بهرام کرمانی هستم و سوالی دارم.", "بهرام کرمانی"),
        ("من کامران کرمانی هستم.", "کامران کرمانی"),
        ("درود.\nمن آرش کرمانی هستم", "آرش کرمانی"),
    ],
)
def test_a_persian_self_introduction_with_a_known_family_name(text: str, name: str) -> None:
    assert names(text) == [name]


def test_no_self_introduction_without_a_known_name() -> None:
    # "I am an old customer": neither word is a name of the lists.
    assert names("من مشتری قدیمی هستم") == []


def test_the_pronoun_must_open_the_clause() -> None:
    # "من" inside a sentence ("yesterday I …"): only the known family name is taken.
    assert names("دیروز من بهرام کرمانی هستم") == ["کرمانی"]


def test_the_self_introduction_rule_wrong_way() -> None:
    # Too much: "a customer from Kerman" (کرمانی is also a family name) masks "customer" too.
    assert names("من مشتری کرمانی هستم") == ["مشتری کرمانی"]


# --- a Korean copula written apart from the name ("김도윤 입니다") -------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("안녕하세요, 최서준 입니다. 배송 문의드립니다.", "최서준"),
        ("안녕하십니까, 정유나 이에요", "정유나"),
        ("반갑습니다, 강태호 입니다", "강태호"),
    ],
)
def test_a_korean_name_before_a_spaced_copula(text: str, name: str) -> None:
    assert names(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "신청서 입니다.",  # "it is the application form": no greeting before it
        "이것은 신청서 입니다.",  # a sentence, not a self-introduction
        "안녕하세요, 문의 입니다.",  # two syllables: no name of the family-name shape
    ],
)
def test_no_korean_name_before_a_spaced_copula(text: str) -> None:
    assert names(text) == []


def test_the_spaced_copula_rule_wrong_way() -> None:
    # Too much: a noun of three syllables opening with a family name's syllable after a
    # greeting ("hello, it is the application form": 신 is a family name) is masked.
    assert names("안녕하세요, 신청서 입니다.") == ["신청서"]


# --- record words before a name in a script without capitals ------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Callback requested by 周晓明 at 14:00.", "周晓明"),
        ("Rückruf gewünscht von 이서진, bitte heute.", "이서진"),
        ("Rappel demandé par ساره کریمی demain.", "ساره کریمی"),
        ("There is a reservation under 林美玲 for two.", "林美玲"),
        ("Summary: 한지민 asked for a new card.", "한지민"),
        ("Resumen: 黄晓东 pidió un reembolso.", "黄晓东"),
    ],
)
def test_a_record_word_before_a_name_of_another_script(text: str, name: str) -> None:
    assert names(text) == [name]


def test_record_words_before_capitals_stay_words() -> None:
    # Before a capitalised word the cue is a word of the sentence: only the lists decide.
    assert names("Summary: Refund approved by Finance.") == []


def test_the_record_word_rule_wrong_way() -> None:
    # Too much: a shop written in Chinese after "by" ("sold by JD") is masked as a name.
    assert names("Sold by 京东 official store") == ["京东"]
