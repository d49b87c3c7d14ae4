"""Structured values in forms the detectors did not read before, one test per class, each rule
also where its inference is wrong: an IBAN wrapped over a line, 16-digit cards in groups of
eight, phones spelled in words, WhatsApp links and ``tel:`` URIs, international numbers of a
length their plan does not list after a phone cue, webhook links in lower case; and, the
other way, US routing numbers, ids after snake_case labels and in other languages' ticket
words, coordinates and versions, which are not phones."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.transform.detectors import (
    IBAN_LENGTHS,
    Detectors,
    aba_ok,
    iban_checksum_ok,
    luhn_ok,
)
from archiver.transform.policy import load_policy

DETECTORS = Detectors(load_policy().detectors)


def found(text: str) -> list[tuple[str, str]]:
    return [(sp.kind, text[sp.start : sp.end]) for sp in DETECTORS.find(text)]


def covered(text: str, value: str, kind: str) -> bool:
    """Every character of ``value``'s first occurrence is inside a detection of ``kind``."""
    a = text.index(value)
    spans = [(sp.start, sp.end) for sp in DETECTORS.find(text) if sp.kind == kind]
    return all(any(s <= i < e for s, e in spans) for i in range(a, a + len(value)))


def kinds(text: str) -> set[str]:
    return {sp.kind for sp in DETECTORS.find(text)}


# --- an IBAN over a line break -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iban"),
    [
        ("mijn rekeningnummer is BE84 9400\n1701 6220", "BE84 9400\n1701 6220"),
        ("refund to AZ28 UVPU D2LV\nG011 E53X F18B N227; callback later",
         "AZ28 UVPU D2LV\nG011 E53X F18B N227"),
        ("my iban: nl78 abna 2234 6163\n83. thanks", "nl78 abna 2234 6163\n83"),
        ("IBAN: NO29 2404\r\n4647 899", "NO29 2404\r\n4647 899"),
        # inside a JSON string the line break is the escape "\n"
        ('{"label": "IBAN", "value": "GL85 4569 2571\\n5178 16"}', "GL85 4569 2571\\n5178 16"),
    ],
)  # fmt: skip
def test_an_iban_wrapped_over_a_line_is_one_iban(text: str, iban: str) -> None:
    assert covered(text, iban, "IBAN"), found(text)


def test_an_iban_is_joined_over_a_line_only_when_the_joined_value_is_one() -> None:
    # The inference is wrong when two lines merely look like the halves of one: the joined
    # value must pass mod-97 at its country's length, or nothing is taken as an IBAN.
    assert not iban_checksum_ok("BE8494001701622" + "1")
    text = "BE84 9400\n1701 6221 was the old one"
    assert "IBAN" not in kinds(text), found(text)
    # two line breaks inside: no longer read as one value
    text = "BE84\n9400\n1701 6220"
    assert "IBAN" not in kinds(text), found(text)
    # an IBAN complete on its line keeps its end; the next line is not swallowed
    text = "IBAN BE84 9400 1701 6220\n1234 items"
    assert [v for k, v in found(text) if k == "IBAN"] == ["BE84 9400 1701 6220"]


def _iban(country: str, body: str) -> str:
    check = 98 - int("".join(str(int(c, 36)) for c in body + country + "00")) % 97
    return f"{country}{check:02d}{body}"


@settings(max_examples=60, deadline=None)
@given(
    country=st.sampled_from(sorted(IBAN_LENGTHS)),
    data=st.data(),
)
def test_any_valid_iban_broken_between_two_groups_is_found_whole(
    country: str, data: st.DataObject
) -> None:
    body = data.draw(
        st.text(
            "0123456789", min_size=IBAN_LENGTHS[country] - 4, max_size=IBAN_LENGTHS[country] - 4
        )
    )
    iban = _iban(country, body)
    groups = [iban[i : i + 4] for i in range(0, len(iban), 4)]
    cut = data.draw(st.integers(1, len(groups) - 1))
    written = " ".join(groups[:cut]) + "\n" + " ".join(groups[cut:])
    text = f"please refund to {written}. thanks"
    assert covered(text, written, "IBAN"), found(text)


# --- cards in groups of eight --------------------------------------------------------------------


@pytest.mark.parametrize(
    "card",
    ["6011 9122 98815978", "54123456 78901208", "5412-3456-78901208", "12345678 1234568"],
)
def test_cards_in_eights_or_fours_and_an_eight(card: str) -> None:
    assert luhn_ok(card.replace(" ", "").replace("-", ""))
    text = f"card number {card}, exp 03/28"
    assert covered(text, card, "CARD"), found(text)


def test_eight_digit_groups_are_no_card_without_luhn_or_an_issuer() -> None:
    assert not luhn_ok("5412345678901209")
    assert "CARD" not in kinds("card number 54123456 78901209, exp 03/28")
    # Luhn holds, but no network issues 16 digits under 7
    assert luhn_ok("7412345678901204")
    assert "CARD" not in kinds("ref 74123456 78901204 done")
    # a tracking number after its label stays a tracking number even when Luhn holds
    assert "CARD" not in kinds("tracking number 54123456 78901208")


# --- phones spelled in words ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "spelled"),
    [
        ("it's plus three eight zero 39 25 476 21", "plus three eight zero 39 25 476 21"),
        ("my number is plus one 581 9658 313", "plus one 581 9658 313"),
        ("plus four four seven seven double oh nine double one three four five",
         "plus four four seven seven double oh nine double one three four five"),
        ("meine Nummer: plus vier neun eins fünf eins zwei drei vier fünf sechs sieben acht",
         "plus vier neun eins fünf eins zwei drei vier fünf sechs sieben acht"),
        ("mon numéro: plus trois trois six un deux trois quatre cinq six sept huit",
         "plus trois trois six un deux trois quatre cinq six sept huit"),
        ("mi número: plus tres cuatro seis uno dos tres cuatro cinco seis siete ocho",
         "plus tres cuatro seis uno dos tres cuatro cinco seis siete ocho"),
        # a length its plan does not list: spelled after "plus", still a phone
        ("number: plus three five seven 233 02 879", "plus three five seven 233 02 879"),
    ],
)  # fmt: skip
def test_a_phone_spelled_in_words_is_masked_whole(text: str, spelled: str) -> None:
    assert covered(text, spelled, "PHONE"), found(text)


def test_spelled_numbers_that_are_no_phone_stay() -> None:
    for text in (
        "one two three, here we go",  # a count
        "we'll be a plus one at the dinner",  # no number
        "plus two nine items in the box",  # too few digits
        "zero zero zero zero zero zero zero",  # no country code, no national number
    ):
        assert "PHONE" not in kinds(text), (text, found(text))


def test_a_spelled_code_that_reads_as_a_phone_is_masked() -> None:
    # The inference is wrong the other way: digit words after "plus" that make a possible
    # international number are masked, whatever they were meant to be (too much, not too
    # little).
    text = "the promo is plus four four seven seven zero zero nine zero zero one two three"
    assert "PHONE" in kinds(text)


# --- WhatsApp links, tel: URIs -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("just whatsapp me: https://wa.me/5491114798020", "5491114798020"),
        ("WhatsApp: wa.me/35796483938 any time", "35796483938"),
        ("https://api.whatsapp.com/send?phone=85257091044&text=Hallo", "85257091044"),
        ("https://api.whatsapp.com/send/?text=hi&phone=%2B905324398649", "%2B905324398649"),
        # a range the metadata does not list: the link says the number is international
        ("escríbeme por whats https://wa.me/23474962308436", "23474962308436"),
    ],
)
def test_the_number_of_a_whatsapp_link_is_a_phone(text: str, digits: str) -> None:
    assert covered(text, digits, "PHONE"), found(text)


def test_a_whatsapp_link_without_a_number_has_no_phone() -> None:
    for text in ("https://wa.me/message/IKWXHF3MFLJ2M1", "wa.me/12345", "https://wa.me/"):
        assert "PHONE" not in kinds(text), (text, found(text))


@pytest.mark.parametrize(
    "uri", ["tel:+91-46027679568", "tel:+6230362661392543", "TEL:+2546971741654"]
)
def test_a_tel_uri_number_of_an_unlisted_length_is_a_phone(uri: str) -> None:
    text = f"[call me]({uri})"
    assert covered(text, uri[4:], "PHONE"), found(text)


def test_a_tel_uri_without_a_country_code_is_not_taken_on_syntax_alone() -> None:
    # 999 is no country code: the URI's syntax alone does not make a phone of it
    assert "PHONE" not in kinds("tel:+99912345678901")


# --- international numbers of a length their plan does not list, after a cue ---------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Mobile: +90-9030403540973", "+90-9030403540973"),
        ("callback on +84 75712524; order A39", "+84 75712524"),
        ("contact_phone: +39 51459058\nopened: 2025-03-02", "+39 51459058"),
        # the groups after a possible prefix belong to the number after a cue
        ("Mobile: +48 736 5524 267", "+48 736 5524 267"),
        ("call me back at +63 5375 6085 67763 please", "+63 5375 6085 67763"),
    ],
)
def test_an_international_number_of_an_unlisted_length_after_a_cue(text: str, number: str) -> None:
    assert covered(text, number, "PHONE"), found(text)


def test_an_international_number_of_an_unlisted_length_needs_a_cue() -> None:
    # The rule infers from the cue: without one, a "+" number no plan takes stays in clear
    # (a leak when it was a phone), and after one, whatever it was is masked.
    assert "PHONE" not in kinds("batch +90-9030403540973 shipped")
    assert "PHONE" in kinds("phone: +90-9030403540973")
    # after the cue, a price after a possible number is still not part of it
    text = "call +44 7700 900123 186.42"
    assert [v for k, v in found(text) if k == "PHONE"] == ["+44 7700 900123"]
    # nor the first group of an address or a time after it
    text = "Tel:+33870459182 2405:201:3bb1:8ac4::6baf logged in"
    assert ("PHONE", "+33870459182") in found(text), found(text)


# --- webhooks in lower case ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://hooks.slack.com/services/t3sxdc1rg/bbx7acuzss6/x1quwrl8siopbrtua7ojwqm2",
        "https://discord.com/api/webhooks/846698789250842228/lmrr8d8cnfoveag-kubmw4dhuwdz7svz",
        "https://api.telegram.org/bot9492065805:aat3ka-6bzsr15-_3i4lkmcmbyu_-ekxena/getme",
        "https://HOOKS.SLACK.COM/services/T3SXDC1RG/BBX7ACUZSS6/X1QUWRL8SIOPBRTUA7OJWQM2",
        "https://acme.webhook.office.com/webhookb2/1a2b3c4d-aaaa/incomingwebhook/abc/def",
    ],
)
def test_webhook_links_are_secrets_in_any_case(url: str) -> None:
    text = f"here is the link: {url}\nthanks"
    assert covered(text, url, "URL"), found(text)


def test_the_webhook_host_alone_is_no_secret() -> None:
    for text in (
        "see https://hooks.slack.com/services/",
        "docs at https://api.slack.com/messaging/webhooks",
        "https://discord.com/api/docs/resources/webhook",
    ):
        assert "URL" not in kinds(text), (text, found(text))


# --- not phones: routing numbers, labelled ids, coordinates, versions ----------------------------


def test_a_routing_number_is_not_a_phone() -> None:
    for text in (
        "routing number 121000248",
        "routing number 021000021 - 436 kg",
        "ABA/RTN: 026009593 for the wire",
        "wire it: routing and account are 322271627, 12345678",
    ):
        assert "PHONE" not in kinds(text), (text, found(text))


def test_the_routing_rule_needs_the_cue_and_the_checksum() -> None:
    # 612345603 is a Spanish mobile that passes the ABA checksum: after a routing cue it is
    # taken for a routing number and stays in clear (the inference wrong, a leak); without
    # the cue it is a phone.
    assert aba_ok("612345603")
    assert "PHONE" not in kinds("routing number 612345603")
    assert "PHONE" in kinds("llámame al 612345603")
    # a number that fails the checksum is no routing number, whatever the words before it
    assert not aba_ok("612345600")
    assert "PHONE" in kinds("routing number 612345600")


@pytest.mark.parametrize(
    "text",
    [
        "case_id: 0931 989 4051\nstate: open",
        '{"payment": {"method": "card"}, "order_id": "86 499 481 64"}',
        "Alguma novidade sobre chamado 0983 993 1353?",
        "¿Qué pasa con incidencia 0836 379 5876?",
        "Is er nieuws over melding 0590 294 2414?",
    ],
)
def test_ids_after_key_labels_and_ticket_words_are_not_phones(text: str) -> None:
    assert "PHONE" not in kinds(text), found(text)


def test_a_key_naming_a_phone_stays_a_phone() -> None:
    assert "PHONE" in kinds("contact_phone: 0532 123 45 67")
    # a phone written after a ticket word is taken for the ticket's number (documented leak)
    assert "PHONE" not in kinds("chamado 0532 123 45 67")


def test_coordinates_and_versions_are_not_phones() -> None:
    for text in (
        "pickup point at 16.47246, 41.55286",
        "GPS 54.34685, -168.24840. 101 kg.",
        "after updating to 127.0.6514.190, it crashes",
        "app version iOS 16.4.2 - 153 kg",
    ):
        assert "PHONE" not in kinds(text), (text, found(text))
    # a decimal with no partner is read as before
    assert "PHONE" in kinds("call 0532.1234567")
