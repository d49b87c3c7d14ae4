"""The gazetteer's lists kept between processes: the same sets as building them, rebuilt when
the kept file is damaged, and no harm where the folder cannot be written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from archiver.errors import ConfigError
from archiver.transform import gazetteer
from archiver.transform.policy import parse_policy

LOCALES = ("de_DE", "pl_PL")


def kept_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("gazetteer-*.json"))


def test_kept_lists_equal_built_ones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(gazetteer.CACHE_ENV, "")
    built = gazetteer._first_names(LOCALES)
    assert kept_files(tmp_path) == []
    monkeypatch.setenv(gazetteer.CACHE_ENV, str(tmp_path))
    first = gazetteer._first_names(LOCALES)  # builds and keeps
    (path,) = [p for p in kept_files(tmp_path) if "first_names" in p.name]
    assert path.stat().st_mode & 0o077 == 0
    again = gazetteer._first_names(LOCALES)  # read back
    assert first == again == built and len(built[0]) > 1000
    # another locale set is another file, not the same answer
    other = gazetteer._first_names(("tr_TR",))
    assert other != built and len(kept_files(tmp_path)) > 2


@pytest.mark.parametrize("damage", [b"{not json", b"[1, 2]", b'{"a": 1}', b'[["x", 3]]', b""])
def test_a_damaged_kept_file_is_built_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: bytes
) -> None:
    monkeypatch.setenv(gazetteer.CACHE_ENV, str(tmp_path))
    built = gazetteer._native_names(("zh_CN", "ar_AA"))
    (path,) = [p for p in kept_files(tmp_path) if "native_names" in p.name]
    path.write_bytes(damage)
    assert gazetteer._native_names(("zh_CN", "ar_AA")) == built
    assert [frozenset(p) for p in json.loads(path.read_bytes())] == list(built)


def test_a_folder_that_cannot_be_written_costs_only_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.setenv(gazetteer.CACHE_ENV, str(blocker / "archiver"))
    assert gazetteer._last_names(LOCALES)[0] == gazetteer.last_names(LOCALES)
    assert blocker.read_text(encoding="utf-8").startswith("a file")


def test_an_unknown_locale_is_refused_with_lists_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(gazetteer.CACHE_ENV, str(tmp_path))
    doc = (
        "version: 1\nplatforms: {peki: {}}\n"
        "detectors:\n  names:\n    gazetteer:\n      locales: [%s]\n"
    )
    parse_policy((doc % "de_DE").encode(), name="ok")
    with pytest.raises(ConfigError, match="xx_XX is not a locale"):
        parse_policy((doc % "de_DE, xx_XX").encode(), name="bad")


def test_a_new_process_reads_what_an_earlier_one_kept(tmp_path: Path) -> None:
    """The default policy's lists, kept by one process and read by the next, are those a
    process without a cache builds."""
    code = (
        "import hashlib, sys\n"
        "from archiver.transform.policy import load_policy\n"
        "n = load_policy(None).detectors.names\n"
        "sets = (n.gazetteer, n.gazetteer_paired, n.surnames, n.common, n.family, n.native)\n"
        "print(hashlib.sha256(repr([sorted(s) for s in sets]).encode()).hexdigest())\n"
    )

    def digest(cache: str) -> str:
        env = {"PATH": "/usr/bin:/bin", gazetteer.CACHE_ENV: cache}
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        )
        return out.stdout.strip()

    without = digest("")
    assert digest(str(tmp_path)) == without  # builds and keeps
    assert kept_files(tmp_path)
    assert digest(str(tmp_path)) == without  # reads
