"""Clinical record formats: the person-name and telephone fields of HL7 v2 segments, DICOM
attributes of VR PN, FHIR HumanName's given-name arrays and text, and the labelled people of a
discharge summary in English, German, French and Spanish. Each rule has a case where it must
not fire: a field of the same record that holds no person (docs/MASKING.md, "Clinical record
formats")."""

from __future__ import annotations

import pytest

from archiver.transform.clinical import hl7_name_spans, hl7_phones
from tests.helpers import default_detectors, finder_names


def names(text: str) -> list[str]:
    return sorted(set(finder_names(text)))


def kinds(text: str) -> list[tuple[str, str]]:
    return [(sp.kind, text[sp.start : sp.end]) for sp in default_detectors().find(text)]


_MSH = "MSH|^~\\&|REG|ST ELSEWHERE|LAB|ST ELSEWHERE|202501020304||ADT^A01|X77|P|2.5\r"

# -- HL7 v2 ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("segment", "found"),
    [
        ("NK1|1|QUARRENDER^TAVISH^^^^^L|SPO^Spouse", ["QUARRENDER", "TAVISH"]),
        ("NK1|2|Brusaferro^Ottavia^Maria|MTH|", ["Brusaferro", "Maria", "Ottavia"]),
        ("PV1|1|I|W3^12^1|||||0042^HOOGTERP^WIETSKE^^^DR|", ["HOOGTERP", "WIETSKE"]),
        ("PV1|1|O|||||||7781^Szczygłowski^Bożydar^^^Dr", ["Bożydar", "Szczygłowski"]),
        ("ORC|NW|1||||||||||9912^KARADEC^GWENOLE", ["GWENOLE", "KARADEC"]),
        ("OBX|1|TX|1^Note||seen||||||F|||||5521^STRIETZEL^HAIMO", ["HAIMO", "STRIETZEL"]),
        ("GT1|1||ТУРСУНОВ^АЙБЕК", ["АЙБЕК", "ТУРСУНОВ"]),
        ("PV1|1|I|W3^12^1|||||HOOGTERP^WIETSKE^^^DR\rORC|NW|1", ["HOOGTERP", "WIETSKE"]),
        ("NK1|1|ޙަސަން^ޢާއިޝާ|SIS", ["ޙަސަން", "ޢާއިޝާ"]),
        ("PID|1||7^^^H^MR||ბერიძე^ნინო", ["ბერიძე", "ნინო"]),
    ],
)
def test_hl7_name_fields(segment: str, found: list[str]) -> None:
    assert names(_MSH + segment) == found


def test_hl7_provider_code_is_no_name() -> None:
    """Wrong way: an XCN's ID with a digit is a code, not a family name."""
    assert names(_MSH + "PV1|1|I||||||D0042^HOOGTERP^WIETSKE") == ["HOOGTERP", "WIETSKE"]


def test_hl7_separators_of_msh() -> None:
    """MSH-2 declares the component separator: a message using "*" is read with it."""
    text = "MSH|*~\\&|A|B|C|D|202501020304||ADT*A01|1|P|2.5\nNK1|1|QUILLFEATHER*ODALYS|SPO"
    assert [text[a:b] for a, b in hl7_name_spans(text)] == ["QUILLFEATHER", "ODALYS"]


def test_hl7_fields_of_no_person() -> None:
    """Wrong way: the facility of MSH-4, a drug of RXE, a location of PV1-3 and an
    observation's coded value are no person's fields."""
    text = (
        "MSH|^~\\&|PHARM|MERCY GROVE|RX|MERCY GROVE|202501020304||RXE^O11|M1|P|2.5\n"
        "RXE|1|00904629^ALLEGRA^NDC|10||mg\n"
        "PV1|1|I|ROSE^WARD^2|\n"
        "OBX|1|CE|8302-2^Height^LN||FLORENCE^NIGHTINGALE^L\n"
    )
    assert names(text) == []


@pytest.mark.parametrize(
    ("segment", "phone"),
    [
        ("PID|1||7^^^H^MR||DOE^JANE||19800101|F|||||030 12345678^PRN^PH", "030 12345678"),
        ("NK1|1|DOE^JOHN|SPO|||(0212) 555 12 34^WPN^PH", "(0212) 555 12 34"),
        ("PID|1||7^^^H^MR||DOE^JANE||19800101|F|||||^PRN^PH^^49^30^1234567", "49^30^1234567"),
        ("GT1|1||DOE^JOHN||||06 12 34 56 78^PRN^CP", "06 12 34 56 78"),
    ],
)
def test_hl7_phone_fields(segment: str, phone: str) -> None:
    assert ("PHONE", phone) in kinds(_MSH + segment)


def test_hl7_numbers_of_no_phone_field() -> None:
    """Wrong way: the record number of PID-3, the date of birth and a social security number
    in PID-19 are no telephone fields (the number detector alone judges them)."""
    text = _MSH + "PID|1||12345678^^^H^MR||||19800101|F||||||||||||987654321"
    assert hl7_phones(text) == []


def test_hl7_address_after_components() -> None:
    """An e-mail address in XTN's component 4 starts after the "^": the phone before it
    stays a phone."""
    text = (
        _MSH
        + "PID|1||7^^^H^MR||DOE^JANE||19800101|F|||||"
        + "030 12345678^PRN^PH~^NET^X400^jd@mail.example.org"
    )
    found = kinds(text)
    assert ("EMAIL", "jd@mail.example.org") in found
    assert ("PHONE", "030 12345678") in found


# -- DICOM -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("(0008,0090) PN [Twijnstra^Sjoukje]", ["Sjoukje", "Twijnstra"]),
        (
            "(0008,1050) PN [GUIVARCH^SOLENN^^DR]  #  20, 1 PerformingPhysicianName",
            ["GUIVARCH", "SOLENN"],
        ),
        ("(0008,1070) PN [Quaresma^Iolanda]", ["Iolanda", "Quaresma"]),
        (
            "(0008, 0090) Referring Physician's Name   PN: 'Wrenfield^Tobiah'",
            ["Tobiah", "Wrenfield"],
        ),
        ("ReferringPhysicianName: Ashbury^Corwen", ["Ashbury", "Corwen"]),
        ("OperatorsName = Strietzel^Haimo", ["Haimo", "Strietzel"]),
        ("(0010,0010) PN [Yamada^Tarou=山田^太郎]", ["Tarou", "Yamada", "太郎", "山田"]),
    ],
)
def test_dicom_person_names(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_dicom_attributes_of_no_person() -> None:
    """Wrong way: the institution (LO), the study's description and the station name are no
    PN attributes."""
    text = (
        "(0008,0080) LO [Kestrel Valley Hospital]\n"
        "(0008,1030) LO [MRI KNEE LEFT]\n"
        "(0008,1010) SH [ROSE]\n"
        "InstitutionName: Kestrel Valley Hospital"
    )
    assert names(text) == []


# -- FHIR ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            '{"resourceType": "RelatedPerson", "name": [{"family": "Hoogterp", '
            '"given": ["Wietske", "Anna"]}]}',
            ["Anna", "Hoogterp", "Wietske"],
        ),
        (
            '{"resourceType": "Practitioner",\n  "name": [{"text": "Gwenolé Karadec", '
            '"prefix": ["Dr"]}]}',
            ["Gwenolé Karadec"],
        ),
        (
            '"contact": [{"name": {"family": "Brusaferro",\n "given": [\n  "Ottavia"\n ]}}]',
            ["Brusaferro", "Ottavia"],
        ),
    ],
)
def test_fhir_human_names(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_fhir_text_and_names_of_no_person() -> None:
    """Wrong way: an Organization's name is a string, not a HumanName, and a "text" outside a
    name object (a relationship, a code) is no name."""
    text = (
        '{"resourceType": "Organization", "name": "Kestrel Valley Hospital",\n'
        ' "type": [{"text": "Healthcare Provider"}]}\n'
        '{"relationship": [{"text": "Emergency Contact"}], "code": {"text": "Florence"}}'
    )
    assert names(text) == []


# -- a discharge summary's labelled people ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Attending physician: Tavish Quarrender\nDiagnosis: I10", ["Tavish Quarrender"]),
        ("Angehörige: Jördis Quappe (Tochter), Tel. 030 1234567", ["Jördis Quappe"]),
        ("Behandelnde Ärztin: Haimo Strietzel", ["Haimo Strietzel"]),
        ("Personne à prévenir : Solenn Guivarc'h (sœur)", ["Solenn Guivarc'h"]),
        ("Médecin traitant : Gwenolé Karadec", ["Gwenolé Karadec"]),
        ("Contacto: Xiana Bouzamayor (madre), tel. 600 000 000", ["Xiana Bouzamayor"]),
        ("Médico responsable: Iolanda Quaresma", ["Iolanda Quaresma"]),
        ("Next of kin: ཚེ་རིང་ སྒྲོལ་དཀར (wife)", ["ཚེ་རིང་ སྒྲོལ་དཀར"]),
    ],
)
def test_discharge_labels(text: str, found: list[str]) -> None:
    assert names(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "Angehörige: keine bekannt",
        "Personne à prévenir : aucune",
        "Contacto: ninguno",
        "Attending: none assigned yet",
    ],
)
def test_discharge_labels_without_a_person(text: str) -> None:
    """Wrong way: a label whose value is common words ("none", "keine") names nobody."""
    assert names(text) == []
