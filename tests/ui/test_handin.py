"""Hand in at any time: the new-game screen's lesson lengths, "stop here and export", the window's close."""

from __future__ import annotations

import json

import pygame

from tests.ui.helpers import click, find_button, key, settle, texts


def _to_dashboard(app) -> None:
    for _ in range(100):
        sid = app.top.screen_id
        if sid == "dashboard":
            return
        if sid == "event_card":
            key(app, pygame.K_1 if app.top.choosing else pygame.K_RETURN)
        elif sid in ("turn_summary", "tutorial", "briefing"):
            key(app, pygame.K_RETURN)
        else:
            settle(app)
    raise AssertionError(app.top.screen_id)


def test_lesson_lengths_show_dates_and_minutes_and_start_later(app):
    click(app, find_button(app, "New game"))
    click(app, find_button(app, "12 turns ·"))
    shown = " ".join(texts(app))
    assert "January 2024 to June 2025" in shown and "minutes" in shown
    click(app, find_button(app, "Start"))
    _to_dashboard(app)
    assert app.session.state.date == "2024-01-01" and app.session.state.options == {"difficulty": "normal",
                                                                                      "lesson_turns": 12}


def test_stop_here_and_export_hands_in_an_unfinished_game(app, tmp_path):
    click(app, find_button(app, "New game"))
    click(app, app.top.code_entry)
    from tests.ui.helpers import type_text

    type_text(app, "us_lab-5-l8")
    click(app, find_button(app, "Start"))
    _to_dashboard(app)
    click(app, find_button(app, "Menu"))
    click(app, find_button(app, "Stop here and export"))
    files = list((tmp_path / "results").glob("*.json"))
    assert len(files) == 1 and files[0].with_suffix(".html").exists()
    result = json.loads(files[0].read_text(encoding="utf-8"))
    assert result["outcome"] == "unfinished" and result["outcome_reason"] == "stopped"
    assert any(files[0].name in t for t in texts(app))
    assert app.top.screen_id == "message"


def test_stop_here_and_export_to_a_chosen_folder(app, tmp_path):
    """The game menu's "To a folder…": an unfinished game handed in on a USB stick, then the menu."""
    click(app, find_button(app, "New game"))
    click(app, app.top.code_entry)
    from tests.ui.helpers import type_text

    type_text(app, "us_lab-5-l8")
    click(app, find_button(app, "Start"))
    _to_dashboard(app)
    click(app, find_button(app, "Menu"))
    click(app, find_button(app, "To a folder"))
    assert app.top.screen_id == "folder_picker"
    app.top.pick(tmp_path / "stick")
    settle(app)
    files = list((tmp_path / "stick").glob("*.json"))
    assert len(files) == 1 and files[0].with_suffix(".html").exists()
    assert json.loads(files[0].read_text(encoding="utf-8"))["outcome"] == "unfinished"
    assert app.top.screen_id == "message" and any(str(tmp_path / "stick") in t for t in texts(app))
    assert app.session is None  # back to the menu, the game still saved


def test_closing_the_window_mid_game_exports_it(app, tmp_path):
    click(app, find_button(app, "New game"))
    click(app, find_button(app, "Start"))
    _to_dashboard(app)
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    settle(app, 1)
    assert not app.running
    assert len(list((tmp_path / "results").glob("*.json"))) == 1
