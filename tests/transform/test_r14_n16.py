"""Bank 14 tuning: phones with an extension, e-mail-like strings that reach no mailbox (SSH
remotes, message ids), names by relation or role (children, a neighbour, tradespeople). Each
rule has a decoy of the same shape it must keep (docs/MASKING.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archiver.transform.detectors import Detectors, KnownValues, known_values
from archiver.transform.policy import load_policy
from tests.helpers import found_names as names

DETECTORS = Detectors(load_policy().detectors)


def known(*names: str) -> KnownValues:
    kv = known_values([("name", n) for n in names], min_length=3, regions=("GB",))
    assert kv is not None
    return kv


def found(text: str) -> list[tuple[str, str]]:
    return [(sp.kind, text[sp.start : sp.end]) for sp in DETECTORS.find(text) if sp.kind != "NAME"]


# --- phones with an extension -----------------------------------------------------------------


@pytest.mark.parametrize(
    "ext",
    [
        " ext. 12",
        " ext 12",
        " x12",
        ";ext=12",
        " Ext. 4521",
        " extension 7",
        " (ext. 22)",
        ", ext. 3",
        " Durchwahl 45",
        " DW. 45",
        " poste 217",
        " int. 5",
        " interno 33",
        " ramal 210",
        " toestel 12",
        " доб. 123",
        " #22",
    ],
)
def test_an_extension_after_a_phone_is_masked_with_it(ext: str) -> None:
    phone = "+44 20 7946 0958" + ext
    assert found(f"Please call {phone} today") == [("PHONE", phone)]


@given(st.integers(min_value=0, max_value=999_999), st.sampled_from([" ext. ", " x", ";ext="]))
def test_every_extension_number_goes_with_its_phone(n: int, word: str) -> None:
    phone = f"+1 415 555 0134{word}{n}"
    assert found(f"Tel {phone}, mornings") == [("PHONE", phone)]


def test_a_count_or_a_word_after_a_phone_is_no_extension() -> None:
    assert found("+44 20 7946 0958 x 2 copies") == [("PHONE", "+44 20 7946 0958")]
    assert found("+44 20 7946 0958 internally") == [("PHONE", "+44 20 7946 0958")]
    assert found("+44 20 7946 0958 (7 days)") == [("PHONE", "+44 20 7946 0958")]
    assert found("+44 20 7946 0958 ext. later") == [("PHONE", "+44 20 7946 0958")]


# --- strings written like an address that reach no mailbox -----------------------------------


def test_an_ssh_git_remote_is_no_address() -> None:
    assert found("git remote add origin git@github.com:acme/app.git") == []
    assert found("clone git@gitlab.example.org:~/tools.git then") == []
    assert found("git@bitbucket.org:team/repo") == []


def test_an_address_before_a_colon_is_still_an_address() -> None:
    assert found("mail ana.lima@gmail.com: she answers") == [("EMAIL", "ana.lima@gmail.com")]
    assert found("ana.lima@gmail.com:") == [("EMAIL", "ana.lima@gmail.com")]


def test_a_message_id_in_mail_headers_is_no_address() -> None:
    headers = (
        "From: Ana Lima <ana.lima@gmail.com>\n"
        "Message-ID: <CA+kX8fQ2mLr7bZ@mail.gmail.com>\n"
        "In-Reply-To: <20261207.1234@mx.example.org>\n"
        "References: <a1b2@mail.example.org>\n <c3d4@mail.gmail.com>\n"
        "Subject: re"
    )
    assert found(headers) == [("EMAIL", "ana.lima@gmail.com")]


def test_an_address_in_angle_brackets_elsewhere_stays_an_address() -> None:
    assert found("To: <ana.lima@gmail.com>") == [("EMAIL", "ana.lima@gmail.com")]
    assert found("Message: write to <ana.lima@gmail.com>") == [("EMAIL", "ana.lima@gmail.com")]


# --- names by relation or role ------------------------------------------------------------------


def test_children_named_by_a_parent_are_masked_with_their_ages_as_a_list() -> None:
    text = "my kids Meseret (7) and Dawit (4) are both in the course, can Dawit move?"
    assert names(text) == ["Meseret", "Dawit", "Dawit"]
    assert names("my kids 美玲 (7) and 志明 (4) go") == ["美玲", "志明"]
    assert names("our children Ана (7), Олег (9) и Иван (4)") == ["Ана", "Олег", "Иван"]
    assert names("my kids Ngọc Lan (7) and Thị Hương (4) go") == ["Ngọc Lan", "Thị Hương"]
    assert names("my kids अभिषेक (7) and प्रियंका (4) go") == ["अभिषेक", "प्रियंका"]


def test_things_with_counts_in_brackets_are_no_children() -> None:
    assert names("Order (3) and Box (4) arrived") == []
    assert names("my kids (7) and others (4) are sick") == []


def test_a_neighbour_in_a_delivery_notice_is_masked() -> None:
    text = "It was left with your neighbour Dawit Tesfaye, Hauptstraße 3. Who is that"
    assert names(text) == ["Dawit Tesfaye"]
    assert names("Ihr Paket wurde bei Ihrem Nachbarn Tesfaye abgegeben") == ["Tesfaye"]


def test_a_tradesperson_is_masked() -> None:
    assert names("the landlord says the plumber Selam comes at 13:30") == ["Selam"]
    assert names("the electrician Oyelaran left a note") == ["Oyelaran"]
    assert names("le plombier Tesfaye passe demain") == ["Tesfaye"]


def test_a_trade_followed_by_no_name_stays() -> None:
    assert names("the plumber said the boiler is fine") == []
    assert names("the courier DHL left it at the door") == []
    assert names("the technician Team will call") == []


def test_a_message_id_inside_a_line_is_no_address() -> None:
    text = "(PS Message-ID: <CA+gdAZqo6wxBa@mail.gmail.com>); write to ana.lima@gmail.com"
    assert found(text) == [("EMAIL", "ana.lima@gmail.com")]
    assert found("a; Message-ID: <CA+k50Sm@mail.gmail.com>; b") == []
    assert found("References: <a@x.org>\n <b@x.org> <c@mail.gmail.com>") == []


def test_an_address_after_a_message_id_word_and_text_stays() -> None:
    text = "Message-ID: <a1@x.org> sent by <ana.lima@gmail.com>"
    assert found(text) == [("EMAIL", "ana.lima@gmail.com")]


# --- a name spelled in two scripts ------------------------------------------------------------


def names_of(text: str, person: KnownValues) -> list[str]:
    return [text[sp.start : sp.end] for sp in DETECTORS.find(text, person) if sp.kind == "NAME"]


def test_a_known_name_beside_its_spelling_in_another_script_masks_both() -> None:
    text = "In the passport it is Tigist Tesfaye (ትዕግስት ተስፋዬ), the bank has it"
    for person in (known("ትዕግስት", "ተስፋዬ"), known("Tigist", "Tesfaye")):
        masked = " ".join(names_of(text, person)).split()
        assert masked == ["Tigist", "Tesfaye", "ትዕግስት", "ተስፋዬ"]


def test_a_found_name_beside_its_spelling_in_another_script_masks_both() -> None:
    text = "In the passport it is Xiuying Sima (秀英 司马), the bank has it differently"
    assert names(text) == ["Xiuying Sima", "秀英", "司马"]


def test_a_place_in_two_scripts_or_words_of_another_count_stay() -> None:
    assert names("Dear Anna, the Tokyo (東京) store is closed") == ["Anna"]
    text = "it is Tigist Tesfaye (ኢትዮጵያ ውስጥ ነው አሁን), the bank has it"
    assert names_of(text, known("Tigist", "Tesfaye")) == ["Tigist Tesfaye"]


def test_a_short_name_one_goes_by_is_masked_after_its_phrase() -> None:
    assert names("everyone calls me Jirka, please use that") == ["Jirka"]
    assert names("you can sign it as عبود") == ["عبود"]
    assert names("everyone calls me boss, lol") == []


# --- things named after people ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Rota for Saturday (at St. Nicholas church)",
        "see you at Saint-Joseph after mass",
        "the choir of San Lorenzo church sings",
        "Sankt Georg parish hall",
        "no power since Storm Ciarán",
        "flights cancelled since Hurricane Milton",
        "my dog Bella ate it",
        "mon chien Rex est malade",
        "(PS on board the Queen Mary 2)",
        "my Lada Niva broke down",
        "after updating @babel/core the build failed",
    ],
)
def test_things_named_after_people_stay(text: str) -> None:
    assert names(text) == []


def test_people_beside_the_same_words_are_still_masked() -> None:
    assert names("Stanislav called about the church") == ["Stanislav"]
    assert names("I talked to Mr San Martín") == ["San Martín"]
    assert names("my dog walker Anna came late") == ["Anna"]
    assert names("Storm damage reported by Mr Oyelaran") == ["Oyelaran"]
    assert names("thanks @ana_lima for the fix") == ["ana_lima"]


def test_a_department_in_brackets_after_a_name_in_another_script_stays() -> None:
    text = 'Cc: "രേഷ്മ കുര്യൻ (Accounts)" <reshma_kurian31@ukr.net>'
    assert "Accounts" not in names_of(text, known("രേഷ്മ", "കുര്യൻ"))
    assert "Accounts" not in names(text)
