"""Restore writes a whole new tree or nothing, and swaps it in only when complete."""

from __future__ import annotations

from pathlib import Path

import pytest

import archiver.ops.restore as restore_mod
from archiver.errors import ConfigError, IntegrityError
from archiver.ops.restore import Filters, restore
from tests.conftest import open_ctx

pytestmark = pytest.mark.usefixtures("parsed_once_in_module")


def files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two-renames"])
def test_replace_swaps_in_a_complete_tree(
    archived: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    exchange: bool,
) -> None:
    swaps: list[bool] = []
    real = restore_mod._exchange

    def spy(a: Path, b: Path) -> bool:
        # Where the one-step exchange is missing (not Linux, old libc), two renames do it.
        swaps.append(real(a, b) if exchange else False)
        return swaps[-1]

    monkeypatch.setattr(restore_mod, "_exchange", spy)
    ctx = open_ctx(archived, write=False)
    out = tmp_path / "restores" / "out"
    out.mkdir(parents=True)
    (out / "stale.parquet").write_text("left from before")
    with pytest.raises(ConfigError, match="not empty"):
        restore(ctx, out)
    report = restore(ctx, out, replace=True, filters=Filters(tables=frozenset({"users"})))
    assert report.replaced and report.files > 0
    assert swaps == [exchange]
    assert files(out) and all(f.startswith("users/") for f in files(out))
    assert sorted(p.name for p in out.parent.iterdir()) == ["out"]  # nothing left beside


def test_a_failed_restore_leaves_the_target_as_it_was(
    archived: Path,
    tmp_path: Path,
) -> None:
    ctx = open_ctx(archived, write=False)
    out = tmp_path / "restores" / "out"
    restore(ctx, out, filters=Filters(tables=frozenset({"sessions"})))
    before = files(out)
    victim = sorted((tmp_path / "archive" / "data" / "users").rglob("*.enc"))[-1]
    victim.chmod(0o600)
    victim.write_bytes(b"\0" + victim.read_bytes()[1:])
    with pytest.raises(IntegrityError, match="altered"):
        restore(ctx, out, replace=True)
    assert files(out) == before
    assert sorted(p.name for p in out.parent.iterdir()) == ["out"]


def test_filters_validate_their_names(archived: Path, tmp_path: Path) -> None:
    ctx = open_ctx(archived, write=False)
    with pytest.raises(ConfigError, match="--table"):
        restore(ctx, tmp_path / "a", filters=Filters(tables=frozenset({"people"})))
    assert not (tmp_path / "a").exists()
