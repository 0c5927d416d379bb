"""Per-game seeds: the documented rule, in range, distinct, independent of the line-up."""

from __future__ import annotations

import hashlib

from game.engine.game import MAX_SEED
from game.sim.seeds import SEED_RULE, game_seed, game_seeds


def test_seed_follows_the_documented_rule() -> None:
    for base, index in ((0, 0), (7, 3), (MAX_SEED, 999)):
        digest = hashlib.sha256(f"chip-race/simulate/{base}/{index}".encode()).digest()
        assert game_seed(base, index) == int.from_bytes(digest[:8], "big") >> 1
    assert "sha256" in SEED_RULE and "{index}" in SEED_RULE


def test_seeds_are_valid_and_distinct() -> None:
    seeds = game_seeds(5, 2000)
    assert all(0 <= s <= MAX_SEED for s in seeds)
    assert len(set(seeds)) == len(seeds)
    assert game_seeds(5, 10) == seeds[:10], "adding games does not change the first ones"
    assert game_seeds(6, 10) != seeds[:10]
