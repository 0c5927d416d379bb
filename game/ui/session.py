"""The UI's one door to the engine: a game in progress, changed only by submitting actions.

Scenes read ``session.state`` and call :meth:`Session.submit`; nothing else in the UI touches the
engine's state. The game itself is a :class:`~game.match.Match`: computer-played seats (one player in
``head_to_head``) act through their policy there.

Example::

    >>> from game.content.loader import load_content
    >>> s = Session.new(load_content(), "us_lab", seed=3, humans=["us"], options={"turn_limit": 2})
    >>> from game.engine.actions import EndTurn
    >>> s.submit(EndTurn())            # doctest: +ELLIPSIS
    [Note(key='turn.end', ...]
    >>> s.state.turn
    1
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from game.content.models import Content
from game.engine import actions as a
from game.engine.errors import IllegalAction
from game.engine.game import Game
from game.engine.notes import LogEntry, Note
from game.engine.state import GameState, Lab
from game.match import Match
from game.policies import Policy, make_policy
from game.saves.shelf import new_game_id

#: The computer player that takes a seat nobody plays.
COMPUTER_POLICY = "efficient"
#: The one it sends at the "hard" difficulty: the search player, which looks ahead through the engine.
HARD_COMPUTER_POLICY = "search"


def computer_policy(game: Game) -> str:
    """The policy of a seat nobody plays: the search player at the "hard" difficulty.

    Example::

        >>> from game.content.loader import load_content
        >>> computer_policy(Game(load_content(), "head_to_head", {"difficulty": "hard"}))
        'search'
    """
    return HARD_COMPUTER_POLICY if game.options.difficulty == "hard" else COMPUTER_POLICY


class Session:
    """A game being played in the window: a :class:`~game.match.Match` (state, action log, notes, who
    plays which seat) and what the window remembers about it (what each seat last saw)."""

    def __init__(self, game: Game, state: GameState, humans: list[str], actions: Iterable[LogEntry] = (),
                 nickname: str = "", notes: Iterable[Note] = (), game_id: str = ""):
        people = [s for s in humans if s in state.seats] or list(state.seats)
        computers = {side: make_policy(computer_policy(game), state.seed) for side in state.seats if side not in people}
        self.match = Match(game, state, computers, log=list(actions), notes=list(notes))
        self.nickname = nickname
        #: Names this game's own autosave (game.saves.shelf); kept when the game is saved and loaded.
        self.game_id = game_id or new_game_id(state.scenario, state.seed)
        #: Each human seat's lab as it was when that seat last looked at its summary (for deltas).
        self.seen: dict[str, dict[str, Any]] = {side: self.snapshot(side) for side in self.humans}
        #: Event cards already shown, as (turn, event, side): the window's memory, not the game's.
        self.shown_cards: set[tuple[int, str, str | None]] = set()
        #: The seat the window was last handed to (hot-seat: a "pass the laptop" screen in between).
        self.shown_to: str | None = None
        #: (turn, seat) that already had the day's newspaper front page (game.ui.scenes.frontpage).
        self.front_pages: set[tuple[int, str]] = set()

    @classmethod
    def new(cls, content: Content, scenario: str, seed: int, humans: list[str],
            options: dict[str, Any] | None = None, nickname: str = "") -> Session:
        game = Game(content, scenario, options or {})
        start = Match.new(game, seed)  # (a lesson of the last turns: the turns before played by history)
        session = cls(game, start.state, humans, start.log, nickname=nickname, notes=start.notes)
        session.match.play_computer_seats()
        return session

    @property
    def game(self) -> Game:
        return self.match.game

    @game.setter
    def game(self, game: Game) -> None:
        """Content reloaded during a game (F5 with mods) replaces the rules the game goes on with."""
        self.match.game = game

    @property
    def state(self) -> GameState:
        return self.match.state

    @property
    def actions(self) -> list[LogEntry]:
        """The action log from the start (saves and result documents write it)."""
        return self.match.log

    @property
    def notes(self) -> list[Note]:
        """Everything the engine emitted since the game was opened (both seats' private notes too)."""
        return self.match.notes

    @property
    def humans(self) -> list[str]:
        return self.match.humans

    @property
    def computers(self) -> dict[str, Policy]:
        return self.match.computers

    @property
    def policies(self) -> dict[str, str]:
        """Who played each seat, for the result document."""
        return self.match.policies

    @property
    def two_players(self) -> bool:
        return len(self.humans) > 1

    @property
    def viewer(self) -> str:
        """The seat whose figures the window shows: the active one if human, else the first human."""
        return self.state.active if self.state.active in self.humans else self.humans[0]

    def lab(self) -> Lab:
        return self.state.labs[self.viewer]

    def snapshot(self, side: str) -> dict[str, Any]:
        lab = self.state.labs[side]
        return {"turn": self.state.turn, "lab": lab.model_dump(mode="json"),
                "stocks": dict(self.state.world.stocks)}

    def submit(self, action: a.Action) -> list[Note]:
        """Apply ``action`` for the active seat, then let computer seats play; returns the action's
        notes. Raises ``IllegalAction`` and changes nothing if refused."""
        notes = self.match.submit(action)
        self.match.play_computer_seats()
        return notes

    def reason(self, action: a.Action) -> IllegalAction | None:
        """Why ``action`` would be refused now, or ``None`` if it is allowed."""
        try:
            self.game.check(self.state, action)
        except IllegalAction as exc:
            return exc
        return None

    def preview(self, action: a.Action) -> GameState | None:
        """The state ``action`` would lead to (the engine's own answer), or ``None`` if refused."""
        try:
            return self.game.apply(self.state, action).state
        except IllegalAction:
            return None

    def conclude(self) -> None:
        """End the game now (a facilitator's stop): the engine scores it as it stands."""
        self.match.conclude()

    def visible_notes(self, turn: int | None = None, side: str | None = None) -> list[Note]:
        """The notes ``side`` (by default the viewer) may read, of ``turn`` or all: in hot-seat, not
        the other lab's private notes (the engine decides which notes are private)."""
        return self.match.visible_notes(side or self.viewer, turn)
