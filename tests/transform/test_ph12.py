"""Phone rules of issue 13: numbers glued to a phone's label or to text written without spaces,
a cue across an e-mail address, HTML table columns, ``00`` numbers written with dots, and US
routing numbers with no label. Each rule has its decoys and the case where it is wrong."""

from __future__ import annotations

import dataclasses

import pytest

from archiver.transform.detectors import Detectors, aba_ok
from archiver.transform.policy import load_policy

POLICY = load_policy()
DETECTORS = Detectors(POLICY.detectors)


def found(text: str, detectors: Detectors = DETECTORS) -> list[tuple[str, str]]:
    return [(sp.kind, text[sp.start : sp.end]) for sp in detectors.find(text) if sp.kind != "NAME"]


def phones(text: str) -> list[str]:
    return [v for k, v in found(text) if k == "PHONE"]


# --- a phone's label glued on with a dot ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Tel.21234927 cc info@nordwind-versand.de", "21234927"),
        ("Tel.612 34 83 66", "612 34 83 66"),
        ("Tél.2123456172", "2123456172"),
        ("Tel.12 345 67 01 ext 4147", "12 345 67 01 ext 4147"),  # the extension with it
        ("Mob.8 (912) 343-34-00 ref b8946", "8 (912) 343-34-00"),
    ],
)
def test_a_phone_label_glued_on_with_a_dot_opens_a_national_number(text: str, phone: str) -> None:
    assert phones(text) == [phone]


@pytest.mark.parametrize(
    "text",
    [
        "Art.21234927",  # an article number glued to another label
        "hotel.21234927",  # "tel" inside a word is no label
        "Abb.2123456172",
        "v.2.12.345",
    ],
)
def test_other_words_glued_on_with_a_dot_open_no_number(text: str) -> None:
    assert phones(text) == []


# --- scripts written without spaces --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("我是张浩然，手机号131 2345 6512", "131 2345 6512"),
        ("我是赵志强，手机号+65 8123.0530 🙏", "+65 8123.0530"),
        ("我是王浩然，手机号+65 61239754 😡", "+65 61239754"),
    ],
)
def test_a_number_glued_to_chinese_text_is_read(text: str, phone: str) -> None:
    assert phones(text) == [phone]


def test_a_number_glued_to_chinese_text_keeps_the_other_rules() -> None:
    # dates, prices and short numbers stay what they were
    assert phones("订单日期2024-06-01，金额1299.00元") == []
    assert phones("订单号2024-640827") == []  # a year and a sequence number
    # Wrong way: an order number glued to its Chinese label and valid as a phone is masked
    # (the label is no word of the lists): 订单号 "order number".
    assert phones("订单号13123456761") == ["13123456761"]


# --- a cue across an e-mail address --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Kontakt: francesca1999@alice.it, 22 346264", "22 346264"),
        ("Kontakt: zawadikiprop23@bücherstube.at, 21 232 0389", "21 232 0389"),
    ],
)
def test_a_cue_reaches_across_an_email_address_with_digits(text: str, phone: str) -> None:
    assert phones(text) == [phone]


def test_without_a_cue_the_email_address_makes_no_phone() -> None:
    assert phones("mail: francesca1999@alice.it, 22 346264") == []


def test_an_email_domain_is_no_label() -> None:
    # ".id" ends an address, it does not label the number after it
    text = "Putri\tWijaya\tputri.wijaya@yahoo.co.id\t0031 6-12342381\tCust# 50861427"
    assert phones(text) == ["0031 6-12342381"]
    # the word itself still labels a number
    assert phones("customer id 0031 6 12342381") == []
    # a label after an address and another cell is still one
    row = "Fang,Ouyang,fangouyang44@sina.com,010-1232-0775,Cust# 14511320\n"
    assert phones("first_name,last_name,email,phone,ref\n" + row) == ["010-1232-0775"]


# --- HTML tables ---------------------------------------------------------------------------------

HTML = (
    "Here is the list you asked for:\n<table><tr><th>Name</th><th>E-mail</th><th>{head}</th>"
    "<th>Ref</th></tr>\n<tr><td>Zdeněk Kučera</td><td>zdenek.kucera@email.cz</td>"
    "<td>{cell}</td><td>{ref}</td></tr>\n</table>"
)


@pytest.mark.parametrize(
    "cell", ["40 61 47 53", "(11) 2345-3201", "984-1200915", "22 345166", "5129 1302"]
)
def test_a_number_under_an_html_column_headed_by_a_cue(cell: str) -> None:
    assert phones(HTML.format(head="Tel", cell=cell, ref="CID5126")) == [cell]
    assert phones(HTML.format(head="Phone number", cell=cell, ref="CID5126")) == [cell]


def test_other_html_columns_give_no_cue() -> None:
    # the same numbers under another header, in the next column, or not alone in their cell
    assert phones(HTML.format(head="Ref", cell="40 61 47 53", ref="x")) == []
    assert phones(HTML.format(head="Tel", cell="CID5126", ref="40 61 47 53")) == []
    assert phones(HTML.format(head="Tel", cell="Kd 40 61 47 53", ref="x")) == []
    # a cell with no header row above it
    assert phones("<table><tr><td>Anna</td><td>40 61 47 53</td></tr></table>") == []


def test_html_column_wrong_way() -> None:
    # Anything in a column headed "Tel" that is a valid number of some region is masked,
    # also when it was something else.
    assert phones(HTML.format(head="Tel", cell="12 345 678", ref="x")) == ["12 345 678"]


# --- "00" numbers written with dots --------------------------------------------------------------


@pytest.mark.parametrize("phone", ["0032 12.33.16.49", "0041 78.123.49.82", "0045 32.12.95.84"])
def test_an_00_country_code_before_dotted_groups_makes_a_phone_not_an_address(phone: str) -> None:
    assert found(f"Hola, call me at {phone}\n> 23/11/2023") == [("PHONE", phone)]


def test_dotted_groups_after_a_code_that_reads_no_phone_stay_an_address() -> None:
    # 42 is no country code: the address is one
    assert found("at 0042 81.2.69.160") == [("IP", "81.2.69.160")]
    # Wrong way: a number before an address that reads as a phone with it takes the address
    # in (masked as a phone, not as an address)
    assert found("batch 0044 81.2.69.160") == [("PHONE", "0044 81.2.69.160")]


# --- US routing numbers with no label ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "(see 092704864)",
        "- 082991328\n (DE694409860) Ref ART.880230.",
        "Tack! /Ingrid\n— 038595354 lol",
        "Cuenta: GR12 1460 460B QD05 SWA7 YYKG RST\n097239813",
        "Danke!\n(see 112888547)",  # the districts 10-12
        "(see 221172607)",  # a thrift institution's (21-32)
    ],
)
def test_nine_digits_with_a_routing_symbol_and_the_checksum_are_no_phone(text: str) -> None:
    assert phones(text) == []


def test_routing_numbers_in_the_tests_pass_the_checksum() -> None:
    for number in ("092704864", "082991328", "038595354", "097239813", "112888547", "221172607"):
        assert aba_ok(number), number


def test_a_phone_that_passes_the_checksum() -> None:
    # 061234501 is a German fixed line (+49 6123 4501) that passes the ABA checksum.
    assert aba_ok("061234501")
    # after a phone cue it is a phone
    assert phones("Tel. 061234501") == ["061234501"]
    assert phones("call me on 061234501 please") == ["061234501"]
    # Wrong way: with no cue it is taken for a routing number and left in clear
    assert phones("(see 061234501)") == []
    # written in groups it is no routing number (those are written whole)
    assert phones("(see 06123 4501)") == ["06123 4501"]


def test_a_us_phone_whose_first_nine_digits_pass_the_checksum_is_a_phone() -> None:
    # a US number has ten digits: its first nine passing the checksum do not make it a
    # routing number (nine digits alone only)
    assert aba_ok("212345676")
    assert phones("(see 2123456760)") == ["2123456760"]
    assert phones("(see (212) 345-6760)") == ["(212) 345-6760"]


def test_routing_symbols_outside_the_ranges_keep_the_phone() -> None:
    # a Spanish mobile (6…) is never read as a routing number of the electronic range
    assert aba_ok("612345603")
    assert phones("(see 612345603)") == ["612345603"]


def test_routing_prefixes_turned_off_keep_the_number_a_phone() -> None:
    off = Detectors(dataclasses.replace(POLICY.detectors, routing_prefixes=()))
    assert phones("(see 061234501)") == []
    assert [v for k, v in found("(see 061234501)", off) if k == "PHONE"] == ["061234501"]


# --- a separator typed after the last digit, and two more cue words ------------------------------


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("callback on +27 6519058702-; order no. 125-1036398-5971828.", "+27 6519058702-"),
        ("Selam, adım Oğuz! numaram +90 614380311179/", "+90 614380311179/"),
        ("Mobile: +420 6292727384/. paid with card", "+420 6292727384/"),
    ],
)
def test_a_separator_typed_after_the_last_digit_is_masked_with_the_number(
    text: str, phone: str
) -> None:
    spans = [sp for sp in DETECTORS.find(text) if sp.kind == "PHONE"]
    assert [text[sp.start : sp.end] for sp in spans] == [phone]
    # the value (and so the token) is the number's, as without the separator
    bare = text.replace(phone, phone[:-1])
    assert [sp.value for sp in spans] == [
        sp.value for sp in DETECTORS.find(bare) if sp.kind == "PHONE"
    ]


def test_a_separator_with_more_after_it_stays() -> None:
    assert phones("call 0532 123 45 67 - thanks") == ["0532 123 45 67"]
    assert phones("call 0532 123 45 67-- thanks") == ["0532 123 45 67"]
    assert phones("pages 10-20/ ok") == []


def test_sms_is_a_phone_cue() -> None:
    assert phones("SMS an 40 61 47 53 bitte") == ["40 61 47 53"]
    # without the cue the number is no listed region's
    assert phones("Ticket 40 61 47 53 bitte") == []


def test_cep_is_no_phone_cue() -> None:
    # Turkish "cep" names a mobile, Brazil's "CEP" a postcode: no cue (a number so labelled
    # is read as any other)
    assert phones("invoice FA383150 - CEP 93184-980. April is fully booked.") == []
    assert phones("Cep: +380-290-45-946-24") == []
