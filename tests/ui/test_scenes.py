"""Each scene renders; language switch; disabled actions show their reason; event choices work."""

from __future__ import annotations

import pygame
import pytest

from game.engine.actions import EndTurn
from game.ui.session import Session
from tests.ui.helpers import answer_cards, click, find_button, key, settle, texts


def _non_blank(surface: pygame.Surface) -> bool:
    small = pygame.transform.smoothscale(surface, (64, 36))
    colours = {small.get_at((x, y))[:3] for x in range(64) for y in range(36)}
    return len(colours) > 20




def _play_until(session: Session, test) -> None:
    for _ in range(40):
        if test(session):
            return
        answer_cards(session)
        session.submit(EndTurn())
    raise AssertionError("condition never reached")


@pytest.mark.parametrize("name", ["menu", "new_game", "settings", "help", "load", "dashboard", "picker", "card",
                                  "summary", "handoff", "end", "crash"])
def test_each_scene_renders(app, name):
    from game.ui.scenes import card, crash, dashboard, end, help, load, newgame, picker, settings, summary
    from game.ui.view import action_groups

    session = Session.new(app.content, "head_to_head", 5, ["us", "cn"], {"turn_limit": 3})
    app.session = session
    scene = {
        "menu": lambda: app.top, "new_game": lambda: newgame.NewGameScene(app),
        "settings": lambda: settings.SettingsScene(app), "help": lambda: help.HelpScene(app, "token"),
        "load": lambda: load.LoadScene(app), "dashboard": lambda: dashboard.DashboardScene(app),
        "picker": lambda: (answer_cards(session),
                           picker.PickerScene(app, next(g for g in action_groups(session, "en") if g.options)))[1],
        "card": lambda: card.CardScene(app, (session.game.rules.events[0].id, None, False)),
        "summary": lambda: summary.SummaryScene(app), "handoff": lambda: summary.HandoffScene(app, "cn"),
        "end": lambda: (session.conclude(), end.EndScene(app))[1], "crash": lambda: crash.CrashScene(app, None),
    }[name]()
    if scene is not app.top:
        app.push(scene)
    app.draw()
    assert app.top is scene
    assert _non_blank(app.screen)
    assert app.screen.get_size() == (1280, 720)


def test_language_switch_changes_visible_text(app):
    assert any("New game" in t for t in texts(app))
    key(app, pygame.K_l)
    assert app.settings.language == "fr"
    assert any("Nouvelle partie" in t for t in texts(app))
    assert not any("New game" in t for t in texts(app))


def test_disabled_action_shows_reason(app):
    from game.ui.scenes.dashboard import DashboardScene

    app.session = Session.new(app.content, "cn_lab", 3, ["cn"])  # no model on sale yet: no price change
    answer_cards(app.session)
    dash = DashboardScene(app)
    app.push(dash)
    button = dash.group_buttons["price"]
    assert not button.is_enabled
    assert any("No model on sale yet" in t for t in texts(app))


def test_banned_chip_shows_export_ban_in_picker(app):
    from game.ui.scenes.dashboard import DashboardScene
    from game.ui.scenes.picker import PickerScene
    from game.ui.view import action_groups

    session = Session.new(app.content, "cn_lab", 3, ["cn"])
    _play_until(session, lambda s: "h100" in s.state.world.banned)
    answer_cards(session)
    app.session = session
    session.shown_cards = {(f.turn, f.event, f.side) for f in session.state.fired}
    session.seen["cn"] = session.snapshot("cn")
    dash = DashboardScene(app)
    app.push(dash)
    buy = next(g for g in action_groups(session, "en") if g.id == "buy")
    assert buy.options, buy.reason
    app.push(PickerScene(app, buy, dash.submit))
    settle(app)
    shown = texts(app)
    # under the chip's button, the reason without the chip's name again
    reasons = [t for t in shown if t.startswith("⚠ Banned for sale to China")]
    assert reasons and "Nvidia H100" in shown
    assert any("since" in t for t in reasons)


def test_event_choice_changes_state_as_the_option_says(app):
    from game.engine.actions import Choose
    from game.engine.canonical import state_hash
    from game.ui.scenes.card import CardScene

    session = Session.new(app.content, "cn_lab", 3, ["cn"])
    _play_until(session, lambda s: any(p.event == "highflyer_stockpile" for p in s.state.pending))
    app.session = session
    before = session.state
    event = session.game.rules.events_by_id["highflyer_stockpile"]
    first = event.choices[0]
    expected = session.game.apply(before, Choose(event=event.id, choice=first.id)).state
    chosen: list[str | None] = []
    app.push(CardScene(app, ("highflyer_stockpile", "cn", True), chosen.append))
    settle(app)
    click(app, find_button(app, first.label["en"]))
    assert chosen == [first.id] and app.top.screen_id == "menu"  # the card answers its opener, then closes
    assert state_hash(session.state) == state_hash(before)  # the card itself changes nothing
    assert app.flow.open_card() and app.top.screen_id == "front_page"  # a dated article: its front page first
    app.top.done()
    assert app.top.screen_id == "event_card"  # opened by the flow (through its front page), it is played
    settle(app)
    click(app, find_button(app, first.label["en"]))
    assert state_hash(session.state) == state_hash(expected)  # exactly what the option does
    assert state_hash(session.state) != state_hash(before)
    fired = next(f for f in session.state.fired if f.event == "highflyer_stockpile")
    assert fired.choice == first.id


def test_crash_shows_dialog_and_writes_report(app, tmp_path):
    app.session = Session.new(app.content, "us_lab", 3, ["us"])

    def boom(dt):
        raise RuntimeError("test crash")

    app.top.update = boom
    app.frame(0)
    assert app.top.screen_id == "crash"
    click(app, find_button(app, "Back to the menu"))
    assert app.top.screen_id == "menu"


def test_save_asks_for_a_name_and_keeps_several_slots(app):
    from game.saves import list_saves
    from game.ui.scenes import dashboard
    from tests.ui.helpers import type_text

    app.session = Session.new(app.content, "us_lab", 5, ["us"], {"turn_limit": 3})
    app.push(dashboard.DashboardScene(app))
    settle(app)
    for _ in range(20):  # read this turn's news (and answer its cards) first, as a player would
        if app.top.screen_id == "dashboard":
            break
        key(app, pygame.K_1 if getattr(app.top, "choosing", False) else pygame.K_RETURN)
    for name in ("first try", "open weights"):
        key(app, pygame.K_s)
        assert app.top.screen_id == "save"
        app.top.entry.set_text("")
        type_text(app, name)
        key(app, pygame.K_RETURN)
        assert app.top.screen_id == "dashboard"
    names = {info.name for info in list_saves()}
    assert {"first try", "open weights"} <= names


def test_a_shortcut_key_is_not_typed_into_the_field_it_opens(app):
    """S opens the save dialog; the keystroke's own text (SDL sends it right after the key) must not land
    in the name field the dialog focuses."""
    from game.ui.scenes import dashboard

    app.session = Session.new(app.content, "us_lab", 5, ["us"], {"turn_limit": 3})
    app.push(dashboard.DashboardScene(app))
    settle(app)
    for _ in range(20):  # read this turn's news (and answer its cards) first
        if app.top.screen_id == "dashboard":
            break
        key(app, pygame.K_1 if getattr(app.top, "choosing", False) else pygame.K_RETURN)
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, {"key": pygame.K_s, "mod": 0, "unicode": "s",
                                                          "scancode": 0}))
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, {"text": "s"}))
    settle(app)
    assert app.top.screen_id == "save"
    assert app.top.entry.get_text() == app.top.default_name
