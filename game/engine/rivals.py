"""Computer-run rival labs: their capability grows by seeded draws, their prices drift."""

from __future__ import annotations

from game.engine.calendar import date_key
from game.engine.context import Ctx


def rivals_step(ctx: Ctx) -> None:
    """Every rival draws its growth each turn (the draw shape never depends on the situation)."""
    months = ctx.months
    for spec, rival in zip(ctx.rules.rivals, ctx.state.rivals, strict=True):
        low, high = spec.growth
        gain = int(ctx.rng.integers(low, high + 1)) * months * ctx.rules.difficulty[1] // 100
        if not rival.active:
            if spec.active_from and date_key(spec.active_from) <= ctx.rules.turn_end(ctx.state.turn):
                rival.active = True
                ctx.emit("rival.appears", rival=rival.name)
            continue
        if spec.historical:
            gain //= 4  # its big steps come from the chronology's events
        rival.capability = min(10000, rival.capability + gain)
        rival.price_cents = max(10, rival.price_cents * (100 + spec.price_trend_pct * months) // 100)
