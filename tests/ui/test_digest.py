"""January 2025's news comes as one page: a busy turn's cards are read in a few minutes."""

from __future__ import annotations

import pygame

from tests.ui.helpers import click, find_button, key, settle, texts, type_text


def test_a_busy_turn_shows_its_news_on_one_page(app, tmp_path):
    click(app, find_button(app, "New game"))
    click(app, app.top.code_entry)
    type_text(app, "cn_lab-5-l12")
    click(app, find_button(app, "Start"))
    single_cards_in_january = 0
    for _ in range(400):
        sid, date = app.top.screen_id, app.session.state.date
        if sid == "news_digest" and date == "2025-01-01":
            break
        if sid == "event_card":
            single_cards_in_january += date == "2025-01-01" and not app.top.choosing
            key(app, pygame.K_1 if app.top.choosing else pygame.K_RETURN)
        elif sid in ("news_digest", "turn_summary", "tutorial", "front_page", "market"):
            key(app, pygame.K_RETURN)
        elif sid == "dashboard":
            key(app, pygame.K_e)
        else:
            settle(app)
    assert app.top.screen_id == "news_digest", app.top.screen_id
    shown = " ".join(texts(app))
    assert "DeepSeek-R1" in shown and single_cards_in_january == 0
    app.screenshot(tmp_path / "digest.png")
    count = len(app.top.news)
    key(app, pygame.K_RETURN)
    assert app.top.screen_id != "news_digest" and count > 3
