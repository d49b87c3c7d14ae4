"""``archiver init --dir D``: a working config and fresh local keys."""

from __future__ import annotations

from pathlib import Path

import click

from archiver.archive.crypto import generate_aes_key_file, generate_rsa_key_pair
from archiver.cli.common import exit_codes, handle_errors
from archiver.errors import ConfigError
from archiver.keys import generate_pseudonym_key, generate_signing_key

CONFIG_TEMPLATE = """\
# Conversation archiver configuration. Reference: README.md "Configuration".
# Any string may be ${{ENV_VAR}} or ${{file:/path/to/secret}}.
archive:
  url: {archive}
crawl:
  lag_seconds: 120
keys:
  pseudonym: keys/pseudonym.key
  signing: keys/signing.pem
  verify: keys/signing.pub.pem
  masked:
    - {{type: raw-aes, key_name: masked-data-1, file: keys/masked-data.key}}
  # The job holds only the public half: it can seal originals but never read them back.
  # keys/sealed-private.pem opens them: move it offline (see docs/SECURITY notes in README).
  sealed:
    - {{type: raw-rsa, key_name: sealed-1, public_key: keys/sealed.pub.pem}}
sources: []
# sources:
#   - name: peki-main
#     type: peki
#     base_url: https://api.peki.ai/api
#     api_key: ${{PEKI_API_KEY}}
#     api_secret: ${{file:/var/run/secrets/peki/api_secret}}
#     chatbot_ids: [bot1]
"""


def init_dir(directory: Path) -> Path:
    """Create ``directory/archiver.yaml`` and ``directory/keys/``; never overwrite either."""
    directory.mkdir(parents=True, exist_ok=True)
    cfg = directory / "archiver.yaml"
    if cfg.exists():
        raise ConfigError(f"{cfg} already exists; refusing to overwrite it")
    keys = directory / "keys"
    if keys.exists() and any(keys.iterdir()):
        raise ConfigError(f"{keys} is not empty; refusing to overwrite keys")
    keys.mkdir(mode=0o700, exist_ok=True)
    keys.chmod(0o700)
    generate_pseudonym_key(keys / "pseudonym.key")
    generate_signing_key(keys / "signing.pem", keys / "signing.pub.pem")
    generate_aes_key_file(keys / "masked-data.key")
    generate_rsa_key_pair(keys / "sealed-private.pem", keys / "sealed.pub.pem")
    cfg.write_text(
        CONFIG_TEMPLATE.format(archive=(directory / "archive").resolve()), encoding="utf-8"
    )
    return cfg


@click.command(
    epilog=exit_codes(
        0,
        (1, "failure (a file could not be written)"),
        (2, "the config or keys already exist: nothing overwritten"),
    )
)
@click.option(
    "--dir",
    "directory",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for archiver.yaml and keys/.",
)
@handle_errors
def init(directory: Path) -> None:
    """Write a working config and fresh local keys (mode 0600)."""
    cfg = init_dir(directory)
    click.echo(f"wrote {cfg} and keys in {directory / 'keys'}")
    click.echo("the private key for sealed originals is keys/sealed-private.pem: keep it offline")
