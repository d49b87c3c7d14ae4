"""Bank 18 tuning of phones and cards: call-me cues of more languages (and the regions of their
language, tried first for the number after them), order labels of those languages, and a
lower-case Slavic "po" that is no purchase order's label. Each rule has a decoy it must keep
and a case where its inference is wrong (docs/MASKING.md, "wrong way")."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from archiver.transform.detectors import Detectors
from archiver.transform.policy import load_policy, parse_policy

DETECTORS = Detectors(load_policy().detectors)
DEFAULT_POLICY = resources.files("archiver").joinpath("policies", "default.yaml").read_bytes()


def found(text: str) -> list[tuple[str, str, str]]:
    return [
        (sp.kind, text[sp.start : sp.end], sp.value)
        for sp in DETECTORS.find(text)
        if sp.kind != "NAME"
    ]


def phones(text: str) -> list[tuple[str, str]]:
    return [(written, value) for kind, written, value in found(text) if kind == "PHONE"]


# --- call-me cues of more languages, and their regions tried first ------------------------------


@pytest.mark.parametrize(
    ("text", "number", "e164"),
    [
        ("Zvaniet man uz 26 123 456, lūdzu.", "26 123 456", "+37126123456"),  # lv
        ("Klients lūdz atzvanīt uz 2123 4567.", "2123 4567", "+37121234567"),  # lv
        ("Helistage mulle numbril 5123 4567.", "5123 4567", "+37251234567"),  # et
        ("Palun tagasihelistamist 5123 4567.", "5123 4567", "+37251234567"),  # et
        ("Ċemplu lili fuq 7912 3456 wara nofsinhar.", "7912 3456", "+35679123456"),  # mt
        ("Cemplu lili fuq 7912 3456.", "7912 3456", "+35679123456"),  # mt, no dots
        ("Perezvonite mne po nomeru 8 (912) 957-33-13.", "8 (912) 957-33-13", "+79129573313"),
        ("Перезвоните мне 8 (912) 957-33-13.", "8 (912) 957-33-13", "+79129573313"),  # ru
        ("Liguem-me para o 21 231 9668, por favor.", "21 231 9668", "+351212319668"),  # pt
    ],
)
def test_a_call_me_cue_reads_the_number_in_its_languages_region_first(
    text: str, number: str, e164: str
) -> None:
    assert phones(text) == [(number, e164)]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Pokličite me na 41 234 567.", "41 234 567"),  # sl
        ("Dosegljiva sem na 41 234 567.", "41 234 567"),  # sl
        ("Nazovite me na 91 234 5678.", "91 234 5678"),  # hr
        ("Zəng edin: 50 123 45 67", "50 123 45 67"),  # az
        ("Nömrəm 50 123 45 67", "50 123 45 67"),  # az
        ("Obadete mi se na 88 812 3456.", "88 812 3456"),  # bg, romanised
        ("Обадете ми се на 88 812 3456.", "88 812 3456"),  # bg
        ("Ffoniwch fi ar 7700 900123.", "7700 900123"),  # cy
        ("Deitu 612 34 56 78 zenbakira.", "612 34 56 78"),  # eu
        ("Aram khndrum e zangel 91 234567 hamarov.", "91 234567"),  # hy, romanised
        ("Խնդրում եմ զանգահարել 91 234567", "91 234567"),  # hy
        ("Rabta karein: 300 1234567", "300 1234567"),  # ur, romanised
        ("فون 300 1234567", "300 1234567"),  # ur
        ("ይደውሉልኝ 911 234 567", "911 234 567"),  # am
        ("தொலைபேசி 98765 43210", "98765 43210"),  # ta
    ],
)
def test_the_new_cues_mask_a_number_of_a_region_no_list_names(text: str, number: str) -> None:
    assert [w for w, _ in phones(text)] == [number]


def test_wrong_way_a_verb_after_the_number_is_no_cue() -> None:
    # Urdu puts the verb after the number: no cue stands before it, the number stays
    assert phones("Mujhe 300 1234567 par rabta karein.") == []


def test_a_cue_of_no_region_listed_is_still_tried_everywhere() -> None:
    # Portuguese cue, Brazilian number: PT does not take eleven digits, so any region is asked
    assert phones("Quer ser contatado pelo (11) 91234-5678.") == [
        ("(11) 91234-5678", "+5511912345678")
    ]


def test_wrong_way_the_cues_language_gives_its_region_to_a_foreign_number() -> None:
    # a Latvian friend's number (+371 2123 4567) written without its code in a Maltese message
    # is read as Maltese: the writer's region comes first (masked, under another token)
    assert phones("Ċemplu lil ħija fuq 2123 4567.") == [("2123 4567", "+35621234567")]


@pytest.mark.parametrize(
    "text",
    [
        "Zvaniet man uz 15.03.2026.",  # a date after the cue
        "Zvaniet man, pasūtījums 40012345.",  # an order labelled in Latvian
        "Helistage mulle, arve summa 1234.50 EUR.",  # an amount
        "Перезвоните мне, заказ 12345678.",  # an order labelled in Russian
        "Perezvonite mne po zakazu 12345678.",
        "Nazovite me, račun 0912345678.",  # an invoice labelled in Croatian
        "Ċemplu lili fuq il-ħin 10:30.",  # a time
    ],
)
def test_decoys_after_the_new_cues_stay(text: str) -> None:
    assert phones(text) == []


def test_wrong_way_an_unlabelled_count_after_a_call_me_verb_is_masked() -> None:
    # a count that is a valid number somewhere, after a cue and no label of its own
    assert [w for w, _ in phones("Zvaniet man, man ir 26 123 456 punkti.")] == ["26 123 456"]


def test_cue_regions_in_a_policy_are_cues_and_regions() -> None:
    doc = yaml.safe_load(DEFAULT_POLICY)
    phone = doc["detectors"]["phone"]
    phone["regions"], phone["cues"], phone["cue_regions"] = ["US"], [], {"LV": ["zvan*"]}
    detectors = Detectors(parse_policy(yaml.safe_dump(doc).encode(), name="t").detectors)
    text = "Zvaniet man uz 2123 4567."
    spans = [sp for sp in detectors.find(text) if sp.kind == "PHONE"]
    assert [(text[sp.start : sp.end], sp.value) for sp in spans] == [("2123 4567", "+37121234567")]
    assert not [sp for sp in detectors.find("Call me on 2123 4567.") if sp.kind == "PHONE"]


# --- a lower-case "po" is no purchase order's label ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "card"),
    [
        ("Vrastete sumata po 4953 1775 1636 9001, molya.", "4953 1775 1636 9001"),  # bg
        ("Platite po 6011-0009-9013-9424.", "6011-0009-9013-9424"),  # hr
        ("Refund po 378282246310005 please", "378282246310005"),  # tl particle
    ],
)
def test_a_lower_case_po_before_a_card_leaves_it_a_card(text: str, card: str) -> None:
    assert [(k, w) for k, w, _ in found(text)] == [("CARD", card)]


def test_a_capital_po_still_labels_a_purchase_order() -> None:
    assert found("PO 4953 1775 1636 9001") == []
    assert found("PO 6058681136") == []


def test_wrong_way_a_purchase_order_written_po_in_lower_case_is_masked() -> None:
    assert [k for k, _, _ in found("po 6058681136")] == ["PHONE"]


# --- a link's access code is its secret ---------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://esign.example.org/envelopes/9c1d/sign?access_code=mwkqzprtsvbnlhgd",
        "https://app.example.com/oauth/callback?state=xyz&auth_code=plmoknijbuhv",
        "https://id.example.net/confirm?verification_code=4417",
    ],
)
def test_a_code_that_opens_the_link_makes_it_secret(url: str) -> None:
    text = f"Open: {url} today"
    assert [(k, w) for k, w, _ in found(text)] == [("URL", url)]


@pytest.mark.parametrize(
    "url",
    [
        "https://shop.example.com/cart?promo_code=SUMMER24",
        "https://maps.example.com/?country_code=DE&zip_code=10115",
    ],
)
def test_other_codes_leave_the_link(url: str) -> None:
    assert found(f"See {url} now") == []


def test_wrong_way_a_public_access_code_masks_the_link() -> None:
    # a museum's published access code for a free tour: the whole link is replaced needlessly
    url = "https://museum.example.org/tour?access_code=FREE"
    assert [k for k, _, _ in found(f"Tour: {url}")] == ["URL"]


# --- the word for "number" with a case ending, right after the number ---------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Ennai 6123 2325 numberla call pannunga.", "6123 2325"),  # ta, romanised
        ("என்னை 6123 2325 எண்ணுக்கு அழைக்கவும்", "6123 2325"),  # ta
        ("Aram khndrum e 6123 2325 hamarov zangel.", "6123 2325"),  # hy, romanised
        ("Mujhe 6123 2325 नंबर पर कॉल करें", "6123 2325"),  # hi
        ("Zəhmət olmasa 6123 2325 nömrəsinə zəng edin.", "6123 2325"),  # az
    ],
)
def test_a_number_word_after_the_number_cues_it(text: str, number: str) -> None:
    assert [w for w, _ in phones(text)] == [number]


@pytest.mark.parametrize(
    "text",
    [
        "Siparişiniz 61232325 numaralı.",  # "numbered": an order's number
        "Ennai 6123 2325 times call pannunga.",  # another word after the number
        "Order 6123 2325 numberla varala.",  # an order's label before the number wins
        "Ennai 6123 2325, numberla call pannunga.",  # a comma between: no cue
    ],
)
def test_no_number_word_right_after_leaves_the_number(text: str) -> None:
    assert phones(text) == []


def test_wrong_way_a_count_before_a_number_word_is_masked() -> None:
    # "the 61232325th number": any count so written that is valid somewhere is masked
    assert [w for w, _ in phones("Idhu 6123 2325 numberla irukku.")] == ["6123 2325"]
