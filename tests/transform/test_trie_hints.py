"""Hints searched as tries (``namewords.trie_pattern``): a search finds a trie exactly where it
finds the alternation it was built from, so a rule behind a hint runs on the same texts."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

import archiver.transform.names as N
from archiver.transform import registers
from archiver.transform.namewords import trie_pattern
from tests.transform.corpora import corpus_texts

_GAP = "[ \\t]+"

_WORD = st.text(alphabet="abcé", min_size=1, max_size=4)
_ALTERNATIVE = st.lists(_WORD, min_size=1, max_size=2).map(_GAP.join)


@settings(max_examples=300, deadline=None)
@given(
    alternatives=st.lists(_ALTERNATIVE, min_size=1, max_size=12),
    text=st.text(alphabet="abcé \t\n", max_size=30),
)
def test_a_trie_finds_what_its_alternation_finds(alternatives: list[str], text: str) -> None:
    trie = trie_pattern(alternatives)
    assert trie is not None
    want = re.search("|".join(alternatives), text) is not None
    assert (re.search(trie, text) is not None) is want, (alternatives, text, trie)


def test_other_syntax_keeps_the_alternation() -> None:
    assert trie_pattern(["a(b", "c"]) is None
    assert trie_pattern(["ab?"]) is None
    assert trie_pattern([]) is None
    # a shorter word ends the branch: the longer one it opens needs no search of its own
    assert trie_pattern(["ab", "abc", "b"]) == "(?:ab|b)"


def _hints() -> dict[str, tuple[re.Pattern[str], list[str]]]:
    """Every trie-searched hint of the finder and the register reader: its compiled pattern and
    the words it was built from."""
    out: dict[str, tuple[re.Pattern[str], list[str]]] = {}
    for name in dir(N):
        hint = getattr(N, name)
        if isinstance(hint, N.CaseBlind):
            body = N._blind_fold(hint.blind.pattern.replace("(?i)", "").replace("(?i:", "(?:"))
            inner = body[3:-1] if body.startswith("(?:") and body.endswith(")") else body
            out[name] = (hint.low, inner.split("|"))
    for k, group in enumerate(registers._GROUPS):
        out[f"register {k}"] = (group.hints, [])
    out["backers"] = (registers._BACKER_HINT, list(registers._BACKER_HEADS))
    return out


def test_every_hint_is_searched_as_a_trie_and_finds_each_of_its_words() -> None:
    hints = _hints()
    assert "_PERSON_HINT" in hints and len(hints) >= 15
    for name, (pattern, words) in hints.items():
        assert "(?:" in pattern.pattern and "|" not in pattern.pattern.split("(?:", 1)[0], name
        for word in words:
            sample = "x " + word.replace(_GAP, " \t") + " y"
            assert pattern.search(sample) is not None, (name, word)


def test_the_finder_hints_decide_as_their_alternations_on_chat_text() -> None:
    """On the synthetic corpus' texts, a held-out bank's and texts built around each hint
    word: the trie and the lower-cased alternation agree."""
    texts = corpus_texts("synth", seed=7, n=600) + corpus_texts("bank25", seed=1, n=600)
    for name, (pattern, words) in _hints().items():
        if not words:
            continue
        alternation = re.compile("|".join(words))
        built = [f"ok {w.replace(_GAP, ' ')}" for w in words] + [w[:-1] for w in words]
        for text in texts + built:
            low = N._blind_fold(text)
            assert (pattern.search(low) is None) is (alternation.search(low) is None), (name, text)
