"""Open weights as a trade-off: reach and trust, but a leader's published model is copied, and closing
the weights again costs the goodwill won."""

from __future__ import annotations

from game.content.loader import load_content
from game.engine import actions as a
from game.engine.context import Ctx
from game.engine.economy import CLOSING_REPUTATION, revenue_year, valuation
from game.engine.game import Game
from game.engine.rivals import COPY_MARGIN, copy_open_weights
from game.engine.rng import NO_DRAWS


def _game_and_state():
    game = Game(load_content(), "cn_lab")
    return game, game.new_game(seed=3)


def test_rivals_copy_only_the_best_model_on_the_market() -> None:
    game, state = _game_and_state()
    lab = state.labs["cn"]
    before = [r.capability for r in state.rivals]
    lab.released, lab.open_weights = 4000, True  # behind OpenAI (4,500): nobody copies it
    copy_open_weights(Ctx(game.rules, state, NO_DRAWS))
    assert [r.capability for r in state.rivals] == before
    lab.released = 6000  # the best model on the market: every active rival behind it closes part of the gap
    copy_open_weights(Ctx(game.rules, state, NO_DRAWS))
    after = [r.capability for r in state.rivals]
    assert all(b < a_ <= 6000 - COPY_MARGIN for b, a_, r in zip(before, after, state.rivals, strict=True)
               if r.active and b < 6000 - COPY_MARGIN)


def test_a_closed_model_is_not_copied() -> None:
    game, state = _game_and_state()
    lab = state.labs["cn"]
    before = [r.capability for r in state.rivals]
    lab.released, lab.open_weights = 6000, False
    copy_open_weights(Ctx(game.rules, state, NO_DRAWS))
    assert [r.capability for r in state.rivals] == before


def test_closing_the_weights_again_costs_reputation() -> None:
    game, state = _game_and_state()
    lab = state.labs["cn"]
    lab.capability, lab.released, lab.open_weights, lab.reputation = 6000, 5000, True, 80
    while state.pending:  # answer the first turn's news
        game.apply_in_place(state, next(x for x in game.legal_actions(state) if isinstance(x, a.Choose)))
    game.apply_in_place(state, a.Release(price_cents=1000, open_weights=False))
    assert lab.reputation == 80 - CLOSING_REPUTATION


def test_investors_count_a_year_of_sales_not_the_last_month() -> None:
    # A month at ten times the pace moves the yearly figure by a twelfth of the gap only.
    assert revenue_year(120_000_000, 100_000_000, 1) == 120_000_000 + (1_200_000_000 - 120_000_000) // 12
    _, state = _game_and_state()
    lab = state.labs["cn"]
    lab.revenue_year, lab.revenue_last_turn = 0, 10**9
    assert valuation(lab) == max(0, lab.capability - 4000) * 100_000 + lab.users * 20
