"""Evaluate content conditions against the state.

Three ways to run the same semantics:

- :func:`evaluate` walks the condition tree at each call: the reference interpreter, short and
  obviously right, which the tests compare the two others against;
- :func:`holds` runs the condition compiled once into nested closures (:func:`compiled`): no type
  dispatch nor attribute look-ups of the content model at each call;
- :func:`specialise` compiles it for a known situation (:class:`Static`: turn, date, side, seats,
  history), folding every part that does not depend on the state to ``True``/``False``: the result is
  ``True``, ``False`` or a closure for what is left. The event loop uses it (game.engine.triggers)
  to skip, without a look, the events that cannot fire in a turn.

Example::

    >>> from pydantic import TypeAdapter
    >>> from game.content.conditions import Condition
    >>> cond = TypeAdapter(Condition).validate_python({"all": [{"side": "cn"}, {"flag": "crash"}]})
    >>> specialise(cond, Static(turn=0, date="2019-07-01", turn_end="2019-10-01", history=True,
    ...                         side="us", played=frozenset({"cn"})))
    False
    >>> holds(cond, ctx, lab=None)   # doctest: +SKIP
    False
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from game.content import conditions as c
from game.engine.calendar import date_key
from game.engine.context import Ctx
from game.engine.state import Lab
from game.engine.training import monthly_compute


def lab_stat(ctx: Ctx, lab: Lab, stat: str) -> int:
    """A lab figure by name, as conditions and goals read it."""
    if stat == "compute":
        return monthly_compute(ctx.rules, lab)
    return int(getattr(lab, stat))


def _in_range(value: int, at_least: int | None, below: int | None) -> bool:
    return (at_least is None or value >= at_least) and (below is None or value < below)


def frontier(ctx: Ctx) -> int:
    """The best capability on the market (released by a played lab or an active rival)."""
    best = None  # plain loops, no lists: several conditions and every turn's users ask for it
    for lab in ctx.state.labs.values():
        if best is None or lab.released > best:
            best = lab.released
    for rival in ctx.state.rivals:
        if rival.active and (best is None or rival.capability > best):
            best = rival.capability
    return 0 if best is None else best


def cheap_frontier_owner(ctx: Ctx, cond: c.CheapFrontier, own: Lab | None = None) -> str | None:
    """The name of a released model that is cheap and near the frontier, or ``None``.

    With ``owner: self`` only ``own`` (the lab the event concerns) counts.
    """
    top = frontier(ctx)
    if cond.owner in ("any", "player", "self"):
        labs = ([own] if own is not None else []) if cond.owner == "self" else ctx.state.labs.values()
        for lab in labs:
            if lab.released and lab.price_cents <= cond.max_price_cents and lab.released >= top - cond.within:
                return lab.name
    if cond.owner in ("any", "rival"):
        for rival in ctx.state.rivals:
            if (rival.active and rival.price_cents <= cond.max_price_cents
                    and rival.capability >= top - cond.within):
                return rival.name
    return None


# --- the reference interpreter -------------------------------------------------------------------------
def _all(conditions: Any, ctx: Ctx, lab: Lab | None, side: str | None) -> bool:
    return all(evaluate(cond, ctx, lab, side) for cond in conditions)


def _any(conditions: Any, ctx: Ctx, lab: Lab | None, side: str | None) -> bool:
    return any(evaluate(cond, ctx, lab, side) for cond in conditions)


_CHECKS: dict[type, Callable[[Any, Ctx, Lab | None, str | None], bool]] = {
    c.AllOf: lambda k, ctx, lab, side: _all(k.conditions, ctx, lab, side),
    c.AnyOf: lambda k, ctx, lab, side: _any(k.conditions, ctx, lab, side),
    c.Not: lambda k, ctx, lab, side: not evaluate(k.condition, ctx, lab, side),
    c.DateFrom: lambda k, ctx, lab, side: ctx.rules.turn_end(ctx.state.turn) > date_key(k.date),
    c.DateBefore: lambda k, ctx, lab, side: ctx.state.date < date_key(k.date),
    c.SideIs: lambda k, ctx, lab, side: side == k.side,
    c.HistoryOn: lambda k, ctx, lab, side: ctx.rules.history == k.on,
    c.FlagSet: lambda k, ctx, lab, side: k.name in ctx.state.world.flags,
    c.Fired: lambda k, ctx, lab, side: k.event in ctx.fired_ids(),
    c.ChipBanned: lambda k, ctx, lab, side: k.chip in ctx.state.world.banned,
    c.StatRange: lambda k, ctx, lab, side: lab is not None
    and _in_range(lab_stat(ctx, lab, k.stat), k.at_least, k.below),
    c.Owns: lambda k, ctx, lab, side: lab is not None and lab.chips.get(k.chip, 0) >= k.count,
    c.TechDone: lambda k, ctx, lab, side: lab is not None and k.tech in lab.techs,
    c.CheapFrontier: lambda k, ctx, lab, side: cheap_frontier_owner(ctx, k, lab) is not None,
    c.Played: lambda k, ctx, lab, side: (side in ctx.state.labs) == k.on,
    c.Sentiment: lambda k, ctx, lab, side: _in_range(ctx.state.world.sentiment, k.at_least, k.below),
    c.TurnAtLeast: lambda k, ctx, lab, side: ctx.state.turn + 1 >= k.turn,
}


def evaluate(cond: Any, ctx: Ctx, lab: Lab | None, side: str | None = None) -> bool:
    """Whether ``cond`` is true now, by walking the tree: the reference for :func:`holds`.

    Conditions on a lab's figures are false when the event concerns no played lab.
    """
    if cond is None:
        return True
    return _CHECKS[type(cond)](cond, ctx, lab, side if side is not None else (lab.side if lab else None))


# --- compiled conditions ------------------------------------------------------------------------------
#: A compiled condition: (ctx, the lab the event concerns or None, its side) -> whether it holds.
Check = Callable[[Ctx, "Lab | None", "str | None"], bool]


@dataclass(frozen=True)
class Static:
    """What is known before a turn starts, for one event target: enough to decide the calendar, side,
    seat and history verbs without the state."""

    turn: int
    date: str  # the turn's start date (state.date)
    turn_end: str  # Rules.turn_end(turn)
    history: bool
    side: str | None  # the side the event concerns
    played: frozenset[str]  # the sides with a lab in the game (state.labs)


def _all_of(parts: tuple[Check, ...]) -> Check:
    if len(parts) == 2:  # the common shape ({date_from…} and one test of the state): no loop
        first, second = parts
        return lambda ctx, lab, side: first(ctx, lab, side) and second(ctx, lab, side)

    def check(ctx: Ctx, lab: Lab | None, side: str | None) -> bool:
        for part in parts:  # noqa: SIM110 (a plain loop: cheaper than all() over a generator)
            if not part(ctx, lab, side):
                return False
        return True

    return check


def _any_of(parts: tuple[Check, ...]) -> Check:
    def check(ctx: Ctx, lab: Lab | None, side: str | None) -> bool:
        for part in parts:  # noqa: SIM110 (as in _all_of)
            if part(ctx, lab, side):
                return True
        return False

    return check


def _not(part: Check) -> Check:
    return lambda ctx, lab, side: not part(ctx, lab, side)


def _bounds(at_least: int | None, below: int | None) -> tuple[float, float]:
    # Infinite bounds for missing ones: Python compares ints with floats exactly, and one chained
    # comparison is cheaper than two tests for None at every call.
    return (-math.inf if at_least is None else at_least, math.inf if below is None else below)


def _stat_check(k: c.StatRange) -> Check:
    low, high = _bounds(k.at_least, k.below)
    if k.stat == "compute":
        return lambda ctx, lab, side: lab is not None and low <= monthly_compute(ctx.rules, lab) < high
    stat = k.stat  # a Lab field; open_weights is a bool, which compares as 0 or 1
    return lambda ctx, lab, side: lab is not None and low <= getattr(lab, stat) < high


def _sentiment_check(k: c.Sentiment) -> Check:
    low, high = _bounds(k.at_least, k.below)
    return lambda ctx, lab, side: low <= ctx.state.world.sentiment < high


def _dynamic(k: Any) -> Check:
    """The closure for a verb that reads the state (or, without a :class:`Static`, for any verb)."""
    kind = type(k)
    if kind is c.FlagSet:
        name = k.name
        return lambda ctx, lab, side: name in ctx.state.world.flags
    if kind is c.Fired:
        event = k.event
        return lambda ctx, lab, side: event in ctx.fired_ids()
    if kind is c.ChipBanned:
        chip = k.chip
        return lambda ctx, lab, side: chip in ctx.state.world.banned
    if kind is c.StatRange:
        return _stat_check(k)
    if kind is c.Owns:
        chip, count = k.chip, k.count
        return lambda ctx, lab, side: lab is not None and lab.chips.get(chip, 0) >= count
    if kind is c.TechDone:
        tech = k.tech
        return lambda ctx, lab, side: lab is not None and tech in lab.techs
    if kind is c.CheapFrontier:
        return lambda ctx, lab, side: cheap_frontier_owner(ctx, k, lab) is not None
    if kind is c.Sentiment:
        return _sentiment_check(k)
    if kind is c.DateFrom:
        day = date_key(k.date)
        return lambda ctx, lab, side: ctx.rules.turn_end(ctx.state.turn) > day
    if kind is c.DateBefore:
        day = date_key(k.date)
        return lambda ctx, lab, side: ctx.state.date < day
    if kind is c.SideIs:
        wanted = k.side
        return lambda ctx, lab, side: side == wanted
    if kind is c.HistoryOn:
        on = k.on
        return lambda ctx, lab, side: ctx.rules.history == on
    if kind is c.Played:
        on = k.on
        return lambda ctx, lab, side: (side in ctx.state.labs) == on
    if kind is c.TurnAtLeast:
        turn = k.turn
        return lambda ctx, lab, side: ctx.state.turn + 1 >= turn
    raise TypeError(f"no compiled form for condition {kind.__name__}")


#: Verbs about the lab an event concerns: false when that side has no lab.
_LAB_VERBS = (c.StatRange, c.Owns, c.TechDone)


def _static_value(k: Any, known: Static) -> bool | None:
    """The verb's value from what is known before the turn, or ``None`` when it reads the state."""
    kind = type(k)
    if kind is c.DateFrom:
        return known.turn_end > date_key(k.date)
    if kind is c.DateBefore:
        return known.date < date_key(k.date)
    if kind is c.SideIs:
        return known.side == k.side
    if kind is c.HistoryOn:
        return known.history == k.on
    if kind is c.Played:
        return (known.side in known.played) == k.on
    if kind is c.TurnAtLeast:
        return known.turn + 1 >= k.turn
    if kind in _LAB_VERBS and known.side not in known.played:
        return False
    return None


def specialise(cond: Any, known: Static | None) -> bool | Check:
    """``cond`` compiled for the situation ``known`` (``None``: nothing known, compile every verb).

    Three-valued: ``True`` or ``False`` when the known facts decide it whatever the state, otherwise
    the closure that tests what remains (an ``all`` with a false part is false, its true parts are
    dropped, and so on). With ``known``, the closure is only valid in that situation.
    """
    if cond is None:
        return True
    kind = type(cond)
    if kind is c.AllOf or kind is c.AnyOf:
        # ``stop`` decides the whole (a true part of an ``any``, a false part of an ``all``); parts equal
        # to ``neutral`` change nothing and are dropped.
        stop = kind is c.AnyOf
        neutral = not stop
        parts = []
        for sub in cond.conditions:
            part = specialise(sub, known)
            if part is stop:
                return stop
            if part is not neutral:
                parts.append(part)
        if not parts:
            return neutral
        if len(parts) == 1:
            return parts[0]
        return _any_of(tuple(parts)) if stop else _all_of(tuple(parts))
    if kind is c.Not:
        inner = specialise(cond.condition, known)
        return (not inner) if isinstance(inner, bool) else _not(inner)
    if known is not None:
        value = _static_value(cond, known)
        if value is not None:
            return value
    return _dynamic(cond)


# Compiled conditions by id(). The entry keeps the condition itself alive, so that its id cannot be
# reused by another object while the entry exists (conditions are not hashable: they hold lists).
_COMPILED: dict[int, tuple[Any, Check]] = {}
_COMPILED_MAX = 20_000  # content holds a few thousand at most; tests build throw-away ones


def compiled(cond: Any) -> Check:
    """``cond`` compiled once (cached): a closure ``(ctx, lab, side) -> bool``."""
    entry = _COMPILED.get(id(cond))
    if entry is not None and entry[0] is cond:
        return entry[1]
    result = specialise(cond, None)
    check: Check = (lambda ctx, lab, side: result) if isinstance(result, bool) else result
    if len(_COMPILED) >= _COMPILED_MAX:
        _COMPILED.clear()
    _COMPILED[id(cond)] = (cond, check)
    return check


def holds(cond: Any, ctx: Ctx, lab: Lab | None, side: str | None = None) -> bool:
    """Whether ``cond`` is true now, for the lab (and side) an event concerns.

    Conditions on a lab's figures are false when the event concerns no played lab. Same answer as
    :func:`evaluate`, from the compiled form.
    """
    if cond is None:
        return True
    return compiled(cond)(ctx, lab, side if side is not None else (lab.side if lab else None))
