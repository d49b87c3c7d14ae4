"""Names a found card, a legal form, a task list, a note or a feedback places without the usual
cue, the policy's own romanised Persian, Hebrew and Arabic names, and the cases where those
inferences are wrong (docs/MASKING.md)."""

from __future__ import annotations

import pytest

from tests.helpers import found_names as names

# --- the name read off a card -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Picked up a wallet, name on it BJØRN HÆGLAND. Where do I leave it?", "BJØRN HÆGLAND"),
        ("Card left in the ATM, the name on it ÉLODIE MARCHAND.", "ÉLODIE MARCHAND"),
        ("Ich habe eine Karte gefunden, Name drauf JÜRGEN GRÜNEWALD.", "JÜRGEN GRÜNEWALD"),
        ("Encontré una tarjeta, nombre en la tarjeta ÁLVARO NÚÑEZ, ¿qué hago?", "ÁLVARO NÚÑEZ"),
        ("Kaart gevonden, naam erop DAAN VAN DER BERG.", "DAAN VAN DER BERG"),
        ("Znalazłem kartę, nazwisko na karcie ŁUKASZ WRÓBEL.", "ŁUKASZ WRÓBEL"),
        ("The card is embossed ARASH TEHRANI and expires 09/28.", "ARASH TEHRANI"),
        ("Fant et kort, navn på kortet SIGRID ØDEGÅRD.", "SIGRID ØDEGÅRD"),
    ],
)
def test_the_name_on_a_card(text: str, name: str) -> None:
    assert names(text) == [name]


def test_the_card_rule_wrong_way() -> None:
    # Too much: a program's name printed where the holder's would be is masked as a name.
    assert names("Found a lounge card, name on it PRIORITY PASS.") == ["PRIORITY PASS"]


# --- the policy's own given and family names ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Farshid Karimi is the account holder.", "Farshid Karimi"),
        ("Golnaz Hashemi - as written in my passport.", "Golnaz Hashemi"),
        ("Yoav Mizrahi is my neighbour.", "Yoav Mizrahi"),
        ("Khadija Haddad will collect the parcel.", "Khadija Haddad"),
    ],
)
def test_romanised_persian_hebrew_and_arabic_names(text: str, name: str) -> None:
    assert names(text) == [name]


def test_a_listed_given_name_alone_is_no_name() -> None:
    # The policy's own given names count like the paired locales': a surname must follow.
    assert names("Omid is a word for hope.") == []


def test_the_names_list_wrong_way() -> None:
    # Too much: a shop named after a given name ("Shirin" also means "sweet") is masked.
    assert names("We ordered from Shirin Sweets yesterday.") == ["Shirin Sweets"]


# --- a legal form's first person ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I, Svetlana Orlova, hereby authorise the bank to close my account.", "Svetlana Orlova"),
        ("I, 이서준, authorise my brother to collect the documents.", "이서준"),
        ("I, 中村拓也, declare that the above is true.", "中村拓也"),
        ("I, דניאל כהן, confirm the transfer.", "דניאל כהן"),
        ("Ich, Hannelore Brück, bevollmächtige hiermit meinen Sohn.", "Hannelore Brück"),
        ("Je, Gwenaëlle Le Goff, déclare sur l'honneur …", "Gwenaëlle Le Goff"),
        ("Yo, Iñaki Etxeberria, autorizo a mi hija.", "Iñaki Etxeberria"),
    ],
)
def test_the_first_person_of_a_legal_form(text: str, name: str) -> None:
    assert names(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "I, too, agree with the changes.",  # a word of the sentence, not capitalised
        "I, for one, confirm nothing.",
    ],
)
def test_no_legal_form_without_a_name(text: str) -> None:
    assert names(text) == []


def test_the_legal_form_wrong_way() -> None:
    # Too much: a capitalised aside between the commas is masked as the signer.
    assert names("I, Humble Servant, confirm.") == ["Humble Servant"]


# --- a first name addressed alone ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Babak, your laptop repair is ready.", "Babak"),
        ("Ömür, your order has shipped.", "Ömür"),
        ("Seo-jun, your booking is confirmed.", "Seo-jun"),
        ("美咲, your refund was sent today.", "美咲"),
        ("Богдан, ваш заказ готов.", "Богдан"),
        ("The refund reached your account on 3 May, Golnaz.", "Golnaz"),
        ("We have received the transfer, 민서.", "민서"),
        ("Your parcel is at the depot, Олександр.", "Олександр"),
    ],
)
def test_a_first_name_addressed_alone(text: str, name: str) -> None:
    assert names(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Unfortunately, your order is late.",  # one English word the lists lack
        "Meanwhile, we are checking.",
        "The parcel arrived in Lisbon, Portugal.",  # a place after a comma, not a listed name
        "Мы получили платеж, спасибо.",  # the same script as the sentence before
    ],
)
def test_no_name_addressed_alone(text: str) -> None:
    assert names(text) == []


def test_the_address_rule_wrong_way() -> None:
    # Too much: a foreign-looking word opening a message before "your" is masked.
    assert names("Größtenteils, your order is here.") == ["Größtenteils"]


# --- a task list's owner ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Next steps:\n- [ ] Kamran to call the landlord\n- [x] done", "Kamran"),
        ("- [ ] Ha-jun will send the scans", "Ha-jun"),
        ("* [x] Małgorzata soll die Rechnung schicken", "Małgorzata"),
        ("- [ ] 지민 to upload the form", "지민"),
    ],
)
def test_a_task_owner(text: str, name: str) -> None:
    assert names(text) == [name]


def test_no_task_owner_that_is_a_team() -> None:
    assert names("- [ ] Finance to send the invoice\n- [ ] Legal to review") == []


def test_the_task_rule_wrong_way() -> None:
    # Too much: a team's name the lists lack, with a letter beyond ASCII, is masked.
    assert names("- [ ] Lönekontoret to send the slips") == ["Lönekontoret"]


# --- a feedback signed with where the writer lives ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Quick and friendly service. Jyrki from Oulu", "Jyrki"),
        ("Thanks for sorting out the bill! Göksel from Izmir", "Göksel"),
        ("Very patient agent. 서준 from Daegu", "서준"),
        ("Great help. Dariush Ahmadi from Shiraz", "Dariush Ahmadi"),
    ],
)
def test_a_feedback_signed_with_a_place(text: str, name: str) -> None:
    assert names(text) == [name]


def test_no_feedback_signature_that_is_a_greeting() -> None:
    assert names("Great service. Greetings from Berlin") == []


def test_the_feedback_rule_wrong_way() -> None:
    # Too much: a foreign word the lists lack signed with a place is masked.
    assert names("Rørkjøp from Oslo") == ["Rørkjøp"]


# --- a note's subject before what happened ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Card blocked after the alert; Jürgen Weiß informed.", "Jürgen Weiß"),
        ("Customer Ifeoma Okonkwo called re the late delivery.", "Ifeoma Okonkwo"),
        ("Summary: Bálint Kovács asked about the fee. Resolved.", "Bálint Kovács"),
        ("Account frozen; 田中優子 notified.", "田中優子"),
        ("Login blocked; נועם כהן informed.", "נועם כהן"),
    ],
)
def test_a_note_subject(text: str, name: str) -> None:
    assert names(text) == [name]


def test_no_note_subject_that_is_a_word() -> None:
    assert names("Payment reported. Customer called back.") == []


def test_the_note_rule_wrong_way() -> None:
    # Too much: a firm whose words the lists lack is masked as the note's subject.
    assert names("Card blocked; Brightwater Plumbing informed.") == ["Brightwater Plumbing"]


# --- a family and a given name joined -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Login attempt by NakamuraTakuya was blocked.", "NakamuraTakuya"),
        ("Booking under LeeJi-hoon for two nights.", "LeeJi-hoon"),
        ("Refund noted.YamamotoRen, the money is on its way.", "YamamotoRen"),
    ],
)
def test_a_family_and_given_name_joined(text: str, name: str) -> None:
    assert names(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "I use YouTube and PlayStation daily.",  # neither part a name of the lists
        "Write to me at @NakamuraTakuya or nakamura.TakuyaX",  # a handle: left to its rules
    ],
)
def test_no_joined_name(text: str) -> None:
    assert "NakamuraTakuya" not in names(text) and "YouTube" not in names(text)


def test_the_joined_rule_wrong_way() -> None:
    # Too much: a brand joined from a listed surname and another word is masked.
    assert "MillerCoors" in names("We only stock MillerCoors beer.")
