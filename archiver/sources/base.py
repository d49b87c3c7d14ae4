"""What the crawler needs from a platform: records of one tenant that changed since a time.

A source guarantees that ``changes(tenant, since)`` yields every record whose change time is at
or after ``since`` (it may yield more; the crawler filters). The crawler owns watermarks,
deduplication and state; a source owns auth, pagination and the platform's quirks.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol, runtime_checkable

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


class Source(Protocol):
    name: str
    type: str

    def tenants(self) -> list[str]: ...

    def changes(self, tenant: str, since: datetime | None) -> Iterator[Record]: ...

    def crawl_started_at(self, tenant: str) -> datetime | None:
        """The platform's clock at the start of the last ``changes`` crawl of this tenant."""
        ...

    def http_stats(self) -> dict[str, int]:
        """Counters of every attempt by status, retries and waits (metrics, benchmarks)."""
        ...

    def request_count(self) -> int: ...

    def close(self) -> None: ...


@runtime_checkable
class StatefulSource(Protocol):
    """A source that carries a little state of its own from run to run (e.g. which sessions were
    still open), stored in the manifest under ``state["source"]`` next to the watermark.

    ``load_state`` is called before ``changes``; ``save_state`` after it, also when the crawl
    stopped early, so it must describe what the next run still has to look at. The state must
    hold no personal data (no user ids, names or text).
    """

    def load_state(self, tenant: str, state: Mapping[str, Any]) -> None: ...

    def save_state(self, tenant: str) -> dict[str, Any]: ...
