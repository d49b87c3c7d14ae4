"""Local key files: the pseudonym key and the manifest signing key.

Key files must be private to their owner (mode 0600 or stricter): a key that others can read is
refused, because from then on it must be considered leaked.
"""

from __future__ import annotations

import base64
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from archiver.errors import KeyError_


def read_secret_file(path: Path, what: str = "key file") -> bytes:
    """Read a secret file, refusing it if anyone but the owner could read or change it."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise KeyError_(f"{what} {path} does not exist") from None
    except OSError as exc:
        raise KeyError_(f"{what} {path} cannot be accessed: {exc.strerror}") from None
    if not stat.S_ISREG(st.st_mode):
        raise KeyError_(f"{what} {path} is not a regular file")
    if os.name == "posix" and st.st_mode & 0o077:
        raise KeyError_(
            f"{what} {path} is accessible by group or others "
            f"(mode {stat.S_IMODE(st.st_mode):04o}); refusing to use it",
            hint=f"run 'chmod 600 {path}' and consider the key exposed",
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise KeyError_(f"{what} {path} cannot be read: {exc.strerror}") from None


def write_private_file(
    path: Path, data: bytes, *, what: str = "key file", replace: bool = False
) -> None:
    """Write ``path`` readable by its owner only (mode 0600 whatever the umask), for keys and
    for files holding personal data (exports, transcripts). Without ``replace`` an existing
    file is never overwritten (keys are not replaced by accident)."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if replace else os.O_EXCL)
    try:
        fd = os.open(path, flags, 0o600)
    except FileExistsError:
        raise KeyError_(f"{what} {path} already exists; refusing to overwrite it") from None
    try:
        os.fchmod(fd, 0o600)
        view = memoryview(data)
        while view:  # one write may take only part of a large export
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def generate_pseudonym_key(path: Path) -> None:
    write_private_file(path, base64.b64encode(os.urandom(32)) + b"\n")


def load_pseudonym_key(path: Path) -> bytes:
    raw = read_secret_file(path, "pseudonym key").strip()
    try:
        key = base64.b64decode(raw, validate=True)
    except ValueError:
        raise KeyError_(f"pseudonym key {path} is not base64") from None
    if len(key) < 32:
        raise KeyError_(f"pseudonym key {path} is shorter than 32 bytes")
    return key


@dataclass(frozen=True)
class Signer:
    key: Ed25519PrivateKey

    @property
    def verifier(self) -> Verifier:
        return Verifier(self.key.public_key())

    def sign(self, data: bytes | memoryview) -> str:
        return base64.b64encode(self.key.sign(data)).decode("ascii")


@dataclass(frozen=True)
class Verifier:
    key: Ed25519PublicKey

    @property
    def key_id(self) -> str:
        raw = self.key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return "ed25519:" + hashlib.sha256(raw).hexdigest()[:32]

    @property
    def key_ids(self) -> frozenset[str]:
        """Every key id this verifier trusts (more than one after a key rotation)."""
        return frozenset({self.key_id})

    def verify(self, data: bytes, signature_b64: str) -> bool:
        try:
            self.key.verify(base64.b64decode(signature_b64, validate=True), data)
        except (InvalidSignature, ValueError):
            return False
        return True


def generate_signing_key(private_path: Path, public_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    write_private_file(
        private_path,
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
    )
    write_private_file(
        public_path,
        key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        ),
    )


def load_signer(path: Path) -> Signer:
    data = read_secret_file(path, "signing key")
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except ValueError:
        raise KeyError_(f"signing key {path} is not a PEM private key") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyError_(f"signing key {path} is not an Ed25519 key")
    return Signer(key)


def public_pem(verifier: Verifier) -> str:
    """The public key as PEM (SubjectPublicKeyInfo), as it is written into signed documents."""
    return verifier.key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode("ascii")


def verifier_from_pem(text: str) -> Verifier:
    """An Ed25519 public key from PEM text; ``ValueError`` for anything else."""
    key = serialization.load_pem_public_key(text.encode("ascii"))
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("not an Ed25519 public key")
    return Verifier(key)


def load_verifier(path: Path) -> Verifier:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise KeyError_(f"verify key {path} cannot be read ({exc.strerror})") from None
    try:
        key = serialization.load_pem_public_key(data)
    except ValueError:
        raise KeyError_(f"verify key {path} is not a PEM public key") from None
    if not isinstance(key, Ed25519PublicKey):
        raise KeyError_(f"verify key {path} is not an Ed25519 public key")
    return Verifier(key)
