"""One platform record → one masked row and one sealed row of the table contract."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from archiver.sources.base import Record
from archiver.transform.mask import mask_record, mask_text
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
    known: Iterable[str] = (),
) -> tuple[dict[str, Any], dict[str, Any]]:
    data = record.data
    subject = pseudo.subject_id(source_type, record.user_id) if record.user_id else None
    known = tuple(known)
    masked_raw = mask_record(source_type, record.table, data, known)
    base: dict[str, Any] = {
        "source": source,
        "tenant": tenant,
        "subject_id": subject,
        "created_at": record.created_at,
        "version_time": record.changed_at,
        "record_hash": record_hash,
    }
    if record.table == "messages":
        text = record.text
        if text is None:
            text = data.get("text") if isinstance(data.get("text"), str) else ""
        base |= {
            "message_id": record.id,
            "session_id": record.session_id,
            "sender": record.sender or sender_of(data),
        }
        masked = base | {"text": mask_text(str(text), known)}
        sealed = base | {"text": text}
    elif record.table == "sessions":
        base |= {
            "session_id": record.id,
            "status": _str(data.get("status")),
            "updated_at": record.changed_at,
        }
        masked, sealed = dict(base), dict(base)
    else:
        base |= {"updated_at": record.changed_at}
        masked, sealed = dict(base), dict(base)
    masked["raw"] = canonical_json(masked_raw)
    sealed["raw"] = canonical_json(data)
    sealed["user_id"] = record.user_id
    return masked, sealed


def _str(v: Any) -> str | None:
    return None if v is None else str(v).lower()
