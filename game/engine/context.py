"""What a rule needs while it runs: the rules, the state being changed, the generator, the output."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from game.engine.calendar import turn_months
from game.engine.rules import Rules
from game.engine.state import GameState, Lab


@dataclass
class Ctx:
    rules: Rules
    state: GameState
    rng: np.random.Generator
    out: list[dict[str, Any]] = field(default_factory=list)

    def emit(self, key: str, side: str | None = None, **params: Any) -> None:
        """Record something that happened, as a message key and its parameters (never a sentence)."""
        self.out.append({"key": key, "turn": self.state.turn, "side": side, "params": params})

    @property
    def months(self) -> int:
        """Length of the current turn in months."""
        return turn_months(self.rules.dates, self.state.turn)

    def lab(self, side: str | None) -> Lab | None:
        return self.state.labs.get(side) if side else None
