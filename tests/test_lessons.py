"""Lesson lengths: every shipped length of cn_lab and us_lab is played up to the shock and after it."""

from __future__ import annotations

import pytest

from game.classcode import make_class_code, parse_class_code
from game.content.loader import load_content
from game.engine.game import Game
from game.lessons import lesson_lengths
from game.match import Match, play_game

LENGTHS = [(sid, length.turns) for sid in ("cn_lab", "us_lab")
           for length in lesson_lengths(load_content().scenario(sid))]


@pytest.mark.parametrize(("scenario", "turns"), LENGTHS)
def test_every_shipped_length_reaches_r1_and_the_crash(scenario: str, turns: int) -> None:
    content = load_content()
    length = next(x for x in lesson_lengths(content.scenario(scenario)) if x.turns == turns)
    code = make_class_code(scenario, 4821, length.option)
    sid, seed, options = parse_class_code(code, [scenario])
    game = Game(content, sid, options)
    start = Match.new(game, seed).state
    assert start.outcome is None and start.date == length.first_date  # the players start on the date shown
    played = play_game(game, seed, {side: "cautious" for side in game.scenario.sides})
    fired = {f.event: f.date for f in played.state.fired}
    # Both by the turn dates and by the events fired. The crash emerges from the market's rules: R1's
    # release makes it at the latest, a cheap near-frontier model of the players' may make it sooner.
    assert played.state.date >= "2025-02-01"
    assert fired["deepseek_r1"] == "2025-01-01" and fired["nvidia_crash"] <= "2025-01-01"
    assert played.state.turn + 1 - game.rules.first_turn == turns


def test_a_shorter_lesson_starts_later_and_does_not_cut_the_end() -> None:
    game = Game(load_content(), "cn_lab", {"lesson_turns": 12})
    match = Match.new(game, 7)
    state = match.state
    assert (state.turn, state.date, game.rules.dates[-1]) == (18, "2024-01-01", "2025-06-01")
    # the turns before were played by history: its choices were taken, nothing waits for the players
    with_choices = [f for f in state.fired if f.turn < 18 and game.rules.events_by_id[f.event].choices]
    assert with_choices and all(f.choice for f in with_choices)
    # ... and its lab acted as the real one did (chips bought, a model on sale), in the log a save replays
    assert state.labs["cn"].released and any(entry.turn < 18 for entry in match.log)
    assert game.replay(7, [entry.action for entry in match.log]).model_dump() == state.model_dump()
    assert all(note.turn >= 18 for note in match.notes)  # the players read their own first turn's news


def test_lengths_show_their_dates_and_minutes_in_both_languages() -> None:
    short = lesson_lengths(load_content().scenario("us_lab"))[-1]
    assert short.describe("fr").startswith("8 tours, de novembre 2024 à juin 2025, environ ")
    assert short.describe("en").startswith("8 turns, November 2024 to June 2025, about ")
    assert 5 <= short.minutes <= 30


def test_a_replay_of_a_lesson_reaches_the_same_state() -> None:
    game = Game(load_content(), "us_lab", {"lesson_turns": 8})
    played = play_game(game, 3, {"us": "efficient"})
    replayed = game.replay(3, [entry.action for entry in played.log])
    assert replayed.model_dump() == played.state.model_dump()


@pytest.mark.parametrize("name", ["game.lessons", "game.results", "game.cli_text", "game.tools.output",
                                  "game.tools.events"])
def test_docstring_examples_of_the_lesson_modules(name: str) -> None:
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0, name


def test_each_scenario_states_the_counted_minutes_of_its_whole_calendar() -> None:
    content = load_content()
    for scenario in content.scenarios.values():
        assert lesson_lengths(scenario)[0].minutes == scenario.minutes, scenario.id
