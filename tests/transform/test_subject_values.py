"""Learning in a stream: names a worker found in a text are learnt as if scanned here."""

from __future__ import annotations

from datetime import UTC, datetime

from archiver.crawl.workers import learned_text
from archiver.sources.base import Record
from archiver.transform.mask import Masker
from archiver.transform.policy import load_policy
from archiver.transform.pseudonym import Pseudonymizer

MASKER = Masker(load_policy(), Pseudonymizer(b"k" * 32))
T = datetime(2025, 1, 1, tzinfo=UTC)
TEXTS = [
    "Merhaba, benim adım Ayşe Demir.",
    "My name is John Carter, thanks.",
    "nothing to learn here",
    "Saygılarımla,\nMehmet Yılmaz",
]


def _message(i: int, text: str) -> Record:
    return Record("messages", f"m{i}", {"text": text}, T, T, f"u{i % 2}", f"s{i % 3}")


def test_names_handed_over_teach_what_scanning_the_text_teaches() -> None:
    scanned, handed = MASKER.subject_values(), MASKER.subject_values()
    found = []
    for i, text in enumerate(TEXTS):
        rec = _message(i, text)
        scanned.learn("peki", rec)
        names = MASKER.names_in(learned_text(rec) or "")
        found.extend(names)
        handed.learn("peki", rec, names)
    assert found  # the texts do name people
    for user in ("u0", "u1"):
        for talk in ("s0", "s1", "s2"):
            a, b = scanned.of(user, talk), handed.of(user, talk)
            assert (a.values if a else None) == (b.values if b else None)


def test_names_handed_over_are_taken_as_they_are() -> None:
    """The run hands over what the record's worker found: the text is not scanned again."""
    sv = MASKER.subject_values()
    sv.learn("peki", _message(0, "Merhaba, benim adım Ayşe Demir."), ())
    assert sv.of("u0", "s0") is None
    sv.learn("peki", _message(3, "nothing to learn here"), ("Zeynep",))
    known = sv.of("u1", "s0")
    assert known is not None and ("name", "Zeynep") in known.values
