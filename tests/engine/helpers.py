"""Shared test helpers: small games and quick states."""

from __future__ import annotations

from game.content.loader import load_content
from game.engine.game import Game
from game.engine.state import GameState
from game.match import Match, play_game


def game(scenario: str = "cn_lab", **options: object) -> Game:
    return Game(load_content(), scenario, options or None)


def fresh(scenario: str = "cn_lab", seed: int = 1, **options: object) -> tuple[Game, GameState]:
    g = game(scenario, **options)
    return g, g.new_game(seed)


def move_to(g: Game, state: GameState, date: str) -> GameState:
    """The state moved to the turn of ``date`` (``YYYY-MM-DD``) without playing the turns between: for
    tests of rules that depend on the date (techniques invented, chips no longer made)."""
    state.turn = g.rules.dates.index(date)
    state.date = date
    return state


def played(scenario: str, seed: int, policy: str = "random", turns: int | None = None) -> Match:
    g = game(scenario)
    return play_game(g, seed, dict.fromkeys(g.scenario.sides, policy), max_turns=turns)


def clear_cards(g: Game, state: GameState) -> GameState:
    """Answer any waiting event card with its first choice offered (tests that are not about cards)."""
    from game.engine.actions import Choose

    while state.pending and any(p.side == state.active for p in state.pending):
        offered = [x for x in g.legal_actions(state) if isinstance(x, Choose)]
        state = g.apply(state, offered[0]).state
    return state
