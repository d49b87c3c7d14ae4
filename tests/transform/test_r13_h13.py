"""Names inside user names: a handle after a user-name cue or in a profile path that reads as
first.last, a handle holding a word of a name found in the same text, and a person's known
name parts as typed in a user name (without accents, joined by "_"). Each rule is an
inference: each has a decoy here it must keep, or a case where it is wrong as
docs/MASKING.md says."""

from __future__ import annotations

from archiver.transform.detectors import known_values
from tests.helpers import default_detectors
from tests.helpers import found_names as names


def masked(text: str, own: list[tuple[str, str]]) -> list[str]:
    known = known_values(own, min_length=3, regions=("TR",))
    return [text[sp.start : sp.end] for sp in default_detectors().find(text, known)]


# --- a user name after a cue ------------------------------------------------------------------


def test_a_first_last_user_name_after_a_cue_is_masked() -> None:
    line = "sshd[28697]: Failed password for invalid user neema_mushi from 10.0.0.1 port 22"
    assert names(line) == ["neema_mushi"]
    assert names("login=bongani.ngcobo failed") == ["bongani.ngcobo"]


def test_system_accounts_after_the_cue_stay() -> None:
    for account in ("www-data", "svc_backup", "root", "postgres", "admin"):
        assert names(f"Failed password for invalid user {account} from 10.0.0.1") == []


def test_an_at_mention_of_two_words_is_masked_a_team_or_brand_stays() -> None:
    assert names("Huge thanks to @kasimu.bello for sorting my car") == ["kasimu.bello"]
    assert names("Huge thanks to @karthik_velusamy for sorting") == ["karthik_velusamy"]
    assert names("thanks to @acme_support for sorting") == []
    assert names("write to kasimu.bello@example.com") == []  # an address, not a mention


def test_a_profile_path_names_its_person_a_product_slug_stays() -> None:
    url = "see https://www.linkedin.com/in/dorde-petrovic-68c114/ and call"
    assert names(url) == ["dorde-petrovic-68c114"]
    assert names("https://shop.example.com/products/running-shoes-42/") == []
    # "/in/" elsewhere is a country or a language, not a profile
    assert names("https://shop.example.com/in/running-shoes/") == []


def test_the_cue_rule_is_wrong_on_a_two_word_account_of_unlisted_words() -> None:
    # Too much: an account named by two words that are neither common nor system words
    # reads as first.last and is masked.
    assert names("Failed password for invalid user zorblat_quux from 10.0.0.1") == ["zorblat_quux"]
    # Too little: a surname that is also a common word keeps the handle in clear.
    assert names("Failed password for invalid user jiho_park from 10.0.0.1") == []


# --- the same text's names --------------------------------------------------------------------


def test_a_handle_of_a_name_found_in_the_same_text_is_masked() -> None:
    text = "Ana Lima here, my login is ana_lima84"
    assert set(names(text)) == {"Ana Lima", "ana_lima84"}


def test_a_handle_without_a_word_of_the_names_found_stays() -> None:
    text = "Ana Lima here, the export is in data_export.csv"
    assert names(text) == ["Ana Lima"]


# --- a person's known values ------------------------------------------------------------------


def test_known_name_parts_match_a_user_name_without_accents() -> None:
    text = "forwarded by gintare.zukauskiene today"
    assert masked(text, [("name", "Gintarė Žukauskienė")]) == ["gintare", "zukauskiene"]


def test_known_name_parts_match_between_underscores() -> None:
    text = "ticket from charalampos_papadopoulou about the refund"
    assert masked(text, [("name", "Charalampos Papadopoulou")]) == [
        "charalampos",
        "papadopoulou",
    ]


def test_a_known_part_inside_a_longer_word_stays() -> None:
    # the plain form is still a whole word: "gintare" is no part of "gintarella"
    assert masked("see gintarella_shop", [("name", "Gintarė")]) == []


def test_a_known_name_in_an_abjad_gives_no_plain_needle() -> None:
    # "کاوه" spelled in Latin letters is "kwh": a unit, not the person's name
    assert masked("reading 27204.8 kWh", [("name", "کاوه کریمی")]) == []
    assert masked("forwarded by giorgos_antoniou", [("name", "Γιώργος")]) == ["giorgos"]
