"""Bank 17 tuning of phones: numbers between the full-width punctuation of Chinese, Japanese and
Korean text, the cues of those languages found inside a run of letters, and a number followed
by such letters. Each rule has a decoy it must keep and a case where its inference is wrong
(docs/MASKING.md, "wrong way")."""

from __future__ import annotations

import pytest

from archiver.transform.detectors import Detectors
from archiver.transform.policy import load_policy

DETECTORS = Detectors(load_policy().detectors)


def found(text: str) -> list[tuple[str, str]]:
    return [(sp.kind, text[sp.start : sp.end]) for sp in DETECTORS.find(text) if sp.kind != "NAME"]


def phones(text: str) -> list[str]:
    return [v for k, v in found(text) if k == "PHONE"]


# --- an e-mail address starts after full-width punctuation --------------------------------------


@pytest.mark.parametrize(
    ("text", "phone", "email"),
    [
        (
            "请回电 +86 139 1234 5678，或者发邮件：wei.li@example.cn",
            "+86 139 1234 5678",
            "wei.li@example.cn",
        ),
        ("電話 +81 90-2345-6789、メール：taro@example.jp", "+81 90-2345-6789", "taro@example.jp"),
        ("전화 +82 10-2345-6789；이메일：minsu@example.kr", "+82 10-2345-6789", "minsu@example.kr"),
    ],
)
def test_an_address_after_full_width_punctuation_leaves_the_number_before_it(
    text: str, phone: str, email: str
) -> None:
    assert found(text) == [("PHONE", phone), ("EMAIL", email)]


def test_an_address_in_full_width_brackets_is_the_address_alone() -> None:
    assert found("请联系我们（support7@example.cn）") == [("EMAIL", "support7@example.cn")]


def test_an_address_with_han_letters_in_its_local_part_keeps_them() -> None:
    # RFC 6531: letters of any script; only the punctuation ends the local part
    assert found("邮件：王小明@例子.中国") == [("EMAIL", "王小明@例子.中国")]


# --- cues inside a run of letters ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("我的联系电话是：139 2468 1357。", "139 2468 1357"),  # zh, national mobile
        ("我的手机号码：021 6234 5678，谢谢", "021 6234 5678"),  # zh, Shanghai fixed line
        ("加我微信：139 2468 1357（同手机）", "139 2468 1357"),  # zh, WeChat
        ("我的手機號碼：0912 345 678。", "0912 345 678"),  # zh-Hant, Taiwan mobile
        ("携帯電話番号は090-2345-6789です。", "090-2345-6789"),  # ja, glued before and after
        ("連絡先：03-3456-7890（平日のみ）", "03-3456-7890"),  # ja, Tokyo fixed line
        ("제 휴대폰 번호는 010-2345-6789입니다.", "010-2345-6789"),  # ko
        ("연락처：02-345-6789，감사합니다", "02-345-6789"),  # ko, Seoul fixed line
    ],
)
def test_a_cue_inside_a_run_of_cjk_letters_reads_a_national_number(text: str, phone: str) -> None:
    assert phones(text) == [phone]


@pytest.mark.parametrize(
    "text",
    [
        "订单号：139 2468 1357，请查收",  # an order number: no cue
        "电话费用已经扣了很多次，订单139 2468 1357",  # the cue far inside its run
    ],
)
def test_without_a_cue_at_the_end_of_a_run_a_national_number_stays(text: str) -> None:
    assert phones(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "我的手机号：日期2024-06-01，金额1,299.00元",  # a date and an amount after a cue
        "电话：订单号20240601，共3件",  # an order number too short for a phone
        "携帯電話：2024年6月1日に購入、価格12,800円",
    ],
)
def test_dates_amounts_and_short_numbers_after_a_cjk_cue_stay(text: str) -> None:
    assert phones(text) == []


def test_wrong_way_a_cue_in_an_earlier_run_reads_an_order_number_as_a_phone() -> None:
    # "打过电话" ("called") ends in a cue and is among the last words before the number: the
    # order number, a valid Chinese mobile, is masked
    assert phones("我打过电话，订单号是139 2468 1357") == ["139 2468 1357"]


# --- a number followed by letters of a script written without spaces ----------------------------


def test_a_number_followed_by_han_letters_is_read_with_its_country_code() -> None:
    assert phones("请打+86 139 2468 1357找我") == ["+86 139 2468 1357"]


def test_a_number_inside_a_latin_word_is_still_no_number() -> None:
    assert phones("ref 139246813570abc") == []


def test_wrong_way_a_product_code_glued_to_han_letters_is_read_as_a_phone() -> None:
    # "型号" ("model") is no cue, but the code is a valid number with its country code
    assert phones("型号+861392468135型") == ["+861392468135"]


# --- full-width digits ------------------------------------------------------------------------


def test_full_width_digits_after_a_cue_are_read_where_the_matcher_reads_them() -> None:
    assert phones("携帯電話番号は０９０ ２３４５ ６７８９です") == ["０９０ ２３４５ ６７８９"]
