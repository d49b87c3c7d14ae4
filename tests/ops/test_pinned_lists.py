"""A compaction's ``supersedes`` pinned in its lineage document (docs/FORMAT.md, "Compaction
and lineage"): readers from the checkpoint never read it, a whole-chain reader reads and checks
that section alone, plain ``verify`` reads it only for a superseded object still in the store,
and an altered list is refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from archiver.archive.catalog import checkpoint
from archiver.errors import IntegrityError
from archiver.ops.compact import compact
from archiver.ops.verify import verify
from tests.conftest import open_ctx, sealed_ctx
from tests.helpers import small_simulator
from tests.ops.test_compact import data_keys, many_runs

pytestmark = pytest.mark.usefixtures("parsed_once_in_module")


STREAM = ("peki-main", "bot1")


def compacted(tmp_path: Path, seed: int) -> tuple[Path, dict[str, bytes]]:
    """An archive after some runs and a compaction; and the bytes of the objects the
    compaction superseded (and deleted), kept aside."""
    with small_simulator(seed=seed) as sim:
        cfg = many_runs(tmp_path, sim, {}, runs=3)
    root = tmp_path / "archive"
    before = {k: (root / k).read_bytes() for k in data_keys(cfg)}
    report = compact(sealed_ctx(cfg))
    assert report.manifests and report.superseded
    return cfg, {k: before[k] for k in report.superseded}


def alter_list(cfg: Path) -> None:
    """Change one byte of the head compaction's pinned ``supersedes`` section (a key's
    letter), leaving its length."""
    m = open_ctx(cfg).catalog.head(*STREAM)
    assert m is not None and m.supersedes_pin is not None and m.lineage is not None
    path = cfg.parent / "archive" / m.lineage.key
    raw = bytearray(path.read_bytes())
    at = m.supersedes_pin.offset + m.supersedes_pin.length - 10
    raw[at] = ord("x") if raw[at] != ord("x") else ord("y")
    path.write_bytes(bytes(raw))


def test_readers_from_the_checkpoint_leave_the_list_unread(tmp_path: Path) -> None:
    cfg, _ = compacted(tmp_path, seed=41)
    ctx = open_ctx(cfg)
    head = ctx.catalog.head(*STREAM)
    assert head is not None and "supersedes" not in head.doc
    assert checkpoint.newest_sequence(ctx.store, *STREAM) == head.sequence
    chain = ctx.catalog.chain(*STREAM, from_checkpoint=True)
    assert chain.base is not None and not chain.head.supersedes_read
    whole = ctx.catalog.chain(*STREAM)
    assert whole.head.supersedes_read and whole.head.supersedes
    assert [p.entry.key for p in chain.live()] == [p.entry.key for p in whole.live()]
    report = verify(ctx)
    assert report.ok and not report.orphans, report.problems


def test_plain_verify_reads_the_list_for_a_superseded_object_still_kept(tmp_path: Path) -> None:
    """As if Object Lock retained one superseded object: it is neither an orphan nor a
    problem, because the pinned list names it; with that list altered, verify says so."""
    cfg, gone = compacted(tmp_path, seed=43)
    key, raw = sorted(gone.items())[0]
    (cfg.parent / "archive" / key).write_bytes(raw)
    report = verify(open_ctx(cfg))
    assert report.ok and not report.orphans, report.problems
    alter_list(cfg)
    plain = verify(open_ctx(cfg))
    assert any(p.kind == "lineage-altered" for p in plain.problems), plain.problems
    deep = verify(sealed_ctx(cfg), deep=True)
    assert any(p.kind == "lineage-altered" for p in deep.problems), deep.problems


def test_an_altered_list_is_refused_by_the_whole_chain_reader(tmp_path: Path) -> None:
    cfg, _ = compacted(tmp_path, seed=47)
    alter_list(cfg)
    with pytest.raises(IntegrityError, match="supersedes section"):
        open_ctx(cfg).catalog.chain(*STREAM)
    # Readers from the checkpoint do not need the list: they still read.
    assert list(open_ctx(cfg).catalog.chain(*STREAM, from_checkpoint=True).live())


def test_a_missing_lineage_document_is_named_by_plain_verify(tmp_path: Path) -> None:
    cfg, gone = compacted(tmp_path, seed=53)
    key, raw = sorted(gone.items())[0]
    (cfg.parent / "archive" / key).write_bytes(raw)
    m = open_ctx(cfg).catalog.head(*STREAM)
    assert m is not None and m.lineage is not None
    shutil.move(cfg.parent / "archive" / m.lineage.key, tmp_path / "moved.json")
    report = verify(open_ctx(cfg))
    assert any(p.kind == "lineage-missing" for p in report.problems), report.problems
