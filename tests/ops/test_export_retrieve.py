"""Export holds exactly one person's data; retrieve shows every version with its custody."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import jsonschema
import pytest

from archiver.config import load_schema
from archiver.crawl.engine import run_archive
from archiver.errors import ConfigError, IntegrityError, UnknownTargetError
from archiver.ops.export import export
from archiver.ops.retrieve import retrieve
from archiver.simulators.peki import PekiSimulator
from tests.conftest import open_ctx, sealed_ctx

# Five users a bot, not twelve: each answer is checked against the platform's truth.
pytestmark = [pytest.mark.usefixtures("parsed_once_in_module"), pytest.mark.peki_users(5)]


def test_export_holds_exactly_that_persons_data(
    peki: PekiSimulator, archived: Path, tmp_path: Path
) -> None:
    truth = peki.truth("bot1")
    uid = sorted(truth["users"])[3]
    their_sessions = {s for s, r in truth["sessions"].items() if r["chatUserId"] == uid}
    their_messages = {
        m for m, r in truth["messages"].items() if r["chatSessionId"] in their_sessions
    }
    assert their_sessions and their_messages
    report = export(sealed_ctx(archived), uid, tmp_path / "exp")
    doc = json.loads((tmp_path / "exp" / "data.json").read_text())
    jsonschema.validate(doc, load_schema("export.schema.json"))
    assert doc["user_id"] == uid
    (stream,) = doc["streams"]
    assert stream["tenant"] == "bot1"
    got_sessions = {s["session_id"] for s in stream["sessions"]}
    got_messages = {m["message_id"] for s in stream["sessions"] for m in s["messages"]}
    assert their_sessions <= got_sessions
    assert their_messages <= got_messages
    # Nothing of anyone else, although they share the same objects.
    for s in stream["sessions"]:
        assert s["record"] is None or s["record"]["chatUserId"] == uid
        for m in s["messages"]:
            assert m["record"]["chatUserId"] == uid
    assert [p["id"] for p in stream["profile"]] == [uid]
    assert stream["profile"][0] == truth["users"][uid]
    # Checksums cover every file and match.
    sums = (tmp_path / "exp" / "SHA256SUMS").read_text().splitlines()
    names = {line.split("  ")[1] for line in sums}
    assert names == {"README.md", "data.json", "sessions.csv", "messages.csv", "profile.csv"}
    for line in sums:
        digest, name = line.split("  ")
        assert hashlib.sha256((tmp_path / "exp" / name).read_bytes()).hexdigest() == digest
    assert "bot1" in (tmp_path / "exp" / "README.md").read_text()
    # Only the objects whose subject index names the person were opened.
    assert 0 < report.objects_read < report.objects_total


def test_export_zip_and_unknown_person(archived: Path, peki: PekiSimulator, tmp_path: Path) -> None:
    uid = sorted(peki.truth("bot2")["users"])[0]
    export(sealed_ctx(archived), uid, tmp_path / "e.zip")
    with zipfile.ZipFile(tmp_path / "e.zip") as z:
        assert "data.json" in z.namelist()
    with pytest.raises(UnknownTargetError, match="no person with this user id"):
        export(sealed_ctx(archived), "not-a-user", tmp_path / "none")
    assert not (tmp_path / "none").exists()
    nobody = export(sealed_ctx(archived), "not-a-user", tmp_path / "none", allow_unknown=True)
    assert nobody.streams == 0 and nobody.objects_read == 0
    assert "no conversation data" in (tmp_path / "none" / "README.md").read_text()


def test_export_needs_the_sealed_key(archived: Path, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="sealed-key"):
        export(open_ctx(archived, write=False), "x", tmp_path / "e")


def test_retrieve_shows_every_version_and_custody(
    peki: PekiSimulator, archived: Path, tmp_path: Path
) -> None:
    truth = peki.truth("bot1")
    closed = sorted(s for s, r in truth["sessions"].items() if r["status"] == "Closed")
    sid = closed[0]
    peki.update_session("bot1", sid, summary="first revision")
    ctx = open_ctx(archived)
    run_archive(ctx)
    peki.update_session("bot1", sid, summary="second revision")
    peki.add_message("bot1", sid, text="one more thing")
    run_archive(ctx)
    t = retrieve(sealed_ctx(archived), sid, tmp_path / "t.json", fmt="json")
    summaries = [v["record"]["summary"] for v in t.versions]
    assert summaries[-2:] == ["first revision", "second revision"]
    assert len(summaries) >= 3
    now = peki.truth("bot1")
    want = sorted(
        (r["createdAt"], m) for m, r in now["messages"].items() if r["chatSessionId"] == sid
    )
    assert [m["message_id"] for m in t.messages] == [m for _, m in want]
    assert t.messages[-1]["text"] == "one more thing"
    assert t.custody["chain"]["result"] == "intact"
    assert all(o["manifest_sha256"] and o["ciphertext_sha256"] for o in t.custody["objects"])
    doc = json.loads((tmp_path / "t.json").read_text())
    assert doc["custody"]["chain"]["latest"]["sequence"] == 4
    for fmt in ("txt", "html"):
        retrieve(sealed_ctx(archived), sid, tmp_path / f"t.{fmt}", fmt=fmt)
        text = (tmp_path / f"t.{fmt}").read_text()
        assert "one more thing" in text and "custody" in text.lower()


def test_retrieve_refuses_a_tampered_archive(
    peki: PekiSimulator, archived: Path, tmp_path: Path
) -> None:
    sid = sorted(peki.truth("bot1")["sessions"])[0]
    manifest = sorted((tmp_path / "archive" / "manifests").rglob("*.json"))[0]
    data = bytearray(manifest.read_bytes())
    data[40] ^= 1
    manifest.write_bytes(bytes(data))
    with pytest.raises(IntegrityError):
        retrieve(sealed_ctx(archived), sid, tmp_path / "t.txt")


def test_export_encrypted_for_an_age_recipient(
    archived: Path, peki: PekiSimulator, tmp_path: Path
) -> None:
    import io

    import pyrage
    from pyrage import x25519

    identity = x25519.Identity.generate()
    uid = sorted(peki.truth("bot1")["users"])[1]
    out = tmp_path / "e.zip.age"
    export(sealed_ctx(archived), uid, out, age_recipients=(str(identity.to_public()),))
    assert b"data.json" not in out.read_bytes()
    plain = pyrage.decrypt(out.read_bytes(), [identity])
    with zipfile.ZipFile(io.BytesIO(plain)) as z:
        assert json.loads(z.read("data.json"))["user_id"] == uid
    with pytest.raises(ConfigError, match="age public key"):
        export(sealed_ctx(archived), uid, tmp_path / "x.zip.age", age_recipients=("nope",))
