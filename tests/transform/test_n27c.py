"""Names of Galician, Somali, Uzbek, Irish, Hausa, Zulu, Luxembourgish and Turkish speakers: the
policy's own lists of their common given and family names (a given name with a capitalised word
after it, a family name after a capitalised word), the same names typed without accents, the
Uzbek letters "ʻ" and "ʼ" inside a name, their greetings, thanks and sign-offs before a name,
and a word ending after an apostrophe ("o'rtog'im") that is no preposition before a place.
Each rule has a decoy it must leave and a test where its inference is wrong (docs/MASKING.md,
"wrong way")."""

from __future__ import annotations

import pytest

from archiver.transform.detectors import Detectors
from archiver.transform.policy import load_policy

DETECTORS = Detectors(load_policy().detectors)


def names(text: str) -> list[str]:
    return [text[sp.start : sp.end] for sp in DETECTORS.find(text) if sp.kind == "NAME"]


# --- given and family names of the eight languages ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a reply signed on its own line
        ("Revisei o pedido, xa está enviado.\n\nXurxo Carballo", "Xurxo Carballo"),  # gl
        ("Dalabka waa la diray.\n\nAyaan Xirsi", "Ayaan Xirsi"),  # so
        ("Buyurtma yuborildi.\nBekzod Usmonov | Support", "Bekzod Usmonov"),  # uz
        ("Tá an t-ordú seolta.\n\nCaoimhe Ní Shúilleabháin", "Caoimhe Ní Shúilleabháin"),  # ga
        ("An aika odar ɗin.\n\nHadiza Aliyu", "Hadiza Aliyu"),  # ha
        ("I-oda ithunyelwe.\n\nThulani Mthembu", "Thulani Mthembu"),  # zu
        ("D'Bestellung ass ënnerwee.\n\nFränz Majerus", "Fränz Majerus"),  # lb
        ("Siparişiniz kargoya verildi.\n\nTuğba Korkmaz", "Tuğba Korkmaz"),  # tr
        # a relative named in the middle of a sentence
        ("A miña irmá Antía Rivadulla virá polo paquete.", "Antía Rivadulla"),  # gl
        ("Walaashay Ubax Samatar ayaa imaan doonta.", "Ubax Samatar"),  # so
        ("Mo dheirfiúr Saoirse Ní Cheallaigh a bhaileoidh é.", "Saoirse Ní Cheallaigh"),  # ga
        ("Kanwata Hadiza Aliyu za ta zo ta karɓa.", "Hadiza Aliyu"),  # ha
        ("Umngane wami Zodwa Mthethwa uzofika kusasa.", "Zodwa Mthethwa"),  # zu
        ("Mäi Schwëster Tessy Wampach kënnt muer.", "Tessy Wampach"),  # lb
    ],
)
def test_a_name_of_the_lists_with_its_family_name_is_found(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Pedido enviado.\n\nXurxo Pineiro", "Xurxo Pineiro"),  # gl, "Piñeiro" without tilde
        ("Ordú seolta.\n\nCaoimhin O Suilleabhain", "Caoimhin O Suilleabhain"),  # ga
        ("Sipariş yolda.\n\nGulsen Cakir", "Gulsen Cakir"),  # tr, "Gülşen Çakır"
    ],
)
def test_a_listed_name_typed_without_accents_is_found(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Buyurtma yuborildi.\n\nNodira Yoʻldosheva", "Nodira Yoʻldosheva"),
        ("Hamkasbim Bekzod Gʻulomov ertaga keladi.", "Bekzod Gʻulomov"),
        ("Buyurtma yuborildi.\nUlugʻbek Tursunov | Support", "Ulugʻbek Tursunov"),
    ],
)
def test_an_uzbek_name_with_the_modifier_letter_is_one_word(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Reservei no Hotel Seoane para o sábado.",  # a family name after a place's word
        "Pit Stop is open until ten.",  # a Luxembourgish given name that is a word
        "Pit Lane Café, Luxembourg.",
        "Buyurtma yuborildi. Ertaga keladi.",
        "Tá an t-ordú seolta. Go raibh maith agat.",
    ],
)
def test_a_word_of_the_lists_in_a_place_or_a_thing_names_no_one(text: str) -> None:
    assert names(text) == []


def test_wrong_way_a_place_named_like_a_listed_given_name_is_masked() -> None:
    # docs/MASKING.md: a given name of the lists with a capitalised word after it is taken for
    # a person's name, also where the two words name a place (the Galician parish Iria Flavia)
    assert names("Visitamos Iria Flavia onte pola tarde.") == ["Iria Flavia"]


# --- greetings, thanks and sign-offs before a name ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Grazas pola espera, Anxo. Xa temos a súa solicitude.", "Anxo"),  # gl
        ("Moitas grazas, Lois. Quedamos así.", "Lois"),  # gl
        ("Waad ku mahadsan tahay sugitaanka, Sagal. Waan arkaa codsigaaga.", "Sagal"),  # so
        ("Mahadsanid,\nIdil", "Idil"),  # so, a sign-off
        ("Kutganingiz uchun rahmat, Oydin. Arizangiz koʻrib chiqildi.", "Oydin"),  # uz
        ("Hurmat bilan,\nSherzod", "Sherzod"),  # uz
        ("Go raibh maith agat as fanacht, Tadhg. Tá sé réitithe.", "Tadhg"),  # ga
        ("Le meas,\nMuireann", "Muireann"),  # ga
        ("Na gode da haƙuri, Kabiru. Mun gyara matsalar.", "Kabiru"),  # ha
        ("Ngiyabonga ngokulinda, Sizwe. Sikulungisile.", "Sizwe"),  # zu
        ("Merci fir d'Waarden, Jemp. Mir hunn et gefléckt.", "Jemp"),  # lb
        ("Mat beschte Gréiss,\nTessy", "Tessy"),  # lb
        ("Beklediğiniz için teşekkürler Koray, sorun çözüldü.", "Koray"),  # tr
    ],
)
def test_a_greeting_or_sign_off_names_the_addressee(text: str, name: str) -> None:
    assert names(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Grazas pola espera. Xa temos a súa solicitude.",
        "Waad ku mahadsan tahay sugitaanka. Waan arkaa codsigaaga.",
        "Kutganingiz uchun rahmat. Arizangiz koʻrib chiqildi.",
        "Ngiyabonga ngokulinda. Sikulungisile.",
        "Merci fir d'Waarden. Mir hunn et gefléckt.",
    ],
)
def test_a_greeting_without_a_name_names_no_one(text: str) -> None:
    assert names(text) == []


def test_wrong_way_a_capitalised_word_after_thanks_is_masked() -> None:
    # docs/MASKING.md: whatever capitalised word a greeting's comma leads to, ending the phrase,
    # is taken for the person thanked (here the bank)
    assert names("Merci fir d'Waarden, Spuerkeess. Mir hunn et gefléckt.") == ["Spuerkeess"]


# --- a word written with an apostrophe is no preposition -----------------------------------------


def test_a_word_ending_after_an_apostrophe_is_no_place_preposition() -> None:
    # "o'rtog'im" ends in "im", which as a word of its own is German "im" before a place
    assert names("Turmush o'rtog'im Nodira Usmonova ertaga keladi.") == ["Nodira Usmonova"]


@pytest.mark.parametrize(
    "text",
    ["Wir wohnen im Rosenheim seit Jahren.", "Wir treffen uns im Charlotte Haus."],
)
def test_german_im_before_a_place_still_names_no_one(text: str) -> None:
    assert names(text) == []


def test_a_french_elision_before_a_place_still_names_no_one() -> None:
    assert names("Il n'y a qu'en Lorraine que ça existe.") == []


def test_wrong_way_a_place_after_a_word_with_an_apostrophe_is_masked() -> None:
    # docs/MASKING.md: "'in" of a Turkish genitive is no English "in" any more, so a given
    # name of the lists that is a city there ("Regina") is taken for a person
    assert "Regina" in names("Ahmet'in Regina gezisi iptal oldu.")
