"""Prometheus metrics: valid exposition format, Pushgateway groups that keep each stream's last
success through failed runs, and a textfile that does the same."""

from __future__ import annotations

import base64
import contextlib
import posixpath
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, get_args
from urllib.parse import unquote

import pytest
from click.testing import CliRunner, Result
from hypothesis import example, given, settings
from hypothesis import strategies as st
from prometheus_client import generate_latest
from prometheus_client.parser import text_string_to_metric_families

from archiver.cli import cli
from archiver.config import MetricsConfig
from archiver.crawl.engine import RunReport, StreamResult, StreamStatus, run_archive
from archiver.obs import metrics
from archiver.simulators.peki import PekiSimulator
from tests.conftest import BOTS, logging_restored, open_ctx, write_config
from tests.obs.helpers import update_config
from tests.servers import HttpServer, QuietHandler

# Five users a bot, not twelve: the metrics are compared with the platform's counts.
pytestmark = [pytest.mark.usefixtures("parsed_once_in_module"), pytest.mark.peki_users(5)]


Families = dict[str, list[tuple[dict[str, str], float]]]


def parse(text: str) -> Families:
    """The samples of a text exposition, parsed by the Prometheus project's own parser."""
    out: Families = {}
    for family in text_string_to_metric_families(text):
        assert family.type == "gauge"
        for sample in family.samples:
            out.setdefault(sample.name, []).append((dict(sample.labels), sample.value))
    return out


def value(families: Families, name: str, **labels: str) -> float:
    found = [v for lab, v in families.get(name, []) if labels.items() <= lab.items()]
    assert len(found) == 1, f"{name}{labels}: {len(found)} samples"
    return found[0]


def decode_group(path: str) -> dict[str, str]:
    """The group's labels from a push path, as the Pushgateway reads them: the path is
    percent-decoded (a "+" stays a "+"), then ``name@base64`` values are base64url with or
    without padding, and the others are taken as they are."""
    parts = unquote(path).removeprefix("/metrics/").split("/")
    labels = {}
    for name, raw in zip(parts[::2], parts[1::2], strict=True):
        if name.endswith("@base64"):
            value = base64.urlsafe_b64decode(raw.rstrip("=") + "==").decode()
            labels[name.removesuffix("@base64")] = value
        else:
            labels[name] = raw
    return labels


class FakePushgateway:
    """Stands in for a Prometheus Pushgateway: PUT replaces a group, POST replaces the metric
    names it sends, a body the Prometheus parser refuses gets 400. Like the real one, whose Go
    HTTP server cleans request paths, it answers a path with "." or ".." segments with a
    redirect to the cleaned path instead of storing anything."""

    def __init__(self) -> None:
        self.groups: dict[tuple[tuple[str, str], ...], dict[str, Any]] = {}
        self.requests: list[tuple[str, str]] = []
        self.authorization: list[str | None] = []
        gateway = self

        class Handler(QuietHandler):
            def _store(self, replace_all: bool) -> None:
                body = self.body().decode()
                gateway.requests.append((self.command, self.path))
                gateway.authorization.append(self.headers.get("Authorization"))
                path = unquote(self.path)
                if posixpath.normpath(path) != path:
                    self.answer(301, headers=[("Location", posixpath.normpath(path))])
                    return
                try:
                    families = parse(body)
                except ValueError:
                    self.answer(400)
                    return
                key = tuple(sorted(decode_group(self.path).items()))
                group = {} if replace_all else gateway.groups.get(key, {})
                group.update(families)
                gateway.groups[key] = group
                self.answer(200)

            def do_PUT(self) -> None:
                self._store(replace_all=True)

            def do_POST(self) -> None:
                self._store(replace_all=False)

        self.server = HttpServer(Handler)
        self.url = self.server.url

    def group(self, **labels: str) -> Families:
        return self.groups[tuple(sorted(labels.items()))]

    def close(self) -> None:
        self.server.close()


def run_command(cfg: Path) -> Result:
    """``archiver run`` in this process: the push happens at the command's end either way."""
    with logging_restored():
        return CliRunner().invoke(cli, ["run", "--config", str(cfg)])


@pytest.fixture
def gateway() -> Iterator[FakePushgateway]:
    with contextlib.closing(FakePushgateway()) as gw:
        yield gw


def test_pushgateway_keeps_each_streams_last_success_through_a_failed_run(
    peki: PekiSimulator, tmp_path: Path, gateway: FakePushgateway
) -> None:
    cfg = write_config(tmp_path, peki, crawl={"max_retries": 1})
    update_config(cfg, metrics={"pushgateway_url": gateway.url, "job": "archiver-test"})
    ok = run_command(cfg)
    assert ok.exit_code == 0, ok.stderr
    assert {m for m, _ in gateway.requests} == {"PUT", "POST"}
    run_group = gateway.group(job="archiver-test", shard="all")
    assert value(run_group, "archiver_run_exit_code") == 0
    assert value(run_group, "archiver_http_requests", source="peki-main", status="200") > 0
    stream = {"job": "archiver-test", "source": "peki-main", "tenant": "bot1"}
    first = gateway.group(**stream)
    success = value(first, metrics.LAST_SUCCESS)
    assert abs(success - time.time()) < 60
    assert value(first, "archiver_stream_status", status="complete") == 1
    messages = len(peki.truth("bot1")["messages"])
    assert value(first, "archiver_stream_records", table="messages") == messages

    cfg.write_text(cfg.read_text().replace(peki.api_secret, "sk_" + "w" * 40))
    failed = run_command(cfg)
    assert failed.exit_code == 1, failed.stderr
    after = gateway.group(**stream)
    assert value(after, "archiver_stream_status", status="failed") == 1
    assert value(after, "archiver_stream_status", status="complete") == 0
    assert value(after, "archiver_stream_records", table="messages") == 0
    assert value(after, metrics.LAST_SUCCESS) == success
    assert value(gateway.group(job="archiver-test", shard="all"), "archiver_run_exit_code") == 1


def test_textfile_keeps_last_success_and_the_streams_of_other_shards(
    peki: PekiSimulator, tmp_path: Path
) -> None:
    prom = tmp_path / "node-exporter" / "archiver.prom"
    cfg = write_config(tmp_path, peki, crawl={"max_retries": 1})
    update_config(cfg, metrics={"textfile": str(prom)})
    ctx = open_ctx(cfg)
    report = run_archive(ctx)
    assert metrics.publish(ctx.config.metrics, report, ended=time.time()) == []
    first = parse(prom.read_text())
    success = {t: value(first, metrics.LAST_SUCCESS, tenant=t) for t in ("bot1", "bot2")}
    assert oct(prom.stat().st_mode & 0o777) == "0o644"

    # bot1 is shard 2 of 3 and bot2 shard 0: a failing run of shard 2 touches bot1 only.
    cfg.write_text(cfg.read_text().replace(peki.api_secret, "sk_" + "w" * 40))
    ctx = open_ctx(cfg)
    report = run_archive(ctx, shard=(2, 3))
    assert [s.tenant for s in report.streams] == ["bot1"]
    metrics.publish(ctx.config.metrics, report, shard=(2, 3), ended=time.time())
    after = parse(prom.read_text())
    assert value(after, "archiver_stream_status", tenant="bot1", status="failed") == 1
    assert value(after, metrics.LAST_SUCCESS, tenant="bot1") == success["bot1"]
    assert value(after, "archiver_stream_status", tenant="bot2", status="complete") == 1
    assert value(after, metrics.LAST_SUCCESS, tenant="bot2") == success["bot2"]
    assert value(after, "archiver_run_exit_code") == 1


def test_the_last_reconciliation_is_exported_and_kept_through_runs_that_are_not(
    peki: PekiSimulator, tmp_path: Path
) -> None:
    prom = tmp_path / "archiver.prom"
    cfg = write_config(tmp_path, peki, crawl={"max_retries": 1})
    update_config(cfg, metrics={"textfile": str(prom)})
    ctx = open_ctx(cfg)
    report = run_archive(ctx)  # the first run reads everything: a reconciliation
    metrics.publish(ctx.config.metrics, report, ended=time.time())
    first = {t: value(parse(prom.read_text()), metrics.LAST_FULL, tenant=t) for t in BOTS}
    time.sleep(0.01)
    before = time.time()
    report = run_archive(ctx, full=True)
    metrics.publish(ctx.config.metrics, report, ended=time.time())
    full = {t: value(parse(prom.read_text()), metrics.LAST_FULL, tenant=t) for t in BOTS}
    assert all(before - 0.002 <= v <= time.time() for v in full.values())
    assert all(full[t] > first[t] for t in BOTS)
    report = run_archive(ctx)  # the next daily run carries the time in its state
    metrics.publish(ctx.config.metrics, report, ended=time.time())
    later = parse(prom.read_text())
    assert {t: value(later, metrics.LAST_FULL, tenant=t) for t in BOTS} == full
    # A failed run commits nothing: the file keeps the last known time.
    cfg.write_text(cfg.read_text().replace(peki.api_secret, "sk_" + "w" * 40))
    ctx = open_ctx(cfg)
    report = run_archive(ctx)
    metrics.publish(ctx.config.metrics, report, ended=time.time())
    failed = parse(prom.read_text())
    assert {t: value(failed, metrics.LAST_FULL, tenant=t) for t in BOTS} == full


@given(
    tenant=st.text(min_size=1, max_size=30),
    records=st.dictionaries(
        st.sampled_from(["users", "sessions", "messages"]), st.integers(0, 10**9)
    ),
)
def test_any_tenant_name_survives_the_exposition_format(
    tenant: str, records: dict[str, int]
) -> None:
    res = StreamResult("src-1", tenant, "partial", records=records, duration_seconds=1.25)
    families = parse(generate_latest(metrics.stream_metrics(res)).decode())
    assert value(families, "archiver_stream_status", tenant=tenant, status="partial") == 1
    for table in ("users", "sessions", "messages"):
        got = value(families, "archiver_stream_records", tenant=tenant, table=table)
        assert got == records.get(table, 0)
    assert value(families, "archiver_stream_duration_seconds", tenant=tenant) == 1.25


@pytest.fixture(scope="module")
def shared_gateway() -> Iterator[FakePushgateway]:
    with contextlib.closing(FakePushgateway()) as gw:
        yield gw


@settings(max_examples=60, deadline=None)  # two HTTP requests each, on a shared machine
@given(tenant=st.text(max_size=30), source=st.sampled_from(["src-1", "a b", "x/y", "."]))
@example(tenant=".", source="src-1")  # a path segment HTTP servers clean away
@example(tenant="..", source="src-1")
@example(tenant="a b+c", source="src-1")  # "+" is not a space in a path
@example(tenant="", source="src-1")
def test_any_stream_name_reaches_its_own_pushgateway_group(
    shared_gateway: FakePushgateway, tenant: str, source: str
) -> None:
    report = RunReport("r1", [StreamResult(source, tenant, "complete")], {}, duration_seconds=1)
    assert metrics.push(shared_gateway.url, "archiver", report, shard=None, ended=1.0) == []
    group = shared_gateway.group(job="archiver", source=source, tenant=tenant)
    assert value(group, "archiver_stream_status", status="complete") == 1
    assert {lab["tenant"] for lab, _ in group["archiver_stream_status"]} == {tenant}


def test_a_redirecting_pushgateway_is_reported_and_gets_the_credentials_only_itself(
    gateway: FakePushgateway,
) -> None:
    """The credentials of the URL go to the gateway as basic auth; a redirect is not followed
    (a POST would turn into a GET elsewhere, carrying them), it is a problem to report."""

    class Redirect(QuietHandler):
        def do_POST(self) -> None:
            self.answer(307, headers=[("Location", gateway.url + self.path)])

        do_PUT = do_POST

    with contextlib.closing(HttpServer(Redirect)) as redirecting:
        report = RunReport("r1", [StreamResult("s", "t", "complete")], {}, duration_seconds=1.0)
        host = redirecting.url.removeprefix("http://")
        cfg = MetricsConfig(pushgateway_url=f"http://ops:hunter2secret@{host}/", job="a")
        problems = metrics.publish(cfg, report, ended=time.time())
    assert problems == [f"http://{host}: push answered HTTP 307"] * 2
    assert gateway.requests == []
    cfg = MetricsConfig(pushgateway_url=gateway.url.replace("//", "//ops:hunter2secret@"), job="a")
    assert metrics.publish(cfg, report, ended=time.time()) == []
    token = base64.b64encode(b"ops:hunter2secret").decode()
    assert gateway.authorization == [f"Basic {token}"] * 2


def test_an_unreachable_pushgateway_is_reported_not_raised_and_its_password_not_shown() -> None:
    report = RunReport("r1", [StreamResult("s", "t", "complete")], {}, duration_seconds=1.0)
    cfg = MetricsConfig(pushgateway_url="http://user:hunter2secret@127.0.0.1:9/", job="a")
    problems = metrics.publish(cfg, report, ended=time.time())
    assert len(problems) == 1 and "push failed" in problems[0]
    assert "hunter2secret" not in problems[0] and "127.0.0.1:9" in problems[0]


def test_every_stream_status_has_its_metric_sample() -> None:
    """A status the engine can report but the metrics do not list would vanish from dashboards
    and alerts (each status is one 0/1 sample)."""
    assert sorted(metrics.STATUSES) == sorted(get_args(StreamStatus))
    res = StreamResult("s", "t", "stopped")
    samples = {
        s.labels["status"]: s.value
        for f in text_string_to_metric_families(
            generate_latest(metrics.stream_metrics(res)).decode()
        )
        for s in f.samples
        if s.name == "archiver_stream_status"
    }
    assert samples == {
        status: (1.0 if status == "stopped" else 0.0) for status in get_args(StreamStatus)
    }
