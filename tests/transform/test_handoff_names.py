"""Names by hand-over, praise and team cues, relation words of more languages, sign-off lines
after a caret or a slash, and the items of a labelled list. Names here are ones the first-name
lists lack ("Xochitl", "Quispetupa"), so only the rule under test can find them; each rule has a
case where it is wrong, both ways, as docs/MASKING.md says."""

from __future__ import annotations

import pytest

from tests.helpers import default_detectors
from tests.helpers import found_names as names

DETECTORS = default_detectors()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Xochitl Quispetupa will take over from here.", "Xochitl Quispetupa"),
        ("Xochitl from our billing team will join shortly.", "Xochitl"),
        ("I'm handing you over to Xochitl Quispetupa now.", "Xochitl Quispetupa"),
        ("great service by Xochitl 👍", "Xochitl"),
        ("Xochitl was really helpful, thanks!", "Xochitl"),
        ("Xochitl çok yardımcı oldu", "Xochitl"),
        ("Xochitl Quispetupa übernimmt ab jetzt.", "Xochitl Quispetupa"),
        ("Xochitl tar över nu.", "Xochitl"),
        ("Thanks Eszter, Xochitl Quispetupa from support here.", "Xochitl Quispetupa"),
        ("you're now chatting with Xochitl Quispetupa.", "Xochitl Quispetupa"),
        ("Xochitl from accounting has the details", "Xochitl"),
    ],
)
def test_hand_over_praise_and_team_cues(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("moje žena Xochitl Quispetupa has the receipt", "Xochitl Quispetupa"),
        ("soțul meu Xochitl paid it", "Xochitl"),
        ("rekan saya Xochitl has the receipt", "Xochitl"),
        ("mannen min Xochitl Quispetupa has the receipt", "Xochitl Quispetupa"),
        ("min fru Xochitl can be reached on the phone", "Xochitl"),
        ("a kollégám, Xochitl Quispetupa can be reached", "Xochitl Quispetupa"),
    ],
)
def test_relation_words_of_more_languages(text: str, name: str) -> None:
    assert name in names(text)


def test_hand_over_and_praise_cues_wrong_both_ways() -> None:
    # Too much: a company or product before a hand-over or praise phrase is taken as a name.
    assert names("Quispetupa Brothers will take over the contract.") == ["Quispetupa Brothers"]
    # Too little: a name typed in lower case, or praised with a phrase the lists lack, stays.
    assert names("xochitl will take over from here.") == []
    assert names("Xochitl was a delight to talk to") == []


def test_relation_words_wrong_both_ways() -> None:
    # Too much: a capitalised word after a relation word that is not a name ("Praha").
    assert names("moje žena Praha navštívila") == ["Praha"]
    # Too little: a lower-case name after a relation word stays in clear.
    assert names("moje žena xochitl has the receipt") == []


@pytest.mark.parametrize("mark", ["^", "/", "— "])
def test_a_sign_off_line_after_a_caret_or_slash(mark: str) -> None:
    assert names(f"I see the number on file, correct?\n{mark}Xochitl") == ["Xochitl"]


def test_the_caret_and_slash_sign_off_wrong_both_ways() -> None:
    # Too much: a folder written alone on its line after a slash is taken for a signature.
    assert names("open this folder:\n/Quispetupa\n") == ["Quispetupa"]
    # Too little: a slash inside a line is no sign-off, and a lower-case name stays.
    assert names("sent to accounts/Xochitl yesterday") == []
    assert names("thanks\n/xochitl") == []


# --- lists --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Participants : Kehinde; Xochitl & Tlacael Quispetupa\nHeure : 10:00",
            ["Kehinde", "Xochitl", "Tlacael Quispetupa"],
        ),
        (
            "please cc Ana Souza <ana@example.org>, Quispetupa, Xochitl, Tlacael",
            ["Ana Souza", "Quispetupa", "Xochitl", "Tlacael"],
        ),
        (
            "Team\n* Ana Souza (finance)\n- Quispetupa, Xochitl - admin\n1. Tlacael Mamani\n",
            ["Ana Souza", "Quispetupa", "Xochitl", "Tlacael Mamani"],
        ),
    ],
)
def test_the_items_of_a_list_with_one_found_name(text: str, found: list[str]) -> None:
    assert sorted(names(text)) == sorted(found)


def test_a_list_without_a_found_name_or_label_is_left_alone() -> None:
    assert names("Invited Xochitl, Tlacael and Quispetupa") == []
    assert names("Xochitl, Tlacael and Quispetupa") == []
    assert names("* Xochitl Quispetupa\n* Tlacael Xiuhcoatl\n") == []


def test_the_list_rule_wrong_both_ways() -> None:
    # Too much: a capitalised item of a list that also holds a name is masked with it.
    assert names("- Call Ana tomorrow\n- Check Invoice\n") == ["Ana", "Check Invoice"]
    # Too little: a markdown list's item with words after it stays in clear (a labelled
    # line's last item is cut where its words stop reading as a name: "Xochitl").
    assert names("- Call Ana tomorrow\n- Xochitl who joins late\n") == ["Ana"]
    assert names("Attendees: Ana Souza, Xochitl who joins late") == ["Ana Souza", "Xochitl"]


# --- a phone label glued on with a slash --------------------------------------------------------


def phones(text: str) -> list[str]:
    return [text[sp.start : sp.end] for sp in DETECTORS.find(text) if sp.kind == "PHONE"]


@pytest.mark.parametrize(
    "text", ["GSM/+34 612 34 84 55 thx", "mail me / GSM/+358412321341", "Tel/+47.407.59.052"]
)
def test_an_international_phone_after_a_label_and_a_slash(text: str) -> None:
    found = phones(text)
    assert len(found) == 1 and found[0].startswith("+")
    assert names(text) == []  # the label is no name of a signature


def test_the_slash_label_rule_wrong_both_ways() -> None:
    # Too much: a "+"-number in a link's path that is a possible phone is masked as one.
    assert phones("https://shop.example/p/+4915112345678") == ["+4915112345678"]
    # Too little: after a slash, a number without "+" stays part of the token before it.
    assert phones("GSM/0084 912 40 3440") == ["912 40 3440"]
    assert phones("ref a/1234567") == []


# --- quoted display names -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('cc: "QUISPETUPA, XOCHITL" <xq@example.org>', "QUISPETUPA, XOCHITL"),
        ('reply to "xochitl quispetupa" <xq@example.org>', "xochitl quispetupa"),
        ('"Xochitl Quispetupa" <xq@example.org> wrote:', "Xochitl Quispetupa"),
    ],
)
def test_a_quoted_display_name_whatever_its_case(text: str, name: str) -> None:
    assert names(text) == [name]


def test_the_display_name_rule_wrong_both_ways() -> None:
    # Too much: a company's display name is masked like a person's.
    assert names('"Acme Payables" <ap@example.org>') == ["Acme Payables"]
    # Too little: a display name without quotes in lower case stays in clear; a role is no name.
    assert names("xochitl quispetupa <xq@example.org>") == []
    assert names('"Customer Service" <cs@example.org>') == []


def test_lower_case_items_of_a_labelled_line_with_a_found_name() -> None:
    assert sorted(names("cc: xochitl quispetupa, Ana Souza")) == [
        "Ana Souza",
        "xochitl quispetupa",
    ]
    assert sorted(names("please cc tlacael, Ana Souza")) == ["Ana Souza", "tlacael"]


def test_the_lower_case_item_rule_wrong_both_ways() -> None:
    # Too much: a lower-case item that is no person on such a line is masked.
    assert names("cc: Ana Souza, acme corp") == ["Ana Souza", "acme corp"]
    # Too little: an item holding a listed non-name ("the team") is left alone. (A line of
    # lower-case names the lists lack is found from its cue: "Names in lower case the lists
    # lack" in docs/MASKING.md.)
    assert names("cc: xochitl quispetupa, tlacael mamani") == [
        "xochitl quispetupa",
        "tlacael mamani",
    ]
    assert names("cc: Ana Souza, the team") == ["Ana Souza"]
