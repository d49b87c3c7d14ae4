"""The catalog: one newest-version rule that restore, export and retrieve share, and manifests
written through it that earlier readers' format accepts."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.archive import layout, signed
from archiver.archive.catalog import (
    Manifest,
    ManifestBuilder,
    Newest,
    ObjectEntry,
    Partition,
    Provenance,
    RunInfo,
    StreamId,
    commit_next,
    index_entry,
)
from archiver.archive.catalog.versions import Rank
from archiver.archive.writer import write_object
from archiver.context import Context
from archiver.errors import IntegrityError
from archiver.ops.erase import erase
from archiver.ops.export import export
from archiver.ops.prune import prune
from archiver.ops.restore import restore
from archiver.ops.retrieve import retrieve
from archiver.ops.verify import verify
from archiver.simulators.peki import PekiSimulator
from archiver.timeutil import format_ts
from tests.conftest import open_ctx, sealed_ctx, write_config

pytestmark = pytest.mark.usefixtures("parsed_once_in_module")


USER = "user-tie"
T = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)
SOURCE = {
    "name": "peki-main",
    "type": "peki",
    "base_url": "http://127.0.0.1:9/api",
    "api_key": "k",
    "api_secret": "s",
    "chatbot_ids": ["same-object", "same-manifest", "two-manifests"],
}


# --- the rule on its own ----------------------------------------------------------------------

_ranks = st.tuples(
    # hypothesis takes naive bounds and adds the zone itself.
    st.datetimes(
        min_value=datetime(2020, 1, 1),  # noqa: DTZ001
        max_value=datetime(2020, 1, 3),  # noqa: DTZ001
        timezones=st.just(UTC),
    ),
    st.integers(1, 3),
    st.integers(0, 3),
    st.integers(0, 3),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abc"), _ranks), max_size=30), st.randoms())
def test_the_newest_version_does_not_depend_on_reading_order(
    offers: list[tuple[str, Rank]], rnd: Any
) -> None:
    shuffled = list(offers)
    rnd.shuffle(shuffled)
    a: Newest[str, Rank] = Newest()
    b: Newest[str, Rank] = Newest()
    for key, at in offers:
        a.offer(key, at, at)
    for key, at in shuffled:
        b.offer(key, at, at)
    expected = {k: max(r for kk, r in offers if kk == k) for k, _ in offers}
    assert a.as_dict() == b.as_dict() == expected


# --- restore, export and retrieve agree on ties ------------------------------------------------


def _rows(ctx: Context, tenant: str, label: str) -> dict[str, list[dict[str, Any]]]:
    """One version of a user's session, its message and profile, all changed at ``T``."""
    subject = ctx.pseudo.subject_id("peki", USER)
    sid, mid = f"s-{tenant}", f"m-{tenant}"
    common = {
        "source": "peki-main",
        "tenant": tenant,
        "subject_id": subject,
        "created_at": T,
        "version_time": T,
        "record_hash": ctx.pseudo.record_hash({"label": label, "tenant": tenant}),
        "user_id": USER,
    }
    return {
        "sessions": [
            common
            | {
                "session_id": sid,
                "status": label,
                "updated_at": T,
                "raw": json.dumps({"id": sid, "status": label}),
            }
        ],
        "messages": [
            common
            | {
                "message_id": mid,
                "session_id": sid,
                "sender": "user",
                "text": label,
                "attachments": [],
                "raw": json.dumps({"id": mid, "text": label}),
            }
        ],
        "users": [common | {"updated_at": T, "raw": json.dumps({"id": USER, "name": label})}],
    }


def _objects(
    ctx: Context, tenant: str, rows: dict[str, list[dict[str, Any]]], run: str
) -> list[ObjectEntry]:
    """Sealed objects holding ``rows``, one per table, in table order."""
    out = []
    for part, (table, items) in enumerate(sorted(rows.items()), start=1):
        key = layout.object_key(
            sealed=True,
            table=table,  # type: ignore[arg-type]
            source="peki-main",
            tenant=tenant,
            date=T.date().isoformat(),
            run_id=run,
            part=part,
        )
        sessions = [index_entry(ctx.pseudo.record_key("sessions", f"s-{tenant}"))]
        out.append(
            write_object(
                ctx.store,
                ctx.sealed,
                key=key,
                table=table,  # type: ignore[arg-type]
                sealed=True,
                partition=Partition("peki-main", tenant, T.date().isoformat()),
                rows=items,
                sessions=None if table == "users" else sessions,
            )
        )
    return out


def _commit(
    ctx: Context, tenant: str, previous: Manifest | None, objects: list[ObjectEntry], run: str
) -> Manifest:
    return commit_next(
        ctx.store,
        ctx.provenance,
        previous=previous,
        stream=StreamId("peki-main", "peki", tenant),
        run=RunInfo(run, format_ts(T), format_ts(T), "complete", False),
        objects=objects,
        state={"watermark": None, "seen": {}},
    )


def _tied_archive(ctx: Context) -> None:
    """Two versions, "old" then "new", with the same version time, per stream: in one object,
    in two objects of one manifest, in two manifests."""
    old, new = _rows(ctx, "same-object", "old"), _rows(ctx, "same-object", "new")
    both = {t: old[t] + new[t] for t in old}
    _commit(ctx, "same-object", None, _objects(ctx, "same-object", both, "r1"), "r1")

    first = _objects(ctx, "same-manifest", _rows(ctx, "same-manifest", "old"), "r1")
    second = _objects(ctx, "same-manifest", _rows(ctx, "same-manifest", "new"), "r2")
    _commit(ctx, "same-manifest", None, first + second, "r1")

    m1 = _commit(
        ctx,
        "two-manifests",
        None,
        _objects(ctx, "two-manifests", _rows(ctx, "two-manifests", "old"), "r1"),
        "r1",
    )
    _commit(
        ctx,
        "two-manifests",
        m1,
        _objects(ctx, "two-manifests", _rows(ctx, "two-manifests", "new"), "r2"),
        "r2",
    )


def test_restore_export_and_retrieve_agree_on_ties(tmp_path: Path) -> None:
    cfg = write_config(tmp_path, SOURCE)
    ctx = sealed_ctx(cfg)
    _tied_archive(ctx)
    tenants = sorted(SOURCE["chatbot_ids"])

    restored = tmp_path / "restored"
    restore(ctx, restored, latest=True, sealed=True, operator="test")
    sessions = pq.read_table(restored / "sessions", partitioning=None).to_pylist()
    messages = pq.read_table(restored / "messages", partitioning=None).to_pylist()
    users = pq.read_table(restored / "users", partitioning=None).to_pylist()
    assert sorted((r["tenant"], r["status"]) for r in sessions) == [(t, "new") for t in tenants]
    assert sorted((r["tenant"], r["text"]) for r in messages) == [(t, "new") for t in tenants]
    assert sorted(json.loads(r["raw"])["name"] for r in users) == ["new"] * 3

    exported = tmp_path / "export"
    export(ctx, USER, exported, operator="test")
    data = json.loads((exported / "data.json").read_text())
    by_tenant = {s["tenant"]: s for s in data["streams"]}
    assert sorted(by_tenant) == sorted(tenants)
    for s in by_tenant.values():
        assert [x["status"] for x in s["sessions"]] == ["new"]
        assert [m["text"] for x in s["sessions"] for m in x["messages"]] == ["new"]
        assert [p["name"] for p in s["profile"]] == ["new"]

    for tenant in tenants:
        out = tmp_path / f"transcript-{tenant}.json"
        retrieve(ctx, f"s-{tenant}", out, fmt="json", operator="test")
        t = json.loads(out.read_text())
        # Every version is listed, oldest first: the current one last.
        assert [v["status"] for v in t["versions"]] == ["old", "new"], tenant
        assert [m["text"] for m in t["messages"]] == ["new"], tenant


@pytest.mark.parametrize("sessions", [None, ["0123456789abcdef"]])
def test_entries_go_back_to_the_json_they_came_from(sessions: list[str] | None) -> None:
    doc: dict[str, Any] = {
        "key": "sealed/messages/source=a/tenant=b/date=2024-01-01/r-00001.parquet.enc",
        "table": "messages",
        "sealed": True,
        "partition": {"source": "a", "tenant": "b", "date": "2024-01-01"},
        "rows": 3,
        "plaintext_size": 10,
        "ciphertext_size": 20,
        "plaintext_sha256": "a" * 64,
        "ciphertext_sha256": "b" * 64,
        "time_range": {"min": "2024-01-01T00:00:00.000Z", "max": "2024-01-02T00:00:00.000Z"},
        "subjects": ["0000000000000001", "0000000000000002"],
    }
    if sessions is not None:
        doc["sessions"] = sessions
    assert ObjectEntry.from_json(doc).to_json() == doc


def test_every_manifest_kind_rebuilds_byte_for_byte_from_its_typed_view(
    peki: PekiSimulator, archived: Path
) -> None:
    """Crawl, erase and prune manifests, parsed into the typed model and assembled again by the
    builder, give the very bytes that were signed: the model loses nothing of the format."""
    users = sorted(peki.truth("bot1")["users"])
    erase(sealed_ctx(archived), users[0], reason="test", operator="test")
    prune(open_ctx(archived), older_than=timedelta(days=1), operator="test")
    ctx = open_ctx(archived)
    kinds = set()
    for chain in ctx.catalog.chains():
        previous = None
        for m in chain.manifests:
            kinds.add("erase" if m.erasure_ledger else "prune" if m.retention else "crawl")
            builder = ManifestBuilder(
                stream=m.stream,
                previous=previous,
                run=m.run,
                provenance=Provenance(ctx.signer, m.policy, m.keyrings),
                state=m.state,
                objects=list(m.objects),
                counts=m.counts,
                supersedes=m.supersedes if "supersedes" in m.doc else None,
                contacts={k: list(v) for k, v in (m.contacts or {}).items()} or None,
                erasure_ledger=m.erasure_ledger,
                retention=m.retention,
            )
            doc = builder.document() | {"program": m.doc["program"]}
            assert signed.canonical(doc) == signed.canonical(signed.body(m.doc)), m.key
            previous = m
    assert kinds == {"crawl", "erase", "prune"}


def test_readers_check_the_previous_key_as_verify_does(peki: PekiSimulator, archived: Path) -> None:
    """A successor re-signed with a wrong ``previous.key`` (sequence and hash still right) is
    refused by the readers, not only reported by verify."""
    ctx = open_ctx(archived)
    keys = ctx.catalog.streams()[("peki-main", "bot1")]
    assert len(keys) >= 2
    doc = json.loads(ctx.store.get(keys[-1]))
    doc["previous"]["key"] = keys[-1]  # names itself instead of its predecessor
    path = archived.parent / "archive" / keys[-1]
    path.chmod(0o600)
    path.write_bytes(signed.sign(doc, ctx.signer))
    with pytest.raises(IntegrityError, match="does not link"):
        ctx.catalog.chain("peki-main", "bot1")
    with pytest.raises(IntegrityError, match="does not link"):
        restore(ctx, archived.parent / "restored")
    assert [p.kind for p in verify(ctx).problems] == ["chain-link"]
