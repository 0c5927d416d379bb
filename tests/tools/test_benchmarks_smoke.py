"""The benchmark script runs and prints every row (a smoke run: its targets are not tested)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ROWS = ("engine turn, median", "engine turn, p99", "whole game", "simulate, games/s", "search player, games/min",
        "shipped content",
        "-event mod", "UI frame (dashboard 1280x720), median", "UI frame (dashboard 1280x720), p99", "idle CPU",
        "start-up to the first menu frame", "UI frame (map 1280x720)", "UI frame (race 1280x720)",
        "UI frame (front_page 1280x720)", "UI frame (market 1280x720)", "idle CPU on the chip map")


def test_quick_run_prints_every_row() -> None:
    proc = subprocess.run([sys.executable, "benchmarks/run.py", "--quick", "--json"], cwd=ROOT, capture_output=True,
                          text=True, timeout=240)
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)["rows"]
    names = [row["name"] for row in rows]
    for wanted in ROWS:
        assert any(wanted in name for name in names), f"no row for {wanted}: {names}"
    for row in rows:
        assert row["target"] > 0 and row["unit"]
        # Every row measures (the tests run headless with pygame installed): a row that says "not
        # available" here hides a broken measurement (the pictures' rows once did, after a change of API).
        assert row["value"] is not None and row["value"] >= 0, row
        if row["name"].startswith(("engine", "whole game", "simulate", "search", "load", "UI frame")):
            assert row["value"] > 0, row


def test_goal_fitter_plays_scores_with_the_engine_and_ranks_goal_sets() -> None:
    proc = subprocess.run([sys.executable, "benchmarks/fit_goals.py", "--scenario", "us_lab", "--runs", "2",
                           "--search-runs", "0", "--top", "2"], cwd=ROOT, capture_output=True, text=True, timeout=240)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 2 and all("bands" in line and "capability_lead" in line for line in lines)
    assert all(line.startswith(("ok", "MISSED")) for line in lines)
