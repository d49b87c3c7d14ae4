"""Signing-key rotation records: reading the chain of them from the configured root key, and
writing the next one.

One global chain in a well-known place, ``rotations/<n, 8 digits>.json`` (n = 1, 2, …), each
a signed record (``archiver.archive.signed``) written with put-if-absent, signed by the key it
retires and linked to its predecessor by key and SHA-256. Global rather than one record per
stream, because the signed records (holds, suppressions, ledger) belong to no stream, and one
record read at every command's start is cheaper than one per stream; it still fixes, per
stream, the sequence from which the new key is in force (a stream's head then, by sequence and
SHA-256), and lists every record the old key had signed: an attacker holding the retired key
can add nothing the readers accept, and cannot rewrite what was there.

Which key a document must carry is ``archiver.archive.integrity.key_in_force``; trust starts
from the configured root public key (``keys.verify``) and never from a key the store names.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from archiver.archive import integrity, signed
from archiver.archive.catalog.records import RECORD_FORMAT
from archiver.archive.store import ObjectNotFound, Store
from archiver.archive.trust import Rotation, Stream, StreamPin, Trust
from archiver.errors import ConflictError, IntegrityError, KeyMismatchError, RetiredKeyError
from archiver.keys import Signer, Verifier, public_pem, verifier_from_pem

ROTATIONS = "rotations"
KIND = "key-rotation"
_NAME = re.compile(rf"{ROTATIONS}/(\d{{8}})\.json")
_HEX64 = re.compile(r"[0-9a-f]{64}")


def rotation_key(number: int) -> str:
    return f"{ROTATIONS}/{number:08d}.json"


# --- the document -------------------------------------------------------------------------


def document(
    *,
    number: int,
    previous: Rotation | None,
    at: str,
    operator: str,
    reason: str | None,
    old: Verifier,
    new: Verifier,
    streams: Mapping[Stream, StreamPin],
    records: Mapping[str, str],
) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "format": RECORD_FORMAT,
        "format_version": signed.FORMAT_VERSION,
        "kind_of_record": KIND,
        "number": number,
        "previous": {"key": previous.key, "sha256": previous.sha256} if previous else None,
        "at": at,
        "operator": operator,
        "old_key": {"key_id": old.key_id, "public_key_pem": public_pem(old)},
        "new_key": {"key_id": new.key_id, "public_key_pem": public_pem(new)},
        "streams": [
            {
                "source": source,
                "tenant": tenant,
                "head_sequence": pin.head_sequence,
                "head_sha256": pin.head_sha256,
                "from_sequence": pin.from_sequence,
            }
            for (source, tenant), pin in sorted(streams.items())
        ],
        "records": dict(sorted(records.items())),
    }
    if reason:
        doc["reason"] = reason
    return doc


def _parse(key: str, raw: bytes, doc: Mapping[str, Any]) -> Rotation:
    """The typed rotation; ``ValueError`` (or ``KeyError``/``TypeError``) when it is not one."""
    if doc.get("format") != RECORD_FORMAT or doc.get("kind_of_record") != KIND:
        raise ValueError("not a key rotation record")
    number = doc["number"]
    if type(number) is not int or number < 1:
        raise ValueError("number")
    new = verifier_from_pem(str(doc["new_key"]["public_key_pem"]))
    if new.key_id != doc["new_key"]["key_id"]:
        raise ValueError("new_key.key_id does not match its public key")
    streams: dict[Stream, StreamPin] = {}
    for s in doc["streams"]:
        head = s["head_sequence"]
        if type(head) is not int or head < 1 or s["from_sequence"] != head + 1:
            raise ValueError("streams: head_sequence / from_sequence")
        if not isinstance(s["head_sha256"], str) or not _HEX64.fullmatch(s["head_sha256"]):
            raise ValueError("streams: head_sha256")
        streams[(str(s["source"]), str(s["tenant"]))] = StreamPin(head, s["head_sha256"])
    records = doc["records"]
    if not isinstance(records, dict) or not all(
        isinstance(v, str) and _HEX64.fullmatch(v) for v in records.values()
    ):
        raise ValueError("records")
    return Rotation(
        number=number,
        key=key,
        sha256=hashlib.sha256(raw).hexdigest(),
        at=str(doc["at"]),
        operator=str(doc["operator"]),
        old_key_id=str(doc["old_key"]["key_id"]),
        new=new,
        streams=streams,
        records={str(k): str(v) for k, v in records.items()},
    )


# --- reading the chain --------------------------------------------------------------------


@dataclass
class RotationScan:
    """The rotations followed from the root, and what stopped the walk (if anything)."""

    trust: Trust
    problems: list[integrity.Problem]
    keys: list[str]  # every rotation record found

    @property
    def records(self) -> int:
        return len(self.keys)


def listed(store: Store) -> list[str]:
    """Every key under ``rotations/``, sorted."""
    return [info.key for info in store.list(ROTATIONS + "/")]


def scan(store: Store, root: Verifier, keys: Iterable[str] | None = None) -> RotationScan:
    """``follow`` the rotation records in the store (``keys``: those listed, when known)."""
    items: list[tuple[str, bytes | None]] = []
    for key in sorted(listed(store) if keys is None else keys):
        try:
            items.append((key, store.get(key)))
        except ObjectNotFound:
            items.append((key, None))
    return follow(root, items)


def follow(root: Verifier, items: Sequence[tuple[str, bytes | None]]) -> RotationScan:
    """Follow rotation records, given as (key, stored bytes or None when gone) sorted by key,
    from ``root``: each must be named ``rotations/<n>.json`` for n = 1, 2, … without gaps, be
    a canonical signed record signed by the key in force before it, retire exactly that key,
    link to its predecessor and bring in a key never in force before. The walk stops at the
    first that fails (nothing after a broken link is trusted).

    ``KeyMismatchError`` when the root is not where the chain starts but a key the chain
    brings in later: the configuration names a later key as the root."""
    trust = Trust.start(root)
    problems: list[integrity.Problem] = []
    expected = 1
    for key, raw in items:
        match = _NAME.fullmatch(key)
        if match is None:
            problems.append(
                integrity.Problem(
                    "rotation-altered", f"object {key} is not a rotation record name", key
                )
            )
            break
        number = int(match.group(1))
        if number != expected:
            problems.append(
                integrity.Problem(
                    "rotation-gap",
                    f"key rotation record {rotation_key(expected)} is missing but {key} exists: "
                    "removed from the middle of the chain of rotations",
                    rotation_key(expected),
                )
            )
            break
        if raw is None:
            problems.append(
                integrity.Problem("rotation-altered", f"{key} disappeared while reading", key)
            )
            break
        doc, problem = integrity.check_signed(key, raw, trust, what="rotation")
        if problem is not None and problem.kind == "rotation-forged" and number == 1:
            _root_is_later_key(items, root)
        if problem is None and doc is not None:
            problem = _check(key, raw, doc, number, trust)
        if problem is not None or doc is None:
            problems.append(
                problem or integrity.Problem("rotation-altered", f"{key} is unreadable", key)
            )
            break
        trust = trust.then(_parse(key, raw, doc))
        expected += 1
    return RotationScan(trust=trust, problems=problems, keys=[k for k, _ in items])


def _check(
    key: str, raw: bytes, doc: Mapping[str, Any], number: int, trust: Trust
) -> integrity.Problem | None:
    """The rules of one rotation beyond its signature (``trust``: the rotations before it)."""
    try:
        rotation = _parse(key, raw, doc)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        return integrity.Problem(
            "rotation-altered", f"key rotation record {key} is not a rotation record ({exc})", key
        )
    prev = trust.rotations[-1] if trust.rotations else None
    link = {"key": prev.key, "sha256": prev.sha256} if prev else None
    why = None
    if rotation.number != number:
        why = f"it says it is rotation {rotation.number}"
    elif doc.get("previous") != link:
        why = "it does not link to the rotation before it"
    elif rotation.old_key_id != trust.key_id:
        why = f"it retires key {rotation.old_key_id}, but the key in force is {trust.key_id}"
    elif rotation.new.key_id in trust.key_ids:
        why = f"its new key {rotation.new.key_id} was in force before"
    if why is None:
        return None
    return integrity.Problem(
        "rotation-altered", f"key rotation record {key} is not valid: {why}", key
    )


def _root_is_later_key(items: Sequence[tuple[str, bytes | None]], root: Verifier) -> None:
    """Raise ``KeyMismatchError`` if ``root`` is the new key of one of the rotation records:
    the config names a key the archive rotated to, not the one it started with."""
    for key, raw in items:
        try:
            doc = json.loads(raw or b"")
            new_id = doc["new_key"]["key_id"]
        except (ValueError, TypeError, KeyError):
            continue
        if new_id == root.key_id:
            raise KeyMismatchError(
                f"trust starts from key {root.key_id} (keys.verify; when it is not set, the "
                f"public half of keys.signing), but that key came into force with {key}: the "
                "archive began under another key. This is a configuration problem, not "
                "evidence of tampering",
                hint="set keys.verify to the public key of the archive's first signing key "
                "(archiver keys rotate-signing wrote it beside the old private key)",
            )


def load_trust(store: Store, root: Verifier, keys: Iterable[str] | None = None) -> Trust:
    """The trust readers use: ``scan``, refusing a broken or forged rotation chain."""
    result = scan(store, root, keys)
    integrity.raise_first(result.problems)
    return result.trust


# --- writing ------------------------------------------------------------------------------


def require_in_force(trust: Trust, signer: Signer) -> None:
    """``RetiredKeyError`` unless ``signer`` is the key in force now: what it signs would be
    refused by every reader."""
    mine = signer.verifier.key_id
    if mine == trust.key_id:
        return
    epoch = trust.epoch_of(mine)
    if epoch is not None:
        by = trust.rotations[epoch]
        raise RetiredKeyError(
            f"the configured signing key (keys.signing, key id {mine}) was retired by key "
            f"rotation {by.number} ({by.key}, {by.at}, by {by.operator}); the key in force is "
            f"{trust.key_id}: what it signs now would be refused",
            hint="set keys.signing to the private key of the key in force (the --new-key of "
            "the last 'archiver keys rotate-signing')",
        )
    if not trust.rotations:
        raise RetiredKeyError(
            f"the configured signing key (keys.signing, key id {mine}) and the root key "
            f"(keys.verify, key id {trust.key_id}) are not a pair: readers would refuse every "
            "manifest and record it signs",
            hint="set keys.verify to the public half of keys.signing (or of the archive's "
            "first signing key)",
        )
    raise RetiredKeyError(
        f"the configured signing key (keys.signing, key id {mine}) is not a key of this "
        f"archive: the key in force is {trust.key_id} (after {len(trust.rotations)} "
        "rotation(s))",
        hint="set keys.signing to the private key of the key in force",
    )


def write(store: Store, trust: Trust, signer: Signer, doc: Mapping[str, Any]) -> Rotation:
    """Sign and write the next rotation record with put-if-absent; ``ConflictError`` when
    another rotation took its number meanwhile."""
    require_in_force(trust, signer)
    key = rotation_key(int(doc["number"]))
    raw = signed.sign(doc, signer)
    checked, problem = integrity.check_signed(key, raw, trust, what="rotation")
    if problem is None and checked is not None:
        problem = _check(key, raw, checked, len(trust.rotations) + 1, trust)
    if problem is not None:
        raise IntegrityError(
            f"refusing to write a rotation readers would refuse: {problem.message}"
        )
    if not store.put_if_absent(key, raw):
        raise ConflictError(
            f"key rotation record {key} was written by another command meanwhile; nothing was "
            "changed by this one",
            hint="check 'archiver verify' and the rotation it wrote before rotating again",
        )
    return _parse(key, raw, json.loads(raw))
