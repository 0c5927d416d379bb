"""The generator: numpy's PCG64, live in the game state (``GameState.rng``), whose JSON form is read
from it whenever the state is dumped, compared, copied or saved: never a stale copy."""

from __future__ import annotations

import copy
import pickle

import numpy as np
import pytest
from pydantic import ValidationError

from game.content.loader import load_content
from game.engine.actions import EndTurn
from game.engine.canonical import state_from_json, state_hash, state_to_json
from game.engine.game import Game
from game.engine.rng import NO_DRAWS, Rng, generator, new_rng_state
from game.engine.state import GameState


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
def test_a_stream_saved_and_reloaded_anywhere_is_the_stream_in_one(seed: int) -> None:
    """Draws spread over a generator rebuilt from its JSON form (a save and a load), deep-copied or
    pickled between them are those of one generator, including the spare 32-bit half numpy keeps
    between small draws (``has_uint32``), rejection loops and the market's normals in between."""
    picker = np.random.Generator(np.random.PCG64(1000 + seed))
    rng = Rng.seeded(seed)
    assert rng == new_rng_state(seed)
    reference = np.random.Generator(np.random.PCG64(seed))
    for block in range(60):
        rng = [lambda r: Rng(r.to_json()), copy.deepcopy, copy.copy,
               lambda r: pickle.loads(pickle.dumps(r)), lambda r: r][block % 5](rng)
        for _ in range(int(picker.integers(0, 6))):
            if picker.integers(0, 5) == 0:
                assert rng.draws.standard_normal(3).tolist() == reference.standard_normal(3).tolist()
                continue
            low = int(picker.integers(-10**6, 10**6))
            span = [300, 1 << 30, 2**31 + 7, 2**32 - 1, 0][int(picker.integers(0, 5))]
            assert int(rng.draws.integers(low, low + span + 1)) == int(reference.integers(low, low + span + 1))
        assert rng == reference.bit_generator.state
        assert dict(rng) == reference.bit_generator.state and rng.to_json() == reference.bit_generator.state


def _cards_answered(game: Game, seed: int) -> GameState:
    """A new game whose first news cards have been answered (the first choice each): it may end its turn."""
    state = game.new_game(seed)
    while state.pending:
        game.apply_in_place(state, game.legal_actions(state)[0])
    return state


def test_the_state_shows_the_draws_as_they_happen() -> None:
    """Every reading of a state (its dump, its hash, its JSON form, comparing it) sees the generator
    where it is now, never where it was loaded or last written."""
    game = Game(load_content(), "cn_lab")
    state = _cards_answered(game, 3)
    dumped, hashed = state.model_dump()["rng"], state_hash(state)
    assert dumped == state.rng == state.rng.to_json()
    game.apply_in_place(state, EndTurn())  # the world's answer draws
    assert state.model_dump()["rng"] != dumped
    assert state.model_dump()["rng"] == state_to_json(state)["rng"] == state.rng.to_json()
    assert state_hash(state) != hashed
    hashed = state_hash(state)
    state.rng.draws.integers(0, 10)  # a draw alone moves the state's JSON form and hash
    assert state_hash(state) != hashed
    assert state_from_json(state_to_json(state)) == state


def test_a_copied_state_draws_apart_from_the_original() -> None:
    """``Game.apply`` (and undo) work on deep copies: the copy's draws leave the original's generator
    where it was, and each goes on exactly as the other would."""
    game = Game(load_content(), "cn_lab")
    state = _cards_answered(game, 4)
    before = state.rng.to_json()
    after = game.apply(state, EndTurn()).state
    assert state.rng == before, "the original did not draw"
    assert after.rng != before
    again = game.apply(state, EndTurn()).state
    assert state_hash(again) == state_hash(after), "the same draws from the same point"
    assert copy.deepcopy(state) == state and copy.deepcopy(state).rng is not state.rng


def test_a_loaded_state_goes_on_as_the_original() -> None:
    game = Game(load_content(), "cn_lab", {"turn_limit": 8})
    state = game.new_game(6)
    for _ in range(3):
        game.apply_in_place(state, game.legal_actions(state)[0] if state.pending else EndTurn())
    loaded = state_from_json(state_to_json(state))
    assert isinstance(loaded.rng, Rng) and loaded == state
    for current in (state, loaded):
        while not current.over:
            game.apply_in_place(current, game.legal_actions(current)[0] if current.pending else EndTurn())
    assert state_hash(loaded) == state_hash(state)


def test_a_damaged_generator_state_is_refused_on_load() -> None:
    data = state_to_json(Game(load_content(), "cn_lab").new_game(1))
    for damaged in ({}, {"bit_generator": "MT19937"}, "PCG64", {**data["rng"], "state": {"state": "x"}}):
        with pytest.raises(ValidationError):
            GameState.model_validate({**data, "rng": damaged})


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
    """Each state draws with its own generator: two games played by turns through the same Game end
    exactly as each played through its own."""
    content, options = load_content(), {"turn_limit": 8}
    shared = _ended(Game(content, "cn_lab", options), (1, 2))
    apart = [_ended(Game(content, "cn_lab", options), (seed,))[0] for seed in (1, 2)]
    assert shared == apart
    assert shared[0] != shared[1]
