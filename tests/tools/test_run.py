"""``python main.py run``: whole headless games, the result document, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIELDS = {"scenario", "seed", "side", "turns", "score", "outcome", "state_hash", "events", "actions", "series",
          "versions"}


def main(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


@pytest.mark.parametrize("scenario", ["cn_lab", "us_lab", "head_to_head"])
def test_json_result_of_a_whole_game(scenario: str) -> None:
    proc = main("run", "--scenario", scenario, "--seed", "4", "--json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert set(result) >= FIELDS
    assert result["scenario"] == scenario and result["seed"] == 4
    assert result["turns"] >= 12, "a whole game lasts at least a dozen turns"
    assert len(result["events"]) >= 12, "and meets at least a dozen events"
    assert set(result["score"]) == {"total", "parts"}
    assert result["score"]["total"] == round(100 * sum(result["score"]["parts"].values())
                                             / sum_weights(scenario))
    assert len(result["series"]) == result["turns"] or result["outcome"] == "bankrupt"
    assert all({"turn", "side", "action"} <= set(a) for a in result["actions"])
    assert all({"turn", "date", "id", "title", "source"} <= set(e) for e in result["events"])


def sum_weights(scenario: str) -> int:
    from game.content.loader import load_content

    return sum(g.weight for g in load_content().scenario(scenario).goals)


def test_same_command_same_result() -> None:
    first = main("run", "--scenario", "us_lab", "--seed", "9", "--policy", "random", "--json")
    second = main("run", "--scenario", "us_lab", "--seed", "9", "--policy", "random", "--json")
    assert json.loads(first.stdout)["state_hash"] == json.loads(second.stdout)["state_hash"]


def test_readable_summary_in_french() -> None:
    proc = main("run", "--scenario", "cn_lab", "--seed", "1", "--turns", "3", "--lang", "fr")
    assert proc.returncode == 0
    assert "tour 1" in proc.stdout and "la limite de tours est atteinte" in proc.stdout


def test_turn_limit() -> None:
    result = json.loads(main("run", "--scenario", "cn_lab", "--seed", "1", "--turns", "3", "--json").stdout)
    assert result["outcome_reason"] == "turn_limit" and result["turns"] == 4 - 1 + 1


@pytest.mark.parametrize(("args", "message"), [
    (("--scenario", "nope", "--seed", "1"), "no scenario 'nope'"),
    (("--scenario", "cn_lab", "--seed", "x"), "the seed must be a whole number"),
    (("--scenario", "cn_lab", "--seed", "-4"), "the seed must lie between"),
    (("--scenario", "cn_lab", "--seed", "1", "--policy", "genius"), "unknown computer player 'genius'"),
    (("--scenario", "cn_lab", "--seed", "1", "--turns", "0"), "--turns must be at least 1"),
    (("--scenario", "cn_lab"), "required"),
])
def test_bad_arguments_one_line_exit_2(args: tuple[str, ...], message: str) -> None:
    proc = main("run", *args)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
