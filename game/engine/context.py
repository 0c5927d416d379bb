"""What a rule needs while it runs: the rules, the state being changed, the generator, the output."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from game.engine.notes import Note
from game.engine.rng import LazyGenerator
from game.engine.rules import Rules
from game.engine.state import GameState, Lab

# The ids of the log the last context read, for the next context: every engine call builds a new Ctx,
# and with apply_in_place a game's log is the same list from one call to the next, so each end of turn
# would re-read the whole log. One entry (one game at a time); a replaced or shortened log misses.
_LAST_FIRED: list[Any] = [None, set(), 0]  # log, its ids, records counted


@dataclass(slots=True)  # slots: built for every call into the engine, read on every rule's path
class Ctx:
    #: Whether this context keeps the record of the game: the notes (``emit``) and the figures after
    #: each turn (``state.series``). Screens, saves and reports read them; see :class:`QuietCtx`.
    records: ClassVar[bool] = True

    rules: Rules
    state: GameState
    rng: LazyGenerator  # numpy's Generator methods, plus draw_int
    out: list[Note] = field(default_factory=list)  # what ``emit`` recorded, in order
    # The ids in state.fired, for ``fired_ids`` (extended as the log grows, never rebuilt per question).
    _fired: set[str] | None = field(default=None, repr=False)  # (made on first use: most calls never ask)
    _fired_seen: int = field(default=0, repr=False)
    _fired_log: list[Any] | None = field(default=None, repr=False)

    def fired_ids(self) -> set[str]:
        """Ids of every event in ``state.fired`` now (conditions ask "has X fired?" many times a turn).

        The log only grows by appending records whose ``event`` never changes, so the set is extended
        with the new records; it is rebuilt if the log was replaced or shortened.
        """
        log = self.state.fired
        if self._fired is None or log is not self._fired_log or len(log) < self._fired_seen:
            last_log, ids, seen = _LAST_FIRED
            if last_log is log and seen <= len(log):  # the same game's log as the previous call's
                self._fired, self._fired_seen = ids, seen
            else:
                self._fired, self._fired_seen = set(), 0
            self._fired_log = log
        if len(log) > self._fired_seen:
            self._fired.update(record.event for record in log[self._fired_seen:])
            self._fired_seen = len(log)
            _LAST_FIRED[:] = (log, self._fired, self._fired_seen)
        return self._fired

    def emit(self, key: str, side: str | None = None, **params: Any) -> None:
        """Record something that happened, as a message key and its parameters (never a sentence).

        The :class:`~game.engine.notes.Note` is private to ``side`` when its key says so (see
        :data:`~game.engine.notes.PRIVATE_KEYS`): rules only say what happened, never who may read it.
        """
        self.out.append(Note.of(key, self.state.turn, side, params))

    @property
    def months(self) -> int:
        """Length of the current turn in months."""
        return self.rules.months(self.state.turn)  # precomputed: this is read on every rule's hot path

    def lab(self, side: str | None) -> Lab | None:
        return self.state.labs.get(side) if side else None


@dataclass(slots=True)
class QuietCtx(Ctx):
    """A context that keeps no record: ``emit`` drops its note and the turn adds nothing to
    ``state.series``. For batch simulation, which reads only the outcome of each game: nothing in the
    rules reads the notes or the series, so the game itself is the same (tests/sim check it), and it
    costs a tenth less without them.
    """

    records: ClassVar[bool] = False

    def emit(self, key: str, side: str | None = None, **params: Any) -> None:
        return None
