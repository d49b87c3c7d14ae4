"""Buffers that fill while the stream goes on are written by a thread of their own: the same
parts, numbers and entries as written in the caller's thread, at most two buffers in flight,
and a failed write raised to the caller as the same error."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from archiver.archive.crypto import build_keyring, generate_aes_key_file
from archiver.archive.store_local import LocalStore
from archiver.archive.writer import BACKGROUND_BUFFERS, BACKGROUND_WINDOW, StreamWriter
from archiver.config import KeyringSpec
from archiver.errors import StoreError

T0 = datetime(2025, 3, 1, tzinfo=UTC)


class _Store(LocalStore):
    """A local store that notes which thread put each object, and can refuse or hold one."""

    def __init__(self, root: Path, refuse: int | None = None) -> None:
        super().__init__(root)
        self.refuse = refuse  # the n-th object put (1-based) raises
        self.threads: list[str] = []
        self.release = threading.Event()
        self.release.set()
        self.started = threading.Event()

    def put_if_absent(self, key: str, data: bytes, **kw: Any) -> bool:
        self.threads.append(threading.current_thread().name)
        self.started.set()
        self.release.wait()
        if len(self.threads) == self.refuse:
            raise StoreError(f"the store refused object {len(self.threads)} (injected)")
        return super().put_if_absent(key, data, **kw)


def _writer(root: Path, store: LocalStore, in_flight: int | None) -> StreamWriter:
    key = root / "k.key"
    if not key.exists():
        generate_aes_key_file(key)
    ring = build_keyring([KeyringSpec(type="raw-aes", key_name="k", file=key)])
    return StreamWriter(
        store=store,
        masked=ring,
        sealed=ring,
        source="s",
        tenant="t",
        run_id="r",
        part_size_bytes=1 << 30,
        part_rows=7,
        session_index=lambda sid: sid[:4],
        background_buffers=in_flight,
    )


def _row(i: int) -> tuple[dict[str, Any], dict[str, Any]]:
    when = T0 + timedelta(hours=9 * i)  # a few dates a part: several objects a buffer
    row: dict[str, Any] = {
        "source": "s",
        "tenant": "t",
        "subject_id": f"{i % 5:064x}",
        "created_at": when,
        "version_time": when,
        "record_hash": f"{i:064x}",
        "message_id": f"m{i}",
        "session_id": f"sess{i % 3}",
        "sender": "user",
        "text": f"hello {i}",
        "attachments": [],
    }
    return row, row | {"text": f"hello {i} (sealed)"}


def _add(w: StreamWriter, lo: int, hi: int) -> None:
    for i in range(lo, hi):
        w.add("messages", *_row(i))


def _facts(w: StreamWriter) -> list[tuple[Any, ...]]:
    return [(e.key, e.rows, e.plaintext_sha256, e.sessions, e.time_min) for e in w.objects]


def test_parts_written_in_the_background_are_the_parts_written_in_the_callers_thread(
    tmp_path: Path,
) -> None:
    """Same keys (part numbers), rows, plaintext and order of entries; the background writer
    really wrote the filled buffers' parts, in a thread of its own."""
    assert BACKGROUND_BUFFERS == 2
    here = _Store(tmp_path / "here")
    there = _Store(tmp_path / "there")
    one = _writer(tmp_path, here, 0)
    two = _writer(tmp_path, there, None)
    for w in (one, two):
        _add(w, 0, 60)
        w.flush()
    assert len(one.objects) > 20
    assert _facts(one) == _facts(two)
    assert one.bytes_written == two.bytes_written
    assert sorted(p.name for p in (tmp_path / "here").rglob("*.enc")) == sorted(
        p.name for p in (tmp_path / "there").rglob("*.enc")
    )
    main = threading.current_thread().name  # the end's flush has threads of its own
    assert here.threads.count(main) > 10 and not any(t.startswith("parts") for t in here.threads)
    assert len([t for t in there.threads if t.startswith("parts")]) == here.threads.count(main)
    assert main not in there.threads


def test_a_third_filled_buffer_waits_for_the_oldest(tmp_path: Path) -> None:
    """With the store held, two filled buffers (a table's two copies) are handed over and the
    caller goes on; the next buffer to fill waits until the first is written."""
    store = _Store(tmp_path / "store")
    store.release.clear()
    w = _writer(tmp_path, store, None)
    _add(w, 0, 7)  # both copies fill at row 7: two buffers handed over
    assert store.started.wait(10)
    third = threading.Thread(target=_add, args=(w, 7, 14))
    third.start()
    third.join(1.0)
    assert third.is_alive(), "a third buffer was handed over with two in flight"
    assert len(store.threads) <= BACKGROUND_WINDOW  # the first buffer's partitions only
    store.release.set()
    third.join(10)
    assert not third.is_alive()
    w.flush()
    assert sum(e.rows for e in w.objects) == 28  # 14 rows, both copies


@pytest.mark.parametrize("refuse", [1, 3, 9])
def test_a_failed_background_write_raises_the_callers_error_and_stops_the_rest(
    tmp_path: Path, refuse: int
) -> None:
    """The store's error reaches the caller (in ``add`` or ``flush``) as it would from a write
    in the caller's thread; the buffers queued behind the failed one are not written."""
    errors: list[tuple[type[BaseException], str]] = []
    written: list[int] = []
    puts: list[int] = []
    for name, in_flight in (("here", 0), ("there", None)):
        store = _Store(tmp_path / name, refuse=refuse)
        w = _writer(tmp_path, store, in_flight)
        with pytest.raises(StoreError) as caught:
            _add(w, 0, 60)
            w.flush()
        w.close()
        errors.append((type(caught.value), str(caught.value)))
        written.append(len(list((tmp_path / name).rglob("*.enc"))))
        puts.append(len(store.threads))
    assert errors[0] == errors[1]
    assert puts[0] == refuse and written[0] == refuse - 1  # nothing after the failed one
    # In the background, at most the partitions written beside the failed one (its window);
    # no buffer queued behind it.
    assert refuse <= puts[1] <= refuse + BACKGROUND_WINDOW - 1
    assert refuse - 1 <= written[1] <= refuse - 1 + BACKGROUND_WINDOW - 1
