"""Names in profile paths, chat headers, requests to a mention and after "with partner"; each
rule with the same shape that must stay unmasked."""

from __future__ import annotations

import pytest

from archiver.transform.detectors import Detectors
from archiver.transform.policy import load_policy

DETECTORS = Detectors(load_policy().detectors)


def names(text: str) -> list[str]:
    return [text[s.start : s.end] for s in DETECTORS.find(text) if s.kind == "NAME"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("profile: https://social.example.net/u/tibor and more photos", "tibor"),
        ("see https://example.org/users/milena/photos", "milena"),
        ("Quang 15:18\n> can someone call the customer back?", "Quang"),
        ("Shamsuddeen 23:13\nMark as resolved when done", "Shamsuddeen"),
        ("Hi all, the list is late. @Iolo could you send it?", "Iolo"),
        ("Ok. @Ilmari please forward the form", "Ilmari"),
        ("Note: viewing with partner Olanrewaju after 23:05", "Olanrewaju"),
    ],
)
def test_found(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "open https://example.org/u/settings to change it",  # a page, not a person
        "https://example.org/users/admin/keys",  # an account
        "https://example.org/profile/edit",
        "Meeting 15:18\nroom 4",  # a word and a time on a line of their own
        "Monday 10:00\nstand-up",
        "Quang 15:18",  # no message below: a line alone
        "ok. @Support could you check?",  # a team, not a person
        "ok. @Everyone please read",
        "ok. @Tabbo thanks",  # a mention mid-line without a request: the lists decide
        "we signed with partner Services Ltd",
    ],
)
def test_kept(text: str) -> None:
    assert names(text) == []
