"""Erasure (Art. 17): the person is gone from every reader, stays gone, and nobody else is hurt."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from archiver.archive import catalog as mf
from archiver.archive.catalog.records import LEDGER, SUPPRESSED, read_record
from archiver.crawl.engine import run_archive
from archiver.errors import ConfigError, IntegrityError, UnknownTargetError
from archiver.ops.erase import erase
from archiver.ops.export import export
from archiver.ops.restore import restore
from archiver.ops.verify import verify
from archiver.simulators.peki import PekiSimulator
from tests.archive_truth import assert_matches_truth, rows_about
from tests.conftest import BOTS, open_ctx, sealed_ctx, write_config
from tests.helpers import small_simulator

pytestmark = pytest.mark.usefixtures("parsed_once_in_module")


Truth = dict[str, dict[str, dict[str, Any]]]


@pytest.fixture
def peki() -> Iterator[PekiSimulator]:
    """Six users over two days (``archived`` builds on it too): erasure is per person, which
    a small archive of several parts shows as a large one does."""
    with small_simulator(seed=13, users=6) as sim:
        yield sim


def without(truth: Truth, uid: str) -> Truth:
    """The platform's truth minus everything about one person."""
    sessions = {s for s, r in truth["sessions"].items() if r["chatUserId"] == uid}
    return {
        "users": {k: v for k, v in truth["users"].items() if k != uid},
        "sessions": {k: v for k, v in truth["sessions"].items() if k not in sessions},
        "messages": {
            k: v for k, v in truth["messages"].items() if v["chatSessionId"] not in sessions
        },
    }


def test_erase_then_run_again_and_the_person_stays_gone(
    peki: PekiSimulator,
    archived: Path,
    tmp_path: Path,
) -> None:
    truth = peki.truth("bot1")
    uid = sorted(truth["users"])[2]
    assert rows_about(archived, uid)
    ctx = sealed_ctx(archived)
    before = {k for keys in mf.list_streams(ctx.store).values() for k in keys}

    report = erase(ctx, uid, reason="request DSR-17", operator="dpo")
    assert report.rows_removed > 0 and report.superseded
    assert sorted(report.removal.deleted) == sorted(report.superseded)  # local store: all gone
    for key in report.superseded:
        assert ctx.store.head(key) is None
    assert rows_about(archived, uid) == []

    # The new manifests extend the chains and point at the signed, pseudonymous ledger entry.
    new = {k for keys in mf.list_streams(ctx.store).values() for k in keys} - before
    assert sorted(new) == sorted(report.manifests)
    for key in new:
        doc = mf.parse(key, ctx.store.get(key), ctx.verifier).doc
        assert doc["erasure"] == {"ledger": report.ledger}
        assert set(doc["supersedes"]) <= set(report.superseded)
    entry = read_record(ctx.store, report.ledger, ctx.verifier)
    assert entry["reason"] == "request DSR-17" and entry["operator"] == "dpo"
    assert sorted(entry["deleted"]) == sorted(report.superseded)
    assert uid not in json.dumps(entry)
    for info in ctx.store.list(SUPPRESSED + "/"):
        assert uid.encode() not in ctx.store.get(info.key)

    checked = verify(open_ctx(archived, write=False))
    assert checked.ok, checked.problems
    empty = export(sealed_ctx(archived), uid, tmp_path / "exp", allow_unknown=True)
    assert empty.streams == 0 and empty.objects_read == 0

    # The person keeps talking; the platform changes; incremental and full runs follow.
    sid = peki.add_session("bot1", uid)
    peki.add_message("bot1", sid)
    peki.update_user("bot1", uid, firstName="Changed")
    peki.random_changes(random.Random(9), 10)
    run = open_ctx(archived)
    assert run_archive(run).exit_code == 0
    assert run_archive(run, full=True).exit_code == 0
    assert rows_about(archived, uid) == []

    # Everyone else is intact: the latest archive equals the platform minus that person.
    restore(sealed_ctx(archived), tmp_path / "restored", latest=True, sealed=True)
    truths = {bot: peki.truth(bot) for bot in BOTS}
    truths["bot1"] = without(truths["bot1"], uid)
    assert_matches_truth(tmp_path / "restored", truths)
    checked = verify(open_ctx(archived, write=False))
    assert checked.ok, checked.problems


def test_erase_needs_the_private_key_and_a_reason(peki: PekiSimulator, tmp_path: Path) -> None:
    cfg = write_config(tmp_path, peki)
    with pytest.raises(ConfigError, match="--sealed-key"):
        erase(open_ctx(cfg), "u1", reason="x")
    with pytest.raises(ConfigError, match="--reason"):
        erase(sealed_ctx(cfg), "u1", reason=" ")


def test_forged_suppression_record_is_refused(
    peki: PekiSimulator,
    archived: Path,
) -> None:
    ctx = sealed_ctx(archived)
    uid = sorted(peki.truth("bot2")["users"])[0]
    erase(ctx, uid, reason="request", source="peki-main")
    (key,) = [i.key for i in ctx.store.list(SUPPRESSED + "/")]
    path = archived.parent / "archive" / key
    path.chmod(0o600)
    path.write_bytes(path.read_bytes().replace(b'"operator":"', b'"operator":"x'))
    with pytest.raises(IntegrityError, match="signed"):
        run_archive(open_ctx(archived))
    assert list(ctx.store.list(LEDGER + "/"))


def test_erase_of_someone_not_archived_and_erasing_twice(
    peki: PekiSimulator,
    archived: Path,
) -> None:
    ctx = sealed_ctx(archived)
    with pytest.raises(UnknownTargetError, match="no person with this user id"):
        erase(ctx, "someone-not-archived", reason="DSR-8")
    assert not list(ctx.store.list(SUPPRESSED + "/")) and not list(ctx.store.list(LEDGER + "/"))

    # Before their data arrives: only the suppression, and a ledger entry that says so.
    newcomer = peki.add_user("bot1")
    early = erase(ctx, newcomer, reason="DSR-8", allow_unknown=True)
    assert early.unknown and early.suppressed_now and not early.manifests
    assert read_record(ctx.store, early.ledger or "", ctx.verifier)["unknown"] is True
    sid = peki.add_session("bot1", newcomer)
    peki.add_message("bot1", sid)
    assert run_archive(open_ctx(archived)).exit_code == 0
    assert rows_about(archived, newcomer) == []  # never archived

    # Erasing again after a finished erasure: nothing to do, nothing recorded.
    uid = sorted(peki.truth("bot1")["users"])[1]
    assert erase(ctx, uid, reason="DSR-9").manifests
    ledger = sorted(i.key for i in ctx.store.list(LEDGER + "/"))
    again = erase(ctx, uid, reason="DSR-9")
    assert again.already_erased and again.ledger is None
    assert sorted(i.key for i in ctx.store.list(LEDGER + "/")) == ledger


def test_erase_by_email_finds_the_person_on_their_platform(
    peki: PekiSimulator,
    archived: Path,
) -> None:
    truth = peki.truth("bot2")["users"]
    uid = next(u for u in sorted(truth) if truth[u].get("email"))
    ctx = sealed_ctx(archived)
    preview = erase(ctx, email=truth[uid]["email"], reason="", dry_run=True)
    assert preview.profiles == 1 and preview.streams == ["peki-main/bot2"]
    assert not list(ctx.store.list(SUPPRESSED + "/"))
    done = erase(ctx, email=truth[uid]["email"], reason="DSR-10")
    assert done.messages == preview.messages and done.conversations == preview.conversations
    assert done.subject_ids == [ctx.pseudo.subject_id("peki", uid)]
    assert rows_about(archived, uid) == []
    entry = read_record(ctx.store, done.ledger or "", ctx.verifier)
    assert entry["found_by"] == "e-mail address" and truth[uid]["email"] not in json.dumps(entry)
