"""Stated preferences: how a computer player weighs the meters a news card's choice moves.

A policy with a style answers every card the same way: it reads each offered choice's effects from the
content (cash, reputation, government relations, chips, talent, users, efficiency, capability) and
takes the choice whose weighted sum is highest (the first listed on a tie). No event id appears
anywhere: a modder's new card is answered by the same rule.

The units keep the weights readable: one point of weight is worth $10 million of cash or of chips (at
their list price), one point of reputation or of government relations, ten researchers, one percent of
users or of efficiency, one point of capability index.

Example::

    >>> from game.content.loader import load_content
    >>> from game.engine.game import Game
    >>> game = Game(load_content(), "cn_lab")
    >>> offered = ["buy_smuggled", "refuse_smuggled"]
    >>> [best_choice(game, "smuggler_offer", offered, pref)
    ...  for pref in (Preference(chips=5, reputation=0), Preference(chips=0, gov_relations=3))]
    ['buy_smuggled', 'refuse_smuggled']
"""

from __future__ import annotations

from dataclasses import dataclass

from game.content.models import Choice
from game.engine.game import Game

#: Dollars per point of weight for cash and chips.
MONEY_UNIT = 10_000_000
#: What a rival's release or a new export ban is worth to a lab, before weights: both make the race
#: harder for the player (a rival's better model, chips it can no longer buy).
RIVAL_RELEASE_POINTS = -3
BAN_POINTS_PER_CHIP = -2


@dataclass(frozen=True)
class Preference:
    """Weights on the meters a card's choice moves (see the module text for the units)."""

    cash: float = 1.0
    reputation: float = 1.0
    gov_relations: float = 0.5
    chips: float = 1.0
    talent: float = 0.5
    users: float = 1.0
    efficiency: float = 1.0
    capability: float = 1.0
    #: the world getting harder: rivals' releases, new bans
    world: float = 1.0


def choice_value(game: Game, choice: Choice, pref: Preference) -> float:
    """The weighted sum of what ``choice`` does to the lab it concerns, by ``pref``.

    Example::

        >>> from game.content.loader import load_content
        >>> from game.content.models import Choice
        >>> game = Game(load_content(), "cn_lab")
        >>> choice = Choice.model_validate({"id": "x", "label": {"en": "x", "fr": "x"},
        ...                                 "effects": [{"cash": 20000000}, {"reputation": -3}]})
        >>> choice_value(game, choice, Preference(cash=1, reputation=2))
        -4.0
    """
    chips = game.rules.chips
    total = 0.0
    for effect in choice.effects:
        verb = effect.verb
        if verb == "cash":
            total += pref.cash * effect.amount / MONEY_UNIT
        elif verb in ("reputation", "gov_relations"):
            total += getattr(pref, verb) * effect.amount
        elif verb == "talent":
            total += pref.talent * effect.amount / 10
        elif verb == "users_pct":
            total += pref.users * effect.amount
        elif verb == "efficiency_pct":
            total += pref.efficiency * effect.amount
        elif verb == "capability":
            total += pref.capability * effect.amount / 100
        elif verb == "grant_chips" and effect.chip in chips:
            total += pref.chips * effect.count * chips[effect.chip].price / MONEY_UNIT
        elif verb == "lose_chips":
            total -= pref.chips * effect.pct / 10  # a tenth of a point per percent: the stock is unknown here
        elif verb == "tech_done" and effect.tech in game.rules.techs:
            tech = game.rules.techs[effect.tech]
            total += pref.efficiency * tech.efficiency_pct + pref.capability * tech.capability / 100
        elif verb == "rival_release":
            total += pref.world * RIVAL_RELEASE_POINTS
        elif verb == "ban_chips":
            total += pref.world * BAN_POINTS_PER_CHIP * len(effect.chips)
    return total


def best_choice(game: Game, event_id: str, offered: list[str], pref: Preference) -> str:
    """The id among ``offered`` (choices of event ``event_id``) with the highest value; the first on a tie.

    Example::

        >>> from game.content.loader import load_content
        >>> game = Game(load_content(), "cn_lab")
        >>> event = game.rules.events_by_id["italy_block"]
        >>> best_choice(game, event.id, [c.id for c in event.choices], Preference()) in {c.id for c in event.choices}
        True
    """
    choices = {c.id: c for c in game.rules.cards[event_id].choices}  # (plain records: read faster)
    best, best_value = offered[0], float("-inf")
    for choice_id in offered:
        value = choice_value(game, choices[choice_id], pref)
        if value > best_value:
            best, best_value = choice_id, value
    return best
