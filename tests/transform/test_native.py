"""The compiled build (``ARCHIVER_NATIVE=1``, setup.py) masks exactly as the Python sources do.

The build runs here as it runs for an installation (``setup.py`` with its module list, mypyc,
the machine's C compiler), on a copy of the package, at optimisation level 0 (the same code,
compiled faster: the C compiler's level changes no result). A second process imports the
copy, checks that every detector module is the compiled one, and masks the texts this process
masks with the sources: synthetic conversations and two held-out banks, with and without each
person's own values. The digests must be equal.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from archiver.transform import NATIVE_MODULES, native
from archiver.transform.detectors import known_values
from archiver.transform.mask import Masker
from archiver.transform.policy import load_policy
from archiver.transform.pseudonym import Pseudonymizer
from tests.transform.corpora import corpus_texts

ROOT = Path(__file__).resolve().parents[2]


def digest() -> str:
    """What the masker makes of the texts, hashed: masked texts, the names learnt from them,
    and the texts masked again with their author's own values."""
    masker = Masker(load_policy(), Pseudonymizer(b"k" * 32))
    h = hashlib.sha256()
    for text in corpus_texts("synth", seed=21, n=1200):
        h.update(masker.mask_text(text).encode())
        h.update("\0".join(sorted(masker.names_in(text))).encode() + b"\1")
    from bench import heldout_bank16, heldout_bank17

    for bank in (heldout_bank16, heldout_bank17):
        for conv in bank.corpus(700, 5):
            p = conv.person
            known = known_values(
                [("name", p.first), ("name", p.last), ("email", p.email), ("phone", p.phone)],
                min_length=3,
                regions=(p.country,),
                misspelt_min_length=5,
            )
            for t in conv.texts:
                h.update(masker.mask_text(t.text).encode() + b"\2")
                h.update(masker.mask_text(t.text, known).encode() + b"\3")
    return h.hexdigest()


@pytest.mark.slow  # about three minutes of one core: the compiler on 13,000 lines
@pytest.mark.skipif(
    shutil.which("cc") is None and shutil.which("gcc") is None, reason="no C compiler"
)
def test_the_compiled_build_masks_as_the_sources_do(tmp_path: Path) -> None:
    assert not native(), "the tests run on the sources"
    src = tmp_path / "src"
    src.mkdir()
    for name in ("setup.py", "pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    shutil.copytree(
        ROOT / "archiver", src / "archiver", ignore=shutil.ignore_patterns("__pycache__", "*.so")
    )
    env = {**os.environ, "ARCHIVER_NATIVE": "1", "ARCHIVER_NATIVE_OPT": "0"}
    env.pop("PYTHONPATH", None)
    built = subprocess.run(
        [sys.executable, "setup.py", "-q", "build_ext", "--inplace"],
        cwd=src,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    for name in NATIVE_MODULES:
        assert list((src / "archiver" / "transform").glob(f"{name}.*.so")), name
    check = (
        "from archiver.transform import native; assert native(), 'not compiled'; "
        "from tests.transform.test_native import digest; print(digest())"
    )
    env = {**os.environ, "PYTHONPATH": f"{src}{os.pathsep}{ROOT}"}
    out = subprocess.run(
        [sys.executable, "-c", check],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    assert out.stdout.strip() == digest()


def test_an_editable_install_refuses_the_compiled_modules(tmp_path: Path) -> None:
    env = {**os.environ, "ARCHIVER_NATIVE": "1"}
    out = subprocess.run(
        [sys.executable, str(ROOT / "setup.py"), "develop", "--help"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode != 0
    assert "editable install" in out.stderr
