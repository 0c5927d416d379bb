"""Playing many games: every task once, in order, the same summaries whatever the number of processes."""

from __future__ import annotations

from game.content.loader import load_content
from game.engine.game import Game
from game.play import play_game
from game.sim.runner import SimSpec, chunks, run_simulation


def test_chunks_cover_every_task_once_in_order() -> None:
    for total, jobs in ((1, 1), (7, 2), (100, 2), (1000, 16), (5, 64)):
        parts = chunks(total, jobs)
        assert [n for part in parts for n in part] == list(range(total))


def test_same_summaries_with_one_or_two_processes() -> None:
    spec = SimSpec(scenario="us_lab", lineups=[{"us": "cautious"}, {"us": "random"}], runs=3, seed=11,
                   options={"turn_limit": 6})
    seen: list[tuple[int, int]] = []
    one = run_simulation(spec, jobs=1, progress=lambda done, total: seen.append((done, total)))
    two = run_simulation(spec, jobs=2)
    assert one == two
    assert [(s["lineup"], s["index"]) for s in one] == [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2)]
    assert seen[-1] == (6, 6)
    assert one[0]["seed"] == one[3]["seed"], "every line-up plays the same seeds"


def test_a_summary_can_be_replayed_from_its_seed() -> None:
    spec = SimSpec(scenario="us_lab", lineups=[{"us": "efficient"}], runs=1, seed=3, options={"turn_limit": 5})
    summary = run_simulation(spec, jobs=1)[0]
    state = play_game(Game(load_content(), "us_lab", {"turn_limit": 5}), summary["seed"], {"us": "efficient"}).state
    assert state.outcome is not None
    assert summary["scores"] == state.outcome.scores and summary["turns"] == state.turn + 1
    assert summary["fired"] == sorted({f.event for f in state.fired})
