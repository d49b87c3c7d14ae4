"""Bank 15 tuning of names, third round: Arabic names by their structure, cues typed in Latin
letters before a script without capitals, and a message signed by a name as its last words.
Each rule has a decoy of the same shape it must keep, and a case where its inference is wrong
(docs/MASKING.md, "wrong way")."""

from __future__ import annotations

import pytest

from tests.helpers import found_names as names

# --- Arabic names by their structure ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("مرحبا، اسمي سعاد الزهراني وعندي سؤال", "سعاد الزهراني"),  # a nisba in "ي"
        ("مرحبا، اسمي عبد الله العتيبي وعندي سؤال", "عبد الله العتيبي"),  # compound given name
        ("مرحبا، اسمي منى بنت سالم وعندي سؤال", "منى بنت سالم"),  # a lineage link
        ("مرحبا، اسمي أبو بكر القحطاني وعندي سؤال", "أبو بكر القحطاني"),
    ],
)
def test_an_arabic_name_runs_as_far_as_its_structure(text: str, name: str) -> None:
    assert name in names(text)


def test_an_arabic_word_after_a_name_that_is_no_family_name_is_left() -> None:
    # "الآن" ("now"): an al- word too short and not a nisba; the name is one word
    assert names("مرحبا، اسمي سعاد الآن عندي سؤال") == ["سعاد"]


def test_wrong_way_an_adjective_shaped_like_a_nisba_is_taken_with_the_name() -> None:
    # "الثاني" ("the second") ends like a family name: the mask covers a word more
    assert names("مرحبا، اسمي سعاد الثاني عندي سؤال") == ["سعاد الثاني"]


# --- cues typed in Latin letters ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("salam, ukhti سعاد الزهراني 3andha nafs l-mochkil", "سعاد الزهراني"),  # ar: my sister
        ("ahlan, zawji Karim Haddad ghadi ysifat l-wraq", "Karim Haddad"),  # ar: my husband
        ("marhaba سلمى, kifik?", "سلمى"),  # ar greeting
        ("call me back pls, thx Benedek", "Benedek"),  # thanks as texted
    ],
)
def test_cues_typed_in_latin_letters(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Customer نورة العنزي requests a refund", "نورة العنزي"),
        ("Kunde נועה כהן wartet seit Montag", "נועה כהן"),
        ("main अमित yahan se bol raha hoon", "अमित"),
        ("salam, ana فاطمة الدوسري, 3andi mochkil", "فاطمة الدوسري"),
    ],
)
def test_script_cues_open_a_name_in_a_script_without_capitals(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    "text", ["Customer Service will call you back", "Kunde Support hat angerufen"]
)
def test_script_cues_before_capitals_name_no_one(text: str) -> None:
    assert names(text) == []


def test_ana_the_given_name_stays_whole() -> None:
    # "ana" cues only before a script without capitals: "Ana" opening a name is the name
    assert names("Ana Ribeiro, thanks for the call") == ["Ana Ribeiro"]


# --- a message signed by its last words -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Przesyłka nadal nie doszła, numer 55120. Kasia", "Kasia"),  # pl diminutive
        ("Modem yine çalışmıyor! Tunçay", "Tunçay"),  # tr
        ("El pedido no ha llegado. Paco", "Paco"),  # es diminutive
        ("Still waiting for the refund. Pip Oakenshaw", "Pip Oakenshaw"),  # en, full name
        ("Η παραγγελία δεν ήρθε. Σπύρος", "Σπύρος"),  # el
        ("refund kab tak aayega, सुनीता", "सुनीता"),  # hi in Devanagari after a comma
        ("package still missing. - سلمى العنزي", "سلمى العنزي"),  # ar after a dash
    ],
)
def test_a_name_signing_the_message_as_its_last_words(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "The parcel arrived. Thanks",  # a closing
        "We can talk on the call. Monday",  # a word that is no name
        "I bought it in Munich, Germany",  # after a comma in capitals: a place as often
        "The parcel arrived. شكرا",  # thanks in Arabic script
        "وصل الطلب. الحمد لله",  # the sentence before is in the same script
        "Order placed. ASAP",  # capitals
        "The details are in Appendix B. Procedures",  # a letter's dot ends no sentence
    ],
)
def test_last_words_that_are_no_signature_are_left(text: str) -> None:
    assert names(text) == []


def test_wrong_way_a_last_word_the_lists_do_not_know_is_taken_for_a_name() -> None:
    # a place written alone after a sentence reads like a signature: it is masked
    assert names("The parcel went to the depot. Eindhoven") == ["Eindhoven"]


# --- a name between emoji, a signature before emoji -------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("danke 🌷 Wiebke 🌷 du warst super", "Wiebke"),  # de
        ("gracias 🙏 Itziar Goñi 🙏 por todo", "Itziar Goñi"),  # es, two words
        ("شكرا 🌹 سلمى 🌹 على المساعدة", "سلمى"),  # ar
        ("Pakiet nadal nie doszedł. Bożenka 🙏", "Bożenka"),  # pl, signed before an emoji
    ],
)
def test_a_name_between_emoji_or_before_a_closing_emoji(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize("text", ["🎉 Happy birthday 🎉", "⭐ Monday ⭐ deals", "💐 Thanks 💐"])
def test_words_of_the_lists_between_emoji_are_left(text: str) -> None:
    assert names(text) == []


def test_wrong_way_a_place_between_emoji_is_taken_for_a_name() -> None:
    assert names("back from 🌴 Tenerife 🌴 today") == ["Tenerife"]


# --- a surname first in a field of its own, the given name one taken only with a surname -------


def test_a_paired_given_name_after_a_surname_in_a_field_of_its_own() -> None:
    assert "Zachariou Evanthia" in names("Transfer ref: 5521 / Zachariou Evanthia / deposit")


def test_a_paired_given_name_after_a_common_word_in_a_field_is_left() -> None:
    # a word of the lists first ("Garden"): no surname, the field is a description
    assert "Garden Evanthia" not in names("Transfer ref: 5521 / Garden Evanthia / deposit")


# --- a third person named in a clause of their own ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Please ring my partner instead, he's Dorian Quayle.", "Dorian Quayle"),  # en
        ("Your tutor Philippa Cheverton starts on Monday.", "Philippa Cheverton"),  # en
        ("Meine Tochter hilft, sie heißt Wiebke Rautenberg.", "Wiebke Rautenberg"),  # de
        ("Mon fils appelle, il s'appelle Gaëtan Quéméner.", "Gaëtan Quéméner"),  # fr
        ("Mi hija llama, se llama Itziar Goñi.", "Itziar Goñi"),  # es
        ("Mia figlia chiama, si chiama Ornella Squillace.", "Ornella Squillace"),  # it
        ("A minha filha liga, chama-se Iracema Brandão.", "Iracema Brandão"),  # pt
        ("Bel mij terug, of mijn dochter, ze heet Femke Uitdenbogaard.", "Femke Uitdenbogaard"),
        ("Proszę dzwonić do żony, Bożena Szczepańska: 601 200 300", "Bożena Szczepańska"),  # pl
        ("Zavolejte prosím synovi Bohumil Kratochvíl, děkuji", "Bohumil Kratochvíl"),  # cs
        ("Lütfen eşimin adı Gülseren Karakaya olarak yazın", "Gülseren Karakaya"),  # tr
    ],
)
def test_a_third_person_in_a_clause_of_their_own(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    "text", ["He's Brazilian, by the way.", "She is Head of Sales.", "Your tutor Support team"]
)
def test_what_follows_a_third_person_cue_and_is_no_name_is_left(text: str) -> None:
    assert names(text) == []


def test_wrong_way_a_word_the_lists_lack_after_hes_is_taken_for_a_name() -> None:
    assert names("He's Offline.") == ["Offline"]


def test_a_sign_off_slash_glued_to_the_last_name() -> None:
    assert "Gunnel" in names("Appen startar inte alls. /Gunnel")


def test_a_slash_path_at_the_end_is_no_signature() -> None:
    assert names("I saved it in the folder /Archive") == []
