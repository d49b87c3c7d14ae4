"""Custody of a compacted conversation from the newest checkpoint.

A compaction writes its lineage (what each new object replaced, and every ancestor back to
the crawls' objects) into a lineage document its manifest pins by SHA-256; the checkpoint
carries only the pins. ``retrieve`` reads the checkpoint, the manifests after it and the one
document, and reports the same lineage as reading the whole chain; the independent reader
(FORMAT.md alone) checks the report from the document. A tampered or missing document is
refused (exit 4) and named by ``verify``; a forged one that matches its pin (a key holder
re-signing) is named by ``verify --deep``, which checks it against the replay. The form
before lineage documents (lineage in the entries, ancestors in the checkpoint) is still
read, followed and verified, also mixed with the new one."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import random
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from archiver.archive import layout, signed
from archiver.archive.catalog import (
    Ancestor,
    Link,
    ObjectEntry,
    Replaced,
    checkpoint,
    lineage,
)
from archiver.archive.catalog.chain import Chain
from archiver.archive.reader import ArchiveReader
from archiver.cli import cli
from archiver.crawl.engine import run_archive
from archiver.errors import EXIT_INTEGRITY, IntegrityError
from archiver.keys import load_signer
from archiver.ops import bundle
from archiver.ops.bundle import verify_bundle
from archiver.ops.compact import compact
from archiver.ops.hold import place_or_release
from archiver.ops.produce import produce
from archiver.ops.retrieve import lineage_of, retrieve
from archiver.ops.verify import check_lineage, verify
from tests import format_reader as fr
from tests.conftest import open_ctx, sealed_ctx, write_config
from tests.helpers import small_simulator

pytestmark = pytest.mark.usefixtures("parsed_once_in_module")


STREAM = ("peki-main", "bot1")


def _build(
    tmp: Path, seed: int, *, documents: bool, sections: bool = True, arrays: bool = True
) -> tuple[Path, str]:
    """An archive of several small runs, compacted (which writes a checkpoint), then one more
    run; and a conversation whose rows are in a compacted object."""
    with small_simulator(seed=seed) as sim:
        cfg = write_config(tmp, sim, archive={})
        ctx = open_ctx(cfg)
        for i in range(4):
            assert run_archive(ctx).exit_code == 0
            sim.random_changes(random.Random(i), 6)
        assert compact(
            sealed_ctx(cfg),
            operator="test",
            lineage_document=documents,
            lineage_sections=sections,
            array_sections=arrays,
        ).manifests
        assert run_archive(ctx).exit_code == 0
    chain = open_ctx(cfg).catalog.chain(*STREAM)
    new = next(p for p in chain.live() if p.entry.compacted and p.entry.sealed)
    reader = sealed_ctx(cfg, write=False)
    rows = ArchiveReader(
        reader.store, verifier=reader.verifier, masked=None, sealed=reader.sealed
    ).read_table(new.entry, columns=["session_id"])
    return cfg, str(rows.column("session_id")[0])


@pytest.fixture(scope="module")
def compacted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    return _build(tmp_path_factory.mktemp("custody"), 31, documents=True)


@pytest.fixture(scope="module")
def unpinned(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The same, compacted in the form before section pins (a lineage document, no entry
    pinning its section): what archives written before them hold."""
    return _build(tmp_path_factory.mktemp("custody-unpinned"), 34, documents=True, sections=False)


@pytest.fixture(scope="module")
def objects_form(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The same, its lineage document of version 3 (sections of objects, not arrays): what
    archives compacted before version 4 hold."""
    return _build(tmp_path_factory.mktemp("custody-v3"), 35, documents=True, arrays=False)


@pytest.fixture(scope="module")
def inline(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The same, compacted in the form before lineage documents."""
    return _build(tmp_path_factory.mktemp("custody-inline"), 32, documents=False)


def _whole_chain_lineage(cfg: Path, custody: dict[str, Any]) -> dict[str, Any]:
    """Each custody object's lineage as reading every manifest from 1 gives it."""
    ctx = open_ctx(cfg)
    full: Chain = ctx.catalog.chain(*STREAM)
    assert full.base is None
    placed = {p.entry.key: p for p in full.live()}
    docs = lineage.Documents(ctx.store, full)
    return {o["key"]: lineage_of(docs, placed[o["key"]]) for o in custody["objects"]}


def _lineages(custody: dict[str, Any]) -> dict[str, Any]:
    keep = ("lineage", "lineage_document", "lineage_section", "lineage_ancestors")
    return {o["key"]: {k: o[k] for k in keep if k in o} for o in custody["objects"]}


def _retrieve(cfg: Path, session: str, out: Path) -> dict[str, Any]:
    """The custody report as written beside the transcript (and as the transcript carries
    it): each object's lineage grouped by manifest on one line, the rest indented."""
    t = retrieve(sealed_ctx(cfg), session, out / "t.json", fmt="json", operator="t", reason="t")
    text = (out / "t.json.custody.json").read_text()
    written = json.loads(text)
    assert written == t.custody == json.loads((out / "t.json").read_text())["custody"]
    for line in text.splitlines():
        if '"lineage": [' in line:
            assert line.strip().startswith('"lineage": [{"objects":[{') and line.endswith(
                ("],", "]")
            )
    return written


#: An ancestor in a version 4 section: ``["<key>","<ciphertext SHA-256>","<plaintext SHA-256>"``.
_ANCESTOR = re.compile(rb'\["[^"]+","([0-9a-f]{64})","([0-9a-f]{64})"')


def _ancestor_hash(held: bytes, start: int, end: int, group: int) -> int:
    """Where the first ancestor between ``start`` and ``end`` has its ciphertext (``group``
    1) or plaintext (2) SHA-256."""
    found = _ANCESTOR.search(held, start, end)
    assert found is not None
    return found.start(group)


def _pinned_document(cfg: Path) -> Path:
    """The lineage document of the stream's compaction (the one the newest checkpoint pins)."""
    store = open_ctx(cfg).store
    cp, problem = checkpoint.check(
        key := checkpoint.listed(store, *STREAM)[-1][1], store.get(key), None
    )
    assert cp is not None and problem is None and cp.index.lineage
    (pin,) = cp.index.lineage
    return cfg.parent / "archive" / pin.key


def test_retrieve_reads_lineage_from_the_document_as_the_whole_chain_gives_it(
    compacted: tuple[Path, str], tmp_path: Path
) -> None:
    cfg, session = compacted
    custody = _retrieve(cfg, session, tmp_path)
    chain = custody["chain"]
    # Read from the checkpoint the compaction wrote, not from manifest 1.
    assert "checkpoint" in chain, "retrieve read the whole chain"
    assert chain["read_from"] == layout.manifest_key(*STREAM, chain["checkpoint"]["sequence"])
    lineages = _lineages(custody)
    cited = [v for v in lineages.values() if v.get("lineage_section")]
    assert cited and all(v["lineage_ancestors"] > 0 for v in cited)
    # A citation, not a copy: the ancestors are in the cited section only.
    assert not any("lineage" in v for v in lineages.values())
    assert lineages == _whole_chain_lineage(cfg, custody)


def _cited(custody: dict[str, Any], root: Path) -> int:
    """Check every citation of ``custody`` as an outsider does (FORMAT.md alone): the cited
    section is the object's (by its entry's pin, or the document's index), it reaches the
    number of ancestors cited, and the whole chain of manifests confirms each one."""
    (stream,) = [
        s
        for s in fr.read_streams(root, (root.parent / "keys" / "signing.pub.pem").read_bytes())
        if (s.source, s.tenant) == STREAM
    ]
    manifests = dict(stream.manifests)
    followed = 0
    for o in custody["objects"]:
        if "lineage_section" not in o:
            continue
        followed += 1
        manifest = manifests[o["manifest"]]
        section = fr.cited_section(root, manifest, o)
        items = fr.section_lineage(section, manifest["sequence"])
        assert len(items) == o["lineage_ancestors"]
        by_manifests = fr.lineage(stream, o["key"])
        assert [(a["key"], a["sha256"], a["manifest"]) for a in by_manifests] == [
            (a["key"], a["ciphertext_sha256"], a["manifest"]) for a in items
        ]
        # Every ancestor is where the section says: the manifest it names holds it.
        for a in items:
            m = manifests[a["manifest"]]
            entry = next(e for e in m["objects"] if e["key"] == a["key"])
            assert entry["ciphertext_sha256"] == a["ciphertext_sha256"]
            assert m["sequence"] == a["manifest_sequence"]
    return followed


def test_an_outsider_checks_the_custody_report_from_the_cited_section(
    compacted: tuple[Path, str], tmp_path: Path
) -> None:
    """FORMAT.md alone: the object's manifest pins the document the report names and, in
    the object's entry, the section it cites, whose bytes alone give the object's whole
    lineage, which the whole chain of manifests confirms."""
    cfg, session = compacted
    assert _cited(_retrieve(cfg, session, tmp_path), cfg.parent / "archive")


def test_an_archive_without_section_pins_is_retrieved_and_verified(
    unpinned: tuple[Path, str], tmp_path: Path
) -> None:
    """Compactions written before section pins: retrieve reads the whole document, checks it
    against the manifest's pin and cites the object's section as the document's index places
    it; the outsider checks that citation by the document's hash; verify --deep is green."""
    cfg, session = unpinned
    chain = open_ctx(cfg).catalog.chain(*STREAM)
    compacted = [p for p in chain.live() if p.entry.compacted]
    assert compacted and all(p.entry.section is None for p in compacted)
    custody = _retrieve(cfg, session, tmp_path)
    assert "checkpoint" in custody["chain"]
    assert _lineages(custody) == _whole_chain_lineage(cfg, custody)
    assert _cited(custody, cfg.parent / "archive")
    assert verify(sealed_ctx(cfg), deep=True).ok
    # A changed byte anywhere in the document: refused, as the whole document is hashed.
    path = _pinned_document(cfg)
    held = path.read_bytes()
    try:
        path.write_bytes(held[:-2] + (b"0" if held[-2:-1] != b"0" else b"1") + held[-1:])
        with pytest.raises(IntegrityError, match="does not have the SHA-256"):
            _retrieve(cfg, session, tmp_path / "x")
    finally:
        path.write_bytes(held)


def _section_of_the_conversation(cfg: Path, session: str, tmp: Path) -> tuple[int, int]:
    """The cited section (offset, length) of the first compacted object of the transcript."""
    custody = _retrieve(cfg, session, tmp)
    o = next(o for o in custody["objects"] if "lineage_section" in o)
    return o["lineage_section"]["offset"], o["lineage_section"]["length"]


def test_a_version_3_lineage_document_is_still_retrieved_and_verified(
    objects_form: tuple[Path, str], compacted: tuple[Path, str], tmp_path: Path
) -> None:
    """Compaction writes version 4 (sections of arrays); a document of version 3 (sections
    of objects) is still read: retrieve cites the same lineage the whole chain gives, the
    outsider checks the citation, verify --deep is green. A section altered in it is refused."""
    assert (
        json.loads(_pinned_document(compacted[0]).read_bytes().partition(b"\n")[0])[
            "format_version"
        ]
        == 4
    )
    cfg, session = objects_form
    path = _pinned_document(cfg)
    held = path.read_bytes()
    assert json.loads(held.partition(b"\n")[0])["format_version"] == 3
    custody = _retrieve(cfg, session, tmp_path / "first")
    assert "checkpoint" in custody["chain"]
    assert _lineages(custody) == _whole_chain_lineage(cfg, custody)
    assert _cited(custody, cfg.parent / "archive")
    assert verify(sealed_ctx(cfg), deep=True).ok
    cited = next(o for o in custody["objects"] if "lineage_section" in o)["lineage_section"]
    start, end = cited["offset"], cited["offset"] + cited["length"]
    at = held.index(b'"plaintext_sha256":"', start, end) + len(b'"plaintext_sha256":"')
    try:
        path.write_bytes(held[:at] + b"0" * 64 + held[at + 64 :])
        with pytest.raises(IntegrityError, match="lineage document"):
            _retrieve(cfg, session, tmp_path / "second")
        assert "lineage-altered" in {p.kind for p in verify(sealed_ctx(cfg), deep=True).problems}
    finally:
        path.write_bytes(held)


def test_an_altered_lineage_section_is_refused(compacted: tuple[Path, str], tmp_path: Path) -> None:
    """Any changed byte of the object's section: retrieve stops (exit 4) before writing a
    transcript, by the section's pinned hash; plain verify names it by the document's pinned
    hash, without reading the manifests before the checkpoint."""
    cfg, session = compacted
    start, length = _section_of_the_conversation(cfg, session, tmp_path / "first")
    path = _pinned_document(cfg)
    held = path.read_bytes()
    try:
        assert json.loads(held.partition(b"\n")[0])["format_version"] == 4
        # One ancestor's plaintext hash in the object's section.
        at = _ancestor_hash(held, start, start + length, 2)
        path.write_bytes(held[:at] + b"0" * 64 + held[at + 64 :])
        with pytest.raises(IntegrityError, match="lineage document") as err:
            _retrieve(cfg, session, tmp_path)
        assert err.value.exit_code == EXIT_INTEGRITY
        assert not (tmp_path / "t.json").exists()
        for deep in (False, True):
            report = verify(sealed_ctx(cfg), deep=deep)
            assert "lineage-altered" in {p.kind for p in report.problems}, report.problems
    finally:
        path.write_bytes(held)
    assert verify(open_ctx(cfg)).ok


def test_a_change_outside_the_section_is_verify_s_to_find(
    compacted: tuple[Path, str], tmp_path: Path
) -> None:
    """Retrieve reads and hashes the object's section alone, so a change to another part of
    the document leaves its custody as it was; plain verify finds it by the document's pin."""
    cfg, session = compacted
    start, length = _section_of_the_conversation(cfg, session, tmp_path / "first")
    path = _pinned_document(cfg)
    held = path.read_bytes()
    outside = start - 2 if start > held.index(b"\n") + 2 else start + length + 1
    try:
        path.write_bytes(held[:outside] + b" " + held[outside + 1 :])
        before = _lineages(_retrieve(cfg, session, tmp_path / "a"))
        assert before == _lineages(_retrieve(cfg, session, tmp_path / "b"))
        report = verify(open_ctx(cfg))
        assert "lineage-altered" in {p.kind for p in report.problems}, report.problems
    finally:
        path.write_bytes(held)


def test_a_missing_lineage_document_is_refused(compacted: tuple[Path, str], tmp_path: Path) -> None:
    cfg, session = compacted
    path = _pinned_document(cfg)
    held = path.read_bytes()
    try:
        path.unlink()
        with pytest.raises(IntegrityError, match="missing") as err:
            _retrieve(cfg, session, tmp_path)
        assert err.value.exit_code == EXIT_INTEGRITY
        for deep in (False, True):
            report = verify(open_ctx(cfg), deep=deep)
            assert "lineage-missing" in {p.kind for p in report.problems}, report.problems
    finally:
        path.write_bytes(held)
    assert verify(open_ctx(cfg), deep=True).ok


Forge = Callable[
    [list[ObjectEntry], dict[str, tuple[Ancestor, ...]]],
    tuple[list[ObjectEntry], dict[str, tuple[Ancestor, ...]]],
]


def _forged(cfg: Path, change: Forge) -> list[Any]:
    """verify --deep's lineage check over the stream's chain, where the compaction manifest
    pins a forged document (its objects' lineage and ancestors as ``change`` returns them) by
    its true hash: what a key holder who re-signed the manifest would get past the pin."""
    ctx = open_ctx(cfg)
    chain = ctx.catalog.chain(*STREAM)
    m = next(m for m in chain.manifests if m.lineage is not None)
    assert m.lineage is not None
    doc = lineage.read(ctx.store, m.lineage, m.stream)
    objects = [dataclasses.replace(o, replaces=doc.section(o.key).replaces) for o in m.objects]
    ancestors = {o.key: doc.section(o.key).ancestors for o in m.objects}
    objects, ancestors = change(objects, ancestors)
    listed = m.supersedes if m.supersedes_pin is not None else None  # carried as it was
    raw, sections, list_pin = lineage.encode_pinned(
        m.stream, m.sequence, objects, ancestors, listed
    )
    key = m.lineage.key.replace(".json", "-forged.json")
    (cfg.parent / "archive" / key).write_bytes(raw)
    try:
        pin = Link(m.sequence, key, hashlib.sha256(raw).hexdigest())
        # The entries re-signed with the forged document's section pins too.
        entries = tuple(dataclasses.replace(o, section=sections.get(o.key)) for o in m.objects)
        forged = dataclasses.replace(m, lineage=pin, objects=entries, supersedes_pin=list_pin)
        manifests = [forged if x is m else x for x in chain.manifests]
        return check_lineage(ctx.store, manifests)
    finally:
        (cfg.parent / "archive" / key).unlink()


def test_deep_verify_checks_the_document_against_the_replay(compacted: tuple[Path, str]) -> None:
    cfg, _ = compacted
    ctx = open_ctx(cfg)
    assert check_lineage(ctx.store, list(ctx.catalog.chain(*STREAM).manifests)) == []
    assert _forged(cfg, lambda o, a: (o, a)) == [], "the forging itself changes nothing"

    def ancestor_hash(
        objects: list[ObjectEntry], ancestors: dict[str, tuple[Ancestor, ...]]
    ) -> tuple[list[ObjectEntry], dict[str, tuple[Ancestor, ...]]]:
        first = objects[0].key
        wrong = dataclasses.replace(ancestors[first][0], plaintext_sha256="0" * 64)
        return objects, ancestors | {first: (wrong, *ancestors[first][1:])}

    def replaced_hash(
        objects: list[ObjectEntry], ancestors: dict[str, tuple[Ancestor, ...]]
    ) -> tuple[list[ObjectEntry], dict[str, tuple[Ancestor, ...]]]:
        o = objects[0]
        wrong = (Replaced(o.replaces[0].key, "0" * 64), *o.replaces[1:])
        return [dataclasses.replace(o, replaces=wrong), *objects[1:]], ancestors

    def left_out(
        objects: list[ObjectEntry], ancestors: dict[str, tuple[Ancestor, ...]]
    ) -> tuple[list[ObjectEntry], dict[str, tuple[Ancestor, ...]]]:
        return objects[1:], ancestors

    problems = _forged(cfg, ancestor_hash)
    assert any(p.kind == "lineage-altered" and "ancestors" in p.message for p in problems)
    problems = _forged(cfg, replaced_hash)
    assert any(p.kind == "object-lineage" for p in problems), problems
    problems = _forged(cfg, left_out)
    assert any(p.kind == "lineage-altered" for p in problems), problems

    # A document true to the replay, but an entry pinning another section than its own.
    ctx = open_ctx(cfg)
    chain = ctx.catalog.chain(*STREAM)
    m = next(m for m in chain.manifests if m.lineage is not None)
    a, b = m.objects[0], m.objects[1]
    assert a.section is not None and b.section is not None
    swapped = (dataclasses.replace(a, section=b.section), *m.objects[1:])
    manifests = [dataclasses.replace(x, objects=swapped) if x is m else x for x in chain.manifests]
    problems = check_lineage(ctx.store, manifests)
    assert any(p.kind == "lineage-altered" and "another section" in p.message for p in problems), (
        problems
    )


def test_the_checkpoint_after_compaction_is_the_replay_by_the_document(
    compacted: tuple[Path, str],
) -> None:
    """The independent reader (FORMAT.md alone) replays the checkpoint: pins of the lineage
    documents, no ancestors inline, the bounded superseded keys."""
    cfg, _ = compacted
    root = cfg.parent / "archive"
    public = (cfg.parent / "keys" / "signing.pub.pem").read_bytes()
    pinned = 0
    for stream in fr.read_streams(root, public):
        for doc in fr.read_checkpoints(root, stream, public):
            assert fr.same_index(root, stream, doc)
            if doc["lineage"]:
                pinned += 1
                assert doc["ancestors"] == []
                # The compaction deleted what it superseded: nothing of it is carried.
                assert not doc["superseded"]
                for pin in doc["lineage"]:
                    key = layout.manifest_key(stream.source, stream.tenant, pin["sequence"])
                    m = dict(stream.manifests)[key]
                    assert fr.lineage_document(root, m) is not None
    assert pinned


# --- the form before lineage documents -----------------------------------------------------


def test_the_inline_form_is_still_read_followed_and_verified(
    inline: tuple[Path, str], tmp_path: Path
) -> None:
    cfg, session = inline
    ctx = open_ctx(cfg)
    chain = ctx.catalog.chain(*STREAM, from_checkpoint=True)
    assert chain.base is not None and chain.base.ancestors
    assert not any(m.lineage for m in chain.manifests)
    assert not list(ctx.store.list(layout.LINEAGE + "/"))
    custody = _retrieve(cfg, session, tmp_path)
    assert "checkpoint" in custody["chain"]
    lineages = _lineages(custody)
    assert any(v.get("lineage") for v in lineages.values())
    assert not any("lineage_document" in v for v in lineages.values())
    assert lineages == _whole_chain_lineage(cfg, custody)
    assert verify(sealed_ctx(cfg), deep=True).ok
    root = cfg.parent / "archive"
    public = (cfg.parent / "keys" / "signing.pub.pem").read_bytes()
    for stream in fr.read_streams(root, public):
        for doc in fr.read_checkpoints(root, stream, public):
            assert fr.same_index(root, stream, doc)


def test_an_altered_inline_ancestry_is_refused(inline: tuple[Path, str], tmp_path: Path) -> None:
    """An old checkpoint's ancestors: not re-signed, the checkpoint is passed over; re-signed
    with a wrong hash, custody's lineage check refuses it; ``verify --deep`` names any change."""
    cfg, session = inline
    store = open_ctx(cfg).store
    path = cfg.parent / "archive" / checkpoint.listed(store, *STREAM)[-1][1]
    held = path.read_bytes()
    signer = load_signer(cfg.parent / "keys" / "signing.pem")

    def tamper(field: str, resign: bool) -> None:
        doc = json.loads(held)
        for group in doc["ancestors"]:
            for ancestor in group["objects"]:
                ancestor[field] = "0" * 64
        body = signed.body(doc)
        path.write_bytes(signed.sign(body, signer) if resign else signed.canonical(doc) + b"\n")

    try:
        tamper("plaintext_sha256", resign=False)
        custody = _retrieve(cfg, session, tmp_path)
        assert "checkpoint" not in custody["chain"]
        assert _lineages(custody) == _whole_chain_lineage(cfg, custody)
        report = verify(open_ctx(cfg))
        assert any(p.kind == "checkpoint-altered" for p in report.problems), report.problems
        tamper("ciphertext_sha256", resign=True)
        with pytest.raises(IntegrityError, match="lineage"):
            _retrieve(cfg, session, tmp_path / "x")
        tamper("plaintext_sha256", resign=True)
        deep = verify(open_ctx(cfg), deep=True)
        replay = [p for p in deep.problems if p.kind == "checkpoint-replay"]
        assert replay and "lineage" in replay[0].message, deep.problems
    finally:
        path.write_bytes(held)
    assert verify(open_ctx(cfg), deep=True).ok


def test_compacting_an_inline_archive_again_writes_a_self_contained_document(
    tmp_path: Path,
) -> None:
    """An archive compacted in the old form, then after more runs in the new: the document's
    ancestors reach through the inline lineage to the crawls' objects, custody is the same as
    from the whole chain, and everything verifies (also by the independent reader)."""
    with small_simulator(seed=33) as sim:
        cfg = write_config(tmp_path, sim, archive={})
        ctx = open_ctx(cfg)
        for i in range(3):
            assert run_archive(ctx).exit_code == 0
            sim.random_changes(random.Random(i), 6)
        assert compact(sealed_ctx(cfg), lineage_document=False).manifests
        for i in range(3):
            sim.random_changes(random.Random(10 + i), 6)
            assert run_archive(ctx).exit_code == 0
        assert compact(sealed_ctx(cfg)).manifests
    chain = ctx.catalog.chain(*STREAM)
    docs = lineage.Documents(ctx.store, chain)
    deep_ones = 0
    for p in chain.live():
        if p.entry.compacted and not p.entry.replaces:
            found = docs.ancestry(p)
            deep_ones += any(old.replaces for old, _ in found)
    assert deep_ones, "no new object reaches an object compacted in the old form"
    assert verify(sealed_ctx(cfg), deep=True).ok
    root = tmp_path / "archive"
    public = (tmp_path / "keys" / "signing.pub.pem").read_bytes()
    for stream in fr.read_streams(root, public):
        live = {o["key"] for o in stream.live_objects}
        for _, m in stream.manifests:
            if "lineage" not in m:
                continue
            for o in m["objects"]:
                if o["key"] in live:
                    by_manifests = fr.lineage(stream, o["key"])
                    from_document = fr.custody_lineage(root, stream, o["key"])
                    assert [a["key"] for a in by_manifests] == [a["key"] for a in from_document]
        for doc in fr.read_checkpoints(root, stream, public):
            assert fr.same_index(root, stream, doc)


# --- case bundles ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled(compacted: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A case bundle of the conversation in a compacted object."""
    cfg, session = compacted
    place_or_release(open_ctx(cfg), "place", "C-L", session_id=session)
    out = tmp_path_factory.mktemp("bundle") / "b"
    assert produce(sealed_ctx(cfg), "C-L", out, reason="t").documents == 1
    return out


def _bundle_files(root: Path) -> dict[str, Path]:
    return {p.relative_to(root).as_posix(): p for p in root.rglob("*") if p.is_file()}


def _resigned(cfg: Path, bundle_dir: Path, custody: dict[str, Any]) -> None:
    """``custody`` signed again by the archive's own key, and SHA256SUMS made to match: what
    only a holder of that key could forge."""
    body = {k: v for k, v in custody.items() if k not in ("format", "version", "signature")}
    signer = load_signer(cfg.parent / "keys" / "signing.pem")
    (bundle_dir / "custody.json").write_bytes(bundle.sign_custody(body, signer))
    files = {n: p.read_bytes() for n, p in _bundle_files(bundle_dir).items()}
    (bundle_dir / "SHA256SUMS").write_bytes(bundle.sums_bytes(files))


def test_a_bundle_carries_the_lineage_of_its_compacted_objects_and_verifies(
    compacted: tuple[Path, str], bundled: Path
) -> None:
    """The custody file lists the lineage documents its compacted objects' manifests pin, the
    bundle carries them byte for byte, and verify-bundle checks them offline."""
    cfg, _ = compacted
    custody = json.loads((bundled / "custody.json").read_bytes())
    carried = custody["lineage"]
    manifests = {
        m["key"]: json.loads((bundled / m["file"]).read_bytes()) for m in custody["manifests"]
    }
    compacted_objects = [
        o
        for o in custody["objects"]
        if any(
            "rank_runs" in e or "ranks" in e
            for e in manifests[o["manifest"]]["objects"]
            if e["key"] == o["key"]
        )
    ]
    assert compacted_objects
    assert {d["manifest"] for d in carried} == {o["manifest"] for o in compacted_objects}
    for d in carried:
        assert manifests[d["manifest"]]["lineage"] == {"key": d["key"], "sha256": d["sha256"]}
        assert (bundled / d["file"]).read_bytes() == (
            cfg.parent / "archive" / d["key"]
        ).read_bytes()
    check = verify_bundle(bundled)
    assert check.ok, check.problems
    r = CliRunner().invoke(cli, ["verify-bundle", str(bundled)])
    assert r.exit_code == 0, r.output


@pytest.mark.parametrize("change", ["bytes", "forged", "removed"])
def test_tampered_lineage_in_a_bundle_is_refused(
    compacted: tuple[Path, str], bundled: Path, tmp_path: Path, change: str
) -> None:
    """A lineage document altered (its hash no longer the custody file's), forged by a holder
    of the signing key (custody file signed again with the forged document's hash: the
    compaction manifest's pin still refuses it), or left out (custody signed again without
    it): verify-bundle refuses it, exit 4."""
    cfg, _ = compacted
    bad = tmp_path / "bad"
    shutil.copytree(bundled, bad)
    custody = json.loads((bad / "custody.json").read_bytes())
    (d,) = custody["lineage"][:1]
    path = bad / d["file"]
    held = path.read_bytes()
    at = _ancestor_hash(held, held.index(b"\n"), len(held), 1)
    if change == "bytes":
        path.write_bytes(held[:at] + b"0" * 64 + held[at + 64 :])
        named = "does not match its hash in custody.json"
    elif change == "forged":
        forged = held[:at] + b"0" * 64 + held[at + 64 :]
        path.write_bytes(forged)
        d["sha256"] = hashlib.sha256(forged).hexdigest()
        _resigned(cfg, bad, custody)
        named = "is not the one manifest"
    else:
        path.unlink()
        custody["lineage"] = custody["lineage"][1:]
        if not custody["lineage"]:
            del custody["lineage"]
        _resigned(cfg, bad, custody)
        named = "lineage document its manifest"
    check = verify_bundle(bad)
    assert not check.ok
    assert any(named in p for p in check.problems), check.problems
    r = CliRunner().invoke(cli, ["verify-bundle", str(bad)])
    assert r.exit_code == EXIT_INTEGRITY and "NOT OK" in r.output


def _transcript_changed(
    cfg: Path, bundle_dir: Path, change: Callable[[dict[str, Any]], None]
) -> None:
    """The bundle with its JSON transcript's custody object of a compacted object changed by
    ``change``, the custody file's hash of that transcript updated and signed again by the
    archive's own key: what only a holder of that key could forge."""
    custody = json.loads((bundle_dir / "custody.json").read_bytes())
    (doc,) = custody["documents"]
    (name,) = [n for n in doc["files"] if n.startswith("JSON/")]
    transcript = json.loads((bundle_dir / name).read_bytes())
    cited = next(o for o in transcript["custody"]["objects"] if "lineage_document" in o)
    change(cited)
    raw = json.dumps(transcript, indent=2, sort_keys=True).encode()
    (bundle_dir / name).write_bytes(raw)
    doc["files"][name] = hashlib.sha256(raw).hexdigest()
    _resigned(cfg, bundle_dir, custody)


def _other_section(bundle_dir: Path) -> Callable[[dict[str, Any]], None]:
    """Cite another object's section of the same document (its true place and hash)."""

    def change(cited: dict[str, Any]) -> None:
        raw = (bundle_dir / cited["lineage_document"]["key"]).read_bytes()
        head = raw.split(b"\n", 1)[0]
        other = next(o for o in json.loads(head)["objects"] if o["key"] != cited["key"])
        start = len(head) + 1 + other["offset"]
        piece = raw[start : start + other["length"]]
        cited["lineage_section"] = {
            "offset": start,
            "length": other["length"],
            "sha256": hashlib.sha256(piece).hexdigest(),
        }

    return change


@pytest.mark.parametrize("change", ["document", "section-hash", "other-section", "count"])
def test_a_transcript_whose_custody_does_not_match_its_lineage_section_is_refused(
    compacted: tuple[Path, str], bundled: Path, tmp_path: Path, change: str
) -> None:
    """verify-bundle checks each transcript's custody against the section it cites: another
    document's hash, a changed section hash, another object's section, or a wrong count of
    ancestors, each with the custody file signed again to match, is refused (exit 4).
    (Before: only each document against its pin was checked, so these passed.)"""
    cfg, _ = compacted
    bad = tmp_path / "bad"
    shutil.copytree(bundled, bad)

    def other_document(cited: dict[str, Any]) -> None:
        cited["lineage_document"]["sha256"] = "0" * 64

    def section_hash(cited: dict[str, Any]) -> None:
        cited["lineage_section"]["sha256"] = "0" * 64

    def count(cited: dict[str, Any]) -> None:
        cited["lineage_ancestors"] += 1

    changes = {
        "document": other_document,
        "section-hash": section_hash,
        "other-section": _other_section(bad),
        "count": count,
    }
    _transcript_changed(cfg, bad, changes[change])
    check = verify_bundle(bad)
    assert not check.ok
    assert any(p.startswith("JSON/") for p in check.problems), check.problems
    r = CliRunner().invoke(cli, ["verify-bundle", str(bad)])
    assert r.exit_code == EXIT_INTEGRITY and "NOT OK" in r.output
