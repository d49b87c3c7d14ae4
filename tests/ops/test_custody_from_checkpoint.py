"""Custody of a compacted conversation from the newest checkpoint: the checkpoint carries the
ancestors of the live compacted objects, so ``retrieve`` reads the checkpoint and the manifests
after it, and reports the same lineage as reading the whole chain; a tampered ancestry is
refused (signature, lineage hashes) or named by ``verify --deep`` (a re-signed one)."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from archiver.archive import layout, signed
from archiver.archive.catalog import checkpoint
from archiver.archive.catalog.chain import Chain, get_raw
from archiver.archive.reader import ArchiveReader
from archiver.crawl.engine import run_archive
from archiver.errors import IntegrityError
from archiver.keys import load_signer
from archiver.ops.compact import compact
from archiver.ops.retrieve import lineage_of, retrieve
from archiver.ops.verify import verify
from tests import format_reader as fr
from tests.conftest import open_ctx, sealed_ctx, write_config
from tests.helpers import small_simulator

STREAM = ("peki-main", "bot1")


@pytest.fixture(scope="module")
def compacted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """An archive of several small runs, compacted (which writes a checkpoint), then one more
    run; and a conversation whose rows are in a compacted object."""
    tmp = tmp_path_factory.mktemp("custody")
    with small_simulator(seed=31) as sim:
        cfg = write_config(tmp, sim, archive={})
        ctx = open_ctx(cfg)
        for i in range(4):
            assert run_archive(ctx).exit_code == 0
            sim.random_changes(random.Random(i), 6)
        assert compact(sealed_ctx(cfg), operator="test").manifests
        assert run_archive(ctx).exit_code == 0
    chain = open_ctx(cfg).catalog.chain(*STREAM)
    new = next(p for p in chain.live() if p.entry.replaces and p.entry.sealed)
    reader = sealed_ctx(cfg, write=False)
    rows = ArchiveReader(
        reader.store, verifier=reader.verifier, masked=None, sealed=reader.sealed
    ).read_table(new.entry, columns=["session_id"])
    return cfg, str(rows.column("session_id")[0])


def _whole_chain_lineage(cfg: Path, custody: dict[str, Any]) -> dict[str, Any]:
    """Each custody object's lineage as reading every manifest from 1 gives it."""
    full: Chain = open_ctx(cfg).catalog.chain(*STREAM)
    assert full.base is None
    placed = {p.entry.key: p for p in full.live()}
    return {o["key"]: lineage_of(full, placed[o["key"]]) for o in custody["objects"]}


def _lineages(custody: dict[str, Any]) -> dict[str, Any]:
    return {o["key"]: {k: o[k] for k in ("lineage",) if k in o} for o in custody["objects"]}


def _newest_checkpoint(cfg: Path) -> Path:
    store = open_ctx(cfg).store
    key = checkpoint.listed(store, *STREAM)[-1][1]
    return cfg.parent / "archive" / key


def test_retrieve_reads_lineage_from_the_checkpoint_as_the_whole_chain_gives_it(
    compacted: tuple[Path, str], tmp_path: Path
) -> None:
    cfg, session = compacted
    t = retrieve(
        sealed_ctx(cfg), session, tmp_path / "t.json", fmt="json", operator="t", reason="t"
    )
    chain = t.custody["chain"]
    # Read from the checkpoint the compaction wrote, not from manifest 1.
    assert "checkpoint" in chain, "retrieve read the whole chain"
    assert chain["read_from"] == layout.manifest_key(*STREAM, chain["checkpoint"]["sequence"])
    lineages = _lineages(t.custody)
    assert any(lineages.values())
    assert lineages == _whole_chain_lineage(cfg, t.custody)
    # Every ancestor is where the report says: the manifest it names holds it with that hash.
    store = open_ctx(cfg).store
    for o in t.custody["objects"]:
        for old in o.get("lineage", []):
            m = json.loads(get_raw(store, old["manifest"]))  # its own object, or a pack
            entry = next(e for e in m["objects"] if e["key"] == old["key"])
            assert entry["ciphertext_sha256"] == old["ciphertext_sha256"]
            assert m["sequence"] == old["manifest_sequence"]


def _tamper(path: Path, cfg: Path, *, field: str, resign: bool) -> None:
    """Change every ancestor's ``field`` in the newest checkpoint (re-signed with the
    archive's own key when ``resign``: a forgery by a key holder)."""
    doc = json.loads(path.read_bytes())
    assert doc["ancestors"]
    for group in doc["ancestors"]:
        for ancestor in group["objects"]:
            ancestor[field] = "0" * 64
    if resign:
        signer = load_signer(cfg.parent / "keys" / "signing.pem")
        raw = signed.sign(signed.body(doc), signer)
    else:
        raw = signed.canonical(doc) + b"\n"
    path.write_bytes(raw)


def test_an_altered_ancestry_is_refused(compacted: tuple[Path, str], tmp_path: Path) -> None:
    """Not re-signed: the checkpoint is passed over (the whole chain is read, custody is still
    right) and plain verify names it."""
    cfg, session = compacted
    path = _newest_checkpoint(cfg)
    held = path.read_bytes()
    try:
        _tamper(path, cfg, field="plaintext_sha256", resign=False)
        t = retrieve(
            sealed_ctx(cfg), session, tmp_path / "t.json", fmt="json", operator="t", reason="t"
        )
        assert "checkpoint" not in t.custody["chain"]
        lineages = {
            o["key"]: {k: o[k] for k in ("lineage",) if k in o} for o in t.custody["objects"]
        }
        assert lineages == _whole_chain_lineage(cfg, t.custody)
        report = verify(open_ctx(cfg))
        assert any(p.kind == "checkpoint-altered" for p in report.problems), report.problems
    finally:
        path.write_bytes(held)


def test_a_resigned_ancestry_is_refused_by_lineage_or_deep_verify(
    compacted: tuple[Path, str], tmp_path: Path
) -> None:
    """Re-signed by a key holder: a wrong ciphertext hash breaks the lineage retrieve checks
    against the compacted entry's ``replaces``; any change is named by ``verify --deep``."""
    cfg, session = compacted
    path = _newest_checkpoint(cfg)
    held = path.read_bytes()
    try:
        _tamper(path, cfg, field="ciphertext_sha256", resign=True)
        with pytest.raises(IntegrityError, match="lineage"):
            retrieve(
                sealed_ctx(cfg), session, tmp_path / "t.json", fmt="json", operator="t", reason="t"
            )
        path.write_bytes(held)
        _tamper(path, cfg, field="plaintext_sha256", resign=True)
        deep = verify(open_ctx(cfg), deep=True)
        replay = [p for p in deep.problems if p.kind == "checkpoint-replay"]
        assert replay and "lineage" in replay[0].message, deep.problems
    finally:
        path.write_bytes(held)
    assert verify(open_ctx(cfg), deep=True).ok


def test_the_checkpoint_after_compaction_is_the_replay_by_the_document(
    compacted: tuple[Path, str],
) -> None:
    """The independent reader (FORMAT.md alone) replays the ancestors and the bounded
    superseded keys the checkpoint carries."""
    cfg, _ = compacted
    root = cfg.parent / "archive"
    public = (cfg.parent / "keys" / "signing.pub.pem").read_bytes()
    compacted_streams = 0
    for stream in fr.read_streams(root, public):
        for doc in fr.read_checkpoints(root, stream, public):
            assert fr.same_index(root, stream, doc)
            if doc["ancestors"]:
                compacted_streams += 1
                # The compaction deleted what it superseded: nothing of it is carried.
                assert not doc["superseded"]
    assert compacted_streams
