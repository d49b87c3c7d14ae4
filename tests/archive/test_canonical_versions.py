"""Canonical JSON by version: manifests and signed records are written in RFC 8785 form
(``format_version`` 2); archives written before (version 1) still verify and read; a document
not in the form of its own version, or of a version this program does not know, is refused;
platform records (``raw``, ``record_hash``) keep their form."""

from __future__ import annotations

import hashlib
import json
import random
import shutil
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
import rfc8785
from hypothesis import given
from hypothesis import strategies as st

from archiver.archive import integrity, layout, signed
from archiver.archive.catalog import records
from archiver.crawl.engine import run_archive
from archiver.errors import IntegrityError
from archiver.ops.erase import erase
from archiver.ops.export import export
from archiver.ops.hold import place_or_release
from archiver.ops.restore import restore
from archiver.ops.verify import verify
from archiver.simulators.peki import PekiSimulator
from archiver.transform.pseudonym import Pseudonymizer, canonical_json
from tests.conftest import BOTS, open_ctx, sealed_ctx, write_config
from tests.helpers import rewrite_as_v1, v1_canonical, v1_sign

pytestmark = pytest.mark.usefixtures("parsed_once_in_module")


#: Keys whose order differs between code points (version 1: U+FF21 first) and UTF-16 code
#: units (RFC 8785: the surrogate D83D of U+1F600 first). Case names and tenants may hold both.
ASTRAL, HIGH = "\U0001f600 case", "\uff21 case"


def _signed_files(root: Path) -> list[Path]:
    tops = (layout.MANIFESTS, records.HOLDS, records.SUPPRESSED, records.LEDGER)
    return sorted(p for t in tops for p in (root / t).rglob("*.json"))


def _version(path: Path) -> int:
    return int(json.loads(path.read_bytes()).get("format_version", 1))


def _restored(cfg: Path, to: Path) -> dict[str, list[dict[str, Any]]]:
    restore(open_ctx(cfg, write=False), to)
    return {
        str(p.relative_to(to)): pq.read_table(p).to_pylist() for p in sorted(to.rglob("*.parquet"))
    }


def test_new_manifests_and_records_are_version_2_in_rfc8785_form(
    peki: PekiSimulator, tmp_path: Path
) -> None:
    cfg = write_config(tmp_path, peki)
    ctx = open_ctx(cfg)
    assert run_archive(ctx).exit_code == 0
    uid = sorted(peki.truth(BOTS[0])["users"])[0]
    place_or_release(ctx, "place", f"Fall Ü {ASTRAL}", user_id=uid, operator="Jürgen 😀")
    files = _signed_files(tmp_path / "archive")
    assert len([p for p in files if p.parts[-4] == layout.MANIFESTS]) == len(BOTS)
    assert any("holds" in p.parts for p in files)
    for path in files:
        raw = path.read_bytes()
        doc = json.loads(raw)
        assert doc["format_version"] == 2, path
        assert raw == rfc8785.dumps(doc) + b"\n", path
        body = {k: v for k, v in doc.items() if k != "signature"}
        assert ctx.verifier.verify(rfc8785.dumps(body), doc["signature"]["value"]), path


def test_a_version_1_archive_verifies_reads_and_takes_version_2_commits(
    peki: PekiSimulator, tmp_path: Path
) -> None:
    """An archive an older release wrote (rewritten here in the old form, signed with the
    same key) reads as before; the next run continues its chains in version 2, and a full
    reconciliation finds no version changed: ``record_hash`` did not move."""
    cfg = write_config(tmp_path, peki, archive={"part_rows": 40})
    ctx = open_ctx(cfg)
    assert run_archive(ctx).exit_code == 0
    peki.random_changes(random.Random(2), 8)
    assert run_archive(ctx).exit_code == 0
    uid, other = sorted(peki.truth(BOTS[0])["users"])[:2]
    erase(sealed_ctx(cfg), uid, reason=f"Antrag {ASTRAL}", operator="dpo")
    place_or_release(ctx, "place", HIGH, user_id=other, operator="counsel")
    want_rows = _restored(cfg, tmp_path / "r2")
    export(sealed_ctx(cfg), other, tmp_path / "e2")
    want_export = json.loads((tmp_path / "e2" / "data.json").read_bytes())["streams"]

    root = tmp_path / "archive"
    rewrite_as_v1(root, ctx.signer)
    files = _signed_files(root)
    assert {_version(p) for p in files} == {1} and len(files) > 2 * len(BOTS)
    assert all(b'"format_version"' not in p.read_bytes() for p in files if "ledger" in p.parts)

    report = verify(open_ctx(cfg), deep=True)
    assert report.ok, [p.message for p in report.problems]
    assert _restored(cfg, tmp_path / "r1") == want_rows
    export(sealed_ctx(cfg), other, tmp_path / "e1")  # reads the v1 hold and suppression
    assert json.loads((tmp_path / "e1" / "data.json").read_bytes())["streams"] == want_export

    heads = {p.parent: p for p in sorted((root / layout.MANIFESTS).rglob("*.json"))}
    assert run_archive(open_ctx(cfg), full=True).exit_code == 0
    for folder, last in heads.items():
        [new] = sorted(folder.iterdir())[len(list(folder.iterdir())) - 1 :]
        doc = json.loads(new.read_bytes())
        assert (doc["format_version"], _version(last)) == (2, 1)
        assert doc["previous"]["sha256"] == hashlib.sha256(last.read_bytes()).hexdigest()
        assert doc["counts"] == {}, "a version committed before looked changed after upgrading"
    report = verify(open_ctx(cfg), deep=True)
    assert report.ok, [p.message for p in report.problems]
    assert {_version(p) for p in _signed_files(root)} == {1, 2}


def _erasure_doc() -> dict[str, Any]:
    """A ledger entry whose key order differs between the two forms."""
    return {
        "kind_of_record": "erasure",
        "at": "2026-03-01T12:00:00.000Z",
        "reason": "Löschung",
        "operator": "dpo",
        "subject_ids": ["0" * 64],
        "source": None,
        "manifests": [],
        "sequences": {},
        "superseded": [],
        "written": [],
        "deleted": [],
        "retained": {},
        "rows_removed": 0,
        "kept_held": {ASTRAL: 1, HIGH: 2},
    }


def test_each_version_is_checked_in_its_own_form(peki: PekiSimulator, tmp_path: Path) -> None:
    ctx = open_ctx(write_config(tmp_path, peki))
    doc = _erasure_doc()
    v2_key = records.ledger_key("erase")
    records.put_record(ctx.store, v2_key, doc, ctx.signer)  # type: ignore[arg-type]
    v2 = ctx.store.get(v2_key)
    assert v2 == rfc8785.dumps(json.loads(v2)) + b"\n"
    assert v2.index(ASTRAL.encode()) < v2.index(HIGH.encode())  # UTF-16 order
    assert records.read_record(ctx.store, v2_key, ctx.verifier)["kept_held"] == doc["kept_held"]

    old = {"format": records.RECORD_FORMAT} | doc
    v1 = v1_sign(old, ctx.signer)  # as a release before version 2 wrote it
    assert v1.index(HIGH.encode()) < v1.index(ASTRAL.encode())  # code point order
    v1_key = records.ledger_key("erase")
    assert ctx.store.put_if_absent(v1_key, v1)
    assert records.read_record(ctx.store, v1_key, ctx.verifier) == old

    # Each one stored in the other's form, validly signed over those bytes: refused.
    wrong = {
        "v2-in-v1-form": v1_sign(old | {"format_version": 2}, ctx.signer),
        "v1-in-v2-form": rfc8785.dumps(json.loads(v1)) + b"\n",
        "v2-spaced": v2.replace(b'","', b'", "', 1),
    }
    for name, raw in wrong.items():
        key = records.ledger_key("erase")
        assert ctx.store.put_if_absent(key, raw)
        with pytest.raises(IntegrityError, match="not in its canonical form"):
            records.read_record(ctx.store, key, ctx.verifier)
        found = [p for p in verify(ctx).problems if p.key == key]
        assert [p.kind for p in found] == ["record-altered"], name


def test_a_manifest_not_in_the_form_of_its_version_is_refused(
    peki: PekiSimulator, tmp_path: Path
) -> None:
    ctx = open_ctx(write_config(tmp_path, peki))
    assert run_archive(ctx).exit_code == 0
    key = next(i.key for i in ctx.store.list(layout.MANIFESTS + "/"))
    body = signed.body(json.loads(ctx.store.get(key)))
    body["state"] = body["state"] | {"source": {ASTRAL: 1, HIGH: 2}}  # free-form by the schema
    as_v1 = body | {"format_version": 1}
    good_v1 = v1_sign(as_v1, ctx.signer)
    assert integrity.check_manifest(key, good_v1, ctx.verifier)[1] is None
    good_v2 = signed.sign(body, ctx.signer)
    assert good_v2 != good_v1.replace(b'"format_version":1', b'"format_version":2')
    assert integrity.check_manifest(key, good_v2, ctx.verifier)[1] is None
    for raw in (v1_sign(body, ctx.signer), rfc8785.dumps(json.loads(good_v1)) + b"\n"):
        m, problem = integrity.check_manifest(key, raw, ctx.verifier)
        assert m is None and problem is not None
        assert (problem.kind, "canonical form" in problem.message) == ("manifest-altered", True)


@pytest.fixture(scope="module")
def one_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the config and archive of one run, built once per module; each test
    that alters it works on a copy."""
    directory = tmp_path_factory.mktemp("one-run")
    with PekiSimulator(
        seed=11, chatbot_ids=BOTS, users_per_bot=12, rate_limit_per_minute=1_000_000
    ) as peki:
        cfg = write_config(directory, peki, archive={"url": "archive"})
        assert run_archive(open_ctx(cfg)).exit_code == 0
    return directory


@pytest.mark.parametrize("version", [3, 0, "2", True, None, [2]])
def test_an_unknown_format_version_is_a_clear_error(
    one_run: Path, tmp_path: Path, version: object
) -> None:
    home = tmp_path / "home"
    shutil.copytree(one_run, home)
    cfg = home / "archiver.yaml"
    ctx = open_ctx(cfg)
    key = next(i.key for i in ctx.store.list(layout.MANIFESTS + "/"))
    body = signed.body(json.loads(ctx.store.get(key))) | {"format_version": version}
    (home / "archive" / key).write_bytes(v1_sign(body, ctx.signer))
    rec = records.ledger_key("access")
    assert ctx.store.put_if_absent(rec, v1_sign({"format_version": version}, ctx.signer))

    _, problem = integrity.check_manifest(key, ctx.store.get(key), ctx.verifier)
    assert problem is not None and problem.kind == "format-unknown"
    assert "upgrade the archiver" in problem.message and "(1, 2)" in problem.message
    with pytest.raises(signed.UnknownVersion, match="newer archiver"):
        records.read_record(ctx.store, rec, ctx.verifier)
    with pytest.raises(signed.UnknownVersion, match="upgrade the archiver"):
        restore(open_ctx(cfg, write=False), tmp_path / "out")
    kinds = {(p.kind, p.key) for p in verify(ctx).problems}
    assert {("format-unknown", key), ("format-unknown", rec)} <= kinds


# --- the two forms side by side -----------------------------------------------------------

_keys = st.text(st.characters(exclude_categories=["Cs"]), max_size=4)
_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**53) + 1, 2**53 - 1)
    | st.text(st.characters(exclude_categories=["Cs"])),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_keys, inner, max_size=4),
    max_leaves=20,
)


def _orders_agree(value: Any) -> bool:
    """Whether every object's keys sort the same by code point and by UTF-16 code unit."""
    if isinstance(value, dict):
        keys = list(value)
        same = sorted(keys) == sorted(keys, key=lambda k: k.encode("utf-16-be"))
        return same and all(_orders_agree(v) for v in value.values())
    if isinstance(value, list):
        return all(_orders_agree(v) for v in value)
    return True


@given(st.dictionaries(_keys, _values, max_size=6))
def test_the_forms_differ_only_in_the_order_of_such_keys(doc: dict[str, Any]) -> None:
    """FORMAT.md's claim: without fractions, version 1 and RFC 8785 give the same bytes unless
    an object's keys sort differently by code point and by UTF-16 code unit."""
    v1 = signed.canonical(doc | {"format_version": 1})
    v2 = signed.canonical(doc | {"format_version": 2})
    assert v1 == v1_canonical(doc | {"format_version": 1})
    assert v2 == rfc8785.dumps(doc | {"format_version": 2})
    assert (v1.replace(b'"format_version":1', b"") == v2.replace(b'"format_version":2', b"")) == (
        _orders_agree(doc)
    )


def test_platform_records_keep_the_version_1_form_so_record_hashes_stay() -> None:
    """``raw`` and ``record_hash`` are not signed documents: they keep the form they had, also
    where RFC 8785 would differ (fractions, such keys). Else an upgrade would make every such
    record version look changed and commit it again."""
    record = {"score": 1.0, "big": 1e16, "small": 1e-05, ASTRAL: "a", HIGH: "b"}
    text = canonical_json(record)
    assert text == v1_canonical(record).decode()
    assert text == '{"big":1e+16,"score":1.0,"small":1e-05,"\uff21 case":"b","\U0001f600 case":"a"}'
    assert text.encode() != rfc8785.dumps(record)
    p = Pseudonymizer(b"k" * 32)
    assert p.record_hash(record) == p.record_hash_of(text)
