"""Bank 15 tuning of names: closings of more languages, a reply signed by its writer on its
last line, a contact row alone, a surname written first in a field of its own; and what is no
person: streets named after people, bots' personas, a cue taken for a name. Each rule has a
decoy of the same shape it must keep (docs/MASKING.md)."""

from __future__ import annotations

import pytest

from tests.helpers import found_names as names

# --- closings in more languages ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ok, the refund is booked.\nMed vänliga hälsningar,\nOskar", "Oskar"),  # sv
        ("Ok, the refund is booked.\nMvh Sigrid", "Sigrid"),  # sv/no
        ("Ok, the refund is booked.\nVennlig hilsen\nTorstein", "Torstein"),  # no
        ("Am primit plata.\nCu stimă,\nMihaela", "Mihaela"),  # ro
        ("Platbu jsme přijali.\nS pozdravem\nBohumil", "Bohumil"),  # cs
        ("Pembayaran sudah kami terima.\nHormat kami,\nSusanti", "Susanti"),  # id
        ("Ödemeniz alındı.\nSaygılarımızla,\nEmre", "Emre"),  # tr
        ("Λάβαμε την πληρωμή.\nΜε εκτίμηση,\nΔημήτρης", "Δημήτρης"),  # el
        ("Megkaptuk a befizetést.\nÜdvözlettel,\nZsófia", "Zsófia"),  # hu
        ("Maksu on vastaanotettu.\nYstävällisin terveisin,\nAino", "Aino"),  # fi
    ],
)
def test_closings_of_more_languages_sign_with_the_name_under_them(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tack Ingrid, vi ringer dig.", "Ingrid"),
        ("Mulțumesc, Adrian! Revin mâine.", "Adrian"),
        ("Dobrý den Kateřina, platba dorazila.", "Kateřina"),
    ],
)
def test_thanks_and_greetings_of_more_languages_name_the_reader(text: str, name: str) -> None:
    assert name in names(text)


def test_a_greeting_after_a_greeting_is_no_name() -> None:
    # wrong way: "नमस्ते, मेरा नाम …" once took the words "my name" for the name after the greeting
    text = "नमस्ते, मेरा नाम Rohan Mehta है"
    found = names(text)
    assert "Rohan Mehta" in found
    assert not any("मेरा" in n for n in found)


def test_a_name_opening_a_sentence_does_not_make_the_closing_under_it_a_title() -> None:
    # "Name,\nTitle, Company" under a signature's name is no person; a sentence opening with
    # the reader's name is no such line
    text = "Henrike, your refund goes out today.\nPozdrawiam, Bartosz"
    assert names(text) == ["Henrike", "Bartosz"]


def test_pronouns_after_a_signatures_name_keep_the_employer_under_it_no_name() -> None:
    text = "Thanks,\nMarit Solberg (she/her)\nBuyer · Sally Beauty\nM +47 412 34 567"
    assert names(text) == ["Marit Solberg"]


# --- a reply signed on its last line ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hi Oliver, the engineer comes on Monday.\nPriyanka", "Priyanka"),
        ("Chào anh Tuấn, đơn hàng đã được giao.\nLinh - Hỗ trợ", "Linh"),
        ("Olá Beatriz, o reembolso já saiu.\nGonçalo | Apoio", "Gonçalo"),
        ("Dear Martina, the card is on its way.\nWilhelmina, Customer Care", "Wilhelmina"),
        ("Shukran Omar, sawf nattasil bik.\nياسمين", "ياسمين"),
        ("> Dear Hugo, your parcel left the depot.\n> Eleonora\n\nStill waiting. Hugo", "Eleonora"),
    ],
)
def test_a_reply_naming_its_reader_is_signed_on_its_last_line(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hi Oliver, the engineer comes on Monday.\nThanks",  # a common word
        "Hi Oliver, the engineer comes on Monday.\nCustomer Service",  # a department
        "Hi Oliver, the engineer comes on Monday.\nAcme Logistics",  # no known name in it
        "Dank je, Oliver! We bellen je.\nGroet, Wubbo",  # "Groet": a closing; an unlisted name
        "The engineer comes on Monday.\nBrightwater",  # no name on the first line
        "Hi Oliver, the engineer comes on Monday\nWednesday",  # no sentence ends above
    ],
)
def test_a_last_line_that_signs_no_reply_is_kept(text: str) -> None:
    found = names(text)
    assert found in (["Oliver"], [])  # the reader only
    assert "Groet" not in found


def test_a_company_signing_a_reply_with_a_given_name_in_it_is_masked() -> None:
    # wrong way: a company named after a person signing the reply is masked as a name
    assert "Morgan Stanley" in names("Hi Oliver, your statement is ready.\nMorgan Stanley")


# --- a contact row alone, a surname written first ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            '"Haverkamp Ludger","l.haverkamp@example.de","2026-02-01","99,00 EUR"',
            "Haverkamp Ludger",
        ),
        ('"Phan Minh Khoa","khoa.phan@example.vn","01/02/2026"', "Phan Minh Khoa"),
        ("Elsbeth Warrender;elsbeth.w@example.co.uk;2026-02-01;GBP 12", "Elsbeth Warrender"),
    ],
)
def test_one_contact_row_names_the_cell_before_its_address(text: str, name: str) -> None:
    assert name in names(text)


def test_a_sentence_before_an_address_is_no_contact_cell() -> None:
    text = "Hej, mam pytanie o konto, pilne. Ludger Haverkamp, l.haverkamp@example.de"
    assert not any(n.startswith(("mam", "Hej")) for n in names(text))


def test_an_address_after_a_word_nobody_is_named_by_is_kept() -> None:
    assert names("Invoice,billing@example.com,2026-03-06,GBP 12") == []


@pytest.mark.parametrize(
    "text",
    [
        "Payment ref: 88120 / Haverkamp Ludger / March rent",
        "Beneficiary: Warrender Elsbeth",
        "Wire | Ostrowska Agnieszka | PL 2026",
    ],
)
def test_a_surname_first_fills_a_field_with_the_given_name(text: str) -> None:
    found = names(text)
    assert any(" " in n and n.split()[1] in text for n in found), found
    assert len(found) == 1 and len(found[0].split()) == 2


def test_a_given_name_after_a_word_of_no_name_in_a_field_stays_alone() -> None:
    assert names("Payment ref: 88120 / Order Agnieszka / rent") in (["Agnieszka"], [])


def test_a_capitalised_word_before_a_given_name_in_a_field_is_masked_with_it() -> None:
    # wrong way: any capitalised word not listed as no name is taken for the surname
    assert names("Payment ref: 88120 / Monthly Agnieszka / rent") == ["Monthly Agnieszka"]


def test_a_place_before_a_given_name_in_a_field_is_masked_with_it() -> None:
    # wrong way: a town before the given name in a field is taken for the surname written first
    assert names("Route: 4411 / Paris Agnieszka / bus") == ["Paris Agnieszka"]


# --- streets named after people ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Deliver to 12 Desmond Tutu Place please",
        "Giao hàng tới Đường Lê Lợi giúp em",
        "Ship ở Phố Hai Bà Trưng nhé",
        "Paczka na ul. Józefa Piłsudskiego 4 nie dotarła",
        "Adres: al. Adama Mickiewicza 10",
        "Il pacco per Corso Giuseppe Garibaldi 21 è fermo",
    ],
)
def test_a_street_named_after_a_person_is_no_person(text: str) -> None:
    assert names(text) == []


def test_two_letters_named_like_a_street_abbreviation_stay_in_a_name() -> None:
    # "al." counts only with its dot before the name: "Al" in a name is no street
    assert "Al Mansouri Yasmin" in names('"Al Mansouri Yasmin","ymansouri@example.ae","2026-01-02"')


def test_a_person_called_like_a_street_word_is_missed() -> None:
    # wrong way: a surname that is a street word ("Place") makes the phrase a street
    assert "Oliver Place" not in names("I spoke with Oliver Place yesterday")


# --- bots' personas ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Hallo, ich bin Lotte, Ihre digitale Assistentin.",
        "Bonjour, je suis Manon, votre assistante virtuelle.",
        "Hola, soy Lucía, tu asistente virtual.",
        "Ciao, sono Giulia, la tua assistente virtuale.",
        "Olá, sou a Inês, sua assistente virtual.",
        "Hoi, ik ben Fleur, je digitale assistent.",
        "Cześć, jestem Zosia, twoja wirtualna asystentka.",
        "Merhaba, ben Elif, sanal asistanınız.",
        "Xin chào, tôi là Mai, trợ lý ảo của bạn.",
        "Rosie 🤖 · answers from the help centre",
    ],
)
def test_a_bots_persona_is_no_person(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ich bin Lotte, Ihre Assistentin im Büro.", "Lotte"),  # a person's job
        ("Please call Maren, our agent in Kiel.", "Maren"),  # "Kiel" is no "KI"
        ("Maren, both robot arms are broken.", "Maren"),  # "both" is no "bot"
    ],
)
def test_an_assistant_who_is_a_person_keeps_her_name(text: str, name: str) -> None:
    assert name in names(text)


# --- the helper named in feedback -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Väldigt bra bemötande av Sixten, tack!", "Sixten"),  # sv
        ("Saya dilayani oleh Rahmat, cepat dan sopan.", "Rahmat"),  # id
        ("Ευχαριστώ πολύ την Ourania για τη βοήθεια.", "Ourania"),  # el
        ("Très bon accueil de Gwenaëlle au téléphone.", "Gwenaëlle"),  # fr
        ("Cristina a fost super, mulțumesc.", "Cristina"),  # ro
        ("Radovan ochotně pomohl s fakturou.", "Radovan"),  # cs
        ("Rohit ne bahut help ki, thanks.", "Rohit"),  # hi (Latin letters)
        ("Budi sangat membantu.", "Budi"),  # id, after the name
    ],
)
def test_the_helper_named_in_feedback_is_a_name(text: str, name: str) -> None:
    assert name in names(text)


def test_a_thing_praised_like_a_helper_is_kept_unless_capitalised() -> None:
    assert names("Très bon accueil de la part du service.") == []  # lower case after the cue
    # wrong way: a town praised like a person is masked
    assert names("Sibiu a fost super.") == ["Sibiu"]
