"""Names of Twi, Ewe, Bambara, Kikuyu, Kirundi, Tongan, Fijian, Guaraní, Aymara, Occitan,
Northern Sami and Ilocano speakers: the IPA letters of the African alphabets and the Tongan
glottal stop inside a name, their given and family names (``gazetteer.given_alone``,
``.given``, ``.family``), "my name is" and people of one's own (``capitalised_cues``),
greetings and sign-offs (``closing_cues``, ``not_names``), and a thing that "arrives" after a
possessive or a model number (docs/MASKING.md, "Twi, Ewe, Bambara, ... names")."""

from __future__ import annotations

import pytest

from tests.helpers import finder_names


def names(text: str) -> list[str]:
    return sorted(set(finder_names(text)))


# -- letters inside a word ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # Ewe, Twi and Bambara "ɔ ɛ ɖ ɲ" were the end of a word: "K" alone, no name
        ("The call was taken by Kɔmla this morning.", ["Kɔmla"]),
        ("Please ask Cɛmɔgɔ about the invoice.", ["Cɛmɔgɔ"]),
        ("My brother Ɖoɖo Agbeko will pick it up.", ["Ɖoɖo Agbeko"]),
        ("My sister Ɲɛlɛ Bɛrɛte will call you.", ["Ɲɛlɛ Bɛrɛte"]),
        # the Tongan glottal stop opening a name is its first letter
        ("You can also reach my wife ʻAna on this line.", ["ʻAna"]),
        ("The parcel went to ʻOfa Tupou yesterday.", ["ʻOfa Tupou"]),
        ("Refund approved. Handled by ʻOfa.", ["ʻOfa"]),
    ],
)
def test_letters_inside_a_name(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_okina_word_no_name() -> None:
    # "ʻOfa atu" ("love to you") signs off: the word is a name only with a family name after it
    assert names("Mālō ʻaupito! ʻOfa atu,\nSione") == ["Sione"]
    # the wrong way round: a woman named ʻOfa, with no cue before her and no family name, is
    # missed
    assert names("Yesterday ʻOfa fixed the router.") == []


# -- "my name is", people of one's own, greetings ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Maakye! me din de Yaw Boakye, my router keeps dropping.", ["Yaw Boakye"]),
        ("Ŋdi na wo! ŋkɔnye nye Elinam Kpodzo. Ma facture est fausse.", ["Elinam Kpodzo"]),
        ("I ni ce! n tɔgɔ ye Zumana Kodio ye. Ma commande est en retard.", ["Zumana Kodio"]),
        ("Wĩ mwega! rĩĩtwa rĩakwa nĩ Nyokabi Mbuthia, my card was charged twice.", None),
        ("Amahoro! nitwa Fulgence Bucumi. Mon colis est perdu.", ["Fulgence Bucumi"]),
        ("Mālō e lelei! ko hoku hingoa ko Sateki Havea, I need a refund.", ["Sateki Havea"]),
        ("Ni sa bula vinaka! na yacaqu o Kitione Lesuma, my parcel is late.", None),
        ("Mba'éichapa! che réra Yerutí Bogarín, mi pedido no llegó.", ["Yerutí Bogarín"]),
        ("Kamisaki! nayan sutijax Bartolina Yujra satawa, mi pedido no llegó.", None),
        ("Bonjorn! me sonam Azalaïs Bonnafous. Ma commande est en retard.", None),
        ("Buorre beaivi! mu namma lea Rávdná Gaino, my order is late.", None),
        ("Naimbag nga aldaw! ti naganko ket Zenaida Ancheta, my order is late.", None),
        ("Please call my mother: me maame Obenewaa Dapaah.", ["Obenewaa Dapaah"]),
        ("mũtumia wakwa Wairimu will collect the parcel.", ["Wairimu"]),
        ("che sy Arami will collect the parcel.", ["Arami"]),
        ("mu eadni Biret will collect the parcel.", ["Biret"]),
    ],
)
def test_introductions(text: str, found: list[str] | None) -> None:
    # ``None``: the whole name after the cue
    if found is None:
        cue_end = {
            "Nyokabi": "Nyokabi Mbuthia",
            "Kitione": "Kitione Lesuma",
            "Bartolina": "Bartolina Yujra",
            "Azalaïs": "Azalaïs Bonnafous",
            "Rávdná": "Rávdná Gaino",
            "Zenaida": "Zenaida Ancheta",
        }
        found = [v for k, v in cue_end.items() if k in text]
    assert names(text) == sorted(found)


@pytest.mark.parametrize(
    "text",
    [
        "Medaase paa! Nante yie.",
        "Akpe kakaka! Ɖe nyuie.",
        "I ni ce kosɛbɛ! K'an bɛn.",
        "Nĩ wega mũno! Tigwo na wega.",
        "Murakoze cane! Mugire amahoro.",
        "Vinaka vakalevu! Moce mada.",
        "Aguyje ndéve! Jajotopata.",
        "Yuspajarpan! Jikisiñkama.",
        "Mercés plan! Adieu-siatz.",
        "Ollu giitu! Dearvvuođat.",
        "Agyamanak unay! Agpakadaakon.",
    ],
)
def test_greetings_no_names(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Medaase paa! Nante yie,\nAkosua", ["Akosua"]),
        ("Vinaka vakalevu! Moce mada,\nUnaisi", ["Unaisi"]),
        ("Ollu giitu! Dearvvuođat,\nMáret", ["Máret"]),
    ],
)
def test_sign_offs(text: str, found: list[str]) -> None:
    assert names(text) == found


# -- names the lists know -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The refund goes to Kwabena as agreed.", ["Kwabena"]),
        ("The refund goes to Mawunyo as agreed.", ["Mawunyo"]),
        ("The refund goes to Djénéba as agreed.", ["Djénéba"]),
        ("The refund goes to Wanjiku as agreed.", ["Wanjiku"]),
        ("The refund goes to Niyonkuru as agreed.", ["Niyonkuru"]),
        ("The refund goes to Siosaia as agreed.", ["Siosaia"]),
        ("The refund goes to Ilisapeci as agreed.", ["Ilisapeci"]),
        ("The refund goes to Mainumby as agreed.", ["Mainumby"]),
        ("The refund goes to Guilhèm as agreed.", ["Guilhèm"]),
        ("The refund goes to Niillas as agreed.", ["Niillas"]),
        ("The refund goes to Luzviminda as agreed.", ["Luzviminda"]),
    ],
)
def test_given_alone(text: str, found: list[str]) -> None:
    assert names(text) == found


@pytest.mark.parametrize(
    ("word", "with_family"),
    [
        # Twi "Nhyira" ("blessing"), Kirundi "Iteka" ("dignity"), Guaraní "Yvoty" ("flower"),
        # Aymara "Wila" ("red"), Ilocano and Tagalog "Ligaya" ("joy"): names only with a
        # capitalised word after them
        ("Nhyira", "Nhyira Oduro"),
        ("Iteka", "Iteka Nimbona"),
        ("Yvoty", "Yvoty Candia"),
        ("Wila", "Wila Yujra"),
        ("Ligaya", "Ligaya Nisperos"),
    ],
)
def test_word_names_need_a_family_name(word: str, with_family: str) -> None:
    assert names(f"The tablet was returned by {with_family} on Monday.") == [with_family]
    assert word not in " ".join(names(f"We saw the word {word} on the label."))


# -- wrong way: words of other languages that the lists hold ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # Indonesian "Aku" ("I") and Portuguese "Saia" ("go out", "skirt") are Ewe and Tongan
        # names too: in `given` only, so a sentence they open keeps them
        "Aku mau pulang sekarang.",
        "Saia daqui agora.",
        # Spanish "Calle" ("street") and "Copa" ("cup") are Aymara family names: not listed
        "La Calle Mayor está cerrada.",
    ],
)
def test_words_stay_words(text: str) -> None:
    assert names(text) == []


def test_word_name_alone_missed() -> None:
    # the wrong way round: a word-name alone is missed ("Ligaya" alone, "joy")
    assert names("The order was placed by Ligaya last week.") == []


# -- things that arrive -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Bonjour, je vous écris. Mon Lumix Zeta est arrivé cassé.",
        "Buongiorno! Il mio Zenbook Flip è arrivato rotto.",
        "Buongiorno! Il mio Zenbook S13 Flip è arrivato rotto.",
        "Hallo, mein Tolino Vision ist angekommen, aber kaputt.",
    ],
)
def test_owned_things_no_names(text: str) -> None:
    assert names(text) == []


def test_person_arrives() -> None:
    # an unknown name before "est arrivé" is still read as a person...
    assert names("Zorbanek est arrivé à la maison.") == ["Zorbanek"]
    # ...but not after a possessive: the wrong way round, "my Zorbanek" (a pet name) is missed
    assert names("Mon Zorbanek est arrivé à la maison.") == []
    # a known given name is found by the lists all the same
    assert names("Ma petite Léa est arrivée à la maison.") == ["Léa"]
