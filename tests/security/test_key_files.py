"""Key files and files with personal data are private to their owner.

Every secret the config can load is refused through the CLI (exit 2, a ``chmod 600`` hint)
once group or others can read it; public keys need not be private and are accepted as they
are usually shipped (0644). ``init`` writes 0600 files in a 0700 ``keys/`` whatever the umask,
and export and retrieve write what they produce for the owner only. The unit-level mode checks
of the key loaders are in ``tests/archive/test_crypto.py`` and ``tests/test_config.py``.
"""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from archiver.errors import EXIT_USAGE
from archiver.simulators.peki import PekiSimulator
from tests.conftest import sealed_key, write_config
from tests.security import invoke


@pytest.fixture
def umask_zero() -> Iterator[None]:
    """The most permissive umask: file modes must come from the code, not from the umask."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``archiver init`` once, under the most permissive umask."""
    where = tmp_path_factory.mktemp("init") / "home"
    old = os.umask(0)
    try:
        out = invoke("init", "--dir", str(where))
    finally:
        os.umask(old)
    assert out.exit_code == 0, out.stdout + out.stderr
    return where


@pytest.fixture
def home(template: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(template, tmp_path / "home"))


def test_init_writes_every_key_0600_in_a_0700_folder_whatever_the_umask(template: Path) -> None:
    keys = sorted((template / "keys").iterdir())
    assert {k.name for k in keys} == {
        "pseudonym.key",
        "signing.pem",
        "signing.pub.pem",
        "masked-data.key",
        "sealed.pub.pem",
    }
    assert {k.name: mode(k) for k in keys} == {k.name: 0o600 for k in keys}
    assert mode(template / "keys") == 0o700
    # The key that opens sealed originals is not among the job's keys.
    assert mode(sealed_key(template)) == 0o600 and mode(sealed_key(template).parent) == 0o700


#: Each secret the config (or --sealed-key) loads, and a command that loads it.
SECRET_KEYS = {
    "pseudonym": ("pseudonym.key", ["run", "--allow-empty"]),
    "signing": ("signing.pem", ["run", "--allow-empty"]),
    "masked-aes": ("masked-data.key", ["run", "--allow-empty"]),
    "sealed-private": ("sealed-private.pem", ["restore", "--sealed", "--to", "OUT"]),
}


@pytest.mark.parametrize("perm", [0o640, 0o604], ids=oct)
@pytest.mark.parametrize("kind", list(SECRET_KEYS))
def test_a_secret_key_readable_by_others_is_refused_with_a_chmod_hint(
    home: Path, kind: str, perm: int
) -> None:
    name, command = SECRET_KEYS[kind]
    key = sealed_key(home) if kind == "sealed-private" else home / "keys" / name
    key.chmod(perm)
    args = [a.replace("OUT", str(home / "out")) for a in command]
    if kind == "sealed-private":
        args += ["--sealed-key", str(key)]

    out = invoke(*args, "--config", str(home / "archiver.yaml"))

    assert out.exit_code == EXIT_USAGE and out.exception is None, out.stdout + out.stderr
    assert len(out.messages) == 1
    assert f"(mode {perm:04o})" in out.messages[0]
    assert f"chmod 600 {key}" in out.messages[0]
    assert "Traceback" not in out.stderr
    assert not (home / "archive").exists() and not (home / "out").exists()


@pytest.mark.parametrize("name", ["signing.pub.pem", "sealed.pub.pem"])
def test_public_keys_may_be_readable_by_everyone(home: Path, name: str) -> None:
    (home / "keys" / name).chmod(0o644)
    out = invoke("run", "--allow-empty", "--config", str(home / "archiver.yaml"))
    assert out.exit_code == 0, out.stdout + out.stderr


def test_export_and_retrieve_write_files_only_their_owner_can_read(
    peki: PekiSimulator, tmp_path: Path, umask_zero: None
) -> None:
    cfg = write_config(tmp_path, peki)
    assert invoke("run", "-c", str(cfg)).exit_code == 0
    sealed = ["--sealed-key", str(sealed_key(tmp_path))]
    user = sorted(peki.truth("bot1")["users"])[0]
    session = sorted(peki.truth("bot1")["sessions"])[0]
    folder, archive = tmp_path / "out" / "export", tmp_path / "out" / "export.zip"
    transcript = tmp_path / "out" / "t.html"
    transcript.parent.mkdir()
    transcript.write_text("an older file, readable by all")
    transcript.chmod(0o644)
    runs = [
        ["export", "-c", str(cfg), "--user-id", user, "--out", str(folder), *sealed],
        ["export", "-c", str(cfg), "--user-id", user, "--out", str(archive), *sealed],
        ["retrieve", "-c", str(cfg), "--session-id", session, "--out", str(transcript),
         "--format", "html", "--force", *sealed],
    ]  # fmt: skip
    for args in runs:
        out = invoke(*args)
        assert out.exit_code == 0, out.stdout + out.stderr

    written = [archive, transcript, transcript.with_name("t.html.custody.json")]
    written += list(folder.iterdir())
    assert len(written) > 4
    assert {str(p): mode(p) for p in written} == {str(p): 0o600 for p in written}
    assert mode(folder) == 0o700
    assert "an older file" not in transcript.read_text()


def test_secret_files_named_by_the_config_are_read_as_mounted(
    peki: PekiSimulator, tmp_path: Path
) -> None:
    """``${file:…}`` credentials come from the platform's secret mounts (Kubernetes mounts
    them 0644 by default), so their mode is the orchestrator's business, not refused here."""
    secret = tmp_path / "api_secret"
    secret.write_text(peki.api_secret + "\n")
    secret.chmod(0o644)
    cfg = write_config(tmp_path, peki)
    doc = yaml.safe_load(cfg.read_text())
    doc["sources"][0]["api_secret"] = "${file:" + str(secret) + "}"
    cfg.write_text(yaml.safe_dump(doc))
    out = invoke("run", "-c", str(cfg))
    assert out.exit_code == 0, out.stdout + out.stderr
