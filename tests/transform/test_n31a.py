"""Film credits and match reports: a credit's people under or beside a role heading, an actor
left of the dots under a cast heading, a scorer before a minute mark, a team's line-up after its
name from the score line and the people after a report's labels; a credit's copyright holder,
its place of filming, its headings and a report's labels are no people. Each rule has a case
where its inference is wrong or must not apply (docs/MASKING.md, "Film credits and match
reports")."""

from __future__ import annotations

import pytest

from tests.helpers import finder_names, found_names


def names(text: str) -> list[str]:
    return sorted(set(finder_names(text)))


# -- film credits ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "DIRECTED BY\nTEODRIK VASSEL\n\nWRITTEN BY\nORLAITH QUINNEVAN\n\nCAST\n"
            "Marjeta Oblonk .... The Lighthouse Keeper\nBrannoc Teague .... Mother",
            ["Brannoc Teague", "Marjeta Oblonk", "ORLAITH QUINNEVAN", "TEODRIK VASSEL"],
        ),
        (
            "Director of Photography ....... Sindre Halvik\nMusic by Oriel Pashko & Dunja Ferreol",
            ["Dunja Ferreol", "Oriel Pashko", "Sindre Halvik"],
        ),
        (
            "Ein Film von\nVeit Sollmann\n\nDrehbuch\nHelke Trunz\n\nDarsteller\n"
            "Wanja Kerbel ........ Vater",
            ["Helke Trunz", "Veit Sollmann", "Wanja Kerbel"],
        ),
        (
            "Réalisation : Gaëlle Piraud\nScénario : Tancrède Vouillon",
            ["Gaëlle Piraud", "Tancrède Vouillon"],
        ),
        (
            "Dirigida por\nIciar Zubeldia\n\nReparto\nNahia Etxarri ... Elena",
            ["Iciar Zubeldia", "Nahia Etxarri"],
        ),
        (
            "Reżyseria\nWiesław Kędroń\n\nObsada\nIgnacy Pątek ..... Ojciec",
            ["Ignacy Pątek", "Wiesław Kędroń"],
        ),
        (
            "Yönetmen\nOrkun Balcıgil\n\nSenaryo\nDefne Yurtsever",
            ["Defne Yurtsever", "Orkun Balcıgil"],
        ),
        # a part of common words first, the actor after the dots
        (
            "CAST\nThe Ferryman .... Quorrin Ashdale\n\nDirected by\nSelka Vantorp",
            ["Quorrin Ashdale", "Selka Vantorp"],
        ),
        # names of scripts without capitals under their headings
        (
            "DIRECTED BY\nᱥᱩᱠᱷᱨᱟᱢ ᱢᱟᱡᱷᱤ\n\nPRODUCED BY\nꯆꯤꯡꯈꯩ ꯆꯤꯉꯈꯝ",
            ["ꯆꯤꯡꯈꯩ ꯆꯤꯉꯈꯝ", "ᱥᱩᱠᱷᱨᱟᱢ ᱢᱟᱡᱷᱤ"],
        ),
    ],
)
def test_credit_people(text: str, found: list[str]) -> None:
    got = names(text)
    assert set(found) <= set(got)
    # the headings and the parts ("Ojciec", "The Ferryman") are not read
    assert not any(
        w in got for w in ("Reparto", "Obsada", "Senaryo", "CAST", "Ojciec", "The Ferryman")
    )


def test_rolling_credits_in_columns() -> None:
    text = (
        "Directed by Selka Vantorp\n\nProducers\nOrvella Quist      Sindre Halvik\n"
        "Teodrik Vassel\tDunja Ferreol\n\nEditor\nBrannoc Teague"
    )
    assert names(text) == [
        "Brannoc Teague",
        "Dunja Ferreol",
        "Orvella Quist",
        "Selka Vantorp",
        "Sindre Halvik",
        "Teodrik Vassel",
    ]


def test_credit_things_stay() -> None:
    # the copyright holder (a firm named after a person), the place of filming, the headings
    text = (
        "DIRECTED BY\nTEODRIK VASSEL\n\nPRODUCED BY\nHelke Trunz\n\nCAST\n"
        "Wanja Kerbel .... Detective\n\nFilmed on ulica Marii Curie\n"
        "© 2026 Johnson & Johnson Pictures"
    )
    assert names(text) == ["Helke Trunz", "TEODRIK VASSEL", "Wanja Kerbel"]
    masked = found_names(text)
    assert not any(w in " ".join(masked) for w in ("Johnson", "Curie", "Pictures", "CAST"))


def test_shot_by_is_a_credit_filmed_on_a_place() -> None:
    text = "Directed by Selka Vantorp\nShot by Orvella Quist\nFilmed on ulica Marii Curie"
    assert found_names(text) == ["Selka Vantorp", "Orvella Quist"]


def test_credit_needs_two_role_lines() -> None:
    # one role line alone is as often a sentence: the credit's rule does not read it
    assert names("Music by\nOriel Pashko") == []
    # two labels of crew roles without a director, a writer, a cast or dot leaders name things
    assert (
        names("Hi, the direct debit failed.\nEditor: Visual Studio Code\nMusic: Spotify Premium")
        == []
    )
    assert (
        names("Hi, I was redirected twice.\nDirect debit failed, the cast iron pan is late") == []
    )


def test_credit_wrong_way() -> None:
    # a band credited under a heading is read as people, unless it opens with "The"
    assert "Velvet Quarry" in names("Music by\nVelvet Quarry\n\nDirected by\nSelka Vantorp")
    assert names("Music by\nThe Quillmores\n\nDirected by\nSelka Vantorp") == ["Selka Vantorp"]
    # a part with a name in it, left of the dots: the part is taken for the actor, the actor
    # right of the dots is not read by this rule
    got = names("CAST\nYoung Orvella .... Quorrin Ashdale\n\nDirected by\nSelka Vantorp")
    assert "Young Orvella" in got
    # a role the lists lack, before the dots: the person after them is not read
    text = "CREW\nBest Boy Electric ....... Orvella Quist\nGaffer ....... Sindre Halvik\nCAST"
    assert names(text) == ["Sindre Halvik"]
    # crew credits alone, without a director, a writer, a cast or dot leaders: not read
    got = names("Music by Oriel Pashko\nEdited by Sindre Halvik\nDirectly from the lab")
    assert "Oriel Pashko" not in got
    # a person on the copyright line stays in clear
    text = "Directed by Selka Vantorp\nMusic by Oriel Pashko\n© 2026 Quorrin Ashdale"
    assert "Quorrin Ashdale" not in names(text)


# -- match reports -----------------------------------------------------------------------------


def test_match_report() -> None:
    text = (
        "Kestrel Rovers 2–1 Millbrook Athletic\n"
        "Goals: Vantorp 23', Oblonk 67' (pen.); Ashdale 90+2'\n"
        "Kestrel Rovers: Quinnevan; Teague (c), Pashko (Ferreol 75'), Sindre Halvik\n"
        "Millbrook Athletic: Trunz; Kerbel, Dunja Piraud\n"
        "Booked: Zubeldia, Etxarri\n"
        "Referee: Wiesław Kędroń\n"
        "Kick-off 19:45, attendance 4,210"
    )
    assert names(text) == [
        "Ashdale",
        "Dunja Piraud",
        "Etxarri",
        "Ferreol",
        "Kerbel",
        "Oblonk",
        "Pashko",
        "Quinnevan",
        "Sindre Halvik",
        "Teague",
        "Trunz",
        "Vantorp",
        "Wiesław Kędroń",
        "Zubeldia",
    ]
    masked = " ".join(found_names(text))
    assert not any(w in masked for w in ("Kestrel", "Millbrook", "Referee", "Booked", "pen"))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # German minutes in brackets after a running score; substitutions with "for"
        (
            "Grünwald 2:0 Auetal\nTore: 1:0 Vantorp (23.), 2:0 Oblonk (67.)\n"
            "Wechsel: Ashdale für Teague",
            ["Oblonk", "Vantorp"],
        ),
        ("Goals: Quinnevan 12', 56'; Pashko for Ferreol 70'", ["Pashko", "Quinnevan"]),
        ("Buts : Kerbel 8' , Trunz 45+1'\nArbitre : Orkun Balcıgil", ["Kerbel", "Trunz"]),
        # a Meitei name before its minute
        ("Nadi Town 1–0 Sigatoka\nGoals: ꯁꯣꯏꯕꯝ 23'", ["ꯁꯣꯏꯕꯝ"]),
    ],
)
def test_match_forms(text: str, found: list[str]) -> None:
    assert set(found) <= set(names(text))


@pytest.mark.parametrize(
    "text",
    [
        "He is 5'11\" and loved the 1990's.",
        "I'll be there at 9' ish, can't wait!",
        "Order 12-3 shipped\nManager: approved\nNote: call back 2' later",
        "The score was 2-1 in the 90' minute thanks to a great goal",
        # a score line alone, with no team's line, scorers or minutes, makes no report
        "Order 12-3 Shipped\nCards: Visa Debit\nCoach: Economy Class",
    ],
)
def test_match_not_read(text: str) -> None:
    # no digit before the mark, a letter after it, a lower-case word: no scorer, no player
    assert names(text) == []


def test_match_wrong_way() -> None:
    # a team's line-up is read when its line starts with a team of the score line: a line
    # after it that starts with that name and a colon is read as people too
    text = "Kestrel Rovers 3-0 Millbrook\nKestrel Rovers: Vantorp, Oblonk\nMillbrook: Quarry Lane"
    assert "Quarry Lane" in names(text)
    # a club after a minute mark in a report is taken for a scorer
    assert "Millbrook" in names("Kestrel Rovers 3-0 Millbrook\nGoals: Millbrook 12'")
