"""Users, revenue, costs, valuation and fundraising.

Users choose between released models by capability, price per million tokens, trust and openness:
a cheap near-frontier model pulls users from everyone (the market share model below).
"""

from __future__ import annotations

import math

from game.engine.context import Ctx
from game.engine.rules import Rules
from game.engine.state import Lab, RivalLab
from game.engine.training import running_cost

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
#: Reputation a lab loses when it sells a closed model after publishing open weights: the developers
#: who built on them feel let down (OpenAI's name has been held against it since GPT-2's staged release
#: in 2019; the backlash when a model's licence is tightened), the goodwill won by opening is lost.
CLOSING_REPUTATION = 15


def _roots() -> tuple[int, ...]:
    """2 ** (1 / 2 ** bit) for bit = 1..20, each as an integer scaled by 10 ** 12 (computed once)."""
    roots, root = [], 2 * 10**12
    for _ in range(20):
        root = math.isqrt(root * 10**12)
        roots.append(root)
    return tuple(roots)


_ROOTS = _roots()


#: Capability gap (hundredths of an index point) that doubles a model's pull on users: 3 points.
DOUBLING_GAP = 300


def _pow2_fraction_ppm(rest: int, den: int) -> int:
    """2 ** (rest / den) in millionths for 0 <= rest < den, by repeated integer square roots of its
    binary expansion."""
    # Binary digit ``bit`` of rest/den is floor(rest * 2**bit / den) % 2; it is found by long division
    # (double the remainder, subtract den when it fits): same digits, without a big power per digit.
    value = 1_000_000
    remainder = rest
    for root in _ROOTS:
        remainder *= 2
        if remainder >= den:
            remainder -= den
            value = value * root // 10**12
    return value


#: ``2 ** (rest / DOUBLING_GAP)`` in millionths for every rest: the users' model needs no other
#: fraction, so the 300 values are made once, here, instead of twenty square-root steps at each call.
_DOUBLING_FRACTIONS = tuple(_pow2_fraction_ppm(rest, DOUBLING_GAP) for rest in range(DOUBLING_GAP))


def quality_ppm(gap: int) -> int:
    """``2 ** (gap / DOUBLING_GAP)`` in millionths, by integer arithmetic (identical on every machine):
    a model's pull on users from its capability relative to the frontier.

    Example::

        >>> quality_ppm(0), quality_ppm(300), quality_ppm(-600), quality_ppm(150)
        (1000000, 2000000, 250000, 1414213)
    """
    whole, rest = divmod(gap, DOUBLING_GAP)
    value = _DOUBLING_FRACTIONS[rest]
    return value * 2**whole if whole >= 0 else value // 2**-whole


#: How many of :func:`pow2_fixed`'s twenty binary digits of the fraction (the highest) come from a table.
HIGH_DIGITS = 13


def _high_digit_values() -> tuple[int, ...]:
    """``2 ** (high / 2**HIGH_DIGITS)`` in millionths for every ``high`` of ``HIGH_DIGITS`` bits, with the
    truncations of :func:`_pow2_fraction_ppm`, which multiplies the digits in highest first: the values
    for one digit more are each value as it is (a 0) and times the next root (a 1)."""
    values = [1_000_000]
    for root in _ROOTS[:HIGH_DIGITS]:
        values = [value for before in values for value in (before, before * root // 10**12)]
    return tuple(values)


#: ``2 ** (high / 2**HIGH_DIGITS)`` for every ``high``: the first digits of :func:`pow2_fixed`'s fraction,
#: made once, here (8,192 values, about 2 ms); the market asks for a power of two for every stock
#: every turn, and each digit left to the loop is a multiplication and a division.
_POW2_HIGH_DIGITS = _high_digit_values()
_LOW_BITS = 20 - HIGH_DIGITS
_LOW_MASK = (1 << _LOW_BITS) - 1
#: For every ``low`` of the last ``_LOW_BITS`` bits, the roots of its one digits, highest first: the rest of
#: _pow2_fraction_ppm's loop for a fraction whose last binary digits are ``low``.
_LOW_DIGIT_ROOTS = tuple(tuple(root for index, root in enumerate(_ROOTS[HIGH_DIGITS:])
                               if low >> (_LOW_BITS - 1 - index) & 1)
                         for low in range(1 << _LOW_BITS))


def pow2_fixed(exponent: int) -> int:
    """``2 ** (exponent / 2**20)`` in millionths, by integer arithmetic (``exponent`` in the units of
    :func:`game.engine.training.log2_fixed`).

    Example::

        >>> pow2_fixed(0), pow2_fixed(1 << 20), pow2_fixed(-(1 << 20)), pow2_fixed(1 << 19)
        (1000000, 2000000, 500000, 1414213)
    """
    whole, rest = divmod(exponent, 1 << 20)
    # The first binary digits of the fraction from the table, then the last ones as the loop of
    # _pow2_fraction_ppm does them (its digits of rest / 2**20 are the bits of rest, highest first).
    value = _POW2_HIGH_DIGITS[rest >> _LOW_BITS]
    for root in _LOW_DIGIT_ROOTS[rest & _LOW_MASK]:
        value = value * root // 10**12
    return value * 2**whole if whole >= 0 else value // 2**-whole


def _cheapness(price_cents: int) -> int:
    """Proportional to price ** -1.5: a model's pull on users falls faster than its price rises, so a
    lab that cuts its price wins more revenue while its share of the market is small, and loses some
    once it has a third of it (with this elasticity the best share for revenue is 1 - 1/1.5).
    A simplification: the game's users are developers and firms buying tokens, who compare prices."""
    price = max(price_cents, 10)
    return 10**15 // (price * math.isqrt(price * 100))


def attractiveness(capability: int, frontier: int, price_cents: int, trust: int, open_weights: bool) -> int:
    """How strongly users are drawn to a model (relative scale, an integer).

    Doubles for every 3 points of capability, grows with the square root of cheapness, scales with
    trust, and gets a 30% bonus for open weights.
    """
    quality = quality_ppm(capability - frontier)
    return quality * _cheapness(price_cents) * max(trust, 5) * (130 if open_weights else 100) // 10**6


def update_users(ctx: Ctx, frontier: int) -> None:
    """Share the world's users among released models; labs move 40% of the way each turn."""
    labs: list[tuple[Lab, int]] = []
    rivals: list[tuple[RivalLab, int]] = []
    total = 0
    for side in ctx.state.seats:
        lab = ctx.state.labs[side]
        if lab.released:
            weight = attractiveness(lab.released, frontier, lab.price_cents, lab.reputation, lab.open_weights)
            labs.append((lab, weight))
            total += weight
    for rival in ctx.state.rivals:
        if rival.active and rival.capability:
            weight = attractiveness(rival.capability, frontier, rival.price_cents, rival.trust, rival.open_weights)
            rivals.append((rival, weight))
            total += weight
    total = total or 1
    market = ctx.state.world.market_users
    for lab, weight in labs:
        target = market * weight // total
        lab.users = max(0, lab.users + (target - lab.users) * 40 // 100)
        most = serving_capacity(ctx.rules, lab)
        if lab.users > most:
            ctx.emit("serving.full", lab.side, users=lab.users, capacity=most)
            lab.users = most
    for rival, weight in rivals:
        rival.users = market * weight // total


#: Millions of output tokens one H100's worth of chips serves in a month: about 400 tokens a second for
#: a large model with long answers (a simplification: serving speeds vary tenfold with the model, the
#: batch and the context length).
SERVED_M_TOKENS_PER_H100_MONTH = 1000


def serving_capacity(rules: Rules, lab: Lab) -> int:
    """The most users the lab's own chips can serve in a month (an open-weights model is also served
    by others, who carry the share of users the lab does not bill).

    Example::

        >>> from game.content.loader import load_content
        >>> rules = Rules(load_content(), load_content().scenario("cn_lab"))
        >>> lab = Lab(side="cn", name="x", cash=0, start_cash=0, capability=0, talent=1, price_cents=100,
        ...           chips={"h800": 1000})
        >>> serving_capacity(rules, lab)  # 1,000 H800 x 1,000M tokens / 0.15M tokens a user
        6666666
    """
    chips = rules.chip_figures
    h100s = 0
    for chip, count in lab.chips.items():  # (a loop, not sum() over a generator: asked every turn)
        model = chips.get(chip)
        if model is not None:
            h100s += count * model.serve_perf // 1000
    users = h100s * SERVED_M_TOKENS_PER_H100_MONTH * 100 // tokens_per_user_pct(rules, lab)
    return users * 100 // OPEN_REVENUE_PCT if lab.open_weights else users


def tokens_per_user_pct(rules: Rules, lab: Lab) -> int:
    """Hundredths of a million tokens a user of ``lab`` consumes a month: more once its model reasons."""
    techs, extra = rules.tech_figures, 0
    for tech in lab.techs:  # (a loop, as in serving_capacity)
        model = techs.get(tech)
        if model is not None:
            extra += model.tokens_pct
    return TOKENS_PER_USER_MONTH_PCT * (100 + extra) // 100


def accounts(rules: Rules, lab: Lab, months: int) -> tuple[int, int, int, int]:
    """(revenue, serving, salaries, power) of ``lab`` over ``months`` at its present users, price, staff
    and chips, dollars: the figures :func:`settle_accounts` books."""
    tokens_m = lab.users * tokens_per_user_pct(rules, lab) * months // 100  # integers: same everywhere
    revenue = tokens_m * lab.price_cents // 100 if lab.released else 0
    if lab.open_weights:
        revenue = revenue * OPEN_REVENUE_PCT // 100
    serving = tokens_m * SERVING_CENTS_PER_M * (100 - lab.serving_pct) // 100 // 100 if lab.released else 0
    salaries = lab.talent * SALARY_PER_MONTH * months
    return revenue, serving, salaries, running_cost(rules, lab, months)


def settle_accounts(ctx: Ctx, lab: Lab) -> None:
    """Revenue from users, serving cost, salaries, and the power and hosting of owned chips, this turn."""
    revenue, serving, salaries, power = accounts(ctx.rules, lab, ctx.months)
    lab.cash += revenue - serving - salaries - power
    lab.revenue_last_turn = revenue
    lab.revenue_year = revenue_year(lab.revenue_year, revenue, ctx.months)
    lab.ledger.add_income("revenue", revenue)
    lab.ledger.add_spend("serving", serving)
    lab.ledger.add_spend("salaries", salaries)
    lab.ledger.add_spend("power", power)
    ctx.emit("accounts", lab.side, revenue=revenue, serving=serving, salaries=salaries, power=power,
             cash=lab.cash)


def revenue_year(before: int, revenue: int, months: int) -> int:
    """The yearly revenue investors count after a turn of ``months`` that earned ``revenue``: the
    year's figure moves towards the turn's pace (``revenue`` x 12 / ``months``) by ``months`` twelfths of
    the gap, so it follows about the last twelve months. A price raised in the last month of a game
    shows in it for a twelfth only: investors look at a year of sales, not at one month.

    Example::

        >>> revenue_year(120_000_000, 30_000_000, 1)  # a month at a $360M pace: a twelfth of the way
        140000000
        >>> revenue_year(0, 30_000_000, 3)  # a first quarter at a $120M pace: a quarter of the way
        30000000
    """
    pace = revenue * 12 // max(months, 1)
    return before + (pace - before) * min(months, 12) // 12


def valuation(lab: Lab) -> int:
    """What investors think the lab is worth, dollars: ten times its yearly revenue, its model, its
    users."""
    return lab.revenue_year * 10 + max(0, lab.capability - 4000) * 100_000 + lab.users * 20


def raise_amount(lab: Lab, sentiment: int) -> int:
    """Money investors put in now: a tenth of the valuation, more when they are euphoric; at least $20M
    (OpenAI's $6.6B of October 2024 was 4% of its $157B valuation; its $10B of January 2023, a third of
    $29B)."""
    amount = valuation(lab) * 10 // 100 * (100 + sentiment) // 100
    amount = amount * lab.reputation // 50 if lab.reputation < 50 else amount
    return max(20_000_000, amount)
