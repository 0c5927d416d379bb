"""The menu of legal actions: what a seat may do now, with sensible amounts for menus and policies.

``apply`` accepts any amount that passes the checks; this list offers a few useful ones (a quarter of
what can be had, all of it; training runs of one, two or four turns…), each already checked.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from game.engine import actions as a
from game.engine.context import Ctx
from game.engine.economy import HIRE_COST, LOBBY_COST, RAISE_COOLDOWN
from game.engine.events import offered_choices
from game.engine.handlers import chip_unit_price, supply_left
from game.engine.rules import HOURS_PER_MONTH, PRICE_POINTS
from game.engine.state import Lab
from game.engine.training import MIN_RUN_HOURS, own_hours_per_turn, training_cost


# Actions are frozen, so equal ones can be shared. The menu is rebuilt at every step, and building
# (validating) ~25 pydantic models each time was most of its cost; these return one instance per
# distinct action. Bounded, since amounts follow the cash; typed, so that 1 and True stay apart.
@lru_cache(maxsize=4096, typed=True)
def _buy(chip: str, count: int, grey: bool) -> a.BuyChips:
    return a.BuyChips(chip=chip, count=count, grey=grey)


@lru_cache(maxsize=1024, typed=True)
def _rent(chip: str, gpu_hours: int) -> a.RentCloud:
    return a.RentCloud(chip=chip, gpu_hours=gpu_hours)


@lru_cache(maxsize=4096, typed=True)
def _train(chip: str, gpu_hours: int) -> a.StartTraining:
    return a.StartTraining(chip=chip, gpu_hours=gpu_hours)


@lru_cache(maxsize=1024, typed=True)
def _simple(cls: type[a.Action], **fields: Any) -> a.Action:
    """Research and Choose actions (a few possible values each)."""
    return cls(**fields)


# The fixed menu entries, built once (same instances every step).
_RELEASES = tuple(a.Release(price_cents=p, open_weights=o) for p in PRICE_POINTS for o in (False, True))
_SET_PRICES = tuple(a.SetPrice(price_cents=p) for p in PRICE_POINTS)
_HIRES = tuple(a.Hire(count=n) for n in (10, 50))
_RAISE, _LOBBY, _END_TURN = a.RaiseMoney(), a.Lobby(), a.EndTurn()


def _buy_options(ctx: Ctx, lab: Lab) -> list[a.Action]:
    options: list[a.Action] = []
    banned = ctx.state.world.banned if lab.side == "cn" else ()
    # Same test as handlers.chip_refusal, split so that the calendar part is cached: a chip on sale
    # is bought legally when it is not export-banned, and only on the grey market when it is.
    for chip in ctx.rules.chips_on_sale(lab.side, ctx.state.turn):
        grey = chip in banned
        # max(0, …): an event card may leave the cash negative until the end of the turn.
        can = max(0, min(supply_left(ctx, lab, chip, grey), lab.cash // chip_unit_price(ctx, chip, grey)))
        # A quarter of what can be had and all of it, smallest first, without zero or a repeat.
        for count in (can // 4, can) if can >= 4 else (can,) if can else ():
            options.append(_buy(chip, count, grey))
    return options


def _rent_options(ctx: Ctx, lab: Lab) -> list[a.Action]:
    options: list[a.Action] = []
    months = ctx.months
    banned = ctx.state.world.banned if lab.side == "cn" else ()
    for chip_id in ctx.rules.chips_on_sale(lab.side, ctx.state.turn):
        if chip_id in banned:
            continue
        chip = ctx.rules.chips[chip_id]
        for gpus in (1000, 4000):
            hours = gpus * HOURS_PER_MONTH * months
            if training_cost(hours, chip.rent_cents) <= lab.cash:
                options.append(_rent(chip_id, hours))
    return options


def _train_options(ctx: Ctx, lab: Lab) -> list[a.Action]:
    if lab.run is not None:
        return []
    options: list[a.Action] = []
    for chip in ctx.rules.chips:
        own, cloud = own_hours_per_turn(lab, chip, ctx.months), lab.cloud_hours.get(chip, 0)
        sizes = {own * turns + cloud for turns in (1, 2, 4)} if own else {cloud}
        options += [_train(chip, h) for h in sorted(sizes) if h >= MIN_RUN_HOURS]
    return options


def _research_options(ctx: Ctx, lab: Lab) -> list[a.Action]:
    busy = {p.tech for p in lab.research}
    return [_simple(a.Research, tech=t.id) for t in ctx.rules.techs.values()
            if t.id not in lab.techs and t.id not in busy and all(r in lab.techs for r in t.requires)
            and lab.capability >= t.min_capability and t.cost <= lab.cash]


def _market_options(ctx: Ctx, lab: Lab) -> list[a.Action]:
    options: list[a.Action] = []
    if lab.capability > lab.released:
        options += _RELEASES
    if lab.released:
        options += [x for x in _SET_PRICES if x.price_cents != lab.price_cents]
    return options


def _company_options(ctx: Ctx, lab: Lab) -> list[a.Action]:
    options: list[a.Action] = []
    if ctx.state.turn - lab.last_raise_turn >= RAISE_COOLDOWN:
        options.append(_RAISE)
    if lab.cash >= LOBBY_COST and lab.gov_relations < 100:
        options.append(_LOBBY)
    options += [x for x in _HIRES if x.count * HIRE_COST <= lab.cash]
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
        return [_simple(a.Choose, event=event.id, choice=c.id) for c in offered_choices(ctx, event, lab)]
    options: list[a.Action] = []
    if lab.action_points > 0:
        for build in (_buy_options, _rent_options, _train_options, _research_options, _market_options,
                      _company_options):
            options += build(ctx, lab)
    return [*options, _END_TURN]
