"""Phones of a contact block (under an e-mail address alone on its line, in a signature under
its "-- " delimiter, right after a sentence ending with a name), a labelled contact line
("Emergency contact: Anna Berg, …"), the German call verb "anrufen" as a cue; a sponsor's
line of a programme and a notebook's kernel no person (docs/MASKING.md, "Contact blocks,
sponsors and kernels")."""

from __future__ import annotations

import pytest

from tests.helpers import default_detectors, found_names


def phones(text: str) -> list[str]:
    return [text[sp.start : sp.end] for sp in default_detectors().find(text) if sp.kind == "PHONE"]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # Russian national numbers with the trunk "8", geographic and mobile
        ("Hi, this is Oleg Smirnov. (8 (495) 612-34-56)", "8 (495) 612-34-56"),
        ("Good morning! I am Irina Volkova.\n8 (921) 455-10-27", "8 (921) 455-10-27"),
        ("Good morning! I am Irina Volkova.\n8 (921) 455-10-27 PS: no rush.", "8 (921) 455-10-27"),
        # under an e-mail address alone on its line
        ("Add my son:\nKOWALSKI Piotr\npiotr.k@wp.pl\n22 614 38 90", "22 614 38 90"),
        # in a signature, under its "-- " delimiter
        ("Thanks a lot\n-- \nSipho Dlamini\n2404 1188", "2404 1188"),
        # a labelled contact line
        ("Emergency contact: Olga Ivanova, 8 (343) 215-66-01", "8 (343) 215-66-01"),
        # "anrufen" is a cue
        ("Bitte Herrn Lehmann anrufen: 21 458 3321.", "21 458 3321"),
    ],
)
def test_contact_block_phones(text: str, number: str) -> None:
    assert number in phones(text)


def test_sentence_of_a_place_wrong_way() -> None:
    # the name before the number is read from capitals alone: a place's sentence passes too
    assert phones("I wrote to Main Office.\n22 614 38 90") == ["22 614 38 90"]


def test_number_after_plain_sentence_stays() -> None:
    # no name, no e-mail, no signature above: an order's number stays in clear
    assert phones("The parcel was shipped.\n22 614 38 90") == []
    assert phones("Thanks\n-- \nSipho Dlamini\nOrder 2404 1188 is late") == []


def test_sponsor_line_no_person() -> None:
    text = "CAST\nMacbeth .......... Ana Lima\nDirected by: Rui Sousa\nWith the support of Nestle"
    assert not any("Nestle" in n for n in found_names(text))


def test_sponsor_named_like_a_person_wrong_way() -> None:
    # the credit's layout no longer reads a person after the sponsor lead: a patron whose
    # name the lists do not know stays in clear (one they know is still found by them)
    text = "CAST\nMacbeth .......... Ana Lima\nDirected by: Rui Sousa\nSupported by Zorvan Quillet"
    assert not any("Quillet" in n for n in found_names(text))
    text = "CAST\nMacbeth .......... Ana Lima\nDirected by: Rui Sousa\nSupported by Maria Costa"
    assert "Maria Costa" in found_names(text)


def test_notebook_kernel_no_person() -> None:
    text = '{"metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}}}'
    assert found_names(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Good news: my crate came on the Hanna Lindqvist last week.",
        "CREW LIST - Vessel: Amerigo Vespucci\nNo. | Surname | Given names | Rank",
        "Nome do navio: Fernão de Magalhães",
    ],
)
def test_ship_no_person(text: str) -> None:
    assert found_names(text) == []


def test_came_on_the_show_wrong_way() -> None:
    # a host's show "went on the" reads as a ship: the host's name stays in clear
    assert found_names("Then I went on the Anna Berg show.") == []


def test_team_handle_no_person() -> None:
    assert found_names("Thanks! Also, please ping the @otter_dev account.") == []
    assert found_names("cc @lena.berg about the refund") == ["lena.berg"]


def test_person_handle_with_team_word_wrong_way() -> None:
    # a person's handle holding an account word reads as a team's: the handle stays in clear
    assert found_names("cc @maria_dev about the refund") == []
