"""Playing many games: every task once, in order, the same summaries whatever the number of processes."""

from __future__ import annotations

from game.content.loader import load_content
from game.engine.actions import Action
from game.engine.game import Game
from game.engine.state import GameState
from game.match import play_game
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
    given = spec.mods.load()  # the caller's content (simulate's): played as loaded, not loaded again
    assert run_simulation(spec, jobs=1, content=given) == one
    assert run_simulation(spec, jobs=2, content=given) == one


def test_a_summary_can_be_replayed_from_its_seed() -> None:
    spec = SimSpec(scenario="us_lab", lineups=[{"us": "efficient"}], runs=1, seed=3, options={"turn_limit": 5})
    summary = run_simulation(spec, jobs=1)[0]
    state = play_game(Game(load_content(), "us_lab", {"turn_limit": 5}), summary["seed"], {"us": "efficient"}).state
    assert state.outcome is not None
    assert summary["scores"] == state.outcome.scores and summary["turns"] == state.turn + 1
    assert summary["fired"] == sorted({f.event for f in state.fired})



def _states_after_each_step(game: Game, seed: int, seats: dict[str, str]) -> tuple[list[dict], list[list]]:
    """Every state a whole game goes through (dumped) and the notes of each step."""
    states: list[dict] = []
    notes: list[list] = []

    def keep(state: GameState, action: Action, step_notes: list) -> None:
        states.append(state.model_dump())
        notes.append(step_notes)

    play_game(game, seed, seats, on_step=keep)
    return states, notes


def test_a_game_without_its_record_is_the_same_game() -> None:
    """Simulation plays with ``Game(record=False)``: no notes, no per-turn series, and otherwise the very
    same state after every step, for every scenario and policy (the rules read neither)."""
    content = load_content()
    for scenario in sorted(content.scenarios):
        sides = content.scenario(scenario).sides
        for seed, policy in enumerate(("cautious", "aggressive", "efficient", "random"), start=40):
            seats = {side: policy for side in sides}
            full, full_notes = _states_after_each_step(Game(content, scenario), seed, seats)
            lean, lean_notes = _states_after_each_step(Game(content, scenario, record=False), seed, seats)
            assert all(full_notes) and not any(lean_notes)
            assert full[-1]["outcome"] is not None and len(full[-1]["series"]) == full[-1]["turn"] + 1
            assert lean == [{**state, "series": []} for state in full], (scenario, policy)
