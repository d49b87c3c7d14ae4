"""``archiver simulate``: a platform simulator as a standalone server, for trying configs."""

from __future__ import annotations

import sys
import time

import click

from archiver.cli.common import exit_codes, handle_errors


@click.command(epilog=exit_codes((0, "stopped with Ctrl-C"), (1, "the server could not start"), 2))
@click.option("--platform", type=click.Choice(["peki", "kore", "selise"]), required=True)
@click.option("--port", type=int, default=8080, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option(
    "--rate-limit",
    type=int,
    default=None,
    help="Requests per minute (default: Peki 60; Kore 60 and 1,800 per hour; Selise none).",
)
@handle_errors
def simulate(platform: str, port: int, seed: int, rate_limit: int | None) -> None:
    """Serve a simulated platform on 127.0.0.1 until interrupted.

    It first prints a ready-to-paste 'sources:' block for archiver.yaml that archives it.
    """
    import yaml

    from archiver.demo import source_entry
    from archiver.simulators.kore import DOCUMENTED_LIMITS, KoreSimulator
    from archiver.simulators.peki import PekiSimulator
    from archiver.simulators.selise import SeliseSimulator

    sim: PekiSimulator | KoreSimulator | SeliseSimulator
    if platform == "peki":
        sim = PekiSimulator(seed=seed, rate_limit_per_minute=rate_limit or 60)
    elif platform == "kore":
        limits = DOCUMENTED_LIMITS if rate_limit is None else ((rate_limit, 60.0),)
        sim = KoreSimulator(seed=seed, rate_limits=limits)
    else:
        sim = SeliseSimulator(seed=seed, rate_limit_per_minute=rate_limit)
    sim.start(port)
    entry = source_entry(f"{platform}-sim", sim)
    if rate_limit is not None and platform != "peki":  # Peki announces its limit in headers
        entry["rate_limit_per_minute"] = rate_limit
    # A comment, then the block: all of stdout is YAML, ready to paste (or redirect to a file).
    click.echo(
        f"# {platform} simulator on {sim.base_url}. Paste this in place of 'sources: []' "
        "in archiver.yaml:"
    )
    click.echo(yaml.safe_dump({"sources": [entry]}, sort_keys=False).rstrip())
    sys.stdout.flush()
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        sim.stop()
