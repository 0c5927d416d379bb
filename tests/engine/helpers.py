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


def played(scenario: str, seed: int, policy: str = "random", turns: int | None = None) -> Match:
    g = game(scenario)
    return play_game(g, seed, dict.fromkeys(g.scenario.sides, policy), max_turns=turns)


def clear_cards(g: Game, state: GameState) -> GameState:
    """Answer any waiting event card with its first choice (tests that are not about cards)."""
    from game.engine.actions import Choose

    while state.pending and any(p.side == state.active for p in state.pending):
        card = next(p for p in state.pending if p.side == state.active)
        choice = g.rules.events_by_id[card.event].choices[0].id
        state = g.apply(state, Choose(event=card.event, choice=choice)).state
    return state
