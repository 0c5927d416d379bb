"""Golden playthroughs per scenario (see tests/engine/golden.py for the format and how to rewrite)."""

from __future__ import annotations

import difflib
import json

import pytest

from game.match import play_game
from tests.engine.golden import CASES, GOLDEN_DIR, read_actions, render
from tests.engine.helpers import game


@pytest.mark.parametrize("scenario", sorted(CASES))
def test_golden_playthrough(scenario: str, request: pytest.FixtureRequest) -> None:
    path = GOLDEN_DIR / f"{scenario}.txt"
    g = game(scenario)
    if request.config.getoption("--update-golden") or not path.exists():
        seed, policy = CASES[scenario]
        played = play_game(g, seed, dict.fromkeys(g.scenario.sides, policy))
        path.write_text(render(g, seed, [r.action.to_json() for r in played.log]), encoding="utf-8")
        if not request.config.getoption("--update-golden"):
            pytest.fail(f"{path.name} did not exist and was written: check it and commit it")
    expected = path.read_text(encoding="utf-8")
    seed, actions = read_actions(expected)
    actual = render(g, seed, actions)
    if actual != expected:
        diff = "".join(list(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                                 "golden", "now"))[:40])
        pytest.fail(f"{path.name} differs from a replay (rewrite with --update-golden if intended):\n{diff}")


def test_golden_comparison_notices_a_changed_game() -> None:
    """The check can fail: dropping the last action changes the rendered text."""
    text = (GOLDEN_DIR / "us_lab.txt").read_text(encoding="utf-8")
    seed, actions = read_actions(text)
    assert render(game("us_lab"), seed, actions[:-1]) != text


@pytest.mark.parametrize("scenario", sorted(CASES))
def test_fired_lines_name_each_choice_taken(scenario: str) -> None:
    """Every answered card of a turn shows on that turn's ``fired:`` line as ``event=choice``."""
    turns = (GOLDEN_DIR / f"{scenario}.txt").read_text(encoding="utf-8").split("\nturn ")[1:]
    assert turns and all("\n  fired: " in turn for turn in turns)
    for turn in turns:
        fired = next(line for line in turn.splitlines() if line.startswith("  fired: "))
        for line in turn.splitlines():
            if '"type": "choose"' in line:
                action, side = json.loads(line[line.index("{"):]), line.split()[0]
                answer = f"{action['event']}={action['choice']}"  # or, the labs differing, "event (us=a, cn=b)"
                assert answer in fired or f"{side}={action['choice']}" in fired, (turn.splitlines()[0], fired)
