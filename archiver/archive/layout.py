"""Where things live in the store. Every name component from a platform is percent-encoded, so
ids containing ``/``, ``..``, NUL or unicode can never escape their folder."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from urllib.parse import quote, unquote

MANIFESTS = "manifests"
DATA = "data"
SEALED = "sealed"
#: Checkpoints of each stream's live object index (``archiver.archive.catalog.checkpoint``):
#: beside the manifests, not among them, so listing a stream's checkpoints lists nothing else.
CHECKPOINTS = "checkpoints"
#: Manifest packs (``archiver.archive.catalog.packs``): old manifests of a stream, byte for
#: byte, in one object each.
PACKS = "packs"
#: Lineage documents (``archiver.archive.catalog.lineage``): a compaction's custody record,
#: pinned by SHA-256 from its manifest.
LINEAGE = "lineage"


# Cached: a stream's names are encoded and decoded once per key, and every reader lists (or,
# for packed manifests, names) each of a stream's thousands of manifests after years of runs.
@functools.lru_cache(maxsize=4096)
def enc(value: str) -> str:
    out = quote(value, safe="").replace("~", "%7E")
    # "." and ".." stay legal path segments after quoting; encode dots in those two cases.
    return out.replace(".", "%2E") if out in (".", "..") else out


@functools.lru_cache(maxsize=4096)
def dec(value: str) -> str:
    return unquote(value)


def stream_prefix(source: str, tenant: str) -> str:
    return f"{MANIFESTS}/source={enc(source)}/tenant={enc(tenant)}/"


def manifest_key(source: str, tenant: str, sequence: int) -> str:
    return f"{stream_prefix(source, tenant)}{sequence:010d}.json"


class StreamKeys(list[str]):
    """A stream's manifest keys in sequence order, built from a listing's sequences, which it
    keeps (``sequences``): a chain read from a checkpoint needs the sequences of thousands of
    keys and reads a handful, and need not parse them back (``stream_sequences``). A list
    like any other; changed after it was built (in length, or at either end: sorted again,
    reversed), it no longer agrees with ``sequences`` and is parsed like any other."""

    __slots__ = ("sequences", "source", "tenant")

    def __init__(self, source: str, tenant: str, sequences: Iterable[int]) -> None:
        self.source, self.tenant = source, tenant
        #: Distinct and ascending, whatever was given.
        self.sequences: tuple[int, ...] = tuple(sorted(set(sequences)))
        folder = stream_prefix(source, tenant)
        super().__init__(f"{folder}{seq:010d}.json" for seq in self.sequences)


def stream_sequences(keys: list[str]) -> tuple[str, str, tuple[int, ...]] | None:
    """(source, tenant, sequences) of keys a ``StreamKeys`` built and nothing changed since
    (same length and ends; the sequences distinct and ascending); None for any other list:
    then ``parse_streams`` reads them."""
    if not isinstance(keys, StreamKeys) or not keys or len(keys.sequences) != len(keys):
        return None
    src, tenant, seqs = keys.source, keys.tenant, keys.sequences
    if keys[0] != manifest_key(src, tenant, seqs[0]) or keys[-1] != manifest_key(
        src, tenant, seqs[-1]
    ):
        return None
    return src, tenant, seqs


def checkpoint_prefix(source: str, tenant: str) -> str:
    return f"{CHECKPOINTS}/source={enc(source)}/tenant={enc(tenant)}/"


def checkpoint_key(source: str, tenant: str, sequence: int) -> str:
    """The checkpoint covering manifests 1..``sequence``: keys sort by the sequence covered,
    so the newest is the last of a listing."""
    return f"{checkpoint_prefix(source, tenant)}{sequence:010d}.json"


def pack_prefix(source: str, tenant: str) -> str:
    return f"{PACKS}/source={enc(source)}/tenant={enc(tenant)}/"


def pack_key(source: str, tenant: str, first: int, last: int) -> str:
    """The pack holding manifests ``first``..``last``: the name says which, so a listing
    alone tells which manifests a stream has."""
    return f"{pack_prefix(source, tenant)}{first:010d}-{last:010d}.pack"


def lineage_prefix(source: str, tenant: str) -> str:
    return f"{LINEAGE}/source={enc(source)}/tenant={enc(tenant)}/"


def lineage_key(source: str, tenant: str, sequence: int, run_id: str) -> str:
    """The lineage document of manifest ``sequence``, written by run ``run_id`` before that
    manifest: one an interrupted compaction left never takes the name of the next one's."""
    return f"{lineage_prefix(source, tenant)}{sequence:010d}-{run_id}.json"


def parse_pack(key: str) -> tuple[str, str, int, int] | None:
    """``packs/source=S/tenant=T/0000000001-0000000099.pack`` → (S, T, 1, 99)."""
    parts = key.split("/")
    if len(parts) != 4 or parts[0] != PACKS or not parts[3].endswith(".pack"):
        return None
    span = parts[3][: -len(".pack")].split("-")
    if len(span) != 2 or not all(len(n) == 10 and n.isdigit() for n in span):
        return None
    parsed = parse_stream("/".join([MANIFESTS, parts[1], parts[2], "0.json"]))
    first, last = int(span[0]), int(span[1])
    if parsed is None or not 1 <= first <= last:
        return None
    if pack_key(parsed[0], parsed[1], first, last) != key:
        return None
    return parsed[0], parsed[1], first, last


def object_key(
    *, sealed: bool, table: str, source: str, tenant: str, date: str, run_id: str, part: int
) -> str:
    root = SEALED if sealed else DATA
    return (
        f"{root}/{table}/source={enc(source)}/tenant={enc(tenant)}/date={date}/"
        f"{run_id}-{part:05d}.parquet.enc"
    )


def parse_stream(key: str) -> tuple[str, str, int] | None:
    """``manifests/source=S/tenant=T/0000000001.json`` → (S, T, 1)."""
    parts = key.split("/")
    if len(parts) != 4 or parts[0] != MANIFESTS or not parts[3].endswith(".json"):
        return None
    if not parts[1].startswith("source=") or not parts[2].startswith("tenant="):
        return None
    try:
        seq = int(parts[3][: -len(".json")])
    except ValueError:
        return None
    return dec(parts[1][7:]), dec(parts[2][7:]), seq


def parse_streams(keys: Iterable[str]) -> list[tuple[str, tuple[str, str, int]]]:
    """``[(key, parse_stream(key)) ...]`` for the keys that name a manifest, in their order.

    A stream's keys share their folder: after the first, a key in the same folder needs only
    its sequence read (a chain read from its checkpoint is handed every key, thousands after
    years of daily runs, and reads a handful); any other key is parsed whole."""
    out: list[tuple[str, tuple[str, str, int]]] = []
    folder, at, source, tenant = "", 0, "", ""
    for key in keys:
        if at and key.startswith(folder) and key.endswith(".json"):
            name = key[at:-5]  # between the folder and ".json"
            if "/" not in name:
                try:
                    seq = int(name)
                except ValueError:  # not a sequence: not a manifest
                    continue
                out.append((key, (source, tenant, seq)))
                continue
        parsed = parse_stream(key)
        if parsed is not None:
            out.append((key, parsed))
            folder = key[: key.rindex("/") + 1]
            at, (source, tenant, _) = len(folder), parsed
    return out


def parse_checkpoint(key: str) -> tuple[str, str, int] | None:
    """``checkpoints/source=S/tenant=T/0000000100.json`` → (S, T, 100)."""
    parts = key.split("/")
    if len(parts) != 4 or parts[0] != CHECKPOINTS:
        return None
    parsed = parse_stream("/".join([MANIFESTS, *parts[1:]]))
    if parsed is None or checkpoint_key(*parsed) != key:
        return None
    return parsed
