"""Which events a turn may fire, decided once per scenario, seating and turn.

Most of an event's eligibility does not depend on the game's course: its date and ``until``, and in
its trigger the calendar verbs (``date_from``, ``date_before``, ``turn_at_least``), the side, the
seats (``played``) and ``history``. :func:`turn_plan` evaluates those parts once for each turn, with
:func:`game.engine.conditions.specialise`, and keeps for each event only what must be tested against
the state (``Watch.checks``). An event whose trigger cannot be true in a turn is not in that turn's
plan at all, so the event loop skips it without evaluating anything: it used to test every event of
the deck, and most of every trigger, at every turn (a third of a game's time).

Example::

    >>> from game.content.loader import load_content
    >>> from game.engine.game import Game
    >>> game = Game(load_content(), "cn_lab")
    >>> state = game.new_game(seed=1)
    >>> plan = turn_plan(game.rules, state)
    >>> len(plan.checked) < len(game.rules.checked_events)   # later-dated events are not in turn 0's plan
    True
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import get_args

from game.content.models import Event
from game.engine.calendar import date_key
from game.engine.conditions import Check, Static, compiled, specialise
from game.engine.context import Ctx
from game.engine.rules import Rules
from game.engine.state import GameState, Lab, Side


class Watch:
    """An event that may fire this turn, with what remains to test per side it may concern.

    ``sides``: the seats in order for an ``any`` event (those for which the trigger may hold), or the
    event's own side. ``checks``: the matching trigger tests, ``None`` where the trigger surely holds.
    ``side`` and ``check``: the only side and its test when there is one side (else ``side`` is None),
    for the event loop to test inline what :meth:`targets` would.
    (A plain class with slots, and ``id``/``once`` copied from the event: the event loop reads them for
    every watch of every turn.)
    """

    __slots__ = ("_any", "check", "checks", "event", "id", "once", "side", "sides")

    def __init__(self, event: Event, sides: tuple[str, ...], checks: tuple[Check | None, ...]):
        self.event, self.sides, self.checks = event, sides, checks
        self.id, self.once, self._any = event.id, event.once, event.side == "any"
        single = len(sides) == 1
        self.side, self.check = (sides[0], checks[0]) if single else (None, None)

    def targets(self, ctx: Ctx) -> list[Lab] | None:
        """Same answer as :func:`game.engine.events.targets`: the labs concerned, ``[]`` (news), or
        ``None`` when the trigger does not hold."""
        labs = ctx.state.labs
        if self._any:
            hit = []
            for side, check in zip(self.sides, self.checks):  # noqa: B905 (same length by construction)
                lab = labs[side]
                if check is None or check(ctx, lab, side):
                    hit.append(lab)
            return hit or None
        side, check = self.sides[0], self.checks[0]
        lab = labs.get(side)
        if check is None or check(ctx, lab, side):
            return [lab] if lab else []
        return None


@dataclass(frozen=True)
class TurnPlan:
    """The dated or triggered events (``checked``) and the random ones (``random``) that may fire this
    turn, in the order the event loop considers them."""

    checked: tuple[Watch, ...]
    random: tuple[Watch, ...]


def date_eligible(event: Event, turn_end: str, date: str) -> bool:
    """The calendar part of an event's eligibility: its date has come and its ``until`` has not passed."""
    if event.date and date_key(event.date) >= turn_end:
        return False
    return not (event.until and date_key(event.until) < date)


def _watch(rules: Rules, event: Event, seats: tuple[str, ...], known: dict[str, Static] | None) -> Watch | None:
    """The event's watch for a turn, or ``None`` when its trigger is false whatever the state.

    ``known``: what is known of the turn for each side an event may concern (``None``: nothing).
    """
    sides = seats if event.side == "any" else (event.side,)
    kept_sides, checks = [], []
    for side in sides:
        if known is None:
            part: bool | Check = True if event.trigger is None else compiled(event.trigger)
        else:
            part = specialise(event.trigger, known[side])
        if part is False:
            continue
        kept_sides.append(side)
        checks.append(None if part is True else part)
    if not kept_sides:
        return None
    return Watch(event, tuple(kept_sides), tuple(checks))


def _build(rules: Rules, state: GameState, known: Static | None) -> TurnPlan:
    turn_end = rules.turn_end(state.turn)
    seats = tuple(state.seats)
    # The facts per side, made once per turn (dataclasses.replace per event was most of a plan's cost).
    by_side = None if known is None else {side: replace(known, side=side) for side in get_args(Side)}

    def watches(events: list[Event]) -> tuple[Watch, ...]:
        out = []
        for event in events:
            if date_eligible(event, turn_end, state.date):
                watch = _watch(rules, event, seats, by_side)
                if watch is not None:
                    out.append(watch)
        return tuple(out)

    return TurnPlan(watches(rules.checked_events), watches(rules.random_events))


def turn_plan(rules: Rules, state: GameState) -> TurnPlan:
    """The events that may fire at the start of ``state``'s turn (cached per turn and seating).

    The plan is specialised only for states on the calendar (``state.date`` is the turn's date, as the
    engine keeps it); for any other state (a hand-made test state) it is built for this call with
    every verb tested against the state.
    """
    turn = state.turn
    if not (0 <= turn < len(rules.dates) and state.date == rules.dates[turn]):
        return _build(rules, state, None)
    key = (turn, tuple(state.seats), tuple(state.labs))
    plan = rules.turn_plans.get(key)
    if plan is None:
        known = Static(turn, state.date, rules.turn_end(turn), rules.history, None, frozenset(state.labs))
        plan = rules.turn_plans[key] = _build(rules, state, known)
    return plan
