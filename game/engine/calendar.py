"""Turn dates from a scenario's calendar.

Example::

    >>> from game.content.models import CalendarSegment as Seg
    >>> turn_dates([Seg(start="2024-10", end="2024-12", step="month")])
    ['2024-10-01', '2024-11-01', '2024-12-01']
"""

from __future__ import annotations

from collections.abc import Sequence

from game.content.models import CalendarSegment

_STEP_MONTHS = {"month": 1, "quarter": 3}


def _ym(text: str) -> tuple[int, int]:
    year, month = text.split("-")[:2]
    return int(year), int(month)


def turn_dates(calendar: Sequence[CalendarSegment]) -> list[str]:
    """The start date (``YYYY-MM-01``) of every turn, in order."""
    dates: list[str] = []
    for seg in calendar:
        year, month = _ym(seg.start)
        end = _ym(seg.end)
        while (year, month) <= end:
            dates.append(f"{year:04d}-{month:02d}-01")
            month += _STEP_MONTHS[seg.step]
            year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return dates


def months_between(start: str, end: str) -> int:
    """Whole months from ``start`` to ``end`` (dates as text)."""
    (y0, m0), (y1, m1) = _ym(start), _ym(end)
    return (y1 - y0) * 12 + (m1 - m0)


def turn_months(dates: Sequence[str], turn: int, default: int = 3) -> int:
    """Length of a turn in months (the last turn repeats the one before it)."""
    if turn + 1 < len(dates):
        return months_between(dates[turn], dates[turn + 1])
    if turn > 0:
        return months_between(dates[turn - 1], dates[turn])
    return default


def date_key(text: str) -> str:
    """Comparable form of a date that may lack its day: ``2025-01`` -> ``2025-01-01``."""
    return text if len(text) == 10 else f"{text}-01"
