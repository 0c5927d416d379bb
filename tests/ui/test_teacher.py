"""The Teacher screen: a class code from the options, shown large; a class report from a chosen folder;
results collected from a stick; every mistake said in the player's language."""

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest

from game.resultfiles import export_result
from game.ui.scenes.teacher import ProjectorScene, TeacherScene, class_folder
from tests.report.helpers import make_result
from tests.ui.helpers import click, find_button, key, settle, texts, type_text


def open_teacher(app) -> TeacherScene:
    click(app, find_button(app, "Teacher"))
    assert app.top.screen_id == "teacher"
    return app.top


def test_menu_opens_the_teacher_screen_and_esc_comes_back(app) -> None:
    open_teacher(app)
    key(app, pygame.K_ESCAPE)
    assert app.top.screen_id == "menu"


def test_options_make_the_class_code_that_new_game_reads(app) -> None:
    from game.classcode import parse_class_code

    scene = open_teacher(app)
    scene.seed_text = "4821"
    assert scene.code() == "cn_lab-4821"
    click(app, find_button(app, "30 turns · 50 min"))  # lesson length: the whole calendar → its last 16 turns
    click(app, find_button(app, "As the scenario says"))  # history: default → on
    click(app, find_button(app, "Real events"))  # → off
    click(app, find_button(app, "Normal"))  # difficulty: normal → easy
    scene = app.top
    assert scene.code() == "cn_lab-4821-l16-h0-easy"
    assert parse_class_code(scene.code()) == ("cn_lab", 4821, {"lesson_turns": 16, "history": False,
                                                                 "difficulty": "easy"})


def test_typing_the_game_number_changes_the_code(app) -> None:
    scene = open_teacher(app)
    scene.seed_entry.set_text("")
    app.manager.set_focus_set(scene.seed_entry)
    type_text(app, "77")
    assert scene.code() == "cn_lab-77"
    scene.seed_entry.set_text("")
    scene.seed_text = ""
    assert scene.code() is None  # no number: the code box says what is missing instead
    scene.another_number()
    assert app.top.code() is not None and 1000 <= int(app.top.seed_text) <= 9999


def test_show_large_fills_the_screen_with_the_code(app) -> None:
    scene = open_teacher(app)
    scene.seed_text = "4821"
    click(app, find_button(app, "Show it large"))
    assert isinstance(app.top, ProjectorScene) and app.top.code == "cn_lab-4821"
    settle(app)
    key(app, pygame.K_ESCAPE)
    assert app.top.screen_id == "teacher"


def test_class_report_from_a_folder_opens_in_the_browser(app, tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "stick"
    for seed, nick in ((3, "Ada"), (4, "Blaise")):
        export_result(make_result("cn_lab", seed, "efficient", 4, nick), folder)
    (folder / "notes.json").write_text("[]", encoding="utf-8")
    scene = open_teacher(app)
    scene.make_report(folder)
    settle(app)
    assert scene.report is not None and scene.report.exists()
    shown = " ".join(texts(app))
    assert "2 games" in shown and "notes.json" in shown
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url) or True)
    click(app, find_button(app, "Open the report"))
    assert opened == [scene.report.resolve().as_uri()]


def test_an_empty_folder_is_explained_in_french(app, tmp_path: Path) -> None:
    from dataclasses import replace

    app.apply_settings(replace(app.settings, language="fr"))
    click(app, find_button(app, "Enseignant"))
    scene = app.top
    scene.make_report(tmp_path)
    settle(app)
    assert scene.report is None
    assert any("ne contient aucun fichier de résultats" in text for text in texts(app))


def test_collect_copies_a_sticks_results_into_the_class_folder(app, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    export_result(make_result("cn_lab", 3, "efficient", 4, "Ada"), stick)
    scene = open_teacher(app)
    scene.collect_from(stick)
    settle(app)
    copied = class_folder() / "chip-race-cn_lab-3-ada.json"
    assert json.loads(copied.read_text(encoding="utf-8"))["nickname"] == "Ada"
    assert any("1 result files copied" in text for text in texts(app))


def test_the_folder_buttons_open_the_picker_and_its_choice_comes_back(app, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    export_result(make_result("cn_lab", 3, "efficient", 4, "Ada"), stick)
    open_teacher(app)
    click(app, find_button(app, "Collect from a USB stick"))
    assert app.top.screen_id == "folder_picker"
    app.top.pick(stick)
    settle(app)
    assert app.top.screen_id == "teacher" and (class_folder() / "chip-race-cn_lab-3-ada.json").exists()
    click(app, find_button(app, "Where are my files?"))
    assert app.top.screen_id == "first_start"
    key(app, pygame.K_RETURN)
    assert app.top.screen_id == "teacher"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_large_text_needs_no_scrolling(app, lang) -> None:
    """At the large text size the explanations fit their boxes and the row titles their width."""
    from dataclasses import replace

    from pygame_gui.elements import UILabel, UITextBox

    from game.ui import theme

    app.apply_settings(replace(app.settings, text_size="large", language=lang))
    app.push(TeacherScene(app))
    settle(app)
    boxes = [e for e in app.top.elements if isinstance(e, UITextBox) and e.html_text]
    assert len(boxes) == 3 and all(box.scroll_bar is None for box in boxes)
    size = theme.font_sizes(theme.TEXT_SCALES["large"])["body"]
    for label in (e for e in app.top.elements if isinstance(e, UILabel) and "#heading" not in e.get_object_ids()):
        if "#title" not in label.get_object_ids():
            assert theme.font(size).size(label.text)[0] <= label.rect.w, label.text
