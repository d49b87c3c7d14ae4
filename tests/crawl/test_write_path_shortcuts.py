"""The write path's shortcuts give what the plain computation gives, for any rows."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archiver.archive import writer
from archiver.archive.crypto import build_keyring, generate_aes_key_file
from archiver.archive.store_local import LocalStore
from archiver.archive.tables import arrow_sizes, row_size, schema_for
from archiver.config import KeyringSpec
from archiver.crawl.workers import RowColumns

T0 = datetime(2025, 3, 1, tzinfo=UTC)


def _message(i: int, hours: int, text: str, session: int) -> dict[str, Any]:
    ts = T0 + timedelta(hours=hours)
    return {
        "source": "s",
        "tenant": "t",
        "message_id": f"m{i}",
        "session_id": f"s{session}",
        "subject_id": f"{session % 3:064x}",
        "sender": "user",
        "text": text,
        "attachments": [],
        "created_at": ts,
        "version_time": ts,
        "record_hash": f"{i:064x}",
        "raw": "{}",
    }


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_columns_sharing_arrays_make_the_tables_built_from_the_rows(data: Any) -> None:
    """Masked and sealed columns that hold the very same objects share one Arrow array: the
    batches equal the tables built row by row from the same values, whichever columns share
    objects, hold equal but distinct ones, or nulls."""
    table = data.draw(st.sampled_from(["messages", "sessions", "users"]))
    masked_schema, sealed_schema = schema_for(table, False), schema_for(table, True)
    times = [T0 + timedelta(hours=h) for h in range(3)]
    texts = ["a", "b", "a" * 3, "é€😀"]
    cols = RowColumns(table)
    masked_rows, sealed_rows = [], []
    for _ in range(data.draw(st.integers(0, 12))):
        row: dict[str, Any] = {}
        for f in sealed_schema:
            if f.type == pa.list_(pa.string()):
                row[f.name] = data.draw(st.lists(st.sampled_from(texts), max_size=2))
            elif pa.types.is_timestamp(f.type):
                row[f.name] = data.draw(st.sampled_from(times))
            else:
                row[f.name] = data.draw(st.one_of(st.none(), st.sampled_from(texts)))
        masked = {f.name: row[f.name] for f in masked_schema}
        for f in masked_schema:  # some masked values differ, some equal but not the same
            choice = data.draw(st.sampled_from(["same", "copy", "other"]))
            if choice == "copy" and isinstance(masked[f.name], str):
                masked[f.name] = "".join(list(masked[f.name]))
            elif choice == "other" and not pa.types.is_list(f.type):
                masked[f.name] = None
        masked_rows.append(masked)
        sealed_rows.append(row)
        cols.masked.append(tuple(masked[n] for n in masked_schema.names))
        cols.sealed.append(tuple(row[n] for n in sealed_schema.names))
        cols.sessions.append(None)
    got = cols.batch()
    assert got.masked.equals(pa.Table.from_pylist(masked_rows, schema=masked_schema))
    assert got.sealed.equals(pa.Table.from_pylist(sealed_rows, schema=sealed_schema))
    assert got.masked.schema == masked_schema and got.sealed.schema == sealed_schema
    # Each row's size, computed in Arrow, is the one the writer counts for a row added alone.
    assert list(got.masked_sizes) == [row_size(r) for r in masked_rows]
    assert list(got.sealed_sizes) == [row_size(r) for r in sealed_rows]


@settings(max_examples=40, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.one_of(st.none(), st.text()),
            st.lists(st.one_of(st.none(), st.text(max_size=5)), max_size=3),
            st.one_of(st.none(), st.just(T0)),
        ),
        max_size=20,
    )
)
def test_a_rows_size_is_the_bytes_its_values_take_in_arrow(
    rows: list[tuple[str | None, list[str | None], datetime | None]],
) -> None:
    """The size a part is cut by is what the rows hold in Arrow buffers: their data and
    offsets (non-ASCII text by its UTF-8 bytes), short of validity bitmaps, the first offset
    of each column and a null's slot in a fixed-width column."""
    schema = pa.schema(
        [("t", pa.string()), ("l", pa.list_(pa.string())), ("ts", pa.timestamp("ms", tz="UTC"))]
    )
    dicts = [{"t": t, "l": lst, "ts": ts} for t, lst, ts in rows]
    data = pa.Table.from_pylist(dicts, schema=schema).combine_chunks()
    counted = sum(row_size(r) for r in dicts)
    n, nested = len(rows), sum(len(lst) for _, lst, _ in rows)
    slack = 4 * (n + nested) + 4 + 4 + 2 * ((n + 7) // 8) + (nested + 7) // 8 + 64 * 4
    assert counted <= data.nbytes + 4 * n <= counted + slack
    assert data.nbytes >= sum(len((t or "").encode()) for t, _, _ in rows)
    batches = data.to_batches()
    if batches:
        assert arrow_sizes(batches[0]) == [row_size(r) for r in dicts]


def _writer(root: Path, background_buffers: int | None = None) -> writer.StreamWriter:
    key = root / "k.key"
    generate_aes_key_file(key)
    ring = build_keyring([KeyringSpec(type="raw-aes", key_name="k", file=key)])
    return writer.StreamWriter(
        store=LocalStore(root / "store"),
        masked=ring,
        sealed=ring,
        source="s",
        tenant="t",
        run_id="r",
        part_size_bytes=1 << 30,
        part_rows=10**6,
        session_index=lambda sid: sid[:4],
        background_buffers=background_buffers,
    )


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(
        st.tuples(st.integers(0, 24 * 12), st.text(max_size=30), st.integers(0, 6)),
        min_size=1,
        max_size=60,
    ),
)
def test_the_final_flush_in_a_window_of_threads_writes_what_one_thread_writes(
    rows: list[tuple[int, str, int]],
) -> None:
    """The end-of-crawl flush cuts partitions as threads become free and lets each go once
    written: the same objects, in the same part order, with the same bytes and indexes, as
    writing every buffer's partitions one after another in one thread."""
    with tempfile.TemporaryDirectory() as d1, tempfile.TemporaryDirectory() as d2:
        window, one = _writer(Path(d1)), _writer(Path(d2), background_buffers=0)
        for w in (window, one):
            for i, (hours, text, session) in enumerate(rows):
                masked = _message(i, hours, text, session)
                table = "sessions" if i % 5 == 4 else "messages"
                if table == "sessions":
                    masked = {k: masked[k] for k in schema_for(table, False).names if k in masked}
                    masked |= {"status": "open", "updated_at": masked["created_at"]}
                w.add(table, masked, masked | {"user_id": f"u{session}"})
        window.flush()
        for sealed, table in sorted(one._buffers):
            one._flush(sealed, table)
        facts = [
            [(e.key, e.rows, e.plaintext_sha256, e.sessions) for e in w.objects]
            for w in (window, one)
        ]
    assert facts[0] == facts[1]
    assert len(facts[0]) >= 2 * len({(T0 + timedelta(hours=h)).date() for h, _, _ in rows})


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    texts=st.lists(st.text(max_size=400), min_size=1, max_size=80),
    bound=st.integers(1_000, 20_000),
)
def test_a_part_is_cut_at_the_buffer_bound_whatever_the_part_size_allows(
    texts: list[str], bound: int
) -> None:
    """With a part size and row count that never fill, the Arrow buffer bound still cuts
    parts: no part holds more than the bound plus its last row, and every row is written
    once, in order."""
    with tempfile.TemporaryDirectory() as d:
        root = Path(d)
        key = root / "k.key"
        generate_aes_key_file(key)
        ring = build_keyring([KeyringSpec(type="raw-aes", key_name="k", file=key)])
        w = writer.StreamWriter(
            store=LocalStore(root / "store"),
            masked=ring,
            sealed=ring,
            source="s",
            tenant="t",
            run_id="r",
            part_size_bytes=1 << 30,
            part_rows=10**6,
            buffer_bytes=bound,
        )
        rows = [_message(i, 0, text, i % 4) for i, text in enumerate(texts)]
        for row in rows:
            w.add("messages", row, row | {"user_id": "u"})
        w.flush()
        masked = [e for e in w.objects if not e.sealed]
        sizes = [row_size(r) for r in rows]
        at = 0
        for e in masked:  # parts in order: each takes the next rows
            part = sizes[at : at + e.rows]
            assert sum(part[:-1]) < bound
            at += e.rows
        assert at == len(rows)
        assert len(masked) >= sum(sizes) // (bound + max(sizes))
