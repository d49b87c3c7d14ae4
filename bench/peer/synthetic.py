"""The synthetic Peki messages of ``bench/pipeline.py``, importable without the archiver (the
dlt virtualenv runs ``dlt_local.py`` on the very same rows)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

T0 = datetime(2025, 1, 1, tzinfo=UTC)
WORDS = (
    "please",
    "order",
    "delivery",
    "refund",
    "account",
    "thanks",
    "hello",
    "status",
    "invoice",
    "tomorrow",
    "problem",
    "payment",
    "card",
    "help",
    "again",
    "today",
)


def text(i: int) -> str:
    n = 6 + i % 17
    body = " ".join(WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(n))
    if i % 10 == 0:
        body += f" write to me at user{i % 997}@example.com"
    if i % 13 == 0:
        body += f" or call +90 532 {i % 900 + 100} {i % 90 + 10} {i % 80 + 10}"
    return body


def message(i: int) -> dict[str, Any]:
    ts = T0 + timedelta(seconds=30 * i)
    return {
        "id": f"{i:024x}",
        "chatbotId": "bench",
        "chatSessionId": f"s{i // 8:023x}",
        "chatUserId": f"u{i // 40:023x}",
        "senderType": "User" if i % 2 else "Bot",
        "text": text(i),
        "url": None,
        "tokenCount": 20 + i % 50,
        "createdAt": ts.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
    }
