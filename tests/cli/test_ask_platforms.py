"""``lookup.ask_platforms``: an id the archive does not know is looked up on the platforms, so
the privacy officer learns whether it is a typo or data not archived yet, and a hold on what a
platform has is placed at once (a preservation hold naming the sources)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from archiver.cli import cli
from archiver.errors import EXIT_OK, EXIT_UNKNOWN
from archiver.simulators.peki import PekiSimulator
from tests.conftest import logging_restored, open_ctx, sealed_key

pytestmark = pytest.mark.usefixtures("parsed_once_in_module")


def arch(*args: str | Path, env: Mapping[str, str | None] | None = None) -> Result:
    with logging_restored():
        return CliRunner().invoke(
            cli, ["--log-format", "text", *map(str, args)], env=dict(env or {})
        )


def _ask(cfg: Path) -> None:
    doc = yaml.safe_load(cfg.read_text())
    doc["lookup"] = {"ask_platforms": True}
    cfg.write_text(yaml.safe_dump(doc))


def _new_person(peki: PekiSimulator) -> tuple[str, str]:
    """A user with a conversation the platform has and the archive has not (yet)."""
    uid = peki.add_user("bot1")
    sid = peki.add_session("bot1", uid)
    peki.add_message("bot1", sid)
    return uid, sid


def test_a_hold_on_a_person_the_platform_has_is_placed_as_preservation(
    peki: PekiSimulator, archived: Path
) -> None:
    uid, sid = _new_person(peki)
    refused = arch("hold", "place", "-c", archived, "--case", "C-1", "--user-id", uid)
    assert refused.exit_code == EXIT_UNKNOWN, refused.output  # not asked: as before
    assert "lookup.ask_platforms" in refused.stderr

    _ask(archived)
    placed = arch("hold", "place", "-c", archived, "--case", "C-1", "--user-id", uid)
    assert placed.exit_code == EXIT_OK, placed.output
    placed_s = arch("hold", "place", "-c", archived, "--case", "C-1", "--session-id", sid)
    assert placed_s.exit_code == EXIT_OK, placed_s.output
    holds = json.loads(arch("hold", "list", "-c", archived, "--json").stdout)["holds"]
    assert sorted((h["kind"], h["preservation"], h["on_platform"]) for h in holds) == [
        ("session", True, ["peki-main"]),
        ("user", True, ["peki-main"]),
    ]
    assert uid not in placed.output and sid not in placed_s.output

    # A typo is still refused, and now says that no platform has it either.
    typo = uid[:-1] + ("x" if uid[-1] != "x" else "y")
    wrong = arch("hold", "place", "-c", archived, "--case", "C-1", "--user-id", typo)
    assert wrong.exit_code == EXIT_UNKNOWN, wrong.output
    assert "the platform of 'peki-main' has not" in wrong.stderr
    assert typo not in wrong.output
    assert len(json.loads(arch("hold", "list", "-c", archived, "--json").stdout)["holds"]) == 2


def test_erase_export_and_retrieve_say_the_data_is_not_archived_yet(
    peki: PekiSimulator, archived: Path, tmp_path: Path
) -> None:
    _ask(archived)
    uid, sid = _new_person(peki)
    key = sealed_key(archived.parent)
    for args in (
        ("erase", "--user-id", uid, "--reason", "DSR-9", "--sealed-key", key),
        ("export", "--user-id", uid, "--out", tmp_path / "e", "--sealed-key", key),
        ("retrieve", "--session-id", sid, "--out", tmp_path / "t.txt", "--sealed-key", key),
    ):
        r = arch(args[0], "-c", archived, *args[1:])
        assert r.exit_code == EXIT_UNKNOWN, (args[0], r.output)
        assert "the platform of 'peki-main' has it: not archived yet" in r.stderr, args[0]
        assert "run the crawl" in r.stderr and uid not in r.output and sid not in r.output
    bogus = arch(
        "retrieve", "-c", archived, "--session-id", "no-such-session", "--out",
        tmp_path / "t.txt", "--sealed-key", key,
    )  # fmt: skip
    assert bogus.exit_code == EXIT_UNKNOWN and "has not" in bogus.stderr
    ctx = open_ctx(archived, write=False)
    assert [i.key for i in ctx.store.list("suppressed/")] == []
    assert not (tmp_path / "e").exists() and not (tmp_path / "t.txt").exists()


def test_a_platform_that_cannot_be_reached_leaves_the_answer_unknown(
    peki: PekiSimulator, archived: Path
) -> None:
    _ask(archived)
    doc = yaml.safe_load(archived.read_text())
    doc["sources"][0]["base_url"] = "http://127.0.0.1:9/api"  # nothing listens there
    doc["crawl"] |= {"max_retries": 0, "timeout_seconds": 2}
    archived.write_text(yaml.safe_dump(doc))
    uid, _ = _new_person(peki)
    r = arch("hold", "place", "-c", archived, "--case", "C-2", "--user-id", uid)
    assert r.exit_code == EXIT_UNKNOWN, r.output
    assert "'peki-main' could not be asked" in r.stderr
