"""Archive layer: the catalog (reading and committing manifests and signed records), the
integrity checks, objects written and read, envelope encryption, the storage interface and its
backends.

Everything written to the store passes through here, so the on-disk format is decided in one
place (see ``docs/FORMAT.md``).
"""

from __future__ import annotations
