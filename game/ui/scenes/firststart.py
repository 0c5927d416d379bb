"""Where the game keeps its files: settings, saves (and crash reports), exported results. Shown once, at
the first start (before the main menu), and again from the Teacher screen.

The game writes only to these per-user folders, never next to itself: that is what lets the one-folder
app run from a USB stick or a read-only school share.

Example::

    app.run(WhereScene(app, first_start=True))   # the menu follows when the player goes on
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame

from game.ui import theme
from game.ui.scene import Scene, panel

BOX = pygame.Rect(140, 90, 1000, 520)


def is_first_start() -> bool:
    """True when no settings file exists yet: this user has never opened the game window."""
    from game.ui.settings import settings_path

    return not settings_path().exists()


def _folder(find: Callable[[], Path]) -> tuple[Path | None, str]:
    """(folder, "") or (None, reason) when it cannot be found or made (a locked-down profile)."""
    try:
        return find(), ""
    except OSError as exc:
        return None, exc.strerror or str(exc)


def kept_where() -> list[tuple[str, Path | None, str]]:
    """(string key, folder or None, reason when None) for settings, saves and results."""
    from game import saves
    from game.ui.persist import results_dir
    from game.ui.settings import config_dir

    return [("firststart.settings", *_folder(config_dir)), ("firststart.saves", *_folder(saves.data_dir)),
            ("firststart.results", *_folder(results_dir))]


class WhereScene(Scene):
    """One screen: the three folders, each on its own line, and a button to go on."""

    screen_id = "first_start"

    def __init__(self, app: Any, first_start: bool = False):
        super().__init__(app)
        self.first_start = first_start

    def build(self) -> None:
        x, w = BOX.x + 30, BOX.w - 60
        self.label((x, BOX.y + 20, w, 44), self.t("firststart.title"), "#title")
        self.textbox((x, BOX.y + 74, w, 80), self.t("firststart.text"))
        y = BOX.y + 170
        for key, folder, reason in kept_where():
            self.label((x, y, w, 30), self.t(key), "#heading")
            where = str(folder) if folder is not None else self.t("firststart.unavailable", reason=reason)
            self.label((x, y + 32, w, 28), self.fit(where, w))
            y += 78
        self.label((x, y + 6, w, 28), self.t("firststart.later"), "#small")
        ok = self.button((BOX.right - 230, BOX.bottom - 70, 200, 50), self.t("firststart.ok"), self.back,
                         self.t("ui.key_tip", k="Enter"), "#primary")
        self.key(pygame.K_RETURN, self.back)
        self.focus.focus(ok)

    def back(self) -> None:
        if self.first_start:
            from game.ui.scenes.menu import MenuScene

            self.app.replace(MenuScene(self.app))
        else:
            self.app.pop()

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.BG)
        panel(surface, BOX)
