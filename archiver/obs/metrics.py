"""A run's Prometheus metrics, pushed to a Pushgateway or written for node_exporter's textfile
collector (text exposition format 0.0.4).

A batch job's metrics describe its last run, so they are gauges. On the Pushgateway every stream
has a group of its own (job, source, tenant), pushed with POST, which replaces only the metric
names sent: a failed run updates the stream's status and counts but leaves the
``archiver_stream_last_success_timestamp_seconds`` its last complete run set (and
``archiver_stream_last_full_timestamp_seconds`` its last reconciliation), and the pods of a
sharded run never overwrite each other. Run-wide metrics go to the group (job, shard). The
textfile keeps the same promise by carrying that timestamp, and streams this run did not touch,
over from the previous file.

Publishing never fails a run: its archive is committed either way, so problems are logged and
returned.
"""

from __future__ import annotations

import base64
import contextlib
import logging
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import httpx

from archiver.obs import logs
from archiver.obs.logs import redact_url
from archiver.sources.base import TABLES

if TYPE_CHECKING:
    from archiver.config import MetricsConfig
    from archiver.crawl.engine import RunReport, StreamResult

log = logging.getLogger(__name__)

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
STATUSES = ("complete", "partial", "failed", "conflict", "stopped")
LAST_SUCCESS = "archiver_stream_last_success_timestamp_seconds"
LAST_FULL = "archiver_stream_last_full_timestamp_seconds"

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


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _unescape(value: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m[1] == "n" else m[1], value)


def _number(value: float) -> str:
    if value != value:
        return "NaN"
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


class Metrics:
    """Samples of known metrics; setting the same name and labels again replaces the value."""

    def __init__(self) -> None:
        self._samples: dict[str, dict[Labels, float]] = {}

    def set(self, name: str, value: float, **labels: str) -> None:
        if name not in METRICS:
            raise ValueError(f"unknown metric {name}")
        self._samples.setdefault(name, {})[tuple(labels.items())] = float(value)

    def update(self, other: Metrics) -> None:
        for name, samples in other._samples.items():
            self._samples.setdefault(name, {}).update(samples)

    def names(self) -> frozenset[str]:
        return frozenset(self._samples)

    def value(self, name: str, **labels: str) -> float | None:
        return self._samples.get(name, {}).get(tuple(labels.items()))

    def render(self) -> str:
        out: list[str] = []
        for name, help_text in METRICS.items():
            samples = self._samples.get(name)
            if not samples:
                continue
            out.append(f"# HELP {name} {help_text.replace(chr(92), chr(92) * 2)}")
            out.append(f"# TYPE {name} gauge")
            for labels, value in samples.items():
                text = ",".join(f'{k}="{_escape(v)}"' for k, v in labels)
                sample = f"{name}{{{text}}}" if text else name
                out.append(f"{sample} {_number(value)}")
        return "\n".join(out) + "\n" if out else ""


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


def _segment(name: str, value: str) -> str:
    """One label of a Pushgateway group path; base64url so any value (``/``, empty) is safe."""
    encoded = base64.urlsafe_b64encode(value.encode()).decode() or "="
    return f"{name}@base64/{encoded}"


def group_path(job: str, **labels: str) -> str:
    return "/metrics/" + "/".join(_segment(k, v) for k, v in {"job": job, **labels}.items())


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
    groups: list[tuple[str, str, Metrics]] = [
        ("PUT", group_path(job, shard=shard_label(shard)), run_metrics(report, ended=ended))
    ]
    for res in report.streams:
        path = group_path(job, source=res.source, tenant=res.tenant)
        groups.append(("POST", path, stream_metrics(res)))
    problems: list[str] = []
    base = url.rstrip("/")
    with httpx.Client(timeout=timeout, transport=transport, follow_redirects=False) as client:
        for method, path, metrics in groups:
            try:
                resp = client.request(
                    method,
                    base + path,
                    content=metrics.render().encode(),
                    headers={"Content-Type": CONTENT_TYPE},
                )
            except httpx.HTTPError as exc:
                problems.append(f"{redact_url(base)}: push failed ({type(exc).__name__})")
                break  # the gateway is unreachable: the other groups would fail the same way
            if resp.status_code // 100 != 2:
                problems.append(f"{redact_url(base)}: push answered HTTP {resp.status_code}")
    return problems


# --- textfile -------------------------------------------------------------------------------

_LINE = re.compile(r"^(archiver_stream_[a-z_]+)\{(.*)\} (\S+)$")
_LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"')


def _previous_streams(path: Path) -> Iterable[tuple[str, dict[str, str], float]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, UnicodeDecodeError):
        return []
    out = []
    for line in text.splitlines():
        m = _LINE.match(line)
        if not m:
            continue
        labels = {k: _unescape(v) for k, v in _LABEL.findall(m[2])}
        try:
            out.append((m[1], labels, float(m[3])))
        except ValueError:
            continue
    return out


def textfile_path(template: Path, shard: tuple[int, int] | None) -> Path:
    return Path(str(template).replace("{shard}", shard_label(shard)))


def write_textfile(path: Path, report: RunReport, *, ended: float) -> None:
    """Write the file atomically (node_exporter may read it at any moment)."""
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
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(metrics.render())
        tmp.chmod(0o644)  # read by node_exporter, which runs as another user
        tmp.replace(path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


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
