"""Applying a masking policy: records and free text in, masked values out, in memory only.

``Masker`` is built once per run from the policy and the pseudonym key and shared by every
stream. ``SubjectValues`` collects, per stream, each person's own profile values (the fields the
policy marks ``known``) so their messages can be searched for them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from archiver.sources.base import Record
from archiver.transform.detectors import Detectors, KnownValues, Span, known_values
from archiver.transform.policy import TERMINAL, PathNode, Policy, Segment, TablePolicy
from archiver.transform.pseudonym import Pseudonymizer, canonical_json

_DROP = object()
FREE_TEXT_COLUMNS = frozenset({"text", "attachments"})
_MAC_CACHE = 100_000
_TEXT_CACHE = 20_000
_TEXT_CACHE_MAX_CHARS = 2_000


class Masker:
    def __init__(self, policy: Policy, pseudo: Pseudonymizer) -> None:
        self.policy = policy
        self.detectors = Detectors(policy.detectors)
        self._pseudo = pseudo
        # Keyed hashes cost an HMAC each; the same ids and values recur record after record.
        self._macs: dict[tuple[str, str, str], str] = {}
        self._texts: dict[str, str] = {}
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

        Chat text repeats (bot templates, greetings, "ok"): when none of the author's own
        values occur in it (a cheap literal check), the result depends on the text alone and
        comes from a bounded cache.
        """
        if known is not None and self.policy.detectors.known and known.find(text):
            return self._render(text, self.detectors.find(text, known))
        out = self._texts.get(text)
        if out is None:
            self.cache_misses += 1
            out = self._render(text, self.detectors.find(text))
            if len(text) <= _TEXT_CACHE_MAX_CHARS:
                if len(self._texts) >= _TEXT_CACHE:
                    self._texts.clear()
                self._texts[text] = out
        else:
            self.cache_hits += 1
        return out

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

    def subject_values(self) -> SubjectValues:
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
        default = "mask" if column in FREE_TEXT_COLUMNS else "keep"
        action = self.policy.table(source_type, table).columns.get(column, default)
        if value is None or action == "keep":
            return value
        if action == "drop":
            return None
        if action == "redact":
            return self.token("REDACTED", "", hashed=False) if value else value
        if action == "pseudonymise":  # ids: the same keyed id wherever the id appears
            return self._pseudo.record_key(column.removesuffix("_id") + "s", value)
        return _Walk(self, source_type, known, memo if memo is not None else {}).text(value)

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
        out: dict[str, Any] = {}
        children = node.children
        for k, v in value.items():
            child = children.get(k)
            r = child.rule if child is not None else None
            if child is None:  # not named by the policy: the enclosing action
                res = self.by_action(action, None, False, v)
            elif r is not None and not child.children and child.items is None:
                res = self.by_action(r.action, r.kind, r.subject, v)  # a named leaf
            else:
                res = self.node(v, child, action)
            if res is not _DROP:
                out[k] = res
        return out

    def by_action(self, action: str, kind: str | None, subject: bool, value: Any) -> Any:
        if action == "keep" or value is None:
            return value
        if action == "mask":
            return self.masked(value)
        return self.masker.apply(action, kind, subject, value, self)


class SubjectValues:
    """Each person's own profile values, learnt from the records of one stream as they pass.

    Sources yield profiles (users, or sessions carrying ``user_info``) before the messages that
    follow them, so a message is masked with everything known about its author so far.
    """

    def __init__(self, masker: Masker) -> None:
        self._masker = masker
        self._values: dict[str, set[tuple[str, str]]] = {}
        self._compiled: dict[str, KnownValues | None] = {}

    def learn(self, source_type: str, record: Record) -> None:
        if record.user_id is None or not self._masker.policy.covers(source_type):
            return
        tp = self._masker.policy.table(source_type, record.table)
        if not tp.known_paths:
            return
        have = self._values.setdefault(record.user_id, set())
        # A full name whose parts are known adds nothing (and would cost a recompile).
        found = {
            (k, v)
            for k, v in _known_in(tp, record.data)
            if not (k == "name" and all(("name", p) in have for p in v.split()))
        }
        if not found <= have:
            have |= found
            self._compiled.pop(record.user_id, None)

    def of(self, user_id: str | None) -> KnownValues | None:
        if user_id is None or user_id not in self._values:
            return None
        if user_id not in self._compiled:
            s = self._masker.policy.detectors
            self._compiled[user_id] = known_values(
                self._values[user_id], min_length=s.known_min_length, regions=s.phone_regions
            )
        return self._compiled[user_id]


def _known_in(tp: TablePolicy, data: dict[str, Any]) -> Iterator[tuple[str, str]]:
    for path, kind in tp.known_paths:
        for v in values_at(data, path):
            if isinstance(v, str) and v.strip():
                yield kind, v.strip()


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
