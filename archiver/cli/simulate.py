"""``archiver simulate``: a platform simulator as a standalone server, for trying configs."""

from __future__ import annotations

import time

import click

from archiver.cli.common import handle_errors


@click.command()
@click.option("--platform", type=click.Choice(["peki"]), required=True)
@click.option("--port", type=int, default=8080, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--rate-limit", type=int, default=60, show_default=True, help="Requests per minute.")
@handle_errors
def simulate(platform: str, port: int, seed: int, rate_limit: int) -> None:
    """Serve a simulated platform on 127.0.0.1 until interrupted."""
    from archiver.simulators.peki import PekiSimulator

    sim = PekiSimulator(seed=seed, rate_limit_per_minute=rate_limit)
    url = sim.start(port)
    bots = ", ".join(sim.chatbot_ids)
    click.echo(f"peki simulator on {url}")
    click.echo(f"  api_key: {sim.api_key}\n  api_secret: {sim.api_secret}\n  chatbot_ids: [{bots}]")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        sim.stop()
