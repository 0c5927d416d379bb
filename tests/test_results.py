"""The result document: costs per side and the rivals' compute in the series."""

from __future__ import annotations

from game.content.loader import load_content
from game.engine.costs import real_total
from game.engine.game import Game
from game.match import play_game
from game.report.loading import ResultDoc
from game.results import build_result


def test_costs_and_rivals_compute_are_in_the_document() -> None:
    game = Game(load_content(), "head_to_head", {"turn_limit": 16})
    played = play_game(game, 4, dict.fromkeys(game.scenario.sides, "efficient"))
    doc = build_result(game, played.state, played.log, played.policies)
    for side in ("us", "cn"):
        lab = played.state.labs[side]
        costs = doc["sides"][side]["costs"]
        assert costs == {"reported_last_run": lab.last_run_reported, "real_total": real_total(lab)}
        assert costs["real_total"] > costs["reported_last_run"] > 0
    assert all("rivals_compute" in row for row in doc["series"])
    assert doc["series"][-1]["rivals_compute"]["openai"] > 0
    typed = ResultDoc.model_validate(doc)
    costs = typed.sides["cn"].costs
    assert costs is not None and costs.real_total == doc["sides"]["cn"]["costs"]["real_total"]
    assert typed.series[-1].rivals_compute == doc["series"][-1]["rivals_compute"]


def test_documents_written_before_the_costs_still_load() -> None:
    game = Game(load_content(), "cn_lab", {"turn_limit": 3})
    played = play_game(game, 1, {"cn": "cautious"})
    doc = build_result(game, played.state, played.log, played.policies)
    for side in doc["sides"].values():
        del side["costs"]
    for row in doc["series"]:
        del row["rivals_compute"]
    typed = ResultDoc.model_validate(doc)
    assert typed.sides["cn"].costs is None and typed.series[0].rivals_compute == {}
