"""What every platform source shares (``HttpSource``): the counters it gives the crawler, the
platform's clock at a crawl's start from the ``Date`` header, and Kore.ai's budget per bot."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from archiver.config import load_config
from archiver.demo import source_entry
from archiver.errors import RateLimited
from archiver.simulators.kore import KoreSimulator
from archiver.simulators.peki import PekiSimulator
from archiver.sources.http import HttpPolicy, server_date
from archiver.sources.kore import KoreSource
from archiver.sources.peki import PekiSource
from archiver.sources.registry import build_source
from tests.conftest import UNLIMITED
from tests.contract.platforms import PLATFORMS, write_config


@pytest.mark.parametrize("name", ["peki", "kore", "selise"])
def test_a_source_counts_each_crawls_requests_by_tenant(tmp_path: Path, name: str) -> None:
    """``scan_stats(tenant)`` holds the list reads of the tenant's last crawl only (the run
    report's pages), ``http_stats`` and ``request_count`` every request the source sent."""
    platform = PLATFORMS[name](users=6)
    with platform:
        cfg = load_config(write_config(tmp_path, platform))
        source = build_source(cfg, cfg.sources[0])
        try:
            served_in_all = 0
            for _ in range(2):  # the same tenants again: the counters start from 0
                for tenant in source.tenants():
                    platform.reset_counters()
                    records = list(source.changes(tenant, None))
                    served = platform.counters()["total"]
                    pages = sum(s.requests for s in source.scan_stats(tenant).values())
                    assert records and pages == served > 0
                    assert source.crawl_started_at(tenant) is not None
                    served_in_all += served
            stats = source.http_stats()
            assert stats["requests"] == source.request_count() == served_in_all
            assert stats["status.200"] == served_in_all
        finally:
            source.close()
    assert source.scan_stats("no-such-tenant") == {}


@given(
    st.datetimes(
        min_value=datetime(1970, 1, 2),  # noqa: DTZ001
        max_value=datetime(9999, 1, 1),  # noqa: DTZ001
        timezones=st.just(UTC),
    ),
    st.sampled_from(["imf", "rfc850", "asctime"]),
)
def test_every_http_date_format_gives_the_same_aware_time(when: datetime, form: str) -> None:
    """RFC 9110 asks recipients to accept all three forms; two of them carry no zone."""
    exact = when.replace(microsecond=0)
    text = {
        "imf": format_datetime(exact, usegmt=True),
        "rfc850": exact.strftime("%A, %d-%b-%y %H:%M:%S GMT"),
        "asctime": exact.strftime("%a %b ") + f"{exact.day:>2}" + exact.strftime(" %H:%M:%S %Y"),
    }[form]
    if form == "rfc850" and not 1970 <= exact.year < 2069:
        return  # two-digit years: 69-99 are read as 1969-1999, 00-68 as 2000-2068
    parsed = server_date(httpx.Response(200, headers={"Date": text}))
    assert parsed == exact and parsed is not None and parsed.utcoffset() == timedelta(0)


@pytest.mark.parametrize("value", [None, "", "yesterday", "Sun, 99 Nov 1994 08:49:37 GMT"])
def test_a_missing_or_broken_date_header_gives_none(value: str | None) -> None:
    headers = {} if value is None else {"Date": value}
    assert server_date(httpx.Response(200, headers=headers)) is None


class _AsctimeDates(httpx.BaseTransport):
    """Passes every request to the simulator and rewrites its ``Date`` in the asctime form,
    the one HTTP-date that names no zone."""

    def __init__(self) -> None:
        self._inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self._inner.handle_request(request)
        when = server_date(response)
        assert when is not None
        text = when.strftime("%a %b ") + f"{when.day:>2}" + when.strftime(" %H:%M:%S %Y")
        response.headers["Date"] = text
        return response


def test_a_crawl_start_from_an_asctime_date_header_is_aware_and_one_second_early() -> None:
    with PekiSimulator(
        seed=5, chatbot_ids=("b1",), users_per_bot=3, rate_limit_per_minute=UNLIMITED
    ) as sim:
        before = sim.now().replace(microsecond=0)
        source = PekiSource(
            "p",
            {
                "base_url": sim.base_url,
                "api_key": sim.api_key,
                "api_secret": sim.api_secret,
                "chatbot_ids": ["b1"],
            },
            policy=HttpPolicy(),
            transport=_AsctimeDates(),
        )
        try:
            assert list(source.changes("b1", None))
            started = source.crawl_started_at("b1")
        finally:
            source.close()
        after = sim.now()
    assert started is not None and started.tzinfo is not None
    assert before - timedelta(seconds=1) <= started <= after - timedelta(seconds=1)


def test_kore_paces_each_bot_by_a_budget_of_its_own() -> None:
    """The documented limits are per bot: one bot's quota spent never holds back another."""
    sim = KoreSimulator(seed=9, bot_ids=("b1", "b2"), users_per_bot=6, rate_limits=())
    with sim:
        settings = {
            "base_url": sim.base_url,
            "client_id": sim.client_id,
            "client_secret": sim.client_secret,
            "bot_ids": ["b1", "b2"],
            "rate_limit_per_hour": UNLIMITED,
        }
        since = sim.now() - timedelta(days=10)

        def cost(bot: str) -> int:
            probe = KoreSource(
                "k", settings | {"rate_limit_per_minute": UNLIMITED}, policy=HttpPolicy()
            )
            try:
                list(probe.changes(bot, since))
                return probe.request_count()
            finally:
                probe.close()

        costs = {bot: cost(bot) for bot in ("b1", "b2")}
        big, small = sorted(costs, key=lambda b: (-costs[b], b))
        limit = costs[big]
        assert costs[small] >= 1
        paced = KoreSource(
            "k",
            settings | {"rate_limit_per_minute": limit, "rate_margin_seconds": 0},
            policy=HttpPolicy(max_wait_seconds=0),
        )
        try:
            list(paced.changes(big, since))
            list(paced.changes(small, since))  # a shared budget would be spent by now
            assert paced.request_count() == limit + costs[small]
            with pytest.raises(RateLimited):
                list(paced.changes(big, since))  # its own minute is spent
        finally:
            paced.close()


@pytest.mark.parametrize(("inserts", "deletes"), [(0, 0), (1, 0), (2, 1)])
def test_peki_lists_read_in_parallel_while_they_change_lose_nothing(
    tmp_path: Path, inserts: int, deletes: int
) -> None:
    """Pages of one list in flight together (crawl.concurrency 4), answered in any order, while
    the simulator creates and deletes records as each page is served: every record present
    from the crawl's start to its end is listed, none twice; batches the probe confirms are
    used (creations only), the others read again page by page (deletions)."""
    with PekiSimulator(
        seed=5, chatbot_ids=("bot1",), users_per_bot=40, rate_limit_per_minute=1_000_000
    ) as peki:
        cfg = load_config(
            write_config(
                tmp_path, source_entry("peki-main", peki), crawl={"page_size": 50, "concurrency": 4}
            )
        )
        source = build_source(cfg, cfg.sources[0])
        before = {t: set(peki.truth("bot1")[t]) for t in ("users", "sessions", "messages")}
        peki.drift_inserts, peki.drift_deletes = inserts, deletes
        peki.serve_jitter_seconds = 0.004
        try:
            records = list(source.changes("bot1", None))
        finally:
            source.close()
        after = {t: set(peki.truth("bot1")[t]) for t in before}
    for table, ids in before.items():
        got = [r.id for r in records if r.table == table]
        assert len(got) == len(set(got)), f"{table}: a record listed twice"
        assert not (ids & after[table]) - set(got), f"{table}: lost"
    stats = source.scan_stats("bot1")
    assert stats["messages"].probes >= 1  # read in parallel
    fallbacks = sum(s.fallbacks for s in stats.values())
    assert (fallbacks > 0) == (deletes > 0)
