"""Headless play, now :mod:`game.match`: this module keeps the old import path working.

Example::

    >>> from game.content.loader import load_content
    >>> from game.engine.game import Game
    >>> played = play_game(Game(load_content(), "us_lab"), seed=3, policies={"us": "cautious"})
    >>> played.state.over
    True
"""

from __future__ import annotations

from game.match import MAX_ACTIONS_PER_TURN, Match, play_game

#: What :func:`play_game` returns (the old name of :class:`~game.match.Match`).
PlayedGame = Match

__all__ = ["MAX_ACTIONS_PER_TURN", "Match", "PlayedGame", "play_game"]
