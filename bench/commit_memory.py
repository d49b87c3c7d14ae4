"""The commit of one large manifest: memory above the writer's own entries, and CPU.

A long run's manifest lists each object's session and subject index; committing it (sign,
the readers' check, put) is what the run process grows by at the end. This rebuilds that
shape synthetically (the ``pipeline.py memory`` run at 1M messages wrote 688-733 objects,
250,000 session and 50,000 subject entries: each session and person in a masked and a
sealed object), commits it into a local store, and reports
``tracemalloc``'s peak during the commit above the entries, what the returned manifest keeps,
CPU seconds, and the manifest's SHA-256 (the same for the same ``--seed`` on every version).

    .venv/bin/python bench/commit_memory.py --objects 700 --sessions 125000 --subjects 25000 [--rss]
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from archiver.archive.catalog.builder import Provenance, commit_next
from archiver.archive.catalog.model import (
    INDEX_HEX,
    ObjectEntry,
    Partition,
    RunInfo,
    StreamId,
    index_set,
)
from archiver.archive.store_local import LocalStore
from archiver.keys import Signer

_TABLES = ("messages", "sessions", "users")


def entries(n_objects: int, n_sessions: int, n_subjects: int, seed: int) -> list[ObjectEntry]:
    """Objects as a writer holds them (``writer.write_object``: ``index_set``), spread over
    the objects."""
    rnd = random.Random(seed)

    def hexes(n: int) -> list[str]:
        return [sys.intern(f"{rnd.getrandbits(64):0{INDEX_HEX}x}") for _ in range(n)]

    sessions, subjects = hexes(n_sessions), hexes(n_subjects)
    out = []
    pairs = max(n_objects // 2, 1)
    for i in range(n_objects):
        k = i // 2  # the masked and the sealed object of the same rows: the same index
        table = _TABLES[i % 3]
        out.append(
            ObjectEntry(
                key=f"data/{table}/source=s/tenant=t/date=2026-01-01/r-{i:05d}.parquet.enc",
                table=table,  # type: ignore[arg-type]
                sealed=bool(i % 2),
                partition=Partition("s", "t", "2026-01-01"),
                rows=1000 + i,
                plaintext_size=10_000 + i,
                ciphertext_size=10_100 + i,
                plaintext_sha256=f"{rnd.getrandbits(256):064x}",
                ciphertext_sha256=f"{rnd.getrandbits(256):064x}",
                time_min="2026-01-01T00:00:00.000000Z",
                time_max="2026-01-01T23:59:59.000000Z",
                subjects=index_set(subjects[j] for j in range(k, n_subjects, pairs)),
                sessions=index_set(sessions[j] for j in range(k, n_sessions, pairs)),
            )
        )
    return out


def _status(field: str) -> int:
    """A size from ``/proc/self/status``, in bytes."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    raise LookupError(field)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--objects", type=int, default=700)
    ap.add_argument("--sessions", type=int, default=125_000)
    ap.add_argument("--subjects", type=int, default=25_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--rss",
        action="store_true",
        help="no tracemalloc: the process's peak RSS above its RSS before the commit, and CPU",
    )
    args = ap.parse_args()
    signer = Signer(Ed25519PrivateKey.from_private_bytes(bytes(32)))
    policy = {"version": "1", "sha256": "0" * 64}
    provenance = Provenance(signer, policy, {"masked": [], "sealed": []})
    run = RunInfo("r", "2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z", "complete", True)
    with tempfile.TemporaryDirectory() as tmp:
        store = LocalStore(Path(tmp))
        if not args.rss:
            tracemalloc.start()
        objects = entries(args.objects, args.sessions, args.subjects, args.seed)
        gc.collect()
        base = tracemalloc.get_traced_memory()[0] if not args.rss else _status("VmRSS")
        tracemalloc.reset_peak()
        cpu, wall = time.process_time(), time.perf_counter()
        m = commit_next(
            store,
            provenance,
            previous=None,
            stream=StreamId("s", "t", "t"),
            run=run,
            objects=objects,
            state={"watermark": "2026-01-01T00:00:00.000Z", "seen": {}},
        )
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        sha = hashlib.sha256(m.raw).hexdigest()[:16]
        if args.rss:
            print(
                f"objects {args.objects} sessions {args.sessions} subjects {args.subjects}: "
                f"RSS before the commit {base / 2**20:.1f} MiB, peak RSS "
                f"+{(_status('VmHWM') - base) / 2**20:.1f} MiB, "
                f"after +{(_status('VmRSS') - base) / 2**20:.1f} MiB; cpu {cpu:.2f} s, "
                f"wall {wall:.2f} s; sha256 {sha}"
            )
            return
        peak = tracemalloc.get_traced_memory()[1] - base
        gc.collect()
        kept = tracemalloc.get_traced_memory()[0] - base
        tracemalloc.stop()
        print(
            f"objects {args.objects} sessions {args.sessions} subjects {args.subjects}: "
            f"entries {base / 2**20:.1f} MiB, manifest {len(m.raw) / 1e6:.2f} MB; "
            f"commit peak +{peak / 2**20:.1f} MiB, kept +{kept / 2**20:.1f} MiB; "
            f"cpu {cpu:.2f} s, wall {wall:.2f} s (under tracemalloc); "
            f"sha256 {sha}"
        )


if __name__ == "__main__":
    main()
