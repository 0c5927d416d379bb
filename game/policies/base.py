"""The policy interface and its seeded generator (separate from the game's, so that the game's draws
do not depend on which computer player is thinking)."""

from __future__ import annotations

import zlib

import numpy as np

from game.engine import actions as a
from game.engine.economy import accounts
from game.engine.game import Game
from game.engine.state import GameState, Lab


class Policy:
    name = "base"

    def __init__(self, seed: int):
        #: The seed of the policy's generator: the game's seed and the policy's name as it is now.
        self._entropy = [seed, zlib.crc32(self.name.encode())]
        self._rng: np.random.Generator | None = None

    @property
    def rng(self) -> np.random.Generator:
        """The policy's generator, made at its first draw: seeding one takes some 15 µs, a quarter of
        a percent of a simulated game, and a player that answers cards by a stated preference never
        draws."""
        if self._rng is None:
            self._rng = np.random.Generator(np.random.PCG64(self._entropy))
        return self._rng

    def choose(self, game: Game, state: GameState, legal: list[a.Action]) -> a.Action:
        """One of ``legal`` (never empty: the game is not over)."""
        raise NotImplementedError

    def pick(self, options: list[a.Action]) -> a.Action:
        return options[int(self.rng.integers(0, len(options)))]


def monthly_upkeep(game: Game, lab: Lab) -> int:
    """What ``lab`` pays a month before any revenue, dollars: its salaries and the power and hosting of
    the chips it owns, as the engine books them (:func:`game.engine.economy.accounts`)."""
    _, _, salaries, power = accounts(game.rules, lab, 1)
    return salaries + power
