"""The stock market: share prices in integer cents, moved by events and a seeded numpy model.

Each turn every stock moves by a drift that follows investor sentiment and its AI exposure, plus
seeded noise; events move prices at once (a cheap near-frontier release hits hardware stocks).
"""

from __future__ import annotations

import math

from game.engine.context import Ctx


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


def market_step(ctx: Ctx) -> None:
    """The turn's move: drift from sentiment and AI demand, plus noise. One draw per stock, always.

    The noise comes from numpy in one call; the rest is plain Python on the ten-odd stocks: numpy's
    fixed cost per operation on such tiny arrays made the vector form slower than the loop. The
    arithmetic is the same operations in the same order (float64 products, a correctly rounded
    square root, rounding half to even, floor division), so prices are the same to the cent.
    """
    stocks = ctx.rules.stock_table
    months = ctx.months
    noise = ctx.rng.standard_normal(len(stocks)).tolist()
    scale = math.sqrt(months)  # noise scales with the square root of time
    sentiment = ctx.state.world.sentiment
    prices = ctx.state.world.stocks
    # (Comparisons rather than min() and max(): three calls per stock were a third of the loop.)
    for (stock_id, beta, volatility_bp), z in zip(stocks, noise, strict=True):
        noise_bp = round(z * volatility_bp * scale)  # round(): half to even, like numpy's rint
        move = noise_bp + (60 + beta * sentiment // 100) * months  # noise + drift
        if move > 5000:
            move = 5000
        elif move < -5000:
            move = -5000
        price = prices[stock_id] * (10000 + move) // 10000
        prices[stock_id] = price if price > 1 else 1
