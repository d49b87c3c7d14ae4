"""Which rows are one person's, for erasure and export: every row of their conversations.

A row's own ``subject_id`` is not enough: a platform may commit a row without a user (a bot
reply authored by the bot before the session's user was known, an answer that left the user
out) in a conversation whose other rows name the person. Such a row may quote them, and its
sealed copy holds the original, so it is theirs too. A conversation is the person's when any
row of it names them; its rows are found through the session index of each object (the keyed
session id), whatever their own subject.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from archiver.archive.catalog import ObjectEntry
from archiver.transform.pseudonym import Pseudonymizer


@dataclass
class Conversations:
    """One person's rows in one stream: their pseudonyms, and the sessions in which a row
    names them (keyed id → platform id), learnt from the sealed copies."""

    pseudo: Pseudonymizer
    subjects: frozenset[str]
    sessions: dict[str, str] = field(default_factory=dict)

    def named_in(self, entry: ObjectEntry) -> bool:
        """Whether the object's subject index names the person."""
        return entry.names_subject(self.subjects)

    def learn(self, row: dict[str, Any]) -> None:
        """Take note of the row's session when the row names the person (sealed rows: the
        platform's session id)."""
        sid = row.get("session_id")
        if sid and row.get("subject_id") in self.subjects:
            self.sessions[self._key(sid)] = sid

    def may_hold(self, entry: ObjectEntry) -> bool:
        """Whether the object may hold rows of the person's conversations: its subject index
        names them, or its session index names one of their sessions (an object written
        before the session index existed has none to tell, so it may)."""
        return self.named_in(entry) or any(entry.may_hold_session(k) for k in self.sessions)

    def owns(self, row: dict[str, Any]) -> bool:
        """Whether a sealed row is the person's: it names them, or it belongs to one of their
        conversations."""
        if row.get("subject_id") in self.subjects:
            return True
        sid = row.get("session_id")
        return isinstance(sid, str) and self.holds_session(sid)

    def holds_session(self, session_id: str) -> bool:
        """Whether the session (a platform session id) is one of the person's conversations."""
        return bool(session_id) and self._key(session_id) in self.sessions

    def _key(self, session_id: str) -> str:
        return self.pseudo.record_key("sessions", session_id)
