"""Card and phone rules by class: cards written as issuer number and rest (6-13), numbers in
uniform groups that are no card; dates with times, year/sequence documents, "#" and JSON labels
that make a number no phone; national numbers of unlisted regions read in the regions their text
names and after a phone cue. Every inference also has the case where it is wrong."""

from __future__ import annotations

import dataclasses

import pytest

from archiver.transform.detectors import Detectors
from archiver.transform.policy import load_policy

POLICY = load_policy()
DETECTORS = Detectors(POLICY.detectors)


def found(text: str, detectors: Detectors = DETECTORS) -> list[tuple[str, str]]:
    return [(sp.kind, text[sp.start : sp.end]) for sp in detectors.find(text) if sp.kind != "NAME"]


# --- cards -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "card"),
    [
        ("kartım 650500-5756177079351 pls charge 2922,10 zł", "650500-5756177079351"),
        ("Meine Karte: 649322.9877166258506 pls charge 1138.49 EUR", "649322.9877166258506"),
        ("numer karty 649406 6596078465710 für ₺1.284,38", "649406 6596078465710"),
        ("pay with 490964 8337191990581, amount CHF 472.–", "490964 8337191990581"),
    ],
)
def test_a_card_as_issuer_number_and_the_rest(text: str, card: str) -> None:
    assert ("CARD", card) in found(text)


def test_a_number_in_groups_of_four_is_not_cut_into_a_short_card() -> None:
    # 6539 7814 0222 passes Luhn as a 12-digit card; with its fourth group it is one number
    text = "6539 7814 0222 6405 is the old card, ignore it"
    assert found(text) == []


def test_card_grouping_rules_wrong_both_ways() -> None:
    # Too much: a card of 16 digits is still cut off a run that goes on in its groups.
    assert found("Card: 4111 1111 1111 1111 2024") == [("CARD", "4111 1111 1111 1111")]
    # Too little: a 12-digit card written 4-4-4 and followed by a four-digit group is taken
    # for one longer number and left.
    assert found("card 5018 0000 0009 1234") == []
    assert found("card 5018 0000 0009") == [("CARD", "5018 0000 0009")]


# --- phones: what is no phone ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Termin verschoben auf 2023-02-23 16:15:36 (Zoom 929 7577 2342)",
        # a meeting id is no phone, also after a cue (929 7577 2342 is valid in Argentina)
        "call me on Zoom 929 7577 2342 tomorrow",
        "Réunion déplacée au 20191220 10:00:22",
        "Meeting moved to 08.01.2022 9:50 am",
        "Termin verschoben auf 04.05.2021 13.50 Uhr",
        "Bitte um Rückruf. FT 2024/424361",
        "Subject: Re: FT 2024-140774",
        "Bitte um Rückruf. FT 2019/5096",
        "Customer Fatima Khoury asked about #0521757; refund",
        'delivered, "order": "4520554", "total": "€163.65"',
        "can you cancel it (0776398)",
        # a form field labelled as a number's label, in a bot template
        '{"label": "E-mail", "value": "radka@yandex.ru"}, {"label": "#", "value": "8600929596"}',
        '{"label": "Order no.", "value": "8600929596"}, {"label": "mail", "value": "r@yandex.ru"}',
        "pls charge 153,58 zł le 20240701",
    ],
)
def test_dates_documents_and_labelled_numbers_are_no_phones(text: str) -> None:
    assert [k for k, _ in found(text) if k in ("PHONE", "CARD")] == [], found(text)


def test_shapes_that_are_no_phone_wrong_the_other_way() -> None:
    # These rules only take numbers away; a phone written in such a shape is left in clear:
    # a US number grouped like a year and a sequence, a short German number with its trunk 0.
    assert found("call me: 2024-140774") == []
    assert found("Tel. 0776398") == []
    assert ("PHONE", "202-414-0774") in found("call me: 202-414-0774")


def test_a_hash_after_a_word_naming_a_phone_keeps_it() -> None:
    assert found("phone # 0532 123 45 67") == [("PHONE", "0532 123 45 67")]
    assert found('{"label": "Tel", "value": "0532 123 45 67"}') == [("PHONE", "0532 123 45 67")]


# --- phones: national forms of regions the policy does not list --------------------------------


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        # the region of a number written with its country code
        ("> we have your number as +54 91 123 47 8185\n\nnon, c'est 011 15-2309-0953",
         "011 15-2309-0953"),
        # of an e-mail address's country domain
        ("Ola Nordmann,ola@firma.no,40002213,Bergen", "40002213"),
        ("Despina,despina@otenet.gr,691 216 8531,Patras", "691 216 8531"),
        # of an IBAN
        ("IBAN NO93 8601 1117 947\nOla Nordmann\n40 00 22 13", "40 00 22 13"),
        # a phone cue before it on the line
        ("my colleague will pick it up, reach them on 96 700126", "96 700126"),
        ("PS ma collègue passera le chercher, son numéro : 012 60 82 55", "012 60 82 55"),
        ("Also: mój mąż odbierze paczkę, numer 12 326 86 96", "12 326 86 96"),
        ("Lieferadresse:\nEirik Strand\n788 27 Bergen\nTel. 40 51 06 45", "40 51 06 45"),
        # under a column headed by a cue
        ("name,email,phone,city\nOla,ola@example.com,40 00 22 13,Bergen\n", "40 00 22 13"),
        ("| field | value |\n|---|---|\n| phone | 27 03 11 61 |", "27 03 11 61"),
        # a short answer under a line naming the number
        ("we have your number as 512 433 906\n\nfalsch, bitte 12 322 23 17", "12 322 23 17"),
    ],
)  # fmt: skip
def test_national_numbers_of_regions_the_text_names_or_after_a_cue(text: str, phone: str) -> None:
    assert ("PHONE", phone) in found(text), found(text)


@pytest.mark.parametrize(
    "text",
    [
        # a cue word right after a label names the label's number
        "Hallo Chrysoula, Your order number is 1304586709.",
        "Dear Panagiotis Makris, Your reference number is 14757835.",
        # a cue inside an address or link, or before another number, is none for this one
        '{"label": "mail", "value": "ines@telefonica.net"}, {"label": "#", "value": "8424455171"}',
        '{"label": "Tel", "value": "tel:+31202347716"}, {"label": "#", "value": "8511890498"}',
        # a name is no stem of a cue (fon*), a label right before a number is none either
        "Meu e-mail é caetano.fonseca@terra.com.br\n\nVocês entregam no CEP 37585-832?",
        "Neue Nummer:\n+47 40 65 12 99 (réf. 461.225.82)",
    ],
)
def test_what_is_no_phone_cue(text: str) -> None:
    assert all(k != "PHONE" or v.startswith("+") for k, v in found(text)), found(text)


def test_region_inference_wrong_both_ways() -> None:
    # Too much: an e-mail address in .no makes an unlabelled number valid in Norway a phone.
    text = "ola@example.no wrote about 40002213 yesterday"
    assert ("PHONE", "40002213") in found(text)
    # Too little: a Norwegian number in a text naming another country, with no cue, is left.
    text = "mail jan@firma.de, the parcel goes to 40 00 22 13 tomorrow"
    assert ("PHONE", "40 00 22 13") not in found(text)


def test_phone_cue_wrong_both_ways() -> None:
    # Too much: any number after a cue that is valid somewhere is taken ("call me about" an
    # order number of eight digits, valid in Norway).
    assert ("PHONE", "21123456") in found("call me about 21123456 tomorrow")
    # Too little: a misspelt cue is no cue, a column headed otherwise is none either.
    assert found("my nubmer is 40 00 22 13") == []
    assert ("PHONE", "40 00 22 13") not in found(
        "name,email,fax,city\nOla,ola@example.com,40 00 22 13,Bergen\n"
    )


def test_seven_digits_are_never_read_in_other_regions() -> None:
    # an order number is as often seven digits as a phone: only listed regions read those
    assert found("tel: +1 201-565-0252, can you cancel it (5418058)") == [
        ("PHONE", "+1 201-565-0252")
    ]


def test_both_inferences_can_be_turned_off() -> None:
    off = Detectors(dataclasses.replace(POLICY.detectors, phone_text_regions=False, phone_cues=()))
    assert found("Ola Nordmann,ola@firma.no,40002213,Bergen", off) == [("EMAIL", "ola@firma.no")]
    assert found("reach them on 96 700126", off) == []
