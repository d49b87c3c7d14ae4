"""Search speed on a large archive: by person, by date range, full text.

    .venv/bin/python bench/discovery_speed.py [--messages 3000000] [--streams 3] [--days 365]
        [--archive DIR] [--repeat 3]

The archive is generated directly through the archive writer (``write_object`` and signed
manifests, exactly the objects and manifests a crawl commits), not by crawling a simulator:
a crawl of 3M messages would take hours at API speed, and the search reads only what the
writer produces. Each stream is one tenant of a platform type, with ``--days`` date
partitions, conversations of 2-10 messages on one day, people with 1-4 conversations over
the period, one manifest per 30 days (a monthly run), the default part size (200,000 rows).
Rows are masked and sealed copies of the same synthetic text (masking itself is not what is
measured); a word (``recall``) is planted in one message of 1 in 400 conversations.
``--archive DIR`` writes the archive there (replacing what is there) and keeps it.

Measured, each the median of ``--repeat`` runs in this process (a new ``Context`` each time,
so every search reads and checks the manifest chains itself):

- *manifests only*: reading and checking every chain (what every search pays first): the
  baseline of the person search;
- *by person*: one person with several conversations (masked rows, ``--user-id``);
- *by date range*: 7, 30 and 90 days (masked rows, ``--from/--to``), against the partitions
  in range;
- *full text*: ``--text recall`` over one stream (1M messages at the default size), over masked
  rows and over the originals, and over every stream;
- the matching step alone over the same decrypted Arrow columns of one stream: pyarrow
  compute (what search uses) against DuckDB (if installed) on the same Arrow table.

Every search's result is checked against what the generator planted (no miss, no extra).
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pyarrow as pa
import pyarrow.compute as pc

from archiver.archive import layout
from archiver.archive.catalog import (
    Manifest,
    ObjectEntry,
    Partition,
    RunInfo,
    StreamId,
    commit_next,
    index_entry,
)
from archiver.archive.catalog.model import as_table
from archiver.archive.writer import write_object
from archiver.config import load_config
from archiver.context import Context
from archiver.ops import discovery
from archiver.ops.discovery import Query, search
from archiver.ops.init import init_dir, sealed_private_key_path
from archiver.timeutil import format_ts

TYPES = ("peki", "kore", "selise")
WORDS = [
    "order",
    "delivery",
    "invoice",
    "account",
    "payment",
    "refund",
    "parcel",
    "kettle",
    "warranty",
    "subscription",
    "password",
    "login",
    "address",
    "shipping",
    "return",
    "exchange",
    "broken",
    "late",
    "thanks",
    "please",
    "help",
    "question",
    "support",
    "update",
    "status",
    "number",
    "weekend",
    "today",
    "tomorrow",
    "store",
    "price",
]
PLANT = "recall"
START = date(2025, 1, 1)


@dataclass
class Truth:
    """What the generator wrote, to check every search against."""

    planted: set[tuple[str, str, str]] = field(default_factory=set)  # (source, tenant, sid)
    sessions_of: dict[str, set[tuple[str, str, str]]] = field(default_factory=dict)
    messages: int = 0
    sessions_by_day: dict[str, set[tuple[str, str, str]]] = field(default_factory=dict)


def _stream_days(
    ctx: Context, idx: int, n_messages: int, days: int, rng: random.Random, truth: Truth
) -> list[ObjectEntry]:
    """One stream's objects (masked and sealed, messages and sessions, per day)."""
    stype = TYPES[idx % len(TYPES)]
    source, tenant = f"{stype}-bench", f"tenant-{idx}"
    per_day = n_messages // days
    n_users = max(1, per_day * days // 6 // 2)
    subjects = {}
    entries: list[tuple[str, str, bool, pa.Table, list[str]]] = []
    session_no = 0
    for d in range(days):
        day = START + timedelta(days=d)
        base = datetime(day.year, day.month, day.day, tzinfo=UTC)
        cols: dict[str, list[Any]] = {
            k: []
            for k in (
                "message_id",
                "session_id",
                "subject_id",
                "sender",
                "text",
                "created_at",
                "user_id",
            )
        }
        srows: dict[str, list[Any]] = {
            k: [] for k in ("session_id", "subject_id", "created_at", "user_id")
        }
        written = 0
        index = []
        while written < per_day:
            n = min(rng.randint(2, 10), per_day - written)
            session_no += 1
            sid = f"s{idx}-{session_no:09d}"
            uid = f"u{idx}-{rng.randrange(n_users):08d}"
            subject = subjects.get(uid)
            if subject is None:
                subject = subjects[uid] = ctx.pseudo.subject_id(stype, uid)
            key = (source, tenant, sid)
            truth.sessions_of.setdefault(uid, set()).add(key)
            truth.sessions_by_day.setdefault(day.isoformat(), set()).add(key)
            index.append(index_entry(ctx.pseudo.record_key("sessions", sid)))
            t0 = base + timedelta(seconds=rng.randrange(0, 86_000 - 20 * n))
            plant = rng.random() < 1 / 400
            for i in range(n):
                words = rng.choices(WORDS, k=rng.randint(4, 18))
                if plant and i == 1:
                    words.insert(rng.randrange(len(words)), PLANT)
                    truth.planted.add(key)
                cols["message_id"].append(f"m{idx}-{session_no:09d}-{i:02d}")
                cols["session_id"].append(sid)
                cols["subject_id"].append(subject)
                cols["sender"].append(
                    "user" if i % 2 == 0 else ("agent" if stype != "peki" and i == 3 else "bot")
                )
                cols["text"].append(" ".join(words).capitalize() + ".")
                cols["created_at"].append(t0 + timedelta(seconds=10 * i))
                cols["user_id"].append(uid)
            srows["session_id"].append(sid)
            srows["subject_id"].append(subject)
            srows["created_at"].append(t0)
            srows["user_id"].append(uid)
            written += n
        truth.messages += written
        m = len(cols["message_id"])
        created = pa.array(cols["created_at"], pa.timestamp("ms", tz="UTC"))
        common = {
            "source": pa.array([source] * m),
            "tenant": pa.array([tenant] * m),
            "message_id": pa.array(cols["message_id"]),
            "session_id": pa.array(cols["session_id"]),
            "subject_id": pa.array(cols["subject_id"]),
            "sender": pa.array(cols["sender"]),
            "text": pa.array(cols["text"]),
            "attachments": pa.array([[] for _ in range(m)], pa.list_(pa.string())),
            "created_at": created,
            "version_time": created,
            "record_hash": pa.array([f"{i:064x}" for i in range(m)]),
            "raw": pa.array(['{"bench":true}'] * m),
        }
        sealed = dict(common) | {"user_id": pa.array(cols["user_id"])}
        ns = len(srows["session_id"])
        screated = pa.array(srows["created_at"], pa.timestamp("ms", tz="UTC"))
        sess = {
            "source": pa.array([source] * ns),
            "tenant": pa.array([tenant] * ns),
            "session_id": pa.array(srows["session_id"]),
            "subject_id": pa.array(srows["subject_id"]),
            "status": pa.array(["closed"] * ns),
            "created_at": screated,
            "updated_at": screated,
            "version_time": screated,
            "record_hash": pa.array([f"{i:064x}" for i in range(ns)]),
            "raw": pa.array(['{"bench":true}'] * ns),
        }
        ssealed = dict(sess) | {"user_id": pa.array(srows["user_id"])}
        iso = day.isoformat()
        entries += [
            (iso, "messages", False, pa.table(common), index),
            (iso, "messages", True, pa.table(sealed), index),
            (iso, "sessions", False, pa.table(sess), index),
            (iso, "sessions", True, pa.table(ssealed), index),
        ]
    return _commit(ctx, source, stype, tenant, entries)


def _commit(
    ctx: Context,
    source: str,
    stype: str,
    tenant: str,
    entries: list[tuple[str, str, bool, pa.Table, list[str]]],
) -> list[ObjectEntry]:
    """Write the objects (a few threads) and commit one manifest per 30 days."""
    run_of = {iso: (date.fromisoformat(iso) - START).days // 30 for iso, *_ in entries}

    def write(item: tuple[int, tuple[str, str, bool, pa.Table, list[str]]]) -> ObjectEntry:
        part, (iso, table, sealed, data, index) = item
        run = f"20250101T000000Z-{run_of[iso]:08x}"
        key = layout.object_key(
            sealed=sealed,
            table=table,
            source=source,
            tenant=tenant,
            date=iso,
            run_id=run,
            part=part,
        )
        return write_object(
            ctx.store,
            ctx.sealed if sealed else ctx.masked,
            key=key,
            table=as_table(table),
            sealed=sealed,
            partition=Partition(source, tenant, iso),
            rows=data,
            sessions=index,
        )

    with ThreadPoolExecutor(4) as pool:
        objects = list(pool.map(write, enumerate(entries, start=1)))
    prev: Manifest | None = None
    for run in sorted(set(run_of.values())):
        objs = [o for o in objects if run_of[o.date] == run]
        seq = run + 1
        now = format_ts(datetime(2025, 1, 1, tzinfo=UTC) + timedelta(days=30 * seq))
        prev = commit_next(
            ctx.store,
            ctx.provenance,
            previous=prev,
            stream=StreamId(source, stype, tenant),
            run=RunInfo(f"bench-{run}", now, now, "complete", False),
            objects=objs,
            state={"watermark": now, "seen": {}},
            counts={"messages": sum(o.rows for o in objs if o.table == "messages")},
        )
    return objects


def generate(directory: Path, messages: int, streams: int, days: int, seed: int) -> Truth:
    cfg = init_dir(directory)
    ctx = Context.open(load_config(cfg))
    rng = random.Random(seed)
    truth = Truth()
    for i in range(streams):
        _stream_days(ctx, i, messages // streams, days, rng, truth)
    return truth


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


def keys(result: discovery.SearchResult) -> set[tuple[str, str, str]]:
    return {(c.source, c.tenant, c.session_id) for c in result.conversations}


def main(argv: list[str] | None = None) -> list[dict[str, Any]]:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--messages", type=int, default=3_000_000)
    ap.add_argument("--streams", type=int, default=3)
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--archive", type=Path, default=None, help="Keep the archive here.")
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="discovery-bench-"))
    directory = args.archive or tmp / "arch"
    t0 = time.perf_counter()
    if directory.exists():
        shutil.rmtree(directory)
    truth = generate(directory, args.messages, args.streams, args.days, args.seed)
    gen = time.perf_counter() - t0
    cfg = load_config(directory / "archiver.yaml")
    key = sealed_private_key_path(directory)

    def masked() -> Context:
        return Context.open(cfg, write=False)

    def officer() -> Context:
        return Context.open(cfg, sealed_private_key=key)

    rows: list[dict[str, Any]] = []

    def row(
        name: str,
        seconds: float,
        r: discovery.SearchResult | None,
        base: float,
        scope: int,
        expected: set[tuple[str, str, str]] | None,
    ) -> None:
        if r is not None and expected is not None:
            got = keys(r)
            assert got == expected, f"{name}: {len(got ^ expected)} conversations differ"
        rows.append(
            {
                "search": name,
                "seconds": seconds,
                "ratio": seconds / base if base else 0.0,
                "messages in scope": scope,
                "conversations": r.total if r else 0,
                "objects read": f"{r.objects_read} of {r.objects_total}" if r else "-",
            }
        )

    def chains() -> int:
        return len(discovery.streams(masked()))

    base, _ = timed(chains, args.repeat)
    row("manifests only (every chain read and checked)", base, None, base, truth.messages, None)
    person = max(sorted(truth.sessions_of), key=lambda u: len(truth.sessions_of[u]))
    secs, r = timed(lambda: search(masked(), Query(user_id=person)), args.repeat)
    row(
        f"by person ({len(truth.sessions_of[person])} conversations)",
        secs,
        r,
        base,
        truth.messages,
        truth.sessions_of[person],
    )
    day_secs = []
    for span in (7, 30, 90):
        if span > args.days:
            continue
        lo = START + timedelta(days=args.days // 3)
        q = Query(
            since=datetime(lo.year, lo.month, lo.day, tzinfo=UTC),
            until=datetime(lo.year, lo.month, lo.day, tzinfo=UTC) + timedelta(days=span),
        )
        expected = {
            k
            for d in range(span)
            for k in truth.sessions_by_day.get((lo + timedelta(days=d)).isoformat(), ())
        }
        secs, r = timed(lambda q=q: search(masked(), q), args.repeat)
        day_secs.append((span, secs))
        row(
            f"by date range, {span} days",
            secs,
            r,
            base,
            truth.messages * span // args.days,
            expected,
        )
    one = f"{TYPES[0]}-bench"
    in_one = {k for k in truth.planted if k[0] == one}
    per_stream = truth.messages // args.streams
    secs_text, r = timed(lambda: search(masked(), Query(text=PLANT, source=one)), args.repeat)
    row("full text, one stream, masked rows", secs_text, r, base, per_stream, in_one)
    secs, r = timed(
        lambda: search(officer(), Query(text=PLANT, source=one), originals=True, operator="bench"),
        args.repeat,
    )
    row("full text, one stream, originals", secs, r, base, per_stream, in_one)
    secs, r = timed(lambda: search(masked(), Query(text=PLANT)), 1)
    row("full text, every stream, masked rows", secs, r, base, truth.messages, truth.planted)

    print(
        f"\narchive: {truth.messages} messages, {args.streams} streams, {args.days} days; "
        f"generated in {gen:.0f} s at {directory}\n"
    )
    print(
        "| search | seconds | × manifests only | messages in scope | conversations | objects read |"
    )
    print("|---|---:|---:|---:|---:|---|")
    for x in rows:
        print(
            f"| {x['search']} | {x['seconds']:.2f} | {x['ratio']:.1f} | "
            f"{x['messages in scope']} | {x['conversations']} | {x['objects read']} |"
        )
    if day_secs:
        print(
            "\nDate ranges: seconds per day in range, after the manifests: "
            + ", ".join(f"{s} days {(t - base) / s:.3f}" for s, t in day_secs)
        )
    _engines(masked(), one, args.repeat)
    if args.archive is None:
        shutil.rmtree(tmp, ignore_errors=True)
    return rows


def _engines(ctx: Context, source: str, repeat: int) -> None:
    """Decrypting one stream's message objects, then matching over the same Arrow table."""
    chain = next(c for c in discovery.streams(ctx) if c.source == source)
    items = discovery.live(chain, "messages", False)
    reader = discovery.PartitionReader(ctx, sealed=False)
    t0 = time.perf_counter()
    tables = [t for _, t in reader.partitions(items)]
    decrypt = time.perf_counter() - t0
    table = pa.concat_tables(tables).combine_chunks()
    arrow_s, n_arrow = timed(
        lambda: pc.sum(pc.match_substring(table["text"], PLANT, ignore_case=True)).as_py(),
        repeat,
    )
    lines = [
        "",
        f"Matching alone over one stream's {table.num_rows} decrypted rows "
        f"(reading and decrypting them: {decrypt:.2f} s):",
        "",
        "| engine | seconds | rows matched |",
        "|---|---:|---:|",
        f"| pyarrow compute `match_substring(ignore_case)` | {arrow_s:.3f} | {n_arrow} |",
    ]
    try:
        import duckdb
    except ImportError:
        lines.append("| duckdb | (not installed) | - |")
    else:
        con = duckdb.connect()
        con.register("t", table)
        duck_s, n_duck = timed(
            lambda: con.execute(f"select count(*) from t where text ilike '%{PLANT}%'").fetchone()[
                0
            ],  # type: ignore[index]
            repeat,
        )
        lines.append(f"| duckdb `ILIKE` on the same Arrow table | {duck_s:.3f} | {n_duck} |")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
