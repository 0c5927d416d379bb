"""The window scales the 1280x720 canvas instead of cropping it: at 1024x640, at larger sizes and after
F11 the whole canvas is shown (SDL's renderer, asked where the canvas corners land in the window).

The dummy video driver has a renderer for pygame's SCALED windows, so the app's real window path can run
here; it cannot enter full screen, so F11 takes the app's other path (the window opened again). It runs
in a child process: reopening SDL windows after the rest of the suite's can abort the interpreter."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SIZES = [(1024, 640), (1280, 720), (1366, 768), (1920, 1080), (2000, 1000)]

CHILD = """
import json, os, warnings
warnings.simplefilter("ignore")
import pygame
from pygame._sdl2 import video
pygame.display.init()  # the dummy driver; the app below only thinks it has a real one
from game.ui.app import App
from game.ui.settings import Settings
os.environ["SDL_VIDEODRIVER"] = "window-test"
app = App(Settings(tutorial_done=True), headless=False)
os.environ["SDL_VIDEODRIVER"] = "dummy"
app.persist_settings = False
app.start()

def shown(size=None):
    window = pygame.Window.from_display_module()
    if size is not None:
        window.size = size
    pygame.event.pump()
    pygame.display.flip()
    to_window = video.Renderer.from_window(window).coordinates_to_window
    return {"window": list(window.size), "canvas": list(app.screen.get_size()),
            "corners": [list(to_window((0, 0))), list(to_window((1280, 720)))]}

out = {"sizes": [shown(tuple(s)) for s in SIZES]}
app.toggle_fullscreen()
out["f11"] = dict(shown(), fullscreen=app.settings.fullscreen)
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def measured() -> dict:
    env = {k: v for k, v in os.environ.items() if "RENDER_SCALE_QUALITY" not in k}  # the app must set it
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    code = f"SIZES = {SIZES!r}\n{CHILD}"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def whole(shot: dict) -> None:
    (left, top), (right, bottom) = shot["corners"]
    width, height = shot["window"]
    assert shot["canvas"] == [1280, 720]  # the layout's canvas, whatever the window
    assert left >= 0 and top >= 0 and right <= width + 1 and bottom <= height + 1, f"the canvas is cropped: {shot}"
    assert right - left >= width - 2 or bottom - top >= height - 2, f"not scaled to the window: {shot}"


@pytest.mark.parametrize("i", range(len(SIZES)))
def test_the_whole_canvas_shows_at_every_window_size(measured: dict, i: int) -> None:
    assert measured["sizes"][i]["window"] == list(SIZES[i])
    whole(measured["sizes"][i])


def test_f11_keeps_the_whole_canvas(measured: dict) -> None:
    assert measured["f11"]["fullscreen"]
    whole(measured["f11"])  # the whole screen (the dummy's 1024x768)
