"""Names beside the words HR notes, insurance claims and school chats use for the person they
write about, and the cases where those inferences are wrong (docs/MASKING.md)."""

from __future__ import annotations

import pytest

from tests.helpers import found_names as names

# --- form labels of the person a record is about -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Referee: ராஜேஷ் குமார், talent@firm.example", "ராஜேஷ் குமார்"),  # en, Tamil
        ("Third party: يوسف الحمادي, tel. +971 4 123 4567", "يوسف الحمادي"),  # en, Arabic
        ("Policyholder: 陈志强\nDate of loss: 03.02.2026", "陈志强"),  # en, Chinese
        ("Claimant: דניאל כהן", "דניאל כהן"),  # en, Hebrew
        ("Next of kin: 김민준", "김민준"),  # en, Korean
        ("Versicherungsnehmer: ராஜேஷ் குமார்", "ராஜேஷ் குமார்"),  # de
        ("Assuré : يوسف الحمادي", "يوسف الحمادي"),  # fr
        ("Asegurado: 陈志强", "陈志强"),  # es
        ("Controparte: דניאל כהן", "דניאל כהן"),  # it
        ("Segurado: ราชันย์ ศรีสุข", "ราชันย์ ศรีสุข"),  # pt, Thai
        ("Sigortalı: 陈志强", "陈志强"),  # tr
        ("Tegenpartij: يوسف الحمادي", "يوسف الحمادي"),  # nl
        ("Poszkodowana: 김민준", "김민준"),  # pl
        ("Patient: Olusegun Adeyemi, DOB 1980", "Olusegun Adeyemi"),  # Latin letters too
    ],
)
def test_a_name_after_a_label_of_the_person_a_record_is_about(text: str, name: str) -> None:
    assert names(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "employee: true",  # common words in lower case are no name
        "Parent: Epic PROJ-12",  # a ticket's parent: the label is left out
        "Tiers: Premium, Basic",  # a price list, not the French "tiers :"
        "Counterparty: 陈志强",  # a label the list lacks
    ],
)
def test_no_name_after_these_labels(text: str) -> None:
    assert names(text) == []


def test_the_record_labels_wrong_way() -> None:
    # Too much: a placeholder or a category after the label is taken for a name.
    assert names("Third party: None") == ["None"]
    assert names("Student: Year 3") == ["Year"]


# --- absence notices: the subject of "won't be in", "fehlt heute", "est malade" ------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Morning everyone, 陈志强 won't be in on Friday, school trip.", "陈志强"),  # en
        ("Sorry all, ராஜேஷ் will be absent tomorrow.", "ராஜேஷ்"),  # en
        ("Hallo zusammen, 김민준 fehlt heute.", "김민준"),  # de
        ("Bonjour, يوسف sera absent lundi.", "يوسف"),  # fr
        ("Hola, דניאל está enfermo hoy.", "דניאל"),  # es
        ("Ciao a tutti, ราชันย์ sarà assente domani.", "ราชันย์"),  # it
        ("Olá, 陈志强 vai faltar amanhã.", "陈志强"),  # pt
        ("Merhaba, 김민준 bugün gelmeyecek.", "김민준"),  # tr
        ("Hoi allemaal, يوسف is ziek vandaag.", "يوسف"),  # nl
        ("Dzień dobry, דניאל będzie nieobecny w piątek.", "דניאל"),  # pl
    ],
)
def test_a_name_before_an_absence(text: str, name: str) -> None:
    assert names(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Marketing won't be in on Friday",  # a team, a common word
        "The printer won't be in until Monday",  # no capital, no name
        "Bonjour, la livraison ne viendra pas aujourd'hui",  # a thing in lower case
    ],
)
def test_no_name_before_an_absence(text: str) -> None:
    assert names(text) == []


def test_the_absence_rule_wrong_way() -> None:
    # Too much: a brand or a project that "won't be in" or "will be absent" is masked.
    assert names("Tesla won't be in stock until May") == ["Tesla"]
    assert names("Project Phoenix will be absent from the roadmap") == ["Project Phoenix"]


# --- a given name that is also a word, its family name in another script -------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Grace الحمادي called about the refund.", "Grace الحمادي"),  # Arabic
        ("Hope בן דוד wrote again", "Hope בן דוד"),  # Hebrew, two words
        ("Ruby 欧阳 paid twice", "Ruby 欧阳"),  # Chinese
        ("Dawn ბერიძე is waiting", "Dawn ბერიძე"),  # Georgian
        ("Summer Մելքոնյան asked for a callback", "Summer Մելքոնյան"),  # Armenian
        ("Ivy ศรีสุข, please confirm", "Ivy ศรีสุข"),  # Thai, ends at the comma
    ],
)
def test_a_word_name_with_a_family_name_in_another_script(text: str, name: str) -> None:
    assert names(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Hope this helps, 谢谢",  # a Latin word after the word: no family name
        "Summer 2025 促销",  # digits between
        "I hope 王 is fine",  # the word in lower case
    ],
)
def test_no_word_name_without_a_family_name_in_another_script(text: str) -> None:
    assert [n for n in names(text) if n.split()[0] in ("Hope", "Summer", "hope")] == []


def test_a_sentence_in_another_script_is_no_family_name() -> None:
    # Seven characters of Japanese without a space: longer than a name, so "Grace" stays a word.
    assert not any(n.startswith("Grace") for n in names("Grace 臧さんによると遅れる"))


def test_the_word_name_family_rule_wrong_way() -> None:
    # Too much: a word before its translation in another script is masked ("jade" = 玉).
    assert names("Jade 玉 bracelet, size M") == ["Jade 玉"]


@pytest.mark.parametrize(
    "text",
    ["Student: none enrolled yet\nClass: 4B", "Claimant: not known", "Patient: tbd, see notes"],
)
def test_a_record_label_takes_no_lower_case_words(text: str) -> None:
    """The labels are capitalised cues: a value in lower case after one is a placeholder or a
    remark, not a name (wrong way: a name typed in lower case there stays in clear)."""
    assert names(text) == []
    assert names(text.replace(text.split(": ")[1].split("\n")[0], "Ana Lima")) == ["Ana Lima"]
