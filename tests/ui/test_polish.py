"""Behaviours added while polishing the window: the card banner, typed amounts, export with debrief,
translated class-code errors, sounds, French punctuation, large text, the turn summary's money lines."""

from __future__ import annotations

from dataclasses import replace

import pygame
import pytest
from pygame_gui.elements import UIButton, UILabel

from game.engine.actions import BuyChips, EndTurn
from game.engine.notes import Note
from game.ui.session import Session
from tests.ui.helpers import answer_cards, click, find_button, key, quiet, settle, texts, type_text


def _finished(app) -> Session:
    """A two-turn us_lab game played to its end, shown in the window."""
    session = Session.new(app.content, "us_lab", 3, ["us"], {"turn_limit": 2})
    while not session.state.over:
        answer_cards(session)
        session.submit(EndTurn())
    app.session = session
    return session


def test_waiting_card_is_one_banner_not_nine_reasons(app):
    from game.ui.scenes.dashboard import DashboardScene

    app.session = Session.new(app.content, "cn_lab", 5, ["cn"])
    assert any(p.side == "cn" for p in app.session.state.pending)
    dash = DashboardScene(app)
    app.push(dash)
    shown = texts(app)
    assert sum("waiting for your decision" in t for t in shown) == 0
    assert sum("Answer the news card first" in t for t in shown) == 1
    assert app.top.focus.current is dash.card_button
    key(app, pygame.K_RETURN)
    assert app.top.screen_id == "event_card" and app.top.choosing


def test_typed_amount_is_checked_live_and_submitted(app):
    from game.ui.scenes.dashboard import DashboardScene

    session = quiet(Session.new(app.content, "cn_lab", 5, ["cn"]))
    app.session = session
    app.push(DashboardScene(app))
    key(app, pygame.K_b)
    picker = app.top
    assert picker.screen_id == "picker_buy"
    chip = picker.target.split(":")[0]
    before = session.state.labs["cn"].chips.get(chip, 0)
    key(app, pygame.K_n)  # N: to the number field
    type_text(app, "99999999999")  # far more than the lab can pay for or get
    assert not picker.ok.is_enabled
    assert picker.cost_label.text.startswith("⚠")
    for _ in range(11):
        key(app, pygame.K_BACKSPACE)
    type_text(app, "7x")  # letters are refused by the field
    assert picker.entry.get_text() == "7"
    assert picker.chosen() == BuyChips(chip=chip, count=7)
    assert picker.ok.is_enabled and "7" in picker.summary_label.text
    key(app, pygame.K_RETURN)  # Enter in the field confirms
    assert app.top.screen_id == "dashboard"
    assert session.state.labs["cn"].chips.get(chip, 0) == before + 7


def test_parse_amount_reads_prices_with_either_decimal_mark():
    from game.ui.scenes.picker import parse_amount

    assert parse_amount("2,19", True) == 219
    assert parse_amount("2.5", True) == 250
    assert parse_amount("12", True) == 1200
    assert parse_amount("1.234", True) is None
    assert parse_amount("", False) is None
    assert parse_amount("0012", False) == 12


def test_export_writes_json_and_debrief_and_opens_it(app, tmp_path, monkeypatch):
    from game.ui.scenes.end import EndScene

    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url) or True)
    _finished(app)
    app.push(EndScene(app))
    assert not find_button(app, "Open the debrief").is_enabled
    click(app, find_button(app, "Export results"))
    results = tmp_path / "results"
    json_files, html_files = list(results.glob("*.json")), list(results.glob("*.html"))
    assert len(json_files) == 1 and len(html_files) == 1
    assert html_files[0].stem == json_files[0].stem
    assert "<html" in html_files[0].read_text(encoding="utf-8").lower()
    shown = " ".join(texts(app))
    assert json_files[0].name in shown and html_files[0].name in shown
    click(app, find_button(app, "Open the debrief"))
    assert opened == [html_files[0].resolve().as_uri()]


def test_no_browser_is_harmless(app, monkeypatch):
    from game.ui.scenes.end import EndScene

    def fail(url: str) -> bool:
        raise RuntimeError("no display")

    monkeypatch.setattr("webbrowser.open", fail)
    _finished(app)
    app.push(EndScene(app))
    app.top.export()
    app.top.open_debrief()
    assert app.top.screen_id == "end"
    assert any("No web browser" in t for t in texts(app))


def test_bad_class_code_is_explained_in_french(app):
    from game.classcode import ClassCodeError, parse_class_code

    key(app, pygame.K_l)  # French
    click(app, find_button(app, "Nouvelle partie"))
    click(app, app.top.code_entry)
    type_text(app, "cn_lab-abc")
    click(app, find_button(app, "Commencer"))
    assert app.top.screen_id == "new_game"
    with pytest.raises(ClassCodeError) as err:
        parse_class_code("cn_lab-abc")
    french = err.value.message("fr")
    assert french != str(err.value)
    assert any(french in t for t in texts(app))


def test_sounds_follow_the_setting_and_survive_a_broken_mixer(app, monkeypatch):
    from game.ui import sound

    button = find_button(app, "Settings")
    click(app, button)
    assert app.sounds.played[-1:] == ["click"]
    app.apply_settings(replace(app.settings, sound=False))
    played = len(app.sounds.played)
    key(app, pygame.K_ESCAPE)
    click(app, find_button(app, "Settings"))
    assert len(app.sounds.played) == played
    # no audio device: the mixer refuses to start; nothing is heard and nothing breaks
    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)

    def no_device(*args, **kwargs):
        raise pygame.error("no audio device")

    monkeypatch.setattr(pygame.mixer, "init", no_device)
    bank = sound.SoundBank()
    assert bank.play("click") is False
    assert bank.play("crash") is False


def test_sound_files_exist_and_crash_detection():
    from game.ui import sound

    for name in sound.NAMES:
        assert (sound.SOUND_DIR / f"{name}.wav").stat().st_size > 1000
    assert sound.is_crash([Note.of("market.move", 4, None, {"stock": "nvda", "bp": -1700})])
    assert not sound.is_crash([Note.of("market.move", 4, None, {"stock": "nvda", "bp": -200})])


def test_french_choice_lines_use_a_narrow_space_before_the_colon(app):
    from game.i18n import strings
    from game.results import build_result
    from game.ui.scenes.end import choice_lines

    session = Session.new(app.content, "cn_lab", 5, ["cn"], {"turn_limit": 3})
    for _ in range(3):
        answer_cards(session)
        session.submit(EndTurn())
    session.conclude()
    s = strings("fr")
    result = build_result(session.game, session.state, session.actions, session.policies, "fr")
    lines = choice_lines(session, result, s.t, s.pick, "fr")
    assert lines
    assert all("\u202f: " in line for line in lines)
    assert not any(" :" in line.split("</b>", 1)[1].split(".")[0][-3:] for line in lines)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_large_text_dashboard_cuts_nothing(app, lang):
    """At the large text size every button and label of the dashboard holds its whole text."""
    from game.ui import theme
    from game.ui.scenes.dashboard import DashboardScene

    app.apply_settings(replace(app.settings, text_size="large", language=lang))
    session = quiet(Session.new(app.content, "cn_lab", 5, ["cn"]))
    for _ in range(4):
        session.submit(EndTurn())
        quiet(session)
    app.session = session
    app.push(DashboardScene(app))
    settle(app)
    sizes = theme.font_sizes(theme.TEXT_SCALES["large"])
    cut = []
    for element in app.top.elements:
        if isinstance(element, (UIButton, UILabel)) and element.text:
            bold = "#heading" in element.get_object_ids() or "#primary" in element.get_object_ids()
            style = "big" if "#heading" in element.get_object_ids() else "small" if "#reason" in \
                element.get_object_ids() else "body"
            width = theme.font(sizes[style], bold=bold).size(element.text)[0]
            if width > element.rect.w and not element.text.endswith("…"):
                cut.append((element.text, width, element.rect.w))
    assert not cut, cut


def test_turn_summary_says_where_the_money_went(app):
    from game.ui.scenes.summary import SummaryScene, money_moves

    session = quiet(Session.new(app.content, "cn_lab", 5, ["cn"]))
    buy = next(x for x in session.game.legal_actions(session.state) if type(x).__name__ == "BuyChips")
    session.submit(buy)
    session.submit(EndTurn())
    answer_cards(session)
    app.session = session
    lines = money_moves(session, "cn", "en", app.strings.t)
    assert any(line.startswith("chips −") for line in lines)
    assert any(line.startswith("salaries −") for line in lines)
    assert any(line.startswith("power and hosting of your chips −") for line in lines)  # every month
    app.push(SummaryScene(app))
    shown = " ".join(texts(app))
    assert "Money in and out" in shown and "What you did" in shown


def test_f11_switches_full_screen_setting(app):
    assert not app.settings.fullscreen
    key(app, pygame.K_F11)
    assert app.settings.fullscreen
    key(app, pygame.K_F11)
    assert not app.settings.fullscreen


def test_first_turn_market_shows_starting_prices(app):
    from game.ui.scenes.dashboard import DashboardScene
    from game.ui.view import start_prices

    session = quiet(Session.new(app.content, "cn_lab", 5, ["cn"]))
    app.session = session
    app.push(DashboardScene(app))
    app.draw()
    prices = start_prices(session)
    assert prices["nvda"] == session.state.world.stocks["nvda"]
    assert session.state.series == []  # turn 1: nothing recorded yet, so the panel lists the prices


def test_tab_scrolls_the_focused_row_into_view(app):
    """With large text in French a column scrolls once the lab has research under way and several kinds
    of chips: tabbing through every control shows each one whole inside its column, and at least one
    had to be scrolled to."""
    from game.policies import make_policy
    from game.ui.focus import scrolling_box
    from game.ui.scenes.dashboard import DashboardScene

    app.apply_settings(replace(app.settings, text_size="large", language="fr"))
    session = quiet(Session.new(app.content, "cn_lab", 5, ["cn"]))
    player = make_policy("efficient", 5)  # researches first: the figures column grows
    hidden: list = []
    for _turn in range(12):
        while not isinstance(action := player.choose(session.game, session.state,
                                                     session.game.legal_actions(session.state)), EndTurn):
            session.submit(action)
        app.session = session
        app.push(DashboardScene(app))
        settle(app)
        ring = app.top.focus
        hidden = [item for item in ring.items
                  if scrolling_box(item) is not None and not scrolling_box(item).rect.contains(item.rect)]
        if hidden:
            break
        app.pop()
        session.submit(EndTurn())
        quiet(session)
    assert hidden, "the test needs a column that scrolls"
    for _ in range(len(ring.items)):
        key(app, pygame.K_TAB)
        settle(app, 6)
        item = ring.current
        box = scrolling_box(item)
        if box is not None:
            assert box.rect.contains(item.rect), (item.text, item.rect, box.rect)
