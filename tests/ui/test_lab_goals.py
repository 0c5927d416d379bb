"""In a game where the labs have different goals (head_to_head), each seat's briefing and dashboard show
its own."""

from __future__ import annotations

from game.engine import actions as a
from game.engine.scoring import lab_goals
from game.engine.standing import standing
from game.ui.previewtext import goal_lines
from game.ui.scenes import briefing
from game.ui.session import Session


def test_each_seat_is_briefed_and_scored_on_its_own_goals(app) -> None:
    session = Session.new(app.content, "head_to_head", 3, ["us", "cn"], {})
    app.session = session
    for side in ("us", "cn"):
        while session.state.active != side:  # the other seat's news answered, its turn ended
            legal = session.game.legal_actions(session.state)
            session.submit(legal[0] if isinstance(legal[0], a.Choose) else a.EndTurn())
        goals = lab_goals(session.game.scenario, side)
        lines = briefing.goal_lines(app)
        assert len(lines) == len(goals)
        assert all(f"{g.weight} points" in line for g, line in zip(goals, lines, strict=True))
        _, parts, _ = goal_lines(session, standing(session.game, session.state, side), "en")
        assert [line.split("/")[1].split()[0] for line in parts] == [str(g.weight) for g in goals]
    assert any(g.kind == "efficiency" for g in lab_goals(session.game.scenario, "cn"))
    assert not any(g.kind == "efficiency" for g in lab_goals(session.game.scenario, "us"))
