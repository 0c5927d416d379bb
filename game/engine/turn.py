"""The turn: how it begins (news) and how the world answers once every seat has ended it.

Reading order for one turn: :func:`begin_turn` (bans in force, events) -> the seats' actions
(``handlers``) -> :func:`resolve_world` (deliveries, training, research, rivals, users, accounts,
markets, score) -> :func:`begin_turn` of the next turn, or the end of the game.
"""

from __future__ import annotations

from game.engine.conditions import frontier
from game.engine.context import Ctx
from game.engine.economy import settle_accounts, update_users, valuation
from game.engine.events import fire_due_events
from game.engine.market import market_step
from game.engine.rivals import has_compute, rival_compute, rivals_step
from game.engine.scoring import band_for, lab_bands, lab_win_score, score, score_parts
from game.engine.state import Lab, Outcome
from game.engine.training import monthly_compute, progress_research, progress_training

#: Chance (percent) that a grey-market shipment is seized, before government relations help.
GREY_SEIZURE_PCT = 25


def begin_turn(ctx: Ctx) -> None:
    state = ctx.state
    state.date = ctx.rules.dates[state.turn]
    for side in state.seats:
        lab = state.labs[side]
        lab.action_points = ctx.rules.scenario.action_points
        lab.bought_this_turn = {}
    world = state.world
    for ban in [b for b in world.pending_bans if b.turn <= state.turn]:
        world.banned = sorted({*world.banned, ban.chip})
        ctx.emit("ban.in_force", chip=ban.chip)
    world.pending_bans = [b for b in world.pending_bans if b.turn > state.turn]
    ctx.emit("turn.start", date=state.date, turn=state.turn)
    fire_due_events(ctx)
    state.active = state.seats[0]


def seizure_chance(lab: Lab) -> int:
    """Chance (percent) that customs seize ``lab``'s grey-market shipment at the end of this turn.

    Good government relations lower it, never under 5%.

    Example::

        >>> from types import SimpleNamespace
        >>> seizure_chance(SimpleNamespace(gov_relations=50))
        15
    """
    return max(5, GREY_SEIZURE_PCT - lab.gov_relations // 5)


def deliver_grey_chips(ctx: Ctx, lab: Lab) -> None:
    """Smuggled chips arrive at the end of the turn, unless customs seize them."""
    roll = int(ctx.rng.integers(0, 100))  # drawn every turn for every lab
    if not lab.in_transit:
        return
    chance = seizure_chance(lab)
    shipment, lab.in_transit = lab.in_transit, {}
    if roll < chance:
        lab.reputation = max(0, lab.reputation - 5)
        ctx.emit("grey.seized", lab.side, chips=shipment, chance_pct=chance)
        return
    for chip, count in sorted(shipment.items()):
        lab.chips[chip] = lab.chips.get(chip, 0) + count
    ctx.emit("grey.delivered", lab.side, chips=shipment, chance_pct=chance)


def record_series(ctx: Ctx) -> None:
    state = ctx.state
    labs = {}
    for side in state.seats:
        lab = state.labs[side]
        labs[side] = {
            "cash": lab.cash, "capability": lab.capability, "released": lab.released, "users": lab.users,
            "price_cents": lab.price_cents, "efficiency": lab.efficiency, "reputation": lab.reputation,
            "compute": monthly_compute(ctx.rules, lab), "revenue": lab.revenue_last_turn,
            "valuation": valuation(lab), "score": score(ctx, lab),
        }
    state.series.append({
        "turn": state.turn, "date": state.date, "labs": labs,
        "rivals": {r.id: r.capability for r in state.rivals if r.active},
        # the same unit as a lab's "compute"; rivals whose compute is not public are left out
        "rivals_compute": {r.id: rival_compute(ctx.rules, r.id, state.date) for r in state.rivals
                           if r.active and has_compute(ctx.rules, r.id)},
        "stocks": dict(state.world.stocks), "sentiment": state.world.sentiment,
        "market_users": state.world.market_users, "frontier": frontier(ctx),
    })


def end_game(ctx: Ctx, reason: str) -> None:
    state = ctx.state
    scenario = ctx.rules.scenario
    scores, results, bands = {}, {}, {}
    for side in state.seats:
        lab = state.labs[side]
        scores[side] = score(ctx, lab)
        # With outcome bands, the top (won) bands win; without, the lab's win score.
        band = band_for(lab_bands(scenario, side), scores[side])
        won = band.won if band is not None else scores[side] >= lab_win_score(scenario, side)
        results[side] = "bankrupt" if lab.cash < 0 else ("won" if won else "lost")
        bands[side] = band.id if band is not None and lab.cash >= 0 else results[side]
    state.outcome = Outcome(reason=reason, results=dict(results), scores=dict(scores),  # type: ignore[arg-type]
                            bands=dict(bands))
    ctx.emit("game.over", reason=reason, results=results, scores=scores, bands=bands,
             parts={s: score_parts(ctx, state.labs[s]) for s in state.seats})


def resolve_world(ctx: Ctx) -> None:
    """Everything that happens after the last seat ends its turn."""
    state = ctx.state
    for side in state.seats:
        lab = state.labs[side]
        deliver_grey_chips(ctx, lab)
        progress_training(ctx, lab)
        progress_research(ctx, lab)
    rivals_step(ctx)
    world = state.world
    world.market_users = world.market_users * (100 + ctx.rules.scenario.market_growth_pct * ctx.months) // 100
    update_users(ctx, frontier(ctx))
    for side in state.seats:
        settle_accounts(ctx, state.labs[side])
    market_step(ctx)
    world.sentiment = world.sentiment * 80 // 100
    if ctx.records:
        record_series(ctx)
    if any(state.labs[s].cash < 0 for s in state.seats):
        end_game(ctx, "bankrupt")
        return
    if state.turn + 1 >= len(ctx.rules.dates):
        end_game(ctx, "turn_limit" if ctx.rules.cut_short else "calendar")
        return
    ctx.next_turn()
    begin_turn(ctx)
