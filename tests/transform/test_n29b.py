"""Names of Scottish Gaelic, Haitian Creole, Quechua and Papiamento speakers (given and family
names, "I am" and kin cues, greetings and thanks before a name, given names that count alone)
and phones after the contact words of a notice, Spanish "Teléfono", Uyghur "تېلېفون", and the
call-me words of Haitian Creole and Sesotho. Each rule has a case where its inference is
wrong or must not apply (docs/MASKING.md, "Scottish Gaelic, Haitian Creole, Quechua and
Papiamento names" and "Phones after a notice's contact word")."""

from __future__ import annotations

import pytest

from archiver.transform.detectors import Detectors
from archiver.transform.policy import load_policy
from tests.helpers import finder_names

DETECTORS = Detectors(load_policy().detectors)


def names(text: str) -> list[str]:
    return sorted(set(finder_names(text)))


def phones(text: str) -> list[str]:
    return [text[sp.start : sp.end] for sp in DETECTORS.find(text) if sp.kind == "PHONE"]


# -- kin and "I am" cues ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Tha mo phiuthar, Eilidh NicRath, air an t-slighe.", ["Eilidh NicRath"]),  # gd
        ("Is e mo bhràthair Aonghas MacAmhlaigh a chuir fios.", ["Aonghas MacAmhlaigh"]),
        ("'S mise Coinneach Moireach, tha ceist agam.", ["Coinneach Moireach"]),
        ("Se frè m, Kesnel Dorsainvil, ki te rele.", ["Kesnel Dorsainvil"]),  # ht
        ("Bonswa, mwen rele Nerlande Exantus.", ["Nerlande Exantus"]),
        ("Bonjou, se Dieula Métellus. Kat mwen bloke.", ["Dieula Métellus"]),
        ("Panay Urpi Quispe qullqita apachirqa.", ["Urpi Quispe"]),  # qu
        ("Allillanchu, ñuqaqa Sayri Apaza kani.", ["Sayri Apaza"]),
        ("Mi yu, Jurick Girigorie, tin e kòntseña.", ["Jurick Girigorie"]),  # pap
        ("Bon dia, mi ta Izaline Maduro. Mi tin un pregunta.", ["Izaline Maduro"]),
    ],
)
def test_kin_and_self_cues(text: str, found: list[str]) -> None:
    assert names(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "Tha mo phiuthar ann an Glaschu an-dràsta.",  # a lower-case word after a kin cue
        "Halò, seo Glaschu. Tapadh leibh airson feitheamh.",  # "this is Glasgow"
        "Bonjou, mwen se Ayisyen e mwen bezwen èd.",  # a people's name after "I am"
        "Bon dia, mi ta bon. Danki hopi.",  # "I am fine": lower case
    ],
)
def test_kin_and_self_cues_leave_words_and_places(text: str) -> None:
    assert names(text) == []


# -- greetings, thanks and sign-offs ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Mòran taing.\nFionnlagh", ["Fionnlagh"]),
        ("Mèsi paske w tann.\nWislande", ["Wislande"]),
        ("Añaychayki, Paqari Ticona", ["Paqari Ticona"]),
        ("Masha danki.\nChurandy", ["Churandy"]),
        ("Bonjou, se Fednel ki pale. M ap gade dosye w la.", ["Fednel"]),
    ],
)
def test_closing_greetings(text: str, found: list[str]) -> None:
    assert names(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "Bonswa\nMwen pa ka louvri kont mwen.",
        "Danki\nMi ta warda.",
        "Sulpayki\nKunan p'unchaw.",
        "Mèsi anpil.\nBank la fèmen jodi a.",
    ],
)
def test_greetings_are_no_names(text: str) -> None:
    assert names(text) == []


# -- given and family names of the lists --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Beloved husband of Mòrag and grandfather of Somhairle.", ["Mòrag", "Somhairle"]),
        (
            "Tenants: Uilleam Caimbeul and Beathag Moireach",
            ["Beathag Moireach", "Uilleam Caimbeul"],
        ),
        ("We thank Mirlande Saint-Vil for the flowers.", ["Mirlande Saint-Vil"]),
        ("hub | 08:10 presence: Guerline arrived", ["Guerline"]),
        ("Nayra Huarachi sent the form twice.", ["Nayra Huarachi"]),
        ("Tenants: Wislande Vixamar and Kesnel Sanon", ["Kesnel Sanon", "Wislande Vixamar"]),
        ("Agent Rignaldo was quick and kind.", ["Rignaldo"]),
        (
            "Tenants: Yurendell Koeiman and Ruthmila Winklaar",
            ["Ruthmila Winklaar", "Yurendell Koeiman"],
        ),
    ],
)
def test_listed_names(text: str, found: list[str]) -> None:
    assert names(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "Inti Raymi is celebrated in Cusco every June.",  # the feast of the sun
        "We paid in Killa Coins last year.",  # a given name naming a thing, no surname after
        "Sumaq is the word for beautiful.",  # a word-like given name alone
    ],
)
def test_word_like_given_names_need_a_family_name(text: str) -> None:
    assert names(text) == []


# -- phones ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Imèl mwen se a@b.com, nimewo m se 37 22 4410.", "37 22 4410"),  # ht, 8 digits
        ("Tanpri rele m sou telefòn 46 10 2298.", "46 10 2298"),
        ("Nomoro ya ka ke 5822 1470, ka kopo.", "5822 1470"),  # st: Lesotho
        ("Funeral at noon. Enquiries: 6317 4402", "6317 4402"),
        ("Renseignements : 9 461 2207", "9 461 2207"),  # Curaçao, 7 digits
        ("Teléfono: 8 (701) 412 3390", "8 (701) 412 3390"),  # Kazakhstan, trunk 8
        ("تېلېفون: 8 (702) 555 1204", "8 (702) 555 1204"),
    ],
)
def test_phone_cues(text: str, phone: str) -> None:
    assert phones(text) == [phone]


@pytest.mark.parametrize(
    "text",
    [
        "Nimewo kòmand 37224410 la anrejistre.",  # an order's label right before it
        "Enquiry 37224410 has been closed.",  # the singular numbers a case
        "Enquiries about order 37224410 go to the shop.",
        "Renseignements sur la commande 37224410.",
        "Renseignements : le 12.05.2026 à 14:00",  # a date and an hour
        "Enquiries: €34.50 per ticket, 12.05.2026",  # a price and a date
        "Teléfono: pedido 37224410",  # an order's number after the cue
    ],
)
def test_phone_cues_leave_orders_dates_and_prices(text: str) -> None:
    assert phones(text) == []


def test_haitian_number_word_before_an_order_label_is_read_as_a_cue() -> None:
    # wrong way (documented): "nimewo" comes before the label it numbers, and a possessive
    # between the label and the number hides the label
    assert phones("nimewo kòmand ou se 37224410") == ["37224410"]
