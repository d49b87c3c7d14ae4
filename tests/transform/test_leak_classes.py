"""One test per class of personal value that leaked from masked rows on text the detectors were
not tuned on: names with no English cue, phones in international form that libphonenumber's
metadata does not list as valid, and (with the pipeline) a platform's own profile fields and
the free-text fields of ``raw`` records."""

from __future__ import annotations

import re

import phonenumbers
import pytest

from archiver.transform.mask import Masker
from archiver.transform.policy import load_policy
from archiver.transform.pseudonym import Pseudonymizer

MASKER = Masker(load_policy(), Pseudonymizer(b"k" * 32))


def _clear(text: str, value: str) -> bool:
    """``value`` still readable in ``text`` as a whole word."""
    return re.search(rf"(?<!\w){re.escape(value)}(?!\w)", text) is not None


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A signature line: the name opens the line of a phone number or an address.
        ("Obrigada pela ajuda!\nFernanda Oliveira, +55 11 91234-5678", ["Fernanda", "Oliveira"]),
        ("Dziękuję\nJan Kowalski | jan.kowalski@example.pl", ["Jan", "Kowalski"]),
        # Cues in other languages.
        ("Merhaba, ben Zeynep Arıkan. Siparişim gelmedi.", ["Zeynep", "Arıkan"]),
        ("Adım Oğuzhan, kargom nerede?", ["Oğuzhan"]),
        ("Bonjour, je m'appelle Amélie Durand et ma commande est en retard.", ["Amélie", "Durand"]),
        ("Hola, me llamo Joaquín Fernández, tengo un problema.", ["Joaquín", "Fernández"]),
        ("Buongiorno, mi chiamo Giulia Esposito.", ["Giulia", "Esposito"]),
        ("Olá, meu nome é João Pereira e preciso de ajuda.", ["João", "Pereira"]),
        ("Hallo, ich heiße Jürgen Bäcker.", ["Jürgen", "Bäcker"]),
        ("Goedemiddag, ik ben Sanne de Graaf, klant sinds 2019.", ["Sanne", "Graaf"]),
        ("Dzień dobry, nazywam się Łukasz Wiśniewski.", ["Łukasz", "Wiśniewski"]),
        ("Teşekkürler Ayşe Hanım, iyi günler.", ["Ayşe"]),
        ("Saludos,\nValentina Restrepo", ["Valentina", "Restrepo"]),
    ],
)
def test_names_without_an_english_cue_are_masked(text: str, names: list[str]) -> None:
    out = MASKER.mask_text(text)
    assert not [n for n in names if _clear(out, n)], out
    assert "<NAME:" in out


@pytest.mark.parametrize(
    "text",
    [
        "I'm Sorry to hear that.",
        "Ich bin Kunde seit 2019 und warte noch.",
        "This is Urgent, please help.",
        "Merhaba, siparişim ne zaman gelir?",
        "Thanks, that worked!",
        "Tel: +90 532 123 45 67",
    ],
)
def test_cues_before_ordinary_words_leave_them(text: str) -> None:
    assert "<NAME" not in MASKER.mask_text(text), MASKER.mask_text(text)


@pytest.mark.parametrize(
    "number",
    [
        "+1 555 010 9999",  # 555-01xx: reserved, not valid in the metadata
        "+49 1234 5678901",  # a German range the metadata does not list
        "0049 1234 5678901",
        "+90 599 123 45 67",  # an unassigned Turkish range (a new one would look the same)
        "+33 7 00 00 00 00",
    ],
)
def test_international_phone_numbers_that_are_possible_but_not_valid_are_masked(
    number: str,
) -> None:
    parsed = phonenumbers.parse("+" + number[2:] if number.startswith("00") else number)
    assert phonenumbers.is_possible_number(parsed)
    assert not phonenumbers.is_valid_number(parsed)  # the class this test is about
    out = MASKER.mask_text(f"Reach me on {number} after six.")
    assert number not in out and "<PHONE:" in out, out


@pytest.mark.parametrize(
    "text",
    [
        "Order 00123456789 shipped.",
        "Tracking 0090123456789012 is late.",  # 00 + 14 digits: no personal number that long
        "Version +1.2.3 released on 2024-05-06.",
        "Total +1,234.56 EUR",
    ],
)
def test_recall_first_phones_leave_numeric_decoys(text: str) -> None:
    assert MASKER.mask_text(text) == text


def test_national_forms_keep_the_validity_check() -> None:
    # Ten digits that fit no region's valid ranges stay (an order or customer number).
    text = "Customer number 1234567890."
    assert MASKER.mask_text(text) == text
