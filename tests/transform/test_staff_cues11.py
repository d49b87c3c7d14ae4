"""A staff member named by their job in a complaint or a note ("客服张静态度很差", "הנציג יוסי
מזרחי היה גס רוח", "müşteri temsilcisi Çağrı Kaya çok kabaydı", "X was really rude"): the job
word is a cue before the name, in the languages and scripts listed in the policy."""

from __future__ import annotations

import pytest

from tests.helpers import finder_names

names = finder_names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("הנציג יוסי מזרחי היה גס רוח", "יוסי מזרחי"),
        ("müşteri temsilcisi Çağrı Kaya çok kabaydı", "Çağrı Kaya"),
        ("Lusine Mkrtchyan was really rude on the phone yesterday", "Lusine Mkrtchyan"),
        ("आपके एजेंट राहुल मिश्रा ने बहुत बदतमीज़ी की", "राहुल मिश्रा"),
        ("saksbehandler Håokn Løvås var frekk", "Håokn Løvås"),
        ("個客服何美玲好冇禮貌", "何美玲"),
    ],
)
def test_a_staff_member_named_by_their_job_is_masked(text: str, name: str) -> None:
    assert names(text) == [name]


def test_the_staff_cue_wrong_both_ways() -> None:
    # Too little: the job word with no name after it names nobody.
    assert names("客服态度很差") == []
    # Too much: a Chinese given name is bounded by the characters a given name may have, and
    # runs on into a next word that no list of words after a name holds ("张静怎么": the
    # name and one more character are masked).
    assert names("客服张静怎么这样") == ["张静怎"]
