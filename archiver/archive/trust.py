"""Which signing keys the archive trusts, and from where: a root key and the rotations after it.

A ``Trust`` is the configured root public key (``keys.verify``) followed by the rotation
records read from the store (``archiver.archive.catalog.rotation``), each signed by the key it
retires. It is a ``Verifier`` of the key in force now, so everything that takes the trusted key
takes it; which key a given manifest or record must carry is decided by
``archiver.archive.integrity.key_in_force``. Values only: nothing here reads the store.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from archiver.keys import Verifier

Stream = tuple[str, str]


@dataclass(frozen=True)
class StreamPin:
    """A stream as a rotation found it: its head then (sequence and SHA-256 of the stored
    manifest), so ``from_sequence`` = head + 1 is the first manifest under the new key."""

    head_sequence: int
    head_sha256: str

    @property
    def from_sequence(self) -> int:
        return self.head_sequence + 1


@dataclass(frozen=True)
class Rotation:
    """One rotation record: the key ``old_key_id`` retired in favour of ``new``."""

    number: int  # 1, 2, … in the order they were written
    key: str  # where it is stored
    sha256: str  # SHA-256 of its stored bytes (the next rotation links to it)
    at: str
    operator: str
    old_key_id: str
    new: Verifier
    #: Every stream that had manifests then; a stream not named began after the rotation.
    streams: Mapping[Stream, StreamPin] = field(default_factory=dict)
    #: Every signed record (holds, suppressions, ledger) the old key had signed then: key →
    #: SHA-256 of its stored bytes. Only these stay valid under the old key.
    records: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Trust(Verifier):
    """The root key and the rotations after it; as a ``Verifier``, the key in force now."""

    root: Verifier
    rotations: tuple[Rotation, ...] = ()

    @classmethod
    def start(cls, root: Verifier) -> Trust:
        """Trust in ``root`` alone (an archive never rotated)."""
        return cls(key=root.key, root=root, rotations=())

    def then(self, rotation: Rotation) -> Trust:
        """This trust followed by ``rotation`` (already checked to be signed by ``self``)."""
        return Trust(key=rotation.new.key, root=self.root, rotations=(*self.rotations, rotation))

    @property
    def keys(self) -> tuple[Verifier, ...]:
        """Every key in the order it came into force: the root, then each rotation's new key."""
        return (self.root, *(r.new for r in self.rotations))

    @property
    def key_ids(self) -> frozenset[str]:
        return frozenset(k.key_id for k in self.keys)

    def epoch_of(self, key_id: str) -> int | None:
        """0 for the root, n for rotation n's new key; None for a key not in the chain."""
        for n, k in enumerate(self.keys):
            if k.key_id == key_id:
                return n
        return None
