"""Interrupted runs lose and duplicate nothing; damaged archives fail loudly, naming the damage."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from archiver.archive.store_local import LocalStore
from archiver.errors import IntegrityError
from archiver.ops.restore import restore
from archiver.simulators.peki import PekiSimulator
from tests.archive_truth import check_archive_against_truth
from tests.conftest import open_ctx, sealed_key, write_config
from tests.faults.helpers import archiver_run, kill_when, run_cli
from tests.helpers import archive_files, small_simulator, two_runs


def test_sigkill_at_many_points_then_a_normal_run(peki: PekiSimulator, tmp_path: Path) -> None:
    peki.latency_seconds = 0.01
    cfg = write_config(
        tmp_path, peki, crawl={"page_size": 4, "streams_in_parallel": 2}, archive={"part_rows": 25}
    )
    rng = random.Random(4)
    points: list[tuple[str, Callable[[], bool]]] = []
    base = {"n": 0}

    def after_requests(n: int) -> Callable[[], bool]:
        return lambda: peki.counters()["total"] - base["n"] >= n

    def after_objects(n: int) -> Callable[[], bool]:
        start = len(archive_files(tmp_path, "data")) + len(archive_files(tmp_path, "sealed"))
        return lambda: (
            (len(archive_files(tmp_path, "data")) + len(archive_files(tmp_path, "sealed")) - start)
            >= n
        )

    def after_manifests(n: int) -> Callable[[], bool]:
        start = len(archive_files(tmp_path, "manifests"))
        return lambda: len(archive_files(tmp_path, "manifests")) - start >= n

    killed = 0
    for point in (
        "requests:2",
        "objects:1",
        "requests:15",
        "objects:6",
        "manifests:1",
        "requests:30",
    ):
        kind, n = point.split(":")
        base["n"] = peki.counters()["total"]
        ready = {
            "requests": after_requests,
            "objects": after_objects,
            "manifests": after_manifests,
        }[kind](int(n))
        points.append((point, ready))
        killed += kill_when(cfg, ready)
        peki.random_changes(rng, 6)
    assert killed >= 4, "too few runs were interrupted to test anything"
    peki.latency_seconds = 0
    done = run_cli(cfg)
    assert done.returncode == 0, done.stderr
    check_archive_against_truth(cfg, peki, tmp_path)


@pytest.fixture
def archived(tmp_path: Path) -> Iterator[Path]:
    """Two runs of a few users, cut into small parts: many objects of every kind, each quick
    to restore (the tamper tests restore the archive once per changed file)."""
    with small_simulator(seed=11, users=4) as sim:
        yield two_runs(tmp_path, sim, part_rows=8, seed=1, changes=10)


def _flip(path: Path, where: float) -> None:
    data = bytearray(path.read_bytes())
    i = min(len(data) - 1, int(len(data) * where))
    data[i] ^= 0x01
    path.chmod(0o600)
    path.write_bytes(bytes(data))


def test_any_changed_byte_fails_restore_naming_the_object(archived: Path, tmp_path: Path) -> None:
    root = tmp_path / "archive"
    files = [p for p in root.rglob("*") if p.is_file() and ".tmp" not in p.parts]
    assert len(files) > 10
    rng = random.Random(7)
    # Every manifest, and a sample of masked and sealed objects (a restore per file is slow).
    by_kind: dict[str, list[Path]] = {}
    for p in files:
        by_kind.setdefault(p.relative_to(root).parts[0], []).append(p)
    assert set(by_kind) == {"manifests", "data", "sealed"}
    assert len(by_kind["data"]) >= 8 and len(by_kind["sealed"]) >= 8
    files = by_kind["manifests"] + rng.sample(by_kind["data"], 8)
    files += rng.sample(by_kind["sealed"], 8)
    # One context for every restore: it holds keys, policy and config (each restore reads the
    # archive's manifests and objects afresh); loading the keys is most of opening one.
    ctx = open_ctx(archived, sealed_private_key=sealed_key(tmp_path))
    for path in files:
        original = path.read_bytes()
        _flip(path, rng.random())
        key = path.relative_to(root).as_posix()
        sealed = key.startswith("sealed/")
        with pytest.raises(IntegrityError) as err:
            restore(ctx, tmp_path / "out", sealed=sealed)
        assert key in str(err.value), str(err.value)
        path.write_bytes(original)


def test_cli_reports_tampering_with_exit_code_4(archived: Path, tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "archive")
    manifest = next(i.key for i in store.list("manifests/"))
    _flip(tmp_path / "archive" / manifest, 0.5)
    out = archiver_run("restore", "--config", str(archived), "--to", str(tmp_path / "out"))
    assert out.returncode == 4
    assert manifest in out.stderr
    assert "Traceback" not in out.stderr


def test_a_removed_object_or_manifest_is_reported(archived: Path, tmp_path: Path) -> None:
    root = tmp_path / "archive"
    obj = next(p for p in sorted((root / "data").rglob("*.enc")))
    obj.unlink()
    ctx = open_ctx(archived, write=False)
    with pytest.raises(IntegrityError, match="missing"):
        restore(ctx, tmp_path / "out")
    first = sorted((root / "manifests").rglob("*.json"))[0]
    first.unlink()
    with pytest.raises(IntegrityError, match=r"chain broken|predecessor"):
        restore(ctx, tmp_path / "out2")
