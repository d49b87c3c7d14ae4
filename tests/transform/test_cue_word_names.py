"""A name of the lists that is also the last word of a longer cue stays a name where the rest
of the cue is absent ("el meu marit", Catalan "my husband", and Marit, a Norwegian name); a
one-word cue stays no name where it opens a sentence ("Ben", Turkish "I")."""

from __future__ import annotations

from tests.helpers import found_names as names


def test_a_name_ending_a_longer_cue_is_a_name_without_the_cue() -> None:
    assert names("Thanks,\nMarit Solberg (she/her)\nBuyer · Sally Beauty") == ["Marit Solberg"]
    assert names("Marit will call back tomorrow.") == ["Marit"]


def test_the_cue_itself_still_introduces_the_name_after_it() -> None:
    assert names("El meu marit Joan Puig vindrà demà.") == ["Joan Puig"]


def test_a_one_word_cue_opening_a_sentence_is_no_name() -> None:
    assert names("Ben bu siparişi iptal etmek istiyorum.") == []


def test_wrong_way_the_word_used_as_the_cue_alone_is_taken_for_the_name() -> None:
    # Catalan "marit" written without "el meu" before it reads as the name Marit: masked
    # (more is masked, nothing left in clear).
    assert "Marit" in names("Marit Joan Puig ha trucat.")[0]
