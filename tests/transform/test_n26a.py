"""Bank 18 leftovers: a note or report headed "… for NAME:" in the nine languages, how a person
signs and the transliteration after "transl.", parcels for a person, statements headed by the
holder's name, and ordinary support messages in Amharic, Urdu, Armenian and Tamil (family names
after a given name, agents introducing themselves, callback summaries, relatives). Each rule has
a decoy it must leave and a test where its inference is wrong (docs/MASKING.md, "wrong way")."""

from __future__ import annotations

import pytest

from archiver.transform.detectors import Detectors
from archiver.transform.policy import load_policy

DETECTORS = Detectors(load_policy().detectors)


def names(text: str) -> list[str]:
    return [text[sp.start : sp.end] for sp in DETECTORS.find(text) if sp.kind == "NAME"]


# --- "… for NAME:" headings of a note or report about one person ------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Progress report for Kwabena Asante: maths is steady.", "Kwabena Asante"),
        ("Feedback for Yaw Owusu: strong presentation.", "Yaw Owusu"),
        ("Bericht für Kwame Boateng: Lesen deutlich besser.", "Kwame Boateng"),  # de
        ("Rapport pour Tsegaye Bekele : des progrès en calcul.", "Tsegaye Bekele"),  # fr
        ("Informe para Anouar Belkacem: ha mejorado la lectura.", "Anouar Belkacem"),  # es
        ("Pagella per Babajide Oni: ottimi risultati.", "Babajide Oni"),  # it
        ("Relatório para Tesfalem Ghebre: leitura melhorou.", "Tesfalem Ghebre"),  # pt
        ("Rapport voor Plamen Garkov: rekenen gaat goed.", "Plamen Garkov"),  # nl
        ("Ocena dla Gevorg Ghazaryan: czytanie lepiej.", "Gevorg Ghazaryan"),  # pl
        ("Report for மீனா ராஜன்: reading has improved.", "மீனா ராஜன்"),  # ta script
        ("Term report note for ሀና ተፈራ: reading has improved.", "ሀና ተፈራ"),  # am script
    ],
)
def test_a_report_heading_names_its_person(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Note for Android: the crash on start is fixed.",
        "Release note for Windows: reboot after installing.",
        "Report for Q3: revenue is up.",
        "Feedback for Customer Service: great.",
        "Note for the record: nothing changed.",
    ],
)
def test_a_report_heading_for_a_thing_names_no_one(text: str) -> None:
    assert names(text) == []


def test_wrong_way_a_place_in_a_report_heading_is_masked() -> None:
    # docs/MASKING.md: a capitalised place the lists lack in that heading is taken for the
    # person
    assert names("Note for Berlin: office closed on Friday.") == ["Berlin"]


# --- how a person signs, and the transliteration --------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Translator's remark: the writer signs as ثمینہ قریشی (transl. Samina Qureshi).",
            ["ثمینہ قریشی", "Samina Qureshi"],
        ),
        ("The letter is signed as Ċensu Grech, no date.", ["Ċensu Grech"]),
        ("Der Kunde unterschreibt als Rəşad Cəfərov.", ["Rəşad Cəfərov"]),  # de
        ("El cliente firma como Yaw Owusu.", ["Yaw Owusu"]),  # es
        ("Klant tekent als Babajide Oni.", ["Babajide Oni"]),  # nl
        ("Il cliente firma come Anouar Belkacem.", ["Anouar Belkacem"]),  # it
        ("O cliente assina como Kwame Boateng.", ["Kwame Boateng"]),  # pt
        ("Klient podpisuje się jako Tsegaye Bekele.", ["Tsegaye Bekele"]),  # pl
        ("signed: Пламен Жеков (translit. Plamen Zhekov)", ["Plamen Zhekov"]),
    ],
)
def test_a_signature_and_its_transliteration_are_names(text: str, found: list[str]) -> None:
    got = names(text)
    for name in found:
        assert name in got


def test_a_title_signed_as_is_no_name() -> None:
    assert names("He signed as Director of Sales.") == []


def test_wrong_way_a_translator_after_transl_is_masked() -> None:
    # docs/MASKING.md: a machine translator named after "transl." is taken for a person
    assert names("Text in Welsh (transl. Lingvanex).") == ["Lingvanex"]


# --- the person a parcel or a statement is for --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Parcel JJD0044182736 for Kwame Boateng is in locker 7 at Main Street.", "Kwame Boateng"),
        ("Package 1Z999AA10123456784 for Tsegaye Bekele was left at the door.", "Tsegaye Bekele"),
        ("Paket 00340434161094 für Anouar Belkacem liegt in Fach 12.", "Anouar Belkacem"),  # de
        ("Colis 6A12345678901 pour Yaw Owusu : disponible au relais.", "Yaw Owusu"),  # fr
        ("Paquete para Babajide Oni en el casillero 3.", "Babajide Oni"),  # es
        ("Pacco per Tesfalem Ghebre nel locker 9.", "Tesfalem Ghebre"),  # it
        ("Encomenda para Plamen Garkov no cacifo 4.", "Plamen Garkov"),  # pt
        ("Pakket 3SABCD1234567 voor Gevorg Ghazaryan ligt in kluis 2.", "Gevorg Ghazaryan"),  # nl
        ("Paczka 620123456789 dla Rəşad Cəfərov czeka w skrytce 5.", "Rəşad Cəfərov"),  # pl
        ("Parcel RR123456785GB for ሀና ተፈራ is in locker 11.", "ሀና ተፈራ"),  # am script
        ("Loyalty statement · Kwabena Asante\nPoints +120 · tier Silver", "Kwabena Asante"),
        ("Kontoauszug · Ċensu Grech\nSaldo 120,00 EUR", "Ċensu Grech"),  # de
        ("Account summary | Tsegaye Bekele | March", "Tsegaye Bekele"),
    ],
)
def test_a_parcel_or_statement_names_its_person(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Parcel for Customer Service returned to sender.",
        "The package for Warsaw branch arrived.",
        "Statement · March 2026 totals\nPoints +120",
        "Loyalty statement · Tier Gold",
    ],
)
def test_a_parcel_or_statement_for_a_thing_names_no_one(text: str) -> None:
    assert names(text) == []


def test_wrong_way_a_place_after_a_parcel_for_is_masked() -> None:
    # docs/MASKING.md: a place the lists lack after "parcel … for", with no place word after
    # it, is taken for the person
    text = "Parcel 1Z999AA10123456784 for Zalaegerszeg is delayed."
    assert names(text) == ["Zalaegerszeg"]


# --- support messages: agents introducing themselves, closings with the Ethiopic comma --------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Lep pozdrav, tukaj Anže iz podpore strankam.", "Anže"),  # sl
        ("Poštovani, ovdje Zrinka iz službe za korisnike.", "Zrinka"),  # hr
        ("Sveiki! Jums raksta Dainis no klientu apkalpošanas.", "Dainis"),  # lv
        ("ገንዘቡ አልተመለሰም። ከሰላምታ ጋር፣ ሀና ተፈራ", "ሀና ተፈራ"),  # am, Ethiopic comma
        ("ከሰላምታ ጋር፣ ዮናስ", "ዮናስ"),
    ],
)
def test_an_agent_or_a_closing_names_the_writer(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Tukaj je račun za marec.",  # sl: "here is the bill for March"
        "Ovdje je sve u redu.",  # hr: "all is fine here"
        "ከሰላምታ ጋር፣ 0911234567",  # am: a number after the closing
    ],
)
def test_here_and_a_closing_before_no_name_name_no_one(text: str) -> None:
    assert names(text) == []


def test_wrong_way_a_team_word_after_here_is_masked() -> None:
    # docs/MASKING.md: a capitalised word after "tukaj" before "iz podpore" is taken for the
    # agent, also when it names a team
    assert names("Tukaj Prodaja iz podpore.") == ["Prodaja"]


# --- "NAME asks to be called back on PHONE" summaries ---------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rəşad Cəfərov 0501 234 56 78 numarasından geri arama istiyor.", "Rəşad Cəfərov"),  # tr
        ("Arama notu. Kwame Boateng +905321234567 numarasından aranmak istiyor.", "Kwame Boateng"),
        ("ዮናስ ተፈራ በ 091 123 4567 እንዲደወልላቸው ጠይቀዋል።", "ዮናስ ተፈራ"),  # am
        ("மீனா ராஜன் +94 71 234 5678 எண்ணில் அழைக்கச் சொன்னார்.", "மீனா ராஜன்"),  # ta
        ("Լիլիթ Մանուկյան խնդրում է զանգել 077 123456 համարով։", "Լիլիթ Մանուկյան"),  # hy
        ("Mae Tsegaye Bekele eisiau galwad yn ôl ar 07700 900123.", "Tsegaye Bekele"),  # cy
    ],
)
def test_a_callback_summary_names_who_asked(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Lütfen 0501 234 56 78 numarasından bizi arayın.",  # "please call us from …"
        "Beni 0501 234 56 78 numarasından arayın.",  # tr: "call me on …"
        "என்னை 071 234 5678 எண்ணில் அழைக்கவும்.",  # ta: "call me on …"
        "Զանգահարեք ինձ 077 123456 համարով։",  # hy: "call me on …"
        "Mae angen galwad yn ôl ar 07700 900123.",  # cy: "a callback is needed"
    ],
)
def test_a_callback_note_without_a_person_names_no_one(text: str) -> None:
    assert names(text) == []


def test_wrong_way_a_capitalised_team_before_the_number_is_masked() -> None:
    # docs/MASKING.md: capitalised words the lists lack before the number and "numarasından"
    # are taken for the person who asked
    text = "Yurtiçi Kargo 0850 222 22 22 numarasından geri arama istiyor."
    assert names(text) == ["Yurtiçi Kargo"]
