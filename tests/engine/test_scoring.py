"""Scores from goals: a lab with goals of its own (a two-lab game's asymmetric labs) is scored on them,
the other on the scenario's."""

from __future__ import annotations

import dataclasses

from game.content.loader import load_content
from game.content.models import Scenario
from game.engine.context import Ctx
from game.engine.game import Game
from game.engine.rng import NO_DRAWS
from game.engine.scoring import lab_goals, max_score, score, score_parts
from game.engine.standing import standing
from game.match import play_game


def test_a_lab_with_its_own_goals_is_scored_on_them() -> None:
    content = load_content()
    data = content.scenarios["head_to_head"].model_dump()
    data["labs"]["us"]["goals"] = None
    data["labs"]["cn"]["goals"] = [g.model_dump() for g in content.scenarios["cn_lab"].goals]  # efficiency...
    scenario = Scenario.model_validate(data)
    game = Game(dataclasses.replace(content, scenarios={**content.scenarios, scenario.id: scenario}),
                scenario.id, record=False)
    assert lab_goals(scenario, "us") == scenario.goals
    assert lab_goals(scenario, "cn") == scenario.labs["cn"].goals != scenario.goals

    state = play_game(game, 2, {"us": "cautious", "cn": "efficient"}, record=False).state
    ctx = Ctx(game.rules, state, NO_DRAWS)
    for side in ("us", "cn"):
        lab = state.labs[side]
        goals = lab_goals(scenario, side)
        parts = score_parts(ctx, lab)
        assert list(parts) == [g.kind for g in goals]
        assert score(ctx, lab) == round(100 * sum(parts.values()) / sum(g.weight for g in goals))
        assert max_score(ctx, side) == sum(g.weight for g in goals)
        # the dashboard's standing shows the same goals and points
        now = standing(game, state, side)
        assert [(p.kind, p.points) for p in now.parts] == list(parts.items())
        assert now.score == state.outcome.scores[side]
    assert "efficiency" in score_parts(ctx, state.labs["cn"])
    assert "efficiency" not in score_parts(ctx, state.labs["us"])


def test_a_lab_without_goals_of_its_own_has_the_scenarios() -> None:
    scenario = load_content().scenarios["us_lab"]
    assert scenario.labs["us"].goals is None and lab_goals(scenario, "us") == scenario.goals
