"""Names in prose and in more scripts: Armenian read as capitalised words, Georgian as a script
without capitals, staff, colleagues and helpers named by their job in more languages, a
Chinese given name alone after a cue or ended before the next word, a Korean name in apposition
to a job word, a family name after a listed given name after a job title, and the English job
titles that precede a person read from the policy. Each rule has a case it takes and a case
where its inference is wrong or must not apply (docs/MASKING.md, "Names in prose and more
scripts")."""

from __future__ import annotations

from dataclasses import replace

import pytest

from archiver.transform.names import NameFinder
from archiver.transform.policy import load_policy

_NAMES = load_policy().detectors.names
assert _NAMES is not None
FINDER = NameFinder(_NAMES)


def names(text: str, finder: NameFinder = FINDER) -> list[str]:
    return [text[a:b] for a, b, *_ in finder.find(text)]


# -- Armenian ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("օպերատոր Տիգրան Մկրտչյան-ը շատ կոպիտ էր", ["Տիգրան Մկրտչյան"]),
        ("Բարև ձեզ, իմ անունը Արամ Պետրոսյան է։", ["Արամ Պետրոսյան"]),
        ("Հարգանքով՝\nԼուսինե Սարգսյան", ["Լուսինե Սարգսյան"]),
        ("Շնորհակալություն, Անի", ["Անի"]),
        ("Նարինե from the support team here 👋", ["Նարինե"]),
        ("Հարգելի Աննա-Մարիա Պետրոսյան,", ["Աննա-Մարիա Պետրոսյան"]),
    ],
)
def test_armenian_names_are_read_as_capitalised_words(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_armenian_wrong_both_ways() -> None:
    assert names("Երևանում ենք արդեն") == []  # a capitalised word with no cue: a place
    assert names("Հարգելի Հաճախորդ,") == []  # "Dear Customer": a listed non-name
    # Too much: any other capitalised word after a greeting is taken ("Dear Colleagues").
    assert names("Հարգելի Գործընկերներ,") == ["Գործընկերներ"]


# -- Georgian ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("ოპერატორი დავით ბერიძე ძალიან უხეში იყო", ["დავით ბერიძე"]),
        ("გამარჯობა, მე ვარ ლევან გელაშვილი.", ["ლევან გელაშვილი"]),
        ("პატივისცემით,\nთამარ ლომიძე", ["თამარ ლომიძე"]),
        ("მადლობა, ნინო", ["ნინო"]),
        ("Agent ნინო was super helpful, thanks!", ["ნინო"]),
    ],
)
def test_georgian_is_read_as_a_script_without_capitals(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_georgian_greetings_take_only_listed_first_words() -> None:
    assert names("გამარჯობა, ირაკლი!") == ["ირაკლი"]  # a given name of the lists
    assert names("გამარჯობა, როგორ ხარ?") == []  # "hello, how are you?"
    assert names("მადლობა დიდი!") == []  # "thanks a lot!"
    # Too little: a given name the lists lack after a greeting is missed.
    assert names("მადლობა, ზურიკო") == []


# -- staff, colleagues and helpers by their job -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("nhân viên Trần Thị Lan rất thô lỗ", ["Trần Thị Lan"]),
        ("ejen Izzati binti Osman sangat biadap", ["Izzati binti Osman"]),
        ("el agente Pilar de la Fuente fue muy grosero conmigo", ["Pilar de la Fuente"]),
        ("operátor Tomáš Horáková byl nepříjemný", ["Tomáš Horáková"]),
        ("Tóth Erzsébet ügyintéző nagyon udvariatlan volt", ["Tóth Erzsébet"]),
        ("La passo alla mia collega Fra.", ["Fra"]),
        ("Siirrän sinut kollegalleni: Sirpa.", ["Sirpa"]),
        ("Nakuunganisha na mwenzangu Kamau.", ["Kamau"]),
        ("Called Mikhail Morozova re: renewal. Her manager Tharindu to approve.",
         ["Mikhail Morozova", "Tharindu"]),
        ("Spoke to I. Torres re: renewal. Colleague Amit to approve.", ["Amit", "Torres"]),
        ("Cust X. Assistant שירה פרץ to approve.", ["שירה פרץ"]),
        ("Σας μεταφέρω στη συνάδελφό μου Γιώργος.", ["Γιώργος"]),
        ("I-transfer ko po kayo kay Arnel.", ["Arnel"]),
        ("Cust 杨伟 re: renewal.", ["杨伟"]),
        ("5 stars for Dinusha 🌟", ["Dinusha"]),
        ("Kateřina Novák hat mir nicht geholfen. Bitte ruft mich an", ["Kateřina Novák"]),
    ],
)  # fmt: skip
def test_people_named_by_their_job_or_what_they_did(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_job_cues_wrong_both_ways() -> None:
    # A job title after the job word is no person: "Assistant Manager", "Colleague feedback".
    assert names("Assistant Manager will call you back") == []
    assert names("Colleague feedback form attached") == []
    assert names("Cust Service Team will call") == []  # a team after the job word
    assert names("5 stars for Zalando, fast delivery") == []  # a listed brand
    # Too much: whatever other capitalised word follows the cue is taken, a shop among them.
    assert names("Kudos to Decathlon for the refund") == ["Decathlon"]


# -- Chinese given names ----------------------------------------------------------------------


def test_a_chinese_given_name_alone_after_a_cue_or_before_the_next_word() -> None:
    assert names("我帮您转接给同事子涵。") == ["子涵"]
    assert names("客服张静态度很差") == ["张静"]
    # Two characters a particle, a verb or "很"/"不" opens are no name.
    assert names("我同事很忙。") == []
    assert names("我同事说了。") == []
    # Too little: a given name running on into the sentence has nothing to bound it.
    assert names("我帮您转接给同事子涵处理") == []


# -- Korean apposition ------------------------------------------------------------------------


def test_a_korean_name_in_apposition_to_a_job_word() -> None:
    assert names("상담원 강서연 너무 불친절했어요") == ["강서연"]
    assert names("저는 이번주에 주문했어요") == []  # after a particle: a sentence
    # Too much: a word of three syllables a family name's syllable opens is taken ("strange").
    assert names("직원 이상한 말을 했어요") == ["이상한"]


# -- a family name after a listed given name, after a job title ---------------------------------


def test_staff_are_named_in_full_after_a_job_title() -> None:
    assert names("کارشناس زهرا حسینی خیلی بی\u200cادب بود") == ["زهرا حسینی"]
    assert names("الموظف أحمد حداد كان غير مهذب") == ["أحمد حداد"]
    assert names("Her manager أحمد العتيبي to approve") == ["أحمد العتيبي"]
    # Not after a relative: "my husband Omar placed the order" keeps the verb in clear.
    assert names("زوجي عمر عمل الطلب") == ["عمر"]
    # Too much: a verb after a staff member's given name alone goes with it ("… Ahmed said").
    assert names("الموظف أحمد قال لي") == ["أحمد قال"]


# -- English leading job titles come from the policy ----------------------------------------


def test_leading_job_titles_are_read_from_the_policy() -> None:
    assert _NAMES is not None
    assert "agent" in _NAMES.leading_roles and "agent" in _NAMES.roles
    # (a given name no list holds: a listed one is found wherever it stands)
    assert names("Agent Zorvika was helpful") == ["Zorvika"]
    # Without the policy's list, "Agent" reads like a title of another language: its own word.
    plain = NameFinder(replace(_NAMES, leading_roles=frozenset()))
    assert names("Agent Zorvika was helpful", plain) == []
