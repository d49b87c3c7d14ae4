"""Names in meeting minutes ("Present: …", "Apologies: …", "ACTION Ebba: …"), in mail headers
whose display name is written "Family, Given", in praise, in lower-case voice transcripts, after
a card's "holder" and atop an address label; and the words that must stay in clear beside
them."""

from __future__ import annotations

import pytest

from archiver.transform.detectors import Detectors
from archiver.transform.policy import load_policy

DETECTORS = Detectors(load_policy().detectors)


def _names(text: str) -> list[tuple[int, int]]:
    """The spans masked as names, with the phones and addresses that anchor signatures."""
    return [(s.start, s.end) for s in DETECTORS.find(text, None) if s.kind == "NAME"]


def covered(text: str, value: str) -> bool:
    """Every character of ``value`` (its first occurrence) lies in a found name."""
    a = text.index(value)
    spans = _names(text)
    return all(any(s <= i < e for s, e in spans) for i in range(a, a + len(value)))


def touched(text: str, value: str) -> bool:
    a = text.index(value)
    b = a + len(value)
    return any(s < b and a < e for s, e in _names(text))


_MINUTES = (
    "Minutes, supplier call 06.03.2026\nPresent: กมลชนก วงศ์ใหญ่ (chair), Iolo Llywelyn, Տիգրան\n"
    "Apologies: Tran Duc Anh\n1. Q4 figures reviewed, discount 45%.\n"
    "2. ACTION ZSOFIA: send the new IBAN to finance by June."
)


@pytest.mark.parametrize(
    "value", ["กมลชนก", "วงศ์ใหญ่", "Iolo Llywelyn", "Տիգրան", "Tran Duc Anh", "ZSOFIA"]
)
def test_minutes_lines_of_people(value: str) -> None:
    assert covered(_MINUTES, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Anwesend: Jürgen Weiß, Ana Souza\nEntschuldigt: Nilar Win", "Nilar Win"),
        ("Présents : Kofi Boateng, Ana Souza\nExcusés : Sato Misaki", "Sato Misaki"),
        ("Present: Ana Souza, Kofi Boateng\n- Action Myat Noe Oo: book the room", "Myat Noe Oo"),
    ],
)
def test_minutes_in_languages(text: str, value: str) -> None:
    assert covered(text, value)


def test_minutes_action_of_a_team_and_a_line_going_on() -> None:
    """A team owning an action stays in clear; a last item whose line goes on after a common
    word keeps that word out."""
    text = "Present: Ana Souza, Kofi Boateng\n2. ACTION Finance: pay the invoice"
    assert not touched(text, "Finance")
    text = "Attendees: Ana Souza and Obiri Nkansa Will call back ref 4411"
    assert covered(text, "Obiri Nkansa")
    assert not touched(text, "Will call")
    # Wrong way: after a listed given name ("Kofi") or surname ("Boateng"), "Will", a listed
    # given name too, reads as the name's next part (docs/MASKING.md).
    text = "Attendees: Ana Souza and Kofi Dwamena Will call back ref 4411"
    assert covered(text, "Kofi Dwamena") and touched(text, "Will")


def test_action_without_a_line_of_people_is_no_owner() -> None:
    """An "ACTION Required:" line in a plain notice is no person's action item."""
    text = "Reminder\nACTION Required: renew the certificate before Friday."
    assert not touched(text, "Required")


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "---------- Forwarded message ---------\nFrom: Holmgren, Gustav "
            "<gustav.holmgren@example.se>\nDate: 17/10/2026\nSubject: Payment details",
            ["Holmgren", "Gustav"],
        ),
        (
            "From: Jung, Haeun <jung.haeun@hotmail.com>\nDate: 2026-10-19\nSubject: Hi",
            ["Jung", "Haeun"],
        ),
        (
            "From: Novák, Kateřina <k.novak@yahoo.com>\nDate: 25/6/2026\nSubject: Hi",
            ["Novák", "Kateřina"],
        ),
        ('Cc: "ឈឿន, សុភា" <sophea.chhoeun@fastmail.com>\nSubject: Hi', ["ឈឿន", "សុភា"]),
    ],
)
def test_family_given_display_names(text: str, values: list[str]) -> None:
    for value in values:
        assert covered(text, value)


def test_inverted_display_of_a_mailbox_stays() -> None:
    """A mailbox whose display name is common words ("Support, Customer <…>") and a comma in a
    subject line are no person."""
    text = "From: Support, Customer <help@example.com>\nSubject: Orders, Returns <b@c.de>"
    assert not touched(text, "Support")
    assert not touched(text, "Customer")
    assert not touched(text, "Returns")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Thanks to Jasur Rahimov! m.macaraeg+bank@aol.com up 12.5%", "Jasur Rahimov"),
        ("Great help from Ffion Llywelyn! Contact me: y.lin@example.de", "Ffion Llywelyn"),
    ],
)
def test_praise_names_the_helper(text: str, value: str) -> None:
    assert covered(text, value)


def test_praise_of_a_company_or_a_thing_stays() -> None:
    for text, word in [
        ("Thanks to Amazon!", "Amazon"),
        ("Thanks to the update, it works", "update"),
    ]:
        assert not touched(text, word)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("hello it's loic lefevre i'm calling about my FI 1410 cheers", "loic lefevre"),
        ("hi um this is pham thi huong so the thing is my ET 2223", "pham thi huong"),
        (
            "yes hello my name is grzegorz zurawski i'm calling about my POL-63566-KR",
            "grzegorz zurawski",
        ),
    ],
)
def test_caller_in_a_lower_case_transcript(text: str, value: str) -> None:
    assert covered(text, value)


@pytest.mark.parametrize(
    "text",
    [
        "this is ridiculous i want a refund",
        "hi this is really bad so please call",
        "this is my second call i'm waiting",
        "Hello it's Madrid Barajas so the flight …",  # opens in capitals: not a transcript
    ],
)
def test_lower_case_complaints_are_no_caller(text: str) -> None:
    a = text.index("is ") + 3 if "this is" in text else text.index("it's") + 5
    assert not touched(text, text[a : a + 8])


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Please charge 6443 1252 1377 2715, exp 08/27, holder Liga Vitola. Not the old one.",
            "Liga Vitola",
        ),
        (
            "Use card 344378591258228, exp 09/28, holder LAKSHMI VARMA. Not the old one",
            "LAKSHMI VARMA",
        ),
    ],
)
def test_card_holder_without_a_colon(text: str, value: str) -> None:
    assert covered(text, value)


def test_holder_of_a_thing_stays() -> None:
    assert not touched("the holder Card is broken.", "Card")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("BOLA BABATUNDE\n62 Rua Augusta\n72402 Charlotte\nTel: 08021231932", "BOLA BABATUNDE"),
        (
            "KARLIS KRUMINS\n51 Calle Simón Bolívar\n40490 Port Louis\nTel: +371.63.123.051",
            "KARLIS KRUMINS",
        ),
        (
            "Vo Minh Khoa\nc/o 57 Calle Simón Bolívar\n42440 Regina\nTel: +351.912.345.974",
            "Vo Minh Khoa",
        ),
    ],
)
def test_addressee_of_an_address_label(text: str, value: str) -> None:
    assert covered(text, value)


def test_first_line_over_no_address_stays() -> None:
    text = "Order summary\n2 items shipped\nTel: +49 30 22610"
    assert not touched(text, "Order summary")


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            '<contact id="1">\n  <givenName>សុខា</givenName>\n  <familyName>ជា</familyName>\n'
            '  <phone type="mobile">+855-91-239-885</phone>\n</contact>',
            ["សុខា", "ជា"],
        ),
        (
            "<contact><givenName>Will</givenName><familyName>Park</familyName></contact>",
            ["Will", "Park"],
        ),
        (
            "BEGIN:VCARD\nVERSION:3.0\nN:بٹ;سدرہ;;;\nFN:سدرہ بٹ\nORG:Ernst & Young\n"
            "TEL;TYPE=CELL:08123456554\nEND:VCARD",
            ["بٹ", "سدرہ"],
        ),
        ("BEGIN:VCARD\nN;CHARSET=UTF-8:Chea;Chantha;;;\nFN:Chea Chantha\nEND:VCARD", ["Chea"]),
    ],
)
def test_names_in_markup(text: str, values: list[str]) -> None:
    for value in values:
        assert covered(text, value)


def test_markup_that_names_no_person_stays() -> None:
    text = "<item><name>Premium Plan</name><price>9</price></item>"
    assert not touched(text, "Premium Plan")
    text = "BEGIN:VCARD\nN:;;;;\nORG:Jollibee\nNOTE:Closed Mondays\nEND:VCARD"
    assert not touched(text, "Jollibee")
    assert not touched(text, "Closed Mondays")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("@Davit can you send Selvam the ship IMO 6425692 details? დავით has them thx", "დავით"),
        ("@Tamar can you send Kofi the vessel details? תמר has them thx", "תמר"),
        ("@Tõnu can you send Minh the ISBN 9782999495258 details? Tonu has them", "Tonu"),
        ("@Yonatan can you send حمزہ the ISBN details? יונתן has them", "יונתן"),
    ],
)
def test_other_spellings_of_a_found_name(text: str, value: str) -> None:
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("can you send Selvam the ship IMO 0118900 details?", "Selvam"),
        ("@Pol can you send Zaw Min Htun the vessel IMO 3576464 details?", "Zaw Min Htun"),
        ("can you send Ville the ISBN 9784681526110 details?", "Ville"),
    ],
)
def test_whom_a_thing_is_sent(text: str, value: str) -> None:
    assert covered(text, value)


def test_no_receiver_in_titles_teams_or_other_scripts_words() -> None:
    assert not touched("Give Peace a Chance", "Peace")
    assert not touched("please send Support the logs", "Support")
    assert not touched("send me the file", "file")
    # a word of another script that shares no consonants with the found name stays
    text = "@Davit can you send Kofi the details? Москва has them"
    assert not touched(text, "Москва")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Nagy úr was really helpful with invoice INV-2026-59975", "Nagy"),
        ("Please thank härra Kask for policy POL-11661-YX.", "Kask"),
        (
            "Complaint: госпођа Стојановић never called back about Rechnung INV-2026-99510.",
            "Стојановић",
        ),
        ("Complaint: Ilze kundze never called back about policy POL-80272-FS.", "Ilze"),
        ("Please thank Kerttu for policy POL-57194-BC", "Kerttu"),
        ("Complaint: chị Dũng never called back about invoice INV-2026-65291", "Dũng"),
    ],
)
def test_forms_of_address_in_more_languages(text: str, value: str) -> None:
    assert covered(text, value)


def test_forms_of_address_before_no_name_stay() -> None:
    assert not touched("Please thank the team for the help", "team")
    assert not touched("I think anh is fine", "is fine")
