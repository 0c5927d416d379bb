"""A game to draw the pictures from: cn_lab played by the history policy to its crash (seed 1)."""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def played(turn: int) -> Any:
    """cn_lab (seed 1, the history policy) played to the start of ``turn`` (24: the crash turn's cards
    wait; 25: the turn after it). Cached for the test run: each test copies the state it changes."""
    from game.content.loader import load_content
    from game.engine.game import Game
    from game.match import play_game

    return play_game(Game(load_content(), "cn_lab"), 1, {"cn": "history"}, max_turns=turn)


def session_at(app: Any, turn: int) -> Any:
    """A session of that game, in ``app``, with its own copy of the state."""
    from game.engine.game import Game
    from game.ui.session import Session

    run = played(turn)
    session = Session(Game(app.content, "cn_lab"), run.state.model_copy(deep=True), ["cn"], notes=run.notes)
    app.session = session
    return session
