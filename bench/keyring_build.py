"""Building a keyring with an RSA private key: this project's build against the SDK parsing PEM.

    .venv/bin/python bench/keyring_build.py [--bits 4096] [--repeat 7]

``build_keyring`` loads and checks the private key once and hands the AWS Encryption SDK the
loaded key. The baseline, measured in the same process, is what the SDK does given PEM bytes
(``WrappingKey`` parses and validates the key) after the same load and check: the build before
that change. CPU seconds (``time.process_time``), fastest of ``--repeat``, and their ratio.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aws_encryption_sdk.identifiers import EncryptionKeyType, WrappingAlgorithm
from aws_encryption_sdk.internal.crypto.wrapping_keys import WrappingKey
from cryptography.hazmat.primitives import serialization

from archiver.archive.crypto import build_keyring, generate_rsa_key_pair
from archiver.config import KeyringSpec


def fastest(call: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.process_time()
        call()
        times.append(time.process_time() - t)
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bits", type=int, default=4096)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        private, public = Path(tmp) / "k.pem", Path(tmp) / "k.pub.pem"
        generate_rsa_key_pair(private, public, bits=args.bits)
        spec = KeyringSpec(
            type="raw-rsa", key_name="sealed", private_key=private, public_key=public
        )

        def sdk_parses_pem() -> object:
            data = private.read_bytes()
            serialization.load_pem_private_key(data, password=None)  # the load and check
            return WrappingKey(
                wrapping_algorithm=WrappingAlgorithm.RSA_OAEP_SHA256_MGF1,
                wrapping_key=data,
                wrapping_key_type=EncryptionKeyType.PRIVATE,
            )

        base = fastest(sdk_parses_pem, args.repeat)
        ours = fastest(lambda: build_keyring([spec]), args.repeat)
    print(f"RSA {args.bits}-bit private key, CPU seconds, fastest of {args.repeat}")
    print(f"  load + the SDK parsing PEM again (before): {base:.3f} s (1.00x)")
    print(f"  build_keyring (the SDK gets the loaded key): {ours:.3f} s ({ours / base:.2f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
