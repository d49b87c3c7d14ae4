"""The scan's cheaper pieces outside the name finder find exactly what the scan found before.

Four pieces of ``Detectors.scan_prepared`` changed for speed only: the gate of obfuscated
e-mail addresses tests three substrings before its search (``_obf_gate``); the gate of digits
spelled out searches its digit words as a tree (``_SPELLED_RUN``); a national phone's
voicemail and pager test reads the number the matcher found instead of parsing its E.164 again
(``phone_e164``, ``_no_access_code``); an IPv6 address is parsed once and every kept network
compared as integers (``_ipv6``, ``_kept_address``). The reference is the same scan with those
pieces as they were (kept here, not in the code): every text is scanned both ways and the spans
(start, end, kind, value) must be equal. Texts: random mixes of what the changed pieces read,
the synthetic corpus (``archiver.simulators.synth``) and samples of held-out banks 12, 13, 14
and 18.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable, Iterator
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

# -- the pieces as they were ---------------------------------------------------------------------

_OLD_SPELLED_RUN = re.compile(
    rf"[ \t,\-](?:{'|'.join(sorted(D._SPELLED_DIGITS, key=lambda w: (-len(w), w)))})"
    rf"[ \t,\-](?:{'|'.join(sorted(D._SPELLED_DIGITS, key=lambda w: (-len(w), w)))})[ \t,\-]"
)


def old_obf_gate(lowered: str) -> bool:
    return D._OBF_GATE_RE.search(lowered) is not None


def old_phone_e164(
    cand: str, digits: str, regions: tuple[str, ...], possible: bool = True
) -> str | None:
    lead = cand.lstrip("(")
    if lead.startswith(("+", "00")):
        intl = cand if lead[0] == "+" else "+" + lead[2:]
        digits = digits if lead[0] == "+" else digits[2:]
        found = D._possible(intl, digits) if possible else None
        return found if found is not None else D._matches(intl, digits, regions[0])
    for region in regions:
        if D._may_be_national(digits, region):
            found = D._matches(cand, digits, region)
            if found is not None and D._no_access_code(phonenumbers.parse(found)):
                return found
    return None


def old_ipv6_address(cand: str) -> tuple[str, str] | None:
    try:
        return ipaddress.IPv6Address(cand).compressed, cand
    except ValueError:
        pass
    port = D._PORT.search(cand)
    if port is None or int(port.group()[1:]) > 65535:
        return None
    head = cand[: port.start()]
    if port.group()[0] == ":" and (head.count(":") != 7 or "::" in head):
        return None
    try:
        return ipaddress.IPv6Address(head).compressed, head
    except ValueError:
        return None


def old_kept_address(self: D.Detectors, ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if not any(ip in net for net in self.settings.ip_keep_networks):
        return False
    packed = ip.packed
    return not (len(packed) == 16 and packed[11] == 0xFF and packed[12] == 0xFE)


def old_ipv6(self: D.Detectors, text: str) -> Iterable[D.Span]:
    for m in D._IPV6.finditer(text):
        cand = m.group().rstrip(".")
        start = m.start() + len(cand) - len(cand.lstrip("."))
        cand = cand.lstrip(".")
        if cand.startswith(":") and not cand.startswith("::"):
            cand, start = cand[1:], start + 1
        if cand.endswith(":") and not cand.endswith("::"):
            cand = cand[:-1]
        if cand.count(":") < 2 or len(cand) < 6:
            continue
        ip = old_ipv6_address(cand)
        if ip is None:
            continue
        if self.settings.ip_keep_networks and self._kept_address(ipaddress.IPv6Address(ip[0])):
            continue
        yield D.Span(start, start + len(ip[1]), D.IP, ip[0])


@contextmanager
def as_before() -> Iterator[None]:
    """The scan with the four pieces as they were."""
    saved = (
        D._obf_gate,
        D._SPELLED_RUN,
        D.phone_e164,
        D.Detectors._ipv6,
        D.Detectors._kept_address,
    )
    D._obf_gate = old_obf_gate
    D._SPELLED_RUN = _OLD_SPELLED_RUN
    D.phone_e164 = old_phone_e164  # type: ignore[assignment]
    D.Detectors._ipv6 = old_ipv6  # type: ignore[method-assign]
    D.Detectors._kept_address = old_kept_address  # type: ignore[method-assign]
    try:
        yield
    finally:
        (
            D._obf_gate,
            D._SPELLED_RUN,
            D.phone_e164,
            D.Detectors._ipv6,
            D.Detectors._kept_address,
        ) = saved


def check(text: str) -> list[D.Span]:
    """The scan's spans are the reference's (unresolved and resolved); the spans."""
    D.phone_e164.cache_clear()  # each scan reaches the phone test itself
    got = DETECTORS.scan(text)
    with as_before():
        want = DETECTORS.scan(text)
    assert got == want, text
    assert D.resolve(got) == D.resolve(want)
    return got


# -- the gates alone -----------------------------------------------------------------------------


@settings(max_examples=examples(600), deadline=None)
@given(
    text=st.lists(
        st.sampled_from(
            [*D._OBF_GATE, *D._SPELLED_DIGITS, *D._SPELLED_GATE, "a", "t", "@", "r", "oba"]
        )
        | st.text(" \t,-[](){}<>@atrbo", max_size=4),
        max_size=12,
    ).map("".join)
)
@example(text="arroba")
@example(text="x six un y")
@example(text=" un uno ")
def test_gates_as_before(text: str) -> None:
    assert D._obf_gate(text) == old_obf_gate(text)
    assert (D._SPELLED_RUN.search(text) is None) == (_OLD_SPELLED_RUN.search(text) is None)


def test_spelled_run_reads_every_pair_of_digit_words() -> None:
    words = sorted(D._SPELLED_DIGITS)
    for a in words:
        for b in words:
            assert D._SPELLED_RUN.search(f"x {a} {b} y") is not None, (a, b)
            glued = f"x {a}{b} y"
            assert (D._SPELLED_RUN.search(glued) is None) == (
                _OLD_SPELLED_RUN.search(glued) is None
            ), glued
    assert D._SPELLED_RUN.search(" un unos ") is None


# -- the scan --------------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "jo dot smith at gmail dot com",
        "jo(at)mail.de",
        "ana arroba correo punto es",
        "anna.berg@example.com",
        "plus four four seven seven double oh nine",
        "six four seven",
        "un deux trois",
        "zero one five one",
        "2001:db8::1",
        "fe80::1",
        "fe80::0202:b3ff:fe1e:8329",
        "fc00::12:8080",
        "2a01:4aa5:bd5a:1142::50a1",
        "2001:db8:85a3:0:0:8a2e:370:7334:8080",
        "::1",
        "::ffff:10.0.0.1",
        "192.168.1.20",
        "8.8.8.8",
        "+39 06 6988 1234",
        "+39 3912345678",
        "030 1234567",
        "0532 123 45 67",
        "0212 555 12 34",
        "+44 7700 900123",
        "Tel: 0532 123 4567",
        "4111 1111 1111 1111",
        "at",
        "@",
        ":",
        "\n",
        " ",
    ]
)


@settings(max_examples=examples(400), deadline=None)
@given(pieces=st.lists(_PIECES, min_size=1, max_size=8), seps=st.text(" .,:@\n", max_size=8))
@example(pieces=["fe80::0202:b3ff:fe1e:8329", "2001:db8::1"], seps=" ")
@example(pieces=["Tel: 0532 123 4567"], seps=" ")
def test_random_texts_scan_as_before(pieces: list[str], seps: str) -> None:
    check((seps or " ").join(pieces))


@settings(max_examples=examples(300), deadline=None)
@given(text=st.text(st.sampled_from("abf0.@ 1290:+-\n_xyz"), max_size=120))
def test_any_text_scans_as_before(text: str) -> None:
    check(text)


@pytest.mark.parametrize(
    "corpus",
    [
        "synth",
        pytest.param("bank12", marks=pytest.mark.slow),
        pytest.param("bank13", marks=pytest.mark.slow),
        pytest.param("bank14", marks=pytest.mark.slow),
        "bank18",
    ],
)  # the other banks in the slow variant: each run of a bank takes seconds
def test_corpora_scan_as_before(corpus: str) -> None:
    texts, spans, kinds = scanned(corpus, seed=20, check=check)
    assert texts >= 2000
    assert spans >= 500
    assert {D.EMAIL, D.PHONE} <= kinds
