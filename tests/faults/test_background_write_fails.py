"""A part written in the background while the stream goes on fails: the run ends as when the
part was written in the stream's own thread (same error, same exit code), and commits nothing."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from archiver.archive import layout, writer
from archiver.archive.store_local import LocalStore
from archiver.errors import EXIT_OK, StoreError
from archiver.simulators.peki import PekiSimulator
from tests.conftest import write_config
from tests.faults.helpers import run_in_process
from tests.helpers import archive_files

FAIL_FROM = 5  # the store refuses every data object from the fifth on (a full disk)


def test_a_failed_write_in_the_background_fails_the_run_as_in_the_streams_thread(
    peki: PekiSimulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    put = LocalStore.put_if_absent
    seen: list[tuple[str, str]] = []  # (thread, key) of each data object put

    def refusing(self: LocalStore, key: str, data: bytes, **kw: Any) -> bool:
        if key.startswith((f"{layout.DATA}/", f"{layout.SEALED}/")):
            seen.append((threading.current_thread().name, key))
            if len(seen) >= FAIL_FROM:
                raise StoreError("the store refused the object: no space left (injected)")
        return put(self, key, data, **kw)

    monkeypatch.setattr(LocalStore, "put_if_absent", refusing)
    outcomes = []
    threads = []
    for name, in_flight in (("here", 0), ("there", writer.BACKGROUND_BUFFERS)):
        run_dir = tmp_path / name
        run_dir.mkdir()
        # Small parts and one stream at a time: parts are cut while each stream goes on.
        cfg = write_config(
            run_dir, peki, archive={"part_rows": 37}, crawl={"streams_in_parallel": 1}
        )
        monkeypatch.setattr(writer, "BACKGROUND_BUFFERS", in_flight)
        seen.clear()
        outcomes.append(run_in_process(cfg))
        threads.append([t for t, _ in seen])
        assert not archive_files(run_dir, "manifests"), f"{name}: a manifest was committed"
    assert outcomes[0] == outcomes[1]
    code, errors = outcomes[0]
    assert code != EXIT_OK
    assert errors and all("no space left (injected)" in e for e in errors)
    # The failing object was a part cut mid-stream: in the stream's thread before, in the
    # background writer's thread now (the end's flush has threads named "flush").
    assert not threads[0][FAIL_FROM - 1].startswith(("parts", "flush"))
    assert threads[1][FAIL_FROM - 1].startswith("parts")
    assert all(not t.startswith("parts") for t in threads[0])
