"""Error classes, grouped by what the caller should do with them.

- ``FatalError``: stop the whole command; the user must fix something (config, keys, store).
- ``RetriableError``: a transient fault (network, 429, 5xx); retry with backoff, then give up
  as partial.
- ``SkippableError``: this stream or page cannot be done now; skip it, finish the others and
  exit "partial".

Messages never carry secrets or personal data: they name keys, streams, objects and fields.
"""

from __future__ import annotations

# Documented exit codes (README "Exit codes", docs/OPERATIONS.md).
EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_PARTIAL = 3
EXIT_INTEGRITY = 4
EXIT_CONFLICT = 5
EXIT_HELD = 6
EXIT_UNKNOWN = 7  # an id, e-mail or phone the archive does not know (exit 7)
EXIT_STALE = 8  # archiver status: a stream's last complete run is older than the bound


class ArchiverError(Exception):
    """Base class. ``exit_code`` is what the CLI exits with when this error ends a command."""

    exit_code = EXIT_FAILURE
    hint = ""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        if hint:
            self.hint = hint

    def __str__(self) -> str:
        base = super().__str__()
        return f"{base} ({self.hint})" if self.hint else base


class FatalError(ArchiverError):
    """Stop now; nothing more can be done until the user fixes the cause."""


class ConfigError(FatalError):
    """The configuration or the command line is wrong: fix the named key or option."""

    exit_code = EXIT_USAGE


class KeyError_(FatalError):
    """A key file is missing, unreadable, too widely readable, or of the wrong kind."""

    exit_code = EXIT_USAGE


class IntegrityError(FatalError):
    """An archive object or manifest is missing, altered or wrongly signed: evidence of damage."""

    exit_code = EXIT_INTEGRITY


class DecryptionError(FatalError):
    """An object cannot be decrypted with the keys given: wrong key, or no key for that keyring."""

    exit_code = EXIT_USAGE


class KeyNotHeldError(DecryptionError):
    """None of the configured keys opens the object's data key: the keyring is not the one the
    object was written for. A configuration problem (exit 2), not evidence of damage."""


class ConflictError(FatalError):
    """Another run committed the same manifest sequence first: this run stops cleanly."""

    exit_code = EXIT_CONFLICT


class KeyMismatchError(ConfigError):
    """The configured keys are not the ones the archive was written with (a signature under an
    unknown key id, or a keyring without the key an object names): a configuration problem,
    reported before any verdict of tampering is drawn."""


class RetiredKeyError(KeyMismatchError):
    """The configured signing key is not the key in force (a key rotation retired it, or it
    is not the archive's): anything it signed would be refused, so nothing is written. Point
    ``keys.signing`` at the key in force."""


class UnknownTargetError(FatalError):
    """The person, session or hold named is not in the archive: a typo, or data not yet
    archived. Nothing was changed; check the id, or say ``--allow-unknown`` where that is
    legitimate (a preservation hold placed before the data arrives)."""

    exit_code = EXIT_UNKNOWN


class HeldError(FatalError):
    """A legal hold covers the data: release the named case's hold first, or leave the data."""

    exit_code = EXIT_HELD


class RetriableError(ArchiverError):
    """A transient fault: retrying later may succeed."""


class RateLimited(RetriableError):
    """The platform refused for rate limiting and the wait is longer than the run may spend."""


class SkippableError(ArchiverError):
    """This stream (or page) cannot be done now; the others go on and the run exits partial."""

    exit_code = EXIT_PARTIAL


class Stopped(SkippableError):
    """The run was asked to stop (SIGTERM, SIGINT): what was read is committed, the rest waits
    for the next run. Raised by the crawl, and by a source's request or wait in progress."""


class SourceError(SkippableError):
    """The platform answered something we cannot use (auth refused, malformed body, 4xx)."""


class StoreError(FatalError):
    """The archive store failed (permissions, missing bucket, I/O)."""
