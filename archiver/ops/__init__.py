"""Operations that read the archive: restore, and later export, erase, retrieve, verify."""

from __future__ import annotations
