"""Local pipeline speed and memory: transform + Parquet + encrypt + store, next to dlt.

    .venv/bin/python bench/pipeline.py throughput [--messages 100000] [--repeat 3]
        [--workers N] [--no-dlt] [--dlt-venv DIR]
    .venv/bin/python bench/pipeline.py memory [--sizes 100000,1000000,3000000] [--workers N]

``throughput`` runs the real engine over an in-process source (no HTTP: the crawl's cost is
measured by bench/crawl_requests.py) with one worker (all in-process) and with ``--workers``
(default: the cores), and compares with the practical limit on the same rows (pyarrow writing
Parquet (zstd) plus AES-256-GCM of the bytes, nothing else) and with dlt's extract ->
normalize -> load of the same rows to local Parquet (``bench/peer/dlt_local.py``, in the
virtualenv ``bench/.venv-dlt``, or ``--dlt-venv``, created on first use: dlt pins a botocore
older than the project's boto3). Rounds are interleaved (limit, archiver 1, archiver N, dlt, ...).
``_one N --workers W`` is one such run, printed as JSON with its CPU seconds by process (the
run's own, its forked workers', workers of a fork server, the fork server's).
``memory`` archives N messages in a fresh process per size and reports the peak of the memory
of that process, its fork server and its workers together (PSS, and RSS summed; sampled every
50 ms from /proc).
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
from datetime import datetime, timedelta
from pathlib import Path
from statistics import median
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pyarrow as pa
import pyarrow.parquet as pq
import yaml
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from peer.synthetic import T0, message

from archiver.config import load_config
from archiver.context import Context
from archiver.crawl import engine
from archiver.crawl.workers import default_workers
from archiver.ops.init import init_dir
from archiver.sources.base import Record
from archiver.sources.paging import ScanStats


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


def _forkserver_cpu() -> float:
    """CPU seconds of the fork server the workers were forked from (0 if none)."""
    from multiprocessing import forkserver

    pid = getattr(forkserver._forkserver, "_forkserver_pid", None)
    if not pid:
        return 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


#: CPU seconds of the last ``archive`` by process: the run's own, its workers', the fork
#: server's (where two workers' extra CPU goes).
SPLIT: dict[str, float] = {}
#: Wall-clock times (``time.time``) the last ``archive``'s commits began and ended, so
#: ``memory`` can say whether its peak is the commit's or the crawl's.
COMMITS: list[tuple[float, float]] = []


def archive(n: int, directory: Path, workers: int = 1) -> tuple[float, float, int]:
    """Wall and CPU seconds (this process, its workers and their fork server) of one
    ``run_archive`` of ``n`` messages, and ciphertext bytes. Workers take records from the
    first one on."""
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
    orig, orig_pool = engine.build_source, engine.LazyPool
    engine.build_source = lambda cfg, sc, **_: SyntheticSource(sc.name, n)  # type: ignore[assignment]
    pools: list[engine.LazyPool] = []

    class CountedPool(engine.LazyPool):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            pools.append(self)

    engine.LazyPool = CountedPool  # type: ignore[misc]
    orig_commit = engine.commit_next
    COMMITS.clear()

    def timed_commit(*args: Any, **kwargs: Any) -> Any:
        began = time.time()
        try:
            return orig_commit(*args, **kwargs)
        finally:
            COMMITS.append((began, time.time()))

    engine.commit_next = timed_commit  # type: ignore[assignment]
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    server = _forkserver_cpu()
    try:
        t, c = time.perf_counter(), time.process_time()
        report = engine.run_archive(ctx)  # the workers are joined when it returns
        dt, dc = time.perf_counter() - t, time.process_time() - c
    finally:
        engine.build_source, engine.LazyPool = orig, orig_pool  # type: ignore[misc]
        engine.commit_next = orig_commit  # type: ignore[assignment]
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    SPLIT.clear()
    SPLIT["run"] = dc
    SPLIT["children"] = (after.ru_utime - kids.ru_utime) + (after.ru_stime - kids.ru_stime)
    # Workers forked from the run are its children (counted above once joined); those of
    # a fork server report their own.
    SPLIT["workers"] = sum(p.cpu_seconds for p in pools if not p.forked)
    SPLIT["server"] = _forkserver_cpu() - server
    dc += SPLIT["children"] + SPLIT["workers"] + SPLIT["server"]
    assert report.exit_code == 0, report
    return dt, dc, sum(s.bytes for s in report.streams)


BENCH = Path(__file__).resolve().parent


def archive_fresh(n: int, workers: int) -> tuple[float, float, int]:
    """``archive`` in a process of its own, as one CLI run (its fork server starts anew)."""
    out = subprocess.run(
        [sys.executable, __file__, "_one", str(n), "--workers", str(workers)],
        capture_output=True,
        text=True,
        check=True,
    )
    got = json.loads(out.stdout.strip().splitlines()[-1])
    return got["seconds"], got["cpu"], got["bytes"]


def dlt_run(n: int, venv: Path | None = None) -> tuple[float, float, int]:
    """dlt's ``pipeline.run`` of the same ``n`` messages to local Parquet, in its virtualenv
    (``venv``, else ``bench/.venv-dlt``)."""
    from peer_dlt import DLT_VENV, ensure_dlt_venv

    venv = venv or DLT_VENV
    ensure_dlt_venv(venv)
    with tempfile.TemporaryDirectory() as d:
        out = subprocess.run(
            [str(venv / "bin" / "python"), str(BENCH / "peer" / "dlt_local.py"), str(n), d],
            capture_output=True,
            text=True,
            check=True,
        )
        got = json.loads(out.stdout.strip().splitlines()[-1])
        size = sum(f.stat().st_size for f in Path(d, "data").rglob("*.parquet"))
    assert got["rows"] == n, got
    return got["seconds"], got["cpu"], size


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


def throughput(
    n: int, repeat: int, workers: int, with_dlt: bool, dlt_venv: Path | None = None
) -> None:
    """Rounds interleaved (limit, archiver 1, archiver N, dlt, ...) so load changes hit all."""
    mb_in = sum(len(json.dumps(message(i), separators=(",", ":"))) for i in range(n)) / 1e6
    runs: dict[str, list[tuple[float, float, int]]] = {"limit": [], "one": [], "many": []}
    if with_dlt:
        runs["dlt"] = []
    for _ in range(repeat):
        runs["limit"].append(baseline(n))
        for key, w in (("one", 1), ("many", workers)):
            runs[key].append(archive_fresh(n, w))
        if with_dlt:
            runs["dlt"].append(dlt_run(n, dlt_venv))
    wall = {k: median(x[0] for x in v) for k, v in runs.items()}
    cpu = {k: median(x[1] for x in v) for k, v in runs.items()}
    print(
        f"{n:,} messages ({mb_in:.1f} MB as JSON), medians of {repeat} interleaved rounds; "
        "the archiver writes each message twice (masked copy and sealed original); "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end"
    )
    print(
        "| pipeline | seconds | CPU seconds (all processes) | messages/s | MB/s (JSON in) "
        "| vs limit (wall) | vs dlt (wall) | each round, seconds |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    names = {
        "limit": "pyarrow + AES-GCM (practical limit)",
        "one": "archiver, 1 worker (in-process)",
        "many": f"archiver, {workers} workers",
        "dlt": "dlt extract → normalize → load, local Parquet",
    }
    for k in runs:
        vs_dlt = f"{wall['dlt'] / wall[k]:.2f}" if "dlt" in wall else "-"
        rounds = ", ".join(f"{x[0]:.2f}" for x in runs[k])
        print(
            f"| {names[k]} | {wall[k]:.2f} | {cpu[k]:.2f} | {n / wall[k]:,.0f} | "
            f"{mb_in / wall[k]:.1f} | {wall['limit'] / wall[k]:.2f} | {vs_dlt} | {rounds} |"
        )


def _tree_memory(pid: int) -> tuple[int, int]:
    """RSS and PSS in KiB of ``pid`` and every process below it (its fork server and
    workers). RSS counts the pages workers share with their fork server once per process;
    PSS splits each shared page among its sharers, so its sum is what the processes hold
    together (what a container's memory limit is charged)."""
    parents: dict[int, int] = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_text()
        except OSError:
            continue
        parents[int(d.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    rss = pss = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            rollup = Path(f"/proc/{p}/smaps_rollup").read_text()
        except OSError:
            continue
        for line in rollup.splitlines():
            if line.startswith("Rss:"):
                rss += int(line.split()[1])
            elif line.startswith("Pss:"):
                pss += int(line.split()[1])
        todo.extend(c for c, pp in parents.items() if pp == p)
    return rss, pss


def _run_pss(pid: int) -> int:
    """PSS in KiB of ``pid`` alone."""
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    return sum(int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:"))


def memory(sizes: list[int], workers: int) -> None:
    """Peak memory by size; with it, the peak PSS of the run + workers and of the run alone
    outside and during its commit (``commit_next``), to say which phase holds the peak."""
    print(f"workers: {workers}")
    print(
        "| messages | peak PSS, run + workers (MiB) | peak RSS summed (MiB) "
        "| peak RSS, run alone (MiB) | seconds | peak PSS before / during the commit (MiB) "
        "| run alone: peak PSS before / during the commit (MiB) | commit (s) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        proc = subprocess.Popen(
            [sys.executable, __file__, "_one", str(n), "--workers", str(workers)],
            stdout=subprocess.PIPE,
            text=True,
        )
        samples: list[tuple[float, int, int, int]] = []  # time, tree RSS, tree PSS, run PSS
        while proc.poll() is None:
            rss, pss = _tree_memory(proc.pid)
            samples.append((time.time(), rss, pss, _run_pss(proc.pid)))
            time.sleep(0.05)
        out, _ = proc.communicate()
        assert proc.returncode == 0
        got = json.loads(out.strip().splitlines()[-1])
        commits = [tuple(c) for c in got["commits"]]

        def during(t: float, commits: list[tuple[float, ...]] = commits) -> bool:
            return any(a <= t <= b for a, b in commits)

        def peak(
            i: int, inside: bool, samples: list[tuple[float, int, int, int]] = samples
        ) -> float:
            return max((s[i] for s in samples if during(s[0]) == inside), default=0) / 1024

        print(
            f"| {n:,} | {max(s[2] for s in samples) / 1024:.0f} "
            f"| {max(s[1] for s in samples) / 1024:.0f} "
            f"| {got['maxrss_kib'] / 1024:.0f} | {got['seconds']:.1f} "
            f"| {peak(2, False):.0f} / {peak(2, True):.0f} "
            f"| {peak(3, False):.0f} / {peak(3, True):.0f} "
            f"| {sum(b - a for a, b in commits):.1f} |",
            flush=True,
        )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=["throughput", "memory", "_one"])
    ap.add_argument("n", nargs="?", type=int)
    ap.add_argument("--messages", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--sizes", default="100000,1000000,3000000")
    ap.add_argument("--workers", type=int, default=default_workers())
    ap.add_argument("--no-dlt", action="store_true")
    ap.add_argument("--dlt-venv", type=Path, default=None, help="dlt's virtualenv")
    a = ap.parse_args()
    if a.what == "throughput":
        throughput(a.messages, a.repeat, a.workers, not a.no_dlt, a.dlt_venv)
    elif a.what == "memory":
        memory([int(s) for s in a.sizes.split(",")], a.workers)
    else:
        with tempfile.TemporaryDirectory() as d:
            dt, cpu, size = archive(a.n, Path(d), a.workers)
        maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(
            json.dumps(
                {"seconds": dt, "cpu": cpu, "bytes": size, "maxrss_kib": maxrss, "commits": COMMITS}
                | {f"cpu_{k}": round(v, 3) for k, v in SPLIT.items()}
            )
        )


if __name__ == "__main__":
    main()
