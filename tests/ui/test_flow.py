"""The flow between screens: what comes before play continues, results handed back by callback,
and one rebuild of the dashboard per confirmed action."""

from __future__ import annotations

import pygame
import pytest

from game.engine.actions import BuyChips, Choose, EndTurn
from game.ui.session import Session
from tests.ui.helpers import click, find_button, key, quiet, settle


@pytest.fixture
def dashboard(app, monkeypatch):
    """A quiet cn_lab game on the dashboard, its builds counted in ``dashboard.builds``."""
    app.flow.start_game(quiet(Session.new(app.content, "cn_lab", 5, ["cn"])))
    settle(app)
    dash = app.top
    assert dash.screen_id == "dashboard"
    dash.builds = 0
    build = dash.build

    def counted() -> None:
        dash.builds += 1
        build()

    monkeypatch.setattr(dash, "build", counted)
    return dash


def test_one_rebuild_per_action_confirmed_in_the_picker(app, dashboard):
    session = app.session
    key(app, pygame.K_b)
    picker = app.top
    assert picker.screen_id == "picker_buy" and dashboard.builds == 0
    action = picker.chosen()
    assert isinstance(action, BuyChips)
    before = session.state.labs["cn"].chips.get(action.chip, 0)
    click(app, picker.ok)
    assert app.top is dashboard
    assert session.state.labs["cn"].chips.get(action.chip, 0) == before + action.count
    assert dashboard.builds == 1  # the pop's build shows the new state; no second one after it


def test_raising_money_is_previewed_then_one_rebuild_per_action_and_per_save(app, dashboard):
    cash = app.session.state.labs["cn"].cash
    click(app, dashboard.group_buttons["raise"])
    # no parameters, but a preview before "Do it": what investors bring and when they listen again
    assert app.top.screen_id == "picker_raise" and app.session.state.labs["cn"].cash == cash
    assert app.top.cost_label.text.startswith("Now: brings")
    key(app, pygame.K_RETURN)
    assert app.top is dashboard and app.session.state.labs["cn"].cash > cash
    assert dashboard.builds == 1
    key(app, pygame.K_s)
    assert app.top.screen_id == "save"
    key(app, pygame.K_RETURN)
    assert app.top is dashboard and dashboard.builds == 2 and dashboard.status.startswith("Game saved")


def test_cancelled_picker_changes_nothing(app, dashboard):
    actions = list(app.session.actions)
    key(app, pygame.K_b)
    click(app, find_button(app, "Cancel"))
    assert app.top is dashboard and app.session.actions == actions and dashboard.builds == 1


def test_route_order_handoff_summary_card_tutorial_end(app):
    from dataclasses import replace

    session = Session.new(app.content, "head_to_head", 5, ["us", "cn"], {"turn_limit": 2})
    app.flow.start_game(session)
    app.apply_settings(replace(app.settings, tutorial_done=False))
    seen = []
    for _ in range(60):
        settle(app)
        top = app.top
        seen.append(top.screen_id)
        if top.screen_id == "end":
            break
        if top.screen_id == "dashboard":
            app.flow.play(EndTurn())
            continue
        if top.screen_id == "event_card" and top.choosing:
            top.choose(next(x for x in session.game.legal_actions(session.state) if isinstance(x, Choose)).choice)
        elif top.screen_id == "tutorial":
            top.finish()
        elif top.screen_id == "briefing":
            top.close()
        else:
            top.done()
    assert seen[-1] == "end" and app.settings.tutorial_done
    assert seen[0] == "pass_laptop"  # the hand-off comes before anything of the lab
    # the goals, then the tutorial, before the first news card
    assert seen.index("briefing") < seen.index("tutorial") < seen.index("event_card")
    assert seen.count("briefing") == 1  # once per game
    summary = seen.index("turn_summary")
    assert seen[summary - 1] == "pass_laptop" and seen[summary + 1] == "event_card"  # summary, then the news
    assert not seen.count("tutorial") > 1  # finished once, remembered


def test_card_news_is_remembered_and_a_choice_is_played(app):
    session = Session.new(app.content, "cn_lab", 5, ["cn"])
    app.flow.start_game(session)
    assert any(p.side == "cn" for p in session.state.pending)
    assert app.flow.open_card()
    card = app.top
    assert card.choosing
    choice = next(x for x in session.game.legal_actions(session.state) if isinstance(x, Choose))
    card.choose(choice.choice)
    assert session.actions[-1].action == choice
    assert (session.state.turn, card.event_id, card.side) in session.shown_cards


def test_leaving_a_game_asks_first(app, dashboard):
    key(app, pygame.K_ESCAPE)
    assert app.top.screen_id == "leave"  # keep playing, leave, or stop here and export
    click(app, find_button(app, "No"))
    assert app.top is dashboard
    key(app, pygame.K_ESCAPE)
    click(app, find_button(app, app.strings.t("lesson.ui.leave")))
    assert app.top.screen_id == "menu" and app.session is None and len(app.stack) == 1


def test_a_loaded_game_comes_back_by_callback(app):
    from game.ui import persist
    from game.ui.scenes.load import LoadScene

    session = Session.new(app.content, "us_lab", 5, ["us"])
    persist.save_to(session, "slot")
    answers: list = []
    app.push(LoadScene(app, answers.append))
    click(app, find_button(app, "slot"))
    assert [a.state.scenario for a in answers] == ["us_lab"]
    assert app.top.screen_id == "menu"  # the scene closed; what to do with the game is the opener's
