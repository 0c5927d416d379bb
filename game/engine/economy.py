"""Users, revenue, costs, valuation and fundraising.

Users choose between released models by capability, price per million tokens, trust and openness:
a cheap near-frontier model pulls users from everyone (the market share model below).
"""

from __future__ import annotations

import math
from functools import lru_cache

from game.engine.context import Ctx
from game.engine.state import Lab

#: Millions of tokens a user consumes per month (paid for at the lab's price).
TOKENS_PER_USER_MONTH_PCT = 15  # hundredths of a million: 0.15M tokens a month
#: Serving cost per million tokens before research savings, cents.
SERVING_CENTS_PER_M = 100
#: Salary of one researcher per month, dollars.
SALARY_PER_MONTH = 20_000
HIRE_COST = 100_000
LOBBY_COST = 5_000_000
RAISE_COOLDOWN = 3
#: Share of revenue an open-weights lab keeps (others host its model too).
OPEN_REVENUE_PCT = 60


def _roots() -> tuple[int, ...]:
    """2 ** (1 / 2 ** bit) for bit = 1..20, each as an integer scaled by 10 ** 12 (computed once)."""
    roots, root = [], 2 * 10**12
    for _ in range(20):
        root = math.isqrt(root * 10**12)
        roots.append(root)
    return tuple(roots)


_ROOTS = _roots()


@lru_cache(maxsize=65_536)  # a pure function of two integers, called for every product every turn
def _pow2_ppm(exponent_num: int, exponent_den: int) -> int:
    """2 ** (num / den) in millionths, by integer arithmetic (identical on every machine)."""
    whole, rest = divmod(exponent_num, exponent_den)
    # 2 ** (rest / den) for 0 <= rest < den, by repeated integer square roots of a binary expansion.
    value = 1_000_000
    for bit, root in enumerate(_ROOTS, start=1):
        if rest * 2**bit // exponent_den % 2:
            value = value * root // 10**12
    return value * 2**whole if whole >= 0 else value // 2**-whole


def attractiveness(capability: int, frontier: int, price_cents: int, trust: int, open_weights: bool) -> int:
    """How strongly users are drawn to a model (relative scale, an integer).

    Doubles for every 3 points of capability, grows with the square root of cheapness, scales with
    trust, and gets a 30% bonus for open weights.
    """
    quality = _pow2_ppm(capability - frontier, 300)
    cheapness = math.isqrt(10**12 // max(price_cents, 10))  # proportional to sqrt(1 / price)
    return quality * cheapness * max(trust, 5) * (130 if open_weights else 100) // 10**6


def update_users(ctx: Ctx, frontier: int) -> None:
    """Share the world's users among released models; labs move 40% of the way each turn."""
    products: list[tuple[object, int]] = []
    for side in ctx.state.seats:
        lab = ctx.state.labs[side]
        if lab.released:
            products.append((lab, attractiveness(lab.released, frontier, lab.price_cents, lab.reputation,
                                                 lab.open_weights)))
    for rival in ctx.state.rivals:
        if rival.active and rival.capability:
            products.append((rival, attractiveness(rival.capability, frontier, rival.price_cents, rival.trust,
                                                   rival.open_weights)))
    total = sum(w for _, w in products) or 1
    market = ctx.state.world.market_users
    for product, weight in products:
        target = market * weight // total
        if isinstance(product, Lab):
            product.users = max(0, product.users + (target - product.users) * 40 // 100)
        else:
            product.users = target  # type: ignore[attr-defined]


def settle_accounts(ctx: Ctx, lab: Lab) -> None:
    """Revenue from users, serving cost and salaries for this turn."""
    months = ctx.months
    tokens_m = lab.users * TOKENS_PER_USER_MONTH_PCT * months // 100  # integers: same on every machine
    revenue = tokens_m * lab.price_cents // 100 if lab.released else 0
    if lab.open_weights:
        revenue = revenue * OPEN_REVENUE_PCT // 100
    serving = tokens_m * SERVING_CENTS_PER_M * (100 - lab.serving_pct) // 100 // 100 if lab.released else 0
    salaries = lab.talent * SALARY_PER_MONTH * months
    lab.cash += revenue - serving - salaries
    lab.revenue_last_turn = revenue
    lab.ledger.add_income("revenue", revenue)
    lab.ledger.add_spend("serving", serving)
    lab.ledger.add_spend("salaries", salaries)
    ctx.emit("accounts", lab.side, revenue=revenue, serving=serving, salaries=salaries, cash=lab.cash)


def valuation(lab: Lab, months: int) -> int:
    """What investors think the lab is worth, dollars."""
    annual_revenue = lab.revenue_last_turn * 12 // max(months, 1)
    return annual_revenue * 10 + max(0, lab.capability - 4000) * 100_000 + lab.users * 20


def raise_amount(lab: Lab, sentiment: int, months: int) -> int:
    """Money investors put in now: 15% of valuation, more when they are euphoric; at least $20M."""
    amount = valuation(lab, months) * 15 // 100 * (100 + sentiment) // 100
    amount = amount * lab.reputation // 50 if lab.reputation < 50 else amount
    return max(20_000_000, amount)
