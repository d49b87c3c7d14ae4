"""What the crawler needs from a platform: records of one tenant that changed since a time.

A source guarantees that ``changes(tenant, since)`` yields every record whose change time is at
or after ``since`` (it may yield more; the crawler filters). The crawler owns watermarks,
deduplication and state; a source owns auth, pagination and the platform's quirks.

A source that keeps state of its own between runs (``StatefulSource``) puts ``StateMark``s into
the same stream: each says what the state is once every record yielded before it is archived.
The crawler commits the last mark it consumed, so the saved state describes exactly what was
archived, however far ahead of the crawler the source has run.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol, runtime_checkable

from archiver.sources.paging import ScanStats

TABLES = ("users", "sessions", "messages")


@dataclass(frozen=True)
class Record:
    table: str  # one of TABLES
    id: str  # the platform's id of the record
    data: dict[str, Any]  # the record as the platform returned it
    created_at: datetime
    changed_at: datetime  # when this version came to be (update time, or creation if immutable)
    user_id: str | None  # the platform user the record is about (for the subject pseudonym)
    session_id: str | None = None
    # Normalised message fields, for platforms whose text is not a plain ``text`` field
    # (e.g. Kore.ai components). ``None`` means "take it from ``data``".
    text: str | None = None
    sender: str | None = None  # user | bot | agent | system
    attachments: tuple[str, ...] = ()  # media and file URLs of a message, in order
    status: str | None = None  # a session's status when the platform names it differently
    #: Older than the watermark yet never listed by an earlier run (a source catching up on
    #: something it learnt of late): archived even though it lies below the watermark.
    unread: bool = False


@dataclass(frozen=True)
class StateMark:
    """The source's state after every record yielded before this mark (no personal data)."""

    state: dict[str, Any]


Change = Record | StateMark


class Source(Protocol):
    name: str
    type: str

    def tenants(self) -> list[str]: ...

    def changes(self, tenant: str, since: datetime | None) -> Iterator[Change]: ...

    def crawl_started_at(self, tenant: str) -> datetime | None:
        """The platform's clock at the start of the last ``changes`` crawl of this tenant."""
        ...

    def http_stats(self) -> dict[str, int]:
        """Counters of every attempt by status, retries and waits (metrics, benchmarks)."""
        ...

    def request_count(self) -> int: ...

    def scan_stats(self, tenant: str) -> Mapping[str, ScanStats]:
        """List reads of the last ``changes`` crawl of this tenant, by table (the run report's
        pages); empty for a source that reads no lists."""
        ...

    def close(self) -> None: ...


@runtime_checkable
class PlatformLookup(Protocol):
    """A source that can ask its platform whether it knows a user or a session.

    Privacy commands use it to tell a mistyped id from data the crawl has not archived yet.
    Each answer is ``True`` (the platform has it), ``False`` (the platform says it has not) or
    ``None`` (the platform cannot be asked this, or not cheaply: say so, never guess).
    """

    def knows_user(self, tenant: str, user_id: str) -> bool | None: ...

    def knows_session(self, tenant: str, session_id: str) -> bool | None: ...


@runtime_checkable
class StatefulSource(Protocol):
    """A source that carries a little state of its own from run to run (e.g. which sessions the
    platform still calls open), stored in the manifest under ``state["source"]`` next to the
    watermark.

    ``load_state`` is called before ``changes``, with the state of the last committed run; the
    state to commit comes from the ``StateMark``s in ``changes``' stream. The state must hold
    no personal data (no user ids, names or text).
    """

    def load_state(self, tenant: str, state: Mapping[str, Any]) -> None: ...
