"""Signature blocks with an initial or a lone first name, signature lines with a job title,
names typed in lower case after a cue, cues typed with two letters swapped; and the places,
dates, streets, table columns and brands that are no names. Each inferred rule has a case where
it is wrong, both ways, as docs/MASKING.md says."""

from __future__ import annotations

import pytest

from archiver.transform.detectors import known_values
from tests.helpers import default_detectors
from tests.helpers import found_names as names

# --- signatures ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Any update?\n\nTrân trọng,\nB. Quispetupa-Yupanqui\nbq@example.com",
            "B. Quispetupa-Yupanqui",
        ),
        ("Any update?\n\nBa sepas,\nG. QUISPETUPA\ngq@example.com", "G. QUISPETUPA"),
        ("Any update?\n\nS uvazheniyem,\nXochitl\nxq@example.com", "Xochitl"),
        ("Any update?\n\nLG\nXOCHITL\nxq@example.com", "XOCHITL"),
    ],
)
def test_a_signature_block_with_an_initial_or_a_lone_name(text: str, name: str) -> None:
    assert names(text) == [name]


def test_the_signature_block_rule_wrong_both_ways() -> None:
    # Too much: a company alone under a line ending in a colon, above an address, is masked.
    assert names("Invoice to:\nQuispetupa\nbilling@example.com") == ["Quispetupa"]
    # Too little: a lone word under a line that closes nothing, or with no address or phone
    # below, stays in clear.
    assert names("See the log\nXochitl\nxq@example.com") == []
    assert names("Any update?\n\nS uvazheniyem,\nXochitl") == []


def test_a_job_title_between_a_signature_name_and_its_phone() -> None:
    text = "Thanks\nXochitl Quispetupa | Founder | +44 20 7946 0958"
    assert names(text) == ["Xochitl Quispetupa"]


def test_the_job_title_rule_wrong_both_ways() -> None:
    # Too much: a department opening the line is taken when it is capitalised words the
    # policy's team list lacks ("Ops"; "Payroll Desk" is no name).
    assert names("Payroll Ops | Xochitl | +44 20 7946 0958") == ["Payroll Ops"]
    # Too little: a name in lower case opening the line is not found (the title, a role
    # word, is not taken either).
    assert names("xochitl quispetupa | Founder | +44 20 7946 0958") == []


# --- lower case and typos -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("btw my flatmate björn will pick it up", "björn"),
        ("mein Mann torsten müller, erreichbar unter 0664 798996", "torsten müller"),
        ("mein Name ist käthe krüger, ich möchte", "käthe krüger"),
        ("eşim mehmet teslim alacak", "mehmet"),
        ("ticket escalated by omar at 10:00", "omar"),
    ],
)
def test_a_known_given_name_in_lower_case_after_a_cue(text: str, name: str) -> None:
    assert names(text) == [name]


def test_the_lower_case_rule_wrong_both_ways() -> None:
    # Too much: a word that is also a given name after a cue is taken ("my son santos" as a
    # nickname, or a place a given name names).
    assert names("my colleague santos will call") == ["santos"]
    # ...and a verb that is also a surname somewhere runs on with the name ("Holt").
    assert names("mein Mann torsten müller holt es ab") == ["torsten müller holt"]
    # Too little: a given name the lists lack, and a surname they lack before a verb, stay.
    assert names("my flatmate xochitl will drop by later") == []
    assert names("my flatmate björn quispetupa will pick it up") == ["björn"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("PS my colleauge Xochitl will pick it up", "Xochitl"),
        ("I sopke to Quispetupa on Monday", "Quispetupa"),
        ("mia mgolie Xochitl lo ritira", "Xochitl"),
        ("Kind rgeards\nXochitl\nxq@example.com", "Xochitl"),
    ],
)
def test_a_cue_typed_with_two_letters_swapped(text: str, name: str) -> None:
    assert names(text) == [name]


def test_the_typo_rule_wrong_both_ways() -> None:
    # Too much: a swap that makes another word ("my baord Quispetupa" is no cue, but "spoke"
    # and "sopke" are one): any capitalised word after a typo'd cue is taken like after the cue.
    assert names("I sopke to Support on Monday") == []  # a listed non-name stays out
    # Too little: two slips in one cue, a dropped letter, or a slip in a short word stay.
    assert names("my fltamaet Xochitl called") == []
    assert names("my flatmte Xochitl called") == []
    assert names("my wfie Xochitl called") == []


# --- places, dates, streets, columns, brands ----------------------------------------------


def test_month_postcode_street_column_and_brand_are_no_names() -> None:
    assert names("moved to Sep 15, 2023 at 8:15") == []
    assert names("Lieferadresse:\nHauptweg 7\n788 27 Bergen\n") == []
    assert names("Giorgos Quispetupa\nRua Augusta 150\n99463 Patras") == ["Giorgos Quispetupa"]
    csv = "name,email,city\nXochitl Quispetupa,xq@example.com,Alexandria\n"
    assert names(csv) == ["Xochitl Quispetupa"]
    assert names("Leroy Merlin had it cheaper.") == []


def test_place_rules_wrong_both_ways() -> None:
    # Too much (a leak): a person in a column headed "company", a given name that is a month
    # before a number ("Jan 5 called"), or after a postal code, stays in clear.
    assert names("name,email,company\nAna Souza,as@example.com,Maria Lopez\n") == ["Ana Souza"]
    assert names("Jan 5 called back") == []
    # Too little (kept masking): a town on a line without a postal code before it, and a
    # brand named like a person the list lacks, are still taken for names.
    assert names("Lieferadresse:\nHauptweg 7\nBergen\n") == ["Bergen"]
    assert names("Leroy Smith had it cheaper.") == ["Leroy Smith"]


def test_known_name_parts_do_not_join_across_a_line_break() -> None:
    det = default_detectors()
    known = known_values(
        [("name", "Benoit"), ("name", "Quispetupa")], min_length=3, regions=("TR",)
    )
    text = "Regards,\nB. Quispetupa\nbenoit-quispetupa@example.com"
    spans = [(sp.kind, text[sp.start : sp.end]) for sp in det.find(text, known)]
    assert ("NAME", "B. Quispetupa") in spans
    assert ("EMAIL", "benoit-quispetupa@example.com") in spans
