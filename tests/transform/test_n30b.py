"""Names that bibliographic, genealogy, game and directory records place by their syntax: a
BibTeX entry's name lists, a GEDCOM individual's name lines, a PGN game's player tags, an LDAP
distinguished name's escaped "Family\\, Given" and a patent front page's people; and what such
records say is no person (a patent's assignee, a certificate's issuer). Each rule has a case
where it must not fire (docs/MASKING.md, "Citations, family trees, game records, directories
and patents")."""

from __future__ import annotations

import pytest

from tests.helpers import finder_names, found_names


def names(text: str) -> list[str]:
    return sorted(set(finder_names(text)))


def masked(text: str) -> list[str]:
    return sorted(set(found_names(text)))


# -- BibTeX ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "@article{q1,\n  author = {Quarrendon, Ysolde and Brackwater, Tamsin},\n"
            "  title = {Tidal models},\n  journal = {Coastal Notes},\n  year = {2019}\n}",
            ["Brackwater", "Quarrendon", "Tamsin", "Ysolde"],
        ),
        (
            '@book{q2, AUTHOR = "Ysolde Quarrendon and Hallvard Brekkestø", '
            "publisher = {Harrowgate Press}}",
            ["Hallvard Brekkestø", "Ysolde Quarrendon"],
        ),
        (
            '@incollection{q3,\n  author = {M{\\"u}hlbacher, J{\\"o}rdis and '
            '{\\c{C}}akmakl{\\i}o{\\u{g}}lu, Ay{\\c{s}}eg{\\"u}l and others},\n'
            "  editor = {Dvo\\v{r}{\\'a}kov{\\'a}, Kv{\\v{e}}ta},\n  booktitle = {Essays}\n}",
            [
                "Dvo\\v{r}{\\'a}kov{\\'a}",
                'J{\\"o}rdis',
                "Kv{\\v{e}}ta",
                'M{\\"u}hlbacher',
                "{\\c{C}}akmakl{\\i}o{\\u{g}}lu",
                'Ay{\\c{s}}eg{\\"u}l',
            ],
        ),
        (
            "@misc{q4, translator = {van der Wielen, Sjoukje}, author = {Ивашкевич, Олеся}}",
            ["van der Wielen", "Sjoukje", "Ивашкевич", "Олеся"],
        ),
    ],
)
def test_bibtex_name_lists(text: str, found: list[str]) -> None:
    assert names(text) == sorted(found)


def test_bibtex_other_fields_and_institutions_stay() -> None:
    text = (
        "@techreport{w1,\n  author = {{Harrowgate Maritime Authority}},\n"
        "  title = {Tidal Flows of the Severn},\n  journal = {Proceedings of Brackley},\n"
        "  publisher = {Quillmere Verlag},\n  address = {Wendover}\n}"
    )
    assert names(text) == []


# -- GEDCOM ----------------------------------------------------------------------------------


def test_gedcom_individual_names() -> None:
    text = (
        "0 HEAD\n1 GEDC\n2 VERS 5.5.1\n0 @I7@ INDI\n1 NAME Wendeline /Oosterbroek/\n"
        "2 GIVN Wendeline\n2 SURN Oosterbroek\n2 NICK Wen\n1 SEX F\n"
        "0 @I8@ INDI\n1 NAME Тихон /Загорулько/\n1 SEX M\n0 @F2@ FAM\n1 HUSB @I8@\n1 WIFE @I7@"
    )
    assert names(text) == ["Oosterbroek", "Wen", "Wendeline", "Загорулько", "Тихон"]


def test_gedcom_places_repositories_and_software_stay() -> None:
    text = (
        "0 HEAD\n1 SOUR FTM\n2 NAME Family Tree Maker\n1 CORP Quillmere Software\n"
        "0 @I1@ INDI\n1 BIRT\n2 DATE 3 MAR 1901\n2 PLAC Harrowgate, Wendover Parish\n"
        "0 @R1@ REPO\n1 NAME Borthwick Institute\n0 TRLR"
    )
    assert names(text) == []


# -- PGN -------------------------------------------------------------------------------------


def test_pgn_players_and_annotator() -> None:
    text = (
        '[Event "Wendover Spring Open"]\n[Site "Brackley ENG"]\n[Round "3"]\n'
        '[White "Quarrendon, Aldous"]\n[Black "Ньютон, Евдокия"]\n'
        '[Annotator "Brackwater, Tamsin"]\n[Result "1/2-1/2"]\n\n1. d4 d5 1/2-1/2'
    )
    assert names(text) == ["Aldous", "Brackwater", "Quarrendon", "Tamsin", "Евдокия", "Ньютон"]


def test_pgn_event_site_and_engines_stay() -> None:
    text = (
        '[Event "Harrowgate Masters"]\n[Site "Walcot Hall"]\n[White "Quillfish"]\n'
        '[WhiteType "program"]\n[Black "?"]\n[Result "1-0"]'
    )
    assert names(text) == []


# -- LDAP distinguished names ----------------------------------------------------------------


def test_dn_common_name_written_family_first() -> None:
    text = (
        "dn: cn=Oosterbroek\\, Wendeline,ou=People,dc=example,dc=org\n"
        "manager: CN=Загорулько\\, Тихон,OU=Management,DC=example,DC=org"
    )
    assert names(text) == ["Oosterbroek", "Wendeline", "Загорулько", "Тихон"]


def test_dn_organisation_and_units_stay() -> None:
    text = (
        "dn: ou=Harrowgate Research\\, Wendover,o=Quillmere Holdings,dc=example,dc=org\n"
        "o: Quillmere Holdings\nou: Harrowgate Research"
    )
    assert names(text) == []


def test_certificate_issuer_is_no_person() -> None:
    text = (
        "Subject: C=GB, O=Quillmere Ltd, CN=Ysolde Quarrendon, emailAddress=yq@example.org\n"
        "Issuer: C=GB, O=Quillmere Ltd, CN=Quillmere Issuing Authority"
    )
    assert masked(text) == ["Ysolde Quarrendon"]


# -- patent front pages ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "(72) Inventors: OOSTERBROEK, Wendeline, Utrecht (NL); ZAGORULKO, Tikhon, Kyiv (UA)",
            ["OOSTERBROEK", "Wendeline", "ZAGORULKO", "Tikhon"],
        ),
        (
            "Inventors: Quarrendon; Ysolde (Leeds, GB), Brackwater; Tamsin (Boise, ID)",
            ["Quarrendon", "Ysolde", "Brackwater", "Tamsin"],
        ),
        (
            "(75) Inventor: Ysolde Quarrendon, Palo Alto, CA (US)",
            ["Ysolde Quarrendon"],
        ),
        (
            "Primary Examiner — Aldous Brackwater\nAssistant Examiner: Hollinrake; Edwina",
            ["Aldous Brackwater", "Hollinrake", "Edwina"],
        ),
        (
            "(71) Applicant: QUARRENDON, Ysolde, Leeds (GB)\n"
            "(74) Representative: BRACKWATER, Tamsin, Munich (DE)",
            ["QUARRENDON", "Ysolde", "BRACKWATER", "Tamsin"],
        ),
    ],
)
def test_patent_people(text: str, found: list[str]) -> None:
    assert names(text) == sorted(found)


def test_patent_firms_and_assignee_stay() -> None:
    text = (
        "(54) SYSTEM FOR TIDAL MODELS\n"
        "(71) Applicant: Quillmere Dynamics, Munich (DE)\n"
        "(72) Inventor: OOSTERBROEK, Wendeline, Utrecht (NL)\n"
        "(73) Assignee: Ferragamo\n"
        "(74) Attorney, Agent, or Firm: Harrowgate & Walcot LLP"
    )
    assert masked(text) == ["OOSTERBROEK", "Wendeline"]


def test_assignee_outside_a_patent_is_still_a_person() -> None:
    # an issue tracker's assignee: no inventor label and no INID code, so no patent's owner
    assert masked("Ticket 4411\nAssignee: Edwina Hollinrake\nStatus: open") == ["Edwina Hollinrake"]


# -- names in scripts whose vowel signs or syllable marks are no letters -----------------------


def test_record_names_in_thaana_and_tibetan() -> None:
    text = "0 @I3@ INDI\n1 NAME މަރިޔަމް /ޙަސަން/\n1 SEX F\n0 @I4@ INDI\n1 NAME བསོད་ནམས /ཚེ་རིང/\n1 SEX M"
    assert names(text) == sorted(["މަރިޔަމް", "ޙަސަން", "བསོད་ནམས", "ཚེ་རིང"])


def test_pgn_tag_names_are_no_names() -> None:
    # a tag's own name ("Round") is never a person, whatever a rule reads into it
    text = '[Round "4"]\n[White "Quarrendon, Aldous"]\n[Black "رنا, سعاد"]'
    assert "Round" not in masked(text)


# -- who a request is for --------------------------------------------------------------------


def test_requested_for_a_person() -> None:
    text = "Certificate rejected.\nRequested for Edwina Hollinrake's team, ext. 4411"
    assert masked(text) == ["Edwina Hollinrake's"]  # the name with its ending


def test_requested_for_a_day_stays() -> None:
    assert masked("A callback was requested for Monday, after the audit.") == []


def test_inventory_is_no_patent_page() -> None:
    # "inventory" holds "inventor": an issue's assignee there is still a person
    text = "Inventory recount, aisle 4\nAssignee: Edwina Hollinrake\nDue: Friday"
    assert masked(text) == ["Edwina Hollinrake"]
