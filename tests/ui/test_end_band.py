"""The end screen names the band the lab landed in and the scenario's thresholds; the "hard" difficulty
sends the search player against a lone player in head to head."""

from __future__ import annotations

from game.ui.session import Session
from tests.ui.helpers import texts


def test_end_screen_says_the_band_and_the_thresholds(app) -> None:
    from game.ui.scenes import end

    session = Session.new(app.content, "us_lab", 3, ["us"], {"turn_limit": 2})
    app.session = session
    session.conclude()
    app.push(end.EndScene(app))
    app.draw()
    band = session.state.outcome.bands["us"]
    label = next(b.label["en"] for b in session.game.scenario.bands if b.id == band)
    line = next(t for t in texts(app) if "Outcome:" in t)
    assert label in line and "Frontier leader from 72" in line


def test_hard_difficulty_sends_the_search_player(app) -> None:
    hard = Session.new(app.content, "head_to_head", 3, ["us"], {"difficulty": "hard", "turn_limit": 1})
    normal = Session.new(app.content, "head_to_head", 3, ["us"], {"turn_limit": 1})
    assert hard.computers["cn"].name == "search" and normal.computers["cn"].name == "efficient"
