"""Bank 16 tuning: image and asset names written at a pixel density, which read as e-mail
addresses (``logo@2x.png``), and a number after a texting verb ("we'll text …"). Each rule has
a decoy of the same shape it must keep, and a test where its inference is wrong
(docs/MASKING.md, "wrong way")."""

from __future__ import annotations

import pytest

from archiver.transform.detectors import Detectors
from archiver.transform.policy import load_policy

DETECTORS = Detectors(load_policy().detectors)


def found(text: str) -> list[tuple[str, str]]:
    return [(sp.kind, text[sp.start : sp.end]) for sp in DETECTORS.find(text)]


def kinds(text: str, kind: str) -> list[str]:
    return [v for k, v in found(text) if k == kind]


# --- asset names at a pixel density --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "build output: wrote splash@2x.png and splash@3x.png",
        "the app icon is AppIcon@3x.WEBP in the bundle",
        "copy hero-banner@2x.jpeg into /static",
        "retina sprite avatar_small@1.5x.gif is blurry",
        "Datei gespeichert: kopf@2x.svg",  # de
        "archivo subido: portada@4x.avif",  # es
        "screenshot@home.heic came from the phone",  # one label and an extension
    ],
)
def test_an_asset_name_at_a_density_is_no_address(text: str) -> None:
    assert kinds(text, "EMAIL") == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("write to anna.berg@studio.ai about the logo", "anna.berg@studio.ai"),  # .ai: a TLD
        ("files come from drop@photos.zip now", "drop@photos.zip"),  # .zip: a TLD
        ("her address is ole@3x.com", "ole@3x.com"),  # a density label but .com
        ("mail lars@firma.no, not logo@2x.png", "lars@firma.no"),
    ],
)
def test_a_real_address_beside_or_like_an_asset_stays_masked(text: str, address: str) -> None:
    assert kinds(text, "EMAIL") == [address]


def test_an_address_inside_a_file_name_stays_masked() -> None:
    # a real domain before the extension: the address the file was named after
    text = "attached export-anna@firma.de.png for review"
    assert kinds(text, "EMAIL") == ["export-anna@firma.de.png"]


def test_wrong_way_a_mailbox_at_a_density_named_domain_is_kept() -> None:
    # ``2x.zip`` is a domain someone could register: its mailbox is read as an asset
    assert kinds("reach me at kari@2x.zip please", "EMAIL") == []


def test_role_addresses_stay_masked_by_default() -> None:
    text = "Co-authored-by: Build Bot <noreply@ci.example>"
    assert kinds(text, "EMAIL") == ["noreply@ci.example"]


# --- a texting verb as a phone cue -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Done, Mette. We'll text 28 71 45 90 when the parcel is out.", "28 71 45 90"),  # DK
        ("All set, Sindre; I will text 92 45 67 31 tomorrow.", "92 45 67 31"),  # NO mobile
        ("Can you text me on 41 22 83 17 later?", "41 22 83 17"),  # NO
        ("I texted 22 31 57 84 yesterday but no reply", "22 31 57 84"),  # NO fixed line
        ("We're texting 31 42 18 06 the new code", "31 42 18 06"),  # DK
        ("pls text us at 93 84 51 27", "93 84 51 27"),  # NO
    ],
)
def test_a_number_after_a_texting_verb_is_a_phone(text: str, number: str) -> None:
    assert kinds(text, "PHONE") == [number]


@pytest.mark.parametrize(
    "text",
    [
        "the text 47 31 08 67 appears twice in the log",  # a noun
        "see text 2 of 3, paragraph 41 22 83 17",
        "we'll text you the code 47 31 08 67 in a minute",  # a labelled number
        "I'll text 4 people, then 2 more",
    ],
)
def test_text_as_a_noun_or_before_a_label_is_no_cue(text: str) -> None:
    assert kinds(text, "PHONE") == []


def test_wrong_way_a_count_after_a_texting_verb_is_masked() -> None:
    # digit groups that make a valid number somewhere, after "we text": read as the number
    assert kinds("we text 12 34 56 78 times a day", "PHONE") == ["12 34 56 78"]
