"""``archiver init``'s work: a working config and fresh local keys in a folder."""

from __future__ import annotations

from pathlib import Path

from archiver.archive.crypto import generate_aes_key_file, generate_rsa_key_pair
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
  # The private half was written outside keys/ by 'archiver init': keep it offline.
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


#: Where ``init --dir D`` puts the private key of sealed originals: a folder of its own, so
#: that ``D/keys/`` holds exactly what the job needs and can be shipped whole (as a Kubernetes
#: Secret, say) without the key that opens every original.
OFFLINE_DIR = "offline"
SEALED_PRIVATE_NAME = "sealed-private.pem"


def sealed_private_key_path(directory: Path) -> Path:
    """Where ``init_dir(directory)`` writes the sealed private key by default."""
    return directory / OFFLINE_DIR / SEALED_PRIVATE_NAME


def init_dir(directory: Path, *, private_key: Path | None = None) -> Path:
    """Create ``directory/archiver.yaml`` and the job's keys in ``directory/keys/``, and the
    private key of sealed originals at ``private_key`` (default ``directory/offline/``),
    which nothing in the config names; never overwrite any of them."""
    directory.mkdir(parents=True, exist_ok=True)
    cfg = directory / "archiver.yaml"
    if cfg.exists():
        raise ConfigError(f"{cfg} already exists; refusing to overwrite it")
    keys = directory / "keys"
    if keys.exists() and any(keys.iterdir()):
        raise ConfigError(f"{keys} is not empty; refusing to overwrite keys")
    private = private_key if private_key is not None else sealed_private_key_path(directory)
    if private.resolve().parent == keys.resolve():
        raise ConfigError(
            f"--write-private-key {private}: not in {keys}, which holds what the job may read"
        )
    if private.exists() or private.is_symlink():
        raise ConfigError(f"{private} already exists; refusing to overwrite it")
    if private_key is None:
        private.parent.mkdir(mode=0o700, exist_ok=True)
        private.parent.chmod(0o700)
    elif not private.parent.is_dir():
        raise ConfigError(
            f"--write-private-key {private}: the folder {private.parent} does not exist"
        )
    keys.mkdir(mode=0o700, exist_ok=True)
    keys.chmod(0o700)
    generate_pseudonym_key(keys / "pseudonym.key")
    generate_signing_key(keys / "signing.pem", keys / "signing.pub.pem")
    generate_aes_key_file(keys / "masked-data.key")
    generate_rsa_key_pair(private, keys / "sealed.pub.pem")
    cfg.write_text(
        CONFIG_TEMPLATE.format(archive=(directory / "archive").resolve()), encoding="utf-8"
    )
    return cfg
