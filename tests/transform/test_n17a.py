"""Bank 15 tuning: values written percent-encoded in links and form dumps, fields of a query
string whose key names a person, phone numbers spelled without a zero, a row's own number after
"Nr.", share tokens with long lower-case stretches. Each rule has a decoy of the same shape it
must keep, and a test where its inference is wrong (docs/MASKING.md)."""

from __future__ import annotations

import pytest

from archiver.transform.detectors import (
    Detectors,
    KnownValues,
    known_values,
    percent_view,
)
from archiver.transform.mask import Masker
from archiver.transform.policy import load_policy
from archiver.transform.pseudonym import Pseudonymizer

POLICY = load_policy()
DETECTORS = Detectors(POLICY.detectors)


def found(text: str, known: KnownValues | None = None) -> list[tuple[str, str]]:
    return [(sp.kind, text[sp.start : sp.end]) for sp in DETECTORS.find(text, known)]


# --- the percent-decoded view ----------------------------------------------------------------


def test_percent_view_maps_each_character_to_its_escape() -> None:
    text = "n=Ren%C3%A9e%20Fa%C3%9Fbender&x"
    view, where = percent_view(text)
    assert view == "n=Renée Faßbender&x"
    assert where is not None and len(where) == len(view) + 1
    assert text[where[view.index("é")] :].startswith("%C3%A9")
    assert text[where[view.index(" ")] :].startswith("%20")
    assert where[-1] == len(text)


@pytest.mark.parametrize(
    "text",
    [
        "50% off, 100 %",  # no escape
        "progress 75%2 done",  # one hex digit
        "bytes %FF%FE here",  # no UTF-8
        "discount%3Bcode",  # only punctuation escaped: nothing a value needs
    ],
)
def test_percent_view_leaves_text_without_decodable_escapes(text: str) -> None:
    view, where = percent_view(text)
    assert where is None and view == text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "https://lists.example.org/optout?e=jonas.berg%40posteo.de&id=3",
            "jonas.berg%40posteo.de",
        ),
        (
            "https://shop.example.com/track?u=ana.rios%2Bpedidos%40gmail.com",
            "ana.rios%2Bpedidos%40gmail.com",
        ),
        ("mailto%3Akai.lindqvist%40telia.se", "kai.lindqvist%40telia.se"),
        (
            "redirect=%2Fprofile%3Fmail%3Dmeryem.aydin%40hotmail.com.tr",
            "meryem.aydin%40hotmail.com.tr",
        ),
    ],
)
def test_percent_encoded_addresses_are_masked_as_written(text: str, value: str) -> None:
    assert ("EMAIL", value) in found(text)


def test_percent_encoded_address_token_is_the_decoded_address() -> None:
    spans = [sp for sp in DETECTORS.find("see ?to=li.wei%40qq.com") if sp.kind == "EMAIL"]
    assert [sp.value for sp in spans] == ["li.wei@qq.com"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "https://f.example.org/p?name=Zofia%20Wi%C5%9Bniewska&x=1",
            "Zofia%20Wi%C5%9Bniewska",
        ),  # pl
        (
            "https://f.example.org/p?name=J%C3%BCrgen%20Sch%C3%A4fer",
            "J%C3%BCrgen%20Sch%C3%A4fer",
        ),  # de
        (
            "https://f.example.org/p?u=%CE%95%CE%BB%CE%AD%CE%BD%CE%B7%20"
            "%CE%A0%CE%B1%CF%80%CE%B1%CE%B4%CF%8C%CF%80%CE%BF%CF%85%CE%BB%CE%BF%CF%85",
            "%CE%95%CE%BB%CE%AD%CE%BD%CE%B7%20"
            "%CE%A0%CE%B1%CF%80%CE%B1%CE%B4%CF%8C%CF%80%CE%BF%CF%85%CE%BB%CE%BF%CF%85",
        ),  # el
    ],
)
def test_percent_encoded_names_are_masked_whole(text: str, name: str) -> None:
    assert ("NAME", name) in found(text)


def test_percent_encoded_known_name_is_masked() -> None:
    kv = known_values([("name", "Oskar Lindgren")], min_length=3, regions=("SE",))
    assert kv is not None
    text = "open https://f.example.org/p?x=Oskar%20Lindgren&src=bot"
    assert ("NAME", "Oskar%20Lindgren") in found(text, kv)


def test_masker_replaces_the_encoded_value_as_written() -> None:
    masker = Masker(POLICY, Pseudonymizer(b"k" * 32))
    out = masker.mask_text("https://n.example.com/u?e=sofia.moretti%40libero.it&list=2")
    assert "sofia" not in out and "%40" not in out
    assert out.startswith("https://n.example.com/u?e=<EMAIL") and out.endswith("&list=2")


def test_decoy_encoded_words_stay() -> None:
    # wrong way kept: a search for words is no name, a percent sign in prose is no escape
    assert found("https://shop.example.com/search?q=red%20running%20shoes&page=2") == []
    assert found("Rabatt 20%40 Stück") == []


# --- an address in a query string or a form dump ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("plan=pro&email=tomas.novak@seznam.cz&ok=1", "tomas.novak@seznam.cz"),
        ("GET /unsub?mail=ines.costa@sapo.pt HTTP/1.1", "ines.costa@sapo.pt"),
        ("auth ok user=k.ozturk@yandex.com.tr ip", "k.ozturk@yandex.com.tr"),
    ],
)
def test_address_after_a_field_key_starts_after_it(text: str, address: str) -> None:
    assert ("EMAIL", address) in found(text)


def test_key_like_local_part_wrong_way() -> None:
    # wrong way: a bounce address whose local part opens with a tag and "=" is masked from
    # after that "="; the tag stays in clear
    assert found("from prvs=0a1b2c3d=olga@example.net") == [("EMAIL", "0a1b2c3d=olga@example.net")]
    # nothing after the "=": the address is masked whole
    assert found("x=@example.net ok") == [("EMAIL", "x=@example.net")]


# --- fields of a query string or a form dump --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("first_name=Maren&last_name=Holtkamp&plan=basic", ["Maren", "Holtkamp"]),  # en
        ("vorname=Jürgen&nachname=Schäfer&plz=10115", ["Jürgen", "Schäfer"]),  # de
        ("prénom=Céline&nom de famille=Dupuis&ville=Lyon", ["Céline", "Dupuis"]),  # fr
        ("nombre=Lucía&apellido=Fernández&ciudad=Sevilla", ["Lucía", "Fernández"]),  # es
        ("nome=Giulia&cognome=Bianchi&citta=Roma", ["Giulia", "Bianchi"]),  # it
        ("ad=Elif&soyad=Yıldırım&sehir=Ankara", ["Elif", "Yıldırım"]),  # tr
        ("?name=Fatima Zahra&src=chat", ["Fatima Zahra"]),
        ("form: name=نور الهدى; phone=—; consent=yes", ["نور الهدى"]),  # ar, after a label
    ],
)
def test_query_string_fields_naming_a_person(text: str, names: list[str]) -> None:
    got = [v for k, v in found(text) if k == "NAME"]
    for n in names:
        assert n in got


def test_query_string_fields_of_other_things_stay() -> None:
    assert found("status=open&plan=basic&city=Lyon") == []
    assert found("q=fresh bread&sort=price&page=2") == []


def test_query_string_name_field_wrong_way() -> None:
    # wrong way: a "name" field holding a plan's name is masked as a name
    assert ("NAME", "Platinum") in found("plan_id=4&name=Platinum&x=1")


# --- phone numbers spelled without zero, plus or a repeat word --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "my number is six one two three four five six seven eight, thanks",
        "ruf an: sechs eins zwei drei vier fünf sechs sieben acht",
        "appelez le six un deux trois quatre cinq six sept huit",
        "mi número es seis uno dos tres cuatro cinco seis siete ocho",
    ],
)
def test_spelled_number_without_a_gate_word(text: str) -> None:
    assert [k for k, _ in found(text)].count("PHONE") == 1


def test_spelled_counts_stay() -> None:
    assert found("I bought two, three, five apples and one four pack") == []
    assert found("one two three four, let's go") == []


# --- a row's own number after "Nr." -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "id;name\nNr. 0612345678;Ana Lopes",
        "No 612345678,Jan Berg",
        "N° 0612345678 | x",
        "ref|Nro. 612345678|x",
    ],
)
def test_numbering_abbreviation_opening_a_cell_is_no_phone(text: str) -> None:
    assert not [v for k, v in found(text) if k == "PHONE"]


@pytest.mark.parametrize(
    "text",
    [
        "Tel. Nr. 0171 2345678",  # a phone's label before the abbreviation
        "call me, Nummer: 0171 2345678",
        "id;name\n+49 171 2345678;x",
    ],
)
def test_numbering_after_a_phone_label_stays_a_phone(text: str) -> None:
    assert [k for k, _ in found(text)].count("PHONE") == 1


def test_numbering_opening_a_line_wrong_way() -> None:
    # wrong way: a phone written after a bare "Nr." opening its line is kept
    assert found("Nr. 0171 2345678") == []


# --- share tokens ------------------------------------------------------------------------------


def test_share_token_with_long_lower_case_runs() -> None:
    url = "https://files.example.edu/s/qpkRTWZmnaxEvbcTuqrsyL"
    assert found(url) == [("URL", url)]


def test_share_path_words_stay() -> None:
    assert found("https://files.example.edu/s/SpringConcertProgramme") == []


def test_share_path_run_together_words_wrong_way() -> None:
    # wrong way: words run together with an acronym inside are masked as a token
    url = "https://files.example.edu/s/OurNYCTripPhotoAlbum"
    assert found(url) == [("URL", url)]


def test_percent_view_wrong_ways() -> None:
    # wrong way: a title in a link is masked as a name, as it would be written plainly
    assert ("NAME", "Anna%20Karenina") in found("https://b.example.org/find?q=Anna%20Karenina")
    # wrong way: an address encoded twice stays in clear
    assert found("https://n.example.com/u?e=ola.nordmann%2540online.no") == []


def test_ampersand_in_a_local_part_wrong_way() -> None:
    # wrong way: a local part that really holds "&" loses its start to the clear text
    assert found("write to r&d@lab.example.org") == [("EMAIL", "d@lab.example.org")]


def test_spelled_count_wrong_way() -> None:
    # wrong way: nine digit words read out that make a valid number are masked as a phone
    text = "the winning numbers were six one two three four five six seven eight"
    assert [k for k, _ in found(text)] == ["PHONE"]
