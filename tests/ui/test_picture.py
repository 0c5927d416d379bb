"""Every picture (chip map, race chart, front page, market moment) renders whole: both languages, both
text sizes, no cut text, text still readable when the 1280x720 picture is shown 1024 wide; motion off
opens it settled."""

from __future__ import annotations

from dataclasses import replace

import pygame
import pytest

from tests.ui.picture_game import session_at


def scenes(app):
    from game.ui.scenes.card import next_card
    from game.ui.scenes.chipmap import MapScene
    from game.ui.scenes.frontpage import FrontPageScene
    from game.ui.scenes.market import MarketScene
    from game.ui.scenes.race import RaceScene

    return {"map": lambda: MapScene(app), "race": lambda: RaceScene(app), "market": lambda: MarketScene(app),
            "front_page": lambda: FrontPageScene(app, next_card(app.session))}


def not_blank(surface, size):
    small = pygame.transform.smoothscale(surface, size)
    return len({small.get_at((x, y))[:3] for x in range(0, size[0], 16) for y in range(0, size[1], 16)}) > 8


@pytest.mark.parametrize("size", ["normal", "large"])
@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("name", ["map", "race", "market", "front_page"])
def test_picture_renders_whole_in_both_languages(app, lang, name, size):
    from game.ui.scenes.picture import MIN_TEXT

    app.apply_settings(replace(app.settings, language=lang, text_size=size))
    session_at(app, 24 if name == "front_page" else 25)
    scene = scenes(app)[name]()
    app.reset(scene)
    for _ in range(12):  # through the opening transition
        app.frame(0)
        scene.update(0.05)
    app.manager.update(0.01)
    app.draw()
    assert app.top is scene and not scene.animating
    assert scene.cut == [], f"text cut on {name} ({lang}): {scene.cut}"
    # 1024x640 shows the 1280x720 picture at 0.8: the smallest text is still 10 px or more
    assert scene.smallest >= MIN_TEXT and MIN_TEXT * 1024 / 1280 >= 10
    assert not_blank(app.screen, (1280, 720)) and not_blank(app.screen, (1024, 576))


def test_motion_off_opens_pictures_settled(app):
    from game.ui.scenes.race import RaceScene

    app.apply_settings(replace(app.settings, motion=False))
    session_at(app, 25)
    scene = RaceScene(app)
    assert not scene.animating and not scene.update(0.01)
