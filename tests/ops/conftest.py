from __future__ import annotations

from pathlib import Path

import pytest

from archiver.simulators.peki import PekiSimulator
from tests.helpers import two_runs


@pytest.fixture
def archived(peki: PekiSimulator, tmp_path: Path) -> Path:
    """The config of a local archive of two runs, with changes in between."""
    return two_runs(tmp_path, peki, part_rows=50, seed=3, changes=12)
