"""Names in Ge'ez letters (Tigre and Muslim Eritrean names, which the lists now hold) and the
family names of Abkhazia and Adygea: Abkhaz ones read by their "-ба" ending beside a given
name, the others and given names of both peoples listed (docs/MASKING.md, "Tigre names in
Ge'ez, Abkhaz and Adyghe names")."""

from __future__ import annotations

import pytest

from tests.helpers import default_detectors, finder_names


def names(text: str) -> list[str]:
    return sorted(set(finder_names(text)))


def masked(text: str) -> dict[str, str]:
    return {text[sp.start : sp.end]: sp.kind for sp in default_detectors().find(text)}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a "Family, Given" row in Ge'ez letters, among rows in Latin letters
        ("Register — Grade 4\nNur, Idris: here\nዑመር, ዓይሻ: absent", ["ዑመር", "ዓይሻ"]),
        # Ge'ez names in a sentence of another language and after a Tigre greeting
        ("Meeting moved; ኢብራሂም ሓሰን will chair it.", ["ኢብራሂም ሓሰን"]),
        ("ሰላም! ኣና ኸዲጃ ሳልሕ።", ["ኸዲጃ ሳልሕ"]),
    ],
)
def test_geez_names_found(text: str, found: list[str]) -> None:
    assert names(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # an Abkhaz family name by its ending beside a capitalised word of its script
        ("Вчера Беслан Тарба приехал из Гудауты.", ["Беслан Тарба"]),
        ("Тренер команды: Рауф Гицба", ["Рауф Гицба"]),
        ("Абонент: ХАШБА, Инар", ["Инар", "ХАШБА"]),
        # listed given and family names
        ("Солистка — Нафисет Схаляхо, Майкоп.", ["Нафисет Схаляхо"]),
        ("Contact: Astamur Lakoba, Sukhum", ["Astamur Lakoba"]),
    ],
)
def test_caucasus_names_found(text: str, found: list[str]) -> None:
    assert set(found) <= set(names(text))


@pytest.mark.parametrize(
    "text",
    [
        "Служба доставки работает до восьми.",  # a soft sign or "ж" before "-ба": nouns
        "Бомба Хиросимы упала в 1945 году.",  # a listed noun
        "Учёба Ивана в Москве",  # a vowel before "-ба"
    ],
)
def test_nouns_so_ended_no_names(text: str) -> None:
    assert not {"Служба", "Бомба", "Бомба Хиросимы", "Учёба"} & set(names(text))


def test_wrong_way_noun_read_as_an_abkhaz_family_name() -> None:
    # Wrong way: a Russian noun so ended that is not listed, opening a sentence before a
    # capitalised word, reads as a family name and is masked with that word.
    assert "Дамба Загорской" in names("Дамба Загорской ГАЭС построена в 1987 году.")


def test_wrong_way_listed_geez_name_as_a_word() -> None:
    # Wrong way: a listed name that is a word here too; "ሳራ" (Sara) in a list row is masked
    # whatever it means.
    assert "ሳራ" in names("Register\nሳራ, ዓሊ: here")


def test_decoys_unmasked() -> None:
    text = "Order 1234 shipped to Sukhum. The Abkhaz alphabet has many letters."
    assert not [v for v, k in masked(text).items() if k == "name"]
