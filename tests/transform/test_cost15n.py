"""The name finder's cheaper paths find exactly what the paths they replace found.

Kept here, not in the code, are the versions before: ``_latin`` as a loop over the letters
(now a regex), the other spellings of a found name's words (``_variants``, now
reading skeletons only when a word of the other kind was found, and caching a word's plain
and skeleton forms), and the searches for an initial's dot and a traveller's ``SURNAME/GIVEN``
that the finder ran on every text with a dot or a slash (now gated by a search that opens
with the literal). Both are asked about random strings and about 2,000 texts each of the
synthetic corpus and held-out banks 12, 13 and 14: the detectors' spans (start, end, kind,
value) are the same with the versions before swapped in.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from anyascii import anyascii
from hypothesis import example, given, settings
from hypothesis import strategies as st

from archiver.transform import names
from archiver.transform.detectors import NAME, Detectors
from archiver.transform.names import _ONE_WORD, _skeletons
from archiver.transform.namewords import fold
from archiver.transform.policy import load_policy
from tests.conftest import examples
from tests.transform.corpora import corpus_texts

DETECTORS = Detectors(load_policy().detectors)


def old_latin(word: str) -> bool:
    return all(c < "\u0370" or "\u1e00" <= c <= "\u1eff" for c in word)


def old_skeleton(word: str) -> str:
    low = fold(anyascii(word)).replace("ts", "c").replace("w", "u").replace("y", "i")
    return "".join(c for c in low if c.isalpha() and c not in "aeiouh")


def old_variants(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    words: dict[str, set[str]] = {}
    for a, b, _ in found:
        for w in _ONE_WORD.findall(text, a, b):
            if len(w) >= 3:
                words.setdefault(w, set())
    if not words:
        return []
    plain = {fold(anyascii(w)): w for w in words}
    latin_skeletons = {old_skeleton(w) for w in words if old_latin(w)}
    other_skeletons = {k for w in words if not old_latin(w) for k in _skeletons(w)}
    out = []
    for m in _ONE_WORD.finditer(text):
        w = m.group()
        if w in words or len(w) < 2 or any(a <= m.start() < b for a, b, _ in found):
            continue
        if old_latin(w):
            if not w[:1].isupper():
                continue
            same = plain.get(fold(anyascii(w)))
            skel = old_skeleton(w)
            hit = (same is not None and same != w) or (len(skel) >= 3 and skel in other_skeletons)
        else:
            if "\u0370" <= w[0] <= "\u058f" and not w[:1].isupper():
                continue
            hit = any(len(k) >= 3 and k in latin_skeletons for k in _skeletons(w))
        if hit:
            out.append((m.start(), m.end(), " ".join(fold(w).split())))
    return out


@contextmanager
def versions_before() -> Iterator[None]:
    """The finder with the versions before swapped in (module globals, as it reads them)."""
    swapped = {
        "_latin": old_latin,
        "_variants": old_variants,
        "_INITIAL_HINT": names._INITIAL_DOT,
        "_TICKET_HINT": names._TICKET_NAME,
    }
    kept = {k: getattr(names, k) for k in swapped}
    for k, v in swapped.items():
        setattr(names, k, v)
    try:
        yield
    finally:
        for k, v in kept.items():
            setattr(names, k, v)


# Letters of several scripts and cases, spaces, separators, dots, slashes, apostrophes and
# hyphens: what the changed paths branch on.
_CHARS = st.sampled_from([*"aZéÉßıİσΣжЖ山ṭ  \t\n.,;:!-–—|/(\"'’AKIMJSRX12@_", "\u0301"])
_TEXT = st.lists(_CHARS, max_size=60).map("".join)


@settings(max_examples=examples(600), deadline=None)
@given(text=_TEXT)
@example(text="Approved by D. Paegle and M1 KIM/MIN JI MS")
@example(text="O'-/AB")  # a family name ending in an apostrophe and a hyphen
def test_the_gates_and_latin_read_as_before(text: str) -> None:
    assert (names._INITIAL_HINT.search(text) is None) == (names._INITIAL_DOT.search(text) is None)
    if names._TICKET_NAME.search(text) is not None:  # the hint is a necessary condition
        assert names._TICKET_HINT.search(text) is not None, text
    for w in [text, *text.split()]:
        assert names._latin(w) == old_latin(w), w


_NAMES = st.sampled_from(["Tamar", "תמר", "Davit", "დავით", "Tõnu", "Tonu", "Elçin", "Elcin"])


@settings(max_examples=examples(300), deadline=None)
@given(words=st.lists(st.one_of(_NAMES, _TEXT), min_size=1, max_size=8), seed=st.integers(0, 99))
def test_other_spellings_as_before(words: list[str], seed: int) -> None:
    text = " ".join(words)
    found = [
        (m.start(), m.end(), fold(m.group()))
        for m in _ONE_WORD.finditer(text)
        if random.Random(seed + m.start()).random() < 0.4
    ]
    assert names._variants(text, found) == old_variants(text, found)


@pytest.mark.parametrize(
    "corpus",
    [
        "synth",
        pytest.param("bank12", marks=pytest.mark.slow),
        pytest.param("bank13", marks=pytest.mark.slow),
        "bank14",
    ],
)  # the other banks in the slow variant: each run of a bank takes seconds
def test_corpora_find_what_the_finder_found_before(corpus: str) -> None:
    texts = corpus_texts(corpus, seed=15)
    assert len(texts) >= 2000
    with versions_before():
        want = [DETECTORS.find(t) for t in texts]
    got = [DETECTORS.find(t) for t in texts]
    for text, g, w in zip(texts, got, want, strict=True):
        assert g == w, text
    assert sum(sp.kind == NAME for spans in want for sp in spans) >= 200  # names were found
    # the changed paths were taken: initials and other spellings occur in the banks
    if corpus != "synth":
        assert any(names._INITIAL_DOT.search(t) for t in texts)


def test_the_versions_before_are_what_the_module_had() -> None:
    """The swap reaches the finder: with a gate that never passes, it finds less."""
    text = "Signed by D. Paegle yesterday."  # (no person word of a record: "approved by")
    found = DETECTORS.find(text)
    assert any(sp.kind == NAME for sp in found)
    kept = names._INITIAL_HINT
    names._INITIAL_HINT = re.compile(r"(?!)")
    try:
        assert DETECTORS.find(text) != found
    finally:
        names._INITIAL_HINT = kept
