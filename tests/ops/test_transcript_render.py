"""Transcripts as a person sees them: printed to PDF by headless Chromium, then read back.

Skipped where Chromium is not installed (``apt-get install chromium``); CI installs nothing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from archiver.crawl.engine import run_archive
from archiver.ops.hold import place_or_release
from archiver.ops.produce import produce
from archiver.ops.retrieve import retrieve
from archiver.simulators.peki import PekiSimulator
from tests.conftest import open_ctx, sealed_ctx

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.usefixtures("parsed_once_in_module"),
    pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed"),
]


def print_pdf(html: Path, tmp: Path) -> Path:
    pdf = tmp / (html.stem + ".pdf")
    subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tmp / 'chromium-profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            html.resolve().as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return pdf


def pages(pdf: Path) -> list[str]:
    from pypdf import PdfReader

    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(pdf).pages]


def _long_session(peki: PekiSimulator, cfg: Path) -> str:
    sid = sorted(peki.truth("bot1")["sessions"])[1]
    for i in range(45):
        peki.add_message("bot1", sid, text=f"message number {i:02d} " + "and more words " * (i % 9))
    peki.clock_skew_seconds += 5
    assert run_archive(open_ctx(cfg)).exit_code == 0
    return sid


def test_a_bundle_document_prints_with_its_number_on_every_page(
    peki: PekiSimulator, archived: Path, tmp_path: Path
) -> None:
    sid = _long_session(peki, archived)
    place_or_release(open_ctx(archived), "place", "PRINT-1", session_id=sid)
    produce(sealed_ctx(archived), "PRINT-1", tmp_path / "b")
    text = pages(print_pdf(tmp_path / "b" / "NATIVES" / "PRINT-1-000001.html", tmp_path))
    assert len(text) >= 3
    for i, page in enumerate(text, start=1):
        assert "PRINT-1-000001" in page
        assert f"Page {i} of {len(text)}" in page
    head = text[0]
    for label in (
        "Transcript of session",
        sid,
        "Platform",
        "Peki",
        "Tenant",
        "bot1",
        "Participants",
        "First message",
        "Last message",
        "UTC",
    ):
        assert label in head, label
    tail = " ".join(text[-2:])
    assert "Chain of custody" in tail and "Chain check: intact" in tail
    # No row is cut: each message's time, id and words are on one page together.
    for i in range(45):
        marker = f"message number {i:02d}"
        assert sum(marker in p for p in text) == 1, marker


def test_retrieve_html_prints_with_page_numbers(
    peki: PekiSimulator, archived: Path, tmp_path: Path
) -> None:
    sid = sorted(peki.truth("bot2")["sessions"])[0]
    out = tmp_path / "t.html"
    retrieve(sealed_ctx(archived), sid, out, fmt="html")
    text = pages(print_pdf(out, tmp_path))
    assert text and all(re.search(r"Page \d+ of \d+", p) for p in text)
    assert sid in text[0] and "Session id" in text[0]
    assert "{" not in " ".join(text)  # the custody is a summary, not raw JSON
