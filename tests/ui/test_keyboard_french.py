"""A whole game in French by keyboard alone: only key presses are posted (Enter, Esc, Tab, Space,
digits and the letters on the buttons), from the main menu to the end screen."""

from __future__ import annotations

from dataclasses import replace

import pygame

from game.engine.actions import Hire, StartTraining
from tests.ui.helpers import key, texts


def tab_to(app, text: str, limit: int = 60) -> None:
    """Tab until the focus frame is on the button whose text starts with ``text`` (as a player looks)."""
    for _ in range(limit):
        current = app.top.focus.current
        if current is not None and getattr(current, "text", "").startswith(text):
            return
        key(app, pygame.K_TAB)
    raise AssertionError(f"Tab never reached '{text}' on {app.top.screen_id}")


def test_a_whole_french_game_by_keyboard_alone(app):
    app.apply_settings(replace(app.settings, tutorial_done=False))
    key(app, pygame.K_l)                        # menu: L switches the language
    assert app.settings.language == "fr"
    key(app, pygame.K_n)                        # N: new game
    assert app.top.screen_id == "new_game"
    us_title = app.strings.pick(app.content.scenarios["us_lab"].title)
    tab_to(app, us_title[:20])
    key(app, pygame.K_SPACE)                    # Space chooses the scenario without starting
    assert app.top.screen_id == "new_game" and app.top.scenario == "us_lab"
    tab_to(app, "8 tours")
    key(app, pygame.K_RETURN)                   # Enter takes the focused length and starts
    assert app.top.screen_id != "new_game", texts(app)
    session = app.session
    rules = session.game.rules
    assert session.state.scenario == "us_lab" and len(rules.dates) - rules.first_turn == 8  # a lesson of 8 turns
    seen: list[str] = []
    acted: set[int] = set()
    for _ in range(500):
        scene = app.top
        sid = scene.screen_id
        seen.append(sid)
        if sid == "end":
            break
        if sid == "event_card":
            key(app, pygame.K_1 if scene.choosing else pygame.K_RETURN)
        elif sid == "dashboard" and session.state.turn not in acted:
            acted.add(session.state.turn)
            groups = scene.group_buttons
            letter = pygame.K_t if groups["train"].is_enabled else pygame.K_h if groups["hire"].is_enabled else None
            if letter is not None:
                key(app, letter)                # the action's letter opens its picker, with its preview
                assert app.top.screen_id.startswith("picker_")
                assert "Tout de suite" in " ".join(texts(app))
                key(app, pygame.K_RETURN)       # Enter confirms the preselected choice
                assert app.top is scene, app.top.screen_id
        elif sid == "dashboard":
            key(app, pygame.K_e)                # E ends the turn
        else:                                   # tutorial, front page, summary, pass-the-laptop, pictures
            key(app, pygame.K_RETURN)
    assert app.top.screen_id == "end", seen[-10:]
    assert app.settings.language == "fr"
    played = [entry.action for entry in session.actions if entry.turn >= session.game.rules.first_turn]
    assert any(isinstance(x, (StartTraining, Hire)) for x in played)
    assert {"tutorial", "dashboard", "turn_summary"} <= set(seen)
    end = " ".join(texts(app))
    assert "points" in end and "Menu principal" in end  # the end screen, in French
