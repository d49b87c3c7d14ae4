"""Case bundles: every held conversation, verbatim, numbered, with a load file a review
platform reads and a signed custody file the bundle is checked against; tampering is caught."""

from __future__ import annotations

import hashlib
import io
import json
import random
import shutil
import stat
import zipfile
from pathlib import Path
from typing import Any

import pyrage
import pytest
from click.testing import CliRunner
from pyrage import x25519

from archiver.cli import cli
from archiver.crawl.engine import run_archive
from archiver.errors import EXIT_INTEGRITY, EXIT_UNKNOWN, ConfigError, UnknownTargetError
from archiver.keys import generate_signing_key, load_verifier
from archiver.ops import bundle
from archiver.ops.bundle import LOAD_FIELDS, read_dat, verify_bundle
from archiver.ops.discovery import Query
from archiver.ops.hold import place_or_release, place_query
from archiver.ops.ledger import entries
from archiver.ops.produce import bates_prefix, produce
from archiver.simulators.peki import PekiSimulator
from tests.conftest import open_ctx, sealed_ctx, sealed_key, write_config

# Five users a bot, not twelve: a bundle is checked document by document against what the
# archive was given, whatever the archive's size.
pytestmark = [pytest.mark.usefixtures("parsed_once_in_module"), pytest.mark.peki_users(5)]

Seen = dict[str, dict[str, Any]]


def _saw(peki: PekiSimulator, seen: Seen) -> None:
    """Adds every message the platform holds now (kept by id) to ``seen``: after a run, what
    the archive was given. A message deleted at the source later stays in the archive, so a
    bundle holds it too."""
    for bot in ("bot1", "bot2"):
        for mid, m in peki.truth(bot)["messages"].items():
            seen[f"{bot}/{mid}"] = {**m, "bot": bot}


@pytest.fixture
def case_archive(peki: PekiSimulator, tmp_path: Path) -> tuple[Path, Seen]:
    """A local archive of two runs with changes in between (deletions among them), and every
    message it was given."""
    seen: Seen = {}
    cfg = write_config(tmp_path, peki, archive={"part_rows": 50})
    assert run_archive(open_ctx(cfg)).exit_code == 0
    _saw(peki, seen)
    peki.random_changes(random.Random(3), 12)
    assert run_archive(open_ctx(cfg)).exit_code == 0
    _saw(peki, seen)
    return cfg, seen


def _held_case(peki: PekiSimulator, cfg: Path, seen: Seen | None = None) -> dict[str, set[str]]:
    """Holds of case C-1 by query, on a session and on a person; bot → sessions they keep."""
    truth = {b: peki.truth(b) for b in ("bot1", "bot2")}
    sid_q = sorted(truth["bot1"]["sessions"])[2]
    peki.add_message("bot1", sid_q, text="the recall, again")
    peki.clock_skew_seconds += 5
    assert run_archive(open_ctx(cfg)).exit_code == 0
    if seen is not None:
        _saw(peki, seen)
    ctx = open_ctx(cfg)
    place_query(ctx, "C-1", Query(text="recall"), custodian="Legal (J. Doe)")
    sid_s = sorted(truth["bot2"]["sessions"])[0]
    place_or_release(ctx, "place", "C-1", session_id=sid_s)
    uid = sorted(truth["bot2"]["users"])[-1]
    place_or_release(ctx, "place", "C-1", user_id=uid)
    want = {"bot1": {sid_q}, "bot2": {sid_s}}
    want["bot2"] |= {s for s, r in truth["bot2"]["sessions"].items() if r["chatUserId"] == uid}
    return want


def _given_messages(seen: Seen, bot: str, sid: str) -> list[str]:
    msgs = [m for m in seen.values() if m["bot"] == bot and m["chatSessionId"] == sid]
    return [m["id"] for m in sorted(msgs, key=lambda m: (m["createdAt"], m["id"]))]


def test_a_case_bundle_holds_every_held_conversation_and_verifies(
    peki: PekiSimulator, case_archive: tuple[Path, Seen], tmp_path: Path
) -> None:
    archived, seen = case_archive
    want = _held_case(peki, archived, seen)
    # The changes deleted at least one held message at the source after it was archived: the
    # bundle keeps it (checked below with every message the archive was given).
    assert any(
        m["chatSessionId"] in want[m["bot"]] and m["id"] not in peki.truth(m["bot"])["messages"]
        for m in seen.values()
    )
    out = tmp_path / "bundle"
    ctx = sealed_ctx(archived)
    before = len(entries(ctx, kind="access"))
    report = produce(ctx, "C-1", out, reason="production to opposing counsel")
    assert len(entries(ctx, kind="access")) == before + len(report.access_records) >= before + 1

    custody = json.loads((out / "custody.json").read_text())
    got = {(d["tenant"], d["session_id"]) for d in custody["documents"]}
    assert got == {(b, s) for b, ss in want.items() for s in ss}
    assert [d["bates"] for d in custody["documents"]] == [
        f"C-1-{n:06d}" for n in range(1, len(got) + 1)
    ]
    for d in custody["documents"]:
        doc = json.loads((out / f"JSON/{d['bates']}.json").read_text())
        assert [m["message_id"] for m in doc["messages"]] == _given_messages(
            seen, d["tenant"], d["session_id"]
        )
        html = (out / f"NATIVES/{d['bates']}.html").read_text()
        assert d["bates"] in html and "Page " in html and "counter(pages)" in html
        assert "Participants" in html and " UTC" in html

    # The load file parses with a delimited-text reader and lists every document.
    rows = read_dat((out / "DATA/C-1.dat").read_bytes())
    assert list(rows[0]) == [n for n, _ in LOAD_FIELDS]
    assert [r["BEGBATES"] for r in rows] == [d["bates"] for d in custody["documents"]]
    for r in rows:
        native = out / r["NATIVEPATH"].replace("\\", "/")
        assert hashlib.sha256(native.read_bytes()).hexdigest() == r["SHA256HASH"]
        assert r["TIMEZONE"] == "UTC" and r["CUSTODIAN"] == "Legal (J. Doe)"
    assert (out / "DATA/C-1.dat").read_bytes().startswith(b"\xef\xbb\xbf\xc3\xbe")  # BOM, þ

    # Owner-only: 0700 folders, 0600 files.
    for p in [out, *out.rglob("*")]:
        mode = stat.S_IMODE(p.stat().st_mode)
        assert mode == (0o700 if p.is_dir() else 0o600), p

    trusted = load_verifier(archived.parent / "keys" / "signing.pub.pem")
    check = verify_bundle(out, trusted=trusted)
    assert check.ok, check.problems
    assert check.documents == len(got) and check.objects > 0 and check.manifests > 0
    # sha256sum -c SHA256SUMS agrees.
    for line in (out / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split("  ", 1)
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest


def _tampered(src: Path, dst: Path, change: str) -> Path:
    shutil.copytree(src, dst)
    doc = sorted((dst / "NATIVES").iterdir())[0]
    if change == "document":
        doc.write_bytes(doc.read_bytes().replace(b"<h1>", b"<h1>X", 1))
    elif change == "document and sums":
        doc.write_bytes(doc.read_bytes().replace(b"<h1>", b"<h1>X", 1))
        sums = {n: bundle.sha256(p.read_bytes()) for n, p in _files(dst).items()}
        (dst / "SHA256SUMS").write_text(
            "".join(f"{h}  {n}\n" for n, h in sorted(sums.items()) if n != "SHA256SUMS")
        )
    elif change == "custody":
        raw = (dst / "custody.json").read_text()
        (dst / "custody.json").write_text(raw.replace('"C-1"', '"C-2"', 1))
    elif change == "added":
        (dst / "NATIVES" / "extra.html").write_text("<p>planted</p>")
    elif change == "removed":
        doc.unlink()
    elif change == "manifest":
        m = next(p for p in (dst / "manifests").rglob("*.json"))
        m.write_bytes(m.read_bytes().replace(b'"rows":', b'"rows": ', 1))
    return dst


def _files(root: Path) -> dict[str, Path]:
    return {p.relative_to(root).as_posix(): p for p in root.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def produced(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One case bundle the tampering tests each copy and alter."""
    from tests.helpers import two_runs

    tmp = tmp_path_factory.mktemp("bundle")
    with PekiSimulator(
        seed=11, chatbot_ids=("bot1", "bot2"), users_per_bot=6, rate_limit_per_minute=10**6
    ) as peki:
        cfg = two_runs(tmp, peki, part_rows=50, seed=3, changes=6)
        _held_case(peki, cfg)
        produce(sealed_ctx(cfg), "C-1", tmp / "bundle")
    assert verify_bundle(tmp / "bundle").ok
    generate_signing_key(tmp / "other.pem", tmp / "other.pub.pem")
    return tmp / "bundle"


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ("document", "NATIVES/"),
        ("document and sums", "does not match its hash in custody.json"),
        ("custody", "signature"),
        ("added", "extra.html"),
        ("removed", "missing"),
        ("manifest", "manifests/"),
    ],
)
def test_a_tampered_bundle_is_caught(
    produced: Path, tmp_path: Path, change: str, named: str
) -> None:
    bad = _tampered(produced, tmp_path / "bad", change)
    check = verify_bundle(bad)
    assert not check.ok
    assert any(named in p for p in check.problems), check.problems
    r = CliRunner().invoke(cli, ["verify-bundle", str(bad)])
    assert r.exit_code == EXIT_INTEGRITY and "NOT OK" in r.output


def test_a_bundle_signed_by_another_key_is_refused(produced: Path) -> None:
    other = load_verifier(produced.parent / "other.pub.pem")
    check = verify_bundle(produced, trusted=other)
    assert not check.ok and "not by the trusted key" in check.problems[0]
    r = CliRunner().invoke(cli, ["verify-bundle", str(produced)])
    assert r.exit_code == 0 and "not pinned" in r.output


def test_zip_age_and_query_selection(peki: PekiSimulator, archived: Path, tmp_path: Path) -> None:
    _held_case(peki, archived)
    ctx = sealed_ctx(archived)
    z = tmp_path / "case.zip"
    produce(ctx, "C-1", z, fmt="native")
    assert stat.S_IMODE(z.stat().st_mode) == 0o600
    assert verify_bundle(z).ok
    names = zipfile.ZipFile(z).namelist()
    assert "DATA/index.csv" in names and not any(n.endswith(".dat") for n in names)

    ident = x25519.Identity.generate()
    enc = tmp_path / "case.zip.age"
    produce(ctx, "C-1", enc, age_recipients=(str(ident.to_public()),))
    plain = pyrage.decrypt(enc.read_bytes(), [ident])
    (tmp_path / "dec.zip").write_bytes(plain)
    assert verify_bundle(tmp_path / "dec.zip").ok
    with pytest.raises(ConfigError, match="encrypted"):
        verify_bundle(enc)

    # A query instead of the holds: what the search matches now.
    r = produce(ctx, "C-1", tmp_path / "q", query=Query(text="recall"), prefix="ACME")
    assert r.documents == 1 and r.first_bates == "ACME-000001"
    custody = json.loads((tmp_path / "q" / "custody.json").read_text())
    assert custody["selection"]["query"]["text"] == "recall"
    assert zipfile.is_zipfile(io.BytesIO(z.read_bytes()))


def test_refusals(archived: Path, tmp_path: Path) -> None:
    with pytest.raises(UnknownTargetError):
        produce(sealed_ctx(archived), "NO-SUCH-CASE", tmp_path / "b")
    with pytest.raises(ConfigError, match="sealed"):
        produce(open_ctx(archived), "C-1", tmp_path / "b")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    with pytest.raises(ConfigError, match="not empty"):
        produce(sealed_ctx(archived), "C-1", tmp_path / "full")
    r = CliRunner().invoke(
        cli,
        [
            "produce",
            "-c",
            str(archived),
            "--case",
            "NONE",
            "--out",
            str(tmp_path / "c"),
            "--sealed-key",
            str(sealed_key(archived.parent)),
        ],
    )
    assert r.exit_code == EXIT_UNKNOWN, r.output
    assert bates_prefix("ACME v. Kettle (2026)") == "ACME-V-KETTLE-2026"
