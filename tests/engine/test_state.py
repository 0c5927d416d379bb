"""The state: plain records that round-trip through their canonical JSON, checked by pydantic on load."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from game.content.loader import load_content
from game.engine.canonical import canonical_json, state_from_json, state_hash, state_to_json
from game.engine.game import Game
from game.engine.state import Fired, GameState, Lab
from game.match import play_game


def _states(scenario: str, policy: str, seed: int) -> list[GameState]:
    """Copies of the state after every action of a game, the first turn's included."""
    game = Game(load_content(), scenario)
    seen: list[GameState] = []
    play_game(game, seed, dict.fromkeys(game.scenario.sides, policy),
              on_step=lambda state, action, notes: seen.append(state.model_copy(deep=True)))
    return seen


@pytest.mark.parametrize(("scenario", "policy", "seed"), [("cn_lab", "aggressive", 1), ("head_to_head", "random", 2)])
def test_states_round_trip_through_their_canonical_json(scenario: str, policy: str, seed: int) -> None:
    states = _states(scenario, policy, seed)
    assert states[-1].over and states[-1].series and states[-1].fired, "a whole game, with its records"
    for state in states[::7] + states[-1:]:
        text = canonical_json(state_to_json(state))
        back = state_from_json(json.loads(text))
        assert back == state
        assert canonical_json(state_to_json(back)) == text, "the same text, byte for byte"
        assert state_hash(back) == state_hash(state)


def test_a_deep_copy_shares_nothing() -> None:
    state = _states("cn_lab", "cautious", 3)[5]
    copy = state.model_copy(deep=True)
    copy.lab.chips["made_up"] = 1
    copy.fired[0].choice = "x"
    copy.world.flags.append("made_up")
    assert "made_up" not in state.lab.chips and state.fired[0].choice != "x" and "made_up" not in state.world.flags
    assert state.model_dump() != copy.model_dump()


def test_a_misspelt_field_fails_where_it_is_written() -> None:
    fired = Fired(turn=0, date="2019-07-01", event="x")
    fired.choice = "a"
    assert fired.model_dump()["choice"] == "a"
    with pytest.raises(AttributeError):
        fired.chioce = "b"  # type: ignore[attr-defined]


def test_the_load_check_refuses_what_the_state_cannot_hold() -> None:
    data = state_to_json(Game(load_content(), "cn_lab").new_game(seed=1))
    assert isinstance(GameState.model_validate(data).labs["cn"], Lab)
    for damage in ({"stray": 1}, {"active": "eu"}, {"turn": "soon"}):
        with pytest.raises(ValidationError):
            GameState.model_validate({**data, **damage})
    lab = dict(data["labs"]["cn"])
    del lab["cash"]
    with pytest.raises(ValidationError):
        GameState.model_validate({**data, "labs": {"cn": lab}})
