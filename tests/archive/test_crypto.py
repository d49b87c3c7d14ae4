"""Encryption: round trips, multi-key messages, tamper detection, key files, SDK interop."""

from __future__ import annotations

import base64
import io
import os
import re
import stat
import threading
from dataclasses import replace
from pathlib import Path

import aws_encryption_sdk
import pytest
from aws_encryption_sdk.identifiers import Algorithm, EncryptionKeyType, WrappingAlgorithm
from aws_encryption_sdk.internal.crypto.wrapping_keys import WrappingKey
from aws_encryption_sdk.internal.formatting.deserialize import deserialize_header
from aws_encryption_sdk.key_providers.raw import RawMasterKey
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

import archiver.archive.crypto as crypto
from archiver.archive.crypto import (
    ALGORITHM,
    PROVIDER_ID,
    Keyring,
    KeyringSpec,
    build_keyring,
    generate_aes_key_file,
    generate_rsa_key_pair,
    read_key_file,
)
from archiver.errors import ConfigError, DecryptionError, KeyError_

CTX = {"archive": "demo", "stream": "peki/bot-1", "object": "messages/date=2024-01-31/part-1"}
SECRET_TEXT = b"Hello, my phone is +41 79 123 45 67 and my name is Ada Lovelace."


@pytest.fixture(scope="module")
def keydir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("keys")
    generate_aes_key_file(d / "daily.key")
    generate_aes_key_file(d / "other.key")
    generate_rsa_key_pair(d / "escrow.pem", d / "escrow.pub.pem", bits=3072)
    return d


@pytest.fixture(scope="module")
def aes_spec(keydir: Path) -> KeyringSpec:
    return KeyringSpec(type="raw-aes", key_name="masked-data-1", file=keydir / "daily.key")


@pytest.fixture(scope="module")
def escrow_public(keydir: Path) -> KeyringSpec:
    return KeyringSpec(
        type="raw-rsa", key_name="legal-escrow", public_key=keydir / "escrow.pub.pem"
    )


@pytest.fixture(scope="module")
def escrow_private(keydir: Path) -> KeyringSpec:
    return KeyringSpec(type="raw-rsa", key_name="legal-escrow", private_key=keydir / "escrow.pem")


@pytest.fixture(scope="module")
def aes(aes_spec: KeyringSpec) -> Keyring:
    return build_keyring([aes_spec])


def _header_len(ciphertext: bytes) -> int:
    stream = io.BytesIO(ciphertext)
    _header, raw = deserialize_header(stream)
    return len(raw)


# --- round trips ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "plaintext",
    [b"", SECRET_TEXT, os.urandom(crypto.FRAME_LENGTH), os.urandom(2 * crypto.FRAME_LENGTH + 17)],
    ids=["empty", "short", "one-frame", "multi-frame"],
)
def test_aes_round_trip(aes: Keyring, plaintext: bytes) -> None:
    ciphertext = aes.encrypt(plaintext, CTX)
    assert aes.can_decrypt
    if plaintext:
        assert plaintext[:64] not in ciphertext
    assert aes.decrypt(ciphertext) == plaintext
    assert aes.decrypt(ciphertext, expect_context=CTX) == plaintext


def test_each_message_is_fresh(aes: Keyring) -> None:
    assert aes.encrypt(SECRET_TEXT, CTX) != aes.encrypt(SECRET_TEXT, CTX)


def test_algorithm_and_framing(aes: Keyring) -> None:
    header, _raw = deserialize_header(io.BytesIO(aes.encrypt(SECRET_TEXT, CTX)))
    assert header.algorithm is ALGORITHM is Algorithm.AES_256_GCM_HKDF_SHA512_COMMIT_KEY
    assert header.frame_length == crypto.FRAME_LENGTH
    assert header.encryption_context == CTX  # unsigned suite: the SDK adds nothing


def test_multi_key_message_decrypts_with_any_one_key(
    aes_spec: KeyringSpec, escrow_public: KeyringSpec, escrow_private: KeyringSpec
) -> None:
    writer = build_keyring([aes_spec, escrow_public])
    ciphertext = writer.encrypt(SECRET_TEXT, CTX)
    assert writer.can_decrypt  # through its AES key

    assert build_keyring([aes_spec]).decrypt(ciphertext, expect_context=CTX) == SECRET_TEXT
    escrow = build_keyring([escrow_private])
    assert escrow.decrypt(ciphertext, expect_context=CTX) == SECRET_TEXT
    assert writer.decrypt(ciphertext) == SECRET_TEXT

    described = writer.describe()
    assert described == [
        {
            "type": "raw-aes",
            "provider_id": PROVIDER_ID,
            "key_name": "masked-data-1",
            "wrapping_algorithm": "AES_256_GCM_IV12_TAG16_NO_PADDING",
            "fingerprint": described[0]["fingerprint"],
        },
        {
            "type": "raw-rsa",
            "provider_id": PROVIDER_ID,
            "key_name": "legal-escrow",
            "wrapping_algorithm": "RSA_OAEP_SHA256_MGF1",
            "key_bits": "3072",
            "fingerprint": described[1]["fingerprint"],
        },
    ]
    # Fingerprints tell keys apart without revealing them: another key, another fingerprint.
    assert re.fullmatch(r"hmac-sha256:[0-9a-f]{16}", described[0]["fingerprint"])
    assert re.fullmatch(r"sha256:[0-9a-f]{16}", described[1]["fingerprint"])
    assert build_keyring([aes_spec]).describe()[0]["fingerprint"] == described[0]["fingerprint"]
    other = aes_spec.file.with_name("fingerprint-other.key") if aes_spec.file else None
    assert other is not None
    generate_aes_key_file(other)
    assert (
        build_keyring([replace(aes_spec, file=other)]).describe()[0]["fingerprint"]
        != (described[0]["fingerprint"])
    )
    assert aes_spec.file is not None
    key_b64 = aes_spec.file.read_text().strip()
    assert key_b64 not in repr(described) and key_b64 not in repr(writer)


def test_private_key_alone_encrypts_and_decrypts(escrow_private: KeyringSpec) -> None:
    kr = build_keyring([escrow_private])
    assert kr.decrypt(kr.encrypt(SECRET_TEXT, CTX)) == SECRET_TEXT


def test_public_only_keyring_cannot_decrypt(escrow_public: KeyringSpec) -> None:
    kr = build_keyring([escrow_public])
    assert not kr.can_decrypt
    ciphertext = kr.encrypt(SECRET_TEXT, CTX)
    with pytest.raises(DecryptionError) as info:
        kr.decrypt(ciphertext)
    msg = str(info.value)
    assert "public" in msg and "legal-escrow" in msg and "private" in msg


def test_mixed_keyring_names_missing_private_key(keydir: Path, escrow_public: KeyringSpec) -> None:
    other = KeyringSpec(type="raw-aes", key_name="other", file=keydir / "other.key")
    ciphertext = build_keyring([escrow_public]).encrypt(SECRET_TEXT, CTX)
    with pytest.raises(DecryptionError) as info:
        build_keyring([other, escrow_public]).decrypt(ciphertext)
    msg = str(info.value)
    assert "archiver/legal-escrow" in msg  # what the message was encrypted for
    assert "private key" in msg and "legal-escrow" in msg


# --- failures ------------------------------------------------------------------------------


def test_wrong_key_same_name(keydir: Path, aes: Keyring) -> None:
    impostor = build_keyring(
        [KeyringSpec(type="raw-aes", key_name="masked-data-1", file=keydir / "other.key")]
    )
    with pytest.raises(DecryptionError) as info:
        impostor.decrypt(aes.encrypt(SECRET_TEXT, CTX))
    assert SECRET_TEXT.decode() not in str(info.value)
    assert "archiver/masked-data-1" in str(info.value)


def test_wrong_key_other_name(keydir: Path, aes: Keyring) -> None:
    other = build_keyring(
        [KeyringSpec(type="raw-aes", key_name="other", file=keydir / "other.key")]
    )
    with pytest.raises(DecryptionError, match="masked-data-1"):
        other.decrypt(aes.encrypt(SECRET_TEXT, CTX))


def test_every_tampered_byte_detected(aes: Keyring) -> None:
    """Flip each byte of a whole message: header, wrapped key, header tag, body, final tag."""
    ciphertext = aes.encrypt(SECRET_TEXT, CTX)
    assert _header_len(ciphertext) + 16 < len(ciphertext)
    for i in range(len(ciphertext)):
        tampered = bytearray(ciphertext)
        tampered[i] ^= 0x01
        with pytest.raises(DecryptionError) as info:
            aes.decrypt(bytes(tampered))
        assert SECRET_TEXT.decode() not in str(info.value)


def test_every_truncation_and_extension_detected(aes: Keyring) -> None:
    ciphertext = aes.encrypt(SECRET_TEXT, CTX)
    for n in range(len(ciphertext)):
        with pytest.raises(DecryptionError):
            aes.decrypt(ciphertext[:n])
    with pytest.raises(DecryptionError, match="after the end"):
        aes.decrypt(ciphertext + b"\x00")


def test_multi_frame_tampering_detected(aes: Keyring, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "FRAME_LENGTH", 4096)
    plaintext = os.urandom(3 * 4096 + 100)  # 3 full frames + final frame
    ciphertext = aes.encrypt(plaintext, CTX)
    assert aes.decrypt(ciphertext) == plaintext
    header_end = _header_len(ciphertext) + 16  # v2 header auth: 16-byte tag
    frame = 4 + 12 + 4096 + 16  # sequence number, IV, ciphertext, tag
    starts = [header_end + k * frame for k in range(3)]
    positions = [0, 1, 10, header_end - 1]
    for s in starts:  # sequence number, IV, content, tag of every full frame
        positions += [s, s + 4, s + 16, s + 16 + 2048, s + frame - 1]
    positions += [starts[-1] + frame + 4, len(ciphertext) - 1]  # final frame
    for i in positions:
        tampered = bytearray(ciphertext)
        tampered[i] ^= 0x80
        with pytest.raises(DecryptionError):
            aes.decrypt(bytes(tampered))
    # reordered frames, a dropped frame, and cuts at frame boundaries
    f0, f1 = slice(starts[0], starts[1]), slice(starts[1], starts[2])
    swapped = ciphertext[: starts[0]] + ciphertext[f1] + ciphertext[f0] + ciphertext[starts[2] :]
    dropped = ciphertext[: starts[1]] + ciphertext[starts[2] :]
    for bad in [swapped, dropped] + [ciphertext[:s] for s in starts]:
        with pytest.raises(DecryptionError):
            aes.decrypt(bad)


def test_context_mismatch_detected(aes: Keyring) -> None:
    ciphertext = aes.encrypt(SECRET_TEXT, CTX)
    moved = dict(CTX, object="messages/date=2024-02-01/part-9")
    missing = {k: v for k, v in CTX.items() if k != "stream"}
    extra = dict(CTX, tenant="x")
    for expected in (moved, missing, extra, {}):
        with pytest.raises(DecryptionError, match="encryption context") as info:
            aes.decrypt(ciphertext, expect_context=expected)
        assert SECRET_TEXT.decode() not in str(info.value)
    with pytest.raises(DecryptionError) as info:
        aes.decrypt(ciphertext, expect_context=moved)
    assert "'object'" in str(info.value)
    assert moved["object"] not in str(info.value)  # names keys, not values


def test_reserved_context_key_refused(aes: Keyring) -> None:
    with pytest.raises(ValueError, match="reserved"):
        aes.encrypt(b"x", {"aws-crypto-public-key": "forged"})


def test_garbage_is_not_a_message(aes: Keyring) -> None:
    for junk in (b"", b"\x02", b"PAR1" + os.urandom(100), os.urandom(4096)):
        with pytest.raises(DecryptionError):
            aes.decrypt(junk)


def test_concurrent_encrypt_decrypt(aes_spec: KeyringSpec, escrow_public: KeyringSpec) -> None:
    kr = build_keyring([aes_spec, escrow_public])
    errors: list[BaseException] = []

    def worker(i: int) -> None:
        try:
            for j in range(15):
                data = f"{i}-{j}".encode() * (1 + 97 * j)
                ctx = {"n": f"{i}-{j}"}
                assert kr.decrypt(kr.encrypt(data, ctx), expect_context=ctx) == data
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors


# --- configuration -------------------------------------------------------------------------


def test_keyring_config_errors(keydir: Path, aes_spec: KeyringSpec) -> None:
    with pytest.raises(ConfigError, match="needs 'key_id'"):
        build_keyring([KeyringSpec(type="aws-kms", key_name="arn-alias")])
    with pytest.raises(ConfigError, match="unknown keyring type"):
        build_keyring([KeyringSpec(type="raw-des", key_name="k", file=keydir / "daily.key")])
    with pytest.raises(ConfigError):
        build_keyring([])
    with pytest.raises(ConfigError, match="twice"):
        build_keyring([aes_spec, aes_spec])
    with pytest.raises(ConfigError, match="file"):
        build_keyring([KeyringSpec(type="raw-aes", key_name="k")])
    with pytest.raises(ConfigError):
        build_keyring([KeyringSpec(type="raw-rsa", key_name="k")])
    with pytest.raises(ConfigError, match="key_name"):
        build_keyring([KeyringSpec(type="raw-aes", key_name="bad name", file=keydir / "daily.key")])


def test_rsa_key_checks(tmp_path: Path, keydir: Path) -> None:
    generate_rsa_key_pair(tmp_path / "b.pem", tmp_path / "b.pub.pem", bits=2048)
    with pytest.raises(KeyError_, match="does not belong"):
        build_keyring(
            [
                KeyringSpec(
                    type="raw-rsa",
                    key_name="k",
                    public_key=keydir / "escrow.pub.pem",
                    private_key=tmp_path / "b.pem",
                )
            ]
        )
    small = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    weak = tmp_path / "weak.pub.pem"
    weak.write_bytes(
        small.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    with pytest.raises(KeyError_, match="2048"):
        build_keyring([KeyringSpec(type="raw-rsa", key_name="k", public_key=weak)])
    with pytest.raises(ConfigError):
        generate_rsa_key_pair(tmp_path / "c.pem", tmp_path / "c.pub.pem", bits=1024)
    not_pem = tmp_path / "not.pem"
    not_pem.write_bytes(b"hello")
    with pytest.raises(KeyError_, match="not a PEM"):
        build_keyring([KeyringSpec(type="raw-rsa", key_name="k", public_key=not_pem)])


# --- key files -----------------------------------------------------------------------------


def test_generated_key_files_are_private(tmp_path: Path) -> None:
    generate_aes_key_file(tmp_path / "k" / "a.key")
    generate_rsa_key_pair(tmp_path / "k" / "r.pem", tmp_path / "k" / "r.pub.pem", bits=2048)
    for name in ("a.key", "r.pem", "r.pub.pem"):
        assert stat.S_IMODE((tmp_path / "k" / name).stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "k").stat().st_mode) == 0o700
    content = (tmp_path / "k" / "a.key").read_bytes()
    assert content.endswith(b"\n") and content.count(b"\n") == 1
    assert len(base64.b64decode(content.strip())) == 32
    assert read_key_file(tmp_path / "k" / "a.key") == base64.b64decode(content.strip())


def test_generation_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "a.key"
    generate_aes_key_file(path)
    before = path.read_bytes()
    with pytest.raises(KeyError_, match="already exists"):
        generate_aes_key_file(path)
    assert path.read_bytes() == before
    with pytest.raises(KeyError_, match="already exists"):
        generate_rsa_key_pair(tmp_path / "new.pem", path)
    assert not (tmp_path / "new.pem").exists()


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o620, 0o602, 0o660, 0o666])
def test_key_file_readable_by_others_refused(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "a.key"
    generate_aes_key_file(path)
    secret = path.read_text().strip()
    path.chmod(mode)
    with pytest.raises(KeyError_) as info:
        read_key_file(path)
    msg = str(info.value)
    assert str(path) in msg and "chmod 600" in msg
    assert secret not in msg
    with pytest.raises(KeyError_):
        build_keyring([KeyringSpec(type="raw-aes", key_name="k", file=path)])
    path.chmod(0o400)
    assert len(read_key_file(path)) == 32


def test_rsa_private_key_readable_by_others_refused(tmp_path: Path) -> None:
    generate_rsa_key_pair(tmp_path / "r.pem", tmp_path / "r.pub.pem", bits=2048)
    (tmp_path / "r.pem").chmod(0o644)
    with pytest.raises(KeyError_, match="chmod 600"):
        build_keyring([KeyringSpec(type="raw-rsa", key_name="k", private_key=tmp_path / "r.pem")])


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not base64 at all!\n",
        base64.b64encode(os.urandom(16)) + b"\n",
        base64.b64encode(os.urandom(32)) + b"\n" + base64.b64encode(os.urandom(32)) + b"\n",
    ],
    ids=["empty", "not-base64", "short-key", "two-lines"],
)
def test_malformed_key_file_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.key"
    path.write_bytes(content)
    path.chmod(0o600)
    with pytest.raises(KeyError_, match="malformed") as info:
        read_key_file(path)
    assert str(path) in str(info.value)


def test_missing_key_file(tmp_path: Path) -> None:
    with pytest.raises(KeyError_, match="does not exist"):
        read_key_file(tmp_path / "nope.key")


# --- interoperability: plain SDK calls, no archiver code ----------------------------------


def _plain_sdk_client() -> aws_encryption_sdk.EncryptionSDKClient:
    return aws_encryption_sdk.EncryptionSDKClient(
        commitment_policy=aws_encryption_sdk.CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT
    )


def _escrow_master_key(pem: Path, key_type: EncryptionKeyType) -> RawMasterKey:
    """The escrow key as the plain SDK names it (docs/FORMAT.md): provider "archiver", key
    "legal-escrow", RSA-OAEP with SHA-256, from the PEM file."""
    return RawMasterKey(
        provider_id="archiver",
        key_id=b"legal-escrow",
        wrapping_key=WrappingKey(
            wrapping_algorithm=WrappingAlgorithm.RSA_OAEP_SHA256_MGF1,
            wrapping_key=pem.read_bytes(),
            wrapping_key_type=key_type,
        ),
    )


def test_readable_by_plain_sdk_with_aes_key(aes: Keyring, aes_spec: KeyringSpec) -> None:
    """What docs/FORMAT.md promises: key bytes + provider id "archiver" + key name suffice."""
    ciphertext = aes.encrypt(SECRET_TEXT, CTX)
    assert aes_spec.file is not None
    raw_key = base64.b64decode(aes_spec.file.read_text().strip())
    master_key = RawMasterKey(
        provider_id="archiver",
        key_id=b"masked-data-1",
        wrapping_key=WrappingKey(
            wrapping_algorithm=WrappingAlgorithm.AES_256_GCM_IV12_TAG16_NO_PADDING,
            wrapping_key=raw_key,
            wrapping_key_type=EncryptionKeyType.SYMMETRIC,
        ),
    )
    client = _plain_sdk_client()
    plaintext, header = client.decrypt(source=ciphertext, key_provider=master_key)
    assert plaintext == SECRET_TEXT
    assert header.encryption_context == CTX

    # and the other way round: a message made by the plain SDK is read by the archiver
    # (SDK defaults: 4 KiB frames and the signed suite, which adds aws-crypto-public-key)
    foreign, foreign_header = client.encrypt(
        source=b"from elsewhere" * 1000, key_provider=master_key, encryption_context={"k": "v"}
    )
    assert "aws-crypto-public-key" in foreign_header.encryption_context
    assert aes.decrypt(foreign, expect_context={"k": "v"}) == b"from elsewhere" * 1000


def test_readable_by_plain_sdk_with_rsa_private_key(
    keydir: Path, aes_spec: KeyringSpec, escrow_public: KeyringSpec
) -> None:
    ciphertext = build_keyring([aes_spec, escrow_public]).encrypt(SECRET_TEXT, CTX)
    master_key = _escrow_master_key(keydir / "escrow.pem", EncryptionKeyType.PRIVATE)
    plaintext, header = _plain_sdk_client().decrypt(source=ciphertext, key_provider=master_key)
    assert plaintext == SECRET_TEXT
    assert header.encryption_context == CTX
    assert sorted(
        (k.key_provider.provider_id, bytes(k.key_provider.key_info)[:12])
        for k in header.encrypted_data_keys
    ) == [("archiver", b"legal-escrow"), ("archiver", b"masked-data-")]


def test_rsa_private_keyring_reads_what_the_plain_sdk_wrote_with_the_public_key(
    keydir: Path, escrow_private: KeyringSpec
) -> None:
    """The keyring hands the SDK the key it loaded itself (not PEM to parse again): what the
    plain SDK wraps for the public key, from the PEM file, must still open with it."""
    master_key = _escrow_master_key(keydir / "escrow.pub.pem", EncryptionKeyType.PUBLIC)
    foreign, _ = _plain_sdk_client().encrypt(
        source=SECRET_TEXT, key_provider=master_key, encryption_context={"k": "v"}
    )
    assert build_keyring([escrow_private]).decrypt(foreign, expect_context={"k": "v"}) == (
        SECRET_TEXT
    )


def test_an_rsa_private_key_is_parsed_once_per_keyring(
    escrow_private: KeyringSpec, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Parsing and validating a 4096-bit private key costs about 0.4 s of CPU; the SDK would
    parse it again from PEM if the keyring handed it PEM."""
    parse = serialization.load_pem_private_key
    calls: list[int] = []

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return parse(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(serialization, "load_pem_private_key", counted)
    kr = build_keyring([escrow_private])
    assert kr.decrypt(kr.encrypt(SECRET_TEXT, CTX)) == SECRET_TEXT
    assert len(calls) == 1


def test_wrong_key_with_same_name_does_not_stop_the_search(
    keydir: Path, aes_spec: KeyringSpec, escrow_public: KeyringSpec, escrow_private: KeyringSpec
) -> None:
    ciphertext = build_keyring([aes_spec, escrow_public]).encrypt(SECRET_TEXT, CTX)
    impostor = KeyringSpec(type="raw-aes", key_name="masked-data-1", file=keydir / "other.key")
    assert build_keyring([impostor, escrow_private]).decrypt(ciphertext) == SECRET_TEXT
