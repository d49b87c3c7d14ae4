"""Envelope encryption of archive objects as standard AWS Encryption SDK messages.

Every object the archive writes is one AWS Encryption SDK message (format version 2), so it can
be read years later by any implementation of the SDK (Python, Java, C, JavaScript, .NET, the CLI)
without this program. Raw keys are identified inside each message by two strings that a reader
must supply together with the key itself:

- the *provider id* (called "key namespace" by the keyring-based SDKs): always ``PROVIDER_ID``;
- the *key name* (the raw master key's ``key_id``): ``KeyringSpec.key_name``.

Raw AES keys wrap the data key with AES-256-GCM (12-byte IV, 16-byte tag), raw RSA keys with
RSA-OAEP using SHA-256 and MGF1-SHA-256; ``Keyring.describe`` records both for the manifest.
AWS KMS keys are the SDK's own ``aws-kms`` provider, identified by key ARN: the message holds the
data key as KMS encrypted it, and KMS's Decrypt returns it to whoever the key policy allows.

The SDK is used through its master-key-provider API only, so the optional
``aws-cryptographic-material-providers`` library is not needed.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import io
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aws_encryption_sdk
from aws_encryption_sdk.exceptions import (
    AWSEncryptionSDKClientError,
    DecryptKeyError,
    EncryptKeyError,
    GenerateKeyError,
    InvalidKeyIdError,
    MaxEncryptedDataKeysExceeded,
)
from aws_encryption_sdk.identifiers import (
    Algorithm,
    CommitmentPolicy,
    EncryptionKeyType,
    WrappingAlgorithm,
)
from aws_encryption_sdk.internal.crypto.wrapping_keys import WrappingKey
from aws_encryption_sdk.internal.formatting.deserialize import deserialize_header
from aws_encryption_sdk.key_providers.base import MasterKeyProvider, MasterKeyProviderConfig
from aws_encryption_sdk.key_providers.kms import KMSMasterKey
from aws_encryption_sdk.key_providers.raw import RawMasterKey
from aws_encryption_sdk.materials_managers.default import DefaultCryptoMaterialsManager
from botocore.config import Config as BotoConfig
from botocore.exceptions import BotoCoreError, ClientError
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from archiver.archive.store_s3 import aws_client
from archiver.config import KeyringSpec
from archiver.errors import ConfigError, DecryptionError, KeyError_, KeyNotHeldError
from archiver.keys import read_secret_file, write_private_file

__all__ = [
    "ALGORITHM",
    "FRAME_LENGTH",
    "PROVIDER_ID",
    "Keyring",
    "KeyringSpec",
    "build_keyring",
    "generate_aes_key_file",
    "generate_rsa_key_pair",
    "read_key_file",
]

#: Raw master key provider id ("key namespace") written into every encrypted data key made by a
#: raw key. A reader needs it, with the key name and the key, to decrypt. Never change it: old
#: archives would no longer match.
PROVIDER_ID = "archiver"

#: Committing suite (a ciphertext decrypts under one data key only) without the ECDSA P-384
#: signature: the signed variant measured ~2 ms more per object to encrypt and again to decrypt
#: (a fresh P-384 key per message), and buys nothing with symmetric or public escrow keys, where
#: anyone able to wrap a data key can write a valid message anyway. Integrity of the archive as
#: a whole comes from the signed manifest chain.
ALGORITHM = Algorithm.AES_256_GCM_HKDF_SHA512_COMMIT_KEY

#: Plaintext bytes per frame. Measured by encrypting and decrypting 8 MiB of random data with
#: one AES key and this suite, reading frame by frame (see ``_read_all``), frame sizes
#: interleaved, medians of 12-15 runs over several sessions, Python 3.11 on 2 shared vCPUs:
#: 4 KiB frames 40-105 MiB/s (per-frame Python overhead dominates), 64 KiB 260-575 MiB/s,
#: 1 MiB 380-640 MiB/s (decrypt 490-800), 4 MiB 410-540 MiB/s. 1 MiB was at or near the top in
#: every session, adds ~500 bytes to an 8 MiB object, and bounds decrypt memory to one frame.
FRAME_LENGTH = 1024 * 1024

#: Refuse messages claiming more wrapped data keys than this (guards decrypt against crafted
#: headers that would make us try thousands of RSA decryptions).
MAX_ENCRYPTED_DATA_KEYS = 16

#: Attempts per KMS call (botocore "standard" retries: throttling, 5xx, network errors).
KMS_MAX_ATTEMPTS = 8

AES_KEY_BYTES = 32
RSA_MIN_BITS = 2048

_RESERVED_CONTEXT_PREFIX = "aws-crypto-"
_KEY_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
_AES_WRAPPING = WrappingAlgorithm.AES_256_GCM_IV12_TAG16_NO_PADDING
_RSA_WRAPPING = WrappingAlgorithm.RSA_OAEP_SHA256_MGF1
# Trailer of a raw AES key_info after the key name: tag length in bits, IV length, IV.
_AES_KEY_INFO_TRAILER = (128).to_bytes(4, "big") + (12).to_bytes(4, "big")
_AES_KEY_INFO_TRAILER_LEN = len(_AES_KEY_INFO_TRAILER) + 12


@dataclass(frozen=True)
class _Slot:
    """One configured key as the SDK sees it, plus what we say about it."""

    name: str
    encrypt_key: Any  # aws_encryption_sdk MasterKey (untyped library)
    decrypt_key: Any | None  # None: this key can wrap but not unwrap (public key only)
    description: dict[str, str]
    missing_secret: str  # what would be needed to decrypt with it, when decrypt_key is None


class _KeyringProvider(MasterKeyProvider):  # type: ignore[misc]
    """Holds the configured master keys; the first one generates each message's data key."""

    # Distinct from PROVIDER_ID so the SDK never treats the container itself as a key.
    provider_id = "archiver-keyring"
    _config_class = MasterKeyProviderConfig
    vend_masterkey_on_decrypt = False

    def _new_master_key(self, key_id: bytes) -> Any:
        raise InvalidKeyIdError("keys are fixed when the keyring is built")


def _provider(master_keys: Sequence[Any]) -> Any:
    provider = _KeyringProvider()
    provider.add_master_key_providers_from_list(list(master_keys))
    return provider


# The client holds only its configuration and is documented as thread safe: one per process.
_CLIENT = aws_encryption_sdk.EncryptionSDKClient(
    commitment_policy=CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT,
    max_encrypted_data_keys=MAX_ENCRYPTED_DATA_KEYS,
)


class Keyring:
    """One or more wrapping keys; a message encrypted with it can be decrypted by ANY ONE of them.

    Built once per process and shared: the SDK client, master keys and materials managers are
    created here, not per object, and hold no per-call state, so concurrent calls are safe.
    """

    def __init__(self, slots: Sequence[_Slot]) -> None:
        if not slots:
            raise ConfigError("a keyring needs at least one key")
        self._slots = tuple(slots)
        self._encrypt_cmm = DefaultCryptoMaterialsManager(
            master_key_provider=_provider([s.encrypt_key for s in self._slots])
        )
        decrypt_keys = [s.decrypt_key for s in self._slots if s.decrypt_key is not None]
        self._decrypt_cmm = (
            DefaultCryptoMaterialsManager(master_key_provider=_provider(decrypt_keys))
            if decrypt_keys
            else None
        )
        self.can_decrypt: bool = self._decrypt_cmm is not None

    def __repr__(self) -> str:
        names = ", ".join(s.name for s in self._slots)
        return f"Keyring({names}; can_decrypt={self.can_decrypt})"

    def describe(self) -> list[dict[str, str]]:
        """What a reader needs to know to pick the right key (no key material), for manifests."""
        return [dict(s.description) for s in self._slots]

    def encrypt(self, plaintext: bytes, context: Mapping[str, str]) -> bytes:
        """Encrypt one object; ``context`` is authenticated, not secret, and kept in the header."""
        ctx = _check_context(context)
        try:
            encryptor = _CLIENT.stream(
                mode="e",
                source=io.BytesIO(plaintext),
                materials_manager=self._encrypt_cmm,
                encryption_context=ctx,
                algorithm=ALGORITHM,
                frame_length=FRAME_LENGTH,
                source_length=len(plaintext),
            )
            ciphertext = _read_all(encryptor, FRAME_LENGTH)
        except AWSEncryptionSDKClientError as exc:
            raise KeyError_(f"encryption failed with keys {self._names()}: {_cause(exc)}") from None
        return ciphertext

    def decrypt(
        self, ciphertext: bytes, *, expect_context: Mapping[str, str] | None = None
    ) -> bytes:
        """Decrypt and authenticate one message.

        With ``expect_context`` the message's encryption context must be exactly that (keys the
        SDK adds itself, prefixed ``aws-crypto-``, are ignored): this binds an object to the
        place it is expected, so a valid ciphertext swapped in from elsewhere is refused.
        """
        if self._decrypt_cmm is None:
            raise DecryptionError(
                "this keyring holds only public keys and cannot decrypt; "
                + "; ".join(s.missing_secret for s in self._slots)
            )
        expected = _check_context(expect_context) if expect_context is not None else None
        source = io.BytesIO(ciphertext)
        try:
            decryptor = _CLIENT.stream(mode="d", source=source, materials_manager=self._decrypt_cmm)
            header = decryptor.header  # parses the header and unwraps the data key
            plaintext = _read_all(decryptor, header.frame_length or -1)
        except DecryptKeyError:
            raise KeyNotHeldError(self._no_key_message(ciphertext)) from None
        except MaxEncryptedDataKeysExceeded:
            raise DecryptionError(
                f"message lists more than {MAX_ENCRYPTED_DATA_KEYS} wrapped data keys; refused"
            ) from None
        except (AWSEncryptionSDKClientError, InvalidTag, ValueError, TypeError) as exc:
            raise DecryptionError(
                "message is damaged, truncated or altered, or is not an AWS Encryption SDK "
                f"message ({type(exc).__name__})"
            ) from None
        if source.tell() != len(ciphertext):
            raise DecryptionError(
                f"{len(ciphertext) - source.tell()} unexpected bytes after the end of the message"
            )
        if expected is not None:
            found = {
                k: v
                for k, v in header.encryption_context.items()
                if not k.startswith(_RESERVED_CONTEXT_PREFIX)
            }
            if found != expected:
                raise DecryptionError(_context_mismatch(expected, found))
        return bytes(plaintext)

    def _names(self) -> str:
        return ", ".join(repr(s.name) for s in self._slots)

    def fingerprints(self) -> dict[str, str]:
        """Key name → fingerprint (or KMS key ARN), as the manifests record them."""
        return {
            s.name: s.description.get("fingerprint") or s.description.get("key_arn") or "?"
            for s in self._slots
        }

    def _no_key_message(self, ciphertext: bytes) -> str:
        usable = [s for s in self._slots if s.decrypt_key is not None]
        wrapped_for = _wrapped_key_names(ciphertext)
        configured = ", ".join(
            f"{s.name} ({s.description.get('fingerprint') or s.description.get('key_arn')})"
            for s in usable
        )
        msg = (
            f"the configured keys ({configured or 'none that can decrypt'}) do not open this "
            f"message; it was encrypted for {', '.join(wrapped_for) or 'unknown keys'}"
        )
        same = {f"{PROVIDER_ID}/{s.name}" for s in usable} & set(wrapped_for)
        if same:
            msg += (
                f". A configured key has the same name ({', '.join(sorted(same))}) but is a "
                "different key: the key file is not the one the archive was written with "
                "(compare the fingerprint with the manifest's keyrings)"
            )
        missing = [s.missing_secret for s in self._slots if s.decrypt_key is None]
        if missing:
            msg += "; " + "; ".join(missing)
        return msg


def _cause(exc: BaseException) -> str:
    """The error's class, and the AWS error code or class behind it (never request data)."""
    inner = exc.__cause__ or exc.__context__
    if isinstance(inner, ClientError):
        return f"{type(exc).__name__} ({inner.response.get('Error', {}).get('Code', '?')})"
    if isinstance(inner, BotoCoreError):
        return f"{type(exc).__name__} ({type(inner).__name__})"
    return type(exc).__name__


def _read_all(stream: Any, frame_length: int) -> bytes:
    """Drain an SDK stream one frame per read and close it (which checks the message is complete).

    The SDK's one-shot ``encrypt``/``decrypt`` read in 8 KiB pieces, re-slicing a whole frame
    buffer each time, and a read spanning many frames re-concatenates its growing output per
    frame: both quadratic (1 MiB frames ran at ~100 MiB/s). One frame per read is linear.
    ``frame_length`` -1 reads a non-framed message whole.
    """
    chunks = []
    while True:
        chunk = stream.read(frame_length)
        if not chunk:
            break
        chunks.append(chunk)
    # Not ``with``: its __exit__ logs (rather than raises) an incomplete-message error.
    stream.close()
    return b"".join(chunks)


def _check_context(context: Mapping[str, str]) -> dict[str, str]:
    ctx = dict(context)
    for k, v in ctx.items():
        if not isinstance(k, str) or not isinstance(v, str):
            raise TypeError("encryption context keys and values must be str")
        if k.startswith(_RESERVED_CONTEXT_PREFIX):
            raise ValueError(f"encryption context key {k!r} uses the SDK's reserved prefix")
    return ctx


def _context_mismatch(expected: Mapping[str, str], found: Mapping[str, str]) -> str:
    keys = sorted(set(expected) | set(found))
    differing = [k for k in keys if expected.get(k) != found.get(k)]
    return (
        "encryption context of the message does not match what was expected "
        f"(differing keys: {differing}); the object may have been moved or substituted"
    )


def _wrapped_key_names(ciphertext: bytes) -> list[str]:
    """Provider id / key name of each wrapped data key, from the header, best effort."""
    try:
        header, _raw = deserialize_header(
            io.BytesIO(ciphertext), max_encrypted_data_keys=MAX_ENCRYPTED_DATA_KEYS
        )
    except Exception:  # only used to enrich an error message
        return []
    names = []
    for edk in header.encrypted_data_keys:
        provider_id = edk.key_provider.provider_id
        key_info = bytes(edk.key_provider.key_info)
        if (
            len(key_info) > _AES_KEY_INFO_TRAILER_LEN
            and key_info[-_AES_KEY_INFO_TRAILER_LEN:-12] == _AES_KEY_INFO_TRAILER
        ):
            key_info = key_info[:-_AES_KEY_INFO_TRAILER_LEN]
        names.append(f"{provider_id}/{key_info.decode('utf-8', 'replace')}")
    return names


# --- building keyrings -------------------------------------------------------------------


class _RawMasterKey(RawMasterKey):  # type: ignore[misc]
    """A raw master key whose wrong-key failure lets the SDK go on to the next key.

    The SDK's raw AES unwrap lets ``InvalidTag`` escape instead of its own ``DecryptKeyError``,
    which ends the search over the message's wrapped keys: a keyring holding an unrelated AES key
    of the same name would then never try its other (right) keys.
    """

    def _decrypt_data_key(
        self, encrypted_data_key: Any, algorithm: Any, encryption_context: Any
    ) -> Any:
        try:
            return super()._decrypt_data_key(encrypted_data_key, algorithm, encryption_context)
        except InvalidTag:
            raise DecryptKeyError("wrapping key does not unwrap this data key") from None


class _KMSMasterKey(KMSMasterKey):  # type: ignore[misc]
    """The SDK's KMS master key, with transport failures turned into the SDK's own key errors.

    The SDK converts KMS error answers but lets botocore's network errors escape: decryption
    would then stop at an unreachable KMS instead of trying the message's other wrapped keys
    (e.g. the offline escrow key), and encryption would fail with a raw botocore exception.
    """

    def _generate_data_key(self, algorithm: Any, encryption_context: Any = None) -> Any:
        try:
            return super()._generate_data_key(algorithm, encryption_context)
        except BotoCoreError as exc:
            raise GenerateKeyError("AWS KMS could not be reached") from exc

    def _encrypt_data_key(
        self, data_key: Any, algorithm: Any, encryption_context: Any = None
    ) -> Any:
        try:
            return super()._encrypt_data_key(data_key, algorithm, encryption_context)
        except BotoCoreError as exc:
            raise EncryptKeyError("AWS KMS could not be reached") from exc

    def _decrypt_data_key(
        self, encrypted_data_key: Any, algorithm: Any, encryption_context: Any
    ) -> Any:
        try:
            return super()._decrypt_data_key(encrypted_data_key, algorithm, encryption_context)
        except BotoCoreError as exc:
            raise DecryptKeyError("AWS KMS could not be reached") from exc


class _LoadedRsaKey(WrappingKey):  # type: ignore[misc]
    """The SDK's RSA wrapping key around a key this module has already loaded and checked.
    Given PEM bytes, the SDK parses and validates the key again: for a 4096-bit private key
    that is about 0.4 s of CPU, paid twice by every command that opens sealed originals.
    ``encrypt`` and ``decrypt`` are the SDK's own; they read only the three attributes set
    here (``tests/archive/test_crypto.py`` checks a round trip and the SDK's own form)."""

    def __init__(
        self, key: rsa.RSAPrivateKey | rsa.RSAPublicKey, key_type: EncryptionKeyType
    ) -> None:
        self.wrapping_algorithm = _RSA_WRAPPING
        self.wrapping_key_type = key_type
        self._wrapping_key = key


def _raw_master_key(key_name: str, wrapping_key: WrappingKey) -> Any:
    return _RawMasterKey(
        key_id=key_name.encode(), provider_id=PROVIDER_ID, wrapping_key=wrapping_key
    )


def aes_fingerprint(secret: bytes) -> str:
    """Names a raw AES key without revealing it: HMAC-SHA256 keyed by the key itself over a
    fixed label, first 16 hex digits. Two key files with the same name tell apart by it."""
    mac = hmac.new(secret, b"conversation-archiver/key-fingerprint", hashlib.sha256)
    return "hmac-sha256:" + mac.hexdigest()[:16]


def rsa_fingerprint(public: rsa.RSAPublicKey) -> str:
    """SHA-256 of the public key (DER SubjectPublicKeyInfo), first 16 hex digits."""
    der = public.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return "sha256:" + hashlib.sha256(der).hexdigest()[:16]


def _build_raw_aes(spec: KeyringSpec) -> _Slot:
    if spec.file is None:
        raise ConfigError(f"raw-aes key {spec.key_name!r} needs 'file' (a key file)")
    secret = read_key_file(spec.file)
    wrapping = WrappingKey(
        wrapping_algorithm=_AES_WRAPPING,
        wrapping_key=secret,
        wrapping_key_type=EncryptionKeyType.SYMMETRIC,
    )
    master_key = _raw_master_key(spec.key_name, wrapping)
    return _Slot(
        name=spec.key_name,
        encrypt_key=master_key,
        decrypt_key=master_key,
        description={
            "type": "raw-aes",
            "provider_id": PROVIDER_ID,
            "key_name": spec.key_name,
            "wrapping_algorithm": "AES_256_GCM_IV12_TAG16_NO_PADDING",
            "fingerprint": aes_fingerprint(secret),
        },
        missing_secret="",
    )


def _build_raw_rsa(spec: KeyringSpec) -> _Slot:
    if spec.public_key is None and spec.private_key is None:
        raise ConfigError(
            f"raw-rsa key {spec.key_name!r} needs 'public_key' and/or 'private_key' (PEM files)"
        )
    private: rsa.RSAPrivateKey | None = None
    public: rsa.RSAPublicKey | None = None
    if spec.private_key is not None:
        private = _load_rsa_private(spec.private_key)
        public = private.public_key()
    if spec.public_key is not None:
        given = _load_rsa_public(spec.public_key)
        if public is not None and given.public_numbers() != public.public_numbers():
            raise KeyError_(
                f"RSA key {spec.key_name!r}: public key {spec.public_key} does not belong to "
                f"private key {spec.private_key}",
                hint="configure the matching pair, or only the private key",
            )
        public = given
    assert public is not None
    encrypt_key = _raw_master_key(spec.key_name, _LoadedRsaKey(public, EncryptionKeyType.PUBLIC))
    decrypt_key = (
        _raw_master_key(spec.key_name, _LoadedRsaKey(private, EncryptionKeyType.PRIVATE))
        if private is not None
        else None
    )
    return _Slot(
        name=spec.key_name,
        encrypt_key=encrypt_key,
        decrypt_key=decrypt_key,
        description={
            "type": "raw-rsa",
            "provider_id": PROVIDER_ID,
            "key_name": spec.key_name,
            "wrapping_algorithm": "RSA_OAEP_SHA256_MGF1",
            "key_bits": str(public.key_size),
            "fingerprint": rsa_fingerprint(public),
        },
        missing_secret=(
            f"decrypting with RSA key {spec.key_name!r} needs its private key file "
            "(set 'private_key' for that key)"
        ),
    )


_KMS_KEY_ARN_RE = re.compile(
    r"arn:aws[a-z-]*:kms:(?P<region>[a-z0-9-]+):(?P<account>\d{12}):key/(?P<id>[A-Za-z0-9-]+)"
)


def _build_aws_kms(spec: KeyringSpec) -> _Slot:
    """One KMS key, used through the SDK's ``KMSMasterKey`` with a client built here.

    Strict by construction: only the configured ARN is ever asked to decrypt (the SDK refuses
    data keys wrapped by any other KMS key). The botocore client is thread safe and built once,
    so the slot may be shared by every thread (the SDK's providers instead create clients
    lazily from a session, which is not thread safe). Credentials: boto3's default chain.
    """
    if not spec.key_id:
        raise ConfigError(f"aws-kms key {spec.key_name!r} needs 'key_id' (the KMS key ARN)")
    m = _KMS_KEY_ARN_RE.fullmatch(spec.key_id)
    if m is None:
        raise ConfigError(
            f"aws-kms key {spec.key_name!r}: key_id must be a key ARN "
            "(arn:aws:kms:REGION:ACCOUNT:key/ID)",
            hint="aliases and bare key ids cannot be used to decrypt: the message records the "
            "key ARN, and decryption checks it",
        )
    region = spec.region or m.group("region")
    try:
        client = aws_client(
            "kms",
            region_name=region,
            endpoint_url=spec.endpoint_url,
            config=BotoConfig(retries={"mode": "standard", "max_attempts": KMS_MAX_ATTEMPTS}),
        )
    except (BotoCoreError, ValueError) as exc:
        raise ConfigError(
            f"aws-kms key {spec.key_name!r}: cannot set up a KMS client: {exc}"
        ) from None
    master_key = _KMSMasterKey(key_id=spec.key_id, client=client)
    return _Slot(
        name=spec.key_name,
        encrypt_key=master_key,
        decrypt_key=master_key,
        description={
            "type": "aws-kms",
            "provider_id": "aws-kms",
            "key_name": spec.key_name,
            "key_arn": spec.key_id,
        },
        missing_secret="",
    )


_BUILDERS: dict[str, Callable[[KeyringSpec], _Slot]] = {
    "raw-aes": _build_raw_aes,
    "raw-rsa": _build_raw_rsa,
    "aws-kms": _build_aws_kms,
}


def build_keyring(specs: Sequence[KeyringSpec]) -> Keyring:
    """Load every configured key once; the first spec's key generates each data key."""
    if not specs:
        raise ConfigError("no keyring configured: at least one key is needed")
    seen: set[str] = set()
    slots = []
    for spec in specs:
        builder = _BUILDERS.get(spec.type)
        if builder is None:
            raise ConfigError(
                f"unknown keyring type {spec.type!r} for key {spec.key_name!r}",
                hint=f"use one of: {', '.join(sorted(_BUILDERS))}",
            )
        if not _KEY_NAME_RE.fullmatch(spec.key_name):
            raise ConfigError(
                f"invalid key_name {spec.key_name!r}",
                hint="1-128 characters of A-Z a-z 0-9 . _ -, starting with a letter or digit",
            )
        if spec.key_name in seen:
            raise ConfigError(f"key_name {spec.key_name!r} is configured twice")
        seen.add(spec.key_name)
        slots.append(builder(spec))
    return Keyring(slots)


# --- key files ---------------------------------------------------------------------------


def read_key_file(path: Path) -> bytes:
    """Return the 32-byte AES key stored base64 on one line in ``path``."""
    data = read_secret_file(path, "AES key file")
    lines = data.strip().splitlines()
    key: bytes | None = None
    if len(lines) == 1:
        try:
            key = base64.b64decode(lines[0].strip(), validate=True)
        except (binascii.Error, ValueError):
            key = None
    if key is None or len(key) != AES_KEY_BYTES:
        raise KeyError_(
            f"AES key file {path} is malformed: expected {AES_KEY_BYTES} random bytes, "
            "base64 encoded, on one line",
            hint="create one with 'archiver init' or generate_aes_key_file",
        )
    return key


def _load_rsa_private(path: Path) -> rsa.RSAPrivateKey:
    data = read_secret_file(path, "RSA private key file")
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except TypeError:
        raise KeyError_(
            f"RSA private key file {path} is password protected, which is not supported",
            hint="store it unencrypted (PEM PKCS8) with mode 600, on a protected volume",
        ) from None
    except (ValueError, binascii.Error):
        raise KeyError_(f"RSA private key file {path} is not a PEM private key") from None
    if not isinstance(key, rsa.RSAPrivateKey):
        raise KeyError_(f"private key file {path} does not hold an RSA key")
    _check_rsa_size(key.key_size, path)
    return key


def _load_rsa_public(path: Path) -> rsa.RSAPublicKey:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise KeyError_(f"RSA public key file {path} does not exist") from None
    except OSError as exc:
        raise KeyError_(f"RSA public key file {path} cannot be read: {exc.strerror}") from None
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, binascii.Error):
        raise KeyError_(
            f"RSA public key file {path} is not a PEM public key (SubjectPublicKeyInfo)"
        ) from None
    if not isinstance(key, rsa.RSAPublicKey):
        raise KeyError_(f"public key file {path} does not hold an RSA key")
    _check_rsa_size(key.key_size, path)
    return key


def holds_private_half(public_key: Path, candidate: Path, *, max_bytes: int = 65536) -> bool:
    """Whether ``candidate`` is an unencrypted PEM private key whose public half is the RSA key
    in ``public_key``: how doctor finds the sealed private key where it must not be."""
    try:
        if candidate.stat().st_size > max_bytes:
            return False
        data = candidate.read_bytes()
    except OSError:
        return False
    if b"PRIVATE KEY-----" not in data:
        return False
    try:
        private = serialization.load_pem_private_key(data, password=None)
        public = _load_rsa_public(public_key)
    except (TypeError, ValueError, binascii.Error, KeyError_):
        return False
    return (
        isinstance(private, rsa.RSAPrivateKey)
        and private.public_key().public_numbers() == public.public_numbers()
    )


def _check_rsa_size(bits: int, path: Path) -> None:
    if bits < RSA_MIN_BITS:
        raise KeyError_(
            f"RSA key in {path} has {bits} bits; at least {RSA_MIN_BITS} are required",
            hint="generate a 3072 or 4096 bit key",
        )


def generate_aes_key_file(path: Path) -> None:
    """Write a fresh 32-byte AES key, base64 on one line, mode 0600; refuse to overwrite."""
    key = os.urandom(AES_KEY_BYTES)
    write_private_file(path, base64.b64encode(key) + b"\n")


def generate_rsa_key_pair(private_path: Path, public_path: Path, bits: int = 3072) -> None:
    """Write a new RSA key pair (PEM PKCS8 private, PEM SubjectPublicKeyInfo public), both 0600."""
    if bits < RSA_MIN_BITS:
        raise ConfigError(f"RSA keys need at least {RSA_MIN_BITS} bits, not {bits}")
    for p in (private_path, public_path):
        if p.exists() or p.is_symlink():
            raise KeyError_(f"key file {p} already exists; refusing to overwrite it")
    private = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    private_pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    public_pem = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    write_private_file(private_path, private_pem)
    write_private_file(public_path, public_pem)
