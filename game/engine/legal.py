"""The menu of legal actions: what a seat may do now, with sensible amounts for menus and policies.

``apply`` accepts any amount that passes the checks; this list offers a few useful ones (a quarter of
what can be had, all of it; training runs of one, two or four turns…), each already checked.
"""

from __future__ import annotations

from game.engine import actions as a
from game.engine.context import Ctx
from game.engine.economy import HIRE_COST, LOBBY_COST, RAISE_COOLDOWN
from game.engine.errors import IllegalAction
from game.engine.events import offered_choices
from game.engine.handlers import HANDLERS, check_chip, chip_unit_price, supply_left
from game.engine.rules import HOURS_PER_MONTH, PRICE_POINTS
from game.engine.state import Lab
from game.engine.training import MIN_RUN_HOURS, own_hours_per_turn, training_cost


def _chip_ok(ctx: Ctx, lab: Lab, chip: str, grey: bool = False) -> bool:
    try:
        check_chip(ctx, lab, chip, grey)
    except IllegalAction:
        return False
    return True


def _buy_options(ctx: Ctx, lab: Lab) -> list[a.Action]:
    options: list[a.Action] = []
    for chip in ctx.rules.chips:
        for grey in (False, True):
            if not _chip_ok(ctx, lab, chip, grey):
                continue
            can = min(supply_left(ctx, lab, chip, grey), lab.cash // chip_unit_price(ctx, chip, grey))
            for count in sorted({can // 4, can} - {0}):
                options.append(a.BuyChips(chip=chip, count=count, grey=grey))
    return options


def _rent_options(ctx: Ctx, lab: Lab) -> list[a.Action]:
    options: list[a.Action] = []
    for chip_id, chip in ctx.rules.chips.items():
        if not _chip_ok(ctx, lab, chip_id):
            continue
        for gpus in (1000, 4000):
            hours = gpus * HOURS_PER_MONTH * ctx.months
            if training_cost(hours, chip.rent_cents) <= lab.cash:
                options.append(a.RentCloud(chip=chip_id, gpu_hours=hours))
    return options


def _train_options(ctx: Ctx, lab: Lab) -> list[a.Action]:
    if lab.run is not None:
        return []
    options: list[a.Action] = []
    for chip in ctx.rules.chips:
        own, cloud = own_hours_per_turn(lab, chip, ctx.months), lab.cloud_hours.get(chip, 0)
        sizes = {own * turns + cloud for turns in (1, 2, 4)} if own else {cloud}
        options += [a.StartTraining(chip=chip, gpu_hours=h) for h in sorted(sizes) if h >= MIN_RUN_HOURS]
    return options


def _research_options(ctx: Ctx, lab: Lab) -> list[a.Action]:
    busy = {p.tech for p in lab.research}
    return [a.Research(tech=t.id) for t in ctx.rules.techs.values()
            if t.id not in lab.techs and t.id not in busy and all(r in lab.techs for r in t.requires)
            and lab.capability >= t.min_capability and t.cost <= lab.cash]


def _market_options(ctx: Ctx, lab: Lab) -> list[a.Action]:
    options: list[a.Action] = []
    if lab.capability > lab.released:
        options += [a.Release(price_cents=p, open_weights=o) for p in PRICE_POINTS for o in (False, True)]
    if lab.released:
        options += [a.SetPrice(price_cents=p) for p in PRICE_POINTS if p != lab.price_cents]
    return options


def _company_options(ctx: Ctx, lab: Lab) -> list[a.Action]:
    options: list[a.Action] = []
    if ctx.state.turn - lab.last_raise_turn >= RAISE_COOLDOWN:
        options.append(a.RaiseMoney())
    if lab.cash >= LOBBY_COST and lab.gov_relations < 100:
        options.append(a.Lobby())
    options += [a.Hire(count=n) for n in (10, 50) if n * HIRE_COST <= lab.cash]
    return options


def legal_menu(ctx: Ctx) -> list[a.Action]:
    """Legal actions for the active seat, in a stable order (the last is always ``EndTurn``)."""
    state = ctx.state
    if state.outcome is not None:
        return []
    lab = state.lab
    card = next((p for p in state.pending if p.side == lab.side), None)
    if card is not None:
        event = ctx.rules.events_by_id[card.event]
        return [a.Choose(event=event.id, choice=c.id) for c in offered_choices(ctx, event, lab)]
    options: list[a.Action] = []
    if lab.action_points > 0:
        for build in (_buy_options, _rent_options, _train_options, _research_options, _market_options,
                      _company_options):
            options += build(ctx, lab)
    assert all(type(o) in HANDLERS for o in options)
    return [*options, a.EndTurn()]
