"""S3 specifics beyond the shared conformance suite: multipart, checksums, lost answers,
Object Lock retention and legal holds, versioned deletes, URLs and configuration."""

from __future__ import annotations

import base64
import hashlib
import os
import threading
from datetime import timedelta
from pathlib import Path

import pytest
import yaml

from archiver.archive.store import LegalHolds, VersionedStore
from archiver.archive.store_s3 import MIN_CHUNK_BYTES, S3Store, parse_s3_url
from archiver.config import ObjectLock, load_config
from archiver.context import open_store
from archiver.errors import ConfigError, StoreError
from archiver.timeutil import utcnow
from tests.s3 import DroppingProxy, MotoServer

LOCK = ObjectLock(mode="COMPLIANCE", days=1)


def b64sha(data: bytes) -> str:
    return base64.b64encode(hashlib.sha256(data).digest()).decode()


def uploads_in_progress(moto: MotoServer, bucket: str) -> list[str]:
    return [
        u["Key"] for u in moto.client().list_multipart_uploads(Bucket=bucket).get("Uploads", [])
    ]


def test_every_upload_carries_its_sha256(moto_server: MotoServer) -> None:
    store = moto_server.store(chunk_bytes=MIN_CHUNK_BYTES)
    small, large = b"manifest bytes", os.urandom(2 * MIN_CHUNK_BYTES + 1234)
    assert store.put_if_absent("a/small", small)
    assert store.put_if_absent("a/large", large, sha256_hex=hashlib.sha256(large).hexdigest())
    s3 = moto_server.client()
    head = s3.head_object(Bucket=store.bucket, Key="archive/a/small", ChecksumMode="ENABLED")
    assert head["ChecksumSHA256"] == b64sha(small)
    # Multipart: S3 keeps the checksum of the part checksums ("-3": three 5 MiB parts).
    parts = [large[i : i + MIN_CHUNK_BYTES] for i in range(0, len(large), MIN_CHUNK_BYTES)]
    composite = base64.b64encode(
        hashlib.sha256(b"".join(hashlib.sha256(p).digest() for p in parts)).digest()
    ).decode()
    head = s3.head_object(Bucket=store.bucket, Key="archive/a/large", ChecksumMode="ENABLED")
    assert head["ChecksumSHA256"] in (composite, f"{composite}-3")
    assert store.get("a/large") == large
    assert uploads_in_progress(moto_server, store.bucket) == []


def test_multipart_race_has_one_winner_and_leaves_no_upload(moto_server: MotoServer) -> None:
    store = moto_server.store(chunk_bytes=MIN_CHUNK_BYTES)
    payloads = [os.urandom(MIN_CHUNK_BYTES + 17 * i + 1) for i in range(4)]
    barrier = threading.Barrier(len(payloads))
    won: list[int] = []

    def writer(i: int) -> None:
        barrier.wait()
        if store.put_if_absent("manifests/big", payloads[i]):
            won.append(i)

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(len(payloads))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(won) == 1
    assert store.get("manifests/big") == payloads[won[0]]
    assert uploads_in_progress(moto_server, store.bucket) == []


def test_a_lost_answer_is_not_a_false_conflict(moto_server: MotoServer) -> None:
    """The PUT reaches S3, its answer is lost, botocore retries and gets 412: that write was
    ours, so put_if_absent reports success; someone else's bytes are still a conflict."""
    proxy = DroppingProxy(moto_server.port)
    try:
        bucket = moto_server.new_bucket()
        store = S3Store(bucket, "p/", endpoint_url=proxy.endpoint_url, region=moto_server.region)
        proxy.drop_next_response()
        assert store.put_if_absent("manifests/0001.json", b"our manifest") is True
        assert proxy.dropped == 1
        assert store.get("manifests/0001.json") == b"our manifest"
        proxy.drop_next_response()
        assert store.put_if_absent("manifests/0001.json", b"a rival manifest") is False
        assert store.put_if_absent("manifests/0001.json", b"our manifest") is False  # no retry
        # Reads are retried too.
        proxy.drop_next_response()
        assert store.get("manifests/0001.json") == b"our manifest"
        assert proxy.dropped == 3
    finally:
        proxy.close()


def test_object_lock_on_every_object_and_legal_holds(moto_server: MotoServer) -> None:
    store = moto_server.store(object_lock=LOCK, chunk_bytes=MIN_CHUNK_BYTES)
    assert isinstance(store, LegalHolds) and isinstance(store, VersionedStore)
    before = utcnow()
    assert store.put_if_absent("manifests/1.json", b"m")
    assert store.put_if_absent("data/big.enc", os.urandom(MIN_CHUNK_BYTES + 1))
    for key in ("manifests/1.json", "data/big.enc"):
        status = store.lock_status(key)
        assert status is not None and status.mode == "COMPLIANCE" and not status.legal_hold
        assert status.retain_until is not None
        assert before + timedelta(days=1) - timedelta(minutes=1) <= status.retain_until
        assert status.retain_until <= utcnow() + timedelta(days=1, minutes=1)
        with pytest.raises(StoreError, match=r"protected by COMPLIANCE retention until"):
            store.delete(key)
        assert store.get(key)  # still there
    assert store.lock_status("no/such") is None

    store.set_legal_hold("manifests/1.json", True)
    status = store.lock_status("manifests/1.json")
    assert status is not None and status.legal_hold and status.describe() == "a legal hold"
    store.set_legal_hold("manifests/1.json", False)
    status = store.lock_status("manifests/1.json")
    assert status is not None and not status.legal_hold


def test_object_lock_needs_a_lock_enabled_bucket(moto_server: MotoServer) -> None:
    store = moto_server.store(moto_server.new_bucket(), object_lock=LOCK)
    with pytest.raises(StoreError, match="Object Lock enabled"):
        store.put_if_absent("x", b"data")
    plain = moto_server.store(moto_server.new_bucket())
    plain.put_if_absent("x", b"data")
    with pytest.raises(StoreError, match="Object Lock enabled"):
        plain.set_legal_hold("x", True)


def test_delete_removes_every_version(moto_server: MotoServer) -> None:
    bucket = moto_server.new_bucket(versioning=True)
    store = moto_server.store(bucket, "v/")
    s3 = moto_server.client()
    store.put_if_absent("data/orphan", b"one")
    s3.put_object(Bucket=bucket, Key="v/data/orphan", Body=b"two")  # an older version exists
    s3.put_object(Bucket=bucket, Key="v/data/orphan-2", Body=b"sibling")
    store.delete("data/orphan")
    store.delete("data/never-existed")  # must not leave a delete marker behind
    left = s3.list_object_versions(Bucket=bucket, Prefix="v/data/")
    assert [v["Key"] for v in left.get("Versions", [])] == ["v/data/orphan-2"]
    assert left.get("DeleteMarkers", []) == []
    assert [v.key for v in store.list_versions("")] == ["data/orphan-2"]


def test_errors_name_the_cause_without_secrets(moto_server: MotoServer) -> None:
    store = S3Store(
        "no-such-bucket-anywhere", endpoint_url=moto_server.endpoint_url, region="us-east-1"
    )
    with pytest.raises(StoreError) as info:
        store.put_if_absent("x", b"data")
    message = str(info.value)
    assert "NoSuchBucket" in message and "create the bucket" in message
    assert os.environ["AWS_SECRET_ACCESS_KEY"] not in message.replace("s3://", "")
    unreachable = S3Store("bucket", endpoint_url="http://127.0.0.1:9", max_attempts=1)
    with pytest.raises(StoreError, match="EndpointConnectionError"):
        unreachable.get("x")


def test_foreign_objects_are_not_listed(moto_server: MotoServer) -> None:
    store = moto_server.store()
    store.put_if_absent("d/real", b"1")
    for junk in ("archive/d/", "archive/d/with space", "archive/.hidden"):
        moto_server.client().put_object(Bucket=store.bucket, Key=junk, Body=b"x")
    assert [i.key for i in store.list("")] == ["d/real"]


@pytest.mark.parametrize(
    ("url", "bucket", "prefix"),
    [
        ("s3://archive-bucket", "archive-bucket", ""),
        ("s3://archive-bucket/", "archive-bucket", ""),
        ("s3://archive-bucket/team/chat", "archive-bucket", "team/chat/"),
        ("s3://a.b-c/x/", "a.b-c", "x/"),
    ],
)
def test_parse_s3_url(url: str, bucket: str, prefix: str) -> None:
    assert parse_s3_url(url) == (bucket, prefix)


@pytest.mark.parametrize(
    "url", ["s3://", "s3://UPPER", "s3://ab", "s3://bucket/../x", "s3://bucket/a//b", "s3://b_c"]
)
def test_bad_s3_urls(url: str) -> None:
    with pytest.raises(ConfigError, match=r"archive\.url"):
        parse_s3_url(url)


def test_config_opens_an_s3_store(tmp_path: Path, moto_server: MotoServer) -> None:
    def config(archive: dict[str, object]) -> Path:
        cfg = tmp_path / "archiver.yaml"
        doc = {
            "archive": archive,
            "keys": {"pseudonym": "p", "signing": "s", "masked": [], "sealed": []},
            "sources": [],
        }
        doc["keys"]["masked"] = doc["keys"]["sealed"] = [  # type: ignore[index]
            {"type": "raw-aes", "key_name": "k", "file": "k"}
        ]
        cfg.write_text(yaml.safe_dump(doc))
        return cfg

    bucket = moto_server.new_bucket(object_lock=True)
    cfg = load_config(
        config(
            moto_server.archive_config(
                bucket,
                prefix="team/chat",
                object_lock={"mode": "GOVERNANCE", "days": 30},
                multipart_chunk_mb=8,
            )
        )
    )
    store = open_store(cfg)
    assert isinstance(store, S3Store)
    assert (store.bucket, store.prefix, store.chunk_bytes) == (bucket, "team/chat/", 8 << 20)
    assert store.object_lock == ObjectLock("GOVERNANCE", 30)
    assert store.put_if_absent("k", b"v") and store.get("k") == b"v"

    with pytest.raises(ConfigError, match=r"object_lock.*s3://"):
        open_store(
            load_config(config({"url": "local", "object_lock": {"mode": "COMPLIANCE", "days": 1}}))
        )
    with pytest.raises(ConfigError, match=r"archive\.object_lock\.mode"):
        load_config(config({"url": "s3://b/p", "object_lock": {"mode": "STRICT", "days": 1}}))
    with pytest.raises(ConfigError, match=r"archive\.multipart_chunk_mb"):
        load_config(config({"url": "s3://b/p", "multipart_chunk_mb": 1}))
