"""Local pipeline speed and memory: transform + Parquet + encrypt + store.

    .venv/bin/python bench/pipeline.py throughput [--messages 100000] [--repeat 3]
    .venv/bin/python bench/pipeline.py memory [--sizes 100000,1000000,3000000]

``throughput`` runs the real engine over an in-process source (no HTTP: the crawl's cost is
measured by bench/crawl_requests.py) and compares with the practical limit on the same rows:
pyarrow writing Parquet (zstd) plus AES-256-GCM of the bytes, nothing else.
``memory`` archives N messages in a fresh process per size and reports its peak RSS.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from statistics import median
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pyarrow as pa
import pyarrow.parquet as pq
import yaml
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from archiver.config import load_config
from archiver.context import Context
from archiver.crawl import engine
from archiver.ops.init import init_dir
from archiver.sources.base import Record
from archiver.sources.paging import ScanStats

T0 = datetime(2025, 1, 1, tzinfo=UTC)
WORDS = (
    "please",
    "order",
    "delivery",
    "refund",
    "account",
    "thanks",
    "hello",
    "status",
    "invoice",
    "tomorrow",
    "problem",
    "payment",
    "card",
    "help",
    "again",
    "today",
)


def text(i: int) -> str:
    n = 6 + i % 17
    body = " ".join(WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(n))
    if i % 10 == 0:
        body += f" write to me at user{i % 997}@example.com"
    if i % 13 == 0:
        body += f" or call +90 532 {i % 900 + 100} {i % 90 + 10} {i % 80 + 10}"
    return body


def message(i: int) -> dict[str, Any]:
    ts = T0 + timedelta(seconds=30 * i)
    return {
        "id": f"{i:024x}",
        "chatbotId": "bench",
        "chatSessionId": f"s{i // 8:023x}",
        "chatUserId": f"u{i // 40:023x}",
        "senderType": "User" if i % 2 else "Bot",
        "text": text(i),
        "url": None,
        "tokenCount": 20 + i % 50,
        "createdAt": ts.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
    }


class SyntheticSource:
    """Yields N immutable messages newest first, like a platform's message list."""

    type = "peki"

    def __init__(self, name: str, n: int) -> None:
        self.name, self.n = name, n

    def tenants(self) -> list[str]:
        return ["bench"]

    def changes(self, tenant: str, since: datetime | None) -> Iterator[Record]:
        for i in range(self.n - 1, -1, -1):
            m = message(i)
            ts = T0 + timedelta(seconds=30 * i)
            yield Record(
                "messages",
                m["id"],
                m,
                ts,
                ts,
                user_id=m["chatUserId"],
                session_id=m["chatSessionId"],
            )

    def crawl_started_at(self, tenant: str) -> datetime | None:
        return T0 + timedelta(seconds=30 * self.n + 1)

    def http_stats(self) -> dict[str, int]:
        return {"requests": 0}

    def request_count(self) -> int:
        return 0

    def scan_stats(self, tenant: str) -> dict[str, ScanStats]:
        return {}

    def close(self) -> None:
        pass


def archive(n: int, directory: Path, workers: int = 1) -> tuple[float, float, int]:
    """Wall and CPU seconds of one ``run_archive`` of ``n`` messages, and ciphertext bytes."""
    cfg_path = init_dir(directory)
    doc = yaml.safe_load(cfg_path.read_text())
    doc["crawl"] = {"workers": workers, "workers_from_records": 0}
    doc["sources"] = [
        {
            "name": "bench",
            "type": "peki",
            "base_url": "http://127.0.0.1:9/api",
            "api_key": "k",
            "api_secret": "s",
            "chatbot_ids": ["bench"],
        }
    ]
    cfg_path.write_text(yaml.safe_dump(doc))
    ctx = Context.open(load_config(cfg_path))
    orig = engine.build_source
    engine.build_source = lambda cfg, sc, **_: SyntheticSource(sc.name, n)  # type: ignore[assignment]
    try:
        t, c = time.perf_counter(), time.process_time()
        report = engine.run_archive(ctx)
        dt, dc = time.perf_counter() - t, time.process_time() - c
    finally:
        engine.build_source = orig
    assert report.exit_code == 0, report
    return dt, dc, sum(s.bytes for s in report.streams)


def baseline(n: int) -> tuple[float, float, int]:
    """pyarrow Parquet (zstd) + AES-256-GCM of the same records, in parts of 200k rows."""
    key = AESGCM(AESGCM.generate_key(256))
    t, c = time.perf_counter(), time.process_time()
    total = 0
    for start in range(0, n, 200_000):
        rows = [message(i) for i in range(start, min(n, start + 200_000))]
        table = pa.Table.from_pylist(rows)
        buf = io.BytesIO()
        pq.write_table(table, buf, compression="zstd")
        total += len(key.encrypt(os.urandom(12), buf.getvalue(), None))
    return time.perf_counter() - t, time.process_time() - c, total


def throughput(n: int, repeat: int) -> None:
    """Rounds interleaved (limit, archiver, limit, ...) so load changes hit both alike."""
    mb_in = sum(len(json.dumps(message(i), separators=(",", ":"))) for i in range(n)) / 1e6
    lim: list[tuple[float, float, int]] = []
    arc: list[tuple[float, float, int]] = []
    for _ in range(repeat):
        lim.append(baseline(n))
        with tempfile.TemporaryDirectory() as d:
            arc.append(archive(n, Path(d)))
    wl, cl = median(x[0] for x in lim), median(x[1] for x in lim)
    wa, ca = median(x[0] for x in arc), median(x[1] for x in arc)
    print(
        f"{n:,} messages ({mb_in:.1f} MB as JSON), medians of {repeat} interleaved rounds; "
        "the archiver writes each message twice (masked copy and sealed original)"
    )
    print(
        "| pipeline | seconds | CPU seconds | messages/s | MB/s (JSON in) "
        "| vs limit (wall) | vs limit (CPU) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    print(
        f"| pyarrow + AES-GCM (practical limit) | {wl:.2f} | {cl:.2f} | {n / wl:,.0f} | "
        f"{mb_in / wl:.1f} | 1.00 | 1.00 |"
    )
    print(
        f"| archiver (mask + Parquet ×2 + encrypt + store + manifest) | {wa:.2f} | {ca:.2f} | "
        f"{n / wa:,.0f} | {mb_in / wa:.1f} | {wl / wa:.2f} | {cl / ca:.2f} |"
    )


def memory(sizes: list[int]) -> None:
    print("| messages | peak RSS (MiB) | seconds |")
    print("|---:|---:|---:|")
    for n in sizes:
        out = subprocess.run(
            [sys.executable, __file__, "_one", str(n)], capture_output=True, text=True, check=True
        )
        rss, dt = out.stdout.split()
        print(f"| {n:,} | {int(rss) / 1024:.0f} | {float(dt):.1f} |", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=["throughput", "memory", "_one"])
    ap.add_argument("n", nargs="?", type=int)
    ap.add_argument("--messages", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--sizes", default="100000,1000000,3000000")
    a = ap.parse_args()
    if a.what == "throughput":
        throughput(a.messages, a.repeat)
    elif a.what == "memory":
        memory([int(s) for s in a.sizes.split(",")])
    else:
        with tempfile.TemporaryDirectory() as d:
            dt, _, _ = archive(a.n, Path(d))
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, f"{dt:.1f}")


if __name__ == "__main__":
    main()
