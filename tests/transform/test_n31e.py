"""Names in Meitei Mayek, Ol Chiki, N'Ko, Syriac, Cherokee and Adlam, and Ossetian, Chechen
and Sakha names in Cyrillic and Latin letters: the scripts' words keep their combining marks
(Meitei vowel signs, N'Ko tone marks), Cherokee is read as a script without case, listed names
stand alone among other letters, and the languages' cues, greetings and closings. Each
inference has a case where it is wrong (docs/MASKING.md, "Meitei, Santali, Cherokee, Assyrian,
N'Ko, Adlam, Ossetian, Chechen and Sakha names")."""

from __future__ import annotations

import pytest

from tests.helpers import finder_names


def names(text: str) -> list[str]:
    return sorted(set(finder_names(text)))


# -- the scripts' words whole ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # Meitei Mayek vowel signs and the apun iyek stay inside the word after a label
        ("Guardian: ꯌꯨꯝꯅꯝ ꯏꯕꯣꯕꯤ\nRoom 4", "ꯌꯨꯝꯅꯝ ꯏꯕꯣꯕꯤ"),
        ("Signed: ꯂꯥꯏꯁ꯭ꯔꯝ ꯃꯦꯝꯆ\n", "ꯂꯥꯏꯁ꯭ꯔꯝ ꯃꯦꯝꯆ"),
        # Ol Chiki and N'Ko after a label
        ("Guardian: ᱵᱤᱨᱥᱟ ᱢᱩᱨᱢᱩ\nRoom 4", "ᱵᱤᱨᱥᱟ ᱢᱩᱨᱢᱩ"),
        ("Guardian: ߝߊߕߎߡߊߕߊ ߞߊߡߊߙߊ\nRoom 4", "ߝߊߕߎߡߊߕߊ ߞߊߡߊߙߊ"),
    ],
)
def test_words_whole(text: str, found: str) -> None:
    assert found in names(text)


# -- listed names standing alone -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The parcel was left with ꯊꯣꯏꯕꯤ ꯀꯣꯟꯁꯝ at the gate.", "ꯊꯣꯏꯕꯤ ꯀꯣꯟꯁꯝ"),
        ("Our thanks to ᱥᱤᱫᱳ ᱦᱮᱢᱵᱨᱚᱢ and the team.", "ᱥᱤᱫᱳ ᱦᱮᱢᱵᱨᱚᱢ"),
        ("Please call ߛߎߣߖߊߕߊ ߞߎߦߊߕߋ after six.", "ߛߎߣߖߊߕߊ ߞߎߦߊߕߋ"),
        ("Handled by ᏣᎵ.", "ᏣᎵ"),
    ],
)
def test_listed_alone(text: str, found: str) -> None:
    assert found in names(text)


def test_cherokee_after_a_cue_without_case() -> None:
    # Cherokee is written in capitals: they say nothing, the cue does
    assert "ᏯᏀᏌ ᏅᏲᎯ" in names("My sister ᏯᏀᏌ ᏅᏲᎯ may call too.")


# -- cues, greetings and closings ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("johar! inyag nyutum Birsa Hansda kana. My parcel is late.", "Birsa Hansda"),
        ("Дӕ бон хорз! Мӕ ном у Сослан Габараев. My parcel is late.", "Сослан Габараев"),
        ("Дорообо! Мин аатым Айсен Сивцев. My parcel is late.", "Айсен Сивцев"),
        ("Barkalla. Odika yoyla – Zelimkhan Daudov", "Zelimkhan Daudov"),
        ("ꯈꯨꯔꯨꯝꯖꯔꯤ! ꯑꯩꯒꯤ ꯃꯤꯡ ꯊꯣꯏꯕꯤ. My parcel is late.", "ꯊꯣꯏꯕꯤ"),
    ],
)
def test_cues(text: str, found: str) -> None:
    assert any(found in n for n in names(text))


@pytest.mark.parametrize(
    "text",
    [
        # the Chechen greeting and farewell, and Sakha thanks, opening a message are no names
        "Маршалла ду хьоьга! Mein Drucker ist defekt angekommen.",
        "Marshalla du hwoga! Ich komme nicht mehr in mein Konto.",
        "Odika yoyla, bis morgen.",
        "Махтал! The parcel came today.",
    ],
)
def test_greetings_no_names(text: str) -> None:
    assert names(text) == []


# -- wrong way -------------------------------------------------------------------------------


def test_wrong_way_listed_word_in_a_sentence_of_other_letters() -> None:
    # a listed Meitei name that is also a word ("ꯂꯩꯃ" is "queen" too), standing among Latin
    # letters, is masked though it names no one here
    assert "ꯂꯩꯃ" in names("The title ꯂꯩꯃ means queen.")


def test_wrong_way_unlisted_name_after_a_greeting() -> None:
    # after a greeting of these scripts only a listed name is taken: an unlisted one stays
    assert names("ꯈꯨꯔꯨꯝꯖꯔꯤ ꯀꯥꯡꯂꯩꯄꯥꯛ, my order is late.") == []


def test_wrong_way_meitei_copula_kept_with_the_name() -> None:
    # "ꯅꯤ" ("is") closing "my name is …" is masked with the name: the span runs one word long
    assert "ꯊꯣꯏꯕꯤ ꯅꯤ" in names("ꯑꯩꯒꯤ ꯃꯤꯡ ꯊꯣꯏꯕꯤ ꯅꯤ. My parcel is late.")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # Syriac names standing alone among Latin letters
        ("Thanks to ܢܝܢܘܣ ܘܪܕܐ for the patch.", "ܢܝܢܘܣ ܘܪܕܐ"),
        # Cherokee greetings and closings as written, in capitals
        ("ᏩᏙ, ᎠᏲᎧ", "ᎠᏲᎧ"),
        ("ᎣᏏᏲ! ᎠᏲᎧ ᏓᏆᏙᎠ. My order is late.", "ᎠᏲᎧ"),
        # given names that are no word, alone
        ("My parents, Урузмаг and Сардаана, never asked.", "Урузмаг"),
        ("My parents, Урузмаг and Сардаана, never asked.", "Сардаана"),
        ("My parents, Thoithoi and Ibotombi, never asked.", "Thoithoi"),
    ],
)
def test_more_found(text: str, found: str) -> None:
    assert found in names(text)


def test_adlam_names_give_no_latin_words() -> None:
    # an Adlam name's Latin letters ("𞤄𞤢𞤪𞤭" → "bari") are no name of the lists: a firm's
    # "Barilla" read as "bari" with a case ending stays
    assert names("264 _1 $b Barilla Press, $c 2008.") == []


def test_wrong_way_word_name_in_given_only() -> None:
    # Sakha "Тимир" ("iron") is kept out of the names alone: a person so named with no
    # capitalised word after them and no cue is missed (after "My parents," a relatives'
    # list now places them: "My parents, Тимир and Урузмаг," finds both)
    assert "Тимир" not in names("Later, Тимир and Урузмаг never asked.")
    assert "Тимир" in names("My parents, Тимир and Урузмаг, never asked.")


def test_wrong_way_unlisted_cherokee_name_alone() -> None:
    # a Cherokee name the lists lack, alone among Latin letters and after no cue, is missed
    # (a listed one is found: "ᏣᎵ")
    assert names("The parcel went to ᏃᏯ yesterday.") == []
    assert names("The parcel went to ᏣᎵ yesterday.") == ["ᏣᎵ"]


def test_syriac_cue_opening_a_longer_word() -> None:
    # "ܫܡܝ" ("my name") opens the name "ܫܡܝܪܡ" (Shamiram): no cue there, the name is whole
    assert names("My parents, ܐܫܘܪ and ܫܡܝܪܡ, never asked.") == ["ܐܫܘܪ", "ܫܡܝܪܡ"]
    # wrong way: a cue glued to the name it introduces is no cue, the name is left to the lists
    assert names("ܫܡܝܢܪܣܝ ܟܟܘ.") == []


def test_adlam_given_names_alone() -> None:
    assert names("My parents, 𞤄𞤭𞤲𞤼𞤢 and 𞤑𞤵𞤥𞤦𞤢, never asked.") == ["𞤄𞤭𞤲𞤼𞤢", "𞤑𞤵𞤥𞤦𞤢"]


def test_caucasus_given_names_alone() -> None:
    assert names("My parents, Руслан and Заур, never asked.") == ["Заур", "Руслан"]
