"""Builds a source from its config entry."""

from __future__ import annotations

from datetime import timedelta

import httpx

from archiver.config import Config, SourceConfig
from archiver.errors import ConfigError
from archiver.sources.base import Source
from archiver.sources.http import HttpPolicy, Waits


def policy_for(cfg: Config, waits: Waits | None = None) -> HttpPolicy:
    c = cfg.crawl
    return HttpPolicy(
        timeout_seconds=c.timeout_seconds,
        max_retries=c.max_retries,
        max_wait_seconds=c.max_wait_seconds,
        concurrency=c.concurrency,
        waits=waits,
    )


def build_source(
    cfg: Config,
    sc: SourceConfig,
    *,
    transport: httpx.BaseTransport | None = None,
    waits: Waits | None = None,
) -> Source:
    """The source of a config entry; ``waits`` lets a run's stop end its waits at once.

    Each platform's module caps the page size at what its API allows.
    """
    policy, size = policy_for(cfg, waits), cfg.crawl.page_size
    if sc.type == "peki":
        from archiver.sources.peki import PekiSource

        return PekiSource(sc.name, sc.settings, policy=policy, page_size=size, transport=transport)
    if sc.type == "kore":
        from archiver.sources.kore import KoreSource

        return KoreSource(
            sc.name,
            sc.settings,
            policy=policy,
            page_size=size,
            overlap=timedelta(seconds=cfg.crawl.lag_seconds),
            transport=transport,
        )
    if sc.type == "selise":
        from archiver.sources.selise import SeliseSource

        return SeliseSource(
            sc.name, sc.settings, policy=policy, page_size=size, transport=transport
        )
    raise ConfigError(f"source {sc.name}: type {sc.type!r} is not supported by this version")
