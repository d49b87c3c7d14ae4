"""Builds a source from its config entry."""

from __future__ import annotations

from datetime import timedelta

import httpx

from archiver.config import Config, SourceConfig
from archiver.errors import ConfigError
from archiver.sources.base import Source
from archiver.sources.common import HttpSource
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
    cls: type[HttpSource]
    if sc.type == "peki":
        from archiver.sources.peki import PekiSource

        cls = PekiSource
    elif sc.type == "kore":
        from archiver.sources.kore import KoreSource

        cls = KoreSource
    elif sc.type == "selise":
        from archiver.sources.selise import SeliseSource

        cls = SeliseSource
    else:
        raise ConfigError(f"source {sc.name}: type {sc.type!r} is not supported by this version")
    return cls(
        sc.name,
        sc.settings,
        policy=policy_for(cfg, waits),
        page_size=cfg.crawl.page_size,
        overlap=timedelta(seconds=cfg.crawl.lag_seconds),
        transport=transport,
    )
