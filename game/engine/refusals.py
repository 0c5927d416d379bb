"""Why an action may not be taken now: each legality rule, written once.

A refusal function reads the state and returns the :class:`~game.engine.errors.IllegalAction` that
applies (the first rule broken, in a fixed order), or ``None``; it never changes anything. Every caller
asks the same function: the handler raises the refusal before it acts, the legal menu offers only what
passes, ``Game.check`` returns what ``apply`` would raise without applying anything, and
``Game.why_not`` explains an empty line of the actions panel.

The functions take plain values (a chip id, a count), not actions: the menu and ``why_not`` ask about
amounts without building an action for each, and :func:`refusal` unpacks an action for the others.
Where the menu asks a rule at every step, the rule's plain test is a function of its own (a word or a
yes/no: :func:`chip_reason`, :func:`tech_reason`, :func:`has_new_model`, :func:`affordable`…) that the
refusal function turns into the error, since building an error for every refused candidate would cost
more than the rest of the menu.

Example::

    >>> from game.content.loader import load_content
    >>> from game.engine.context import Ctx
    >>> from game.engine.game import Game
    >>> from game.engine.rng import NO_DRAWS
    >>> game = Game(load_content(), "cn_lab")
    >>> state = game.new_game(seed=1)
    >>> ctx = Ctx(game.rules, state, NO_DRAWS)
    >>> refuse_buy(ctx, state.lab, "h100", 10).key        # not on sale in 2019
    'illegal.chip_not_yet'
    >>> refuse_buy(ctx, state.lab, "v100", 10) is None
    True
"""

from __future__ import annotations

from collections.abc import Callable, Container
from typing import Any

from game.content.models import Chip
from game.engine import actions as a
from game.engine import errors as err
from game.engine.calendar import date_key, has_come
from game.engine.context import Ctx
from game.engine.economy import HIRE_COST, LOBBY_COST, RAISE_COOLDOWN
from game.engine.events import offered_choices
from game.engine.rules import Rules
from game.engine.state import GameState, Lab
from game.engine.training import MAX_RUN_MONTHS, MIN_RUN_HOURS, own_hours_per_turn, training_cost

#: Grey-market chips cost this percent of the list price, and this percent of the supply can be had.
GREY_PRICE_PCT = 200
GREY_SUPPLY_PCT = 25
#: The range of a price per million tokens, cents.
MIN_PRICE_CENTS = 10
MAX_PRICE_CENTS = 100_000
#: Government relations stop at this level.
MAX_GOV_RELATIONS = 100


# --- the seat: whose turn, action points, a waiting card ------------------------------------------

def card_waiting(state: GameState, side: str) -> bool:
    """Whether an event card waits for ``side``'s decision (then only a choice may be made)."""
    for card in state.pending:  # noqa: SIM110 (a loop, not any() over a generator: asked twice a step)
        if card.side == side:
            return True
    return False


def has_points(lab: Lab, cost: int) -> bool:
    """Whether the lab has the ``cost`` action points an action costs left this turn."""
    return not cost or lab.action_points >= cost


def refuse_points(lab: Lab, cost: int) -> err.IllegalAction | None:
    """An action costing ``cost`` action points needs that many left this turn."""
    if not has_points(lab, cost):
        return err.NoActionPoints("no action points left this turn: end the turn")
    return None


def refuse_seat(state: GameState, side: str, kind: type[a.Action]) -> err.IllegalAction | None:
    """Why ``side`` may take no action of ``kind`` at all now, whatever its details: the game is over,
    it is not the side's turn, no action points, or an event card waits for its decision."""
    if state.outcome is not None:
        return err.GameOverError("the game is over")
    if side != state.active:
        return err.NotYourTurn(f"it is {state.active}'s turn, not {side}'s")
    refused = refuse_points(state.labs[side], kind.cost)
    if refused is None and kind is not a.Choose and card_waiting(state, side):
        return err.ChoicePending("an event card is waiting for your decision")
    return refused


# --- chips ------------------------------------------------------------------------------------------

def banned_for(ctx: Ctx, lab: Lab) -> Container[str]:
    """The chips export-banned for this lab now: it can get them only on the grey market."""
    return ctx.state.world.banned if lab.side == "cn" else ()


def needs_grey(ctx: Ctx, lab: Lab, chip_id: str) -> bool:
    """Whether ``lab`` can get ``chip_id`` only on the grey market (:func:`banned_for`)."""
    return chip_id in banned_for(ctx, lab)


def sold_to(chip: Chip, side: str) -> bool:
    """Whether ``chip`` is ever sold to ``side``'s labs (China-only variants, chips the US keeps)."""
    return side in chip.buyers


def calendar_reason(rules: Rules, side: str, chip_id: str, turn: int) -> str | None:
    """Why ``side``'s labs may not get ``chip_id`` during ``turn`` whatever happens in the game, as a
    word: ``unknown``, ``not_for_side``, ``not_yet`` (``None``: it is on sale to them)."""
    chip = rules.chips.get(chip_id)
    if chip is None:
        return "unknown"
    if not sold_to(chip, side):
        return "not_for_side"
    if date_key(chip.available_from) >= rules.turn_end(turn):
        return "not_yet"
    if chip.available_until is not None and date_key(chip.available_until) < rules.dates[turn]:
        return "no_longer"
    return None


def chip_reason(ctx: Ctx, lab: Lab, chip_id: str, grey: bool = False) -> str | None:
    """Why this lab may not get ``chip_id`` now by this route, as a word (``None``: it may): the
    calendar's reason (``unknown``, ``not_for_side``, ``not_yet``, ``no_longer``), or ``banned`` /
    ``grey_not_needed``.

    The plain test behind :func:`refuse_chip` (the legal menu reads its calendar part from a table
    built with the game, and the route from :func:`banned_for`).
    """
    reason = calendar_reason(ctx.rules, lab.side, chip_id, ctx.state.turn)
    return reason if reason is not None else route_reason(ctx, lab, chip_id, grey)


def route_reason(ctx: Ctx, lab: Lab, chip_id: str, grey: bool) -> str | None:
    """For a chip on sale: ``banned`` when it is export-banned for this lab and not bought on the grey
    market, ``grey_not_needed`` when it is not banned and is (``None``: this route is the one)."""
    banned = needs_grey(ctx, lab, chip_id)
    if banned and not grey:
        return "banned"
    if grey and not banned:
        return "grey_not_needed"
    return None


def refuse_chip(ctx: Ctx, lab: Lab, chip_id: str, grey: bool = False) -> err.IllegalAction | None:
    """Chips this lab may not get: unknown, not sold to its side, not on sale yet, banned (or, on the
    grey market, not banned)."""
    reason = chip_reason(ctx, lab, chip_id, grey)
    if reason is None:
        return None
    chip = ctx.rules.chips.get(chip_id)
    if chip is None:
        return err.UnknownId(f"no chip '{chip_id}'", chip=chip_id)
    if reason == "not_for_side":
        return err.NotAvailable(f"{chip.name} is not sold to {lab.side} labs", "illegal.chip_not_for_side",
                                chip=chip_id)
    if reason == "not_yet":
        return err.NotAvailable(f"{chip.name} is on sale from {chip.available_from}", "illegal.chip_not_yet",
                                chip=chip_id, date=chip.available_from)
    if reason == "no_longer":
        return err.NotAvailable(f"{chip.name} is no longer made (last sold {chip.available_until})",
                                "illegal.chip_no_longer", chip=chip_id, date=chip.available_until)
    if reason == "banned":
        return err.ExportBanned(f"{chip.name}: banned for sale to China", chip=chip_id)
    return err.NotAvailable(f"{chip.name} can be bought legally: no grey market needed",
                            "illegal.grey_not_needed", chip=chip_id)


def affordable(lab: Lab, amount: int) -> bool:
    """Whether the lab's cash pays ``amount`` (the plain test behind :func:`refuse_cash`)."""
    return amount <= lab.cash


def refuse_cash(lab: Lab, amount: int) -> err.IllegalAction | None:
    """Spending ``amount`` needs that much cash."""
    if not affordable(lab, amount):
        return err.NotEnoughCash(f"costs ${amount:,}, the lab has ${lab.cash:,}", need=amount, cash=lab.cash)
    return None


def buy_terms(ctx: Ctx, lab: Lab, chip_id: str, grey: bool) -> tuple[int, int]:
    """(chips of ``chip_id`` this lab can still have this turn, price of one now) by this route: the
    grey market sells a share of the supply, at a multiple of the current price."""
    chip = ctx.rules.chip_figures[chip_id]
    supply = chip.supply * ctx.months
    price = chip.price * ctx.state.world.chip_price_pct.get(chip_id, 100) // 100  # the list price at its level
    if grey:
        supply, price = supply * GREY_SUPPLY_PCT // 100, price * GREY_PRICE_PCT // 100
    bought = lab.bought_this_turn.get(chip_id, 0)
    return (supply - bought if bought < supply else 0), price


def refuse_buy(ctx: Ctx, lab: Lab, chip: str, count: int, grey: bool = False) -> err.IllegalAction | None:
    """BuyChips: the chip may be had by this route, the supply left holds ``count``, the cash pays."""
    refused = refuse_chip(ctx, lab, chip, grey)
    if refused is not None:
        return refused
    left, price = buy_terms(ctx, lab, chip, grey)
    if count > left:
        return err.InvalidAmount(f"only {left:,} {chip} chips can be had this turn", "illegal.supply",
                                 chip=chip, left=left)
    return refuse_cash(lab, count * price)


def most_chips(ctx: Ctx, lab: Lab, chip: str, grey: bool) -> int:
    """The largest count :func:`refuse_buy` accepts for a chip that passes :func:`chip_reason` (0 or
    less: none): the supply left, or what the cash pays for. An event card may leave the cash negative
    until the end of the turn, hence "or less"."""
    left, price = buy_terms(ctx, lab, chip, grey)
    affordable = lab.cash // price
    return left if left < affordable else affordable


# --- compute ----------------------------------------------------------------------------------------

def rent_cost(rules: Rules, chip: str, gpu_hours: int) -> int:
    """What ``gpu_hours`` of cloud ``chip`` cost, dollars (at its rental price)."""
    return training_cost(gpu_hours, rules.chips[chip].rent_cents)


def refuse_rent(ctx: Ctx, lab: Lab, chip: str, gpu_hours: int) -> err.IllegalAction | None:
    """RentCloud: the chip may be had legally and the cash pays for the hours."""
    refused = refuse_chip(ctx, lab, chip)
    if refused is not None:
        return refused
    return refuse_cash(lab, rent_cost(ctx.rules, chip, gpu_hours))


def max_run_hours(ctx: Ctx, lab: Lab, chip_id: str) -> int:
    """The largest run that fits: six months of owned chips plus the prepaid cloud hours."""
    return own_hours_per_turn(lab, chip_id, MAX_RUN_MONTHS) + lab.cloud_hours.get(chip_id, 0)


def run_fits(gpu_hours: int, limit: int) -> bool:
    """Whether a run of ``gpu_hours`` is allowed when at most ``limit`` fit."""
    return MIN_RUN_HOURS <= gpu_hours <= limit


def run_under_way(lab: Lab) -> bool:
    """Whether the lab's training run is still going (one at a time)."""
    return lab.run is not None


def refuse_train(ctx: Ctx, lab: Lab, chip: str, gpu_hours: int) -> err.IllegalAction | None:
    """StartTraining: no run under way, compute on ``chip``, and a run size that fits."""
    if run_under_way(lab):
        return err.NotAvailable("a training run is already in progress", "illegal.run_in_progress")
    model = ctx.rules.chips.get(chip)
    if model is None:
        return err.UnknownId(f"no chip '{chip}'", chip=chip)
    limit = max_run_hours(ctx, lab, chip)
    if limit == 0:
        return err.NotAvailable(f"no {model.name} chips or cloud hours to train on", "illegal.no_compute",
                                chip=chip)
    if not run_fits(gpu_hours, limit):
        return err.InvalidAmount(f"a run on {model.name} can use {MIN_RUN_HOURS:,} to {limit:,} GPU-hours",
                                 "illegal.run_size", low=MIN_RUN_HOURS, high=limit)
    return None


# --- research, the model on sale, money, people -------------------------------------------------------

def invented(rules: Rules, tech: str, turn: int) -> bool:
    """Whether the known technique ``tech`` has been invented by the end of ``turn`` (the calendar part of
    :func:`tech_reason`: the legal menu reads it from a table built with the game)."""
    available_from = rules.tech_figures[tech].available_from
    return available_from is None or has_come(available_from, rules.turn_end(turn))


def tech_reason(ctx: Ctx, lab: Lab, tech: str) -> str | None:
    """Why this lab may not start researching ``tech`` now, as a word: ``unknown``, ``done`` (or under
    way), ``not_yet`` (not invented), ``requires``, ``capability``, ``cash`` (``None``: it may). The plain test behind
    :func:`refuse_research`, which the legal menu asks for every technique at every step."""
    model = ctx.rules.tech_figures.get(tech)
    if model is None:
        return "unknown"
    if tech in lab.techs:
        return "done"
    for project in lab.research:  # (a loop, not any(): asked for every technique at every step)
        if project.tech == tech:
            return "done"
    if not invented(ctx.rules, tech, ctx.state.turn):
        return "not_yet"
    for required in model.requires:
        if required not in lab.techs:
            return "requires"
    if lab.capability < model.min_capability:
        return "capability"
    return None if affordable(lab, model.cost) else "cash"


def refuse_research(ctx: Ctx, lab: Lab, tech: str) -> err.IllegalAction | None:
    """Research: a known technique, not done or under way, its prerequisites done, capability enough,
    and the cash for it (:func:`tech_reason`, as an error)."""
    reason = tech_reason(ctx, lab, tech)
    if reason is None:
        return None
    model = ctx.rules.techs.get(tech)
    if model is None:
        return err.UnknownId(f"no technique '{tech}'", tech=tech)
    if reason == "done":
        return err.NotAvailable(f"{tech} is already researched or under way", "illegal.tech_done", tech=tech)
    if reason == "not_yet":
        return err.NotAvailable(f"{tech} is not invented yet (from {model.available_from})", "illegal.tech_not_yet",
                                tech=tech, date=model.available_from)
    if reason == "requires":
        missing = [t for t in model.requires if t not in lab.techs]
        return err.NotAvailable(f"{tech} needs {', '.join(missing)} first", "illegal.tech_requires",
                                tech=tech, missing=missing)
    if reason == "capability":
        return err.NotAvailable(f"{tech} needs capability {model.min_capability / 100:.0f}",
                                "illegal.tech_capability", tech=tech, need=model.min_capability)
    return refuse_cash(lab, model.cost)


def price_in_range(price_cents: int) -> bool:
    """Whether a price per million tokens lies between $0.10 and $1,000."""
    return MIN_PRICE_CENTS <= price_cents <= MAX_PRICE_CENTS


def refuse_price(price_cents: int) -> err.IllegalAction | None:
    """A price per million tokens lies between $0.10 and $1,000."""
    if not price_in_range(price_cents):
        return err.InvalidAmount("a price per million tokens lies between $0.10 and $1,000", "illegal.price")
    return None


def has_new_model(lab: Lab) -> bool:
    """Whether the lab has trained a model better than the one on sale (or has none on sale)."""
    return lab.capability > lab.released


def refuse_release(ctx: Ctx, lab: Lab, price_cents: int) -> err.IllegalAction | None:
    """Release: a model better than the one on sale, at a price in range (open or closed alike)."""
    if not has_new_model(lab):
        return err.NotAvailable("no model better than the one on sale: train first", "illegal.nothing_new")
    return refuse_price(price_cents)


def has_model_on_sale(lab: Lab) -> bool:
    return bool(lab.released)


def is_new_price(current_cents: int, price_cents: int) -> bool:
    """Whether ``price_cents`` changes a price of ``current_cents``."""
    return price_cents != current_cents


def refuse_set_price(ctx: Ctx, lab: Lab, price_cents: int) -> err.IllegalAction | None:
    """SetPrice: a model on sale, and a new price in range."""
    if not has_model_on_sale(lab):
        return err.NotAvailable("no model on sale yet", "illegal.not_released")
    refused = refuse_price(price_cents)
    if refused is None and not is_new_price(lab.price_cents, price_cents):
        return err.InvalidAmount("that is already the price", "illegal.same_price")
    return refused


def raise_wait(ctx: Ctx, lab: Lab) -> int:
    """Turns until investors listen again (0 or less: now)."""
    return lab.last_raise_turn + RAISE_COOLDOWN - ctx.state.turn


def refuse_raise(ctx: Ctx, lab: Lab) -> err.IllegalAction | None:
    """RaiseMoney: once every ``RAISE_COOLDOWN`` turns (:func:`raise_wait`)."""
    wait = raise_wait(ctx, lab)
    if wait > 0:
        return err.NotAvailable(f"investors will listen again in {wait} turn(s)", "illegal.raise_cooldown",
                                turns=wait)
    return None


def lobby_reason(lab: Lab) -> str | None:
    """Why the lab may not lobby now, as a word: ``max`` (relations at their best), ``cash``."""
    if lab.gov_relations >= MAX_GOV_RELATIONS:
        return "max"
    return None if affordable(lab, LOBBY_COST) else "cash"


def refuse_lobby(ctx: Ctx, lab: Lab) -> err.IllegalAction | None:
    """Lobby: relations not at their best yet, and the cash for it (:func:`lobby_reason`)."""
    reason = lobby_reason(lab)
    if reason == "max":
        return err.NotAvailable("government relations are already at their best", "illegal.lobby_max")
    return None if reason is None else refuse_cash(lab, LOBBY_COST)


def hire_cost(count: int) -> int:
    """The signing cost of ``count`` researchers."""
    return count * HIRE_COST


def refuse_hire(ctx: Ctx, lab: Lab, count: int) -> err.IllegalAction | None:
    """Hire: the cash for the signing cost."""
    return refuse_cash(lab, hire_cost(count))


def refuse_choose(ctx: Ctx, lab: Lab, event: str, choice: str) -> err.IllegalAction | None:
    """Choose: the card waiting for this side is ``event``, and ``choice`` is offered now."""
    pending = next((p for p in ctx.state.pending if p.side == lab.side), None)
    if pending is None or pending.event != event:
        return err.NotAvailable(f"no event card '{event}' is waiting for {lab.side}", "illegal.no_card",
                                event=event)
    offered = offered_choices(ctx, ctx.rules.cards[event], lab)
    if not any(c.id == choice for c in offered):
        return err.UnknownId(f"event '{event}' has no choice '{choice}' now", choice=choice)
    return None


#: Each kind's refusal, reading its fields from the action.
REFUSALS: dict[type, Callable[[Ctx, Lab, Any], err.IllegalAction | None]] = {
    a.BuyChips: lambda ctx, lab, x: refuse_buy(ctx, lab, x.chip, x.count, x.grey),
    a.RentCloud: lambda ctx, lab, x: refuse_rent(ctx, lab, x.chip, x.gpu_hours),
    a.StartTraining: lambda ctx, lab, x: refuse_train(ctx, lab, x.chip, x.gpu_hours),
    a.Research: lambda ctx, lab, x: refuse_research(ctx, lab, x.tech),
    a.Release: lambda ctx, lab, x: refuse_release(ctx, lab, x.price_cents),
    a.SetPrice: lambda ctx, lab, x: refuse_set_price(ctx, lab, x.price_cents),
    a.RaiseMoney: lambda ctx, lab, x: refuse_raise(ctx, lab),
    a.Lobby: lambda ctx, lab, x: refuse_lobby(ctx, lab),
    a.Hire: lambda ctx, lab, x: refuse_hire(ctx, lab, x.count),
    a.Choose: lambda ctx, lab, x: refuse_choose(ctx, lab, x.event, x.choice),
    a.EndTurn: lambda ctx, lab, x: None,
}


def refusal(ctx: Ctx, action: a.Action) -> err.IllegalAction | None:
    """Why the active seat may not take ``action`` now (what ``apply`` would raise), or ``None``.

    Example::

        >>> from game.content.loader import load_content
        >>> from game.engine.game import Game
        >>> from game.engine.rng import NO_DRAWS
        >>> game = Game(load_content(), "cn_lab")
        >>> state = game.new_game(seed=1)
        >>> refusal(Ctx(game.rules, state, NO_DRAWS), a.Hire(count=500)) is None
        True
        >>> refusal(Ctx(game.rules, state, NO_DRAWS), a.Lobby()) is None
        True
        >>> refusal(Ctx(game.rules, state, NO_DRAWS), a.SetPrice(price_cents=219)).key
        'illegal.not_released'
    """
    state = ctx.state
    refused = refuse_seat(state, state.active, type(action))
    return refused if refused is not None else REFUSALS[type(action)](ctx, state.lab, action)
