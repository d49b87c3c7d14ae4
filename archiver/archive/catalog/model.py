"""The manifest as typed values: what a manifest and each object entry in it say.

A manifest is parsed once into these frozen values (``Manifest.from_document``); code above the
archive layer reads fields, not JSON. Values written by this program go back to JSON with
``to_json``, which gives exactly the document earlier versions wrote (the canonical form sorts
keys, so only names and values matter). The JSON Schema ``schemas/manifest.schema.json`` is the
contract; ``docs/FORMAT.md`` explains it.
"""

from __future__ import annotations

import bisect
import itertools
import json
import re
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any, Literal, TypeVar, cast

_T = TypeVar("_T")

FORMAT = "conversation-archiver/manifest"
#: 2: canonical JSON by RFC 8785 (``archiver.archive.signed``); 1 (read, not written): the
#: form before it. Equal to ``signed.FORMAT_VERSION``.
FORMAT_VERSION = 2

Table = Literal["messages", "sessions", "users"]
TABLES: tuple[Table, ...] = ("messages", "sessions", "users")
#: How a run ended: ``partial`` committed what was consistent before it stopped early.
RunStatus = Literal["complete", "partial"]
#: Which keyring an object is encrypted for.
Kind = Literal["masked", "sealed"]


def as_table(name: str) -> Table:
    """``name`` as a table of the format (``ValueError`` for any other)."""
    for table in TABLES:
        if name == table:
            return table
    raise ValueError(f"no table {name!r} in the archive format")


#: Index entries (``subjects``, ``sessions``) are the first 16 hex digits of a keyed id.
INDEX_HEX = 16


def index_entry(keyed_id: str) -> str:
    """The index entry of a ``subject_id`` or keyed session id: its first ``INDEX_HEX`` hex
    digits. Two ids may share an entry, so an index match means "may hold", never "holds"."""
    return keyed_id[:INDEX_HEX]


def index_entries(keyed_ids: Iterable[str]) -> frozenset[str]:
    """The index entries of several ids, to test many objects against them at once."""
    return frozenset(index_entry(k) for k in keyed_ids)


class IndexSet(AbstractSet[str]):
    """An object's index entries as its writer holds them: sorted, joined into one string.

    A long run holds the entries of every object it wrote until its commit: as a frozenset
    each entry costs a string and a hash-table slot (about 100 bytes), here its 16 characters,
    and the masked and the sealed object of the same rows share one string (interned).
    Membership is a binary search; equal to a frozenset of the same entries, and operators
    give frozensets. Only ``index_set`` makes one."""

    __slots__ = ("_text",)

    def __init__(self, text: str) -> None:
        self._text = text

    def __len__(self) -> int:
        return len(self._text) // INDEX_HEX

    def __iter__(self) -> Iterator[str]:
        text = self._text
        return (text[i : i + INDEX_HEX] for i in range(0, len(text), INDEX_HEX))

    def __contains__(self, value: object) -> bool:
        if type(value) is not str or len(value) != INDEX_HEX:
            return False
        text, lo, hi = self._text, 0, len(self._text) // INDEX_HEX
        while lo < hi:
            mid = (lo + hi) // 2
            at = text[mid * INDEX_HEX : (mid + 1) * INDEX_HEX]
            if at == value:
                return True
            if at < value:
                lo = mid + 1
            else:
                hi = mid
        return False

    def __eq__(self, other: object) -> bool:
        if isinstance(other, IndexSet):
            return self._text == other._text
        return super().__eq__(other)

    def __hash__(self) -> int:
        return hash(frozenset(self))

    def __repr__(self) -> str:
        return f"IndexSet({sorted(self)!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (IndexSet, (self._text,))

    @classmethod
    def _from_iterable(cls, it: Iterable[_T]) -> frozenset[_T]:
        """What ``&``, ``|``, ``-`` and ``^`` give: a frozenset, as a read entry's would."""
        return frozenset(it)

    def in_order(self) -> list[str]:
        """The entries in order (as a manifest lists them), without sorting; interned, so the
        lists of the masked and the sealed object of the same rows share their strings."""
        return list(map(sys.intern, self))

    def listed(self) -> IndexList:
        """The entries in order as the list a manifest writes, without a string per entry."""
        return IndexList(self._text)


#: Characters ``json.dumps`` writes as themselves (and RFC 8785 too): no quote, backslash or
#: control character, nothing beyond ASCII.
_PLAIN = re.compile(r"[\x20\x21\x23-\x5b\x5d-\x7e]*")


class IndexList(Sequence[str]):
    """An ``IndexSet``'s entries as the list of strings a manifest holds, for the commit: equal
    to that list, encoded from the joined text (``json_bytes``, spliced in by
    ``signed.canonical_v1``) without making a string per entry. A long run's index as lists
    of strings was about 80 bytes an entry at the commit, against 16 here."""

    __slots__ = ("text",)
    __hash__ = None  # type: ignore[assignment]  # as a list's

    def __init__(self, text: str) -> None:
        self.text = text

    def __len__(self) -> int:
        return len(self.text) // INDEX_HEX

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return list(self)[i]
        n = len(self)
        if not -n <= i < n:
            raise IndexError("index out of range")
        i %= n
        return self.text[i * INDEX_HEX : (i + 1) * INDEX_HEX]

    def __iter__(self) -> Iterator[str]:
        text = self.text
        return (text[i : i + INDEX_HEX] for i in range(0, len(text), INDEX_HEX))

    def __eq__(self, other: object) -> bool:
        """Equal to a list (or another ``IndexList``) of the same entries in the same order,
        compared as one joined string."""
        if isinstance(other, IndexList):
            return self.text == other.text
        if type(other) is not list:
            return NotImplemented
        return (
            len(other) == len(self)
            and set(map(type, other)) <= {str}
            and set(map(len, other)) <= {INDEX_HEX}
            and "".join(other) == self.text
        )

    def __repr__(self) -> str:
        return f"IndexList({list(self)!r})"

    def json_bytes(self) -> bytes:
        """``json.dumps(list(self))`` without spaces, as UTF-8: the entries joined by
        ``","`` straight from the text where no character needs escaping."""
        text = self.text
        if not text:
            return b"[]"
        if _PLAIN.fullmatch(text) is None:
            return json.dumps(list(self), separators=(",", ":"), ensure_ascii=False).encode()
        raw = text.encode("ascii")
        parts = [raw[i : i + INDEX_HEX] for i in range(0, len(raw), INDEX_HEX)]
        return b'["' + b'","'.join(parts) + b'"]'


def index_set(entries: Iterable[str]) -> AbstractSet[str]:
    """``entries`` as a writer keeps them: an ``IndexSet`` where each is ``INDEX_HEX`` ASCII
    characters (every index this program writes), else a frozenset."""
    unique = sorted(set(entries))
    if all(len(e) == INDEX_HEX and e.isascii() for e in unique):
        return IndexSet(sys.intern("".join(unique)))
    return frozenset(unique)


def encryption_context(
    *, key: str, table: str, sealed: bool, source: str, tenant: str
) -> dict[str, str]:
    """Bound into every object's message and checked on decrypt: an object moved elsewhere is
    refused. Holds names and ids of streams, never personal data."""
    return {
        "archiver:format": "1",
        "archiver:object": key,
        "archiver:table": table,
        "archiver:kind": "sealed" if sealed else "masked",
        "archiver:source": source,
        "archiver:tenant": tenant,
    }


@dataclass(frozen=True, slots=True)
class Partition:
    source: str
    tenant: str
    date: str  # YYYY-MM-DD, the UTC creation date of the object's rows

    @property
    def stream(self) -> tuple[str, str]:
        return (self.source, self.tenant)


@dataclass(frozen=True, slots=True)
class Replaced:
    """Lineage: an object a compaction replaced, with the ciphertext SHA-256 that the manifest
    which wrote it recorded."""

    key: str
    sha256: str

    def to_json(self) -> dict[str, str]:
        return {"key": self.key, "sha256": self.sha256}


@dataclass(frozen=True, slots=True)
class SectionPin:
    """Where a compacted object's section of its compaction's lineage document is, and its
    SHA-256 (``lineage_section`` in the entry): a custody reader reads and hashes those bytes
    alone, trusting the signature of the manifest (or checkpoint) that carries the entry."""

    #: From the first byte of the stored document (its index line included).
    offset: int
    length: int
    sha256: str

    def to_json(self) -> dict[str, Any]:
        return {"offset": self.offset, "length": self.length, "sha256": self.sha256}

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> SectionPin:
        return cls(int(d["offset"]), int(d["length"]), str(d["sha256"]))


@dataclass(frozen=True, slots=True)
class ListPin:
    """Where a compaction manifest's ``supersedes`` list is in its lineage document
    (``supersedes_section``): offset from the document's first byte, length, SHA-256 of those
    bytes, and how many keys the list holds. The manifest's signature covers it, so a reader
    that needs the list reads and checks those bytes alone; readers from a checkpoint never
    need manifest S's list (the checkpoint's live objects leave them out already)."""

    offset: int
    length: int
    sha256: str
    count: int

    def to_json(self) -> dict[str, Any]:
        return {
            "offset": self.offset,
            "length": self.length,
            "sha256": self.sha256,
            "count": self.count,
        }

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> ListPin:
        return cls(int(d["offset"]), int(d["length"]), str(d["sha256"]), int(d["count"]))


@dataclass(frozen=True, slots=True)
class RankSpan:
    """``rows`` consecutive rows of a compacted object that rank as row 0, 1, … of the object
    at ``position`` in manifest ``sequence`` (the newest-version rule, ``versions.rank``)."""

    sequence: int
    position: int
    rows: int

    def to_json(self) -> dict[str, int]:
        return {"sequence": self.sequence, "position": self.position, "rows": self.rows}


class Ranks:
    """An object's ``ranks`` (``RankSpan`` runs in row order), in the form its entry was written
    in: ``packed`` (``rank_runs``, one string ``"<sequence>.<position>.<rows> …"``, what
    compactions write now) or the older list of objects (``ranks``). A packed one is decoded on
    first use: a stream's checkpoint holds thousands of spans, and a reader ranks the rows of
    only the few objects it opens."""

    __slots__ = ("_columns", "_spans", "_starts", "_text", "packed")

    def __init__(self, spans: Iterable[RankSpan] = (), *, text: str | None = None) -> None:
        text = text or None  # no spans: one form
        self.packed = text is not None
        self._text = text
        self._spans: tuple[RankSpan, ...] | None = None if text is not None else tuple(spans)
        self._starts: tuple[int, ...] | None = None
        #: (sequences, positions, rows) of the spans, in row order.
        self._columns: tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]] | None = None

    @classmethod
    def packing(cls, spans: Iterable[RankSpan]) -> Ranks:
        """``spans`` in the packed form."""
        return cls(text=" ".join(f"{s.sequence}.{s.position}.{s.rows}" for s in spans))

    def _cols(self) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
        """The spans as three columns: a packed text is decoded straight into them, without a
        ``RankSpan`` per run (an object compacted from 1,000 daily runs has 1,000 of them,
        decoded by every reader that ranks its rows). A run without exactly three numbers
        raises ``ValueError``."""
        if self._columns is None:
            if self._spans is None:
                assert self._text is not None
                runs = (item.split(".") for item in self._text.split(" "))
                seqs, poss, rows = zip(*runs, strict=True)
                self._columns = (
                    tuple(map(int, seqs)),
                    tuple(map(int, poss)),
                    tuple(map(int, rows)),
                )
            else:
                spans = self._spans
                self._columns = (
                    tuple(r.sequence for r in spans),
                    tuple(r.position for r in spans),
                    tuple(r.rows for r in spans),
                )
        return self._columns

    @property
    def spans(self) -> tuple[RankSpan, ...]:
        if self._spans is None:
            seqs, poss, rows = self._cols()
            self._spans = tuple(map(RankSpan, seqs, poss, rows))
        return self._spans

    @property
    def starts(self) -> tuple[int, ...]:
        """The first row of each span (readers rank every row of a compacted object by it)."""
        if self._starts is None:
            rows = self._cols()[2]
            self._starts = tuple(itertools.accumulate(rows[:-1], initial=0)) if rows else ()
        return self._starts

    def origin(self, row: int) -> tuple[int, int, int]:
        """(sequence, position, row in that object) that row ``row`` of the object ranks as."""
        starts = self.starts
        i = max(0, bisect.bisect_right(starts, row) - 1)
        seqs, poss, _ = self._cols()
        return seqs[i], poss[i], row - starts[i]

    def __iter__(self) -> Iterator[RankSpan]:
        return iter(self.spans)

    def __len__(self) -> int:
        return len(self.spans)

    def __getitem__(self, i: int) -> RankSpan:
        return self.spans[i]

    def __bool__(self) -> bool:
        return bool(self._text) if self._spans is None else bool(self._spans)

    def _form(self) -> tuple[bool, object]:
        return (True, self._text) if self.packed else (False, self.spans)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Ranks) and self._form() == other._form()

    def __hash__(self) -> int:
        return hash(self._form())

    def __repr__(self) -> str:
        return f"Ranks({self._text!r})" if self.packed else f"Ranks({self.spans!r})"

    def to_json(self) -> tuple[str, Any]:
        """The entry's field and value, in the form it was written in."""
        if self.packed:
            return "rank_runs", self._text
        return "ranks", [r.to_json() for r in self.spans]


NO_RANKS = Ranks()


@dataclass(frozen=True, slots=True)
class ObjectEntry:
    """One object a manifest names: where it is, what it holds and how to check it."""

    key: str
    table: Table
    sealed: bool
    partition: Partition
    rows: int
    plaintext_size: int
    ciphertext_size: int
    plaintext_sha256: str
    ciphertext_sha256: str
    time_min: str  # version times of its rows, as written (ISO-8601 UTC, milliseconds)
    time_max: str
    #: Index entries of the subject ids in it (a frozenset as read; ``index_set`` as written).
    subjects: AbstractSet[str]
    #: Index entries of the keyed session ids in it; None: written before that index existed,
    #: so the object may hold any session.
    sessions: AbstractSet[str] | None = None
    #: Written by ``archiver compact``: the objects whose rows this one holds, in row order.
    #: In the manifest entry only in archives compacted before lineage documents; since then
    #: in the compaction's lineage document (``catalog.lineage``), and empty here.
    replaces: tuple[Replaced, ...] = ()
    #: Written by ``archiver compact``: where each run of its rows ranked before (in row order).
    ranks: Ranks = NO_RANKS
    #: Written by ``archiver compact`` since section pins exist: where this object's section of
    #: the lineage document is, and its SHA-256. None in every other entry and in compactions
    #: written before (a custody reader then hashes the whole document against its pin).
    section: SectionPin | None = None

    @property
    def rank_starts(self) -> tuple[int, ...]:
        """The first row of each of ``ranks``."""
        return self.ranks.starts

    @property
    def kind(self) -> Kind:
        return "sealed" if self.sealed else "masked"

    @property
    def compacted(self) -> bool:
        """Written by ``archiver compact`` (every such entry has ``ranks``)."""
        return bool(self.ranks or self.replaces)

    @property
    def date(self) -> str:
        return self.partition.date

    def names_subject(self, subject_ids: Iterable[str]) -> bool:
        """Whether the subject index names any of these subject ids."""
        return any(index_entry(s) in self.subjects for s in subject_ids)

    def names_any_subject(self, entries: AbstractSet[str]) -> bool:
        """``names_subject`` for ids already made index entries (``index_entries``)."""
        return not entries.isdisjoint(self.subjects)

    def may_hold_session(self, session_key: str) -> bool:
        """Whether the object may hold rows of the session with this keyed id: profiles never
        do, objects without a session index always may."""
        if self.table == "users":
            return False
        return self.sessions is None or index_entry(session_key) in self.sessions

    def may_hold_any_session(self, entries: AbstractSet[str]) -> bool:
        """``may_hold_session`` for any of several sessions, given as index entries
        (``index_entries``)."""
        if self.table == "users":
            return False
        return self.sessions is None or not entries.isdisjoint(self.sessions)

    def encryption_context(self) -> dict[str, str]:
        """The context its message must carry."""
        return encryption_context(
            key=self.key,
            table=self.table,
            sealed=self.sealed,
            source=self.partition.source,
            tenant=self.partition.tenant,
        )

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> ObjectEntry:
        part = d["partition"]
        sessions = d.get("sessions")
        return cls(
            key=str(d["key"]),
            table=as_table(d["table"]),
            sealed=bool(d["sealed"]),
            partition=Partition(str(part["source"]), str(part["tenant"]), str(part["date"])),
            rows=int(d["rows"]),
            plaintext_size=int(d["plaintext_size"]),
            ciphertext_size=int(d["ciphertext_size"]),
            plaintext_sha256=str(d["plaintext_sha256"]),
            ciphertext_sha256=str(d["ciphertext_sha256"]),
            time_min=str(d["time_range"]["min"]),
            time_max=str(d["time_range"]["max"]),
            subjects=frozenset(d["subjects"]),
            sessions=None if sessions is None else frozenset(sessions),
            replaces=tuple(
                Replaced(str(r["key"]), str(r["sha256"])) for r in d.get("replaces", ())
            ),
            ranks=Ranks(text=runs)
            if (runs := d.get("rank_runs")) is not None
            # (Integers already: the schema says so, and a compacted entry has hundreds.)
            else Ranks(RankSpan(r["sequence"], r["position"], r["rows"]) for r in d["ranks"])
            if "ranks" in d
            else NO_RANKS,
            section=SectionPin.from_json(pin)
            if (pin := d.get("lineage_section")) is not None
            else None,
        )

    def to_json(self, *, dense: bool = False) -> dict[str, Any]:
        """The entry as a manifest lists it. ``dense``: an ``IndexSet`` index as an
        ``IndexList`` (equal to the list, encoded from its text: the commit's form)."""
        listed = _listed if dense else _sorted
        out: dict[str, Any] = {
            "key": self.key,
            "table": self.table,
            "sealed": self.sealed,
            "partition": {
                "source": self.partition.source,
                "tenant": self.partition.tenant,
                "date": self.partition.date,
            },
            "rows": self.rows,
            "plaintext_size": self.plaintext_size,
            "ciphertext_size": self.ciphertext_size,
            "plaintext_sha256": self.plaintext_sha256,
            "ciphertext_sha256": self.ciphertext_sha256,
            "time_range": {"min": self.time_min, "max": self.time_max},
            "subjects": listed(self.subjects),
        }
        if self.sessions is not None:
            out["sessions"] = listed(self.sessions)
        if self.replaces:
            out["replaces"] = [r.to_json() for r in self.replaces]
        if self.ranks:
            name, value = self.ranks.to_json()
            out[name] = value
        if self.section is not None:
            out["lineage_section"] = self.section.to_json()
        return out


def _sorted(entries: AbstractSet[str]) -> list[str]:
    return entries.in_order() if isinstance(entries, IndexSet) else sorted(entries)


def _listed(entries: AbstractSet[str]) -> Sequence[str]:
    return entries.listed() if isinstance(entries, IndexSet) else sorted(entries)


@dataclass(frozen=True, slots=True)
class StreamId:
    source: str
    source_type: str
    tenant: str

    @property
    def name(self) -> str:
        return f"{self.source}/{self.tenant}"

    def to_json(self) -> dict[str, str]:
        return {"source": self.source, "source_type": self.source_type, "tenant": self.tenant}


@dataclass(frozen=True, slots=True)
class Link:
    """``previous``: the predecessor's sequence, key and SHA-256 of its stored bytes."""

    sequence: int
    key: str
    sha256: str

    def to_json(self) -> dict[str, Any]:
        return {"sequence": self.sequence, "key": self.key, "sha256": self.sha256}


@dataclass(frozen=True, slots=True)
class Ancestor:
    """An object a compaction replaced, as the manifest that wrote it (``manifest``) recorded
    it: what custody names of a compacted object's lineage. ``replaces``: its own lineage when
    an earlier compaction wrote it."""

    manifest: Link
    key: str
    ciphertext_sha256: str
    plaintext_sha256: str
    replaces: tuple[Replaced, ...] = ()

    @property
    def sequence(self) -> int:
        return self.manifest.sequence

    @classmethod
    def of(cls, entry: ObjectEntry, manifest: Link) -> Ancestor:
        return cls(
            manifest, entry.key, entry.ciphertext_sha256, entry.plaintext_sha256, entry.replaces
        )

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "key": self.key,
            "ciphertext_sha256": self.ciphertext_sha256,
            "plaintext_sha256": self.plaintext_sha256,
        }
        if self.replaces:
            out["replaces"] = [r.to_json() for r in self.replaces]
        return out

    @classmethod
    def from_json(cls, manifest: Link, d: Mapping[str, Any]) -> Ancestor:
        return cls(
            manifest,
            str(d["key"]),
            str(d["ciphertext_sha256"]),
            str(d["plaintext_sha256"]),
            tuple(Replaced(str(r["key"]), str(r["sha256"])) for r in d.get("replaces", ())),
        )


@dataclass(frozen=True, slots=True)
class CrawlFacts:
    """What only a crawl's manifest says of its run (erase and prune commit without one)."""

    platform_started_at: str | None  # the platform's clock when the crawl started
    requests: int
    error: str | None  # the error class that stopped a partial run


@dataclass(frozen=True, slots=True)
class RunInfo:
    id: str
    started_at: str
    finished_at: str
    status: RunStatus
    full: bool
    crawl: CrawlFacts | None = None

    @property
    def is_crawl(self) -> bool:
        return self.crawl is not None

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> RunInfo:
        crawl = None
        if "platform_started_at" in d:
            crawl = CrawlFacts(d["platform_started_at"], int(d.get("requests", 0)), d.get("error"))
        return cls(
            id=str(d["id"]),
            started_at=str(d["started_at"]),
            finished_at=str(d["finished_at"]),
            status=cast(RunStatus, d["status"]),
            full=bool(d["full"]),
            crawl=crawl,
        )

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "status": self.status,
            "full": self.full,
        }
        if self.crawl is not None:
            out |= {
                "platform_started_at": self.crawl.platform_started_at,
                "requests": self.crawl.requests,
                "error": self.crawl.error,
            }
        return out


@dataclass(frozen=True, slots=True)
class Signature:
    algorithm: str
    key_id: str
    value: str  # standard base64 with padding


@dataclass(frozen=True, slots=True)
class Retention:
    """Set on a manifest ``archiver prune`` committed."""

    cutoff: str
    ledger: str | None


#: The keyring descriptions a manifest records, per kind (``Keyring.describe``).
Keyrings = Mapping[str, list[dict[str, str]]]


@dataclass(frozen=True)
class Manifest:
    """One manifest as stored (``key``, ``raw``) and as parsed.

    ``objects`` are all the entries it names; whether one is still live depends on the rest of
    its chain (``Chain``). ``doc`` is the parsed JSON, kept for the integrity checks; everything
    else reads the typed fields. In the Manifest a commit returns, an entry's index lists in
    ``doc`` may be the writer's ``IndexList``s, equal to the lists read from the stored bytes.
    """

    key: str
    raw: bytes
    sha256: str
    doc: dict[str, Any]
    stream: StreamId
    sequence: int
    previous: Link | None
    run: RunInfo
    program_version: str
    schema_version: int
    policy: Mapping[str, Any]
    keyrings: Keyrings
    #: The crawl state after this run: owned by the crawl (``crawl/state.py``), opaque here.
    state: Mapping[str, Any]
    counts: Mapping[str, int]
    objects: tuple[ObjectEntry, ...]
    supersedes: frozenset[str]
    #: Keyed contact (24 hex) -> subject ids it belongs to.
    contacts: Mapping[str, tuple[str, ...]] | None
    erasure_ledger: str | None
    retention: Retention | None
    signature: Signature
    #: A compaction's lineage document (``catalog.lineage``) as the manifest pins it, with
    #: the manifest's own sequence; None for every other manifest, and for compactions
    #: written before lineage documents (their entries carry ``replaces``).
    lineage: Link | None = None
    #: A compaction's ``supersedes`` kept in its lineage document (since pinned lists): where.
    #: ``supersedes`` is then empty until read (``supersedes_read``).
    supersedes_pin: ListPin | None = None
    #: False while a pinned list has not been read into ``supersedes``.
    supersedes_read: bool = True

    @property
    def source(self) -> str:
        return self.stream.source

    @property
    def tenant(self) -> str:
        return self.stream.tenant

    @property
    def link(self) -> Link:
        """What the next manifest's ``previous`` says of this one."""
        return Link(self.sequence, self.key, self.sha256)

    @classmethod
    def from_document(
        cls,
        key: str,
        raw: bytes,
        sha256: str,
        doc: dict[str, Any],
        parsed: Mapping[int, ObjectEntry] | None = None,
    ) -> Manifest:
        """The typed view of a document that passed the schema (``KeyError`` or ``TypeError``
        otherwise). ``parsed``: entries already parsed from a document that holds them exactly
        as this one does (a checkpoint covering it), by position; each is used where its key
        is the one at that position."""
        parsed = parsed or {}
        s, prev, sig = doc["stream"], doc.get("previous"), doc["signature"]
        retention = doc.get("retention")
        contacts = doc.get("contacts")
        pin = doc.get("lineage")
        listed = doc.get("supersedes_section")
        return cls(
            key=key,
            raw=raw,
            sha256=sha256,
            doc=doc,
            stream=StreamId(str(s["source"]), str(s["source_type"]), str(s["tenant"])),
            sequence=int(doc["sequence"]),
            previous=None
            if prev is None
            else Link(int(prev["sequence"]), str(prev["key"]), str(prev["sha256"])),
            run=RunInfo.from_json(doc["run"]),
            program_version=str(doc["program"]["version"]),
            schema_version=int(doc["schema_version"]),
            policy=doc["policy"],
            keyrings=doc["keyrings"],
            state=doc.get("state") or {},
            counts=doc.get("counts") or {},
            objects=tuple(
                e
                if (e := parsed.get(i)) is not None and e.key == o["key"]
                else ObjectEntry.from_json(o)
                for i, o in enumerate(doc.get("objects", ()))
            ),
            supersedes=frozenset(doc.get("supersedes", ())),
            contacts=None if contacts is None else {k: tuple(v) for k, v in contacts.items()},
            erasure_ledger=(doc.get("erasure") or {}).get("ledger"),
            retention=None
            if retention is None
            else Retention(str(retention["cutoff"]), retention.get("ledger")),
            signature=Signature(str(sig["algorithm"]), str(sig["key_id"]), str(sig["value"])),
            lineage=None
            if pin is None
            else Link(int(doc["sequence"]), str(pin["key"]), str(pin["sha256"])),
            supersedes_pin=None if listed is None else ListPin.from_json(listed),
            supersedes_read=listed is None,
        )
