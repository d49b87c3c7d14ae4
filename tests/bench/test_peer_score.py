"""The peer benchmark's scoring: what counts as missed, duplicated or kept after deletion."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from bench.peer import score
from bench.peer.content import content_hash, version_stamp


def _session(sid: str, updated: str, summary: str = "s") -> dict[str, Any]:
    return {"id": sid, "summary": summary, "updatedAt": updated, "createdAt": "2026-01-01"}


def _truth(**tables: list[dict[str, Any]]) -> dict[str, dict[str, dict[str, Any]]]:
    return {t: {r["id"]: r for r in tables.get(t, [])} for t in score.TABLES}


def _held(**tables: list[dict[str, Any]]) -> score.Holdings:
    held = score.Holdings()
    for t in score.TABLES:
        rows = [
            (r["id"], content_hash(r), version_stamp(r), float(i))
            for i, r in enumerate(tables.get(t, []))
        ]
        held.all[t] = [(rid, h) for rid, h, _, _ in rows]
        held.latest[t] = score.latest_of(rows)
    return held


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3)
    ),
    max_leaves=8,
)


@given(st.dictionaries(st.text(max_size=4), json_values, max_size=6))
def test_content_hash_ignores_key_order_and_sees_any_change(rec: dict[str, Any]) -> None:
    reordered = dict(reversed(list(rec.items())))
    assert content_hash(reordered) == content_hash(rec)
    changed = rec | {"\x00extra": 1}
    assert content_hash(changed) != content_hash(rec)


def test_latest_of_prefers_newest_stamp_then_last_load() -> None:
    rows = [
        ("a", "h1", "2026-01-02", 1.0),
        ("a", "h2", "2026-01-01", 9.0),
        ("a", "h3", "2026-01-02", 2.0),
    ]
    assert score.latest_of(rows) == {"a": ("h3", "2026-01-02")}


def test_missed_exact_counts_absent_and_stale_not_exact() -> None:
    old, new = _session("s1", "2026-01-01"), _session("s1", "2026-01-05", "revised")
    truth = _truth(
        sessions=[new, _session("s2", "2026-01-01")], users=[{"id": "u1", "updatedAt": "x"}]
    )
    held = _held(
        sessions=[old, _session("s2", "2026-01-01")], users=[{"id": "u1", "updatedAt": "x"}]
    )
    assert score.missed_exact(truth, held) == {"users": 0, "sessions": 1, "messages": 0}
    held_new = _held(sessions=[old, new], users=[{"id": "u1", "updatedAt": "x"}])
    assert score.missed_exact(truth, held_new)["sessions"] == 1  # s2 absent
    # one id held in two versions is one record kept, whatever the platform deleted
    assert score.kept_after_deletion(_truth(), held_new) == {
        "users": 1,
        "sessions": 1,
        "messages": 0,
    }


def test_missed_since_ignores_records_created_or_deleted_during_the_run() -> None:
    s1 = _session("s1", "2026-01-02")
    before = _truth(sessions=[s1, _session("gone", "2026-01-01")])
    during = _session("s1", "2026-01-03", "touched during the run")
    after = _truth(sessions=[_session("s1", "2026-01-04", "final"), _session("new", "2026-01-04")])
    # holding a version made during the run is enough; nothing is owed for "gone" or "new"
    assert score.missed_since(before, after, _held(sessions=[during]))["sessions"] == 0
    # holding only an older version than at the start is a miss, as is holding nothing
    stale = _session("s1", "2026-01-01", "older")
    assert score.missed_since(before, after, _held(sessions=[stale]))["sessions"] == 1
    assert score.missed_since(before, after, _held())["sessions"] == 1


def test_duplicated_counts_extra_copies_of_one_version_only() -> None:
    m = {"id": "m1", "createdAt": "2026-01-01", "text": "hi"}
    m2 = m | {"text": "edited"}
    held = _held(messages=[m, m, m, m2])
    assert score.duplicated(held) == {"users": 0, "sessions": 0, "messages": 2}
    assert score.per_table(score.duplicated(held)) == "0/0/2"
