"""Reading a long chain: the whole chain against the chain from its newest checkpoint.

A local archive of one stream with R manifests (12 object entries each, an erasure-like
manifest superseding 6 objects every 50th; with ``--rewrite-every K``, every Kth manifest
supersedes every live object and names a twentieth as many new ones, as a compaction would)
is committed directly through the catalog (no crawl:
the objects are entries only, which is all reading a chain touches); a checkpoint is written
every N manifests as ``archiver run`` writes them. Then the stream's chain is read both ways
(what ``restore``, ``export``, ``retrieve`` and plain ``verify`` do first), a few times each,
and the median time, the manifests read (GETs counted by a wrapping store) and the live
objects found are printed side by side. Both ways must find the same live objects.

    .venv/bin/python bench/checkpoints.py [--manifests 1000] [--every 100] [--repeat 5]
        [--rewrite-every K]
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from archiver.archive.catalog import (
    Chain,
    Manifest,
    ObjectEntry,
    Partition,
    Provenance,
    RunInfo,
    StreamId,
    checkpoint,
    commit_next,
    list_streams,
    read_chain,
)
from archiver.archive.store import ObjectInfo, Store
from archiver.archive.store_local import LocalStore
from archiver.keys import Signer

STREAM = StreamId("peki-main", "peki", "bot1")


class Counting:
    """A store that counts GETs."""

    def __init__(self, inner: Store) -> None:
        self.inner, self.description, self.gets = inner, inner.description, 0

    def put_if_absent(self, key: str, data: bytes, *, sha256_hex: str | None = None) -> bool:
        return self.inner.put_if_absent(key, data, sha256_hex=sha256_hex)

    def get(self, key: str) -> bytes:
        self.gets += 1
        return self.inner.get(key)

    def head(self, key: str) -> ObjectInfo | None:
        return self.inner.head(key)

    def list(self, prefix: str) -> Iterator[ObjectInfo]:
        return self.inner.list(prefix)

    def delete(self, key: str) -> None:
        self.inner.delete(key)


def _entry(n: int) -> ObjectEntry:
    digest = hashlib.sha256(str(n).encode()).hexdigest()
    subjects = frozenset(hashlib.sha256(f"{n}-{i}".encode()).hexdigest()[:16] for i in range(8))
    return ObjectEntry(
        key=f"data/messages/source=peki-main/tenant=bot1/date=2026-01-01/r{n:07d}.parquet.enc",
        table="messages",
        sealed=n % 2 == 1,
        partition=Partition("peki-main", "bot1", "2026-01-01"),
        rows=40,
        plaintext_size=9000,
        ciphertext_size=9500,
        plaintext_sha256=digest,
        ciphertext_sha256=digest[::-1],
        time_min="2026-01-01T00:00:00.000Z",
        time_max="2026-01-01T01:00:00.000Z",
        subjects=subjects,
        sessions=subjects,
    )


def build(root: Path, manifests: int, every: int, signer: Signer, rewrite: int = 0) -> float:
    """Commit the chain; returns the seconds spent writing checkpoints."""
    store = LocalStore(root)
    provenance = Provenance(
        signer, {"version": "1", "sha256": "0" * 64}, {"masked": [], "sealed": []}
    )
    head: Manifest | None = None
    live: list[str] = []
    n = 0
    writing = 0.0
    for seq in range(1, manifests + 1):
        objects, gone = [], None
        if rewrite and seq % rewrite == 0:
            objects = [_entry(n + i) for i in range(max(1, len(live) // 20))]
            n += len(objects)
            gone, live = live, [o.key for o in objects]
        elif seq % 50 == 0 and len(live) > 6:
            gone, live = live[:6], live[6:]
        else:
            objects = [_entry(n + i) for i in range(12)]
            n += 12
            live += [o.key for o in objects]
        head = commit_next(
            store,
            provenance,
            previous=head,
            stream=STREAM,
            run=RunInfo(
                f"r{seq}", "2026-01-01T00:00:00.000Z", "2026-01-01T00:00:01.000Z", "complete", False
            ),
            objects=objects,
            state={"watermark": "2026-01-01T00:00:00.000Z", "seen": {}},
            supersedes=gone,
        )
        if every and checkpoint.due(store, STREAM.source, STREAM.tenant, seq, every):
            began = time.perf_counter()
            checkpoint.write_checkpoint(store, (STREAM.source, STREAM.tenant), signer)
            writing += time.perf_counter() - began
    return writing


def measure(root: Path, signer: Signer, repeat: int, *, fast: bool) -> dict[str, Any]:
    times, gets, live = [], 0, 0
    for _ in range(repeat):
        store = Counting(LocalStore(root))
        began = time.perf_counter()
        keys = list_streams(store)[(STREAM.source, STREAM.tenant)]
        chain: Chain = (
            checkpoint.read_chain_from_checkpoint(store, keys, signer.verifier)
            if fast
            else read_chain(store, keys, signer.verifier)
        )
        keys_live = [p.entry.key for p in chain.live()]
        times.append(time.perf_counter() - began)
        gets, live = store.gets, len(keys_live)
    return {"seconds": statistics.median(times), "gets": gets, "live": live, "keys": keys_live}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--manifests", type=int, default=1000)
    ap.add_argument("--every", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--rewrite-every", type=int, default=0)
    args = ap.parse_args(argv)
    signer = Signer(Ed25519PrivateKey.generate())
    with tempfile.TemporaryDirectory() as d:
        root = Path(d)
        began = time.perf_counter()
        writing = build(root, args.manifests, args.every, signer, args.rewrite_every)
        built = time.perf_counter() - began
        full = measure(root, signer, args.repeat, fast=False)
        fast = measure(root, signer, args.repeat, fast=True)
        if full["keys"] != fast["keys"]:
            print("MISMATCH: the two ways name different live objects", file=sys.stderr)
            return 1
        sizes = Counter(
            "checkpoints" if p.parts[len(root.parts)] == "checkpoints" else "manifests"
            for p in root.rglob("*.json")
        )
        newest = max((root / "checkpoints").rglob("*.json"), default=None)
        newest_kib = newest.stat().st_size // 1024 if newest else 0
    print(
        f"one stream, {args.manifests} manifests"
        + (f" (all objects rewritten every {args.rewrite_every})" if args.rewrite_every else "")
        + f", a checkpoint every {args.every} "
        f"({sizes['checkpoints']} written, {writing:.2f} s of the {built:.1f} s build; newest "
        f"{newest_kib} KiB), {full['live']} live objects"
    )
    print("| read | GETs (manifests, checkpoint) | seconds (median) | ratio |")
    print("|---|---:|---:|---:|")
    print(f"| whole chain | {full['gets']} | {full['seconds']:.3f} | 1.00 |")
    print(
        f"| from the newest checkpoint | {fast['gets']} | {fast['seconds']:.3f} | "
        f"{fast['seconds'] / full['seconds']:.2f} |"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
