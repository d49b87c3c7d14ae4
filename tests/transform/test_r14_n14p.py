"""Things named like people, dropped by their context: a bot's persona introducing itself, a
ship, a place before a place noun, a former or signing employer, and a name used as a word
after a determiner. Each rule has a case it drops, a person it still finds, and a case where
its inference is wrong (docs/MASKING.md, "Things named like people")."""

from __future__ import annotations

import pytest

from tests.helpers import finder_names

names = finder_names


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # bot personas
        ("Hello Ayşe! I'm Max, your virtual assistant. How can I help?", ["Ayşe"]),
        ("Hi Jonas! I'm Kora, your assistant. Thanks!", ["Jonas"]),
        # ships
        (
            "Faith Portillo asked.\nAll noted, MSC Bellissima departs 26.09.2026.",
            ["Faith Portillo"],
        ),
        ("Dawn Lindblad asked.\nAll noted, Queen Mary 2 departs 25.01.2026.", ["Dawn Lindblad"]),
        (
            "Dawn Lindblad asked.\nAll noted, Hurtigruten Richard With departs soon.",
            ["Dawn Lindblad"],
        ),
        # places
        ("Note: viewing with partner Jonas after 21:18; prefers Charlotte area.", ["Jonas"]),
        ("Note: viewing with partner Jonas after 21:18; prefers Santa Monica area.", ["Jonas"]),
        # employers
        (
            "Screening call with Lynn Hendricks (he/him). Ex-Charles Schwab, notice 3 months.",
            ["Lynn Hendricks"],
        ),
        (
            "Thanks,\nSintija Caune (she/her)\nTalent Partner · Charles Schwab\nM +43 1 234119430",
            ["Sintija Caune"],
        ),
        ("Yours faithfully\nMara Rocha\nRechtsanwältin, Charles Schwab", ["Mara Rocha"]),
        # a name used as a word after a determiner
        ("@Meelis could you send the Autumn term reading list to me? Thx", ["Meelis"]),
    ],
)
def test_things_named_like_people_are_dropped(text: str, found: list[str]) -> None:
    assert names(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a person from support: a human agent says it as a bot persona does
        ("Hi Tom, I'm Sarah from support.", ["Tom", "Sarah"]),
        ("Thanks Eszter, Xochitl Quispetupa from support here.", ["Eszter", "Xochitl Quispetupa"]),
        ("I spoke to Zoe Kowalski from support yesterday.", ["Zoe Kowalski"]),
        # a person who leaves, not a ship
        ("Autumn Kowalski asked about the invoice.", ["Autumn Kowalski"]),
        # a person in a place, not the place
        ("My neighbour Charlotte Dupont lives in the area.", ["Charlotte Dupont"]),
        # a signature's name line itself
        ("Thanks,\nSintija Caune\nTalent Partner", ["Sintija Caune"]),
    ],
)
def test_people_near_those_contexts_are_kept(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_wrong_inferences() -> None:
    # A persona introduced without saying what it is reads as a person: masked needlessly.
    assert names("Hi Tom, I'm Ava from support.") == ["Tom", "Ava"]
    # A person who "departs" on a date is taken for a ship.
    assert names("Dear team, Anna Schmidt departs 12.05. for Lisbon.") == []
    # A person's name before "area" ("Anna area manager") is taken for a place.
    assert names("Thanks, Anna Schmidt area manager") == []


def test_a_title_ending_the_line_above_names_no_capitals_word() -> None:
    text = "BOOKING REF 8UQ86N\nPASSENGER GASHI/DRITA MS\nFLIGHT KL 9622 DEP 12:40 Gate E28"
    assert "FLIGHT" not in names(text)
    assert names("Regards,\nDr\nAnna Lima") == ["Anna Lima"]  # a name in capitals and small
    # Wrong: a surname in capitals alone under a title on its own line is missed.
    assert names("Dear Ms\nKOWALSKA,") == []
