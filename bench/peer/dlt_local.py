"""dlt's extract -> normalize -> load of ``bench/pipeline.py``'s synthetic messages to local
Parquet files (the ``filesystem`` destination), timed inside the dlt virtualenv:

    bench/.venv-dlt/bin/python bench/peer/dlt_local.py N OUT_DIR

Prints one JSON line: wall and CPU seconds of ``pipeline.run`` (imports and setup left out,
as the archiver's timing leaves out its own), rows loaded. The rows are generated newest first,
like a platform's message list; dlt infers the schema, writes Parquet with its defaults
(``loader_file_format="parquet"``), no masking, no encryption, one copy.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dlt

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import message


def main() -> None:
    n, out = int(sys.argv[1]), Path(sys.argv[2])

    @dlt.resource(
        name="messages",
        write_disposition="append",
        primary_key="id",
        columns={"url": {"data_type": "text", "nullable": True}},
    )
    def messages() -> Iterator[list[dict[str, Any]]]:
        page: list[dict[str, Any]] = []
        for i in range(n - 1, -1, -1):
            page.append(message(i))
            if len(page) == 1000:  # a page of the platform's list
                yield page
                page = []
        if page:
            yield page

    pipeline = dlt.pipeline(
        pipeline_name="bench_local",
        pipelines_dir=str(out / "pipelines"),
        destination=dlt.destinations.filesystem(bucket_url=(out / "data").as_uri()),
        dataset_name="peki",
    )
    t, c = time.perf_counter(), time.process_time()
    info = pipeline.run(messages(), loader_file_format="parquet")
    dt, dc = time.perf_counter() - t, time.process_time() - c
    files = list((out / "data").rglob("*.parquet"))
    import pyarrow.parquet as pq

    rows = sum(pq.read_metadata(f).num_rows for f in files if "messages" in str(f))
    info.raise_on_failed_jobs()
    print(json.dumps({"seconds": dt, "cpu": dc, "rows": rows, "dlt": dlt.__version__}))


if __name__ == "__main__":
    main()
