"""``archiver verify``: an intact archive passes; every kind of tampering is caught and named."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from archiver.archive import layout, signed
from archiver.archive.crypto import generate_aes_key_file
from archiver.config import ObjectLock, load_config
from archiver.context import Context
from archiver.errors import KeyMismatchError
from archiver.keys import Signer
from archiver.ops.verify import DataSubset, VerifyReport, verify
from tests.conftest import BOTS, open_ctx, sealed_key
from tests.helpers import RUNS, build_archive, manifest_path, small_simulator
from tests.s3 import MotoServer

pytestmark = pytest.mark.usefixtures("parsed_once_in_module")


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A local archive (config, keys, archive folder) that each test copies before tampering."""
    directory = tmp_path_factory.mktemp("pristine")
    with small_simulator(seed=3, users=5) as sim:
        build_archive(directory, sim, {"url": "archive"})
    first = check(directory)  # also records the stream heads in the witness file
    assert first.ok, first.problems
    assert first.witness_updated
    return directory


@pytest.fixture
def copy(pristine: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy"
    shutil.copytree(pristine, target)
    return target


def check(directory: Path, *, deep: bool = False, **kw: object) -> VerifyReport:
    ctx = open_ctx(directory / "archiver.yaml", write=False, **kw)  # type: ignore[arg-type]
    return verify(ctx, deep=deep, witness=directory / "witness.json")


def objects(root: Path, kind: str) -> list[Path]:
    return sorted((root / "archive" / kind).rglob("*.enc"))


def rel(root: Path, path: Path) -> str:
    return path.relative_to(root / "archive").as_posix()


def writable(path: Path) -> Path:
    path.chmod(0o600)
    return path


def flip_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    writable(path).write_bytes(bytes(data))


def rewrite_manifest(path: Path, signer: Signer | None) -> None:
    """Change what a manifest says (drop its last object); re-sign it if a signer is given."""
    doc = json.loads(path.read_bytes())
    doc["objects"] = doc["objects"][:-1]
    raw = signed.sign(doc, signer) if signer else signed.canonical(doc) + b"\n"
    writable(path).write_bytes(raw)


# Each case tampers with the copy and returns the key verify must name, with the kind.
Tamper = Callable[[Path], tuple[str, str]]


def _object_missing(root: Path) -> tuple[str, str]:
    victim = objects(root, "data")[3]
    victim.unlink()
    return "object-missing", rel(root, victim)


def _object_altered(root: Path) -> tuple[str, str]:
    victim = objects(root, "sealed")[2]
    flip_byte(victim)
    return "object-altered", rel(root, victim)


def _object_replaced(root: Path) -> tuple[str, str]:
    """A valid ciphertext of the same size class from elsewhere, swapped in."""
    victim, donor = objects(root, "data")[0], objects(root, "data")[1]
    writable(victim).write_bytes(donor.read_bytes())
    return "object-altered", rel(root, victim)


def _manifest_altered(root: Path) -> tuple[str, str]:
    victim = manifest_path(root, "bot1", 2)
    rewrite_manifest(victim, None)
    return "manifest-altered", rel(root, victim)


def _manifest_bytes_flipped(root: Path) -> tuple[str, str]:
    victim = manifest_path(root, "bot2", 3)
    flip_byte(victim)
    return "manifest-altered", rel(root, victim)


def _manifest_resigned(root: Path) -> tuple[str, str]:
    victim = manifest_path(root, "bot2", 2)
    rewrite_manifest(victim, Signer(Ed25519PrivateKey.generate()))
    return "manifest-foreign-signature", rel(root, victim)


def _manifest_removed_middle(root: Path) -> tuple[str, str]:
    victim = manifest_path(root, "bot1", 2)
    victim.unlink()
    return "chain-gap", rel(root, victim)


def _manifest_removed_end(root: Path) -> tuple[str, str]:
    victim = manifest_path(root, "bot1", RUNS)
    victim.unlink()
    return "chain-truncated", rel(root, victim)


def _stream_removed(root: Path) -> tuple[str, str]:
    for seq in range(1, RUNS + 1):
        manifest_path(root, "bot2", seq).unlink()
    return "chain-truncated", rel(root, manifest_path(root, "bot2", RUNS))


def _manifest_moved(root: Path) -> tuple[str, str]:
    """Another stream's validly signed head put in place of this stream's head."""
    victim = manifest_path(root, "bot1", RUNS)
    writable(victim).write_bytes(manifest_path(root, "bot2", RUNS).read_bytes())
    return "manifest-misplaced", rel(root, victim)


CASES: dict[str, Tamper] = {
    "object missing": _object_missing,
    "object altered": _object_altered,
    "object replaced by another": _object_replaced,
    "manifest altered": _manifest_altered,
    "manifest bytes flipped": _manifest_bytes_flipped,
    "manifest re-signed with another key": _manifest_resigned,
    "manifest removed from the middle": _manifest_removed_middle,
    "manifest removed from the end": _manifest_removed_end,
    "whole stream removed": _stream_removed,
    "manifest of another stream moved in": _manifest_moved,
}


@pytest.mark.parametrize("case", list(CASES))
def test_tampering_is_detected_and_named(copy: Path, case: str) -> None:
    witness_before = (copy / "witness.json").read_bytes()

    kind, key = CASES[case](copy)
    report = check(copy)

    assert report.exit_code == 4
    matching = [p for p in report.problems if p.kind == kind and p.key == key]
    assert matching, f"{case}: expected {kind} on {key}, got {report.problems}"
    assert key in matching[0].message
    # A damaged archive never becomes the new trusted state.
    assert not report.witness_updated
    assert (copy / "witness.json").read_bytes() == witness_before


def test_intact_archive_passes_and_reports_orphans(copy: Path) -> None:
    orphan = copy / "archive" / "data" / "messages" / "orphan-00001.parquet.enc"
    orphan.write_bytes(b"left by a crashed run")
    report = check(copy)
    assert report.ok and report.exit_code == 0, report.problems
    assert [o.key for o in report.orphans] == ["data/messages/orphan-00001.parquet.enc"]
    assert len(report.streams) == len(BOTS)
    assert all(s.manifests == RUNS and s.head_sequence == RUNS for s in report.streams)
    assert report.objects == len(objects(copy, "data")) + len(objects(copy, "sealed")) - 1
    assert report.decrypted == 0


def test_deep_decrypts_and_recounts(copy: Path) -> None:
    keys = copy / "keys"
    everything = check(copy, deep=True, sealed_private_key=sealed_key(copy))
    assert everything.ok, everything.problems
    assert (
        everything.decrypted
        == everything.objects
        == len(objects(copy, "data")) + len(objects(copy, "sealed"))
    )
    assert sum(s.rows for s in everything.streams) > 0

    # Without the private key, sealed objects are checked by ciphertext hash, and it says so.
    masked_only = check(copy, deep=True)
    assert masked_only.ok and masked_only.decrypted == len(objects(copy, "data"))
    assert any("sealed object(s) were checked by ciphertext hash" in n for n in masked_only.notes)

    # A different key under the same name is a configuration problem, said once with both
    # fingerprints, before any object is judged damaged.
    (keys / "masked-data.key").unlink()
    generate_aes_key_file(keys / "masked-data.key")
    with pytest.raises(KeyMismatchError, match=r"hmac-sha256:\w+\).*hmac-sha256:\w+") as info:
        check(copy, deep=True)
    assert info.value.exit_code == 2 and "not evidence of damage" in str(info.value)


def _cli(cfg: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "archiver", "verify", "--config", str(cfg), *extra],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_json_and_exit_codes(copy: Path) -> None:
    cfg = copy / "archiver.yaml"
    witness = str(copy / "cli-witness.json")
    ok = _cli(cfg, "--json", "--witness", witness)
    assert ok.returncode == 0, ok.stderr
    doc = json.loads(ok.stdout)
    assert doc["ok"] is True and doc["problems"] == []
    assert doc["checked"]["manifests"] == RUNS * len(BOTS)
    assert doc["witness"] == {"path": witness, "updated": True}

    _kind, key = _manifest_removed_end(copy)
    bad = _cli(cfg, "--witness", witness)
    assert bad.returncode == 4, bad.stdout + bad.stderr
    assert "Traceback" not in bad.stderr
    assert "PROBLEM [chain-truncated]" in bad.stdout and key in bad.stdout
    assert bad.stdout.rstrip().endswith("FAILED: 1 problem(s) found")


# --- S3: version history and Object Lock as in-bucket anchors ---------------------------


def test_s3_version_history_and_object_lock_anchor_the_chain(
    moto_server: MotoServer, tmp_path: Path
) -> None:
    """With Object Lock, a deleted or replaced manifest is seen even without a witness."""
    bucket = moto_server.new_bucket(object_lock=True)
    with small_simulator(seed=5) as sim:
        cfg = build_archive(
            tmp_path,
            sim,
            moto_server.archive_config(bucket, object_lock={"mode": "COMPLIANCE", "days": 1}),
        )
    ctx = open_ctx(cfg, write=False)
    intact = verify(ctx, deep=True)
    assert intact.ok, intact.problems

    # Judged against a stricter configuration than it was written with: retention is checked.
    config = load_config(cfg)
    stricter = replace(
        config, archive=replace(config.archive, object_lock=ObjectLock("GOVERNANCE", 1))
    )
    report = verify(Context.open(stricter, write=False))
    assert {p.kind for p in report.problems} == {"lock-missing"}
    assert len(report.problems) == RUNS * len(BOTS)

    # An attacker with the job's credentials: a plain DELETE only adds a delete marker (the
    # locked version cannot be removed), and a plain PUT only adds a version.
    s3 = moto_server.client()
    head = "archive/" + layout.manifest_key("peki-main", "bot1", RUNS)
    s3.delete_object(Bucket=bucket, Key=head)
    versions = s3.list_object_versions(Bucket=bucket, Prefix=head)["Versions"]
    with pytest.raises(s3.exceptions.ClientError):
        s3.delete_object(Bucket=bucket, Key=head, VersionId=versions[0]["VersionId"])
    other = "archive/" + layout.manifest_key("peki-main", "bot2", 1)
    s3.put_object(Bucket=bucket, Key=other, Body=b"{}", ChecksumAlgorithm="SHA256")

    report = verify(ctx)
    assert report.exit_code == 4
    found = {(p.kind, p.key) for p in report.problems}
    assert ("manifest-deleted", head.removeprefix("archive/")) in found
    assert ("manifest-overwritten", other.removeprefix("archive/")) in found


# --- a deep check in slices --------------------------------------------------------------


def test_data_subsets_read_every_object_once_and_only_their_share(copy: Path) -> None:
    """Shares 1/M..M/M read every object exactly once; an object altered in place (same size)
    is found by the share that holds it and by no other, which checks it by size only."""
    m = 3
    total = len(objects(copy, "data")) + len(objects(copy, "sealed"))
    ctx = open_ctx(copy / "archiver.yaml", write=False, sealed_private_key=sealed_key(copy))
    reports = [verify(ctx, deep=True, subset=DataSubset(n, m), witness=None) for n in (1, 2, 3)]
    assert all(r.ok and r.objects == total for r in reports), [r.problems for r in reports]
    assert sum(r.decrypted for r in reports) == total
    assert [r.decrypted + r.size_only for r in reports] == [total] * m
    assert all(0 < r.decrypted < total for r in reports)  # a real split on this archive
    assert reports[0].to_json()["read_data_subset"] == "1/3"
    again = verify(ctx, deep=True, subset=DataSubset(2, m), witness=None)
    assert again.decrypted == reports[1].decrypted  # the same share every time

    victim = objects(copy, "sealed")[0]
    flip_byte(victim)  # same size: only reading it shows the change
    key = rel(copy, victim)
    holder = next(n for n in range(1, m + 1) if DataSubset(n, m).holds(key))
    for n in range(1, m + 1):
        r = verify(ctx, deep=True, subset=DataSubset(n, m), witness=None)
        assert r.ok == (n != holder), (n, r.problems)
        if n == holder:
            assert [p.key for p in r.problems] == [key]
    truncated = writable(objects(copy, "data")[0])
    truncated.write_bytes(truncated.read_bytes()[:-1])
    other = next(n for n in range(1, m + 1) if not DataSubset(n, m).holds(rel(copy, truncated)))
    r = verify(ctx, subset=DataSubset(other, m), witness=None)
    assert rel(copy, truncated) in {p.key for p in r.problems}  # sizes are checked in every share


@pytest.mark.parametrize("text", ["0/3", "4/3", "2", "a/b", "1/0"])
def test_a_wrong_data_subset_is_a_usage_error(copy: Path, text: str) -> None:
    r = _cli(copy / "archiver.yaml", "--read-data-subset", text, "--no-witness")
    assert r.returncode == 2, r.stdout + r.stderr
    assert "--read-data-subset" in r.stderr and "Traceback" not in r.stderr
