"""Rows as their values in column order, and records unpacked in a worker: the same as before."""

from __future__ import annotations

import dataclasses
import pickle
from datetime import UTC, datetime, timedelta
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.archive.catalog import index_entry
from archiver.archive.tables import row_values as row_of
from archiver.archive.tables import schema_for
from archiver.crawl.workers import RowColumns, pack, unpack
from archiver.sources.base import Record
from archiver.transform.mask import Masker
from archiver.transform.policy import load_policy
from archiver.transform.pseudonym import Pseudonymizer, canonical_json
from archiver.transform.rows import (
    MESSAGE_MASKED_COLUMNS,
    MESSAGE_SEALED_COLUMNS,
    build_rows,
    message_values,
    sender_of,
)

PSEUDO = Pseudonymizer(b"r" * 32)
MASKER = Masker(load_policy(), PSEUDO)
T0 = datetime(2025, 3, 1, tzinfo=UTC)

_texts = st.sampled_from(
    [
        "hello",
        "write to me at jane.doe@example.com",
        "call +90 532 123 45 67 tomorrow",
        "my card is 4111 1111 1111 1111",
        "ok",
        "",
    ]
)
_ids = st.text(alphabet="abcdef0123456789", min_size=1, max_size=8)


@st.composite
def _records(draw: st.DrawFn) -> Record:
    table = draw(st.sampled_from(["messages", "messages", "sessions", "users"]))
    rid = draw(_ids)
    user = draw(st.none() | _ids)
    created = T0 + timedelta(seconds=draw(st.integers(0, 10**6)))
    changed = draw(st.sampled_from([created, created + timedelta(minutes=5)]))
    data: dict[str, Any] = {"id": rid, "chatUserId": user}
    if table == "messages":
        data |= {
            "text": draw(_texts | st.none() | st.integers(0, 5)),
            "senderType": draw(st.sampled_from(["User", "Bot", "agent", "", "other"])),
            "url": draw(st.none() | st.just("https://example.com/a?token=jane.doe@example.com")),
        }
    else:
        data |= {"status": draw(st.sampled_from(["OPEN", "closed", None])), "summary": "hi"}
    return Record(
        table,
        rid,
        data,
        created,
        changed,
        user_id=user,
        session_id=draw(st.none() | _ids),
        text=draw(st.none() | _texts),
        sender=draw(st.none() | st.sampled_from(["user", "bot"])),
        attachments=tuple(
            draw(st.lists(st.sampled_from(["https://x.io/a.png", "mailto:jo@example.com"])))
        ),
        status=draw(st.none() | st.just("open")),
        unread=draw(st.booleans()),
    )


def _rows(rec: Record, known: Any = None) -> tuple[dict[str, Any], dict[str, Any]]:
    return build_rows(
        source="src",
        source_type="peki",
        tenant="bot",
        record=rec,
        record_hash="h" * 64,
        pseudo=PSEUDO,
        masker=MASKER,
        known=known,
        raw=canonical_json(rec.data),
    )


@settings(max_examples=150, deadline=None)
@given(_records())
def test_each_column_of_a_row_holds_what_its_name_says(rec: Record) -> None:
    """Built as tuples in column order, a row still puts each value under its column: the
    dicts of ``build_rows`` are read by name here, against what each column is."""
    masked, sealed = _rows(rec)
    table = rec.table
    assert set(masked) == set(schema_for(table, False).names)
    assert set(sealed) == set(schema_for(table, True).names)
    subject = PSEUDO.subject_id("peki", rec.user_id) if rec.user_id else None
    for row in (masked, sealed):
        assert (row["source"], row["tenant"], row["subject_id"]) == ("src", "bot", subject)
        assert (row["version_time"], row["record_hash"]) == (rec.changed_at, "h" * 64)
        assert row["created_at"] == rec.created_at
    assert sealed["raw"] == canonical_json(rec.data) and sealed["user_id"] == rec.user_id
    assert masked["raw"] == canonical_json(MASKER.mask_record("peki", table, rec.data))
    if table == "messages":
        text = rec.text if rec.text is not None else rec.data.get("text")
        text = text if isinstance(text, str) else ""
        assert (sealed["message_id"], sealed["session_id"]) == (rec.id, rec.session_id)
        assert sealed["sender"] == masked["sender"] == (rec.sender or sender_of(rec.data))
        assert sealed["text"] == text and masked["text"] == MASKER.mask_text(text)
        assert sealed["attachments"] == list(rec.attachments)
        assert masked["attachments"] == [MASKER.mask_text(a) for a in rec.attachments]
        assert masked["message_id"] == MASKER.column("peki", table, "message_id", rec.id)
        assert masked["session_id"] == MASKER.column("peki", table, "session_id", rec.session_id)
    if table != "messages":
        return
    # A message's values in column order are the dicts' values read by column name.
    values = message_values(
        source="src",
        source_type="peki",
        tenant="bot",
        record=rec,
        record_hash="h" * 64,
        pseudo=PSEUDO,
        masker=MASKER,
        raw=canonical_json(rec.data),
    )
    assert values == (row_of(masked, table, False), row_of(sealed, table, True))


@settings(max_examples=40, deadline=None)
@given(st.lists(_records(), min_size=1, max_size=12))
def test_row_columns_make_the_batches_the_rows_by_name_make(recs: list[Record]) -> None:
    """A table's rows laid out column-wise are the Arrow rows of ``build_rows``' dicts, and
    each row's session index entry is its sealed session id's."""
    for table in {r.table for r in recs}:
        mine = [r for r in recs if r.table == table]
        cols = RowColumns(table)
        for r in mine:
            cols.add(
                PSEUDO, MASKER, ("src", "peki", "bot"), r, canonical_json(r.data), "h" * 64, None
            )
        masked, sealed = cols._batches()
        dicts = [_rows(r) for r in mine]
        assert masked.equals(
            pa.RecordBatch.from_pylist([m for m, _ in dicts], schema=schema_for(table, False))
        )
        assert sealed.equals(
            pa.RecordBatch.from_pylist([s for _, s in dicts], schema=schema_for(table, True))
        )
        sessions = [s.get("session_id") for _, s in dicts]
        assert cols.sessions == [
            index_entry(PSEUDO.record_key("sessions", s)) if s else None for s in sessions
        ]


@settings(max_examples=100, deadline=None)
@given(st.lists(_records(), max_size=5))
def test_a_record_unpacked_is_the_record_packed(recs: list[Record]) -> None:
    """``unpack`` skips the dataclass's ``__init__``: the record it makes is the same, field
    by field and in the order of its fields, pickles the same, and stays frozen."""
    back = [unpack(p) for p in pack(recs)]
    assert back == recs
    for a, b in zip(back, recs, strict=True):
        assert type(a) is Record and list(vars(a).items()) == list(vars(b).items())
        assert pickle.dumps(a) == pickle.dumps(b)
        with pytest.raises(dataclasses.FrozenInstanceError):
            a.id = "other"  # type: ignore[misc]


def test_the_message_columns_rows_writes_are_the_schemas() -> None:
    """``rows`` (no layer of the archive's) writes a message's values in the schema's order."""
    assert tuple(schema_for("messages", False).names) == MESSAGE_MASKED_COLUMNS
    assert tuple(schema_for("messages", True).names) == MESSAGE_SEALED_COLUMNS
