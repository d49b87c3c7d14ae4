"""``archiver gc``: orphans older than the grace period go; nothing a manifest names, nothing
younger, nothing under Object Lock, and nothing at all while the manifests are damaged."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import click
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.archive import catalog as mf
from archiver.archive import layout, signed
from archiver.archive.store import ObjectInfo, Store
from archiver.cli.common import parse_duration
from archiver.cli.gc import format_report
from archiver.context import Context
from archiver.crawl.engine import run_archive
from archiver.errors import IntegrityError
from archiver.ops.gc import gc, select_orphans
from archiver.ops.verify import verify
from archiver.timeutil import utcnow
from tests.conftest import open_ctx
from tests.helpers import build_archive, small_simulator
from tests.s3 import MotoServer

pytestmark = pytest.mark.usefixtures("parsed_once_in_module")


HOUR = timedelta(hours=1)
T0 = datetime(2024, 1, 1, tzinfo=UTC)

# --- the selection rule, as an invariant -------------------------------------------------

keys = st.tuples(
    st.sampled_from(["data/", "sealed/", "manifests/", "holds/", "datax/"]),
    st.text("abc/", min_size=1, max_size=6).filter(lambda k: not k.startswith("/")),
).map("".join)
objects = st.lists(
    st.builds(
        ObjectInfo,
        key=keys,
        size=st.integers(0, 10),
        modified=st.integers(0, 48 * 3600).map(lambda s: T0 + timedelta(seconds=s)),
    ),
    unique_by=lambda o: o.key,
    max_size=30,
)


@settings(max_examples=100, deadline=None)
@given(
    listing=objects,
    named_mask=st.lists(st.booleans(), min_size=30, max_size=30),
    grace_s=st.integers(0, 48 * 3600),
)
def test_only_old_unnamed_data_objects_are_selected(
    listing: list[ObjectInfo], named_mask: list[bool], grace_s: int
) -> None:
    named = {o.key for o, n in zip(listing, named_mask, strict=False) if n}
    now, grace = T0 + timedelta(hours=48), timedelta(seconds=grace_s)
    old, young = select_orphans(listing, named, now=now, grace=grace)
    for o in old:
        assert o.key not in named
        assert o.key.startswith(("data/", "sealed/"))
        assert o.modified <= now - grace
    assert not {o.key for o in old} & {o.key for o in young}
    # ...and every such object is either removed or counted as too young: nothing is forgotten.
    unnamed = {o.key for o in listing if o.key.startswith(("data/", "sealed/"))} - named
    assert {o.key for o in old} | {o.key for o in young} == unnamed
    assert all(o.modified > now - grace for o in young)


# --- on a real archive --------------------------------------------------------------------


class LosingStore:
    """Every manifest commit finds its sequence taken: the run's objects become orphans."""

    def __init__(self, inner: Store) -> None:
        self.inner = inner
        self.description = inner.description

    def put_if_absent(self, key: str, data: bytes, *, sha256_hex: str | None = None) -> bool:
        if key.startswith(layout.MANIFESTS + "/"):
            return False
        return self.inner.put_if_absent(key, data, sha256_hex=sha256_hex)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


@dataclass
class Archive:
    cfg: Path
    orphans: set[str]
    named: set[str]


def make_archive(directory: Path, archive: dict[str, object], runs: int) -> Archive:
    with small_simulator(seed=9) as sim:
        cfg = build_archive(directory, sim, archive, runs=runs)
        ctx = open_ctx(cfg)
        named = {o.key for m in _manifests(ctx) for o in m.objects}
        sim.random_changes(random.Random(1), 6)
        ctx.store = LosingStore(ctx.store)  # type: ignore[assignment]
        assert run_archive(ctx).exit_code == 5
    everything = {i.key for i in open_ctx(cfg).store.list("")}
    orphans = {k for k in everything if not k.startswith("manifests/")} - named
    assert orphans
    return Archive(cfg, orphans, named)


def _manifests(ctx: Context) -> list[mf.Manifest]:
    return [m for chain in ctx.catalog.chains() for m in chain.manifests]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    return make_archive(tmp_path_factory.mktemp("pristine"), {"url": "archive"}, runs=2)


@pytest.fixture
def local(pristine: Archive, tmp_path: Path) -> Archive:
    """A copy of the archive with orphans, for each test to change."""
    shutil.copytree(pristine.cfg.parent, tmp_path / "copy")
    return Archive(tmp_path / "copy" / pristine.cfg.name, pristine.orphans, pristine.named)


def present(ctx: Context) -> set[str]:
    return {i.key for i in ctx.store.list("")}


def test_gc_removes_old_orphans_only(local: Archive) -> None:
    ctx = open_ctx(local.cfg, write=False)
    before = present(ctx)

    now = gc(ctx, grace=HOUR)
    assert now.deleted == [] and {i.key for i in now.young} == local.orphans
    dry = gc(ctx, grace=HOUR, dry_run=True, now=utcnow() + 2 * HOUR)
    assert {i.key for i in dry.deleted} == local.orphans
    assert present(ctx) == before

    done = gc(ctx, grace=HOUR, now=utcnow() + 2 * HOUR)
    assert {i.key for i in done.deleted} == local.orphans and done.exit_code == 0
    assert format_report(done).startswith(f"deleted {len(local.orphans)} orphan(s)")
    assert format_report(dry).startswith(f"would delete {len(local.orphans)} orphan(s)")
    assert present(ctx) == before - local.orphans
    assert local.named <= present(ctx)
    report = verify(ctx, deep=True)
    assert report.ok and report.orphans == []


def test_gc_refuses_while_manifests_are_damaged(local: Archive) -> None:
    ctx = open_ctx(local.cfg, write=False)
    witness = local.cfg.parent / "witness.json"
    assert verify(ctx, witness=witness).ok
    before = present(ctx)
    # The end of a chain cut off: only the witness tells; its objects must not be collected.
    last = layout.manifest_key("peki-main", "bot2", 2)
    (local.cfg.parent / "archive" / last).unlink()
    with pytest.raises(IntegrityError, match=r"gc refused.*removed from the end"):
        gc(ctx, grace=timedelta(0), now=utcnow() + HOUR, witness=witness)
    # A manifest missing from the middle of a chain is seen without a witness.
    first = layout.manifest_key("peki-main", "bot1", 1)
    (local.cfg.parent / "archive" / first).unlink()
    with pytest.raises(IntegrityError, match=r"gc refused.*removed from the middle"):
        gc(ctx, grace=timedelta(0), now=utcnow() + HOUR)
    assert present(ctx) == before - {last, first}


class CommittingDuringGc:
    """A run that commits, while gc deletes, a manifest naming an object gc just removed."""

    def __init__(self, ctx: Context) -> None:
        self.inner, self.ctx, self.done = ctx.store, ctx, False
        self.description = ctx.store.description

    def delete(self, key: str) -> None:
        self.inner.delete(key)
        if self.done:
            return
        self.done = True
        head = max(
            (m for m in _manifests(self.ctx) if m.doc["stream"]["tenant"] == "bot1"),
            key=lambda m: m.sequence,
        )
        doc = json.loads(head.raw)
        doc["sequence"] = head.sequence + 1
        doc["previous"] = {"sequence": head.sequence, "key": head.key, "sha256": head.sha256}
        doc["objects"] = [dict(doc["objects"][0], key=key)]
        new_key = layout.manifest_key("peki-main", "bot1", head.sequence + 1)
        assert self.inner.put_if_absent(new_key, signed.sign(doc, self.ctx.signer))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def test_gc_reports_a_run_that_committed_what_it_deleted(local: Archive) -> None:
    ctx = open_ctx(local.cfg)
    ctx.store = CommittingDuringGc(ctx)  # type: ignore[assignment]
    with pytest.raises(IntegrityError, match="a run committed while gc ran"):
        gc(ctx, grace=timedelta(0), now=utcnow() + HOUR)


def test_cli(local: Archive) -> None:
    def cli(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "archiver", "gc", "--config", str(local.cfg), *extra],
            capture_output=True,
            text=True,
            timeout=120,
        )

    done = cli("--grace", "0s", "--json")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["dry_run"] is False and doc["failed"] == []
    assert {d["key"] for d in doc["deleted"]} == local.orphans
    assert doc["bytes_freed"] == sum(d["size"] for d in doc["deleted"]) > 0
    assert not local.orphans & present(open_ctx(local.cfg, write=False))


@pytest.mark.parametrize(
    ("text", "seconds"), [("90s", 90), ("30m", 1800), ("12h", 43200), ("7d", 604800), ("0s", 0)]
)
def test_grace_durations(text: str, seconds: int) -> None:
    assert parse_duration(text) == timedelta(seconds=seconds)


@pytest.mark.parametrize("text", ["soon", "7", "-1d", "1w", "d"])
def test_bad_grace_durations(text: str) -> None:
    with pytest.raises(click.BadParameter):
        parse_duration(text)


def test_orphans_under_object_lock_are_kept(moto_server: MotoServer, tmp_path: Path) -> None:
    bucket = moto_server.new_bucket(object_lock=True)
    archive = make_archive(
        tmp_path,
        moto_server.archive_config(bucket, object_lock={"mode": "COMPLIANCE", "days": 1}),
        runs=1,
    )
    ctx = open_ctx(archive.cfg, write=False)
    before = present(ctx)
    report = gc(ctx, grace=timedelta(0), now=utcnow() + HOUR)
    assert report.deleted == [] and report.failed == [] and report.exit_code == 0
    assert {i.key for i, _why in report.retained} == archive.orphans
    assert all(why.startswith("COMPLIANCE retention until") for _i, why in report.retained)
    assert present(ctx) == before
    # After the retention, they go (moto lets a test shorten COMPLIANCE retention).
    s3 = moto_server.client()
    for key in archive.orphans:
        s3.put_object_retention(
            Bucket=bucket,
            Key=f"archive/{key}",
            Retention={"Mode": "COMPLIANCE", "RetainUntilDate": utcnow() - HOUR},
            BypassGovernanceRetention=True,
        )
    later = gc(ctx, grace=timedelta(0), now=utcnow() + HOUR)
    assert {i.key for i in later.deleted} == archive.orphans
    assert present(ctx) == before - archive.orphans
