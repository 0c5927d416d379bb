"""The stock market: share prices in integer cents.

Three forces move them, each turn or at once:

- **AI demand.** Each stock follows the AI users of the world (``world.market_users``, the demand that
  data-centre orders serve) to the power of its ``ai_beta``: Nvidia's beta is 1, so when the users
  grow 40 times, as from mid-2019 to the end of 2024 in the game, Nvidia's price does too (the real
  share rose about 32 times, $4.1 to $134 split-adjusted). Prices follow with a lag, as orders follow
  demand: each month closes a fifth of the gap between the users priced in and the users there were
  at the end of the last turn.
  ChatGPT's fivefold jump in users therefore becomes a boom over the next year, not a jump in a day.
- **Cheap near-frontier AI.** When a model lands close to the best one on the market at a fraction of
  its price, investors ask who will need so many chips: hardware stocks fall at once, in proportion
  to how close and how cheap it is, to how little its makers say it cost, and to how far the shares
  had run up — and only for what the market had not already seen (:func:`release_shock`). Cheaper AI
  also brings more users (Jevons' paradox: test-time scaling, more tokens served), so the AI-demand
  force takes back part of the fall over the following months.
- **Mood and chance.** Investor sentiment drifts prices; seeded noise adds the rest.

Integer and fixed-point arithmetic throughout (the same cents on every machine).
"""

from __future__ import annotations

import math

from game.engine.context import Ctx
from game.engine.economy import pow2_fixed
from game.engine.training import LOG_BITS, log2_fixed

#: Share of the gap between the users priced in and the users there are, closed each month, per mille.
PRICING_PER_MONTH_PM = 200
#: The fall of a fully exposed stock (Nvidia) when a model level with the frontier comes at almost no
#: price, claims a tiny training bill, after a full run-up: basis points (27 Jan 2025: Nvidia -17%).
FULL_SHOCK_BP = 2400
#: A model this far behind the best one (hundredths of a point) still scares investors fully; this
#: far or more, not at all.
CLOSE_GAP, FAR_GAP = 100, 150
#: A claimed training bill at or under the first scares fully; at or over the second, not at all (V3's
#: $5.6M against GPT-4's $100M and more); a model whose cost is not claimed, half.
CHEAP_CLAIM, DEAR_CLAIM = 10_000_000, 100_000_000
#: The world flag a fall of at least SHOCK_FLAG_BP sets (the news card of that day tests it).
SHOCK_FLAG, SHOCK_FLAG_BP = "cheap_ai_shock", 800
#: Share of the market's memory of cheap AI that fades each month, per mille.
MEMORY_FADE_PM = 100
#: Extra AI users a fully surprising cheap model brings, per mille of the market (cheaper tokens, more
#: of them used: the rebound that Nvidia argued on 27 Jan 2025, "test-time scaling").
JEVONS_USERS_PM = 100


def move_stocks(ctx: Ctx, moves_bp: dict[str, int]) -> None:
    """Move share prices now by basis points per stock id (unknown ids are ignored)."""
    prices = ctx.state.world.stocks
    for stock_id, bp in sorted(moves_bp.items()):
        if stock_id in prices and bp:
            prices[stock_id] = max(1, prices[stock_id] * (10000 + bp) // 10000)
            ctx.emit("market.move", stock=stock_id, bp=bp)


def shock_factor(ctx: Ctx, factor: str, bp: int) -> dict[str, int]:
    """Per-stock moves for a shock to a whole group of stocks."""
    moves = {}
    for stock in ctx.rules.stocks:
        if factor == "all" or (factor == "hardware" and stock.hardware):
            moves[stock.id] = bp
        elif factor == "ai":
            moves[stock.id] = bp * stock.ai_beta // 1000
    return moves


def _clamp_pm(value: int) -> int:
    return 0 if value < 0 else 1000 if value > 1000 else value


def release_shock(ctx: Ctx, capability: int, price_cents: int, claimed_cost: int | None,
                  *, maker: str) -> int:
    """What the market does when a model of ``capability`` lands at ``price_cents`` per million tokens:
    hardware stocks fall at once by the *surprise* — how close to the best other model on the market
    it is, times how much cheaper (both per mille), beyond the most the market has already seen — and
    cheaper AI adds users. Returns Nvidia's fall in basis points (0: no shock).

    The fall is ``FULL_SHOCK_BP`` x surprise x run-up factor x each stock's ``cheap_ai_exposure``, where
    the surprise counts the claimed training bill too (cheap AI that cost little to make). Sets the
    world flag ``cheap_ai_shock`` when the fall passes 8% (the news card of that day reads it); see
    tests/engine/test_market.py for the cases.
    """
    world = ctx.state.world
    best, best_price = best_other_model(ctx, capability, maker)
    if best <= 0 or best_price <= price_cents:
        return 0
    gap = best - capability
    closeness = _clamp_pm((FAR_GAP - gap) * 1000 // (FAR_GAP - CLOSE_GAP))
    cheapness = 1000 - price_cents * 1000 // best_price
    if claimed_cost is None:
        claim = 500
    else:  # a lab that spends as much as the leaders tells investors nothing new about chip demand
        claim = 1000 - _clamp_pm((claimed_cost - CHEAP_CLAIM) * 1000 // (DEAR_CLAIM - CHEAP_CLAIM))
    # half the price scares a quarter as much
    seen = closeness * cheapness // 1000 * cheapness // 1000 * claim // 1000
    surprise = seen - world.cheap_ai_seen
    if surprise <= 0:
        return 0
    world.cheap_ai_seen = seen
    fall_bp = FULL_SHOCK_BP * surprise // 1000 * _runup_pm(ctx) // 1000
    moves = {stock: -fall_bp * exposure // 1000 for stock, exposure in ctx.rules.stock_exposure}
    move_stocks(ctx, moves)
    world.market_users += world.market_users * JEVONS_USERS_PM * surprise // 10**6
    if fall_bp >= SHOCK_FLAG_BP:
        world.flags = sorted({*world.flags, SHOCK_FLAG})
    ctx.emit("market.cheap_ai", maker=maker, fall_bp=fall_bp, gap=gap, price_cents=price_cents,
             best_price_cents=best_price)
    return fall_bp


def best_other_model(ctx: Ctx, capability: int, maker: str) -> tuple[int, int]:
    """(capability, price) of the best model on the market other than ``maker``'s; the cheaper of
    equals."""
    best, price = 0, 0
    for lab in ctx.state.labs.values():
        if lab.released and lab.name != maker and (lab.released, -lab.price_cents) > (best, -price):
            best, price = lab.released, lab.price_cents
    for rival in ctx.state.rivals:
        if rival.active and rival.name != maker and (rival.capability, -rival.price_cents) > (best, -price):
            best, price = rival.capability, rival.price_cents
    return best, price


def _runup_pm(ctx: Ctx) -> int:
    """How stretched hardware valuations are, per mille: half when Nvidia stands at its starting
    price, all of it after a rise of 8 times or more (log2 of the rise, over 6, plus a half)."""
    start = ctx.rules.scenario.stock_prices.get("nvda") or next(
        (s.price_cents for s in ctx.rules.stocks if s.id == "nvda"), 0)
    now = ctx.state.world.stocks.get("nvda", 0)
    if not start or not now or now <= start:
        return 500
    rise = (log2_fixed(now) - log2_fixed(start)) * 1000 >> LOG_BITS  # log2 of the rise, per mille
    return _clamp_pm(500 + rise // 6)


def market_step(ctx: Ctx) -> None:
    """The turn's move: AI demand priced in, sentiment's drift, and noise. One draw per stock, always.

    The noise comes from numpy in one call; the rest is plain Python on the ten-odd stocks.
    """
    world = ctx.state.world
    months = ctx.months
    stocks = ctx.rules.stock_table
    noise = ctx.rng.standard_normal(len(stocks)).tolist()
    scale = math.sqrt(months)  # noise scales with the square root of time
    # The demand priced in this turn: log2 of (users priced in now / before), fixed point.
    # The market's memory of cheap AI fades: a tenth a month.
    world.cheap_ai_seen = world.cheap_ai_seen * max(0, 1000 - MEMORY_FADE_PM * months) // 1000
    before = world.priced_users or world.market_users
    target = world.users_last_turn or world.market_users
    world.users_last_turn = world.market_users
    share = min(1000, PRICING_PER_MONTH_PM * months)
    demand_log = 0
    if before > 0 and target > 0:
        gap_log = log2_fixed(target) - log2_fixed(before)
        demand_log = gap_log * share // 1000
        world.priced_users = max(1, before * pow2_fixed(demand_log) // 10**6)
    sentiment = world.sentiment
    prices = world.stocks
    demands: dict[int, int] = {}  # (users ratio) ** beta, per beta: several stocks share one
    for (stock_id, beta, volatility_bp), z in zip(stocks, noise, strict=True):
        demand = demands.get(beta)
        if demand is None:
            demand = demands[beta] = pow2_fixed(demand_log * beta // 1000) if demand_log and beta else 1_000_000
        noise_bp = round(z * volatility_bp * scale)  # round(): half to even, like numpy's rint
        move = noise_bp + beta * sentiment // 400 * months  # noise + the mood's drift (+30: +0.75% a month)
        if move > 5000:
            move = 5000
        elif move < -5000:
            move = -5000
        price = prices[stock_id] * demand // 10**6 * (10000 + move) // 10000
        prices[stock_id] = price if price > 1 else 1
