"""One conformance suite for every ``Store`` backend, plus a few local-directory specifics.

A backend joins the suite by adding a branch to the ``backend`` fixture: it must provide the
store, a snapshot of everything *outside* the store (to prove nothing leaks out of it), and a
way to leave behind what a writer crashing mid-upload would leave.
"""

from __future__ import annotations

import hashlib
import os
import stat
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import archiver.archive.store_local as store_local
from archiver.archive.store import ObjectInfo, ObjectNotFound, Store, validate_key
from archiver.archive.store_local import TMP_DIR, LocalStore
from archiver.errors import StoreError
from tests.s3 import MotoServer


@dataclass
class Backend:
    store: Store
    snapshot_outside: Callable[[], dict[str, bytes]]
    # Leave what a writer killed mid-write of ``key`` would leave behind (temp file, unfinished
    # multipart upload, ...), without the object itself ever appearing.
    plant_interrupted_write: Callable[[str, bytes], None]


def _tree(path: Path, skip: Path) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for dirpath, dirnames, filenames in os.walk(path):
        d = Path(dirpath)
        if d == skip or skip in d.parents:
            continue
        for name in dirnames:
            if d / name == skip:
                continue
            out[str((d / name).relative_to(path)) + "/"] = b""
        for name in filenames:
            out[str((d / name).relative_to(path))] = (d / name).read_bytes()
    return out


def _local_backend(tmp_path: Path) -> Backend:
    root = tmp_path / "archive"
    (tmp_path / "sibling").mkdir()
    (tmp_path / "sibling" / "keep.txt").write_bytes(b"untouched")

    def plant(key: str, data: bytes) -> None:
        tmp = root / TMP_DIR
        tmp.mkdir(parents=True, exist_ok=True)
        (tmp / "0123abcd.tmp").write_bytes(data[: len(data) // 2])

    return Backend(
        store=LocalStore(root),
        snapshot_outside=lambda: _tree(tmp_path, skip=root),
        plant_interrupted_write=plant,
    )


def _s3_backend(moto: MotoServer) -> Backend:
    """An S3 store under a prefix of a fresh bucket on the moto server, over HTTP."""
    bucket = moto.new_bucket()
    s3 = moto.client()
    s3.put_object(Bucket=bucket, Key="sibling/keep.txt", Body=b"untouched")
    store = moto.store(bucket, "archive/")

    def outside() -> dict[str, bytes]:
        pages = s3.get_paginator("list_objects_v2").paginate(Bucket=bucket)
        keys = [o["Key"] for p in pages for o in p.get("Contents", [])]
        return {
            k: s3.get_object(Bucket=bucket, Key=k)["Body"].read()
            for k in keys
            if not k.startswith("archive/")
        }

    def plant(key: str, data: bytes) -> None:
        upload = s3.create_multipart_upload(Bucket=bucket, Key="archive/" + key)
        s3.upload_part(
            Bucket=bucket,
            Key="archive/" + key,
            UploadId=upload["UploadId"],
            PartNumber=1,
            Body=data[: len(data) // 2],
        )

    return Backend(store=store, snapshot_outside=outside, plant_interrupted_write=plant)


@pytest.fixture(params=["local", "s3"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    if request.param == "local":
        yield _local_backend(tmp_path)
    elif request.param == "s3":
        yield _s3_backend(request.getfixturevalue("moto_server"))
    else:  # pragma: no cover
        raise AssertionError(f"unknown backend {request.param}")


@pytest.fixture
def store(backend: Backend) -> Store:
    return backend.store


def _keys(infos: Iterator[ObjectInfo]) -> list[str]:
    return [i.key for i in infos]


# --- conformance -------------------------------------------------------------------------


def test_implements_protocol(store: Store) -> None:
    assert isinstance(store, Store)
    assert isinstance(store.description, str) and store.description


def test_put_if_absent_never_overwrites(store: Store) -> None:
    assert store.put_if_absent("m/seq-1.json", b"first") is True
    assert store.put_if_absent("m/seq-1.json", b"second") is False
    assert store.get("m/seq-1.json") == b"first"
    assert _keys(store.list("")) == ["m/seq-1.json"]


def test_put_race_exactly_one_winner(store: Store) -> None:
    n = 20
    barrier = threading.Barrier(n)
    results: dict[int, bool] = {}
    errors: list[BaseException] = []

    def worker(i: int) -> None:
        try:
            barrier.wait()
            results[i] = store.put_if_absent("manifests/s/00000001.json", f"writer-{i}".encode())
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    winners = [i for i, won in results.items() if won]
    assert len(results) == n
    assert len(winners) == 1
    assert store.get("manifests/s/00000001.json") == f"writer-{winners[0]}".encode()
    assert _keys(store.list("")) == ["manifests/s/00000001.json"]


def test_get_missing_raises_object_not_found(store: Store) -> None:
    with pytest.raises(ObjectNotFound) as info:
        store.get("no/such/object.bin")
    assert isinstance(info.value, StoreError)
    assert "no/such/object.bin" in str(info.value)
    store.put_if_absent("dir/obj", b"x")
    with pytest.raises(ObjectNotFound):
        store.get("dir")  # a prefix of other objects is not an object


def test_head(store: Store) -> None:
    assert store.head("a/b.bin") is None
    before = datetime.now(UTC)
    store.put_if_absent("a/b.bin", b"12345")
    info = store.head("a/b.bin")
    assert info is not None
    assert info.key == "a/b.bin"
    assert info.size == 5
    assert info.modified.tzinfo is not None
    assert info.modified.utcoffset() == timedelta(0)
    assert (
        before - timedelta(minutes=5) <= info.modified <= datetime.now(UTC) + timedelta(minutes=5)
    )
    assert store.head("a") is None


def test_list_sorted_with_prefix_isolation(store: Store) -> None:
    keys = ["b/2", "a/1", "a/10", "a/2", "a-b/x", "ab/y", "a/sub/z", "top"]
    for k in keys:
        assert store.put_if_absent(k, k.encode())
    assert _keys(store.list("")) == sorted(keys)
    assert _keys(store.list("a/")) == ["a/1", "a/10", "a/2", "a/sub/z"]
    assert _keys(store.list("a/sub/")) == ["a/sub/z"]
    assert _keys(store.list("a/1")) == ["a/1", "a/10"]
    # A prefix is a plain string prefix, as in S3: "a" also matches "a-b/" and "ab/".
    assert _keys(store.list("a")) == ["a-b/x", "a/1", "a/10", "a/2", "a/sub/z", "ab/y"]
    assert _keys(store.list("b/")) == ["b/2"]
    assert _keys(store.list("nothing/")) == []
    infos = {i.key: i for i in store.list("")}
    assert infos["a/10"].size == len(b"a/10")
    assert all(i.modified.utcoffset() == timedelta(0) for i in infos.values())


def test_delete_is_idempotent(store: Store) -> None:
    store.put_if_absent("x/y", b"data")
    store.delete("x/y")
    assert store.head("x/y") is None
    with pytest.raises(ObjectNotFound):
        store.get("x/y")
    store.delete("x/y")
    store.delete("never/existed")
    assert _keys(store.list("")) == []
    assert store.put_if_absent("x/y", b"again") is True
    assert store.get("x/y") == b"again"


BAD_KEYS = [
    "",
    "..",
    "../escape",
    "a/../../escape",
    "a/./b",
    "/etc/passwd",
    "a\\b",
    "..\\escape",
    "a\x00b",
    "a//b",
    "a/",
    "a\nb",
    "a\x7fb",
    "with space",
    "ümlaut",
    ".hidden",
    f"{TMP_DIR}/x",
    "x" * 256,
    "a/" * 600 + "b",
]


@pytest.mark.parametrize("key", BAD_KEYS, ids=repr)
def test_invalid_keys_rejected_everywhere(backend: Backend, key: str) -> None:
    store = backend.store
    before = backend.snapshot_outside()
    with pytest.raises(StoreError):
        validate_key(key)
    with pytest.raises(StoreError):
        store.put_if_absent(key, b"payload")
    with pytest.raises(StoreError):
        store.get(key)
    with pytest.raises(StoreError):
        store.head(key)
    with pytest.raises(StoreError):
        store.delete(key)
    assert _keys(store.list("")) == []
    assert backend.snapshot_outside() == before


@pytest.mark.parametrize("prefix", ["../", "/abs/", "a//", "a\\", "..", "a/../"], ids=repr)
def test_invalid_prefixes_rejected(store: Store, prefix: str) -> None:
    with pytest.raises(StoreError):
        list(store.list(prefix))


@pytest.mark.parametrize(
    "key",
    [
        "source=peki/tenant=bot-1/date=2024-01-31/part-00001.parquet.enc",
        "manifests/peki/bot_1/0000000001.json",
        "a%2Fb+c=d",
        "x",
    ],
)
def test_valid_keys_accepted(store: Store, key: str) -> None:
    assert validate_key(key) == key
    assert store.put_if_absent(key, b"v") is True
    assert _keys(store.list("")) == [key]


def test_nothing_written_outside(backend: Backend) -> None:
    store = backend.store
    before = backend.snapshot_outside()
    for key in ["a/b/c", "z", "deep/" * 10 + "leaf"]:
        store.put_if_absent(key, b"inside")
        store.get(key)
        store.delete(key)
    for key in ["../sibling/keep.txt", "../outside", "/tmp/x", "a/../../x"]:
        with pytest.raises(StoreError):
            store.put_if_absent(key, b"evil")
        with pytest.raises(StoreError):
            store.delete(key)
    assert backend.snapshot_outside() == before


@pytest.mark.parametrize(
    "data",
    [b"", bytes(range(256)) * 64, b"\x00" * 1000, os.urandom(3 * 1024 * 1024 + 7)],
    ids=["empty", "all-bytes", "zeros", "3MiB-random"],
)
def test_binary_round_trip(store: Store, data: bytes) -> None:
    assert store.put_if_absent("bin/obj", data) is True
    assert store.get("bin/obj") == data
    info = store.head("bin/obj")
    assert info is not None and info.size == len(data)


def test_ranged_reads_give_the_bytes_a_whole_read_cuts(store: Store) -> None:
    """``get_range`` (what custody reads one lineage section with) equals slicing ``get``,
    at the start, the middle, the end and past it; a missing object is ``ObjectNotFound``."""
    from archiver.archive.catalog.lineage import read_range

    data = os.urandom(5000)
    store.put_if_absent("lineage/doc.json", data)
    for offset, length in ((0, 10), (1234, 777), (4990, 10), (4995, 100), (6000, 5)):
        got = store.get_range("lineage/doc.json", offset, length)  # type: ignore[attr-defined]
        assert got == data[offset : offset + length]
        assert read_range(store, "lineage/doc.json", offset, length) == got
    with pytest.raises(ObjectNotFound):
        store.get_range("lineage/none.json", 0, 10)  # type: ignore[attr-defined]


def test_sha256_checked(store: Store) -> None:
    data = b"payload"
    good = hashlib.sha256(data).hexdigest()
    assert store.put_if_absent("h/ok", data, sha256_hex=good) is True
    assert store.put_if_absent("h/ok-upper", data, sha256_hex=good.upper()) is True
    with pytest.raises(StoreError):
        store.put_if_absent("h/bad", data, sha256_hex=hashlib.sha256(b"other").hexdigest())
    with pytest.raises(StoreError):
        store.put_if_absent("h/malformed", data, sha256_hex="abc")
    assert store.head("h/bad") is None
    assert store.head("h/malformed") is None
    assert _keys(store.list("h/")) == ["h/ok", "h/ok-upper"]


def test_interrupted_write_is_invisible(backend: Backend) -> None:
    store = backend.store
    store.put_if_absent("keep/me", b"k")
    backend.plant_interrupted_write("runs/part-1.enc", b"partial-object-bytes")
    assert _keys(store.list("")) == ["keep/me"]
    assert store.head("runs/part-1.enc") is None
    with pytest.raises(ObjectNotFound):
        store.get("runs/part-1.enc")
    assert store.put_if_absent("runs/part-1.enc", b"complete") is True
    assert store.get("runs/part-1.enc") == b"complete"
    assert _keys(store.list("")) == ["keep/me", "runs/part-1.enc"]


# --- local directory specifics ----------------------------------------------------------


def test_local_modes(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    s = LocalStore(root)
    s.put_if_absent("a/b/c.bin", b"x")
    assert stat.S_IMODE((root / "a" / "b" / "c.bin").stat().st_mode) == 0o600
    for d in (root, root / "a", root / "a" / "b", root / TMP_DIR):
        assert stat.S_IMODE(d.stat().st_mode) == 0o700, d
    assert list((root / TMP_DIR).iterdir()) == []  # temp file removed after publishing


def test_local_failure_before_link_leaves_no_object(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = LocalStore(tmp_path / "archive")

    def broken_link(src: object, dst: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(store_local.os, "link", broken_link)
    with pytest.raises(StoreError):
        s.put_if_absent("a/obj", b"data")
    monkeypatch.undo()
    assert s.head("a/obj") is None
    assert list(s.list("")) == []
    assert list((tmp_path / "archive" / TMP_DIR).iterdir()) == []
    assert s.put_if_absent("a/obj", b"data") is True


def test_local_symlink_escape_refused(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    outside = tmp_path / "outside"
    outside.mkdir()
    s = LocalStore(root)
    s.put_if_absent("ok", b"1")
    (root / "evil").symlink_to(outside)
    with pytest.raises(StoreError):
        s.put_if_absent("evil/x", b"escape")
    with pytest.raises(StoreError):
        s.get("evil/x")
    with pytest.raises(StoreError):
        list(s.list("evil/"))
    assert list(outside.iterdir()) == []
    assert [i.key for i in s.list("")] == ["ok"]  # symlinks are never listed


def test_local_object_and_folder_conflict(tmp_path: Path) -> None:
    s = LocalStore(tmp_path / "archive")
    s.put_if_absent("a", b"file")
    with pytest.raises(StoreError, match="'a'"):
        s.put_if_absent("a/b", b"nested")
    assert s.get("a") == b"file"


def test_local_foreign_files_not_listed(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    s = LocalStore(root)
    s.put_if_absent("d/real", b"1")
    (root / ".DS_Store").write_bytes(b"junk")
    (root / "d" / "bad name").write_bytes(b"junk")
    (root / "d" / "~lock").write_bytes(b"junk")
    assert [i.key for i in s.list("")] == ["d/real"]


def test_local_reads_missing_root(tmp_path: Path) -> None:
    s = LocalStore(tmp_path / "not-yet")
    assert list(s.list("")) == []
    assert s.head("x") is None
    s.delete("x")
    assert not (tmp_path / "not-yet").exists()  # reads never create the archive


def test_local_delete_removes_the_folders_it_empties(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every run leaves a lease folder: deleting a folder's last object removes the folder
    (and its emptied parents, never the root), so listings do not walk thousands of empty
    folders; a put into a folder removed meanwhile makes it again."""
    root = tmp_path / "archive"
    s = LocalStore(root)
    s.put_if_absent("locks/s/0000000001/000001.json", b"1")
    s.put_if_absent("locks/s/keep.json", b"2")
    s.delete("locks/s/0000000001/000001.json")
    assert not (root / "locks" / "s" / "0000000001").exists()
    assert (root / "locks" / "s").is_dir()
    s.delete("locks/s/keep.json")
    assert not (root / "locks").exists() and root.is_dir()
    assert list(s.list("")) == []

    real_link = store_local.os.link

    def racing_link(src: str, dst: str) -> None:
        # Another process deletes the folder's last object right before this put links.
        store_local.os.rmdir(Path(dst).parent)
        monkeypatch.setattr(store_local.os, "link", real_link)
        real_link(src, dst)

    s.put_if_absent("x/y/first", b"1")
    s.delete("x/y/first")
    (root / "x" / "y").mkdir(parents=True)
    monkeypatch.setattr(store_local.os, "link", racing_link)
    assert s.put_if_absent("x/y/second", b"2") is True
    assert s.get("x/y/second") == b"2"
