"""Autosave after every turn: an ``on_step`` callback of a :class:`~game.match.Match`.

It saves the match's own action log (a loaded game's match carries on the loaded log), atomically,
whenever a turn ends or the game ends.

Example::

    >>> from game.content.loader import load_content
    >>> from game.engine.game import Game
    >>> from game.match import Match
    >>> import tempfile, pathlib
    >>> game = Game(load_content(), "us_lab")
    >>> match = Match.new(game, seed=3, computers={"us": "cautious"}, in_place=True)
    >>> match.on_step = saver = Autosaver(pathlib.Path(tempfile.mkdtemp()) / "auto.json", match)
    >>> match.play_computer_seats(until_turn=2)
    >>> saver.finish()
    >>> saver.saves >= 3, len(match.log) == match.state.actions_taken
    (True, True)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game.engine.actions import Action
from game.engine.notes import Note
from game.engine.state import GameState
from game.match import Match
from game.saves.store import save_game


class Autosaver:
    """Saves ``match`` to ``path`` now, after every turn (as its ``on_step``), and at :meth:`finish`.

    Each save replaces the last one atomically.
    """

    def __init__(self, path: Path | str, match: Match, meta: dict[str, Any] | None = None,
                 save_now: bool = True):
        self.path = Path(path)
        self.match = match
        self.meta = dict(meta or {})
        self.saves = 0
        self._turn = match.state.turn
        if save_now:
            self.save()

    def save(self) -> None:
        """Save the match as it stands (raises ``SaveError`` if the file cannot be written)."""
        save_game(self.path, self.match.game, self.match.state, self.match.log, self.meta)
        self.saves += 1

    def __call__(self, state: GameState, action: Action, notes: list[Note]) -> None:
        # ``state`` is the state after ``action``, which the match has already logged.
        turn_ended = state.turn != self._turn or state.over
        self._turn = state.turn
        if turn_ended:
            self.save()

    def finish(self) -> None:
        """Save the final state (a game cut short by a turn limit ends without an action)."""
        self.save()
