"""Everything a command needs from the config, opened once: store, keyrings, keys."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from archiver.archive.catalog import Catalog, Provenance
from archiver.archive.crypto import Keyring, build_keyring
from archiver.archive.store import LegalHolds, Store
from archiver.archive.store_local import LocalStore
from archiver.archive.store_s3 import S3Store
from archiver.config import Config, KeyringSpec
from archiver.errors import ConfigError
from archiver.keys import Signer, Verifier, load_pseudonym_key, load_signer, load_verifier
from archiver.transform.mask import Masker
from archiver.transform.policy import Policy, load_policy
from archiver.transform.pseudonym import Pseudonymizer


def open_store(cfg: Config) -> Store:
    a = cfg.archive
    url = a.url
    if url.startswith("s3://"):
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
    masked: Keyring
    sealed: Keyring
    verifier: Verifier
    signer_: Signer | None
    policy_ref: dict[str, object]
    masker: Masker

    @property
    def signer(self) -> Signer:
        if self.signer_ is None:
            raise ConfigError("this command needs the signing key (keys.signing)")
        return self.signer_

    @property
    def catalog(self) -> Catalog:
        """The archive's manifests and records, read against the trusted verify key."""
        return Catalog(self.store, self.verifier)

    @property
    def provenance(self) -> Provenance:
        """What a manifest this context commits says of its writer, and its signing key."""
        return Provenance(
            signer=self.signer,
            policy=self.policy_ref,
            keyrings={"masked": self.masked.describe(), "sealed": self.sealed.describe()},
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
        cls, cfg: Config, *, write: bool = True, sealed_private_key: Path | None = None
    ) -> Context:
        k = cfg.keys
        signer = load_signer(k.signing) if (write or k.verify is None) else None
        verifier = load_verifier(k.verify) if k.verify else signer.verifier  # type: ignore[union-attr]
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
        policy = open_policy(cfg)
        pseudo = Pseudonymizer(load_pseudonym_key(k.pseudonym))
        return cls(
            config=cfg,
            store=open_store(cfg),
            pseudo=pseudo,
            masked=build_keyring(k.masked),
            sealed=build_keyring(sealed_specs),
            verifier=verifier,
            signer_=signer,
            policy_ref=policy.ref,
            masker=Masker(policy, pseudo),
        )
