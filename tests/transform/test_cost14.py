"""The misspelt-name lookup compares a text's words with a person's name parts by length, not
through their one-letter deletions (the symmetric-delete sets): it finds exactly what the
deletion lookup found.

The reference below is the deletion lookup as it was (kept here, not in the code): every word
of five letters or more written like a name, with its deletions, met against the deletions of
the person's parts, then confirmed letter by letter. Both are asked about the same texts and
people: random words one edit from random names, the synthetic corpus
(``archiver.simulators.synth``) and samples of held-out banks 12 and 13, each with the
person's names, the names the detectors find in the texts, and words of the texts misspelt
one letter, so that the lookup has something to find.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from archiver.simulators import synth
from archiver.transform.detectors import (
    NAME,
    Detectors,
    KnownValues,
    Searchable,
    Span,
    _deletions,
    _near_words,
    _one_edit,
    _plain,
    known_encoded,
    known_values,
)
from archiver.transform.policy import load_policy
from tests.conftest import examples

POLICY = load_policy()
DETECTORS = Detectors(POLICY.detectors)
MIN = POLICY.detectors.known_misspelt_min_length
assert MIN > 0


def reference_near(kv: KnownValues, text: str, words: Callable[[str], bool]) -> list[Span]:
    """The deletion lookup as it was before the lengths replaced it."""
    if not kv.near_parts:
        return []
    near = frozenset(d for p, _ in kv.near_parts for d in _deletions(p))
    out: list[Span] = []
    for m in _near_words(kv.near_min).finditer(text):
        a, b = m.span()
        if (a > 0 and text[a - 1] in "@.") or (b < len(text) and text[b] == "@"):
            continue
        plain = _plain(m.group())
        if near.isdisjoint(_deletions(plain)):
            continue
        for part, name in kv.near_parts:
            if _one_edit(plain, part):
                if not words(text[a:b]):
                    out.append(Span(a, b, NAME, name))
                break
    return out


def check(text: str, kv: KnownValues) -> int:
    """The lookup's spans (start, end, kind, token value) are the reference's; how many."""
    s = Searchable.of(text)
    got = DETECTORS.known_in(s, kv)
    near = reference_near(kv, text, DETECTORS._not_misspelt)
    # a misspelling right before a street word is the street's name ("Nelson Mandela Drive")
    names = DETECTORS._names
    assert names is not None
    want = kv.find_in(Searchable.of(text)) + [
        sp for sp in near if not names.street_after(text, sp.end)
    ]
    want += known_encoded(text, kv)  # values percent-encoded: no part of the near lookup
    assert got == want, text
    assert bool(kv.near) == bool(kv.near_parts)
    return len(want) - len(kv.find_in(Searchable.of(text)))


def misspelt(rng: random.Random, word: str) -> str:
    """``word`` one letter off: changed, added, left out or two swapped."""
    i = rng.randrange(len(word))
    letter = rng.choice("aeioulnrstéøß")
    match rng.randrange(4):
        case 0:
            return word[:i] + letter + word[i + 1 :]
        case 1:
            return word[:i] + letter + word[i:]
        case 2:
            return word[:i] + word[i + 1 :]
        case _:
            j = min(i + 1, len(word) - 1)
            return word[:i] + word[j] + word[i] + word[j + 1 :] if j > i else word


def people(rng: random.Random, texts: list[str], names: list[str]) -> KnownValues:
    """A person known by ``names``, the names found in ``texts`` and a few of the texts' long
    words misspelt (so that words of the text are one letter from a known part)."""
    found = [sp.value for t in texts for sp in DETECTORS.find(t) if sp.kind == NAME]
    words = [w.strip(".,;:!?()\"'") for t in texts for w in t.split()]
    long = [w for w in words if len(w) >= MIN - 1]
    typed = [misspelt(rng, w) for w in rng.sample(long, min(3, len(long)))]
    values = [("name", n) for n in [*names, *found, *typed] if n.strip()]
    kv = known_values(values, min_length=3, regions=("GB",), misspelt_min_length=MIN)
    assert kv is not None
    return kv


_NAME = st.sampled_from(
    ["Bernadette", "Grant", "Maria", "Gintarė", "Ηρακλής", "José", "Strauß", "Yılmaz", "Nguyễn"]
)


@settings(max_examples=examples(400), deadline=None)
@given(names=st.lists(_NAME, min_size=1, max_size=3), seed=st.integers(0, 2**32 - 1))
@example(names=["Bernadette"], seed=0)
def test_the_lookup_finds_what_the_deletions_found(names: list[str], seed: int) -> None:
    rng = random.Random(seed)
    words = [misspelt(rng, n) for n in names] + ["Marina", "Grand", "the", "x.Bernadete@ex.com"]
    words += [n.upper() for n in names] + [n.lower() for n in names]
    text = " ".join(rng.sample(words, len(words)))
    check(text, people(rng, [], names))


def _synth() -> Iterator[tuple[list[str], list[str]]]:
    rng = random.Random(14)
    for _ in range(1000):
        person = synth.make_person(rng)
        text, planted = synth.generate_eval_text(rng, person)
        reply, _ = synth.generate_reply(rng, person, planted)
        yield [person.first_name, person.last_name], [text, reply]


def _bank(number: int) -> Iterator[tuple[list[str], list[str]]]:
    bank = pytest.importorskip(f"bench.heldout_bank{number}")
    left = 2000
    for conv in bank.corpus(2000, 1):
        texts = [t.text for t in conv.texts][:left]
        left -= len(texts)
        yield [conv.person.first, conv.person.last], texts
        if left <= 0:
            return


@pytest.mark.parametrize(
    "corpus",
    ["synth", "bank12", pytest.param("bank13", marks=pytest.mark.slow)],
)  # the other banks in the slow variant: each run of a bank takes seconds
def test_corpora_find_what_the_deletions_found(corpus: str) -> None:
    rng = random.Random(corpus)
    source = _synth() if corpus == "synth" else _bank(int(corpus.removeprefix("bank")))
    misspellings = texts = 0
    for names, conv in source:
        kv = people(rng, conv, names)
        for text in conv:
            misspellings += check(text, kv)
            texts += 1
    assert texts >= 2000
    assert misspellings >= 100  # the lookup had words to find, not only texts without any
