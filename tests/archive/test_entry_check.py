"""Object entries are checked in plain Python (``integrity._entry_ok``) before jsonschema is
left the rest of a manifest: whatever that check passes, the manifest schema's rule for an
entry must pass too, or a malformed entry would slip into a manifest or a checkpoint."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.archive.integrity import _RANK_RUNS, _entry_ok, manifest_schema_problem
from archiver.config import load_schema
from archiver.crawl.engine import run_archive
from archiver.simulators.peki import PekiSimulator
from tests.conftest import open_ctx, write_config

pytestmark = pytest.mark.usefixtures("parsed_once_in_module")


ENTRY: dict[str, Any] = {
    "key": "data/x.parquet",
    "table": "messages",
    "sealed": False,
    "partition": {"date": "2026-01-01"},
    "rows": 3,
    "plaintext_size": 10,
    "ciphertext_size": 20,
    "plaintext_sha256": "a" * 64,
    "ciphertext_sha256": "b" * 64,
    "time_range": {"min": "2026-01-01T00:00:00Z", "max": "2026-01-01T00:00:00Z"},
    "subjects": ["0123456789abcdef"],
    "sessions": ["fedcba9876543210"],
    "replaces": [{"key": "data/old.parquet", "sha256": "c" * 64}],
    "rank_runs": "1.0.2 7.3.1",
    "lineage_section": {"offset": 0, "length": 2, "sha256": "d" * 64},
}

_schema = load_schema("manifest.schema.json")
ENTRY_SCHEMA = jsonschema.Draft202012Validator(
    {"$ref": "#/$defs/object", "$defs": _schema["$defs"]}
)

values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 3)
    | st.sampled_from(["", "a" * 64, "A" * 64, "0123456789abcdef", "1.0.2", "messages", "x"]),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["key", "sha256", "sequence", "position", "rows", "min", "max"]),
            inner,
            max_size=3,
        )
    ),
    max_leaves=6,
)
fields = st.sampled_from([*ENTRY, "ranks", "lineage", "other"])


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.tuples(fields, st.one_of(st.just(None), values)), min_size=1, max_size=3),
    st.lists(fields, max_size=2),
)
def test_what_the_plain_check_passes_the_schema_passes(
    changes: list[tuple[str, Any]], dropped: list[str]
) -> None:
    entry = dict(ENTRY)
    for field, value in changes:
        entry[field] = value
    for field in dropped:
        entry.pop(field, None)
    if _entry_ok(entry):
        assert ENTRY_SCHEMA.is_valid(entry), entry


def test_a_bad_entry_among_good_ones_is_named_by_the_schema(
    peki: PekiSimulator, tmp_path: Path
) -> None:
    ctx = open_ctx(write_config(tmp_path, peki))
    assert run_archive(ctx).exit_code == 0
    key = next(i.key for i in ctx.store.list("manifests/"))
    doc = json.loads(ctx.store.get(key))
    doc["objects"] = [dict(ENTRY) for _ in range(70)]
    assert manifest_schema_problem(key, doc) is None
    doc["objects"][40] = ENTRY | {"rows": -1}
    assert not _entry_ok(doc["objects"][40])
    problem = manifest_schema_problem(key, doc)
    assert problem is not None and problem.kind == "manifest-altered"
    assert "-1 is less than the minimum of 0" in problem.message


def _live_validator() -> jsonschema.protocols.Validator:
    from referencing import Registry, Resource

    manifest = load_schema("manifest.schema.json")
    cp = load_schema("checkpoint.schema.json")
    registry: Registry[Any] = Registry().with_resource(
        manifest["$id"], Resource.from_contents(manifest)
    )
    live = {"$id": cp["$id"], "$defs": cp["$defs"]} | cp["properties"]["live"]
    return jsonschema.Draft202012Validator(live, registry=registry)


LIVE_SCHEMA = _live_validator()
LINK = {"sequence": 3, "key": "manifests/x/0000000003.json", "sha256": "e" * 64}


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["manifest", "objects", "position", "entry", "extra"]), values),
        max_size=2,
    ),
    st.booleans(),
)
def test_what_the_plain_live_check_passes_the_checkpoint_schema_passes(
    changes: list[tuple[str, Any]], in_group: bool
) -> None:
    """A checkpoint's ``live`` groups are checked in plain Python (``_live_ok``) before the
    schema is left the rest: whatever it passes, the schema's rule for ``live`` passes."""
    from archiver.archive.integrity import _live_ok

    obj: dict[str, Any] = {"position": 0, "entry": dict(ENTRY)}
    group: dict[str, Any] = {"manifest": dict(LINK), "objects": [obj]}
    for field, value in changes:
        (group if in_group and field in ("manifest", "objects", "extra") else obj)[field] = value
    live = [group, {"manifest": dict(LINK), "objects": [{"position": 2, "entry": dict(ENTRY)}]}]
    assert LIVE_SCHEMA.is_valid([{"manifest": LINK, "objects": [{"position": 0, "entry": ENTRY}]}])
    if _live_ok(live):
        assert LIVE_SCHEMA.is_valid(live), live
    if not changes:
        assert _live_ok(live)


_RUNS_TEXT = st.one_of(
    st.text(alphabet="0123456789. ", max_size=40),
    st.lists(
        st.tuples(*(st.sampled_from(["0", "1", "7", "10", "01", "00", "250", ""]),) * 3),
        min_size=1,
        max_size=6,
    ).map(lambda runs: " ".join(".".join(r) for r in runs)),
    st.text(max_size=12),
)


@settings(max_examples=600, deadline=None)
@given(_RUNS_TEXT)
def test_the_packed_ranks_check_matches_the_schemas_pattern(text: str) -> None:
    """``_RANK_RUNS`` (possessive repeats, for speed) matches exactly what the manifest
    schema's ``rank_runs`` pattern matches: written runs; empty numbers, leading zeros, a zero
    sequence, stray separators and other characters refused alike."""
    pattern = _schema["$defs"]["object"]["properties"]["rank_runs"]["pattern"]
    expected = re.fullmatch(pattern.removeprefix("^").removesuffix("$"), text) is not None
    assert (_RANK_RUNS.fullmatch(text) is not None) == expected
