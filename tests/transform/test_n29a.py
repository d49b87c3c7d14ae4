"""Names of Kinyarwanda, Sesotho, Shona, Kurmanji Kurdish and Breton speakers: their given and
family names (``gazetteer.given_alone``, ``.given``, ``.family``), "my name is", "I am" after a
greeting and people of one's own (``capitalised_cues``), greetings, thanks and sign-offs
(``closing_cues``), Breton "… eo ma anv" and "… ac'hann" (``cues_after``), and the greetings
as no names (``not_names``). Each family has a case where its inference would be wrong and it
must not fire (docs/MASKING.md, "Kinyarwanda, Sesotho, Shona, Kurdish and Breton names")."""

from __future__ import annotations

import pytest

from tests.helpers import finder_names


def names(text: str) -> list[str]:
    return sorted(set(finder_names(text)))


# -- given names found alone -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("We are happy to welcome Niyonzima to the night shift.", ["Niyonzima"]),
        ("The parcel was signed for by Nthabiseng at the gate.", ["Nthabiseng"]),
        ("Please hand the keys to Kudakwashe before noon.", ["Kudakwashe"]),
        ("The tablet in the hall was last used by Berfîn yesterday.", ["Berfîn"]),
        ("The tablet in the hall was last used by Berfin yesterday.", ["Berfin"]),
        ("Our warmest congratulations to Goulven on the new job.", ["Goulven"]),
    ],
)
def test_given_alone(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_given_that_is_a_word_needs_a_family_name() -> None:
    # Sesotho "Lerato" ("love"), Kurdish "Hêvî" ("hope"), Shona "Tonderai" ("remember"):
    # names only with a capitalised word after them
    assert names("Lerato le tsoa ho Modimo.") == []
    assert names("Hêvî dikim ku hûn baş in.") == []
    assert names("Tonderai kuti mubhadhare nguva.") == []
    assert names("Please call Lerato Mofokeng back.") == ["Lerato Mofokeng"]
    # wrong way: a name-word before a capitalised word is taken with it ("God's love")
    assert names("Lerato la Modimo ke le leholo.") == ["Lerato la Modimo"]


def test_thanks_that_is_a_name_needs_a_cue_or_family_name() -> None:
    # Shona "Tatenda" ("thank you") opens messages: a name only after a cue or before a
    # family name, and no word on the line after it is a signer
    assert names("Tatenda, chichemo chenyu chakanyorwa.") == []
    assert names("Tatenda\nVehicle: Pixel 8a returned 16:00") == []
    assert names("Tatenda Moyo will call you.") == ["Tatenda Moyo"]
    assert names("Mhoro, ndini Tatenda.") == ["Tatenda"]


def test_given_alone_wrong_way_is_masked() -> None:
    # the inference: a listed name alone is a person; Shona "Tendai Mwari" ("thank God")
    assert names("Tendai Mwari nekuda kwerubatsiro.") == ["Tendai Mwari"]
    assert names("Hêvî Botanî will sign the lease.") == ["Hêvî Botanî"]


# -- family names -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The lease was signed by Zawadi Nsengiyumva on Monday.", ["Zawadi Nsengiyumva"]),
        ("Please call Pontsho Moshoeshoe about the meter.", ["Pontsho Moshoeshoe"]),
        ("The form came back from Mazvimbakupa Mashingaidze.", ["Mazvimbakupa Mashingaidze"]),
        ("The claim was filed by Sozan Barzanî last week.", ["Sozan Barzanî"]),
        ("The claim was filed by Sozan Barzani last week.", ["Sozan Barzani"]),
        ("The invoice names Youna Kermarrec as the payer.", ["Youna Kermarrec"]),
    ],
)
def test_family_names(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_family_name_wrong_way_is_masked() -> None:
    # the inference: a capitalised word before a listed family name is a given name; a pipe
    # band named after a family ("bagad") is masked with it
    assert names("The Bagad Kerbrat played at the festival.") == ["Bagad Kerbrat"]


# -- "my name is", "I am" after a greeting, people of one's own ---------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Muraho, ndi Keza Rutayisire. Mfite ikibazo cya konti.", ["Keza Rutayisire"]),
        ("Mwaramutse, nitwa Ishimwe Kabera.", ["Ishimwe Kabera"]),
        ("Telefoni iri mu izina rya mama, Shema.", ["Shema"]),
        ("Dumela, ke nna Karabo. Ke na le bothata.", ["Karabo"]),
        ("Akhaonte ena ke ya ntate wa ka, Sello.", ["Sello"]),
        ("Mhoro, ndini Rudo. Ndine dambudziko.", ["Rudo"]),
        ("Mari yakatumirwa naamai vangu, Fungai.", ["Fungai"]),
        ("Rojbaş, navê min Zelal e.", ["Zelal"]),
        ("Silav, ez Diyar im.", ["Diyar"]),
        ("Kart li ser navê xwişka min Xezal e.", ["Xezal"]),
        ("Demat, ma anv zo Gwenn.", ["Gwenn"]),
        ("Ma c'hoar, Gwenn, he deus paeet.", ["Gwenn"]),
    ],
)
def test_cues(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_cues_take_no_lower_case_word() -> None:
    # "I'm at home", "my mother hasn't come", "my brother is ill", "my name is written here"
    assert names("Muraho, ndi mu rugo.") == []
    assert names("Mme wa ka ha a eso fihle.") == []
    assert names("Birayê min nexweş e.") == []
    assert names("Ma breur a zo klañv.") == []


def test_bare_i_am_words_of_other_languages_are_no_cue() -> None:
    # Kurdish "ez", Sesotho "ke", Kinyarwanda "ndi" are Hungarian "this", Indonesian "to" and
    # Igbo "the ones of": only after a greeting of their language do they introduce a name
    assert names("Ez Budapest legszebb része.") == []
    assert names("Kami pergi ke Jakarta besok.") == []
    assert names("Ndi Igbo bi na Lagos.") == []


def test_cue_wrong_way_place_after_greeting_is_masked() -> None:
    # the inference: a capitalised word after "Demat," is a person; a place so greeted is masked
    assert names("Demat, Brest!") == ["Brest"]


# -- greetings, thanks and sign-offs -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Murakoze,\nIshimwe", ["Ishimwe"]),
        ("Ke a leboha, Karabo.", ["Karabo"]),
        ("Ndatenda,\nRudo", ["Rudo"]),
        ("Spas dikim, Diyar!", ["Diyar"]),
        ("Trugarez deoc'h,\nGwenn", ["Gwenn"]),
        # a name found alone signs on the line after a sentence of thanks
        ("Murakoze.\nUwimana", ["Uwimana"]),
        ("Mwiriwe Ishimwe, konti yawe yafunguwe.", ["Ishimwe"]),
    ],
)
def test_closing_cues(text: str, found: list[str]) -> None:
    assert names(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "Murakoze cyane!",
        "Dumela! Ke a leboha.",
        "Mhoro! Ndatenda.",
        "Silav! Spas.",
        "Demat! Trugarez.",
        "Kenavo!",
        "Murakoze.\nUbutumwa bwanyu twabwakiriye.",
    ],
)
def test_greetings_are_no_names(text: str) -> None:
    assert names(text) == []


# -- Breton "… eo ma anv", "… ac'hann" -----------------------------------------------------------


def test_breton_name_before_its_phrase() -> None:
    assert names("Gwenn Caradec eo ma anv.") == ["Gwenn Caradec"]
    assert names("Gwenn ac'hann, eus ar servij.") == ["Gwenn"]
    assert names("Quabzor ac’hann.") == ["Quabzor"]
    # wrong way: a capitalised place before "ac'hann" ("Quimper here, Brest there") is masked;
    # lower-case words before it stay
    assert names("Bez' ez eus ur stal ac'hann.") == []
    assert names("Kemper ac'hann, Brest a-hont.") == ["Kemper"]
