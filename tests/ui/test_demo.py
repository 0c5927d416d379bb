"""The demo plays a short game through the window and saves full-size, non-blank screenshots."""

from __future__ import annotations

import argparse

import pygame


def test_demo_screenshots(tmp_path):
    from game.tools import demo

    parser = argparse.ArgumentParser()
    demo.add_arguments(parser)
    shots = tmp_path / "shots"
    args = parser.parse_args(["--scenario", "us_lab", "--seed", "3", "--speed", "1000", "--turns", "2",
                              "--screenshots", str(shots), "--exit"])
    assert demo.run(args) == 0
    files = sorted(shots.glob("*.png"))
    names = {f.stem.split("-", 1)[1] for f in files}
    assert {"menu", "new_game", "dashboard", "end"} <= names
    pygame.init()
    for f in files:
        image = pygame.image.load(str(f))
        assert image.get_size() == (1280, 720)
        small = pygame.transform.smoothscale(image, (32, 18))
        assert len({small.get_at((x, y))[:3] for x in range(32) for y in range(18)}) > 10, f.name


def test_demo_plays_a_short_lesson_through_january_2025(tmp_path):
    """The busiest turn (a dozen news cards, read as one digest, the front page, the market moment) and
    the game's end: the projector demo must never wait on a screen it does not know."""
    from game.tools import demo

    parser = argparse.ArgumentParser()
    demo.add_arguments(parser)
    shots = tmp_path / "shots"
    args = parser.parse_args(["--scenario", "us_lab", "--seed", "3", "--speed", "1000", "--lesson-turns", "8",
                              "--screenshots", str(shots), "--exit"])
    assert demo.run(args) == 0
    names = {f.stem.split("-", 1)[1] for f in shots.glob("*.png")}
    assert {"news_digest", "end"} <= names
