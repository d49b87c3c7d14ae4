"""Records become masked rows (for analysts) and sealed originals (for legal and privacy)."""

from __future__ import annotations

import importlib
from importlib.machinery import EXTENSION_SUFFIXES

# Compiled to C when the package is built with ARCHIVER_NATIVE=1 (setup.py).
NATIVE_MODULES = ("names", "detectors", "contacts", "gazetteer")


def native() -> bool:
    """Whether this installation masks with the compiled detectors (all of them) rather than
    their Python sources: what ``archiver doctor`` reports, as masking costs about 1.3x more
    CPU without them."""
    for name in NATIVE_MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        if not str(module.__file__).endswith(tuple(EXTENSION_SUFFIXES)):
            return False
    return True
