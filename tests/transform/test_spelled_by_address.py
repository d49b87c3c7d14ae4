"""Names that an e-mail address of the same text spells (``NameFinder._spelled_by_address``;
docs/MASKING.md, "Names an address spells")."""

from __future__ import annotations

import pytest

from archiver.transform.names import NameFinder
from tests.helpers import finder_names


def names(text: str) -> list[str]:
    return sorted(set(finder_names(text)))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # given and family name apart, in the other order, digits after them
        (
            "Seats\nTable 4: Oisín Ruane\nQuestions about the menu to ruane.oisin77@example.org",
            ["Oisín Ruane"],
        ),
        # an initial and the family name joined
        ("Basses: Tadhg Breathnach\nNotes go to tbreathnach@example.net", ["Tadhg Breathnach"]),
        # the family name before a comma, the given name after it: each its own span
        ("3. MAGUIRE, Niamh\tevenings\nniamh.maguire@example.ie", ["MAGUIRE", "Niamh"]),
        # a name in Cyrillic, the address in Latin letters (a soft sign dropped)
        (
            "Тенор: Ильдар Гильмутдинов, пишите на ildar.gilmutdinov@example.ru",
            ["Ильдар Гильмутдинов"],
        ),
        ("Тенор: Олег Бельков, пишите на belkov.oleg@example.ru", ["Олег Бельков"]),
        # a given name that is also a common word: the address names both
        ("Alto: Juan Ruane\ncontact: juan.ruane@example.es", ["Juan Ruane"]),
    ],
)
def test_a_name_its_address_spells(text: str, found: list[str]) -> None:
    assert names(text) == found


@pytest.mark.parametrize(
    "text",
    [
        # a mailbox's role is no person's
        "Write to Acme Support at acme.support@acme.example",
        # a team's words
        "talk to Payments Ops (payments.ops@example.io)",
        # two common words of the lists
        "Bookings: Summer House, summer.house@example.com",
        # the address spells words that stand apart in the text, not side by side
        "Oisín wrote to the desk; Ruane replied. ruane.oisin@example.org",
    ],
)
def test_no_person_spelled(text: str) -> None:
    found = names(text)
    assert not any(" " in f and f.split()[0] in text.split("@")[0] for f in found), found
    assert "Acme Support" not in found and "Payments Ops" not in found
    assert "Summer House" not in found


def test_the_address_is_what_finds_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the rule the same line keeps the unlisted name: the address is the evidence."""
    text = "Seats\nTable 9: Zorvak Tindelmoor\nmenu: ztindelmoor@example.org"
    assert names(text) == ["Zorvak Tindelmoor"]
    monkeypatch.setattr(NameFinder, "_spelled_by_address", lambda self, text, found: [])
    assert names(text) == []


def test_wrong_way_a_firm_spelled_by_its_mailbox_is_masked() -> None:
    """The inference wrong: a firm whose two-word name makes its own mailbox, of words the
    lists do not hold as common ones, is taken for a person."""
    assert names("Orders via Zalando Lounge, zalando.lounge@example.com") == ["Zalando Lounge"]
    assert names("Blue Bottle, blue.bottle@example.com") == ["Blue Bottle"]
