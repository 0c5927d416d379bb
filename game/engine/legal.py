"""The menu of legal actions: what a seat may do now, with sensible amounts for menus and policies, and
why a kind of action has no entry (:func:`why_not`).

``apply`` accepts any amount that passes the refusal functions (game.engine.refusals); this menu offers
a few useful ones (a quarter of what can be had, all of it; training runs of one, two or four turns…),
each one passing the same refusal function the handler raises.

Example::

    >>> from game.content.loader import load_content
    >>> from game.engine.context import Ctx
    >>> from game.engine.game import Game
    >>> from game.engine.rng import NO_DRAWS
    >>> game = Game(load_content(), "cn_lab")
    >>> ctx = Ctx(game.rules, game.new_game(seed=1), NO_DRAWS)
    >>> menu = legal_menu(ctx, MenuTables(game.rules))
    >>> menu[0], menu[-1]
    (BuyChips(type='buy_chips', chip='v100', count=1500, grey=False), EndTurn(type='end_turn'))
    >>> why_not(ctx, "cn", a.SetPrice).key
    'illegal.not_released'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from game.engine import actions as a
from game.engine import errors as err
from game.engine import refusals as r
from game.engine.context import Ctx
from game.engine.events import offered_choices
from game.engine.rules import HOURS_PER_MONTH, PRICE_POINTS, Rules
from game.engine.state import Lab
from game.engine.training import MAX_RUN_MONTHS, own_hours_per_turn

#: Cloud rentals offered: this many GPUs over the whole turn.
RENT_GPUS = (1000, 4000)
#: Hires offered, smallest first.
HIRE_COUNTS = (10, 50)
#: Training runs offered: one, two and four turns of the owned chips, plus the prepaid cloud hours.
RUN_TURNS = (1, 2, 4)

# The fixed entries, built once (actions are frozen: one instance serves every menu); every price point
# is in range (price_in_range), so the price rule leaves them all.
_RELEASES = tuple(a.Release(price_cents=p, open_weights=o) for p in PRICE_POINTS if r.price_in_range(p)
                  for o in (False, True))
_SET_PRICES = tuple(a.SetPrice(price_cents=p) for p in PRICE_POINTS if r.price_in_range(p))
_HIRES = tuple((a.Hire(count=n), r.hire_cost(n)) for n in HIRE_COUNTS)  # with their cost
_RAISES, _LOBBIES, _END_TURNS = (a.RaiseMoney(),), (a.Lobby(),), (a.EndTurn(),)


def rent_hours(months: int) -> tuple[int, ...]:
    """The cloud rentals offered in a turn of ``months``, GPU-hours (``RENT_GPUS`` the whole turn)."""
    return tuple(gpus * HOURS_PER_MONTH * months for gpus in RENT_GPUS)


#: A chip on sale and its cloud rentals offered that turn, each with its cost.
ChipOffer = tuple[str, tuple[tuple[a.RentCloud, int], ...]]


class MenuTables:
    """What the menu needs of a scenario's calendar and catalogue, built once, eagerly, with the game
    (the menu is rebuilt at every step; looking each of these up again was most of its cost):

    - ``on_sale[side][turn]``: a :data:`ChipOffer` for every chip the calendar sells to ``side`` during
      ``turn`` (:func:`~game.engine.refusals.calendar_reason`), in catalogue order;
    - ``research[turn]``: a Research entry per technique invented by the end of ``turn``
      (:func:`~game.engine.refusals.invented`), in catalogue order;
    - ``choices[event][choice]``: the Choose entry of every choice of every event of the scenario;
    - ``new_prices[price]``: the SetPrice entries offered to a lab selling at ``price``, for every price
      point (:func:`new_prices`).

    And two tables that fill as the games go, ``lots`` and ``runs``: the BuyChips and StartTraining
    entries already made (:meth:`lot`, :meth:`run`). Their amounts follow the cash and the chips owned,
    so they cannot be built ahead, and validating new pydantic actions for them at every step made the
    menu half as fast again and the simulation a fifth slower (cn_lab, cautious players).
    """

    #: Each of ``lots`` and ``runs`` is emptied when it reaches this size (amounts follow the cash).
    MAX_MADE = 8192

    def __init__(self, rules: Rules):
        rents: dict[tuple[str, int], ChipOffer] = {}  # turns of equal length offer the same rentals
        self.on_sale: dict[str, tuple[tuple[ChipOffer, ...], ...]] = {}
        for side in rules.scenario.sides:
            per_turn = []
            for turn in range(len(rules.dates)):
                months = rules.months(turn)
                per_turn.append(tuple(
                    rents.get((chip, months)) or rents.setdefault((chip, months), _offer(rules, chip, months))
                    for chip in rules.chips if r.calendar_reason(rules, side, chip, turn) is None))
            self.on_sale[side] = tuple(per_turn)
        research = [a.Research(tech=tech) for tech in rules.techs]
        self.research: tuple[tuple[a.Research, ...], ...] = tuple(
            tuple(x for x in research if r.invented(rules, x.tech, turn)) for turn in range(len(rules.dates)))
        self.choices = {e.id: {c.id: a.Choose(event=e.id, choice=c.id) for c in e.choices} for e in rules.events}
        self.new_prices = {price: new_prices(price) for price in PRICE_POINTS}
        self.lots: dict[tuple[str, int, bool], tuple[a.BuyChips, ...]] = {}
        self.runs: dict[tuple[str, int], a.StartTraining] = {}

    def lot(self, chip: str, can: int, grey: bool) -> tuple[a.BuyChips, ...]:
        """The buy entries of ``chip`` when ``can`` chips can be had by this route: a quarter of them and
        all of them, smallest first, without zero or a repeat; made once (actions are frozen: shared)."""
        made = self.lots.get((chip, can, grey))
        if made is None:
            counts = (can // 4, can) if can >= 4 else (can,) if can > 0 else ()
            made = _keep(self.lots, (chip, can, grey), tuple(a.BuyChips(chip=chip, count=n, grey=grey)
                                                             for n in counts), self.MAX_MADE)
        return made

    def run(self, chip: str, gpu_hours: int) -> a.StartTraining:
        """The entry StartTraining(chip, gpu_hours), made once."""
        made = self.runs.get((chip, gpu_hours))
        if made is None:
            made = _keep(self.runs, (chip, gpu_hours), a.StartTraining(chip=chip, gpu_hours=gpu_hours),
                         self.MAX_MADE)
        return made


def new_prices(current_cents: int) -> tuple[a.SetPrice, ...]:
    """The SetPrice entries offered to a lab whose model sells at ``current_cents``: every price point
    but that one (:func:`~game.engine.refusals.is_new_price`)."""
    return tuple(x for x in _SET_PRICES if r.is_new_price(current_cents, x.price_cents))


def _offer(rules: Rules, chip: str, months: int) -> ChipOffer:
    return chip, tuple((a.RentCloud(chip=chip, gpu_hours=h), r.rent_cost(rules, chip, h)) for h in rent_hours(months))


def _keep(table: dict[Any, Any], key: Any, value: Any, limit: int) -> Any:
    """``table[key] = value``, emptying the table first when it holds ``limit`` entries."""
    if len(table) >= limit:
        table.clear()
    table[key] = value
    return value


def run_sizes(ctx: Ctx, lab: Lab, chip: str) -> tuple[int, ...]:
    """The training runs considered on ``chip``, GPU-hours, smallest first: ``RUN_TURNS`` turns of the
    owned chips plus the prepaid cloud hours, or the cloud hours alone (the largest is
    :func:`~game.engine.refusals.max_run_hours`)."""
    own, cloud = own_hours_per_turn(lab, chip, ctx.months), lab.cloud_hours.get(chip, 0)
    if not own:
        return (cloud,) if cloud else ()
    most = own_hours_per_turn(lab, chip, MAX_RUN_MONTHS)
    sizes: list[int] = []
    for turns in RUN_TURNS:  # increasing, and so are the sizes: a repeat can only be of the last one
        size = min(turns * own, most) + cloud
        if not sizes or size != sizes[-1]:
            sizes.append(size)
    return tuple(sizes)


# Each section lists the entries of one kind: a new list, or a shared tuple of fixed entries (nobody
# changes either), or () when there are none.
def _chip_entries(ctx: Ctx, lab: Lab, tables: MenuTables) -> tuple[list[a.Action], list[a.Action]]:
    """The buy and the rent entries, from one pass over the chips on sale (the menu's most frequent
    entries): a chip is bought by the one route it can be had by (see ``route_reason``: the grey market
    exactly when it is export-banned for this lab) and rented only when it is not banned."""
    buys: list[a.Action] = []
    rents: list[a.Action] = []
    lots, banned = tables.lots, r.banned_for(ctx, lab)
    for chip, rent_entries in tables.on_sale[lab.side][ctx.state.turn]:
        grey = chip in banned
        can = r.most_chips(ctx, lab, chip, grey)
        if can > 0:
            buys += lots.get((chip, can, grey)) or tables.lot(chip, can, grey)
        if not grey:
            for rent, cost in rent_entries:
                if r.affordable(lab, cost):
                    rents.append(rent)
    return buys, rents


def _runs(ctx: Ctx, lab: Lab, tables: MenuTables) -> Sequence[a.Action]:
    if r.run_under_way(lab):
        return ()
    options: list[a.Action] = []
    for chip in ctx.rules.chips:
        if chip in lab.chips or chip in lab.cloud_hours:  # (else no size to consider: see run_sizes)
            limit = r.max_run_hours(ctx, lab, chip)
            for hours in run_sizes(ctx, lab, chip):  # (a loop: a comprehension is a call of its own)
                if r.run_fits(hours, limit):
                    options.append(tables.runs.get((chip, hours)) or tables.run(chip, hours))
    return options


def _research(ctx: Ctx, lab: Lab, tables: MenuTables) -> Sequence[a.Action]:
    # (A technique not invented yet is refused: the turn's entries leave those out.)
    return [x for x in tables.research[ctx.state.turn] if r.tech_reason(ctx, lab, x.tech) is None]


#: The computed sections after the chips' (buy, rent), in menu order; the fixed entries follow them,
#: tested inline in legal_menu. Every kind in the menu but EndTurn costs one action point.
SECTIONS: tuple[tuple[type[a.Action], Callable[[Ctx, Lab, MenuTables], Sequence[a.Action]]], ...] = (
    (a.StartTraining, _runs), (a.Research, _research),
)


class LegalMenu(list):  # type: ignore[type-arg]
    """The legal actions: a list like any other, which also carries ``by_kind``, the same actions
    grouped by class in menu order (each a list or tuple nobody may change).

    The grouping comes free while the menu is built section by section, and computer players look
    kinds up at every choice (grouping the list again there was a fifth of their time).
    """

    __slots__ = ("by_kind",)  # (no instance dict: a menu is made at every step)

    def __init__(self, actions: Iterable[a.Action] = (), by_kind: dict[type, Sequence[a.Action]] | None = None):
        list.__init__(self, actions)
        self.by_kind: dict[type, Sequence[a.Action]] = {} if by_kind is None else by_kind


def _choices(ctx: Ctx, lab: Lab, tables: MenuTables) -> list[a.Action]:
    """The answers to the card waiting for ``lab``, as its refusal allows them (none if no card)."""
    card = next((p for p in ctx.state.pending if p.side == lab.side), None)
    if card is None:
        return []
    event, entries = ctx.rules.cards[card.event], tables.choices[card.event]
    return [entries[c.id] for c in offered_choices(ctx, event, lab)]


def legal_menu(ctx: Ctx, tables: MenuTables) -> LegalMenu:
    """Legal actions for the active seat, in a stable order (the last is always ``EndTurn``, unless an
    event card waits: then only its choices)."""
    state = ctx.state
    if state.outcome is not None:
        return LegalMenu()
    lab = state.lab
    if r.card_waiting(state, lab.side):
        choices = _choices(ctx, lab, tables)
        return LegalMenu(choices, {a.Choose: choices} if choices else {})
    menu = LegalMenu()
    by_kind = menu.by_kind
    if r.has_points(lab, 1):  # each kind below costs one point (tests/engine/test_legal)
        buys, rents = _chip_entries(ctx, lab, tables)
        for kind, entries in ((a.BuyChips, buys), (a.RentCloud, rents)):
            if entries:
                by_kind[kind] = entries
                menu += entries
        for kind, section in SECTIONS:
            entries = section(ctx, lab, tables)
            if entries:
                by_kind[kind] = entries
                menu += entries
        # The fixed entries: the kind's own test, then the amounts' (the prices all pass: see _RELEASES).
        if r.has_new_model(lab):
            by_kind[a.Release] = _RELEASES
            menu += _RELEASES
        if r.has_model_on_sale(lab):
            # (a card may set a price that is no price point: then every point is new)
            prices = tables.new_prices.get(lab.price_cents) or new_prices(lab.price_cents)
            by_kind[a.SetPrice] = prices
            menu += prices
        if r.raise_wait(ctx, lab) <= 0:
            by_kind[a.RaiseMoney] = _RAISES
            menu += _RAISES
        if r.lobby_reason(lab) is None:
            by_kind[a.Lobby] = _LOBBIES
            menu += _LOBBIES
        hires = []
        for x, cost in _HIRES:
            if r.affordable(lab, cost):
                hires.append(x)
        if hires:
            by_kind[a.Hire] = hires
            menu += hires
    menu += _END_TURNS
    by_kind[a.EndTurn] = _END_TURNS
    return menu


# --- why a kind has no entry ----------------------------------------------------------------------

#: Reasons less useful than the others to explain an empty line (a chip that is not sold to this lab at
#: all is the least useful): higher is shown later.
_LATER = {"illegal.chip_not_for_side": 3, "illegal.unknown_id": 3, "illegal.chip_not_yet": 2,
          "illegal.chip_no_longer": 2, "illegal.tech_not_yet": 2,
          "illegal.no_compute": 2, "illegal.tech_done": 2}


def _most_useful(refusals: Iterable[err.IllegalAction | None]) -> err.IllegalAction | None:
    """``None`` if any is ``None`` (something is allowed), else the most useful refusal: not enough
    cash first, then the first of the others in catalogue order."""
    found: list[err.IllegalAction] = []
    for refused in refusals:
        if refused is None:
            return None
        found.append(refused)
    if not found:
        return err.NotAvailable("nothing of this kind can be done", "illegal.generic")
    return min(found, key=lambda e: 0 if isinstance(e, err.NotEnoughCash) else _LATER.get(e.key, 1))


def _why_not_kind(ctx: Ctx, lab: Lab, kind: type[a.Action], target: str | None) -> err.IllegalAction | None:
    """The refusals of the smallest entry the menu could offer, per target (a chip, a technique).

    The menu offers an entry of ``kind`` for a target exactly when this smallest one passes."""
    rules = ctx.rules
    chips = rules.chips if target is None else (target,)
    if kind is a.BuyChips:  # one chip; a target is bought on the open market
        return _most_useful(r.refuse_buy(ctx, lab, chip, 1, target is None and r.needs_grey(ctx, lab, chip))
                            for chip in chips)
    if kind is a.RentCloud:
        hours = rent_hours(ctx.months)[0]
        return _most_useful(r.refuse_rent(ctx, lab, chip, hours) for chip in chips)
    if kind is a.StartTraining:  # the largest run that fits
        return _most_useful(r.refuse_train(ctx, lab, chip, r.max_run_hours(ctx, lab, chip)) for chip in chips)
    if kind is a.Research:
        return _most_useful(r.refuse_research(ctx, lab, tech) for tech in (rules.techs if target is None
                                                                            else (target,)))
    if kind is a.Release:
        return _most_useful(r.refuse_release(ctx, lab, x.price_cents) for x in _RELEASES)
    if kind is a.SetPrice:
        return _most_useful(r.refuse_set_price(ctx, lab, x.price_cents) for x in _SET_PRICES)
    if kind is a.RaiseMoney:
        return r.refuse_raise(ctx, lab)
    if kind is a.Lobby:
        return r.refuse_lobby(ctx, lab)
    if kind is a.Hire:
        return r.refuse_hire(ctx, lab, HIRE_COUNTS[0])
    if kind is a.Choose:
        card = next((p for p in ctx.state.pending if p.side == lab.side), None)
        if card is None:
            return err.NotAvailable(f"no event card is waiting for {lab.side}", "illegal.no_card")
        offered = offered_choices(ctx, ctx.rules.cards[card.event], lab)
        return _most_useful(r.refuse_choose(ctx, lab, card.event, c.id) for c in offered)
    return None  # EndTurn: only the seat's own rules


def why_not(ctx: Ctx, side: str, kind: type[a.Action], target: str | None = None) -> err.IllegalAction | None:
    """Why the legal menu has no entry of ``kind`` for ``side`` now (``None``: it has one).

    ``target`` narrows the question to one chip (buy, rent, train; buying means on the open market) or
    one technique. The reason is the refusal of the smallest entry the menu could offer, the most
    useful first when there are several targets: not enough cash, then a chip or technique that could
    be had, and last a chip not sold to this side at all.

    Example::

        >>> from game.content.loader import load_content
        >>> from game.engine.game import Game
        >>> from game.engine.rng import NO_DRAWS
        >>> game = Game(load_content(), "cn_lab")
        >>> state = game.new_game(seed=1)
        >>> why_not(Ctx(game.rules, state, NO_DRAWS), "cn", a.Choose).key
        'illegal.no_card'
        >>> why_not(Ctx(game.rules, state, NO_DRAWS), "cn", a.BuyChips, "h100").key
        'illegal.chip_not_yet'
    """
    refused = r.refuse_seat(ctx.state, side, kind)
    return refused if refused is not None else _why_not_kind(ctx, ctx.state.labs[side], kind, target)


def targets(rules: Rules, side: str, kind: type[a.Action]) -> tuple[str, ...]:
    """What an action of ``kind`` can be about for ``side``, in catalogue order: the chips sold to it
    (buy, rent, train) or the techniques (research); () for the other kinds."""
    if kind in (a.BuyChips, a.RentCloud, a.StartTraining):
        return tuple(chip for chip, model in rules.chips.items() if r.sold_to(model, side))
    if kind is a.Research:
        return tuple(rules.techs)
    return ()
