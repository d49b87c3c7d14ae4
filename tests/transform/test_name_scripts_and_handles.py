"""Names in Greek and Cyrillic letters and their Latin spellings, case forms of names, @-mentions,
chat-log speakers, possessives, lower-case third parties opening a sentence, and the places
that are also given names. Each inferred rule has a case where it is wrong, both ways, as
docs/MASKING.md says."""

from __future__ import annotations

import pytest

from archiver.transform.gazetteer import romanised
from tests.helpers import found_names as names

# --- Greek and Cyrillic letters -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("the booking is under Юлія Ткаченко", ["Юлія Ткаченко"]),
        ("passport says Николай Иванов", ["Николай Иванов"]),
        ("passport says Νίκος Μακρής", ["Νίκος Μακρής"]),
        # a Latin spelling of the national standard, not the letter-by-letter one
        ("name on the ticket: Mykola Lysenko", ["Mykola Lysenko"]),
        ("the booking is under Despina Papadopoulou", ["Despina Papadopoulou"]),
    ],
)
def test_a_name_in_its_own_script_or_a_usual_latin_spelling(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_latin_spellings_follow_the_national_conventions() -> None:
    assert {"mykola", "mikola"} <= romanised("Микола")
    assert {"serhiy", "sergii"} <= romanised("Сергій")
    assert {"papadopoulou", "despoina", "despina"} & romanised("Παπαδοπούλου") == {"papadopoulou"}
    assert {"despoina", "despina"} <= romanised("Δέσποινα")
    assert romanised("Ayşe") == set()  # Latin letters: not this table's


def test_the_script_rule_wrong_both_ways() -> None:
    # Too much: a word that is also a given name is masked where it means something else
    # ("Вера" is "faith").
    assert names("Вера в успех") == ["Вера"]
    # Too little: a name in a script of neither (Georgian) stays in clear.
    assert names("passport says გიორგი ბერიძე") == []


# --- case forms ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Dzwoniłam wczoraj do pana Kowalskiego, ale nie odebrał.", ["Kowalskiego"]),
        ("Psala jsem paní Procházkové včera.", ["Procházkové"]),
        ("Némethnek már elküldtem a számlát.", ["Némethnek"]),
        ("Передайте Тарасу, будь ласка, що все гаразд.", ["Тарасу"]),
        ("Передайте Ірині, будь ласка.", ["Ірині"]),
        ("Передайте, пожалуйста, Анастасии, что заказ готов.", ["Анастасии"]),
        ("Το κινητό της Σοφίας δεν απαντά.", ["Σοφίας"]),
        ("Το κινητό του Δημήτρη δεν απαντά.", ["Δημήτρη"]),
        ("Ich schreibe wegen Florians Bestellung.", ["Florians"]),
    ],
)
def test_a_case_form_of_a_known_name(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_the_case_form_rule_wrong_both_ways() -> None:
    # Too much: a town's case form that reads as a surname's ("в Иванове": in Ivanovo; the
    # surname Иванова) is masked.
    assert names("Я живу в Иванове") == ["Иванове"]
    # Too little: a surname that is also a word of its language (Svoboda, "freedom") stays in
    # clear in its case forms too.
    assert names("Volal jsem panu Svobodovi kvůli faktuře.") == []


# --- @-mentions ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("cc @linh.dang can you check order no. #932203", ["linh.dang"]),
        ("ping @quang.le pls look at invoice RE-2025/3102", ["quang.le"]),
        ("@kaveh_esfahani bitte prüfen: order no. 27 121 630 24", ["kaveh_esfahani"]),
        ("thanks @maria.gonzalez92 for the quick fix", ["maria.gonzalez92"]),
    ],
)
def test_an_at_mention_of_a_person(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_an_address_or_a_team_handle_is_no_mention() -> None:
    assert names("write to ana.lima@example.com") == []
    assert names("please ask @support_team") == []


def test_the_mention_rule_wrong_both_ways() -> None:
    # Too much: a shop's handle with a given name in it is masked.
    assert names("@rosa_bakery has new bread") == ["rosa_bakery"]
    # Too little: a handle of one lower-case word the lists lack, neither opening the line
    # nor after a word that addresses someone, stays in clear (one of two or three such
    # words, "@zqx.vrb", reads as first.last and is masked).
    assert names("thanks to @myat for the fix") == []


# --- chat logs ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("[09:26] Ana Lima: any news?\n[09:27] Merve: one sec", ["Ana Lima", "Merve"]),
        ("Merve (09:27): one sec", ["Merve"]),
        ("2024-05-01 10:42 - Xochitl: checking now", ["Xochitl"]),
    ],
)
def test_a_chat_log_speaker(text: str, found: list[str]) -> None:
    assert sorted(names(text)) == sorted(found)


def test_the_chat_speaker_rule_wrong_both_ways() -> None:
    # Too much: a bot's or a queue's name in capitals words is masked as a speaker.
    assert names("[10:42] Night Owl: restarted") == ["Night Owl"]
    # Too little: a speaker typed in lower case, and a listed non-name, stay in clear.
    assert names("[10:42] xochitl: restarted") == []
    assert names("[10:42] Support: ok") == []


# --- possessives --------------------------------------------------------------------------------


def test_an_english_possessive_of_a_paired_given_name() -> None:
    assert names("Nneka's phone died, so I'm writing for her.") == ["Nneka's"]
    assert names("Raluca’s phone died") == ["Raluca’s"]


def test_the_possessive_rule_wrong_both_ways() -> None:
    # Too much: a browser named like a person (a given name of the paired lists) is masked.
    assert names("Safari's cache is full") == ["Safari's"]
    # Too little: a given name the lists lack stays in clear.
    assert names("Xochitl's phone died") == []


# --- lower case ---------------------------------------------------------------------------------


def test_a_lower_case_name_and_surname_opening_a_sentence() -> None:
    assert names("noah edwards said order #297180 went back") == ["noah edwards"]
    assert names("ok. chloé girard mówił, że numer już wyszło") == ["chloé girard"]
    assert names("ayer hablé con felix, nada de seguimiento") == ["felix"]


def test_the_lower_case_pair_rule_wrong_both_ways() -> None:
    # Too much: a bar named after a person opening a sentence is masked.
    assert names("emma stone bar opens at 9") == ["emma stone"]
    # Too little: the same pair inside a sentence, with no cue, stays in clear.
    assert names("the parcel for noah edwards came") == []
    assert names("Halo Kak, ada yang bisa dibantu?") == []


# --- places and titles --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I'm in Regina this week.",
        "from Sofia originally",
        "wir fahren nach Alexandria",
        "Charlotte store was closed.",
        "Adelaide branch said no.",
        "şu an Adelaide'dayım.",
    ],
)
def test_a_place_that_is_also_a_given_name(text: str) -> None:
    assert names(text) == []


def test_the_place_rule_wrong_both_ways() -> None:
    # Too little: a person after "from" with no cue stays in clear.
    assert names("a parcel from Regina came") == []
    # Too much: a place with no place word near it is still taken for a name.
    assert names("Charlotte is lovely in spring") == ["Charlotte"]
    # A cue still finds the name where a place could stand.
    assert names("I spoke to Regina in Adelaide") == ["Regina"]


def test_a_title_after_a_greeting_is_no_name() -> None:
    assert names("Dear Ms. Hansen,") == ["Hansen"]
    assert names("Dear Dr. Şimşek,\ngift card") == ["Şimşek"]


# --- not_alone names with a surname, copy labels, what a person did ------------------------------


def test_a_not_alone_given_name_before_a_known_surname() -> None:
    assert names("Madison Wright from the warehouse called me") == ["Madison Wright"]
    assert names("--\nPilar Gutierrez\nKierownik zmiany | Acme\nM: 0051 941993755") == [
        "Pilar Gutierrez"
    ]


def test_the_not_alone_surname_rule_wrong_both_ways() -> None:
    # Too much: a place named after a person, its second word a surname, is masked.
    assert names("Lincoln Ward is closed") == ["Lincoln Ward"]
    # Too little: with a word after it that is no surname of the lists it stays in clear.
    assert names("Madison Square Garden") == []
    # A listed brand phrase, and a particle between, are no given name and surname.
    assert names("Mercedes Benz dealer said the part is on backorder.") == []
    line = "Giuseppe Colombo\nCTO | Van der Linden Bouw B.V.\nM: +351 (21) 950-9962"
    assert names(line) == ["Giuseppe Colombo"]


def test_copy_labels_of_more_languages_list_people() -> None:
    text = "Alguma novidade?\n\nkopia: Inês Fernandes; Rafael Pereira"
    assert names(text) == ["Inês Fernandes", "Rafael Pereira"]


def test_what_a_named_person_did_on_the_phone() -> None:
    assert names("Zuzanna hung up on me. Please call +47 24-72 31 18") == ["Zuzanna"]
    assert names("Phuong from customer care speaking, how can I help?") == ["Phuong"]


def test_the_phone_verb_rule_wrong_both_ways() -> None:
    # Too much: a company before such a phrase is masked.
    assert names("Globex hung up on me") == ["Globex"]
    # Too little: a phrasing the lists lack leaves a name the lists lack in clear.
    assert names("Zuzanna put the phone down") == []
