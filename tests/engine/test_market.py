"""The share-price model: AI demand priced in with a lag, and the cheap-AI shock computed from what is
released (game/engine/market.py), not fired by an event id."""

from __future__ import annotations

from game.engine.context import Ctx
from game.engine.market import FULL_SHOCK_BP, SHOCK_FLAG, market_step, release_shock
from game.engine.rng import NO_DRAWS
from game.engine.state import GameState
from tests.engine.helpers import fresh


def _january_2025() -> tuple[Ctx, GameState]:
    """us_lab in January 2025 after the boom: OpenAI's o1 at the frontier at $60, Nvidia up 9 times."""
    g, s = fresh("us_lab", seed=1)
    s.turn = g.rules.dates.index("2025-01-01")
    s.date = "2025-01-01"
    s.labs["us"].released = 0  # only the rivals' models are on the market
    openai = next(r for r in s.rivals if r.id == "openai")
    openai.capability, openai.price_cents = 8500, 6000
    for rival in s.rivals:
        if rival.id != "openai":
            rival.capability = min(rival.capability, 7000)
    s.world.stocks["nvda"] = g.rules.scenario.stock_prices["nvda"] * 9
    return Ctx(g.rules, s, NO_DRAWS), s


def _fall(ctx: Ctx, behind: int, price_cents: int, claimed: int | None = 5_576_000) -> float:
    before = ctx.state.world.stocks["nvda"]
    release_shock(ctx, 8500 - behind, price_cents, claimed, maker="DeepSeek")
    return 100 * (before - ctx.state.world.stocks["nvda"]) / before


def test_a_cheap_model_level_with_the_frontier_makes_the_record_fall() -> None:
    ctx, state = _january_2025()
    fall = _fall(ctx, behind=100, price_cents=219)  # R1: about o1, $2.19 against $60, "$5.6M"
    assert 12 <= fall <= 25  # 27 Jan 2025: -17%
    assert SHOCK_FLAG in state.world.flags  # the news card of the day reads it


def test_ten_points_behind_or_at_the_frontier_price_barely_moves_nvidia() -> None:
    ctx, state = _january_2025()
    assert _fall(ctx, behind=1000, price_cents=219) < 4
    ctx, state = _january_2025()
    assert _fall(ctx, behind=100, price_cents=6000) < 4
    assert SHOCK_FLAG not in state.world.flags


def test_a_lab_that_spends_like_the_leaders_tells_investors_nothing_new() -> None:
    ctx, _ = _january_2025()
    assert _fall(ctx, behind=100, price_cents=219, claimed=150_000_000) < 4
    ctx, _ = _january_2025()
    unknown = _fall(ctx, behind=100, price_cents=219, claimed=None)
    ctx, _ = _january_2025()
    assert 4 < unknown < _fall(ctx, behind=100, price_cents=219)


def test_the_shock_is_the_surprise_the_market_had_not_seen() -> None:
    ctx, _ = _january_2025()
    first = _fall(ctx, behind=100, price_cents=219)
    assert first > 12 and _fall(ctx, behind=100, price_cents=219) == 0  # the same news twice: no new fall
    assert 100 * first <= FULL_SHOCK_BP  # never more than the full shock


def test_cheaper_ai_brings_users_and_prices_follow_them_later() -> None:
    """Jevons: the shock adds AI users; the share price takes them in over the next months (the partial
    rebound Nvidia argued on 27 Jan 2025), not in the same turn."""
    ctx, state = _january_2025()
    users = state.world.market_users
    state.world.priced_users = state.world.users_last_turn = users
    _fall(ctx, behind=100, price_cents=219)
    assert state.world.market_users > users
    after_shock = state.world.stocks["nvda"]
    g = ctx.rules
    months = []
    for turn in range(state.turn, state.turn + 3):
        state.turn, state.world.sentiment = turn, 0
        market_step(Ctx(g, state, state.rng.draws))
        months.append(state.world.stocks["nvda"])
    # Noise aside (a calm 4.8% a month), the first month prices last turn's users, the next ones the new
    # users: a rebound that takes back part of the fall, not all of it.
    assert after_shock < max(months[1:]) < after_shock * 100 / 80
