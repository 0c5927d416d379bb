"""Reported against real cost: what a lab announces for its last run, what it really spent."""

from __future__ import annotations

from game.engine.costs import REAL_COST_CATEGORIES, cost_ratio, real_total, reported_last_run
from game.engine.state import GameState, Lab, Ledger
from tests.engine.helpers import played


def lab(**fields: object) -> Lab:
    return Lab(side="cn", name="Lab", cash=0, start_cash=0, capability=0, talent=100, price_cents=219,
               **fields)  # type: ignore[arg-type]


def test_real_total_counts_building_not_selling() -> None:
    spend = {c: 1 for c in REAL_COST_CATEGORIES} | {"serving": 1000, "lobbying": 1000, "events": 1000}
    assert real_total(lab(ledger=Ledger(spend=spend))) == len(REAL_COST_CATEGORIES)


def test_no_run_yet_no_ratio() -> None:
    assert reported_last_run(lab()) == 0 and cost_ratio(lab()) is None


def test_the_last_finished_run_is_what_the_lab_announces() -> None:
    match = played("cn_lab", 5, "efficient")
    runs = [n for n in match.notes if n.key == "training.done" and n.side == "cn"]
    cn = match.state.labs["cn"]
    assert len(runs) >= 2  # so "last" is not "only"
    assert cn.last_run_reported == runs[-1].params["reported_cost"] > 0
    assert cn.reported_training_cost == sum(n.params["reported_cost"] for n in runs)
    assert real_total(cn) > cn.last_run_reported  # the real bill is more than the final run


def test_old_saves_without_the_field_load() -> None:
    state = played("cn_lab", 5, "efficient", turns=2).state.model_dump()
    for data in state["labs"].values():
        del data["last_run_reported"]
    loaded = GameState.model_validate(state)
    assert loaded.labs["cn"].last_run_reported == 0
