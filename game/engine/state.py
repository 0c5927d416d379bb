"""The game state: everything that changes during a game, and nothing else.

Only JSON types, integers for money and counts, so the canonical JSON form round-trips exactly and a
loaded game continues exactly as the original would have. Content (chips, events, scenario rules) is
not in the state: the state names its scenario and the engine looks the rest up.
"""

from __future__ import annotations

from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field

Side = Literal["us", "cn"]
STATE_VERSION = 1


class Record(BaseModel):
    """Base of the state models: mutable (the engine works on a private copy), strict about keys."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False)

    @classmethod
    def make(cls, **fields: Any) -> Self:
        """``cls(**fields)``, validated the same way, without the constructor's Python layer: for the
        records the engine creates at every event (a hundred a game).

        Example::

            >>> Fired.make(turn=0, date="2019-07-01", event="x") == Fired(turn=0, date="2019-07-01", event="x")
            True
        """
        return cls.__pydantic_validator__.validate_python(fields)

    # Assignment goes straight into the instance's __dict__, where pydantic keeps field values: the
    # engine writes state fields ~1,300 times a game, and pydantic's own __setattr__ (or any Python
    # one) costs a function call each time. What that gives up: pydantic's refusal of a name that is
    # not a field, and its record of which fields were set (nothing reads it: state JSON is dumped
    # whole). The first is checked instead after every step of the conformance games
    # (tests/engine/test_conformance.py: every record holds exactly its declared fields).
    __setattr__ = object.__setattr__


class TrainingRun(Record):
    """A training run in progress on one chip type."""

    chip: str
    gpu_hours: int
    done_hours: int = 0
    reported_cost: int = Field(description="GPU-hours x market rental price, dollars (what a lab reports)")
    started_turn: int


class ResearchProject(Record):
    tech: str
    turns_left: int


class Ledger(Record):
    """Every dollar in and out, by category, so the cash accounting can be checked."""

    income: dict[str, int] = Field(default_factory=dict)
    spend: dict[str, int] = Field(default_factory=dict)

    def add_income(self, category: str, amount: int) -> None:
        self.income[category] = self.income.get(category, 0) + amount

    def add_spend(self, category: str, amount: int) -> None:
        self.spend[category] = self.spend.get(category, 0) + amount


class Lab(Record):
    """A played lab."""

    side: Side
    name: str
    cash: int
    start_cash: int
    chips: dict[str, int] = Field(default_factory=dict)
    cloud_hours: dict[str, int] = Field(default_factory=dict, description="prepaid rented GPU-hours")
    in_transit: dict[str, int] = Field(default_factory=dict, description="grey-market chips arriving")
    bought_this_turn: dict[str, int] = Field(default_factory=dict)
    run: TrainingRun | None = None
    capability: int = Field(description="best trained model, hundredths of an index point")
    released: int = Field(0, description="capability of the model on sale (0: none)")
    released_turn: int | None = None
    efficiency: int = Field(1000, description="training efficiency, per mille")
    serving_pct: int = Field(0, description="serving cost saved by research, percent")
    talent: int
    users: int = 0
    price_cents: int = Field(description="price per million output tokens, cents")
    open_weights: bool = False
    reputation: int = 50
    gov_relations: int = 50
    techs: list[str] = Field(default_factory=list)
    research: list[ResearchProject] = Field(default_factory=list)
    action_points: int = 0
    last_raise_turn: int = -99
    revenue_last_turn: int = 0
    reported_training_cost: int = 0
    grey_bought: int = 0
    ledger: Ledger = Field(default_factory=Ledger)


class RivalLab(Record):
    id: str
    name: str
    side: Side
    capability: int
    price_cents: int
    open_weights: bool
    trust: int
    users: int = 0
    active: bool = True


class PendingBan(Record):
    chip: str
    turn: int = Field(description="the turn the ban comes into force")


class Scheduled(Record):
    event: str
    turn: int
    side: Side | None = None


class PendingChoice(Record):
    """An event card waiting for a player's decision."""

    event: str
    side: Side


class Fired(Record):
    """An event that fired: the log a debrief and the conditions read."""

    turn: int
    date: str
    event: str
    side: Side | None = None
    choice: str | None = None


class World(Record):
    banned: list[str] = Field(default_factory=list, description="chips Chinese buyers may not get")
    pending_bans: list[PendingBan] = Field(default_factory=list)
    chip_price_pct: dict[str, int] = Field(default_factory=dict, description="price level, percent of list")
    sentiment: int = Field(0, description="investor mood, -100..100")
    flags: list[str] = Field(default_factory=list)
    market_users: int = 0
    stocks: dict[str, int] = Field(default_factory=dict, description="share prices, cents")


class Outcome(Record):
    """How the game ended, per played side."""

    reason: Literal["calendar", "bankrupt", "turn_limit"]
    results: dict[str, str] = Field(description="side -> won | lost | bankrupt")
    scores: dict[str, int]


class GameState(Record):
    """The whole state of one game. ``turn`` counts from 0; the calendar gives its date."""

    version: int = STATE_VERSION
    scenario: str
    seed: int
    options: dict[str, Any] = Field(default_factory=dict, description="the facilitator's GameOptions")
    rng: dict[str, Any] = Field(description="numpy PCG64 bit generator state")
    turn: int = 0
    date: str
    seats: list[Side] = Field(description="the played sides, in the order they act each turn")
    active: Side
    labs: dict[str, Lab]
    rivals: list[RivalLab] = Field(default_factory=list)
    world: World
    fired: list[Fired] = Field(default_factory=list)
    pending: list[PendingChoice] = Field(default_factory=list)
    scheduled: list[Scheduled] = Field(default_factory=list)
    series: list[dict[str, Any]] = Field(default_factory=list, description="figures after each turn")
    actions_taken: int = 0
    outcome: Outcome | None = None

    @property
    def over(self) -> bool:
        return self.outcome is not None

    @property
    def lab(self) -> Lab:
        """The lab whose seat is acting."""
        return self.labs[self.active]
