"""The real path beside the game's: Nvidia's share price and DeepSeek's releases, from
``assets/history/real_path.yaml`` (every figure there with its source).

The charts draw one value per turn of the game, so the real figures are taken at the same moments as
the game's: a turn's figures are those at its end (the next turn's date), so the real close is the last
one before that end, and the real capability that of DeepSeek's best release before it. A close older
than :data:`STALE_DAYS` counts as missing (a gap in the line, not a stale figure).

Example::

    >>> path = real_path()
    >>> path.nvda[0].close, path.deepseek[-1].name
    (4.11, 'DeepSeek-R1')
    >>> nvda_at(path, ["2024-12-01", "2025-01-01", "2025-02-01"])   # January 2025: the 27th; February: none
    [134.29, 118.42, nan]
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from game.paths import ASSETS
from game.textfiles.safeyaml import read_document

PATH_FILE = ASSETS / "history" / "real_path.yaml"
#: A real close older than this at a turn's end is not shown for that turn (month-end closes are at most
#: a few days before the first of the next month).
STALE_DAYS = 20


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Close(_Model):
    date: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    close: float = Field(gt=0, description="dollars, split-adjusted")


class Release(_Model):
    date: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    id: str
    name: str
    capability: int = Field(ge=0, le=10000, description="rough index on the game's scale, hundredths")


class RealPath(_Model):
    nvda: list[Close]
    deepseek: list[Release]


@cache
def real_path(path: Path = PATH_FILE) -> RealPath:
    """The real path, read once (it is shipped with the game and never changes while it runs)."""
    return RealPath.model_validate(read_document(path).data)


def _day(text: str) -> date:
    return date(int(text[:4]), int(text[5:7]), int(text[8:10]) if len(text) >= 10 else 1)


def turn_ends(dates: list[str]) -> list[date]:
    """When each turn of a game ends: the next turn's date; the last turn lasts as long as the one
    before it (a game of one turn: a month).

    Example::

        >>> [d.isoformat() for d in turn_ends(["2024-10-01", "2025-01-01", "2025-02-01"])]
        ['2025-01-01', '2025-02-01', '2025-03-01']
    """
    days = [_day(d) for d in dates]
    ends = days[1:]
    if days:
        last = days[-1]
        months = (last.year - days[-2].year) * 12 + last.month - days[-2].month if len(days) > 1 else 1
        month = last.month - 1 + months
        ends.append(date(last.year + month // 12, month % 12 + 1, 1))
    return ends


def nvda_at(path: RealPath, dates: list[str]) -> list[float]:
    """Nvidia's real close at the end of each turn (``nan`` where none is known within
    :data:`STALE_DAYS`), for turns starting on ``dates``."""
    closes = [(_day(c.date), c.close) for c in path.nvda]
    out = []
    for end in turn_ends(dates):
        known = [(day, value) for day, value in closes if day < end]
        if known and end - known[-1][0] <= timedelta(days=STALE_DAYS):
            out.append(known[-1][1])
        else:
            out.append(math.nan)
    return out


def deepseek_at(path: RealPath, dates: list[str]) -> list[float]:
    """The capability of DeepSeek's best real release by the end of each turn (``nan`` before its
    first), for turns starting on ``dates``."""
    out = []
    for end in turn_ends(dates):
        released = [r.capability for r in path.deepseek if _day(r.date) < end]
        out.append(max(released) if released else math.nan)
    return out


def releases_in(path: RealPath, first: str, last: str) -> list[Release]:
    """DeepSeek's real releases dated from ``first`` to ``last`` (``YYYY-MM-DD``), in date order."""
    return [r for r in path.deepseek if first <= r.date <= last]
