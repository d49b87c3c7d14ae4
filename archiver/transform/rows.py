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
    data = record.data
    table = record.table
    subject = pseudo.subject_id(source_type, record.user_id) if record.user_id else None
    memo: dict[str, str] = {}  # the text column and raw often hold the same string
    created, changed = record.created_at, record.changed_at
    # Each copy's dict in one display (most of a run's rows are messages): merging a shared
    # base into each cost more than the dicts themselves.
    if table == "messages":
        text = record.text
        if text is None:
            text = data.get("text") if isinstance(data.get("text"), str) else ""
        sender = record.sender or sender_of(data)
        attachments = record.attachments
        column = masker.column
        sealed = {
            "source": source,
            "tenant": tenant,
            "subject_id": subject,
            "created_at": created,
            "version_time": changed,
            "record_hash": record_hash,
            "sender": sender,
            "message_id": record.id,
            "session_id": record.session_id,
            "text": text,
            "attachments": list(attachments),
        }
        masked = {
            "source": source,
            "tenant": tenant,
            "subject_id": subject,
            "created_at": created,
            "version_time": changed,
            "record_hash": record_hash,
            "sender": sender,
            "message_id": column(source_type, table, "message_id", record.id),
            "session_id": column(source_type, table, "session_id", record.session_id),
            "text": column(source_type, table, "text", str(text), known, memo),
            # Attachment links are part of what was said: masked like the text by default.
            "attachments": [
                a
                for a in (
                    column(source_type, table, "attachments", url, known, memo)
                    for url in attachments
                )
                if a is not None
            ]
            if attachments
            else [],
        }
    else:
        base: dict[str, Any] = {
            "source": source,
            "tenant": tenant,
            "subject_id": subject,
            "created_at": created,
            "version_time": changed,
            "record_hash": record_hash,
        }
        if table == "sessions":
            status = record.status if record.status is not None else data.get("status")
            base |= {"status": _str(status), "updated_at": changed}
            sealed = base | {"session_id": record.id}
            masked = base | {
                "session_id": masker.column(source_type, table, "session_id", record.id)
            }
        else:
            base["updated_at"] = changed
            masked, sealed = dict(base), dict(base)
    masked["raw"] = canonical_json(masker.mask_record(source_type, table, data, known, memo))
    sealed["raw"] = raw if raw is not None else canonical_json(data)
    sealed["user_id"] = record.user_id
    return masked, sealed


def _str(v: Any) -> str | None:
    return None if v is None else str(v).lower()
