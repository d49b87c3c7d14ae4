"""Structured values in forms the detectors missed: internationalised e-mail domains (combining
marks, ASCII-encoded top-level domains), quoted addresses inside JSON strings, "AT"/"DOT"
written in capitals, file-sharing link keys, a card after an IBAN in one digit run, and
national phones that signatures, contact lines and headerless tables carry without a cue
word. Each inferred rule also has a case where the inference is wrong."""

from __future__ import annotations

import json
import string

from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.transform.detectors import Detectors
from archiver.transform.policy import load_policy

DETECTORS = Detectors(load_policy().detectors)


def found(text: str, kind: str) -> list[tuple[str, str]]:
    """(as written, normalised value) of every detection of ``kind``."""
    return [(text[sp.start : sp.end], sp.value) for sp in DETECTORS.find(text) if sp.kind == kind]


def covered(text: str, value: str, kind: str) -> bool:
    a = text.index(value)
    spans = [(sp.start, sp.end) for sp in DETECTORS.find(text) if sp.kind == kind]
    return all(any(s <= i < e for s, e in spans) for i in range(a, a + len(value)))


# --- e-mail ------------------------------------------------------------------------------------


def test_domain_with_combining_marks_is_an_address() -> None:
    # Thai vowel and tone marks are no word characters to the regex engine
    text = "pls use ondrej_svoboda@ร้านค้า.th from now on"
    assert found(text, "EMAIL") == [("ondrej_svoboda@ร้านค้า.th", "ondrej_svoboda@ร้านค้า.th")]
    text = "mail: anil@भारत.भारत."
    assert found(text, "EMAIL") == [("anil@भारत.भारत", "anil@भारत.भारत")]


def test_domain_escaped_in_json_is_the_same_address() -> None:
    raw = json.dumps({"contact": "veselyo@ร้านค้า.th"})  # \\u0e23\\u0e49…
    assert "\\u0e23" in raw
    assert [v for _, v in found(raw, "EMAIL")] == ["veselyo@ร้านค้า.th"]


def test_ascii_encoded_top_level_domain() -> None:
    text = "send the invoice to mhaddad@xn----7sbbtolhscj8ah0d.xn--p1ai"
    assert covered(text, "mhaddad@xn----7sbbtolhscj8ah0d.xn--p1ai", "EMAIL")
    # a label that only starts like one is no top-level domain: no address, no crash
    assert found("user@host.xn--", "EMAIL") == []


def test_quoted_local_part_escaped_in_json() -> None:
    doc = json.dumps({"label": "Email", "value": '"yohannes mengistu"@gmail.com'})
    assert '\\"yohannes' in doc
    assert [v for _, v in found(doc, "EMAIL")] == ['"yohannes mengistu"@gmail.com']
    plain = 'write to "yohannes mengistu"@gmail.com'
    assert [v for _, v in found(plain, "EMAIL")] == ['"yohannes mengistu"@gmail.com']


@settings(max_examples=60, deadline=None)
@given(
    local=st.text(alphabet=string.ascii_letters + string.digits + " ._-", min_size=1, max_size=20)
    .map(str.strip)
    .filter(bool)
)
def test_escaped_and_plain_quoted_forms_share_one_value(local: str) -> None:
    """Whatever the quoted local part, its JSON-escaped form gets the plain form's value (so
    the same token)."""
    address = f'"{local}"@example.org'
    plain = found(f"mail {address} now", "EMAIL")
    escaped = found(json.dumps({"v": address}), "EMAIL")
    assert plain and escaped
    assert escaped[-1][1] == plain[-1][1] == address.lower()


def test_at_dot_in_capitals_or_angle_brackets_is_an_address() -> None:
    # "one" and "i" read as prose words otherwise
    assert [v for _, v in found("gintarez AT one DOT lt", "EMAIL")] == ["gintarez@one.lt"]
    assert [v for _, v in found("Bohdan,kravchukb AT i DOT ua,Kyiv", "EMAIL")] == ["kravchukb@i.ua"]
    text = "From: Mantas Kazlauskas <mkazlauskas at one dot lt>\nTo: info@shop.example"
    assert "mkazlauskas@one.lt" in [v for _, v in found(text, "EMAIL")]


def test_at_dot_prose_stays_prose() -> None:
    # the inference wrong way round: a sentence in capitals, or the words in lower case
    assert found("MEET AT HOME DOT COM", "EMAIL") == []
    assert found("we met at one dot com party", "EMAIL") == []
    assert found("see you at home dot com", "EMAIL") == []


# --- URL ---------------------------------------------------------------------------------------


def test_share_link_key_makes_the_link_secret() -> None:
    link = "https://www.dropbox.com/scl/fi/0srjzdh5m6vdsl6zwwidf/contract.pdf"
    url = f"{link}?rlkey=4ghdi1dbndwhckdbqvnduimuw&dl=0"
    assert found(f"see {url}", "URL") == [(url, url)]
    # the same file's link without its key opens nothing by itself
    assert found(f"see {link}?dl=0", "URL") == []


# --- card --------------------------------------------------------------------------------------


def test_card_after_an_iban_in_one_digit_run() -> None:
    text = "IBAN: TL70 4491 1408 6934 2388 549. 5020 9055 6436 5885 numaralı kartla ödedim"
    assert found(text, "CARD") == [("5020 9055 6436 5885", "5020905564365885")]
    assert [w for w, _ in found(text, "IBAN")] == ["TL70 4491 1408 6934 2388 549"]


# --- phone -------------------------------------------------------------------------------------


def test_signature_line_labels() -> None:
    for text, number in [
        ("Danke!\n\nSigne Kristensen\nMob. 34446297\nMail: signek@ops.example.com", "34446297"),
        ("Danke!\n\nIvy Whitfield\nM: 6912815329\nMail: ivy118@ops.example.com", "6912815329"),
        ("See attached.\n\nVeronika Svoboda\nT 212 596 829\nvs@example.cz", "212 596 829"),
        ("Thanks.\n\nLAYLA HASHEM\n📞 81292193\nlh@example.de", "81292193"),
    ]:
        assert covered(text, number, "PHONE"), text


def test_line_label_with_more_after_the_number_is_no_phone_line() -> None:
    # "T" opens the line, but the line goes on: a count, not a signature's number
    assert found("Stock check\nT 34446297 pieces left", "PHONE") == []


def test_cue_words_of_more_languages() -> None:
    assert covered("sou Conceição, meu celular é (11) 96123 4837 pls", "(11) 96123 4837", "PHONE")
    # seven digits right after a cue
    assert covered("The parcel is for you. new number: 325 8113", "325 8113", "PHONE")
    # a label word before a comma labels nothing after it
    text = "my husband made the booking, call me back at 691 234 9885 after 5"
    assert covered(text, "691 234 9885", "PHONE")


def test_seven_digits_without_a_cue_stay() -> None:
    assert found("Your parcel 325 8113 left the depot", "PHONE") == []


def test_contact_line() -> None:
    for text, number in [
        ("Ok thanks\nBegoña Ibáñez | 011 15-2318-8455", "011 15-2318-8455"),
        ("Still waiting.\nGiorgos Konstantinou | 22289109", "22289109"),
        ("Aguardo retorno.\nAisha Saleh, 8 (912) 345-06-71, aishas@gmail.com", "8 (912) 345-06-71"),
        ("Ok thanks\nNikolina Horvat · 34-48-71-41 · nikolina.horvat@net.hr", "34-48-71-41"),
        ("Still waiting.\n郭小明 | 34 79 52 72", "34 79 52 72"),
        ("Urgent!!\nYip Man Wai / 5185 1992", "5185 1992"),
    ]:
        assert covered(text, number, "PHONE"), text


def test_contact_line_inference_both_ways() -> None:
    # wrong one way: a line of the same shape naming no person is read as a contact (masked)
    assert covered("Lost Property | 22289109", "22289109", "PHONE")
    # ...and the other: a label of a number, a third field that is no address, or a single
    # word in a script written with spaces is no contact line (kept)
    assert found("Order Status | 22289109", "PHONE") == []
    assert found("Kasper Dahl | 22289109 | Copenhagen", "PHONE") == []
    assert found("Total | 22289109", "PHONE") == []


def test_phone_column_without_header() -> None:
    text = (
        "Tijana,Nikolić,nikolict@eunet.rs,+381 60 1215430,Rua Augusta\n"
        "Dragan,Petrović,petrovicd@gmail.com,+358891605741,D02 X285\n"
        "Nikola,Jovanović,nikola_jovanovic@eunet.rs,34 96 69 69,Queen Street West\n"
    )
    assert covered(text, "34 96 69 69", "PHONE")
    tabbed = "Priya\tSingh\t+91 98765 43210\tPune\nPriya\tVerma\t34 44 77 91\t3011 AB\n"
    assert covered(tabbed, "34 44 77 91", "PHONE")


def test_phone_column_inference_both_ways() -> None:
    # no phone in the column: the number stays
    text = "Anna,Berg,ORD-1,Pune\nBo,Ek,34 96 69 69,Oslo\n"
    assert found(text, "PHONE") == []
    # a phone in another column only: the number stays
    text = "Anna,+381 60 1215430,ORD-1\nBo,Oslo,34 96 69 69\n"
    assert [w for w, _ in found(text, "PHONE")] == ["+381 60 1215430"]
    # wrong the other way: an order number in a phone column is masked as one
    text = "Anna,+381 60 1215430\nBo,34 96 69 69\n"
    assert covered(text, "34 96 69 69", "PHONE")


def test_label_before_hash_is_a_label_whatever_it_holds() -> None:
    # "Bestellung" holds "tel" (a phone stem of labels.unless): still an order's label
    text = "Vodafone keeps calling me about this.\nBestellung #27422039 vom 2020-08-14"
    assert found(text, "PHONE") == []
    assert found("Bestellung #0532 123 45 67", "PHONE") == []
    # a word naming a phone before "#" still reads the number as one
    assert covered("Telefon # 0532 123 45 67", "0532 123 45 67", "PHONE")


def test_a_purchase_order_number_is_no_phone_but_a_callback_beside_it_is() -> None:
    # "PO" labels a purchase order (or a PO box), like "order"; the phone on the same line stays
    # a phone. Wrong way: a Polish "po" ("after") right before a bare national number would keep
    # that number in clear; a time stands there in practice ("po 17:00 na 601 123 456").
    text = "refund for PO 3199895561; callback 00420 601123578."
    assert [(sp.kind, text[sp.start : sp.end]) for sp in DETECTORS.find(text)] == [
        ("PHONE", "00420 601123578")
    ]
    text = "call me po 17:00 na 601 123 456"
    assert [(sp.kind, text[sp.start : sp.end]) for sp in DETECTORS.find(text)] == [
        ("PHONE", "601 123 456")
    ]


def test_a_label_glued_on_with_a_dot_opens_an_international_number() -> None:
    # "Tel.+33 …": the whole number with its country code, not the national part alone.
    for text, phone in [
        ("Tel.+33 612341727", "+33 612341727"),
        ("Tel.+358 (0) 41 2346546 29E", "+358 (0) 41 2346546"),
    ]:
        assert [(sp.kind, text[sp.start : sp.end]) for sp in DETECTORS.find(text)] == [
            ("PHONE", phone)
        ]
    # still no number inside a longer token
    assert DETECTORS.find("see 1.2.3.4567 and ORD-1234567") == []


def test_four_dotted_groups_after_a_country_code_are_a_phone_not_an_address() -> None:
    for text, phone in [
        ("my number: +46 70.124.54.40.", "+46 70.124.54.40"),
        ("Liste: (+32) 75.99.32.29, USD", "(+32) 75.99.32.29"),
    ]:
        assert [(sp.kind, text[sp.start : sp.end]) for sp in DETECTORS.find(text)] == [
            ("PHONE", phone)
        ]
    # Wrong way: an address written right after a "+1 " that is no country code is read as a
    # phone (masked all the same, under another kind); without one it is an address.
    text = "login from 75.99.32.29 failed"
    assert [(sp.kind, text[sp.start : sp.end]) for sp in DETECTORS.find(text)] == [
        ("IP", "75.99.32.29")
    ]


def test_a_label_glued_on_with_a_dot_opens_a_number_with_its_trunk_or_its_brackets() -> None:
    for text, phone in [
        ("Tel.00351 912-386-903 cc", "00351 912-386-903"),
        ("Tel.(+351) 21 234 5808", "(+351) 21 234 5808"),
        ("Tel.022123000 ext 8406", "022123000 ext 8406"),  # the extension with it
    ]:
        assert [(sp.kind, text[sp.start : sp.end]) for sp in DETECTORS.find(text)] == [
            ("PHONE", phone)
        ], text
    # A digit other than the trunk "0" after "word." is no number's start ("Fig.3", "Art.
    # 509227"), and nor is anything after "digit." (versions, decimals).
    assert DETECTORS.find("Fig.3 page 12, Art.509227, v1.2.3.4567") == []
    # Wrong way: a label the lists lack, glued on with a dot, before ten digits with a trunk
    # "0" reads as a phone ("Art.0612345678": an article number masked needlessly).
    text = "Art.0612345678 red"
    assert [(sp.kind, text[sp.start : sp.end]) for sp in DETECTORS.find(text)] == [
        ("PHONE", "0612345678")
    ]
