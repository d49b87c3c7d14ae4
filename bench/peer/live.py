"""A Peki simulator whose page drift is sporadic, as on a live platform.

The base simulator's knobs apply ``drift_inserts`` and ``drift_deletes`` on every page request
after the first. Here each of those insertions and deletions happens with probability
``drift_odds``, drawn from a seeded generator, so a listing sees a mix of requests where the list
grew, shrank or stayed put. ``drift_odds = 1`` is the base behaviour.
"""

from __future__ import annotations

import random
from typing import Any

from archiver.simulators.peki import PekiSimulator


class LivePekiSimulator(PekiSimulator):
    def __init__(self, *, seed: int = 0, drift_odds: float = 1.0, **kw: Any) -> None:
        super().__init__(seed=seed, **kw)
        self.drift_odds = drift_odds
        self._odds_rng = random.Random(f"peki:{seed}:drift-odds")

    def _drift(self, bot: Any, kind: str, req: Any, offset: int) -> None:
        # Called by the list handler under the simulator's lock.
        inserts, deletes = self.drift_inserts, self.drift_deletes
        draw = self._odds_rng.random
        self.drift_inserts = sum(draw() < self.drift_odds for _ in range(max(0, inserts)))
        self.drift_deletes = sum(draw() < self.drift_odds for _ in range(max(0, deletes)))
        try:
            if self.drift_inserts or self.drift_deletes:
                super()._drift(bot, kind, req, offset)
        finally:
            self.drift_inserts, self.drift_deletes = inserts, deletes
