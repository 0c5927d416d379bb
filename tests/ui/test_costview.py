"""The dashboard's and end screen's lines: compute against the leading rival's, announced against real cost."""

from __future__ import annotations

import math

import pygame

from game.engine.rules import HOURS_PER_MONTH
from game.ui import charts
from game.ui.costview import cost_line, leading_rival, rival_compute_line
from tests.engine.helpers import fresh


def test_the_leading_rival_is_the_largest_active_fleet() -> None:
    g, state = fresh("cn_lab")
    assert state.date == "2019-07-01"
    assert leading_rival(g.rules, state) == ("OpenAI", 1300 * HOURS_PER_MONTH)  # Meta AI not yet in the game
    for rival in state.rivals:
        rival.active = True
    state.date = "2025-01-01"
    assert leading_rival(g.rules, state) == ("Meta AI", 350_000 * HOURS_PER_MONTH)
    for rival in state.rivals:
        rival.active = False
    assert leading_rival(g.rules, state) is None and rival_compute_line(g.rules, state, state.labs["cn"], "en") is None


def test_the_compute_line_gives_the_share() -> None:
    g, state = fresh("cn_lab")
    lab = state.labs["cn"]
    lab.chips = {"h100": 130}  # 130 H100 against OpenAI's 1,300 H100-equivalents: 10%
    assert rival_compute_line(g.rules, state, lab, "en") == "vs OpenAI: 949k GPU-hours (you: 10%)"
    french = "face à OpenAI\u00a0: 949\u202fk h-GPU (vous\u00a0: 10\u202f%)"
    assert rival_compute_line(g.rules, state, lab, "fr") == french


def test_the_cost_line_before_and_after_a_run() -> None:
    _, state = fresh("cn_lab")
    lab = state.labs["cn"]
    lab.ledger.spend = {"chips": 600_000_000, "serving": 5}
    assert cost_line(lab, "en") == "No run finished yet · real cost: $600.0M"
    lab.last_run_reported = 5_576_000
    assert cost_line(lab, "en") == "Cost: $5.58M announced, $600.0M real"


def test_a_line_with_missing_values_breaks_instead_of_failing() -> None:
    assert charts._runs([None, (0, 1), None, None, (2, 3), (4, 5)]) == [[(0, 1)], [(2, 3), (4, 5)]]
    pygame.font.init()
    surface = pygame.Surface((400, 200))
    charts.line_chart(surface, pygame.Rect(0, 0, 400, 200),
                      [("game", [1, 2, 3, 4]), ("real", [math.nan, 2.5, math.nan, 5])])
    charts.line_chart(surface, pygame.Rect(0, 0, 400, 200), [("real", [math.nan, math.nan])])  # nothing known
