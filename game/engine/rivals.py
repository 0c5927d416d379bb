"""Computer-run rival labs: their capability grows by seeded draws, their prices drift."""

from __future__ import annotations

from game.engine.context import Ctx


def rivals_step(ctx: Ctx) -> None:
    """Every rival draws its growth each turn (the draw shape never depends on the situation)."""
    rules = ctx.rules
    months, growth_pct, rng = ctx.months, rules.difficulty[1], ctx.rng
    turn_end = rules.turn_end(ctx.state.turn)
    # (Locals and Rules.rival_table: five rivals every turn, each read through several models.)
    for (low, high, active_from, historical, trend_pct), rival in zip(rules.rival_table, ctx.state.rivals,
                                                                      strict=True):
        gain = int(rng.integers(low, high + 1)) * months * growth_pct // 100
        if not rival.active:
            if active_from is not None and active_from <= turn_end:
                rival.active = True
                ctx.emit("rival.appears", rival=rival.name)
            continue
        if historical:
            gain //= 4  # its big steps come from the chronology's events
        rival.capability = min(10000, rival.capability + gain)
        rival.price_cents = max(10, rival.price_cents * (100 + trend_pct * months) // 100)
