"""One game being played: its rules, its state, its action log and its notes, and who plays each seat.

Everything that plays a game goes through a :class:`Match`: the window (``game.ui.session``), headless
play (:func:`play_game`, for ``run``, ``simulate``, the demo and the tests), autosave and replay. A human
seat's action comes in through :meth:`Match.submit`; :meth:`Match.play_computer_seats` lets the
computer policies play until a human seat must act or the game ends. Each action is logged once, as a
:class:`~game.engine.notes.LogEntry`, with the notes the engine emitted for it.

Example::

    >>> from game.content.loader import load_content
    >>> from game.engine.actions import EndTurn
    >>> game = Game(load_content(), "head_to_head")
    >>> match = Match.new(game, seed=3, computers={"cn": "cautious"})
    >>> match.humans, match.state.active
    (['us'], 'us')
    >>> while any(card.side == "us" for card in match.state.pending):   # news cards wait for an answer
    ...     _ = match.submit(game.legal_actions(match.state)[0])
    >>> _ = match.submit(EndTurn())
    >>> match.play_computer_seats()                   # the computer plays China's turn
    >>> match.state.turn, match.state.active, match.log[-1].side
    (1, 'us', 'cn')
    >>> all(n.visible_to("us") for n in match.visible_notes("us"))
    True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from game.engine.actions import Action, EndTurn
from game.engine.game import Game
from game.engine.notes import LogEntry, Note
from game.engine.state import GameState
from game.policies import Policy, make_policy

#: A computer seat that has taken this many actions in one turn without ending it is stuck in a loop:
#: its turn is ended for it. The one limit on a turn's length.
MAX_ACTIONS_PER_TURN = 200

#: Called after every action with the state after it, the action and the notes it emitted.
OnStep = Callable[[GameState, Action, list[Note]], None]


@dataclass(eq=False, slots=True)  # slots: read on every action of every simulated game
class Match:
    """A game in progress. ``computers`` maps the seats the computer plays to their policy; every other
    seat is human and acts through :meth:`submit`.

    ``record=False`` keeps no log and no notes (batch simulation reads only the final state).
    ``in_place=True`` changes ``state`` itself at each action instead of replacing it with a changed
    copy (fast, for headless play; the window keeps each state unchanged, as screens may hold one).
    ``on_step`` is called after every action (autosave, tests, benchmarks).
    """

    game: Game
    state: GameState
    computers: dict[str, Policy] = field(default_factory=dict)
    log: list[LogEntry] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    record: bool = True
    in_place: bool = False
    on_step: OnStep | None = None
    #: Actions since the last end of a turn (a loaded game starts counting afresh).
    _since_end: int = field(default=0, init=False, repr=False)

    @classmethod
    def new(cls, game: Game, seed: int, computers: Mapping[str, str | Policy] | None = None,
            seats: Iterable[str] | None = None, *, record: bool = True, in_place: bool = False,
            on_step: OnStep | None = None) -> Match:
        """A new game of ``seed`` (``seats`` defaults to every side of the scenario), with the notes of
        its first turn's start. ``computers`` names a policy (made with ``seed``) or gives one per seat.

        Example::

            >>> from game.content.loader import load_content
            >>> match = Match.new(Game(load_content(), "cn_lab"), seed=1)
            >>> match.humans, match.notes[0].key
            (['cn'], 'turn.start')
        """
        first = game.start(seed, seats)
        players = {side: p if isinstance(p, Policy) else make_policy(p, seed)
                   for side, p in (computers or {}).items()}
        match = cls(game, first.state, players, notes=first.notes if record else [], record=record,
                    in_place=in_place, on_step=on_step)
        if game.rules.first_turn:
            match.play_history_until(game.rules.first_turn, seed)
        return match

    def play_history_until(self, turn: int, seed: int) -> None:
        """A lesson of the calendar's last turns: the turns before ``turn`` are played as history played
        them, by the ``history`` policy at every seat (the real labs' choices: chips, runs, releases, the
        record's answer on every card). Its actions are logged like any others, so a save replays them;
        the notes kept start with the turn the players take over.
        """
        players = self.computers
        self.computers = {side: make_policy("history", seed) for side in self.state.seats}
        self.play_computer_seats(until_turn=turn)
        self.computers = players
        self.notes = [n for n in self.notes if n.turn >= turn]

    @property
    def humans(self) -> list[str]:
        """The seats people play, in seat order."""
        return [side for side in self.state.seats if side not in self.computers]

    @property
    def policies(self) -> dict[str, str]:
        """Who plays each seat: ``"human"`` or the computer policy's name (for result documents)."""
        return {side: self.computers[side].name if side in self.computers else "human"
                for side in self.state.seats}

    def submit(self, action: Action) -> list[Note]:
        """Apply ``action`` for the active seat, a human one; log it and keep its notes, and return
        them. Raises the engine's ``IllegalAction`` (and changes nothing) when the action is refused.

        Example::

            >>> from game.content.loader import load_content
            >>> from game.engine.actions import Hire
            >>> match = Match.new(Game(load_content(), "us_lab"), seed=7)
            >>> while match.state.pending:
            ...     _ = match.submit(match.game.legal_actions(match.state)[0])
            >>> [n.key for n in match.submit(Hire(count=10))], match.log[-1].to_json()["action"]
            (['action.hire'], {'type': 'hire', 'count': 10})
        """
        if self.state.active in self.computers:
            raise ValueError(f"the computer plays '{self.state.active}': let it play (play_computer_seats)")
        return self._play(action)

    def play_computer_seats(self, until_turn: int | None = None) -> None:
        """Let the computer seats play until a human seat must act or the game ends (or, with
        ``until_turn``, that turn begins). A seat still acting after :data:`MAX_ACTIONS_PER_TURN`
        actions in one turn has its turn ended."""
        game, computers = self.game, self.computers  # (locals: this loop is batch simulation's)
        while True:
            state = self.state
            if state.over or state.active not in computers or (until_turn is not None and state.turn >= until_turn):
                return
            if self._since_end >= MAX_ACTIONS_PER_TURN:
                action: Action = EndTurn()
            else:
                action = computers[state.active].choose(game, state, game.legal_actions(state))
            self._play(action)

    def _play(self, action: Action) -> list[Note]:
        """Apply ``action`` for the active seat and record it: the one place a log entry is made."""
        entry = LogEntry.taken(self.state, action) if self.record else None
        if self.in_place:
            notes = self.game.apply_in_place(self.state, action)
        else:
            step = self.game.apply(self.state, action)
            self.state, notes = step.state, step.notes
        self._since_end = 0 if isinstance(action, EndTurn) else self._since_end + 1
        if entry is not None:
            self.log.append(entry)
            self.notes += notes
        if self.on_step is not None:
            self.on_step(self.state, action, notes)
        return notes

    def conclude(self) -> list[Note]:
        """End the game now, scored as it stands (a facilitator's stop, a turn limit); its notes."""
        if self.state.over:
            return []
        step = self.game.conclude(self.state)
        self.state = step.state
        if self.record:
            self.notes += step.notes
        return step.notes

    def visible_notes(self, side: str, turn: int | None = None) -> list[Note]:
        """The notes the player of ``side`` may read (the engine's privacy), of ``turn`` or all.

        Example::

            >>> from game.content.loader import load_content
            >>> match = Match.new(Game(load_content(), "head_to_head"), seed=2, computers={"us": "cautious"})
            >>> any(n.private_to == "us" for n in match.visible_notes("cn"))
            False
        """
        return [n for n in self.notes if (turn is None or n.turn == turn) and n.visible_to(side)]


def play_game(game: Game, seed: int, policies: Mapping[str, str | Policy], max_turns: int | None = None,
              state: GameState | None = None, on_step: OnStep | None = None, record: bool = True) -> Match:
    """Computer policies play every seat of a new game (or of a copy of ``state``) until the end, or
    ``max_turns`` turns (then the game is concluded as it stands). Returns the :class:`Match`.

    With ``record=False`` the match's ``log`` and ``notes`` stay empty: for callers that read only the
    final state (batch simulation).

    Example::

        >>> from game.content.loader import load_content
        >>> played = play_game(Game(load_content(), "us_lab"), seed=3, policies={"us": "cautious"})
        >>> played.state.over, played.log[0].side
        (True, 'us')
    """
    if state is None:
        match = Match.new(game, seed, policies, list(policies), record=record, in_place=True, on_step=on_step)
    else:
        players = {side: p if isinstance(p, Policy) else make_policy(p, seed) for side, p in policies.items()}
        match = Match(game, state.model_copy(deep=True), players, record=record, in_place=True, on_step=on_step)
    match.play_computer_seats(None if max_turns is None else match.state.turn + max_turns)
    if max_turns is not None:
        match.conclude()
    return match
