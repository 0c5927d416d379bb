"""The front page comes before a dated article's card, once a turn; other cards open directly."""

from __future__ import annotations

import pygame

from tests.ui.helpers import key, settle
from tests.ui.picture_game import session_at


def test_front_page_comes_before_a_dated_article_card_once(app):
    from game.ui.scenes.card import CardScene, next_card
    from game.ui.scenes.frontpage import FrontPageScene, card_scene, front_page_events

    session = session_at(app, 24)
    card = next_card(session)
    assert card is not None
    first = card_scene(app, card)
    assert isinstance(first, FrontPageScene)
    assert len(front_page_events(session, card[0])) > 1  # the crash turn's other articles are headlines
    app.reset(first)
    settle(app)
    key(app, pygame.K_RETURN)
    assert app.top.screen_id == "event_card" and app.top.event_id == card[0]
    assert isinstance(card_scene(app, card), CardScene)  # one front page a turn


def test_generic_event_opens_its_card_directly(app):
    from game.ui.scenes.card import CardScene
    from game.ui.scenes.frontpage import card_scene

    session = session_at(app, 24)
    generic = next(e.id for e in session.game.rules.events_by_id.values() if e.kind == "generic")
    assert isinstance(card_scene(app, (generic, None, False)), CardScene)
