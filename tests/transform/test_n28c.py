"""Bank 20 tuning: Pashto, Belarusian and Kyrgyz. Greetings that address a person ("ښاغلی …،",
"Шаноўны …,", "Урматтуу …,"), thanks and closings before a signer's line ("مننه،", "З павагай,",
"Урматтоо менен,"), people of one's own ("زما ورور …", "за маю бабулю …", "Уулум …"), Pashto
"زه" ("I") before a listed name, the languages' common given and family names in script and
Latin letters, and a bracketed reference that is no second spelling of a name. Each rule has
a decoy it must leave and a test where its inference is wrong (docs/MASKING.md, "wrong way")."""

from __future__ import annotations

import pytest

from archiver.transform.detectors import Detectors
from archiver.transform.policy import load_policy

DETECTORS = Detectors(load_policy().detectors)


def names(text: str) -> list[str]:
    return [text[sp.start : sp.end] for sp in DETECTORS.find(text) if sp.kind == "NAME"]


# --- given and family names of the lists, in script and Latin letters ---------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ticket reopened by Siarhei Karatkevich yesterday.", "Siarhei Karatkevich"),  # be
        ("Плацеж адправіла Таццяна Ермаловіч учора.", "Таццяна Ермаловіч"),  # be
        ("Refund approved for Kanykei Tashieva on Monday.", "Kanykei Tashieva"),  # ky
        ("Төлөмдү Азамат Жапаров жиберди.", "Азамат Жапаров"),  # ky
        ("Parcel collected by Mirwais Barakzai at the depot.", "Mirwais Barakzai"),  # ps
        ("Lead: Zarghuna Stanikzai", "Zarghuna Stanikzai"),  # ps
    ],
)
def test_a_listed_given_and_family_name_is_named(text: str, name: str) -> None:
    assert name in names(text)


def test_a_listed_given_name_before_a_lower_case_word_stays() -> None:
    # "Bakyt" is also "happiness": without a family name or a cue after it, no name
    assert names("Бакыт деген сөз бактылуулукту билдирет.") == []


# --- greetings, thanks and closings ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ښاغلی Zalmai، ستاسو کارت بند شو.", "Zalmai"),  # ps, the Arabic comma ends the name
        ("ښاغلی میرویس، ستاسو کارت بند شو.", "میرویس"),  # ps
        ("ستاسو پوښتنه ځواب شوه.\nمننه،\nګلالۍ کاکړ", "ګلالۍ کاکړ"),  # ps, the signer's line
        ("Шаноўная Ларыса, ваш рахунак адкрыты.", "Ларыса"),  # be
        ("Рахунак адкрыты.\nЗ павагай,\nЯўген Станкевіч", "Яўген Станкевіч"),  # be
        ("Урматтуу Мээрим, картаңыз бөгөттөлдү.", "Мээрим"),  # ky
        ("Картаңыз бөгөттөлдү.\nУрматтоо менен,\nТалант Осмонов", "Талант Осмонов"),  # ky
    ],
)
def test_a_greeting_or_closing_names_the_person(text: str, name: str) -> None:
    assert name in names(text)


def test_a_greeting_before_a_lower_case_word_takes_nothing() -> None:
    # "Dear customers, ..." in Belarusian and Kyrgyz: no capital after the greeting
    assert names("Шаноўныя кліенты, сэрвіс не працуе.") == []
    assert names("Урматтуу кардарлар, кызмат иштебей жатат.") == []


# --- people of one's own ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("زما مور زرغونه پوپلزی به راشي.", "زرغونه پوپلزی"),  # ps, "my mother"
        ("Пішу за маю бабулю Ганна Навумчык, яна не можа.", "Ганна Навумчык"),  # be
        ("Кызым Айзада Сатыбалдиева келип алат.", "Айзада Сатыбалдиева"),  # ky, "my daughter"
        ("Uulum Eldiyar Mamytov keledi.", "Eldiyar Mamytov"),  # ky in Latin letters
    ],
)
def test_a_relative_is_named(text: str, name: str) -> None:
    assert name in names(text)


def test_a_relative_cue_before_a_lower_case_word_takes_nothing() -> None:
    # "my son is at school", "my grandma is ill": no capital after the cue
    assert names("Уулум мектепте.") == []
    assert names("Пішу за маю бабулю, яна хварэе.") == []


# --- Pashto "I" -------------------------------------------------------------------------------


def test_pashto_i_before_a_listed_name_is_named_and_is_no_name_itself() -> None:
    text = "سلام، زه شفیق وردګ یم. زما کارت بند کړئ."
    assert "شفیق وردګ" in names(text)
    assert "زه" not in names("سلام، زه Asadullah Wardak یم.")
    assert "Asadullah Wardak" in names("سلام، زه Asadullah Wardak یم.")


def test_pashto_i_before_a_word_that_is_no_listed_name_takes_nothing() -> None:
    # "I want to block my card", "I don't know": the word after "I" is a verb
    assert names("زه غواړم چې خپل کارت بند کړم.") == []
    assert names("زه نه پوهېږم چې ولې.") == []


def test_pashto_i_before_an_unlisted_name_is_the_wrong_way() -> None:
    # wrong way: a name the lists lack after "زه" stays unmasked unless another rule finds it
    assert names("زه بریالی یم.") == []


# --- a bracketed reference is no second spelling ---------------------------------------------


def test_a_bracketed_reference_is_no_other_spelling_of_a_name() -> None:
    text = "Урматтуу Жылдыз, өтүнмөңүз кабыл алынды (REF-0R7S8X)."
    found = names(text)
    assert "Жылдыз" in found
    assert not {"өтүнмөңүз", "кабыл", "алынды", "R", "S", "X"} & set(found)


def test_a_name_spelled_in_two_scripts_is_still_named() -> None:
    found = names("Сяргей Лукашэвіч (Siarhei Lukashevich) тэлефанаваў.")
    assert "Сяргей Лукашэвіч" in found
    assert "Siarhei Lukashevich" in found


def test_a_pashto_relative_cue_before_words_that_are_no_name_is_the_wrong_way() -> None:
    # wrong way: the script has no capitals, so the words after "my brother" are taken
    # when the phrase ends after them ("tell my brother")
    assert names("زما ورور ته ووایه") == ["ته ووایه"]


# --- two listed words in Arabic script apart from a sentence in that script ------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Approver: زرغونه اڅکزی", "زرغونه اڅکزی"),  # ps, a form's label
        ("Identity check passed for میرویس کاکړ. Last login today.", "میرویس کاکړ"),  # ps
        ("Rahmat,\nزلمی ستانکزی", "زلمی ستانکزی"),  # ps under a closing of another language
    ],
)
def test_two_listed_arabic_script_words_apart_from_a_sentence_are_a_name(
    text: str, name: str
) -> None:
    assert name in names(text)


def test_two_listed_words_inside_a_sentence_in_the_script_are_left_to_the_cues() -> None:
    # "Mirwais Kakar came yesterday" in Pashto: the words next to the pair are Pashto, so the
    # pair is no name by this rule, and no cue names it
    assert names("پرون میرویس کاکړ راغی.") == []


def test_two_unlisted_arabic_script_words_in_latin_text_stay() -> None:
    # "block my card", quoted in an English note: the words are no names of the lists
    assert names("Customer wrote: کارت بند. Please check.") == []


def test_two_listed_words_quoted_as_words_are_the_wrong_way() -> None:
    # wrong way: given names that are also words, quoted in an English sentence
    assert names("The poem is called زرغونه ملالۍ in Pashto.") == ["زرغونه ملالۍ"]
