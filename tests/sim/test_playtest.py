"""The playtest's measures: a small playtest gives every table and target, the card audit compares the
answers on the same games, and η² and the bands are computed as said."""

from __future__ import annotations

import pytest

from game.content.loader import load_content
from game.engine.game import Game
from game.policies import PANEL
from game.sim.playtest import PlaytestSpec, audit_table, band_order, policy_table, run_playtest, stated_traps


@pytest.fixture(scope="module")
def doc() -> dict:
    options = {"turn_limit": 4}
    game = Game(load_content(), "cn_lab", options)
    return run_playtest(game, PlaytestSpec("cn_lab", runs=3, search_runs=1, audit_runs=2, options=options), jobs=1)


def test_every_table_and_target(doc: dict) -> None:
    report = doc["sides"]["cn"]
    assert list(report["panel"]) == list(PANEL)
    assert report["bands"] == ["frontier_leader", "contender", "survivor", "bankrupt"]
    for row in [*report["panel"].values(), report["search"]]:
        assert sum(row["bands"].values()) == row["runs"] and 0 <= row["win_rate"] <= 1
    assert 0 <= report["eta_squared"] <= 1
    assert report["search"]["patterns"] and report["search"]["runs"] == 1
    ids = [t["id"] for t in report["targets"]]
    assert ids == ["eta_squared", "winning_policies", "max_win_rate", "search_lead", "dominated_options",
                   "modal_band", "history_cn_top_two"]
    assert doc["ok"] == all(t["ok"] for t in report["targets"])
    audited = {row["event"] for row in report["audit"]}
    assert "smuggler_offer" in audited and all(row["games"] <= 2 for row in report["audit"])


def test_audit_compares_answers_over_the_games_where_the_card_came_up() -> None:
    def game(index: int, score: int, fired: bool) -> dict:
        return {"index": index, "scores": {"cn": score}, "fired": ["card"] if fired else []}

    # answer a: 60 and 50 where the card came up; answer b: 70 and 52; a game without the card
    groups = [[game(0, 60, True), game(1, 50, True), game(2, 10, False)],
              [game(0, 70, True), game(1, 52, True), game(2, 10, False)]]
    [row] = audit_table([("card", ["a", "b"])], groups, "cn", runs=2)  # (2 games suffice for 2 runs)
    assert row["games"] == 2
    assert {o["choice"]: o["mean"] for o in row["options"]} == {"a": 55.0, "b": 61.0}
    assert row["dominated"] == ["a"]  # 6 points below the best: more than 5
    [row] = audit_table([("card", ["a", "b"])], groups, "cn", runs=2, traps={"card:a"})
    assert row["dominated"] == [] and row["traps"] == ["a"]  # the card says why: a lesson, not a flaw


def test_the_shipped_traps_are_the_stockpile_lesson() -> None:
    traps = stated_traps(Game(load_content(), "cn_lab"))
    assert traps == {"highflyer_cluster_2021:decline_cluster"}


def test_policy_table_bands_and_modal_share() -> None:
    game = Game(load_content(), "us_lab")
    order = band_order(game, "us")
    games = [{"results": {"us": r}, "scores": {"us": s}, "bands": {"us": b}}
             for r, s, b in (("won", 80, "frontier_leader"), ("won", 62, "contender"), ("won", 64, "contender"),
                             ("lost", 40, "survivor"))]
    table = policy_table(games, "us", order)
    assert table["win_rate"] == 0.75 and table["modal_band"] == "contender" and table["modal_share"] == 0.5
    assert table["top_two_rate"] == 0.75 and table["bands"]["bankrupt"] == 0
