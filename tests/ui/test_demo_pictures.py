"""The demo saves a screenshot of each picture: the chip map, the race chart, a front page and the
market moment (cn_lab, seed 1: a market shock on turn 3, High-Flyer's front page on turn 4)."""

from __future__ import annotations

import pygame

from tests.ui.helpers import assert_full_size_picture, run_demo

PICTURES = ("map", "race", "front_page", "market")


def test_demo_saves_the_four_pictures(tmp_path):
    # the last 8 turns of the calendar (from November 2024): R1 lands in January, the market falls
    files = run_demo(tmp_path, "--scenario", "cn_lab", "--seed", "1", "--lesson-turns", "8")
    for word in PICTURES:
        assert any(word in f.name for f in files), (word, [f.name for f in files])
    pygame.init()
    for f in files:
        if any(word in f.name for word in PICTURES):
            assert_full_size_picture(f)
