"""Documents about people read by their syntax (``archiver/transform/notices.py``): a paper's
author line by its affiliation marks and its legend of institutions, a data set's citation
by its "Family, Given; … (year)." form, an SMS gateway's delivery report by its receipt
state; and what these readings get wrong (docs/MASKING.md, "Author lists, citations and
delivery reports")."""

from __future__ import annotations

import pytest

from tests.helpers import found_names


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # bracketed marks after each author, a legend line of institutions below
        (
            "Nomvula Dlamini (1), Tomasz Wrona (1,2,*), Keahi Kamaka (2)\n"
            "(1) Centre for Coastal Ecology, (2) Faculty of Physics\n"
            "* Corresponding author: wrona@example.org",
            ["Keahi Kamaka", "Nomvula Dlamini", "Tomasz Wrona"],
        ),
        # superscript marks glued to the family name
        (
            "Amara Okafor¹, Lars Eklund²*\n¹ Department of Ocean Studies\n² School of Chemistry",
            ["Amara Okafor", "Lars Eklund"],
        ),
        # a data set's citation: "Family, Given" pairs before the year
        (
            "Okafor, Amara; Eklund, Lars (2025). Sea ice extent. Data: https://x.example/a",
            ["Amara", "Eklund", "Lars", "Okafor"],
        ),
        # an SMS gateway's receipt on a message to a recipient
        (
            "DLR callback from gateway 10.0.0.1: stat=UNDELIV err=011 for OKONKWO",
            ["OKONKWO"],
        ),
    ],
)
def test_found(text: str, found: list[str]) -> None:
    assert sorted(set(found_names(text))) == found


def test_legend_institutions_are_no_people() -> None:
    """ "(1) Institute of Marine Sciences" names a place of work, not a person."""
    text = (
        "Nomvula Dlamini (1), Tomasz Wrona (2)\n"
        "(1) Institute of Marine Sciences, (2) Faculty of Physics"
    )
    assert sorted(found_names(text)) == ["Nomvula Dlamini", "Tomasz Wrona"]


def test_wrong_way_legend_holding_a_person_is_dropped() -> None:
    """Wrong way: a legend line is read as institutions, so a person named there (a
    foundation named after someone) is not masked: a miss."""
    text = "Nomvula Dlamini (1), Tomasz Wrona (2)\n(1) Ana Lima Foundation, (2) Faculty of Physics"
    assert "Ana Lima" not in " ".join(found_names(text))


def test_wrong_way_marked_products_look_like_authors() -> None:
    """Wrong way: two marked items on a line over a "(1)" legend read as authors even when
    they are products with uncommon names: a false mask."""
    text = "Zorvex Prime (2), Kaltor Vane (1)\n(1) Warehouse North, (2) Warehouse South"
    assert "Kaltor Vane" in found_names(text)


def test_wrong_way_receipt_for_a_campaign() -> None:
    """Wrong way: whatever follows "for" at the end of a receipt line is read as the
    recipient, also a campaign's name: a false mask."""
    assert found_names("stat=DELIVRD err=000 for Spring Campaign") == ["Spring Campaign"]


@pytest.mark.parametrize(
    "text",
    [
        # marks without a legend line: no author list
        "Step one (1), step two (2), then reboot the router.",
        # a receipt state without "for" and a name
        "id:77 sub:001 dlvrd:001 stat:DELIVRD err:000 done",
        # a numbered line-up is no legend
        "Order of play:\n1 Opening\n2 Keynote",
    ],
)
def test_decoys_unmasked(text: str) -> None:
    assert found_names(text) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a death notice's heading in capitals, the spouse after "of the late", a child
        (
            "MWANSA, Grace Chanda — Peacefully at home on 3 May 2026, aged 91. Beloved "
            "spouse of the late Joseph, devoted parent of Mutale and grandparent of many.",
            ["Grace Chanda", "Joseph", "MWANSA", "Mutale"],
        ),
        # a script without capitals: the comma and the dash place the name
        ("ኑር, ኣደም — Peacefully at home, aged 80.", ["ኑር", "ኣደም"]),
    ],
)
def test_death_notice(text: str, found: list[str]) -> None:
    assert sorted(set(found_names(text))) == found


def test_death_notice_surname_in_lower_case_is_not_read() -> None:
    """The heading rule wants the notice's capitals: "Lima, Ana — …" keeps to older rules."""
    assert "Lima" not in found_names("Lima, Ana — Peacefully at home, aged 80.")


def test_wrong_way_heading_in_capitals_near_a_death_word() -> None:
    """Wrong way: any heading in capitals before a comma and a dash, in a text saying
    "died", reads as a surname: a false mask."""
    assert "RELEASE NOTES" in found_names("RELEASE NOTES, v2 — died of old age: the importer.")


def test_parent_of_a_class_is_no_one() -> None:
    """Only "devoted parent of" is a cue; a bare "parent of" is no notice's wording."""
    assert found_names("The parent of Year 3 pupils should sign the form.") == []


def test_family_history_post() -> None:
    """A family history post's surname before "family", a great-grandmother after her cue."""
    text = (
        "Re: Banda family, emigrated around 1910\nMy great-grandmother was Tiyamike, born "
        "1880. Anyone researching the same line?"
    )
    assert sorted(found_names(text)) == ["Banda", "Tiyamike"]


def test_wrong_way_family_of_common_words() -> None:
    """Common words before "family" are no surname ("the Apple family"), nor a nationality
    after "my grandmother was"."""
    assert found_names("Our ancestors: the Ford family line and the Apple family.") == []
    text = "My grandmother was Irish and my grandfather was Scottish: our family tree."
    assert found_names(text) == []


def test_wrong_way_product_family() -> None:
    """Wrong way: an uncommon product's "family" in a text with an ancestry word reads as
    a surname: a false mask."""
    assert found_names("Re: Zorvex family of fonts, emigrated from v1 to v2") == ["Zorvex"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a nursery's pick-up form: the child, the parent, the authorised adult
        (
            "PICK-UP AUTHORISATION — Sunny Days Nursery\nChild: Ntombi Khumalo\nParent: "
            "Zodwa Khumalo, z.k@example.org\nAuthorised adult: Bongani Zulu (uncle)",
            ["Bongani Zulu", "Ntombi Khumalo", "Zodwa Khumalo"],
        ),
        # the German form: "Kind:" read on a nursery's form only
        (
            "Abholberechtigung Kita Regenbogen\nKind: Ole Brandt\nAbholberechtigt: Wiebke Brandt",
            ["Ole Brandt", "Wiebke Brandt"],
        ),
        # a library's hold notice
        ("LIBRARY HOLD NOTICE\nPatron: KHUMALO, Ntombi\nItem: ISBN 978-0-00-000000-0", None),
        # minutes' excused members in Dutch
        (
            "Notulen ledenvergadering\nAanwezig: Joke de Vries\nAfwezig met bericht: Femke Jansen",
            ["Femke Jansen", "Joke de Vries"],
        ),
        # a person's infobox: the spouse and the children
        (
            "{{Infobox person\n| name = Ntombi Khumalo\n| spouse = Bongani Zulu\n"
            "| children = Sizwe Zulu, Lindiwe Zulu\n}}",
            ["Bongani Zulu", "Lindiwe Zulu", "Ntombi Khumalo", "Sizwe Zulu"],
        ),
    ],
)
def test_labelled_people(text: str, found: list[str] | None) -> None:
    got = " ".join(found_names(text))
    if found is None:
        assert "KHUMALO" in got and "Ntombi" in got
    else:
        assert sorted(set(found_names(text))) == found


def test_kubernetes_kind_is_no_child() -> None:
    assert found_names("kind: Deployment\nmetadata:\n  name: web") == []


def test_wrong_way_child_fare() -> None:
    """Wrong way: "Child:" labels a fare's class in a price list; an uncommon class name
    after it is masked."""
    assert found_names("Fares\nAdult: 12.50\nChild: Zorvex Seat (ages 2-11)") == ["Zorvex Seat"]


def test_wrong_way_racehorse_infobox() -> None:
    """Wrong way: a kin field makes an infobox a person's; a racehorse's name and its sire
    are then masked."""
    text = "{{Infobox racehorse\n| name = Zorvex Star\n| parents = Kaltor Vane\n}}"
    assert sorted(found_names(text)) == ["Kaltor Vane", "Zorvex Star"]


def test_release_thanks() -> None:
    text = (
        "## v1.2.0\n- Faster\n\nThanks to Ntombi Khumalo, Sizwe Zulu and Wiebke Brandt for "
        "their contributions!"
    )
    assert sorted(found_names(text)) == ["Ntombi Khumalo", "Sizwe Zulu", "Wiebke Brandt"]


def test_wrong_way_thanks_to_products() -> None:
    """Wrong way: uncommon product names listed after "Thanks to" are masked as people."""
    assert "Kaltor" in found_names("Thanks to Zorvex, Kaltor and Pydantic for sponsoring.")


def test_chichewa_pronoun_ine() -> None:
    """ "Ine" is the Chichewa and Tumbuka "I"; as a given name it counts with a family name or
    after a cue."""
    assert found_names("Moni! Ine ndine Chikondi Banda.") == ["Chikondi Banda"]
    assert found_names("Moni! Ine ndine wokondwa.") == []
    assert found_names("My name is Ine Solberg.") == ["Ine Solberg"]


def test_wrong_way_ine_alone() -> None:
    """Wrong way: the given name alone with no cue is no longer masked: a miss."""
    assert found_names("Ine will bring the cake.") == []
