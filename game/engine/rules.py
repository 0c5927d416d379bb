"""A scenario's content resolved for play: look-up tables built once, shared by every game."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from game.content.loader import Content
from game.content.models import DIFFICULTY, Chip, Event, GameOptions, Rival, Scenario, Stock, Tech
from game.engine.calendar import date_key, turn_dates, turn_months

#: GPU-hours one chip gives in a month (730 hours, at full use).
HOURS_PER_MONTH = 730
#: Price points offered in menus, cents per million output tokens ($2.19 is DeepSeek-R1's).
PRICE_POINTS = (100, 219, 500, 1000, 2000, 6000)


@dataclass(frozen=True)
class Rules:
    """Everything the engine needs to know about one scenario's content."""

    content: Content
    scenario: Scenario
    options: GameOptions = field(default_factory=GameOptions)

    @cached_property
    def all_dates(self) -> list[str]:
        """The scenario's whole calendar."""
        return turn_dates(self.scenario.calendar)

    @cached_property
    def dates(self) -> list[str]:
        """The turns this game plays (a facilitator's turn limit may cut the calendar short)."""
        limit = self.options.turn_limit
        return self.all_dates[:limit] if limit else self.all_dates

    @property
    def cut_short(self) -> bool:
        return len(self.dates) < len(self.all_dates)

    @cached_property
    def history(self) -> bool:
        return self.scenario.history if self.options.history is None else self.options.history

    @cached_property
    def forced_events(self) -> frozenset[str]:
        return frozenset(self.scenario.force_events) | frozenset(self.options.force_events)

    @cached_property
    def difficulty(self) -> tuple[int, int]:
        """(starting cash percent, rival growth percent)."""
        return DIFFICULTY[self.options.difficulty or self.scenario.difficulty]

    @cached_property
    def chips(self) -> dict[str, Chip]:
        return {c.id: c for c in self.content.world.chips}

    @cached_property
    def chip_hours_perf(self) -> dict[str, int]:
        """Each chip's performance (per mille of an H100) times ``HOURS_PER_MONTH``, for the compute sum."""
        return {c.id: c.perf * HOURS_PER_MONTH for c in self.content.world.chips}

    @cached_property
    def techs(self) -> dict[str, Tech]:
        return {t.id: t for t in self.content.world.techs}

    @cached_property
    def stocks(self) -> list[Stock]:
        return list(self.content.world.stocks)

    @cached_property
    def stock_table(self) -> tuple[tuple[str, int, int], ...]:
        """(id, AI beta, volatility in basis points) of ``stocks``, for the market model."""
        return tuple((s.id, s.ai_beta, s.volatility_bp) for s in self.stocks)

    @cached_property
    def rivals(self) -> list[Rival]:
        catalogue = {r.id: r for r in self.content.world.rivals}
        picked = []
        for pick in self.scenario.rivals:
            base = catalogue[pick.id]
            changes = {k: v for k, v in (("capability", pick.capability), ("price_cents", pick.price_cents))
                       if v is not None}
            picked.append(base.model_copy(update=changes))
        return picked

    @cached_property
    def rival_table(self) -> tuple[tuple[int, int, str | None, bool, int], ...]:
        """Per rival: (growth low, growth high, active_from as a date key or None, historical, price trend
        percent per month), what the rivals' turn reads."""
        return tuple((r.growth[0], r.growth[1], date_key(r.active_from) if r.active_from else None, r.historical,
                      r.price_trend_pct) for r in self.rivals)

    @cached_property
    def events(self) -> list[Event]:
        """The scenario's events in firing order: dated ones by date, then the others, by id."""
        removed = set(self.options.remove_events)
        events = [e for e in self.content.events_of(self.scenario) if e.id not in removed]
        return sorted(events, key=lambda e: (date_key(e.date) if e.date else "9999", e.id))

    @cached_property
    def events_by_id(self) -> dict[str, Event]:
        return {e.id: e for e in self.events}

    @cached_property
    def random_events(self) -> list[Event]:
        return [e for e in self.events if e.weight > 0]

    @cached_property
    def watched_events(self) -> list[Event]:
        """Events checked every turn: dated or triggered, not only drawn at random."""
        return [e for e in self.events if e.weight == 0 and (e.date or e.trigger)]

    @cached_property
    def checked_events(self) -> list[Event]:
        """The ``watched_events`` this game may fire: with history off, dated events without a trigger
        are left out (unless forced). Same order: the dated ones first, by date."""
        return [e for e in self.watched_events
                if not (e.date and e.trigger is None and not self.history and e.id not in self.forced_events)]

    @cached_property
    def turn_ends(self) -> list[str]:
        """``turn_end`` of every turn, computed once: rules ask for it thousands of times a game."""
        return [self._turn_end(turn) for turn in range(len(self.dates))]

    @cached_property
    def months_per_turn(self) -> list[int]:
        """Length in months of every turn (what ``Ctx.months`` reads), computed once."""
        return [turn_months(self.dates, turn) for turn in range(len(self.dates))]

    def months(self, turn: int) -> int:
        """Length of ``turn`` in months (precomputed for the calendar's turns)."""
        table = self.months_per_turn
        return table[turn] if 0 <= turn < len(table) else turn_months(self.dates, turn)

    @cached_property
    def turn_plans(self) -> dict[tuple[Any, ...], Any]:
        """Which events each turn may fire, per seating (filled by game.engine.triggers.turn_plan)."""
        return {}

    def turn_end(self, turn: int) -> str:
        """The first date after ``turn`` (exclusive end of its period)."""
        if 0 <= turn < len(self.turn_ends):
            return self.turn_ends[turn]
        return self._turn_end(turn)

    def _turn_end(self, turn: int) -> str:
        dates = self.dates
        if turn + 1 < len(dates):
            return dates[turn + 1]
        year, month = map(int, dates[turn].split("-")[:2])
        month += 3 if len(dates) < 2 else _months(dates[-2], dates[-1])
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
        return f"{year:04d}-{month:02d}-01"

    def chip_price(self, chip_id: str, level_pct: int) -> int:
        """Price of one chip at the current price level (percent of list)."""
        return self.chips[chip_id].price * level_pct // 100


def _months(a: str, b: str) -> int:
    (y0, m0), (y1, m1) = (tuple(map(int, d.split("-")[:2])) for d in (a, b))
    return (y1 - y0) * 12 + (m1 - m0)
