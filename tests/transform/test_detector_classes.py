"""Detector fixes by class of value, each general rather than a phrase: IPv6 addresses with a
port in the usual notations, URL secrets recognised by how random a parameter's value looks,
number labels by class in the nine languages (Turkish suffixed forms, compounds, company tax
ids), national phones followed by a date or a count, and names by how people introduce
themselves on the phone or in chat in each language, with the capitalised words after a cue
that are not names kept."""

from __future__ import annotations

import random
import string
from importlib import resources

import pytest
import yaml

from archiver.errors import ConfigError
from archiver.transform.detectors import Detectors, known_values, random_token
from archiver.transform.policy import load_policy, parse_policy

DEFAULT_POLICY = resources.files("archiver").joinpath("policies", "default.yaml").read_bytes()
POLICY = load_policy()
DETECTORS = Detectors(POLICY.detectors)


def found(text: str) -> list[tuple[str, str]]:
    return [(sp.kind, text[sp.start : sp.end]) for sp in DETECTORS.find(text)]


def covered(text: str, value: str, kind: str) -> bool:
    """Every character of ``value``'s first occurrence is inside a detection of ``kind``."""
    a = text.index(value)
    spans = [(sp.start, sp.end) for sp in DETECTORS.find(text) if sp.kind == kind]
    return all(any(s <= i < e for s, e in spans) for i in range(a, a + len(value)))


# --- IPv6 with a port --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # all eight groups, then ":port" without brackets (logs, configs)
        ("server 2a03:e7ea:7a57:4fc8:a2d0:1da6:d492:4c00:8080 down",
         "2a03:e7ea:7a57:4fc8:a2d0:1da6:d492:4c00"),
        ("listen 2001:db8:85a3:0:0:8a2e:370:7334:443;", "2001:db8:85a3:0:0:8a2e:370:7334"),
        # the ".port" notation (netstat on BSD and macOS)
        ("tcp6 2001:db8::1.443 ESTABLISHED", "2001:db8::1"),
        ("from fe80::1c2:3ff:fe45:6789.51515", "fe80::1c2:3ff:fe45:6789"),
        # brackets and "#port" keep working
        ("[2001:db8::8a2e:370:7334]:8443 refused", "2001:db8::8a2e:370:7334"),
        ("peer 2001:db8::7#53", "2001:db8::7"),
    ],
)  # fmt: skip
def test_ipv6_with_a_port_in_the_usual_notations(text: str, address: str) -> None:
    assert covered(text, address, "IP"), found(text)


def test_an_ipv6_port_is_not_taken_from_a_number_that_is_no_port() -> None:
    # 70000 is no port: the nine groups are no address, and no part of them is one either.
    assert found("id 2001:db8:85a3:0:0:8a2e:370:7334:70000") == []


# --- URL secrets by the look of their values ----------------------------------------------------


def _tokens(n: int, length: int, alphabet: str, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(length)) for _ in range(n)]


_BASE62 = string.ascii_letters + string.digits
_URLSAFE = _BASE62 + "-_"


@pytest.mark.parametrize(
    ("alphabet", "length", "share"),
    [
        (_BASE62, 20, 0.95),
        (_URLSAFE, 32, 0.99),
        (string.hexdigits.lower()[:16], 32, 0.99),
        (string.ascii_uppercase + string.digits, 40, 0.99),
    ],
)
def test_a_random_value_under_any_parameter_makes_a_url_secret(
    alphabet: str, length: int, share: float
) -> None:
    tokens = _tokens(500, length, alphabet, seed=length)
    secret = 0
    for i, token in enumerate(tokens):
        param = ("session_id", "state", "u", "ref", "q")[i % 5]
        url = f"https://portal.example/dashboard?lang=de&{param}={token}"
        got = found(f"open {url} please")
        assert got in ([], [("URL", url)])
        secret += got == [("URL", url)]
    assert secret >= share * len(tokens)


@pytest.mark.parametrize(
    "url",
    [
        "https://shop.example/faq/12?utm_campaign=spring_sale_2025&lang=pl",
        "https://shop.example/search?q=refund+policy+international+orders&page=3",
        "https://shop.example/p?ref=newsletter-december-2025-edition",
        "https://shop.example/files/r7.pdf?expires=1767225600&lang=de",
        "https://shop.example/track?carrier=dhl&order=1234567890123456",
        "https://shop.example/c?category=GardenFurnitureOutdoor",
    ],
)
def test_values_that_are_words_numbers_or_slugs_leave_a_url_alone(url: str) -> None:
    assert found(f"see {url} for details") == []


def test_random_token_rule() -> None:
    assert random_token("JSt3se7irQXNWTYJ74Tb2oOLoXXH")
    assert random_token("123e4567-e89b-12d3-a456-426614174000")  # a UUID counts
    assert not random_token("aZ3" * 5)  # shorter than the minimum
    assert not random_token("1767225600123456789")  # digits only
    assert not random_token("spring_sale_2025_newsletter")
    assert not random_token("token with spaces 12345678AbC")


# --- labels that say a number is no phone ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Sipariş kodu: 3302332066.",  # Turkish: the head word takes a suffix
        "Kargo takip numarası 3302332066",
        "Fatura numarası: 2125551234",
        "NIP 8255446200",  # company tax ids
        "USt-IdNr. 2125551234",
        "P.IVA 0212345678",
        "Ordernummer 510812287.",  # compounds of a label
        "Vertragsnummer: 0301234567",
        "Kundennr. 0532 123 45 67",
        "Seriennummer 0532 123 45 67",
        "Referentienummer 0201234567",
        "Rezervasyon kodu 0532 123 45 67",
        "numer faktury 601234567",  # Polish: the label in the genitive
        "SN 0212 345 67 89",
    ],
)
def test_numbers_after_labels_of_other_numbers_are_no_phones(text: str) -> None:
    assert [k for k, _ in found(text)] == [], found(text)


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("Telefonnummer 0532 123 45 67", "0532 123 45 67", "PHONE"),
        ("Handynummer: 0151 23456789", "0151 23456789", "PHONE"),
        ("mijn telefoonnummer 06 12345678", "06 12345678", "PHONE"),
        ("Kreditkartennummer 4111 1111 1111 1111", "4111 1111 1111 1111", "CARD"),
    ],
)
def test_compounds_naming_a_phone_or_card_stay_personal(text: str, value: str, kind: str) -> None:
    assert covered(text, value, kind), found(text)


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Phone #: 612328727 7/4 at 10pm.", "612328727"),
        ("call 015121855516 4 x 7759 g", "015121855516"),
        ("(mobile: (0212)3627476) 9 x 6399 g.", "(0212)3627476"),
        ("Phone #: 01-20-93-27-57 77763 pontos.", "01-20-93-27-57"),
        ("Contact: 810472235 6/27 at 9pm.", "810472235"),
    ],
)
def test_a_national_phone_followed_by_a_date_or_a_count(text: str, phone: str) -> None:
    assert covered(text, phone, "PHONE"), found(text)


def test_a_number_in_groups_is_not_cut_into_a_phone_and_a_count() -> None:
    assert found("The tracking code is 3312 3363 4974 7758.") == []


# --- names: how people introduce themselves, and what is no name ---------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hey, it's Cormac Beaumont again.", "Cormac Beaumont"),
        ("Hi there, Sakura Mansour writing from Lviv.", "Sakura Mansour"),
        ("Welcome back, Annunziata!", "Annunziata"),
        ("Hello! Svetlana Takahashi from Kyiv here.", "Svetlana Takahashi"),
        ("I spoke with Gaetano yesterday, no refund.", "Gaetano"),
        ("Grüß Gott, ich bin die Anna.", "Anna"),
        ("Guten Tag, Müller am Apparat.", "Müller"),
        ("Bonjour, c'est Bérénice Quéméner à l'appareil.", "Bérénice Quéméner"),
        ("Je me présente : Anatole Lacroix-Fabre.", "Anatole Lacroix-Fabre"),
        ("Buenas, habla Maite Mondragón.", "Maite Mondragón"),
        ("Mi presento, Ruggero Sciortino.", "Ruggero Sciortino"),
        ("Pronto, parla Giulia Esposito.", "Giulia Esposito"),
        ("Oi! Sou a Rosângela.", "Rosângela"),
        ("Falei com Éloïse ontem e ninguém resolveu.", "Éloïse"),
        ("Selamlar, ben Ayşe'yim, siparişim nerede?", "Ayşe"),
        ("Hallo, met Pieter-Jan op den Kamp.", "Pieter-Jan op den Kamp"),
        ("Goedemiddag, u spreekt met Sanne de Graaf.", "Sanne de Graaf"),
        ("Hej, tu Halina.", "Halina"),
        ("Dzień dobry, mówi Jan Kowalski.", "Jan Kowalski"),
        # a surname in capitals, a name shouted
        ("Hello Bérénice QUÉMÉNER, we found your order.", "Bérénice QUÉMÉNER"),
        ("Hi, GÖKHAN here", "GÖKHAN"),
        # a signature's name ending the line above the phone, after a sentence
        ("Kuipers? Koen Kuipers\nMobile: +31 6 12300911", "Koen Kuipers"),
    ],
)
def test_names_by_how_people_introduce_themselves(text: str, name: str) -> None:
    assert covered(text, name, "NAME"), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hi Folks!",
        "Cheers Mate!",
        "Olá Equipe, tudo bem?",
        "I'm Brazilian, can I still order?",
        "Ich bin Deutscher und wohne in Wien.",
        "Ik ben Nederlander.",
        "Best,\nSales",
        "Pozdrawiam\nDział Obsługi",
        "Merci Beaucoup!",
        "Dziękuję Bardzo!",
        "Bonjour Madame, Monsieur,\nAuftragsnummer: 2713019333.",
        "Hello! Anyone there?",
        "Thanks ASAP please",
    ],
)
def test_capitalised_words_after_a_cue_that_are_no_names(text: str) -> None:
    assert [k for k, _ in found(text) if k == "NAME"] == [], found(text)


def test_a_place_before_here_is_no_name() -> None:
    text = "Hello! Fatima Al-Rashid from Kyiv here."
    names = [v for k, v in found(text) if k == "NAME"]
    assert names == ["Fatima Al-Rashid"]


def test_capitals_can_be_turned_off() -> None:
    doc = yaml.safe_load(DEFAULT_POLICY)
    doc["detectors"]["names"]["capitals"] = False
    detectors = Detectors(parse_policy(yaml.safe_dump(doc).encode(), name="t").detectors)
    assert [sp.kind for sp in detectors.find("Hi, GÖKHAN here")] == []
    assert [sp.kind for sp in DETECTORS.find("Hi, GÖKHAN here")] == ["NAME"]


# --- names nobody introduces: first names from the gazetteer --------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gaetano from your shop promised a refund.", "Gaetano"),
        ("Pass this to Ottavio Sciortino, please.", "Ottavio Sciortino"),
        ("Kann Annegret das Paket abholen?", "Annegret"),
        ("Zeynep aradı mı?", "Zeynep"),
        ("Is the parcel for Wojciech ready?", "Wojciech"),
    ],
)
def test_first_names_nobody_introduces(text: str, name: str) -> None:
    assert covered(text, name, "NAME"), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Will you send it today?",  # a common word that is also a first name
        "Mercedes dealer said the part is on backorder.",  # a brand (not_alone)
        "Grace period ends on Monday.",
        "Beni 0532 123 45 67 numarasından arayın.",  # a Turkish pronoun opening the sentence
        "Ben Müşteri hizmetlerini aradım.",  # a cue word of the policy
        "OTTAVIO",  # capitals alone are no sign of a name
    ],
)
def test_first_name_look_alikes_are_left(text: str) -> None:
    assert [v for k, v in found(text) if k == "NAME"] == [], found(text)


def test_the_gazetteer_can_be_turned_off_and_names_its_bad_locales() -> None:
    doc = yaml.safe_load(DEFAULT_POLICY)
    doc["detectors"]["names"]["gazetteer"]["enabled"] = False
    off = Detectors(parse_policy(yaml.safe_dump(doc).encode(), name="t").detectors)
    # ("from your shop" is a cue after a name: a sentence without a cue is needed here)
    assert [sp.kind for sp in off.find("Kann Gaetano das Paket abholen?")] == []
    assert [sp.kind for sp in DETECTORS.find("Kann Gaetano das Paket abholen?")] == ["NAME"]
    doc["detectors"]["names"]["gazetteer"] = {"locales": ["de_DE", "xx_XX"]}
    with pytest.raises(ConfigError, match=r"gazetteer\.locales\[1\].*xx_XX"):
        parse_policy(yaml.safe_dump(doc).encode(), name="t")


def test_inferences_that_are_wrong_mask_too_much() -> None:
    """What the docs say happens when the rules infer wrongly: a place that is a first name is
    masked as a name, a product code that alternates letters and digits makes its URL secret,
    and a random token in one letter case only is not taken by the random-value rule."""
    assert found("Sofia is lovely in spring.") == [("NAME", "Sofia")]
    assert random_token("iPhone15ProMax256GB")
    assert not random_token("qwertzuiopasdfghjklyxcvbnm")


def test_a_person_named_like_a_not_alone_word_needs_a_cue() -> None:
    """``not_alone`` is inferred the other way too: a person called Grace or Deniz whom nobody
    introduces stays in clear (docs/MASKING.md); after a cue (also "aradı" or "phoned",
    called, after it) the name is found."""
    assert found("Grace wants a refund for her order.") == []
    assert found("Grace phoned about her refund yesterday.") == [("NAME", "Grace")]
    assert found("Deniz geldi mi?") == []
    assert found("Deniz aradı mı?") == [("NAME", "Deniz")]
    assert found("My name is Grace Lee.") == [("NAME", "Grace Lee")]


def test_the_random_value_rule_wrong_both_ways() -> None:
    """A product code that alternates letters and digits makes its link secret (masked
    needlessly); a token in one letter case under a parameter name the policy does not list is
    left in clear."""
    url = "https://shop.example/p?sku=iPhone15ProMax256GB"
    assert found(f"see {url} now") == [("URL", url)]
    assert found("open https://app.example/s?ref=qwertzuiopasdfghjklyxcvbnm now") == []


def test_number_labels_wrong_both_ways() -> None:
    """A person's own phone written after a label of another number is left in clear; a
    company's number after a label that names a phone is masked as a phone."""
    assert found("customer 0532 123 45 67") == []
    assert found("Kundennummer 0151 23456789") == []
    assert found("Servicenummer 030 12345678") == [("PHONE", "030 12345678")]


def test_particles_of_a_known_name_are_not_searched_alone() -> None:
    known = known_values([("name", "Jan van Dijk")], min_length=3, regions=("TR",))
    text = "the van was late, said Dijk"
    spans = DETECTORS.find(text, known)
    assert [text[sp.start : sp.end] for sp in spans] == ["Dijk"]


def test_a_surname_with_its_particles_is_searched_without_the_given_name() -> None:
    known = known_values([("name", "Geertje van den Broek")], min_length=3, regions=("TR",))
    text = "van den Broek? The van left."
    spans = DETECTORS.find(text, known)
    assert [text[sp.start : sp.end] for sp in spans] == ["van den Broek"]
