"""AWS KMS keyrings (against moto's KMS over HTTP), escrow keys, keyring separation, and
decrypting archived objects with the AWS Encryption SDK alone."""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml
from aws_encryption_sdk.internal.formatting.deserialize import deserialize_header

import archiver.archive.crypto as crypto
from archiver.archive.catalog import ObjectEntry
from archiver.archive.crypto import build_keyring, generate_rsa_key_pair
from archiver.archive.reader import ArchiveReader
from archiver.config import KeyringSpec, load_config
from archiver.crawl.engine import run_archive
from archiver.errors import ConfigError, DecryptionError
from tests.conftest import BOTS, open_ctx, sealed_key, write_config
from tests.helpers import small_simulator
from tests.s3 import MotoServer

pytestmark = pytest.mark.usefixtures("parsed_once_in_module")


TEXT = b"sealed original: the customer's own words" * 100
CONTEXT = {"archiver:object": "sealed/messages/x.parquet.enc", "archiver:kind": "sealed"}


def kms_spec(moto: MotoServer, arn: str, name: str = "kms-1") -> KeyringSpec:
    return KeyringSpec(type="aws-kms", key_name=name, key_id=arn, endpoint_url=moto.endpoint_url)


@pytest.fixture(scope="module")
def escrow(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    d = tmp_path_factory.mktemp("escrow")
    generate_rsa_key_pair(d / "escrow.pem", d / "escrow.pub.pem", bits=3072)
    return d / "escrow.pem", d / "escrow.pub.pem"


def test_kms_round_trip_and_only_the_configured_key(moto_server: MotoServer) -> None:
    arn, other = moto_server.kms_key(), moto_server.kms_key()
    keyring = build_keyring([kms_spec(moto_server, arn)])
    message = keyring.encrypt(TEXT, CONTEXT)
    assert keyring.decrypt(message, expect_context=CONTEXT) == TEXT
    header, _ = deserialize_header(io.BytesIO(message))
    [edk] = header.encrypted_data_keys
    assert (edk.key_provider.provider_id, edk.key_provider.key_info) == ("aws-kms", arn.encode())
    assert keyring.describe() == [
        {"type": "aws-kms", "provider_id": "aws-kms", "key_name": "kms-1", "key_arn": arn}
    ]
    with pytest.raises(DecryptionError) as info:
        build_keyring([kms_spec(moto_server, other, "kms-2")]).decrypt(message)
    assert arn in str(info.value) and "kms-2" in str(info.value)


def test_kms_with_offline_escrow_key(
    moto_server: MotoServer, escrow: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The job holds KMS + the escrow PUBLIC key; the escrow private key alone opens it."""
    private, public = escrow
    arn = moto_server.kms_key()
    job = build_keyring(
        [
            kms_spec(moto_server, arn),
            KeyringSpec(type="raw-rsa", key_name="legal-escrow", public_key=public),
        ]
    )
    message = job.encrypt(TEXT, CONTEXT)
    offline = build_keyring(
        [KeyringSpec(type="raw-rsa", key_name="legal-escrow", private_key=private)]
    )
    assert offline.decrypt(message, expect_context=CONTEXT) == TEXT
    assert build_keyring([kms_spec(moto_server, arn)]).decrypt(message) == TEXT

    # KMS unreachable: the escrow key is still tried, and encryption fails with a clear error.
    monkeypatch.setattr(crypto, "KMS_MAX_ATTEMPTS", 1)
    dead = KeyringSpec(
        type="aws-kms", key_name="kms-1", key_id=arn, endpoint_url="http://127.0.0.1:9"
    )
    both = build_keyring(
        [dead, KeyringSpec(type="raw-rsa", key_name="legal-escrow", private_key=private)]
    )
    assert both.decrypt(message) == TEXT
    with pytest.raises(crypto.KeyError_, match=r"GenerateKeyError \(EndpointConnectionError\)"):
        both.encrypt(TEXT, CONTEXT)


@pytest.mark.parametrize(
    ("key_id", "message"),
    [
        (None, "needs 'key_id'"),
        ("alias/archive", "must be a key ARN"),
        ("arn:aws:kms:eu-central-1:123456789012:alias/archive", "must be a key ARN"),
        ("1234abcd-12ab-34cd-56ef-1234567890ab", "must be a key ARN"),
    ],
)
def test_kms_key_must_be_an_arn(key_id: str | None, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        build_keyring([KeyringSpec(type="aws-kms", key_name="k", key_id=key_id)])


# --- an archive on S3 with KMS keyrings ---------------------------------------------------


@dataclass
class KmsArchive:
    cfg: Path
    analytics_arn: str
    legal_arn: str
    escrow_private: Path
    truths: dict[str, dict[str, dict[str, dict[str, Any]]]]


@pytest.fixture(scope="module")
def kms_archive(
    moto_server: MotoServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[KmsArchive]:
    """Masked rows for the analytics KMS key; sealed originals for the legal KMS key plus an
    offline RSA escrow key (the job has only its public half)."""
    directory = tmp_path_factory.mktemp("kms-archive")
    analytics, legal = moto_server.kms_key("analytics"), moto_server.kms_key("legal")
    with small_simulator(seed=8) as sim:
        cfg = write_config(
            directory, sim, archive=moto_server.archive_config(moto_server.new_bucket())
        )
        doc = yaml.safe_load(cfg.read_text())
        kms = {"type": "aws-kms", "endpoint_url": moto_server.endpoint_url}
        doc["keys"]["masked"] = [kms | {"key_name": "analytics", "key_id": analytics}]
        doc["keys"]["sealed"] = [
            kms | {"key_name": "legal", "key_id": legal},
            {"type": "raw-rsa", "key_name": "escrow", "public_key": "keys/sealed.pub.pem"},
        ]
        cfg.write_text(yaml.safe_dump(doc))
        assert run_archive(open_ctx(cfg)).exit_code == 0
        truths = {b: sim.truth(b) for b in BOTS}
    yield KmsArchive(cfg, analytics, legal, sealed_key(directory), truths)


def _objects(archive: KmsArchive) -> tuple[ArchiveReader, list[ObjectEntry]]:
    ctx = open_ctx(archive.cfg, write=False)
    reader = ArchiveReader(ctx.store, verifier=ctx.verifier, masked=None, sealed=None)
    return reader, list(reader.catalog.live_entries())


def test_analytics_key_cannot_read_originals(
    kms_archive: KmsArchive, moto_server: MotoServer
) -> None:
    ctx = open_ctx(kms_archive.cfg, write=False)
    analytics = build_keyring([kms_spec(moto_server, kms_archive.analytics_arn, "analytics")])
    reader = ArchiveReader(ctx.store, verifier=ctx.verifier, masked=analytics, sealed=analytics)
    _reader, objects = _objects(kms_archive)
    masked = [o for o in objects if not o.sealed]
    sealed = [o for o in objects if o.sealed]
    assert masked and sealed
    assert sum(reader.read_table(o).num_rows for o in masked) == sum(o.rows for o in masked)
    for obj in sealed:
        with pytest.raises(DecryptionError, match="do not open this message"):
            reader.object_bytes(obj)

    # Originals open with the legal KMS key, or offline with the escrow private key alone.
    legal = build_keyring([kms_spec(moto_server, kms_archive.legal_arn, "legal")])
    escrow = build_keyring(
        [KeyringSpec(type="raw-rsa", key_name="escrow", private_key=kms_archive.escrow_private)]
    )
    for keyring in (legal, escrow):
        opened = ArchiveReader(ctx.store, verifier=ctx.verifier, masked=None, sealed=keyring)
        assert all(opened.read_table(o).num_rows == o.rows for o in sealed[::4])
    # ...and neither opens the masked objects: the keyrings are separate both ways.
    with pytest.raises(DecryptionError):
        ArchiveReader(ctx.store, verifier=ctx.verifier, masked=escrow, sealed=None).object_bytes(
            masked[0]
        )


def _personal_values(truths: dict[str, dict[str, dict[str, dict[str, Any]]]]) -> set[str]:
    out: set[str] = set()
    for truth in truths.values():
        for user in truth["users"].values():
            for field in ("id", "firstName", "lastName", "email", "phoneNumber", "username"):
                if user.get(field):
                    out.add(str(user[field]))
        for session in truth["sessions"].values():
            out.update(str(session[f]) for f in ("chatUserId", "chatUserName") if session.get(f))
    return out


def test_encryption_context_holds_nothing_personal(kms_archive: KmsArchive) -> None:
    """The context is stored in clear in every object and sent to KMS (so it lands in its
    audit logs): only stream names, tenant ids, tables and object keys may appear."""
    reader, objects = _objects(kms_archive)
    personal = _personal_values(kms_archive.truths)
    assert len(personal) > 20
    for obj in objects:
        header, _ = deserialize_header(io.BytesIO(reader.store.get(obj.key)))
        ctx = {k: v for k, v in header.encryption_context.items() if not k.startswith("aws-")}
        assert set(ctx) == {
            "archiver:format",
            "archiver:object",
            "archiver:table",
            "archiver:kind",
            "archiver:source",
            "archiver:tenant",
        }
        assert ctx["archiver:object"] == obj.key
        assert ctx["archiver:tenant"] in BOTS
        text = json.dumps(ctx).lower()
        leaked = [v for v in personal if v.lower() in text]
        assert not leaked, f"{obj.key}: personal values in the encryption context: {leaked}"


# --- decrypting with the AWS Encryption SDK alone -----------------------------------------

PLAIN_SDK_SCRIPT = textwrap.dedent(
    """
    # Decrypt one archived object with the AWS Encryption SDK only: no archiver code.
    import json, sys
    import aws_encryption_sdk
    from aws_encryption_sdk.identifiers import EncryptionKeyType, WrappingAlgorithm
    from aws_encryption_sdk.internal.crypto.wrapping_keys import WrappingKey
    from aws_encryption_sdk.key_providers.raw import RawMasterKey

    message_file, how, key_name, key_ref, out_file = sys.argv[1:6]
    client = aws_encryption_sdk.EncryptionSDKClient(
        commitment_policy=aws_encryption_sdk.CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT
    )
    if how == "rsa":
        with open(key_ref, "rb") as f:
            pem = f.read()
        key = RawMasterKey(
            provider_id="archiver",
            key_id=key_name.encode(),
            wrapping_key=WrappingKey(
                wrapping_algorithm=WrappingAlgorithm.RSA_OAEP_SHA256_MGF1,
                wrapping_key=pem,
                wrapping_key_type=EncryptionKeyType.PRIVATE,
            ),
        )
    else:  # KMS; a non-AWS endpoint comes from AWS_ENDPOINT_URL_KMS
        key = aws_encryption_sdk.StrictAwsKmsMasterKeyProvider(key_ids=[key_ref])
    with open(message_file, "rb") as f:
        plaintext, header = client.decrypt(source=f.read(), key_provider=key)
    with open(out_file, "wb") as f:
        f.write(plaintext)
    json.dump(
        {
            "context": header.encryption_context,
            "archiver_loaded": any(m.split(".")[0] == "archiver" for m in sys.modules),
        },
        sys.stdout,
    )
    """
)


@pytest.mark.parametrize("how", ["rsa", "kms"])
def test_plain_sdk_decrypts_an_archived_object(
    kms_archive: KmsArchive, moto_server: MotoServer, tmp_path: Path, how: str
) -> None:
    reader, objects = _objects(kms_archive)
    obj = next(o for o in objects if o.sealed and o.table == "messages")
    (tmp_path / "object.enc").write_bytes(reader.store.get(obj.key))
    script = tmp_path / "decrypt.py"
    script.write_text(PLAIN_SDK_SCRIPT)
    key_name, key_ref = (
        ("escrow", str(kms_archive.escrow_private))
        if how == "rsa"
        else ("legal", kms_archive.legal_arn)
    )
    env = os.environ | {"AWS_ENDPOINT_URL_KMS": moto_server.endpoint_url}
    done = subprocess.run(
        [
            sys.executable,
            "-I",
            str(script),
            str(tmp_path / "object.enc"),
            how,
            key_name,
            key_ref,
            str(tmp_path / "plain.parquet"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["archiver_loaded"] is False
    assert result["context"]["archiver:object"] == obj.key
    plain = (tmp_path / "plain.parquet").read_bytes()
    assert hashlib.sha256(plain).hexdigest() == obj.plaintext_sha256
    table = pq.read_table(pa.BufferReader(plain))
    assert table.num_rows == obj.rows
    assert {"message_id", "text", "subject_id"} <= set(table.column_names)


def test_config_schema_requires_kms_key_id(tmp_path: Path) -> None:
    cfg = tmp_path / "archiver.yaml"
    cfg.write_text(
        yaml.safe_dump(
            {
                "archive": {"url": "archive"},
                "keys": {
                    "pseudonym": "p",
                    "signing": "s",
                    "masked": [{"type": "aws-kms", "key_name": "analytics"}],
                    "sealed": [{"type": "aws-kms", "key_name": "legal", "key_id": "alias/x"}],
                },
                "sources": [],
            }
        )
    )
    with pytest.raises(ConfigError, match=r"keys\.masked\[0\].*key_id"):
        load_config(cfg)
