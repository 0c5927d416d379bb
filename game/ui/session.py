"""The UI's one door to the engine: a game in progress, changed only by submitting actions.

Scenes read ``session.state`` and call :meth:`Session.submit`; nothing else in the UI touches the
engine's state. Computer-played seats (one player in ``head_to_head``) act through their policy here.

Example::

    >>> from game.content.loader import load_content
    >>> s = Session.new(load_content(), "us_lab", seed=3, humans=["us"], options={"turn_limit": 2})
    >>> s.submit(EndTurn())            # doctest: +ELLIPSIS
    [...]
    >>> s.state.turn
    1
"""

from __future__ import annotations

from typing import Any

from game.content.loader import Content
from game.engine import actions as a
from game.engine.actions import EndTurn
from game.engine.errors import IllegalAction
from game.engine.game import Game
from game.engine.state import GameState, Lab
from game.policies import Policy, make_policy

#: The computer player that takes a seat nobody plays.
COMPUTER_POLICY = "efficient"


class Session:
    """A game being played in the window: the state, the action log, the notes, who plays which seat."""

    def __init__(self, game: Game, state: GameState, humans: list[str], actions: list[dict[str, Any]] | None = None,
                 nickname: str = ""):
        self.game = game
        self.state = state
        self.humans = [s for s in humans if s in state.seats] or list(state.seats)
        self.actions: list[dict[str, Any]] = list(actions or [])
        self.notes: list[dict[str, Any]] = []
        self.nickname = nickname
        self.computers: dict[str, Policy] = {
            side: make_policy(COMPUTER_POLICY, state.seed) for side in state.seats if side not in self.humans}
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
        state = game.new_game(seed)
        session = cls(game, state, humans, nickname=nickname)
        session.notes.append({"key": "turn.start", "turn": 0, "side": None,
                              "params": {"date": state.date, "turn": 0}})
        session.run_computers()
        return session

    @property
    def policies(self) -> dict[str, str]:
        """Who played each seat, for the result document."""
        return {side: ("human" if side in self.humans else p.name) for side, p in
                {**{s: None for s in self.humans}, **self.computers}.items()}

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

    def submit(self, action: a.Action) -> list[dict[str, Any]]:
        """Apply ``action`` for the active seat; raises ``IllegalAction`` and changes nothing if refused."""
        turn, side = self.state.turn, self.state.active
        step = self.game.apply(self.state, action)
        self.state = step.state
        self.actions.append({"turn": turn, "side": side, "action": action.to_json()})
        self.notes += step.events
        self.run_computers()
        return step.events

    def run_computers(self) -> None:
        """Let computer seats play until a human seat is active or the game ends."""
        guard = 0
        while not self.state.over and self.state.active in self.computers and guard < 500:
            policy = self.computers[self.state.active]
            legal = self.game.legal_actions(self.state)
            action = policy.choose(self.game, self.state, legal) if guard < 200 else EndTurn()
            turn, side = self.state.turn, self.state.active
            step = self.game.apply(self.state, action)
            self.state = step.state
            self.actions.append({"turn": turn, "side": side, "action": action.to_json()})
            self.notes += step.events
            guard += 1

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
        if not self.state.over:
            step = self.game.conclude(self.state)
            self.state = step.state
            self.notes += step.events

    def visible_notes(self, turn: int | None = None) -> list[dict[str, Any]]:
        """Notes the viewer may see (in hot-seat, not the other lab's private moves), for ``turn``."""
        viewer = self.viewer
        out = []
        for note in self.notes:
            if turn is not None and note.get("turn") != turn:
                continue
            side = note.get("side")
            private = note["key"].startswith(("action.", "accounts", "training.", "research.", "grey."))
            if private and side not in (None, viewer):
                continue
            out.append(note)
        return out
