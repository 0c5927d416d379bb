"""The menu of legal actions: what a seat may do now, with sensible amounts for menus and policies.

``apply`` accepts any amount that passes the checks; this list offers a few useful ones (a quarter of
what can be had, all of it; training runs of one, two or four turns…), each already checked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any

from game.engine import actions as a
from game.engine.context import Ctx
from game.engine.economy import HIRE_COST, LOBBY_COST, RAISE_COOLDOWN
from game.engine.events import offered_choices
from game.engine.handlers import GREY_PRICE_PCT, GREY_SUPPLY_PCT
from game.engine.rules import HOURS_PER_MONTH, PRICE_POINTS
from game.engine.state import Lab
from game.engine.training import MIN_RUN_HOURS, training_cost

# Actions are frozen, so equal ones can be shared. The menu is rebuilt at every step, and building
# (validating) ~25 pydantic models each time was most of its cost; these return one instance per
# distinct action. Bounded, since amounts follow the cash; typed, so that 1 and True stay apart.
#: The buy entries of one chip by (chip, how many can be had, grey): a quarter of that and all of it,
#: smallest first, without zero or a repeat. A plain dict that _buy_options reads inline (the most
#: frequent entries: one look-up per chip per step).
_BUYS: dict[tuple[str, int, bool], tuple[a.BuyChips, ...]] = {}


def _buys(chip: str, can: int, grey: bool) -> tuple[a.BuyChips, ...]:
    key = (chip, can, grey)
    entries = _BUYS.get(key)
    if entries is None:
        if len(_BUYS) >= 8192:  # amounts follow the cash: keep the table bounded
            _BUYS.clear()
        counts = (can // 4, can) if can >= 4 else (can,) if can > 0 else ()
        entries = _BUYS[key] = tuple(a.BuyChips(chip=chip, count=n, grey=grey) for n in counts)
    return entries


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
_HIRE_SMALL, _HIRE_SMALL_COST, _HIRE_ALL_COST = _HIRES[:1], _HIRES[0].count * HIRE_COST, _HIRES[-1].count * HIRE_COST
#: The price changes offered at each price point (every point but the current price).
_OTHER_PRICES = {p: tuple(x for x in _SET_PRICES if x.price_cents != p) for p in PRICE_POINTS}
_RAISE, _LOBBY, _END_TURN = a.RaiseMoney(), a.Lobby(), a.EndTurn()
_RAISES, _LOBBIES, _END_TURNS = (_RAISE,), (_LOBBY,), (_END_TURN,)


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


# Each section returns its entries, all of one kind: a new list, or a shared tuple of fixed entries
# (nobody changes either), or () when there are none.
def _buy_options(ctx: Ctx, lab: Lab) -> Sequence[a.Action]:
    options: list[a.Action] = []
    world = ctx.state.world
    banned = world.banned if lab.side == "cn" else ()
    levels, bought, cash = world.chip_price_pct, lab.bought_this_turn, lab.cash
    # Same test as handlers.chip_refusal, split so that the calendar part is cached: a chip on sale
    # is bought legally when it is not export-banned, and only on the grey market when it is. Prices
    # and supplies as handlers.chip_unit_price and handlers.supply_left compute them.
    buys = _BUYS
    for chip, price, supply, grey_supply in _chip_tables(ctx, lab.side)[0]:
        grey = chip in banned
        unit = price * levels.get(chip, 100) // 100
        if grey:
            unit, supply = unit * GREY_PRICE_PCT // 100, grey_supply
        # min(supply left, what the cash buys) without min(): this loop is the menu's hottest code.
        # It may be negative (an event card may leave the cash negative until the end of the turn):
        # then, as for zero, nothing is offered.
        can = supply - bought.get(chip, 0)
        if cash // unit < can:
            can = cash // unit
        if can > 0:
            options += buys.get((chip, can, grey)) or _buys(chip, can, grey)
    return options


def _rent_options(ctx: Ctx, lab: Lab) -> Sequence[a.Action]:
    banned = ctx.state.world.banned if lab.side == "cn" else ()
    cash = lab.cash
    options: list[a.Action] = []
    for chip, offers in _chip_tables(ctx, lab.side)[1]:
        if chip not in banned:
            for cost, action in offers:
                if cost <= cash:
                    options.append(action)
    return options


def _train_options(ctx: Ctx, lab: Lab) -> Sequence[a.Action]:
    # Runs of one, two and four turns of the owned chips plus the prepaid cloud hours (or the cloud
    # hours alone), per chip in catalogue order: own_hours_per_turn and the sizes written out, since
    # the menu is built at every step.
    if lab.run is not None:
        return ()
    owned, prepaid = lab.chips, lab.cloud_hours
    if not owned and not prepaid:
        return ()
    per_chip = HOURS_PER_MONTH * ctx.months
    options: list[a.Action] = []
    for chip in ctx.rules.chips:
        own, cloud = owned.get(chip, 0) * per_chip, prepaid.get(chip, 0)
        if own > 0:  # three distinct sizes, already in increasing order
            for hours in (own + cloud, 2 * own + cloud, 4 * own + cloud):
                if hours >= MIN_RUN_HOURS:
                    options.append(_train(chip, hours))
        elif cloud >= MIN_RUN_HOURS:
            options.append(_train(chip, cloud))
    return options


def _tech_table(ctx: Ctx) -> tuple[tuple[str, tuple[str, ...], int, int, a.Research], ...]:
    """(id, requires, min capability, cost, its Research action) of every technique, built once."""
    table = ctx.rules.menu_tables.get("techs")
    if table is None:
        table = ctx.rules.menu_tables["techs"] = tuple(
            (t.id, tuple(t.requires), t.min_capability, t.cost, _simple(a.Research, tech=t.id))
            for t in ctx.rules.techs.values())
    return table


def _research_options(ctx: Ctx, lab: Lab) -> Sequence[a.Action]:
    done, cash, capability = lab.techs, lab.cash, lab.capability
    busy = [p.tech for p in lab.research]
    options: list[a.Action] = []
    for tech, requires, min_capability, cost, action in _tech_table(ctx):
        if tech not in done and tech not in busy and capability >= min_capability and cost <= cash:
            for required in requires:  # all(...) without a generator per technique
                if required not in done:
                    break
            else:
                options.append(action)
    return options


#: The computed sections in menu order, each of one kind of action (so the menu is grouped as it is
#: built); the fixed entries that follow them are tested inline in legal_menu.
_SECTIONS: tuple[tuple[Callable[[Ctx, Lab], Sequence[a.Action]], type[a.Action]], ...] = (
    (_buy_options, a.BuyChips), (_rent_options, a.RentCloud), (_train_options, a.StartTraining),
    (_research_options, a.Research),
)


class LegalMenu(list):  # type: ignore[type-arg]
    """The legal actions: a list like any other, which also carries ``by_kind``, the same actions
    grouped by class in menu order (each a list or tuple nobody may change).

    The grouping comes free while the menu is built section by section, and computer players look
    kinds up at every choice (grouping the list again there was a fifth of their time).
    """

    def __init__(self, actions: Iterable[a.Action] = (), by_kind: dict[type, Sequence[a.Action]] | None = None):
        super().__init__(actions)
        self.by_kind: dict[type, Sequence[a.Action]] = {} if by_kind is None else by_kind


def legal_menu(ctx: Ctx) -> list[a.Action]:
    """Legal actions for the active seat, in a stable order (the last is always ``EndTurn``): a
    :class:`LegalMenu`."""
    state = ctx.state
    if state.outcome is not None:
        return LegalMenu()
    lab = state.lab
    card = next((p for p in state.pending if p.side == lab.side), None) if state.pending else None
    if card is not None:
        event = ctx.rules.events_by_id[card.event]
        choices = [_simple(a.Choose, event=event.id, choice=c.id) for c in offered_choices(ctx, event, lab)]
        return LegalMenu(choices, {a.Choose: choices} if choices else {})
    menu = LegalMenu()
    by_kind = menu.by_kind
    if lab.action_points > 0:
        for section, kind in _SECTIONS:
            entries = section(ctx, lab)
            if entries:
                by_kind[kind] = entries
                menu += entries
        # The fixed entries, one test each (inline: the menu is built at every step).
        if lab.capability > lab.released:
            by_kind[a.Release] = _RELEASES
            menu += _RELEASES
        prices = _OTHER_PRICES.get(lab.price_cents, _SET_PRICES) if lab.released else ()
        if prices:
            by_kind[a.SetPrice] = prices
            menu += prices
        if state.turn - lab.last_raise_turn >= RAISE_COOLDOWN:
            by_kind[a.RaiseMoney] = _RAISES
            menu.append(_RAISE)
        if lab.cash >= LOBBY_COST and lab.gov_relations < 100:
            by_kind[a.Lobby] = _LOBBIES
            menu.append(_LOBBY)
        # The hires the cash pays for (a fixed tuple: a prefix of _HIRES, which is ordered by size).
        cash = lab.cash
        hires = _HIRES if cash >= _HIRE_ALL_COST else _HIRE_SMALL if cash >= _HIRE_SMALL_COST else ()
        if hires:
            by_kind[a.Hire] = hires
            menu += hires
    menu.append(_END_TURN)
    by_kind[a.EndTurn] = _END_TURNS
    return menu
