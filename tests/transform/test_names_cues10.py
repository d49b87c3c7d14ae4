"""Names after cues in scripts without capitals (Chinese, Cantonese, Japanese, Korean, Arabic,
Persian, Hebrew, Bengali, Amharic, Thai, Hindi) and after cues of more languages written in
Latin or Cyrillic letters. Each inferred rule has a case where it is wrong, both ways, as
docs/MASKING.md says."""

from __future__ import annotations

from importlib.resources import files

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.errors import ConfigError
from archiver.transform.gazetteer import native_names
from archiver.transform.policy import parse_policy
from tests.helpers import found_names as names

# --- Chinese, Cantonese, Japanese, Korean: names written without spaces -------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # Chinese: after the cue, up to punctuation, a space or another script
        ("您好，我叫林小红，订单还没到", ["林小红"]),
        ("我叫王伟 想问一下退款", ["王伟"]),
        ("我是赵丽，上周买的耳机坏了", ["赵丽"]),
        ("我姓欧阳，电话在订单里", ["欧阳"]),
        # ... or, when the characters run on, at a particle or after two given characters
        ("我是李浩然的妈妈，帮他问一下", ["李浩然"]),
        ("我叫王伟想问一下订单", ["王伟"]),
        # Cantonese
        ("唔該，我係陳大文，件貨未到", ["陳大文"]),
        # a title after the name
        ("李婷您好，请问有什么可以帮您？", ["李婷"]),
        ("王先生，您的订单已发货", ["王"]),
        # Japanese: the name ends where the kana do
        ("お世話になっております。佐藤健一と申します。", ["佐藤健一"]),
        ("高橋です、先週問い合わせました", ["高橋"]),
        ("渡辺由美様、お問い合わせありがとうございます。", ["渡辺由美"]),
        ("妻の山田花子が注文しました", ["山田花子"]),
        ("私は中村翔太です。", ["中村翔太"]),
        ("スミスと申します。", ["スミス"]),  # a foreign name in katakana before a quoting cue
        # Korean: the particles after the name are not part of it
        ("안녕하세요, 저는 박서연입니다.", ["박서연"]),
        ("최민준이라고 합니다", ["최민준"]),
        ("윤지우님, 안녕하세요!", ["윤지우"]),
        ("제 이름은 강하은이에요.", ["강하은"]),
        ("남편 임현우가 주문했어요.", ["임현우"]),
        # a name in these scripts after a cue in Latin letters
        ("Hi 小明, thanks for reaching out!", ["小明"]),
        ("my name is 김민준, I ordered", ["김민준"]),
    ],
)
def test_a_name_written_without_spaces_after_or_before_its_cue(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_the_family_name_rule_wrong_both_ways() -> None:
    # Too little: a name that opens with no known family name is not found unless two
    # characters that punctuation closes stand alone after the cue ("小明" running on into the
    # sentence, a Korean name of two syllables).
    assert names("我叫小明订单还没到") == []
    assert names("안녕하세요, 저는 이준입니다") == []
    # Too much: words that open with a family name are masked after a cue ("高" is a family
    # name, "高级会员" a premium member; 石川 a family name and, with 県, a prefecture).
    assert names("我是高级会员，订单呢") == ["高级会"]
    assert names("石川県です") == ["石川県"]


def test_what_the_cues_leave_alone() -> None:
    assert names("我是新用户，想问一下") == []  # "新" opens no family name of the lists
    assert names("お客様、ありがとうございます") == []  # one character before the title
    assert names("고객님, 안녕하세요") == []  # two syllables: no name without a cue
    assert names("安心です") == []  # a copula after a one-character family name
    assert names("저는 이번주에 주문했어요") == []  # a word with a particle after the cue


@settings(max_examples=60, deadline=None)
@given(
    family=st.sampled_from(["王", "李", "张", "刘", "陈", "杨", "黄", "吴", "欧阳", "司马"]),
    given_name=st.sampled_from(["伟", "芳", "秀英", "浩然", "子涵", "建国", "丽", "敏"]),
    cue=st.sampled_from(["我叫", "我是", "你好，我叫", "我的名字是"]),
    after=st.sampled_from(["，", "。", " ", "\n", "!", ", thanks", "的订单", "想问一下"]),
)
def test_a_chinese_name_is_bounded_whatever_follows(
    family: str, given_name: str, cue: str, after: str
) -> None:
    """The name after a cue is the family name and the given name, never more or less,
    whatever follows: punctuation, another script, a particle or a verb."""
    name = family + given_name
    assert names(f"{cue}{name}{after}订单号在邮件里") == [name]


# --- scripts with spaces: one word, or two ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("مرحبا، اسمي خالد العتيبي", ["خالد العتيبي"]),
        ("أنا يوسف، راسلتكم أمس", ["يوسف"]),
        ("زوجي عمر عمل الطلب", ["عمر"]),
        ("سلام، اسم من علی محمدی است", ["علی محمدی"]),
        ("همسرم مهدی سفارش داد", ["مهدی"]),
        ("שלום, שמי דנה כהן, הזמנתי", ["דנה כהן"]),
        ("নমস্কার, আমার নাম রাহুল হোসেন", ["রাহুল হোসেন"]),
        ("আমার ভাই সুমন অর্ডার করেছিল", ["সুমন"]),
        ("ሰላም፣ ስሜ ሙሉጌታ ተስፋዬ ነው", ["ሙሉጌታ ተስፋዬ"]),
        ("ผมชื่อ สมชาย ใจดี ครับ", ["สมชาย ใจดี"]),
        ("ผมชื่อสมชายครับ", ["สมชาย"]),  # glued in Thai: the closing word comes off
        ("สามีของฉัน สุดารัตน์ เป็นคนสั่ง", ["สุดารัตน์"]),
        ("मेरा नाम राहुल शर्मा है", ["राहुल शर्मा"]),
    ],
)
def test_a_name_in_a_script_with_spaces_after_its_cue(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_the_one_or_two_words_rule_wrong_both_ways() -> None:
    # Too much: a second word that is no name is taken when the phrase ends after it
    # ("شكرا" is "thanks"); a closing cue's word is taken when punctuation follows
    # ("بخير", "fine").
    assert names("اسمي أحمد شكرا.") == ["أحمد شكرا"]
    assert names("أنا بخير، شكرا") == ["بخير"]
    # Too little: a third word of a name is left in clear.
    assert names("আমার নাম রাহুল কুমার দাস, অর্ডার") == ["রাহুল কুমার"]


def test_a_pronoun_without_a_closing_phrase_names_no_one() -> None:
    assert names("أنا أريد إلغاء الطلب") == []  # "I want to cancel the order"
    assert names("আমি অর্ডার বাতিল করতে চাই") == []


# --- more languages in Latin and Cyrillic letters ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Moi, olen Ilmatar Pöyhönen.", ["Ilmatar Pöyhönen"]),
        ("Asiaa hoitaa nyt kollegani Mikko laskutuksesta.", ["Mikko"]),
        ("Prepájam vás na kolegu, volá sa Radoslava.", ["Radoslava"]),
        ("Bundan sonra Tuğrul ilgilenecek.", ["Tuğrul"]),
        ("Merhaba, ben Oguz – I was charged twice", ["Oguz"]),
        ("Xin chào, tên tôi là Trần Văn Nam.", ["Trần Văn Nam"]),
        ("Selamat pagi Puan Wardina,", ["Wardina"]),
        ("Переключаю вас на специалиста, Дмитрий поможет дальше.", ["Дмитрий"]),
        ("колежката ми Радостина Димитрова ще вземе пратката", ["Радостина Димитрова"]),
        (
            "Laba diena, mano vardas Austėja Urbonienė – nuskaičiavo du kartus",
            ["Austėja Urbonienė"],
        ),
        ("ni hao, wo jiao Zhou Wei 被扣了两次钱", ["Zhou Wei"]),
        ("Ahora le atiende Ainhoa.", ["Ainhoa"]),
        ("Søren overtager nu.", ["Søren"]),
    ],
)
def test_a_name_after_a_cue_of_more_languages(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_a_closing_cue_before_a_lower_case_word_wrong_both_ways() -> None:
    # Too little: a lower-case given name after a closing cue counts only when the phrase
    # ends after it.
    assert names("saya ada mesej semalam") == []
    assert "siti" not in names("saya siti semalam saya ada mesej")
    # Too much: a capitalised word after a closing cue and before punctuation is taken
    # ("Bagus" is "good").
    assert names("saya Bagus, semalam") == ["Bagus"]


def test_the_phrase_end_at_a_dash_or_another_script_wrong_both_ways() -> None:
    assert names("Merhaba, ben Tuğrul – I was charged twice") == ["Tuğrul"]
    # Too much: a capitalised word that is no name after a closing cue is masked when a
    # spaced dash or another script follows it.
    assert names("this is Critical – please read") == ["Critical"]
    assert names("I'm Tired 累了") == ["Tired"]
    # Too little: a double hyphen typed for a dash does not end the phrase.
    assert names("Merhaba, ben Tuğrul -- I was charged twice") == []


def test_a_name_joined_to_its_prefix_by_a_hyphen() -> None:
    assert names("ngingu-Thandiwe Mkhize, bengibhale izolo.") == ["Thandiwe Mkhize"]
    assert names("umyeni wami u-Sifiso nguye owa-oda.") == ["Sifiso"]


def test_the_hyphen_prefix_rule_wrong_both_ways() -> None:
    # Too much: a word after the prefix written in lower case is masked ("u-Boot", a
    # submarine, typed in lower case).
    assert names("we visited the u-Boot museum") == ["Boot"]
    # Too little: the prefix opening a sentence with its capital is not read ("U-Sifiso").
    assert names("U-Sifiso uthe uzongishayela") == []
    assert names("Jean-Luc Picard") == ["Jean-Luc Picard"]  # a double name is no prefix


# --- the lists ----------------------------------------------------------------------------------


def test_native_names_give_family_names_and_names_without_capitals() -> None:
    family, native = native_names(("zh_CN", "ja_JP", "ko_KR", "ar_AA"))
    assert {"王", "欧阳", "司马", "田中", "佐々木", "김"} <= family
    assert "那" not in family  # a family name that is an everyday word ("that")
    assert "أحمد" in native
    assert not {"Wang", "wang", "Tanaka"} & (family | native)  # Latin forms are elsewhere


def test_an_unknown_native_locale_is_a_clear_error() -> None:
    data = files("archiver.policies").joinpath("default.yaml").read_bytes()
    broken = data.replace(b"native_locales: [zh_CN,", b"native_locales: [xx_XX, zh_CN,")
    assert broken != data
    with pytest.raises(ConfigError, match=r"native_locales\[0\].*xx_XX"):
        parse_policy(broken, name="broken.yaml")
