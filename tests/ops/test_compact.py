"""``archiver compact`` on the local store and on S3 (moto over HTTP): fewer objects, the same
rows, newest versions, exports and transcripts; lineage checked by verify and followed by
retrieve's custody and by the independent format reader; holds and erasures respected."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pyarrow.dataset as ds
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.archive import catalog as mf
from archiver.archive import signed
from archiver.archive.catalog import (
    Placed,
    RankSpan,
    Replaced,
    checkpoint,
    lineage,
    origin,
)
from archiver.archive.catalog.records import (
    SuppressionRecord,
    put_record,
    suppression_key,
)
from archiver.archive.lease import Lease
from archiver.archive.reader import ArchiveReader
from archiver.cli import cli
from archiver.context import Context
from archiver.crawl.engine import run_archive
from archiver.errors import EXIT_CONFLICT
from archiver.keys import load_signer
from archiver.ops.compact import compact, small_parts
from archiver.ops.compact import plan as compact_plan
from archiver.ops.erase import erase
from archiver.ops.export import export
from archiver.ops.hold import place_or_release
from archiver.ops.ledger import entries
from archiver.ops.restore import restore
from archiver.ops.retrieve import retrieve
from archiver.ops.verify import verify
from archiver.simulators.peki import PekiSimulator
from tests import format_reader as fr
from tests.conftest import open_ctx, sealed_ctx, sealed_key, write_config
from tests.helpers import small_simulator
from tests.s3 import MotoServer

pytestmark = pytest.mark.usefixtures("parsed_once_in_module")


RUNS = 5


def many_runs(
    directory: Path, sim: PekiSimulator, archive: dict[str, Any], runs: int = RUNS
) -> Path:
    """Small runs with changes in between (new messages, edits of old records): the many
    small parts a daily job leaves."""
    cfg = write_config(directory, sim, archive=archive)
    ctx = open_ctx(cfg)
    for i in range(runs):
        assert run_archive(ctx).exit_code == 0
        sim.random_changes(random.Random(i), 6)
    return cfg


def data_keys(cfg: Path) -> set[str]:
    store = open_ctx(cfg, write=False).store
    return {i.key for p in ("data/", "sealed/") for i in store.list(p)}


def live_keys(cfg: Path) -> set[str]:
    return {e.key for e in open_ctx(cfg, write=False).catalog.live_entries()}


def restored(cfg: Path, to: Path, *, latest: bool, sealed: bool) -> dict[str, list[str]]:
    """Every restored row, as sorted JSON lines per table (file names left out)."""
    ctx = sealed_ctx(cfg) if sealed else open_ctx(cfg, write=False)
    restore(ctx, to, latest=latest, sealed=sealed, operator="test", reason="test")
    out = {}
    for table in ("messages", "sessions", "users"):
        rows = ds.dataset(to / table, partitioning="hive").to_table().to_pylist()
        out[table] = sorted(json.dumps(r, sort_keys=True, default=str) for r in rows)
    return out


def snapshot(
    cfg: Path, tmp: Path, name: str, uid: str, sid: str, *, every_reader: bool = True
) -> dict[str, Any]:
    """What readers see: restore (newest and every version, masked and sealed), one person's
    export and one session's transcript; without ``every_reader``, only the newest sealed and
    every masked version are restored (what reads the store differently), nothing exported."""
    snap: dict[str, Any] = {}
    for latest in (True, False):
        for sealed in (False, True):
            if not every_reader and latest != sealed:
                continue
            snap[f"restore-{latest}-{sealed}"] = restored(
                cfg, tmp / f"{name}-{latest}-{sealed}", latest=latest, sealed=sealed
            )
    if not every_reader:
        return snap
    rep = export(sealed_ctx(cfg), uid, tmp / f"{name}-export", operator="test", reason="t")
    snap["export"] = {k: v for k, v in rep.files.items() if k.endswith(".csv")}
    t = retrieve(sealed_ctx(cfg), sid, tmp / f"{name}.json", fmt="json", operator="t", reason="t")
    snap["transcript"] = json.dumps([t.messages, t.versions], sort_keys=True, default=str)
    return snap


def check_compaction(cfg: Path, tmp: Path, *, store_logic: bool = True) -> None:
    """Compaction, and what readers see after it. ``store_logic`` off (the S3 variant) leaves
    to the local variant what depends on no store: export and transcript equality, the
    receipt's and lineage's structure, custody through lineage."""
    # A conversation with rows in parts compaction will rewrite, and its person.
    ctx = sealed_ctx(cfg)
    planned = compact(ctx, dry_run=True)
    part = next(
        p.entry
        for plan in planned.plans
        for b in plan.bins
        for p in b
        if p.entry.sealed and p.entry.table == "messages"
    )
    row = _rows(ctx, part)[0]
    uid, sid = row["user_id"], row["session_id"]
    before = snapshot(cfg, tmp, "before", uid, sid, every_reader=store_logic)
    objects_before = data_keys(cfg)
    assert small_parts(open_ctx(cfg).catalog.chain("peki-main", "bot1"), open_ctx(cfg).config) > 0

    report = compact(sealed_ctx(cfg), operator="test")
    assert report.manifests and report.objects_after < report.objects_before
    assert report.sealed_left == 0 and not report.conflicts
    after_keys = data_keys(cfg)
    assert len(after_keys) < len(objects_before)
    assert set(report.removal.deleted) == set(report.superseded)
    assert not set(report.superseded) & after_keys
    assert snapshot(cfg, tmp, "after", uid, sid, every_reader=store_logic) == before

    deep = verify(sealed_ctx(cfg), deep=True)
    assert deep.ok, deep.problems
    assert not deep.orphans
    if not store_logic:
        again = compact(sealed_ctx(cfg), operator="test")
        assert not again.manifests and again.objects_before == 0 and again.ledger is None
        return

    # The ledger has the receipt; the manifest names every new object with its lineage.
    ctx = open_ctx(cfg)
    (receipt,) = entries(ctx, kind="compact")
    chain = ctx.catalog.chain("peki-main", "bot1")
    # The receipt counts its lists and says where each manifest's superseded keys are: the
    # section of its lineage document that the manifest pins (not in the manifest itself).
    doc = receipt.doc
    assert "superseded" not in doc and "deleted" not in doc and "written" not in doc
    assert doc["superseded_count"] == len(report.superseded) == doc["deleted_count"]
    assert doc["written_count"] == len(report.written)
    by_key = {m.key: m for s in ctx.catalog.streams() for m in ctx.catalog.chain(*s).manifests}
    listed: set[str] = set()
    for item in doc["lists"]:
        m = by_key[item["manifest"]["key"]]
        assert item["manifest"]["sha256"] == m.sha256 and "supersedes" not in m.doc
        assert m.supersedes_pin is not None and m.lineage is not None and m.supersedes_read
        assert item["supersedes_section"] == m.supersedes_pin.to_json()
        assert item["lineage"] == {"key": m.lineage.key, "sha256": m.lineage.sha256}
        assert item["superseded"] == len(m.supersedes) and item["written"] == len(m.objects)
        listed |= m.supersedes
    assert listed == set(report.superseded)
    new = [p for p in chain.live() if p.entry.compacted]
    assert new
    # A checkpoint right after the compaction: readers start past the superseded parts.
    assert checkpoint.newest_sequence(ctx.store, "peki-main", "bot1") == chain.head.sequence
    docs = lineage.Documents(ctx.store, chain)
    for p in new:
        assert sum(s.rows for s in p.entry.ranks) == p.entry.rows
        # The lineage is in the document the manifest pins, not in the entry.
        assert not p.entry.replaces and isinstance(p.manifest, mf.Manifest)
        assert p.manifest.lineage is not None
        replaced = docs.of(p).root(p).replaces
        assert replaced
        for old in replaced:
            assert old.key in p.manifest.supersedes

    # The transcript's custody follows lineage back to the crawls' objects.
    t = retrieve(sealed_ctx(cfg), sid, tmp / "custody.txt", operator="t", reason="t")
    compacted = [o for o in t.custody["objects"] if "lineage_section" in o]
    assert compacted
    written = {o.key: (m.sequence, o.ciphertext_sha256) for m in chain.manifests for o in m.objects}
    for o in compacted:
        # The report cites the object's section; the section names every ancestor with the
        # manifest that wrote it and the hash that manifest recorded.
        p = next(p for p in new if p.entry.key == o["key"])
        assert p.entry.section is not None and o["lineage_section"] == p.entry.section.to_json()
        section = docs.of(p).section(p.entry.key)
        assert len(section.ancestors) == o["lineage_ancestors"]
        for old in section.ancestors:
            assert written[old.key] == (old.sequence, old.ciphertext_sha256)
    assert "compacted from" in (tmp / "custody.txt").read_text()

    # Idempotent: nothing small is left to pack, so no manifest.
    heads = {s: k[-1] for s, k in ctx.catalog.streams().items()}
    again = compact(sealed_ctx(cfg), operator="test")
    assert not again.manifests and again.objects_before == 0 and again.ledger is None
    assert {s: k[-1] for s, k in ctx.catalog.streams().items()} == heads


def test_compaction_on_the_local_store(tmp_path: Path) -> None:
    with small_simulator(seed=21) as sim:
        cfg = many_runs(tmp_path, sim, {})
        check_compaction(cfg, tmp_path)
        # The independent reader follows the lineage and the ranks from FORMAT.md alone.
        root = tmp_path / "archive"
        public = (tmp_path / "keys" / "signing.pub.pem").read_bytes()
        followed = 0
        for stream in fr.read_streams(root, public):
            live = {o["key"] for o in stream.live_objects}
            for _, m in stream.manifests:
                for o in m["objects"]:
                    replaced = fr.replaces_of(stream, m, o["key"])
                    if o["key"] not in live or not replaced:
                        continue
                    followed += 1
                    ancestors = fr.lineage(stream, o["key"])
                    assert {a["key"] for a in ancestors} >= {r["key"] for r in replaced}
                    assert all(
                        not fr._replaces(stream, a["key"]) for a in fr.originals(stream, o["key"])
                    )
        assert followed


def test_compaction_on_s3(moto_server: MotoServer, tmp_path: Path) -> None:
    bucket = moto_server.new_bucket()
    with small_simulator(seed=22) as sim:
        cfg = many_runs(tmp_path, sim, moto_server.archive_config(bucket), runs=3)
        check_compaction(cfg, tmp_path, store_logic=False)


def test_compacting_twice_after_more_runs_keeps_ranks_through_lineage(tmp_path: Path) -> None:
    """A compacted object compacted again keeps the ranks of the crawls' objects; the first
    compaction writes ranks in the form before packed ranks (a list of objects) and its
    ``supersedes`` in the manifest (the form before pinned lists), the second packs them
    (``rank_runs``) and pins its list in its lineage document: the forms are read side by
    side, and verified."""
    with small_simulator(seed=23) as sim:
        cfg = many_runs(tmp_path, sim, {}, runs=3)
        first = compact(sealed_ctx(cfg), rank_runs=False, pinned_lists=False).manifests
        assert first
        ctx = open_ctx(cfg)
        for i in range(3):
            sim.random_changes(random.Random(100 + i), 6)
            assert run_archive(ctx).exit_code == 0
        before = restored(cfg, tmp_path / "b", latest=True, sealed=True)
        assert compact(sealed_ctx(cfg)).manifests
        assert restored(cfg, tmp_path / "a", latest=True, sealed=True) == before
        chain = ctx.catalog.chain("peki-main", "bot1")
        crawl_seqs = {m.sequence for m in chain.manifests if m.run.is_crawl}
        for p in chain.live():
            assert {s.sequence for s in p.entry.ranks} <= crawl_seqs
        assert verify(sealed_ctx(cfg), deep=True).ok
        assert verify(sealed_ctx(cfg)).ok
        forms = {
            m.key: {k for o in m.doc["objects"] for k in ("ranks", "rank_runs") if k in o}
            for m in chain.manifests
            if m.run.id.startswith("compact-")
        }
        assert forms.pop(first[0]) == {"ranks"}
        assert set(map(frozenset, forms.values())) == {frozenset({"rank_runs"})}
        lists = {
            m.key: ("supersedes" in m.doc, m.supersedes_pin is not None)
            for m in chain.manifests
            if m.run.id.startswith("compact-")
        }
        assert lists.pop(first[0]) == (True, False)
        assert set(lists.values()) == {(False, True)}
        # A pinned list, read by the whole-chain reader, names objects of earlier manifests.
        for i, m in enumerate(chain.manifests):
            if m.supersedes_pin is not None:
                earlier = {o.key for n in chain.manifests[:i] for o in n.objects}
                assert m.supersedes_read and m.supersedes and m.supersedes <= earlier


def test_dry_run_writes_nothing_and_without_the_sealed_key_only_masked_parts(
    tmp_path: Path,
) -> None:
    with small_simulator(seed=24) as sim:
        cfg = many_runs(tmp_path, sim, {}, runs=3)
        store = open_ctx(cfg).store
        everything = {(i.key, i.size) for i in store.list("")}
        out = CliRunner().invoke(
            cli,
            [
                "compact",
                "--config",
                str(cfg),
                "--dry-run",
                "--json",
                "--sealed-key",
                str(sealed_key(tmp_path)),
            ],
        )
        assert out.exit_code == 0, out.output
        doc = json.loads(out.output)
        assert doc["dry_run"] and doc["parts_rewritten"] > doc["objects_written"] > 0
        assert {(i.key, i.size) for i in store.list("")} == everything

        job = compact(open_ctx(cfg))  # the job's keys: it cannot open sealed originals
        assert job.sealed_left > 0
        assert all(k.startswith("data/") for k in job.superseded + job.written)
        assert verify(open_ctx(cfg), deep=True).ok


def test_held_rows_get_the_legal_hold_on_their_new_object(
    moto_server: MotoServer, tmp_path: Path
) -> None:
    bucket = moto_server.new_bucket(object_lock=True)
    lock = {"mode": "GOVERNANCE", "days": 1}
    with small_simulator(seed=25) as sim:
        cfg = many_runs(tmp_path, sim, moto_server.archive_config(bucket, object_lock=lock), 3)
        ctx = open_ctx(cfg)
        uid = sorted(sim.truth("bot1")["users"])[0]
        placed = place_or_release(ctx, "place", "CASE-C", user_id=uid, operator="t")
        subject = placed.hold.subjects[0]
        before = restored(cfg, tmp_path / "b", latest=True, sealed=True)
        report = compact(sealed_ctx(cfg), operator="t")
        store = ctx.store
        new_held = [
            e for e in ctx.catalog.live_entries() if e.compacted and e.names_subject([subject])
        ]
        assert new_held and set(report.held) >= {e.key for e in new_held}
        assert all(store.lock_status(e.key).legal_hold for e in new_held)  # type: ignore[attr-defined]
        # Object Lock keeps the old objects: superseded, retained, gone for readers.
        assert report.removal.retained and not report.removal.deleted
        assert restored(cfg, tmp_path / "a", latest=True, sealed=True) == before
        assert verify(open_ctx(cfg), deep=False).ok


def test_erased_subjects_do_not_come_back(tmp_path: Path) -> None:
    with small_simulator(seed=26) as sim:
        cfg = many_runs(tmp_path, sim, {}, runs=3)
        uid = sorted(sim.truth("bot1")["users"])[0]
        erase(sealed_ctx(cfg), uid, reason="DSR", operator="t")
        erased = set(open_ctx(cfg).catalog.suppressed())
        # A suppression a run had not seen yet (it started before the erase): that person's
        # rows are still in live parts, and compaction must not carry them over.
        ctx = sealed_ctx(cfg)
        planned = compact(ctx, dry_run=True)
        parts = [p.entry for plan in planned.plans for b in plan.bins for p in b]
        subjects = {r["subject_id"] for e in parts for r in _rows(ctx, e)} - erased - {None}
        late = sorted(subjects)[0]
        doc: SuppressionRecord = {
            "kind_of_record": "suppression",
            "subject_id": late,
            "at": "2026-01-01T00:00:00.000Z",
            "operator": "t",
            "ledger": "ledger/none",
        }
        put_record(ctx.store, suppression_key(late), doc, ctx.signer)
        report = compact(sealed_ctx(cfg), operator="t")
        assert report.rows_dropped > 0
        compacted = [e for e in ctx.catalog.live_entries() if e.compacted]
        assert compacted
        for e in compacted:
            assert not {r["subject_id"] for r in _rows(ctx, e)} & (erased | {late})
            assert not e.names_subject(erased | {late})
        after = restored(cfg, tmp_path / "a", latest=False, sealed=True)
        assert not any(json.loads(x)["subject_id"] in erased for v in after.values() for x in v)
        assert verify(sealed_ctx(cfg), deep=True).ok


def _rows(ctx: Context, entry: mf.ObjectEntry) -> list[dict[str, Any]]:
    reader = ArchiveReader(ctx.store, verifier=ctx.verifier, masked=ctx.masked, sealed=ctx.sealed)
    return reader.read_table(entry).to_pylist()


def test_a_run_holding_the_stream_makes_compact_skip_it_with_exit_5(tmp_path: Path) -> None:
    with small_simulator(seed=27) as sim:
        cfg = many_runs(tmp_path, sim, {}, runs=3)
        ctx = open_ctx(cfg)
        head = ctx.catalog.head("peki-main", "bot1")
        assert head is not None
        lease = Lease(ctx.store, "peki-main", "bot1", head.sequence + 1, run_id="a-run")
        lease.acquire()
        try:
            out = CliRunner().invoke(
                cli, ["compact", "--config", str(cfg), "--sealed-key", str(sealed_key(tmp_path))]
            )
        finally:
            lease.release()
        assert out.exit_code == EXIT_CONFLICT, out.output
        assert "skipped peki-main/bot1" in out.output
        # The other stream was compacted; bot1 is untouched and compacts on the next try.
        assert ctx.catalog.head("peki-main", "bot1") == head
        assert ctx.catalog.head("peki-main", "bot2").run.id.startswith("compact-")  # type: ignore[union-attr]
        assert verify(sealed_ctx(cfg), deep=True).ok
        assert compact(sealed_ctx(cfg)).manifests


def test_compact_holding_the_stream_makes_a_run_stop_with_exit_5(tmp_path: Path) -> None:
    with small_simulator(seed=28) as sim:
        cfg = many_runs(tmp_path, sim, {}, runs=3)
        ctx = open_ctx(cfg)
        head = ctx.catalog.head("peki-main", "bot1")
        assert head is not None
        lease = Lease(ctx.store, "peki-main", "bot1", head.sequence + 1, run_id="compact-x")
        lease.acquire()
        try:
            report = run_archive(ctx)
        finally:
            lease.release()
        assert report.exit_code == EXIT_CONFLICT
        assert {s.tenant: s.status for s in report.streams}["bot1"] == "conflict"
        assert verify(sealed_ctx(cfg), deep=True).ok


def test_verify_refuses_inline_lineage_with_a_wrong_hash(tmp_path: Path) -> None:
    """The form before lineage documents (``replaces`` in the entry), still verified."""
    with small_simulator(seed=29) as sim:
        cfg = many_runs(tmp_path, sim, {}, runs=3)
        compact(sealed_ctx(cfg), lineage_document=False)
        ctx = open_ctx(cfg)
        m = ctx.catalog.head("peki-main", "bot1")
        assert m is not None and m.run.id.startswith("compact-")
        doc = signed.body(json.loads(m.raw))
        doc["objects"][0]["replaces"][0]["sha256"] = "0" * 64
        raw = signed.sign(doc, load_signer(ctx.config.keys.signing))
        (tmp_path / "archive" / m.key).write_bytes(raw)
        # Plain verify reads from the checkpoint written after the compaction, which names the
        # manifest by its hash: the change shows there; --deep checks the lineage itself.
        plain = verify(open_ctx(cfg)).problems
        assert plain, "a re-signed head goes unnoticed by plain verify"
        problems = verify(open_ctx(cfg), deep=True).problems
        assert any(p.kind == "object-lineage" for p in problems), problems


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 5), min_size=1, max_size=12))
def test_ranks_give_each_row_the_rank_it_had(sizes: list[int]) -> None:
    """Rows of several objects packed in order: each row ranks where it ranked before."""
    origins = [(s + 1, s % 3) for s in range(len(sizes))]
    before = [(seq, pos, r) for (seq, pos), n in zip(origins, sizes, strict=True) for r in range(n)]
    spans = tuple(RankSpan(seq, pos, n) for (seq, pos), n in zip(origins, sizes, strict=True) if n)
    for ranks in (mf.Ranks(spans), mf.Ranks.packing(spans)):  # as a list, and packed
        _check_ranks(before, ranks)


def _check_ranks(before: list[tuple[int, int, int]], ranks: mf.Ranks) -> None:
    entry = mf.ObjectEntry(
        key="k",
        table="messages",
        sealed=False,
        partition=mf.Partition("s", "t", "2026-01-01"),
        rows=len(before),
        plaintext_size=1,
        ciphertext_size=1,
        plaintext_sha256="0" * 64,
        ciphertext_sha256="0" * 64,
        time_min="",
        time_max="",
        subjects=frozenset(),
        replaces=(Replaced("old", "0" * 64),),
        ranks=ranks,
    )
    placed = Placed(entry, None, 0)  # type: ignore[arg-type]
    assert [origin(placed, i) for i in range(len(before))] == before
    written = entry.to_json()
    if ranks:
        assert ("rank_runs" in written) is ranks.packed
        assert ("ranks" in written) is not ranks.packed
    assert mf.ObjectEntry.from_json(written) == entry
    assert mf.ObjectEntry.from_json(written).ranks.spans == ranks.spans
    assert [fr.rank_of(99, 0, entry.to_json(), i) for i in range(len(before))] == before


def _small_gauges(prom: Path) -> dict[str, float]:
    from prometheus_client.parser import text_string_to_metric_families

    return {
        s.labels["tenant"]: s.value
        for f in text_string_to_metric_families(prom.read_text())
        if f.name == "archiver_small_parts"
        for s in f.samples
    }


def _config_with(cfg: Path, archive: dict[str, Any], metrics: dict[str, Any]) -> None:
    import yaml

    doc = yaml.safe_load(cfg.read_text())
    doc["archive"] |= archive
    doc["metrics"] = metrics
    cfg.write_text(yaml.safe_dump(doc, sort_keys=False))


def test_run_reports_small_parts_and_compacts_after_itself_when_configured(
    tmp_path: Path,
) -> None:
    from archiver.ops.doctor import run_doctor

    with small_simulator(seed=30) as sim:
        cfg = many_runs(tmp_path, sim, {}, runs=3)
        prom = tmp_path / "metrics.prom"
        # Off (the default): the run measures, doctor warns past K, nothing is compacted.
        _config_with(cfg, {"compact_min_small_parts": 2}, {"textfile": str(prom)})
        out = CliRunner().invoke(cli, ["run", "--config", str(cfg)])
        assert out.exit_code == 0, out.output
        before = _small_gauges(prom)
        assert set(before) == {"bot1", "bot2"} and all(v > 0 for v in before.values())
        ctx = open_ctx(cfg)
        assert not any(
            m.run.id.startswith("compact-") for c in ctx.catalog.chains() for m in c.manifests
        )
        checks = {c.name: c for c in run_doctor(cfg).checks}
        assert checks["small parts"].status == "warn", checks["small parts"]

        # On: the run compacts the crowded partitions (the job's keys: masked parts only).
        _config_with(
            cfg, {"compact_after_run": True, "compact_min_small_parts": 2}, {"textfile": str(prom)}
        )
        sim.random_changes(random.Random(9), 6)
        out = CliRunner().invoke(cli, ["run", "--config", str(cfg)])
        assert out.exit_code == 0, out.output
        heads = [c.head for c in open_ctx(cfg).catalog.chains()]
        assert all(h.run.id.startswith("compact-") for h in heads)
        after = _small_gauges(prom)
        # The gauge counts sealed small parts too, which the job's keys cannot compact and
        # which the run itself adds to: it falls where masked parts were compacted, and no
        # partition the job could compact is left crowded.
        assert set(after) == set(before) and any(after[t] < before[t] for t in before), (
            before,
            after,
        )
        done = open_ctx(cfg)
        for chain in done.catalog.chains():
            bins, _ = compact_plan(chain, done.config, sealed=False, more_than=2)
            assert not bins, (chain.tenant, [len(b) for b in bins])
        assert verify(open_ctx(cfg), deep=True).ok


def test_run_and_compact_racing_in_real_processes(tmp_path: Path) -> None:
    """Both started at once on the same streams: each either finishes or stops cleanly with
    exit 5 (never another code), and the archive is intact and complete afterwards."""
    import subprocess
    import sys

    from tests.archive_truth import check_archive_against_truth

    with small_simulator(seed=32) as sim:
        cfg = many_runs(tmp_path, sim, {}, runs=3)
        sim.random_changes(random.Random(77), 10)
        base = [sys.executable, "-m", "archiver"]
        procs = [
            subprocess.Popen(
                [*base, "compact", "--config", str(cfg), "--sealed-key", str(sealed_key(tmp_path))],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            ),
            subprocess.Popen(
                [*base, "run", "--config", str(cfg)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            ),
        ]
        codes = [p.wait(120) for p in procs]
        assert set(codes) <= {0, EXIT_CONFLICT}, codes
        checked = verify(sealed_ctx(cfg), deep=True)
        assert checked.ok, checked.problems
        # Whatever stopped, the next run and compaction finish the job.
        assert run_archive(open_ctx(cfg)).exit_code == 0
        compact(sealed_ctx(cfg))
        assert verify(sealed_ctx(cfg), deep=True).ok
        check_archive_against_truth(cfg, sim, tmp_path)


def test_ledger_show_prints_the_compaction_receipt(tmp_path: Path) -> None:
    with small_simulator(seed=33) as sim:
        cfg = many_runs(tmp_path, sim, {}, runs=3)
        report = compact(sealed_ctx(cfg), operator="ops-team")
        assert report.ledger is not None
        out = CliRunner().invoke(cli, ["ledger", "show", "--config", str(cfg), report.ledger])
        assert out.exit_code == 0, out.output
        assert "COMPACTION RECEIPT" in out.output and "ops-team" in out.output
        assert (
            f"{len(report.superseded)} superseded: {len(report.superseded)} deleted" in out.output
        )
        listed = CliRunner().invoke(
            cli, ["ledger", "list", "--config", str(cfg), "--kind", "compact"]
        )
        assert "compacted" in listed.output


def test_equal_version_times_keep_their_winner_through_compaction(tmp_path: Path) -> None:
    """A record changed without its change time moving: the version committed later wins. When
    compaction moves the earlier version into a new object named by a later manifest, its
    ``ranks`` keep it earlier; without them it would win, and restore would change."""
    from datetime import UTC, datetime

    from archiver.archive import layout
    from archiver.archive.catalog import RunInfo, StreamId, commit_next
    from archiver.archive.writer import write_object

    source = {
        "name": "peki-main",
        "type": "peki",
        "base_url": "http://127.0.0.1:9/api",
        "api_key": "k",
        "api_secret": "s",
        "chatbot_ids": ["bot1"],
    }
    cfg = write_config(tmp_path, source, archive={"part_rows": 3})
    ctx = open_ctx(cfg)
    at = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)
    part = mf.Partition("peki-main", "bot1", "2026-03-01")

    def message(mid: str, text: str) -> dict[str, Any]:
        return {
            "source": "peki-main",
            "tenant": "bot1",
            "message_id": mid,
            "session_id": "s1",
            "subject_id": "a" * 64,
            "sender": "user",
            "text": text,
            "attachments": [],
            "created_at": at,
            "version_time": at,
            "record_hash": f"{mid}-{text}",
            "raw": json.dumps({"id": mid, "text": text}),
        }

    previous = None
    # seq 1: the first version of m1 (small); seq 2: a small part; seq 3: the second version
    # of m1, same change time, in a part of 3 rows (not small: part_rows is 3).
    for n, rows in enumerate(
        [
            [message("m1", "first")],
            [message("m2", "other")],
            [message("m1", "second"), message("m3", "x"), message("m4", "y")],
        ],
        start=1,
    ):
        key = layout.object_key(
            sealed=False, table="messages", source="peki-main", tenant="bot1",
            date=part.date, run_id=f"r{n}", part=1,
        )  # fmt: skip
        entry = write_object(
            ctx.store, ctx.masked, key=key, table="messages", sealed=False, partition=part,
            rows=rows, sessions=["0" * 16],
        )  # fmt: skip
        stamp = f"2026-03-0{n}T00:00:00.000Z"
        previous = commit_next(
            ctx.store,
            ctx.provenance,
            previous=previous,
            stream=StreamId("peki-main", "peki", "bot1"),
            run=RunInfo(f"r{n}", stamp, stamp, "complete", False),
            objects=[entry],
            state={"watermark": None, "seen": {}},
        )

    def newest_m1() -> str:
        out = tmp_path / f"restore-{len(list(tmp_path.iterdir()))}"
        restore(open_ctx(cfg, write=False), out, latest=True)
        rows = ds.dataset(out / "messages", partitioning="hive").to_table().to_pylist()
        return next(str(r["text"]) for r in rows if r["message_id"] == "m1")

    assert newest_m1() == "second"
    report = compact(ctx)
    assert report.objects_before == 2 and report.objects_after == 1
    (new,) = [e for e in ctx.catalog.live_entries() if e.compacted]
    assert [(s.sequence, s.rows) for s in new.ranks] == [(1, 1), (2, 1)]
    assert newest_m1() == "second"
    assert verify(open_ctx(cfg), deep=True).ok
