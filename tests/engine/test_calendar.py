"""Turn dates from scenario calendars, quarters then months."""

from game.content.models import CalendarSegment as Seg
from game.engine.calendar import (
    add_months,
    calendar_span,
    date_key,
    months_between,
    period_end,
    turn_dates,
    turn_months,
)
from tests.engine.helpers import game


def test_quarters_then_months() -> None:
    dates = turn_dates([Seg(start="2024-01", end="2024-07", step="quarter"),
                        Seg(start="2024-10", end="2025-01", step="month")])
    assert dates == ["2024-01-01", "2024-04-01", "2024-07-01", "2024-10-01", "2024-11-01", "2024-12-01",
                     "2025-01-01"]
    assert [turn_months(dates, t) for t in range(len(dates))] == [3, 3, 3, 1, 1, 1, 1]


def test_year_boundary_and_helpers() -> None:
    assert turn_dates([Seg(start="2019-11", end="2020-02", step="month")])[-1] == "2020-02-01"
    assert months_between("2022-10-01", "2023-01-01") == 3
    assert date_key("2025-01") == "2025-01-01" and date_key("2025-01-27") == "2025-01-27"


def test_shipped_scenarios_step_by_month_around_the_shock() -> None:
    for scenario in ("cn_lab", "us_lab", "head_to_head"):
        g = game(scenario)
        dates = g.rules.dates
        assert "2025-01-01" in dates and "2025-02-01" in dates  # January 2025 is a turn of its own
        assert g.rules.turn_end(dates.index("2025-01-01")) == "2025-02-01"


def test_turn_limit_cuts_the_calendar() -> None:
    g = game("cn_lab", turn_limit=5)
    assert len(g.rules.dates) == 5 and g.rules.cut_short


def test_period_end_after_the_last_turn_repeats_its_length() -> None:
    dates = ["2024-07-01", "2024-10-01", "2024-11-01"]
    assert [period_end(dates, t) for t in range(3)] == ["2024-10-01", "2024-11-01", "2024-12-01"]
    assert period_end(["2024-11-01"], 0) == "2025-02-01"  # one turn: a quarter
    assert add_months("2024-12", 1) == "2025-01-01" and add_months("2025-01-31", -1) == "2024-12-01"


def test_calendar_span_reads_the_segments_as_written() -> None:
    segments = [Seg(start="2024-10", end="2025-01", step="month"), Seg(start="2024-01", end="2024-07", step="quarter")]
    assert calendar_span(segments) == ("2024-01-01", "2025-02-01", 7)
    assert calendar_span([Seg(start="2024-01", end="2024-05", step="quarter")]) == ("2024-01-01", "2024-08-01", 2)
