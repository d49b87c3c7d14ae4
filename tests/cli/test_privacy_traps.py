"""The privacy officer's traps, as a new user walks into them: every command typed as in the
docs, against an archive of the Peki simulator. Each test is one way the product used to
succeed silently, mix, or mislead, and checks what it does now."""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pyarrow.dataset as ds
import pytest
from click.testing import CliRunner, Result
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from archiver.archive.crypto import generate_aes_key_file
from archiver.cli import cli
from archiver.errors import (
    EXIT_HELD,
    EXIT_INTEGRITY,
    EXIT_OK,
    EXIT_UNKNOWN,
    EXIT_USAGE,
)
from archiver.simulators.peki import PekiSimulator
from tests.conftest import logging_restored, open_ctx
from tests.conftest import sealed_key as conftest_sealed_key
from tests.helpers import small_simulator

pytestmark = pytest.mark.usefixtures("parsed_once_in_module")


@pytest.fixture
def peki() -> Iterator[PekiSimulator]:
    """Six users over two days (``archived`` builds on it too): the traps are about what the
    commands say and refuse, which a small archive shows as a large one does."""
    with small_simulator(seed=11, users=6) as sim:
        yield sim


NO_OPERATOR = {"ARCHIVER_OPERATOR": None, "USER": None, "LOGNAME": None}


def arch(*args: str | Path, env: Mapping[str, str | None] | None = None) -> Result:
    """``archiver ARGS`` in this process, with plain-text errors on stderr."""
    with logging_restored():
        return CliRunner().invoke(
            cli, ["--log-format", "text", *map(str, args)], env=dict(env or {})
        )


def sealed_key(cfg: Path) -> Path:
    return conftest_sealed_key(cfg.parent)


def users(peki: PekiSimulator, bot: str = "bot1") -> list[str]:
    return sorted(peki.truth(bot)["users"])


def sessions_of(peki: PekiSimulator, uid: str, bot: str = "bot1") -> list[str]:
    return sorted(s for s, r in peki.truth(bot)["sessions"].items() if r["chatUserId"] == uid)


def store_keys(cfg: Path, prefix: str) -> list[str]:
    return sorted(i.key for i in open_ctx(cfg, write=False).store.list(prefix))


def rows(folder: Path, table: str) -> list[dict[str, Any]]:
    return ds.dataset(folder / table, partitioning="hive").to_table().to_pylist()


def tree(folder: Path) -> dict[str, int]:
    """Every Parquet file under ``folder`` (relative path) → its row count."""
    return {
        p.relative_to(folder).as_posix(): ds.dataset(p).count_rows()
        for p in sorted(folder.rglob("*.parquet"))
    }


# --- 1. restore never mixes ----------------------------------------------------------------


def test_restore_after_an_erasure_does_not_bring_the_person_back(
    peki: PekiSimulator,
    archived: Path,
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    assert arch("restore", "-c", archived, "--to", out, "--latest").exit_code == EXIT_OK
    uid = users(peki)[2]
    subject = open_ctx(archived, write=False).pseudo.subject_id("peki", uid)
    assert any(r["subject_id"] == subject for r in rows(out, "users"))
    erased = arch(
        "erase", "-c", archived, "--user-id", uid, "--reason", "DSR-1",
        "--sealed-key", sealed_key(archived),
    )  # fmt: skip
    assert erased.exit_code == EXIT_OK, erased.output
    before = tree(out)

    again = arch("restore", "-c", archived, "--to", out, "--latest")
    assert again.exit_code == EXIT_USAGE, again.output
    assert "not empty" in again.stderr and "--replace" in again.stderr
    assert tree(out) == before  # left as it was

    replaced = arch("restore", "-c", archived, "--to", out, "--latest", "--replace")
    assert replaced.exit_code == EXIT_OK, replaced.output
    fresh = tmp_path / "fresh"
    assert arch("restore", "-c", archived, "--to", fresh, "--latest").exit_code == EXIT_OK
    assert tree(out) == tree(fresh)
    assert not any(r["subject_id"] == subject for r in rows(out, "users"))
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # nothing left beside


def test_restore_filters_by_source_table_and_time(
    peki: PekiSimulator,
    archived: Path,
    tmp_path: Path,
) -> None:
    full = tmp_path / "all"
    assert arch("restore", "-c", archived, "--to", full, "--latest").exit_code == EXIT_OK
    messages = rows(full, "messages")
    days = sorted({m["created_at"].date() for m in messages})
    since, until = days[len(days) // 3], days[2 * len(days) // 3]
    part = tmp_path / "part"
    r = arch(
        "restore", "-c", archived, "--to", part, "--latest", "--source", "peki-main",
        "--table", "messages", "--from", since.isoformat(), "--until", until.isoformat(),
    )  # fmt: skip
    assert r.exit_code == EXIT_OK, r.output
    assert sorted(p.name for p in part.iterdir()) == ["messages"]
    want = sorted(m["message_id"] for m in messages if since <= m["created_at"].date() < until)
    assert want and sorted(m["message_id"] for m in rows(part, "messages")) == want
    bad = arch("restore", "-c", archived, "--to", tmp_path / "x", "--source", "nope")
    assert bad.exit_code == EXIT_USAGE and "nope" in bad.stderr


def test_one_damaged_object_no_longer_loses_the_whole_restore(
    archived: Path,
    tmp_path: Path,
) -> None:
    victim = sorted((archived.parent / "archive" / "data" / "messages").rglob("*.enc"))[0]
    victim.chmod(0o600)
    victim.write_bytes(victim.read_bytes()[:-7] + b"garbage")
    strict = arch("restore", "-c", archived, "--to", tmp_path / "strict")
    assert strict.exit_code == EXIT_INTEGRITY
    assert not (tmp_path / "strict").exists()  # nothing half-written

    out = tmp_path / "rest"
    r = arch("restore", "-c", archived, "--to", out, "--skip-damaged", "--json")
    assert r.exit_code == EXIT_INTEGRITY, r.output
    report = json.loads(r.stdout)
    key = victim.relative_to(archived.parent / "archive").as_posix()
    assert list(report["damaged"]) == [key]
    named = [k for k in store_keys(archived, "data/") if k != key]
    assert len(tree(out)) == report["files"] == len(named) > 0


# --- 2. unknown ids are not success ----------------------------------------------------------


def test_a_mistyped_user_id_is_refused_by_hold_erase_and_export(
    peki: PekiSimulator,
    archived: Path,
    tmp_path: Path,
) -> None:
    typo = users(peki)[0][:-1] + "x"
    held = arch("hold", "place", "-c", archived, "--case", "C-1", "--user-id", typo)
    assert held.exit_code == EXIT_UNKNOWN, held.output
    assert "no person with this user id" in held.stderr and typo not in held.output
    erased = arch(
        "erase", "-c", archived, "--user-id", typo, "--reason", "DSR-2",
        "--sealed-key", sealed_key(archived),
    )  # fmt: skip
    assert erased.exit_code == EXIT_UNKNOWN, erased.output
    exported = arch(
        "export", "-c", archived, "--user-id", typo, "--out", tmp_path / "e",
        "--sealed-key", sealed_key(archived),
    )  # fmt: skip
    assert exported.exit_code == EXIT_UNKNOWN, exported.output
    assert not (tmp_path / "e").exists()
    # Nothing was recorded anywhere.
    assert store_keys(archived, "holds/") == store_keys(archived, "suppressed/") == []
    assert store_keys(archived, "ledger/") == []
    retrieved = arch(
        "retrieve", "-c", archived, "--session-id", "no-such-session", "--out",
        tmp_path / "t.txt", "--sealed-key", sealed_key(archived),
    )  # fmt: skip
    assert retrieved.exit_code == EXIT_UNKNOWN, retrieved.output

    # A preservation hold before the data arrives is legitimate, and says so.
    early = arch(
        "hold", "place", "-c", archived, "--case", "C-1", "--user-id", typo, "--allow-unknown"
    )
    assert early.exit_code == EXIT_OK, early.output
    (hold,) = json.loads(arch("hold", "list", "-c", archived, "--json").stdout)["holds"]
    assert hold["preservation"] is True


def test_releasing_a_case_never_placed_is_an_error(
    peki: PekiSimulator,
    archived: Path,
) -> None:
    uid = users(peki)[1]
    placed = arch("hold", "place", "-c", archived, "--case", "CASE-X", "--user-id", uid)
    assert placed.exit_code == EXIT_OK, placed.output
    wrong = arch("hold", "release", "-c", archived, "--case", "CASE-x", "--user-id", uid)
    assert wrong.exit_code == EXIT_UNKNOWN, wrong.output
    assert "never placed" not in wrong.stdout and "'CASE-X'" in wrong.stderr
    (hold,) = json.loads(arch("hold", "list", "-c", archived, "--json").stdout)["holds"]
    assert hold["case"] == "CASE-X"  # still in force
    released = arch("hold", "release", "-c", archived, "--case", "CASE-X", "--user-id", uid)
    assert released.exit_code == EXIT_OK and "released" in released.stdout
    again = arch("hold", "release", "-c", archived, "--case", "CASE-X", "--user-id", uid)
    assert again.exit_code == EXIT_OK and "already released" in again.stdout


def test_a_person_is_found_by_email_or_phone_through_keyed_lookups(
    peki: PekiSimulator,
    archived: Path,
    tmp_path: Path,
) -> None:
    truth = peki.truth("bot1")["users"]
    uid = next(u for u in users(peki) if truth[u].get("email") and truth[u].get("phoneNumber"))
    email, phone = truth[uid]["email"], truth[uid]["phoneNumber"]
    for option, value in (("--email", f"  {email.upper()} "), ("--phone", phone)):
        out = tmp_path / option.strip("-")
        r = arch(
            "export", "-c", archived, option, value, "--out", out,
            "--sealed-key", sealed_key(archived),
        )  # fmt: skip
        assert r.exit_code == EXIT_OK, r.output
        doc = json.loads((out / "data.json").read_text())
        assert doc["user_id"] == uid
        assert [p["id"] for s in doc["streams"] for p in s["profile"]] == [uid]
    nobody = arch(
        "export", "-c", archived, "--email", "nobody@example.invalid", "--out",
        tmp_path / "n", "--sealed-key", sealed_key(archived),
    )  # fmt: skip
    assert nobody.exit_code == EXIT_UNKNOWN
    held = arch("hold", "place", "-c", archived, "--case", "MAIL-1", "--email", email)
    assert held.exit_code == EXIT_OK, held.output
    listed = arch("hold", "list", "-c", archived, "--user-id", uid, "--json")
    assert json.loads(listed.stdout)["held"] is True
    # Keyed: neither value is stored in clear in any manifest or record.
    root = archived.parent / "archive"
    for path in [*root.joinpath("manifests").rglob("*.json"), *root.joinpath("holds").rglob("*")]:
        if path.is_file():
            text = path.read_text()
            assert email not in text and email.lower() not in text and phone not in text


# --- 3. previews and receipts --------------------------------------------------------------


def test_erase_previews_counts_like_export_and_leaves_a_receipt(
    peki: PekiSimulator,
    archived: Path,
    tmp_path: Path,
) -> None:
    uid = users(peki)[3]
    key = sealed_key(archived)
    exported = arch("export", "-c", archived, "--user-id", uid, "--out", tmp_path / "e",
                    "--sealed-key", key)  # fmt: skip
    assert exported.exit_code == EXIT_OK, exported.output
    doc = json.loads((tmp_path / "e" / "data.json").read_text())
    conversations = sum(len(s["sessions"]) for s in doc["streams"])
    messages = sum(len(x["messages"]) for s in doc["streams"] for x in s["sessions"])
    counts = f"{conversations} conversation(s), {messages} message(s), 1 profile(s)"

    manifests = store_keys(archived, "manifests/")
    dry = arch("erase", "-c", archived, "--user-id", uid, "--dry-run", "--sealed-key", key)
    assert dry.exit_code == EXIT_OK, dry.output
    assert f"would erase {counts}" in dry.stdout
    assert store_keys(archived, "manifests/") == manifests  # nothing changed
    assert store_keys(archived, "suppressed/") == []

    done = arch("erase", "-c", archived, "--user-id", uid, "--reason", "DSR-3",
                "--operator", "dpo", "--sealed-key", key)  # fmt: skip
    assert done.exit_code == EXIT_OK, done.output
    assert f"erased {counts}" in done.stdout

    listed = arch("ledger", "list", "-c", archived, "--json")
    assert listed.exit_code == EXIT_OK, listed.output
    erasures = [e for e in json.loads(listed.stdout)["entries"] if e["kind"] == "erasure"]
    (entry,) = erasures
    receipt = arch("ledger", "show", "-c", archived, entry["id"])
    assert receipt.exit_code == EXIT_OK, receipt.output
    text = receipt.stdout
    assert "ERASURE RECEIPT" in text and "DSR-3" in text and "Who:           dpo" in text
    assert f"Erased:        {counts}" in text
    for manifest in entry["manifests"]:
        assert manifest in text
    assert re.search(r"peki-main/bot1 sequence \d+", text)
    for superseded in entry["superseded"]:
        assert f"{superseded}: deleted" in text
    assert uid not in text


def test_the_hint_of_a_blocked_erase_works_as_printed(
    peki: PekiSimulator,
    archived: Path,
) -> None:
    uid = users(peki)[5]
    assert arch("hold", "place", "-c", archived, "--case", "LIT 7", "--user-id", uid).exit_code == 0
    args = ["erase", "-c", archived, "--user-id", uid, "--reason", "DSR-4",
            "--sealed-key", sealed_key(archived)]  # fmt: skip
    refused = arch(*args)
    assert refused.exit_code == EXIT_HELD
    printed = re.search(r"release the hold with: (archiver [^;)]*)", refused.stderr)
    assert printed, refused.stderr
    command = shlex.split(printed.group(1))
    assert command[0] == "archiver"
    released = arch(*command[1:])
    assert released.exit_code == EXIT_OK, released.output
    assert arch(*args).exit_code == EXIT_OK


def test_erase_except_held_keeps_only_the_held_conversation(
    peki: PekiSimulator,
    archived: Path,
    tmp_path: Path,
) -> None:
    uid = next(u for u in users(peki) if len(sessions_of(peki, u)) >= 2)
    kept, *gone = sessions_of(peki, uid)
    key = sealed_key(archived)
    assert (
        arch("hold", "place", "-c", archived, "--case", "HR-1", "--session-id", kept).exit_code == 0
    )
    args = ["erase", "-c", archived, "--user-id", uid, "--reason", "DSR-5", "--sealed-key", key]
    assert arch(*args).exit_code == EXIT_HELD
    preview = arch(*args, "--dry-run")
    assert "hold in the way: case 'HR-1'" in preview.stdout
    done = arch(*args, "--except-held")
    assert done.exit_code == EXIT_OK, done.output
    assert "kept by hold of case 'HR-1': 1 conversation(s)" in done.stdout
    out = tmp_path / "t.txt"
    assert arch("retrieve", "-c", archived, "--session-id", kept, "--out", out,
                "--sealed-key", key).exit_code == EXIT_OK  # fmt: skip
    for sid in gone:
        r = arch("retrieve", "-c", archived, "--session-id", sid, "--out", tmp_path / f"{sid}.txt",
                 "--sealed-key", key)  # fmt: skip
        assert r.exit_code == EXIT_UNKNOWN


# --- 4. holds people can read --------------------------------------------------------------


def test_hold_list_answers_whether_a_person_is_held_by_what_and_why(
    peki: PekiSimulator,
    archived: Path,
) -> None:
    held, free = users(peki)[0], users(peki)[1]
    placed = arch(
        "hold", "place", "-c", archived, "--case", "LIT-2", "--user-id", held,
        "--reason", "pending claim 2024/17", "--custodian", "Legal (J. Doe)",
    )  # fmt: skip
    assert placed.exit_code == EXIT_OK, placed.output
    answer = arch("hold", "list", "-c", archived, "--user-id", held)
    assert answer.exit_code == EXIT_OK
    assert "the person is held by 1 hold(s)" in answer.stdout
    assert "LIT-2" in answer.stdout and "pending claim 2024/17" in answer.stdout
    assert "Legal (J. Doe)" in answer.stdout and "held since" in answer.stdout
    assert held not in answer.stdout
    other = arch("hold", "list", "-c", archived, "--user-id", free, "--json")
    assert json.loads(other.stdout) == {"held": False, "holds": []}
    sid = sessions_of(peki, free)[0]
    assert (
        arch("hold", "place", "-c", archived, "--case", "S-1", "--session-id", sid).exit_code == 0
    )
    by_session = json.loads(
        arch("hold", "list", "-c", archived, "--session-id", sid, "--json").stdout
    )
    assert by_session["held"] and [h["case"] for h in by_session["holds"]] == ["S-1"]


# --- 10. accountability ---------------------------------------------------------------------


def test_who_did_it_is_never_unknown(
    peki: PekiSimulator,
    archived: Path,
    tmp_path: Path,
) -> None:
    uid = users(peki)[0]
    anonymous = arch("hold", "place", "-c", archived, "--case", "C-9", "--user-id", uid,
                     env=NO_OPERATOR)  # fmt: skip
    assert anonymous.exit_code == EXIT_USAGE, anonymous.output
    assert "operator" in anonymous.stderr and store_keys(archived, "holds/") == []
    named = arch("hold", "place", "-c", archived, "--case", "C-9", "--user-id", uid,
                 "--operator", "legal-1", env=NO_OPERATOR)  # fmt: skip
    assert named.exit_code == EXIT_OK
    text = archived.read_text() + "operator: officer-from-config\n"
    archived.write_text(text)
    by_config = arch("hold", "place", "-c", archived, "--case", "C-10", "--user-id", uid,
                     env=NO_OPERATOR)  # fmt: skip
    assert by_config.exit_code == EXIT_OK, by_config.output
    holds = json.loads(arch("hold", "list", "-c", archived, "--json").stdout)["holds"]
    assert sorted(h["placed_by"] for h in holds) == ["legal-1", "officer-from-config"]


def test_every_opening_of_sealed_originals_is_recorded(
    peki: PekiSimulator,
    archived: Path,
    tmp_path: Path,
) -> None:
    uid = users(peki)[4]
    sid = sessions_of(peki, uid)[0]
    key = sealed_key(archived)
    sealed = set(store_keys(archived, "sealed/"))
    steps = {
        "export": ["export", "--user-id", uid, "--out", tmp_path / "e", "--reason", "DSR-9"],
        "retrieve": [
            "retrieve",
            "--session-id",
            sid,
            "--out",
            tmp_path / "t.txt",
            "--reason",
            "case 12",
        ],
        "restore --sealed": ["restore", "--to", tmp_path / "r", "--sealed", "--reason", "audit"],
    }
    for args in steps.values():
        r = arch(*args[:1], "-c", archived, *args[1:], "--sealed-key", key, "--operator", "amy")
        assert r.exit_code == EXIT_OK, r.output
    listed = arch("ledger", "list", "-c", archived, "--json")
    entries = [e for e in json.loads(listed.stdout)["entries"] if e["kind"] == "access"]
    assert sorted(e["command"] for e in entries) == sorted(steps)
    for e in entries:
        assert e["operator"] == "amy" and e["reason"] and e["at"]
        assert e["objects"] and set(e["objects"]) <= sealed
        assert e["streams"] and uid not in json.dumps(e) and sid not in json.dumps(e)
    restored = next(e for e in entries if e["command"] == "restore --sealed")
    assert set(restored["objects"]) == sealed
    text = arch("ledger", "list", "-c", archived).stdout
    assert text.count("\taccess\t") == 3


# --- 11. key mistakes say so ---------------------------------------------------------------


def test_a_wrong_verify_key_is_a_configuration_error(
    archived: Path,
    tmp_path: Path,
) -> None:
    pub = archived.parent / "keys" / "signing.pub.pem"
    pub.chmod(0o600)
    other = Ed25519PrivateKey.generate().public_key()
    pub.write_bytes(
        other.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    r = arch("verify", "-c", archived, "--no-witness")
    assert r.exit_code == EXIT_USAGE, r.output
    errors = [line for line in r.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "altered" not in r.output and "forged" not in r.output
    assert len(set(re.findall(r"ed25519:[0-9a-f]{32}", errors[0]))) == 2  # configured, found
    assert "keys.verify" in errors[0]
    # Every reader says the same, not "altered".
    restored = arch("restore", "-c", archived, "--to", tmp_path / "o")
    assert restored.exit_code == EXIT_USAGE and "keys.verify" in restored.stderr


def test_a_wrong_masked_key_is_a_configuration_error_naming_both_keys(
    archived: Path,
    tmp_path: Path,
) -> None:
    masked = archived.parent / "keys" / "masked-data.key"
    masked.unlink()
    generate_aes_key_file(masked)
    r = arch("verify", "-c", archived, "--deep", "--no-witness")
    assert r.exit_code == EXIT_USAGE, r.output
    assert "PROBLEM" not in r.output
    fingerprints = re.findall(r"hmac-sha256:[0-9a-f]{16}", r.stderr)
    assert len(set(fingerprints)) == 2, r.stderr  # the configured one and the expected one
    restored = arch("restore", "-c", archived, "--to", tmp_path / "o")
    assert restored.exit_code == EXIT_USAGE
    assert "different key" in restored.stderr


# --- small traps -----------------------------------------------------------------------------


def test_retrieve_does_not_overwrite_its_output_without_force(
    peki: PekiSimulator,
    archived: Path,
    tmp_path: Path,
) -> None:
    out = tmp_path / "t.txt"
    out.write_text("my notes")
    sid = sessions_of(peki, users(peki)[0])[0]
    args = ["retrieve", "-c", archived, "--session-id", sid, "--out", out,
            "--sealed-key", sealed_key(archived)]  # fmt: skip
    kept = arch(*args)
    assert kept.exit_code == EXIT_USAGE and "--force" in kept.stderr
    assert out.read_text() == "my notes"
    assert arch(*args, "--force").exit_code == EXIT_OK
    assert out.read_text() != "my notes"


def test_export_warns_when_no_controller_is_configured(
    peki: PekiSimulator,
    archived: Path,
    tmp_path: Path,
) -> None:
    args = ["export", "-c", archived, "--user-id", users(peki)[0],
            "--sealed-key", sealed_key(archived)]  # fmt: skip
    bare = arch(*args, "--out", tmp_path / "a")
    assert bare.exit_code == EXIT_OK
    assert "warning:" in bare.stderr and "export.controller" in bare.stderr
    archived.write_text(archived.read_text() + "export: {controller: Example Ltd}\n")
    configured = arch(*args, "--out", tmp_path / "b")
    assert configured.exit_code == EXIT_OK and "warning" not in configured.stderr
    assert "Controller: Example Ltd" in (tmp_path / "b" / "README.md").read_text()


@pytest.mark.parametrize(
    "command",
    [
        ["export"],
        ["retrieve"],
        ["erase"],
        ["hold"],
        ["hold", "place"],
        ["hold", "release"],
        ["hold", "list"],
        ["restore"],
        ["ledger"],
        ["ledger", "show"],
        ["prune"],
    ],
)
def test_help_lists_the_exit_codes(command: list[str]) -> None:
    r = arch(*command, "--help")
    assert r.exit_code == EXIT_OK
    assert "Exit codes:" in r.stdout
    assert re.search(r"^\s+0 ", r.stdout, re.MULTILINE) and re.search(r"^\s+2 ", r.stdout, re.M)
