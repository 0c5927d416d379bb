"""The generator: numpy's PCG64 restored from the state for each call that draws, saved back after."""

from __future__ import annotations

import numpy as np
import pytest

from game.content.loader import load_content
from game.engine.actions import EndTurn
from game.engine.canonical import state_hash
from game.engine.game import Game
from game.engine.rng import NO_DRAWS, generator, new_rng_state


def test_generator_writes_back_the_state_numpy_reached() -> None:
    state = new_rng_state(5)
    before = dict(state)
    with generator(state):
        pass
    assert state == before, "nothing drawn, nothing changed"
    with generator(state) as rng:
        first = int(rng.integers(0, 1000))
    reference = np.random.Generator(np.random.PCG64(5))
    assert first == int(reference.integers(0, 1000))
    assert state == reference.bit_generator.state
    with pytest.raises(ZeroDivisionError), generator(state) as rng:
        rng.integers(0, 10)
        raise ZeroDivisionError
    assert state == reference.bit_generator.state, "a failed block leaves the state as it was"


@pytest.mark.parametrize("seed", range(6))
def test_a_stream_split_over_blocks_is_the_stream_in_one(seed: int) -> None:
    """The engine restores the generator for each call and saves it after: draws spread over many
    blocks are those of one generator, including the spare 32-bit half numpy keeps between small
    draws (``has_uint32``), rejection loops and the market's normals in between; whether each block
    builds its bit generator or loads a reused one (what a Game does) makes no difference."""
    picker = np.random.Generator(np.random.PCG64(1000 + seed))
    state = new_rng_state(seed)
    reference = np.random.Generator(np.random.PCG64(seed))
    reused = np.random.PCG64(99)
    for block in range(60):
        with generator(state, reused if block % 2 else None) as rng:
            for _ in range(int(picker.integers(0, 6))):
                if picker.integers(0, 5) == 0:
                    assert rng.standard_normal(3).tolist() == reference.standard_normal(3).tolist()
                    continue
                low = int(picker.integers(-10**6, 10**6))
                span = [300, 1 << 30, 2**31 + 7, 2**32 - 1, 0][int(picker.integers(0, 5))]
                assert int(rng.integers(low, low + span + 1)) == int(reference.integers(low, low + span + 1))
    assert state == reference.bit_generator.state


def test_calls_that_may_not_draw_refuse_to() -> None:
    with pytest.raises(RuntimeError):
        NO_DRAWS.integers(0, 10)
    with pytest.raises(RuntimeError):
        NO_DRAWS.standard_normal(2)


def _ended(game: Game, seeds: tuple[int, ...]) -> list[str]:
    """The final hashes of games played by turns through ``game``: each answers its cards with the
    first choice offered and ends its turn."""
    states = [game.new_game(seed) for seed in seeds]
    while not all(state.over for state in states):
        for state in states:
            if not state.over:
                game.apply_in_place(state, game.legal_actions(state)[0] if state.pending else EndTurn())
    return [state_hash(state) for state in states]


def test_games_sharing_a_game_object_draw_apart() -> None:
    """A Game's bit generator carries nothing from one call to the next: two games played by turns
    through the same Game end exactly as each played through its own."""
    content, options = load_content(), {"turn_limit": 8}
    shared = _ended(Game(content, "cn_lab", options), (1, 2))
    apart = [_ended(Game(content, "cn_lab", options), (seed,))[0] for seed in (1, 2)]
    assert shared == apart
    assert shared[0] != shared[1]
