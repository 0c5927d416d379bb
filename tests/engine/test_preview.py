"""The engine's previews (game.engine.preview) and cash runway (game.engine.runway) tell the truth: what an
action costs now and later, how long it takes and what it gives, checked against the rules playing it."""

from __future__ import annotations

import numpy as np
import pytest

from game.engine import actions as a
from game.engine.canonical import state_hash
from game.engine.context import QuietCtx
from game.engine.economy import SALARY_PER_MONTH, raise_amount
from game.engine.errors import IllegalAction
from game.engine.preview import RUN_NOISE, preview, try_preview
from game.engine.runway import runway_turns, upkeep
from game.engine.training import progress_training
from tests.engine.helpers import clear_cards, fresh


def ready(scenario: str = "cn_lab", seed: int = 1):
    g, state = fresh(scenario, seed)
    return g, clear_cards(g, state)


def first(g, state, kind):
    return next(x for x in g.legal_actions(state) if isinstance(x, kind))


def test_a_preview_changes_nothing() -> None:
    g, state = ready()
    before = state_hash(state)
    for action in g.legal_actions(state):
        if not isinstance(action, a.EndTurn):
            preview(g, state, action)
    assert state_hash(state) == before


def test_refused_action_has_no_preview() -> None:
    g, state = ready()
    with pytest.raises(IllegalAction):
        preview(g, state, a.StartTraining(chip=first(g, state, a.StartTraining).chip, gpu_hours=1))
    assert try_preview(g, state, a.SetPrice(price_cents=state.lab.price_cents)) is None


def test_hiring_costs_a_signing_fee_now_and_salaries_every_turn() -> None:
    g, state = ready("us_lab", 7)
    p = preview(g, state, a.Hire(count=10))
    months = g.rules.months(state.turn)
    assert p.cost_now == 10 * 100_000 == state.lab.cash - g.apply(state, a.Hire(count=10)).state.lab.cash
    assert p.per_turn.salaries - p.per_turn_before.salaries == 10 * SALARY_PER_MONTH * months
    assert p.later_per_turn == 10 * SALARY_PER_MONTH * months
    assert p.turns == 0 and p.changes["talent"] == 10


def test_training_is_not_free_and_says_how_long_it_takes() -> None:
    g, state = ready("cn_lab", 1)
    run = max((x for x in g.legal_actions(state) if isinstance(x, a.StartTraining)), key=lambda x: x.gpu_hours)
    p = preview(g, state, run)
    assert p.cost_now == 0                     # nothing is paid when the run starts...
    assert sum(p.power_by_turn) > 0            # ...the chips' power and hosting are paid every turn...
    assert p.per_turn.power == p.power_by_turn[0] == p.per_turn_before.power  # ...training or not
    # the run lasts as many turns as the engine takes to finish it
    played = g.apply(state, run).state
    turns = 0
    while played.labs["cn"].run is not None and not played.over:
        played = clear_cards(g, g.apply(played, a.EndTurn()).state)
        turns += 1
    assert turns == p.turns


@pytest.mark.parametrize("seed", range(12))
def test_every_model_a_run_makes_lies_in_the_announced_range(seed: int) -> None:
    g, state = ready("cn_lab", 3)
    run = first(g, state, a.StartTraining)
    p = preview(g, state, run)
    low, high = p.capability_range
    assert high - low == RUN_NOISE[1] - RUN_NOISE[0]
    lab = g.apply(state, run).state.labs["cn"]
    lab.run.done_hours = lab.run.gpu_hours - 1   # the last hour: the next turn makes the model
    lab.capability = 0                           # whatever comes out is kept, so we can read it
    progress_training(QuietCtx(g.rules, state, np.random.Generator(np.random.PCG64(seed))), lab)
    assert low <= lab.capability <= high


def test_research_says_its_turns_and_its_gain() -> None:
    g, state = ready("us_lab", 1)  # 2022: FP8 has been invented
    action = first(g, state, a.Research)
    p = preview(g, state, action)
    tech = g.rules.techs[action.tech]
    assert p.turns == tech.turns and p.cost_now == tech.cost
    if tech.efficiency_pct and not tech.fp8_only:  # FP8's gain is counted run by run, on Hopper chips
        assert p.changes["efficiency"] > 0


def test_raising_money_shows_the_amount_and_the_wait() -> None:
    g, state = ready("us_lab", 2)
    p = preview(g, state, a.RaiseMoney())
    assert -p.cost_now == raise_amount(state.lab, state.world.sentiment)
    assert p.cooldown == 3


def test_lobbying_shows_its_price_and_what_it_buys() -> None:
    g, state = ready("us_lab", 2)
    p = preview(g, state, a.Lobby())
    assert p.cost_now > 0 and p.changes["gov_relations"] > 0


def test_runway_counts_the_turns_the_cash_lasts() -> None:
    g, state = ready("us_lab", 1)
    lab = state.labs["us"].model_copy(deep=True)
    lab.users = 0  # no revenue: the salaries eat the cash
    burn = -upkeep(g.rules, state, lab).net
    assert burn > 0
    lab.cash = burn * 5 + burn // 2
    assert runway_turns(g.rules, state, lab) == 5
    lab.cash = burn * 100
    assert runway_turns(g.rules, state, lab) is None   # beyond the horizon
