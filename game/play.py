"""Headless play: computer policies take every seat until the game ends (or a turn limit).

Used by ``run``, ``simulate``, the demo and the tests.

Example::

    >>> from game.content.loader import load_content
    >>> game = Game(load_content(), "us_lab")
    >>> played = play_game(game, seed=3, policies={"us": "cautious"})
    >>> played.state.over
    True
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from game.engine.actions import Action, EndTurn
from game.engine.game import Game
from game.engine.state import GameState
from game.policies import Policy, make_policy

#: A game that has not ended after this many actions has a policy stuck in a loop.
MAX_ACTIONS_PER_TURN = 200


@dataclass
class PlayedGame:
    state: GameState
    actions: list[dict[str, Any]] = field(default_factory=list)  # {"turn", "side", "action"}
    notes: list[dict[str, Any]] = field(default_factory=list)    # everything the engine emitted
    policies: dict[str, str] = field(default_factory=dict)


def play_game(game: Game, seed: int, policies: dict[str, str | Policy], max_turns: int | None = None,
              state: GameState | None = None,
              on_step: Callable[[GameState, Action, list[dict[str, Any]]], None] | None = None,
              record: bool = True) -> PlayedGame:
    """Play from a new game (or ``state``) until the end, ``max_turns`` turns, or a bankrupt lab.

    With ``record=False`` the result's ``actions`` and ``notes`` stay empty: for callers that only
    read the final state (batch simulation), which then skip writing every action as JSON.
    """
    notes: list[dict[str, Any]] = []
    if state is None:
        first = game.start(seed, list(policies))
        state, notes = first.state, (first.events if record else [])
    else:
        state = state.model_copy(deep=True)
    players = {side: p if isinstance(p, Policy) else make_policy(p, seed) for side, p in policies.items()}
    played = PlayedGame(state=state, notes=notes, policies={s: p.name for s, p in players.items()})
    start_turn = state.turn
    since_end = 0
    while not state.over:
        if max_turns is not None and state.turn - start_turn >= max_turns:
            step = game.conclude(state)
            if record:
                played.notes += step.events
            played.state = state = step.state
            break
        legal = game.legal_actions(state)
        action = players[state.active].choose(game, state, legal)
        if since_end >= MAX_ACTIONS_PER_TURN:
            action = EndTurn()
        entry = {"turn": state.turn, "side": state.active, "action": action.to_json()} if record else None
        notes = game.apply_in_place(state, action)
        since_end = 0 if isinstance(action, EndTurn) else since_end + 1
        if entry is not None:
            played.actions.append(entry)
            played.notes += notes
        if on_step is not None:
            on_step(state, action, notes)
    return played
