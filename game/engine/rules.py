"""A scenario's content resolved for play: look-up tables built once, shared by every game."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from game.content import conditions as c
from game.content.models import DIFFICULTY, Chip, Content, Event, GameOptions, Rival, Scenario, Stock, Tech
from game.engine.calendar import date_key, has_come, is_before, period_end, turn_dates, turn_months
from game.engine.plain import plain

#: GPU-hours one chip gives in a month (730 hours, at full use).
HOURS_PER_MONTH = 730
#: Price points offered in menus, cents per million output tokens ($2.19 is DeepSeek-R1's).
PRICE_POINTS = (100, 219, 500, 1000, 2000, 6000)


@dataclass(frozen=True, slots=True)
class Card:
    """What the rules read of an event, as a plain record: the turn's event loop visits some thirty
    events a turn and reads these fields of each, the menu, the refusal and the handler of a card's
    answer read its choices, and a content model's fields go through pydantic's ``__getattr__`` hook at
    every read (four times slower than a slot's).

    The fields are the event's, under the same names, so :func:`game.engine.events.targets`,
    :func:`~game.engine.events.fire` and :func:`~game.engine.events.offered_choices` take a card or the
    event itself alike.
    """

    event: Event
    id: str
    once: bool
    side: str
    weight: int
    #: The trigger, effects and choices as plain records (:func:`game.engine.plain.plain`).
    trigger: Any
    effects: tuple[Any, ...]
    choices: tuple[Any, ...]
    #: The trigger without the date conditions at its top (:func:`calendar_conditions`), ``None`` when
    #: nothing else is left: what is still to test in a turn whose dates hold them (``Rules.events_in_turn``
    #: lists an event only in the turns its dates allow).
    in_dates: Any

    @classmethod
    def of(cls, event: Event) -> Card:
        return cls(event, event.id, event.once, event.side, event.weight, plain(event.trigger),
                   plain(event.effects), plain(event.choices), plain(beyond_calendar(event.trigger)))


@dataclass(frozen=True, slots=True)
class ChipFigures:
    """The figures of a chip that the rules read at every step (what can be bought, power, serving) and
    the computer players at every choice, as a plain record: a content model's fields go through
    pydantic's ``__getattr__`` hook at every read. Everything else about a chip: ``Rules.chips``."""

    perf: int
    price: int
    supply: int
    power_cents: int
    serve_perf: int

    @classmethod
    def of(cls, chip: Chip) -> ChipFigures:
        return cls(chip.perf, chip.price, chip.supply, chip.power_cents, chip.serve_perf)


@dataclass(frozen=True, slots=True)
class TechFigures:
    """The figures of a technique that the legal menu reads for every technique at every step (whether
    it may be researched) and the accounts every turn (tokens per answer), as a plain record, as
    :class:`ChipFigures` for chips. Everything else about a technique: ``Rules.techs``."""

    available_from: str | None
    requires: tuple[str, ...]
    min_capability: int
    cost: int
    tokens_pct: int

    @classmethod
    def of(cls, tech: Tech) -> TechFigures:
        return cls(tech.available_from, tuple(tech.requires), tech.min_capability, tech.cost, tech.tokens_pct)


class Rules:
    """Everything the engine needs to know about one scenario's content, as plain tables built once,
    here, when the game is made (the content and options are frozen: nothing changes them after).

    Example::

        >>> from game.content.loader import load_content
        >>> rules = Rules(load_content(), load_content().scenario("cn_lab"))
        >>> rules.dates[:2], rules.months(0)
        (['2019-07-01', '2019-10-01'], 3)
    """

    def __init__(self, content: Content, scenario: Scenario, options: GameOptions | None = None):
        self.content = content
        self.scenario = scenario
        self.options = options = options if options is not None else GameOptions()
        #: The scenario's whole calendar, and the turns this game plays (a facilitator's turn limit may
        #: cut it short).
        self.all_dates: list[str] = turn_dates(scenario.calendar)
        self.dates: list[str] = self.all_dates[:options.turn_limit] if options.turn_limit else self.all_dates
        #: The turn the players take over (a lesson length plays the calendar's last turns; 0 otherwise).
        self.first_turn: int = max(0, len(self.dates) - options.lesson_turns) if options.lesson_turns else 0
        self.history: bool = scenario.history if options.history is None else options.history
        self.forced_events = frozenset(scenario.force_events) | frozenset(options.force_events)
        #: (starting cash percent, rival growth percent).
        self.difficulty: tuple[int, int] = DIFFICULTY[options.difficulty or scenario.difficulty]
        self.chips: dict[str, Chip] = {c.id: c for c in content.world.chips}
        #: Each chip's performance (per mille of an H100) times ``HOURS_PER_MONTH``, for the compute sum.
        self.chip_hours_perf: dict[str, int] = {c.id: c.perf * HOURS_PER_MONTH for c in content.world.chips}
        #: Each chip's figures that rules and players read at every step, as plain records.
        self.chip_figures: dict[str, ChipFigures] = {c.id: ChipFigures.of(c) for c in content.world.chips}
        self.techs: dict[str, Tech] = {t.id: t for t in content.world.techs}
        #: Each technique's figures that the menu and every turn's accounts read, as plain records.
        self.tech_figures: dict[str, TechFigures] = {t.id: TechFigures.of(t) for t in content.world.techs}
        self.stocks: list[Stock] = list(content.world.stocks)
        #: (id, AI beta, volatility in basis points) of ``stocks``, for the market model.
        self.stock_table = tuple((s.id, s.ai_beta, s.volatility_bp) for s in self.stocks)
        #: (id, cheap-AI exposure per mille) of the stocks a cheap model's release moves, for its shock.
        self.stock_exposure = tuple((s.id, s.cheap_ai_exposure) for s in self.stocks if s.cheap_ai_exposure)
        self.rivals: list[Rival] = self._pick_rivals()
        #: Per rival: (active_from as a date key or None, historical, price trend percent per month), what
        #: the rivals' turn reads; and the bounds of their growth draws, lowest and one past the highest,
        #: as numpy arrays (one numpy call draws every rival's growth; from lists it converts them first).
        self.rival_table = tuple((date_key(r.active_from) if r.active_from else None, r.historical,
                                  r.price_trend_pct) for r in self.rivals)
        self.rival_growth: tuple[np.ndarray, np.ndarray] = (
            np.array([r.growth[0] for r in self.rivals], dtype=np.int64),
            np.array([r.growth[1] + 1 for r in self.rivals], dtype=np.int64))
        #: The scenario's events in firing order: dated ones by date, then the others, by id.
        removed = set(options.remove_events)
        self.events: list[Event] = sorted((e for e in content.events_of(scenario) if e.id not in removed),
                                          key=lambda e: (date_key(e.date) if e.date else "9999", e.id))
        self.events_by_id: dict[str, Event] = {e.id: e for e in self.events}
        self.random_events: list[Event] = [e for e in self.events if e.weight > 0]
        #: Events checked every turn: dated or triggered, not only drawn at random.
        self.watched_events: list[Event] = [e for e in self.events if e.weight == 0 and (e.date or e.trigger)]
        #: The ``watched_events`` this game may fire: with history off, dated events without a trigger are
        #: left out (unless forced). Same order: the dated ones first, by date.
        self.checked_events: list[Event] = [
            e for e in self.watched_events
            if not (e.date and e.trigger is None and not self.history and e.id not in self.forced_events)]
        #: ``turn_end`` and the length in months of every turn (rules ask for them at every step).
        self.turn_ends: list[str] = [self._turn_end(turn) for turn in range(len(self.dates))]
        self.months_per_turn: list[int] = [turn_months(self.dates, turn) for turn in range(len(self.dates))]
        #: Each event as a :class:`Card`, the plain record the rules read (its trigger, effects, choices).
        self.cards: dict[str, Card] = {e.id: Card.of(e) for e in self.events}
        cards = self.cards
        #: Per turn, the cards of the ``checked_events`` and ``random_events`` its dates allow
        #: (:func:`date_eligible`: the events' dates and their triggers' date conditions), in the same
        #: order: the event loop tests only these (two fifths of the deck are out of their dates in a turn).
        self.events_in_turn: list[tuple[list[Card], list[Card]]] = [
            ([cards[e.id] for e in self.checked_events if date_eligible(e, end, date)],
             [cards[e.id] for e in self.random_events if date_eligible(e, end, date)])
            for date, end in zip(self.dates, self.turn_ends, strict=True)]

    def _pick_rivals(self) -> list[Rival]:
        """The scenario's rivals from the catalogue, with the scenario's changes."""
        catalogue = {r.id: r for r in self.content.world.rivals}
        picked = []
        for pick in self.scenario.rivals:
            changes = {k: v for k, v in (("capability", pick.capability), ("price_cents", pick.price_cents))
                       if v is not None}
            picked.append(catalogue[pick.id].model_copy(update=changes))
        return picked

    @property
    def cut_short(self) -> bool:
        return len(self.dates) < len(self.all_dates)


    def months(self, turn: int) -> int:
        """Length of ``turn`` in months (precomputed for the calendar's turns)."""
        table = self.months_per_turn
        return table[turn] if 0 <= turn < len(table) else turn_months(self.dates, turn)


    def turn_end(self, turn: int) -> str:
        """The first date after ``turn`` (exclusive end of its period)."""
        if 0 <= turn < len(self.turn_ends):
            return self.turn_ends[turn]
        return self._turn_end(turn)

    def _turn_end(self, turn: int) -> str:
        return period_end(self.dates, turn)



def date_eligible(event: Event, turn_end: str, date: str) -> bool:
    """The calendar part of an event's eligibility in the turn from ``date`` to ``turn_end``: its date
    has come (before the end of the turn), its ``until`` has not passed, and the date conditions at the
    top of its trigger hold (:func:`calendar_conditions`: the trigger cannot hold without them, and they
    read nothing but the turn's dates).

    Example::

        >>> from game.content.models import Event
        >>> event = Event(id="x", kind="generic", title={"en": "x"}, text={"en": "x"}, date="2020-01",
        ...               until="2020-06")
        >>> [date_eligible(event, end, start) for start, end in
        ...  [("2019-10-01", "2020-01-01"), ("2020-01-01", "2020-04-01"), ("2020-07-01", "2020-10-01")]]
        [False, True, False]
        >>> later = Event(id="y", kind="generic", title={"en": "y"}, text={"en": "y"},
        ...               trigger={"all": [{"date_from": "2020-03"}, {"flag": "crash"}]})
        >>> [date_eligible(later, end, start) for start, end in [("2020-01-01", "2020-03-01"),
        ...                                                       ("2020-01-01", "2020-04-01")]]
        [False, True]
    """
    if event.date and not has_come(event.date, turn_end):
        return False
    if event.until and date_key(event.until) < date:
        return False
    for cond in calendar_conditions(event.trigger):  # (the evaluator's tests of these two verbs)
        if not (has_come(cond.date, turn_end) if isinstance(cond, c.DateFrom) else is_before(cond.date, date)):
            return False
    return True


def beyond_calendar(trigger: Any) -> Any:
    """``trigger`` without its :func:`calendar_conditions`: what is left of an ``all`` (its one condition
    left, or ``None`` when none is), ``None`` for a trigger that is a date condition, else the trigger.

    Example::

        >>> from pydantic import TypeAdapter
        >>> later = TypeAdapter(c.Condition).validate_python({"all": [{"date_from": "2020-03"}, {"flag": "x"}]})
        >>> beyond_calendar(later), beyond_calendar(later.conditions[0])
        (FlagSet(verb='flag', name='x'), None)
    """
    if not isinstance(trigger, c.AllOf):
        return None if _is_calendar(trigger) else trigger
    rest = [cond for cond in trigger.conditions if not _is_calendar(cond)]
    if len(rest) == len(trigger.conditions):
        return trigger
    if len(rest) > 1:
        return trigger.model_copy(update={"conditions": rest})
    return rest[0] if rest else None


def calendar_conditions(trigger: Any) -> list[c.DateFrom | c.DateBefore]:
    """The ``date_from`` and ``date_before`` conditions a trigger cannot hold without: the trigger
    itself, or those listed in an ``all`` at its top (none under ``any`` or ``not``)."""
    top = trigger.conditions if isinstance(trigger, c.AllOf) else [trigger]
    return [cond for cond in top if _is_calendar(cond)]


def _is_calendar(cond: Any) -> bool:
    """Whether ``cond`` is a date condition (it reads nothing but the turn's dates)."""
    return isinstance(cond, c.DateFrom | c.DateBefore)
