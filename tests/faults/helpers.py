"""What every scenario of the fault campaign checks once its faults are over.

After faults, kills and changes, one clean run must bring the archive to the platform's truth
(nothing lost, nothing committed twice), ``verify`` must find the chain intact, and nothing may
have been written outside the archive root (for S3: outside the configured prefix).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from archiver.crawl.engine import run_archive
from archiver.errors import (
    EXIT_CONFLICT,
    EXIT_FAILURE,
    EXIT_OK,
    EXIT_PARTIAL,
    ArchiverError,
)
from archiver.ops.verify import verify
from tests.archive_truth import check_archive
from tests.conftest import open_ctx
from tests.contract.platforms import Platform
from tests.s3 import MotoServer

#: What ``archiver run`` may exit with under faults: ok, failed, partial, conflict.
RUN_EXIT_CODES = frozenset({EXIT_OK, EXIT_FAILURE, EXIT_PARTIAL, EXIT_CONFLICT})
PYTHON = sys.executable


def slow() -> bool:
    return os.environ.get("ARCHIVER_SLOW_TESTS") == "1"


def run_in_process(cfg: Path) -> tuple[int, list[str]]:
    """One run: its exit code and the errors of its streams. An ``ArchiverError`` ends it
    with that error's exit code, as the CLI would; anything else is a bug and propagates."""
    try:
        report = run_archive(open_ctx(cfg))
    except ArchiverError as exc:
        return exc.exit_code, [str(exc)]
    return report.exit_code, [s.error for s in report.streams if s.error]


def run_cli(cfg: Path, *extra: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PYTHON, "-m", "archiver", "run", "--config", str(cfg), *extra],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=cwd or cfg.parent,
    )


def tree(directory: Path, *, skip: tuple[str, ...] = ("archive",)) -> set[str]:
    """Every file and folder under ``directory`` except the top-level ones named in ``skip``."""
    out: set[str] = set()
    for path in directory.rglob("*"):
        rel = path.relative_to(directory)
        if rel.parts[0] not in skip:
            out.add(rel.as_posix())
    return out


@contextmanager
def nothing_written_outside(
    directory: Path, *, skip: tuple[str, ...] = ("archive",)
) -> Iterator[None]:
    """Runs in the block may write only under ``directory/archive`` (and the folders in
    ``skip``): a file appearing anywhere else in ``directory`` fails the test."""
    before = tree(directory, skip=skip)
    yield
    extra = sorted(tree(directory, skip=skip) - before)
    assert not extra, f"files written outside the archive root: {extra[:10]}"


def bucket_keys_outside(moto: MotoServer, bucket: str, prefix: str) -> list[str]:
    keys: list[str] = []
    for page in moto.client().get_paginator("list_objects_v2").paginate(Bucket=bucket):
        keys.extend(item["Key"] for item in page.get("Contents", []))
    assert keys, "the bucket is empty: nothing was archived"
    return [k for k in keys if not k.startswith(prefix)]


def local_copy(cfg: Path, moto: MotoServer, bucket: str, prefix: str) -> Path:
    """The bucket's archive copied key for key into a folder, with a config that reads it.

    The truth check reads every object a few times; over moto that costs ~15 ms a read, so it
    reads a faithful copy instead (the same keys and bytes, read once from S3)."""
    root = cfg.parent / "s3-copy"
    s3 = moto.client()
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        for item in page.get("Contents", []):
            target = root / item["Key"][len(prefix) :]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(s3.get_object(Bucket=bucket, Key=item["Key"])["Body"].read())
    doc = yaml.safe_load(cfg.read_text())
    doc["archive"] = {"url": str(root)}
    copy = cfg.with_name("archiver-s3-copy.yaml")
    copy.write_text(yaml.safe_dump(doc, sort_keys=False))
    return copy


def settle_and_check(
    cfg: Path,
    platform: Platform,
    tmp: Path,
    *,
    deep: bool = True,
    s3: tuple[MotoServer, str, str] | None = None,
) -> None:
    """The clean run, then truth (nothing lost or duplicated) and an intact chain; for an S3
    archive (``s3`` = server, bucket, prefix) also no key outside the prefix."""
    code, errors = run_in_process(cfg)
    assert code == EXIT_OK, errors
    if s3 is not None:
        moto, bucket, prefix = s3
        assert bucket_keys_outside(moto, bucket, prefix) == []
        cfg = local_copy(cfg, moto, bucket, prefix)
    check_archive(cfg, platform, tmp)
    report = verify(open_ctx(cfg, write=False), deep=deep)
    assert report.exit_code == EXIT_OK, [p.to_json() for p in report.problems]
    assert report.manifests > 0


def faults_seen(counters: dict[str, Any]) -> int:
    """Faults a simulator answered with (anything but a 200 or a 404)."""
    return sum(
        v for k, v in counters.items() if k.startswith("status.") and k not in ("status.200",)
    )
