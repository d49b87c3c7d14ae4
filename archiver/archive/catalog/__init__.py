"""The archive catalog: the one way to read what the archive holds, and to commit to it.

- ``model``: manifests and object entries as typed values; the index rule (``index_entry``);
- ``chain``: reading one manifest, a stream's head, a stream's checked chain; live objects;
- ``checkpoint``: a stream's live object index as of one manifest, signed; chains read from it;
- ``packs``: a stream's old manifests, byte for byte, in one object;
- ``lineage``: a compaction's lineage document (custody), pinned by its manifest;
- ``versions``: the one newest-version rule;
- ``records``: signed holds, suppressions and ledger entries, and the crawl's ``RunGuard``;
- ``builder``: ``ManifestBuilder`` and ``commit_next``, the only way a manifest is written.

Every check on the way goes through ``archiver.archive.integrity``. Object contents are read
by ``archiver.archive.reader.ArchiveReader``, which takes its entries from here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from archiver.archive.catalog import checkpoint, lineage, lists, packs, records
from archiver.archive.catalog.builder import (
    CommitConflict,
    ManifestBuilder,
    Provenance,
    commit_next,
)
from archiver.archive.catalog.chain import (
    Chain,
    Index,
    Placed,
    Stream,
    ancestry,
    latest,
    list_streams,
    parse,
    read,
    read_chain,
    written,
)
from archiver.archive.catalog.model import (
    INDEX_HEX,
    TABLES,
    Ancestor,
    CrawlFacts,
    Kind,
    Link,
    ListPin,
    Manifest,
    ObjectEntry,
    Partition,
    Ranks,
    RankSpan,
    Replaced,
    Retention,
    RunInfo,
    RunStatus,
    SectionPin,
    StreamId,
    Table,
    index_entries,
    index_entry,
)
from archiver.archive.catalog.records import Hold, RunGuard
from archiver.archive.catalog.versions import Newest, Rank, origin, rank, rank_at
from archiver.archive.store import Store
from archiver.errors import ConfigError
from archiver.keys import Verifier

__all__ = [
    "INDEX_HEX",
    "TABLES",
    "Ancestor",
    "Catalog",
    "Chain",
    "CommitConflict",
    "CrawlFacts",
    "Hold",
    "Index",
    "Kind",
    "Link",
    "ListPin",
    "Manifest",
    "ManifestBuilder",
    "Newest",
    "ObjectEntry",
    "Partition",
    "Placed",
    "Provenance",
    "Rank",
    "RankSpan",
    "Ranks",
    "Replaced",
    "Retention",
    "RunGuard",
    "RunInfo",
    "RunStatus",
    "SectionPin",
    "Stream",
    "StreamId",
    "Table",
    "ancestry",
    "checkpoint",
    "commit_next",
    "index_entries",
    "index_entry",
    "latest",
    "lineage",
    "list_streams",
    "lists",
    "origin",
    "packs",
    "parse",
    "rank",
    "rank_at",
    "read",
    "read_chain",
    "records",
    "written",
]


@dataclass(frozen=True)
class Catalog:
    """The archive as its manifests and records describe it, every read checked against the
    trusted verify key."""

    store: Store
    verifier: Verifier

    def streams(self) -> dict[Stream, list[str]]:
        """Every stream's manifest keys, in sequence order."""
        return list_streams(self.store)

    def _read(self, keys: list[str], from_checkpoint: bool) -> Chain:
        if from_checkpoint:
            return checkpoint.read_chain_from_checkpoint(self.store, keys, self.verifier)
        return read_chain(self.store, keys, self.verifier)

    def chain(self, source: str, tenant: str, *, from_checkpoint: bool = False) -> Chain:
        """A stream's checked chain. ``from_checkpoint``: from its newest checkpoint on (the
        same live objects, only the manifests after the checkpoint read; ``Chain.base``)."""
        return self._read(self.streams().get((source, tenant), []), from_checkpoint)

    def chains(
        self, source: str | None = None, *, from_checkpoint: bool = False
    ) -> Iterator[Chain]:
        """Every stream's checked chain (of one source, when given), one at a time."""
        for (src, _tenant), keys in self.streams().items():
            if source is None or src == source:
                yield self._read(keys, from_checkpoint)

    def chains_of_source(
        self, source: str | None, *, from_checkpoint: bool = False
    ) -> Iterator[Chain]:
        """``chains(source)``, refusing a source the archive has no stream of."""
        if source is not None and source not in {s for s, _ in self.streams()}:
            raise ConfigError(f"no archived stream of source {source!r}")
        return self.chains(source, from_checkpoint=from_checkpoint)

    def head(self, source: str, tenant: str) -> Manifest | None:
        """A stream's newest manifest, checked on its own (not its chain)."""
        return latest(self.store, source, tenant, self.verifier)

    def heads(self) -> Iterator[Manifest]:
        """Every stream's newest manifest, checked on its own."""
        for keys in self.streams().values():
            yield read(self.store, keys[-1], self.verifier)

    def live(self) -> Iterator[Placed]:
        """Every live object of every stream, in commit order per stream."""
        for chain in self.chains():
            yield from chain.live()

    def live_entries(self) -> Iterator[ObjectEntry]:
        return (p.entry for p in self.live())

    def holds(self) -> list[Hold]:
        """The legal holds in force."""
        return records.active_holds(self.store, self.verifier)

    def hold_history(self) -> dict[str, records.HoldRecord]:
        return records.hold_history(self.store, self.verifier)

    def suppressed(self) -> frozenset[str]:
        return records.suppressed_subjects(self.store, self.verifier)

    def read_record(self, key: str) -> dict[str, Any]:
        return records.read_record(self.store, key, self.verifier)
