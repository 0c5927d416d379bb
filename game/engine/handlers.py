"""What each action does. A handler raises its refusal (game.engine.refusals, where each rule is
written) before it changes anything, so an illegal action changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.engine import actions as a
from game.engine import errors as err
from game.engine import refusals as r
from game.engine.context import Ctx
from game.engine.economy import CLOSING_REPUTATION, HIRE_COST, LOBBY_COST, raise_amount
from game.engine.events import take_choice
from game.engine.market import release_shock
from game.engine.state import Lab, ResearchProject, TrainingRun


def _check(refusal: err.IllegalAction | None) -> None:
    if refusal is not None:
        raise refusal


def _pay(lab: Lab, amount: int, category: str) -> None:
    """Spend ``amount`` (the refusal has checked the cash)."""
    lab.cash -= amount
    lab.ledger.add_spend(category, amount)


def buy_chips(ctx: Ctx, lab: Lab, act: a.BuyChips) -> None:
    _check(r.refuse_buy(ctx, lab, act.chip, act.count, act.grey))
    _pay(lab, act.count * r.buy_terms(ctx, lab, act.chip, act.grey)[1], "grey_chips" if act.grey else "chips")
    lab.bought_this_turn[act.chip] = lab.bought_this_turn.get(act.chip, 0) + act.count
    if act.grey:
        lab.in_transit[act.chip] = lab.in_transit.get(act.chip, 0) + act.count
        lab.grey_bought += act.count
        ctx.state.world.flags = sorted({*ctx.state.world.flags, "grey_market_used"})
    else:
        lab.chips[act.chip] = lab.chips.get(act.chip, 0) + act.count
    ctx.emit("action.buy_chips", lab.side, chip=act.chip, count=act.count, grey=act.grey)


def rent_cloud(ctx: Ctx, lab: Lab, act: a.RentCloud) -> None:
    _check(r.refuse_rent(ctx, lab, act.chip, act.gpu_hours))
    _pay(lab, r.rent_cost(ctx.rules, act.chip, act.gpu_hours), "cloud")
    lab.cloud_hours[act.chip] = lab.cloud_hours.get(act.chip, 0) + act.gpu_hours
    ctx.emit("action.rent_cloud", lab.side, chip=act.chip, gpu_hours=act.gpu_hours)


def start_training(ctx: Ctx, lab: Lab, act: a.StartTraining) -> None:
    _check(r.refuse_train(ctx, lab, act.chip, act.gpu_hours))
    reported = r.rent_cost(ctx.rules, act.chip, act.gpu_hours)  # what renting the run would cost
    lab.run = TrainingRun(chip=act.chip, gpu_hours=act.gpu_hours, reported_cost=reported,
                          started_turn=ctx.state.turn)
    ctx.emit("action.train", lab.side, chip=act.chip, gpu_hours=act.gpu_hours, reported_cost=reported)


def research(ctx: Ctx, lab: Lab, act: a.Research) -> None:
    _check(r.refuse_research(ctx, lab, act.tech))
    tech = ctx.rules.techs[act.tech]
    _pay(lab, tech.cost, "research")
    lab.research.append(ResearchProject(tech=act.tech, turns_left=tech.turns))
    ctx.emit("action.research", lab.side, tech=act.tech, turns=tech.turns)


def release(ctx: Ctx, lab: Lab, act: a.Release) -> None:
    _check(r.refuse_release(ctx, lab, act.price_cents))
    closes_up = lab.released and lab.open_weights and not act.open_weights
    lab.released, lab.released_turn = lab.capability, ctx.state.turn
    lab.price_cents, lab.open_weights = act.price_cents, act.open_weights
    if act.open_weights:
        lab.reputation = min(100, lab.reputation + 5)
    elif closes_up:  # the developers who built on the open weights feel let down
        lab.reputation = max(0, lab.reputation - CLOSING_REPUTATION)
    ctx.emit("action.release", lab.side, capability=lab.released, price_cents=act.price_cents,
             open_weights=act.open_weights)
    release_shock(ctx, lab.released, act.price_cents, lab.last_run_reported or None, maker=lab.name)


def set_price(ctx: Ctx, lab: Lab, act: a.SetPrice) -> None:
    _check(r.refuse_set_price(ctx, lab, act.price_cents))
    lab.price_cents = act.price_cents
    ctx.emit("action.set_price", lab.side, price_cents=act.price_cents)


def raise_money(ctx: Ctx, lab: Lab, act: a.RaiseMoney) -> None:
    _check(r.refuse_raise(ctx, lab))
    amount = raise_amount(lab, ctx.state.world.sentiment)
    lab.cash += amount
    lab.ledger.add_income("investors", amount)
    lab.last_raise_turn = ctx.state.turn
    ctx.emit("action.raise", lab.side, amount=amount)


def lobby(ctx: Ctx, lab: Lab, act: a.Lobby) -> None:
    _check(r.refuse_lobby(ctx, lab))
    _pay(lab, LOBBY_COST, "lobbying")
    lab.gov_relations = min(r.MAX_GOV_RELATIONS, lab.gov_relations + 10)
    ctx.emit("action.lobby", lab.side, gov_relations=lab.gov_relations)


def hire(ctx: Ctx, lab: Lab, act: a.Hire) -> None:
    _check(r.refuse_hire(ctx, lab, act.count))
    _pay(lab, act.count * HIRE_COST, "hiring")
    lab.talent += act.count
    ctx.emit("action.hire", lab.side, count=act.count, talent=lab.talent)


def choose(ctx: Ctx, lab: Lab, act: a.Choose) -> None:
    _check(r.refuse_choose(ctx, lab, act.event, act.choice))
    event = ctx.rules.cards[act.event]
    choice = next(c for c in event.choices if c.id == act.choice)  # offered now: the refusal checked
    ctx.state.pending.remove(next(p for p in ctx.state.pending if p.side == lab.side))
    take_choice(ctx, event, choice, lab)


HANDLERS: dict[type, Callable[[Ctx, Lab, Any], None]] = {
    a.BuyChips: buy_chips, a.RentCloud: rent_cloud, a.StartTraining: start_training, a.Research: research,
    a.Release: release, a.SetPrice: set_price, a.RaiseMoney: raise_money, a.Lobby: lobby, a.Hire: hire,
    a.Choose: choose,
}
