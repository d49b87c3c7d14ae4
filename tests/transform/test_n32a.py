"""Names that metadata records place by their syntax (docs/MASKING.md, "Crew lists, feeds,
photo and document metadata, notebooks and code owners"): a table's family-name and
given-name columns, an Atom entry's author and contributor, a document's and an XMP packet's
creator and last editor, an exiftool listing's artist and copyright holder, a notebook's
authors, an ActivityPub actor's display name and a maintainers' line; a table's labels and
other columns, a group's name and a CODEOWNERS rule's accounts are no names."""

from __future__ import annotations

import pytest

from tests.helpers import default_detectors, finder_names


def names(text: str) -> list[str]:
    return sorted(set(finder_names(text)))


# -- tables of people ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "CREW LIST - Name of ship: MV Nordlys\nNo. | Family name | Given names | Rank\n"
            "1 | HALVORSEN | Sigrid | Master\n2 | MENSAH | Kwabena | Cook",
            ["HALVORSEN", "Kwabena", "MENSAH", "Sigrid"],
        ),
        (
            "Lista de tripulantes\nN.º\tApellidos\tNombres\tCargo\n"
            "1\tOLAZÁBAL\tIñigo\tCapitán\n2\tFERREIRA\tTelma\tCocinera",
            ["FERREIRA", "Iñigo", "OLAZÁBAL", "Telma"],
        ),
        (
            "| Nachname | Vorname | Funktion |\n|---|---|---|\n| Brückner | Wiebke | Bootsfrau |",
            ["Brückner", "Wiebke"],
        ),
    ],
)
def test_table_columns(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_table_labels_and_other_columns_stay() -> None:
    text = "Seafarers\nSurname | First name | Rank\nOKORO | Chidi | Master\nLUND | Maja | Bosun"
    assert names(text) == ["Chidi", "LUND", "Maja", "OKORO"]  # no "First name", "Master"


def test_table_wrong_way_a_person_in_another_column() -> None:
    # Wrong way: the table's other columns are read as no person, so a name written in a
    # remarks column is dropped and stays unmasked.
    text = "Surname | Given name | Remarks\nKOVAČ | Luka | Relieved by Ruth Odhiambo"
    assert "Ruth Odhiambo" not in names(text)


def test_table_wrong_way_characters_are_masked() -> None:
    # Wrong way: a table of a novel's characters with the same columns is read as people.
    text = "Surname | Given name | Role\nBENNET | Elizabeth | heroine"
    assert names(text) == ["BENNET", "Elizabeth"]


# -- feeds, document properties, XMP, exiftool ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            '<feed xmlns="http://www.w3.org/2005/Atom">\n <entry>\n  <title>Tide notes</title>\n'
            "  <author><name>Ingrid Solberg</name><email>i@solberg.example</email></author>\n"
            "  <contributor><name>Mwangi, Wanjiru</name></contributor>\n </entry>\n</feed>",
            ["Ingrid Solberg", "Mwangi", "Wanjiru"],
        ),
        (
            "<cp:coreProperties>\n<dc:title>Budget</dc:title>\n<dc:creator>Oskar Lindqvist"
            "</dc:creator>\n<cp:lastModifiedBy>Тамара Бадмаева</cp:lastModifiedBy>\n"
            "</cp:coreProperties>",
            ["Oskar Lindqvist", "Тамара Бадмаева"],
        ),
        (
            "<dc:creator><rdf:Seq><rdf:li>Aroha Ngata</rdf:li></rdf:Seq></dc:creator>\n"
            "<xmp:CreatorTool>Darktable 4.6</xmp:CreatorTool>\n"
            "<photoshop:AuthorsPosition>Staff Photographer</photoshop:AuthorsPosition>",
            ["Aroha Ngata"],
        ),
        (
            "File Name                       : DSC_0042.JPG\n"
            "Artist                          : Teodora Vasile\n"
            "Copyright                       : (c) 2024 BAYARSAIKHAN, Oyun\n",
            ["BAYARSAIKHAN", "Oyun", "Teodora Vasile"],
        ),
        ("Copyright : © 2019-2024 Ilse Verbeek. All rights reserved.", ["Ilse Verbeek"]),
    ],
)
def test_metadata_people(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_groups_are_no_people() -> None:
    assert names("<author><name>Release Team</name></author>") == []
    assert names("Copyright : (c) 2024 Northwind Images") == []
    assert names("<dc:creator>Microsoft Office User</dc:creator>") == []


def test_groups_wrong_way_a_family_name_that_is_a_group_word() -> None:
    # Wrong way: a person whose family name is a group's word is read as a group: the
    # record's reader leaves it, and only the given name another rule knows is masked.
    assert names("<dc:creator>Nell Crew</dc:creator>") == ["Nell"]


def test_metadata_wrong_way_a_firm_without_its_word() -> None:
    # Wrong way: a copyright holder that is a firm named like a person, with no firm's or
    # group's word, is read as a person and masked.
    assert names("Copyright : (c) 2023 Harlow Marsh") == ["Harlow Marsh"]


# -- notebooks, ActivityPub actors ---------------------------------------------------------------


def test_notebook_authors() -> None:
    text = (
        '{\n "metadata": {\n  "authors": [\n   {"name": "Kiri Te Rangi"},\n'
        '   {"name": "Dorota Wnuk"}\n  ],\n  "kernelspec": {"name": "python3"}\n }\n}'
    )
    assert names(text) == ["Dorota Wnuk", "Kiri Te Rangi"]


def test_actor_name_not_its_fields_labels() -> None:
    text = (
        '{"type": "Person", "preferredUsername": "tern", "name": "Saoirse Nic Aodha", '
        '"attachment": [{"type": "PropertyValue", "name": "Website", "value": "x"}]}'
    )
    assert names(text) == ["Saoirse Nic Aodha"]


# -- maintainers and code owners -----------------------------------------------------------------


def test_maintainers_line_and_handles() -> None:
    text = (
        "# Maintainers: Lotte Vermeer and Ngozi Eze\n*.go     lotte@vermeer.example\n"
        "/docs/   @river.stone @acme/docs-team\n"
    )
    assert names(text) == ["Lotte Vermeer", "Ngozi Eze"]
    masked = {text[sp.start : sp.end]: sp.kind for sp in default_detectors().find(text)}
    assert masked["lotte@vermeer.example"] == "EMAIL"
    assert not any("river" in v or "docs-team" in v for v in masked)  # accounts, no names


def test_maintainers_wrong_way_a_project_named_like_a_person() -> None:
    # Wrong way: a maintainer that is a project named in capitalised words, with no group's
    # word, is read as a person.
    assert names("# Maintainers: Blue Heron") == ["Blue Heron"]


# -- a record's title and labels -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "See below:\nLOAN SLIP\nBorrower: Okafor, Adaeze\nDue back: 03.04.2025",
        "See below:\nCARNÉ DE DONANTE\nApellidos, nombre: ROIG, Núria\nGrupo: 0 Rh-",
    ],
)
def test_titles_and_labels_stay(text: str) -> None:
    found = names(text)
    assert not any(w in found for w in ("LOAN SLIP", "CARNÉ DE DONANTE", "Apellidos"))


def test_a_chat_line_with_a_mention_is_no_codeowners_rule() -> None:
    """A rule opens with a path pattern and holds only owners: a chat line that opens with a
    word and mentions someone keeps its mention a person's."""
    assert finder_names("ping @tomas.vidal pls look at invoice RE-2025/3102") == ["tomas.vidal"]
    assert finder_names("/billing/   @tomas.vidal @acme/billing-team") == []
