"""Helpers the test packages share: a small Peki simulator, an archive built by a few runs, and
real ``archiver run`` processes killed at a chosen point."""

from __future__ import annotations

import hashlib
import json
import os
import random
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization

import archiver.transform.mask
import archiver.transform.policy
from archiver.archive import layout
from archiver.crawl.engine import run_archive
from archiver.keys import Signer
from archiver.simulators.peki import PekiSimulator
from archiver.transform.detectors import Detectors, DetectorSettings
from archiver.transform.names import NameFinder
from archiver.transform.policy import Policy, load_policy
from tests.conftest import BOTS, open_ctx, write_config

PYTHON = sys.executable


def small_simulator(seed: int, users: int = 3) -> PekiSimulator:
    """Two bots, a few users, two days of history: few objects, so S3 tests stay quick."""
    return PekiSimulator(
        seed=seed,
        chatbot_ids=BOTS,
        users_per_bot=users,
        history_days=2,
        rate_limit_per_minute=10**6,
    )


#: Runs ``build_archive`` commits by default (one manifest each per stream).
RUNS = 3


def manifest_path(root: Path, bot: str, seq: int) -> Path:
    """Where a local archive under ``root`` keeps manifest ``seq`` of a Peki bot's stream."""
    return root / "archive" / layout.manifest_key("peki-main", bot, seq)


def build_archive(
    directory: Path, sim: PekiSimulator, archive: dict[str, object], runs: int = RUNS
) -> Path:
    """Committed runs of two streams, with changes in between."""
    cfg = write_config(directory, sim, archive={"part_rows": 40} | archive)
    ctx = open_ctx(cfg)
    for i in range(runs):
        assert run_archive(ctx).exit_code == 0
        sim.random_changes(random.Random(i), 8)
    return cfg


def two_runs(
    directory: Path, sim: PekiSimulator, *, part_rows: int, seed: int, changes: int
) -> Path:
    """A local archive of two runs with ``changes`` random changes in between; its config."""
    cfg = write_config(directory, sim, archive={"part_rows": part_rows})
    ctx = open_ctx(cfg)
    assert run_archive(ctx).exit_code == 0
    sim.random_changes(random.Random(seed), changes)
    assert run_archive(ctx).exit_code == 0
    return cfg


def files_under(base: Path) -> list[Path]:
    """The files under ``base``, sorted; safe while another process deletes from it (the
    local store removes the folders it empties, which ``Path.rglob`` fails on)."""
    return sorted(Path(d) / f for d, _dirs, files in os.walk(base) for f in files)


def archive_files(root: Path, prefix: str) -> list[Path]:
    """The files of a local archive under ``prefix`` (``manifests``, ``data``, …)."""
    return files_under(root / "archive" / prefix)


def v1_canonical(doc: object) -> bytes:
    """The canonical form every manifest and signed record had before format version 2,
    written out here rather than taken from the program: what an older release wrote."""
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def v1_sign(body: dict[str, Any], signer: Signer) -> bytes:
    """``body`` (no ``signature``) signed and stored as a release before version 2 did."""
    sig = {"algorithm": "ed25519", "key_id": signer.verifier.key_id, "value": ""}
    sig["value"] = signer.sign(v1_canonical(body))
    return v1_canonical(body | {"signature": sig}) + b"\n"


def rewrite_as_v1(root: Path, signer: Signer) -> None:
    """Turn the local archive at ``root`` into the archive a release before format version 2
    wrote: manifests ``format_version`` 1, records without one, all in the old canonical form,
    each chain's ``previous.sha256`` relinked to the rewritten bytes."""
    for stream in sorted((root / layout.MANIFESTS).glob("*/*")):
        previous: bytes | None = None
        for path in sorted(stream.iterdir()):
            body = {k: v for k, v in json.loads(path.read_bytes()).items() if k != "signature"}
            body["format_version"] = 1
            if previous is not None:
                body["previous"]["sha256"] = hashlib.sha256(previous).hexdigest()
            previous = v1_sign(body, signer)
            path.write_bytes(previous)
    for top in ("holds", "suppressed", "ledger"):
        for path in sorted((root / top).rglob("*.json")):
            body = {k: v for k, v in json.loads(path.read_bytes()).items() if k != "signature"}
            del body["format_version"]
            path.write_bytes(v1_sign(body, signer))


@cache
def default_detectors() -> Detectors:
    """The detectors of the shipped default policy, built once per test process."""
    return Detectors(load_policy().detectors)


@cache
def default_finder() -> NameFinder:
    """The name finder of the shipped default policy alone, built once per test process."""
    names = load_policy().detectors.names
    assert names is not None
    return NameFinder(names)


def finder_names(text: str) -> list[str]:
    """The names the default policy's name finder alone finds in ``text``, as written, in
    the order it finds them (before the detectors resolve overlaps)."""
    return [text[a:b] for a, b, *_ in default_finder().find(text)]


def found_names(text: str) -> list[str]:
    """The names the default policy's detectors find in ``text``, as written."""
    return [text[sp.start : sp.end] for sp in default_detectors().find(text) if sp.kind == "NAME"]


_POLICIES: dict[tuple[object, ...], Policy] = {}
_DETECTORS: dict[int, tuple[DetectorSettings, Detectors]] = {}
_PRIVATE_KEYS: dict[tuple[bytes, bytes | None], Any] = {}


@contextmanager
def parsed_once() -> Iterator[None]:
    """Keep, while open, the policy each ``Context.open`` parses, the detectors it compiles
    and the private keys it loads, keyed by their content: about a second of CPU per open,
    which store-heavy tests repeat dozens of times. Every open still reads the config, the
    policy and key files and the store, so a changed file is parsed again."""
    parse, compile_, load = load_policy, Detectors, serialization.load_pem_private_key

    def policy(
        path: Path | None = None,
        *,
        default_region: str | None = None,
        token_hash: bool | None = None,
    ) -> Policy:
        key = (path, path.read_bytes() if path else None, default_region, token_hash)
        if key not in _POLICIES:
            _POLICIES[key] = parse(path, default_region=default_region, token_hash=token_hash)
        return _POLICIES[key]

    def detectors(settings: DetectorSettings) -> Detectors:
        kept = _DETECTORS.get(id(settings))
        if kept is None or kept[0] is not settings:
            kept = _DETECTORS[id(settings)] = (settings, compile_(settings))
        return kept[1]

    def private_key(data: bytes, password: bytes | None, **kw: Any) -> Any:
        kw.pop("backend", None)  # ignored by cryptography; the AWS SDK still passes one
        if kw:
            return load(data, password, **kw)
        key = (bytes(data), password)
        if key not in _PRIVATE_KEYS:
            _PRIVATE_KEYS[key] = load(data, password)
        return _PRIVATE_KEYS[key]

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(archiver.transform.policy, "load_policy", policy)
        mp.setattr(archiver.transform.mask, "Detectors", detectors)
        mp.setattr(serialization, "load_pem_private_key", private_key)
        yield
