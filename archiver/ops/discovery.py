"""Finding conversations by person, time, platform, sender and words (``archiver search``),
for holds by query and case bundles.

Everything discovery reads from the archive goes through this module: which streams and
objects can match (from the manifests alone), the newest version of each message, and what
the matches add up to per conversation. Only objects that can match are opened:

- a person: objects whose subject index names one of their pseudonyms;
- a time window: objects whose date partition (the UTC creation date of the messages in it)
  lies in the window;
- a source: that source's streams;
- whole conversations (their totals, a bundle's transcripts): objects whose session index
  names them.

Text is searched over masked rows (what analysts see: personal values replaced by tokens)
unless the sealed originals' private key is given; then over the originals, after a signed
access record names the objects to be opened.

A message counts in its newest version (the catalog's one rule,
``archiver.archive.catalog.versions``). Every version of a message lies in the same date
partition of its stream and names the same person, so selecting objects by partition or
person never splits a message's versions. The messages of one conversation carry the person
who owns it: an object that does not name the person holds none of their conversations'
messages.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from archiver.archive.catalog import (
    Chain,
    Newest,
    ObjectEntry,
    Placed,
    Table,
    index_entries,
    origin,
    rank_at,
    read_chain,
)
from archiver.archive.reader import ArchiveReader
from archiver.context import Context
from archiver.errors import ConfigError
from archiver.ops.lookup import Person, archived, person
from archiver.ops.operator import operator_name
from archiver.timeutil import format_ts, parse_ts

SENDERS = ("user", "bot", "agent", "system")
#: Objects decrypted at once (AES, zstd and Parquet decoding release the GIL).
READ_THREADS = 4
#: Characters of context on each side of the first hit in a snippet.
SNIPPET_CONTEXT = 40

_MESSAGE_COLUMNS = [
    "message_id",
    "session_id",
    "subject_id",
    "sender",
    "text",
    "created_at",
    "version_time",
]

#: An object entry with the manifest naming it (``Placed``).
Item = Placed


# --- the query ----------------------------------------------------------------------------


def parse_when(value: str, *, end: bool) -> datetime:
    """``--from``/``--to``: a date (``2026-03-01``, a whole UTC day) or an ISO timestamp.

    Returns the inclusive start, or for ``end`` the exclusive end: ``--to 2026-06-30``
    includes all of 30 June (UTC); a timestamp includes that millisecond."""
    text = value.strip()
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            start = datetime(day.year, day.month, day.day, tzinfo=UTC)
            return start + timedelta(days=1) if end else start
        ts = parse_ts(text)
    except ValueError:
        flag = "--to" if end else "--from"
        raise ConfigError(
            f"{flag}: not a date or timestamp",
            hint="give YYYY-MM-DD (a whole UTC day) or an ISO time like 2026-03-01T09:30:00Z",
        ) from None
    return ts + timedelta(milliseconds=1) if end else ts


@dataclass(frozen=True)
class Query:
    """What a search asks for. Message filters (time, words, sender) apply to one message:
    a conversation matches when one of its messages passes them all, and it belongs to the
    person and source asked for."""

    user_id: str | None = None
    email: str | None = None
    phone: str | None = None
    since: datetime | None = None  # created_at >= since
    until: datetime | None = None  # created_at < until
    source: str | None = None
    text: str | None = None
    regex: str | None = None
    sender: str | None = None

    def __post_init__(self) -> None:
        if self.text is not None and self.regex is not None:
            raise ConfigError("give --text or --regex, not both")
        if self.text is not None and not self.words:
            raise ConfigError("--text: give at least one word")
        if self.regex is not None:
            try:
                pc.match_substring_regex(pa.array([""]), self.regex)
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as exc:
                raise ConfigError(f"--regex is not a valid pattern: {exc}") from None
        if self.sender is not None and self.sender not in SENDERS:
            raise ConfigError(f"--sender must be one of {', '.join(SENDERS)}")
        if self.since and self.until and self.until <= self.since:
            raise ConfigError("--to is before --from")
        if len([v for v in (self.user_id, self.email, self.phone) if v]) > 1:
            raise ConfigError("name the person with one of --user-id, --email and --phone")

    @property
    def words(self) -> tuple[str, ...]:
        return tuple((self.text or "").split())

    @property
    def names_person(self) -> bool:
        return bool(self.user_id or self.email or self.phone)

    @property
    def empty(self) -> bool:
        return not (
            self.names_person
            or self.since
            or self.until
            or self.source
            or self.text
            or self.regex
            or self.sender
        )

    def record(self, who: Person | None, *, originals: bool) -> dict[str, Any]:
        """The query as a hold record keeps it: the person by pseudonym and how they were
        named (never the id, address or number itself); words and pattern as given."""
        doc: dict[str, Any] = {
            "over": "originals" if originals else "masked rows",
            "from": format_ts(self.since) if self.since else None,
            "to": format_ts(self.until) if self.until else None,
            "source": self.source,
            "text": self.text,
            "regex": self.regex,
            "sender": self.sender,
        }
        if who is not None:
            doc["person"] = {"found_by": who.by, "subject_ids": sorted(who.all_subjects)}
        return {k: v for k, v in doc.items() if v is not None}


def describe_query(doc: Mapping[str, Any]) -> str:
    """A recorded query as one readable line (``hold list``, bundle README)."""
    parts = []
    who = doc.get("person")
    if who:
        subjects = who.get("subject_ids") or ["?"]
        parts.append(f"person ({who.get('found_by', 'user id')}) {subjects[0][:16]}…")
    if doc.get("from") or doc.get("to"):
        parts.append(f"from {doc.get('from', 'the start')} to {doc.get('to', 'now')} (exclusive)")
    for key in ("source", "sender"):
        if doc.get(key):
            parts.append(f"{key} {doc[key]}")
    if doc.get("text"):
        parts.append(f"words {doc['text']!r}")
    if doc.get("regex"):
        parts.append(f"pattern {doc['regex']!r}")
    over = doc.get("over", "masked rows")
    return (", ".join(parts) or "every conversation") + f" (searched over {over})"


# --- streams and objects ------------------------------------------------------------------


def live(chain: Chain, table: Table, sealed: bool) -> list[Item]:
    """The chain's live objects of one table and copy, in commit order."""
    return [p for p in chain.live() if p.entry.table == table and p.entry.sealed == sealed]


def streams(ctx: Context, source: str | None = None) -> list[Chain]:
    """Every stream (or those of ``source``), each chain checked (signatures, links)."""
    listed = ctx.catalog.streams()
    known = {src for src, _ in listed}
    if source is not None and source not in known:
        raise ConfigError(
            f"--source: no archived stream of source {source!r}",
            hint="sources: " + (", ".join(sorted(known)) or "(none archived yet)"),
        )
    return [
        read_chain(ctx.store, keys, ctx.verifier)
        for (src, _), keys in listed.items()
        if source is None or src == source
    ]


def in_window(obj: ObjectEntry, since: datetime | None, until: datetime | None) -> bool:
    """Whether the object's date partition overlaps the window."""
    if since is not None and obj.date < since.date().isoformat():
        return False
    last = (until - timedelta(milliseconds=1)).date().isoformat() if until else None
    return not (last is not None and obj.date > last)


# --- reading -----------------------------------------------------------------------------


def ordered_map(fn: Callable[[Item], pa.Table], items: list[Item]) -> Iterator[pa.Table]:
    """``fn`` over ``items`` on a few threads, results in order, at most a few ahead (memory
    stays bounded whatever the number of objects)."""
    if len(items) <= 1:
        yield from (fn(i) for i in items)
        return
    with ThreadPoolExecutor(READ_THREADS, thread_name_prefix="discovery") as pool:
        window = READ_THREADS * 2
        pending = [pool.submit(fn, i) for i in items[:window]]
        nxt = window
        while pending:
            head = pending.pop(0)
            if nxt < len(items):
                pending.append(pool.submit(fn, items[nxt]))
                nxt += 1
            yield head.result()


def newest(tables: list[pa.Table]) -> pa.Table:
    """One row per message: its newest version by the catalog's rule (``rank_at``).

    Each table holds one object's rows in order, with ``_seq``, ``_pos`` and ``_row``: the
    manifest sequence, position and row each row ranks by (``origin``)."""
    t = pa.concat_tables(tables) if len(tables) > 1 else tables[0]
    if t.num_rows == 0:
        return t
    ids = t["message_id"]
    counts = pc.value_counts(ids)
    repeated = counts.filter(pc.greater(counts.field("counts"), 1)).field("values")
    if len(repeated) == 0:
        return t
    dup = pc.is_in(ids, value_set=repeated)
    dup_idx = pc.indices_nonzero(dup).to_pylist()
    cols = ["message_id", "version_time", "_seq", "_pos", "_row"]
    sub = t.take(pa.array(dup_idx, pa.int64())).select(cols).to_pylist()
    best: Newest[str, int] = Newest()
    for i, r in zip(dup_idx, sub, strict=True):
        at = rank_at(r["version_time"], r["_seq"], r["_pos"], r["_row"])
        best.offer(r["message_id"], at, i)
    keep = pc.invert(dup)
    winners = pa.array(sorted(best.values()), pa.int64())
    mask = pc.or_(keep, pc.is_in(pa.array(range(t.num_rows), pa.int64()), value_set=winners))
    return t.filter(mask)


class PartitionReader:
    """Reads message objects of one stream, a date partition at a time, newest versions only."""

    def __init__(self, ctx: Context, *, sealed: bool) -> None:
        self.sealed = sealed
        self.reader = ArchiveReader(
            ctx.store,
            verifier=ctx.verifier,
            masked=None if sealed else ctx.masked,
            sealed=ctx.sealed if sealed else None,
        )
        self.columns = _MESSAGE_COLUMNS + (["user_id"] if sealed else [])
        self.objects_read = 0
        self.bytes_read = 0

    def _read(self, item: Item) -> pa.Table:
        t = self.reader.read_table(item.entry, columns=self.columns)
        self.objects_read += 1
        self.bytes_read += item.entry.ciphertext_size
        if not self.sealed:
            t = t.append_column("user_id", pa.nulls(t.num_rows, pa.string()))
        where = [origin(item, row) for row in range(t.num_rows)]
        for i, name in enumerate(("_seq", "_pos", "_row")):
            t = t.append_column(name, pa.array([w[i] for w in where], pa.int64()))
        return t

    def partitions(self, items: list[Item]) -> Iterator[tuple[str, pa.Table]]:
        """(date, newest rows) per date partition, oldest first."""
        items = sorted(items, key=lambda p: (p.entry.date, p.sequence, p.entry.key))
        day: str | None = None
        tables: list[pa.Table] = []
        for item, table in zip(items, ordered_map(self._read, items), strict=True):
            d = item.entry.date
            if day is not None and d != day:
                yield day, newest(tables)
                tables = []
            day = d
            tables.append(table)
        if day is not None and tables:
            yield day, newest(tables)


# --- matching ----------------------------------------------------------------------------


def _and(a: pa.ChunkedArray | pa.Array | None, b: pa.ChunkedArray | pa.Array) -> Any:
    return b if a is None else pc.and_(a, b)


def message_mask(
    t: pa.Table, q: Query, subjects: frozenset[str] | None
) -> pa.ChunkedArray | pa.Array | None:
    """Which rows pass the message filters (None: all of them)."""
    mask = None
    if subjects is not None:
        mask = _and(mask, pc.is_in(t["subject_id"], value_set=pa.array(sorted(subjects))))
    created = t["created_at"]
    if q.since is not None:
        mask = _and(mask, pc.greater_equal(created, pa.scalar(q.since, created.type)))
    if q.until is not None:
        mask = _and(mask, pc.less(created, pa.scalar(q.until, created.type)))
    if q.sender is not None:
        mask = _and(mask, pc.equal(t["sender"], q.sender))
    for word in q.words:
        mask = _and(mask, pc.match_substring(t["text"], word, ignore_case=True))
    if q.regex is not None:
        mask = _and(mask, pc.match_substring_regex(t["text"], q.regex))
    return None if mask is None else pc.fill_null(mask, False)


def snippet(text: str | None, q: Query) -> str:
    """About 80 characters around the first hit, on one line."""
    body = " ".join((text or "").split())
    start = 0
    if q.words:
        spots = [body.casefold().find(w.casefold()) for w in q.words]
        found = [s for s in spots if s >= 0]
        start = min(found) if found else 0
    elif q.regex is not None:
        try:
            hit = re.search(q.regex, body)
        except re.error:  # RE2 syntax Python does not read: no position, the start
            hit = None
        start = hit.start() if hit else 0
    lo = max(0, start - SNIPPET_CONTEXT)
    hi = min(len(body), start + 2 * SNIPPET_CONTEXT)
    return ("…" if lo else "") + body[lo:hi] + ("…" if hi < len(body) else "")


@dataclass
class Conversation:
    """One matching conversation as search lists it."""

    source: str
    tenant: str
    source_type: str
    session_id: str  # as stored: the platform's id (originals, or masked rows that keep it)
    session_key: str  # keyed id (24 hex): what holds and access records name
    person: str | None  # user id (originals) or subject_id (masked rows)
    first: datetime | None = None
    last: datetime | None = None
    messages: int = 0
    hits: int = 0
    snippet: str = ""
    _first_hit: tuple[Any, str] | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "tenant": self.tenant,
            "platform": self.source_type,
            "session_id": self.session_id,
            "person": self.person,
            "first_message": format_ts(self.first) if self.first else None,
            "last_message": format_ts(self.last) if self.last else None,
            "messages": self.messages,
            "hits": self.hits,
            "snippet": self.snippet,
        }


@dataclass
class SearchResult:
    query: Query
    originals: bool
    conversations: list[Conversation] = field(default_factory=list)
    total: int = 0  # matched before --limit
    objects_read: int = 0
    objects_total: int = 0  # message objects of the streams searched (one copy)
    bytes_read: int = 0
    access_records: list[str] = field(default_factory=list)
    #: The person asked for (None: no person filter), and whether the archive holds them.
    person: Person | None = None
    person_known: bool = True

    def to_json(self) -> dict[str, Any]:
        return {
            "searched": "originals" if self.originals else "masked rows",
            "total": self.total,
            "shown": len(self.conversations),
            "objects_read": self.objects_read,
            "objects_total": self.objects_total,
            "access_records": self.access_records,
            "conversations": [c.to_json() for c in self.conversations],
        }


def session_key_of(ctx: Context, source_type: str, stored: str, *, sealed: bool) -> str | None:
    """The keyed id (24 hex) of a session id as a row stores it. Masked rows keep the
    platform's id by default; a policy that pseudonymises ``session_id`` stores the keyed id
    itself; one that drops or redacts it leaves nothing to key."""
    if sealed:
        return ctx.pseudo.record_key("sessions", stored)
    action = ctx.masker.policy.table(source_type, "messages").columns.get("session_id", "keep")
    if action == "keep":
        return ctx.pseudo.record_key("sessions", stored)
    if action == "pseudonymise":
        return stored
    return None


def partition_totals(t: pa.Table) -> pa.Table:
    """Per conversation in one partition's newest rows: messages, first and last."""
    return t.group_by("session_id").aggregate(
        [("message_id", "count"), ("created_at", "min"), ("created_at", "max")]
    )


def apply_totals(found: dict[str, Conversation], parts: list[pa.Table]) -> None:
    """Sum the partitions' totals into the matched conversations (partitions are disjoint:
    every version of a message lies in the partition of its creation date)."""
    if not parts or not found:
        return
    t = pa.concat_tables(parts)
    t = t.filter(pc.is_in(t["session_id"], value_set=pa.array(sorted(found), pa.string())))
    agg = t.group_by("session_id").aggregate(
        [("message_id_count", "sum"), ("created_at_min", "min"), ("created_at_max", "max")]
    )
    for r in agg.to_pylist():
        c = found[r["session_id"]]
        c.messages = r["message_id_count_sum"]
        c.first, c.last = r["created_at_min_min"], r["created_at_max_max"]


def search(
    ctx: Context,
    q: Query,
    *,
    originals: bool = False,
    limit: int | None = None,
    operator: str | None = None,
    reason: str | None = None,
    command: str = "search",
    totals: bool = True,
) -> SearchResult:
    """Every conversation ``q`` matches, oldest first (at most ``limit`` listed).

    With ``originals`` the sealed originals are searched (the private key must be in
    ``ctx``), each batch of objects named by a signed access record before it is opened."""
    from archiver.ops.ledger import record_access

    if originals and not ctx.sealed.can_decrypt:
        raise ConfigError(
            "searching the originals needs their private key: give --sealed-key "
            "(or ARCHIVER_SEALED_KEY), or search the masked rows without it"
        )
    who_acts = operator_name(operator, ctx.config) if originals else None
    who = person(ctx, user_id=q.user_id, email=q.email, phone=q.phone) if q.names_person else None
    result = SearchResult(query=q, originals=originals, person=who)
    plans: list[tuple[Chain, frozenset[str] | None, list[Item]]] = []
    for chain in streams(ctx, q.source):
        subjects = who.of_type(chain.source_type) if who is not None else None
        items = live(chain, "messages", originals)
        result.objects_total += len(items)
        if subjects is not None:
            if not subjects:
                continue
            entries = index_entries(subjects)
            items = [p for p in items if p.entry.names_any_subject(entries)]
        items = [p for p in items if in_window(p.entry, q.since, q.until)]
        if items:
            plans.append((chain, subjects, items))

    def access(items: list[Item]) -> None:
        if originals and items:
            assert who_acts is not None
            result.access_records.append(
                record_access(
                    ctx,
                    command=command,
                    operator=who_acts,
                    reason=reason,
                    objects=[p.entry for p in items],
                    subjects=sorted(who.all_subjects) if who is not None else (),
                )
            )

    access([i for *_, items in plans for i in items])
    reader = PartitionReader(ctx, sealed=originals)
    all_found: list[Conversation] = []
    for chain, subjects, items in plans:
        found: dict[str, Conversation] = {}
        read_days: set[str] = set()
        parts: list[pa.Table] = []
        for day, t in reader.partitions(items):
            read_days.add(day)
            _collect_hits(ctx, chain, q, subjects, t, found, originals)
            if totals:
                parts.append(partition_totals(t))
        if totals and found:
            rest = _rest_of(chain, found, read_days, originals)
            access(rest)
            for _, t in reader.partitions(rest):
                parts.append(partition_totals(t))
            apply_totals(found, parts)
        all_found.extend(found.values())
    all_found.sort(
        key=lambda c: (
            c.first or c.last or datetime.min.replace(tzinfo=UTC),
            c.source,
            c.tenant,
            c.session_id,
        )
    )
    result.total = len(all_found)
    if who is not None and not all_found:
        result.person_known = archived(ctx, who)
    result.conversations = all_found[:limit] if limit is not None else all_found
    result.objects_read = reader.objects_read
    result.bytes_read = reader.bytes_read
    return result


def _collect_hits(
    ctx: Context,
    chain: Chain,
    q: Query,
    subjects: frozenset[str] | None,
    t: pa.Table,
    found: dict[str, Conversation],
    originals: bool,
) -> None:
    mask = message_mask(t, q, subjects)
    hits = t if mask is None else t.filter(mask)
    if hits.num_rows == 0:
        return
    cols = hits.select(
        ["session_id", "created_at", "message_id", "text", "subject_id", "user_id"]
    ).to_pydict()
    for sid, created, mid, text, subject, uid in zip(*cols.values(), strict=True):
        if sid is None:
            continue
        c = found.get(sid)
        if c is None:
            key = session_key_of(ctx, chain.source_type, sid, sealed=originals) or ""
            c = found[sid] = Conversation(
                chain.source, chain.tenant, chain.source_type, sid, key, None
            )
        c.hits += 1
        if c.person is None:
            c.person = uid if originals else subject
        if c._first_hit is None or (created, mid) < c._first_hit:
            c._first_hit = (created, mid)
            c.snippet = snippet(text, q)


def _rest_of(
    view: Chain,
    found: dict[str, Conversation],
    read_days: set[str],
    originals: bool,
) -> list[Item]:
    """Objects outside the partitions read that may hold more of the matched conversations
    (their session index names one), for the conversations' totals."""
    entries = index_entries(c.session_key for c in found.values() if c.session_key)
    if not entries:
        return []
    return [
        p
        for p in live(view, "messages", originals)
        if p.entry.date not in read_days and p.entry.may_hold_any_session(entries)
    ]


# --- whole conversations (bundles) ---------------------------------------------------------


@dataclass
class Target:
    """What a bundle holds in one stream: sessions by keyed id, and every conversation of
    the people named by pseudonym (user holds)."""

    sessions: set[str] = field(default_factory=set)  # keyed ids (24 hex)
    subjects: set[str] = field(default_factory=set)  # subject ids (64 hex)


#: A session's rows in one object, with their row numbers in it.
Rows = list[tuple[int, dict[str, Any]]]


@dataclass
class Gathered:
    """A stream's rows of the targeted conversations, with the objects they came from."""

    chain: Chain
    #: session id → table → [(object, rows of that session in it)]
    rows: dict[str, dict[str, list[tuple[Placed, Rows]]]]


def gather_plan(
    ctx: Context, targets: dict[tuple[str, str], Target]
) -> list[tuple[Chain, Target, list[Item]]]:
    """Per stream, the sealed session and message objects that may hold the targets, from
    the manifests alone."""
    out = []
    for chain in streams(ctx):
        target = targets.get((chain.source, chain.tenant))
        if target is None or not (target.sessions or target.subjects):
            continue
        sessions = index_entries(target.sessions)
        subjects = index_entries(target.subjects)
        items = [
            p
            for p in chain.live()
            if p.entry.sealed
            and p.entry.table in ("sessions", "messages")
            and (
                (bool(sessions) and p.entry.may_hold_any_session(sessions))
                or (bool(subjects) and p.entry.names_any_subject(subjects))
            )
        ]
        if items:
            out.append((chain, target, items))
    return out


def gather(ctx: Context, planned: list[tuple[Chain, Target, list[Item]]]) -> Iterable[Gathered]:
    """The sealed rows of every targeted conversation (every version), per stream. Call only
    after an access record names the planned objects."""
    reader = ArchiveReader(ctx.store, verifier=ctx.verifier, masked=None, sealed=ctx.sealed)

    def read(item: Item) -> pa.Table:
        return reader.read_table(item.entry)

    for chain, target, items in planned:
        got: dict[str, dict[str, list[tuple[Placed, Rows]]]] = {}
        for placed, t in zip(items, ordered_map(read, items), strict=True):
            sids = pc.unique(t["session_id"]).to_pylist()
            wanted = {
                s
                for s in sids
                if s is not None and ctx.pseudo.record_key("sessions", s) in target.sessions
            }
            mask = pc.is_in(t["session_id"], value_set=pa.array(sorted(wanted), pa.string()))
            if target.subjects:
                mask = pc.or_(
                    mask,
                    pc.is_in(t["subject_id"], value_set=pa.array(sorted(target.subjects))),
                )
            idx = pc.indices_nonzero(pc.fill_null(mask, False))
            by_session: dict[str, Rows] = {}
            for i, r in zip(idx.to_pylist(), t.take(idx).to_pylist(), strict=True):
                if r["session_id"]:
                    by_session.setdefault(r["session_id"], []).append((i, r))
            for sid, rows in by_session.items():
                got.setdefault(sid, {}).setdefault(placed.entry.table, []).append((placed, rows))
        yield Gathered(chain, got)


__all__ = [
    "SENDERS",
    "Conversation",
    "Gathered",
    "Query",
    "SearchResult",
    "Target",
    "describe_query",
    "gather",
    "gather_plan",
    "live",
    "parse_when",
    "search",
    "session_key_of",
    "streams",
]
