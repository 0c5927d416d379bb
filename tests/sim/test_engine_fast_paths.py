"""The engine's fast paths (added for simulation speed) agree with the plain rules they stand for."""

from __future__ import annotations

import numpy as np
import pytest

from game.content.loader import load_content
from game.engine.actions import EndTurn
from game.engine.context import Ctx
from game.engine.game import Game
from game.engine.handlers import chip_refusal
from game.engine.rng import generator, new_rng_state
from game.engine.state import Fired
from game.play import play_game


def states(scenario: str, policy: str, seed: int) -> list:
    """Copies of the state after every action of a game."""
    game = Game(load_content(), scenario)
    seen: list = []
    play_game(game, seed, dict.fromkeys(game.scenario.sides, policy),
              on_step=lambda state, action, notes: seen.append(state.model_copy(deep=True)))
    return seen


@pytest.mark.parametrize("scenario", ["cn_lab", "us_lab", "head_to_head"])
def test_chips_on_sale_matches_chip_refusal(scenario: str) -> None:
    game = Game(load_content(), scenario)
    for state in states(scenario, "aggressive", 2)[::5]:
        if state.over:
            continue
        ctx = Ctx(game.rules, state, None)  # type: ignore[arg-type]  # nothing here draws
        for side, lab in state.labs.items():
            on_sale = game.rules.chips_on_sale(side, state.turn)
            banned = side == "cn"
            for chip in game.rules.chips:
                for grey in (False, True):
                    fast = chip in on_sale and grey == (banned and chip in state.world.banned)
                    assert fast == (chip_refusal(ctx, lab, chip, grey) is None), (state.turn, side, chip, grey)


def test_generator_writes_back_only_what_was_drawn() -> None:
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


def test_menus_and_plain_actions_leave_the_generator_alone() -> None:
    game = Game(load_content(), "cn_lab")
    state = game.new_game(3)
    rng = dict(state.rng)
    legal = game.legal_actions(state)
    assert state.rng == rng
    game.apply_in_place(state, next(x for x in legal if not isinstance(x, EndTurn)))
    assert state.rng == rng
    game.apply_in_place(state, EndTurn())
    assert state.rng != rng, "the world's answer draws"


def test_fired_ids_follow_the_log() -> None:
    game = Game(load_content(), "us_lab")
    state = game.new_game(1)
    ctx = Ctx(game.rules, state, None)  # type: ignore[arg-type]
    assert ctx.fired_ids() == {f.event for f in state.fired}
    state.fired.append(Fired(turn=0, date=state.date, event="made_up"))
    assert "made_up" in ctx.fired_ids()
    state.fired = state.fired[:1]
    assert ctx.fired_ids() == {f.event for f in state.fired}


def test_same_game_with_apply_and_apply_in_place() -> None:
    game = Game(load_content(), "head_to_head", {"turn_limit": 6})
    played = play_game(game, 8, {"us": "random", "cn": "efficient"})
    state = game.new_game(8)
    for record in played.actions:
        state = game.apply(state, record["action"]).state
    assert state.model_dump() == played.state.model_dump()
