"""``python main.py playtest``: the JSON, text and HTML reports of a small playtest, exit 1 on a missed
target, progress on stderr, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.report.playtest import playtest_page
from game.tools.playtest import format_report

ROOT = Path(__file__).resolve().parents[2]
SMALL = ("--scenario", "us_lab", "--runs", "2", "--search-runs", "1", "--audit-runs", "1", "--jobs", "1",
         "--turn-limit", "4")


def main(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "main.py", "playtest", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


@pytest.fixture(scope="module")
def played() -> tuple[subprocess.CompletedProcess[str], dict]:
    proc = main(*SMALL, "--json")
    return proc, json.loads(proc.stdout)


def test_json_and_exit_code(played: tuple[subprocess.CompletedProcess[str], dict]) -> None:
    proc, doc = played
    assert proc.returncode == (0 if doc["ok"] else 1), proc.stderr
    [playtest] = doc["playtests"]
    assert playtest["options"] == {"turn_limit": 4} and playtest["runs"] == 2
    targets = playtest["sides"]["us"]["targets"]
    assert len(targets) == 6 and "history_cn_top_two" not in [t["id"] for t in targets]  # a Chinese lab's only
    assert "the panel of policies" in proc.stderr  # progress, on stderr


def test_text_lists_every_target_and_html_has_its_charts(played: tuple[subprocess.CompletedProcess[str], dict]) -> None:
    [playtest] = played[1]["playtests"]
    lines = format_report(playtest, "en")
    marks = [line.split()[0] for line in lines if line.strip().startswith(("ok ", "MISSED"))]
    assert len(marks) == 6 and ("MISSED" in marks) == (not playtest["ok"])
    assert any(line.strip().startswith("search ") for line in lines)
    page = playtest_page([playtest], "fr")
    assert page.count("<svg") == 3 and "Objectifs" in page and ("MISSED" in page) == (not playtest["ok"])


def test_bad_runs_is_a_one_line_error() -> None:
    proc = main("--scenario", "us_lab", "--runs", "0")
    assert proc.returncode == 2 and "--runs" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
