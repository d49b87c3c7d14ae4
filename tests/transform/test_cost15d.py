"""The scan's cheaper gates find exactly what the scan found before them.

Three pieces of ``Detectors.scan_prepared`` changed for speed only: e-mail addresses are
searched from 64 characters before each "@" (``_emails``), IPv4 addresses only in a text that
holds a dot, one to three digits, a dot and a digit (``_IPV4_HINT``), and a phone is asked
whether it is a voicemail or pager number only when such a pattern of its country code matches
it (``_no_access_code``). The reference is the same scan with those pieces as they were (kept
here, not in the code): every text is scanned both ways and the spans (start, end, kind,
value) must be equal. Texts: random mixes of what the changed pieces read, the synthetic corpus
(``archiver.simulators.synth``) and samples of held-out banks 12, 13 and 14.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import phonenumbers
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from archiver.transform import detectors as D
from archiver.transform.policy import load_policy
from tests.conftest import examples
from tests.transform.corpora import scanned

POLICY = load_policy()
DETECTORS = D.Detectors(POLICY.detectors)
_EVERYWHERE = re.compile("")  # a gate that lets every text through: the scan as it was


def reference_no_access_code(num: phonenumbers.PhoneNumber) -> bool:
    """``_no_access_code`` as it was: the number's type, from every type's pattern."""
    return phonenumbers.number_type(num) not in D._NOT_PERSONAL_NATIONAL


@contextmanager
def as_before() -> Iterator[None]:
    """The scan with the three pieces as they were before the gates."""
    saved = D._emails, D._IPV4_HINT, D._no_access_code
    D._emails = D._EMAIL.finditer  # type: ignore[assignment]
    D._IPV4_HINT = _EVERYWHERE
    D._no_access_code = reference_no_access_code
    try:
        yield
    finally:
        D._emails, D._IPV4_HINT, D._no_access_code = saved


def clear_phone_caches() -> None:
    """Phones are cached per candidate: each scan must reach ``_no_access_code`` itself."""
    D.phone_e164.cache_clear()
    D.personal_anywhere.cache_clear()


def check(text: str) -> list[D.Span]:
    """The scan's spans are the reference's (unresolved and resolved); the spans."""
    clear_phone_caches()
    got = DETECTORS.scan(text)
    clear_phone_caches()
    with as_before():
        want = DETECTORS.scan(text)
    assert got == want, text
    assert D.resolve(got) == D.resolve(want)
    return got


_PIECES = st.sampled_from(
    [
        "anna.berg@example.com",
        "x" * 70 + "@example.org",  # a local part longer than an address's
        "y" * 63 + "@mail.se",
        "a@b@c.de",
        '"anna smith"@example.com',
        "jo dot smith at gmail dot com",
        "plus four four seven seven double oh nine",
        "zero one five one",
        "192.168.1.20",
        "8.8.8.8",
        "IP 10.0.0.1",
        "10.0.0.1.5",
        "v1.2.3",
        "1.2.3.4567",
        "+46 70.124.54.40",
        "2001:db8::1",
        "+39 06 6988 1234",
        "+39 3912345678",
        "+44 7700 900123",
        "+1 650 253 0000",
        "+90 532 123 45 67",
        "030 1234567",
        "GB33BUKB20201555555555",
        "4111 1111 1111 1111",
        "Tel.21234927",
        "at",
        "@",
        ".",
        ". 1.",
        "\n",
        " ",
        "order 12345",
    ]
)


@settings(max_examples=examples(400), deadline=None)
@given(pieces=st.lists(_PIECES, min_size=1, max_size=8), seps=st.text(" .,:@\n", max_size=8))
@example(pieces=["x" * 70 + "@example.org", "anna.berg@example.com"], seps=" ")
@example(pieces=["IP 10.0.0.1", "8.8.8.8"], seps=" ")
def test_random_texts_scan_as_before(pieces: list[str], seps: str) -> None:
    glue = seps or " "
    check(glue.join(pieces))


@settings(max_examples=examples(300), deadline=None)
@given(text=st.text(st.sampled_from("ab.@ 1290:+-\n_xyz"), max_size=120))
def test_any_text_scans_as_before(text: str) -> None:
    check(text)


def _regions_numbers() -> Iterator[str]:
    """Every region's (and non-geographic code's) example number of every type, in E.164
    (voicemail and pager too), and each with its last digit changed: numbers near the
    ranges' edges."""
    examples = [
        phonenumbers.example_number_for_type(region, kind)
        for region in sorted(phonenumbers.SUPPORTED_REGIONS)
        for kind in range(12)  # PhoneNumberType's values with examples
    ]
    examples += [
        phonenumbers.example_number_for_non_geo_entity(code)
        for code in sorted(phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS)
    ]
    for num in examples:
        if num is not None:
            e164 = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
            yield e164
            for digit in "0123456789":
                yield e164[:-1] + digit


def test_access_codes_as_number_type_says() -> None:
    numbers = list(dict.fromkeys(_regions_numbers()))
    assert len(numbers) > 5000
    refused = 0
    for e164 in numbers:
        num = phonenumbers.parse(e164)
        want = reference_no_access_code(num)
        assert D._no_access_code(num) == want, e164
        refused += not want
    assert refused >= 10  # voicemail and pager numbers were among them


@pytest.mark.parametrize(
    "corpus",
    [
        "synth",
        pytest.param("bank12", marks=pytest.mark.slow),
        "bank13",
        pytest.param("bank14", marks=pytest.mark.slow),
    ],
)  # the other banks in the slow variant: each run of a bank takes seconds
def test_corpora_scan_as_before(corpus: str) -> None:
    texts, spans, kinds = scanned(corpus, seed=15, check=check)
    assert texts >= 2000
    assert spans >= 500
    assert {D.EMAIL, D.PHONE} <= kinds
