"""The picture scenes (chip map, race chart, front page, market moment): each renders in both languages
without cut text, with text that stays readable when the 1280x720 picture is shown 1024 wide, numbers
on hover, and each opens where the game's flow says."""

from __future__ import annotations

from dataclasses import replace

import pygame
import pytest

from tests.ui.helpers import key, settle


@pytest.fixture(scope="module")
def played():
    """cn_lab played by the efficient policy: (state, notes) at the start of turn 24 (the crash turn)
    and at the start of turn 25."""
    from game.content.loader import load_content
    from game.engine.game import Game
    from game.play import play_game

    game = Game(load_content(), "cn_lab")
    return {turn: play_game(game, 1, {"cn": "efficient"}, max_turns=turn) for turn in (24, 25)}


def session_of(app, played, turn):
    from game.engine.game import Game
    from game.ui.session import Session

    game = Game(app.content, "cn_lab")
    run = played[turn]
    session = Session(game, run.state.model_copy(deep=True), ["cn"])
    session.notes = list(run.notes)
    app.session = session
    return session


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
def test_picture_renders_whole_in_both_languages(app, played, lang, name, size):
    from game.ui.scenes.picture import MIN_TEXT

    app.apply_settings(replace(app.settings, language=lang, text_size=size))
    session_of(app, played, 24 if name == "front_page" else 25)
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


def test_numbers_show_on_hover(app, played):
    from game.ui.scenes.chipmap import MapScene

    session_of(app, played, 25)
    scene = MapScene(app)
    scene.tween.finish()
    app.reset(scene)
    settle(app)
    assert scene.tips
    rect, text = scene.tips[0]
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, {"pos": rect.center, "rel": (0, 0), "buttons": (0, 0, 0)}))
    settle(app)
    assert scene.hover == text and any(ch.isdigit() for ch in "".join(t for _, t in scene.tips))


def test_front_page_comes_before_a_dated_article_card_once(app, played):
    from game.ui.scenes.card import CardScene, next_card
    from game.ui.scenes.frontpage import FrontPageScene, card_scene, front_page_events

    session = session_of(app, played, 24)
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


def test_generic_event_opens_its_card_directly(app, played):
    from game.ui.scenes.card import CardScene
    from game.ui.scenes.frontpage import card_scene

    session = session_of(app, played, 24)
    generic = next(e.id for e in session.game.rules.events_by_id.values() if e.kind == "generic")
    assert isinstance(card_scene(app, (generic, None, False)), CardScene)


def test_market_moment_opens_on_a_shock_only(app, played):
    from game.ui.scenes.market import open_if_shock

    session = session_of(app, played, 25)
    crash = [n for n in session.notes if n["turn"] == 24]
    calm = [n for n in session.notes if n["turn"] == 24 and n["key"] != "market.move"]
    assert not open_if_shock(app, calm)
    assert open_if_shock(app, crash)
    assert app.top.screen_id == "market" and app.top.turn == 24
    assert app.top.moment.event == "nvidia_crash"


def test_dashboard_keys_open_the_map_and_the_race(app, played):
    from game.ui.scenes.dashboard import DashboardScene

    session = session_of(app, played, 25)
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


def test_turn_summary_shows_the_map_for_a_moment_when_a_flow_changed(app, played):
    from game.ui.scenes.summary import SummaryScene

    session = session_of(app, played, 25)
    session.seen["cn"]["turn"] = 24
    app.reset(SummaryScene(app))
    settle(app)
    glimpse = app.top.glimpse
    assert glimpse.showing and glimpse.picture is not None  # turn 24 delivered chips and bans
    app.top.update(5.0)
    assert not glimpse.showing
    summary = SummaryScene(app)
    app.reset(summary)
    assert summary.glimpse.showing
    key(app, pygame.K_SPACE)  # any key ends it (and still reaches the summary, whose button it presses)
    assert not summary.glimpse.showing


def test_motion_off_opens_pictures_settled(app, played):
    from game.ui.scenes.race import RaceScene

    app.apply_settings(replace(app.settings, motion=False))
    session_of(app, played, 25)
    scene = RaceScene(app)
    assert not scene.animating and not scene.update(0.01)
