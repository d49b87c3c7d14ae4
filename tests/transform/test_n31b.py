"""Prose and forms about people: a thesis's acknowledgements, a condolence note, an
emergency-contact form, a dental reminder and a business card. The writer's or reader's
relatives, teachers and colleagues set off by a comma or a colon name the people after them
("My parents, Ana and Rui, …", "your father, Ben Ode, passed away"), academic and dental
titles are cues, a condolence's closing words open its signature, an emergency form's contact
labels are fields, and a card's title whose head noun comes first is no name. Each inference
has a case where it is wrong (docs/MASKING.md, "Acknowledgements, condolences, emergency
contacts and reminders")."""

from __future__ import annotations

import pytest

from tests.helpers import default_detectors, finder_names


def names(text: str) -> list[str]:
    return sorted(set(finder_names(text)))


def kinds(text: str) -> list[tuple[str, str]]:
    return sorted((sp.kind, text[sp.start : sp.end]) for sp in default_detectors().find(text))


# -- relatives, teachers and colleagues set off by a comma or a colon ---------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Thanks first to my advisor, Prof. Ilvane Drostrup, for her patience. My parents, "
            "Quennel and Marisende, fed me through the last year.",
            ["Ilvane Drostrup", "Marisende", "Quennel"],
        ),
        (
            "I owe much to my supervisor, Dr. ᱥᱤᱫᱳ ᱵᱮᱥᱨᱟ, and my parents, ܫܡܝܪܡ and ܣܘܣܢ, "
            "who never doubted.",
            ["ܣܘܣܢ", "ܫܡܝܪܡ", "ᱥᱤᱫᱳ ᱵᱮᱥᱨᱟ"],
        ),
        (
            "Dear Tomasz,\nwe were so sad to learn that your mother, Orsolya Veremund, died "
            "last week.",
            ["Orsolya Veremund", "Tomasz"],
        ),
        (
            "Meine Eltern, Hiltrud und Eckbert, haben mich immer unterstützt.",
            ["Eckbert", "Hiltrud"],
        ),
        ("Mis padres, Remigio y Casilda, siempre me apoyaron.", ["Casilda", "Remigio"]),
        ("Mijn ouders, Sjoerd en Wietske, hebben alles gelezen.", ["Sjoerd", "Wietske"]),
    ],
)
def test_kin_named(text: str, found: list[str]) -> None:
    got = names(text)
    for name in found:
        assert any(name in value for value in got)  # "Remigio y Casilda" is one value


def test_kin_named_leaves_the_title() -> None:
    # a form of address or a title before the name is no part of it
    assert names("I am writing about my mother, Mrs Adebowale, who passed away.") == ["Adebowale"]
    assert names("Bitte rufen Sie meinen Mann, Herr Quandtberg, an.") == ["Quandtberg"]


def test_kin_named_wrong_way_capitalised_words() -> None:
    # the inference is wrong: capitalised words that are no person after a plural relative
    # are masked as people, common words too (a given name may be one: "Pablo")
    got = names("My parents, Catholic and Proud, raised four of us.")
    assert "Catholic" in got and "Proud" in got
    assert "Pablo" in names("My parents, Inés and Pablo, never asked.")


def test_kin_named_needs_its_shape() -> None:
    # a plural without "and" is no list
    assert names("my kids, Sunday lunches are loud") == []


# -- titles: academics and dentists ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Tomorrow Professor Hallvard Ekdahl gives the keynote.", ["Hallvard Ekdahl"]),
        ("u heeft een afspraak bij tandarts Wolthuis op maandag", ["Wolthuis"]),
        ("Ihr Termin bei Zahnärztin Brunhilde Oswaldt ist bestätigt.", ["Brunhilde Oswaldt"]),
    ],
)
def test_titles(text: str, found: list[str]) -> None:
    for name in found:
        assert name in names(text)


def test_title_wrong_way_practice_name() -> None:
    # the inference is wrong: a practice named after the trade word is masked as a person
    assert "Smilecraft" in names("Book with dentist Smilecraft today")


# -- a condolence's close, an emergency form's labels ------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Estamos contigo.\nUn abrazo fuerte,\nLeocadia Urrutia", ["Leocadia Urrutia"]),
        ("Wir denken an euch.\nIn stillem Gedenken,\nGerlinde Pfanzelt", ["Gerlinde Pfanzelt"]),
        ("Thinking of you.\nWith deepest sympathy,\nOrla Fennimore", ["Orla Fennimore"]),
    ],
)
def test_condolence_closings(text: str, found: list[str]) -> None:
    for name in found:
        assert name in names(text)


def test_emergency_form_labels() -> None:
    text = (
        "EMERGENCY CONTACT\nEmployee: Ward, Esmé\nPrimary contact: Tavish Ardmore\n"
        "Relationship: brother\nSecondary contact: ꮜꮎꮅ ᏂᎪᏗ\nKontaktperson: Ilsabe Renner\n"
        "Contactpersoon: Wobbe Hiemstra"
    )
    found = names(text)
    for name in ("Tavish Ardmore", "Ilsabe Renner", "Wobbe Hiemstra"):
        assert name in found


def test_emergency_form_team_is_no_name() -> None:
    assert names("Primary contact: Support Team\nSecondary contact: none") == []


# -- a business card's title -------------------------------------------------------------------


def test_card_title_is_no_name() -> None:
    text = (
        "Scanned card:\nGiacomo Ferlito\nResponsabile commerciale\nVentoluce Group\n"
        "Tel. +39 02 8765 4321"
    )
    assert names(text) == ["Giacomo Ferlito"]
    text = "Carte:\nAurèle Manceau\nDirecteur commercial\nBrisemer SAS"
    assert "Directeur commercial" not in names(text)


def test_card_title_wrong_way_surname() -> None:
    # the inference is wrong: a person whose last word is such a trade word is missed there
    assert "Commercial" not in names("Signed: Odile Commercial")


# -- decoys stay ---------------------------------------------------------------------------------


def test_decoys_stay() -> None:
    text = (
        "My parents, Ana and Rui, sent grant CASE-2026-123456 on 2027-03-04; chapter 2 "
        "appeared as 10.1234/abc.5678."
    )
    got = kinds(text)
    assert ("NAME", "Ana") in got and ("NAME", "Rui") in got
    assert all(kind == "NAME" for kind, _ in got)


# -- a letter's signature under its closing line -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "I recommend her warmly.\n\nYours faithfully,\nᏌᏆᎵ ᎧᏬᏂ\nProfessor of History",
            ["ᏌᏆᎵ ᎧᏬᏂ"],
        ),
        ("He was always kind.\nWith love,\nSɛgɔ Dunbiya", ["Sɛgɔ Dunbiya"]),
        ("Merci pour tout.\nJe t'embrasse,\n𞤃𞤮𞤣𞤭𞤦𞤮 𞤔𞤢𞤸", ["𞤃𞤮𞤣𞤭𞤦𞤮 𞤔𞤢𞤸"]),
    ],
)
def test_signed_under_closing(text: str, found: list[str]) -> None:
    for name in found:
        assert name in names(text)


def test_signed_under_closing_needs_a_name_line() -> None:
    assert names("Thanks,\nPlease reply soon") == []
    assert names("Kind regards,\nSupport Team") == []


def test_signed_under_closing_wrong_way_firm() -> None:
    # the inference is wrong: a firm signing with words the lists lack is masked
    assert "Quorrin Labs" in names("Kind regards,\nQuorrin Labs")


# -- a title before a name in a script the capitalised runs do not read ------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Your appointment with Dr ᏓᎶᏂᎨ is on Monday.", ["ᏓᎶᏂᎨ"]),
        ("Afspraak bij tandarts ᏥᏍᏆ. Antwoord J om te bevestigen.", ["ᏥᏍᏆ"]),
        ("Thanks to Prof. ᱥᱤᱫᱳ ᱵᱮᱥᱨᱟ for reading.", ["ᱥᱤᱫᱳ ᱵᱮᱥᱨᱟ"]),
        ("Chair: Dr ꯏꯕꯣꯝꯆ ꯅꯤꯡꯊꯧꯖꯝ (plenary)", ["ꯏꯕꯣꯝꯆ ꯅꯤꯡꯊꯧꯖꯝ"]),
    ],
)
def test_titled_script(text: str, found: list[str]) -> None:
    for name in found:
        assert name in names(text)


def test_titled_script_wrong_way_thing() -> None:
    # the inference is wrong: a thing titled so in such a script is masked
    assert any("ᏣᎳᎩ" in v for v in names("Ask Dr ᏣᎳᎩ, our reading app."))


# -- the subject of a clause after a semicolon in a text of thanks -----------------------------


def test_thanked_subjects() -> None:
    text = (
        "I am grateful to my committee for their time; Ysolde proofread every chapter; "
        "ᱫᱷᱟᱱᱤ cooked for weeks; Chapter 2 appeared in print; The lab helped."
    )
    got = names(text)
    assert "Ysolde" in got and "ᱫᱷᱟᱱᱤ" in got
    assert not any("Chapter" in v or "lab" in v.lower() for v in got)


def test_thanked_subjects_only_in_thanks() -> None:
    assert "Quenby" not in names("Shipping is late; Quenby sent the parcel twice.")


def test_thanked_subjects_wrong_way_firm() -> None:
    # the inference is wrong: a publisher opening such a clause is masked as a person
    assert "Brindlemoor" in names("Thanks to all; Brindlemoor published chapter 2.")


# -- marks inside the words of a field's value -------------------------------------------------


def test_marked_scripts_in_fields() -> None:
    got = names("FAX\nTo: ꯏꯕꯣꯝꯆ ꯅꯤꯡꯊꯧꯖꯝ\nPages: 2\n\nFAX\nTo: ܝܘܟ݂ܢܐ ܒܪܟ݂ܘ\nPages: 1")
    assert "ꯏꯕꯣꯝꯆ ꯅꯤꯡꯊꯧꯖꯝ" in got and "ܝܘܟ݂ܢܐ ܒܪܟ݂ܘ" in got
