"""Per-game seeds of a simulation.

Game ``i`` (counting from 0) of a simulation run with ``--seed S`` is played with seed
``int.from_bytes(sha256(f"chip-race/simulate/{S}/{i}").digest()[:8], "big") >> 1``: a 63-bit whole
number (within the engine's seed range), the same for every policy, so that policies are compared on
the same draws, and the same whatever the number of processes. Anyone can rebuild a game of a
simulation with ``python main.py run --scenario ID --seed <that number>``.

Example::

    >>> game_seed(0, 0) == game_seed(0, 0) != game_seed(0, 1)
    True
    >>> 0 <= game_seed(123, 45) < 2**63
    True
"""

from __future__ import annotations

import hashlib

#: The rule above, in words, for the JSON document.
SEED_RULE = 'int.from_bytes(sha256(f"chip-race/simulate/{seed}/{index}").digest()[:8], "big") >> 1'


def game_seed(base_seed: int, index: int) -> int:
    """The seed of game ``index`` of a simulation started with ``base_seed`` (see the module text)."""
    digest = hashlib.sha256(f"chip-race/simulate/{base_seed}/{index}".encode()).digest()
    return int.from_bytes(digest[:8], "big") >> 1


def game_seeds(base_seed: int, runs: int) -> list[int]:
    """The seeds of games ``0 .. runs - 1``."""
    return [game_seed(base_seed, index) for index in range(runs)]
