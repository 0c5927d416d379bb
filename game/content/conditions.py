"""Condition verbs: when an event may fire. Structured YAML, combined with all/any/not.

Example (YAML)::

    trigger:
      all:
        - date_from: 2024-12
        - cheap_frontier: {max_price_cents: 300, within: 500}
        - not: {flag: crash_happened}
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from game.content.verbs import DateText, Id, Verb, verb_union

Side = Literal["us", "cn"]
LabStat = Literal[
    "cash", "capability", "users", "reputation", "gov_relations", "talent", "efficiency",
    "price_cents", "compute", "released", "open_weights",
]



#: Flags the game's rules set by themselves (a mod may test them; no effect needs to set them).
RULE_FLAGS: dict[str, str] = {
    "cheap_ai_shock": "a cheap near-frontier model made Nvidia fall 8% or more (game/engine/market.py)",
    "grey_market_used": "the lab bought chips on the grey market (game/engine/handlers.py)",
}

class AllOf(Verb):
    """True when every condition in the list is true."""

    verb: Literal["all"]
    conditions: list[Condition] = Field(min_length=1, description="conditions that must all hold")
    scalar = "conditions"
    example = "all: [{date_from: 2023-01}, {side: cn}]"


class AnyOf(Verb):
    """True when at least one condition in the list is true."""

    verb: Literal["any"]
    conditions: list[Condition] = Field(min_length=1, description="conditions, one of which must hold")
    scalar = "conditions"
    example = "any: [{flag: rush}, {chip_banned: h100}]"


class Not(Verb):
    """True when the inner condition is false."""

    verb: Literal["not"]
    condition: Condition = Field(description="the condition to negate")
    scalar = "condition"
    wraps = True
    example = "not: {flag: crash_happened}"


class DateFrom(Verb):
    """True from this date on (the turn that contains the date counts)."""

    verb: Literal["date_from"]
    date: DateText
    scalar = "date"
    example = "date_from: 2024-12"


class DateBefore(Verb):
    """True while the turn starts before this date."""

    verb: Literal["date_before"]
    date: DateText
    scalar = "date"
    example = "date_before: 2025-02"


class SideIs(Verb):
    """True when the lab the event concerns is on this side (``us`` or ``cn``)."""

    verb: Literal["side"]
    side: Side
    scalar = "side"
    example = "side: cn"


class HistoryOn(Verb):
    """True when the scenario plays the historical chronology (``history: true``)."""

    verb: Literal["history"]
    on: bool = Field(description="true: history is on; false: history is off")
    scalar = "on"
    example = "history: true"


class FlagSet(Verb):
    """True when a world flag has been set by an effect (``set_flag``) or by a rule (``RULE_FLAGS``)."""

    verb: Literal["flag"]
    name: Id
    scalar = "name"
    example = "flag: grey_market_used"


class Fired(Verb):
    """True when the event with this id has already fired in this game."""

    verb: Literal["fired"]
    event: Id
    scalar = "event"
    example = "fired: deepseek_r1"


class ChipBanned(Verb):
    """True when this chip type may not be sold to Chinese buyers (ban in force)."""

    verb: Literal["chip_banned"]
    chip: Id
    scalar = "chip"
    example = "chip_banned: h100"


class StatRange(Verb):
    """True when a figure of the lab the event concerns lies in a range.

    ``capability`` and ``released`` are in hundredths of an index point (7000 = 70.00);
    ``efficiency`` is a per-mille multiplier (1000 = 1x); ``cash`` is in dollars; ``compute`` is
    H100-equivalent GPU-hours per month; ``open_weights`` is 1 when the model on sale has open
    weights, else 0.
    """

    verb: Literal["stat"]
    stat: LabStat
    at_least: int | None = Field(None, description="the figure is at least this")
    below: int | None = Field(None, description="the figure is below this")
    example = "stat: {stat: cash, below: 50000000}"


class Owns(Verb):
    """True when the lab the event concerns owns at least ``count`` chips of a type."""

    verb: Literal["owns"]
    chip: Id
    count: int = Field(1, ge=1)
    example = "owns: {chip: a100, count: 5000}"


class OwnsAny(Verb):
    """True when the lab the event concerns owns at least ``count`` chips, all types together, of a
    maker (``maker: Nvidia``: the V100, A100, H100, A800, H800 and H20 alike) or of a class of chips
    you list (``chips: [a800, h800, h20]``, the China variants). Give ``maker`` or ``chips``."""

    verb: Literal["owns_any"]
    maker: str | None = Field(None, min_length=1, description="the maker, as in the world catalogue (Nvidia, Huawei)")
    chips: list[Id] | None = Field(None, min_length=1, description="the chip ids that count")
    count: int = Field(1, ge=1, description="how many chips of those, all together")
    example = "owns_any: {maker: Nvidia, count: 1000}"

    @model_validator(mode="after")
    def _one_of(self) -> OwnsAny:
        if (self.maker is None) == (self.chips is None):
            raise ValueError("owns_any takes either 'maker' or 'chips' (one of them)")
        return self


class TechDone(Verb):
    """True when the lab the event concerns has finished researching this technique."""

    verb: Literal["tech"]
    tech: Id
    scalar = "tech"
    example = "tech: moe"


class CheapFrontier(Verb):
    """True when some released model is both cheap and near the frontier.

    The frontier is the best capability any lab or rival has released. ``owner`` restricts the
    model to the players' labs, to the rivals, or allows either; ``self`` means the lab the event
    concerns (so a card can say "your model" in a two-lab game).
    """

    verb: Literal["cheap_frontier"]
    max_price_cents: int = Field(300, ge=1, description="highest price per million output tokens, cents")
    within: int = Field(500, ge=0, description="at most this far below the frontier (hundredths)")
    owner: Literal["any", "player", "rival", "self"] = Field(
        "any", description="whose model: any, player (a played lab), rival, self (the lab the event concerns)")
    example = "cheap_frontier: {max_price_cents: 300, within: 500}"


class Played(Verb):
    """True when the side the event concerns has a lab in this game (a player, or a computer seat).

    Lets a side-specific random card stay out of the draw when nobody plays that side.
    """

    verb: Literal["played"]
    on: bool = Field(True, description="true: the side is played; false: it is not")
    scalar = "on"
    example = "played: true"


class Sentiment(Verb):
    """True when investor sentiment (-100 to 100) lies in a range."""

    verb: Literal["sentiment"]
    at_least: int | None = None
    below: int | None = None
    example = "sentiment: {below: -20}"


class TurnAtLeast(Verb):
    """True from this turn number on (the first turn is 1)."""

    verb: Literal["turn_at_least"]
    turn: int = Field(ge=1)
    scalar = "turn"
    example = "turn_at_least: 4"


class CashRunway(Verb):
    """True when the cash of the lab the event concerns lasts fewer than ``below`` turns at its present
    rate: salaries, serving its users and the power and hosting of its chips, less its revenue (the rules'
    own accounts, played ahead on a copy: ``game.engine.runway``)."""

    verb: Literal["cash_runway"]
    below: int = Field(ge=1, le=24, description="fewer turns than this before the cash runs out")
    scalar = "below"
    example = "cash_runway: 2"


CONDITION_CLASSES: list[type[Verb]] = [
    AllOf, AnyOf, Not, DateFrom, DateBefore, SideIs, HistoryOn, FlagSet, Fired, ChipBanned,
    StatRange, Owns, OwnsAny, TechDone, CheapFrontier, Played, Sentiment, TurnAtLeast, CashRunway,
]
Condition, CONDITIONS = verb_union(CONDITION_CLASSES, "condition")

for _cls in (AllOf, AnyOf, Not):
    _cls.model_rebuild(_types_namespace={"Condition": Condition})
