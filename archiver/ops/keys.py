"""``archiver keys rotate-signing``: retire the signing key in favour of a new one.

The rotation record (``archiver.archive.catalog.rotation``) is signed by the old key, names the
new public key, and fixes per stream the first sequence under the new key, and the records the
old key signed. While it is written, the command holds the commit lease of every stream's next
sequence (and of any sequence a run has leased), so no run commits under the old key in
between; a run in progress makes it stop with a conflict instead.

The config names one signing key, the one in force: after the rotation ``keys.signing`` must
point at the new private key (the command says so; it never edits the config, which is often
generated or mounted read-only). Until then every command that signs refuses (exit 2) rather
than write what readers would refuse. ``keys.verify`` stays the root: the archive's first key.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archiver.archive import layout
from archiver.archive.catalog import list_streams, rotation
from archiver.archive.catalog.records import RECORD_PREFIXES
from archiver.archive.lease import (
    LOCKS,
    RECORD_LEASE_WAIT,
    held,
    parse_lease_key,
    records_held,
)
from archiver.archive.store import ObjectNotFound, Store
from archiver.archive.trust import Rotation, Stream, StreamPin
from archiver.context import Context
from archiver.errors import ConfigError, ConflictError
from archiver.keys import (
    Signer,
    Verifier,
    generate_signing_key,
    load_signer,
    load_verifier,
    public_pem,
    write_private_file,
)
from archiver.ops.operator import operator_name
from archiver.timeutil import format_ts, utcnow

_TRIES = 3


@dataclass
class RotationResult:
    rotation: Rotation
    new_private: Path
    new_public: Path | None  # written by this command (None: an existing key was given)
    generated: bool
    root_public: Path | None  # the root public key written because keys.verify was unset
    config_changes: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        r = self.rotation
        return {
            "rotation": r.number,
            "record": r.key,
            "sha256": r.sha256,
            "at": r.at,
            "operator": r.operator,
            "old_key_id": r.old_key_id,
            "new_key_id": r.new.key_id,
            "new_private_key": str(self.new_private),
            "new_public_key": str(self.new_public) if self.new_public else None,
            "generated": self.generated,
            "streams": {
                f"{s}/{t}": {"from_sequence": p.from_sequence}
                for (s, t), p in sorted(r.streams.items())
            },
            "records_pinned": len(r.records),
            "root_public_key": str(self.root_public) if self.root_public else None,
            "config_changes": dict(self.config_changes),
        }


def public_path(private: Path) -> Path:
    """``keys/signing-2.pem`` → ``keys/signing-2.pub.pem`` (as ``init`` names the pair)."""
    if private.name.endswith(".pem"):
        return private.with_name(private.name[: -len(".pem")] + ".pub.pem")
    return private.with_name(private.name + ".pub.pem")


def _new_signer(path: Path) -> tuple[Signer, Path | None, bool]:
    """The new key: loaded from ``path`` when it exists, else generated there (0600)."""
    if path.exists():
        return load_signer(path), None, False
    pub = public_path(path)
    if pub.exists():
        raise ConfigError(
            f"--new-key {path} does not exist but {pub} does: refusing to pair a new private "
            "key with an old public key file",
            hint="give a fresh path, or move the stale public key away",
        )
    generate_signing_key(path, pub)
    return load_signer(path), pub, True


def _heads(store: Store) -> dict[Stream, tuple[int, str]]:
    """Every stream's head: (sequence, key)."""
    out: dict[Stream, tuple[int, str]] = {}
    for stream, keys in list_streams(store).items():
        parsed = layout.parse_stream(keys[-1])
        if parsed is not None:
            out[stream] = (parsed[2], keys[-1])
    return out


def _to_lease(store: Store, heads: dict[Stream, tuple[int, str]]) -> set[tuple[Stream, int]]:
    """Every stream's next sequence, and any later sequence a run holds a lease for (a run
    about to commit a stream's first manifest has no manifest to find it by)."""
    out = {(stream, seq + 1) for stream, (seq, _) in heads.items()}
    for info in store.list(LOCKS + "/"):
        parsed = parse_lease_key(info.key)
        if parsed is not None:
            src, tenant, seq = parsed
            if seq > heads.get((src, tenant), (0, ""))[0]:
                out.add(((src, tenant), seq))
    return out


def _pins(store: Store, heads: dict[Stream, tuple[int, str]]) -> dict[Stream, StreamPin]:
    out = {}
    for stream, (seq, key) in heads.items():
        try:
            raw = store.get(key)
        except ObjectNotFound:
            raise ConflictError(f"manifest {key} disappeared during the rotation") from None
        out[stream] = StreamPin(seq, hashlib.sha256(raw).hexdigest())
    return out


def _records_signed_by(store: Store, key_id: str) -> dict[str, str]:
    """Every signed record whose signature names ``key_id``: key → SHA-256 of its bytes.
    Judged by the key id it carries, not by its signature: pinning a damaged record does not
    make it valid (its signature is still checked), leaving one out would."""
    out = {}
    for prefix in RECORD_PREFIXES:
        for info in store.list(prefix):
            try:
                raw = store.get(info.key)
                kid = json.loads(raw)["signature"]["key_id"]
            except (ObjectNotFound, ValueError, TypeError, KeyError):
                continue
            if kid == key_id:
                out[info.key] = hashlib.sha256(raw).hexdigest()
    return out


def _root_file(ctx: Context, old: Verifier) -> Path | None:
    """With ``keys.verify`` unset, trust started from ``keys.signing``'s public half, which
    is about to change: write the old public key beside it for ``keys.verify``."""
    if ctx.config.keys.verify is not None:
        return None
    path = public_path(ctx.config.keys.signing)
    if path.exists():
        if load_verifier(path).key_id != old.key_id:
            raise ConfigError(
                f"keys.verify is not set and {path} holds another key than keys.signing's "
                "public half: set keys.verify to the archive's first public key first"
            )
        return path
    write_private_file(path, public_pem(old).encode(), what="root public key")
    return path


def rotate_signing(
    ctx: Context, new_key: Path, *, operator: str | None = None, reason: str | None = None
) -> RotationResult:
    """Write the next rotation record, signed by the configured (old) signing key, naming the
    key at ``new_key`` (generated there when the file does not exist)."""
    old = ctx.signer  # RetiredKeyError when it is not the key in force
    trust = ctx.trust()
    who = operator_name(operator, ctx.config)
    new, new_public, generated = _new_signer(new_key)
    if new.verifier.key_id in trust.key_ids:
        raise ConfigError(
            f"--new-key {new_key} is key {new.verifier.key_id}, which this archive has already "
            "used: a rotation must bring in a key never in force before",
            hint="give a path where a new key is generated",
        )
    root_public = _root_file(ctx, old.verifier)
    store = ctx.store
    seconds = ctx.config.crawl.lease_seconds
    run_id = "rotate-signing-" + utcnow().strftime("%Y%m%dT%H%M%S%fZ")
    for _ in range(_TRIES):
        heads = _heads(store)
        with contextlib.ExitStack() as leases:
            leases.enter_context(
                records_held(store, run_id=run_id, seconds=seconds, wait=RECORD_LEASE_WAIT)
            )
            for (src, tenant), seq in sorted(_to_lease(store, heads)):
                leases.enter_context(held(store, src, tenant, seq, run_id=run_id, seconds=seconds))
            if _heads(store) != heads:
                continue  # a run committed before its lease was ours: look again
            doc = rotation.document(
                number=len(trust.rotations) + 1,
                previous=trust.rotations[-1] if trust.rotations else None,
                at=format_ts(utcnow()),
                operator=who,
                reason=reason,
                old=old.verifier,
                new=new.verifier,
                streams=_pins(store, heads),
                records=_records_signed_by(store, old.verifier.key_id),
            )
            written = rotation.write(store, trust, old, doc)
            break
    else:
        raise ConflictError(
            "runs kept committing while the rotation tried to hold every stream; "
            "rotate when no run is in progress"
        )
    changes = {"keys.signing": str(new_key)}
    if root_public is not None:
        changes["keys.verify"] = str(root_public)
    return RotationResult(
        rotation=written,
        new_private=new_key,
        new_public=new_public,
        generated=generated,
        root_public=root_public,
        config_changes=changes,
    )
