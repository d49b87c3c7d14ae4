"""Manifest index entries are held to the schema, also on the fast path for large indexes."""

from __future__ import annotations

import json

import pytest

from archiver.archive import catalog as mf
from archiver.archive import signed
from archiver.context import Context
from archiver.crawl.engine import run_archive
from archiver.errors import IntegrityError
from archiver.simulators.peki import PekiSimulator
from tests.conftest import BOTS, open_ctx, write_config

pytestmark = pytest.mark.usefixtures("parsed_once_in_module")


@pytest.fixture(scope="module")
def committed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Context, str, bytes]:
    """One run's first manifest, committed once per module: each test alters its own copy
    of the document and re-signs it; none writes to the store."""
    with PekiSimulator(
        seed=11, chatbot_ids=BOTS, users_per_bot=12, rate_limit_per_minute=1_000_000
    ) as peki:
        ctx = open_ctx(write_config(tmp_path_factory.mktemp("schema"), peki))
        assert run_archive(ctx).exit_code == 0
    key = next(i.key for i in ctx.store.list("manifests/"))
    return ctx, key, ctx.store.get(key)


@pytest.mark.parametrize(
    ("index", "bad"),
    [
        ("subjects", "ABCDEF0123456789"),  # upper case
        ("subjects", "0123456789abcde"),  # 15 digits
        ("sessions", "0123456789abcdefa"),  # 17 digits
        ("sessions", 1234567890123456),  # not a string (16 digits, as RFC 8785 holds them)
        ("sessions", "0123456789abcdeg"),  # not hex
    ],
)
def test_a_bad_index_entry_fails_the_schema_however_long_the_index(
    committed: tuple[Context, str, bytes], index: str, bad: object
) -> None:
    ctx, key, stored = committed
    doc = json.loads(stored)
    assert mf.parse(key, signed.sign(doc, ctx.signer), ctx.verifier).doc == doc
    obj = next(o for o in doc["objects"] if o.get(index))
    obj[index] = [*obj[index], *(["0123456789abcdef"] * 500)]
    assert mf.parse(key, signed.sign(doc, ctx.signer), ctx.verifier)  # long and valid: accepted
    obj[index].insert(250, bad)
    with pytest.raises(IntegrityError, match="manifest schema"):
        mf.parse(key, signed.sign(doc, ctx.signer), ctx.verifier)


@pytest.mark.parametrize(
    ("field", "good", "bad"),
    [
        ("replaces", {"key": "data/x.parquet", "sha256": "a" * 64}, {"key": "k", "sha256": "A"}),
        ("ranks", {"sequence": 1, "position": 0, "rows": 1}, {"sequence": 0, "position": 0}),
        ("supersedes", "data/x.parquet", 7),
    ],
)
def test_compaction_lists_fail_the_schema_however_long(
    committed: tuple[Context, str, bytes], field: str, good: object, bad: object
) -> None:
    """A compaction's lineage, ranks and superseded keys are checked fast when long; one bad
    item among hundreds still fails the schema."""
    ctx, key, stored = committed
    doc = json.loads(stored)
    where = doc if field == "supersedes" else doc["objects"][0]
    where[field] = [good] * 400
    assert mf.parse(key, signed.sign(doc, ctx.signer), ctx.verifier)  # long and valid
    where[field].insert(200, bad)
    with pytest.raises(IntegrityError, match="manifest schema"):
        mf.parse(key, signed.sign(doc, ctx.signer), ctx.verifier)


@pytest.mark.parametrize("bad", ["1.0.1 0.0.1", "1.0.1  1.0.1", "1.0.1 1.0", "x"])
def test_packed_ranks_fail_the_schema_however_long(
    committed: tuple[Context, str, bytes], bad: str
) -> None:
    """Packed ranks (``rank_runs``): hundreds of runs are accepted when each is
    ``<sequence>.<position>.<rows>``; one bad run, or both forms in one entry, is refused."""
    ctx, key, stored = committed
    doc = json.loads(stored)
    entry = doc["objects"][0]
    entry["rank_runs"] = " ".join(["3.1.1"] * 400)
    assert mf.parse(key, signed.sign(doc, ctx.signer), ctx.verifier).objects[0].ranks
    entry["ranks"] = [{"sequence": 1, "position": 0, "rows": 1}]
    with pytest.raises(IntegrityError, match="manifest schema"):
        mf.parse(key, signed.sign(doc, ctx.signer), ctx.verifier)
    del entry["ranks"]
    entry["rank_runs"] = " ".join(["3.1.1"] * 200 + [bad] + ["3.1.1"] * 200)
    with pytest.raises(IntegrityError, match="manifest schema"):
        mf.parse(key, signed.sign(doc, ctx.signer), ctx.verifier)
