"""Encrypt + upload throughput against raw AES-GCM on the same bytes, in one run.

    .venv/bin/python bench/encrypt_upload.py [--objects 8] [--size-mib 8] [--repeat 5]
        [--endpoint-url URL --bucket NAME]   # a real S3-compatible endpoint instead of moto

Rows (MB/s = 10^6 bytes of plaintext per second; medians of ``--repeat`` rounds; every row
processes the same ``--objects`` random objects of ``--size-mib`` MiB):

- raw AES-GCM: ``cryptography``'s AESGCM over 1 MiB chunks (one nonce each), the floor any
  envelope format adds to;
- SDK encrypt, raw AES key: ``Keyring.encrypt`` as the archive uses it (AWS Encryption SDK
  message, committing suite, 1 MiB frames, data key wrapped with AES-GCM);
- SDK encrypt, KMS key: the same with an ``aws-kms`` key (one GenerateDataKey per object, to
  moto's KMS on loopback);
- upload only: ``S3Store.put_if_absent`` of ready ciphertexts (If-None-Match, SHA-256
  checksum, multipart above 16 MiB), to a moto server in its own process;
- raw AES-GCM + upload, and SDK encrypt + upload: one object after the other, as one stream
  of ``archiver run`` does; the "4 threads" row is four streams in parallel.

Moto keeps objects in memory and parses every request in Python, so "upload" is a loopback
server's speed, not S3's; against real S3 the network dominates and encryption matters less.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archiver.archive.crypto import (
    FRAME_LENGTH,
    Keyring,
    KeyringSpec,
    build_keyring,
    generate_aes_key_file,
)
from archiver.archive.store_s3 import S3Store, aws_client

CONTEXT = {"archiver:object": "data/messages/bench.parquet.enc", "archiver:kind": "masked"}


@contextmanager
def moto_process() -> Iterator[str]:
    """A moto server in its own process (so it does not share this process's CPU time)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(url + "/moto-api/", timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


def raw_gcm(data: bytes) -> bytes:
    aead = AESGCM(AESGCM.generate_key(bit_length=256))
    out = []
    for i, off in enumerate(range(0, len(data), FRAME_LENGTH)):
        nonce = i.to_bytes(12, "big")
        out.append(aead.encrypt(nonce, data[off : off + FRAME_LENGTH], None))
    return b"".join(out)


def rate(total_bytes: int, seconds: list[float]) -> float:
    return total_bytes / statistics.median(seconds) / 1e6


def interleaved(
    repeat: int, cases: list[tuple[str, Callable[[int], object]]]
) -> dict[str, list[float]]:
    """Seconds per round of each case; rounds interleave the cases (after one warm-up round
    each), so a noisy neighbour slows them all alike instead of skewing one row."""
    for _name, fn in cases:
        fn(-1)
    out: dict[str, list[float]] = {name: [] for name, _ in cases}
    for r in range(repeat):
        for name, fn in cases:
            t0 = time.perf_counter()
            fn(r)
            out[name].append(time.perf_counter() - t0)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--objects", type=int, default=8)
    ap.add_argument("--size-mib", type=float, default=8)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--endpoint-url", help="S3 endpoint to use instead of a local moto server")
    ap.add_argument("--bucket", help="existing bucket at --endpoint-url")
    a = ap.parse_args()
    for k, v in {
        "AWS_ACCESS_KEY_ID": "bench",
        "AWS_SECRET_ACCESS_KEY": "bench",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        if not a.endpoint_url:
            os.environ[k] = v
    os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")

    size = int(a.size_mib * 1024 * 1024)
    objects = [os.urandom(size) for _ in range(a.objects)]
    total = size * a.objects

    with (
        tempfile.TemporaryDirectory() as d,
        moto_process() if not a.endpoint_url else _given(a.endpoint_url) as url,
    ):
        generate_aes_key_file(Path(d) / "k.key")
        aes = build_keyring([KeyringSpec(type="raw-aes", key_name="bench", file=Path(d) / "k.key")])
        bucket = a.bucket or f"bench-{uuid.uuid4().hex[:12]}"
        if not a.bucket:
            aws_client("s3", endpoint_url=url, region_name="us-east-1").create_bucket(Bucket=bucket)
        store = S3Store(bucket, "bench/", endpoint_url=url, region="us-east-1", path_style=True)
        kms: Keyring | None = None
        if not a.endpoint_url:
            arn = aws_client("kms", endpoint_url=url, region_name="us-east-1").create_key()[
                "KeyMetadata"
            ]["Arn"]
            kms = build_keyring(
                [KeyringSpec(type="aws-kms", key_name="bench", key_id=arn, endpoint_url=url)]
            )
        ciphertexts = [aes.encrypt(o, CONTEXT) for o in objects]

        def key(r: int, i: int, kind: str) -> str:
            return f"{kind}/r{r + 1}/{uuid.uuid4().hex[:8]}-{i}"

        def upload(r: int, kind: str, encrypt: Callable[[bytes], bytes], threads: int) -> None:
            def one(i: int) -> None:
                assert store.put_if_absent(key(r, i, kind), encrypt(objects[i]))

            with ThreadPoolExecutor(threads) as pool:
                list(pool.map(one, range(len(objects))))

        cases: list[tuple[str, Callable[[int], object]]] = [
            ("raw AES-GCM (cryptography)", lambda r: [raw_gcm(o) for o in objects]),
            ("SDK encrypt, raw AES key", lambda r: [aes.encrypt(o, CONTEXT) for o in objects]),
        ]
        if kms is not None:
            kms_ring = kms
            cases.append(
                (
                    "SDK encrypt, KMS key (moto KMS)",
                    lambda r: [kms_ring.encrypt(o, CONTEXT) for o in objects],
                )
            )
        cases += [
            (
                "upload only (S3Store.put_if_absent)",
                lambda r: [
                    store.put_if_absent(key(r, i, "up"), c) for i, c in enumerate(ciphertexts)
                ],
            ),
            ("raw AES-GCM + upload", lambda r: upload(r, "gcm", raw_gcm, 1)),
            (
                "SDK encrypt + upload",
                lambda r: upload(r, "sdk", lambda o: aes.encrypt(o, CONTEXT), 1),
            ),
            (
                "SDK encrypt + upload, 4 threads",
                lambda r: upload(r, "sdk4", lambda o: aes.encrypt(o, CONTEXT), 4),
            ),
        ]
        rows = list(interleaved(a.repeat, cases).items())

    base = rate(total, rows[0][1])
    where = a.endpoint_url or "moto server (own process, loopback)"
    print(
        f"{a.objects} objects x {a.size_mib:g} MiB random bytes, median of {a.repeat}; "
        f"store: {where}; Python {sys.version.split()[0]}, {os.cpu_count()} CPUs"
    )
    print(f"{'':38} {'MB/s':>8} {'vs raw AES-GCM':>15}")
    for name, seconds in rows:
        mbs = rate(total, seconds)
        print(f"{name:38} {mbs:8.1f} {mbs / base:14.2f}x")


@contextmanager
def _given(url: str) -> Iterator[str]:
    yield url


if __name__ == "__main__":
    main()
