"""``python main.py`` on a machine where no window can open: one plain sentence, exit 2, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_no_window_is_a_plain_message() -> None:
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    env.update(SDL_VIDEODRIVER="no_such_driver", SDL_AUDIODRIVER="dummy")
    proc = subprocess.run([sys.executable, "main.py", "--lang", "fr"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 2
    assert "La fenêtre du jeu n'a pas pu s'ouvrir" in proc.stderr
    assert "Traceback" not in proc.stderr and "pygame-ce" not in proc.stdout
