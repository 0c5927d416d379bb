"""Compiled and partially evaluated conditions agree with the reference interpreter.

``holds`` runs conditions compiled to closures and the event loop runs per-turn plans built by partial
evaluation (game.engine.triggers): both must give exactly what ``evaluate`` (the tree-walking
reference) gives, for every event of every scenario, at every step of several games.
"""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import TypeAdapter

from game.content.conditions import Condition
from game.content.loader import load_content
from game.content.models import Event
from game.engine.calendar import date_key
from game.engine.conditions import Static, compiled, evaluate, holds, specialise
from game.engine.context import Ctx
from game.engine.game import Game
from game.engine.state import GameState, Lab
from game.engine.triggers import turn_plan
from game.match import play_game
from tests.engine.test_verbs import CONDITION_CASES

COND = TypeAdapter(Condition)

# (scenario, facilitator options, policy, seed): one- and two-seat games, history on and off.
GAMES = [
    ("cn_lab", {}, "cautious", 3),
    ("cn_lab", {"history": False}, "aggressive", 5),
    ("us_lab", {}, "random", 1),
    ("head_to_head", {}, "random", 2),
    ("head_to_head", {}, "efficient", 4),
    ("early_bans", {}, "aggressive", 6),
    ("no_export_controls", {}, "cautious", 7),
]


def reference_targets(ctx: Ctx, event: Event) -> list[Lab] | None:
    """What the event loop did before plans: date eligibility, then the trigger by ``evaluate``."""
    state = ctx.state
    if event.date and date_key(event.date) >= ctx.rules.turn_end(state.turn):
        return None
    if event.until and date_key(event.until) < state.date:
        return None
    if event.side == "any":
        hit = [state.labs[s] for s in state.seats if evaluate(event.trigger, ctx, state.labs[s])]
        return hit or None
    lab = state.labs.get(event.side)
    return ([lab] if lab else []) if evaluate(event.trigger, ctx, lab, event.side) else None


def check_state(game: Game, state: GameState) -> int:
    """Compare plan and reference for every checked and random event; the number of comparisons."""
    ctx = Ctx(game.rules, state, None)  # type: ignore[arg-type]  # conditions never draw
    plan = turn_plan(game.rules, state)
    planned = {w.id: w for w in (*plan.checked, *plan.random)}
    rules = game.rules
    count = 0
    for event in [*rules.checked_events, *rules.random_events]:
        watch = planned.get(event.id)
        got = watch.targets(ctx) if watch is not None else None
        assert got == reference_targets(ctx, event), (state.turn, event.id)
        if watch is not None and watch.side is not None:  # the event loop's inline form of targets()
            lab = state.labs.get(watch.side)
            holds_now = watch.check is None or watch.check(ctx, lab, watch.side)
            assert (([lab] if lab else []) if holds_now else None) == got, (state.turn, event.id)
        for side in [*state.seats, None]:  # compiled conditions, for any lab or none
            lab = state.labs.get(side) if side else None
            for cond in [event.trigger, *(c.requires for c in event.choices)]:
                assert holds(cond, ctx, lab, side) == evaluate(cond, ctx, lab, side), (event.id, side)
        count += 1
    return count


@pytest.mark.parametrize(("scenario", "options", "policy", "seed"), GAMES)
def test_plans_agree_with_the_reference_at_every_step(scenario: str, options: dict[str, Any], policy: str,
                                                       seed: int) -> None:
    game = Game(load_content(), scenario, options)
    compared = [0]

    def on_step(state: GameState, action: Any, notes: Any) -> None:
        if not state.over:
            compared[0] += check_state(game, state)

    play_game(game, seed, dict.fromkeys(game.scenario.sides, policy), on_step=on_step)
    assert compared[0] > 100


def test_plans_leave_out_what_cannot_fire() -> None:
    game = Game(load_content(), "cn_lab")
    state = game.new_game(seed=1)
    plan = turn_plan(game.rules, state)
    ids = {w.id for w in plan.checked}
    later = [e.id for e in game.rules.checked_events if e.date and date_key(e.date) > "2020-01-01"]
    assert later and not ids & set(later), "events dated after the turn are not in its plan"
    us_only = [e.id for e in game.rules.events if e.side == "us"]
    assert us_only and not {w.id for w in (*plan.checked, *plan.random)} & set(us_only), "us is not played"
    assert turn_plan(game.rules, state) is plan, "cached per turn and seating"


def test_off_calendar_states_get_a_plan_tested_against_the_state() -> None:
    game = Game(load_content(), "cn_lab")
    state = game.new_game(seed=1)
    state.date = "2019-08-01"  # not the turn's date: nothing may be assumed from the calendar
    plan = turn_plan(game.rules, state)
    assert plan is not turn_plan(game.rules, state)
    check_state(game, state)


def _static(ctx: Ctx, side: str | None) -> Static:
    rules, state = ctx.rules, ctx.state
    return Static(state.turn, state.date, rules.turn_end(state.turn), rules.history, side, frozenset(state.labs))


@pytest.mark.parametrize("verb", sorted(CONDITION_CASES))
def test_every_verb_specialises_to_its_value(verb: str) -> None:
    """Known facts decide a verb exactly as evaluating it would; what is left decides the rest."""
    game = Game(load_content(), "cn_lab")
    state = game.new_game(seed=1)
    ctx = Ctx(game.rules, state, None)  # type: ignore[arg-type]
    for yaml_like, _ in CONDITION_CASES[verb]:
        cond = COND.validate_python(yaml_like)
        for side in ("cn", "us"):
            lab = state.labs.get(side)
            expected = evaluate(cond, ctx, lab, side)
            part = specialise(cond, _static(ctx, side))
            assert (part if isinstance(part, bool) else part(ctx, lab, side)) == expected, (yaml_like, side)
            assert compiled(cond)(ctx, lab, side) == expected


def test_specialise_folds_static_parts() -> None:
    game = Game(load_content(), "cn_lab")
    ctx = Ctx(game.rules, game.new_game(seed=1), None)  # type: ignore[arg-type]
    known = _static(ctx, "cn")
    assert specialise(COND.validate_python({"all": [{"side": "us"}, {"flag": "x"}]}), known) is False
    assert specialise(COND.validate_python({"any": [{"side": "cn"}, {"flag": "x"}]}), known) is True
    assert specialise(COND.validate_python({"not": {"history": True}}), known) is False
    assert specialise(COND.validate_python({"stat": {"stat": "cash", "below": 1}}), _static(ctx, "us")) is False
    left = specialise(COND.validate_python({"all": [{"side": "cn"}, {"flag": "x"}]}), known)
    assert callable(left) and left(ctx, ctx.state.labs["cn"], "cn") is False
    ctx.state.world.flags = ["x"]
    assert left(ctx, ctx.state.labs["cn"], "cn") is True
