"""``archiver gc`` and lineage documents: a compaction writes its document before the manifest
that pins it, so one killed (or beaten) in between leaves a document nothing pins. gc removes
such an orphan after the grace period, never a document a manifest or checkpoint pins, and
keeps (and reports) one that Object Lock still retains."""

from __future__ import annotations

import random
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from archiver.archive import layout
from archiver.archive.catalog import checkpoint
from archiver.context import Context
from archiver.crawl.engine import run_archive
from archiver.ops.compact import compact
from archiver.ops.gc import gc
from archiver.ops.verify import verify
from archiver.timeutil import utcnow
from tests.conftest import open_ctx, sealed_ctx, write_config
from tests.helpers import small_simulator
from tests.s3 import MotoServer

pytestmark = pytest.mark.usefixtures("parsed_once_in_module")


HOUR = timedelta(hours=1)
STREAM = ("peki-main", "bot1")


def _compacted(directory: Path, archive: dict[str, object]) -> Path:
    """Three small runs, compacted: the compaction's manifest pins its lineage document."""
    with small_simulator(seed=41) as sim:
        cfg = write_config(directory, sim, archive=archive)
        ctx = open_ctx(cfg)
        for i in range(3):
            assert run_archive(ctx).exit_code == 0
            sim.random_changes(random.Random(i), 6)
        assert compact(sealed_ctx(cfg), operator="test").manifests
    return cfg


def _pinned(ctx: Context) -> set[str]:
    """The documents the manifests of every stream pin (each manifest read)."""
    return {
        m.lineage.key
        for s in ctx.catalog.streams()
        for m in ctx.catalog.chain(*s).manifests
        if m.lineage is not None
    }


def _orphan(ctx: Context, pinned: str) -> str:
    """A document as a compaction killed before its commit leaves it: the next sequence, its
    own run id, bytes like a real document's."""
    head = ctx.catalog.chain(*STREAM).head.sequence
    key = layout.lineage_key(*STREAM, head + 1, "compact-20260101T000000000000Z-deadbeef")
    assert ctx.store.put_if_absent(key, ctx.store.get(pinned))
    return key


def _lineage_keys(ctx: Context) -> set[str]:
    return {i.key for i in ctx.store.list(layout.LINEAGE + "/")}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # (A relative archive url: each test's copy of the folder is an archive of its own.)
    return _compacted(tmp_path_factory.mktemp("gc-lineage"), {"url": "archive"})


def test_gc_removes_an_orphan_lineage_document_after_the_grace_period_only(
    pristine: Path, tmp_path: Path
) -> None:
    shutil.copytree(pristine.parent, tmp_path / "copy")
    cfg = tmp_path / "copy" / pristine.name
    ctx = open_ctx(cfg)
    pinned = _pinned(ctx)
    assert pinned and pinned <= _lineage_keys(ctx)
    # The checkpoint the compaction wrote pins the same document.
    cp, _ = checkpoint.check(
        key := checkpoint.listed(ctx.store, *STREAM)[-1][1], ctx.store.get(key), None
    )
    assert cp is not None and {p.key for p in cp.index.lineage or ()} <= pinned
    orphan = _orphan(ctx, next(iter(pinned)))

    # Inside the grace period: kept, and said.
    young = gc(ctx, grace=HOUR)
    assert orphan in {i.key for i in young.young}
    assert not {i.key for i in young.deleted} & (pinned | {orphan})
    assert _lineage_keys(ctx) == pinned | {orphan}

    # A dry run after it names it and deletes nothing.
    dry = gc(ctx, grace=HOUR, now=utcnow() + 2 * HOUR, dry_run=True)
    assert orphan in {i.key for i in dry.deleted}
    assert _lineage_keys(ctx) == pinned | {orphan}

    # After it: the orphan goes, every pinned document stays, the archive still verifies.
    report = gc(ctx, grace=HOUR, now=utcnow() + 2 * HOUR)
    assert orphan in {i.key for i in report.deleted} and report.exit_code == 0
    assert not {i.key for i in report.deleted} & pinned
    assert _lineage_keys(ctx) == pinned
    deep = verify(sealed_ctx(cfg), deep=True)
    assert deep.ok, deep.problems


def test_gc_never_removes_a_pinned_lineage_document(pristine: Path, tmp_path: Path) -> None:
    """Even with no grace period at all, and with the checkpoint gone (manifests pin it)."""
    shutil.copytree(pristine.parent, tmp_path / "copy")
    cfg = tmp_path / "copy" / pristine.name
    ctx = open_ctx(cfg)
    pinned = _pinned(ctx)
    for _seq, key in checkpoint.listed(ctx.store, *STREAM):
        ctx.store.delete(key)
    report = gc(ctx, grace=timedelta(0), now=utcnow() + 48 * HOUR)
    assert report.exit_code == 0
    assert not {i.key for i in report.deleted} & pinned
    assert _lineage_keys(ctx) == pinned
    assert verify(sealed_ctx(cfg), deep=True).ok


def test_an_orphan_lineage_document_under_object_lock_is_kept_until_it_expires(
    moto_server: MotoServer, tmp_path: Path
) -> None:
    bucket = moto_server.new_bucket(object_lock=True)
    cfg = _compacted(
        tmp_path,
        moto_server.archive_config(bucket, object_lock={"mode": "COMPLIANCE", "days": 1}),
    )
    ctx = open_ctx(cfg)
    pinned = _pinned(ctx)
    orphan = _orphan(ctx, next(iter(pinned)))
    report = gc(ctx, grace=timedelta(0), now=utcnow() + HOUR)
    assert report.exit_code == 0
    assert orphan in {i.key for i, _why in report.retained}
    assert not {i.key for i in report.deleted} & (pinned | {orphan})
    assert _lineage_keys(ctx) == pinned | {orphan}
    # Once its retention has passed it goes; the pinned ones (still retained) never.
    moto_server.client().put_object_retention(
        Bucket=bucket,
        Key=f"archive/{orphan}",
        Retention={"Mode": "COMPLIANCE", "RetainUntilDate": utcnow() - HOUR},
        BypassGovernanceRetention=True,
    )
    later = gc(ctx, grace=timedelta(0), now=utcnow() + HOUR)
    assert orphan in {i.key for i in later.deleted}
    assert _lineage_keys(ctx) == pinned
