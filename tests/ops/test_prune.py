"""Retention: prune removes expired partitions through a committed manifest, never held data."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.archive import catalog as mf
from archiver.archive.catalog.records import read_record
from archiver.cli import cli
from archiver.crawl.engine import run_archive
from archiver.errors import ConfigError
from archiver.ops.gc import gc
from archiver.ops.prune import expired_objects, prune
from archiver.ops.verify import verify
from archiver.simulators.peki import PekiSimulator
from archiver.timeutil import parse_ts, utcnow
from tests.archive_truth import committed_rows
from tests.conftest import BOTS, examples, open_ctx, sealed_ctx, write_config

# Five users a bot, not twelve: retention splits the partitions by date and by whose conversation
# is active, not by how many there are.
pytestmark = [pytest.mark.usefixtures("parsed_once_in_module"), pytest.mark.peki_users(5)]


def live_dates(cfg: Path) -> list[date]:
    ctx = open_ctx(cfg, write=False)
    return sorted(
        {
            date.fromisoformat(o.date)
            for keys in mf.list_streams(ctx.store).values()
            for o in mf.read_chain(ctx.store, keys, ctx.verifier).live_entries()
        }
    )


def _created(rec: dict[str, Any]) -> date:
    return parse_ts(rec["createdAt"]).date()


def last_activity(truth: dict[str, dict[str, Any]]) -> dict[str, date]:
    """Session id → the creation date of its newest record (session or message)."""
    last = {sid: _created(rec) for sid, rec in truth["sessions"].items()}
    for msg in truth["messages"].values():
        sid = msg["chatSessionId"]
        last[sid] = max(last.get(sid, _created(msg)), _created(msg))
    return last


def masked_index(cfg: Path) -> dict[str, Any]:
    rows = committed_rows(open_ctx(cfg, write=False), sealed=False)
    return {
        "messages": len(rows["messages"]),
        "sessions": {r["session_id"] for t in ("messages", "sessions") for r in rows[t]},
        "people": {r["subject_id"] for r in rows["users"]},
    }


def test_prune_removes_what_has_been_inactive_past_retention(
    peki: PekiSimulator,
    archived: Path,
) -> None:
    dates = live_dates(archived)
    assert len(dates) > 4
    days = (utcnow().date() - dates[len(dates) // 2]).days
    cutoff = utcnow().date() - timedelta(days=days)
    ctx = open_ctx(archived)
    before = masked_index(archived)

    dry = prune(ctx, older_than=timedelta(days=days), dry_run=True)
    assert dry.pruned and not dry.manifests and live_dates(archived) == dates
    for key in dry.pruned:
        assert ctx.store.head(key) is not None

    report = prune(ctx, older_than=timedelta(days=days), operator="ops")
    assert sorted(report.pruned) == sorted(dry.pruned)
    assert sorted(report.removal.deleted) == sorted(report.pruned)
    for key in report.pruned:
        assert ctx.store.head(key) is None

    # Every conversation active since the cutoff is whole, with its owner's profile; older
    # objects remain only where they hold such a conversation or profile.
    rows = committed_rows(sealed_ctx(archived), sealed=True)
    have = {(t, r[col]) for t, col in (("messages", "message_id"), ("sessions", "session_id"),
                                        ("users", "user_id")) for r in rows[t]}  # fmt: skip
    kept_sessions = 0
    for bot in BOTS:
        truth = peki.truth(bot)
        for sid, last in last_activity(truth).items():
            if last < cutoff:
                continue
            kept_sessions += 1
            owner = truth["sessions"][sid]["chatUserId"]
            assert ("sessions", sid) in have and ("users", owner) in have
            for mid, msg in truth["messages"].items():
                if msg["chatSessionId"] == sid:
                    assert ("messages", mid) in have
    assert kept_sessions
    left = {o.key for keys in mf.list_streams(ctx.store).values()
            for o in mf.read_chain(ctx.store, keys, ctx.verifier).live_entries()
            if date.fromisoformat(o.date) < cutoff}  # fmt: skip
    assert left == set(report.kept_active)

    # Counted as export counts: each conversation, message and person once.
    after = masked_index(archived)
    assert report.messages == before["messages"] - after["messages"] > 0
    assert report.conversations == len(before["sessions"] - after["sessions"]) > 0
    assert report.people == len(before["people"] - after["people"])

    entry = read_record(ctx.store, report.ledger or "", ctx.verifier)
    assert entry["cutoff"] == cutoff.isoformat() and entry["operator"] == "ops"
    assert entry["messages"] == report.messages
    for key in report.manifests:
        assert mf.parse(key, ctx.store.get(key), ctx.verifier).doc["retention"]["cutoff"] == (
            cutoff.isoformat()
        )

    checked = verify(open_ctx(archived, write=False))
    assert checked.ok and not checked.orphans, checked.problems
    assert not gc(ctx, grace=timedelta(0), dry_run=True).deleted
    assert not prune(ctx, older_than=timedelta(days=days)).pruned  # nothing left to prune

    # The chains go on: a later run commits after the prune manifests.
    peki.random_changes(random.Random(5), 6)
    assert run_archive(ctx).exit_code == 0
    assert verify(open_ctx(archived, write=False)).ok


def test_an_old_profile_and_conversation_stay_while_their_owner_talks(
    peki: PekiSimulator, tmp_path: Path
) -> None:
    """Retention runs from the last activity, not from the creation date: a profile and a
    conversation created long ago, with a message today, are kept whole."""
    cfg = write_config(tmp_path, peki)
    ctx = open_ctx(cfg)
    truth = peki.truth("bot1")
    sid, session = min(truth["sessions"].items(), key=lambda kv: kv[1]["createdAt"])
    uid = session["chatUserId"]
    created = min(_created(session), _created(truth["users"][uid]))
    assert (utcnow().date() - created).days >= 3
    peki.add_message("bot1", sid, text="still here")
    assert run_archive(ctx).exit_code == 0

    report = prune(ctx, older_than=timedelta(days=1))
    assert report.pruned  # others' old data went
    rows = committed_rows(sealed_ctx(cfg), sealed=True)
    assert any(r["user_id"] == uid for r in rows["users"]), (
        "the talking person's profile was pruned"
    )
    assert any(r["session_id"] == sid for r in rows["sessions"]), "their conversation was pruned"
    theirs = {m for m, r in peki.truth("bot1")["messages"].items() if r["chatSessionId"] == sid}
    assert theirs <= {r["message_id"] for r in rows["messages"]}


def test_prune_dry_run_lists_in_text_and_counts(peki: PekiSimulator, tmp_path: Path) -> None:
    cfg = write_config(tmp_path, peki)
    assert run_archive(open_ctx(cfg)).exit_code == 0
    args = ["prune", "-c", str(cfg), "--older-than", "1d", "--dry-run"]
    as_json = CliRunner().invoke(cli, [*args, "--json"])
    assert as_json.exit_code == 0, as_json.output
    dry = json.loads(as_json.output)
    assert dry["pruned"]
    text = CliRunner().invoke(cli, args)
    assert text.exit_code == 0, text.output
    for key in dry["pruned"]:
        assert key in text.output
    counts = (dry.get("conversations"), dry.get("messages"), dry.get("people"))
    assert all(counts), dry
    assert (
        f"would prune {counts[0]} conversation(s), {counts[1]} message(s) and {counts[2]} "
        "profile(s)"
    ) in text.output


def test_retention_from_the_config(peki: PekiSimulator, tmp_path: Path) -> None:
    cfg = write_config(tmp_path, peki)
    with pytest.raises(ConfigError, match=r"retention\.days"):
        prune(open_ctx(cfg))
    doc = yaml.safe_load(cfg.read_text())
    doc["retention"] = {"days": 3650}
    cfg.write_text(yaml.safe_dump(doc))
    report = prune(open_ctx(cfg))
    assert report.cutoff == utcnow().date() - timedelta(days=3650) and not report.pruned
    out = CliRunner().invoke(cli, ["prune", "-c", str(cfg), "--older-than", "30d", "--json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["cutoff"] == (utcnow().date() - timedelta(days=30)).isoformat()
    bad = CliRunner().invoke(cli, ["prune", "-c", str(cfg), "--older-than", "soon"])
    assert bad.exit_code != 0


# --- the rule on its own, from manifest entries -----------------------------------------------

_DAYS = [date(2024, 1, d) for d in range(1, 11)]


@st.composite
def _entries(draw: st.DrawFn) -> list[dict[str, Any]]:
    sessions = [f"{i:016x}" for i in range(6)]
    people = [f"{0xA0 + i:016x}" for i in range(4)]
    out = []
    for n in range(draw(st.integers(1, 14))):
        table = draw(st.sampled_from(["messages", "sessions", "users"]))
        day = draw(st.sampled_from(_DAYS))
        changed = draw(st.sampled_from([d for d in _DAYS if d >= day]))
        obj: dict[str, Any] = {
            "key": f"o{n}",
            "table": table,
            "partition": {"date": day.isoformat()},
            "subjects": draw(st.lists(st.sampled_from(people), min_size=1, unique=True)),
            "time_range": {"min": f"{day}T00:00:00.000Z", "max": f"{changed}T00:00:00.000Z"},
        }
        if table != "users" and draw(st.integers(0, 5)):  # sometimes written before the index
            obj["sessions"] = draw(st.lists(st.sampled_from(sessions), min_size=1, unique=True))
        out.append(obj)
    return out


def _complete(obj: dict[str, Any]) -> dict[str, Any]:
    """A manifest entry with what the rule does not read filled in."""
    return (
        {
            "sealed": False,
            "rows": 1,
            "plaintext_size": 1,
            "ciphertext_size": 1,
            "plaintext_sha256": "0" * 64,
            "ciphertext_sha256": "0" * 64,
        }
        | obj
        | {"partition": {"source": "s", "tenant": "t"} | obj["partition"]}
    )


@settings(max_examples=examples(200), deadline=None)
@given(_entries(), st.sampled_from(_DAYS))
def test_retention_keeps_exactly_what_is_active(
    objects: list[dict[str, Any]], cutoff: date
) -> None:
    # The rule runs on typed entries; this oracle reads the JSON form the manifest holds.
    by_key = {o["key"]: o for o in objects}
    entries = [mf.ObjectEntry.from_json(_complete(o)) for o in objects]
    expired_entries, kept_entries, _ = expired_objects(entries, cutoff)
    expired = [by_key[e.key] for e in expired_entries]
    kept_active = [by_key[e.key] for e in kept_entries]
    old = [o for o in objects if date.fromisoformat(o["partition"]["date"]) < cutoff]
    assert sorted(o["key"] for o in expired + kept_active) == sorted(o["key"] for o in old)

    # A conversation is active while any of its rows is dated on or after the cutoff.
    dates: dict[str, list[str]] = {}
    for o in objects:
        for s in o.get("sessions", []):
            dates.setdefault(s, []).append(o["partition"]["date"])
    active = {s for s, ds in dates.items() if max(ds) >= cutoff.isoformat()}

    def kept_talk(o: dict[str, Any]) -> bool:
        return o["partition"]["date"] >= cutoff.isoformat() or bool(
            active & set(o.get("sessions", []))
        )

    talking = {p for o in objects if o["table"] != "users" and kept_talk(o) for p in o["subjects"]}
    edited = {
        p
        for o in objects
        if o["table"] == "users" and o["time_range"]["max"][:10] >= cutoff.isoformat()
        for p in o["subjects"]
    }
    for o in expired:
        if o["table"] == "users":
            assert not (talking | edited) & set(o["subjects"])
        else:
            assert not kept_talk(o)  # legacy objects: by their own date, which is old
    for o in kept_active:
        if o["table"] == "users":
            assert (talking | edited) & set(o["subjects"])
        else:
            assert "sessions" in o and active & set(o["sessions"])
