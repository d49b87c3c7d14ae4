"""Signing-key rotation: the old key signs a record naming the new one; readers accept each
manifest and record only under the key in force at its place, following the rotations from the
configured root key."""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from cryptography.exceptions import InvalidSignature

import archiver.context as context
from archiver.archive import layout, signed
from archiver.archive.catalog import records
from archiver.archive.catalog.rotation import rotation_key
from archiver.archive.lease import RECORDS_LEASE, Lease, held, records_held
from archiver.cli import cli
from archiver.crawl.engine import run_archive
from archiver.errors import (
    EXIT_CONFLICT,
    EXIT_INTEGRITY,
    EXIT_USAGE,
    ConflictError,
    IntegrityError,
    KeyMismatchError,
    RetiredKeyError,
)
from archiver.keys import Signer, generate_signing_key, load_signer, load_verifier, public_pem
from archiver.ops.bundle import verify_bundle
from archiver.ops.doctor import run_doctor
from archiver.ops.export import export
from archiver.ops.gc import gc
from archiver.ops.hold import place_or_release
from archiver.ops.keys import rotate_signing
from archiver.ops.produce import produce
from archiver.ops.restore import restore
from archiver.ops.retrieve import retrieve
from archiver.ops.verify import verify
from archiver.simulators.peki import PekiSimulator
from archiver.timeutil import utcnow
from tests import format_reader as fr
from tests.archive_truth import check_archive_against_truth
from tests.conftest import BOTS, open_ctx, sealed_ctx
from tests.helpers import manifest_path, small_simulator
from tests.s3 import MotoServer

pytestmark = pytest.mark.usefixtures("parsed_once_in_module")


@pytest.fixture
def peki() -> Iterator[PekiSimulator]:
    """A few users over two days (``archived`` builds on it too): rotation is about keys and
    chains, which a small archive of several parts has as a large one does."""
    with small_simulator(seed=11, users=6) as sim:
        yield sim


def set_keys(cfg: Path, **keys: str | None) -> None:
    """Point the config's ``keys.<name>`` at a file (None: remove the setting)."""
    doc = yaml.safe_load(cfg.read_text())
    for name, value in keys.items():
        if value is None:
            doc["keys"].pop(name, None)
        else:
            doc["keys"][name] = value
    cfg.write_text(yaml.safe_dump(doc, sort_keys=False))


def signing_key(cfg: Path) -> Signer:
    doc = yaml.safe_load(cfg.read_text())
    return load_signer((cfg.parent / doc["keys"]["signing"]).resolve())


def rotate(cfg: Path, new_key: Path, **kw: Any) -> None:
    """Rotate to ``new_key`` and point the config at it, as the command tells the operator."""
    result = rotate_signing(open_ctx(cfg), new_key, **kw)
    set_keys(cfg, signing=str(result.config_changes["keys.signing"]))


def run_with_changes(cfg: Path, sim: PekiSimulator, seed: int) -> None:
    sim.random_changes(random.Random(seed), 10)
    assert run_archive(open_ctx(cfg)).exit_code == 0


def key_ids(root: Path) -> list[str]:
    """The key id of every manifest of bot1, in sequence order."""
    out = []
    seq = 1
    while (p := manifest_path(root, "bot1", seq)).exists():
        out.append(json.loads(p.read_bytes())["signature"]["key_id"])
        seq += 1
    return out


def forge_next(root: Path, bot: str, signer: Signer) -> Path:
    """The next manifest of ``bot``'s stream, a copy of its head linked to it, signed by
    ``signer``: what someone holding ``signer`` could append."""
    seq = 1
    while manifest_path(root, bot, seq + 1).exists():
        seq += 1
    head_raw = manifest_path(root, bot, seq).read_bytes()
    doc = signed.body(json.loads(head_raw))
    doc["sequence"] = seq + 1
    doc["previous"] = {
        "sequence": seq,
        "key": layout.manifest_key("peki-main", bot, seq),
        "sha256": hashlib.sha256(head_raw).hexdigest(),
    }
    doc["objects"] = []
    doc.pop("supersedes", None)
    path = manifest_path(root, bot, seq + 1)
    path.write_bytes(signed.sign(doc, signer))
    return path


@pytest.fixture
def rotated(archived: Path, peki: PekiSimulator) -> tuple[Path, Signer, Signer]:
    """Two runs under the first key, a rotation, one run under the new key."""
    old = signing_key(archived)
    rotate(archived, archived.parent / "keys" / "signing-2.pem")
    run_with_changes(archived, peki, 21)
    return archived, old, signing_key(archived)


def kinds(cfg: Path) -> list[str]:
    return [p.kind for p in verify(open_ctx(cfg, write=False)).problems]


def test_old_manifests_verify_and_new_ones_are_signed_by_the_new_key(
    rotated: tuple[Path, Signer, Signer], peki: PekiSimulator, tmp_path: Path
) -> None:
    cfg, old, new = rotated
    ids = key_ids(cfg.parent)
    assert ids == [old.verifier.key_id] * 2 + [new.verifier.key_id]
    assert (cfg.parent / "archive" / rotation_key(1)).exists()
    report = verify(open_ctx(cfg, write=False), deep=True)
    assert report.ok, report.problems
    assert report.manifests == 6
    # restore --latest across the rotation: every record in its latest version, once.
    check_archive_against_truth(cfg, peki, tmp_path)


def test_export_and_retrieve_across_the_rotation(
    rotated: tuple[Path, Signer, Signer], peki: PekiSimulator, tmp_path: Path
) -> None:
    """A conversation begun under the old key and continued under the new one reads whole."""
    cfg, old, new = rotated
    truth = peki.truth("bot1")
    session = sorted(truth["sessions"])[0]
    uid = truth["sessions"][session]["chatUserId"]
    peki.add_message("bot1", session, text="after the rotation")
    peki.clock_skew_seconds += 5
    assert run_archive(open_ctx(cfg)).exit_code == 0
    want = [
        m["id"] for m in peki.truth("bot1")["messages"].values() if m["chatSessionId"] == session
    ]

    export(sealed_ctx(cfg), uid, tmp_path / "exp")
    data = json.loads((tmp_path / "exp" / "data.json").read_text())
    (stream,) = data["streams"]
    (got,) = [s for s in stream["sessions"] if s["session_id"] == session]
    assert sorted(m["message_id"] for m in got["messages"]) == sorted(want)

    retrieve(sealed_ctx(cfg), session, tmp_path / "t.json", fmt="json")
    transcript = json.loads((tmp_path / "t.json").read_text())
    assert sorted(m["message_id"] for m in transcript["messages"]) == sorted(want)
    custody = json.loads((tmp_path / "t.json.custody.json").read_text())
    assert custody["chain"]["result"] == "intact"
    assert custody["signature"]["signers"] == [
        {"key_id": old.verifier.key_id, "first_sequence": 1, "last_sequence": 2},
        {"key_id": new.verifier.key_id, "first_sequence": 3, "last_sequence": 4},
    ]


def test_a_manifest_signed_by_the_retired_key_after_its_rotation_is_refused(
    rotated: tuple[Path, Signer, Signer], tmp_path: Path
) -> None:
    cfg, old, _new = rotated
    forged = forge_next(cfg.parent, "bot1", old)
    report = verify(open_ctx(cfg, write=False))
    assert [p.kind for p in report.problems] == ["manifest-retired-key"]
    assert "retired" in report.problems[0].message
    assert report.problems[0].key == layout.manifest_key("peki-main", "bot1", 4)
    with pytest.raises(IntegrityError, match="retired"):
        restore(open_ctx(cfg, write=False), tmp_path / "r", latest=True)
    # The same manifest signed by the key in force is fine: the key is what was refused.
    forged.unlink()
    forge_next(cfg.parent, "bot1", signing_key(cfg))
    assert kinds(cfg) == []


def test_a_new_stream_signed_by_the_retired_key_is_refused(
    rotated: tuple[Path, Signer, Signer],
) -> None:
    """A stream the rotation did not name began after it: its first manifest needs the new
    key too."""
    cfg, old, _new = rotated
    root = cfg.parent / "archive"
    head = json.loads((root / layout.manifest_key("peki-main", "bot1", 1)).read_bytes())
    doc = signed.body(head) | {"stream": head["stream"] | {"tenant": "bot9"}, "objects": []}
    (root / layout.manifest_key("peki-main", "bot9", 1)).parent.mkdir(parents=True)
    (root / layout.manifest_key("peki-main", "bot9", 1)).write_bytes(signed.sign(doc, old))
    assert kinds(cfg) == ["manifest-retired-key"]


def test_a_run_still_configured_with_the_old_key_refuses_to_write(
    rotated: tuple[Path, Signer, Signer], peki: PekiSimulator
) -> None:
    cfg, _old, _new = rotated
    before = sorted((cfg.parent / "archive" / "manifests").rglob("*.json"))
    set_keys(cfg, signing="keys/signing.pem")
    peki.random_changes(random.Random(5), 5)
    with pytest.raises(RetiredKeyError, match="retired by key rotation 1"):
        run_archive(open_ctx(cfg))
    result = CliRunner().invoke(cli, ["run", "--config", str(cfg)])
    assert result.exit_code == EXIT_USAGE, result.output
    assert "retired by key rotation 1" in result.output
    assert sorted((cfg.parent / "archive" / "manifests").rglob("*.json")) == before


def test_a_forged_rotation_is_refused(rotated: tuple[Path, Signer, Signer], tmp_path: Path) -> None:
    """A second rotation signed by the retired key (its holder naming their own key)."""
    cfg, old, _new = rotated
    first = cfg.parent / "archive" / rotation_key(1)
    doc = signed.body(json.loads(first.read_bytes()))
    generate_signing_key(tmp_path / "evil.pem", tmp_path / "evil.pub.pem")
    evil = load_signer(tmp_path / "evil.pem")
    pem = json.loads(first.read_bytes())["new_key"]["public_key_pem"]  # shape only
    doc |= {
        "number": 2,
        "previous": {
            "key": rotation_key(1),
            "sha256": hashlib.sha256(first.read_bytes()).hexdigest(),
        },
        "old_key": doc["new_key"],
        "new_key": {"key_id": evil.verifier.key_id, "public_key_pem": pem},
    }
    doc["new_key"]["public_key_pem"] = public_pem(evil.verifier)
    (cfg.parent / "archive" / rotation_key(2)).write_bytes(signed.sign(doc, old))
    report = verify(open_ctx(cfg, write=False))
    assert "rotation-forged" in [p.kind for p in report.problems]
    with pytest.raises(IntegrityError, match="not signed by the key in force before it"):
        restore(open_ctx(cfg, write=False), tmp_path / "r", latest=True)
    result = CliRunner().invoke(cli, ["verify", "--config", str(cfg)])
    assert result.exit_code == EXIT_INTEGRITY
    # Manifests signed by the forger's key are not accepted either.
    forge_next(cfg.parent, "bot2", evil)
    assert "manifest-foreign-signature" in kinds(cfg)


def test_a_forged_first_rotation_is_refused(archived: Path, tmp_path: Path) -> None:
    """A rotation written by someone who never held the root key."""
    generate_signing_key(tmp_path / "evil.pem", tmp_path / "evil.pub.pem")
    evil = load_signer(tmp_path / "evil.pem")
    real = signing_key(archived)
    rotate(archived, tmp_path / "k2.pem")
    path = archived.parent / "archive" / rotation_key(1)
    doc = signed.body(json.loads(path.read_bytes()))
    path.write_bytes(signed.sign(doc, evil))  # same content, another signer
    assert real.verifier.key_id != evil.verifier.key_id
    assert kinds(archived) == ["rotation-forged"]
    with pytest.raises(IntegrityError, match="not signed by the key in force"):
        open_ctx(archived, write=False).catalog.holds()


def test_a_second_rotation_chains_from_the_first(
    rotated: tuple[Path, Signer, Signer], peki: PekiSimulator, tmp_path: Path
) -> None:
    cfg, old, new = rotated
    rotate(cfg, tmp_path / "signing-3.pem", reason="yearly")
    run_with_changes(cfg, peki, 33)
    third = signing_key(cfg)
    assert key_ids(cfg.parent) == [old.verifier.key_id] * 2 + [
        new.verifier.key_id,
        third.verifier.key_id,
    ]
    report = verify(open_ctx(cfg, write=False), deep=True)
    assert report.ok, report.problems
    check_archive_against_truth(cfg, peki, tmp_path)
    # The key of the first rotation is retired now too.
    forge_next(cfg.parent, "bot2", new)
    assert kinds(cfg) == ["manifest-retired-key"]


def test_rotating_with_a_retired_or_foreign_key_is_refused(
    rotated: tuple[Path, Signer, Signer], tmp_path: Path
) -> None:
    cfg, _old, _new = rotated
    rotations = sorted((cfg.parent / "archive" / "rotations").iterdir())
    set_keys(cfg, signing="keys/signing.pem")  # the retired one
    result = CliRunner().invoke(
        cli, ["keys", "rotate-signing", "--config", str(cfg), "--new-key", str(tmp_path / "x.pem")]
    )
    assert result.exit_code == EXIT_USAGE, result.output
    assert "was retired by key rotation 1" in result.output
    generate_signing_key(tmp_path / "other.pem", tmp_path / "other.pub.pem")
    set_keys(cfg, signing=str(tmp_path / "other.pem"))  # no key of this archive
    result = CliRunner().invoke(
        cli, ["keys", "rotate-signing", "--config", str(cfg), "--new-key", str(tmp_path / "y.pem")]
    )
    assert result.exit_code == EXIT_USAGE, result.output
    assert "is not a key of this archive" in result.output
    assert sorted((cfg.parent / "archive" / "rotations").iterdir()) == rotations


def test_rotating_back_to_a_used_key_is_refused(rotated: tuple[Path, Signer, Signer]) -> None:
    cfg, _old, _new = rotated
    result = CliRunner().invoke(
        cli,
        [
            "keys",
            "rotate-signing",
            "--config",
            str(cfg),
            "--new-key",
            str(cfg.parent / "keys" / "signing.pem"),
        ],
    )
    assert result.exit_code == EXIT_USAGE, result.output
    assert "already used" in result.output


def test_records_of_the_old_key_stay_valid_and_new_ones_under_it_are_refused(
    archived: Path, peki: PekiSimulator, tmp_path: Path
) -> None:
    uid = sorted(peki.truth("bot1")["users"])[0]
    place_or_release(open_ctx(archived), "place", "C-1", user_id=uid, reason="before")
    old = signing_key(archived)
    rotate(archived, tmp_path / "k2.pem")
    place_or_release(open_ctx(archived), "place", "C-2", user_id=uid, reason="after")
    assert {h.case for h in open_ctx(archived, write=False).catalog.holds()} == {"C-1", "C-2"}
    assert kinds(archived) == []
    # A release of C-1 signed with the retired key: refused, the hold stays in force.
    ctx = open_ctx(archived, write=False)
    (c1,) = [h for h in ctx.catalog.holds() if h.case == "C-1"]
    history = ctx.catalog.hold_history()[c1.hold_id]
    release = dict(history) | {"action": "release", "at": "2030-01-01T00:00:00.000Z"}
    key = records.hold_key(c1.hold_id, 2, "release")
    records.put_record(ctx.store, key, release, old)  # type: ignore[arg-type]
    assert kinds(archived) == ["record-retired-key"]
    with pytest.raises(IntegrityError, match="retired"):
        open_ctx(archived, write=False).catalog.holds()


def test_history_rewritten_with_the_retired_key_is_refused(archived: Path, tmp_path: Path) -> None:
    """Before any manifest under the new key links to it, a stream's head is fixed by the
    rotation record: re-signing it with the retired key is caught."""
    old = signing_key(archived)
    rotate(archived, tmp_path / "k2.pem")
    head = manifest_path(archived.parent, "bot2", 2)
    doc = signed.body(json.loads(head.read_bytes()))
    doc["counts"] = dict(doc["counts"]) | {"forged": 1}
    head.write_bytes(signed.sign(doc, old))
    assert kinds(archived) == ["chain-rewritten"]


def test_root_key_from_the_signing_key_until_the_first_rotation(
    archived: Path, peki: PekiSimulator, tmp_path: Path
) -> None:
    """Without keys.verify trust starts from keys.signing's public half: the rotation writes
    it out and says to set keys.verify; forgetting that is a named configuration error."""
    set_keys(archived, verify=None)
    old = signing_key(archived)
    result = rotate_signing(open_ctx(archived), tmp_path / "k2.pem")
    root = result.config_changes["keys.verify"]
    assert Path(root) == archived.parent / "keys" / "signing.pub.pem"
    set_keys(archived, signing=str(tmp_path / "k2.pem"))
    with pytest.raises(KeyMismatchError, match=r"set keys\.verify"):
        verify(open_ctx(archived, write=False))
    set_keys(archived, verify=root)
    run_with_changes(archived, peki, 8)
    assert kinds(archived) == []
    assert key_ids(archived.parent)[0] == old.verifier.key_id


def test_rotation_and_reads_on_s3(
    peki: PekiSimulator, moto_server: MotoServer, tmp_path: Path
) -> None:
    from tests.conftest import write_config

    cfg = write_config(
        tmp_path, peki, archive=moto_server.archive_config(moto_server.new_bucket(), part_rows=60)
    )
    assert run_archive(open_ctx(cfg)).exit_code == 0
    old = signing_key(cfg)
    rotate(cfg, tmp_path / "k2.pem")
    run_with_changes(cfg, peki, 4)
    report = verify(open_ctx(cfg, write=False), deep=True)
    assert report.ok, report.problems
    check_archive_against_truth(cfg, peki, tmp_path)
    # The retired key's manifest, appended through the store: refused.
    store = open_ctx(cfg, write=False).store
    head_key = layout.manifest_key("peki-main", BOTS[0], 2)
    head_raw = store.get(head_key)
    doc = signed.body(json.loads(head_raw)) | {
        "sequence": 3,
        "previous": {
            "sequence": 2,
            "key": head_key,
            "sha256": hashlib.sha256(head_raw).hexdigest(),
        },
        "objects": [],
    }
    store.put_if_absent(layout.manifest_key("peki-main", BOTS[0], 3), signed.sign(doc, old))
    assert kinds(cfg) == ["manifest-retired-key"]


def test_a_case_bundle_across_the_rotation_verifies_from_the_root_key(
    rotated: tuple[Path, Signer, Signer], peki: PekiSimulator, tmp_path: Path
) -> None:
    """Manifests of both keys in one bundle: it carries the rotation records, and checks
    from the archive's root key (or the root it carries)."""
    cfg, old, new = rotated
    uid = sorted(peki.truth("bot1")["users"])[0]
    place_or_release(open_ctx(cfg), "place", "C-9", user_id=uid)
    out = tmp_path / "bundle"
    produce(sealed_ctx(cfg), "C-9", out)
    custody = json.loads((out / "custody.json").read_text())
    assert [r["file"] for r in custody["rotations"]] == [rotation_key(1)]
    signers = {
        json.loads((out / m["file"]).read_bytes())["signature"]["key_id"]
        for m in custody["manifests"]
    }
    assert signers == {old.verifier.key_id, new.verifier.key_id}
    root = load_verifier(cfg.parent / "keys" / "signing.pub.pem")
    check = verify_bundle(out, trusted=root)
    assert check.ok and check.key_pinned, check.problems
    assert verify_bundle(out).ok
    # Without its rotation record, the new key's manifests are not trusted.
    shutil.copytree(out, tmp_path / "cut")
    (tmp_path / "cut" / rotation_key(1)).unlink()
    cut = verify_bundle(tmp_path / "cut", trusted=root)
    assert not cut.ok and any("rotations/00000001.json" in p for p in cut.problems)


def test_doctor_names_a_signing_key_the_rotation_retired(archived: Path, tmp_path: Path) -> None:
    rotate(archived, tmp_path / "k2.pem")
    report = run_doctor(archived)
    assert detail(report, "key in force").startswith("keys.signing is the key in force")
    set_keys(archived, signing="keys/signing.pem")
    report = run_doctor(archived)
    assert "retired by key rotation 1" in detail(report, "key in force")
    assert report.exit_code == 1


def detail(report: Any, name: str) -> str:
    (check,) = [c for c in report.checks if c.name == name]
    return str(check.detail)


def test_the_format_document_is_enough_to_follow_rotations(
    archived: Path, peki: PekiSimulator, tmp_path: Path
) -> None:
    """docs/FORMAT.md's "Signing keys and rotation" alone (tests/format_reader.py) checks a
    rotated archive, and refuses what the program refuses."""
    cfg, old = archived, signing_key(archived)
    uid = sorted(peki.truth("bot1")["users"])[0]
    place_or_release(open_ctx(cfg), "place", "C-0", user_id=uid)  # under the old key
    rotate(cfg, tmp_path / "k2.pem")
    run_with_changes(cfg, peki, 21)
    new = signing_key(cfg)
    place_or_release(open_ctx(cfg), "place", "C-3", user_id=uid)  # under the new key
    root = cfg.parent / "archive"
    keys = fr.follow_rotations(root, (cfg.parent / "keys" / "signing.pub.pem").read_bytes())
    assert [fr.key_id(p) for p in keys.pems] == [old.verifier.key_id, new.verifier.key_id]
    streams = fr.read_streams(root, keys)
    assert sorted(len(s.manifests) for s in streams) == [3, 3]
    recorded = [p for top in ("holds", "ledger") for p in (root / top).rglob("*.json")]
    signers = set()
    for path in recorded:
        key, raw = str(path.relative_to(root)), path.read_bytes()
        fr.signed_document(raw, keys.for_record(key, raw))
        signers.add(json.loads(raw)["signature"]["key_id"])
    assert signers == {old.verifier.key_id, new.verifier.key_id}
    # The retired key's manifest after the rotation: the document's rules refuse it too.
    forge_next(cfg.parent, "bot1", old)
    with pytest.raises((AssertionError, InvalidSignature)):
        fr.read_streams(root, keys)


def test_a_run_holding_a_lease_stops_the_rotation(archived: Path, tmp_path: Path) -> None:
    """A run about to commit (its lease held) would sign with the old key after the rotation:
    the rotation stops instead (exit 5), writing nothing, and goes through once it is done."""
    ctx = open_ctx(archived)
    with held(ctx.store, "peki-main", "bot2", 3, run_id="run-elsewhere", seconds=60):
        result = CliRunner().invoke(
            cli,
            [
                "keys",
                "rotate-signing",
                "--config",
                str(archived),
                "--new-key",
                str(tmp_path / "k2.pem"),
            ],
        )
        assert result.exit_code == EXIT_CONFLICT, result.output
        assert "run-elsewhere" in result.output
        assert not (archived.parent / "archive" / "rotations").exists()
    result = CliRunner().invoke(
        cli,
        [
            "keys",
            "rotate-signing",
            "--config",
            str(archived),
            "--new-key",
            str(tmp_path / "k2.pem"),
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["rotation"] == 1 and out["config_changes"] == {
        "keys.signing": str(tmp_path / "k2.pem")
    }
    assert out["streams"] == {
        "peki-main/bot1": {"from_sequence": 3},
        "peki-main/bot2": {"from_sequence": 3},
    }


def test_checkpoints_follow_the_key_in_force(
    rotated: tuple[Path, Signer, Signer], peki: PekiSimulator, tmp_path: Path
) -> None:
    """A checkpoint covering manifests 1..S is accepted under the key in force for manifest S:
    the new key's checkpoint of a post-rotation head is read (no fallback, plain and deep verify
    green); the same checkpoint signed by the retired key is refused, and readers fall back to
    the whole chain with the same answer."""
    from archiver.archive.catalog.checkpoint import write_checkpoint
    from archiver.archive.catalog.model import StreamId

    cfg, old, new = rotated
    ctx = open_ctx(cfg)
    stream = StreamId("peki-main", "peki", "bot1")
    cp = write_checkpoint(ctx.store, stream, new, verifier=ctx.verifier)
    assert cp is not None
    key = layout.checkpoint_key("peki-main", "bot1", 3)
    path = cfg.parent / "archive" / key
    assert path.exists()
    assert verify(open_ctx(cfg, write=False)).ok
    assert verify(open_ctx(cfg, write=False), deep=True).ok
    before = restore(sealed_ctx(cfg), tmp_path / "r1", latest=True)
    # The retired key signs the same checkpoint after its rotation: refused, readers fall back.
    path.write_bytes(signed.sign(signed.body(json.loads(path.read_bytes())), old))
    assert "checkpoint-retired-key" in kinds(cfg) or any(
        k.startswith(("checkpoint", "manifest-retired")) for k in kinds(cfg)
    ), kinds(cfg)
    after = restore(sealed_ctx(cfg), tmp_path / "r2", latest=True)
    assert after.rows == before.rows


def test_a_record_written_in_the_instant_of_a_rotation_is_refused_before_it_is_written(
    archived: Path, peki: PekiSimulator, tmp_path: Path
) -> None:
    """A command opened under the old key, whose rotation lands before it writes its record:
    it checks the key again under the records' lease and stops (a record signed by the key
    just retired would be refused by every reader), and nothing is left behind."""
    uid = sorted(peki.truth("bot1")["users"])[0]
    ctx = open_ctx(archived)
    assert ctx.signer.verifier.key_id  # trust read, the key checked: as at a command's start
    rotate(archived, tmp_path / "k2.pem")
    with pytest.raises(RetiredKeyError, match="retired by key rotation 1"):
        place_or_release(ctx, "place", "C-late", user_id=uid, reason="in the instant")
    assert not list((archived.parent / "archive" / "holds").glob("**/*.json"))
    assert kinds(archived) == []
    # Run again with the key in force, as the error says: the hold is placed and valid.
    place_or_release(open_ctx(archived), "place", "C-late", user_id=uid, reason="again")
    assert {h.case for h in open_ctx(archived, write=False).catalog.holds()} == {"C-late"}
    assert kinds(archived) == []


def test_a_rotation_in_progress_holds_record_writers_back(
    archived: Path, peki: PekiSimulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the records' lease is held (by a rotation listing the old key's records), a
    record writer waits for it, and stops with a conflict (exit 5) when it is not freed."""

    uid = sorted(peki.truth("bot1")["users"])[0]
    ctx = open_ctx(archived)
    monkeypatch.setattr(context, "RECORD_LEASE_WAIT", 0.4)
    with (
        records_held(ctx.store, run_id="rotate-signing-elsewhere", seconds=60),
        pytest.raises(ConflictError, match="rotate-signing-elsewhere"),
    ):
        place_or_release(ctx, "place", "C-wait", user_id=uid, reason="blocked")
    assert not list((archived.parent / "archive" / "holds").glob("**/*.json"))
    # Freed within the wait: the writer goes through.
    monkeypatch.setattr(context, "RECORD_LEASE_WAIT", 10.0)
    lease = Lease.records(ctx.store, run_id="rotate-signing-brief", seconds=60)
    lease.acquire()
    threading.Timer(0.5, lease.release).start()
    place_or_release(ctx, "place", "C-wait", user_id=uid, reason="after the wait")
    assert {h.case for h in open_ctx(archived, write=False).catalog.holds()} == {"C-wait"}


def test_gc_removes_records_lease_objects_left_behind(archived: Path) -> None:
    """Where the job may not delete, each record's lease object stays: gc removes every
    generation but the newest, and the newest once older than the grace period."""

    ctx = open_ctx(archived)
    for generation in (1, 2, 3):
        assert ctx.store.put_if_absent(f"{RECORDS_LEASE}{generation:06d}.json", b"{}")
    left = lambda: sorted(i.key for i in ctx.store.list(RECORDS_LEASE))  # noqa: E731
    gc(ctx, grace=timedelta(hours=1))
    assert left() == [f"{RECORDS_LEASE}000003.json"]
    gc(ctx, grace=timedelta(hours=1), now=utcnow() + timedelta(hours=2))
    assert left() == []
