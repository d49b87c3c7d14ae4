"""``archiver keys rotate-signing``: retire the manifest signing key for a new one."""

from __future__ import annotations

from pathlib import Path

import click

from archiver.cli.common import config_option, emit, exit_codes, handle_errors, operator_option
from archiver.config import load_config
from archiver.context import Context
from archiver.ops.keys import RotationResult, rotate_signing

_CODES = exit_codes(
    "0 rotated: change the config as printed",
    "1 failure (the store failed)",
    "2 usage or config: keys.signing is not the key in force (already retired, or not this "
    "archive's), --new-key is unreadable or a key already used, unknown operator",
    "4 integrity: the rotation records already in the store are altered or forged",
    "5 conflict: a run holds a stream's lease, or another rotation was written meanwhile",
)


@click.group(help="Signing keys: rotate the key that signs manifests and records." + _CODES)
def keys() -> None:
    pass


def format_result(r: RotationResult) -> str:
    rot = r.rotation
    lines = [
        f"rotation {rot.number} written: {rot.key} (sha256 {rot.sha256})",
        f"  retired key {rot.old_key_id}",
        f"  new key     {rot.new.key_id}"
        + (" (generated)" if r.generated else f" (from {r.new_private})"),
        f"  in force from the next manifest of {len(rot.streams)} stream(s) "
        f"and for every new stream; {len(rot.records)} record(s) of the old key kept valid",
    ]
    if r.new_public is not None:
        lines.append(f"  public key: {r.new_public}")
    lines.append("now change the config (commands that sign refuse until then, exit 2):")
    lines += [f"  {k}: {v}" for k, v in r.config_changes.items()]
    lines.append(
        "keep keys.verify (the root key) as it is; move the old private key offline or destroy it"
    )
    return "\n".join(lines)


@keys.command(
    "rotate-signing",
    help="Write a key rotation record signed by the current signing key (keys.signing) that "
    "names the new key: manifests and records written after it must be signed by the new key, "
    "those before it stay valid under the old one. --new-key is generated when the file does "
    "not exist (0600, with its public key beside it as .pub.pem)." + _CODES,
)
@config_option
@click.option(
    "--new-key",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The new Ed25519 private key (PEM); generated there when missing.",
)
@click.option("--reason", default=None, help="Why (recorded in the rotation record).")
@operator_option
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@handle_errors
def rotate_signing_command(
    config_path: str, new_key: Path, reason: str | None, operator: str | None, as_json: bool
) -> None:
    ctx = Context.open(load_config(config_path), write=True)
    r = rotate_signing(ctx, new_key.resolve(), operator=operator, reason=reason)
    emit(r.to_json(), format_result(r), as_json=as_json)
