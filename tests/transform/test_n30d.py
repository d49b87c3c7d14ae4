"""Names that a layout places and things that a layout names: the name column of a table
aligned by spaces (and the cells of its club column, which hold none), the parties of a case
name, a couple on an invitation, the people of a package's author list and of an AUTHORS
file, a ticket's owner tag, the labels of a caption's counsel and of a contact card's
emergency note; and companies and programs a place names (a shipper before "attn.", a
patent's assignee, a User-Agent, a package's name in a [project] table, a payment service).
Each rule has a case where its inference is wrong or must not apply (docs/MASKING.md,
"Tables, captions, invitations and author lines")."""

from __future__ import annotations

import pytest

from tests.helpers import finder_names


def names(text: str) -> list[str]:
    return sorted(set(finder_names(text)))


# -- a table aligned by spaces -----------------------------------------------------------------

RESULTS = (
    "Harbour 5 km, results\n"
    "Place  Bib   Name   Club   Time\n"
    "1    101   QUARRENDER Tavish   Calvin Klein   0:21:04\n"
    "2    117   ޝިފާ ރަޝީދު   unattached   0:22:40\n"
    "3    123   Bellweather Osric   Estée Lauder   0:23:11\n"
    "Please fix my time."
)


def test_spaced_table_name_column() -> None:
    assert names(RESULTS) == ["Bellweather Osric", "QUARRENDER Tavish", "ޝިފާ ރަޝީދު"]


def test_spaced_table_club_column_holds_no_person() -> None:
    text = (
        "Pos  Name   Club   Time\n1    Quennell Ottoline   Ralph Lauren   0:40:12\n"
        "2    Ingrid Halvorsen   Johnson & Johnson   0:41:00"
    )
    found = names(text)
    assert "Quennell Ottoline" in found and "Ingrid Halvorsen" in found
    assert not any("Lauren" in f or "Johnson" in f for f in found)


def test_spaced_table_needs_a_name_header() -> None:
    # no header names a person's column: the cells are no names by this rule
    text = "Item   Colour   Size\nNorthwind Parka   Forest Green   L\nSummit Boots   Slate   42"
    assert names(text) == []


def test_spaced_table_wrong_way_product_in_name_column() -> None:
    # the inference is wrong here: a column headed "Name" of products is masked
    text = "Name   Price   Stock\nAurora Lamp   49.00   12\nZephyr Fan   29.00   4"
    assert "Zephyr Fan" in names(text)


# -- a case name's parties ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Re: Quarrender v. Bellweather, 3:21-cv-0042 (hearing 2 May).",
            ["Bellweather", "Quarrender"],
        ),
        (
            "Hearing in Ottoline Vance vs. Jördis Quappe; bring the file.",
            ["Jördis Quappe", "Ottoline Vance"],
        ),
        ("Re: Мирзоев v. ޝިފާ ރަޝީދު, case 12.", ["Мирзоев", "ޝިފާ ރަޝީދު"]),
    ],
)
def test_case_parties(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_case_parties_companies_with_a_legal_form_stay() -> None:
    assert names("Re: Northwind Ltd v. Globex Inc, claim 7.") == []


def test_case_parties_wrong_way_company_without_legal_form() -> None:
    # the inference is wrong here: a company party without a legal form is masked
    assert "Globex" in names("Re: Northwind v. Globex, claim 7.")


def test_case_parties_need_capitals() -> None:
    assert names("the plan costs less v. the old one.") == []


# -- a couple on an invitation -----------------------------------------------------------------


def test_couple_on_three_lines() -> None:
    text = (
        "Together with their families\nOttoline Vance\n&\nམིག་དམར བསྟན་པ\n"
        "invite you to celebrate their marriage"
    )
    assert names(text) == ["Ottoline Vance", "མིག་དམར བསྟན་པ"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Osric Bellweather et Ҡаһым Хәкимов\nont le plaisir de vous inviter",
            ["Osric Bellweather", "Ҡаһым Хәкимов"],
        ),
        (
            "Jördis Quappe e Tavish Quarrender\nannunciano il loro matrimonio",
            ["Jördis Quappe", "Tavish Quarrender"],
        ),
        (
            "Xiana Bouzamayor e Gwenolé Karadec\nconvidam para o seu casamento",
            ["Gwenolé Karadec", "Xiana Bouzamayor"],
        ),
    ],
)
def test_couple_before_invitation(text: str, found: list[str]) -> None:
    # each name is masked, alone or within a longer finding ("A e B" as one name)
    got = names(text)
    assert all(any(n in f for f in got) for n in found)
    assert all(any(f in n or n in f for n in found) for f in got)


def test_couple_lines_leave_a_menu() -> None:
    # two common words around "&" are no couple
    assert names("Read the\nTerms\n&\nConditions\nbefore you order") == []


def test_couple_wrong_way_shop_names() -> None:
    # the inference is wrong here: two shops on an invitation's lines are masked
    text = "Brightwater Bakery\n&\nQuellhaus Bräu\ninvite you to the tasting"
    assert "Quellhaus Bräu" in names(text)


# -- a package's author list and an AUTHORS file ------------------------------------------------


def test_json_contributors() -> None:
    text = (
        '{\n  "name": "@acme/tools",\n  "contributors": ["Osric Bellweather", '
        '"ཤེས་རབ ཆོས་འཕེལ <sherab@example.org>"]\n}'
    )
    assert names(text) == ["Osric Bellweather", "ཤེས་རབ ཆོས་འཕེལ"]


def test_toml_authors_and_project_name() -> None:
    text = (
        '[project]\nname = "harbour-sync"\nversion = "1.2"\n'
        'authors = [{name = "Ottoline Vance", email = "ov@example.org"}, {name = "Тухтар Агаков"}]'
    )
    assert names(text) == ["Ottoline Vance", "Тухтар Агаков"]


def test_authors_file_lines() -> None:
    text = "# AUTHORS\nTavish Quarrender <tq@example.org>\nYer Vwj\n\n# generated"
    assert names(text) == ["Tavish Quarrender", "Yer Vwj"]


def test_author_lists_leave_words() -> None:
    assert names('{"contributors": ["docs team", "release bot"]}') == []
    assert names("# AUTHORS\nsee the git history\n") == []


def test_toml_name_outside_project_is_read() -> None:
    # the [project] table's "name" is the package's; a [tool.people] table's is not excluded
    assert names('[tool.people]\nname = "Ottoline Vance"') == ["Ottoline Vance"]


# -- a ticket's owner tag ----------------------------------------------------------------------


def test_owner_tag() -> None:
    assert names('["refund", "Aurora lamp", "owner-Ottoline"]') == ["Ottoline"]


def test_owner_tag_of_a_team() -> None:
    assert names('["refund", "owner-billing", "agent-escalation"]') == []


# -- labels: counsel, routing, an emergency note, "Mr and Mrs" ----------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Counsel for plaintiff: প্ৰাঞ্জল ৰাজখোৱা, p@example.org", ["প্ৰাঞ্জল ৰাজখোৱা"]),
        ("Counsel for respondent: Osric Bellweather", ["Osric Bellweather"]),
        ("Please route this to Quennell Ottoline, q@example.org.", ["Quennell Ottoline"]),
        ("NOTE:In case of emergency call Txiab Vaj", ["Txiab Vaj"]),
        ("Mr and Mrs Tavish Quarrender request the pleasure", ["Tavish Quarrender"]),
    ],
)
def test_labels(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_route_to_a_team_stays() -> None:
    assert names("Please route this to Billing Team, thanks.") == []


# -- things a place names ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Shipper: Bosch, attn. Margriet Kuipers, tel. +31 6 12092817",
        "(72) Inventors: Osric Bellweather\n(73) Assignee: Peugeot",
        "CSeq: 314159 INVITE\nUser-Agent: Kestrel Buds",
        "(0018,1000) LO [Umoja Pay card reader]",
    ],
)
def test_things_by_place(text: str) -> None:
    found = names(text)
    assert not any(w in f for f in found for w in ("Bosch", "Peugeot", "Kestrel", "Umoja"))


def test_attn_keeps_the_person() -> None:
    assert names("Shipper: Bosch, attn. Margriet Kuipers, tel. +31 6 12092817") == [
        "Margriet Kuipers"
    ]


def test_thing_places_wrong_way() -> None:
    # the inference is wrong here: a person who is a patent's assignee is missed
    assert names("(73) Assignee: Osric Bellweather") == []


def test_receipt_server_is_a_person() -> None:
    # a program's header lines are things; a receipt's "Server:" is a waiter
    assert "Maria Lopez" in names("Table 4\nServer: Maria Lopez\nTotal 42.00")
