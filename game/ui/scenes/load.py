"""Load a saved game: the saves folder's files, newest first as ``game.saves.list_saves`` gives them."""

from __future__ import annotations

import pygame

from game.ui import persist, theme
from game.ui.scene import Scene


class LoadScene(Scene):
    screen_id = "load"

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
        self.button((340, 640, 200, 48), self.t("ui.back"), self.app.pop, self.t("ui.key_tip", k="Esc"))

    def _load(self, path: object) -> None:
        from game.ui.scenes.dashboard import start_session

        try:
            session = persist.load_from(path)  # type: ignore[arg-type]
        except persist.PersistError as exc:
            self.error.set_text(self.t("ui.load.failed") + " " + str(exc))
            return
        start_session(self.app, session)

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.BG)
