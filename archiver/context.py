"""Everything a command needs from the config, opened once: store, keyrings, keys."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from archiver.archive.crypto import Keyring, KeyringSpec, build_keyring
from archiver.archive.store import Store
from archiver.archive.store_local import LocalStore
from archiver.config import Config
from archiver.errors import ConfigError
from archiver.keys import Signer, Verifier, load_pseudonym_key, load_signer, load_verifier
from archiver.transform.mask import DROP_FIELDS, POLICY_VERSION, TEXT_FIELDS
from archiver.transform.pseudonym import Pseudonymizer, canonical_json


def open_store(cfg: Config) -> Store:
    url = cfg.archive.url
    if url.startswith("s3://"):
        raise ConfigError("archive.url: s3:// stores are not supported by this version")
    if "://" in url:
        raise ConfigError("archive.url: use a path, file:///abs/path or s3://bucket/prefix")
    return LocalStore(Path(url))


def _policy_ref() -> dict[str, str]:
    doc = {
        "drop": {k: {t: sorted(f) for t, f in v.items()} for k, v in DROP_FIELDS.items()},
        "text": {k: {t: sorted(f) for t, f in v.items()} for k, v in TEXT_FIELDS.items()},
    }
    return {
        "version": POLICY_VERSION,
        "sha256": hashlib.sha256(canonical_json(doc).encode()).hexdigest(),
    }


@dataclass
class Context:
    config: Config
    store: Store
    pseudo: Pseudonymizer
    masked: Keyring
    sealed: Keyring
    verifier: Verifier
    signer_: Signer | None
    policy_ref: dict[str, str]

    @property
    def signer(self) -> Signer:
        if self.signer_ is None:
            raise ConfigError("this command needs the signing key (keys.signing)")
        return self.signer_

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
        return cls(
            config=cfg,
            store=open_store(cfg),
            pseudo=Pseudonymizer(load_pseudonym_key(k.pseudonym)),
            masked=build_keyring(k.masked),
            sealed=build_keyring(sealed_specs),
            verifier=verifier,
            signer_=signer,
            policy_ref=_policy_ref(),
        )
