"""Names in Telugu, Malayalam, Gujarati and Nepali, in their scripts and in Latin letters: the
words of one's name and family before a name, thanks, greetings and "I am" before it, the
copulas and case endings after it, a message's last line signed in those scripts, and the
names of these languages written in Latin letters. Each rule has a case where its inference
is wrong or must not apply (docs/MASKING.md, "Telugu, Malayalam, Gujarati and Nepali")."""

from __future__ import annotations

import pytest

from tests.helpers import finder_names


def names(text: str) -> list[str]:
    return sorted(set(finder_names(text)))


# -- one's name and family before the name -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("మా అమ్మ పద్మ కొండపల్లి రేపు వస్తారు.", ["పద్మ కొండపల్లి"]),  # te
        ("నా పేరు హరీష్ గుత్తా. బిల్లు రాలేదు.", ["హరీష్ గుత్తా"]),
        ("എന്റെ അച്ഛൻ ബിജു പണിക്കർ നാളെ വിളിക്കും.", ["ബിജു പണിക്കർ"]),  # ml
        ("મારી પત્ની હેતલ ઠક્કર કાલે આવશે.", ["હેતલ ઠક્કર"]),  # gu
        ("मेरो भाइ सन्तोष खड्का ले फोन गर्नुहुनेछ।", ["सन्तोष खड्का"]),  # ne
        ("mero sathi Roshan Karki le bill tirchha.", ["Roshan Karki"]),  # ne, Latin letters
        ("maa ammayi Swathi Alluri vastundi.", ["Swathi Alluri"]),  # te, Latin letters
    ],
)
def test_family_and_name_cues(text: str, found: list[str]) -> None:
    assert names(text) == sorted(found)


def test_family_cue_takes_one_word_when_the_second_is_unknown_and_goes_on() -> None:
    # "our daughter Swathi is coming tomorrow": the second word is no name of the lists and
    # the sentence goes on, so only the first word is taken
    assert names("మా అమ్మాయి స్వాతి రేపు వస్తుంది.") == ["స్వాతి"]


def test_family_cue_wrong_way_an_unknown_family_name_before_a_verb_is_left() -> None:
    # a family name the lists lack, the sentence going on: only the given name is masked
    assert names("എന്റെ മകൾ ഗോപിക കൊല്ലംപറമ്പിൽ പാഴ്സൽ വാങ്ങും.") == ["ഗോപിക"]


# -- thanks for waiting, greetings, closings -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("వేచి ఉన్నందుకు ధన్యవాదాలు, హరీష్. మీ టికెట్ చూశాను.", ["హరీష్"]),  # te
        ("കാത്തിരുന്നതിന് നന്ദി, നിഖിൽ. ടിക്കറ്റ് കണ്ടു.", ["നിഖിൽ"]),  # ml
        ("રાહ જોવા બદલ આભાર, હેતલ. ટિકિટ જોઈ.", ["હેતલ"]),  # gu
        ("पर्खनुभएकोमा धन्यवाद, रोशन। टिकट देखें।", ["रोशन"]),  # ne
        ("Dhanyabad, Sabin Karki!", ["Sabin Karki"]),  # ne, Latin letters
        ("ధన్యవాదాలు,\nహరీష్ గుత్తా", ["హరీష్ గుత్తా"]),  # te, a closing on its own line
    ],
)
def test_thanks_and_greetings_address_a_person(text: str, found: list[str]) -> None:
    assert names(text) == sorted(found)


def test_thanks_without_a_name_after_it_is_left() -> None:
    assert names("ధన్యవాదాలు, మీ సహాయానికి చాలా సంతోషం కలిగింది") == []


# -- "I am" and the copula after the name ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("નમસ્તે, હું હેતલ ઠક્કર છું, બિલ ખોટું છે.", ["હેતલ ઠક્કર"]),  # gu
        ("नमस्ते, म रोशन कार्की हुँ, बिल आएन।", ["रोशन कार्की"]),  # ne
        ("നമസ്കാരം, ഞാൻ നിഖിൽ നമ്പ്യാർ ആണ്, ബിൽ വന്നില്ല.", ["നിഖിൽ നമ്പ്യാർ"]),  # ml
        ("నమస్కారం, నేను హరీష్ గుత్తా, బిల్లు రాలేదు.", ["హరీష్ గుత్తా"]),  # te
    ],
)
def test_i_am_before_a_known_name(text: str, found: list[str]) -> None:
    assert names(text) == sorted(found)


@pytest.mark.parametrize(
    "text",
    [
        "नमस्ते, म ठीक छु।",  # "I am fine"
        "હું આજે ઘરે છું.",  # "I am at home today"
        "ഞാൻ നാളെ വരും.",  # "I will come tomorrow"
        "मेरी किताब हराइयो।",  # "म" opening a longer word
    ],
)
def test_i_am_before_words_that_are_no_name_is_left(text: str) -> None:
    assert names(text) == []


def test_i_am_wrong_way_a_name_the_lists_lack_is_left() -> None:
    # "I am Dhruvil Zaveri": neither word is in the lists, the pronoun alone finds no one
    assert names("હું ધ્રુવિલ ઝવેરી છું.") == []


# -- a message signed on its last line in an Indic script ---------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Thanks for waiting. Your order is on its way.\n\nనరేష్ రెడ్డి", ["నరేష్ రెడ్డి"]),
        ("Danke für Ihre Geduld.\n— ബിജു നമ്പ്യാർ", ["ബിജു നമ്പ്യാർ"]),
        ("Merci de votre patience.\nહેતલ પારેખ | Customer Care", ["હેતલ પારેખ"]),
        ("Gracias por esperar.\n\nरोशन पोखरेल", ["रोशन पोखरेल"]),
    ],
)
def test_last_line_signed_in_an_indic_script(text: str, found: list[str]) -> None:
    assert names(text) == sorted(found)


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for waiting.\n\nधन्यवाद",  # a closing alone
        "Thanks for waiting.\n\nधन्यवाद!",  # the same, with a mark
    ],
)
def test_last_line_without_a_name_of_the_lists_is_left(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    "text, found",
    [
        ("We ship from here.\n\nमुंबई शहर", ["मुंबई शहर"]),  # a place: the wrong way
        ("Thanks for waiting.\n\nરેડ્ડી", ["રેડ્ડી"]),  # a family name alone: rightly
    ],
)
def test_a_line_of_its_own_under_a_blank_line_is_the_writers(text: str, found: list[str]) -> None:
    # words of a script without case alone under a blank line: the writer's rule
    # (``_final_signer``) takes them, names of the lists or not (docs/MASKING.md, wrong way)
    assert names(text) == found


def test_last_line_wrong_way_a_place_of_known_words_is_masked() -> None:
    # "Koirala Chowk", a square named after a family, signing off a note: taken for a name
    assert names("Meet us at the square.\n\nकोइराला थापा") == ["कोइराला थापा"]


# -- names in Latin letters ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Thanks for your patience.\n\nNaresh Yarlagadda", ["Naresh Yarlagadda"]),
        ("Spoke with Hetal Thakkar about the refund.", ["Hetal Thakkar"]),
        ("Sabin Lamichhane called twice.", ["Sabin Lamichhane"]),
    ],
)
def test_romanised_names(text: str, found: list[str]) -> None:
    assert names(text) == sorted(found)


# -- a word of an Indic script is no spelling of a Latin name its vowels do not fit ------------


def test_indic_word_with_other_vowels_is_no_variant_of_a_found_name() -> None:
    # "કૃપા કરીને" ("please"): "karine" has Kiran's consonants but an "e" Kiran lacks
    assert names("કૃપા કરીને બિલ મોકલો. આભાર,\nKiran Joshi") == ["Kiran Joshi"]


def test_indic_spelling_of_a_found_name_is_masked() -> None:
    assert names("@Kiran કિરણ ને ફોન કરો") == ["Kiran", "કિરણ"]


def test_indic_variant_wrong_way_a_word_with_fitting_vowels_is_masked() -> None:
    # "કરણ" (karan, "reason" in some uses) has Kiran's consonants and no vowel sign Kiran
    # lacks: it is taken for his name
    assert "કરણ" in names("@Kiran કરણ જણાવો")


# -- the danda ends a phrase ---------------------------------------------------------------------


def test_danda_ends_a_closing_cue_phrase_in_latin_letters() -> None:
    assert names("पर्खनुभएकोमा धन्यवाद, Sabin। तपाईंको टिकट देखें।") == ["Sabin"]


def test_danda_wrong_way_a_capitalised_word_before_it_is_taken() -> None:
    # "thanks, Google।": a closing cue's capitalised word before the danda is read as a name
    assert names("धन्यवाद, Zorvex। अब ठीक छ।") == ["Zorvex"]
