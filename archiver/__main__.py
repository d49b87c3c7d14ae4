from __future__ import annotations

from archiver.cli import main

# Guarded: the transform's worker processes are spawned, and a spawned process imports the
# parent's main module again (as __mp_main__); it must not run the CLI there.
if __name__ == "__main__":
    main()
