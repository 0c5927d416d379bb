"""Calendar arithmetic, in one place: turn dates from a scenario's calendar, months between dates, the end
of a turn's period. Dates are text (``YYYY-MM`` or ``YYYY-MM-DD``); turns start on the first of a month.

Used by the engine (:mod:`game.engine.rules`) and by content validation (:mod:`game.content.xref`), so
this module imports nothing of either.

Example::

    >>> from game.content.models import CalendarSegment as Seg
    >>> dates = turn_dates([Seg(start="2024-10", end="2024-12", step="month")])
    >>> dates
    ['2024-10-01', '2024-11-01', '2024-12-01']
    >>> period_end(dates, 2), add_months("2024-12", 3)
    ('2025-01-01', '2025-03-01')
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.content.models import CalendarSegment

#: Months in one turn of each calendar step.
STEP_MONTHS = {"month": 1, "quarter": 3}


def _ym(text: str) -> tuple[int, int]:
    year, month = text.split("-")[:2]
    return int(year), int(month)


def add_months(date: str, months: int) -> str:
    """The first of the month ``months`` after ``date``'s month.

    >>> add_months("2019-11-15", 2)
    '2020-01-01'
    """
    year, month = _ym(date)
    month += months
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return f"{year:04d}-{month:02d}-01"


def turn_dates(calendar: Sequence[CalendarSegment]) -> list[str]:
    """The start date (``YYYY-MM-01``) of every turn, in order."""
    dates: list[str] = []
    for seg in calendar:
        year, month = _ym(seg.start)
        end = _ym(seg.end)
        while (year, month) <= end:
            dates.append(f"{year:04d}-{month:02d}-01")
            month += STEP_MONTHS[seg.step]
            year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return dates


def months_between(start: str, end: str) -> int:
    """Whole months from ``start`` to ``end`` (dates as text).

    >>> months_between("2022-10-01", "2023-01")
    3
    """
    (y0, m0), (y1, m1) = _ym(start), _ym(end)
    return (y1 - y0) * 12 + (m1 - m0)


def turn_months(dates: Sequence[str], turn: int, default: int = 3) -> int:
    """Length of a turn in months (the last turn repeats the one before it)."""
    if turn + 1 < len(dates):
        return months_between(dates[turn], dates[turn + 1])
    if turn > 0:
        return months_between(dates[turn - 1], dates[turn])
    return default


def period_end(dates: Sequence[str], turn: int) -> str:
    """The first date after ``turn``'s period (exclusive end): the next turn's date, or for the last turn
    its start plus its length (:func:`turn_months`).

    >>> period_end(["2024-01-01", "2024-04-01"], 0), period_end(["2024-01-01", "2024-04-01"], 1)
    ('2024-04-01', '2024-07-01')
    """
    if turn + 1 < len(dates):
        return dates[turn + 1]
    return add_months(dates[turn], turn_months(dates, turn))


def calendar_span(calendar: Sequence[CalendarSegment]) -> tuple[str, str, int]:
    """What a calendar covers, from its segments' bounds as written (validation reads it before any game):
    the first turn date, the first date after the last segment (its end plus one step, exclusive) and the
    number of turns.

    >>> from game.content.models import CalendarSegment as Seg
    >>> calendar_span([Seg(start="2024-01", end="2024-07", step="quarter"),
    ...                Seg(start="2024-10", end="2025-01", step="month")])
    ('2024-01-01', '2025-02-01', 7)
    """
    first = min(date_key(s.start) for s in calendar)
    last = max(calendar, key=lambda s: date_key(s.end))
    turns = sum(1 + months_between(s.start, s.end) // STEP_MONTHS[s.step] for s in calendar)
    return first, add_months(last.end, STEP_MONTHS[last.step]), turns


def date_key(text: str) -> str:
    """Comparable form of a date that may lack its day: ``2025-01`` -> ``2025-01-01``."""
    return text if len(text) == 10 else f"{text}-01"


def has_come(date: str, turn_end: str) -> bool:
    """Whether ``date`` falls before ``turn_end``, the exclusive end of a turn's period: the turn that
    contains the date counts (a dated event's date, a ``date_from`` condition).

    >>> has_come("2024-12", "2025-01-01"), has_come("2025-01", "2025-01-01")
    (True, False)
    """
    return date_key(date) < turn_end


def is_before(date: str, turn_start: str) -> bool:
    """Whether a turn that starts on ``turn_start`` starts before ``date`` (a ``date_before`` condition).

    >>> is_before("2025-02", "2025-01-01"), is_before("2025-01", "2025-01-01")
    (True, False)
    """
    return turn_start < date_key(date)
