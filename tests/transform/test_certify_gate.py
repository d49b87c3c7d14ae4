"""The certificate rule's gate (``names._certifies``) answers as the case-blind search it
replaces, on random text holding its words in any case and on the corpora."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.transform import names
from tests.transform.corpora import corpus_texts

WORDS = names._CERTIFY_LOWER.pattern.split("|")


def reference(text: str) -> bool:
    return names._CERTIFY_HINT.search(text) is not None


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(WORDS).map(lambda w: w.upper()),
            st.sampled_from(WORDS).map(str.capitalize),
            st.sampled_from(WORDS),
            st.text(alphabet="aAİıIiŚśÆæĚěÚúΣσς -.,\n", max_size=6),
        ),
        max_size=6,
    )
)
def test_the_gate_answers_as_the_case_blind_search(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert names._certifies(text) == reference(text)


@pytest.mark.parametrize("corpus", ["synth", "bank16", "bank17"])
def test_the_gate_answers_as_before_on_the_corpora(corpus: str) -> None:
    texts = corpus_texts(corpus, seed=7, n=1500)
    assert [names._certifies(t) for t in texts] == [reference(t) for t in texts]
    assert any(reference(t) for t in texts) or corpus != "bank17"  # bank 17 has certificates


def test_a_dotted_capital_i_is_searched_case_blind() -> None:
    assert names._certifies("İNTYGAR ATT")
    assert not names._certifies("İstanbul")
