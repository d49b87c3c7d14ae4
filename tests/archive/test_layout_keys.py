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


@given(st.sampled_from(["peki-main", "a/b", "..", "ü ~x"]), st.lists(st.integers(1, 10**6)))
def test_stream_keys_are_manifest_keys_of_their_sequences(name: str, seqs: list[int]) -> None:
    keys = layout.StreamKeys(name, "t", seqs)
    ordered = sorted(set(seqs))
    assert keys == [layout.manifest_key(name, "t", s) for s in ordered]
    assert layout.parse_streams(keys) == [
        (k, (name, "t", s)) for k, s in zip(keys, ordered, strict=True)
    ]
    assert layout.stream_sequences(keys) == ((name, "t", tuple(ordered)) if seqs else None)


def test_stream_keys_changed_after_they_were_built_are_parsed_again() -> None:
    keys = layout.StreamKeys("s", "t", [1, 2])
    keys.append(layout.manifest_key("s", "t", 4))
    assert layout.stream_sequences(keys) is None
    turned = layout.StreamKeys("s", "t", [1, 2, 3])
    turned.reverse()
    assert layout.stream_sequences(turned) is None
    assert layout.stream_sequences([layout.manifest_key("s", "t", 1)]) is None
