"""Reading the archive back: only what committed manifests name, each object checked first."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from archiver.archive import manifest as mf
from archiver.archive.crypto import Keyring
from archiver.archive.store import ObjectNotFound, Store
from archiver.archive.writer import encryption_context
from archiver.errors import DecryptionError, IntegrityError
from archiver.keys import Verifier


class ArchiveReader:
    def __init__(
        self, store: Store, *, verifier: Verifier, masked: Keyring | None, sealed: Keyring | None
    ) -> None:
        self.store = store
        self.verifier = verifier
        self._keyrings = {False: masked, True: sealed}

    def streams(self) -> dict[tuple[str, str], list[str]]:
        return mf.list_streams(self.store)

    def stream_manifests(self, source: str, tenant: str) -> list[mf.Manifest]:
        keys = self.streams().get((source, tenant), [])
        return list(mf.read_chain(self.store, keys, self.verifier))

    def all_manifests(self) -> Iterator[mf.Manifest]:
        for keys in self.streams().values():
            yield from mf.read_chain(self.store, keys, self.verifier)

    def object_bytes(self, obj: dict[str, Any]) -> bytes:
        """Decrypted plaintext of one object, after checking its size and both hashes."""
        key = obj["key"]
        try:
            cipher = self.store.get(key)
        except ObjectNotFound:
            raise IntegrityError(f"object {key} named by a manifest is missing") from None
        if len(cipher) != obj["ciphertext_size"] or (
            hashlib.sha256(cipher).hexdigest() != obj["ciphertext_sha256"]
        ):
            raise IntegrityError(f"object {key} does not match its manifest hash (altered)")
        keyring = self._keyrings[bool(obj["sealed"])]
        if keyring is None:
            raise DecryptionError(
                f"object {key}: no key given for {'sealed' if obj['sealed'] else 'masked'} objects"
            )
        part = obj["partition"]
        ctx = encryption_context(
            key=key,
            table=obj["table"],
            sealed=bool(obj["sealed"]),
            source=part["source"],
            tenant=part["tenant"],
        )
        try:
            plain = keyring.decrypt(cipher, expect_context=ctx)
        except DecryptionError as exc:  # same class: a key problem stays one
            raise type(exc)(f"object {key}: {exc}") from None
        if hashlib.sha256(plain).hexdigest() != obj["plaintext_sha256"]:
            raise IntegrityError(
                f"object {key}: decrypted content does not match its manifest hash"
            )
        return plain

    def open_object(self, obj: dict[str, Any]) -> pa.BufferReader:
        return pa.BufferReader(self.object_bytes(obj))

    def read_table(self, obj: dict[str, Any], columns: list[str] | None = None) -> pa.Table:
        tbl = pq.read_table(self.open_object(obj), columns=columns)
        if columns is None and tbl.num_rows != obj["rows"]:
            raise IntegrityError(
                f"object {obj['key']}: {tbl.num_rows} rows, manifest says {obj['rows']}"
            )
        return tbl
