"""Each action's legality check and effect. A handler checks everything before it changes anything."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.engine import actions as a
from game.engine import errors as err
from game.engine.calendar import date_key
from game.engine.context import Ctx
from game.engine.economy import HIRE_COST, LOBBY_COST, RAISE_COOLDOWN, raise_amount
from game.engine.events import offered_choices, take_choice
from game.engine.state import Lab, ResearchProject, TrainingRun
from game.engine.training import MAX_RUN_TURNS, MIN_RUN_HOURS, own_hours_per_turn, training_cost

GREY_PRICE_PCT = 200
GREY_SUPPLY_PCT = 25
MAX_PRICE_CENTS = 100_000


def _pay(lab: Lab, amount: int, category: str) -> None:
    if amount > lab.cash:
        raise err.NotEnoughCash(f"costs ${amount:,}, the lab has ${lab.cash:,}", need=amount, cash=lab.cash)
    lab.cash -= amount
    lab.ledger.add_spend(category, amount)


def chip_refusal(ctx: Ctx, lab: Lab, chip_id: str, grey: bool = False) -> str | None:
    """Why this lab may not get ``chip_id`` now, as a word (``None``: it may).

    The cheap test behind :func:`check_chip`: the legal-action menu asks it for every chip at every
    step, where building and raising an error each time would cost more than the rest of the menu.
    """
    chip = ctx.rules.chips.get(chip_id)
    if chip is None:
        return "unknown"
    if lab.side not in chip.buyers:
        return "not_for_side"
    if date_key(chip.available_from) >= ctx.rules.turn_end(ctx.state.turn):
        return "not_yet"
    banned = lab.side == "cn" and chip_id in ctx.state.world.banned
    if banned and not grey:
        return "banned"
    if grey and not banned:
        return "grey_not_needed"
    return None


def check_chip(ctx: Ctx, lab: Lab, chip_id: str, grey: bool = False) -> None:
    """Refuse chips this lab may not get: unknown, not on sale yet, not sold to its side, banned."""
    reason = chip_refusal(ctx, lab, chip_id, grey)
    if reason is None:
        return
    chip = ctx.rules.chips.get(chip_id)
    if chip is None:
        raise err.UnknownId(f"no chip '{chip_id}'", chip=chip_id)
    if reason == "not_for_side":
        raise err.NotAvailable(f"{chip.name} is not sold to {lab.side} labs", "illegal.chip_not_for_side",
                               chip=chip_id)
    if reason == "not_yet":
        raise err.NotAvailable(f"{chip.name} is on sale from {chip.available_from}", "illegal.chip_not_yet",
                               chip=chip_id, date=chip.available_from)
    if reason == "banned":
        raise err.ExportBanned(f"{chip.name}: export-banned for Chinese buyers", chip=chip_id)
    raise err.NotAvailable(f"{chip.name} can be bought legally: no grey market needed",
                           "illegal.grey_not_needed", chip=chip_id)


def supply_left(ctx: Ctx, lab: Lab, chip_id: str, grey: bool) -> int:
    supply = ctx.rules.chips[chip_id].supply * ctx.months
    if grey:
        supply = supply * GREY_SUPPLY_PCT // 100
    return max(0, supply - lab.bought_this_turn.get(chip_id, 0))


def chip_unit_price(ctx: Ctx, chip_id: str, grey: bool) -> int:
    price = ctx.rules.chip_price(chip_id, ctx.state.world.chip_price_pct.get(chip_id, 100))
    return price * GREY_PRICE_PCT // 100 if grey else price


def buy_chips(ctx: Ctx, lab: Lab, act: a.BuyChips) -> None:
    check_chip(ctx, lab, act.chip, act.grey)
    left = supply_left(ctx, lab, act.chip, act.grey)
    if act.count > left:
        raise err.InvalidAmount(f"only {left:,} {act.chip} chips can be had this turn", "illegal.supply",
                                chip=act.chip, left=left)
    _pay(lab, act.count * chip_unit_price(ctx, act.chip, act.grey), "grey_chips" if act.grey else "chips")
    lab.bought_this_turn[act.chip] = lab.bought_this_turn.get(act.chip, 0) + act.count
    if act.grey:
        lab.in_transit[act.chip] = lab.in_transit.get(act.chip, 0) + act.count
        lab.grey_bought += act.count
        ctx.state.world.flags = sorted({*ctx.state.world.flags, "grey_market_used"})
    else:
        lab.chips[act.chip] = lab.chips.get(act.chip, 0) + act.count
    ctx.emit("action.buy_chips", lab.side, chip=act.chip, count=act.count, grey=act.grey)


def rent_cloud(ctx: Ctx, lab: Lab, act: a.RentCloud) -> None:
    check_chip(ctx, lab, act.chip)
    _pay(lab, training_cost(act.gpu_hours, ctx.rules.chips[act.chip].rent_cents), "cloud")
    lab.cloud_hours[act.chip] = lab.cloud_hours.get(act.chip, 0) + act.gpu_hours
    ctx.emit("action.rent_cloud", lab.side, chip=act.chip, gpu_hours=act.gpu_hours)


def max_run_hours(ctx: Ctx, lab: Lab, chip_id: str) -> int:
    """The largest run that fits: four turns of owned chips plus the prepaid cloud hours."""
    return own_hours_per_turn(lab, chip_id, ctx.months) * MAX_RUN_TURNS + lab.cloud_hours.get(chip_id, 0)


def start_training(ctx: Ctx, lab: Lab, act: a.StartTraining) -> None:
    if lab.run is not None:
        raise err.NotAvailable("a training run is already in progress", "illegal.run_in_progress")
    chip = ctx.rules.chips.get(act.chip)
    if chip is None:
        raise err.UnknownId(f"no chip '{act.chip}'", chip=act.chip)
    limit = max_run_hours(ctx, lab, act.chip)
    if limit == 0:
        raise err.NotAvailable(f"no {chip.name} chips or cloud hours to train on", "illegal.no_compute",
                               chip=act.chip)
    if not MIN_RUN_HOURS <= act.gpu_hours <= limit:
        raise err.InvalidAmount(f"a run on {chip.name} can use {MIN_RUN_HOURS:,} to {limit:,} GPU-hours",
                                "illegal.run_size", low=MIN_RUN_HOURS, high=limit)
    reported = training_cost(act.gpu_hours, chip.rent_cents)
    lab.run = TrainingRun(chip=act.chip, gpu_hours=act.gpu_hours, reported_cost=reported,
                          started_turn=ctx.state.turn)
    ctx.emit("action.train", lab.side, chip=act.chip, gpu_hours=act.gpu_hours, reported_cost=reported)


def research(ctx: Ctx, lab: Lab, act: a.Research) -> None:
    tech = ctx.rules.techs.get(act.tech)
    if tech is None:
        raise err.UnknownId(f"no technique '{act.tech}'", tech=act.tech)
    if act.tech in lab.techs or any(p.tech == act.tech for p in lab.research):
        raise err.NotAvailable(f"{act.tech} is already researched or under way", "illegal.tech_done",
                               tech=act.tech)
    missing = [t for t in tech.requires if t not in lab.techs]
    if missing:
        raise err.NotAvailable(f"{act.tech} needs {', '.join(missing)} first", "illegal.tech_requires",
                               tech=act.tech, missing=missing)
    if lab.capability < tech.min_capability:
        raise err.NotAvailable(f"{act.tech} needs capability {tech.min_capability / 100:.0f}",
                               "illegal.tech_capability", tech=act.tech, need=tech.min_capability)
    _pay(lab, tech.cost, "research")
    lab.research.append(ResearchProject(tech=act.tech, turns_left=tech.turns))
    ctx.emit("action.research", lab.side, tech=act.tech, turns=tech.turns)


def _check_price(price_cents: int) -> None:
    if not 10 <= price_cents <= MAX_PRICE_CENTS:
        raise err.InvalidAmount("a price per million tokens lies between $0.10 and $1,000", "illegal.price")


def release(ctx: Ctx, lab: Lab, act: a.Release) -> None:
    if lab.capability <= lab.released:
        raise err.NotAvailable("no model better than the one on sale: train first", "illegal.nothing_new")
    _check_price(act.price_cents)
    lab.released, lab.released_turn = lab.capability, ctx.state.turn
    lab.price_cents, lab.open_weights = act.price_cents, act.open_weights
    if act.open_weights:
        lab.reputation = min(100, lab.reputation + 5)
    ctx.emit("action.release", lab.side, capability=lab.released, price_cents=act.price_cents,
             open_weights=act.open_weights)


def set_price(ctx: Ctx, lab: Lab, act: a.SetPrice) -> None:
    if not lab.released:
        raise err.NotAvailable("no model on sale yet", "illegal.not_released")
    _check_price(act.price_cents)
    if act.price_cents == lab.price_cents:
        raise err.InvalidAmount("that is already the price", "illegal.same_price")
    lab.price_cents = act.price_cents
    ctx.emit("action.set_price", lab.side, price_cents=act.price_cents)


def raise_money(ctx: Ctx, lab: Lab, act: a.RaiseMoney) -> None:
    wait = lab.last_raise_turn + RAISE_COOLDOWN - ctx.state.turn
    if wait > 0:
        raise err.NotAvailable(f"investors will listen again in {wait} turn(s)", "illegal.raise_cooldown",
                               turns=wait)
    amount = raise_amount(lab, ctx.state.world.sentiment, ctx.months)
    lab.cash += amount
    lab.ledger.add_income("investors", amount)
    lab.last_raise_turn = ctx.state.turn
    ctx.emit("action.raise", lab.side, amount=amount)


def lobby(ctx: Ctx, lab: Lab, act: a.Lobby) -> None:
    if lab.gov_relations >= 100:
        raise err.NotAvailable("government relations are already at their best", "illegal.lobby_max")
    _pay(lab, LOBBY_COST, "lobbying")
    lab.gov_relations = min(100, lab.gov_relations + 10)
    ctx.emit("action.lobby", lab.side, gov_relations=lab.gov_relations)


def hire(ctx: Ctx, lab: Lab, act: a.Hire) -> None:
    _pay(lab, act.count * HIRE_COST, "hiring")
    lab.talent += act.count
    ctx.emit("action.hire", lab.side, count=act.count, talent=lab.talent)


def choose(ctx: Ctx, lab: Lab, act: a.Choose) -> None:
    pending = next((p for p in ctx.state.pending if p.side == lab.side), None)
    if pending is None or pending.event != act.event:
        raise err.NotAvailable(f"no event card '{act.event}' is waiting for {lab.side}", "illegal.no_card",
                               event=act.event)
    event = ctx.rules.events_by_id[act.event]
    choice = next((c for c in offered_choices(ctx, event, lab) if c.id == act.choice), None)
    if choice is None:
        raise err.UnknownId(f"event '{act.event}' has no choice '{act.choice}' now", choice=act.choice)
    ctx.state.pending.remove(pending)
    take_choice(ctx, event, choice, lab)


HANDLERS: dict[type, Callable[[Ctx, Lab, Any], None]] = {
    a.BuyChips: buy_chips, a.RentCloud: rent_cloud, a.StartTraining: start_training, a.Research: research,
    a.Release: release, a.SetPrice: set_price, a.RaiseMoney: raise_money, a.Lobby: lobby, a.Hire: hire,
    a.Choose: choose,
}
