"""Typed content: the world catalogue, event decks and scenarios, as loaded from YAML.

:class:`Content` gathers one loaded content set (world, decks, scenarios): the engine takes it from
here, without the loader (:mod:`game.content.loader`) and its YAML reader.

Every model is frozen and forbids unknown keys, so a typo in a mod is an error with its line, not a
silently ignored field. Money is in whole dollars, prices per GPU-hour and per million tokens in cents,
capability in hundredths of an index point (7000 = 70.00), efficiency as a per-mille multiplier.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from game.content.conditions import Condition, Side
from game.content.effects import Effect
from game.content.verbs import DateText, Id

if TYPE_CHECKING:
    from game.textfiles.problems import Problem


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _needs_english(text: dict[str, str]) -> dict[str, str]:
    if "en" not in text:
        raise ValueError("text needs at least an English version under 'en'")
    return text


#: Text in several languages, keyed by language code: ``{en: "...", fr: "..."}``.
Localized = Annotated[
    dict[Annotated[str, Field(pattern=r"^[a-z]{2}$")], Annotated[str, Field(min_length=1)]],
    AfterValidator(_needs_english),
    Field(description="text by language code; 'en' is required, 'fr' expected"),
]


# --- The world catalogue -------------------------------------------------------------------------

class Chip(Model):
    """A type of AI accelerator that labs can buy or rent."""

    id: Id
    name: str
    maker: str = Field(description="who designs it, e.g. Nvidia, Huawei")
    perf: int = Field(ge=1, description="training throughput, per mille of an H100 (H100 = 1000)")
    price: int = Field(ge=1, description="purchase price of one chip, dollars")
    rent_cents: int = Field(ge=1, description="cloud rental price per GPU-hour, cents")
    power_cents: int = Field(ge=0, description="running cost per GPU-hour of an owned chip, cents")
    available_from: DateText
    available_until: DateText | None = Field(None, description="last month it is sold (the Ascend 910: TSMC "
                                                                "stopped making it in September 2020)")
    buyers: list[Side] = Field(description="which sides' labs may buy it at all (China-only variants: [cn])")
    supply: int = Field(ge=0, description="chips a lab can get per month")
    train_pct: int = Field(100, ge=1, le=100, description="share of its throughput a large training run gets, "
                                                          "percent (cut chip-to-chip links, a young software "
                                                          "stack); a technique with fixes_links restores it")
    fp8: bool = Field(False, description="computes in 8-bit floating point (Hopper chips): FP8 research pays")
    serve: int | None = Field(None, ge=1, description="serving throughput, per mille of an H100 (default: perf; "
                                                       "the H20's memory makes it a good serving chip)")

    @property
    def serve_perf(self) -> int:
        return self.serve if self.serve is not None else self.perf
    description: Localized | None = None


class Tech(Model):
    """An efficiency technique a lab can research."""

    id: Id
    name: Localized
    description: Localized
    cost: int = Field(ge=0, description="dollars")
    turns: int = Field(ge=1, le=12)
    efficiency_pct: int = Field(0, ge=0, le=500, description="training efficiency gained, percent")
    capability: int = Field(0, ge=0, le=2000, description="capability gained at once, hundredths")
    serving_pct: int = Field(0, ge=0, le=90, description="serving cost saved, percent")
    requires: list[Id] = Field(default_factory=list)
    min_capability: int = Field(0, ge=0, description="capability needed before starting")
    reputation: int = Field(0, description="reputation change when finished (distillation: suspicion)")
    available_from: DateText | None = Field(None, description="first month it can be researched (when the "
                                                              "idea was published)")
    fp8_only: bool = Field(False, description="its efficiency applies only to runs on chips with fp8")
    fixes_links: bool = Field(False, description="runs get all of a chip's throughput (see Chip.train_pct)")
    tokens_pct: int = Field(0, ge=0, le=1000, description="more tokens per answer, percent (a reasoning model "
                                                          "thinks before it answers: more to serve and to bill)")


class Stock(Model):
    """A listed company whose share price the market model moves."""

    id: Id
    name: str
    ticker: str
    short: str | None = Field(None, max_length=10, description="what the screens show where a ticker fits, "
                              "when the ticker says nothing to a student (Seoul's are numbers); default: the ticker")
    price_cents: int = Field(ge=1, description="share price at the scenario start")
    shares_m: int = Field(ge=1, description="shares outstanding, millions (for market value)")
    ai_beta: int = Field(ge=0, le=3000, description="exposure to AI demand, per mille")
    hardware: bool = Field(description="sells chips, memory or foundry capacity")
    cheap_ai_exposure: int = Field(0, ge=0, le=1000, description="share of a cheap-AI shock it takes, per mille "
                                                                 "(Nvidia: 1000)")
    volatility_bp: int = Field(ge=0, le=5000, description="monthly noise, basis points (1 sd)")

    @property
    def label(self) -> str:
        """The stock's name on screens where a ticker fits: ``short``, else the ticker."""
        return self.short or self.ticker


class ComputePoint(Model):
    """A rival lab's compute on one date, from the public record (its source in a comment beside it)."""

    date: DateText
    h100e: int = Field(ge=0, description="accelerators in service, in H100-equivalents (an H100 = 1; "
                                         "an A100 about a third, by the catalogue's perf)")


def _in_date_order(points: list[ComputePoint]) -> list[ComputePoint]:
    keys = [p.date if len(p.date) == 10 else f"{p.date}-01" for p in points]
    if keys != sorted(keys) or len(set(keys)) != len(keys):
        raise ValueError("compute points must be in date order, one per date")
    return points


class Rival(Model):
    """A computer-run lab the players compete with."""

    id: Id
    name: str
    side: Side
    capability: int = Field(ge=0, le=10000)
    growth: tuple[int, int] = Field(description="capability gained per month, min and max (hundredths)")
    price_cents: int = Field(ge=1)
    price_trend_pct: int = Field(0, ge=-50, le=50, description="price change per month, percent")
    open_weights: bool = False
    trust: int = Field(60, ge=0, le=100)
    active_from: DateText | None = Field(None, description="the rival appears on this date")
    historical: bool = Field(False, description="its releases come from the chronology's events")
    compute: Annotated[list[ComputePoint], AfterValidator(_in_date_order)] = Field(
        default_factory=list,
        description="its compute over time, in date order: between two dates it grows month by month, "
                    "before the first it is the first figure, after the last it stays; empty: not known")


class World(Model):
    """The catalogue every scenario draws from: chips, techniques, stocks, rivals."""

    id: Id
    chips: list[Chip]
    techs: list[Tech]
    stocks: list[Stock]
    rivals: list[Rival]


# --- Events --------------------------------------------------------------------------------------

class Source(Model):
    """Where an event comes from: which article, and what the public record says where it differs."""

    articles: list[Literal["A0", "A1"]] = Field(default_factory=list,
                                               description="A0, A1: the two source articles")
    context: bool = Field(False, description="not in the articles: context a teacher expects")
    says: Localized | None = Field(None, description="what the article says")
    record: Localized | None = Field(None, description="what the public record says, where it differs")
    url: str | None = None


class Choice(Model):
    """One option of an event card."""

    id: Id
    label: Localized
    hint: Localized | None = Field(None, description="the consequence the player should know about")
    effects: list[Effect] = Field(default_factory=list)
    historical: bool = Field(False, description="what really happened; taken when no player decides")
    requires: Condition | None = Field(None, description="the choice is offered only when this holds")
    trap: bool = Field(
        False, description="this answer usually loses, and its hint says why as the record tells it (the "
        "mistake the lesson is about): the playtest's card audit lists it as a stated trap, not as dominated")

    @model_validator(mode="after")
    def _trap_says_why(self) -> Choice:
        if self.trap and self.hint is None:
            raise ValueError(f"choice '{self.id}' is a trap: its 'hint' must say why it usually loses")
        return self


class Event(Model):
    """A news card: dated history, a reaction to the situation, or a random happening."""

    id: Id
    kind: Literal["article", "context", "generic"] = Field(
        description="article: from the source articles; context: history not in them; generic: invented")
    date: DateText | None = Field(None, description="fires in the turn containing this date (or later)")
    until: DateText | None = Field(None, description="cannot fire after this date")
    trigger: Condition | None = Field(None, description="must hold for the event to fire")
    weight: int = Field(0, ge=0, le=1000, description="chance weight as a random event; 0: never drawn")
    side: Literal["us", "cn", "any"] = Field("any", description="whose lab the card concerns")
    once: bool = True
    title: Localized
    text: Localized
    icon: str | None = None
    source: Source | None = None
    effects: list[Effect] = Field(default_factory=list)
    choices: list[Choice] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check(self) -> Event:
        if self.kind != "generic" and self.source is None:
            raise ValueError(f"event '{self.id}' is {self.kind}: it needs a 'source'")
        ids = [c.id for c in self.choices]
        if len(ids) != len(set(ids)):
            raise ValueError(f"event '{self.id}' has two choices with the same id")
        return self


class Deck(Model):
    """A file of events."""

    id: Id
    events: list[Event]


# --- Scenarios -----------------------------------------------------------------------------------

class CalendarSegment(Model):
    """A stretch of the calendar with one turn length."""

    start: DateText = Field(description="first turn starts here (YYYY-MM)")
    end: DateText = Field(description="no turn starts after this (YYYY-MM)")
    step: Literal["month", "quarter"]


class LabStart(Model):
    """A played lab's starting position."""

    name: str
    cash: int = Field(ge=0)
    chips: dict[Id, int] = Field(default_factory=dict)
    talent: int = Field(ge=1)
    capability: int = Field(ge=0, le=10000)
    efficiency: int = Field(1000, ge=100)
    users: int = Field(0, ge=0)
    price_cents: int = Field(1000, ge=1)
    open_weights: bool = False
    released: int = Field(0, ge=0, le=10000, description="capability of the model already on sale")
    reputation: int = Field(50, ge=0, le=100)
    gov_relations: int = Field(50, ge=0, le=100)
    techs: list[Id] = Field(default_factory=list)
    win_score: int | None = Field(None, ge=1, le=100, description="score this lab needs to win (default: the "
                                                                  "scenario's); for asymmetric two-lab games")
    bands: list[Band] | None = Field(None, description="outcome bands of this lab, best first (default: the "
                                                       "scenario's); for asymmetric two-lab games")
    goals: list[Goal] | None = Field(None, min_length=1, description="this lab's goals (default: the "
                                                                     "scenario's); for asymmetric two-lab games")


class Band(Model):
    """An outcome band: a lab whose final score reaches ``min_score`` (and no better band's) lands in
    it. Bands are listed best first; a bankrupt lab is in the band ``bankrupt`` whatever its score.

    Example (YAML)::

        bands:
          - {id: frontier_leader, min_score: 75, won: true, label: {en: Frontier leader, fr: Leader de la frontière}}
          - {id: survivor, min_score: 0, label: {en: Survivor, fr: Survivant}}
    """

    id: Id
    min_score: int = Field(ge=0, le=100, description="the lowest final score in this band")
    won: bool = Field(False, description="a game ending in this band counts as won (result documents, reports)")
    label: Localized


def _check_bands(bands: list[Band] | None, where: str) -> None:
    """Bands best first (strictly falling ``min_score``), the last open to every score, unique ids."""
    if not bands:
        return
    scores = [b.min_score for b in bands]
    if any(lower >= upper for upper, lower in itertools.pairwise(scores)):
        raise ValueError(f"{where}: bands must be listed best first, min_score strictly falling")
    if scores[-1] != 0:
        raise ValueError(f"{where}: the last band must have min_score 0 (every score lands in a band)")
    ids = [b.id for b in bands]
    if len(set(ids)) != len(ids) or "bankrupt" in ids:
        raise ValueError(f"{where}: band ids must be unique, and 'bankrupt' is reserved")
    if any(later.won and not earlier.won for earlier, later in itertools.pairwise(bands)):
        raise ValueError(f"{where}: the won bands must be the top ones")


class Goal(Model):
    """One part of the score."""

    kind: Literal["capability_lead", "users", "valuation", "cash", "reputation", "survival", "efficiency"]
    weight: int = Field(ge=1, le=100, description="points this part is worth")
    target: int = Field(1, ge=1, description="the figure that earns all the points (not for lead/survival)")
    label: Localized | None = None


class RivalPick(Model):
    """A rival from the world catalogue, with optional overrides for this scenario."""

    id: Id
    capability: int | None = Field(None, ge=0, le=10000)
    price_cents: int | None = Field(None, ge=1)


class GameOptions(Model):
    """A facilitator's settings for one game (same for the whole class with the same class code)."""

    turn_limit: int | None = Field(None, ge=1, le=200, description="end the game after this many turns")
    lesson_turns: int | None = Field(None, ge=1, le=200, description="the players take over for the last N turns "
                                     "of the calendar; the turns before play themselves (history's choices, "
                                     "no action)")
    history: bool | None = Field(None, description="dated history on or off (default: the scenario's)")
    remove_events: list[Id] = Field(default_factory=list, description="events that never fire")
    force_events: list[Id] = Field(default_factory=list, description="events that fire on their date "
                                                                    "even with history off")
    difficulty: Literal["easy", "normal", "hard"] | None = Field(None, description="default: the scenario's")


#: Starting cash (percent) and rival growth (percent) by difficulty.
DIFFICULTY = {"easy": (150, 80), "normal": (100, 100), "hard": (70, 125)}


class Scenario(Model):
    """A playable scenario: sides, calendar, starting positions, rivals, decks, goals."""

    id: Id
    world: Id = "world"
    title: Localized
    description: Localized
    minutes: int = Field(ge=5, le=240, description="typical length of play")
    sides: list[Side] = Field(min_length=1, max_length=2, description="the labs played (one or both)")
    calendar: list[CalendarSegment] = Field(min_length=1)
    labs: dict[Side, LabStart]
    rivals: list[RivalPick] = Field(default_factory=list)
    decks: list[Id] = Field(min_length=1)
    history: bool = Field(True, description="dated history fires; off for what-if scenarios")
    remove_events: list[Id] = Field(default_factory=list, description="events that never fire here")
    force_events: list[Id] = Field(default_factory=list, description="events that fire on their date "
                                                                    "even when history is off")
    stock_prices: dict[Id, int] = Field(default_factory=dict, description="share prices at the start, "
                                                                         "cents (else the world's)")
    initial_bans: list[Id] = Field(default_factory=list, description="chips already banned at the start")
    action_points: int = Field(3, ge=1, le=10)
    random_events: int = Field(1, ge=0, le=5, description="random events drawn per turn")
    market_users: int = Field(ge=0, description="AI assistant users worldwide at the start")
    market_growth_pct: int = Field(6, ge=0, le=100, description="growth of that market per month")
    goals: list[Goal] = Field(min_length=1)
    win_score: int = Field(60, ge=1, le=100, description="score needed to win when no bands are given")
    bands: list[Band] = Field(default_factory=list, description="outcome bands, best first: the top ones "
                              "(won: true) count as won; without bands, won or lost at win_score")
    difficulty: Literal["easy", "normal", "hard"] = "normal"

    @model_validator(mode="after")
    def _check(self) -> Scenario:
        missing = [s for s in self.sides if s not in self.labs]
        if missing:
            raise ValueError(f"sides {missing} have no starting position under 'labs'")
        _check_bands(self.bands, "bands")
        for side, lab in self.labs.items():
            _check_bands(lab.bands, f"labs.{side}.bands")
        return self


# --- A loaded content set --------------------------------------------------------------------------

@dataclass(frozen=True)
class Content:
    """Everything loaded from a content folder: one world, its decks, its scenarios.

    ``mods`` is the report of the mods considered (loaded or not, see :mod:`game.content.mods`),
    ``problems`` the warnings found while loading.
    """

    world: World
    decks: dict[str, Deck]
    scenarios: dict[str, Scenario]
    digest: str = field(default="", compare=False)
    mods: tuple[Any, ...] = field(default=(), compare=False)
    problems: tuple[Problem, ...] = field(default=(), compare=False)
    #: Per scenario id, events a mod replaced (the new version) or disabled (None) in that scenario
    #: only (``scope: own_scenarios`` in its mod.yaml); the decks keep the shipped versions.
    scoped: dict[str, dict[str, Event | None]] = field(default_factory=dict, compare=False)

    def scenario(self, scenario_id: str) -> Scenario:
        """The scenario with this id; ``KeyError`` naming the known ones otherwise."""
        try:
            return self.scenarios[scenario_id]
        except KeyError:
            known = ", ".join(sorted(self.scenarios))
            raise KeyError(f"unknown scenario '{scenario_id}' (known: {known})") from None

    def events_of(self, scenario: Scenario) -> list[Event]:
        """The events a scenario plays with: its decks, less the removed ones."""
        removed = set(scenario.remove_events)
        events = [e for deck_id in scenario.decks for e in self.decks[deck_id].events if e.id not in removed]
        changes = self.scoped.get(scenario.id)
        if not changes:
            return events
        changed = [changes.get(e.id, e) for e in events]
        return [e for e in changed if e is not None]

    @property
    def event_ids(self) -> set[str]:
        return {e.id for deck in self.decks.values() for e in deck.events}
