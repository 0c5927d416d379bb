"""A scripted player goes from the main menu to the end screen with posted mouse and key events."""

from __future__ import annotations

import pygame

from tests.ui.helpers import click, find_button, key, settle, type_text


def test_menu_to_end_screen_with_posted_events(app, tmp_path):
    click(app, find_button(app, "New game"))
    assert app.top.screen_id == "new_game"
    click(app, app.top.code_entry)
    type_text(app, "us_lab-5-t2")
    click(app, find_button(app, "Start"))
    seen = set()
    for _ in range(300):
        sid = app.top.screen_id
        seen.add(sid)
        if sid == "end":
            break
        if sid == "event_card":
            key(app, pygame.K_1 if app.top.choosing else pygame.K_RETURN)
        elif sid in ("turn_summary", "tutorial", "briefing"):
            key(app, pygame.K_RETURN)
        elif sid == "dashboard":
            key(app, pygame.K_e)
        else:
            settle(app)
    assert app.top.screen_id == "end", seen
    assert {"dashboard", "turn_summary"} <= seen
    assert app.session.state.over
    click(app, find_button(app, "Export results"))
    exported = list((tmp_path / "results").glob("*.json"))
    assert exported and "us_lab" in exported[0].name


def test_history_off_on_the_new_game_screen_reaches_the_game(app):
    click(app, find_button(app, "New game"))
    click(app, find_button(app, "Real events off"))
    assert app.top.options()[2]["history"] is False
    click(app, find_button(app, "Real events on"))  # back to the scenario's own setting: no option
    assert "history" not in app.top.options()[2]
    click(app, find_button(app, "Real events off"))
    click(app, find_button(app, "Start"))
    settle(app)
    assert app.session is not None
    assert app.session.game.rules.history is False and app.session.state.options["history"] is False
