"""What the security tests share: the values no output may hold (secrets in every encoding,
every personal value a simulator serves) and a command run in-process as a fresh process would
run it (its own log handler, no secret registered before it starts)."""

from __future__ import annotations

import base64
import binascii
import contextlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

import archiver.cli.common as cli_common
from archiver import logs
from archiver.cli import cli
from tests.conftest import logging_restored
from tests.obs.helpers import leaks

#: Record fields that hold something about a person, on any of the three platforms.
PERSONAL_KEYS = frozenset(
    {
        "firstName", "lastName", "email", "phoneNumber", "username", "chatUserName",
        "userId", "user_id", "createdBy", "channelUId", "name", "phone", "ip_address",
    }
)  # fmt: skip
#: Free-text fields: a text counts once it is long enough to be unmistakably one message.
TEXT_KEYS = frozenset({"text", "content", "summary"})
_MIN_TEXT = 12


def _collect(node: Any, key: str, out: set[str]) -> None:
    if isinstance(node, Mapping):
        for k, v in node.items():
            _collect(v, str(k), out)
    elif isinstance(node, list):
        for v in node:
            _collect(v, key, out)
    elif isinstance(node, str) and (
        key in PERSONAL_KEYS or (key in TEXT_KEYS and len(node) >= _MIN_TEXT)
    ):
        out.add(node)


def tenants_of(sim: Any) -> tuple[str, ...]:
    for attr in ("chatbot_ids", "bot_ids", "agent_ids"):
        if hasattr(sim, attr):
            return tuple(getattr(sim, attr))
    raise TypeError(f"not a simulator: {type(sim).__name__}")


def personal_values(sim: Any) -> set[str]:
    """Every personal value the simulator serves: planted values, people's profile fields,
    user ids (keys of the users table) and message texts."""
    values: set[str] = set()
    for planted in sim.planted.values():
        values.update(v for _, v in planted)
    for tenant in tenants_of(sim):
        truth = sim.truth(tenant)
        values.update(truth["users"])
        for table in truth.values():
            for record in table.values():
                _collect(record, "", values)
    return {v for v in values if len(v) >= 3}


def encodings(raw: bytes, *, prefixes: bool = True) -> set[str]:
    """The forms key bytes take when printed: hex (both cases), base64 and base64url."""
    b64 = base64.b64encode(raw).decode()
    url = base64.urlsafe_b64encode(raw).decode()
    forms = {raw.hex(), raw.hex().upper(), b64, b64.rstrip("="), url, url.rstrip("=")}
    # A prefix of random key bytes is a leak too (a truncated key in a message): 16 characters
    # are never chance. (Not for DER, whose first bytes are the same for every key.)
    return forms | {f[:16] for f in forms} if prefixes else forms


def _files(paths: Iterable[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        out.extend(sorted(f for f in p.iterdir() if f.is_file()) if p.is_dir() else [p])
    return out


def key_material(*paths: Path) -> set[str]:
    """What must never be printed of the private keys in ``paths`` (files, or folders of key
    files): their lines and the key bytes in every encoding. Public keys are left out: they
    are not secret."""
    out: set[str] = set()
    for path in _files(paths):
        data = path.read_bytes()
        lines = {ln.strip() for ln in data.decode().splitlines() if "-----" not in ln}
        if b"PUBLIC KEY" in data:
            continue
        out |= {ln for ln in lines if len(ln) >= 16}
        if b"PRIVATE KEY" in data:
            key = serialization.load_pem_private_key(data, password=None)
            der = key.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
            out |= encodings(der, prefixes=False)
            if isinstance(key, Ed25519PrivateKey):
                out |= encodings(
                    key.private_bytes(
                        serialization.Encoding.Raw,
                        serialization.PrivateFormat.Raw,
                        serialization.NoEncryption(),
                    )
                )
            elif isinstance(key, RSAPrivateKey):
                d = key.private_numbers().d
                out |= encodings(d.to_bytes((d.bit_length() + 7) // 8, "big"))
            continue
        # A base64 file (the AES data key, the pseudonym key); of a damaged one, the lines.
        with contextlib.suppress(binascii.Error):
            out |= encodings(base64.b64decode(data.strip(), validate=True))
    return out


def found_secrets(text: str, secrets: Iterable[str]) -> list[str]:
    """Secrets are long random strings: any occurrence counts, inside a word or not."""
    return sorted(s for s in secrets if s and s in text)


@dataclass
class Outcome:
    """What a command left behind."""

    exit_code: int
    stdout: str
    stderr: str
    #: The text of each error that ended the command, as raised, before any log redaction.
    messages: list[str] = field(default_factory=list)
    exception: BaseException | None = None

    def texts(self) -> dict[str, str]:
        return {"stdout": self.stdout, "stderr": self.stderr, "error": "\n".join(self.messages)}


def invoke(*args: str, env: Mapping[str, str] | None = None) -> Outcome:
    """Run ``archiver ARGS`` in this process with JSON logs, as a fresh process would: no
    secret registered beforehand (so redaction cannot hide what the command itself would
    leak), logging put back afterwards, and the raw text of the ending error kept."""
    saved_secrets, saved_fail = logs._SECRETS, cli_common.fail
    messages: list[str] = []

    def recording_fail(message: str, exit_code: int, error_type: str) -> Any:
        messages.append(message)
        return saved_fail(message, exit_code, error_type)

    logs._SECRETS = logs._Secrets()
    cli_common.fail = recording_fail  # type: ignore[assignment]
    try:
        with logging_restored():
            result = CliRunner().invoke(
                cli,
                ["--log-format", "json", "-v", *args],
                env=dict(env or {}),
                catch_exceptions=True,
            )
    finally:
        logs._SECRETS = saved_secrets
        cli_common.fail = saved_fail
    exc = result.exception if not isinstance(result.exception, SystemExit) else None
    return Outcome(result.exit_code, result.stdout, result.stderr, messages, exc)


def assert_clean(
    outcome: Outcome,
    *,
    secrets: Iterable[str],
    personal: Iterable[str],
    files: Mapping[str, str] | None = None,
) -> None:
    """No secret (any encoding, any position) and no personal value (as a word) anywhere the
    command wrote: stdout, stderr, the raw error texts and ``files`` (metrics, reports)."""
    secrets, personal = set(secrets), set(personal)
    for where, text in {**outcome.texts(), **(files or {})}.items():
        bad = found_secrets(text, secrets)
        assert not bad, f"{where} holds {len(bad)} secret value(s), e.g. {bad[0][:6]}…"
        found = leaks(text, personal)
        assert not found, f"{where} holds {len(found)} personal value(s), e.g. {found[0]!r}"
