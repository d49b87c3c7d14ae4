"""Texts the identical-masking tests compare old and new code on: the synthetic generator's
(a message and its reply per person) and held-out banks', the first ``n`` of each."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from itertools import islice

import pytest

from archiver.simulators import synth
from archiver.transform.detectors import Span, json_view


def _synth(seed: int) -> Iterator[str]:
    rng = random.Random(seed)
    while True:
        person = synth.make_person(rng)
        text, planted = synth.generate_eval_text(rng, person)
        reply, _ = synth.generate_reply(rng, person, planted)
        yield from (text, reply)


def _bank(number: int, n: int) -> Iterator[str]:
    bank = pytest.importorskip(f"bench.heldout_bank{number}")
    for conv in bank.corpus(n, 1):
        for t in conv.texts:
            yield t.text


def corpus_texts(corpus: str, *, seed: int, n: int = 2000) -> list[str]:
    """The first ``n`` texts of ``"synth"`` (drawn from ``seed``) or of ``"bank<N>"``."""
    if corpus == "synth":
        return list(islice(_synth(seed), n))
    return list(islice(_bank(int(corpus.removeprefix("bank")), n), n))


def scanned(
    corpus: str, *, seed: int, check: Callable[[str], list[Span]]
) -> tuple[int, int, set[str]]:
    """``check`` (old and new code compared) on the first 2,000 texts of ``corpus``, each read
    as the masker reads it (JSON decoded): the texts checked, the spans found and their kinds."""
    texts = spans = 0
    kinds: set[str] = set()
    for text in corpus_texts(corpus, seed=seed):
        found = check(json_view(text)[0])
        texts += 1
        spans += len(found)
        kinds.update(sp.kind for sp in found)
    return texts, spans, kinds
