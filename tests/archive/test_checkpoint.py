"""Checkpoints equal the replay of the manifests they cover, and a chain read from one names
the same live objects as the whole chain: over generated sequences of commits, supersessions
(erasure, prune) and checkpoints, on a local store and on S3 (moto over HTTP)."""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archiver.archive import layout, signed
from archiver.archive.catalog import (
    ObjectEntry,
    Partition,
    Provenance,
    RunInfo,
    StreamId,
    checkpoint,
    commit_next,
    list_streams,
    read_chain,
)
from archiver.archive.catalog.model import Manifest
from archiver.archive.store import Store
from archiver.archive.store_local import LocalStore
from archiver.errors import IntegrityError
from archiver.keys import Signer
from tests.s3 import MotoServer

SIGNER = Signer(Ed25519PrivateKey.generate())
STREAM = StreamId("src", "peki", "bot/1")
_counter = itertools.count()


def _entry(subjects: list[str]) -> ObjectEntry:
    n = next(_counter)
    digest = hashlib.sha256(str(n).encode()).hexdigest()
    return ObjectEntry(
        key=f"data/messages/source=src/tenant=bot%2F1/date=2026-01-01/r-{n:05d}.parquet.enc",
        table="messages",
        sealed=n % 2 == 0,
        partition=Partition("src", "bot/1", "2026-01-01"),
        rows=n % 7 + 1,
        plaintext_size=100 + n,
        ciphertext_size=200 + n,
        plaintext_sha256=digest,
        ciphertext_sha256=digest[::-1],
        time_min="2026-01-01T00:00:00.000Z",
        time_max="2026-01-01T01:00:00.000Z",
        subjects=frozenset(subjects),
        sessions=frozenset({digest[:16]}),
    )


PROVENANCE = Provenance(SIGNER, {"version": "1", "sha256": "0" * 64}, {"masked": [], "sealed": []})


@dataclass
class Oracle:
    """The test's own bookkeeping of what is live, independent of the catalog's rule."""

    named: list[str] = field(default_factory=list)
    gone: set[str] = field(default_factory=set)
    contacts: dict[str, set[str]] | None = None

    @property
    def live(self) -> list[str]:
        return [k for k in self.named if k not in self.gone]


# One step: ("commit", new objects, indexes of live objects to supersede, carries contacts)
# or ("checkpoint",).
Step = tuple[str, int, list[int], bool]
steps = st.lists(
    st.one_of(
        st.tuples(
            st.just("commit"),
            st.integers(0, 3),
            st.lists(st.integers(0, 50), max_size=2),
            st.booleans(),
        ),
        st.tuples(st.just("checkpoint"), st.just(0), st.just([]), st.just(False)),
    ),
    min_size=1,
    max_size=14,
)


def play(store: Store, plan: list[Step]) -> tuple[Oracle, list[checkpoint.Checkpoint]]:
    oracle = Oracle()
    head: Manifest | None = None
    written = []
    for i, (what, new, drop, contacts) in enumerate(plan):
        if what == "checkpoint":
            cp = checkpoint.write_checkpoint(store, (STREAM.source, STREAM.tenant), SIGNER)
            if head is None or any(c.sequence == head.sequence for c in written):
                assert cp is None  # nothing new to cover
            else:
                assert cp is not None and cp.sequence == head.sequence
                written.append(cp)
            continue
        live = oracle.live
        gone = sorted({live[d % len(live)] for d in drop}) if live else []
        subject = hashlib.sha256(f"s{i}".encode()).hexdigest()
        objects = [_entry([subject[:16]]) for _ in range(new)]
        contact = {hashlib.sha256(f"c{i}".encode()).hexdigest()[:24]: [subject]}
        head = commit_next(
            store,
            PROVENANCE,
            previous=head,
            stream=STREAM,
            run=RunInfo(
                f"r{i}", "2026-01-01T00:00:00.000Z", "2026-01-01T00:00:01.000Z", "complete", False
            ),
            objects=objects,
            state={"watermark": f"2026-01-01T00:00:{i:02d}.000Z", "seen": {}},
            supersedes=gone if gone else None,
            contacts=contact if contacts else None,
        )
        for o in objects[::2]:  # half the objects are in the store, half gone (deleted)
            store.put_if_absent(o.key, b"object")
        oracle.named += [o.key for o in objects]
        oracle.gone |= set(gone)
        if contacts:
            oracle.contacts = oracle.contacts or {}
            for k, v in contact.items():
                oracle.contacts.setdefault(k, set()).update(v)
    return oracle, written


def check_archive(store: Store, oracle: Oracle, written: list[checkpoint.Checkpoint]) -> None:
    keys = list_streams(store).get((STREAM.source, STREAM.tenant), [])
    if not keys:
        assert not written
        return
    full = read_chain(store, keys, SIGNER.verifier)
    warnings: list[str] = []
    fast = checkpoint.read_chain_from_checkpoint(store, keys, SIGNER.verifier, warn=warnings.append)
    assert not warnings
    # The listing's keys (their sequences kept) and the same keys as a plain list, parsed
    # back: the same chain.
    assert isinstance(keys, layout.StreamKeys)
    parsed = checkpoint.read_chain_from_checkpoint(store, list(keys), SIGNER.verifier)
    assert [m.key for m in parsed.manifests] == [m.key for m in fast.manifests]
    assert (parsed.checkpoint, parsed.covered) == (fast.checkpoint, fast.covered)
    # The chain read from the newest checkpoint is that checkpoint's, and reads only from it.
    assert fast.covered == (written[-1].sequence if written else 0)
    assert fast.manifests[0].sequence == max(fast.covered, 1)
    # Both name exactly what the oracle says is live, in commit order.
    assert [p.entry.key for p in full.live()] == oracle.live
    assert [p.entry.key for p in fast.live()] == oracle.live
    # The same index, but for superseded keys whose objects are gone: a checkpoint drops those.
    present = checkpoint.present_objects(store)
    fast_index, full_index = fast.index(), full.index()
    assert checkpoint.index_json(
        dataclasses.replace(fast_index, superseded=full_index.superseded)
    ) == checkpoint.index_json(full_index)
    assert fast.contacts() == (
        None if oracle.contacts is None else {k: frozenset(v) for k, v in oracle.contacts.items()}
    )
    assert fast.superseded <= frozenset(oracle.gone)
    assert not (frozenset(oracle.gone) - fast.superseded) & present
    # Every checkpoint equals the replay of the manifests it covers, and links to the one before.
    before = None
    for cp in written:
        covered = read_chain(store, keys[: cp.sequence], SIGNER.verifier)
        replayed, own = covered.index(), covered.head.supersedes
        assert checkpoint.check_checkpoint_replay(cp, replayed, present - own) is None
        # It carries the superseded keys whose objects are kept, but manifest S's own.
        assert cp.index.superseded == (replayed.superseded & present) - own
        assert checkpoint.check_checkpoint_link(cp, before) is None
        before = cp


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=steps)
def test_checkpoint_equals_replay_local(plan: list[Step]) -> None:
    with tempfile.TemporaryDirectory() as d:
        store = LocalStore(Path(d))
        oracle, written = play(store, plan)
        check_archive(store, oracle, written)


FIXED: list[Step] = [
    ("commit", 3, [], True),
    ("commit", 2, [0], False),
    ("checkpoint", 0, [], False),
    ("commit", 1, [1, 2], True),
    ("commit", 0, [0], False),
    ("checkpoint", 0, [], False),
    ("commit", 2, [], False),
]


def test_checkpoint_equals_replay_s3(moto_server: MotoServer) -> None:
    store = moto_server.store()
    oracle, written = play(store, FIXED)
    assert [c.sequence for c in written] == [2, 4]
    assert len(oracle.gone) == 4
    check_archive(store, oracle, written)


def test_the_replay_check_names_a_difference(tmp_path: Path) -> None:
    """A checkpoint that leaves out a live object, or covers another manifest, is named."""
    store = LocalStore(tmp_path)
    _, written = play(store, FIXED[:3])
    cp = written[-1]
    keys = list_streams(store)[(STREAM.source, STREAM.tenant)]
    replayed = read_chain(store, keys[: cp.sequence], SIGNER.verifier).index()
    short = checkpoint.Checkpoint(
        cp.key,
        cp.raw,
        cp.sha256,
        type(cp.index)(
            cp.stream,
            cp.index.head,
            cp.index.live[1:],
            cp.index.superseded,
            cp.index.contacts,
            cp.index.state,
        ),
        cp.previous,
        cp.created_at,
        cp.key_id,
    )
    problem = checkpoint.check_checkpoint_replay(short, replayed)
    assert problem is not None and problem.kind == "checkpoint-replay"
    assert cp.index.live[0].entry.key in problem.message
    other = read_chain(store, keys[:1], SIGNER.verifier).index()
    assert checkpoint.check_checkpoint_replay(cp, other) is not None


def test_checkpoint_keys_sort_and_parse() -> None:
    keys = [layout.checkpoint_key("a/b", "t", n) for n in (100, 9, 1000)]
    assert sorted(keys) == [keys[1], keys[0], keys[2]]
    assert all(
        layout.parse_checkpoint(k) == ("a/b", "t", n)
        for k, n in zip(keys, (100, 9, 1000), strict=True)
    )
    assert layout.parse_checkpoint("checkpoints/source=a/tenant=t/12.json") is None
    assert layout.parse_checkpoint(layout.manifest_key("a", "t", 1)) is None


@pytest.mark.parametrize(
    ("field", "value"),
    [("rows", "5"), ("ciphertext_sha256", "A" * 64), ("subjects", ["xyz"]), ("extra", 1)],
)
def test_a_signed_checkpoint_with_a_malformed_entry_is_refused(
    tmp_path: Path, field: str, value: object
) -> None:
    """The fast entry check and the schema agree: what the manifest schema refuses in an
    entry, a checkpoint may not carry either, whoever signed it."""
    store = LocalStore(tmp_path)
    _, written = play(store, FIXED[:3])
    cp = written[-1]
    doc = json.loads(cp.raw)
    doc["live"][0]["objects"][0]["entry"][field] = value
    raw = signed.sign(signed.body(doc), SIGNER)
    got, problem = checkpoint.check(cp.key, raw, SIGNER.verifier)
    assert got is None and problem is not None
    assert problem.kind == "checkpoint-altered" and "schema" in problem.message
    # Unchanged, the same document passes.
    assert checkpoint.check(cp.key, cp.raw, SIGNER.verifier)[1] is None


def test_the_fast_entry_check_knows_compaction_fields() -> None:
    """Entries of compacted objects pass the plain-Python check (so a checkpoint after a
    compaction is not checked the slow way), and malformed lineage or ranks fail it."""
    from archiver.archive.integrity import _entry_ok

    entry = {
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
        "subjects": [],
        "replaces": [{"key": "data/old.parquet", "sha256": "c" * 64}],
        "ranks": [{"sequence": 1, "position": 0, "rows": 3}],
    }
    assert _entry_ok(entry)
    assert not _entry_ok(entry | {"replaces": [{"key": "k", "sha256": "short"}]})
    assert not _entry_ok(entry | {"replaces": []})
    assert not _entry_ok(entry | {"ranks": [{"sequence": 0, "position": 0, "rows": 3}]})
    assert not _entry_ok(entry | {"ranks": [{"sequence": 1, "position": 0}]})
    assert not _entry_ok(entry | {"lineage": []})
    # Packed ranks: "<sequence>.<position>.<rows>" runs, one space between; never both forms.
    packed = {k: v for k, v in entry.items() if k != "ranks"} | {"rank_runs": "1.0.2 7.3.1"}
    assert _entry_ok(packed)
    assert not _entry_ok(packed | {"ranks": entry["ranks"]})
    for bad in ("", "1.0.2  7.3.1", "0.0.3", "1.0", "1.0.3 ", "1.01.3", "1.0.-3", "1.0.3,2.0.1"):
        assert not _entry_ok(packed | {"rank_runs": bad}), bad
    # Section pins: offset, length (at least "{}") and SHA-256 of the section, nothing else.
    good = {"offset": 120, "length": 300, "sha256": "d" * 64}
    assert _entry_ok(packed | {"lineage_section": good})
    for wrong in (
        good | {"offset": -1},
        good | {"length": 1},
        good | {"offset": "120"},
        good | {"sha256": "D" * 64},
        good | {"extra": 1},
        {k: v for k, v in good.items() if k != "sha256"},
        [120, 300],
    ):
        assert not _entry_ok(packed | {"lineage_section": wrong}), wrong


def test_the_replay_check_holds_a_checkpoint_to_the_superseded_objects_still_kept(
    tmp_path: Path,
) -> None:
    """A checkpoint may leave out superseded keys whose objects are gone, never one whose
    object is still in the store, and never carries a key no manifest superseded."""
    store = LocalStore(tmp_path)
    _, written = play(store, FIXED[:6])
    cp = written[-1]
    keys = list_streams(store)[(STREAM.source, STREAM.tenant)]
    covered = read_chain(store, keys[: cp.sequence], SIGNER.verifier)
    replayed, own = covered.index(), covered.head.supersedes
    must = checkpoint.present_objects(store) - own
    assert cp.index.superseded  # FIXED keeps some superseded objects in the store
    assert replayed.superseded - cp.index.superseded  # and deleted others: left out
    assert checkpoint.check_checkpoint_replay(cp, replayed, must) is None
    kept = sorted(cp.index.superseded)[0]
    for superseded, why in (
        (cp.index.superseded - {kept}, "still in the store"),
        (cp.index.superseded | {"data/never-superseded.parquet.enc"}, "not superseded there"),
    ):
        other = dataclasses.replace(cp, index=dataclasses.replace(cp.index, superseded=superseded))
        problem = checkpoint.check_checkpoint_replay(other, replayed, must)
        assert problem is not None and problem.kind == "checkpoint-replay"
        assert why in problem.message


@pytest.mark.parametrize("removed", [1, 3])
def test_a_listing_with_a_manifest_missing_is_refused_as_a_parsed_one_is(
    tmp_path: Path, removed: int
) -> None:
    """Keys from a listing skip parsing, not the gap check: the first or a middle manifest
    removed, the chain read from the checkpoint raises what the whole chain's read raises."""
    store = LocalStore(tmp_path)
    play(store, FIXED)  # 5 manifests, checkpoints after the 2nd and the 4th
    store.delete(layout.manifest_key(STREAM.source, STREAM.tenant, removed))
    keys = list_streams(store)[(STREAM.source, STREAM.tenant)]
    assert isinstance(keys, layout.StreamKeys) and removed not in keys.sequences
    errors = []
    for listed in (keys, list(keys)):
        with pytest.raises(IntegrityError) as caught:
            checkpoint.read_chain_from_checkpoint(store, listed, SIGNER.verifier)
        errors.append(str(caught.value))
    assert errors[0] == errors[1] and "missing" in errors[0]
