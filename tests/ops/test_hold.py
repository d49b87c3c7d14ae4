"""Legal holds: signed append-only records that block erase and prune, and S3 legal holds."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.archive import catalog as mf
from archiver.archive import signed
from archiver.archive.catalog.records import HOLDS, active_holds
from archiver.cli import cli
from archiver.context import Context
from archiver.crawl.engine import run_archive
from archiver.errors import (
    EXIT_HELD,
    ConfigError,
    HeldError,
    IntegrityError,
    KeyMismatchError,
    UnknownTargetError,
)
from archiver.keys import Signer
from archiver.ops.erase import erase
from archiver.ops.hold import holds_on, place_or_release
from archiver.ops.prune import prune
from archiver.ops.verify import verify
from archiver.simulators.peki import PekiSimulator
from tests.archive_truth import rows_about
from tests.conftest import open_ctx, sealed_ctx, sealed_key, write_config
from tests.helpers import build_archive, small_simulator
from tests.s3 import MotoServer

pytestmark = pytest.mark.usefixtures("parsed_once_in_module")


def test_hold_records_are_append_only_signed_and_pseudonymous(
    peki: PekiSimulator, tmp_path: Path
) -> None:
    cfg = write_config(tmp_path, peki)
    ctx = open_ctx(cfg)
    uid = sorted(peki.truth("bot1")["users"])[0]
    # Nothing is archived yet: preservation holds, placed before the data arrives.
    first = place_or_release(
        ctx, "place", "CASE-1", user_id=uid, operator="legal", allow_unknown=True
    )
    again = place_or_release(ctx, "place", "CASE-1", user_id=uid)
    assert first.changed and not again.changed and first.hold.preservation
    place_or_release(ctx, "place", "CASE-2", session_id="s-123", allow_unknown=True)
    assert {(h.case, h.kind) for h in active_holds(ctx.store, ctx.verifier)} == {
        ("CASE-1", "user"),
        ("CASE-2", "session"),
    }
    assert place_or_release(ctx, "release", "CASE-1", user_id=uid).changed
    assert [h.case for h in active_holds(ctx.store, ctx.verifier)] == ["CASE-2"]
    records = [i.key for i in ctx.store.list(HOLDS + "/")]
    assert len(records) == 3  # place, place, release: nothing rewritten
    for key in records:
        raw = ctx.store.get(key)
        assert uid.encode() not in raw and b"s-123" not in raw
    # Re-placing after a release is a new record; the latest decides.
    place_or_release(ctx, "place", "CASE-1", user_id=uid, allow_unknown=True)
    assert len(active_holds(ctx.store, ctx.verifier)) == 2

    path = tmp_path / "archive" / records[0]
    path.chmod(0o600)
    doc = json.loads(path.read_bytes())
    doc["case"] = "OTHER"
    path.write_bytes(signed.canonical(doc) + b"\n")
    with pytest.raises(IntegrityError, match="signed"):
        active_holds(ctx.store, ctx.verifier)


def test_the_latest_record_decides_whether_a_hold_is_in_force(
    peki: PekiSimulator, tmp_path: Path
) -> None:
    ctx = open_ctx(write_config(tmp_path, peki))
    run = iter(range(10**6))

    @settings(max_examples=12, deadline=None)
    @given(
        st.lists(
            st.tuples(
                st.sampled_from(["place", "release"]),
                st.sampled_from(["A", "B"]),
                st.sampled_from([("u1", None), ("u2", None), (None, "s1")]),
            ),
            max_size=6,
        )
    )
    def check(actions: list[tuple[str, str, tuple[str | None, str | None]]]) -> None:
        prefix = f"r{next(run)}-"  # each example starts from no hold of its own
        model: set[tuple[str, str | None, str | None]] = set()
        placed: set[tuple[str, str | None, str | None]] = set()
        for action, case, (uid, sid) in actions:
            key = (case, uid, sid)
            if action == "release" and key not in placed:  # never placed: an error
                with pytest.raises(UnknownTargetError, match="was ever placed"):
                    place_or_release(ctx, action, prefix + case, user_id=uid, session_id=sid)
                continue
            placed.add(key)
            r = place_or_release(
                ctx, action, prefix + case, user_id=uid, session_id=sid, allow_unknown=True
            )
            assert r.changed == ((key in model) != (action == "place"))
            (model.add if action == "place" else model.discard)(key)
        got = [h for h in active_holds(ctx.store, ctx.verifier) if h.case.startswith(prefix)]
        assert sorted((h.case.removeprefix(prefix), h.kind) for h in got) == sorted(
            (c, "user" if u else "session") for c, u, _ in model
        )

    check()


def test_a_user_hold_blocks_erase_and_prune_until_released(
    peki: PekiSimulator,
    archived: Path,
) -> None:
    # Someone a prune would remove something of, were it not for the hold.
    ctx = open_ctx(archived)
    doomed = prune(ctx, older_than=timedelta(days=1), dry_run=True).pruned
    live = {o["key"]: o for o in live_json(ctx)}
    uid = next(
        u
        for u in sorted(peki.truth("bot1")["users"])
        if any(ctx.pseudo.subject_id("peki", u)[:16] in live[k]["subjects"] for k in doomed)
    )
    before = streams(archived)
    runner = CliRunner()
    placed = runner.invoke(
        cli, ["hold", "place", "-c", str(archived), "--case", "LIT-9", "--user-id", uid]
    )
    assert placed.exit_code == 0, placed.output
    listed = runner.invoke(cli, ["hold", "list", "-c", str(archived), "--json"])
    assert json.loads(listed.output)["holds"][0]["case"] == "LIT-9"
    assert uid not in listed.output

    refused = runner.invoke(
        cli,
        [
            "erase",
            "-c",
            str(archived),
            "--user-id",
            uid,
            "--reason",
            "DSR-1",
            "--sealed-key",
            str(sealed_key(archived.parent)),
        ],
    )
    assert refused.exit_code == EXIT_HELD
    assert "LIT-9" in refused.output
    assert streams(archived) == before  # nothing committed

    report = prune(open_ctx(archived), older_than=timedelta(days=1))
    assert report.kept_held and set(report.kept_held.values()) == {"LIT-9"}
    assert not set(report.kept_held) & set(report.pruned)
    assert verify(open_ctx(archived, write=False)).ok

    released = runner.invoke(
        cli, ["hold", "release", "-c", str(archived), "--case", "LIT-9", "--user-id", uid]
    )
    assert released.exit_code == 0, released.output
    assert erase(sealed_ctx(archived), uid, reason="DSR-1").rows_removed > 0


def test_a_session_hold_blocks_erasing_its_owner(
    peki: PekiSimulator,
    archived: Path,
) -> None:
    truth = peki.truth("bot2")
    sid, rec = sorted(truth["sessions"].items())[0]
    ctx = open_ctx(archived)
    place_or_release(ctx, "place", "HR-3", session_id=sid)
    # New objects carry the session index the hold is matched against.
    peki.add_message("bot2", sid)
    assert run_archive(ctx).exit_code == 0
    newest = list(ctx.catalog.chains())[-1].head  # bot2's stream sorts last
    assert newest.doc["stream"]["tenant"] == "bot2"
    assert all("sessions" in o for o in newest.doc["objects"]) and newest.doc["objects"]
    with pytest.raises(HeldError, match="HR-3"):
        erase(sealed_ctx(archived), rec["chatUserId"], reason="DSR-2")


def test_s3_legal_holds_and_object_lock_keep_superseded_objects(
    moto_server: MotoServer, tmp_path: Path
) -> None:
    bucket = moto_server.new_bucket(object_lock=True)
    with small_simulator(seed=7) as sim:
        lock = {"mode": "GOVERNANCE", "days": 1}
        cfg = build_archive(tmp_path, sim, moto_server.archive_config(bucket, object_lock=lock), 1)
        ctx = open_ctx(cfg)
        uid = sorted(sim.truth("bot1")["users"])[0]
        held = place_or_release(ctx, "place", "S3-CASE", user_id=uid)
        assert held.legal_holds > 0
        subject = held.hold.subjects[0][:16]
        locked = [o["key"] for o in live_json(ctx) if subject in o["subjects"]]
        assert len(locked) == held.legal_holds
        assert all(ctx.store.lock_status(k).legal_hold for k in locked)  # type: ignore[attr-defined]
        # New objects with the held person get a legal hold from the run itself.
        sid = sim.add_session("bot1", uid)
        sim.add_message("bot1", sid)
        sim.random_changes(random.Random(1), 4)
        assert run_archive(ctx).exit_code == 0
        newer = [o["key"] for o in live_json(ctx) if subject in o["subjects"]]
        assert set(newer) > set(locked)
        assert all(ctx.store.lock_status(k).legal_hold for k in newer)  # type: ignore[attr-defined]

        with pytest.raises(HeldError, match="S3-CASE"):
            erase(sealed_ctx(cfg), uid, reason="DSR-3")
        released = place_or_release(ctx, "release", "S3-CASE", user_id=uid)
        assert released.legal_holds == len(newer)
        report = erase(sealed_ctx(cfg), uid, reason="DSR-3")
        # Object Lock retention refuses the deletion: superseded, kept until the date.
        assert report.superseded and not report.removal.deleted
        assert set(report.removal.retained) == set(report.superseded)
        assert all("superseded, retained until 20" in w for w in report.removal.retained.values())
        for key in report.superseded:
            assert ctx.store.head(key) is not None
        assert rows_about(cfg, uid) == []
        checked = verify(open_ctx(cfg, write=False))
        assert checked.ok, checked.problems


def streams(cfg: Path) -> dict[tuple[str, str], list[str]]:
    return mf.list_streams(open_ctx(cfg, write=False).store)


def live_json(ctx: Context) -> Iterator[dict[str, Any]]:
    """Every live object's manifest entry, as the manifest's JSON holds it."""
    for keys in mf.list_streams(ctx.store).values():
        for entry in mf.read_chain(ctx.store, keys, ctx.verifier).live_entries():
            yield entry.to_json()


def test_verify_checks_every_signed_record(peki: PekiSimulator, tmp_path: Path) -> None:
    """A forged release, a moved suppression or a rewritten ledger entry is damage."""
    cfg = write_config(tmp_path, peki)
    ctx = open_ctx(cfg)
    assert run_archive(ctx).exit_code == 0
    users = sorted(peki.truth("bot1")["users"])
    place_or_release(ctx, "place", "CASE-1", user_id=users[0], operator="legal")
    place_or_release(ctx, "release", "CASE-1", user_id=users[0], operator="legal")
    erase(sealed_ctx(cfg), users[1], reason="Art. 17 request")
    clean = verify(ctx)
    assert clean.ok, clean.problems
    kinds = {k.split("/")[0] for k in (i.key for i in ctx.store.list(""))}
    assert {"holds", "suppressed", "ledger"} <= kinds
    assert clean.records >= 4

    root = tmp_path / "archive"
    release = sorted((root / HOLDS).rglob("*-release.json"))[0]
    release.chmod(0o600)
    doc = json.loads(release.read_bytes())
    doc["operator"] = "someone else"
    release.write_bytes(signed.canonical(doc) + b"\n")
    suppression = next((root / "suppressed").glob("*.json"))
    moved = suppression.with_name("0" * 64 + ".json")
    moved.write_bytes(suppression.read_bytes())
    ledger = next((root / "ledger").glob("*.json"))
    ledger.chmod(0o600)
    ledger.write_bytes(ledger.read_bytes()[:-20])

    report = verify(ctx)
    found = {(p.kind, p.key) for p in report.problems}
    assert ("record-altered", release.relative_to(root).as_posix()) in found
    assert ("record-misplaced", moved.relative_to(root).as_posix()) in found
    assert ("record-altered", ledger.relative_to(root).as_posix()) in found
    assert report.exit_code == 4


def test_release_by_hold_id_and_holds_on_a_sessions_owner(
    peki: PekiSimulator,
    archived: Path,
) -> None:
    ctx = open_ctx(archived)
    truth = peki.truth("bot1")
    sid, session = sorted(truth["sessions"].items())[0]
    owner = session["chatUserId"]
    placed = place_or_release(ctx, "place", "OWNER-1", user_id=owner, reason="claim")
    # A session is held by the holds on the person it belongs to as well.
    held, _ = holds_on(ctx, session_id=sid)
    assert [h.case for h in held] == ["OWNER-1"] and held[0].reason == "claim"
    other = next(s for s, r in truth["sessions"].items() if r["chatUserId"] != owner)
    assert holds_on(ctx, session_id=other)[0] == []

    with pytest.raises(UnknownTargetError, match="OWNER-1"):
        place_or_release(ctx, "release", "owner-1", hold_id=placed.hold.hold_id)
    with pytest.raises(ConfigError, match="--hold-id names a hold to release"):
        place_or_release(ctx, "place", "OWNER-1", hold_id=placed.hold.hold_id)
    released = place_or_release(ctx, "release", "OWNER-1", hold_id=placed.hold.hold_id)
    assert released.changed and not active_holds(ctx.store, ctx.verifier)


def test_holds_under_a_wrong_verify_key_are_a_configuration_error(
    peki: PekiSimulator, tmp_path: Path
) -> None:
    """No manifest yet, only hold records: the key is judged by them."""
    cfg = write_config(tmp_path, peki)
    uid = sorted(peki.truth("bot1")["users"])[0]
    place_or_release(open_ctx(cfg), "place", "EARLY", user_id=uid, allow_unknown=True)
    other = Signer(Ed25519PrivateKey.generate())
    pub = tmp_path / "keys" / "signing.pub.pem"
    pub.chmod(0o600)
    pub.write_bytes(
        other.key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    with pytest.raises(KeyMismatchError, match="signed records") as info:
        active_holds(open_ctx(cfg, write=False).store, open_ctx(cfg, write=False).verifier)
    assert info.value.exit_code == 2 and other.verifier.key_id in str(info.value)
