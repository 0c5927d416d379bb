"""Effect verbs: what an event or a choice does to the game. Structured YAML, never code.

Effects that change "the lab" act on the lab the event concerns (its ``side``); when that side has
no lab in the scenario they are skipped, while world effects (bans, stocks, flags, rivals) always
apply.

Example (YAML)::

    effects:
      - ban_chips: {chips: [a100, h100], delay_turns: 1}
      - stocks: {nvda: -3}
      - reputation: 5
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from game.content.verbs import Id, Verb, verb_union


class Cash(Verb):
    """Add (or, negative, remove) dollars to the lab's cash."""

    verb: Literal["cash"]
    amount: int = Field(description="dollars; negative to take money away")
    scalar = "amount"
    example = "cash: -2000000"


class StatDelta(Verb):
    """Move one of the lab's figures, or the world's investor sentiment, by an amount.

    ``reputation`` and ``gov_relations`` stay within 0..100; ``users_pct`` and ``efficiency_pct``
    are percentages of the current figure; ``capability`` is in hundredths of an index point;
    ``sentiment`` is the world's investor mood (-100..100) and ``market_users_pct`` grows or shrinks
    the world's number of AI users: these two are world effects.
    """

    verb: Literal["reputation", "gov_relations", "talent", "users_pct", "efficiency_pct", "capability",
                  "sentiment", "market_users_pct"]
    amount: int
    scalar = "amount"
    example = "reputation: -10"


class BanChips(Verb):
    """Export control: these chip types may no longer be sold to Chinese buyers.

    The ban is announced now and bites after ``delay_turns`` turns: a window to stockpile. Chips
    already owned stay usable.
    """

    verb: Literal["ban_chips"]
    chips: list[Id] = Field(min_length=1)
    delay_turns: int = Field(0, ge=0, le=12, description="turns between announcement and enforcement")
    example = "ban_chips: {chips: [a100, h100], delay_turns: 1}"


class AllowChips(Verb):
    """Lift export controls on these chip types (also cancels announced bans)."""

    verb: Literal["allow_chips"]
    chips: list[Id] = Field(min_length=1)
    scalar = "chips"
    example = "allow_chips: [h20]"


class ChipPrice(Verb):
    """Change the market price of a chip type by a percentage (scarcity, a glut)."""

    verb: Literal["chip_price"]
    chip: Id
    pct: int = Field(ge=-90, le=500)
    example = "chip_price: {chip: h800, pct: 25}"


class GrantChips(Verb):
    """Give the lab chips (negative: take them away, never below zero)."""

    verb: Literal["grant_chips"]
    chip: Id
    count: int
    example = "grant_chips: {chip: ascend, count: 2000}"


class LoseChips(Verb):
    """The lab loses a percentage of its chips of a type (a seizure, a fire)."""

    verb: Literal["lose_chips"]
    chip: Id
    pct: int = Field(ge=0, le=100)
    example = "lose_chips: {chip: h100, pct: 50}"


class Stocks(Verb):
    """Move share prices now: a mapping of stock id to percentage change."""

    verb: Literal["stocks"]
    moves: dict[Id, float] = Field(min_length=1, description="stock id -> percent change, e.g. nvda: -17")
    scalar = "moves"
    wraps = True
    example = "stocks: {nvda: -17, avgo: -17, googl: -4.2}"


class Market(Verb):
    """Move a whole group of stocks: ``hardware`` (chips, memory, foundry), ``ai`` (all AI-exposed
    stocks, weighted by their exposure), or ``all``."""

    verb: Literal["market"]
    factor: Literal["hardware", "ai", "all"]
    pct: float = Field(ge=-60, le=100)
    example = "market: {factor: hardware, pct: -8}"


class SetFlag(Verb):
    """Set a world flag that conditions can test (``flag: name``)."""

    verb: Literal["set_flag"]
    name: Id
    scalar = "name"
    example = "set_flag: crash_happened"


class ClearFlag(Verb):
    """Clear a world flag."""

    verb: Literal["clear_flag"]
    name: Id
    scalar = "name"
    example = "clear_flag: crash_happened"


class RivalRelease(Verb):
    """A rival lab releases a model: its capability, price and openness change."""

    verb: Literal["rival_release"]
    rival: Id
    capability: int | None = Field(None, ge=0, le=10000, description="new capability, hundredths")
    gain: int | None = Field(None, description="or: capability gained, hundredths")
    price_cents: int | None = Field(None, ge=1, description="price per million output tokens, cents")
    open_weights: bool | None = None
    behind: int | None = Field(None, ge=0, le=3000, description="or: this far below the best model on the "
                                                                 "market, hundredths (0: level with it)")
    claimed_cost: int | None = Field(None, ge=0, description="what the lab says training cost, dollars: "
                                                             "a cheap claim scares chip investors more")
    example = "rival_release: {rival: deepseek, capability: 7800, price_cents: 219, open_weights: true}"


class TechProgress(Verb):
    """The lab finishes a technique at once (a paper, a hire, a leak)."""

    verb: Literal["tech_done"]
    tech: Id
    scalar = "tech"
    example = "tech_done: fp8"


class FollowUp(Verb):
    """Schedule another event to fire after some turns (if its trigger then holds)."""

    verb: Literal["follow_up"]
    event: Id
    after_turns: int = Field(1, ge=0, le=24)
    example = "follow_up: {event: italy_block, after_turns: 1}"


EFFECT_CLASSES: list[type[Verb]] = [
    Cash, StatDelta, BanChips, AllowChips, ChipPrice, GrantChips, LoseChips, Stocks, Market, SetFlag,
    ClearFlag, RivalRelease, TechProgress, FollowUp,
]
Effect, EFFECTS = verb_union(EFFECT_CLASSES, "effect")
