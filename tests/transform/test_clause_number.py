"""A label's words must stand together: "… to the account, number 0157 …" is a phone after
"number", not an "account number" (``Detectors._decoy_context``; docs/MASKING.md,
"Phones after a clause's last word")."""

from __future__ import annotations

import pytest

from tests.helpers import default_detectors


def phones(text: str) -> list[str]:
    return [text[s.start : s.end] for s in default_detectors().find(text) if s.kind == "PHONE"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Please add my wife to the account, number 01576 6261918.", ["01576 6261918"]),
        ("Bitte fügen Sie meinen Sohn dem Konto hinzu; Nummer 01512 9752446.", ["01512 9752446"]),
        # the label's words together: an account's number, no phone
        ("Your account number 01576 6261918 is closed.", []),
        ("order number 01512 9752446", []),
    ],
)
def test_a_label_is_its_words_together(text: str, found: list[str]) -> None:
    assert phones(text) == found


def test_wrong_way_a_label_split_by_a_comma_is_read_as_a_phone_cue() -> None:
    """The inference wrong: an account's number written after "account, number" is masked as
    a phone when its digits make one (too much, never too little)."""
    assert phones("Details of the account, number 01576 6261918, are attached.") == [
        "01576 6261918"
    ]
