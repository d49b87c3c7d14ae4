"""Reading many manifest keys at once names exactly what naming each alone names."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from archiver.archive import layout

_names = st.sampled_from(["peki-main", "a/b", "..", "ü ~x", "%41", "t"])
_keys = st.one_of(
    st.builds(layout.manifest_key, _names, _names, st.integers(0, 10**12)),
    # Odd names in a stream's folder: no sequence, a signed or spaced one, a sub-folder.
    st.builds(
        lambda s, t, tail: layout.stream_prefix(s, t) + tail,
        _names,
        _names,
        st.sampled_from(
            [".json", "x.json", "+12.json", " 3.json", "1_0.json", "7.txt", "a/1.json", "5"]
        ),
    ),
    st.sampled_from(["manifests/source=%41/tenant=t/0000000002.json", "data/x.json", ""]),
)


@given(st.lists(_keys, max_size=30))
def test_parse_streams_is_parse_stream_of_each(keys: list[str]) -> None:
    expected = [(k, p) for k in keys if (p := layout.parse_stream(k)) is not None]
    assert layout.parse_streams(keys) == expected


def test_parse_streams_reads_a_long_chain() -> None:
    keys = [layout.manifest_key("src", "bot", seq) for seq in range(1, 1001)]
    parsed = layout.parse_streams(keys)
    assert [p for _, p in parsed] == [("src", "bot", seq) for seq in range(1, 1001)]
