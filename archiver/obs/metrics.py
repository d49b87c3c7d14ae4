"""A run's Prometheus metrics, pushed to a Pushgateway or written for node_exporter's textfile
collector. prometheus_client writes the exposition format, the Pushgateway requests and the
file; this module decides what is measured and keeps the promises below.

A batch job's metrics describe its last run, so they are gauges. On the Pushgateway every stream
has a group of its own (job, source, tenant), pushed with POST (``pushadd_to_gateway``), which
replaces only the metric names sent: a failed run updates the stream's status and counts but
leaves the ``archiver_stream_last_success_timestamp_seconds`` its last complete run set (and
``archiver_stream_last_full_timestamp_seconds`` its last reconciliation), and the pods of a
sharded run never overwrite each other. Run-wide metrics replace the group (job, shard) with PUT
(``push_to_gateway``). The textfile keeps the same promise by carrying those timestamps, and
streams this run did not touch, over from the previous file.

Publishing never fails a run: its archive is committed either way, so problems are logged and
returned.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
from prometheus_client import push_to_gateway, pushadd_to_gateway, write_to_textfile
from prometheus_client.metrics_core import Metric
from prometheus_client.parser import text_string_to_metric_families
from prometheus_client.registry import Collector

from archiver import logs
from archiver.logs import redact_url
from archiver.sources.base import TABLES

if TYPE_CHECKING:
    from archiver.config import MetricsConfig
    from archiver.crawl.engine import RunReport, StreamResult, StreamStatus

log = logging.getLogger(__name__)

STATUSES: tuple[StreamStatus, ...] = ("complete", "partial", "failed", "conflict", "stopped")
LAST_SUCCESS = "archiver_stream_last_success_timestamp_seconds"
LAST_FULL = "archiver_stream_last_full_timestamp_seconds"
CHECKPOINT_AGE = "archiver_checkpoint_age_manifests"

#: name -> help. Every metric is a gauge; the order here is the order in the output.
METRICS: dict[str, str] = {
    "archiver_stream_status": "1 for the status of the stream's last run, 0 for the others",
    "archiver_stream_records": "Records committed by the stream's last run, by table",
    "archiver_stream_unchanged_records": "Records the stream's last run saw again unchanged",
    "archiver_stream_requests": "Platform requests (list pages) of the stream's last run",
    "archiver_stream_objects": "Archive objects written by the stream's last run",
    "archiver_stream_bytes": "Encrypted bytes written by the stream's last run",
    "archiver_stream_duration_seconds": "Duration of the stream's last run",
    "archiver_stream_manifest_sequence": "Sequence of the manifest the stream's last run committed",
    "archiver_stream_last_run_timestamp_seconds": "Unix time the stream's last run ended",
    LAST_SUCCESS: "Unix time the stream's last complete run ended",
    LAST_FULL: "Unix time the stream's last complete --full reconciliation started",
    CHECKPOINT_AGE: "Manifests the stream committed since its newest checkpoint (readers read "
    "these one by one; a checkpoint is written every archive.checkpoint_every)",
    "archiver_small_parts": "Small parts (under archive.part_size_mb) in the stream's "
    "partitions of more than one part, after its last run: what archiver compact would rewrite",
    "archiver_run_streams": "Streams of the last run (of this shard) by status",
    "archiver_run_exit_code": "Exit code of the last run: 0 ok, 1 failure, 3 partial, 5 conflict",
    "archiver_run_duration_seconds": "Duration of the last run",
    "archiver_run_last_timestamp_seconds": "Unix time the last run ended",
    "archiver_http_requests": "Requests of the last run by source and HTTP status (or timeout, "
    "connect_error when there was no answer)",
    "archiver_http_malformed_responses": "2xx answers of the last run whose body was not JSON",
    "archiver_http_retries": "Requests of the last run that were retried",
    "archiver_http_wait_seconds": "Seconds the last run waited for rate limits and backoff",
}

Labels = tuple[tuple[str, str], ...]


class Metrics(Collector):
    """Samples of known gauges, a prometheus_client collector; setting the same name and labels
    again replaces the value."""

    def __init__(self) -> None:
        self._samples: dict[str, dict[Labels, float]] = {}

    def set(self, name: str, value: float, **labels: str) -> None:
        if name not in METRICS:
            raise ValueError(f"unknown metric {name}")
        # Sorted: a sample is the same whatever order its labels come in (from a file: sorted).
        self._samples.setdefault(name, {})[tuple(sorted(labels.items()))] = float(value)

    def update(self, other: Metrics) -> None:
        for name, samples in other._samples.items():
            self._samples.setdefault(name, {}).update(samples)

    def collect(self) -> Iterator[Metric]:
        for name, help_text in METRICS.items():
            if samples := self._samples.get(name):
                family = Metric(name, help_text, "gauge")
                for labels, value in samples.items():
                    family.add_sample(name, dict(labels), value)
                yield family


def stream_metrics(res: StreamResult) -> Metrics:
    m = Metrics()
    at = {"source": res.source, "tenant": res.tenant}
    for status in STATUSES:
        m.set("archiver_stream_status", 1 if res.status == status else 0, **at, status=status)
    for table in TABLES:
        m.set("archiver_stream_records", res.records.get(table, 0), **at, table=table)
    m.set("archiver_stream_unchanged_records", res.seen_again, **at)
    m.set("archiver_stream_requests", res.pages, **at)
    m.set("archiver_stream_objects", res.objects, **at)
    m.set("archiver_stream_bytes", res.bytes, **at)
    m.set("archiver_stream_duration_seconds", round(res.duration_seconds, 3), **at)
    if res.sequence is not None:
        m.set("archiver_stream_manifest_sequence", res.sequence, **at)
    if res.finished_at is not None:
        ended = round(res.finished_at.timestamp(), 3)
        m.set("archiver_stream_last_run_timestamp_seconds", ended, **at)
        if res.status == "complete":
            m.set(LAST_SUCCESS, ended, **at)
    if res.last_full is not None:
        m.set(LAST_FULL, round(res.last_full.timestamp(), 3), **at)
    if res.checkpoint_age is not None:
        m.set(CHECKPOINT_AGE, res.checkpoint_age, **at)
    if res.small_parts is not None:
        m.set("archiver_small_parts", res.small_parts, **at)
    return m


def run_metrics(report: RunReport, *, ended: float) -> Metrics:
    m = Metrics()
    for status in STATUSES:
        m.set(
            "archiver_run_streams", sum(s.status == status for s in report.streams), status=status
        )
    m.set("archiver_run_exit_code", report.exit_code)
    m.set("archiver_run_duration_seconds", round(report.duration_seconds, 3))
    m.set("archiver_run_last_timestamp_seconds", round(ended, 3))
    for source, stats in sorted(report.http.items()):
        for key, n in sorted(stats.items()):
            if key.startswith("status."):
                m.set("archiver_http_requests", n, source=source, status=key[len("status.") :])
        m.set(
            "archiver_http_requests",
            stats.get("errors.timeout", 0),
            source=source,
            status="timeout",
        )
        m.set(
            "archiver_http_requests",
            stats.get("errors.connect", 0),
            source=source,
            status="connect_error",
        )
        m.set("archiver_http_malformed_responses", stats.get("errors.malformed", 0), source=source)
        m.set("archiver_http_retries", stats.get("retries", 0), source=source)
        m.set("archiver_http_wait_seconds", stats.get("waited_ms", 0) / 1000, source=source)
    return m


def shard_label(shard: tuple[int, int] | None) -> str:
    return f"{shard[0]}-of-{shard[1]}" if shard else "all"


# --- Pushgateway ----------------------------------------------------------------------------


class _Refused(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


Handler = Callable[[str, str, float | None, list[tuple[str, str]], bytes], Callable[[], None]]


def _handler(client: httpx.Client) -> Handler:
    """Sends prometheus_client's requests with the project's HTTP client. The library's own
    handlers use urllib, which cannot take credentials from the URL
    (``https://user:password@gateway``, sent here as basic auth) and follows redirects: a POST
    would become a GET that stores nothing, carrying the Authorization header wherever the
    redirect points. Here a redirect is an answer like any other non-2xx: a problem."""

    def handler(
        url: str,
        method: str,
        timeout: float | None,
        headers: list[tuple[str, str]],
        data: bytes,
    ) -> Callable[[], None]:
        def send() -> None:
            resp = client.request(method, url, content=data, headers=headers, timeout=timeout)
            if resp.status_code // 100 != 2:
                raise _Refused(resp.status_code)

        return send

    return handler


def grouping_key(**labels: str) -> dict[str, str]:
    """The Pushgateway group's labels. prometheus_client puts a value into the URL path as it is
    unless it is empty or holds "/" or " "; "." and ".." would then be path segments that the
    Pushgateway's HTTP server cleans away (answering with a redirect), so those are sent base64
    encoded (``name@base64``) here."""
    key = {}
    for name, value in labels.items():
        if value in (".", ".."):
            key[f"{name}@base64"] = base64.urlsafe_b64encode(value.encode()).decode()
        else:
            key[name] = value
    return key


def push(
    url: str,
    job: str,
    report: RunReport,
    *,
    shard: tuple[int, int] | None,
    ended: float,
    transport: httpx.BaseTransport | None = None,
    timeout: float = 10.0,
) -> list[str]:
    """Push the run's metrics; returns what could not be pushed."""
    groups: list[tuple[Callable[..., None], dict[str, str], Metrics]] = [
        (push_to_gateway, grouping_key(shard=shard_label(shard)), run_metrics(report, ended=ended))
    ]
    for res in report.streams:
        key = grouping_key(source=res.source, tenant=res.tenant)
        groups.append((pushadd_to_gateway, key, stream_metrics(res)))
    problems: list[str] = []
    where = redact_url(url.rstrip("/"))
    with httpx.Client(timeout=timeout, transport=transport, follow_redirects=False) as client:
        handler = _handler(client)
        for send, key, metrics in groups:
            try:
                send(url, job, metrics, grouping_key=key, timeout=timeout, handler=handler)
            except _Refused as exc:
                problems.append(f"{where}: push answered HTTP {exc.status}")
            except httpx.HTTPError as exc:
                problems.append(f"{where}: push failed ({type(exc).__name__})")
                break  # the gateway is unreachable: the other groups would fail the same way
    return problems


# --- textfile -------------------------------------------------------------------------------


def _previous_streams(path: Path) -> list[tuple[str, dict[str, str], float]]:
    """The stream samples of the file an earlier run wrote; none if it is missing or not a
    valid exposition (it is always written whole, so that means someone else's file)."""
    try:
        families = list(text_string_to_metric_families(path.read_text(encoding="utf-8")))
    except (FileNotFoundError, UnicodeDecodeError, ValueError):
        return []
    return [
        (sample.name, sample.labels, sample.value)
        for family in families
        if family.name.startswith("archiver_stream_") or family.name == CHECKPOINT_AGE
        for sample in family.samples
    ]


def textfile_path(template: Path, shard: tuple[int, int] | None) -> Path:
    return Path(str(template).replace("{shard}", shard_label(shard)))


def write_textfile(path: Path, report: RunReport, *, ended: float) -> None:
    """Write the file atomically (node_exporter may read it at any moment), carrying over what
    the library cannot know: the streams this run did not touch (another shard's, or left out
    with ``--source``), and the last success and last reconciliation of a stream whose run did
    not set them."""
    metrics = Metrics()
    ran = {(s.source, s.tenant): s for s in report.streams}
    for name, labels, value in _previous_streams(path):
        key = (labels.get("source", ""), labels.get("tenant", ""))
        res = ran.get(key)
        if name in METRICS and (
            res is None
            or (name == LAST_SUCCESS and res.status != "complete")
            or (name == LAST_FULL and res.last_full is None)
        ):
            metrics.set(name, value, **labels)
    for res in report.streams:
        metrics.update(stream_metrics(res))
    metrics.update(run_metrics(report, ended=ended))
    path.parent.mkdir(parents=True, exist_ok=True)
    write_to_textfile(str(path), metrics)
    # The library creates the file with the process's umask; node_exporter runs as another user.
    path.chmod(0o644)


def publish(
    cfg: MetricsConfig,
    report: RunReport,
    *,
    shard: tuple[int, int] | None = None,
    ended: float,
    transport: httpx.BaseTransport | None = None,
) -> list[str]:
    """Push and/or write the run's metrics as configured; returns (and logs) the problems."""
    problems: list[str] = []
    if cfg.pushgateway_url:
        problems += push(
            cfg.pushgateway_url, cfg.job, report, shard=shard, ended=ended, transport=transport
        )
    if cfg.textfile is not None:
        target = textfile_path(cfg.textfile, shard)
        try:
            write_textfile(target, report, ended=ended)
        except OSError as exc:
            problems.append(f"cannot write metrics file {target}: {exc.strerror}")
    for problem in problems:
        logs.event(log, logging.WARNING, "metrics.failed", "metrics: %s", problem)
    return problems
