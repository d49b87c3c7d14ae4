"""Names of Inuktitut, Tamazight, Tibetan, Dhivehi, Assamese, Sindhi, Bashkir and Chuvash
speakers in their scripts and in Latin letters: Canadian syllabics, Tifinagh, Tibetan (the
tsheg between syllables) and Thaana read as scripts without capitals, the languages' cues of
one's name, kin, greetings and thanks, their "I" before a listed name only, and the policy's
lists of their given and family names. Each rule has a case where its inference is wrong or
must not apply (docs/MASKING.md, "Inuktitut, Tamazight, Tibetan, Dhivehi, Assamese, Sindhi,
Bashkir and Chuvash names")."""

from __future__ import annotations

import pytest

from tests.helpers import finder_names


def names(text: str) -> list[str]:
    return sorted(set(finder_names(text)))


# -- Canadian syllabics (Inuktitut) -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a cue in Latin letters before a word of syllabics
        ("Please call my father, ᔮᓂ, after six.", ["ᔮᓂ"]),
        ("Good morning ᒦᑲ, your parcel is at the depot.", ["ᒦᑲ"]),
        # "hello, I am …" in syllabics, a listed given and family name
        ("ᐊᐃ, ᐅᕙᖓ ᓖᑎᐊ ᑯᓱᒐᖅ. The invoice is wrong.", ["ᓖᑎᐊ ᑯᓱᒐᖅ"]),
        # thanks and a sign-off, the name on the line below
        ("ᖁᔭᓐᓇᒦᒃ. ᑕᑯᓂᐊᖅᐸᒋᑦ,\nᔪᐊᓇᓯ", ["ᔪᐊᓇᓯ"]),
        # listed names standing alone in a record of other letters
        ("Tenant: ᐸᐅᓗᓯ ᑭᓚᐸᒃ, flat 4B", ["ᐸᐅᓗᓯ ᑭᓚᐸᒃ"]),
        # a family and a given name parted by a caret, as HL7 and DICOM write them
        ("(0008,0090) PN [ᐊᓯᕙᒃ^ᓯᒥᐅᓂ]", ["ᐊᓯᕙᒃ", "ᓯᒥᐅᓂ"]),
    ],
)
def test_syllabics_names(text: str, found: list[str]) -> None:
    assert names(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "ᐅᕙᖓ ᖃᓄᐃᙱᑦᑐᖓ.",  # "I am fine": "I" takes a listed name only
        "ᐊᐃ! ᖃᓄᐃᑦᐱᑦ?",  # "hello! how are you?": a greeting takes a listed name only
        "Our new office in ᐃᖃᓗᐃᑦ opens on Monday.",  # Iqaluit, a town, is no listed name
        "ᐊᐃ, ᐅᕙᖓ. The invoice is wrong.",  # "I" itself is no name after a greeting
    ],
)
def test_syllabics_wrong_way(text: str) -> None:
    assert names(text) == []


# -- Tifinagh (Tamazight) ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("My brother ⴰⴽⵙⵉⵍ ⵎⴰⵎⵎⴻⵔⵉ will collect it.", ["ⴰⴽⵙⵉⵍ ⵎⴰⵎⵎⴻⵔⵉ"]),
        ("Witness: ⵎⴰⵙⵙⵉⵏ ⴼⴻⵔⴰⵓⵏ, signed 12 May", ["ⵎⴰⵙⵙⵉⵏ ⴼⴻⵔⴰⵓⵏ"]),
        ("ⴰⵣⵓⵍ ⴷⵉⵀⵢⴰ! Your refund is on its way.", ["ⴷⵉⵀⵢⴰ"]),
    ],
)
def test_tifinagh_names(text: str, found: list[str]) -> None:
    assert names(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "ⴰⵣⵓⵍ ⴼⵍⵍⴰⵡⵏ! ⵎⴰⵏⵣⴰⴽⵉⵏ?",  # "hello to you all! how are you?"
        "The banner read ⵜⵉⵍⴻⵍⵍⵉ in large letters.",  # "freedom", a word left out of the lists
        "ⵏⴽⴽ ⵉⵍⵍⴰ ⵖⵓⵔⵉ ⵓⵎⵓⴽⵔⵉⵙ.",  # "I have a problem": "I" takes a listed name only
    ],
)
def test_tifinagh_wrong_way(text: str) -> None:
    assert names(text) == []


# -- Tibetan: syllables joined by the tsheg ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the whole word, not its first syllable
        ("The booking is for my daughter, ཚེ་རིང.", ["ཚེ་རིང"]),
        ("My husband ཐུབ་བསྟན ཕུན་ཚོགས will sign.", ["ཐུབ་བསྟན ཕུན་ཚོགས"]),
        ("Approved by: བསོད་ནམས སྒྲོལ་མ", ["བསོད་ནམས སྒྲོལ་མ"]),
    ],
)
def test_tibetan_names(text: str, found: list[str]) -> None:
    assert names(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "བཀྲ་ཤིས་བདེ་ལེགས། ཁྱེད་རང་ག་འདྲ་ཡོད།",  # "hello, how are you?"
        "We fly to ལྷ་ས next week.",  # Lhasa, a city
        "The word ཉི་མ means sun.",  # Nyima, also "sun", left out of the lists
    ],
)
def test_tibetan_wrong_way(text: str) -> None:
    assert names(text) == []


# -- Thaana, Bengali script (Assamese), Sindhi -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Registered keeper: ފާޠިމަތު ނަސީމް", ["ފާޠިމަތު ނަސީމް"]),
        ("Pt: ޝަފީޤް, އާމިނަތު.", ["އާމިނަތު", "ޝަފީޤް"]),
        ("Patient: হাজৰিকা, নীলিমা", ["নীলিমা", "হাজৰিকা"]),
        ("NK1|1|বৰুৱা^ভূপেন|NOK", ["বৰুৱা", "ভূপেন"]),
        ("Shipper: سومرو, ماروي", ["سومرو", "ماروي"]),
    ],
)
def test_thaana_assamese_sindhi_names(text: str, found: list[str]) -> None:
    assert names(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "The sign said ރާއްޖެ in big letters.",  # "the Maldives"
        "মই ভালে আছোঁ।",  # "I am fine": "I" takes a listed name only
        "Flight to গুৱাহাটী tomorrow.",  # Guwahati, a city
        "مان ٺيڪ آهيان.",  # "I am fine"
    ],
)
def test_thaana_assamese_sindhi_wrong_way(text: str) -> None:
    assert names(text) == []


# -- names in Latin and Cyrillic letters -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The tickets for Jaaji Kilabuk are ready.", ["Jaaji Kilabuk"]),
        ("The tickets for Pranjal Saikia are ready.", ["Pranjal Saikia"]),
        ("The tickets for Lobsang Gyatso are ready.", ["Lobsang Gyatso"]),
        ("Refund approved for Aminath Shareef today.", ["Aminath Shareef"]),
        ("Invoice copy sent to Ayaz Soomro yesterday.", ["Ayaz Soomro"]),
        ("Invoice copy sent to Aygiz Bikbaev yesterday.", ["Aygiz Bikbaev"]),
        ("Посылку получил Илшат Ғафуров.", ["Илшат Ғафуров"]),
        ("Tickets for Atner Ashmarin are ready.", ["Atner Ashmarin"]),
    ],
)
def test_romanised_and_cyrillic_names(text: str, found: list[str]) -> None:
    assert names(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "Ship to Salavat Yulaev St 12, Ufa.",  # a street named after the hero
        "Fresh Lemon Rind Cake is back on the menu.",  # Rind, a Baloch tribe, left out
        "Our stall at Iqaluk Fish Market opens at nine.",  # Iqaluk, "fish", left out
    ],
)
def test_romanised_wrong_way(text: str) -> None:
    assert names(text) == []
