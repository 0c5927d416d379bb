"""The first start explains, on one screen, where settings, saves and results are kept; later starts go
straight to the menu."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import pygame

from game.ui.scenes.firststart import WhereScene, is_first_start, kept_where
from tests.ui.helpers import key, settle, texts


def launch(monkeypatch) -> list[str]:
    """Run the ``play`` command with the loop replaced: the first scene it would show."""
    from game.ui import launch as play
    from game.ui.app import App

    shown: list[str] = []

    def run(self, scene=None):
        self.start(scene)
        shown.append(self.top.screen_id)

    monkeypatch.setattr(App, "run", run)
    assert play.run(argparse.Namespace(lang=None, windowed=False, fullscreen=False)) == 0
    return shown


def test_first_start_shows_where_files_are_then_the_menu_never_again(monkeypatch) -> None:
    assert is_first_start()
    assert launch(monkeypatch) == ["first_start"]
    assert not is_first_start()  # the settings were written
    assert launch(monkeypatch) == ["menu"]


def test_the_screen_names_the_three_folders_and_goes_on_to_the_menu(app) -> None:
    app.reset(WhereScene(app, first_start=True))
    settle(app)
    shown = "\n".join(texts(app))
    for name in ("CHIP_RACE_CONFIG_DIR", "CHIP_RACE_DATA", "CHIP_RACE_RESULTS_DIR"):
        assert os.environ[name] in shown
    key(app, pygame.K_RETURN)
    assert app.top.screen_id == "menu" and len(app.stack) == 1


def test_a_folder_that_cannot_be_made_is_said_not_crashed_on(monkeypatch, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    monkeypatch.setenv("CHIP_RACE_DATA", str(tmp_path / "file" / "data"))  # under a file: cannot be made
    rows = dict((key_, (folder, reason)) for key_, folder, reason in kept_where())
    folder, reason = rows["firststart.saves"]
    assert folder is None and reason
