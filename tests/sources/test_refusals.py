"""What a run says when a platform is out of reach or refuses its credentials: the host and
port it tried, and which settings of which source to check, never a credential or a query."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from archiver.crawl.engine import run_archive
from archiver.demo import source_entry
from archiver.simulators.kore import KoreSimulator
from archiver.simulators.peki import PekiSimulator
from archiver.simulators.selise import SeliseSimulator
from tests.conftest import open_ctx, write_config

pytestmark = pytest.mark.usefixtures("parsed_once_in_module")


QUICK = {"max_retries": 0, "timeout_seconds": 2}


def errors_of(tmp_path: Path, entry: dict[str, Any]) -> list[str]:
    cfg = write_config(tmp_path, entry, crawl=QUICK)
    report = run_archive(open_ctx(cfg))
    assert report.streams and all(s.status == "failed" for s in report.streams)
    return [s.error or "" for s in report.streams]


@pytest.mark.parametrize(
    ("platform", "credential", "check"),
    [
        ("peki", "api_secret", "check api_key and api_secret of source p"),
        ("kore", "client_secret", "check client_id and client_secret of source p"),
        ("selise", "project_key", "check project_key of source p"),
    ],
)
def test_a_refused_credential_names_the_settings_to_check(
    request: pytest.FixtureRequest, tmp_path: Path, platform: str, credential: str, check: str
) -> None:
    sim: PekiSimulator | KoreSimulator | SeliseSimulator = request.getfixturevalue(platform)
    wrong = "a-wrong-credential-value-of-32-bytes"
    entry = source_entry("p", sim) | {credential: wrong}
    for error in errors_of(tmp_path, entry):
        assert "HTTP 401" in error and "refused the credentials" in error, error
        assert check in error, error
        assert wrong not in error and f" at {urlsplit(sim.base_url).netloc}" in error


def test_an_unreachable_platform_is_named_by_host_and_port(
    peki: PekiSimulator, tmp_path: Path
) -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    entry = source_entry("p", peki) | {"base_url": f"http://127.0.0.1:{port}/api"}
    for error in errors_of(tmp_path, entry):
        assert f"cannot connect to 127.0.0.1:{port}" in error, error
        assert peki.api_secret not in error and peki.api_key not in error
