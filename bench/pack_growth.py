"""Bytes ``compact`` writes into manifest packs over a stream's life: one pack rewritten whole
at each packing (before segments) against segments merged by size (``packs.TIER``).

    .venv/bin/python bench/pack_growth.py [--runs 1000] [--every 7] [--manifest-bytes 7500]
        [--checkpoint-every 100] [--checkpoint-bytes 100000] [--code DIR]

A stream gets one manifest per daily run and is packed every ``--every`` runs, as a weekly
maintenance ``compact`` does (the pack holds every manifest before the newest checkpoint's; a
checkpoint every ``--checkpoint-every`` manifests and one at each packing, ``--checkpoint-bytes``
each). Manifests and checkpoints are stand-ins of the given sizes (the pack copies bytes; it
does not read them), so only what packing writes is measured: the bytes of every pack put, the
packs left in the store, and the largest single write. ``--code DIR`` runs another checkout's
``archiver`` (e.g. one before segments) on the same inputs.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class StandIn:
    """What ``packs.write_pack`` reads of a manifest: its place and stored bytes."""

    sequence: int
    key: str
    raw: bytes


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=1000)
    ap.add_argument("--every", type=int, default=7)
    ap.add_argument("--manifest-bytes", type=int, default=7500)
    ap.add_argument("--checkpoint-every", type=int, default=100)
    ap.add_argument("--checkpoint-bytes", type=int, default=100_000)
    ap.add_argument("--code", type=Path, default=Path(__file__).resolve().parent.parent)
    args = ap.parse_args()
    sys.path.insert(0, str(args.code.resolve()))
    from archiver.archive import layout
    from archiver.archive.catalog import packs
    from archiver.archive.store_local import LocalStore

    src, tenant = "peki-main", "bot1"
    with tempfile.TemporaryDirectory() as tmp:
        store = LocalStore(Path(tmp))
        wrote: list[int] = []
        put = store.put_if_absent

        def counted(key: str, data: bytes, **kw: Any) -> bool:
            if key.startswith(layout.PACKS + "/"):
                wrote.append(len(data))
            return put(key, data, **kw)

        store.put_if_absent = counted  # type: ignore[method-assign]
        chain: list[StandIn] = []
        for n in range(1, args.runs + 1):
            key = layout.manifest_key(src, tenant, n)
            raw = hashlib.sha256(key.encode()).hexdigest().encode() * (args.manifest_bytes // 64)
            put(key, raw)
            chain.append(StandIn(n, key, raw))
            packing = n % args.every == 0
            if n % args.checkpoint_every == 0 or packing:
                cp = layout.checkpoint_key(src, tenant, n)
                put(cp, cp.encode() * (args.checkpoint_bytes // len(cp)))
            if packing:
                packs.write_pack(store, src, tenant, chain, n - 1)  # type: ignore[arg-type]
        left = packs.listed(store, src, tenant)
        sizes = {i.key: i.size for i in store.list(layout.PACKS + "/")}
    print(
        f"{args.runs} runs, packed every {args.every} ({len(wrote)} packs written) with "
        f"{args.code}: {sum(wrote) / 2**20:.1f} MiB written in all, largest write "
        f"{max(wrote, default=0) / 2**20:.1f} MiB; {len(left)} pack(s) left, "
        f"{sum(sizes.values()) / 2**20:.1f} MiB"
    )


if __name__ == "__main__":
    main()
