"""Rival labs' compute: the record's dated figures, grown month by month, in a lab's unit."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from game.content.models import Rival
from game.engine.rivals import _between, has_compute, rival_compute
from game.engine.rules import HOURS_PER_MONTH
from game.engine.training import monthly_compute
from tests.engine.helpers import game, played


def chips(scenario: str, rival: str, date: str) -> int:
    return rival_compute(game(scenario).rules, rival, date) // HOURS_PER_MONTH


def test_figures_on_their_dates_and_in_the_lab_unit() -> None:
    # 10,000 V100 in May 2020, 25,000 A100 in Aug 2022, 100k H100 in Dec 2024 (world.yaml's sources)
    assert chips("cn_lab", "openai", "2020-05-01") == 1300
    assert chips("cn_lab", "openai", "2022-08-01") == 8250
    assert chips("cn_lab", "openai", "2024-12-01") == 100_000
    assert rival_compute(game("cn_lab").rules, "openai", "2024-12") == 100_000 * HOURS_PER_MONTH


def test_before_the_first_figure_and_after_the_last() -> None:
    assert chips("cn_lab", "openai", "2019-07-01") == 1300      # the first figure stands for the months before
    assert chips("cn_lab", "meta_ai", "2025-06-01") == 350_000  # the last one stays


def test_growth_between_two_figures_is_steady_and_rises() -> None:
    months = [f"{y}-{m:02d}-01" for y in (2022, 2023, 2024) for m in range(1, 13)]
    path = [chips("cn_lab", "openai", d) for d in months]
    assert path == sorted(path)
    # the same factor every month: mid-way between 8,250 and 100,000 is their geometric mean, not the average
    assert abs(_between(8250, 100_000, 14, 28) - int((8250 * 100_000) ** 0.5)) <= 1
    assert _between(1000, 4000, 0, 2) == 1000 and _between(1000, 4000, 2, 2) == 4000
    assert _between(4000, 1000, 1, 2) == 2000  # a fleet can shrink too


def test_a_rival_without_public_figures_has_none() -> None:
    rules = game("cn_lab").rules
    assert not has_compute(rules, "alibaba") and rival_compute(rules, "alibaba", "2025-01-01") == 0
    with pytest.raises(KeyError):
        rival_compute(rules, "nobody", "2025-01-01")


def test_compute_points_must_be_in_date_order() -> None:
    base = {"id": "x", "name": "X", "side": "us", "capability": 5000, "growth": (1, 2), "price_cents": 100}
    with pytest.raises(ValidationError, match="date order"):
        Rival(**base, compute=[{"date": "2024-01", "h100e": 10}, {"date": "2023-01", "h100e": 5}])


def test_the_series_holds_the_active_rivals_compute_beside_the_lab() -> None:
    match = played("cn_lab", 3, "cautious")
    rules = match.game.rules
    for row in match.state.series:
        active = set(row["rivals"])
        assert set(row["rivals_compute"]) == {r for r in active if r != "alibaba"}
        for rival, value in row["rivals_compute"].items():
            assert value == rival_compute(rules, rival, row["date"])
    last = match.state.series[-1]
    lab = match.state.labs["cn"]
    assert last["labs"]["cn"]["compute"] == monthly_compute(rules, lab)
    # January 2025: the largest US lab has several times the Chinese lab's compute (the calibration's target)
    jan = next(row for row in match.state.series if row["date"].startswith("2025-01"))
    assert max(jan["rivals_compute"][r] for r in ("openai", "google", "meta_ai")) > 5 * jan["labs"]["cn"]["compute"]


def test_one_call_draws_the_growths_one_call_per_rival_would() -> None:
    """rivals_step draws every rival's growth in one numpy call with an array of bounds: numpy draws them
    element by element from the same stream, so the numbers and the generator after are those of one
    call per rival (the game's random stream must not depend on how the draws are grouped)."""
    import numpy as np

    lows, highs = game("cn_lab").rules.rival_growth
    assert len(lows) and len(lows) == len(highs)
    bounds = [(lows.tolist(), highs.tolist()), ([0, -5, 7, 3], [100, 5, 8, 2**33]), ([], [])]
    for seed in range(20):
        for low, high in bounds:
            one, each = np.random.Generator(np.random.PCG64(seed)), np.random.Generator(np.random.PCG64(seed))
            one.integers(0, 3), each.integers(0, 3)  # an odd number of 32-bit halves drawn before
            one_by_one = [int(each.integers(lo, hi)) for lo, hi in zip(low, high, strict=True)]
            assert one.integers(low, high).tolist() == one_by_one
            assert one.bit_generator.state == each.bit_generator.state
