"""Who acts: every command that records or opens personal data names its operator."""

from __future__ import annotations

import os

from archiver.config import Config
from archiver.errors import ConfigError

#: Where the operator's name comes from, in this order (after ``--operator``).
OPERATOR_ENV = "ARCHIVER_OPERATOR"


def operator_name(explicit: str | None, config: Config | None = None) -> str:
    """Who does this: ``--operator``, else ``$ARCHIVER_OPERATOR``, else the config's
    ``operator``, else the login name (``$USER``, ``$LOGNAME``). Commands that record or open
    personal data refuse to go on without one; ``--operator unknown`` says so on purpose."""
    for name in (
        explicit,
        os.environ.get(OPERATOR_ENV),
        config.operator if config is not None else None,
        os.environ.get("USER"),
        os.environ.get("LOGNAME"),
    ):
        if name and name.strip():
            return name.strip()
    raise ConfigError(
        "who is doing this is unknown: the record needs an operator name",
        hint=f"pass --operator NAME, set {OPERATOR_ENV}, or set operator in the config",
    )
