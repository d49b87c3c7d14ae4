"""dlt's ``rest_api`` source on the Peki Developer API, as a careful user would configure it.

Runs inside the benchmark's own dlt virtualenv (``bench/.venv-dlt``), never in the project's:

    python dlt_pipeline.py run  --base-url URL --bot bot1 --out DIR --pipelines-dir DIR --result F
    python dlt_pipeline.py dump --out DIR --result F

The API key and secret come from ``PEKI_API_KEY`` and ``PEKI_API_SECRET``.

Configuration (the ``careful`` variant, the default):

- auth: ``PekiHmacAuth``, a ``dlt`` ``AuthConfigBase`` (a ``requests`` auth) that signs
  ``METHOD\\nPATH?QUERY\\nBODY\\nTIMESTAMP`` with HMAC-SHA256 over the exact prepared path, so the
  signature survives the paginator changing ``page``;
- paginator: ``page_number`` with ``base_page=1``, ``page_param="page"``,
  ``total_path="totalPages"``, ``pageSize`` fixed in the endpoint params; ``data_selector: data``;
- users and sessions: incremental on ``updatedAt``. The API has no updated-since filter and lists
  are newest first by ``createdAt``, so ``updatedAt`` is not monotonic in list order: no
  ``row_order``, dlt reads every page and keeps records whose ``updatedAt`` moved past the cursor;
- messages (immutable): incremental on ``createdAt`` with ``row_order="desc"``, so dlt stops
  paging once a page reaches the previous run's cursor;
- ``primary_key: id`` and ``write_disposition: merge`` (``upsert``) on the ``filesystem``
  destination with ``table_format="delta"`` (Parquet files plus a Delta log: plain Parquet on
  ``filesystem`` supports append and replace only, dlt falls back to append for merge);
- resources ``parallelized`` (documented resource option) so the three lists are read at once;
- a ``filter`` processing step keeps the first copy of each id within a run (see
  ``_first_copy``: ``upsert`` needs unique keys per load, offset pages repeat records).

The ``careful-lag`` variant adds dlt's ``lag`` (attribution window, default one day: the interval
of a daily job) to every cursor, so each run re-reads what changed within a day of the previous
cursor. The ``createdat`` variant uses ``createdAt`` with ``row_order="desc"`` on all three lists:
the cheap configuration a user reading "newest first by createdAt" would pick.

A ``map`` step adds ``content_sha256`` and ``version_stamp`` (``bench/peer/content.py``) so the
benchmark can compare what dlt received with the platform's truth; it does not change what dlt
requests, filters or writes otherwise.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import dlt
from dlt.common.configuration.specs.base_configuration import configspec
from dlt.common.typing import TSecretStrValue
from dlt.sources.helpers.rest_client.auth import AuthConfigBase
from dlt.sources.rest_api import rest_api_source
from requests import PreparedRequest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from peer.content import content_hash, version_stamp

DATASET = "peki"
TABLES = ("users", "sessions", "messages")


@configspec
class PekiHmacAuth(AuthConfigBase):
    """Peki's HMAC request signature (source-apis.md §1) as a dlt/requests authenticator."""

    api_key: TSecretStrValue = None
    api_secret: TSecretStrValue = None

    def __call__(self, request: PreparedRequest) -> PreparedRequest:
        stamp = str(int(time.time()))
        body = request.body or b""
        if isinstance(body, str):
            body = body.encode("utf-8")
        payload = b"\n".join(
            (
                (request.method or "GET").encode("ascii"),
                request.path_url.encode("ascii"),
                body,
                stamp.encode("ascii"),
            )
        )
        digest = hmac.new(str(self.api_secret).encode("utf-8"), payload, hashlib.sha256).digest()
        request.headers["Content-Type"] = "application/json"
        request.headers["X-API-Key"] = str(self.api_key)
        request.headers["X-Timestamp"] = stamp
        request.headers["X-Signature"] = base64.b64encode(digest).decode("ascii")
        return request


def _first_copy() -> Any:
    """A filter keeping the first copy of each id within one run.

    ``upsert`` needs a unique primary key within a load (dlt does not deduplicate it as it does
    for ``delete-insert``), and offset pages over a growing list serve some records twice: without
    this, delta's MERGE fails ("matched a target row with multiple source rows") and the pending
    package blocks every later run.
    """
    seen: set[str] = set()

    def keep(record: dict[str, Any]) -> bool:
        if record["id"] in seen:
            return False
        seen.add(record["id"])
        return True

    return keep


def _mark(record: dict[str, Any]) -> dict[str, Any]:
    """Measurement aid: what dlt received, as a content hash and a version time."""
    record["content_sha256"] = content_hash(record)
    record["version_stamp"] = version_stamp(record)
    return record


VARIANTS = ("careful", "careful-lag", "createdat")


def _incremental(kind: str, variant: str, lag: float) -> dict[str, Any]:
    inc: dict[str, Any] = {"initial_value": "1970-01-01T00:00:00.000Z"}
    if variant.startswith("careful") and kind in ("users", "sessions"):
        inc["cursor_path"] = "updatedAt"
    else:
        inc |= {"cursor_path": "createdAt", "row_order": "desc"}
    if variant == "careful-lag":
        inc["lag"] = lag
    return inc


def build_source(
    base_url: str,
    bots: list[str],
    page_size: int,
    variant: str,
    lag: float,
    api_key: str,
    api_secret: str,
    *,
    dedupe: bool = True,
) -> Any:
    resources: list[dict[str, Any]] = []
    for bot in bots:
        for kind in TABLES:
            resources.append(
                {
                    "name": f"{kind}_{bot}",
                    "table_name": kind,
                    "endpoint": {
                        "path": f"Dev/{bot}/{kind}",
                        "incremental": _incremental(kind, variant, lag),
                    },
                    "processing_steps": [
                        *([{"filter": _first_copy()}] if dedupe else []),
                        {"map": _mark},
                    ],
                    "columns": {"version_stamp": {"data_type": "text"}},
                }
            )
    return rest_api_source(
        {
            "client": {
                "base_url": base_url.rstrip("/") + "/",
                "auth": PekiHmacAuth(api_key=api_key, api_secret=api_secret),
                "paginator": {
                    "type": "page_number",
                    "base_page": 1,
                    "page_param": "page",
                    "total_path": "totalPages",
                },
            },
            "resource_defaults": {
                "primary_key": "id",
                "write_disposition": {"disposition": "merge", "strategy": "upsert"},
                "parallelized": True,
                "endpoint": {"data_selector": "data", "params": {"pageSize": page_size}},
            },
            "resources": resources,
        }
    )


def cmd_run(a: argparse.Namespace) -> dict[str, Any]:
    pipeline = dlt.pipeline(
        pipeline_name="peki_peer",
        pipelines_dir=a.pipelines_dir,
        destination=dlt.destinations.filesystem(bucket_url=Path(a.out).resolve().as_uri()),
        dataset_name=DATASET,
    )
    source = build_source(
        a.base_url,
        a.bot,
        a.page_size,
        a.variant,
        a.lag,
        os.environ["PEKI_API_KEY"],
        os.environ["PEKI_API_SECRET"],
        dedupe=not a.no_dedupe,
    )
    t0 = time.perf_counter()
    pipeline.run(
        source,
        loader_file_format="parquet",
        table_format=None if a.table_format == "parquet" else a.table_format,
    )
    seconds = time.perf_counter() - t0
    trace = pipeline.last_trace
    rows = dict(trace.last_normalize_info.row_counts) if trace.last_normalize_info else {}
    return {"seconds": seconds, "rows": {t: rows.get(t, 0) for t in TABLES}}


def cmd_dump(a: argparse.Namespace) -> dict[str, Any]:
    """Every row dlt holds now, as [id, content_sha256, version_stamp, load id]."""
    import pyarrow.dataset as pads

    root = Path(a.out) / DATASET
    cols = ["id", "content_sha256", "version_stamp", "_dlt_load_id"]
    out: dict[str, list[list[str]]] = {}
    for table in TABLES:
        path = root / table
        if not path.exists():
            out[table] = []
            continue
        if (path / "_delta_log").is_dir():
            from deltalake import DeltaTable

            tbl = DeltaTable(str(path)).to_pyarrow_table(columns=cols)
        else:
            tbl = pads.dataset(str(path), format="parquet").to_table(columns=cols)
        out[table] = [list(r) for r in zip(*(tbl.column(c).to_pylist() for c in cols), strict=True)]
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    run = sub.add_parser("run")
    run.add_argument("--base-url", required=True)
    run.add_argument("--bot", action="append", required=True)
    run.add_argument("--out", required=True)
    run.add_argument("--pipelines-dir", required=True)
    run.add_argument("--page-size", type=int, default=100)
    run.add_argument("--variant", choices=VARIANTS, default="careful")
    run.add_argument("--lag", type=float, default=86_400.0, help="seconds, careful-lag only")
    run.add_argument("--no-dedupe", action="store_true", help="no first-copy filter")
    run.add_argument("--table-format", choices=("delta", "parquet"), default="delta")
    run.add_argument("--result", required=True)
    dump = sub.add_parser("dump")
    dump.add_argument("--out", required=True)
    dump.add_argument("--result", required=True)
    a = ap.parse_args()
    result = cmd_run(a) if a.cmd == "run" else cmd_dump(a)
    Path(a.result).write_text(json.dumps(result))


if __name__ == "__main__":
    main()
