"""One platform record → one masked row and one sealed row of the table contract.

The masked row is built entirely in memory from the policy (canonical columns and ``raw``);
the sealed row keeps the record exactly as the platform sent it, plus the platform user id.
"""

from __future__ import annotations

from typing import Any

from archiver.sources.base import Record
from archiver.transform.detectors import KnownValues
from archiver.transform.mask import Masker
from archiver.transform.pseudonym import Pseudonymizer, canonical_json

_SENDER = {
    "user": "user",
    "bot": "bot",
    "agent": "agent",
    "system": "system",
    "incoming": "user",
    "outgoing": "bot",
    "assistant": "bot",
}


def sender_of(data: dict[str, Any]) -> str:
    raw = str(data.get("senderType") or data.get("role") or data.get("type") or "").lower()
    return _SENDER.get(raw, "system")


def build_rows(
    *,
    source: str,
    source_type: str,
    tenant: str,
    record: Record,
    record_hash: str,
    pseudo: Pseudonymizer,
    masker: Masker,
    known: KnownValues | None = None,
    raw: str | None = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The masked and the sealed row of ``record``, each a dict by column name."""
    if record.table == "messages":
        masked, sealed = message_values(
            source=source,
            source_type=source_type,
            tenant=tenant,
            record=record,
            record_hash=record_hash,
            pseudo=pseudo,
            masker=masker,
            known=known,
            raw=raw,
        )
        return dict(zip(MESSAGE_MASKED_COLUMNS, masked, strict=True)), dict(
            zip(MESSAGE_SEALED_COLUMNS, sealed, strict=True)
        )
    return other_rows(source, source_type, tenant, record, record_hash, pseudo, masker, known, raw)


#: The columns of a message's masked and sealed row in the order of their table's schema
#: (``archive.tables.schema_for``), as ``message_values`` gives them: the layer that knows
#: both checks that they agree (``crawl.workers``) and a test does too.
MESSAGE_MASKED_COLUMNS = (
    "source",
    "tenant",
    "message_id",
    "session_id",
    "subject_id",
    "sender",
    "text",
    "attachments",
    "created_at",
    "version_time",
    "record_hash",
    "raw",
)
MESSAGE_SEALED_COLUMNS = (*MESSAGE_MASKED_COLUMNS, "user_id")


def message_values(
    *,
    source: str,
    source_type: str,
    tenant: str,
    record: Record,
    record_hash: str,
    pseudo: Pseudonymizer,
    masker: Masker,
    known: KnownValues | None = None,
    raw: str | None = None,
) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """``build_rows``' two rows of a message as their values in the order of
    ``MESSAGE_MASKED_COLUMNS`` and ``MESSAGE_SEALED_COLUMNS``, as the writer's Arrow columns
    take them. Most of a run's rows are messages: theirs are built as tuples at once, without
    the two dicts and the look-up of every column in them (about 1 µs a message of a worker's
    CPU)."""
    table = record.table
    data = record.data
    subject = pseudo.subject_id(source_type, record.user_id) if record.user_id else None
    memo: dict[str, str] = {}  # the text column and raw often hold the same string
    created, changed = record.created_at, record.changed_at
    text = record.text
    if text is None:
        text = data.get("text") if isinstance(data.get("text"), str) else ""
    sender = record.sender or sender_of(data)
    attachments = record.attachments
    column = masker.column
    # The masked columns in the order the masking ran when rows were dicts: message and
    # session id, text, attachments, then the raw record (they share ``memo``).
    message_id = column(source_type, table, "message_id", record.id)
    session_id = column(source_type, table, "session_id", record.session_id)
    masked_text = column(source_type, table, "text", str(text), known, memo)
    # Attachment links are part of what was said: masked like the text by default.
    masked_attachments = (
        [
            a
            for a in (
                column(source_type, table, "attachments", url, known, memo) for url in attachments
            )
            if a is not None
        ]
        if attachments
        else []
    )
    masked_raw = canonical_json(masker.mask_record(source_type, table, data, known, memo))
    # source, tenant, message_id, session_id, subject_id, sender, text, attachments,
    # created_at, version_time, record_hash, raw (+ user_id, sealed)
    masked = (
        source,
        tenant,
        message_id,
        session_id,
        subject,
        sender,
        masked_text,
        masked_attachments,
        created,
        changed,
        record_hash,
        masked_raw,
    )
    sealed = (
        source,
        tenant,
        record.id,
        record.session_id,
        subject,
        sender,
        text,
        list(attachments),
        created,
        changed,
        record_hash,
        raw if raw is not None else canonical_json(data),
        record.user_id,
    )
    return masked, sealed


def other_rows(
    source: str,
    source_type: str,
    tenant: str,
    record: Record,
    record_hash: str,
    pseudo: Pseudonymizer,
    masker: Masker,
    known: KnownValues | None,
    raw: str | None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The rows of a session or a user (any table but messages)."""
    data = record.data
    table = record.table
    subject = pseudo.subject_id(source_type, record.user_id) if record.user_id else None
    memo: dict[str, str] = {}
    changed = record.changed_at
    base: dict[str, Any] = {
        "source": source,
        "tenant": tenant,
        "subject_id": subject,
        "created_at": record.created_at,
        "version_time": changed,
        "record_hash": record_hash,
    }
    if table == "sessions":
        status = record.status if record.status is not None else data.get("status")
        base |= {"status": _str(status), "updated_at": changed}
        sealed = base | {"session_id": record.id}
        masked = base | {"session_id": masker.column(source_type, table, "session_id", record.id)}
    else:
        base["updated_at"] = changed
        masked, sealed = dict(base), dict(base)
    masked["raw"] = canonical_json(masker.mask_record(source_type, table, data, known, memo))
    sealed["raw"] = raw if raw is not None else canonical_json(data)
    sealed["user_id"] = record.user_id
    return masked, sealed


def _str(v: Any) -> str | None:
    return None if v is None else str(v).lower()
