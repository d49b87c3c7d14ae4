"""The versions a run commits survive a stop, also past the in-memory bound."""

from __future__ import annotations

from archiver.crawl.state import CommittedKeys


def test_committed_keys_merge_the_same_past_the_memory_bound() -> None:
    keys = [(t, f"{t[0]}{i:023x}", f"{i:032x}") for i in range(40) for t in ("messages", "users")]
    small, large = CommittedKeys(limit=7), CommittedKeys(limit=10_000)
    for table, key, version in keys:
        small.add(table, key, version)
        large.add(table, key, version)
    assert small._spill is not None and large._spill is None  # the bound was passed
    seen_small: dict[str, dict[str, str]] = {"messages": {"old": "v"}}
    seen_large: dict[str, dict[str, str]] = {"messages": {"old": "v"}}
    small.merge_into(seen_small)
    large.merge_into(seen_large)
    assert seen_small == seen_large
    assert len(seen_small["messages"]) == 41 and len(seen_small["users"]) == 40
    small.close()
    assert small._spill is None
