"""Writing manifests: the one place a manifest document is assembled and committed.

``commit_next`` is how every command commits: a crawl (``archiver run``), ``erase`` and
``prune``. It signs the next manifest of a stream and writes it with put-if-absent, so of two
writers racing for the same sequence exactly one wins and the other gets ``CommitConflict``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from archiver import __version__
from archiver.archive import integrity, layout, signed
from archiver.archive.catalog import rotation
from archiver.archive.catalog.model import (
    FORMAT,
    FORMAT_VERSION,
    IndexList,
    Link,
    ListPin,
    Manifest,
    ObjectEntry,
    Retention,
    RunInfo,
    StreamId,
)
from archiver.archive.store import Store
from archiver.archive.tables import SCHEMA_VERSION
from archiver.archive.trust import Trust
from archiver.errors import ConflictError
from archiver.keys import Signer

PROGRAM = "conversation-archiver"


class CommitConflict(ConflictError):
    """Another writer committed this sequence first; nothing of this commit is visible."""

    def __init__(self, stream: StreamId, sequence: int) -> None:
        super().__init__(
            f"stream {stream.name}: manifest {sequence} was committed by another run meanwhile"
        )
        self.stream = stream
        self.sequence = sequence


@dataclass(frozen=True)
class Provenance:
    """What every manifest says of who wrote it, and the key that signs it."""

    signer: Signer
    policy: Mapping[str, object]  # the masking policy's version and hash
    keyrings: Mapping[str, list[dict[str, str]]]  # masked / sealed: Keyring.describe()
    #: The trusted keys as they are at commit time (None: not checked); the signer must be
    #: the key in force, or readers would refuse the manifest.
    trust: Callable[[], Trust] | None = None


@dataclass
class ManifestBuilder:
    """The next manifest of a stream, filled in by its writer, then ``commit``-ted once."""

    stream: StreamId
    previous: Manifest | None
    run: RunInfo
    provenance: Provenance
    state: Mapping[str, Any]
    objects: list[ObjectEntry] = field(default_factory=list)
    counts: Mapping[str, int] = field(default_factory=dict)
    #: None: the key is left out (crawls); a list, even empty: written sorted.
    supersedes: Iterable[str] | None = None
    contacts: Mapping[str, list[str]] | None = None
    erasure_ledger: str | None = None
    retention: Retention | None = None
    #: A compaction's lineage document (``catalog.lineage.write``), pinned by key and SHA-256.
    lineage: Link | None = None
    #: A compaction's ``supersedes`` kept in its lineage document: where (then ``supersedes``
    #: is left out of the manifest).
    supersedes_pin: ListPin | None = None

    @property
    def sequence(self) -> int:
        return self.previous.sequence + 1 if self.previous else 1

    @property
    def key(self) -> str:
        return layout.manifest_key(self.stream.source, self.stream.tenant, self.sequence)

    def document(self, *, dense: bool = False) -> dict[str, Any]:
        """The manifest document. ``dense``: each ``IndexSet`` index as an ``IndexList``, the
        commit's form (equal, and encoded to the same bytes, without a string per entry)."""
        doc: dict[str, Any] = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "stream": self.stream.to_json(),
            "sequence": self.sequence,
            "previous": self.previous.link.to_json() if self.previous else None,
            "run": self.run.to_json(),
            "program": {"name": PROGRAM, "version": __version__},
            "schema_version": SCHEMA_VERSION,
            "policy": dict(self.provenance.policy),
            "keyrings": dict(self.provenance.keyrings),
            "state": dict(self.state),
            "counts": dict(self.counts),
            "objects": [o.to_json(dense=dense) for o in self.objects],
        }
        if self.supersedes_pin is not None:
            doc["supersedes_section"] = self.supersedes_pin.to_json()
        elif self.supersedes is not None:
            doc["supersedes"] = sorted(self.supersedes)
        if self.contacts:
            doc["contacts"] = {k: list(v) for k, v in self.contacts.items()}
        if self.erasure_ledger is not None:
            doc["erasure"] = {"ledger": self.erasure_ledger}
        if self.retention is not None:
            retention = {"cutoff": self.retention.cutoff}
            if self.retention.ledger is not None:
                retention["ledger"] = self.retention.ledger
            doc["retention"] = retention
        if self.lineage is not None:
            doc["lineage"] = {"key": self.lineage.key, "sha256": self.lineage.sha256}
        return doc

    def commit(self, store: Store) -> Manifest:
        """Sign and write the manifest; ``CommitConflict`` if the sequence is taken.

        A long run's manifest is megabytes: it is encoded once (``signed.draft``), from the
        writer's dense index (``IndexList``: no string per entry), and read back once, for
        both the proof that those are its canonical bytes and the readers' own check, each
        entry's lists compared with the writer's and let go as they are read; the Manifest
        returned holds the writer's entries and document, not a second parsed copy of them."""
        signer = self.provenance.signer
        if self.provenance.trust is not None:
            rotation.require_in_force(self.provenance.trust(), signer)
        done = self._drafted(self.document(dense=True), signer)
        if done is None:
            raw = signed.sign(self.document(), signer)
            # The readers' own check, before anyone can read it: never commit what they refuse.
            m, problem = integrity.check_manifest(self.key, raw, None, written=self.objects)
            integrity.raise_problem(problem)
            assert m is not None
        else:
            raw, m = done
        if not store.put_if_absent(self.key, raw):
            raise CommitConflict(self.stream, self.sequence)
        return m

    def _drafted(self, doc: dict[str, Any], signer: Signer) -> tuple[bytes, Manifest] | None:
        """``doc`` signed (``signed.draft_spans``) and checked as readers check it, read back
        once with its index lists shared with ``doc`` (``_sharing``), each list decoded apart
        (``signed.loads_spliced``: the bytes are not held a second time as text); None where
        the draft is not ``signed.sign``'s bytes. ``IntegrityError`` where readers would
        refuse it."""
        drafted = signed.draft_spans(doc, signer)
        if drafted is None:
            return None
        raw, spans = drafted
        back = signed.loads_spliced(raw, spans, object_hook=_sharing(doc))
        if not signed.proves(*back, doc):
            return None
        m, problem = integrity.check_manifest(
            self.key, raw, None, parsed=back, written=self.objects
        )
        integrity.raise_problem(problem)
        assert m is not None
        return raw, replace(m, doc=doc | {"signature": back[0]["signature"]})


def _sharing(doc: Mapping[str, Any]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """A ``json.loads`` object hook for reading ``doc``'s manifest back: a list of strings
    in an entry that equals the one in ``doc``'s entry of the same key (a list, or an
    ``IndexList``) becomes that one, as each entry is read. The document read back is the
    same value, and the index (most of a long run's manifest) is held once while it is
    checked, not twice."""
    mine = {o["key"]: o for o in doc.get("objects", ())}

    def share(obj: dict[str, Any]) -> dict[str, Any]:
        key = obj.get("key")
        o = mine.get(key) if type(key) is str and "ciphertext_sha256" in obj else None
        if o is not None:
            for k, v in obj.items():
                w = o.get(k)
                if type(v) is list and _same(v, w):
                    obj[k] = w
        return obj

    return share


def _same(read: list[Any], mine: Any) -> bool:
    """Whether a list read back is the writer's list of strings, or its ``IndexList`` (then
    compared as one joined string)."""
    if isinstance(mine, IndexList):
        return mine == read
    return type(mine) is list and read == mine and _strings(read) and _strings(mine)


def _strings(items: list[Any]) -> bool:
    return set(map(type, items)) <= {str}


def commit_next(
    store: Store,
    provenance: Provenance,
    *,
    previous: Manifest | None,
    run: RunInfo,
    objects: list[ObjectEntry],
    state: Mapping[str, Any] | None = None,
    supersedes: Iterable[str] | None = None,
    stream: StreamId | None = None,
    counts: Mapping[str, int] | None = None,
    contacts: Mapping[str, list[str]] | None = None,
    erasure_ledger: str | None = None,
    retention: Retention | None = None,
    lineage: Link | None = None,
    supersedes_pin: ListPin | None = None,
) -> Manifest:
    """Commit the manifest after ``previous`` (None: the stream's first, then ``stream`` is
    required). ``state`` defaults to the previous one unchanged (erase, prune); ``objects``
    are new; ``supersedes`` are gone for readers from this commit on."""
    if stream is None:
        if previous is None:
            raise ValueError("the first manifest of a stream needs its stream")
        stream = previous.stream
    if state is None:
        state = previous.state if previous is not None else {}
    return ManifestBuilder(
        stream=stream,
        previous=previous,
        run=run,
        provenance=provenance,
        state=state,
        objects=objects,
        counts=counts if counts is not None else {},
        supersedes=supersedes,
        contacts=contacts,
        erasure_ledger=erasure_ledger,
        retention=retention,
        lineage=lineage,
        supersedes_pin=supersedes_pin,
    ).commit(store)
