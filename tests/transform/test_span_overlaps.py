"""Overlapping finds: when two detectors claim overlapping text, nothing either claimed may stay
in clear. Keeping the longer span and dropping the other used to leave the other's remainder
readable: a person's known name, written family name first, matched across a line break into
the start of the e-mail address below it, and the address's rest stayed in the masked text."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from archiver.transform.detectors import EMAIL, NAME, PHONE, URL, Span, known_values, resolve
from tests.helpers import default_detectors

_KINDS = (NAME, EMAIL, PHONE, URL)


@st.composite
def _spans(draw: st.DrawFn) -> list[Span]:
    out = []
    for _ in range(draw(st.integers(0, 8))):
        start = draw(st.integers(0, 60))
        end = start + draw(st.integers(1, 20))
        out.append(Span(start, end, draw(st.sampled_from(_KINDS)), f"v{start}-{end}"))
    return out


def _chars(spans: list[Span]) -> set[int]:
    return {i for sp in spans for i in range(sp.start, sp.end)}


@given(_spans())
def test_resolved_spans_cover_exactly_what_any_detector_claimed(spans: list[Span]) -> None:
    out = resolve(spans)
    assert _chars(out) == _chars(spans)
    for a, b in pairwise(out):
        assert a.end <= b.start  # sorted, no overlaps
    for sp in out:
        # Each kept span is one of the input spans, grown only over what overlapping ones claimed.
        assert any(
            (s.start, s.kind, s.value) == (sp.start, sp.kind, sp.value)
            or (s.kind, s.value) == (sp.kind, sp.value)
            for s in spans
        )


def test_the_longest_claim_gives_the_token_kind() -> None:
    short, long_ = Span(0, 5, NAME, "olena"), Span(3, 20, EMAIL, "na-work@example.org")
    assert resolve([short, long_]) == [Span(0, 20, EMAIL, "na-work@example.org")]
    assert resolve([Span(0, 3, NAME, "a"), Span(5, 8, NAME, "b")]) == [
        Span(0, 3, NAME, "a"),
        Span(5, 8, NAME, "b"),
    ]


def test_a_known_name_running_into_an_email_leaves_no_part_of_the_address() -> None:
    text = "Could you resend the invoice?\n\nCu stimă,\nO. Tkachenko\nolena-work@i.ua"
    own = known_values([("name", "Tkachenko Olena")], min_length=3, regions=("GB",))
    spans = default_detectors().find(text, own)
    masked, pos = "", 0
    for sp in spans:
        masked, pos = masked + text[pos : sp.start] + f"<{sp.kind}>", sp.end
    masked += text[pos:]
    assert "i.ua" not in masked and "work" not in masked
    assert "Tkachenko" not in masked
