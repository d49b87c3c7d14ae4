"""TLS verification is always on, for the platforms and for S3.

A TLS front on 127.0.0.1 with a certificate from a CA made in the test stands before the Peki
simulator and the moto server. Without that CA trusted, a run fails with a clear certificate
error and writes nothing, and the S3 store refuses the endpoint; with the CA given the
supported way (``SSL_CERT_FILE`` for the platforms, ``AWS_CA_BUNDLE`` for S3 and KMS, as a
company's TLS-inspecting proxy needs) both work. The whole ``archiver run`` on S3 over TLS is
the slow variant (botocore retries the refused handshakes for seconds). No config key can turn
verification off.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import re
import socket
import ssl
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from archiver.archive.store_s3 import S3Store
from archiver.errors import EXIT_FAILURE, EXIT_USAGE, StoreError
from archiver.simulators.peki import PekiSimulator
from tests.conftest import write_config
from tests.obs.helpers import archiver
from tests.s3 import DUMMY_ENV, DroppingProxy, MotoServer
from tests.security import Outcome, assert_clean, invoke, key_material, personal_values


@dataclass(frozen=True)
class Pki:
    ca: Path  # the CA certificate a user would give
    cert: Path
    key: Path


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    """A private CA and a server certificate for 127.0.0.1 signed by it."""
    where = tmp_path_factory.mktemp("pki")
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder()
        .subject_name(_name("archiver test CA"))
        .issuer_name(_name("archiver test CA"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                key_cert_sign=True,
                crl_sign=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name("127.0.0.1"))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([x509.ExtendedKeyUsageOID.SERVER_AUTH]), False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    pki = Pki(where / "ca.pem", where / "server.pem", where / "server.key")
    pki.ca.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    pki.cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    pki.key.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return pki


class TlsFront(DroppingProxy):
    """Terminates TLS on 127.0.0.1 and passes the plain bytes to an upstream port."""

    def __init__(self, pki: Pki, upstream_port: int) -> None:
        self._ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self._ctx.load_cert_chain(pki.cert, pki.key)
        self.handshakes_refused = 0
        super().__init__(upstream_port)
        self.url = self.endpoint_url.replace("http://", "https://", 1)

    def _serve(self, client: socket.socket) -> None:
        try:
            tls = self._ctx.wrap_socket(client, server_side=True)
        except (ssl.SSLError, OSError):
            self.handshakes_refused += 1  # the client did not trust the certificate
            client.close()
            return
        super()._serve(tls)


@pytest.fixture
def peki_over_tls(peki: PekiSimulator, pki: Pki) -> Iterator[TlsFront]:
    front = TlsFront(pki, int(peki.base_url.split(":")[2].split("/")[0]))
    try:
        yield front
    finally:
        front.close()


def _https_config(tmp_path: Path, peki: PekiSimulator, front: TlsFront) -> Path:
    path = peki.base_url.split("/", 3)[3] if peki.base_url.count("/") >= 3 else ""
    base = f"{front.url}/{path}".rstrip("/")
    return write_config(tmp_path, peki, crawl={"max_retries": 1}, source={"base_url": base})


def _objects(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_an_untrusted_platform_certificate_fails_the_run_and_writes_nothing(
    peki: PekiSimulator, peki_over_tls: TlsFront, tmp_path: Path
) -> None:
    cfg = _https_config(tmp_path, peki, peki_over_tls)

    done = archiver("run", "-c", str(cfg), ARCHIVER_LOG_FORMAT="json")

    assert done.returncode == EXIT_FAILURE, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    errors = [ln for ln in done.stdout.splitlines() if ln.startswith("  ! ")]
    assert len(errors) == 2 and all("TLS certificate verification failed" in e for e in errors)
    assert "SSL_CERT_FILE" in done.stdout  # the hint says how to trust a private CA
    assert peki_over_tls.handshakes_refused >= 2 and peki.counters()["total"] == 0
    assert _objects(tmp_path / "archive") == []
    secrets = {peki.api_key, peki.api_secret} | key_material(tmp_path / "keys")
    out = Outcome(done.returncode, done.stdout, done.stderr)
    assert_clean(out, secrets=secrets, personal=personal_values(peki))


def test_the_platform_run_succeeds_once_the_ca_is_trusted_through_ssl_cert_file(
    peki: PekiSimulator, peki_over_tls: TlsFront, pki: Pki, tmp_path: Path
) -> None:
    cfg = _https_config(tmp_path, peki, peki_over_tls)
    done = archiver("run", "-c", str(cfg), SSL_CERT_FILE=str(pki.ca))
    assert done.returncode == 0, done.stdout + done.stderr[-2000:]
    assert peki_over_tls.handshakes_refused == 0 and peki.counters()["total"] > 0
    assert re.search(r"peki-main/bot1\s+complete", done.stdout)


@pytest.fixture
def moto_over_tls(moto_server: MotoServer, pki: Pki) -> Iterator[TlsFront]:
    front = TlsFront(pki, moto_server.port)
    try:
        yield front
    finally:
        front.close()


@pytest.mark.parametrize("trusted", [False, True], ids=["untrusted", "aws-ca-bundle"])
def test_the_s3_store_verifies_tls_and_takes_a_ca_bundle(
    moto_server: MotoServer,
    moto_over_tls: TlsFront,
    pki: Pki,
    monkeypatch: pytest.MonkeyPatch,
    trusted: bool,
) -> None:
    bucket = moto_server.new_bucket()
    if trusted:
        monkeypatch.setenv("AWS_CA_BUNDLE", str(pki.ca))
    else:
        monkeypatch.delenv("AWS_CA_BUNDLE", raising=False)
    store = S3Store(
        bucket, "p/", endpoint_url=moto_over_tls.url, region=moto_server.region, path_style=True,
        max_attempts=1,
    )  # fmt: skip

    if trusted:
        assert store.put_if_absent("data/x", b"payload")
        assert store.get("data/x") == b"payload"
        return
    with pytest.raises(StoreError) as caught:
        store.put_if_absent("data/x", b"payload")
    assert "certificate is not trusted" in str(caught.value)
    assert "AWS_CA_BUNDLE" in str(caught.value)
    assert moto_over_tls.handshakes_refused > 0
    assert moto_server.client().list_objects_v2(Bucket=bucket).get("KeyCount", 0) == 0


@pytest.mark.slow
@pytest.mark.parametrize("trusted", [False, True], ids=["untrusted", "aws-ca-bundle"])
def test_archiver_run_on_s3_over_tls_is_verified_and_a_ca_bundle_can_be_given(
    peki: PekiSimulator,
    moto_server: MotoServer,
    moto_over_tls: TlsFront,
    pki: Pki,
    tmp_path: Path,
    trusted: bool,
) -> None:
    bucket = moto_server.new_bucket()
    archive = moto_server.archive_config(bucket) | {"endpoint_url": moto_over_tls.url}
    cfg = write_config(tmp_path, peki, crawl={"max_retries": 1}, archive=archive)
    env = dict(DUMMY_ENV) | ({"AWS_CA_BUNDLE": str(pki.ca)} if trusted else {})

    done = archiver("run", "-c", str(cfg), ARCHIVER_LOG_FORMAT="json", **env)

    listed = moto_server.client().list_objects_v2(Bucket=bucket).get("KeyCount", 0)
    if trusted:
        assert done.returncode == 0, done.stdout + done.stderr[-2000:]
        assert listed > 0
        return
    assert done.returncode == EXIT_FAILURE and listed == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    assert "certificate is not trusted" in done.stderr and "AWS_CA_BUNDLE" in done.stderr
    assert moto_over_tls.handshakes_refused > 0


@pytest.mark.parametrize(
    ("section", "key"),
    [
        ("source", "verify_tls"),
        ("source", "insecure"),
        ("source", "verify"),
        ("source", "ca_bundle"),
        ("archive", "verify"),
        ("archive", "verify_ssl"),
        ("crawl", "verify_tls"),
        ("top", "insecure_skip_verify"),
    ],
)
def test_no_config_key_turns_verification_off(tmp_path: Path, section: str, key: str) -> None:
    source = {
        "name": "peki-main",
        "type": "peki",
        "base_url": "https://api.peki.test/api",
        "api_key": "pk_1",
        "api_secret": "sk_1",
        "chatbot_ids": ["bot1"],
    }
    doc: dict[str, Any] = {
        "archive": {"url": str(tmp_path / "archive")},
        "crawl": {"lag_seconds": 1},
        "sources": [source],
    }
    where = {"source": source, "archive": doc["archive"], "crawl": doc["crawl"], "top": doc}
    where[section][key] = False
    cfg = tmp_path / "archiver.yaml"
    cfg.write_text(yaml.safe_dump(doc))
    out = invoke("run", "-c", str(cfg))
    assert out.exit_code == EXIT_USAGE, out.stdout + out.stderr
    assert f"{key}: unknown key" in out.messages[0]


def test_nothing_in_the_package_can_switch_verification_off() -> None:
    """The one switch (``HttpPolicy.verify_tls``, for unit tests of the client) is never set
    from the config or the environment; nothing else disables verification."""
    package = Path(__file__).resolve().parents[2] / "archiver"
    forbidden = re.compile(
        r"verify\s*=\s*False|CERT_NONE|check_hostname\s*=\s*False|PYTHONHTTPSVERIFY"
        r"|_create_unverified_context|disable_warnings"
    )
    hits, switch = [], []
    for path in sorted(package.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        hits += [f"{path.name}: {m.group(0)}" for m in forbidden.finditer(text)]
        if "verify_tls" in text:
            switch.append(path.relative_to(package).as_posix())
    assert hits == []
    assert switch == ["sources/http.py"]
