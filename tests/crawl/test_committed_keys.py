"""The versions a run commits survive a stop, also past the in-memory bound, with their times."""

from __future__ import annotations

import pickle
from datetime import UTC, datetime, timedelta, timezone

from archiver.crawl.state import (
    CommittedKeys,
    Seen,
    SeenMap,
    StreamState,
    _spilled,
    _unspilled,
)


def test_committed_keys_merge_the_same_past_the_memory_bound() -> None:
    t = datetime(2026, 1, 1, tzinfo=UTC)
    # Times to the microsecond, and one without (state version 1): spilled as they are.
    keys = [
        (
            tb,
            f"{tb[0]}{i:023x}",
            Seen(f"{i:032x}", None if i == 3 else t + timedelta(microseconds=1007 * i)),
        )
        for i in range(40)
        for tb in ("messages", "users")
    ]
    small, large = CommittedKeys(limit=7), CommittedKeys(limit=10_000)
    for table, key, version in keys:
        small.add(table, key, *version)
        large.add(table, key, *version)
    assert small._spill is not None and large._spill is None  # the bound was passed
    seen_small: SeenMap = {"messages": {"old": {"0" * 32: None}}}
    seen_large: SeenMap = {"messages": {"old": {"0" * 32: None}}}
    small.merge_into(seen_small)
    large.merge_into(seen_large)
    assert seen_small == seen_large
    assert len(seen_small["messages"]) == 41 and len(seen_small["users"]) == 40
    # Each version as added: its hash with its exact time.
    assert all(seen_small[table][key] == {v.hash: v.time} for table, key, v in keys)
    small.close()
    assert small._spill is None


class _Stamp(datetime):
    """A datetime of another class: spilled as it is."""


def test_spilled_entries_come_back_as_they_were_added() -> None:
    """UTC times travel as microseconds; every other time as itself: the entries read back
    pickle to the same bytes as those added (equal times, the same ``tzinfo``, fold, class)."""
    t = datetime(2026, 3, 29, 1, 30, 0, 7, tzinfo=UTC)
    plus2 = timezone(timedelta(hours=2))
    times = [
        t,
        t + timedelta(days=400, microseconds=999_999),
        datetime(1969, 12, 31, 23, 59, 59, 1, tzinfo=UTC),  # before the epoch
        t.replace(fold=1),
        t.astimezone(plus2),  # the same instant at another offset
        datetime(2026, 3, 29, 1, 30),  # noqa: DTZ001 - naive: spilled as it is
        _Stamp(2026, 3, 29, 1, 30, tzinfo=UTC),
        None,
    ]
    entries = [
        ("messages" if i % 3 else "users", f"k{i}", f"{i:032x}", w) for i, w in enumerate(times)
    ]
    chunk = pickle.loads(pickle.dumps(_spilled(entries), protocol=pickle.HIGHEST_PROTOCOL))
    back = list(_unspilled(chunk))
    assert back == entries
    assert pickle.dumps(back) == pickle.dumps(entries)
    assert [type(w) for *_, w in back] == [type(w) for *_, w in entries]
    assert [w.tzinfo for *_, w in back if w is not None] == [
        w.tzinfo for *_, w in entries if w is not None
    ]
    assert sum(isinstance(w, int) for w in chunk[3]) == 3  # the UTC times of fold 0 only


def test_state_round_trips_and_reads_version_1() -> None:
    wm = datetime(2026, 1, 1, 12, tzinfo=UTC)
    state = StreamState(
        watermark=wm,
        seen={"messages": {"k1": {"a" * 32: wm + timedelta(microseconds=1500)}}},
        last_full=wm,
    )
    doc = state.to_manifest()
    assert doc["version"] == 2
    # Rounded up to the millisecond: a version never leaves the overlap early.
    assert doc["seen"]["messages"]["k1"] == "a" * 32 + "@2026-01-01T12:00:00.002Z"
    back = StreamState.from_manifest(doc)
    assert back.last_full == wm and back.is_seen("messages", "k1", "a" * 32)
    old = StreamState.from_manifest(
        {"version": 1, "watermark": "2026-01-01T12:00:00.000Z", "seen": {"users": {"k": "b" * 32}}}
    )
    assert old.is_seen("users", "k", "b" * 32) and not old.is_seen("users", "k", "c" * 32)
    # A version-1 entry has no time: it is not carried past a later watermark.
    assert old.carried_over(wm) == {"users": {}}
    assert back.carried_over(wm + timedelta(seconds=1)) == {"messages": {}}
    assert back.carried_over(wm)["messages"]["k1"] == {"a" * 32: wm + timedelta(milliseconds=2)}
    # Several versions of one record in the overlap: each is remembered.
    two = StreamState(seen={"users": {"u": {"a" * 32: wm, "b" * 32: wm + timedelta(seconds=1)}}})
    doc = two.to_manifest()
    assert doc["seen"]["users"]["u"] == (
        "a" * 32 + "@2026-01-01T12:00:00.000Z," + "b" * 32 + "@2026-01-01T12:00:01.000Z"
    )
    again = StreamState.from_manifest(doc)
    assert again.is_seen("users", "u", "a" * 32) and again.is_seen("users", "u", "b" * 32)
    assert again.carried_over(wm + timedelta(milliseconds=500)) == {
        "users": {"u": {"b" * 32: wm + timedelta(seconds=1)}}
    }
