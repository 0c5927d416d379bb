"""Figures from the articles reproduce in the engine."""

from __future__ import annotations

from game.engine.actions import RentCloud, StartTraining
from game.engine.training import training_cost
from tests.engine.helpers import clear_cards, fresh


def test_v3_final_run_cost() -> None:
    """2.788M H800 GPU-hours at $2 an hour is $5.576M (the V3 figure both articles quote)."""
    assert training_cost(2_788_000, 200) == 5_576_000


def test_renting_v3_compute_costs_5_576_million_in_a_game() -> None:
    g, state = fresh("cn_lab", seed=3)
    # Move to 2023-04, when the H800 is on sale and not yet banned.
    from game.engine.actions import EndTurn

    while state.date < "2023-04-01":
        state = clear_cards(g, state)
        state = g.apply(state, EndTurn()).state
    state = clear_cards(g, state)
    assert g.rules.chips["h800"].rent_cents == 200
    before = state.lab.cash
    state = g.apply(state, RentCloud(chip="h800", gpu_hours=2_788_000)).state
    assert before - state.lab.cash == 5_576_000
    assert state.lab.ledger.spend["cloud"] == 5_576_000
    state = g.apply(state, StartTraining(chip="h800", gpu_hours=2_788_000)).state
    assert state.lab.run.reported_cost == 5_576_000


def test_deepseek_r1_price_is_96_percent_below_o1() -> None:
    """R1 $2.19 per million output tokens vs o1 $60: 96% less, as A0 says."""
    assert round(100 * (1 - 219 / 6000)) == 96
