"""Kill a process that autosaves in a loop, at seeded moments: every surviving file loads."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from game.saves import list_saves, load_save

ROOT = Path(__file__).resolve().parents[2]
KILLS = 4


def _start(folder: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "tests.saves.autosave_loop", str(folder)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return proc


def test_killed_autosaves_always_load(tmp_path: Path) -> None:
    rng = np.random.Generator(np.random.PCG64(2025))  # the kill moments: seeded, so a failure repeats
    delays = rng.uniform(0.0, 0.6, size=KILLS)
    path = tmp_path / "autosave.json"
    seen = set()
    for delay in delays:
        proc = _start(tmp_path)
        try:
            line = proc.stdout.readline()  # blocks until the first save of this run exists
            assert line.strip() == "ready", proc.stderr.read()
            time.sleep(float(delay))
        finally:
            proc.kill()
            proc.wait(timeout=30)
        loaded = load_save(path)  # raises SaveError if a kill ever left a broken file
        assert loaded.document.replay_verified and not loaded.warnings
        assert len(loaded.actions) == loaded.meta["actions"] == loaded.state.actions_taken
        seen.add((loaded.meta["seed"], loaded.meta["actions"]))
        assert [info.ok for info in list_saves(tmp_path)] == [True]  # leftovers are not listed
    assert len(seen) > 1  # the kills did land at different moments
