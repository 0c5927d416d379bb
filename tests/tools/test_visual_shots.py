"""The deuteranopia simulation used on the screenshots keeps the game's series colours apart."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np

from game.ui import theme

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "visual_shots.py"


def load():
    spec = importlib.util.spec_from_file_location("visual_shots", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_simulation_keeps_grey_and_merges_red_green():
    shots = load()
    grey = np.array([[[128, 128, 128]]], dtype=np.uint8)
    assert np.abs(shots.simulate_deuteranopia(grey).astype(int) - 128).max() <= 2
    red, green = shots.simulate_deuteranopia(np.array([[[200, 60, 60], [60, 160, 60]]], dtype=np.uint8))[0]
    assert np.abs(red.astype(int) - green.astype(int)).sum() < 120  # the pair a deuteranope confuses


def test_picture_colours_stay_apart_for_deuteranopes():
    """The map's and charts' colours (Okabe-Ito) differ by at least 40 (sum over RGB) once simulated."""
    from game.ui.scenes import chipmap

    shots = load()
    colours = [chipmap.FLOW, chipmap.BAN, chipmap.ANNOUNCED, chipmap.GREY_ROUTE, theme.GREEN, theme.SKY, theme.INK]
    seen = shots.simulate_deuteranopia(np.array([colours], dtype=np.uint8))[0].astype(int)
    for i in range(len(colours)):
        for j in range(i + 1, len(colours)):
            assert np.abs(seen[i] - seen[j]).sum() >= 40, (colours[i], colours[j])


def test_race_lines_stay_apart_for_deuteranopes():
    """The viewer's, the other player's and the first four rivals' colours differ once simulated; the
    colours that would not (pink, purple against green) are drawn with long dashes."""
    from game.ui.scenes import race

    shots = load()
    solid = [theme.BLUE, theme.VERMILION, *(c for c, _ in race.OTHERS if c not in race.LONG_DASHES)]
    seen = shots.simulate_deuteranopia(np.array([solid], dtype=np.uint8))[0].astype(int)
    for i in range(len(solid)):
        for j in range(i + 1, len(solid)):
            assert np.abs(seen[i] - seen[j]).sum() >= 40, (solid[i], solid[j])
