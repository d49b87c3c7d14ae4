"""Config: interpolation, secrets from files, errors that name the key and never the value."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from archiver.config import load_config
from archiver.errors import ConfigError, KeyError_
from archiver.keys import load_pseudonym_key
from archiver.ops.init import init_dir


@pytest.fixture
def cfgdir(tmp_path: Path) -> Path:
    init_dir(tmp_path)
    return tmp_path


def set_sources(d: Path, sources: list[dict[str, object]], **top: object) -> Path:
    p = d / "archiver.yaml"
    doc = yaml.safe_load(p.read_text())
    doc["sources"] = sources
    doc.update(top)
    p.write_text(yaml.safe_dump(doc))
    return p


PEKI = {
    "name": "peki-main",
    "type": "peki",
    "base_url": "https://api.peki.ai/api",
    "api_key": "${PEKI_KEY}",
    "api_secret": "${file:secret.txt}",
    "chatbot_ids": ["bot1"],
}


def test_init_writes_a_loadable_config_and_private_keys(cfgdir: Path) -> None:
    cfg = load_config(cfgdir / "archiver.yaml")
    assert cfg.sources == ()
    assert cfg.archive.url == str((cfgdir / "archive").resolve())
    keys = sorted((cfgdir / "keys").iterdir())
    assert {k.name for k in keys} >= {
        "pseudonym.key",
        "signing.pem",
        "masked-data.key",
        "sealed.pub.pem",
    }
    assert not (cfgdir / "keys" / "sealed-private.pem").exists()
    for k in keys:
        assert stat.S_IMODE(k.stat().st_mode) == 0o600, k
    assert stat.S_IMODE((cfgdir / "keys").stat().st_mode) == 0o700


def test_init_refuses_to_overwrite(cfgdir: Path) -> None:
    with pytest.raises(ConfigError, match="already exists"):
        init_dir(cfgdir)


def test_env_and_file_interpolation(cfgdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (cfgdir / "secret.txt").write_text("sk_from_file\n")
    monkeypatch.setenv("PEKI_KEY", "pk_from_env")
    cfg = load_config(set_sources(cfgdir, [PEKI]))
    s = cfg.source("peki-main").settings
    assert s["api_key"] == "pk_from_env"
    assert s["api_secret"] == "sk_from_file"


def test_missing_env_names_the_key_and_variable(
    cfgdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PEKI_KEY", raising=False)
    (cfgdir / "secret.txt").write_text("x")
    with pytest.raises(ConfigError, match=r"sources\[0\]\.api_key.*PEKI_KEY"):
        load_config(set_sources(cfgdir, [PEKI]))


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"chatbot_ids": []}, r"sources\[0\]\.chatbot_ids"),
        ({"base_url": "ftp://x"}, r"sources\[0\]\.base_url"),
        ({"colour": "blue"}, r"sources\[0\].*colour"),
        ({"type": "slack"}, r"sources\[0\]\.type"),
        ({"name": "Bad Name"}, r"sources\[0\]\.name"),
    ],
)
def test_bad_source_key_is_named(
    cfgdir: Path, monkeypatch: pytest.MonkeyPatch, change: dict[str, object], where: str
) -> None:
    monkeypatch.setenv("PEKI_KEY", "pk_secret_value")
    (cfgdir / "secret.txt").write_text("sk_secret_value")
    with pytest.raises(ConfigError, match=where) as err:
        load_config(set_sources(cfgdir, [PEKI | change]))
    assert "secret_value" not in str(err.value)


def test_bad_top_level_and_types(cfgdir: Path) -> None:
    with pytest.raises(ConfigError, match=r"crawl\.lag_seconds"):
        load_config(set_sources(cfgdir, [], crawl={"lag_seconds": -1}))
    with pytest.raises(ConfigError, match="archive"):
        load_config(set_sources(cfgdir, [], archive={"path": "x"}))
    p = cfgdir / "archiver.yaml"
    p.write_text("archive: [unclosed\n")
    with pytest.raises(ConfigError, match="not valid YAML at line"):
        load_config(p)


def test_duplicate_source_names(cfgdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PEKI_KEY", "k")
    (cfgdir / "secret.txt").write_text("s")
    with pytest.raises(ConfigError, match="duplicate"):
        load_config(set_sources(cfgdir, [PEKI, PEKI]))


def test_world_readable_key_is_refused(cfgdir: Path) -> None:
    key = cfgdir / "keys" / "pseudonym.key"
    key.chmod(0o644)
    with pytest.raises(KeyError_, match="chmod 600"):
        load_pseudonym_key(key)


def test_cli_config_error_exits_2_without_traceback(cfgdir: Path) -> None:
    p = set_sources(cfgdir, [{"name": "x", "type": "peki"}])
    out = subprocess.run(
        [sys.executable, "-m", "archiver", "run", "--config", str(p)],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 2
    assert "sources[0]" in out.stderr and "Traceback" not in out.stderr


def test_a_key_given_twice_is_refused_naming_both_lines(cfgdir: Path) -> None:
    """Pasting the block 'archiver simulate' prints under the generated 'sources: []' used to
    keep whichever came last, silently."""
    p = cfgdir / "archiver.yaml"
    block = yaml.safe_dump({"sources": [PEKI | {"api_key": "pk_pasted_secret"}]}, sort_keys=False)
    p.write_text(p.read_text() + block)
    first = next(i for i, line in enumerate(p.read_text().splitlines(), 1) if line == "sources: []")
    with pytest.raises(ConfigError, match=rf"'sources' is given twice .*lines {first} and") as err:
        load_config(p)
    assert "pk_pasted_secret" not in str(err.value)
    nested = set_sources(cfgdir, [])
    nested.write_text(nested.read_text().replace("crawl:\n", "crawl:\n  lag_seconds: 5\n", 1))
    with pytest.raises(ConfigError, match="'lag_seconds' is given twice"):
        load_config(nested)


def test_every_schema_problem_is_listed_with_the_expected_type_and_a_suggestion(
    cfgdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PEKI_KEY", "pk_secret_value")
    (cfgdir / "secret.txt").write_text("sk_secret_value")
    entry = {k: v for k, v in PEKI.items() if k != "chatbot_ids"}
    entry |= {"chatbot_id": ["bot1"], "base_url": "ftp://pk_secret_value"}
    p = set_sources(
        cfgdir, [entry], crawl={"lag_secnds": 5, "page_size": "pk_secret_value", "concurrency": 0}
    )
    with pytest.raises(ConfigError) as err:
        load_config(p)
    text = str(err.value)
    assert "6 problems" in text
    assert "crawl.lag_secnds: unknown key (did you mean 'lag_seconds'?)" in text
    assert "crawl.page_size: expected a whole number, got a string" in text
    assert "crawl.concurrency: must be a whole number >= 1" in text
    assert "sources[0].chatbot_id: unknown key (did you mean 'chatbot_ids'?)" in text
    assert "sources[0].chatbot_ids: missing" in text
    assert "sources[0].base_url: must be a string matching the pattern" in text
    assert "secret_value" not in text


def test_a_run_without_sources_is_a_config_error_unless_allowed(cfgdir: Path) -> None:
    cfg = str(cfgdir / "archiver.yaml")
    refused = subprocess.run(
        [sys.executable, "-m", "archiver", "run", "--config", cfg], capture_output=True, text=True
    )
    assert refused.returncode == 2, refused.stdout + refused.stderr
    assert "no sources are configured" in refused.stderr
    assert not (cfgdir / "archive" / "manifests").exists()
    allowed = subprocess.run(
        [sys.executable, "-m", "archiver", "run", "--config", cfg, "--allow-empty"],
        capture_output=True,
        text=True,
    )
    assert allowed.returncode == 0, allowed.stderr
