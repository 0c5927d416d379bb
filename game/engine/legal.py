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
from game.engine.handlers import GREY_PRICE_PCT, GREY_SUPPLY_PCT
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
#: The price changes offered at each price point (every point but the current price).
_OTHER_PRICES = {p: tuple(x for x in _SET_PRICES if x.price_cents != p) for p in PRICE_POINTS}
_RAISE, _LOBBY, _END_TURN = a.RaiseMoney(), a.Lobby(), a.EndTurn()


def _chip_tables(ctx: Ctx, side: str) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """What the buy and rent entries need of the chips on sale to ``side`` this turn, computed once per
    scenario, side and turn (the menu is rebuilt at every step, and looking each figure up again through
    the chip models and helper functions was half of its cost):

    - buy: (chip, list price, supply this turn, grey-market supply this turn), as in ``supply_left``;
    - rent: (chip, ((cost, RentCloud), …)) for 1,000 and 4,000 GPUs over the turn, as in ``rent_cloud``.
    """
    rules, turn = ctx.rules, ctx.state.turn
    key = ("chips", side, turn)
    tables = rules.menu_tables.get(key)
    if tables is None:
        months = rules.months(turn)
        buy, rent = [], []
        for chip_id in rules.chips_on_sale(side, turn):
            chip = rules.chips[chip_id]
            supply = chip.supply * months
            buy.append((chip_id, chip.price, supply, supply * GREY_SUPPLY_PCT // 100))
            hours = [gpus * HOURS_PER_MONTH * months for gpus in (1000, 4000)]
            rent.append((chip_id, tuple((training_cost(h, chip.rent_cents), _rent(chip_id, h)) for h in hours)))
        tables = rules.menu_tables[key] = (tuple(buy), tuple(rent))
    return tables


def _buy_options(ctx: Ctx, lab: Lab) -> list[a.Action]:
    options: list[a.Action] = []
    world = ctx.state.world
    banned = world.banned if lab.side == "cn" else ()
    levels, bought, cash = world.chip_price_pct, lab.bought_this_turn, lab.cash
    # Same test as handlers.chip_refusal, split so that the calendar part is cached: a chip on sale
    # is bought legally when it is not export-banned, and only on the grey market when it is. Prices
    # and supplies as handlers.chip_unit_price and handlers.supply_left compute them.
    for chip, price, supply, grey_supply in _chip_tables(ctx, lab.side)[0]:
        grey = chip in banned
        unit = price * levels.get(chip, 100) // 100
        if grey:
            unit, supply = unit * GREY_PRICE_PCT // 100, grey_supply
        # max(0, …): an event card may leave the cash negative until the end of the turn.
        can = max(0, min(supply - bought.get(chip, 0), cash // unit))
        # A quarter of what can be had and all of it, smallest first, without zero or a repeat.
        if can >= 4:
            options += (_buy(chip, can // 4, grey), _buy(chip, can, grey))
        elif can:
            options.append(_buy(chip, can, grey))
    return options


def _rent_options(ctx: Ctx, lab: Lab) -> list[a.Action]:
    banned = ctx.state.world.banned if lab.side == "cn" else ()
    cash = lab.cash
    return [action for chip, offers in _chip_tables(ctx, lab.side)[1] if chip not in banned
            for cost, action in offers if cost <= cash]


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
        options += _OTHER_PRICES.get(lab.price_cents, _SET_PRICES)
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
