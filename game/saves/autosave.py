"""Autosave after every turn: an ``on_step`` callback for :func:`game.play.play_game`.

It keeps the action log itself (so a loaded game's earlier log carries on) and writes the save
atomically whenever a turn ends or the game ends.

Example::

    >>> from game.content.loader import load_content
    >>> from game.engine.game import Game
    >>> from game.play import play_game
    >>> import tempfile, pathlib
    >>> game = Game(load_content(), "us_lab")
    >>> state = game.new_game(seed=3)
    >>> saver = Autosaver(pathlib.Path(tempfile.mkdtemp()) / "auto.json", game, state)
    >>> played = play_game(game, 3, {"us": "cautious"}, max_turns=2, state=state, on_step=saver)
    >>> saver.finish(played.state)
    >>> saver.log == played.actions, saver.saves >= 3
    (True, True)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game.engine.actions import Action
from game.engine.game import Game
from game.engine.state import GameState
from game.saves.store import save_game


class Autosaver:
    """Saves ``game`` to ``path`` now, after every turn, and at :meth:`finish`.

    ``log`` is the action log that led to ``state`` (empty for a new game; ``LoadedSave.actions``
    for a loaded one). Each save replaces the last one atomically.
    """

    def __init__(self, path: Path | str, game: Game, state: GameState, log: list[dict[str, Any]] | None = None,
                 meta: dict[str, Any] | None = None, save_now: bool = True):
        self.path = Path(path)
        self.game = game
        self.meta = dict(meta or {})
        self.log: list[dict[str, Any]] = list(log or [])
        self.saves = 0
        self._turn, self._side = state.turn, state.active
        if save_now:
            self.save(state)

    def save(self, state: GameState) -> None:
        """Save ``state`` with the log so far (raises ``SaveError`` if the file cannot be written)."""
        save_game(self.path, self.game, state, self.log, self.meta)
        self.saves += 1

    def __call__(self, state: GameState, action: Action, notes: list[dict[str, Any]]) -> None:
        # ``state`` is the state after ``action``: the action was taken by the seat active before it.
        self.log.append({"turn": self._turn, "side": self._side, "action": action.to_json()})
        turn_ended = state.turn != self._turn or state.over
        self._turn, self._side = state.turn, state.active
        if turn_ended:
            self.save(state)

    def finish(self, state: GameState) -> None:
        """Save the final state (a game cut short by a turn limit ends without an action)."""
        self.save(state)
