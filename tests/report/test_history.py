"""The real path file: Nvidia's closes and DeepSeek's releases, read through the project's YAML reader."""

from __future__ import annotations

import doctest
import math

import game.report.history as history
from game.report.history import deepseek_at, nvda_at, real_path, turn_ends


def close_on(day: str) -> float:
    return next(c.close for c in real_path().nvda if c.date == day)


def test_the_file_is_in_date_order_and_shipped_with_the_assets() -> None:
    path = real_path()
    for items in (path.nvda, path.deepseek):
        assert [i.date for i in items] == sorted({i.date for i in items})
    assert history.PATH_FILE.parent.name == "history" and history.PATH_FILE.parent.parent.name == "assets"


def test_the_record_the_issue_quotes() -> None:
    # about 32 times from July 2019 to December 2024 ($4.1 to $134), then -17% on 27 January 2025
    assert 30 < close_on("2024-12-31") / close_on("2019-07-31") < 33
    assert round(100 * (close_on("2025-01-27") / close_on("2025-01-24") - 1)) == -17
    assert [r.id for r in real_path().deepseek][-2:] == ["deepseek_v3", "deepseek_r1"]


def test_figures_at_each_turns_end() -> None:
    dates = ["2019-07-01", "2019-10-01", "2020-01-01"]  # quarters: the end of a turn is the next one's start
    assert [d.isoformat() for d in turn_ends(dates)] == ["2019-10-01", "2020-01-01", "2020-04-01"]
    assert nvda_at(real_path(), dates) == [close_on("2019-09-30"), close_on("2019-12-31"), close_on("2020-03-31")]
    # no close kept for November 2024: a gap, not October's figure again
    assert math.isnan(nvda_at(real_path(), ["2024-11-01", "2024-12-01"])[0])
    ability = deepseek_at(real_path(), ["2023-10-01", "2023-11-01", "2023-12-01"])  # LLM 67B, 29 Nov 2023
    assert math.isnan(ability[0]) and ability[1:] == [6200, 6200]
    assert deepseek_at(real_path(), ["2024-12-01", "2025-01-01"]) == [7600, 8100]  # V3, then R1


def test_docstring_examples() -> None:
    result = doctest.testmod(history)
    assert result.failed == 0 and result.attempted > 0
