"""The engine imports and runs with pygame unavailable, and never reaches for the UI, the clock or
global randomness."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ENGINE = ROOT / "game" / "engine"

_NO_PYGAME = """
import sys
sys.modules["pygame"] = None        # any import of pygame now fails
sys.modules["pygame_gui"] = None
from game.content.loader import load_content
from game.engine.game import Game
from game.match import play_game
g = Game(load_content(), "us_lab")
p = play_game(g, 2, {"us": "cautious"})
assert p.state.over
print("ok", "pygame" in sys.modules and sys.modules["pygame"] is None)
"""


def test_engine_runs_without_pygame() -> None:
    proc = subprocess.run([sys.executable, "-c", _NO_PYGAME], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["ok", "True"]


def test_engine_sources_import_no_ui_clock_or_global_random() -> None:
    forbidden = re.compile(r"^\s*(import (pygame|random)\b|from (pygame|random|game\.ui)\b)|time\.time\(|"
                           r"datetime\.now\(|default_rng\(\)", re.M)
    offenders = [f"{p.relative_to(ROOT)}: {m.group(0).strip()}" for p in sorted(ENGINE.rglob("*.py"))
                 for m in forbidden.finditer(p.read_text(encoding="utf-8"))]
    assert offenders == []
