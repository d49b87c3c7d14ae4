"""Chat logs, patch trailers and list digests read by their syntax (``notices._log_lines``,
``records._trailers``, ``records._digest``); a team's handle and a research ship no person
(docs/MASKING.md, "Chat room logs, patch trailers, list digests, team handles and ships")."""

from __future__ import annotations

import pytest

from tests.helpers import finder_names, found_names


def names(text: str) -> list[str]:
    return sorted(set(finder_names(text)))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a Matrix export: the account's event, a display name in angle brackets, an action
        (
            "[2026-03-02 18:40] <@k7:matrix.example> Tavita Faleolo joined the room\n"
            "[18:41] <Ngaio Tane> kia ora, all\n"
            "[18:42] * Wiremu uploaded notes.pdf",
            ["Ngaio Tane", "Tavita Faleolo", "Wiremu"],
        ),
        (
            "[18:43] Ngaio Tane invited Mahina Teriierooiterai",
            ["Mahina Teriierooiterai", "Ngaio Tane"],
        ),
        ("[18:44] * ngaio changed their display name to Ngaio Tane", ["Ngaio Tane"]),
        ("[07:02] --> Iolo Pengelly joined the channel", ["Iolo Pengelly"]),
        # a given name that is also a common word is the action's subject all the same
        ("[07:03] * Bas shared a photo", ["Bas"]),
        # an action whose first words are in lower case opens with no name
        ("[10:02] * the bridge restarted", []),
    ],
)
def test_chat_log_lines(text: str, found: list[str]) -> None:
    assert names(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Subject: [PATCH v2] mm: fix a leak\n\nSigned-off-by: Mahina Teriierooiterai "
            "<mt@example.org>\nReviewed-by: Iolo Pengelly\nAcked-by: Ngaio Tane",
            ["Iolo Pengelly", "Mahina Teriierooiterai", "Ngaio Tane"],
        ),
        ("Co-developed-by: Tavita Faleolo\nSigned-off-by: Tavita Faleolo", ["Tavita Faleolo"]),
        # a bot's address and a robot's name in lower case credit no one
        (
            "Reported-by: syzbot+0f3a@syzkaller.example\nReported-by: kernel test robot "
            "<lkp@example.com>",
            [],
        ),
    ],
)
def test_patch_trailers(text: str, found: list[str]) -> None:
    assert names(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Today's Topics:\n\n   1. Re: bus timetable (Iolo Pengelly)\n"
            "   2. Re: hall booking (by Mahina Teriierooiterai)\n"
            "   3. Re: agenda (ngaio@example.org)\n",
            ["Iolo Pengelly", "Mahina Teriierooiterai"],
        ),
        # numbered lines after the table of contents are a message's, not the digest's
        (
            "Today's Topics:\n   1. Re: notes (Ngaio Tane)\n\nMessage: 1\n1. open (Moonbeam)",
            ["Ngaio Tane"],
        ),
    ],
)
def test_digest_topics(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_team_handle_and_ships_are_no_one() -> None:
    text = (
        "Team @quiet_heron12 — members: Iolo Pengelly (lead, +44 7700 900123), Ngaio Tane, "
        "Tavita Faleolo"
    )
    assert sorted(set(found_names(text))) == ["Iolo Pengelly", "Ngaio Tane", "Tavita Faleolo"]
    assert found_names("The samples came back on the RV Roger Revelle yesterday.") == []
    assert found_names("Booked on USNS Mercy and R/V Falkor.") == []
    # a person's handle is still masked where no team word stands before it
    assert found_names("cc @ngaio_tane please") == ["ngaio_tane"]


# -- wrong ways --------------------------------------------------------------------------------


def test_wrong_way_nick_that_is_no_name_is_masked() -> None:
    # a nickname in angle brackets is read as a person's display name: a made-up word too
    assert names("[10:01] <Moonbeam> hi all") == ["Moonbeam"]


def test_wrong_way_system_line_after_a_star_is_masked() -> None:
    # a line after "* " is read as a person's action: a system message written so is masked
    assert names("[10:02] * Server restarted") == ["Server"]


def test_wrong_way_robot_in_capitals_is_masked() -> None:
    # a trailer's value in capitals is read as a name: a robot's is masked
    assert names("Reported-by: Kernel Test Robot") == ["Kernel Test Robot"]


def test_wrong_way_capitalised_word_closing_a_topic_is_masked() -> None:
    # the brackets closing a digest's topic are read as its author's: a word in capitals too
    assert names("Today's Topics:\n   1. Re: install (Optional)") == ["Optional"]


def test_wrong_way_handle_after_team_word_is_missed() -> None:
    # a person's handle after the word "team" is read as the team's: missed
    assert found_names("thanks team @ngaio_tane") == []


def test_wrong_way_initials_like_a_ship_prefix_are_missed() -> None:
    # Indian initials written without dots read as a research vessel's prefix: missed
    assert found_names("Contact: RV Raman, +91 98450 12345") == []
