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
