"""What ``archiver run`` reads of the catalog after its commits (the small-part count for the
metrics, and the check for ``archive.compact_after_run``) starts from the stream's newest
checkpoint: a run on an archive of years never reads the packed manifests, and counts what
the whole chain gives."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
import yaml

from archiver.archive import layout
from archiver.archive.catalog import checkpoint
from archiver.archive.store import Store
from archiver.crawl.engine import StreamResult, run_archive
from archiver.ops.compact import after_run, compact, small_parts
from tests.conftest import open_ctx, sealed_ctx, write_config
from tests.helpers import small_simulator

pytestmark = pytest.mark.usefixtures("parsed_once_in_module")


STREAM = ("peki-main", "bot1")


class Reads:
    """A store that notes every key read (``get``), passing everything else through."""

    def __init__(self, inner: Store) -> None:
        self.inner = inner
        self.read: list[str] = []

    def get(self, key: str) -> bytes:
        self.read.append(key)
        return self.inner.get(key)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def test_after_run_counts_small_parts_from_the_newest_checkpoint(tmp_path: Path) -> None:
    prom = tmp_path / "metrics.prom"
    with small_simulator(seed=61, users=2) as sim:
        cfg = write_config(tmp_path, sim, archive={"part_rows": 40, "checkpoint_every": 2})
        ctx = open_ctx(cfg)
        for i in range(6):
            sim.random_changes(random.Random(i), 5)
            assert run_archive(ctx).exit_code == 0
        compact(sealed_ctx(cfg), operator="t")  # packs the manifests before its checkpoint
        for i in range(3):  # small parts again, after the checkpoint
            sim.random_changes(random.Random(50 + i), 5)
            assert run_archive(ctx).exit_code == 0
    doc = yaml.safe_load(cfg.read_text())
    doc["metrics"] = {"textfile": str(prom)}  # someone reads the count
    cfg.write_text(yaml.safe_dump(doc, sort_keys=False))

    ctx = open_ctx(cfg)
    whole = small_parts(ctx.catalog.chain(*STREAM), ctx.config)
    assert whole > 0
    covered = checkpoint.newest_sequence(ctx.store, *STREAM)
    assert covered > 1
    reads = Reads(ctx.store)
    ctx.store = reads  # type: ignore[assignment]
    res = StreamResult(*STREAM, status="complete")
    after_run(ctx, [res])
    assert res.small_parts == whole
    packed = [k for k in reads.read if k.startswith(layout.PACKS + "/")]
    assert packed == []
    older = [
        k
        for k in reads.read
        if (p := layout.parse_stream(k)) is not None and p[:2] == STREAM and p[2] < covered
    ]
    assert older == []
