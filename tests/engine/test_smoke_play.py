"""Every scenario plays to its end with every heuristic policy (the search player, which thinks seconds a
game, has its own smoke test in tests/policies/test_search.py)."""

import pytest

from game.content.loader import load_content
from game.engine.game import Game
from game.match import play_game
from game.policies import PANEL


@pytest.mark.parametrize("scenario", sorted(load_content().scenarios))
@pytest.mark.parametrize("policy", sorted(PANEL))
def test_plays_to_the_end(scenario: str, policy: str) -> None:
    game = Game(load_content(), scenario)
    played = play_game(game, seed=11, policies=dict.fromkeys(game.scenario.sides, policy))
    assert played.state.over
    assert played.state.outcome.reason in ("calendar", "bankrupt")
    assert set(played.state.outcome.results) == set(game.scenario.sides)
