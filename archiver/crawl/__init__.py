"""Incremental crawl: watermarks, deduplication against committed state, commit per stream."""

from __future__ import annotations
