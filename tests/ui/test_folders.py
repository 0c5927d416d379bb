"""The folder picker (pygame_gui's dialog in folder mode, with shortcuts) and the end screen's export to
a chosen folder, with the read-only stick said in the player's language."""

from __future__ import annotations

import errno
from pathlib import Path

import pygame
import pygame_gui

from game.ui.scenes.folders import FolderPickScene, export_to_folder, places
from tests.ui.helpers import click, find_button, key, settle, texts


def picker(app, start: Path, chosen: list[Path]) -> FolderPickScene:
    scene = FolderPickScene(app, "folders.title_report", chosen.append, start)
    app.push(scene)
    settle(app)
    return scene


def test_the_dialog_choice_closes_the_picker_and_is_handed_back(app, tmp_path: Path) -> None:
    chosen: list[Path] = []
    scene = picker(app, tmp_path, chosen)
    assert scene.dialog is not None and not scene.dialog.delete_button.visible  # no deleting from here
    pygame.event.post(pygame.event.Event(pygame_gui.UI_FILE_DIALOG_PATH_PICKED,
                                         {"text": str(tmp_path), "ui_element": scene.dialog}))
    settle(app)
    assert chosen == [tmp_path] and app.top.screen_id == "menu"


def test_use_this_folder_takes_the_folder_shown(app, tmp_path: Path) -> None:
    chosen: list[Path] = []
    picker(app, tmp_path, chosen)
    click(app, find_button(app, "Use this folder"))
    assert chosen == [tmp_path] and app.top.screen_id == "menu"


def test_cancel_and_esc_choose_nothing(app, tmp_path: Path) -> None:
    chosen: list[Path] = []
    picker(app, tmp_path, chosen)
    key(app, pygame.K_ESCAPE)
    assert app.top.screen_id == "menu"
    picker(app, tmp_path, chosen)
    click(app, find_button(app, "Cancel"))
    assert chosen == [] and app.top.screen_id == "menu"


def test_shortcuts_move_the_dialog(app, tmp_path: Path) -> None:
    from game.ui.persist import results_dir

    assert ("folders.results", results_dir()) in places()
    chosen: list[Path] = []
    picker(app, tmp_path, chosen)
    click(app, find_button(app, "Chip Race results"))
    assert app.top.start == results_dir() and results_dir().is_dir()  # made if it was not there
    click(app, find_button(app, "Use this folder"))
    assert chosen == [results_dir()]


def end_screen(app):
    from game.engine.actions import EndTurn
    from game.ui.scenes.end import EndScene
    from game.ui.session import Session

    app.session = Session.new(app.content, "cn_lab", 3, ["cn"], options={"turn_limit": 2}, nickname="Ada")
    session = app.session
    while not session.state.over:  # a short game played to its end (cards answered): charts have figures
        legal = session.game.legal_actions(session.state)
        session.submit(next((x for x in legal if isinstance(x, EndTurn)), legal[0]))
    app.reset(EndScene(app))
    settle(app)
    return app.top


def test_end_screen_exports_to_a_chosen_folder(app, tmp_path: Path) -> None:
    end = end_screen(app)
    click(app, find_button(app, "To a folder"))
    assert app.top.screen_id == "folder_picker"
    app.top.pick(tmp_path / "stick")
    settle(app)
    assert app.top is end and end.debrief == tmp_path / "stick" / "chip-race-cn_lab-3-ada.html"
    assert (tmp_path / "stick" / "chip-race-cn_lab-3-ada.json").exists()
    assert any(str(tmp_path / "stick") in text for text in texts(app))


def test_a_read_only_stick_is_said_in_french(app, tmp_path: Path, monkeypatch) -> None:
    from dataclasses import replace

    import game.resultfiles as rf

    def read_only(target, data):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(rf, "atomic_write", read_only)
    app.apply_settings(replace(app.settings, language="fr"))
    end = end_screen(app)
    export_to_folder(end)
    app.top.pick(tmp_path)
    settle(app)
    assert end.debrief is None
    assert any("lecture seule" in text and "Export impossible" in text for text in texts(app))
