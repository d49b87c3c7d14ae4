"""Bank 19 tuning of phones and of name precision: numbers glued to a Bantu class prefix by a
hyphen, call-me cues of Somali, Zulu and Xhosa (before the number) and of Mongolian and Kazakh
(after it), a person's own number with its extension, and words read as given names that are
a product's, a possessive's or a street's. Each rule has a decoy it must keep and a case where
its inference is wrong (docs/MASKING.md, "wrong way")."""

from __future__ import annotations

import pytest

from archiver.transform.detectors import Detectors, known_values
from archiver.transform.policy import load_policy

DETECTORS = Detectors(load_policy().detectors)


def phones(text: str) -> list[str]:
    return [text[sp.start : sp.end] for sp in DETECTORS.find(text) if sp.kind == "PHONE"]


def names(text: str) -> list[str]:
    return [text[sp.start : sp.end] for sp in DETECTORS.find(text) if sp.kind == "NAME"]


# --- a number glued to a Bantu class prefix ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Ngicela ungishayele ku-+27 82 555 0143 kusasa.", "+27 82 555 0143"),  # zu, intl
        ("Ngicela ungishayele ku-+27825550143.", "+27825550143"),  # zu, e164 unspaced
        ("Ndifowunele ku-0027 83 410 2299 emva kwe-5.", "0027 83 410 2299"),  # xh, 00 prefix
        ("Ku-+27 82 555 0143 ungangithola njalo.", "+27 82 555 0143"),  # capitalised
        ("Ngishayele nge-+27 82 555 0143 x21 emini.", "+27 82 555 0143 x21"),  # with extension
    ],
)
def test_a_number_after_a_class_prefix_and_hyphen_is_read_whole(text: str, phone: str) -> None:
    assert phones(text) == [phone]


@pytest.mark.parametrize(
    "text",
    [
        "Mayelana ne-12.03.2026, i-oda yami ayifikanga.",  # a date after ne-
        "Mayelana ne-v4.18.2 ye-app.",  # a version
        "Imali ne-1450,00 R ayikabuyiswa.",  # an amount
        "Ikhodi yami ngu KA-4471093 kanti ayisebenzi.",  # an upper-case code keeps its hyphen
    ],
)
def test_decoys_after_a_class_prefix_stay(text: str) -> None:
    assert phones(text) == []


def test_wrong_way_a_code_written_with_a_prefix_word_is_read_as_a_number() -> None:
    # "ka-" also opens Zulu possessives, but "ka" written before an order's digits in a
    # language where it is a plain word is read the same way: the digits are then a phone
    # when they read as one, as after a space ("ka 0821234567")
    assert phones("order ka-+27 82 555 0143") == phones("order ka +27 82 555 0143")


# --- call-me cues ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Fadlan i soo wac 7 1523486 galabta.", "7 1523486"),  # so
        ("Ngicela ungishayele ku-082 555 0143.", "082 555 0143"),  # zu
        ("Ndifowunele kule nombolo 083 410 2299.", "083 410 2299"),  # xh
        ("Энэ 9911 4527 дугаараар холбогдоорой.", "9911 4527"),  # mn, after the number
        ("Podem ligar-me para o 21 345 6789.", "21 345 6789"),  # pt, "ligar-me"
    ],
)
def test_call_me_cues(text: str, phone: str) -> None:
    assert phones(text) == [phone]


@pytest.mark.parametrize(
    "text",
    [
        "Dalabkaygu waa 7 1523486, ma imaan.",  # so: an order's number, no call verb
        "Захиалгын дугаар 9911 4527 ирээгүй байна.",  # mn: "order number" before the digits
    ],
)
def test_numbers_without_a_call_cue_stay(text: str) -> None:
    assert phones(text) == []


# --- a person's own number with its extension --------------------------------------------------


def test_a_known_number_takes_its_extension() -> None:
    policy = load_policy().detectors
    known = known_values(
        [("phone", "+976 8861 1214")], min_length=policy.known_min_length, regions=("MN",)
    )
    text = "Над руу 8861 1214 ext 677 залгаарай."
    found = [text[sp.start : sp.end] for sp in DETECTORS.find(text, known) if sp.kind == "PHONE"]
    assert found == ["8861 1214 ext 677"]


def test_wrong_way_a_number_after_a_known_number_is_taken_as_its_extension() -> None:
    # "x" and a count after a person's number read as an extension: the count is masked too
    policy = load_policy().detectors
    known = known_values(
        [("phone", "+976 8861 1214")], min_length=policy.known_min_length, regions=("MN",)
    )
    text = "8861 1214 x2 утас"
    found = [text[sp.start : sp.end] for sp in DETECTORS.find(text, known) if sp.kind == "PHONE"]
    assert found == ["8861 1214 x2"]


# --- name precision ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "My Fritz!Box 6660 drops the line every night.",  # en
        "Der Router (Fritz!Box 7530) startet ständig neu.",  # de
        "Riguarda Fritz!Box 7490 del mio ufficio.",  # it, a case line's word before it
        "Signed in with my Yahoo!Mail account.",
    ],
)
def test_a_word_glued_to_an_exclamation_and_a_letter_is_no_name(text: str) -> None:
    assert names(text) == []


def test_a_name_before_an_exclamation_and_a_space_stays() -> None:
    assert names("Grazie mille, Chiara Benedetti! A presto.") == ["Chiara Benedetti"]


def test_wrong_way_a_name_glued_to_an_exclamation_and_a_word_is_missed() -> None:
    assert "Fritz" not in " ".join(names("Danke Fritz!Bis bald"))


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Mia sorella Chiara Benedetti verrà a ritirare il pacco.", "Chiara Benedetti"),  # it
        ("Buongiorno. Mia suocera Chiara Benedetti passa domani.", "Chiara Benedetti"),  # it
        ("Minha filha Beatriz Carvalho vai buscar a encomenda.", "Beatriz Carvalho"),  # pt
    ],
)
def test_a_possessive_before_a_kinship_word_is_no_name(text: str, person: str) -> None:
    assert names(text) == [person]


def test_a_person_named_mia_before_a_comma_stays() -> None:
    assert "Mia" in " ".join(names("Ho parlato con Mia, moglie di Paolo Benedetti."))


def test_wrong_way_mia_before_a_kinship_word_is_read_as_my() -> None:
    assert "Mia" not in names("Mia moglie Chiara Benedetti passerà.")


@pytest.mark.parametrize(
    ("own", "text"),
    [
        ("Riguardi Rossi", "Riguarda il modem in ufficio."),  # it: "it concerns"
        ("Hamkasbi Aliyev", "Hamkasbim ertaga keladi."),  # uz: "my colleague"
    ],
)
def test_case_line_words_are_no_misspelt_own_names(own: str, text: str) -> None:
    policy = load_policy().detectors
    known = known_values(
        [("name", own)],
        min_length=policy.known_min_length,
        regions=policy.phone_regions,
        misspelt_min_length=policy.known_misspelt_min_length,
    )
    assert known is not None
    assert [sp for sp in DETECTORS.find(text, known) if sp.kind == "NAME"] == []


def test_a_misspelt_own_name_before_a_street_word_is_a_street() -> None:
    policy = load_policy().detectors
    known = known_values(
        [("name", "Thabo Mandla")],
        min_length=policy.known_min_length,
        regions=policy.phone_regions,
        misspelt_min_length=policy.known_misspelt_min_length,
    )
    assert known is not None
    street = "Pickup 21:40 Nelson Mandela Drive"
    assert [sp for sp in DETECTORS.find(street, known) if sp.kind == "NAME"] == []
    # the same misspelling elsewhere is still the person's
    text = "Ngiyabonga, Thabo Mandela"
    found = [text[sp.start : sp.end] for sp in DETECTORS.find(text, known) if sp.kind == "NAME"]
    assert "Mandela" in " ".join(found)
