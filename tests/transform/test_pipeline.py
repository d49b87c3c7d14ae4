"""Masking through the real pipeline: simulator → run → restore.

- property: no planted personal value (nor a platform user id) appears in any column of the
  masked tables, nor in the logs, for any generated conversation of any platform;
- changing the policy between runs leaves older objects readable and says which policy masked
  each one;
- ``restore --sealed`` gives the complete originals with the private key, a clear error
  without it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import pyarrow.dataset as ds
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archiver.archive.crypto import generate_rsa_key_pair
from archiver.crawl.engine import run_archive
from archiver.ops.init import init_dir
from archiver.ops.restore import restore
from archiver.simulators import synth
from archiver.simulators.peki import PekiSimulator
from archiver.transform.detectors import known_values
from archiver.transform.mask import Masker
from archiver.transform.policy import load_policy
from archiver.transform.pseudonym import Pseudonymizer
from tests.archive_truth import assert_matches_truth
from tests.conftest import open_ctx, sealed_key, write_config
from tests.contract.platforms import PLATFORMS, Platform

DEFAULT_POLICY = resources.files("archiver").joinpath("policies", "default.yaml").read_bytes()
MASKER = Masker(load_policy(), Pseudonymizer(b"k" * 32))
# Values whose leak only counts as a whole word (a first name inside another word is not one).
WORD_KINDS = {"name", "username", "city"}


@pytest.fixture(scope="module")
def keyed_dir() -> Iterator[Path]:
    """One initialised config with keys, copied per example (key generation is the slow part)."""
    with tempfile.TemporaryDirectory() as tmp:
        init_dir(Path(tmp) / "template")
        yield Path(tmp) / "template"


def _config(template: Path, into: Path, entry: Any, **kw: Any) -> Path:
    """A copy of the initialised folder with its own archive, configured for ``entry``."""
    shutil.copytree(template, into)
    return write_config(into, entry, archive={"url": str(into / "archive")}, **kw)


@contextmanager
def _one_bot(template: Path, tmp_path: Path, seed: int) -> Iterator[tuple[PekiSimulator, Path]]:
    sim = PekiSimulator(
        seed=seed, chatbot_ids=("bot1",), users_per_bot=3, rate_limit_per_minute=1_000_000
    )
    sim.start()
    try:
        yield sim, _config(template, tmp_path / "cfg", sim, source={"chatbot_ids": ["bot1"]})
    finally:
        sim.stop()


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


def _masked_cells(out: Path) -> list[str]:
    cells: list[str] = []
    for table in ("users", "sessions", "messages"):
        if (out / table).exists():
            for row in ds.dataset(out / table, partitioning="hive").to_table().to_pylist():
                cells.extend(json.dumps(v, default=str, ensure_ascii=False) for v in row.values())
                cells.extend(str(v) for v in row.values())
    return cells


def _leaks(cells: list[str], planted: list[tuple[str, str]]) -> list[tuple[str, str]]:
    blob = "\n".join(cells)
    out = []
    for kind, value in set(planted):
        if kind in WORD_KINDS:
            found = re.search(rf"(?<!\w){re.escape(value)}(?!\w)", blob) is not None
        else:
            found = value in blob
        if found:
            out.append((kind, value))
    return out


_CONTEXTS = ["", " ", "(", ")", ",", ".", ":", ";", "\n", "\t", '"', "'", "<", ">", "[", "]", "!"]


@st.composite
def extra_messages(draw: st.DrawFn) -> list[tuple[str, int, str, str]]:
    """Personal values of every kind in contexts the synthetic texts do not use."""
    kinds = ["email", "phone", "card", "iban", "ipv4", "ipv6", "url", "own_name", "cue_name"]
    return draw(
        st.lists(
            st.tuples(
                st.sampled_from(kinds),
                st.integers(0, 2**32 - 1),
                st.sampled_from(_CONTEXTS),
                st.sampled_from(_CONTEXTS),
            ),
            max_size=4,
        )
    )


def _value(kind: str, rng: random.Random, user: dict[str, Any]) -> tuple[str, str, str]:
    """(text, planted kind, planted value) for one extra message."""
    if kind == "own_name":
        return user["firstName"], "name", user["firstName"]
    if kind == "cue_name":
        other = synth.make_person(rng)
        cue = rng.choice(["my colleague ", "This is ", "ask for ", "Thanks "])
        return f"{cue}{other.full_name}!", "name", other.full_name
    make = {
        "email": lambda r: synth.make_person(r).email,
        "phone": lambda r: synth.phone_number(r, r.choice(("US", "GB", "DE", "TR")))[0],
        "card": synth.card_number,
        "iban": synth.iban,
        "ipv4": synth.ipv4,
        "ipv6": synth.ipv6,
        "url": synth.secret_url,
    }[kind]
    value = make(rng)
    return value, {"ipv4": "ip", "ipv6": "ip"}.get(kind, kind), value


@settings(max_examples=400, deadline=None)
@given(
    kind=st.sampled_from(
        ["email", "phone", "card", "iban", "ipv4", "ipv6", "url", "own_name", "cue_name"]
    ),
    seed=st.integers(0, 2**32 - 1),
    left=st.sampled_from(_CONTEXTS),
    right=st.sampled_from(_CONTEXTS),
)
def test_values_in_any_context_are_masked(kind: str, seed: int, left: str, right: str) -> None:
    """The same values and contexts as below, straight through the masker: many examples."""
    rng = random.Random(seed)
    person = synth.make_person(rng)
    masker = MASKER
    regions = masker.policy.detectors.phone_regions
    known = known_values(
        [("name", person.first_name), ("name", person.last_name)], min_length=3, regions=regions
    )
    text, planted_kind, value = _value(kind, rng, {"firstName": person.first_name})
    out = masker.mask_text(f"ok {left}{text}{right} thanks", known)
    assert not _leaks([out], [(planted_kind, value)]), out


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    platform=st.sampled_from(sorted(PLATFORMS)),
    seed=st.integers(0, 2**31 - 1),
    users=st.integers(1, 3),
    extra=extra_messages(),
)
def test_no_planted_value_in_masked_tables_or_logs(
    keyed_dir: Path,
    platform: str,
    seed: int,
    users: int,
    extra: list[tuple[str, int, str, str]],
) -> None:
    p: Platform = PLATFORMS[platform](seed=seed, users=users)
    p.start()
    capture = _Capture()
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(capture)
    root.setLevel(logging.DEBUG)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            cfg = _config(keyed_dir, Path(tmp) / "cfg", p.source_entry())
            d = cfg.parent
            planted: list[tuple[str, str]] = []
            if isinstance(p.sim, PekiSimulator):
                bot = p.tenants[0]
                truth = p.sim.truth(bot)
                for kind, s, left, right in extra:
                    sid = random.Random(s).choice(sorted(truth["sessions"]))
                    user = truth["users"][truth["sessions"][sid]["chatUserId"]]
                    text, pk, pv = _value(kind, random.Random(s), user)
                    # Whitespace or punctuation around it: a digit run glued to letters
                    # ("ok0532…") is read as a code, not a phone (docs/MASKING.md).
                    p.sim.add_message(bot, sid, text=f"ok {left}{text}{right} thanks")
                    planted.append((pk, pv))
            ctx = open_ctx(cfg)
            report = run_archive(ctx)
            assert report.exit_code == 0, report
            out = d / "restored"
            restore(ctx, out, replace=True)
            planted += [v for values in p.sim.planted.values() for v in values]
            ids = [("id", uid) for t in p.tenants for uid in p.sim.truth(t)["users"]]
            cells = _masked_cells(out)
            assert cells, "nothing was archived"
            leaked = _leaks(cells, planted + ids)
            assert not leaked, f"in the masked tables: {leaked}"
            leaked = _leaks(capture.lines, planted + ids)
            assert not leaked, f"in the logs: {leaked}"
    finally:
        root.removeHandler(capture)
        root.setLevel(old_level)
        p.stop()


def test_policy_change_keeps_older_objects_readable(keyed_dir: Path, tmp_path: Path) -> None:
    with _one_bot(keyed_dir, tmp_path, seed=5) as (sim, cfg):
        d = cfg.parent
        sid = sorted(sim.truth("bot1")["sessions"])[0]
        sim.add_message("bot1", sid, text="first: mail me at ann.a@example.com")
        assert run_archive(open_ctx(cfg)).exit_code == 0

        # Policy B: another version, tokens without hash, a new custom pattern.
        policy_b = DEFAULT_POLICY.replace(b'version: "2026.3"', b'version: "B-1"')
        policy_b = policy_b.replace(b"  hash: true", b"  hash: false")
        policy_b = re.sub(
            rb"\ncustom: \[\][^\n]*\n",
            lambda _: b"\ncustom:\n  - {name: ticket, kind: TICKET, pattern: 'TCK-\\d{4}'}\n",
            policy_b,
        )
        assert b"TICKET" in policy_b
        (d / "policy-b.yaml").write_bytes(policy_b)
        doc = yaml.safe_load(cfg.read_text())
        doc["masking"] = {"policy": "policy-b.yaml"}
        cfg.write_text(yaml.safe_dump(doc))
        sim.add_message("bot1", sid, text="second: ann.b@example.com about TCK-1234")
        ctx = open_ctx(cfg)
        assert run_archive(ctx).exit_code == 0

        manifests = ctx.catalog.chain("peki-main", "bot1").manifests
        refs = [m.doc["policy"] for m in manifests]
        assert [r["version"] for r in refs] == ["2026.3", "B-1"]
        assert refs[0]["sha256"] == hashlib.sha256(DEFAULT_POLICY).hexdigest()
        assert refs[1]["sha256"] == hashlib.sha256(policy_b).hexdigest()

        for latest in (False, True):
            out = tmp_path / f"restored-{latest}"
            restore(ctx, out, latest=latest)
            texts = (
                ds.dataset(out / "messages", partitioning="hive")
                .to_table()
                .column("text")
                .to_pylist()
            )
            first = [t for t in texts if t.startswith("first:")]
            second = [t for t in texts if t.startswith("second:")]
            assert len(first) == len(second) == 1
            assert re.fullmatch(r"first: mail me at <EMAIL:[0-9a-f]{8}>", first[0])
            assert second[0] == "second: <EMAIL> about <TICKET>"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "ARCHIVER_SEALED_KEY"}
    return subprocess.run(
        [sys.executable, "-m", "archiver", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_restore_sealed_with_and_without_the_key(keyed_dir: Path, tmp_path: Path) -> None:
    with _one_bot(keyed_dir, tmp_path, seed=8) as (sim, cfg):
        d = cfg.parent
        assert run_archive(open_ctx(cfg)).exit_code == 0
        base = ("restore", "--config", str(cfg), "--latest", "--sealed")

        no_key = _cli(*base, "--to", str(tmp_path / "o1"))
        assert no_key.returncode == 2, no_key.stderr
        assert "Traceback" not in no_key.stderr and "--sealed-key" in no_key.stderr
        assert not (tmp_path / "o1").exists()

        generate_rsa_key_pair(tmp_path / "other.pem", tmp_path / "other.pub.pem")
        wrong = _cli(
            *base, "--to", str(tmp_path / "o2"), "--sealed-key", str(tmp_path / "other.pem")
        )
        assert wrong.returncode == 2, wrong.stderr
        assert "Traceback" not in wrong.stderr and "does not belong" in wrong.stderr

        ok = _cli(
            *base,
            "--to",
            str(tmp_path / "o3"),
            "--sealed-key",
            str(sealed_key(d)),
        )
        assert ok.returncode == 0, ok.stderr
        # Complete originals: every record exactly as the platform holds it.
        assert_matches_truth(tmp_path / "o3", {"bot1": sim.truth("bot1")})
