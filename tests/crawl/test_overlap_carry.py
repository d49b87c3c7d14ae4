"""The engine does not depend on a source re-yielding its whole overlap.

A complete run used to replace ``seen`` by what it observed, so a version still at or after the
new watermark that the run happened not to yield fell out of ``seen`` and, yielded again by a
later run, was committed twice. Here a scripted source yields every new version once and an
arbitrary part of the overlap again, over arbitrary run timings; whatever it does, every
version is committed exactly once.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archiver.crawl import engine
from archiver.crawl.engine import run_archive
from archiver.sources.base import Record
from archiver.sources.paging import ScanStats
from tests.archive_truth import assert_no_duplicate_versions, committed_rows
from tests.conftest import examples, open_ctx
from tests.contract.platforms import write_config

TENANT = "bot1"
LAG = 5


class ScriptedSource:
    """A platform of message versions whose runs re-yield only what the script says."""

    type = "peki"

    def __init__(self) -> None:
        self.name = "peki-main"
        self.now = datetime(2026, 3, 1, 12, tzinfo=UTC)
        self.versions: list[Record] = []  # every version ever created, in creation order
        self.yielded: set[int] = set()
        self.again: list[bool] = []  # per run: which overlap versions to yield again
        self._started: datetime | None = None

    def create(self, n: int, late: int, updates: int = 0) -> None:
        """``n`` new records and ``updates`` new versions of the newest existing ones (a
        record can then have several versions in the overlap, as Kore.ai's users do when a
        crawl meets a person's sessions one after the other)."""
        at = self.now - timedelta(seconds=late)
        for _ in range(n):
            i = len(self.versions)
            data = {"id": f"m{i}", "text": f"hello {i}", "senderType": "User"}
            self.versions.append(
                Record("messages", f"m{i}", data, at, at, user_id="u1", session_id="s1")
            )
        for old in self.versions[-updates:] if updates else []:
            i = len(self.versions)
            data = old.data | {"text": f"edit {i}"}
            self.versions.append(
                Record(
                    "messages",
                    old.id,
                    data,
                    old.created_at,
                    max(at, old.changed_at),
                    user_id="u1",
                    session_id="s1",
                )
            )

    # -- Source protocol -----------------------------------------------------------------------

    def tenants(self) -> list[str]:
        return [TENANT]

    def changes(self, tenant: str, since: datetime | None) -> Iterator[Record]:
        self._started = self.now
        draws = iter(self.again)
        for i, rec in enumerate(self.versions):
            if since is not None and rec.changed_at < since:
                continue
            if i not in self.yielded or next(draws, False):
                self.yielded.add(i)
                yield rec

    def crawl_started_at(self, tenant: str) -> datetime | None:
        return self._started

    def http_stats(self) -> dict[str, int]:
        return {"requests": 0}

    def request_count(self) -> int:
        return 0

    def scan_stats(self, tenant: str) -> dict[str, ScanStats]:
        return {}

    def close(self) -> None:
        pass


runs = st.lists(
    st.tuples(
        st.integers(0, 3),  # new records before the run
        st.integers(0, 2),  # new versions of existing records
        st.integers(0, 4),  # how late they were written (seconds before "now")
        st.integers(0, 4),  # seconds that pass before the run
        st.lists(st.booleans(), max_size=12),  # which overlap versions the run yields again
    ),
    min_size=2,
    max_size=7,
)


@pytest.fixture(scope="module")
def template() -> Iterator[Path]:
    where = Path(tempfile.mkdtemp(prefix="overlap-"))
    try:
        write_config(
            where,
            {
                "name": "peki-main",
                "type": "peki",
                "base_url": "http://127.0.0.1:9",
                "api_key": "pk_x",
                "api_secret": "s",
                "chatbot_ids": [TENANT],
            },
            lag=LAG,
        )
        yield where
    finally:
        shutil.rmtree(where, ignore_errors=True)


@settings(
    max_examples=examples(30),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(plan=runs)
def test_every_version_committed_once_whatever_the_source_yields_again(
    plan: list[tuple[int, int, int, int, list[bool]]],
    template: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    where = Path(tempfile.mkdtemp(prefix="overlap-run-"))
    try:
        shutil.copytree(template, where, dirs_exist_ok=True)
        cfg = where / "archiver.yaml"
        cfg.write_text(cfg.read_text().replace(str(template), str(where)))
        src = ScriptedSource()
        monkeypatch.setattr(engine, "build_source", lambda *a, **k: src)
        ctx = open_ctx(cfg)
        for new, updates, late, wait, again in plan:
            src.create(new, late, updates)
            src.now += timedelta(seconds=wait)
            src.again = again
            assert run_archive(ctx).exit_code == 0
        rows = committed_rows(ctx, sealed=False)
        assert_no_duplicate_versions(rows)
        archived = {r["record_hash"] for r in rows.get("messages", [])}
        yielded = {src.versions[i].data["text"] for i in src.yielded}
        assert len(archived) == len(yielded), "a version was yielded but not archived"
    finally:
        shutil.rmtree(where, ignore_errors=True)
