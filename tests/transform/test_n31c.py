"""Library records, mailboxes, WHOIS and programmes: a MARC record's personal-name fields and
statement of responsibility, a mailbox alone on its line (.mailmap, OpenPGP uids, a Debian
changelog's trailer), git's user.name, a WHOIS record's contacts (its labels and domain no
names), a programme's speakers after a talk's quoted title, a chat workspace's "real_name",
and an institution named after someone ("Ford Foundation"). Each inferring rule has a case
where the inference is wrong (docs/MASKING.md, "Library records, mailboxes, WHOIS and
programmes")."""

from __future__ import annotations

import pytest

from tests.helpers import found_names


def names(text: str) -> list[str]:
    return sorted(set(found_names(text)))


# -- MARC ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "LDR 00000cam a2200000 i 4500\n100 1_ $a Brennholt, Ysolde, $d 1961- $e author.\n"
            "245 10 $a Salt and timber / $c Ysolde Brennholt ; translated by Oskar Vilhelmsen.\n"
            "264 _1 $a Bergen : $b Tidewater Press, $c 2019.\n"
            "700 1_ $a Vilhelmsen, Oskar, $e translator.",
            ["Brennholt", "Oskar", "Oskar Vilhelmsen", "Vilhelmsen", "Ysolde", "Ysolde Brennholt"],
        ),
        (
            "=100  1\\$aQuarrington, Ebba,$d1948-\n"
            "=245  10$aNorthern hymns /$cedited by Ebba Quarrington and Tobiah Fenwright.\n"
            "=700  1\\$aFenwright, Tobiah.",
            ["Ebba", "Ebba Quarrington", "Fenwright", "Quarrington", "Tobiah", "Tobiah Fenwright"],
        ),
        ("100 1# ‡a Ngcobo, Thandiwe, ‡e author.", ["Ngcobo", "Thandiwe"]),
        ("700 0_ $a Ōtomo no Yakamochi.", ["Ōtomo no Yakamochi"]),
    ],
)
def test_marc_people(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_marc_publisher_and_bodies_stay() -> None:
    text = (
        "100 1_ $a Brennholt, Ysolde.\n264 _1 $b Johnson Press, $c 2019.\n"
        "245 10 $a Tide tables / $c compiled by the Harbour Board of Eastbridge."
    )
    assert names(text) == ["Brennholt", "Ysolde"]


def test_marc_wrong_way_a_body_written_like_a_name() -> None:
    # Wrong way: a statement of responsibility naming a body in capitalised words only is read
    # as a list of people, and the body's name is masked.
    text = "245 10 $a Reef survey / $c by Coral Watch Collective."
    assert names(text) == ["Coral Watch Collective"]


# -- mailboxes alone on their line, git's identity -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "# .mailmap\nIngrid Solvang <ingrid@solvang.example>\n"
            "Ingrid Solvang <ingrid@solvang.example> Ingrid S <ingrid@old.example>\n"
            "Teodor Brask <teo@brask.example> <tb@old.example>",
            ["Ingrid S", "Ingrid Solvang", "Teodor Brask"],
        ),
        (
            "pub   rsa4096 2021-03-02 [SC]\n      0A1B2C3D4E5F60718293A4B5C6D7E8F901234567\n"
            "uid           [ultimate] Felipe Calle (signing key) <felipe@calle.example>\n"
            "uid           [ unknown] ᏣᎵ ᎠᏲᎧ <tsali@example.org>",
            ["Felipe Calle", "ᏣᎵ ᎠᏲᎧ"],
        ),
        (
            "quillsync (2.1.0-1) unstable; urgency=medium\n\n  * New upstream release.\n\n"
            " -- Maelle Kervella <maelle@kervella.example>  Tue, 01 Dec 2026 10:00:00 +0100",
            ["Maelle Kervella"],
        ),
        ('$ git config --global user.name "Oyelaran Adebisi"\n$ git log', ["Oyelaran Adebisi"]),
        ("[user]\n\tname = Siosaia Havili\n\temail = s@havili.example\n", ["Siosaia Havili"]),
    ],
)
def test_mailbox_lines_and_git(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_role_mailboxes_stay() -> None:
    text = "Support <support@quill.example>\nBilling Team <billing@quill.example>\n"
    assert names(text) == []


def test_mailbox_wrong_way_a_firm_in_capitals() -> None:
    # Wrong way: a firm's display name of words no list knows is taken for a person's.
    text = "Quillmere Dispatch <dispatch@quillmere.example>\nBrask Teodor <tb@brask.example>"
    assert "Quillmere Dispatch" in names(text)


# -- WHOIS ---------------------------------------------------------------------------------------


def test_whois_contacts_found_labels_and_domain_not() -> None:
    text = (
        "Domain Name: brennholt-12.example\nRegistrar: Tidewater Names Ltd\n"
        "Creation Date: 2021-04-02\nRegistrant Name: Ysolde Brennholt\n"
        "Registrant Street: 4 Marii Curie\nAdmin Name: Tomasi Vakaloloma\n"
        "Tech Name: REDACTED FOR PRIVACY\nName Server: ns1.tidewater.example"
    )
    assert names(text) == ["Tomasi Vakaloloma", "Ysolde Brennholt"]


# -- conference programmes -----------------------------------------------------------------------


def test_programme_speakers() -> None:
    text = (
        "Track 2 · Hall C\nChair: Ysolde Brennholt (Harlow Institute)\n"
        '10:30  "Loanwords at sea" — Oskar Vilhelmsen (University of Tromsø), Ama Serwaa\n'
        '11:00  "Counting in Tongan" – Siosaia Havili and Mele Taufa\n'
    )
    assert names(text) == [
        "Ama Serwaa",
        "Mele Taufa",
        "Oskar Vilhelmsen",
        "Siosaia Havili",
        "Ysolde Brennholt",
    ]


def test_institutions_named_after_someone_stay() -> None:
    text = "Chair: Ebba Quarrington (Ford Foundation)\nCo-chair: ᏣᎵ ᎠᏲᎧ (Michelin Institute)"
    found = names(text)
    assert "Ebba Quarrington" in found
    assert not any("Ford" in f or "Michelin" in f or "Institute" in f for f in found)


def test_programme_wrong_way_a_band_after_a_song() -> None:
    # Wrong way: a quoted song's title and then its band read like a talk and its speakers:
    # the band's name is masked.
    text = 'Encore: "Harbour Lights" — Velvet Ferrymen'
    assert names(text) == ["Velvet Ferrymen"]


def test_institution_wrong_way_a_person_before_institute() -> None:
    # Wrong way: a person's name right before "Institute" is taken for the institution's.
    text = "Please thank Marta Quintela Institute staff for the tour."
    assert "Marta Quintela" not in names(text)


# -- a chat workspace's member export ------------------------------------------------------------


def test_slack_real_name() -> None:
    text = (
        '[{"id": "U01ABCDE", "name": "kofi7", "real_name": "Kofi Boateng",\n'
        '  "profile": {"display_name": "Akosua Mensah", "title": "Engineer"}}]'
    )
    assert names(text) == ["Akosua Mensah", "Kofi Boateng"]


# -- Debian changelogs -----------------------------------------------------------------------------


def test_debian_changelog_credits() -> None:
    text = (
        "tidewater (0.9.2-1) unstable; urgency=low\n\n  [ Oskar Vilhelmsen ]\n"
        "  * Thanks to Francisco Alves for the patch (Closes: #998877).\n"
        "  * Patch by Mele Taufa and Kofi Boateng.\n"
        "  * Reported by Ama Serwaa, Tobiah Fenwright.\n"
        "  * Thanks to upstream for the quick fix.\n\n"
        " -- Ysolde Brennholt <ysolde@brennholt.example>  Wed, 02 Dec 2026 09:00:00 +0100"
    )
    assert names(text) == [
        "Ama Serwaa",
        "Francisco Alves",
        "Kofi Boateng",
        "Mele Taufa",
        "Oskar Vilhelmsen",
        "Tobiah Fenwright",
        "Ysolde Brennholt",
    ]


def test_debian_wrong_way_a_tool_thanked() -> None:
    # Wrong way: a tool or a service thanked in capitalised words is masked as a person.
    text = "tidewater (0.9.3-1) unstable; urgency=low\n\n  * Thanks to Lintian Brush for the fix.\n"
    assert names(text) == ["Lintian Brush"]


def test_whois_a_speaker_before_the_record_is_no_label() -> None:
    text = (
        "Ana Lima: here is the lookup\nDomain Name: quill-7.example\n"
        "Updated Date: 2024-01-02\nRegistrant Name: Oskar Vilhelmsen"
    )
    assert names(text) == ["Ana Lima", "Oskar Vilhelmsen"]


def test_whois_wrong_way_a_person_as_the_organisation() -> None:
    # Wrong way: a private registrant's name written as the organisation stays in clear there.
    text = "Domain Name: havili.example\nRegistrant Organization: Siosaia Havili\n"
    assert names(text) == []


def test_whois_nominet_layout() -> None:
    text = (
        "    Domain name:\n        brennholt.co.uk\n\n    Registrant:\n        Ysolde Brennholt\n\n"
        "    Registrant type:\n        UK Individual\n"
    )
    assert names(text) == ["Ysolde Brennholt"]
