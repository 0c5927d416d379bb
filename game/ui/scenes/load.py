"""Load a saved game: the saves folder's files, newest first as ``game.saves.list_saves`` gives them.
The game loaded goes to the ``on_close`` callback as a session (``None`` when the player goes back)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame

from game.ui import persist, theme
from game.ui.scene import Scene
from game.ui.session import Session


class LoadScene(Scene):
    screen_id = "load"

    def __init__(self, app: Any, on_close: Callable[[Session | None], None] | None = None):
        super().__init__(app, on_close)

    def build(self) -> None:
        self.label((340, 40, 600, 44), self.t("ui.load.title"), "#title")
        files = persist.list_save_files()[:12]
        y = 110
        for path in files:
            self.button((340, y, 600, 40), path.stem, lambda p=path: self._load(p), str(path))
            y += 46
        if not files:
            self.label((340, y, 600, 30), self.t("ui.load.none"))
        self.error = self.label((340, 590, 600, 40), "", "#reason")
        self.button((340, 640, 200, 48), self.t("ui.back"), self.close, self.t("ui.key_tip", k="Esc"))

    def _load(self, path: Path) -> None:
        try:
            session = persist.load_from(path)
        except persist.PersistError as exc:
            self.error.set_text(self.t("ui.load.failed") + " " + str(exc))
            return
        self.close(session)

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.BG)
