"""What a rule needs while it runs: the rules, the state being changed, the generator, the output."""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np

from game.engine.notes import Note
from game.engine.rules import Rules
from game.engine.state import Fired, GameState, Lab


class Ctx:
    """What a rule needs while it runs (a plain class with slots: one is made for every call into the
    engine, twice a step)."""

    __slots__ = ("_fired", "months", "out", "rng", "rules", "state")

    #: Whether this context keeps the record of the game: the notes (``emit``) and the figures after
    #: each turn (``state.series``). Screens, saves and reports read them; see :class:`QuietCtx`.
    records: ClassVar[bool] = True

    def __init__(self, rules: Rules, state: GameState, rng: np.random.Generator):
        self.rules = rules
        self.state = state
        self.rng = rng  # (NO_DRAWS where the call may not draw)
        self.out: list[Note] = []  # what ``emit`` recorded, in order
        #: Length of the current turn in months: read on every rule's hot path, so a plain field, set
        #: here and by :meth:`next_turn` (the state's turn is always one of the calendar's: the last turn
        #: ends the game instead of moving past it).
        self.months: int = rules.months_per_turn[state.turn]
        #: The ids in ``state.fired``, made at the first :meth:`fired_ids` of this call into the engine
        #: and kept up to date by :meth:`record_fired` (a ``fired`` condition asks for it at every test).
        self._fired: set[str] | None = None

    def next_turn(self) -> None:
        """Move the state on to its next turn (the calendar has one)."""
        self.state.turn += 1
        self.months = self.rules.months_per_turn[self.state.turn]

    def fired_ids(self) -> set[str]:
        """Ids of every event in ``state.fired`` now (the context's own set: do not change it)."""
        if self._fired is None:
            self._fired = {record.event for record in self.state.fired}
        return self._fired

    def record_fired(self, record: Fired) -> None:
        """Append ``record`` to ``state.fired``: the one way the rules log an event that fires."""
        self.state.fired.append(record)
        if self._fired is not None:
            self._fired.add(record.event)

    def emit(self, key: str, side: str | None = None, **params: Any) -> None:
        """Record something that happened, as a message key and its parameters (never a sentence).

        The :class:`~game.engine.notes.Note` is private to ``side`` when its key says so (see
        :data:`~game.engine.notes.PRIVATE_KEYS`): rules only say what happened, never who may read it.
        """
        self.out.append(Note.of(key, self.state.turn, side, params))

    def lab(self, side: str | None) -> Lab | None:
        return self.state.labs.get(side) if side else None


class QuietCtx(Ctx):
    """A context that keeps no record: ``emit`` drops its note and the turn adds nothing to
    ``state.series``. For batch simulation, which reads only the outcome of each game: nothing in the
    rules reads the notes or the series, so the game itself is the same (tests/sim check it), and it
    costs a tenth less without them.
    """

    __slots__ = ()
    records: ClassVar[bool] = False

    def emit(self, key: str, side: str | None = None, **params: Any) -> None:
        return None
