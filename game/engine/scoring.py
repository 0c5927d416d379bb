"""Score and outcome from the scenario's goals.

Each goal is worth ``weight`` points, earned in proportion to how close the lab comes to its target;
the score is the sum, rounded. A lab whose cash falls below zero is bankrupt and scores nothing.
"""

from __future__ import annotations

from game.content.models import Band, Goal, Scenario
from game.engine.context import Ctx
from game.engine.economy import valuation
from game.engine.state import Lab

#: A lead of this much capability (hundredths) over the best rival earns all the lead points.
FULL_LEAD = 1000


def best_rival_capability(ctx: Ctx, lab: Lab) -> int:
    best = None  # plain loops, no lists: the score is computed after every turn
    for rival in ctx.state.rivals:
        if rival.active and (best is None or rival.capability > best):
            best = rival.capability
    for side, other in ctx.state.labs.items():
        if side != lab.side and (best is None or other.capability > best):
            best = other.capability
    return 0 if best is None else best


def _fraction(value: int, target: int) -> float:
    """``value / target`` held to 0..1 (max(0.0, min(1.0, ...)) without the two calls: the score is
    computed after every turn)."""
    share = value / target
    return 0.0 if share < 0.0 else 1.0 if share > 1.0 else share


def lab_goals(scenario: Scenario, side: str) -> list[Goal]:
    """The goals of ``side``'s lab: its own, else the scenario's (a two-lab game may give each lab its
    own, as it may its own bands)."""
    own = scenario.labs.get(side)
    return (own.goals if own is not None else None) or scenario.goals


def goal_points(ctx: Ctx, lab: Lab, goal: Goal) -> int:
    """Points earned towards one goal (0..weight)."""
    kind = goal.kind
    if kind == "capability_lead":
        lead = lab.capability - best_rival_capability(ctx, lab)
        share = _fraction(lead + FULL_LEAD, 2 * FULL_LEAD)
    elif kind == "users":
        share = _fraction(lab.users, goal.target)
    elif kind == "valuation":
        share = _fraction(valuation(lab), goal.target)
    elif kind == "cash":
        share = _fraction(lab.cash, goal.target)
    elif kind == "reputation":
        share = _fraction(lab.reputation, 100)
    elif kind == "efficiency":
        share = _fraction(lab.efficiency, goal.target)
    else:  # survival
        share = 1.0 if lab.cash >= 0 else 0.0
    return round(goal.weight * share)


def score_parts(ctx: Ctx, lab: Lab) -> dict[str, int]:
    """Points per goal kind for a lab."""
    goals = lab_goals(ctx.rules.scenario, lab.side)
    if lab.cash < 0:
        return {g.kind: 0 for g in goals}
    return {g.kind: goal_points(ctx, lab, g) for g in goals}


def max_score(ctx: Ctx, side: str) -> int:
    return sum(g.weight for g in lab_goals(ctx.rules.scenario, side))


def score(ctx: Ctx, lab: Lab) -> int:
    """The score out of 100 (goal weights are scaled when they do not add up to 100): the sum of
    :func:`score_parts`, without building the dict (the score is recorded after every turn)."""
    if lab.cash < 0:
        return 0
    total = sum(goal_points(ctx, lab, goal) for goal in lab_goals(ctx.rules.scenario, lab.side))
    return round(100 * total / max_score(ctx, lab.side))


def lab_bands(scenario: Scenario, side: str) -> list[Band]:
    """The outcome bands of ``side``'s lab, best first: its own, else the scenario's (maybe none)."""
    return scenario.labs[side].bands or scenario.bands


def lab_win_score(scenario: Scenario, side: str) -> int:
    """The score ``side``'s lab wins at when the scenario has no bands: its own, else the scenario's
    (a two-lab game may ask more of one lab: head to head, the US lab faces no export ban)."""
    return scenario.labs[side].win_score or scenario.win_score


def band_for(bands: list[Band], points: int) -> Band | None:
    """The best band whose ``min_score`` ``points`` reaches (``None`` without bands).

    Example::

        >>> top = Band(id="top", min_score=70, won=True, label={"en": "Top", "fr": "Haut"})
        >>> low = Band(id="low", min_score=0, label={"en": "Low", "fr": "Bas"})
        >>> band_for([top, low], 70).id, band_for([top, low], 69).id
        ('top', 'low')
    """
    for band in bands:
        if points >= band.min_score:
            return band
    return None
