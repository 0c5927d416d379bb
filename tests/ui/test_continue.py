"""'Continue' resumes exactly where the player was, mid-turn included, and every game keeps its own
autosave."""

from __future__ import annotations

from game.engine import actions as a
from game.engine.canonical import state_hash
from game.saves import list_saves
from game.ui.session import Session
from tests.ui.helpers import click, find_button, key, settle


def _first_action(session: Session) -> a.Action:
    """A legal action of the viewer that is not ending the turn nor answering a card."""
    return next(x for x in session.game.legal_actions(session.state) if not isinstance(x, (a.EndTurn, a.Choose)))


def test_continue_resumes_mid_turn_with_cards_answered_and_actions_taken(app):
    session = Session.new(app.content, "cn_lab", 3, ["cn"])
    app.flow.start_game(session)
    settle(app)
    while app.top.screen_id in ("event_card", "front_page", "news_digest", "turn_summary", "briefing"):
        top = app.top
        if top.screen_id == "event_card" and top.choosing:
            key(app, __import__("pygame").K_1)  # answer with the first choice
        else:
            getattr(top, "done", top.close)()
            settle(app)
    assert app.top.screen_id == "dashboard" and session.state.turn == 0
    answered = [e for e in session.actions if isinstance(e.action, a.Choose)]
    assert answered, "the first turn of cn_lab seed 3 asks a question"
    app.flow.play(_first_action(session))
    taken, digest, cards = len(session.actions), state_hash(session.state), set(session.shown_cards)

    app.flow.menu()
    settle(app)
    button = find_button(app, app.strings.t("ui.menu.continue"))
    assert button.is_enabled
    click(app, button)
    resumed = app.session
    assert resumed is not session and state_hash(resumed.state) == digest and len(resumed.actions) == taken
    assert resumed.shown_cards == cards and resumed.game_id == session.game_id
    assert app.top.screen_id == "dashboard"  # no answered card, no summary shown again


def test_a_new_game_does_not_overwrite_another_games_autosave(app):
    first = Session.new(app.content, "cn_lab", 3, ["cn"])
    second = Session.new(app.content, "cn_lab", 3, ["cn"])  # the same game started again at once
    for session in (first, second):
        app.session = session
        app.flow.autosave()
    autos = [info for info in list_saves() if info.autosave]
    assert first.game_id != second.game_id and len(autos) == 2


def test_the_load_screen_names_scenario_date_and_turn(app):
    from game.ui.scenes.load import LoadScene

    app.session = Session.new(app.content, "us_lab", 4, ["us"])
    app.flow.autosave()
    app.push(LoadScene(app))
    row = find_button(app, app.strings.t("ui.load.autosave"))
    title = app.strings.pick(app.content.scenarios["us_lab"].title)
    assert app.strings.t("ui.load.when", date="", turn=1).split(",")[1].strip() in row.text
    assert any(getattr(e, "text", "") == title for e in app.top.elements)
