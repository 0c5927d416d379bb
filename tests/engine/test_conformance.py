"""Seeded random-legal games of every scenario: legal actions exist until the end, every legal action
applies, illegal ones change nothing, and the invariants hold after every step."""

from __future__ import annotations

import json

import numpy as np
import pytest

from game.content.loader import load_content
from game.engine import actions as a
from game.engine.canonical import canonical_json, state_from_json, state_hash, state_to_json
from game.engine.errors import IllegalAction
from game.engine.game import Game
from game.engine.state import GameState

SEEDS = range(6)


def round_trips(state: GameState) -> bool:
    """The state holds only JSON types, each of its declared type: it comes back equal from its
    canonical JSON text through the load's check (pydantic's)."""
    return state_from_json(json.loads(canonical_json(state_to_json(state)))) == state


def check_invariants(game: Game, state: GameState) -> None:
    assert round_trips(state)
    for lab in state.labs.values():
        assert all(n >= 0 for n in lab.chips.values()), lab.chips
        assert all(n >= 0 for n in lab.cloud_hours.values()), lab.cloud_hours
        assert lab.users >= 0 and lab.talent >= 1
        assert 0 <= lab.reputation <= 100 and 0 <= lab.gov_relations <= 100
        assert 0 <= lab.capability <= 10000 and lab.released <= lab.capability
        # Every dollar is accounted for.
        assert lab.cash == lab.start_cash + sum(lab.ledger.income.values()) - sum(lab.ledger.spend.values())
        assert all(v >= 0 for v in lab.ledger.spend.values())
        assert 0 <= lab.action_points <= game.scenario.action_points
    assert all(price >= 1 for price in state.world.stocks.values())
    assert -100 <= state.world.sentiment <= 100
    assert 0 <= state.turn < len(game.rules.dates)
    assert state.date == game.rules.dates[state.turn]


def bad_actions(game: Game, state: GameState, rng: np.random.Generator) -> list[a.Action]:
    """Actions that must be refused now, whatever the state."""
    lab = state.lab
    bad: list[a.Action] = [
        a.BuyChips(chip="no_such_chip", count=1),
        a.BuyChips(chip="v100", count=10**9),
        a.Research(tech="no_such_tech"),
        a.Choose(event="no_such_event", choice="x"),
        a.SetPrice(price_cents=1),
        a.Hire(count=500) if lab.cash < 500 * 100_000 else a.StartTraining(chip="v100", gpu_hours=10**15),
    ]
    if lab.side == "us":
        bad.append(a.BuyChips(chip="h800", count=1))  # China-only variant
    for chip in state.world.banned:
        if lab.side == "cn":
            bad.append(a.BuyChips(chip=chip, count=1))  # banned without the grey market
    return bad


@pytest.mark.parametrize("scenario", sorted(load_content().scenarios))
def test_random_legal_games_hold_invariants(scenario: str) -> None:
    game = Game(load_content(), scenario)
    for seed in SEEDS:
        rng = np.random.Generator(np.random.PCG64(seed))
        state = game.new_game(seed)
        check_invariants(game, state)
        steps = 0
        while not state.over:
            legal = game.legal_actions(state)
            assert legal, f"no legal action at turn {state.turn}"
            if not any(p.side == state.active for p in state.pending):
                assert isinstance(legal[-1], a.EndTurn)
            if steps % 7 == 0:
                before = state_hash(state)
                for action in bad_actions(game, state, rng):
                    with pytest.raises(IllegalAction):
                        game.apply_in_place(state, action)
                    assert state_hash(state) == before, f"{action} changed the state"
            action = legal[int(rng.integers(0, len(legal)))]
            if isinstance(action, a.BuyChips) and not action.grey and state.lab.side == "cn":
                assert action.chip not in state.world.banned
            game.apply_in_place(state, action)
            check_invariants(game, state)
            steps += 1
            assert steps < 5000
        assert state.outcome is not None
        assert game.legal_actions(state) == []
