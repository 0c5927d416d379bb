"""The demo plays a short game through the window and saves full-size, non-blank screenshots."""

from __future__ import annotations

import pygame

from tests.ui.helpers import assert_full_size_picture, run_demo


def test_demo_screenshots(tmp_path):
    files = run_demo(tmp_path, "--scenario", "us_lab", "--seed", "3", "--turns", "2")
    names = {f.stem.split("-", 1)[1] for f in files}
    assert {"menu", "new_game", "dashboard", "end"} <= names
    pygame.init()
    for f in files:
        assert_full_size_picture(f)


def test_demo_plays_a_short_lesson_through_january_2025(tmp_path):
    """The busiest turn (a dozen news cards, read as one digest, the front page, the market moment) and
    the game's end: the projector demo must never wait on a screen it does not know."""
    files = run_demo(tmp_path, "--scenario", "us_lab", "--seed", "3", "--lesson-turns", "8")
    names = {f.stem.split("-", 1)[1] for f in files}
    assert {"news_digest", "end"} <= names
