"""Headless UI fixtures: settings, saves and results go to a temporary folder."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("CHIP_RACE_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("CHIP_RACE_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("CHIP_RACE_RESULTS_DIR", str(tmp_path / "results"))


@pytest.fixture
def app():
    import warnings

    warnings.filterwarnings("ignore", category=UserWarning, module="pygame_gui")
    from game.ui.app import App
    from game.ui.settings import Settings

    application = App(Settings(tutorial_done=True), headless=True)
    application.persist_settings = False
    application.start()
    yield application
