"""Family names known by their Russian ending and the peoples writing Cyrillic who bear them
(docs/MASKING.md, "Family names by their Russian ending: Tuvan, Altai, Khakas, Dagestani,
Ingush and Karachay-Balkar people"): a capitalised word beside such a family name, a family
name before a comma and a given name, Tuvan and Altai family names of the lists; the Tuvan
greeting no name; towns and brands so ended are masked."""

from __future__ import annotations

import pytest

from tests.helpers import finder_names, found_names


def names(text: str) -> list[str]:
    return sorted(set(finder_names(text)))


# -- a family name by its ending beside a capitalised word ---------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Plumber: Заур Мусаев, tel. 8 928 000", ["Заур Мусаев"]),
        ("The keys are with Мадина Алиева now.", ["Мадина Алиева"]),
        ("Reviewed by Timur Abakarov", ["Timur Abakarov"]),
        # the Russian formal order, the family name first
        ("Заказ принял Мусаев Заур.", ["Мусаев Заур"]),
        # the palochka and the letters these alphabets add are letters of the word
        ("Дежурный: МагӀомед Евлоев", ["МагӀомед Евлоев"]),
        ("Дежурный: Хьамзат Ӏалиев", ["Хьамзат Ӏалиев"]),
        ("Дежурный: Ҥалан Ӱстюнов", ["Ҥалан Ӱстюнов"]),
    ],
)
def test_family_name_by_its_ending(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_ending_wrong_way_a_town_is_masked() -> None:
    # Wrong way: a town or a brand ending as a family name does, beside a capitalised word
    # the common-word lists lack (they hold no Russian words), is masked as a person.
    assert names("Маршрут: Сергиев Посад") == ["Сергиев Посад"]
    # ... and so is a Russian genitive after a noun the policy does not list ("Проезд", a
    # street word it lacks): "Gagarin's passage" reads as a woman "Гагарина"
    assert names("Адрес: Проезд Гагарина, 5") == ["Проезд Гагарина"]


def test_ending_wrong_way_a_verb_opening_the_sentence() -> None:
    # Wrong way: a Russian verb opening a sentence before the family name reads as its given
    # name and is masked with it.
    assert names("Звонил Иванов вчера.") == ["Звонил Иванов"]


def test_ending_wrong_way_latin_in_is_missed() -> None:
    # Wrong way: the Latin "-in" is no ending read ("Martin", "Berlin"), so a romanised
    # family name in "-in" beside an unlisted given name stays unmasked.
    assert names("Tenor: Tamerlan Tokin") == []


def test_ending_common_words_stay() -> None:
    # a common word before the family name is no given name: nothing is masked
    assert names("Book a room at Hotel Romanov") == []
    assert names("Shipped to Tambov on Monday") == []
    # in Latin letters the word after the family name is a thing, never its given name
    assert names("the road to the Sakharov Prize") == []
    assert names("Kirov Ballet tickets") == []
    # Russian nouns a family name in the genitive follows are no given names
    assert names("Премия Сахарова вручена") == []
    assert names("Музей Пушкина закрыт") == []
    # a street named after a person, before its abbreviated street word
    assert names("ADR;TYPE=home:;;Salavat Yulaev St 12;;;;") == []


# -- a family name, a comma, a given name ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Крестная: ГАДЖИЕВА, Мадина, 2024-03-01", ["ГАДЖИЕВА", "Мадина"]),
        ("Абакаров, Тимур\t+7 928 111 22 33\tSun", ["Абакаров", "Тимур"]),
        # a Tuvan family name of the lists (no Russian ending), in Cyrillic or in capitals
        ("ОНДАР, Шолбан", ["ОНДАР", "Шолбан"]),
        ("1. MONGUSH, Aidys  +7 912 000", ["Aidys", "MONGUSH"]),
    ],
)
def test_family_comma_given(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_comma_wrong_way_a_town_and_its_country() -> None:
    # Wrong way: a town ending as a family name does, before a comma and its country, is
    # read as a family name and a given name: both are masked.
    assert names("Ростов, Россия") == ["Россия", "Ростов"]


def test_comma_wrong_way_capitalised_latin_family_missed() -> None:
    # Wrong way: a capitalised Latin word before a comma counts only by its ending, so a
    # listed Tuvan family name so written is left, with its given name.
    assert names("Volunteer: Tokin, Tamerlan\t+7 9") == []


# -- names and greetings of the policy -----------------------------------------------------------


def test_tuvan_greeting_is_no_name() -> None:
    assert found_names("Экии! Мээң адым Айдыс Монгуш.") == ["Айдыс Монгуш"]


def test_given_name_alone() -> None:
    assert names("* Шолбан uploaded the file") == ["Шолбан"]


def test_given_names_that_are_words_need_a_family_name() -> None:
    # Indonesian "kalimat" (a sentence) opening a sentence, a sultanate: no names
    assert names("Kalimat ini salah.") == []
    assert names("Das Sultanat Oman ist schön.") == []
    assert names("Чечек Ондар") == ["Чечек Ондар"]
