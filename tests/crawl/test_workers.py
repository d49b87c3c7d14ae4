"""The transform in worker processes: the same archive as in-process, errors alike, no orphans."""

from __future__ import annotations

import gc
import os
import signal
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archiver.archive.crypto import build_keyring, generate_aes_key_file
from archiver.archive.reader import ArchiveReader
from archiver.archive.store_local import LocalStore
from archiver.archive.tables import row_size, schema_for
from archiver.archive.writer import RowBatch, StreamWriter
from archiver.config import KeyringSpec
from archiver.crawl import engine, workers
from archiver.errors import EXIT_FAILURE, FatalError
from archiver.simulators.peki import PekiSimulator
from archiver.sources.base import Record
from tests.archive_truth import committed_rows
from tests.conftest import BOTS, examples, open_ctx, sealed_ctx, write_config
from tests.faults.helpers import archiver_process, archiver_run
from tests.helpers import archive_files

PYTHON = sys.executable
RUN_ID = "20260101T000000Z-0000beef"

#: A Peki source no test here calls (its port is closed): the runs below never crawl it.
UNREACHED_PEKI = {
    "name": "peki-main",
    "type": "peki",
    "base_url": "http://127.0.0.1:9/api",
    "api_key": "k",
    "api_secret": "s",
    "chatbot_ids": ["bot"],
}


def _policy_holding(path: Path, hold: int) -> Path:
    """The shipped policy with a short hold, so records leave it while the stream runs."""
    doc = yaml.safe_load(
        resources.files("archiver").joinpath("policies", "default.yaml").read_text()
    )
    doc["detectors"]["learn"]["hold_records"] = hold
    path.write_text(yaml.safe_dump(doc, allow_unicode=True))
    return path


def _variant(base: Path, name: str, **crawl: Any) -> Path:
    """``base``'s config (same keys) with its own archive folder and crawl settings."""
    doc = yaml.safe_load(base.read_text())
    doc["archive"]["url"] = str(base.parent / name)
    doc["crawl"] |= crawl
    out = base.parent / f"{name}.yaml"
    out.write_text(yaml.safe_dump(doc))
    return out


def _objects(cfg: Path) -> list[tuple[str, str, bool, int, str]]:
    ctx = open_ctx(cfg)
    reader = ArchiveReader(ctx.store, verifier=ctx.verifier, masked=None, sealed=None)
    return sorted(
        (e.key.split("/", 1)[1], e.table, e.sealed, e.rows, e.plaintext_sha256)
        for e in reader.catalog.live_entries()
    )


def test_one_worker_and_three_workers_commit_the_same_archive(
    peki: PekiSimulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same simulator data, same keys: identical rows, record hashes, parts and the
    manifests' object lists, whether one process does the transform or three workers do
    (a short hold and small parts, so records leave the hold and parts are cut mid-stream)."""
    started: list[int] = []
    real_init = workers.WorkerPool.__init__

    def counting(
        self: workers.WorkerPool, spec: workers.WorkerSpec, n: int, fork: bool = False
    ) -> None:
        started.append(n)
        real_init(self, spec, n, fork)

    monkeypatch.setattr(workers.WorkerPool, "__init__", counting)
    # The stream waits for the workers here (it would go on in-process until they are up).
    real_poll = workers.LazyPool.poll

    def waiting(self: workers.LazyPool) -> workers.WorkerPool | None:
        real_poll(self)
        if self._starting is not None:
            self._starting.join()
        return real_poll(self)

    monkeypatch.setattr(workers.LazyPool, "poll", waiting)
    feeds: list[int] = []
    real_feed = engine._Feed.add

    def feeding(self: engine._Feed, rec: Record) -> None:
        feeds.append(1)
        real_feed(self, rec)

    monkeypatch.setattr(engine._Feed, "add", feeding)
    base = write_config(
        tmp_path,
        peki,
        archive={"part_rows": 37},
        crawl={"streams_in_parallel": 2},
    )
    doc = yaml.safe_load(base.read_text())
    doc["masking"] = {"policy": str(_policy_holding(tmp_path / "policy.yaml", 25))}
    base.write_text(yaml.safe_dump(doc))
    one = _variant(base, "one", workers=1)
    three = _variant(base, "three", workers=3, workers_from_records=40)
    for cfg in (one, three):
        report = engine.run_archive(open_ctx(cfg), run_id=RUN_ID)
        assert report.exit_code == 0, report
        assert sum(sum(s.records.values()) for s in report.streams) > 200
    assert started == [3], "the three-worker run never started its workers"
    assert len(feeds) > 150, "the three-worker run never used its workers"
    assert len(_objects(one)) > 20  # parts were cut along the way
    assert _objects(one) == _objects(three)
    for sealed in (False, True):
        opener = sealed_ctx if sealed else open_ctx
        a = committed_rows(opener(one), sealed=sealed)
        b = committed_rows(opener(three), sealed=sealed)
        assert a == b
    assert "<NAME" in str(committed_rows(open_ctx(three), sealed=False)["messages"])


def _rows(draw: st.DrawFn, n: int) -> list[tuple[str, dict[str, Any], dict[str, Any], str | None]]:
    t0 = datetime(2025, 3, 1, tzinfo=UTC)
    out = []
    for i in range(n):
        table = draw(st.sampled_from(["messages", "messages", "sessions", "users"]))
        ts = t0 + timedelta(hours=draw(st.integers(0, 60)))
        base: dict[str, Any] = {
            "source": "s",
            "tenant": "t",
            "subject_id": f"{i % 7:064x}",
            "created_at": ts,
            "version_time": ts,
            "record_hash": f"{i:064x}",
            "raw": "x" * draw(st.integers(0, 300)),
        }
        sid = f"sess{i % 5}" if table != "users" else None
        if table == "messages":
            base |= {
                "message_id": f"m{i}",
                "session_id": sid,
                "sender": "user",
                "text": "y" * draw(st.integers(0, 200)),
                "attachments": [],
            }
        elif table == "sessions":
            base |= {"session_id": sid, "status": "open", "updated_at": ts}
        else:
            base |= {"updated_at": ts}
        out.append((table, base, base | {"user_id": f"u{i}"}, sid))
    return out


def _one_by_one(root: Path, rows: list[Any], part_rows: int, part_size: int) -> StreamWriter:
    """The reference: each record's rows added one by one."""
    one = _writer(root, part_rows, part_size)
    for table, masked, sealed, _ in rows:
        one.add(table, masked, sealed)
    one.flush()
    return one


def _batch(table: str, run: list[Any]) -> RowBatch:
    return RowBatch(
        masked=pa.Table.from_pylist([r[1] for r in run], schema_for(table, False)),
        sealed=pa.Table.from_pylist([r[2] for r in run], schema_for(table, True)),
        sessions=[sid[:4] if sid else None for _, _, _, sid in run],
        masked_sizes=[row_size(m) for _, m, _, _ in run],
        sealed_sizes=[row_size(s) for _, _, s, _ in run],
    )


def _facts(w: StreamWriter) -> list[tuple[Any, ...]]:
    return [(e.key, e.rows, e.plaintext_sha256, e.sessions) for e in w.objects]


def _writer(root: Path, part_rows: int, part_size: int) -> StreamWriter:
    key = root / "k.key"
    if not key.exists():
        generate_aes_key_file(key)
    ring = build_keyring([KeyringSpec(type="raw-aes", key_name="k", file=key)])
    return StreamWriter(
        store=LocalStore(root / "store"),
        masked=ring,
        sealed=ring,
        source="s",
        tenant="t",
        run_id="r",
        part_size_bytes=part_size,
        part_rows=part_rows,
        session_index=lambda sid: sid[:4],
    )


@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_rows_added_in_batches_make_the_parts_rows_added_one_by_one_make(data: Any) -> None:
    """``add_batch`` cuts every part at the row ``add`` cuts it at (by rows and by size, the
    masked copy first), with the same part numbers and bytes, however the rows are grouped."""
    n = data.draw(st.integers(1, 60))
    rows = _rows(data.draw, n)
    part_rows = data.draw(st.integers(1, 25))
    part_size = data.draw(st.integers(100, 6000))
    with tempfile.TemporaryDirectory() as d1, tempfile.TemporaryDirectory() as d2:
        one = _one_by_one(Path(d1), rows, part_rows, part_size)
        many = _writer(Path(d2), part_rows, part_size)
        i = 0
        while i < n:  # runs of one table, cut at random points
            j = i + 1
            while j < n and rows[j][0] == rows[i][0] and data.draw(st.booleans()):
                j += 1
            run = rows[i:j]
            table = run[0][0]
            many.add_batch(table, _batch(table, run))
            i = j
        many.flush()

        assert _facts(one) == _facts(many)


def _records_with_a_bad_one(n: int, bad: int) -> list[Record]:
    t = datetime(2025, 1, 1, tzinfo=UTC)
    out = []
    for i in range(n):
        data: dict[str, Any] = {"id": f"m{i}", "text": f"hello {i}", "chatUserId": "u1"}
        if i == bad:
            data["extra"] = {"a set", "no JSON encoder takes"}  # a source bug
        out.append(Record("messages", f"m{i}", data, t, t, "u1", f"s{i % 9}"))
    return out


def test_a_worker_raising_fails_the_run_as_in_process(
    peki: PekiSimulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A malformed record raises the same error class in a worker as in-process, before
    anything is committed; the CLI's exit code then is the same (test below)."""
    base = write_config(tmp_path, peki)

    class Bad:
        type = "peki"
        name = "peki-main"

        def tenants(self) -> list[str]:
            return ["bot"]

        def changes(self, tenant: str, since: datetime | None) -> Any:
            yield from _records_with_a_bad_one(300, 250)

        def crawl_started_at(self, tenant: str) -> datetime | None:
            return datetime(2025, 2, 1, tzinfo=UTC)

        def request_count(self) -> int:
            return 0

        def http_stats(self) -> dict[str, int]:
            return {}

        def scan_stats(self, tenant: str) -> dict[str, Any]:
            return {}

        def close(self) -> None:
            pass

    monkeypatch.setattr(engine, "build_source", lambda *a, **k: Bad())
    errors = []
    for name, w in (("one", 1), ("two", 2)):
        cfg = _variant(base, name, workers=w, workers_from_records=10)
        with pytest.raises(TypeError) as caught:
            engine.run_archive(open_ctx(cfg))
        errors.append(str(caught.value))
        assert not archive_files(cfg.parent / name, "manifests")
    assert errors[0] == errors[1]
    assert "set is not JSON serializable" in errors[0]


def _descendants(pid: int) -> dict[int, int]:
    """Every process below ``pid`` (the fork server, and the workers forked from it), with
    its parent."""
    parent: dict[int, int] = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                stat = (d / "stat").read_text()
            except OSError:
                continue
            parent[int(d.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    out: dict[int, int] = {}
    todo = [pid]
    while todo:
        p = todo.pop()
        for child, pp in parent.items():
            if pp == p and child not in out:
                out[child] = pp
                todo.append(child)
    return out


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_sigkill_with_workers_on_loses_nothing_and_leaves_no_worker_behind(
    peki: PekiSimulator, tmp_path: Path
) -> None:
    """Kill the run while its workers are busy; the workers go too, and the next run
    (workers on) commits everything once: nothing lost, nothing twice, verify green."""
    # Slow enough that the workers, started in the background, are up before the crawl ends.
    peki.latency_seconds = 0.3
    cfg = write_config(
        tmp_path,
        peki,
        crawl={"workers": 2, "workers_from_records": 0, "page_size": 10},
        archive={"part_rows": 20},
    )
    proc = archiver_process("run", "--config", str(cfg))
    try:
        deadline = time.monotonic() + 60
        kids: dict[int, int] = {}
        while time.monotonic() < deadline and proc.poll() is None:
            kids |= _descendants(proc.pid)
            # Killed once the workers exist (forked from the run: its only children) and the
            # first parts are written, before the commit.
            if len(kids) >= 2 and len(archive_files(tmp_path, "data")) >= 2:
                break
            time.sleep(0.01)
        assert proc.poll() is None, "the run finished before it could be killed"
        assert set(kids.values()) == {proc.pid}, "the CLI's run forks its workers itself"
        # A stream may have committed in-process while the workers started; one at least not.
        assert len(archive_files(tmp_path, "manifests")) < len(BOTS)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
    gone_by = time.monotonic() + 5 * workers.PARENT_CHECK_SECONDS + 5
    while time.monotonic() < gone_by and any(_alive(k) for k in kids):
        time.sleep(0.1)
    assert not [k for k in kids if _alive(k)], "worker processes outlived the killed run"
    peki.latency_seconds = 0
    done = archiver_run("run", "--config", str(cfg), timeout=120)
    assert done.returncode == 0, done.stderr
    from tests.archive_truth import check_archive_against_truth

    check_archive_against_truth(cfg, peki, tmp_path)


def test_workers_forked_by_the_cli_commit_what_one_process_commits(
    peki: PekiSimulator, tmp_path: Path
) -> None:
    """Through ``archiver run``, whose process has one thread when the run starts: the
    workers are forked from the run (not from a fork server), and the archive is the one a
    single process commits: the same parts, plaintext hashes and rows, cut mid-stream."""
    base = write_config(tmp_path, peki, archive={"part_rows": 37})
    doc = yaml.safe_load(base.read_text())
    doc["masking"] = {"policy": str(_policy_holding(tmp_path / "policy.yaml", 25))}
    base.write_text(yaml.safe_dump(doc))
    probe = tmp_path / "run_probe.py"
    probe.write_text(
        f"""
import sys
sys.path.insert(0, {str(Path(__file__).resolve().parents[2])!r})
import archiver.cli.run
from archiver.cli import main
from archiver.crawl import workers

# Both runs' objects under one run id; how the workers started, noted (the CLI ends by
# os._exit, so in a file).
archiver.cli.run.new_run_id = lambda: {RUN_ID!r}
NOTE = sys.argv[2]
real = workers.WorkerPool.__init__
def init(self, spec, n, fork=False):
    with open(NOTE, "a") as f:
        f.write(f"fork={{fork}}\\n")
    real(self, spec, n, fork)
workers.WorkerPool.__init__ = init
if __name__ == "__main__":
    sys.argv = ["archiver", "run", "--config", sys.argv[1]]
    main()
"""
    )
    one = _variant(base, "one", workers=1)
    three = _variant(base, "three", workers=3, workers_from_records=0)
    for cfg in (one, three):
        note = tmp_path / f"{cfg.stem}.started"
        done = archiver_run(prelude=probe.read_text(), prelude_argv=(str(cfg), str(note)))
        assert done.returncode == 0, done.stderr[-2000:]
        started = note.read_text().split() if note.exists() else []
        assert started == (["fork=True"] if cfg == three else []), started
    assert len(_objects(one)) > 20
    assert _objects(one) == _objects(three)
    for sealed in (False, True):
        opener = sealed_ctx if sealed else open_ctx
        assert committed_rows(opener(one), sealed=sealed) == committed_rows(
            opener(three), sealed=sealed
        )


def test_a_worker_raising_gives_the_cli_the_same_exit_code(tmp_path: Path) -> None:
    """Through ``archiver run``: a record that cannot be encoded ends the run with the same
    exit code and error line with one worker as with two."""
    script = tmp_path / "bad_run.py"
    script.write_text(
        f"""
import sys
from datetime import UTC, datetime
sys.path.insert(0, {str(Path(__file__).resolve().parents[2])!r})
from archiver.cli import main
from archiver.crawl import engine
from archiver.sources.base import Record

class Bad:
    type = "peki"
    name = "peki-main"
    def tenants(self): return ["bot"]
    def changes(self, tenant, since):
        t = datetime(2025, 1, 1, tzinfo=UTC)
        for i in range(300):
            data = {{"id": f"m{{i}}", "text": f"hello {{i}}", "chatUserId": "u1"}}
            if i == 250:
                data["extra"] = {{"a set"}}
            yield Record("messages", f"m{{i}}", data, t, t, "u1", f"s{{i % 9}}")
    def crawl_started_at(self, tenant): return datetime(2025, 2, 1, tzinfo=UTC)
    def request_count(self): return 0
    def http_stats(self): return {{}}
    def scan_stats(self, tenant): return {{}}
    def close(self): pass

if __name__ == "__main__":
    engine.build_source = lambda *a, **k: Bad()
    sys.argv = ["archiver", "run", "--config", sys.argv[1]]
    main()
"""
    )
    base = write_config(tmp_path, UNREACHED_PEKI)
    codes = []
    for name, w in (("one", 1), ("two", 2)):
        cfg = _variant(base, name, workers=w, workers_from_records=10)
        done = archiver_run(prelude=script.read_text(), prelude_argv=(str(cfg),), timeout=120)
        codes.append(done.returncode)
        assert "set is not JSON serializable" in done.stderr, done.stderr[-2000:]
    assert codes[0] == codes[1] == EXIT_FAILURE


def test_the_pool_starts_in_the_background_and_a_run_ending_meanwhile_closes_it(
    tmp_path: Path,
) -> None:
    """``poll`` returns at once (None while the processes start, the pool once they are up);
    closing the run while they start leaves no worker process behind."""
    cfg = write_config(tmp_path, UNREACHED_PEKI)
    ctx = open_ctx(cfg)

    def spec() -> workers.WorkerSpec:
        return workers.WorkerSpec(ctx.masker.policy, ctx.pseudo)

    pool = workers.LazyPool(spec, 2, 0)
    t = time.monotonic()
    assert pool.poll() is None  # starting: the caller goes on
    first = time.monotonic() - t
    deadline = time.monotonic() + 60
    while (ready := pool.poll()) is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert ready is not None and len(ready.lanes) == 2
    # the first poll came back well before the processes were up (relative: a loaded machine
    # slows both alike)
    assert first < (time.monotonic() - t) / 2
    procs = [lane.process for lane in ready.lanes]
    assert all(p.is_alive() for p in procs)
    pool.close()
    assert not any(p.is_alive() for p in procs)
    assert pool.cpu_seconds > 0

    early = workers.LazyPool(spec, 2, 0)
    assert early.poll() is None
    early.close()  # before the processes were up
    assert early.started is None
    with pytest.raises(FatalError):
        early.get()


@pytest.mark.parametrize(
    ("files", "limit"),
    [
        ({"cpu.max": "max 100000\n"}, None),  # cgroup v2, no CPU limit
        ({"cpu.max": "150000 100000\n"}, 2),  # 1.5 cores: 2 workers
        ({"cpu.max": "50000 100000\n"}, 1),
        ({"cpu/cpu.cfs_quota_us": "300000\n", "cpu/cpu.cfs_period_us": "100000\n"}, 3),  # v1
        ({"cpu/cpu.cfs_quota_us": "-1\n", "cpu/cpu.cfs_period_us": "100000\n"}, None),
        ({}, None),  # nothing readable: the cores
    ],
)
def test_default_workers_are_the_cores_no_more_than_the_cpu_limit(
    tmp_path: Path, files: dict[str, str], limit: int | None
) -> None:
    """A container's CPU limit caps the default (a pod on a large node without a cpuset sees
    every core of the node in its affinity, but may use only its limit)."""
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    cores = len(os.sched_getaffinity(0))
    expected = cores if limit is None else min(cores, limit)
    assert workers.default_workers(tmp_path) == expected


def test_rows_laid_out_in_chunks_make_the_archive_rows_added_one_by_one_make(
    peki: PekiSimulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In one process, released records are laid out in chunks as Arrow batches: the same
    parts (numbers, rows, bytes) and rows as when each record's rows went to the writer as it
    left the hold (the way rows were written before; kept here as the reference). Parts of
    5 rows and chunks of 40 records: every table cuts parts within chunks of mixed tables."""
    from archiver.transform.rows import build_rows

    monkeypatch.setattr(engine._Local, "CHUNK", 40)
    base = write_config(tmp_path, peki, archive={"part_rows": 5})
    doc = yaml.safe_load(base.read_text())
    doc["masking"] = {"policy": str(_policy_holding(tmp_path / "policy.yaml", 25))}
    base.write_text(yaml.safe_dump(doc))
    chunked, by_row = _variant(base, "chunked", workers=1), _variant(base, "by_row", workers=1)
    report = engine.run_archive(open_ctx(chunked), run_id=RUN_ID)
    assert report.exit_code == 0, report

    def one_by_one(self: engine._Local) -> None:
        items, self.items = self.items, []
        crawl = self.crawl
        for r, (canonical, version), k in items:
            masked, sealed = build_rows(
                source=crawl.src.name,
                source_type=crawl.src.type,
                tenant=crawl.tenant,
                record=r,
                record_hash=version,
                raw=str(canonical),
                pseudo=crawl.ctx.pseudo,
                masker=crawl.ctx.masker,
                known=k,
            )
            crawl.writer.add(r.table, masked, sealed)

    monkeypatch.setattr(engine._Local, "finish", one_by_one)
    assert engine.run_archive(open_ctx(by_row), run_id=RUN_ID).exit_code == 0
    assert sum(sum(s.records.values()) for s in report.streams) > 200
    assert len(_objects(chunked)) > 60  # parts were cut along the way, mid-chunk too
    assert _objects(chunked) == _objects(by_row)
    for sealed in (False, True):
        opener = sealed_ctx if sealed else open_ctx
        assert committed_rows(opener(chunked), sealed=sealed) == committed_rows(
            opener(by_row), sealed=sealed
        )


@settings(max_examples=examples(15), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_released_rows_handed_over_in_chunks_make_the_parts_rows_added_one_by_one_make(
    data: Any,
) -> None:
    """``add_released`` of chunks of records of mixed tables (runs in release order where a
    part fills, each table in one call where none does) makes the parts, numbers and bytes
    that adding each record's rows one by one makes."""
    n = data.draw(st.integers(1, 60))
    rows = _rows(data.draw, n)
    part_rows = data.draw(st.integers(1, 90))
    part_size = data.draw(st.integers(100, 40_000))
    with tempfile.TemporaryDirectory() as d1, tempfile.TemporaryDirectory() as d2:
        one = _one_by_one(Path(d1), rows, part_rows, part_size)
        many = _writer(Path(d2), part_rows, part_size)
        i = 0
        while i < n:
            j = min(n, i + data.draw(st.integers(1, 40)))
            chunk = rows[i:j]
            batches = {}
            for table in {r[0] for r in chunk}:
                mine = [r for r in chunk if r[0] == table]
                batches[table] = _batch(table, mine)
            many.add_released([r[0] for r in chunk], batches)
            i = j
        many.flush()

        assert _facts(one) == _facts(many)


def _as_lane_answer(table: str, run: list[Any]) -> workers.TableRows:
    """``run``'s rows as a worker hands them back (Arrow IPC bytes and lists)."""
    b = _batch(table, run)
    masked, sealed = b.masked.combine_chunks(), b.sealed.combine_chunks()
    return (
        masked.to_batches()[0].serialize().to_pybytes(),
        sealed.to_batches()[0].serialize().to_pybytes(),
        list(b.sessions),
        list(b.masked_sizes),
        list(b.sealed_sizes),
    )


@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_rows_put_back_in_release_order_make_the_parts_rows_added_one_by_one_make(
    data: Any,
) -> None:
    """Rows of one table laid out by several lanes, in runs of one lane's rows long and short
    (put back by slices or by ``take``), come back in release order: the writer makes the
    parts, numbers and bytes that adding each record's rows one by one makes."""
    n = data.draw(st.integers(2, 120))
    rows = _rows(data.draw, n)
    table = rows[0][0]
    rows = [r for r in rows if r[0] == table]
    lanes: list[int] = []
    while len(lanes) < len(rows):  # runs of one lane, as a conversation's records make
        lanes += [data.draw(st.integers(0, 2))] * data.draw(st.sampled_from([1, 2, 9, 40]))
    lanes = lanes[: len(rows)]
    pairs = list(zip(rows, lanes, strict=True))
    got = {
        lane: {table: _as_lane_answer(table, [r for r, k in pairs if k == lane])}
        for lane in set(lanes)
    }
    batch = engine._in_release_order(table, [table] * len(rows), lanes, got)
    assert batch.masked.to_pylist() == [r[1] for r in rows]
    assert batch.sealed.to_pylist() == [r[2] for r in rows]
    part_rows = data.draw(st.integers(1, 90))
    with tempfile.TemporaryDirectory() as d1, tempfile.TemporaryDirectory() as d2:
        one = _one_by_one(Path(d1), rows, part_rows, 40_000)
        many = _writer(Path(d2), part_rows, 40_000)
        many.add_released([table] * len(rows), {table: batch})
        many.flush()

        assert _facts(one) == _facts(many)


class _Listed:
    """A source that yields a fixed list of records (no HTTP: only the run's set-up is
    looked at)."""

    type = "peki"
    name = "peki-main"

    def __init__(self, records: list[Record]) -> None:
        self.records = records

    def tenants(self) -> list[str]:
        return ["bot"]

    def changes(self, tenant: str, since: datetime | None) -> Any:
        yield from self.records

    def crawl_started_at(self, tenant: str) -> datetime | None:
        return datetime(2025, 2, 1, tzinfo=UTC)

    def request_count(self) -> int:
        return 0

    def http_stats(self) -> dict[str, int]:
        return {}

    def scan_stats(self, tenant: str) -> dict[str, Any]:
        return {}

    def close(self) -> None:
        pass


def test_a_run_without_crawl_workers_uses_one_worker_per_core_and_workers_1_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``crawl.workers`` unset: ``default_workers()`` processes (the cores this process may
    use, under its CPU limit); set to 1: everything in the run's own process. Three "cores"
    here, so the default is told apart from 1 and 2 on any machine. Both archives hold the
    same rows."""
    base = write_config(tmp_path, UNREACHED_PEKI)
    records = _records_with_a_bad_one(40, -1)
    monkeypatch.setattr(engine, "build_source", lambda *a, **k: _Listed(records))
    monkeypatch.setattr(engine, "default_workers", lambda: 3)
    pools: list[workers.LazyPool] = []

    class Counted(workers.LazyPool):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            pools.append(self)

    monkeypatch.setattr(engine, "LazyPool", Counted)
    doc = yaml.safe_load(base.read_text())
    doc["crawl"].pop("workers", None)
    doc["crawl"]["workers_from_records"] = 10  # the workers take records from the 11th on
    base.write_text(yaml.safe_dump(doc))
    one = _variant(base, "one", workers=1)
    rows = {}
    for name, cfg in (("default", base), ("one", one)):
        assert engine.run_archive(open_ctx(cfg)).exit_code == 0
        got = committed_rows(open_ctx(cfg), sealed=False)["messages"]
        rows[name] = sorted(got, key=lambda r: str(r["message_id"]))
    assert [p.workers for p in pools] == [3, 1]
    assert pools[0].enabled and not pools[1].enabled
    assert rows["default"] == rows["one"] and len(rows["one"]) == 40


def test_a_run_collects_cycles_less_often_and_puts_the_thresholds_back() -> None:
    """Overlapping runs in one process: the first in raises the collector's first threshold,
    the last out restores what was set before (also when a run raises)."""
    before = gc.get_threshold()
    try:
        gc.set_threshold(500, 7, 9)
        with workers.fewer_collections():
            assert gc.get_threshold() == (workers.GC_YOUNG, 7, 9)
            with pytest.raises(RuntimeError), workers.fewer_collections():
                assert gc.get_threshold()[0] == workers.GC_YOUNG
                raise RuntimeError("a run failed")
            assert gc.get_threshold() == (workers.GC_YOUNG, 7, 9)  # the first still runs
        assert gc.get_threshold() == (500, 7, 9)
        gc.set_threshold(50_000, 7, 9)  # never lowered
        with workers.fewer_collections():
            assert gc.get_threshold() == (50_000, 7, 9)
        assert gc.get_threshold() == (50_000, 7, 9)
    finally:
        gc.set_threshold(*before)


def test_workers_forked_from_the_run_use_its_masker_and_others_build_their_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A forked worker masks with the masker the run built (no second build); a fork server's
    worker is not sent it and builds its own. Both find the names the run's masker finds."""
    cfg = write_config(tmp_path, UNREACHED_PEKI)
    ctx = open_ctx(cfg)
    t = datetime(2025, 1, 1, tzinfo=UTC)
    text = "Hello, my name is Ayşe Yılmaz and I call about my card."
    data = {"id": "m1", "text": text, "chatUserId": "u1"}
    packed = workers.pack([Record("messages", "m1", data, t, t, "u1", "s1")])
    names = ctx.masker.names_in(text)
    assert names  # else the workers' maskers would not be asked anything
    spec = workers.WorkerSpec(ctx.masker.policy, ctx.pseudo, ctx.masker)

    def prepared(pool: workers.WorkerPool) -> Any:
        try:
            return pool.lanes[0].submit("prepare", 1, [0], packed).result(timeout=60)
        finally:
            pool.close()

    served = prepared(workers.WorkerPool(spec, 1))  # a fork server's worker
    assert served[0][2] == names

    def built_again(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a worker built a masker of its own")

    monkeypatch.setattr(workers, "Masker", built_again)  # forked workers inherit this
    forked = prepared(workers.WorkerPool(spec, 1, fork=True))
    assert forked == served
    bare = workers.WorkerSpec(ctx.masker.policy, ctx.pseudo)
    with pytest.raises(AssertionError, match="built a masker"):
        prepared(workers.WorkerPool(bare, 1, fork=True))
