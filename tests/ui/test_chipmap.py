"""The chip map: numbers on hover, opened from the dashboard by its key."""

from __future__ import annotations

import pygame

from tests.ui.helpers import key, settle
from tests.ui.picture_game import session_at


def test_numbers_show_on_hover(app):
    from game.ui.scenes.chipmap import MapScene

    session_at(app, 25)
    scene = MapScene(app)
    scene.tween.finish()
    app.reset(scene)
    settle(app)
    assert scene.tips
    rect, text = scene.tips[0]
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, {"pos": rect.center, "rel": (0, 0), "buttons": (0, 0, 0)}))
    settle(app)
    assert scene.hover == text and any(ch.isdigit() for ch in "".join(t for _, t in scene.tips))


def test_dashboard_keys_open_the_map_and_the_race(app):
    from game.ui.scenes.dashboard import DashboardScene

    session = session_at(app, 25)
    session.seen["cn"] = session.snapshot("cn")
    session.shown_cards |= {(f.turn, f.event, f.side) for f in session.state.fired}
    session.state.pending = []
    session.state.outcome = None  # played with a turn limit: the game would be over
    app.reset(DashboardScene(app))
    settle(app)
    for k, sid in ((pygame.K_w, "map"), (pygame.K_v, "race")):
        key(app, k)
        assert app.top.screen_id == sid
        key(app, pygame.K_ESCAPE)
        assert app.top.screen_id == "dashboard"
