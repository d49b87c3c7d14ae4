"""``archiver run``: one incremental run of every configured stream."""

from __future__ import annotations

import sys

import click

from archiver.cli.common import config_option, handle_errors
from archiver.config import load_config
from archiver.context import Context
from archiver.crawl.engine import RunReport, run_archive


def format_report(report: RunReport) -> str:
    lines = [
        f"run {report.run_id}",
        f"{'stream':<32} {'status':<9} {'seq':>4} {'users':>7} {'sessions':>8} "
        f"{'messages':>8} {'pages':>6} {'bytes':>10}",
    ]
    for s in report.streams:
        r = s.records
        lines.append(
            f"{(s.source + '/' + s.tenant)[:32]:<32} {s.status:<9} {s.sequence or '-':>4} "
            f"{r.get('users', 0):>7} {r.get('sessions', 0):>8} {r.get('messages', 0):>8} "
            f"{s.pages:>6} {s.bytes:>10}"
        )
        if s.error:
            lines.append(f"  ! {s.error}")
    for name, n in sorted(report.requests.items()):
        lines.append(f"requests to {name}: {n}")
    return "\n".join(lines)


@click.command()
@config_option
@click.option("--full", is_flag=True, help="Reconcile everything, ignoring watermarks.")
@click.option("--source", "sources", multiple=True, help="Only this source (repeatable).")
@handle_errors
def run(config_path: str, full: bool, sources: tuple[str, ...]) -> None:
    """Archive what changed since the last committed run.

    Exit codes: 0 ok, 1 failure, 2 usage or config, 3 partial, 5 another run committed first.
    """
    cfg = load_config(config_path)
    ctx = Context.open(cfg)
    report = run_archive(ctx, full=full, sources=sources)
    click.echo(format_report(report))
    sys.exit(report.exit_code)
