"""``python main.py simulate``: same results whatever --jobs, the JSON document, one-line errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main as cli_main
from game.tools.simulate import ProgressBar

ROOT = Path(__file__).resolve().parents[2]


def main(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "main.py", "simulate", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


def simulate_json(*args: str) -> dict:
    proc = main("--json", *args)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_same_document_with_one_or_two_jobs() -> None:
    args = ("--scenario", "head_to_head", "--runs", "4", "--policy", "cautious,random", "--seed", "9",
            "--turn-limit", "8")
    one, two = simulate_json(*args, "--jobs", "1"), simulate_json(*args, "--jobs", "2")
    assert one == two
    assert one["lineups"][0]["seats"] == {"us": "cautious", "cn": "random"}


def test_json_fields() -> None:
    doc = simulate_json("--scenario", "us_lab", "--runs", "3", "--policy", "cautious", "--policy", "efficient",
                        "--turn-limit", "6", "--jobs", "1")
    assert {"format", "scenario", "seed", "seed_rule", "runs", "runs_per_lineup", "lineups", "options",
            "versions"} <= set(doc)
    assert doc["runs"] == 6 and doc["runs_per_lineup"] == 3 and doc["options"] == {"turn_limit": 6}
    assert [t["name"] for t in doc["lineups"]] == ["cautious", "efficient"]
    table = doc["lineups"][0]
    assert {"runs", "sides", "turns", "reasons", "events"} <= set(table)
    side = table["sides"]["us"]
    assert {"outcomes", "win_rate", "score", "score_histogram"} <= set(side)
    assert sum(side["outcomes"].values()) == 3 == sum(side["score_histogram"])
    assert {"mean", "min", "median", "p90", "max"} <= set(side["score"])
    assert 0 <= side["score_std"] <= (side["score"]["max"] - side["score"]["min"]) / 2
    events = table["events"]
    assert {"most_fired", "never_fired", "winning", "losing", "min_support"} <= set(events)
    assert all(0 < e["share"] <= 1 for e in events["most_fired"])


def test_text_output_in_english_and_french() -> None:
    for lang, word in (("en", "win rate"), ("fr", "taux de victoire")):
        proc = main("--scenario", "us_lab", "--runs", "2", "--policy", "cautious", "--turn-limit", "4",
                    "--jobs", "1", "--lang", lang)
        assert proc.returncode == 0, proc.stderr
        assert word in proc.stdout
        assert "[" not in proc.stderr, "no progress bar when stderr is not a terminal"


@pytest.mark.parametrize("args", [
    ("--scenario", "us_lab", "--runs", "0"),
    ("--scenario", "us_lab", "--runs", "many"),
    ("--scenario", "us_lab", "--runs", "2", "--jobs", "0"),
    ("--scenario", "us_lab", "--runs", "2", "--seed", "-1"),
    ("--scenario", "us_lab", "--runs", "2", "--policy", "reckless"),
    ("--scenario", "head_to_head", "--runs", "2", "--policy", "cautious,random,efficient"),
    ("--scenario", "atlantis", "--runs", "2"),
    ("--scenario", "us_lab", "--runs", "2", "--turn-limit", "0"),
    ("--scenario", "us_lab"),
])
def test_bad_arguments_exit_2_with_one_line(args: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    try:  # in this process (a subprocess per case would spend its time importing)
        code = cli_main(["simulate", *args])
    except SystemExit as exc:  # argparse's own errors
        code = exc.code
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1, err


def test_a_bad_argument_in_a_real_process() -> None:
    proc = main("--scenario", "us_lab", "--runs", "0")
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_draws_on_a_terminal_only() -> None:
    screen = Terminal()
    bar = ProgressBar("en", screen)
    for done in range(0, 11):
        bar(done, 10)
    text = screen.getvalue()
    assert "[###############...............] 5/10 games" in text
    assert text.endswith("\r"), "the bar is wiped at the end"
    quiet = io.StringIO()
    ProgressBar("en", quiet)(5, 10)
    assert quiet.getvalue() == ""
