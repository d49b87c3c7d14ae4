"""Records become masked rows (for analysts) and sealed originals (for legal and privacy)."""

from __future__ import annotations
