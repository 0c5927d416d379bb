"""Evaluate content conditions against the state: one evaluator, which walks the condition tree.

Example::

    >>> from pydantic import TypeAdapter
    >>> from game.content.conditions import Condition
    >>> from game.content.loader import load_content
    >>> from game.engine.game import Game
    >>> from game.engine.rng import NO_DRAWS
    >>> game = Game(load_content(), "cn_lab")
    >>> ctx = Ctx(game.rules, game.new_game(seed=1), NO_DRAWS)
    >>> cond = TypeAdapter(Condition).validate_python({"all": [{"side": "cn"}, {"flag": "crash"}]})
    >>> evaluate(cond, ctx, ctx.state.labs["cn"]), evaluate(cond.conditions[0], ctx, None, "cn")
    (False, True)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.content import conditions as c
from game.engine.calendar import has_come, is_before
from game.engine.context import Ctx
from game.engine.plain import RECORDS
from game.engine.runway import runway_turns
from game.engine.state import Lab
from game.engine.training import monthly_compute


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
    owner, most, near = cond.owner, cond.max_price_cents, frontier(ctx) - cond.within  # (each read once)
    if owner in ("any", "player", "self"):
        labs = ([own] if own is not None else []) if owner == "self" else ctx.state.labs.values()
        for lab in labs:
            if lab.released and lab.price_cents <= most and lab.released >= near:
                return lab.name
    if owner in ("any", "rival"):
        for rival in ctx.state.rivals:
            if rival.active and rival.price_cents <= most and rival.capability >= near:
                return rival.name
    return None


# --- the evaluator ----------------------------------------------------------------------------------------
def _all(k: c.AllOf, ctx: Ctx, lab: Lab | None, side: str | None) -> bool:
    for cond in k.conditions:  # noqa: SIM110 (a plain loop: cheaper than all() over a generator)
        if not CHECKS[type(cond)](cond, ctx, lab, side):
            return False
    return True


def _any(k: c.AnyOf, ctx: Ctx, lab: Lab | None, side: str | None) -> bool:
    for cond in k.conditions:  # noqa: SIM110 (as in _all)
        if CHECKS[type(cond)](cond, ctx, lab, side):
            return True
    return False


def _owns_any(k: c.OwnsAny, ctx: Ctx, lab: Lab | None, side: str | None) -> bool:
    """Chips of a maker (any case) or of a listed class, all types together, against ``count``."""
    if lab is None:
        return False
    if k.chips is not None:
        kinds = k.chips
    else:
        maker = (k.maker or "").casefold()
        kinds = [ident for ident, chip in ctx.rules.chips.items() if chip.maker.casefold() == maker]
    return sum(lab.chips.get(ident, 0) for ident in kinds) >= k.count


def _stat(k: c.StatRange, ctx: Ctx, lab: Lab | None, side: str | None) -> bool:
    if lab is None:
        return False
    stat, at_least, below = k.stat, k.at_least, k.below  # (each field read once: a verb's reads are slow)
    value = monthly_compute(ctx.rules, lab) if stat == "compute" else getattr(lab, stat)
    return (at_least is None or value >= at_least) and (below is None or value < below)


def _runway(k: c.CashRunway, ctx: Ctx, lab: Lab | None, side: str | None) -> bool:
    if lab is None:
        return False
    turns = runway_turns(ctx.rules, ctx.state, lab, horizon=k.below)
    return turns is not None and turns < k.below


#: One check per verb: (condition, ctx, the lab the event concerns or None, its side) -> whether it holds.
#: ``CHECKS[type(cond)](cond, ctx, lab, side)`` is ``evaluate(cond, ctx, lab, side)`` for a condition that
#: is not None and a side given (the event loop calls it so).
CHECKS: dict[type, Callable[[Any, Ctx, Lab | None, str | None], bool]] = {
    c.AllOf: _all,
    c.AnyOf: _any,
    c.Not: lambda k, ctx, lab, side: not CHECKS[type(k.condition)](k.condition, ctx, lab, side),
    c.DateFrom: lambda k, ctx, lab, side: has_come(k.date, ctx.rules.turn_end(ctx.state.turn)),
    c.DateBefore: lambda k, ctx, lab, side: is_before(k.date, ctx.state.date),
    c.SideIs: lambda k, ctx, lab, side: side == k.side,
    c.HistoryOn: lambda k, ctx, lab, side: ctx.rules.history == k.on,
    c.FlagSet: lambda k, ctx, lab, side: k.name in ctx.state.world.flags,
    c.Fired: lambda k, ctx, lab, side: k.event in ctx.fired_ids(),
    c.ChipBanned: lambda k, ctx, lab, side: k.chip in ctx.state.world.banned,
    c.StatRange: _stat,  # (lab_stat and _in_range inlined: the most asked verb, a third of the checks)
    c.Owns: lambda k, ctx, lab, side: lab is not None and lab.chips.get(k.chip, 0) >= k.count,
    c.OwnsAny: _owns_any,
    c.TechDone: lambda k, ctx, lab, side: lab is not None and k.tech in lab.techs,
    c.CheapFrontier: lambda k, ctx, lab, side: cheap_frontier_owner(ctx, k, lab) is not None,
    c.Played: lambda k, ctx, lab, side: (side in ctx.state.labs) == k.on,
    c.Sentiment: lambda k, ctx, lab, side: _in_range(ctx.state.world.sentiment, k.at_least, k.below),
    c.TurnAtLeast: lambda k, ctx, lab, side: ctx.state.turn + 1 >= k.turn,
    c.CashRunway: _runway,
}


#: The evaluator checks a plain record (game.engine.plain, what an event's card holds) as its verb.
CHECKS.update({RECORDS[verb]: check for verb, check in list(CHECKS.items())})


def evaluate(cond: Any, ctx: Ctx, lab: Lab | None, side: str | None = None) -> bool:
    """Whether ``cond`` is true now, for the lab an event concerns (``None``: no played lab) and its
    side (by default the lab's). ``None`` (no condition) is true.

    Conditions on a lab's figures are false when the event concerns no played lab.
    """
    if cond is None:
        return True
    return CHECKS[type(cond)](cond, ctx, lab, side if side is not None else (lab.side if lab else None))
