"""Apply content effects to the state.

Lab effects (cash, reputation, chips…) act on the lab an event concerns and are skipped when that side
is not played; world effects (bans, stocks, flags, rivals) always apply, once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from game.content import effects as e
from game.engine.context import Ctx
from game.engine.market import best_other_model, move_stocks, release_shock, shock_factor
from game.engine.plain import RECORDS
from game.engine.state import Lab, PendingBan, Scheduled

LAB_EFFECTS: tuple[type, ...] = (e.Cash, e.GrantChips, e.LoseChips, e.TechProgress)


def is_lab_effect(effect: Any) -> bool:
    return isinstance(effect, LAB_EFFECTS) or (
        isinstance(effect, e.StatDelta) and effect.verb not in WORLD_STATS)


WORLD_STATS = ("sentiment", "market_users_pct")


def clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


def _cash(ctx: Ctx, lab: Lab, k: e.Cash) -> None:
    lab.cash += k.amount
    if k.amount >= 0:
        lab.ledger.add_income("events", k.amount)
    else:
        lab.ledger.add_spend("events", -k.amount)


def _stat(ctx: Ctx, lab: Lab | None, k: e.StatDelta) -> None:
    verb, amount = k.verb, k.amount  # (each field read once: a verb's reads are slow)
    if verb == "sentiment":
        ctx.state.world.sentiment = clamp(ctx.state.world.sentiment + amount, -100, 100)
        return
    if verb == "market_users_pct":
        world = ctx.state.world
        world.market_users = max(0, world.market_users * (100 + amount) // 100)
        return
    assert lab is not None
    if verb in ("reputation", "gov_relations"):
        setattr(lab, verb, clamp(getattr(lab, verb) + amount, 0, 100))
    elif verb == "talent":
        lab.talent = max(1, lab.talent + amount)
    elif verb == "users_pct":
        lab.users = max(0, lab.users * (100 + amount) // 100)
    elif verb == "efficiency_pct":
        lab.efficiency = max(100, lab.efficiency * (100 + amount) // 100)
    elif verb == "capability":
        lab.capability = clamp(lab.capability + amount, 0, 10000)


def _grant(ctx: Ctx, lab: Lab, k: e.GrantChips) -> None:
    lab.chips[k.chip] = max(0, lab.chips.get(k.chip, 0) + k.count)


def _lose(ctx: Ctx, lab: Lab, k: e.LoseChips) -> None:
    owned = lab.chips.get(k.chip, 0)
    lab.chips[k.chip] = owned - owned * k.pct // 100


def _tech(ctx: Ctx, lab: Lab, k: e.TechProgress) -> None:
    from game.engine.training import finish_tech

    if k.tech not in lab.techs:
        lab.research = [p for p in lab.research if p.tech != k.tech]
        finish_tech(ctx, lab, k.tech)


def _ban(ctx: Ctx, lab: Lab | None, k: e.BanChips) -> None:
    world = ctx.state.world
    for chip in k.chips:
        if chip in world.banned:
            continue
        if k.delay_turns == 0:
            world.banned = sorted({*world.banned, chip})
            ctx.emit("ban.in_force", chip=chip)
        else:
            world.pending_bans = [p for p in world.pending_bans if p.chip != chip]
            world.pending_bans.append(PendingBan(chip=chip, turn=ctx.state.turn + k.delay_turns))
            ctx.emit("ban.announced", chip=chip, turns=k.delay_turns)


def _allow(ctx: Ctx, lab: Lab | None, k: e.AllowChips) -> None:
    world = ctx.state.world
    world.banned = [c for c in world.banned if c not in k.chips]
    world.pending_bans = [p for p in world.pending_bans if p.chip not in k.chips]
    for chip in k.chips:
        ctx.emit("ban.lifted", chip=chip)


def _chip_price(ctx: Ctx, lab: Lab | None, k: e.ChipPrice) -> None:
    levels = ctx.state.world.chip_price_pct
    levels[k.chip] = max(10, levels.get(k.chip, 100) * (100 + k.pct) // 100)


def _stocks(ctx: Ctx, lab: Lab | None, k: e.Stocks) -> None:
    move_stocks(ctx, {stock: round(pct * 100) for stock, pct in k.moves.items()})


def _market(ctx: Ctx, lab: Lab | None, k: e.Market) -> None:
    move_stocks(ctx, shock_factor(ctx, k.factor, round(k.pct * 100)))


def _flag(ctx: Ctx, lab: Lab | None, k: e.SetFlag | e.ClearFlag) -> None:
    flags = set(ctx.state.world.flags)
    if k.verb == "set_flag":  # (a SetFlag or its plain record)
        flags.add(k.name)
    else:
        flags.discard(k.name)
    ctx.state.world.flags = sorted(flags)


def _rival_release(ctx: Ctx, lab: Lab | None, k: e.RivalRelease) -> None:
    for rival in ctx.state.rivals:
        if rival.id != k.rival:
            continue
        rival.active = True
        if k.capability is not None:
            rival.capability = k.capability
        if k.gain is not None:
            rival.capability = clamp(rival.capability + k.gain, 0, 10000)
        if k.behind is not None:
            rival.capability = clamp(best_other_model(ctx, rival.capability, rival.name)[0] - k.behind, 0, 10000)
        if k.price_cents is not None:
            rival.price_cents = k.price_cents
        if k.open_weights is not None:
            rival.open_weights = k.open_weights
        ctx.emit("rival.release", rival=rival.name, capability=rival.capability, price_cents=rival.price_cents)
        release_shock(ctx, rival.capability, rival.price_cents, k.claimed_cost, maker=rival.name)


def _follow_up(ctx: Ctx, lab: Lab | None, k: e.FollowUp) -> None:
    side = lab.side if lab else None
    ctx.state.scheduled.append(Scheduled(event=k.event, turn=ctx.state.turn + k.after_turns, side=side))


_APPLY: dict[type, Callable[[Ctx, Any, Any], None]] = {
    e.Cash: _cash, e.StatDelta: _stat, e.GrantChips: _grant, e.LoseChips: _lose, e.TechProgress: _tech,
    e.BanChips: _ban, e.AllowChips: _allow, e.ChipPrice: _chip_price, e.Stocks: _stocks, e.Market: _market,
    e.SetFlag: _flag, e.ClearFlag: _flag, e.RivalRelease: _rival_release, e.FollowUp: _follow_up,
}
# A verb's plain record (game.engine.plain: what an event's card holds) is applied as the verb.
_APPLY.update({RECORDS[verb]: handler for verb, handler in list(_APPLY.items())})
_LAB_KINDS = frozenset((*LAB_EFFECTS, *(RECORDS[verb] for verb in LAB_EFFECTS)))
_STAT_KINDS = frozenset((e.StatDelta, RECORDS[e.StatDelta]))


def apply_effects(ctx: Ctx, effects: Sequence[Any], labs: list[Lab], world: bool = True) -> None:
    """Apply ``effects``: lab effects to each lab in ``labs``, world effects once when ``world``."""
    for effect in effects:
        kind = type(effect)
        handler = _APPLY[kind]
        # is_lab_effect inlined with exact types (verbs are leaf classes): this runs for every effect
        # of every event that fires, and the isinstance tests were a third of the cost.
        if kind in _LAB_KINDS or (kind in _STAT_KINDS and effect.verb not in WORLD_STATS):
            for lab in labs:
                handler(ctx, lab, effect)
        elif world:
            handler(ctx, labs[0] if len(labs) == 1 else None, effect)
