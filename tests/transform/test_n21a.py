"""Words taken for names where none was written: an auxiliary opening a question after a
speaker's label, greetings in Latin letters, Albanian nouns opening a message, a street written
after its lower-case street word with a house number, and a company named after a person.
Each rule has a case it leaves and a case where it must still find the person (docs/MASKING.md,
"Words that look like names")."""

from __future__ import annotations

import pytest

from tests.helpers import finder_names


def names(text: str) -> list[str]:
    return sorted(set(finder_names(text)))


# -- an auxiliary and its pronoun open a question ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "OPERATOR: Can I have the postcode of the property?",
        "Support: Could you spell the street for me?",
        "AGENT: May we call you back tomorrow morning?",
        "Agent: Will you be at home for the delivery?",
        "CLIENT: Should I send the photos again?",
        "Agent: Did you receive the courier's text?",
    ],
)
def test_a_question_after_a_speaker_label_is_no_name(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # wrong way: "Can" and "Will" are given names; a surname after them is no pronoun
        ("Agent: Can Öztürk will call you back.", ["Can Öztürk"]),
        ("Agent: Will Pemberton will call you back.", ["Will Pemberton"]),
        # a pronoun after a comma is no question's subject
        ("Thanks Can, you were a great help", ["Can"]),
    ],
)
def test_a_name_that_is_an_auxiliary_is_still_found(text: str, found: list[str]) -> None:
    assert names(text) == found


# -- greetings in Latin letters and Albanian nouns opening a message ----------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Sawasdee krub, phom Anuwat Chaiyaporn, my parcel is late.", ["Anuwat Chaiyaporn"]),
        # the greeting is no name; the person a parcel is for is one (a parcel notice's form)
        ("Sawaddee khrap, the parcel for Somsak never came", ["Somsak"]),
        ("Namaste ji, main Rohit Verma bol raha hoon", ["Rohit Verma"]),
        ("Namaskar, my order ORD-221 never arrived", []),
        # wrong way avoided: a greeting that is also a given name is not listed
        ("Hi, I'm Shalom and my order never arrived", ["Shalom"]),
        ("Porosia ime ORD-77 nuk ka ardhur ende.", []),
        ("Fatura e muajit mars është gabim, ju lutem kontrolloni.", []),
        ("Pagesën e bëra dje por llogaria ende tregon borxh.", []),
        # a closing word of the list still leads to the name after it
        ("Pagesa nuk kaloi. Faleminderit, Arben Hoxha", ["Arben Hoxha"]),
    ],
)
def test_greetings_and_topic_words_are_no_names(text: str, found: list[str]) -> None:
    assert names(text) == found


# -- a lower-case street word, the name, a house number ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Adres: ulica Marii Konopnickiej 14}",
        "Consegna a via Giuseppe Garibaldi 21) entro venerdì",
        "envoyé au rue Victor Hugo 8; merci",
        "mi dirección es calle Francisco Silvela 42b",
    ],
)
def test_a_street_after_its_lower_case_word_is_no_name(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # wrong way: an English verb that is a street word is no street before the name
        ("Could you drive Tomasz Nowicki 5 stops further?", ["Tomasz Nowicki"]),
        # no house number: the lower-case word alone decides nothing
        ("I asked via Giuseppe Rinaldi for the invoice", ["Giuseppe Rinaldi"]),
        # a time after the name is no house number
        ("Mein Name ist Katarzyna Wójcik 10:30 Termin", ["Katarzyna Wójcik"]),
    ],
)
def test_a_street_word_without_its_number_leaves_the_name(text: str, found: list[str]) -> None:
    assert names(text) == found


# -- a company named after a person -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Beneficiary:\nPhilips Electronics\nRef INV-2291",
        "The transfer to Thompson Logistics bounced twice",
        "Zahlung an Hoffmann GmbH ist fehlgeschlagen",
        "Factura de Martínez Construcciones pendiente",
        "invoice from Andersen AS attached",
    ],
)
def test_a_company_named_after_a_person_is_no_name(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a two-letter legal form counts in capitals only: "as" is an English word
        ("I spoke to Ingrid Halvorsen as agreed yesterday", ["Ingrid Halvorsen"]),
        ("My name is Ana Ferreira, sa mga tanong ko", ["Ana Ferreira"]),
        # a short legal form is a whole word in capitals, not the start of a surname
        ("Third party: Habiba Sa’idu, tel. 0301 22", ["Habiba Sa’idu"]),
        # wrong way: an industry word after a signed name hides the person
        ("Signed, Martin Capital", []),
    ],
)
def test_a_legal_form_in_lower_case_leaves_the_name(text: str, found: list[str]) -> None:
    assert names(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Livraison au 27 rue Émile Zola, 2e étage", []),
        ("Address: 4 avenida Benito Juárez", []),
        # wrong way: English "via" after an amount is no street
        ("I paid 12 via Giuseppe Rinaldi yesterday", ["Giuseppe Rinaldi"]),
    ],
)
def test_a_house_number_before_the_street_word(text: str, found: list[str]) -> None:
    assert names(text) == found


# -- Swahili "to have" before a request's noun --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Jambo, mimi ni Juma Mwakilema. Nina swali kuhusu akaunti yangu.", ["Juma Mwakilema"]),
        ("Tuna tatizo na oda ya jana.", []),
        ("Sina uhakika kama malipo yamefika.", []),
        # wrong way: Nina and Ana as given names, no Swahili noun after them
        ("I met Nina yesterday at the branch", ["Nina"]),
        ("Nina Kowalczyk called about the refund", ["Nina Kowalczyk"]),
    ],
)
def test_swahili_have_is_no_name(text: str, found: list[str]) -> None:
    assert names(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Ich arbeite seit Mai bei Robert Bosch in Stuttgart", []),
        ("RECEIPT\nHenry Schein\nTOTAL 88,10 EUR", []),
        # a listed company is compared whole: a longer surname is a person
        ("Mein Kollege Carl Zeissler hat angerufen", ["Carl Zeissler"]),
    ],
)
def test_a_listed_company_named_after_its_founder(text: str, found: list[str]) -> None:
    assert names(text) == found
