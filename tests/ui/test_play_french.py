"""A first-time player in French, keyboard first: tutorial, a news card, a typed amount, the summary,
to the end screen — all through posted events, as a 14-year-old would click and type."""

from __future__ import annotations

from dataclasses import replace

import pygame

from game.engine.actions import BuyChips
from tests.ui.helpers import click, find_button, key, settle, texts, type_text


def test_first_game_in_french_from_menu_to_end(app):
    app.apply_settings(replace(app.settings, tutorial_done=False))
    key(app, pygame.K_l)
    assert app.settings.language == "fr"
    key(app, pygame.K_n)
    assert app.top.screen_id == "new_game"
    click(app, app.top.code_entry)
    type_text(app, "cn_lab-5-t3")
    click(app, find_button(app, "Commencer"))
    seen: list[str] = []
    tutorial_text: list[str] = []
    bought = False
    for _ in range(400):
        scene = app.top
        sid = scene.screen_id
        if sid not in seen:
            seen.append(sid)
        if sid == "end":
            break
        if sid == "event_card":
            key(app, pygame.K_1 if scene.choosing else pygame.K_RETURN)
        elif sid == "tutorial":
            tutorial_text += texts(app)
            key(app, pygame.K_RETURN)
        elif sid == "briefing":  # the scenario's goals, in French, before anything else
            assert any("Vos objectifs" in t for t in texts(app))
            key(app, pygame.K_RETURN)
        elif sid == "turn_summary":
            assert any("Ce que vous avez fait" in t or "Ce que le monde a fait" in t for t in texts(app))
            key(app, pygame.K_RETURN)
        elif sid == "dashboard" and not bought and scene.group_buttons["buy"].is_enabled:
            key(app, pygame.K_b)  # buy chips: type how many
            seen.append(app.top.screen_id)
            key(app, pygame.K_n)
            type_text(app, "25")
            key(app, pygame.K_RETURN)
            bought = True
        elif sid == "dashboard":
            key(app, pygame.K_e)
        else:
            settle(app)
    assert app.top.screen_id == "end", seen
    assert seen.index("briefing") < seen.index("tutorial") < seen.index("event_card") < seen.index("turn_summary")
    assert {"event_card", "picker_buy", "turn_summary"} <= set(seen)
    # the tutorial taught the key ideas: chips and bans, training cost, price per million tokens
    tour = " ".join(tutorial_text)
    for idea in ("puces", "interdi", "heures-GPU × prix", "million de jetons", "premier tour"):
        assert idea in tour, idea
    session = app.session
    buys = [x.action for x in session.actions if isinstance(x.action, BuyChips)]
    assert buys and buys[0].count == 25
    assert any("Exporter les résultats" in t for t in texts(app))
