"""Measurements for the benchmarks script (not timed tests): frame time, idle CPU, start-up time.

Example::

    >>> times = frame_times(20)        # doctest: +SKIP
    >>> max(times) < 0.008             # doctest: +SKIP
    True
"""

from __future__ import annotations

import os
import time
from typing import Any


def _dashboard_app():
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.ui.app import App
    from game.ui.scenes.dashboard import DashboardScene
    from game.ui.session import Session
    from game.ui.settings import Settings

    app = App(Settings(tutorial_done=True), headless=True)
    app.persist_settings = False
    app.session = Session.new(app.content, "cn_lab", 3, ["cn"])
    app.running = True
    app.push(DashboardScene(app))
    app.draw()
    return app


#: Frames drawn before timing: the first frames after a screen opens render and cache its texts
#: (about 20 ms each here); they are measured apart, by :func:`first_frames`.
WARM_UP_FRAMES = 5


def _timed_frames(app: Any, n_frames: int) -> list[float]:
    times = []
    for _ in range(n_frames):
        start = time.perf_counter()
        app.manager.update(1 / 30)
        app.draw()
        times.append(time.perf_counter() - start)
    return times


def first_frames(n_frames: int = WARM_UP_FRAMES) -> list[float]:
    """Seconds for each of the first ``n_frames`` redraws after the dashboard opens (text being cached)."""
    return _timed_frames(_dashboard_app(), n_frames)


def frame_times(n_frames: int) -> list[float]:
    """Seconds per full redraw of the dashboard at 1280x720 (headless), ``n_frames`` times, after the
    warm-up frames that follow the opening of the screen."""
    app = _dashboard_app()
    _timed_frames(app, WARM_UP_FRAMES)
    return _timed_frames(app, n_frames)


def idle_cpu(seconds: float) -> float:
    """Share of one core used by the loop while the dashboard sits idle for ``seconds``."""
    return _idle_share(_dashboard_app(), seconds)


def _idle_share(app: Any, seconds: float) -> float:
    """Share of one core the window's loop uses on ``app``'s screen, left alone for ``seconds``."""
    import pygame

    pygame.event.clear()  # the window's opening events would start a 'warm' period of redraws
    app.warm_until = 0.0
    app.dirty = False
    start_cpu, start = time.process_time(), time.monotonic()
    while time.monotonic() - start < seconds:
        app.frame()
    return (time.process_time() - start_cpu) / (time.monotonic() - start)


def startup_seconds() -> float:
    """Seconds from nothing to the first drawn frame of the main menu (content loading included)."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    start = time.perf_counter()
    from game.ui.app import App
    from game.ui.settings import Settings

    app = App(Settings(), headless=True)
    app.persist_settings = False
    app.start()
    app.draw()
    return time.perf_counter() - start


#: The picture scenes measured by the benchmarks (each shows a game of cn_lab at its crash turn).
PICTURES = ("map", "race", "front_page", "market")


def _picture_app(name: str):
    """A headless window showing picture ``name`` of cn_lab (seed 1, the efficient policy) at the crash:
    the front page at the start of turn 24, the other pictures at the start of turn 25."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.engine.game import Game
    from game.match import play_game
    from game.ui.app import App
    from game.ui.scenes.card import next_card
    from game.ui.scenes.chipmap import MapScene
    from game.ui.scenes.frontpage import FrontPageScene
    from game.ui.scenes.market import MarketScene
    from game.ui.scenes.race import RaceScene
    from game.ui.session import Session
    from game.ui.settings import Settings

    app = App(Settings(tutorial_done=True), headless=True)
    app.persist_settings = False
    game = Game(app.content, "cn_lab")
    played = play_game(game, 1, {"cn": "efficient"}, max_turns=24 if name == "front_page" else 25)
    app.session = Session(game, played.state, ["cn"], played.log, notes=played.notes)
    app.running = True
    make = {"map": MapScene, "race": RaceScene, "market": MarketScene,
            "front_page": lambda a: FrontPageScene(a, next_card(a.session))}[name]
    app.push(make(app))
    return app


def picture_frame_times(name: str, n_frames: int) -> list[float]:
    """Seconds per full redraw of picture ``name`` at 1280x720 once its opening transition is over
    (the transition's frames redraw the picture: they are measured by :func:`picture_transition_times`)."""
    app = _picture_app(name)
    app.top.tween.finish()
    _timed_frames(app, WARM_UP_FRAMES)
    return _timed_frames(app, n_frames)


def picture_transition_times(name: str) -> list[float]:
    """Seconds for each frame of picture ``name``'s opening transition (the picture drawn afresh each frame)."""
    app = _picture_app(name)
    scene = app.top
    times = []
    while scene.animating:
        start = time.perf_counter()
        scene.update(1 / 30)
        app.manager.update(1 / 30)
        app.draw()
        times.append(time.perf_counter() - start)
    return times


def picture_idle_cpu(name: str, seconds: float) -> float:
    """Share of one core used by the loop while picture ``name`` sits idle for ``seconds``."""
    app = _picture_app(name)
    app.top.tween.finish()
    app.draw()
    return _idle_share(app, seconds)
