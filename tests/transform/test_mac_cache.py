"""The masker's keyed-hash cache is bounded: once it evicts, its answers stay the same."""

from __future__ import annotations

import pytest

from archiver.transform import mask
from archiver.transform.mask import Masker
from archiver.transform.policy import load_policy
from archiver.transform.pseudonym import Pseudonymizer

KEY = b"k" * 32


def _answers(masker: Masker) -> list[str]:
    out: list[str] = []
    for round_ in range(3):  # each value asked again after the cache was cleared
        for i in range(40):
            out.append(masker.subject_id("kore", f"user-{i}"))
            out.append(masker.token("EMAIL", f"person{i}@example.org", hashed=True))
        out.append(masker.mask_text(f"write to ana{round_}@example.org or call +44 20 7946 0958"))
    return out


def test_evicting_mac_cache_gives_the_same_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    roomy = _answers(Masker(load_policy(), Pseudonymizer(KEY)))
    monkeypatch.setattr(mask, "_MAC_CACHE", 5)
    small = Masker(load_policy(), Pseudonymizer(KEY))
    evicting = _answers(small)
    assert len(small._macs) <= 5  # it did evict
    assert evicting == roomy
    assert len(set(roomy)) > 80  # distinct values, not one answer repeated
    fresh = Pseudonymizer(KEY)  # and they are the pseudonymizer's own, uncached
    assert evicting[0] == fresh.subject_id("kore", "user-0")
