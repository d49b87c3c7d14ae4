"""Bank 21 tuning: Yiddish, Uyghur, Tajik and Tatar. Their given and family names in their
scripts and in Latin letters, Yiddish names typed without YIVO's points, "I am", "here speaks",
people of one's own, greetings and thanks before a name, listed Hebrew- or Arabic-script names
standing alone in a text of another script, and the greetings and words that are no name.
Each rule has a case where its inference would be wrong and it must not fire."""

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
        ("Refund approved for Moyshe Goldshteyn on Monday.", "Moyshe Goldshteyn"),  # yi
        ("Ticket reopened by Rivke Zilberman yesterday.", "Rivke Zilberman"),  # yi
        ("Parcel collected by Abdurehim Tohti at the depot.", "Abdurehim Tohti"),  # ug
        ("Lead: Gülbehre Niyaz", "Gülbehre Niyaz"),  # ug
        ("Пардохтро Нодира Раҳмонова фиристод.", "Нодира Раҳмонова"),  # tg
        ("Refund approved for Firuz Sharifzoda today.", "Firuz Sharifzoda"),  # tg
        ("Түләүне Резеда Галиева җибәрде.", "Резеда Галиева"),  # tt
        ("Ticket closed by Ğabdulla Tukaev yesterday.", "Ğabdulla Tukaev"),  # tt
    ],
)
def test_a_listed_given_and_family_name_is_named(text: str, name: str) -> None:
    assert name in names(text)


def test_a_listed_given_name_before_a_lower_case_word_stays() -> None:
    # a listed given name talked about as a word: no family name, no cue
    assert names("Daler ist ein guter Name, sagt man.") == []


# --- Hebrew- and Arabic-script names alone in another script's text --------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("We are delighted to announce the arrival of שׂרה, born today.", ["שׂרה"]),
        ("Approved by משה זילבערמאַן yesterday.", ["משה זילבערמאַן"]),
        ("Approved by משה זילבערמאן yesterday.", ["משה זילבערמאן"]),  # without points
        ("Renter: שאַפּיראָ, גיטל\nVehicle: van", ["שאַפּיראָ", "גיטל"]),
        ("Beloved wife of ئابدۇرېھىم and grandmother of Lea.", ["ئابدۇرېھىم"]),
        ("Pt: توختى, نۇرگۈل. Seen by video.", ["توختى", "نۇرگۈل"]),
    ],
)
def test_listed_rtl_words_standing_alone_are_names(text: str, found: list[str]) -> None:
    got = names(text)
    assert all(n in got for n in found)


def test_a_rtl_word_that_is_no_listed_name_stays() -> None:
    # "the Hebrew word שלום" and a word of thanks quoted in English are no names
    assert names("The Yiddish word שלום means peace.") == []
    assert names("In Uyghur you say رەھمەت for thanks.") == []


def test_listed_rtl_words_inside_a_sentence_of_their_script_are_left_to_the_cues() -> None:
    # two listed names inside a Yiddish sentence are not taken without a cue
    assert names("דער קינדער־גאָרטן הייסט משה רבינו שולע אין שטאָט.") == []


def test_a_listed_rtl_word_quoted_in_english_is_the_wrong_way() -> None:
    # wrong way: a listed name quoted as a word in another script's sentence is masked
    assert names("The Hebrew name שׂרה means princess.") == ["שׂרה"]


# --- "I am", "here speaks", people of one's own in Yiddish and Uyghur -------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("שלום, איך בין משה גאָלדשטיין. מײַן קאַרטל איז בלאָקירט.", "משה גאָלדשטיין"),
        ("שלום, דאָ רעדט גיטל פֿון דער באַנק.", "גיטל"),
        ("מײַן טאָכטער רבֿקה קאַץ וועט קומען.", "רבֿקה קאַץ"),
        ("מיין ברודער משה וועט קומען.", "משה"),  # typed without points
        ("ياخشىمۇسىز، مەن نۇرگۈل توختى. كارتام توسۇلدى.", "نۇرگۈل توختى"),
        ("بۇ ھېساباتنى ئاچام ئايگۈل توختى ئاچقان.", "ئايگۈل توختى"),
        ("א דאַנק\nגיטל", "גיטל"),
        ("رەھمەت\nئابدۇرېھىم", "ئابدۇرېھىم"),
    ],
)
def test_a_yiddish_or_uyghur_cue_names_a_listed_person(text: str, name: str) -> None:
    assert name in names(text)


def test_a_yiddish_or_uyghur_cue_before_words_that_are_no_listed_name_takes_nothing() -> None:
    # "I am very glad", "my brother is ill", "thanks, your application number …"
    assert names("איך בין זייער צופֿרידן.") == []
    assert names("מײַן ברודער איז קראַנק.") == []
    assert names("مەن بۈگۈن ئۆيدە.") == []
    assert names("رەھمەت، ئىلتىماسىڭىزنىڭ نومۇرى AB-123456 .") == []


def test_one_listed_name_before_a_uyghur_verb_ending_the_phrase_is_the_wrong_way() -> None:
    # wrong way: no capital ends the name, so the verb that ends the phrase is masked with it
    assert names("بۇ ھېساباتنى ئاچام ئايگۈل ئاچقان.") == ["ئايگۈل ئاچقان"]


def test_an_unlisted_name_after_a_yiddish_cue_is_the_wrong_way() -> None:
    # wrong way: a name the lists lack after "I am" stays unmasked unless another rule finds it
    assert names("איך בין צבֿיה.") == []


# --- Tajik and Tatar cues, in Cyrillic and Latin letters ---------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Салом, ман Нодира, мутахассиси бонк.", "Нодира"),  # tg
        ("Ҳисобро хоҳарам Дилноза кушода буд.", "Дилноза"),  # tg, "my sister"
        ("Hisobro barodaram Parviz kushoda bud.", "Parviz"),  # tg in Latin letters
        ("Бо эҳтиром,\nФирдавс", "Фирдавс"),  # tg
        ("Сәлам, мин Резеда, ярдәм бүлегеннән.", "Резеда"),  # tt
        ("Килешү әтием Булат исеменә язылган.", "Булат"),  # tt, "my father"
        ("Хөрмәт белән,\nИлнур", "Илнур"),  # tt
    ],
)
def test_a_tajik_or_tatar_cue_names_the_person(text: str, name: str) -> None:
    assert name in names(text)


def test_a_tajik_or_tatar_cue_before_a_lower_case_word_takes_nothing() -> None:
    # "my brother is at home", "my mother is ill": no capital after the cue
    assert names("Бародарам дар хона аст.") == []
    assert names("Әнием авырый.") == []


# --- greetings and common words that are no names ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Салом, ман Нодира Раҳмонова ҳастам. Корти бонкии ман баста шуд.", "Салом"),
        ("Салом, ман Нодира Раҳмонова ҳастам. Корти бонкии ман баста шуд.", "Корти"),
        ("Сәлам, мин Резеда Галиева. Интернет эшләми.", "Сәлам"),
        ("שלום, איך בין Moyshe Goldshteyn. מײַן פּעקל איז נישט אָנגעקומען.", "איך בין"),
        ("שלום, דאָ רעדט Gitl פֿון קונדן־דינסט, איך קוק אויף AB-123456 .", "איך"),
        ("ياخشىمۇسىز، مەن نۇرگۈل توختى. كارتام توسۇلدى.", "مەن"),
    ],
)
def test_a_greeting_or_pronoun_is_no_name(text: str, word: str) -> None:
    found = names(text)
    assert word not in found
    assert not any(f.startswith(word + " ") for f in found)
