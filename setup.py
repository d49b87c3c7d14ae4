"""Build of the package: plain Python, unless ``ARCHIVER_NATIVE=1`` asks for compiled masking.

Metadata, dependencies and package data live in ``pyproject.toml``; this file only adds the
optional extension modules. With ``ARCHIVER_NATIVE=1`` the masking detectors (the modules of
``NATIVE_MODULES``, nearly all of masking's CPU time) are compiled to C by mypyc from the same
typed sources: the same code, checked by ``mypy --strict``, run without the interpreter's
per-line cost (masking about 1.3x faster, bench/README.md). Needs a C compiler, the Python
headers and ``mypy`` in the build environment:

    pip install "mypy>=1.10" "setuptools>=68" wheel
    ARCHIVER_NATIVE=1 pip install --no-build-isolation .

``ARCHIVER_NATIVE_OPT`` sets the C optimisation level (0-3, default 3). An editable install
(``pip install -e``) is refused with compiled modules: they would be imported instead of the
sources beside them, so an edit would silently not take effect.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from setuptools import setup

NATIVE_MODULES = [
    "archiver/transform/names.py",
    "archiver/transform/namewords.py",
    "archiver/transform/detectors.py",
    "archiver/transform/contacts.py",
    "archiver/transform/gazetteer.py",
]


def ext_modules() -> list[Any]:
    if os.environ.get("ARCHIVER_NATIVE", "0") != "1":
        return []
    if {"editable_wheel", "develop"} & set(sys.argv):
        raise SystemExit(
            "ARCHIVER_NATIVE=1 compiles modules that would be imported instead of their "
            "sources in an editable install: install without -e, or unset ARCHIVER_NATIVE"
        )
    from mypyc.build import mypycify

    return list(mypycify(NATIVE_MODULES, opt_level=os.environ.get("ARCHIVER_NATIVE_OPT", "3")))


setup(ext_modules=ext_modules())
