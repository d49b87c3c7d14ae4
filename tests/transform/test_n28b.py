"""Names in Sinhala, Kannada, Marathi, Punjabi and Burmese, in their scripts and in Latin
letters: listed names standing alone among other letters or side by side in a sentence of their
script, Burmese names made of name syllables, the words of one's name and family, thanks,
greetings and "I" before a name, and the Marathi "मी" ("I") that is no name. Each rule has a
case where its inference is wrong or must not apply (docs/MASKING.md, "Sinhala, Kannada,
Marathi, Punjabi and Burmese")."""

from __future__ import annotations

import pytest

from archiver.transform.names import _my_name
from tests.helpers import found_names


def names(text: str) -> list[str]:
    return sorted(set(found_names(text)))


# -- a listed name in its script standing alone among other letters ------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Refund approved for ಸುಧೀರ್ ಕಾಮತ್ on Friday.", ["ಸುಧೀರ್ ಕಾಮತ್"]),  # kn
        ("Parcel handed to ಪ್ರಕಾಶ್ ನಾಯಕ್ at the gate.", ["ಪ್ರಕಾಶ್ ನಾಯಕ್"]),  # kn
        ("Seat 14C booked for සම්පත් වීරසිංහ, window.", ["සම්පත් වීරසිංහ"]),  # si
        ("Ticket raised by अमोल देशपांडे yesterday.", ["अमोल देशपांडे"]),  # mr
        ("Courier spoke with ਜਸਪ੍ਰੀਤ ਸੰਧੂ at 5 pm.", ["ਜਸਪ੍ਰੀਤ ਸੰਧੂ"]),  # pa
        # one listed word is enough when the words stand alone: an unlisted family name
        ("Signed by ಗಿರೀಶ್ ಕೊಡಗು, branch 4.", ["ಗಿರೀಶ್ ಕೊಡಗು"]),
        ("Forwarded. — නුවන්", ["නුවන්"]),
    ],
)
def test_listed_island(text: str, found: list[str]) -> None:
    assert names(text) == sorted(found)


def test_island_of_unlisted_words_is_left() -> None:
    # words of the script standing alone, none of them a name of the lists: a product, a place
    assert names("Order 55 contains ಮೈಸೂರು ಪಾಕ್ and tea.") == []


def test_island_wrong_way_a_listed_word_naming_a_shop_is_masked() -> None:
    # "ರಶ್ಮಿ" is a given name of the lists; here it names a sari shop, and is masked anyway
    assert names("I bought it at ರಶ್ಮಿ Silks yesterday.") == ["ರಶ್ಮಿ"]


# -- listed names side by side inside a sentence of their script ---------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("ਕੱਲ੍ਹ ਬਲਜੀਤ ਢਿੱਲੋਂ ਦਫ਼ਤਰ ਆਏ ਸਨ।", ["ਬਲਜੀਤ ਢਿੱਲੋਂ"]),  # pa
        ("काल अश्विनी कुलकर्णी यांनी फोन केला.", ["अश्विनी कुलकर्णी"]),  # mr
        ("ඊයේ කසුන් ජයසිංහ කාර්යාලයට ආවා.", ["කසුන් ජයසිංහ"]),  # si
        ("ನಿನ್ನೆ ಚೇತನ್ ಶೆಣೈ ಕರೆ ಮಾಡಿದರು.", ["ಚೇತನ್ ಶೆಣೈ"]),  # kn
    ],
)
def test_listed_pair_in_sentence(text: str, found: list[str]) -> None:
    assert names(text) == sorted(found)


def test_one_listed_word_inside_a_sentence_is_left() -> None:
    # "ਮਾਨ" (a family name, and "pride") alone among words of its script: no cue, no pair
    assert names("ਸਾਨੂੰ ਆਪਣੇ ਕੰਮ ਤੇ ਮਾਨ ਹੈ।") == []


def test_pair_wrong_way_two_listed_words_that_are_no_person_are_masked() -> None:
    # "ਅਮਨ" ("peace") is no listed word, but "ਸਿੰਘ ਸਭਾ" would be: a listed family name beside
    # another listed word is taken as one person even where it names a society
    assert names("ਗੁਰਦੁਆਰਾ ਸਿੰਘ ਕੌਰ ਸਭਾ ਵਿੱਚ ਲੰਗਰ ਹੈ।") == ["ਸਿੰਘ ਕੌਰ"]


# -- Burmese names of name syllables ------------------------------------------------------------


def test_burmese_name_syllables() -> None:
    assert _my_name("ဇော်မင်းထွန်း")
    assert _my_name("ခင်မာအေး")
    assert not _my_name("ထွန်း")  # one syllable
    assert not _my_name("ဖုန်းဆက်ပါမယ်")  # "will phone": no name syllables


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Delivery signed by အောင်ကျော်မိုး at 9:40.", ["အောင်ကျော်မိုး"]),
        ("Approved: ဝေဝေနိုင်, 2026-03-04", ["ဝေဝေနိုင်"]),
        ("ကျွန်တော့် အမေ ဒေါ်တင်တင်မြင့် က ဖုန်းဆက်ပါမယ်။", ["ဒေါ်တင်တင်မြင့်"]),
    ],
)
def test_burmese_names(text: str, found: list[str]) -> None:
    assert names(text) == sorted(found)


def test_burmese_wrong_way_a_word_of_name_syllables_is_masked() -> None:
    # "ရွှေမြ" ("gold emerald") reads as a jeweller's product here; its syllables are those of
    # names, and standing alone among Latin words it is masked
    assert names("Ring model ရွှေမြ, 18k, in stock.") == ["ရွှေမြ"]


# -- one's name and family, thanks, greetings, "I" ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("මගේ අයියා Ruwan Jayasinghe හෙට කතා කරයි.", ["Ruwan Jayasinghe"]),  # si
        ("ನನ್ನ ತಂಗಿ ಸಹನಾ ಹೆಬ್ಬಾರ್ ನಾಳೆ ಬರುತ್ತಾಳೆ.", ["ಸಹನಾ ಹೆಬ್ಬಾರ್"]),  # kn
        ("माझी बहीण Snehal Apte उद्या येईल.", ["Snehal Apte"]),  # mr
        ("ਮੇਰਾ ਭਰਾ ਗਗਨਦੀਪ ਚੀਮਾ ਕੱਲ੍ਹ ਆਵੇਗਾ।", ["ਗਗਨਦੀਪ ਚੀਮਾ"]),  # pa
        ("ਧੰਨਵਾਦ,\nਸੁਖਦੀਪ ਔਲਖ", ["ਸੁਖਦੀਪ ਔਲਖ"]),  # pa, a closing on its own line
        ("ನಾನು ವರುಣ್ ಕಿಣಿ. ಕಾರ್ಡ್ ಬ್ಲಾಕ್ ಮಾಡಿ.", ["ವರುಣ್ ಕಿಣಿ"]),  # kn, "I"
        ("Hi, I am Kyaw Thein Htay, my card is blocked.", ["Kyaw Thein Htay"]),  # my, Latin
        ("Regards, Harleen Sekhon", ["Harleen Sekhon"]),  # pa, Latin
    ],
)
def test_cues(text: str, found: list[str]) -> None:
    assert names(text) == sorted(found)


def test_i_then_a_state_is_no_name() -> None:
    # "I am fine" in Marathi, Kannada and Punjabi: the word after "I" is no listed name
    assert names("मी ठीक आहे, धन्यवाद.") == []
    assert names("ನಾನು ಚೆನ್ನಾಗಿದ್ದೇನೆ.") == []
    assert names("ਮੈਂ ਠੀਕ ਹਾਂ।") == []


def test_marathi_i_before_a_latin_name_is_no_name() -> None:
    # "नमस्कार, मी Omkar Bhide": the greeting's next word "मी" is "I", not a name
    assert names("नमस्कार, मी Omkar Bhide. माझे बिल भरा.") == ["Omkar Bhide"]


def test_i_wrong_way_an_unlisted_name_after_i_is_left() -> None:
    # a name the lists lack after "I" inside a Marathi sentence stays unmasked
    assert names("मी अंबादास गवंडे बोलतोय.") == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("မင်္ဂလာပါ၊ ကျွန်မ သီရိဝင်း ပါ။ ဘေလ် မရောက်ပါ။", ["သီရိဝင်း"]),  # after "I"
        ("ထက်နိုင် ခင်ဗျာ၊ ပစ္စည်း ပို့ပြီးပါပြီ။", ["ထက်နိုင်"]),  # before "dear (sir)"
        ("Hnin Phyu ရှင့်၊ ပစ္စည်း ပို့ပြီးပါပြီ။", ["Hnin Phyu"]),  # Latin letters, the same
        ("ပစ္စည်း ပို့ပြီးပါပြီ။\nသူရအောင်", ["သူရအောင်"]),  # alone on its line
    ],
)
def test_burmese_i_address_and_own_line(text: str, found: list[str]) -> None:
    assert names(text) == sorted(found)


def test_burmese_i_then_a_verb_is_no_name() -> None:
    # "I will call tomorrow": the word after "I" is no word of name syllables
    assert names("ကျွန်တော် မနက်ဖြန် ဖုန်းဆက်ပါမယ်။") == []


def test_burmese_address_after_a_title_is_no_name() -> None:
    # "Sir" before the word of address is a title, no name
    assert names("Thank you Sir ခင်ဗျာ၊ ok") == []


def test_island_after_a_capitalised_name_needs_all_words_listed() -> None:
    # "@Kiran કરણ જણાવો" ("tell the reason"): after a name, not a sentence's frame, an
    # unlisted word keeps the island from being taken whole
    assert "કરણ જણાવો" not in names("@Kiran કરણ જણાવો")
