"""Signed documents (manifests and the records under ``holds/``, ``suppressed/``, ``ledger/``):
their canonical form and their Ed25519 signature, in one place.

The stored bytes are the canonical JSON of the document including its ``signature``, plus one
``\\n`` that is not signed; the signature covers the canonical JSON of the document without the
``signature`` key. Checking lives in ``archiver.archive.integrity``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from archiver.keys import Signer

SIGNATURE_ALGORITHM = "ed25519"


def canonical(doc: Mapping[str, Any]) -> bytes:
    """Sorted keys, no spaces, UTF-8 (non-ASCII characters as themselves)."""
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def body(doc: Mapping[str, Any]) -> dict[str, Any]:
    """What a signature covers: the document without its ``signature``."""
    return {k: v for k, v in doc.items() if k != "signature"}


def signed_part(enc: bytes, doc: Mapping[str, Any]) -> bytes:
    """The canonical JSON of ``doc`` without ``signature``, given ``enc``, the canonical JSON
    of the whole: the top-level signature member cut out, instead of encoding megabytes again.

    Keys are sorted, so the member is followed by the next key (``"state":`` in a manifest);
    where that is not found exactly once, the body is encoded anew."""
    keys = sorted(doc)
    if "signature" in doc:
        member = b'"signature":' + canonical(doc["signature"])
        after = keys[keys.index("signature") + 1 :]
        if after:
            nxt = json.dumps(after[0], ensure_ascii=False).encode() + b":"
            if enc.count(member + b"," + nxt) == 1:
                return enc.replace(member + b"," + nxt, nxt, 1)
    return canonical(body(doc))


def sign(doc: Mapping[str, Any], signer: Signer) -> bytes:
    """The stored bytes of ``doc`` signed by ``signer``."""
    unsigned = body(doc)
    signature = {
        "algorithm": SIGNATURE_ALGORITHM,
        "key_id": signer.verifier.key_id,
        "value": signer.sign(canonical(unsigned)),
    }
    return canonical(unsigned | {"signature": signature}) + b"\n"
