"""An object's packed ranks, decoded into columns, rank each row as its spans say."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archiver.archive.catalog.model import Ranks, RankSpan

_spans = st.lists(
    st.builds(RankSpan, st.integers(1, 10**6), st.integers(0, 50), st.integers(1, 40)),
    min_size=1,
    max_size=40,
)


def _by_spans(spans: list[RankSpan], row: int) -> tuple[int, int, int]:
    """Row ``row``'s origin, walking the spans one by one."""
    start = 0
    for i, span in enumerate(spans):
        if row < start + span.rows or i == len(spans) - 1:
            return span.sequence, span.position, row - start
        start += span.rows
    raise AssertionError("no spans")


@given(_spans, st.data())
def test_packed_and_listed_ranks_give_each_row_its_spans_origin(
    spans: list[RankSpan], data: st.DataObject
) -> None:
    total = sum(s.rows for s in spans)
    packed, listed = Ranks.packing(spans), Ranks(spans)
    rows = data.draw(st.lists(st.integers(0, total - 1), max_size=20))
    for row in rows:
        assert packed.origin(row) == listed.origin(row) == _by_spans(spans, row)
    assert packed.spans == listed.spans == tuple(spans)
    assert packed.starts == listed.starts
    assert packed.to_json() == ("rank_runs", Ranks.packing(spans).to_json()[1])


@pytest.mark.parametrize("text", ["1.2", "1.2.3.4", "1.2.3 4.5", "1.2.3 4.5.6.7", "a.1.2", "1..2"])
def test_a_malformed_packed_run_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        Ranks(text=text).origin(0)
    with pytest.raises(ValueError):
        _ = Ranks(text=text).spans
