"""Computer-run rival labs: their capability grows by seeded draws, their prices drift; their compute
follows the public record (:func:`rival_compute`)."""

from __future__ import annotations

from itertools import pairwise

from game.engine.context import Ctx
from game.engine.market import best_other_model
from game.engine.rules import HOURS_PER_MONTH, Rules


def rivals_step(ctx: Ctx) -> None:
    """Every rival draws its growth each turn (the draw shape never depends on the situation)."""
    rules = ctx.rules
    months, growth_pct = ctx.months, rules.difficulty[1]
    turn_end = rules.turn_end(ctx.state.turn)
    # Each rival's growth from low to high, all in one call: numpy draws an array of bounds element by
    # element, the same numbers as one call per rival (tests/engine/test_rivals.py), with one call's overhead.
    draws = ctx.rng.integers(*rules.rival_growth).tolist()
    # (Locals and Rules.rival_table: five rivals every turn, each read through several models.)
    for (active_from, historical, trend_pct), rival, draw in zip(rules.rival_table, ctx.state.rivals, draws,
                                                                 strict=True):
        gain = draw * months * growth_pct // 100
        if not rival.active:
            if active_from is not None and active_from <= turn_end:
                rival.active = True
                ctx.emit("rival.appears", rival=rival.name)
            continue
        if historical:
            gain //= 4  # its big steps come from the chronology's events
        rival.capability = min(10000, rival.capability + gain)
        rival.price_cents = max(10, rival.price_cents * (100 + trend_pct * months) // 100)
    copy_open_weights(ctx)


#: Open weights are copied: a rival behind a published model closes this share of the gap a month...
COPY_PCT_PER_MONTH = 15
#: ...up to this far below it (hundredths of a point): fine-tuning and distilling a model gets close to
#: it, not past it.
COPY_MARGIN = 100


def copy_open_weights(ctx: Ctx) -> None:
    """Every active rival behind a lab's open-weights model on sale closes part of the gap: open weights
    win users, reputation and talent, but a lab that leads gives its lead away (Alibaba's Qwen, Moonshot
    and others built on Llama's and DeepSeek's published weights and reports; a closed model can only be
    distilled through its paid API). Only the best model on the market is copied: a lab that trails the
    frontier loses nothing by opening its weights, a lab that leads gives part of its lead away.

    Example::

        >>> from game.content.loader import load_content
        >>> from game.engine.game import Game
        >>> from game.engine.rng import NO_DRAWS
        >>> game = Game(load_content(), "cn_lab")
        >>> state = game.new_game(seed=1)
        >>> lab, rival = state.labs["cn"], state.rivals[0]
        >>> lab.released, lab.open_weights = 6000, True  # better than every rival (OpenAI: 4,500)
        >>> copy_open_weights(Ctx(game.rules, state, NO_DRAWS))  # a quarter: 45% of the gap to 5,900
        >>> state.rivals[0].capability
        5130
    """
    share = min(100, COPY_PCT_PER_MONTH * ctx.months)
    for side in ctx.state.seats:
        lab = ctx.state.labs[side]
        if not (lab.released and lab.open_weights) or lab.released < best_other_model(ctx, 0, lab.name)[0]:
            continue
        ceiling = lab.released - COPY_MARGIN
        copiers = []
        for rival in ctx.state.rivals:
            if rival.active and rival.capability < ceiling:
                rival.capability += (ceiling - rival.capability) * share // 100
                copiers.append(rival.name)
        if copiers:  # one line a turn, not one per rival
            ctx.emit("rival.copies", rivals=", ".join(copiers), maker=lab.name)


def _month_number(date: str) -> int:
    """Months since year 0 of a ``YYYY-MM`` or ``YYYY-MM-DD`` date (the day is not counted)."""
    return int(date[:4]) * 12 + int(date[5:7]) - 1


def _between(low: int, high: int, done: int, months: int) -> int:
    """The figure ``done`` months into ``months`` on the way from ``low`` to ``high``, growing by the same
    factor each month (fleets of accelerators grew several times a year, not by a fixed number): the
    weighted geometric mean, as the integer ``months``-th root of ``low**(months-done) * high**done``
    (exact integers: the same on every machine). With a zero end, a straight line.

    Example::

        >>> _between(1000, 4000, 1, 2), _between(0, 10, 1, 2)
        (2000, 5)
    """
    if low <= 0 or high <= 0:
        return low + (high - low) * done // months
    target = low ** (months - done) * high ** done
    lo, hi = min(low, high), max(low, high)
    while lo < hi:  # the largest x with x**months <= target
        mid = (lo + hi + 1) // 2
        if mid ** months <= target:
            lo = mid
        else:
            hi = mid - 1
    return lo


def rival_compute(rules: Rules, rival_id: str, date: str) -> int:
    """A rival lab's compute on ``date``, in the unit of a played lab's compute
    (:func:`game.engine.training.monthly_compute`): H100-equivalent GPU-hours a month.

    The content gives a few dated figures from the public record (``compute`` of the rival, in
    H100-equivalent chips); between two of them the fleet grows by the same factor every month,
    before the first it is the first figure, after the last it stays. A rival with no figures has 0.
    Integer arithmetic, so every machine gives the same figure. Raises ``KeyError`` for an id the
    scenario does not have.

    Example (OpenAI: 25,000 A100 in August 2022, 100,000 H100 in December 2024)::

        >>> from game.content.loader import load_content
        >>> rules = Rules(load_content(), load_content().scenario("cn_lab"))
        >>> rival_compute(rules, "openai", "2022-08-01") // HOURS_PER_MONTH
        8250
        >>> rival_compute(rules, "openai", "2025-01-01") // HOURS_PER_MONTH
        100000
        >>> rival_compute(rules, "alibaba", "2025-01-01")
        0
    """
    points = next((r for r in rules.rivals if r.id == rival_id), None)
    if points is None:
        raise KeyError(f"no rival {rival_id!r} in scenario {rules.scenario.id!r}")
    path = points.compute
    if not path:
        return 0
    month = _month_number(date)
    chips = path[0].h100e
    for before, after in pairwise(path):
        start, end = _month_number(before.date), _month_number(after.date)
        if month >= end:
            chips = after.h100e
        elif month > start:  # between the two figures: the same growth rate every month
            chips = _between(before.h100e, after.h100e, month - start, end - start)
            break
        else:
            break
    return chips * HOURS_PER_MONTH


def has_compute(rules: Rules, rival_id: str) -> bool:
    """Whether the content gives the rival a compute path (Alibaba's is not public: it has none).

    Example::

        >>> from game.content.loader import load_content
        >>> rules = Rules(load_content(), load_content().scenario("cn_lab"))
        >>> has_compute(rules, "openai"), has_compute(rules, "alibaba")
        (True, False)
    """
    return any(r.id == rival_id and r.compute for r in rules.rivals)
