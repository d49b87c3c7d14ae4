"""Everything a command needs from the config, opened once: store, keyrings, keys."""

from __future__ import annotations

import os
import secrets
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from archiver.archive.catalog import Catalog, Provenance, rotation
from archiver.archive.catalog.records import Record, put_record
from archiver.archive.lease import RECORD_LEASE_WAIT, records_held
from archiver.archive.store import LegalHolds, Store
from archiver.archive.store_local import LocalStore
from archiver.archive.trust import Trust
from archiver.config import Config, KeyringSpec
from archiver.errors import ConfigError
from archiver.keys import Signer, Verifier, load_pseudonym_key, load_signer, load_verifier
from archiver.transform.pseudonym import Pseudonymizer

if TYPE_CHECKING:  # the masker, the encryption SDK and boto3 are imported where they are used
    from archiver.archive.crypto import Keyring
    from archiver.transform.mask import Masker
    from archiver.transform.policy import Policy


def open_store(cfg: Config) -> Store:
    a = cfg.archive
    url = a.url
    if url.startswith("s3://"):
        from archiver.archive.store_s3 import S3Store  # boto3: only for an S3 archive

        return S3Store.from_url(
            url,
            endpoint_url=a.endpoint_url,
            region=a.region,
            path_style=a.path_style,
            object_lock=a.object_lock,
            chunk_bytes=a.multipart_chunk_bytes,
        )
    if "://" in url:
        raise ConfigError("archive.url: use a path, file:///abs/path or s3://bucket/prefix")
    if a.object_lock is not None:
        raise ConfigError(
            "archive.object_lock: Object Lock needs an s3:// archive; a local folder has none"
        )
    return LocalStore(Path(url))


def open_policy(cfg: Config) -> Policy:
    """The masking policy named by the config (or the shipped default), covering every source."""
    from archiver.transform.policy import load_policy  # the masker: only where it masks

    m = cfg.masking
    policy = load_policy(m.policy, default_region=m.default_region, token_hash=m.token_hash)
    for i, s in enumerate(cfg.sources):
        if not policy.covers(s.type):
            raise ConfigError(
                f"config key sources[{i}].type: the masking policy {policy.name} has no rules "
                f"for platform {s.type!r}",
                hint="add them under platforms in the policy file",
            )
    return policy


@dataclass
class Context:
    config: Config
    store: Store
    pseudo: Pseudonymizer
    masked_specs: Sequence[KeyringSpec]
    sealed_specs: Sequence[KeyringSpec]
    #: Where trust starts: ``keys.verify``, else the public half of ``keys.signing``.
    root: Verifier
    signer_: Signer | None
    _trust: tuple[tuple[str, ...], Trust] | None = field(default=None, repr=False)
    _policy: Policy | None = field(default=None, repr=False)
    _masker: Masker | None = field(default=None, repr=False)
    _keyrings: dict[str, Keyring] = field(default_factory=dict, repr=False)
    _lazy: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def masked(self) -> Keyring:
        """The keyring of masked objects, built (keys read, checked) when first needed."""
        return self._keyring("masked", self.masked_specs)

    @property
    def sealed(self) -> Keyring:
        """The keyring of sealed originals, built when first needed."""
        return self._keyring("sealed", self.sealed_specs)

    def _keyring(self, kind: str, specs: Sequence[KeyringSpec]) -> Keyring:
        # The encryption SDK (which imports boto3) only for a command that encrypts, decrypts
        # or commits: ``status``, ``ledger`` or a plain ``verify`` never load it.
        from archiver.archive.crypto import build_keyring

        with self._lazy:
            ring = self._keyrings.get(kind)
            if ring is None:
                ring = self._keyrings[kind] = build_keyring(specs)
            return ring

    @property
    def policy(self) -> Policy:
        """The masking policy (``open_policy``), read when first needed: commands that neither
        mask nor commit do not pay for the masker's modules and the policy's parsing."""
        with self._lazy:
            if self._policy is None:
                self._policy = open_policy(self.config)
            return self._policy

    @property
    def policy_ref(self) -> dict[str, object]:
        """What a manifest this context commits records of the masking policy."""
        return self.policy.ref

    @property
    def masker(self) -> Masker:
        """The masker of ``policy``, built once when first needed (streams share it)."""
        policy = self.policy
        with self._lazy:
            if self._masker is None:
                from archiver.transform.mask import Masker

                self._masker = Masker(policy, self.pseudo)
            return self._masker

    def trust(self) -> Trust:
        """The root and the key rotations in the store, as they are now (read again when the
        rotation records listed have changed since the last call: one listing per call)."""
        keys = tuple(rotation.listed(self.store))
        if self._trust is None or self._trust[0] != keys:
            self._trust = (keys, rotation.load_trust(self.store, self.root, keys))
        return self._trust[1]

    @property
    def verifier(self) -> Trust:
        """The trusted keys: the root and its rotations (as a ``Verifier``, the key in force).
        Read from the store once per command."""
        return self._trust[1] if self._trust is not None else self.trust()

    @property
    def signer(self) -> Signer:
        """The signing key, once checked to be the key in force (``RetiredKeyError`` after a
        rotation retired it): nothing it signs would be accepted otherwise."""
        if self.signer_ is None:
            raise ConfigError("this command needs the signing key (keys.signing)")
        rotation.require_in_force(self.verifier, self.signer_)
        return self.signer_

    def write_record(self, key: str, doc: Record) -> None:
        """Write one signed record (hold, suppression, ledger entry) under the records' lease,
        with the signing key checked against the rotations as they are at that moment: a key
        rotation, which holds the same lease, cannot retire the key between the check and the
        write (readers would refuse the record)."""
        if self.signer_ is None:
            raise ConfigError("this command needs the signing key (keys.signing)")
        run_id = f"record-{os.getpid()}-{secrets.token_hex(4)}"
        seconds = self.config.crawl.lease_seconds
        with records_held(self.store, run_id=run_id, seconds=seconds, wait=RECORD_LEASE_WAIT):
            rotation.require_in_force(self.trust(), self.signer_)
            put_record(self.store, key, doc, self.signer_)

    @property
    def catalog(self) -> Catalog:
        """The archive's manifests and records, read against the trusted keys."""
        return Catalog(self.store, self.verifier)

    @property
    def provenance(self) -> Provenance:
        """What a manifest this context commits says of its writer, and its signing key
        (checked against the rotations again right before each commit)."""
        return Provenance(
            signer=self.signer,
            policy=self.policy_ref,
            keyrings={"masked": self.masked.describe(), "sealed": self.sealed.describe()},
            trust=self.trust,
        )

    @property
    def locks(self) -> LegalHolds | None:
        """The store's legal holds, where Object Lock is configured (else None)."""
        store = self.store
        if self.config.archive.object_lock is None or not isinstance(store, LegalHolds):
            return None
        return store

    @classmethod
    def open(
        cls,
        cfg: Config,
        *,
        write: bool = True,
        sealed_private_key: Path | None = None,
        commits: bool = False,
    ) -> Context:
        """``commits``: the command masks or commits manifests, so the masking policy and the
        keyrings are read now and a problem with them stops the command before any work
        (others read them when first used, or never)."""
        k = cfg.keys
        signer = load_signer(k.signing) if (write or k.verify is None) else None
        root = load_verifier(k.verify) if k.verify else signer.verifier  # type: ignore[union-attr]
        sealed_specs = list(k.sealed)
        if sealed_private_key is not None:
            sealed_specs = [
                KeyringSpec(
                    type=s.type,
                    key_name=s.key_name,
                    file=s.file,
                    public_key=s.public_key,
                    private_key=sealed_private_key,
                )
                if s.type == "raw-rsa"
                else s
                for s in sealed_specs
            ]
        pseudo = Pseudonymizer(load_pseudonym_key(k.pseudonym))
        ctx = cls(
            config=cfg,
            store=open_store(cfg),
            pseudo=pseudo,
            masked_specs=k.masked,
            sealed_specs=sealed_specs,
            root=root,
            signer_=signer,
        )
        if commits:
            ctx.policy, ctx.masked, ctx.sealed  # noqa: B018 (read now: see above)
        return ctx
