"""The demo saves a screenshot of each picture: the chip map, the race chart, a front page and the
market moment (cn_lab, seed 1: a market shock on turn 3, High-Flyer's front page on turn 4)."""

from __future__ import annotations

import argparse

import pygame


def test_demo_saves_the_four_pictures(tmp_path):
    from game.tools import demo

    parser = argparse.ArgumentParser()
    demo.add_arguments(parser)
    shots = tmp_path / "shots"
    args = parser.parse_args(["--scenario", "cn_lab", "--seed", "1", "--speed", "1000", "--turns", "5",
                              "--screenshots", str(shots), "--exit"])
    assert demo.run(args) == 0
    files = sorted(shots.glob("*.png"))
    for word in ("map", "race", "front_page", "market"):
        assert any(word in f.name for f in files), (word, [f.name for f in files])
    pygame.init()
    for f in files:
        if any(word in f.name for word in ("map", "race", "front_page", "market")):
            image = pygame.image.load(str(f))
            assert image.get_size() == (1280, 720)
            small = pygame.transform.smoothscale(image, (32, 18))
            assert len({small.get_at((x, y))[:3] for x in range(32) for y in range(18)}) > 10, f.name
