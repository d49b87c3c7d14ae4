"""docs/FORMAT.md is enough to read and index an archive without this program.

The program writes an archive (two crawls of a Peki simulator, one tenant with a name that
needs percent-encoding, a session hold and an erasure); everything after that is checked
with ``tests/format_reader.py``, which implements the document's rules and imports nothing
from ``archiver``: layout and key encoding, canonical form, signatures and chain links,
decryption and encryption contexts, column types, every keyed id (``subject_id``,
``record_hash``, the ``seen`` keys and hashes, the ``subjects``, ``sessions`` and ``contacts``
indexes) and the signed records' names and ids.
"""

from __future__ import annotations

import ast
import hashlib
import json
import random
import re
import shutil
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import rfc8785
import yaml
from hypothesis import given
from hypothesis import strategies as st

from archiver.archive import signed
from archiver.archive.catalog import checkpoint
from archiver.archive.store_local import LocalStore
from archiver.crawl.engine import run_archive
from archiver.keys import load_signer
from archiver.ops.erase import erase
from archiver.ops.hold import place_or_release
from archiver.simulators.peki import PekiSimulator
from tests import format_reader as fr
from tests.conftest import BOTS, open_ctx, sealed_ctx, sealed_key, write_config
from tests.helpers import rewrite_as_v1, small_simulator, v1_sign
from tests.s3 import MotoServer

pytestmark = pytest.mark.usefixtures("parsed_once_in_module")


#: A tenant id that needs every rule of the key encoding: space, slash, non-ASCII, tilde, dot.
ODD = "bot 1/ü~.x"
TENANTS = (ODD, "bot2")
CASE = "CASE 7"


@dataclass
class Row:
    """A record version as the sealed copy holds it."""

    table: str
    source_type: str
    record_id: str
    user_id: str | None
    session_id: str | None
    subject_id: str | None
    record_hash: str
    version_time: Any
    raw: str


@dataclass
class Built:
    cfg: Path
    root: Path  # the archive folder
    keys: Path  # the job's keys (archiver init's keys/)
    sealed_private: Path
    erased: str  # the platform user id erased
    held_session: str  # the platform session id put on hold
    #: Every sealed row the two crawls committed, read with the format reader before the erase.
    before: list[Row]


def _key(built: Built) -> bytes:
    return fr.pseudonym_key(built.keys / "pseudonym.key")


def _public(built: Built) -> bytes:
    return (built.keys / "signing.pub.pem").read_bytes()


def _open(built: Built, obj: dict[str, Any], doc: dict[str, Any]) -> Any:
    """The object's table, decrypted once per module (``doc`` names its keys)."""
    if obj["key"] not in _TABLES:
        _TABLES[obj["key"]] = fr.open_object(built.root, obj, _keyring(built, doc, obj["sealed"]))
    return _TABLES[obj["key"]]


_TABLES: dict[str, Any] = {}


def _keyring(built: Built, doc: dict[str, Any], sealed: bool) -> Any:
    [entry] = doc["keyrings"]["sealed" if sealed else "masked"]
    if sealed:
        assert entry["type"] == "raw-rsa"
        return fr.rsa_key(entry["key_name"], built.sealed_private)
    assert entry["type"] == "raw-aes"
    return fr.aes_key(entry["key_name"], built.keys / "masked-data.key")


def _sealed_rows(root: Path, keys: Path, private: Path) -> list[Row]:
    built = Built(root, root, keys, private, "", "", [])
    rows = []
    for stream in fr.read_streams(root, _public(built)):
        head = stream.manifests[-1][1]
        source_type = head["stream"]["source_type"]
        for obj in stream.live_objects:
            if not obj["sealed"]:
                continue
            table = _open(built, obj, head)
            for r in table.to_pylist():
                rows.append(
                    Row(
                        obj["table"],
                        source_type,
                        r[fr.RECORD_ID[obj["table"]]],
                        r["user_id"],
                        r.get("session_id"),
                        r["subject_id"],
                        r["record_hash"],
                        r["version_time"],
                        r["raw"],
                    )
                )
    return rows


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    directory = tmp_path_factory.mktemp("format")
    with PekiSimulator(
        seed=5, chatbot_ids=TENANTS, users_per_bot=3, history_days=2, rate_limit_per_minute=10**6
    ) as sim:
        cfg = write_config(directory, sim, archive={"part_rows": 40})
        doc = yaml.safe_load(cfg.read_text())
        doc["sources"][0]["chatbot_ids"] = list(TENANTS)
        cfg.write_text(yaml.safe_dump(doc, sort_keys=False))
        ctx = open_ctx(cfg)
        assert run_archive(ctx).exit_code == 0
        sim.random_changes(random.Random(1), 8)
        # An address in mixed case: the contact key is made from its case-folded form.
        sim.update_user(
            "bot2", sorted(sim.truth("bot2")["users"])[0], email="Mixed.Case@Example.COM"
        )
        assert run_archive(ctx).exit_code == 0
        truth = sim.truth(ODD)
    root, keys, private = directory / "archive", directory / "keys", sealed_key(directory)
    before = _sealed_rows(root, keys, private)
    sessions = sorted(truth["sessions"].values(), key=lambda s: str(s["id"]))
    erased = str(sessions[0]["chatUserId"])
    held = next(str(s["id"]) for s in sessions if s["chatUserId"] != erased)
    place_or_release(ctx, "place", CASE, session_id=held, operator="counsel")
    report = erase(sealed_ctx(cfg), erased, reason="request", operator="dpo")
    assert report.written, "the erasure must rewrite objects that keep other people's rows"
    return Built(cfg, root, keys, private, erased, held, before)


def test_the_format_reader_imports_nothing_of_the_program() -> None:
    """The checking path must not borrow the program's code: a shared bug would pass."""
    tree = ast.parse(Path(fr.__file__).read_text(encoding="utf-8"))
    names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert names and not [n for n in names if n.split(".")[0] in ("archiver", "tests")]


_CRAWL_RUN = re.compile(r"\d{8}T\d{6}Z-[0-9a-f]{8}")
_STAMP = r"\d{8}T\d{12}Z-[0-9a-f]{8}"  # signed records and erase / prune runs


def test_layout_chains_and_objects_as_documented(built: Built) -> None:
    streams = fr.read_streams(built.root, _public(built))
    assert sorted(s.tenant for s in streams) == sorted(TENANTS)
    named = set()
    for stream in streams:
        for _, doc in stream.manifests:
            run = doc["run"]
            erasure = "erasure" in doc
            assert re.fullmatch(f"erase-{_STAMP}" if erasure else _CRAWL_RUN.pattern, run["id"])
            for obj in doc["objects"]:
                part = int(obj["key"].removesuffix(".parquet.enc")[-5:])
                assert obj["key"] == fr.object_key(obj, run["id"], part)
                named.add(obj["key"])
        for obj in stream.live_objects:
            _open(built, obj, stream.manifests[-1][1])
    on_disk = {
        str(p.relative_to(built.root))
        for top in ("data", "sealed")
        for p in (built.root / top).rglob("*")
        if p.is_file()
    }
    live = {o["key"] for s in streams for o in s.live_objects}
    assert on_disk == live  # superseded objects were deleted (a local store has no lock)
    assert named > live


def _by_hash(rows: list[Row]) -> dict[str, Row]:
    return {r.record_hash: r for r in rows}


def test_keyed_ids_and_indexes_rebuilt_from_the_document(built: Built) -> None:
    key = _key(built)
    checked: dict[str, int] = defaultdict(int)
    for stream in fr.read_streams(built.root, _public(built)):
        head = stream.manifests[-1][1]
        source_type = head["stream"]["source_type"]
        tables = {o["key"]: _open(built, o, head) for o in stream.live_objects}
        sealed_rows = {
            r["record_hash"]: r
            for o in stream.live_objects
            if o["sealed"]
            for r in tables[o["key"]].to_pylist()
        }
        for obj in stream.live_objects:
            data = tables[obj["key"]]
            want = fr.columns(obj["table"], obj["sealed"])
            assert [(f.name, f.type) for f in data.schema] == want
            rows = data.to_pylist()
            originals = [sealed_rows[r["record_hash"]] for r in rows]  # the sealed twin of each
            for row, orig in zip(rows, originals, strict=True):
                # subject_id: H("subject:<source_type>", platform user id), null without one
                uid = orig["user_id"]
                subject = fr.keyed(key, f"subject:{source_type}", uid) if uid else None
                assert row["subject_id"] == subject
                # record_hash: H("version", canonical JSON of the record) = the sealed raw
                assert orig["raw"] == fr.canonical_v1(json.loads(orig["raw"])).decode()
                assert row["record_hash"] == fr.keyed(key, "version", orig["raw"])
                assert str(row["created_at"].date()) == obj["partition"]["date"]
                assert (row["source"], row["tenant"]) == (stream.source, stream.tenant)
                checked[obj["table"]] += 1
            assert obj["subjects"] == sorted(
                {r["subject_id"][:16] for r in rows if r["subject_id"]}
            )
            sessions = {o["session_id"] for o in originals if o.get("session_id")}
            assert obj["sessions"] == sorted(
                {fr.keyed(key, "record:sessions", s)[:16] for s in sessions}
            )
            times = [r["version_time"] for r in rows]
            assert obj["time_range"] == {
                "min": fr.fmt_time(min(times)),
                "max": fr.fmt_time(max(times)),
            }
    assert min(checked.get(t, 0) for t in ("messages", "sessions", "users")) > 0, checked


def test_seen_keys_and_contacts_rebuilt_from_the_document(built: Built) -> None:
    key = _key(built)
    for stream in fr.read_streams(built.root, _public(built)):
        crawl = [doc for _, doc in stream.manifests if "erasure" not in doc]
        state = stream.manifests[-1][1]["state"]
        assert state == crawl[-1]["state"]  # an erasure carries the state over unchanged
        assert state["version"] == 2
        watermark = fr.parse_time(state["watermark"])
        rows = [r for r in built.before if _stream_of(r, stream)]
        # Every version committed at or after the watermark, keyed as the document says.
        want: dict[str, dict[str, dict[str, str | None]]] = defaultdict(dict)
        for r in rows:
            if r.version_time >= watermark:
                rid = fr.keyed(key, f"record:{r.table}", r.record_id)[:24]
                stamp = fr.fmt_time(fr.ceil_ms(r.version_time))
                want[r.table].setdefault(rid, {})[r.record_hash[:32]] = stamp
        got = {
            t: {k: fr.seen_entries(v) for k, v in ids.items()} for t, ids in state["seen"].items()
        }
        assert got == dict(want)
        assert sum(len(v) for v in got.values()) > 0
        # contacts: H("record:contact-email", trimmed and case-folded address)[:24] → subjects
        contacts: dict[str, set[str]] = defaultdict(set)
        for _, doc in stream.manifests:
            for k, subjects in doc.get("contacts", {}).items():
                contacts[k] |= set(subjects)
        emails = 0
        for r in rows:
            email = json.loads(r.raw).get("email") if r.table == "users" else None
            if email:
                ck = fr.keyed(key, "record:contact-email", email.strip().casefold())[:24]
                assert r.subject_id in contacts[ck]
                emails += 1
        assert emails > 0


def _stream_of(row: Row, stream: fr.Stream) -> bool:
    return json.loads(row.raw).get("chatbotId") == stream.tenant


def test_signed_records_and_the_erase_manifest_as_documented(built: Built) -> None:
    key, public = _key(built), _public(built)
    # The session hold: holds/<hold id>/<n, 8 digits>-place.json, keyed session id (24 hex).
    [hold_file] = list((built.root / "holds").rglob("*.json"))
    hold = fr.signed_document(hold_file.read_bytes(), public)
    session = fr.keyed(key, "record:sessions", built.held_session)[:24]
    hold_id = hashlib.sha256(f"{CASE}\x00session\x00{session}".encode()).hexdigest()[:32]
    assert str(hold_file.relative_to(built.root)) == f"holds/{hold_id}/00000001-place.json"
    assert (hold["kind_of_record"], hold["hold_id"], hold["session"]) == ("hold", hold_id, session)
    fr.parse_time(hold["at"])
    # The suppression: suppressed/<subject_id>.json, one per platform type (here one).
    subject = fr.keyed(key, "subject:peki", built.erased)
    supp_file = built.root / "suppressed" / f"{subject}.json"
    assert sorted((built.root / "suppressed").iterdir()) == [supp_file]
    supp = fr.signed_document(supp_file.read_bytes(), public)
    # The ledger entry: ledger/<UTC time to the microsecond>-<8 hex>-erase.json.
    [ledger_file] = list((built.root / "ledger").iterdir())
    ledger_key = str(ledger_file.relative_to(built.root))
    stamp = re.fullmatch(rf"ledger/({_STAMP})-erase\.json", ledger_key)
    assert stamp is not None and supp["ledger"] == ledger_key
    entry = fr.signed_document(ledger_file.read_bytes(), public)
    assert entry["format"] == "conversation-archiver/record"
    assert entry["format_version"] == hold["format_version"] == supp["format_version"] == 2
    assert entry["subject_ids"] == [subject]
    # The erase manifests: run id "erase-" + the ledger stamp; no crawl fields; counts {}.
    erasures = [
        (k, doc)
        for s in fr.read_streams(built.root, public)
        for k, doc in s.manifests
        if "erasure" in doc
    ]
    assert [k for k, _ in erasures] == entry["manifests"] and erasures
    for _, doc in erasures:
        assert doc["format_version"] == 2
        assert doc["run"]["id"] == "erase-" + stamp.group(1)
        assert set(doc["run"]) == {"id", "started_at", "finished_at", "status", "full"}
        assert doc["counts"] == {} and doc["erasure"] == {"ledger": ledger_key}
        assert "contacts" not in doc
        assert sum(o["rows"] for o in doc["objects"]) > 0 or not doc["objects"]
    written = sorted(o["key"] for _, doc in erasures for o in doc["objects"])
    assert written == entry["written"]
    assert sorted(k for _, doc in erasures for k in doc["supersedes"]) == entry["superseded"]


def test_the_reader_follows_both_canonical_forms(built: Built, tmp_path: Path) -> None:
    """An archive written before version 2 (manifests ``format_version`` 1, records without
    one, the old form) reads with the same rules; each form is held to its own version."""
    old = tmp_path / "v1"
    shutil.copytree(built.root, old)
    signer = open_ctx(built.cfg).signer
    rewrite_as_v1(old, signer)
    public = _public(built)
    streams = fr.read_streams(old, public)
    assert [doc["format_version"] for s in streams for _, doc in s.manifests] == [1] * sum(
        len(s.manifests) for s in streams
    )
    records = [p for top in ("holds", "suppressed", "ledger") for p in (old / top).rglob("*.json")]
    assert len(records) == 3
    for path in records:
        assert "format_version" not in fr.signed_document(path.read_bytes(), public)
    # Keys that order differently: U+1F600 (surrogates D83D DE00) and U+FF21.
    body = {"format": "conversation-archiver/record", "kept_held": {"\U0001f600": 1, "\uff21": 2}}
    v1 = v1_sign(body, signer)
    assert v1.index("\uff21".encode()) < v1.index("\U0001f600".encode())
    assert fr.signed_document(v1, public)["kept_held"] == body["kept_held"]
    v2 = signed.sign(body | {"format_version": 2}, signer)  # the program's version 2
    assert v2.index("\U0001f600".encode()) < v2.index("\uff21".encode())
    assert fr.signed_document(v2, public)["kept_held"] == body["kept_held"]
    for wrong in (
        v1_sign(body | {"format_version": 2}, signer),
        fr.canonical_v2(json.loads(v1)) + b"\n",
    ):
        with pytest.raises(AssertionError, match="canonical"):
            fr.signed_document(wrong, public)
    with pytest.raises(AssertionError, match="upgrade"):
        fr.signed_document(v1_sign(body | {"format_version": 3}, signer), public)


_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**53) + 1, 2**53 - 1)
    | st.text(st.characters(exclude_categories=["Cs"])),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.text(st.characters(exclude_categories=["Cs"]), max_size=4), inner, max_size=4
        )
    ),
    max_leaves=20,
)


@given(_values)
def test_the_readers_rfc8785_is_the_reference_one(value: Any) -> None:
    """The reader's version-2 form, written from the document, against the ``rfc8785``
    package (not the program's code) on any document of the kinds the format holds."""
    assert fr.canonical_v2(value) == rfc8785.dumps(value)


def test_wrong_readings_of_the_document_do_not_match(built: Built) -> None:
    """The checks above can fail: a nearby reading of each rule gives other values."""
    import hmac

    key = _key(built)
    row = next(r for r in built.before if r.table == "messages" and r.user_id and r.session_id)
    no_separator = hmac.new(key, f"subject:peki{row.user_id}".encode(), "sha256").hexdigest()
    assert row.subject_id == fr.keyed(key, "subject:peki", row.user_id or "")
    assert row.subject_id not in (no_separator, fr.keyed(key, "subject:", row.user_id or ""))
    session = fr.keyed(key, "record:sessions", row.session_id or "")
    assert session != fr.keyed(key, "record:messages", row.session_id or "")
    assert session[:16] != hashlib.sha256(session.encode()).hexdigest()[:16]
    lower = "".join(c.lower() if c.isupper() and "%" in fr.enc(ODD) else c for c in fr.enc(ODD))
    dirs = {p.name for p in (built.root / "manifests" / "source=peki-main").iterdir()}
    assert f"tenant={fr.enc(ODD)}" in dirs and f"tenant={lower}" not in dirs


def test_an_s3_prefix_is_no_part_of_any_key(moto_server: MotoServer, tmp_path: Path) -> None:
    """Stored under ``<prefix>/<key>``; manifests, links and contexts say ``<key>``."""
    bucket, prefix = moto_server.new_bucket(), "team/archive"
    with small_simulator(7, users=2) as sim:
        archive = moto_server.archive_config(bucket, prefix=prefix)
        cfg = write_config(tmp_path, sim, archive=archive)
        for _ in range(2):
            assert run_archive(open_ctx(cfg)).exit_code == 0
    s3 = moto_server.client()
    stored = [o["Key"] for o in s3.list_objects_v2(Bucket=bucket)["Contents"]]
    assert stored and all(k.startswith(prefix + "/") for k in stored)
    keys = {k.removeprefix(prefix + "/") for k in stored}
    public = (tmp_path / "keys" / "signing.pub.pem").read_bytes()
    manifests = sorted(k for k in keys if k.startswith("manifests/"))
    assert len(manifests) == 2 * len(BOTS)
    opened = 0
    for key in manifests:
        raw = s3.get_object(Bucket=bucket, Key=f"{prefix}/{key}")["Body"].read()
        doc = fr.signed_document(raw, public)
        if doc["previous"] is not None:
            assert doc["previous"]["key"] in keys
        for obj in doc["objects"]:
            assert obj["key"] in keys
            if obj["sealed"]:
                continue
            [ring] = doc["keyrings"]["masked"]
            cipher = s3.get_object(Bucket=bucket, Key=f"{prefix}/{obj['key']}")["Body"].read()
            aes = fr.aes_key(ring["key_name"], tmp_path / "keys" / "masked-data.key")
            fr.check_object(cipher, obj, aes)  # archiver:object == the key without the prefix
            opened += 1
    assert opened > 0


def test_checkpoints_read_and_replayed_from_the_document(built: Built, tmp_path: Path) -> None:
    """Checkpoints (two per stream, chained; the newest covering the erasure) check, equal the
    replay of their manifests by the document's rules, and give the same live objects."""
    root = tmp_path / "archive"
    shutil.copytree(built.root, root)
    store = LocalStore(root)
    signer = load_signer(built.keys / "signing.pem")
    for stream in fr.read_streams(root, _public(built)):
        head = root / stream.manifests[-1][0]
        held = head.read_bytes()
        head.unlink()  # a checkpoint of the chain one manifest shorter first
        assert checkpoint.write_checkpoint(store, (stream.source, stream.tenant), signer)
        head.write_bytes(held)
        assert checkpoint.write_checkpoint(store, (stream.source, stream.tenant), signer)
    superseded = 0
    for stream in fr.read_streams(root, _public(built)):
        docs = fr.read_checkpoints(root, stream, _public(built))
        top = len(stream.manifests)
        assert [d["sequence"] for d in docs] == [top - 1, top]
        for doc in docs:
            assert fr.same_index(root, stream, doc)
            assert fr.live_from_checkpoint(root, stream, doc) == stream.live_objects
        # Superseded objects the erasure deleted are left out of the checkpoint (gone for good).
        superseded += len({k for _, m in stream.manifests for k in fr.supersedes_of(root, m)})
        assert not docs[-1]["superseded"]
        named = sum(len(m["objects"]) for _, m in stream.manifests)
        assert sum(len(g["objects"]) for g in docs[-1]["live"]) == len(stream.live_objects)
        assert len(stream.live_objects) < named or not docs[-1]["superseded"]
    assert superseded > 0  # the erasure's stream: the superseded rule is exercised
