"""The game state: everything that changes during a game, and nothing else.

Plain dataclasses with slots, holding only JSON types (integers for money and counts) and the game's
live generator (:class:`~game.engine.rng.Rng`, dumped as its JSON state), so the canonical
JSON form round-trips exactly and a loaded game continues exactly as the original would have. The
engine reads and writes them as plain objects; pydantic checks them only at the boundary, when a state
comes from outside (:meth:`Record.model_validate`: a save, a document). Content (chips, events, scenario
rules) is not in the state: the state names its scenario and the engine looks the rest up.

Example::

    >>> fired = Fired(turn=0, date="2019-07-01", event="deepseek_v3")
    >>> fired.model_dump()
    {'turn': 0, 'date': '2019-07-01', 'event': 'deepseek_v3', 'side': None, 'choice': None}
    >>> Fired.model_validate(fired.model_dump()) == fired
    True
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, Literal, Self

from pydantic import ConfigDict, TypeAdapter

from game.engine.rng import Rng

Side = Literal["us", "cn"]
STATE_VERSION = 1


class Record:
    """Base of the state records. The engine works on plain objects (a misspelt attribute fails: the
    records have slots); these few methods, named as pydantic's, serve the callers at the boundaries
    (saves, reports, the UI, tests)."""

    __slots__ = ()
    #: What pydantic checks on load: no unknown key.
    __pydantic_config__: ClassVar[ConfigDict] = ConfigDict(extra="forbid")

    def model_dump(self, mode: Literal["python", "json"] = "python") -> dict[str, Any]:
        """The record as nested dicts and lists (a copy). Both modes give the same: only JSON types."""
        return _plain(self)

    def model_dump_json(self) -> str:
        """``model_dump()`` as compact JSON text."""
        return json.dumps(self.model_dump(), separators=(",", ":"), ensure_ascii=False)

    def model_copy(self, *, deep: bool = False) -> Self:
        """A copy of the record; ``deep``: sharing nothing with it (what the engine changes)."""
        return copy.deepcopy(self) if deep else copy.copy(self)

    @classmethod
    def model_validate(cls, data: Any) -> Self:
        """The record from plain data, checked by pydantic (types, required and unknown keys): raises
        ``pydantic.ValidationError``. (A whole state's check is built once, with the classes; another
        record's at each call: only tests ask for one.)"""
        return (_STATE_SCHEMA if cls is GameState else TypeAdapter(cls)).validate_python(data)


def _plain(value: Any) -> Any:
    """``value`` with every record turned into a dict of its fields, recursively (containers copied)."""
    if isinstance(value, Record):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}  # type: ignore[arg-type]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, Rng):
        return value.to_json()
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


@dataclass(slots=True, kw_only=True)
class TrainingRun(Record):
    """A training run in progress on one chip type."""

    chip: str
    gpu_hours: int
    done_hours: int = 0
    #: GPU-hours x market rental price, dollars (what a lab reports)
    reported_cost: int
    started_turn: int


@dataclass(slots=True, kw_only=True)
class ResearchProject(Record):
    tech: str
    turns_left: int


@dataclass(slots=True, kw_only=True)
class Ledger(Record):
    """Every dollar in and out, by category, so the cash accounting can be checked."""

    income: dict[str, int] = field(default_factory=dict)
    spend: dict[str, int] = field(default_factory=dict)

    def add_income(self, category: str, amount: int) -> None:
        self.income[category] = self.income.get(category, 0) + amount

    def add_spend(self, category: str, amount: int) -> None:
        self.spend[category] = self.spend.get(category, 0) + amount


@dataclass(slots=True, kw_only=True)
class Lab(Record):
    """A played lab."""

    side: Side
    name: str
    cash: int
    start_cash: int
    chips: dict[str, int] = field(default_factory=dict)
    #: prepaid rented GPU-hours
    cloud_hours: dict[str, int] = field(default_factory=dict)
    #: grey-market chips arriving
    in_transit: dict[str, int] = field(default_factory=dict)
    bought_this_turn: dict[str, int] = field(default_factory=dict)
    run: TrainingRun | None = None
    #: best trained model, hundredths of an index point
    capability: int
    #: capability of the model on sale (0: none)
    released: int = 0
    released_turn: int | None = None
    #: training efficiency, per mille
    efficiency: int = 1000
    #: serving cost saved by research, percent
    serving_pct: int = 0
    talent: int
    users: int = 0
    #: price per million output tokens, cents
    price_cents: int
    open_weights: bool = False
    reputation: int = 50
    gov_relations: int = 50
    techs: list[str] = field(default_factory=list)
    research: list[ResearchProject] = field(default_factory=list)
    action_points: int = 0
    last_raise_turn: int = -99
    revenue_last_turn: int = 0
    #: revenue a year at the pace of about the last twelve months, dollars: what investors value (see
    #: :func:`game.engine.economy.settle_accounts`)
    revenue_year: int = 0
    reported_training_cost: int = 0
    #: what the lab would announce for its last finished run: its GPU-hours x the rental price, dollars
    last_run_reported: int = 0
    grey_bought: int = 0
    ledger: Ledger = field(default_factory=Ledger)


@dataclass(slots=True, kw_only=True)
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


@dataclass(slots=True, kw_only=True)
class PendingBan(Record):
    chip: str
    #: the turn the ban comes into force
    turn: int


@dataclass(slots=True, kw_only=True)
class Scheduled(Record):
    event: str
    turn: int
    side: Side | None = None


@dataclass(slots=True, kw_only=True)
class PendingChoice(Record):
    """An event card waiting for a player's decision."""

    event: str
    side: Side


@dataclass(slots=True, kw_only=True)
class Fired(Record):
    """An event that fired: the log a debrief and the conditions read."""

    turn: int
    date: str
    event: str
    side: Side | None = None
    choice: str | None = None


@dataclass(slots=True, kw_only=True)
class World(Record):
    #: chips Chinese buyers may not get
    banned: list[str] = field(default_factory=list)
    pending_bans: list[PendingBan] = field(default_factory=list)
    #: price level, percent of list
    chip_price_pct: dict[str, int] = field(default_factory=dict)
    #: investor mood, -100..100
    sentiment: int = 0
    flags: list[str] = field(default_factory=list)
    market_users: int = 0
    #: share prices, cents
    stocks: dict[str, int] = field(default_factory=dict)
    #: the AI users that share prices have priced in so far (they follow ``market_users`` with a lag,
    #: as data-centre orders follow demand): 0 before the first turn's market
    priced_users: int = 0
    #: the AI users at the end of the last turn: what this turn's orders follow (0: the first turn)
    users_last_turn: int = 0
    #: how much cheap near-frontier AI the market has already seen, per mille (a shock is the surprise)
    cheap_ai_seen: int = 0


@dataclass(slots=True, kw_only=True)
class Outcome(Record):
    """How the game ended, per played side."""

    reason: Literal["calendar", "bankrupt", "turn_limit"]
    #: side -> won | lost | bankrupt
    results: dict[str, str]
    scores: dict[str, int]
    #: side -> the scenario's outcome band (its result when the scenario has no bands)
    bands: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True, kw_only=True)
class GameState(Record):
    """The whole state of one game. ``turn`` counts from 0; the calendar gives its date."""

    version: int = STATE_VERSION
    scenario: str
    seed: int
    #: the facilitator's GameOptions
    options: dict[str, Any] = field(default_factory=dict)
    #: the game's generator, live (numpy's Generator(PCG64)); dumped as its PCG64 state, a JSON dict
    rng: Rng
    turn: int = 0
    date: str
    #: the played sides, in the order they act each turn
    seats: list[Side]
    active: Side
    labs: dict[str, Lab]
    rivals: list[RivalLab] = field(default_factory=list)
    world: World
    fired: list[Fired] = field(default_factory=list)
    pending: list[PendingChoice] = field(default_factory=list)
    scheduled: list[Scheduled] = field(default_factory=list)
    #: figures after each turn
    series: list[dict[str, Any]] = field(default_factory=list)
    actions_taken: int = 0
    outcome: Outcome | None = None

    @property
    def over(self) -> bool:
        return self.outcome is not None

    @property
    def lab(self) -> Lab:
        """The lab whose seat is acting."""
        return self.labs[self.active]


#: The check of a whole state, built with the classes (as pydantic models build theirs): loading a save
#: or a document's state goes through it.
_STATE_SCHEMA: TypeAdapter[GameState] = TypeAdapter(GameState)
