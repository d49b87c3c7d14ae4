"""Applying a masking policy: records and free text in, masked values out, in memory only.

``Masker`` is built once per run from the policy and the pseudonym key and shared by every
stream. ``SubjectValues`` collects, per stream, each person's own profile values (the fields the
policy marks ``known``) and the names their conversations reveal, so every record of that person
and conversation can be searched for them; it also holds records back until their conversation
has had the chance to reveal a name (``hold``).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Iterator
from typing import Any, Generic, TypeVar

from archiver.sources.base import Record
from archiver.transform.detectors import (
    NAME,
    Detectors,
    DetectorSettings,
    KnownValues,
    Searchable,
    Span,
    json_view,
    known_values,
    mapped,
    pair_key,
    resolve,
    value_kind,
)
from archiver.transform.policy import TERMINAL, PathNode, Policy, Segment, TablePolicy
from archiver.transform.pseudonym import Pseudonymizer, canonical_json

_DROP = object()
FREE_TEXT_COLUMNS = frozenset({"text", "attachments"})
# Keyed hashes a process keeps (cleared when full). Most entries are a few thousand recurring
# token values; the rest are people's subject ids, which grow with the run (2,500 a 100,000
# messages) and which the pseudonymizer also keeps (its own LRU). At 100,000 entries a
# 3M-message run held about 25 MiB per process; 8,192 (filled by about 150,000 messages)
# holds under 3 MiB, and a miss costs one HMAC.
_MAC_CACHE = 8_192
_TEXT_CACHE = 20_000
_TEXT_CACHE_MAX_CHARS = 2_000


class _Seen:
    """One distinct text as the detectors left it (``Masker._scan``)."""

    __slots__ = ("known", "known_masked", "masked", "names", "raw", "searchable", "where")

    def __init__(
        self,
        masked: str,
        names: tuple[str, ...],
        raw: list[Span],
        where: list[int] | None,
        searchable: Searchable,
    ) -> None:
        self.masked = masked
        self.names = names
        self.raw = raw  # unresolved, in the positions of searchable.text (the json_view)
        self.where = where
        self.searchable = searchable
        # The last person's values it was masked with, and the result: a person's bot
        # templates and session summaries repeat in their own records.
        self.known: KnownValues | None = None
        self.known_masked = masked


class Masker:
    def __init__(self, policy: Policy, pseudo: Pseudonymizer) -> None:
        self.policy = policy
        self.detectors = Detectors(policy.detectors)
        self._pseudo = pseudo
        # Keyed hashes cost an HMAC each; the same ids and values recur record after record.
        self._macs: dict[tuple[str, str, str], str] = {}
        # text -> what masking it needs again: its masked form alone, the names in it, the
        # unresolved spans and positions of its json_view, and the view prepared for searching
        # a person's values in it
        self._texts: dict[str, _Seen] = {}
        self._kept: dict[int, tuple[PathNode, frozenset[str]]] = {}  # by the node's id
        self._columns: dict[tuple[str, str, str], str] = {}  # canonical column -> action
        self.cache_hits = self.cache_misses = 0

    def _mac(self, what: str, kind: str, value: str) -> str:
        key = (what, kind, value)
        out = self._macs.get(key)
        if out is None:
            if len(self._macs) >= _MAC_CACHE:
                self._macs.clear()
            if what == "subject":
                out = self._pseudo.subject_id(kind, value)
            else:
                out = self._pseudo.token(kind, value)
            self._macs[key] = out
        return out

    def subject_id(self, source_type: str, user_id: str) -> str:
        """The subject pseudonym (docs/MASKING.md), as in the ``subject_id`` column."""
        return self._mac("subject", source_type, user_id)

    def token(self, kind: str, value: str, *, hashed: bool | None = None) -> str:
        """``<KIND>``, or ``<KIND:3f9a1c2b>`` with a keyed hash of the normalised value."""
        if hashed if hashed is not None else self.policy.token_hash:
            return f"<{kind}:{self._mac('token', kind, value)}>"
        return f"<{kind}>"

    def mask_text(self, text: str, known: KnownValues | None = None) -> str:
        """``text`` with every detected value replaced by its typed token.

        Chat text repeats (bot templates, greetings, "ok"): the detectors scan each distinct
        text once (a bounded cache); when none of the author's own values occur in it (a cheap
        literal check), the masked text comes from that cache too.
        """
        seen = self._scan(text)
        if known is not None and self.policy.detectors.known:
            if seen.known is known:  # the same person's values in the same text again
                return seen.known_masked
            own = self.detectors.known_in(seen.searchable, known)
            out = seen.masked
            if own:
                spans = self.detectors.with_known(seen.searchable.text, seen.raw, own)
                out = self._render(text, mapped(spans, seen.where))
            seen.known, seen.known_masked = known, out
            return out
        return seen.masked

    def names_in(self, text: str) -> tuple[str, ...]:
        """The names the detectors find in ``text`` (case-folded), as ``learn`` needs them; the
        masked text is cached on the way, so masking the same text later costs a lookup."""
        return self._scan(text).names

    def _scan(self, text: str) -> _Seen:
        """What the detectors found in ``text`` alone, from the cache if seen."""
        hit = self._texts.get(text)
        if hit is not None:
            self.cache_hits += 1
            return hit
        self.cache_misses += 1
        view, where = json_view(text)
        raw, searchable = self.detectors.scan_prepared(view)  # in the decoded text's positions
        spans = resolve(raw)
        names = tuple({sp.value for sp in spans if sp.kind == NAME})
        hit = _Seen(self._render(text, mapped(spans, where)), names, raw, where, searchable)
        if len(text) <= _TEXT_CACHE_MAX_CHARS:
            if len(self._texts) >= _TEXT_CACHE:
                self._texts.clear()
            self._texts[text] = hit
        return hit

    def _render(self, text: str, spans: list[Span]) -> str:
        if not spans:
            return text
        out: list[str] = []
        pos = 0
        for sp in spans:
            out.append(text[pos : sp.start])
            out.append(self.token(sp.kind, sp.value))
            pos = sp.end
        out.append(text[pos:])
        return "".join(out)

    def subject_values(self) -> SubjectValues[Any]:
        return SubjectValues(self)

    # -- records ---------------------------------------------------------------------------------

    def mask_record(
        self,
        source_type: str,
        table: str,
        data: dict[str, Any],
        known: KnownValues | None = None,
        memo: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        """The record with the policy applied at every path (unnamed fields: the default)."""
        walk = _Walk(self, source_type, known, memo if memo is not None else {})
        tp = self.policy.table(source_type, table)
        out = walk.node(data, tp.root, tp.default)
        return out if isinstance(out, dict) else {}

    def column(
        self,
        source_type: str,
        table: str,
        column: str,
        value: str | None,
        known: KnownValues | None = None,
        memo: dict[str, str] | None = None,
    ) -> str | None:
        """A canonical column's masked value, by the policy's ``columns`` section."""
        key = (source_type, table, column)
        action = self._columns.get(key)
        if action is None:  # every row asks again: the answer is kept
            default = "mask" if column in FREE_TEXT_COLUMNS else "keep"
            action = self.policy.table(source_type, table).columns.get(column, default)
            self._columns[key] = action
        if value is None or action == "keep":
            return value
        if action == "drop":
            return None
        if action == "redact":
            return self.token("REDACTED", "", hashed=False) if value else value
        if action == "pseudonymise":  # ids: the same keyed id wherever the id appears
            return self._pseudo.record_key(column.removesuffix("_id") + "s", value)
        if memo is None:
            return self.mask_text(value, known)
        out = memo.get(value)
        if out is None:
            out = memo[value] = self.mask_text(value, known)
        return out

    def kept_leaves(self, node: PathNode) -> frozenset[str]:
        """The keys under ``node`` that name a leaf the policy keeps as it is."""
        found = self._kept.get(id(node))
        if found is None or found[0] is not node:
            keep = frozenset(
                k
                for k, c in node.children.items()
                if c.rule is not None
                and c.rule.action == "keep"
                and not c.children
                and c.items is None
            )
            found = self._kept[id(node)] = (node, keep)
        return found[1]

    def apply(
        self, rule_action: str, kind: str | None, subject: bool, value: Any, walk: _Walk
    ) -> Any:
        if value is None:
            return None
        if rule_action == "drop":
            return _DROP
        if rule_action == "keep":
            return value
        if rule_action == "redact":
            return self.token(kind or "REDACTED", "", hashed=False)
        if rule_action == "pseudonymise":
            text = value if isinstance(value, str) else canonical_json(value)
            if subject:
                return self.subject_id(walk.source_type, text)
            return self.token(kind or "ID", text, hashed=True)
        return walk.masked(value)


class _Walk:
    """One record's traversal; ``memo`` masks each distinct string once per record."""

    __slots__ = ("known", "masker", "memo", "source_type")

    def __init__(
        self, masker: Masker, source_type: str, known: KnownValues | None, memo: dict[str, str]
    ) -> None:
        self.masker = masker
        self.source_type = source_type
        self.known = known
        self.memo = memo

    def text(self, value: str) -> str:
        out = self.memo.get(value)
        if out is None:
            out = self.masker.mask_text(value, self.known)
            self.memo[value] = out
        return out

    def masked(self, value: Any) -> Any:
        """``mask`` on any value: strings scanned, containers recursively, long ints as text."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            return {k: self.masked(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.masked(v) for v in value]
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 1_000_000:
            s = str(value)
            out = self.text(s)
            return value if out == s else out
        return value

    def node(self, value: Any, node: PathNode, inherited: str) -> Any:
        rule = node.rule
        action = rule.action if rule is not None else inherited
        if rule is not None and action in TERMINAL:
            return self.masker.apply(action, rule.kind, rule.subject, value, self)
        if node.items is not None:
            items = value if isinstance(value, list) else [value]
            kept = [r for r in (self.node(v, node.items, action) for v in items) if r is not _DROP]
            return kept if isinstance(value, list) else (kept[0] if kept else None)
        if not node.children:
            return self.by_action(action, None, False, value)
        if isinstance(value, list):  # a platform sent a list where one object was documented
            return [r for r in (self.node(v, node, inherited) for v in value) if r is not _DROP]
        if not isinstance(value, dict):
            return self.by_action(action, None, False, value)
        # Most fields of a record are named and kept (ids, times, counters): they are copied
        # with the record, and only the others are worked on, in place (the order stays).
        out: dict[str, Any] = dict(value)
        children = node.children
        keep = self.masker.kept_leaves(node)
        for k, v in value.items():
            if k in keep:
                continue
            child = children.get(k)
            r = child.rule if child is not None else None
            if child is None:  # not named by the policy: the enclosing action
                res = v if v is None or action == "keep" else self.by_action(action, None, False, v)
            elif r is not None and not child.children and child.items is None:  # a named leaf
                a = r.action
                res = v if v is None or a == "keep" else self.by_action(a, r.kind, r.subject, v)
            else:
                res = self.node(v, child, action)
            if res is _DROP:
                del out[k]
            elif res is not v:
                out[k] = res
        return out

    def by_action(self, action: str, kind: str | None, subject: bool, value: Any) -> Any:
        if action == "keep" or value is None:
            return value
        if action == "mask":
            return self.masked(value)
        return self.masker.apply(action, kind, subject, value, self)


T = TypeVar("T")
Ready = list[tuple[Record, T, KnownValues | None]]


class SubjectValues(Generic[T]):
    """What one stream knows about each person and conversation, learnt as records pass.

    - Profile values: the fields the policy marks ``known`` (Peki users, Selise ``user_info``,
      Kore.ai ``userTags`` and ``channelUId``), per person.
    - Learned names: names the detectors find in a message's text (by cue, title, sign-off or
      signature), per person and per conversation (session).

    ``hold`` keeps records back, grouped by conversation, until ``hold_records`` are waiting
    (then the conversation untouched longest goes) or the stream ends (``drain``); a record
    leaves with everything known by then, so a name revealed late in a conversation is also
    masked in its earlier messages, and a profile read after a person's messages still covers
    them. Nothing is learnt across runs: see docs/MASKING.md.
    """

    def __init__(self, masker: Masker) -> None:
        self._masker = masker
        s: DetectorSettings = masker.policy.detectors
        self._settings = s
        self._pairs = dict(s.pair_names)
        self._learn = s.learn and s.names is not None
        self._hold = s.learn_hold_records if s.learn else 0
        self._values: dict[str, set[tuple[str, str]]] = {}  # person or conversation -> values
        self._version: dict[str, int] = {}
        self._compiled: dict[tuple[str, str], tuple[tuple[int, int], KnownValues | None]] = {}
        self._held: OrderedDict[str, list[tuple[Record, T]]] = OrderedDict()
        self._held_count = 0
        self._tables: dict[tuple[str, str], TablePolicy | None] = {}

    def _known_paths(self, source_type: str, table: str) -> TablePolicy | None:
        key = (source_type, table)
        try:
            return self._tables[key]  # one lookup for every record after the first
        except KeyError:
            pass
        policy = self._masker.policy
        tp = policy.table(source_type, table) if policy.covers(source_type) else None
        self._tables[key] = tp = tp if tp is not None and tp.known_paths else None
        return tp

    def learn(self, source_type: str, record: Record, names: tuple[str, ...] | None = None) -> None:
        """Learn ``record``'s profile values and the names in its text. ``names``: what a
        worker's scan of that text (``learned_text``) already found; None: scanned here."""
        if record.user_id is not None:
            tp = self._known_paths(source_type, record.table)
            if tp is not None:
                person = "u:" + record.user_id
                have = self._values.get(person, set())
                # A full name whose parts are known adds nothing (and would cost a recompile).
                found = {
                    (k, v)
                    for k, v in _known_in(tp, record.data, self._pairs, self._settings)
                    if not (k == "name" and all(("name", p) in have for p in v.split()))
                }
                self._add(person, found)
        if self._learn and record.table == "messages":
            text = record.text if record.text is not None else record.data.get("text")
            if isinstance(text, str) and text:
                if names is None:
                    names = self._masker.names_in(text)
                if names:
                    found = {("name", n) for n in names}
                    if record.user_id is not None:
                        self._add("u:" + record.user_id, found)
                    if record.session_id is not None:
                        self._add("s:" + record.session_id, found)

    def _add(self, key: str, found: set[tuple[str, str]]) -> None:
        have = self._values.get(key)
        if have is None:
            self._values[key] = have = set()
        if not found <= have:
            have |= found
            self._version[key] = self._version.get(key, 0) + 1

    def of(self, user_id: str | None, session_id: str | None = None) -> KnownValues | None:
        """Everything known for a record of this person in this conversation."""
        person = "u:" + user_id if user_id is not None else ""
        talk = "s:" + session_id if session_id is not None else ""
        if person not in self._values and talk not in self._values:
            return None
        if person in self._values and self._values.get(talk, set()) <= self._values[person]:
            talk = ""  # the conversation taught nothing its author's values lack: theirs do
        version = (self._version.get(person, 0), self._version.get(talk, 0))
        cached = self._compiled.get((person, talk))
        if cached is not None and cached[0] == version:
            return cached[1]
        values = self._values.get(person, set()) | self._values.get(talk, set())
        s = self._settings
        compiled = known_values(
            values,
            min_length=s.known_min_length,
            regions=s.phone_regions,
            misspelt_min_length=s.known_misspelt_min_length,
        )
        self._compiled[(person, talk)] = (version, compiled)
        return compiled

    def hold(self, record: Record, payload: T) -> Ready[T]:
        """``record`` and ``payload`` with what is known for them, when that is final enough:
        now without holding; else whatever leaves the hold to make room (maybe nothing)."""
        group = record.session_id or record.user_id
        if self._hold <= 0 or group is None:
            return [(record, payload, self.of(record.user_id, record.session_id))]
        waiting = self._held.get(group)
        if waiting is None:
            self._held[group] = waiting = []
        else:
            self._held.move_to_end(group)
        waiting.append((record, payload))
        self._held_count += 1
        out: Ready[T] = []
        while self._held_count > self._hold:
            _, oldest = self._held.popitem(last=False)
            self._held_count -= len(oldest)
            self._release(oldest, out)
        return out

    def drain(self) -> Ready[T]:
        """Every record still held, with everything known at the end of the stream."""
        out: Ready[T] = []
        while self._held:
            _, group = self._held.popitem(last=False)
            self._release(group, out)
        self._held_count = 0
        return out

    def _release(self, group: list[tuple[Record, T]], out: Ready[T]) -> None:
        known: dict[tuple[str | None, str | None], KnownValues | None] = {}
        for r, p in group:
            key = (r.user_id, r.session_id)
            if key not in known:
                known[key] = self.of(*key)
            out.append((r, p, known[key]))


def _known_in(
    tp: TablePolicy, data: dict[str, Any], pairs: dict[str, str], s: DetectorSettings
) -> Iterator[tuple[str, str]]:
    for path, kind in tp.known_paths:
        for v in values_at(data, path):
            if kind == "pair":
                if not isinstance(v, dict):
                    continue
                name, v = v.get("name"), v.get("value")
                if not isinstance(v, str) or not v.strip():
                    continue
                k = pairs.get(pair_key(name)) if isinstance(name, str) else None
                k = k or value_kind(v, s.phone_regions)
            elif not isinstance(v, str) or not v.strip():
                continue
            else:
                k = value_kind(v, s.phone_regions) if kind == "auto" else kind
            if k is not None:
                yield k, v.strip()


def values_at(data: Any, path: Iterable[Segment]) -> Iterator[Any]:
    """Every value at a field path (``[]`` segments fan out over list elements)."""
    level = [data]
    for key, each in path:
        nxt: list[Any] = []
        for v in level:
            if isinstance(v, dict) and key in v:
                got = v[key]
                if each and isinstance(got, list):
                    nxt.extend(got)
                else:
                    nxt.append(got)
        level = nxt
    yield from level
