"""What the observability, shutdown and doctor tests share: config edits and real processes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from archiver.simulators.peki import PekiSimulator

ARCHIVER = [sys.executable, "-m", "archiver"]


def update_config(cfg: Path, **sections: Any) -> Path:
    """Set top-level sections (``metrics``, ``shutdown``, …) of a config written by
    ``tests.conftest.write_config``."""
    doc = yaml.safe_load(cfg.read_text())
    doc.update(sections)
    cfg.write_text(yaml.safe_dump(doc, sort_keys=False))
    return cfg


def archiver_env(**extra: str) -> dict[str, str]:
    return {**os.environ, "NO_PROXY": "127.0.0.1,localhost", **extra}


def archiver(*args: str, timeout: float = 120, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*ARCHIVER, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=archiver_env(**env),
    )


def json_lines(stderr: str) -> list[dict[str, Any]]:
    """Every stderr line as JSON: a line that is not JSON fails the test."""
    out = []
    for line in stderr.splitlines():
        try:
            doc = json.loads(line)
        except ValueError:
            raise AssertionError(f"not a JSON log line: {line[:200]!r}") from None
        assert isinstance(doc, dict) and {"time", "level", "event", "message"} <= set(doc)
        out.append(doc)
    return out


def personal_values(sim: PekiSimulator) -> set[str]:
    """Everything the platform holds about people: planted values, profile fields, ids, texts."""
    values: set[str] = set()
    for planted in sim.planted.values():
        values.update(v for _, v in planted)
    for bot in sim.chatbot_ids:
        truth = sim.truth(bot)
        for user in truth["users"].values():
            values.add(user["id"])
            for key in ("firstName", "lastName", "email", "phoneNumber", "username"):
                if user.get(key):
                    values.add(str(user[key]))
        for session in truth["sessions"].values():
            for key in ("chatUserName", "summary"):
                if session.get(key):
                    values.add(str(session[key]))
        for message in truth["messages"].values():
            if isinstance(message.get("text"), str) and len(message["text"]) >= 12:
                values.add(message["text"])
    return {v for v in values if len(v) >= 3}


def leaks(text: str, forbidden: Iterable[str]) -> list[str]:
    """The forbidden values found in ``text`` as whole words (a name like "Can" must not match
    "Cannot")."""
    found = []
    for value in forbidden:
        if value in text and re.search(rf"(?<!\w){re.escape(value)}(?!\w)", text):
            found.append(value)
    return found
