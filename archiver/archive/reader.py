"""Reading objects back: only what committed manifests name, each object checked first.

Which objects exist is the catalog's business (``archiver.archive.catalog``); this decrypts
one entry's object after ``archiver.archive.integrity`` has checked it, and raises on the first
problem.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.parquet as pq

from archiver.archive import integrity
from archiver.archive.catalog import Catalog, ObjectEntry
from archiver.archive.store import ObjectNotFound, Store
from archiver.errors import DecryptionError
from archiver.keys import Verifier

if TYPE_CHECKING:  # the encryption SDK is imported where keyrings are built
    from archiver.archive.crypto import Keyring

_WHERE = "its manifest"


class ArchiveReader:
    def __init__(
        self, store: Store, *, verifier: Verifier, masked: Keyring | None, sealed: Keyring | None
    ) -> None:
        self.store = store
        self.verifier = verifier
        self.catalog = Catalog(store, verifier)
        self._keyrings = {False: masked, True: sealed}

    def object_bytes(self, entry: ObjectEntry) -> bytes:
        """Decrypted plaintext of one object, after checking its size and both hashes."""
        try:
            cipher: bytes | None = self.store.get(entry.key)
        except ObjectNotFound:
            cipher = None
        integrity.raise_problem(integrity.check_ciphertext(entry, cipher, _WHERE))
        assert cipher is not None
        keyring = self._keyrings[entry.sealed]
        if keyring is None:
            raise DecryptionError(f"object {entry.key}: no key given for {entry.kind} objects")
        plain, problem = integrity.decrypt(entry, cipher, keyring)
        integrity.raise_problem(problem)
        assert plain is not None
        integrity.raise_problem(integrity.check_plaintext(entry, plain, _WHERE))
        return plain

    def open_object(self, entry: ObjectEntry) -> pa.BufferReader:
        return pa.BufferReader(self.object_bytes(entry))

    def read_table(self, entry: ObjectEntry, columns: list[str] | None = None) -> pa.Table:
        tbl = pq.read_table(self.open_object(entry), columns=columns)
        if columns is None:
            integrity.raise_problem(integrity.check_rows(entry, tbl.num_rows, _WHERE))
        return tbl
