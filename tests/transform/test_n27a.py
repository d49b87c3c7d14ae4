"""Bank 19 tuning: Mongolian, Kazakh, Khmer and Macedonian. Introductions, people of one's
own ("Нөхөр маань …", "Қызым …", "ម្តាយខ្ញុំ …", "Мајка ми …"), thanks for waiting and
closings before a name ("Хүлээсэнд баярлалаа, …", "Құрметпен,", "អរគុណដែលបានរង់ចាំ … ។",
"Со почит,"), the languages' common given and family names in script and Latin letters (a
signature's "Given Family" alone on its line), Khmer names in script alone on a line, and
Kazakh "Мәселе" ("the issue") as no name. Each rule has a decoy it must leave and a test where
its inference is wrong (docs/MASKING.md, "wrong way")."""

from __future__ import annotations

import pytest

from archiver.transform.detectors import Detectors
from archiver.transform.policy import load_policy

DETECTORS = Detectors(load_policy().detectors)


def names(text: str) -> list[str]:
    return [text[sp.start : sp.end] for sp in DETECTORS.find(text) if sp.kind == "NAME"]


# --- introductions and people of one's own ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Нөхөр маань Дорж Болд ирээд авна.", "Дорж Болд"),  # mn
        ("Миний нэр Гантулга, захиалга ирээгүй байна.", "Гантулга"),  # mn
        ("Сайн уу, би Золзаяа байна.", "Золзаяа"),  # mn
        ("Дүү маань Цолмон ирнэ.", "Цолмон"),  # mn, a younger sibling
        ("Aav maani Gantulga ochno.", "Gantulga"),  # mn in Latin letters
        ("Қызым Мөлдір Есенова келіп алады.", "Мөлдір Есенова"),  # kk
        ("Сәлеметсіз бе, мен Бақытжан. Төлем өтпеді.", "Бақытжан"),  # kk
        ("Menin atym Timur Abenov, tolem otpedi.", "Timur Abenov"),  # kk in Latin letters
        ("ម្តាយខ្ញុំ Keo Sreymom នឹងមកយក។", "Keo Sreymom"),  # km, a Latin name after it
        ("ខ្ញុំឈ្មោះ ជា សុភា ខ្ញុំមិនអាចចូលបាន។", "ជា សុភា"),  # km, no space before the cue
        ("Мајка ми Снежана Ристовска ќе го подигне.", "Снежана Ристовска"),  # mk
        ("Здраво, се викам Дејан и имам проблем.", "Дејан"),  # mk
        ("Zdravo, se vikam Marija Petreska.", "Marija Petreska"),  # mk in Latin letters
    ],
)
def test_an_introduction_or_a_relative_is_named(text: str, name: str) -> None:
    assert name in names(text)


def test_a_relative_cue_before_a_lower_case_word_takes_nothing() -> None:
    # "my son is not home" and "my wife will call": no capital, no listed name after the cue
    assert names("Хүү маань гэртээ байхгүй.") == []
    assert names("Әйелім ертең қоңырау шалады.") == []


# --- thanks for waiting, greetings and closings -------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Хүлээсэнд баярлалаа, Болормаа. Захиалгыг шалгалаа.", "Болормаа"),  # mn
        ("Асуудлыг шийдлээ.\nХүндэтгэсэн,\nБаярмаа Ганзориг", "Баярмаа Ганзориг"),  # mn
        ("Күткеніңіз үшін рахмет, Ұлжан. Тапсырыс табылды.", "Ұлжан"),  # kk
        ("Төлем қайтарылды.\nҚұрметпен,\nСамал Ахметова", "Самал Ахметова"),  # kk
        ("Rakhmet, Nurbek! Tapsyrys tabyldy.", "Nurbek"),  # kk in Latin letters
        ("អរគុណដែលបានរង់ចាំ វិសាល ។ ខ្ញុំបានរកឃើញការកម្មង់។", "វិសាល"),  # km, "។" after
        ("អរគុណដែលបានរង់ចាំ Piseth ។ ខ្ញុំបានរកឃើញ។", "Piseth"),  # km, a Latin name
        ("Ви благодарам за трпението, Марко. Ја најдов нарачката.", "Марко"),  # mk
        ("Нарачката е испратена.\nСо почит,\nЈована Илиевска", "Јована Илиевска"),  # mk
    ],
)
def test_thanks_and_closings_name_the_person(text: str, name: str) -> None:
    assert name in names(text)


def test_a_greeting_before_a_product_is_no_name() -> None:
    # the thanks words are not_names: "Рахмет" or "Баярлалаа" opening a line is no name
    assert names("Рахмет!\nGalaxy A55 келді.") == []
    assert names("Баярлалаа.\nЗахиалга ирлээ.") == []


# --- the languages' own names where a signature stands --------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Thanks for waiting, Ana. Your refund is on its way.\n\nBatjargal Otgonbayar",
            "Batjargal Otgonbayar",
        ),  # mn in Latin letters, no cue
        (
            "Merci de votre patience.\nНаранцэцэг Сүхбаатар | Customer Care",
            "Наранцэцэг Сүхбаатар",
        ),  # mn in Cyrillic
        ("Gracias por esperar, Lucía.\n\nGulmira Suleimenova", "Gulmira Suleimenova"),  # kk
        ("Danke für Ihre Geduld.\n— Бауыржан Оспанов", "Бауыржан Оспанов"),  # kk in Cyrillic
        ("Obrigado pela paciência.\n\nPrak Veasna", "Prak Veasna"),  # km, family name first
        ("Grazie per l'attesa.\nមាស រតនា | Customer Care", "មាស រតនា"),  # km in script
        ("Dziękuję za cierpliwość.\n\nកែវ ធីតា", "កែវ ធីតា"),  # km alone on its line
    ],
)
def test_listed_names_sign_a_reply(text: str, name: str) -> None:
    assert name in names(text)


def test_a_khmer_line_of_unlisted_words_is_no_signature() -> None:
    # two spaced Khmer words neither of which is a name of the lists: a phrase, no signature
    assert names("Thanks.\nការកម្មង់ បានរកឃើញ") == []


def test_wrong_way_two_listed_khmer_words_as_a_phrase_are_masked() -> None:
    # "ដារ៉ា" and "សុខា" are names of the lists; alone on a line they read as a signature
    # even where a writer meant something else (docs/MASKING.md: the span is masked)
    assert names("Note:\nដារ៉ា សុខា") == ["ដារ៉ា សុខា"]


def test_wrong_way_a_listed_given_name_before_a_capitalised_word_is_a_name() -> None:
    # "Saule" ("sun" in Latvian, a Kazakh given name) before a capital reads as a name
    assert names("Thanks.\n\nSaule Kalns") == ["Saule Kalns"]


# --- Kazakh "Мәселе" ("the issue") ------------------------------------------------------------


def test_the_issue_word_is_no_name() -> None:
    assert names("Маған хабарласыңыз.\nМәселе Galaxy A55 туралы.") == []
    assert names("Мәселе Pixel 8a туралы. Құрметпен,\nДидар Мұқанов") == ["Дидар Мұқанов"]


def test_wrong_way_a_person_called_masele_is_left() -> None:
    # a word of not_names is never a name, even the rare person so called
    assert "Mäsele" not in " ".join(names("Menin atym Mäsele."))


def test_a_noun_before_a_mongolian_name_is_no_given_name() -> None:
    # "send the order to …": the accusative noun before an address made of listed names
    assert names("Захиалгыг Ganbaatar.Enkhtuya@gmail.com хаяг руу явуулна уу.") == []


def test_wrong_way_a_mongolian_patronymic_the_lists_lack_is_left_out() -> None:
    # a patronymic the given names lack before a listed given name is no family name: inside
    # a sentence the pair stays in clear (docs/MASKING.md, wrong way) ...
    # (a given name in "-ин" such as "Номин" reads as a Russian family name, and the pair is
    # then masked by that reading: docs/MASKING.md, "Family names by their Russian ending")
    assert names("Уучлаарай, Жаргалсайхан Энхтуяа гэж хэн бэ?") == []
    assert names("Уучлаарай, Жаргалсайхан Номин гэж хэн бэ?") == ["Жаргалсайхан Номин"]
    # ... while on a line of its own under a blank line the writer's rule still takes it
    assert names("Thanks.\n\nЖаргалсайхан Энхтуяа") == ["Жаргалсайхан Энхтуяа"]
