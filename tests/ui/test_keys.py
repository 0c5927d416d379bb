"""Keys: one meaning each (the window's own keys are never a screen's), Enter confirms a picker once a
choice is made, Space only chooses, pickers start from the lab's current values, and the help screen
shows the one key table."""

from __future__ import annotations

import pygame

from game.engine.actions import Hire, SetPrice
from game.ui.keys import KEYS, WINDOW_KEYS, key_table
from game.ui.scenes.help import HelpScene
from game.ui.scenes.newgame import NewGameScene
from game.ui.scenes.picker import PickerScene
from game.ui.session import Session
from game.ui.view import action_groups
from tests.ui.helpers import key, quiet, settle, texts


def _dashboard(app, scenario: str = "us_lab", seed: int = 3) -> Session:
    session = quiet(Session.new(app.content, scenario, seed, [scenario[:2]]))
    app.flow.start_game(session)
    quiet(session)
    key(app, pygame.K_TAB)
    assert app.top.screen_id == "dashboard"
    return session


def _group(session: Session, gid: str):
    return next(g for g in action_groups(session, "en") if g.id == gid)


def test_no_screen_takes_a_key_the_window_keeps(app):
    session = _dashboard(app)
    screens = [app.top]
    for scene in (PickerScene(app, _group(session, "hire"), lambda _: None), NewGameScene(app), HelpScene(app)):
        app.push(scene)
        screens.append(scene)
    for scene in screens:
        scene.enter()
        assert not WINDOW_KEYS & set(scene.shortcuts), scene.screen_id


def test_space_chooses_and_enter_confirms_the_choice(app):
    session = _dashboard(app)
    chosen: list = []
    app.push(PickerScene(app, _group(session, "hire"), chosen.append))
    picker = app.top
    options = [b for b in picker.focus.items if b in picker.choices]
    picker.focus.focus(options[-1])
    key(app, pygame.K_SPACE)                    # choose the last amount: the picker stays open
    assert app.top is picker and not chosen
    key(app, pygame.K_RETURN)                   # Enter: do it, wherever the focus frame is
    assert app.top is not picker
    assert isinstance(chosen[0], Hire) and chosen[0].count == max(o.count for o in _group(session, "hire").options)


def test_enter_on_cancel_cancels(app):
    session = _dashboard(app)
    chosen: list = []
    app.push(PickerScene(app, _group(session, "hire"), chosen.append))
    picker = app.top
    picker.focus.focus(next(b for b in picker.focus.items if b.text == app.strings.t("ui.cancel")))
    key(app, pygame.K_RETURN)
    assert chosen == [None]


def test_the_price_picker_starts_from_the_current_price(app):
    session = _dashboard(app)
    lab = session.state.labs["us"]
    app.push(PickerScene(app, _group(session, "price"), lambda _: None))
    picker = app.top
    assert picker.amount == lab.price_cents
    shown = picker.chosen()
    assert isinstance(shown, SetPrice) and shown.price_cents == lab.price_cents  # not the first preset


def test_the_help_screen_lists_every_key_in_french(app):
    from dataclasses import replace

    app.apply_settings(replace(app.settings, language="fr"))
    app.push(HelpScene(app))
    shown = " ".join(texts(app))
    rows = key_table(app.strings)
    assert len(rows) == len(KEYS)
    for name, does in rows:
        assert name in shown and does in shown
    assert "Entrée" in shown and "Enter" not in shown


def test_tab_reaches_the_class_code_and_the_nickname_and_typing_fills_them(app):
    """A student with a class code can start by keyboard alone: Tab onto the field, type, Tab on."""
    from tests.ui.helpers import type_text

    app.push(NewGameScene(app))
    settle(app)
    scene = app.top
    for _ in range(60):
        if scene.focus.current is scene.code_entry:
            break
        key(app, pygame.K_TAB)
    assert scene.focus.current is scene.code_entry
    type_text(app, "cn_lab-4821")
    assert scene.code_entry.get_text() == "cn_lab-4821"
    key(app, pygame.K_TAB)  # on to the nickname: typing goes there now
    assert scene.focus.current is scene.nick_entry
    type_text(app, "Lea")
    assert (scene.code_entry.get_text(), scene.nick_entry.get_text()) == ("cn_lab-4821", "Lea")
