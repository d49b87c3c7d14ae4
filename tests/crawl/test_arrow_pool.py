"""Arrow's allocator for a run: jemalloc unless the operator chose one, the same bytes."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pytest

from archiver.archive.tables import schema_for
from archiver.archive.writer import parquet_bytes
from archiver.crawl import engine, workers
from archiver.simulators.peki import PekiSimulator
from tests.conftest import open_ctx, write_config


def _jemalloc() -> pa.MemoryPool:
    try:
        return pa.jemalloc_memory_pool()
    except NotImplementedError:  # pragma: no cover - the Linux and macOS wheels have it
        pytest.skip("this pyarrow has no jemalloc")


@pytest.fixture
def system_pool(monkeypatch: pytest.MonkeyPatch) -> Iterator[pa.MemoryPool]:
    """The system allocator as the default, no operator's choice; the default put back."""
    monkeypatch.delenv("ARROW_DEFAULT_MEMORY_POOL", raising=False)
    before = pa.default_memory_pool()
    pa.set_memory_pool(pa.system_memory_pool())
    yield pa.system_memory_pool()
    pa.set_memory_pool(before)


def test_arrow_pool_chooses_jemalloc(system_pool: pa.MemoryPool) -> None:
    want = _jemalloc().backend_name
    workers.arrow_pool()
    assert pa.default_memory_pool().backend_name == want
    workers.arrow_pool()  # idempotent
    assert pa.default_memory_pool().backend_name == want


def test_arrow_pool_keeps_the_operators_choice(
    system_pool: pa.MemoryPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    _jemalloc()
    monkeypatch.setenv("ARROW_DEFAULT_MEMORY_POOL", "system")
    workers.arrow_pool()
    assert pa.default_memory_pool().backend_name == system_pool.backend_name


def test_a_run_sets_the_pool(
    system_pool: pa.MemoryPool, peki: PekiSimulator, tmp_path: Path
) -> None:
    want = _jemalloc().backend_name
    cfg = write_config(tmp_path, peki, crawl={"workers": 1})
    report = engine.run_archive(open_ctx(cfg))
    assert report.exit_code == 0
    assert pa.default_memory_pool().backend_name == want


def test_the_pool_changes_no_byte_of_a_part() -> None:
    """Parquet bytes of the same rows, allocated by the system allocator and by jemalloc."""
    schema = schema_for("messages", True)
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    rows = [
        {
            "source": "s",
            "tenant": "t",
            "message_id": f"m{i}",
            "session_id": f"c{i // 7}",
            "subject_id": hashlib.sha256(str(i % 13).encode()).hexdigest(),
            "sender": "user" if i % 2 else "bot",
            "text": f"Hallo {i} Zürich " * (i % 5),
            "attachments": [f"https://x.example/{i}"] if i % 9 == 0 else [],
            "created_at": t0,
            "version_time": t0,
            "record_hash": hashlib.sha256(str(i).encode()).hexdigest(),
            "raw": f'{{"id":"m{i}"}}',
            "user_id": None if i % 11 == 0 else f"u{i % 13}",
        }
        for i in range(3000)
    ]
    got = []
    for pool in (pa.system_memory_pool(), _jemalloc()):
        before = pa.default_memory_pool()
        pa.set_memory_pool(pool)
        try:
            data = pa.Table.from_pylist(rows, schema=schema)
            got.append(parquet_bytes(data, "messages"))
        finally:
            pa.set_memory_pool(before)
    assert got[0] == got[1]
    assert len(got[0]) > 1000
