"""The search player: deterministic from its seed, blind to the game's future draws, better than the
policy it rolls out with."""

from __future__ import annotations

import pytest

from game.content.loader import load_content
from game.engine import actions as a
from game.engine.game import Game
from game.engine.rng import new_rng_state
from game.match import Match, play_game
from game.policies.search import SearchPolicy, pattern


@pytest.fixture(scope="module")
def us_game() -> Game:
    return Game(load_content(), "us_lab", record=False)


def test_does_not_peek_at_the_games_future_draws(us_game: Game) -> None:
    match = Match.new(us_game, seed=6, record=False)
    state = match.state
    other = state.model_copy(deep=True)
    other.rng = new_rng_state(12345)  # the same position, another future
    legal = us_game.legal_actions(state)
    assert SearchPolicy(2, rollouts=2).choose(us_game, state, legal) == \
        SearchPolicy(2, rollouts=2).choose(us_game, other, us_game.legal_actions(other))
    assert state.rng != other.rng  # (the search played copies: the states' generators are untouched)


def test_same_seed_same_game_and_it_counts_its_choices(us_game: Game) -> None:
    game = Game(load_content(), "us_lab", {"turn_limit": 3}, record=False)
    first = play_game(game, seed=1, policies={"us": SearchPolicy(4, rollouts=1)}, record=False)
    again = play_game(game, seed=1, policies={"us": SearchPolicy(4, rollouts=1)}, record=False)
    assert first.state.outcome == again.state.outcome
    assert sum(first.computers["us"].actions.values()) > 0


def test_candidates_are_a_small_subset_ending_the_turn_included(us_game: Game) -> None:
    match = Match.new(us_game, seed=2, record=False)
    while match.state.pending:  # answer the cards first
        match._play(us_game.legal_actions(match.state)[0])
    legal = us_game.legal_actions(match.state)
    options = SearchPolicy(1).candidates(us_game, match.state, legal)
    assert a.EndTurn() in options and 1 < len(options) <= 10 and len(options) < len(legal)
    assert all(option in legal for option in options)


def test_beats_its_rollout_policy() -> None:
    # The whole game (some two seconds with one continuation per candidate): the lookahead pays off over
    # the months, while a third of the game leaves both players a point apart.
    game = Game(load_content(), "us_lab", record=False)
    seeds = range(2)
    search = [play_game(game, s, {"us": SearchPolicy(s, rollouts=1)}, record=False).state.outcome.scores["us"]
              for s in seeds]
    cautious = [play_game(game, s, {"us": "cautious"}, record=False).state.outcome.scores["us"] for s in seeds]
    assert sum(search) > sum(cautious)


def test_pattern_names_an_action() -> None:
    assert pattern(a.Choose(event="x", choice="y")) == "card x: y"
    assert pattern(a.Lobby()) == "lobby"


@pytest.mark.parametrize("scenario", sorted(load_content().scenarios))
def test_plays_every_scenario_to_its_end(scenario: str) -> None:
    game = Game(load_content(), scenario, {"turn_limit": 3})
    played = play_game(game, seed=11, policies={s: SearchPolicy(11, rollouts=1) for s in game.scenario.sides})
    assert played.state.over and set(played.state.outcome.bands) == set(game.scenario.sides)
